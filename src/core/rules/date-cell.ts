import { CalendarDate, parseDateText } from "../calendar";
import { isRuleError, Result, valueError } from "../errors";
import { dateOrPeriodOf } from "./dato";

/**
 * A day from a cell, for the functions that answer with a date (VIRKEDAG, the due dates): an
 * Excel serial, a yyyymmdd number, or text (2026-01-23, 23.01.2026), read as GRUNNBELOP reads
 * its dates. A month alone (2026-01, 202601) is no day, so it is refused rather than read as
 * the first of the month.
 *
 * Every refusal is #VALUE!: Excel shows a custom function's message only with #VALUE! and #N/A.
 */
const EXAMPLES = "Skriv f.eks. 2026-01-23 eller 23.01.2026, eller bruk en Excel-dato.";

export function dateOf(value: number | string, what: string): Result<CalendarDate> {
  if (typeof value === "string") {
    const parsed = parseDateText(value);
    if (!parsed) return valueError(`${what} «${value}» er ikke en dato. ${EXAMPLES}`);
    if (parsed.day === undefined) return valueError(`${what} «${value}» er en måned, ikke en dato. ${EXAMPLES}`);
    return { year: parsed.year, month: parsed.month, day: parsed.day };
  }
  const read = dateOrPeriodOf(value);
  if (isRuleError(read)) return valueError(`${what}: ${read.message} ${EXAMPLES}`);
  if (read.day === undefined) return valueError(`${what} ${value} er en måned (ååååmm), ikke en dato. ${EXAMPLES}`);
  return { year: read.year, month: read.month, day: read.day };
}
