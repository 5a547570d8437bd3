import { rate, times } from "../money/exact";
import { exactOf, Ore, roundedOre } from "../money/ore";

/**
 * AGA on a difference to post: round(R × S, 2), half away from zero, exact. THE rule for the AGA
 * on the pension-premium difference; the sheet's T column (=ROUND(R*S,2)), the vouchers and the
 * year figures all use it, so they agree to the øre.
 */
export function agaOnDifference(R: Ore, S: number): Ore {
  return roundedOre(times(exactOf(R), rate(S)));
}
