import { isRuleError, numberError, Result } from "../errors";
import { allocateOre, usableWeights } from "../money/allocate";
import { checkedAmount } from "../money/amount";
import { Exact } from "../money/exact";

/**
 * An amount split in proportion to weights, in kroner with whole øre, summing exactly to the
 * amount rounded to øre (largest remainder; ties to the earlier position). The one rule for
 * every split in the product: FORDEL, dimension splits on voucher lines, the A-melding split.
 */
export function fordel(belop: number, vekter: readonly number[]): Result<number[]> {
  const amount = checkedAmount(belop, "Beløpet");
  if (isRuleError(amount)) return amount;
  const weights: Exact[] = [];
  for (let i = 0; i < vekter.length; i++) {
    const w = checkedAmount(vekter[i], `Vekt nr. ${i + 1}`);
    if (isRuleError(w)) return w;
    weights.push(w);
  }
  return fordelExact(amount, weights);
}

export function fordelExact(amount: Exact, weights: readonly Exact[]): Result<number[]> {
  if (weights.length === 0) return numberError("Det er ingen vekter å fordele etter.");
  if (!usableWeights(weights)) return numberError("Vektene må være 0 eller større, og minst én må være større enn 0.");
  return allocateOre(amount, weights).map((ore) => ore / 100);
}
