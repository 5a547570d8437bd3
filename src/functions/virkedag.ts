import { CalendarDate, toExcelSerial } from "../core/calendar";
import { isRuleError, Result, valueError } from "../core/errors";
import { parseTerminLabel } from "../core/import/termin-label";
import { dateOf } from "../core/rules/date-cell";
import { dueDateAga, dueDateForskuddstrekk } from "../core/rules/due-dates";
import { addVirkedager } from "../core/rules/virkedag";
import { at } from "./broadcast";
import { codeOf, describe, Memo2, optionalCodeOf, optionalNumberOf, yearOf } from "./coerce";
import { elementwise, withArgs } from "./elementwise";
import { CellResult, ErrorCache, Matrix } from "./errors";

/** A date answer as Excel wants it: a date serial (the cell's date format shows it as a date). */
function serialOf(date: Result<CalendarDate>): Result<number> {
  return isRuleError(date) ? date : toExcelSerial(date);
}

function dayOf(value: unknown, what: string): Result<CalendarDate> {
  const code = codeOf(value, what);
  return isRuleError(code) ? code : dateOf(code, what);
}

/** `dager`: omitted or blank is 1, as in WORKDAY's usual use; 0 is a count of its own. */
function countOf(value: unknown): Result<number> {
  const n = optionalNumberOf(value, "Antall dager");
  return isRuleError(n) ? n : (n ?? 1);
}

function terminOf(value: unknown): Result<number> {
  const code = optionalCodeOf(value, "Terminen");
  if (isRuleError(code)) return code;
  if (code === undefined) return valueError("Terminen mangler.");
  return parseTerminLabel(code) ?? valueError(`${describe(code)} er ingen termin. Skriv 1–6 (1 = januar–februar … 6 = november–desember), T1 eller jan–feb.`);
}

/** One result per cell from a rule of two arguments, each distinct pair computed once. */
function perPair(inputs: [unknown, unknown], names: [string, string], rule: (a: unknown, b: unknown) => Result<number>): Matrix {
  return withArgs(inputs, names, ([a, b], shape) => {
    const errors = new ErrorCache();
    const values = new Memo2(rule);
    return elementwise(shape, (i, j): CellResult => {
      const result = values.get(at(a, i, j), at(b, i, j));
      return isRuleError(result) ? errors.excel(result) : result;
    });
  });
}

/** VIRKEDAG(dato; [dager]). */
export function virkedagCells(dato: unknown, dager: unknown): Matrix {
  return perPair([dato, dager], ["dato", "dager"], (d, n) => {
    const date = dayOf(d, "Datoen");
    if (isRuleError(date)) return date;
    const count = countOf(n);
    return isRuleError(count) ? count : serialOf(addVirkedager(date, count));
  });
}

/** FORFALL_FORSKUDDSTREKK(utbetalingsdato). */
export function dueDateForskuddstrekkCells(utbetalingsdato: unknown): Matrix {
  // One argument: the second of the pair is a single empty value, which broadcasts.
  return perPair([utbetalingsdato, null], ["utbetalingsdato", ""], (d) => {
    const date = dayOf(d, "Utbetalingsdatoen");
    return isRuleError(date) ? date : serialOf(dueDateForskuddstrekk(date));
  });
}

/** FORFALL_AGA(termin; år). */
export function dueDateAgaCells(termin: unknown, aar: unknown): Matrix {
  return perPair([termin, aar], ["termin", "år"], (t, y) => {
    const year = yearOf(y);
    if (isRuleError(year)) return year;
    const number = terminOf(t);
    return isRuleError(number) ? number : serialOf(dueDateAga(number, year));
  });
}
