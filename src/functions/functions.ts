// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the placeholder does not use CustomFunctions yet
/* global CustomFunctions */
/**
 * Returnerer G-snitt for året (plassholder; erstattes av de ekte funksjonene).
 * @customfunction G_SNITT G_SNITT
 * @param aar Inntektsåret
 * @returns G-snitt
 */
export function gSnitt(aar: number): number { return aar * 0; }
