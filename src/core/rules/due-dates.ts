import { CalendarDate, isoDate } from "../calendar";
import { isCalendarDate } from "../days";
import { isRuleError, Result, valueError } from "../errors";
import { checkYear, FIRST_YEAR, LAST_YEAR } from "./holidays";
import { monthsOfTermin, terminOfMonth } from "./termin";
import { addVirkedager, nextVirkedag } from "./virkedag";

/**
 * When forskuddstrekk and arbeidsgiveravgift must be paid (reference/trekk-og-aga.md §1).
 * Every deadline that ends on a day that is no virkedag moves to the next virkedag
 * (skattebetalingsloven § 10-2).
 */

/**
 * The first year forskuddstrekk is paid per pay date: from 1 January 2026 the skattetrekkskonto
 * is gone (skattebetalingsloven § 5-12 repealed) and trekk is due "senest første virkedag etter
 * lønnsutbetalingen" (Skatteetaten, «Betale forskotstrekk, arbeidsgivaravgift og finansskatt»).
 */
export const FIRST_YEAR_PER_PAY_DATE = 2026;

/** The day of the month after the termin that a termin payment is due. */
const TERMIN_DUE_DAY = 15;

/** The termin is a whole number 1–6, or #VALUE!. */
export function checkTermin(termin: number): Result<number> {
  if (!Number.isInteger(termin) || termin < 1 || termin > 6) return valueError(`Terminen må være et helt tall 1–6 (fikk ${termin}).`);
  return termin;
}

/**
 * A termin's due date: the 15th of the month after the termin (termin 6: 15 January of the
 * next year), moved by § 10-2: AGA's deadline, before and after 2026, and forskuddstrekk's up
 * to and including 2025.
 */
export function dueDateTermin(termin: number, year: number): Result<CalendarDate> {
  const t = checkTermin(termin);
  if (isRuleError(t)) return t;
  const y = checkYear(year);
  if (isRuleError(y)) return y;
  const lastMonth = monthsOfTermin(t)[1];
  if (lastMonth === 12 && y === LAST_YEAR) return valueError(`Forfallet for termin 6 ${y} havner etter ${LAST_YEAR}.`);
  const due = lastMonth === 12 ? { year: y + 1, month: 1, day: TERMIN_DUE_DAY } : { year: y, month: lastMonth + 1, day: TERMIN_DUE_DAY };
  return nextVirkedag(due);
}

/** AGA for a termin: paid per termin before and after 2026 alike (Skatteetaten; reference/trekk-og-aga.md §1). */
export function dueDateAga(termin: number, year: number): Result<CalendarDate> {
  return dueDateTermin(termin, year);
}

/**
 * Forskuddstrekk withheld on a pay date: from 2026 the first virkedag after the pay date (a pay
 * date on a Saturday or a helligdag too: the first virkedag after it); up to and including 2025
 * the due date of the pay date's termin, as AGA (termin 6 of 2025 is paid by 15 January 2026).
 */
export function dueDateForskuddstrekk(payDate: CalendarDate): Result<CalendarDate> {
  if (!isCalendarDate(payDate)) return valueError(`Utbetalingsdatoen ${isoDate(payDate)} er ingen dato i ${FIRST_YEAR}–${LAST_YEAR}.`);
  if (payDate.year >= FIRST_YEAR_PER_PAY_DATE) return addVirkedager(payDate, 1);
  // A real date's month is 1–12, so terminOfMonth gives a termin, never an error.
  return dueDateTermin(terminOfMonth(payDate.month) as number, payDate.year);
}
