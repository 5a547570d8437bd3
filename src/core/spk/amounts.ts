import { isRuleError, numberError, Result } from "../errors";
import { checkedAmount } from "../money/amount";
import { compare, Exact, fromNumber, fromOre, roundToOre, toText } from "../money/exact";

/**
 * Every figure of the reconciliation is in whole øre: the sheet's formulas would otherwise show
 * differences the model rounds away. These turn inputs into exact whole-øre amounts.
 */

/** An exact amount that must be whole øre; a fraction of an øre is refused, never rounded away. */
export function wholeOre(amount: Exact, what: string): Result<Exact> {
  const ore = roundToOre(amount);
  if (compare(fromOre(ore), amount) !== 0) {
    return numberError(`${what} (${toText(amount).replace(".", ",")}) har brøkdeler av øre; beløp kan ha høyst to desimaler.`);
  }
  return fromOre(ore);
}

/**
 * A number of kroner as an exact whole-øre amount. The number is read as Excel shows it at full
 * precision (15 significant digits), so the noise of spreadsheet arithmetic (=0,1+0,2 holds
 * 0.30000000000000004) is the øre amount the cell shows, while a real fraction of an øre (100,005)
 * is refused.
 */
export function oreAmount(kroner: number, what: string): Result<Exact> {
  const checked = checkedAmount(kroner, what);
  if (isRuleError(checked)) return checked;
  return wholeOre(fromNumber(Number(kroner.toPrecision(15))), what);
}
