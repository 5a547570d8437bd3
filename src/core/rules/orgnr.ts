/**
 * Organisasjonsnummer and virksomhetsnummer (underenhet) from Enhetsregisteret: nine digits, the
 * last a modulus 11 check digit over the first eight with weights 3, 2, 7, 6, 5, 4, 3, 2.
 * A remainder giving check digit 10 means the number cannot exist.
 */
const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/** The number without spaces (people write `974 760 673`); undefined if it is not nine digits. */
export function normalOrgnr(input: string | number): string | undefined {
  const text = typeof input === "number" ? (Number.isInteger(input) ? String(input) : "") : input.replace(/[\s\u00a0]/g, "");
  return /^\d{9}$/.test(text) ? text : undefined;
}

/** The check digit for the first eight digits, or undefined when no valid number has them. */
export function checkDigit(first8: string): number | undefined {
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first8[i]), 0);
  const digit = 11 - (sum % 11);
  if (digit === 11) return 0;
  return digit === 10 ? undefined : digit;
}

export function isValidOrgnr(input: string | number): boolean {
  const nr = normalOrgnr(input);
  if (nr === undefined) return false;
  return checkDigit(nr.slice(0, 8)) === Number(nr[8]);
}
