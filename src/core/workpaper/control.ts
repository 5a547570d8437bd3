/**
 * The two thresholds every workpaper applies to a difference (DESIGN.md §3.1, §8.3). A difference
 * within the tolerance is rounding: it needs no explanation and is never material. Above it, the
 * difference needs an explanation; it is material when it is also above the materiality limit,
 * a share of the amount it is measured against. Comparisons are exact and strict: exactly the
 * tolerance is within it.
 */
import { compare, rate, times } from "../money/exact";
import { absOre, exactOf, Ore } from "../money/ore";

export interface Thresholds {
  /** Largest difference taken as rounding (DESIGN.md: 1 kr by default). */
  readonly tolerance: Ore;
  /** A fraction of the base (0.05 for 5 %). */
  readonly materiality: number;
}

/** |difference| > tolerance. */
export const overTolerance = (difference: Ore, tolerance: Ore): boolean => absOre(difference) > tolerance;

/**
 * Material: above the tolerance, and |difference| > materiality × |base|. With base 0 any
 * difference above the tolerance is material (there is nothing it could be small against).
 */
export function isMaterial(difference: Ore, base: Ore, t: Thresholds): boolean {
  if (!overTolerance(difference, t.tolerance)) return false;
  return compare(exactOf(absOre(difference)), times(exactOf(absOre(base)), rate(t.materiality))) > 0;
}
