import { isRuleError, numberError, Result, valueError } from "../errors";
import { CalendarDate, fromExcelSerial, isValidDate, parseDateText, YearMonth } from "../calendar";
import { grunnbelopOn } from "./grunnbelop";
import { terminOfMonth } from "./termin";

/**
 * Dates and periods as a spreadsheet cell holds them, for GRUNNBELOP and SPK_TERMIN.
 *
 * A number is an Excel date serial (1900 system) up to the end of 2099. Payroll exports also
 * write periods as yyyymm and dates as yyyymmdd numbers: 190001–999912 with a month 01–12 is a
 * period, and 19000101–99991231 a date. Any other number is a "number" error (#VALUE! in Excel): a serial in 2100 or later is
 * no payroll date but a typo (202413), and reading it as one would give a silently wrong answer.
 * Text is read by `parseDateText`.
 */
/** 2099-12-31. */
const LAST_SERIAL = 73050;
/** 1901-01-01. */
const FIRST_SERIAL_AFTER_1900 = 367;

function periodNumber(n: number): YearMonth | undefined {
  if (n >= 190001 && n <= 999912) {
    const year = Math.floor(n / 100);
    const month = n % 100;
    return month >= 1 && month <= 12 ? { year, month } : undefined;
  }
  if (n >= 19000101 && n <= 99991231) {
    const year = Math.floor(n / 10000);
    const month = Math.floor(n / 100) % 100;
    const day = n % 100;
    return isValidDate(year, month, day) ? { year, month, day } : undefined;
  }
  return undefined;
}

/** A date or a month from a cell: a serial, yyyymm, yyyymmdd, or text (2024-06-01, 01.06.2024, 2024-06, 202406, 06.2024). */
export function dateOrPeriodOf(value: number | string): Result<YearMonth> {
  if (typeof value === "string") {
    const parsed = parseDateText(value);
    if (parsed) return parsed;
    return valueError(`«${value}» er ikke en dato eller periode. Skriv f.eks. 2024-06-01, 01.06.2024, 2024-06 eller 202406.`);
  }
  if (!Number.isFinite(value)) return numberError("Datoen er ikke et tall.");
  if (Number.isInteger(value)) {
    const period = periodNumber(value);
    if (period) return period;
  }
  if (value > LAST_SERIAL) {
    return numberError(`${value} er verken en dato (Excel-dato før år 2100, eller ååååmmdd) eller en periode (ååååmm).`);
  }
  const date = fromExcelSerial(value);
  if (!date) return numberError(`${value} er ikke et gyldig datoserienummer (Excel-dato).`);
  return date;
}

/** G in force on a date or in a month (a month means its first day; G changes on 1 May). */
export function grunnbelopAt(value: number | string): Result<number> {
  const when = dateOrPeriodOf(value);
  if (isRuleError(when)) return when;
  const date: CalendarDate = { year: when.year, month: when.month, day: when.day ?? 1 };
  return grunnbelopOn(date);
}

/**
 * The SPK termin of a month (1–12), a date (serial, yyyymmdd or text) or a period (yyyymm,
 * 2024-03, 03.2024). A whole number 1–12 is a month, never a date in January 1900, and other
 * numbers below 367 (dates in 1900) are refused as mistyped months.
 */
export function spkTermin(value: number | string): Result<number> {
  // Below serial 367 a "date" would be in 1900: a mistyped month (13, 2,5), not a payroll date.
  if (typeof value === "number" && value < FIRST_SERIAL_AFTER_1900) {
    if (!Number.isInteger(value) || value < 1 || value > 12) return numberError(`Måneden må være et helt tall 1–12 (fikk ${value}).`);
    return terminOfMonth(value);
  }
  if (typeof value === "string" && /^\s*\d{1,2}\s*$/.test(value)) return terminOfMonth(Number(value));
  const when = dateOrPeriodOf(value);
  if (isRuleError(when)) return when;
  return terminOfMonth(when.month);
}
