import { notAvailable, numberError, Result } from "../errors";
import { CalendarDate, isoDate } from "../calendar";
import { GRUNNBELOP, GrunnbelopPeriod } from "../rates/grunnbelop";

/** G in force on a date: each amount applies from 1 May of its year until the next one. */
export function grunnbelopOn(date: CalendarDate): Result<number> {
  const iso = isoDate(date);
  let current: GrunnbelopPeriod | undefined;
  for (const period of GRUNNBELOP) if (period.from <= iso) current = period;
  if (!current) return notAvailable(`Ingen G i tabellen for ${iso}; tabellen starter ${GRUNNBELOP[0].from}.`);
  // The newest G holds only until the next 1 May; after that a new G is adopted that the table
  // does not know yet, and giving the old one would be a silently wrong figure.
  const last = GRUNNBELOP[GRUNNBELOP.length - 1];
  const nextYear = Number(last.from.slice(0, 4)) + 1;
  const nextChange = `${nextYear}${last.from.slice(4)}`;
  if (iso >= nextChange) {
    return notAvailable(`G fra 1. mai ${nextYear} er ikke i tabellen ennå; den har G til og med 30. april ${nextYear}.`);
  }
  return current.amount;
}

/** The calendar-year average G, as NAV publishes it. */
export function gSnitt(year: number): Result<number> {
  if (!Number.isInteger(year)) return numberError(`Året må være et helt tall (fikk ${year}).`);
  const period = GRUNNBELOP.find((p) => p.from.startsWith(`${year}-`));
  if (!period) {
    const first = GRUNNBELOP[0].from.slice(0, 4);
    const last = GRUNNBELOP[GRUNNBELOP.length - 1].from.slice(0, 4);
    return notAvailable(`Ingen G-snitt for ${year}; tabellen dekker ${first}–${last}.`);
  }
  return period.average;
}
