import { fromNumber, rate, roundKroner, times } from "../money/exact";

/**
 * TEMPORARY: the AGA-on-difference rule belongs to the reconciliation model (`reconcile.ts`,
 * being written in parallel), which will export it as `agaPaDifferanse(R, S)`. This file only
 * re-states its contract so the vouchers build; replace the import in bilag.ts with the model's
 * function and delete this file once it exists, so the figure is computed in one place.
 */
export function agaPaDifferanse(R: number, S: number): number {
  return roundKroner(times(fromNumber(R), rate(S)));
}
