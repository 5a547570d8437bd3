import { numberError, Result } from "../errors";

/** SPK invoices six termins a year: termin 1 is January–February, … termin 6 November–December. */
export function terminOfMonth(month: number): Result<number> {
  if (!Number.isInteger(month) || month < 1 || month > 12) return numberError(`Måneden må være 1–12 (fikk ${month}).`);
  return Math.ceil(month / 2);
}

/** The months of a termin, e.g. 1 → [1, 2]. */
export function monthsOfTermin(termin: number): [number, number] {
  return [2 * termin - 1, 2 * termin];
}

const MONTH_NAMES = ["jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"];

/** `jan–feb` for termin 1. */
export function terminMonthsLabel(termin: number): string {
  const [a, b] = monthsOfTermin(termin);
  return `${MONTH_NAMES[a - 1]}–${MONTH_NAMES[b - 1]}`;
}
