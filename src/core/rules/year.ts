import { notAvailable, numberError, Result } from "../errors";
import { maxOf, minOf } from "../list";

/** Looks up a year's table; the year must be a whole number and present in the table. */
export function yearTable<T>(table: Readonly<Record<number, T>>, year: number, what: string): Result<T> {
  if (!Number.isInteger(year)) return numberError(`Året må være et helt tall (fikk ${year}).`);
  const row = table[year];
  if (row === undefined) {
    const years = Object.keys(table).map(Number);
    return notAvailable(`Ingen ${what} for ${year}; tabellene dekker ${minOf(years)}–${maxOf(years)}.`);
  }
  return row;
}
