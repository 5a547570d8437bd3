import { Avstemming, DEFAULT_KONTOER, Oppsett, Summer, TerminInput, TerminResult } from "../../../src/core/spk/types";

/** Test fixtures: reconciliation results built by hand, as the model would hand them over. */
export function oppsett(overrides: Partial<Oppsett> = {}): Oppsett {
  return {
    virksomhet: "Eksempeletaten",
    orgnr: "974760673",
    aar: 2024,
    budsjettering: "brutto",
    modus: "terminvis",
    agaSats: 0.1387,
    toleranse: 1,
    vesentlighetsgrense: 0.05,
    kontoer: DEFAULT_KONTOER,
    dimensjoner: [],
    bilagsart: "KB",
    firma: "72",
    ...overrides,
  };
}

const EMPTY_INPUT: Omit<TerminInput, "termin"> = {
  sapArbeidsgiverandel: 0, sapMedlemsinnskudd: 0, unit4Pensjonsutgift: 0, unit4AvsetningArbeidsgiverandel: 0,
  unit4Medlemsinnskudd: 0, fakturaArbeidsgiverandel: 0, fakturaDifferanse: 0, fakturaMedlemsinnskudd: 0,
};

/** A termin result with the figures a voucher reads (R, O, P, S, T); the rest 0. T is given, as the model computes it. */
export function termin(nr: number, f: { R?: number; O?: number; P?: number; T?: number; S?: number } = {}): TerminResult {
  const R = f.R ?? 0;
  return {
    termin: nr, input: { termin: nr, ...EMPTY_INPUT },
    G: 0, H: 0, I: 0, O: f.O ?? 0, P: f.P ?? 0, Q: R, R, S: f.S ?? 0.1387, T: f.T ?? 0, flags: [],
  };
}

export function summer(terminer: readonly TerminResult[]): Summer {
  // Test-side sums in øre, so the fixture never carries a float artefact.
  const s = (k: "O" | "P" | "Q" | "R" | "T") => terminer.reduce((acc, t) => acc + Math.round(t[k] * 100), 0) / 100;
  return { B: 0, C: 0, D: 0, E: 0, F: 0, G: 0, H: 0, I: 0, L: 0, M: 0, N: 0, O: s("O"), P: s("P"), Q: s("Q"), R: s("R"), T: s("T") };
}

export function avstemming(o: Oppsett, terminer: readonly TerminResult[], extra: Partial<Avstemming> = {}): Avstemming {
  return { oppsett: o, terminer, sum: summer(terminer), flags: [], saldokontroll: [], ...extra };
}

/** Σ of a voucher's lines in øre. */
export const sumOre = (linjer: readonly { belop: number }[]) => linjer.reduce((a, l) => a + Math.round(l.belop * 100), 0);

/** [konto, beløp] pairs, for compact expectations. */
export const kontoBelop = (linjer: readonly { konto: string; belop: number }[]) => linjer.map((l) => [l.konto, l.belop]);
