/** A fraction that can be a rate (an AGA rate, a materiality limit): 0 ≤ x < 1 (13,87 % is 0.1387). */
export function isRateFraction(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value < 1;
}
