/** ISO dates and `YYYY-MM` months as the trekk model uses them. */
import { CalendarDate, isoDate } from "../calendar";
import { daysBetween } from "../days";

export function calendarDate(iso: string): CalendarDate {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

export const yearOf = (isoDateOrMonth: string): number => Number(isoDateOrMonth.slice(0, 4));
export const monthOf = (isoDateOrMonth: string): number => Number(isoDateOrMonth.slice(5, 7));

/** `2026-01` for year 2026, month 1. */
export const periodText = (year: number, month: number): string => `${year}-${String(month).padStart(2, "0")}`;

/** The last day of a month, ISO. */
export function lastDayOf(year: number, month: number): string {
  return isoDate({ year, month, day: new Date(Date.UTC(year, month, 0)).getUTCDate() });
}

/** Calendar days from `from` to `to` (ISO dates). */
export const daysFrom = (from: string, to: string): number => daysBetween(calendarDate(from), calendarDate(to));

/** `23.01.2026`. */
export const norwegianDate = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

const MONTH_NAMES = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];

/** `januar 2026` for `2026-01`. */
export const monthName = (period: string): string => `${MONTH_NAMES[monthOf(period) - 1]} ${yearOf(period)}`;
