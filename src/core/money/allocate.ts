import { maxOf } from "../list";
import type Decimal from "decimal.js";
import { Dec, Exact, roundToOre, sign, toDecimal } from "./exact";

/**
 * Splits an amount in proportion to weights, in whole øre, so that the parts add up to exactly
 * the amount rounded to øre (largest remainder method). Ties in the remainder go to the earlier
 * position, so the split is the same every time. A negative amount is split as its absolute
 * value and every part negated: a reversal mirrors the original posting line for line.
 *
 * Weights must be non-negative with a positive total; the caller validates that.
 * Returns øre per position.
 */
export function allocateOre(amount: Exact, weights: readonly Exact[]): number[] {
  const totalOre = roundToOre(amount);
  const direction = totalOre < 0 ? -1 : 1;
  const magnitude = Math.abs(totalOre);

  // Scale the weights to integers so shares and remainders are exact integer arithmetic.
  const decimals = maxOf(weights.map((w) => toDecimal(w).decimalPlaces()), 0);
  const scale = new Dec(10).pow(decimals);
  const scaled = weights.map((w) => toDecimal(w).times(scale));
  const totalWeight = scaled.reduce((acc, w) => acc.plus(w), new Dec(0));

  const parts: number[] = [];
  const remainders: { index: number; remainder: Decimal }[] = [];
  let allocated = 0;
  scaled.forEach((weight, index) => {
    const numerator = weight.times(magnitude);
    const whole = numerator.divToInt(totalWeight);
    parts.push(whole.toNumber());
    allocated += whole.toNumber();
    remainders.push({ index, remainder: numerator.minus(whole.times(totalWeight)) });
  });

  const leftover = magnitude - allocated;
  remainders.sort((a, b) => b.remainder.comparedTo(a.remainder) || a.index - b.index);
  for (let i = 0; i < leftover; i++) parts[remainders[i].index] += 1;

  return parts.map((ore) => (ore * direction) + 0);
}

/** True when every weight is ≥ 0 and at least one is > 0. */
export function usableWeights(weights: readonly Exact[]): boolean {
  return weights.every((w) => sign(w) >= 0) && weights.some((w) => sign(w) > 0);
}
