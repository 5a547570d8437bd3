/**
 * Dates as payroll uses them: calendar days and months, no time zones.
 * Excel hands dates over as serial numbers (1900 date system); people type them as text.
 */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A month; `day` is absent when only the period is known (2024-01, 202401, 01.2024). */
export interface YearMonth {
  readonly year: number;
  readonly month: number;
  readonly day?: number;
}

const MS_PER_DAY = 86_400_000;
/** Serial 1 is 1900-01-01; Excel counts a 29 February 1900 that never was, so from serial 61 the epoch is 1899-12-30. */
const EPOCH_AFTER_LEAP_BUG = Date.UTC(1899, 11, 30);

/** Excel serial (1900 system) → date; undefined for serials that are not a real date (≤ 0, 60, fractional days are cut). */
export function fromExcelSerial(serial: number): CalendarDate | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return undefined;
  const whole = Math.floor(serial);
  if (whole === 60) return undefined;
  const ms = whole < 60 ? Date.UTC(1899, 11, 31) + whole * MS_PER_DAY : EPOCH_AFTER_LEAP_BUG + whole * MS_PER_DAY;
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function toExcelSerial(date: CalendarDate): number {
  const ms = Date.UTC(date.year, date.month - 1, date.day);
  const serial = Math.round((ms - EPOCH_AFTER_LEAP_BUG) / MS_PER_DAY);
  return serial < 61 ? serial - 1 : serial;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads a date or a period typed the Norwegian or the ISO way:
 * `2024-06-01`, `01.06.2024`, `1.6.2024`, `2024-06`, `202406`, `06.2024`, `6.2024`, `06/2024`.
 * Returns undefined when the text is none of these or names a day that does not exist.
 */
export function parseDateText(text: string): YearMonth | undefined {
  const t = text.trim();
  let m: RegExpMatchArray | null;
  if ((m = t.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/))) return day(+m[1], +m[2], +m[3]);
  if ((m = t.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/))) return day(+m[3], +m[2], +m[1]);
  if ((m = t.match(/^(\d{4})-(\d{1,2})$/))) return month(+m[1], +m[2]);
  if ((m = t.match(/^(\d{4})(\d{2})$/))) return month(+m[1], +m[2]);
  if ((m = t.match(/^(\d{1,2})[./](\d{4})$/))) return month(+m[2], +m[1]);
  return undefined;
}

function day(year: number, monthNo: number, dayNo: number): YearMonth | undefined {
  return isValidDate(year, monthNo, dayNo) ? { year, month: monthNo, day: dayNo } : undefined;
}

function month(year: number, monthNo: number): YearMonth | undefined {
  return year >= 1900 && year <= 9999 && monthNo >= 1 && monthNo <= 12 ? { year, month: monthNo } : undefined;
}

/** ISO text of a date, `2024-06-01`. */
export function isoDate(date: CalendarDate): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}
