import { CalendarDate } from "../calendar";
import { dateOfDayNumber, dayNumber, weekdayOf } from "../days";
import { isRuleError, Result, valueError } from "../errors";

/**
 * The Norwegian days that are not virkedager for a payment deadline, computed for any year
 * 1900–9999: Easter by the Gregorian computus, every other day from it or from the calendar.
 *
 * Skattebetalingsloven § 10-2: a deadline that ends on "lørdag, søndag eller helligdag eller
 * lovfestet høytidsdag" moves to the next virkedag. So a virkedag is Monday–Friday that is
 * neither a helligdag nor a lovfestet høytidsdag. 24 and 31 December are named by no law and
 * are virkedager, even where banks close.
 */

export const FIRST_YEAR = 1900;
export const LAST_YEAR = 9999;

export interface Helligdag {
  readonly date: CalendarDate;
  /** The day's Norwegian name, for messages ("Kristi himmelfartsdag"). */
  readonly name: string;
}

/** The year is one this calendar covers, or #VALUE! saying which years it does. */
export function checkYear(year: number): Result<number> {
  if (!Number.isInteger(year)) return valueError(`Året må være et helt tall (fikk ${year}).`);
  if (year < FIRST_YEAR || year > LAST_YEAR) return valueError(`Året må være mellom ${FIRST_YEAR} og ${LAST_YEAR} (fikk ${year}).`);
  return year;
}

/**
 * Easter Sunday's day number, by the anonymous Gregorian computus (Meeus/Jones/Butcher): the
 * church's reckoning of "første søndag etter første fullmåne som inntreffer på eller etter
 * 21. mars" (helligdagsfredloven § 2 e), exact for every Gregorian year. No table of years,
 * so no year runs out.
 */
function easterDay(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumber({ year, month, day });
}

/** 1. påskedag of a year. */
export function easterSunday(year: number): Result<CalendarDate> {
  const checked = checkYear(year);
  if (isRuleError(checked)) return checked;
  return dateOfDayNumber(easterDay(year))!;
}

/** Days from Easter Sunday, with their names. */
const MOVABLE: readonly (readonly [number, string])[] = [
  // Lov 24. februar 1995 nr. 12 om helligdager og helligdagsfred § 2 c–i: skjærtorsdag, langfredag,
  // første og annen påskedag, Kristi himmelfartsdag (sjette torsdag etter), første pinsedag
  // (sjuende søndag etter) og annen pinsedag.
  [-3, "skjærtorsdag"],
  [-2, "langfredag"],
  [0, "1. påskedag"],
  [1, "2. påskedag"],
  [39, "Kristi himmelfartsdag"],
  [49, "1. pinsedag"],
  [50, "2. pinsedag"],
];

/** Days fixed in the calendar: [month, day, name]. */
const FIXED: readonly (readonly [number, number, string])[] = [
  // Helligdagsfredloven § 2 b, j, k: nyttårsdag, første og annen juledag. (§ 2 a, vanlige
  // søndager, is the weekday test.)
  [1, 1, "1. nyttårsdag"],
  // Lov 26. april 1947 nr. 1 om 1. og 17. mai som høgtidsdager § 1: the lovfestede
  // høytidsdager of skattebetalingsloven § 10-2.
  [5, 1, "1. mai"],
  [5, 17, "17. mai"],
  [12, 25, "1. juledag"],
  [12, 26, "2. juledag"],
];

/**
 * The year's helligdager and lovfestede høytidsdager besides the ordinary Sundays, in date order.
 * Two can fall on one day (17 May 2027 is 2. pinsedag); that day is listed once per name.
 */
export function helligdager(year: number): Result<readonly Helligdag[]> {
  const checked = checkYear(year);
  if (isRuleError(checked)) return checked;
  const easter = easterDay(year);
  const days: { day: number; name: string }[] = [
    ...MOVABLE.map(([offset, name]) => ({ day: easter + offset, name })),
    ...FIXED.map(([month, day, name]) => ({ day: dayNumber({ year, month, day }), name })),
  ];
  days.sort((x, y) => x.day - y.day);
  return days.map(({ day, name }) => ({ date: dateOfDayNumber(day)!, name }));
}

const weekdayHolidays = new Map<number, readonly number[]>();

/**
 * The day numbers of a year's helligdager and høytidsdager that fall on Monday–Friday (the
 * only ones that take a virkedag away), each once. Cached per year: a column of pay dates
 * computes each year's Easter once.
 */
export function weekdayHolidaysOf(year: number): readonly number[] {
  let days = weekdayHolidays.get(year);
  if (days === undefined) {
    const easter = easterDay(year);
    const all = [...MOVABLE.map(([offset]) => easter + offset), ...FIXED.map(([month, day]) => dayNumber({ year, month, day }))];
    days = [...new Set(all)].filter((day) => weekdayOf(day) <= 5).sort((x, y) => x - y);
    weekdayHolidays.set(year, days);
  }
  return days;
}

/** True for a virkedag under skattebetalingsloven § 10-2 (a real date in 1900–9999). */
export function isVirkedag(date: CalendarDate): boolean {
  const day = dayNumber(date);
  return weekdayOf(day) <= 5 && !weekdayHolidaysOf(date.year).includes(day);
}

const WEEKDAY_NAMES = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"];

/**
 * Why a date is no virkedag ("lørdag", "søndag", "Kristi himmelfartsdag", "17. mai og 2. pinsedag"),
 * or undefined for a virkedag; for messages that say why a deadline moved.
 */
export function whyNotVirkedag(date: CalendarDate): string | undefined {
  const days = helligdager(date.year);
  const names = isRuleError(days) ? [] : days.filter((h) => h.date.month === date.month && h.date.day === date.day).map((h) => h.name);
  if (names.length > 0) return names.join(" og ");
  const weekday = weekdayOf(dayNumber(date));
  return weekday >= 6 ? WEEKDAY_NAMES[weekday - 1] : undefined;
}
