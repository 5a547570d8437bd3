/**
 * The model's one money representation: a whole number of øre, as a safe integer.
 *
 * Every figure of a reconciliation, a voucher and an A-melding split is whole øre (an export, a
 * sheet and a ledger hold nothing finer), so the model keeps them as integers: sums and
 * comparisons are exact integer operations, "the voucher sums to 0" is `=== 0`, and a GL07 line
 * takes the øre as they are. Money enters at the edges (a JSON number, a sheet cell, an export's
 * text), is checked there once, and leaves at the edges (`kroner` for a sheet or JSON, `kronerText`
 * for a message). Rules that multiply by a rate work in `Exact` and round once, to øre.
 *
 * The brand keeps øre apart from kroner in the type system: a plain number is not an Ore.
 */
import { isRuleError, numberError, Result } from "../errors";
import { checkedAmount } from "./amount";
import { compare, Exact, fromNumber, fromOre, roundToOre, toText } from "./exact";

declare const oreBrand: unique symbol;
export type Ore = number & { readonly [oreBrand]: true };

export const ORE_ZERO = 0 as Ore;

/** Integer øre from a computation known to give whole øre (allocation parts, sums of Ore). */
export const asOre = (ore: number): Ore => (ore + 0) as Ore;

/** An exact amount rounded to øre, half away from zero (as Excel's ROUND). */
export const roundedOre = (amount: Exact): Ore => roundToOre(amount) as Ore;

/** The Exact value of an øre amount, for rules that multiply it by a rate. */
export const exactOf = (ore: Ore): Exact => fromOre(ore);

/**
 * A rule's result in kroner (the custom functions return kroner, already rounded to øre: the double
 * nearest to a whole øre amount) as øre.
 */
export const oreOfRoundedKroner = (kroner: number): Ore => (Math.round(kroner * 100) + 0) as Ore;

/** Kroner as the sheet and JSON hold them: the double nearest to the øre amount. */
export const kroner = (ore: Ore): number => ore / 100 + 0;

/** The amount as øre when it is a whole number of øre, else undefined. */
export function asWholeOre(amount: Exact): Ore | undefined {
  const ore = roundToOre(amount);
  return compare(fromOre(ore), amount) === 0 ? (ore as Ore) : undefined;
}

/** Why an amount with a fraction of an øre is refused (never rounded away). */
export const SUB_ORE = "har brøkdeler av øre; beløp kan ha høyst to desimaler.";

/** An exact amount that must be whole øre; a fraction of an øre is refused, never rounded away. */
export function wholeOre(amount: Exact, what: string): Result<Ore> {
  const ore = roundToOre(amount);
  if (compare(fromOre(ore), amount) !== 0) {
    return numberError(`${what} (${toText(amount).replace(".", ",")}) ${SUB_ORE}`);
  }
  return ore as Ore;
}

/**
 * A number of kroner (a JSON number, a sheet cell) as whole øre. The number is read as Excel shows
 * it at full precision (15 significant digits), so the noise of spreadsheet arithmetic
 * (=0,1+0,2 holds 0.30000000000000004) is the øre amount the cell shows, while a real fraction of
 * an øre (100,005) is refused.
 */
export function oreFromKroner(kroner: number, what: string): Result<Ore> {
  const checked = checkedAmount(kroner, what);
  if (isRuleError(checked)) return checked;
  return wholeOre(fromNumber(Number(kroner.toPrecision(15))), what);
}

export const plusOre = (a: Ore, b: Ore): Ore => (a + b) as Ore;
export const minusOre = (a: Ore, b: Ore): Ore => (a - b + 0) as Ore;
export const negateOre = (a: Ore): Ore => (0 - a) as Ore;
export const absOre = (a: Ore): Ore => (a < 0 ? 0 - a : a) as Ore;

export function sumOre(values: readonly Ore[]): Ore {
  let total = 0;
  for (const v of values) total += v;
  return total as Ore;
}
