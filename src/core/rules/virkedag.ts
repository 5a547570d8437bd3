import { CalendarDate, isoDate } from "../calendar";
import { dateOfDayNumber, dayNumber, FIRST_DAY, isCalendarDate, LAST_DAY, weekdayOf } from "../days";
import { isRuleError, Result, valueError } from "../errors";
import { FIRST_YEAR, LAST_YEAR, weekdayHolidaysOf } from "./holidays";

/**
 * Stepping over virkedager (skattebetalingsloven § 10-2; see holidays.ts), as Excel's WORKDAY
 * does with a holiday list: `n` virkedager after a date, or before it for a negative `n`.
 *
 * A count can span centuries, so whole years are skipped by counting their virkedager
 * (weekdays minus the few holidays on weekdays) and only the last year is walked day by day.
 */

const outOfRange = () => valueError(`Datoen havner utenfor ${FIRST_YEAR}–${LAST_YEAR}.`);
const notADate = (date: CalendarDate) => valueError(`${isoDate(date)} er ingen dato i ${FIRST_YEAR}–${LAST_YEAR}.`);

function yearOfDay(day: number): number {
  return dateOfDayNumber(day)!.year;
}

function isVirkedagDay(day: number, holidays: readonly number[]): boolean {
  return weekdayOf(day) <= 5 && !holidays.includes(day);
}

/** Monday–Friday days in from…to (inclusive, from ≤ to + 1). */
function weekdaysIn(from: number, to: number): number {
  const length = to - from + 1;
  let count = Math.floor(length / 7) * 5;
  for (let day = from + (length - (length % 7)); day <= to; day++) if (weekdayOf(day) <= 5) count++;
  return count;
}

/** Virkedager in from…to, both in one year. */
function virkedagerIn(from: number, to: number, holidays: readonly number[]): number {
  let count = weekdaysIn(from, to);
  for (const h of holidays) if (h >= from && h <= to) count--;
  return count;
}

function forward(start: number, n: number): Result<number> {
  let day = start;
  let left = n;
  while (left > 0) {
    if (day >= LAST_DAY) return outOfRange();
    const first = day + 1;
    const year = yearOfDay(first);
    const yearEnd = dayNumber({ year, month: 12, day: 31 });
    const holidays = weekdayHolidaysOf(year);
    const available = virkedagerIn(first, yearEnd, holidays);
    if (available < left) {
      left -= available;
      day = yearEnd;
      continue;
    }
    for (day = first; ; day++) if (isVirkedagDay(day, holidays) && --left === 0) return day;
  }
  return day;
}

function backward(start: number, n: number): Result<number> {
  let day = start;
  let left = n;
  while (left > 0) {
    if (day <= FIRST_DAY) return outOfRange();
    const last = day - 1;
    const year = yearOfDay(last);
    const yearStart = dayNumber({ year, month: 1, day: 1 });
    const holidays = weekdayHolidaysOf(year);
    const available = virkedagerIn(yearStart, last, holidays);
    if (available < left) {
      left -= available;
      day = yearStart;
      continue;
    }
    for (day = last; ; day--) if (isVirkedagDay(day, holidays) && --left === 0) return day;
  }
  return day;
}

/** The date itself if it is a virkedag, else the next virkedag: where § 10-2 moves a deadline. */
export function nextVirkedag(date: CalendarDate): Result<CalendarDate> {
  if (!isCalendarDate(date)) return notADate(date);
  let day = dayNumber(date);
  // A few days at most: the longest run without a virkedag is skjærtorsdag–2. påskedag, five.
  while (!isVirkedagDay(day, weekdayHolidaysOf(yearOfDay(day)))) {
    if (day >= LAST_DAY) return outOfRange();
    day++;
  }
  return dateOfDayNumber(day)!;
}

/**
 * `n` virkedager after `date` (before it when `n` is negative), not counting `date` itself, as
 * WORKDAY(date; n); `n` = 0 gives nextVirkedag(date). `n` must be a whole number.
 */
export function addVirkedager(date: CalendarDate, n: number): Result<CalendarDate> {
  if (!isCalendarDate(date)) return notADate(date);
  if (!Number.isInteger(n)) return valueError(`Antall dager må være et helt tall (fikk ${n}).`);
  if (n === 0) return nextVirkedag(date);
  // More days than the calendar holds can never land inside it.
  if (Math.abs(n) > LAST_DAY - FIRST_DAY) return outOfRange();
  const start = dayNumber(date);
  const day = n > 0 ? forward(start, n) : backward(start, -n);
  return isRuleError(day) ? day : dateOfDayNumber(day)!;
}
