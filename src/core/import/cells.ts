import { isRuleError } from "../errors";
import { asWholeOre, ORE_ZERO, Ore, SUB_ORE } from "../money/ore";
import { terminOfMonth } from "../rules/termin";
import { displayText, isBlank } from "../sheet/cell";
import { errorAt } from "./grid";
import { EMPTY, parseAmount, plainOre } from "../money/parse";
import { parsePeriod } from "./periods";
import { Table } from "./table";
import { Problem } from "../problem/problem";

/** Reading one typed cell of a table row; problems go to `errors` with the cell named. */

function report<K extends string>(table: Table<K>, i: number, key: K, message: string, errors: Problem[]): undefined {
  const title = table.header.titles[key];
  errors.push(errorAt(table.place, i, table.header.columns[key], message, { column: title, value: table.cell(i, key) }));
  return undefined;
}

/**
 * The amount in field `key`. `empty` says what an empty cell means: "zero" (an invoice line
 * without a member share) or "missing" (a wage-type line without an amount is an error).
 */
export function amountCell<K extends string>(
  table: Table<K>,
  i: number,
  key: K,
  empty: "zero" | "missing",
  errors: Problem[],
): Ore | undefined {
  const value = table.cell(i, key);
  const plain = typeof value === "string" ? plainOre(value) : undefined;
  if (plain !== undefined) return plain as Ore;
  const parsed = parseAmount(value);
  if (isRuleError(parsed)) return report(table, i, key, parsed.message, errors);
  if (parsed === EMPTY) {
    return empty === "zero" ? ORE_ZERO : report(table, i, key, `Mangler beløp i kolonnen «${table.header.titles[key]}».`, errors);
  }
  return asWholeOre(parsed) ?? report(table, i, key, `«${displayText(value)}» ${SUB_ORE}`, errors);
}

/** The termin of the period or date in field `key`, which must lie in `aar`. */
export function periodTermin<K extends string>(table: Table<K>, i: number, key: K, aar: number, errors: Problem[]): number | undefined {
  const value = table.cell(i, key);
  const parsed = parsePeriod(value);
  if (isRuleError(parsed)) return report(table, i, key, parsed.message, errors);
  if (parsed === null) return report(table, i, key, `Mangler periode i kolonnen «${table.header.titles[key]}».`, errors);
  if (parsed.year !== aar) {
    return report(table, i, key, `«${displayText(value)}» er i ${parsed.year}, ikke i regnskapsåret ${aar}.`, errors);
  }
  const termin = terminOfMonth(parsed.month);
  return isRuleError(termin) ? report(table, i, key, termin.message, errors) : termin;
}

/**
 * A code as text for comparing: wage types, accounts, voucher types. Number cells lose their
 * decimals' zero (5420 → "5420"); text is trimmed and upper-cased. Empty cells give "".
 */
export function codeText(value: unknown): string {
  if (isBlank(value)) return "";
  if (typeof value === "number") return String(value);
  return String(value).trim().toUpperCase();
}

/** The first word of a code cell, so `5420 Pensjonspremie` and `PEN - Pensjon` give their code. */
export function leadingCode(value: unknown): string {
  const text = codeText(value);
  const space = text.search(/\s/);
  return space === -1 ? text : text.slice(0, space);
}
