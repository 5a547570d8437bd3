import { CalendarDate, isValidDate } from "./calendar";

/**
 * Calendar days as consecutive integers, for counting and stepping days.
 *
 * Excel serials cannot be used for this: they count a 29 February 1900 that never was, so
 * serial arithmetic is a day off across 1 March 1900. A day number counts real days (0 is
 * 1970-01-01), and dates stay in the range calendar.ts accepts (1900–9999).
 */
const MS_PER_DAY = 86_400_000;

export const FIRST_DAY = dayNumber({ year: 1900, month: 1, day: 1 });
export const LAST_DAY = dayNumber({ year: 9999, month: 12, day: 31 });

/** The date's day number; the caller passes a real date (see isValidDate). */
export function dayNumber(date: CalendarDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / MS_PER_DAY;
}

/** The date of a day number; undefined outside 1900–9999. */
export function dateOfDayNumber(day: number): CalendarDate | undefined {
  if (!Number.isInteger(day) || day < FIRST_DAY || day > LAST_DAY) return undefined;
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekdayOf(day: number): number {
  // Day 0, 1970-01-01, was a Thursday (4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** True for a date that exists in 1900–9999. */
export function isCalendarDate(date: CalendarDate): boolean {
  return isValidDate(date.year, date.month, date.day);
}
