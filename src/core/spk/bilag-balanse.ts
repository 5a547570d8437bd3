import { isRuleError, numberError, Result, RuleError } from "../errors";
import { Bilag } from "./types";
import { kronerTekst, oreAv } from "./bilag-format";

/**
 * Σ of a voucher's lines in øre, checked line by line: every amount must be a whole number of øre.
 * Shared by the voucher builders (which refuse to hand out an unbalanced voucher: that would be a
 * bug) and the exports (which refuse to write one, whoever built it).
 */
export function bilagSumOre(bilag: Bilag): Result<number> {
  let total = 0;
  for (const linje of bilag.linjer) {
    const ore = oreAv(linje.belop, `Bilag ${bilag.id}, linje ${linje.linje}: beløpet`);
    if (isRuleError(ore)) return ore;
    total += ore;
  }
  return total;
}

/** undefined when the voucher sums to exactly 0; else an error naming the voucher and the difference. */
export function balanseFeil(bilag: Bilag): RuleError | undefined {
  const total = bilagSumOre(bilag);
  if (isRuleError(total)) return total;
  if (total !== 0) {
    return numberError(`Bilag ${bilag.id} går ikke i null: summen av linjene er ${kronerTekst(total)} kr.`);
  }
  return undefined;
}
