/**
 * Messages said in more than one place, written once. Each is Norwegian bokmål and says what is
 * wrong and what to do.
 */

/** `Importen ble avvist (3 feil); ingenting er skrevet:`, the heading of a rejected input's problem list. */
export function rejectedHeading(subject: string, count: number): string {
  return `${subject} ble avvist (${count} feil); ingenting er skrevet:`;
}

/** For a rate typed where a fraction belongs: `fikk 13.87`. */
export const RATE_FRACTION_HINT = "en brøk fra og med 0 til 1, f.eks. 0,1387 for 13,87 %";

/** The tail of a message about a cut list: `… og 12 feil til.` */
export const moreProblems = (count: number): string => `… og ${count} feil til.`;
