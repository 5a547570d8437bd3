/** The dates and periods vouchers are posted on. */
import { isoDate, parseDateText } from "../calendar";
import { Checked, problems } from "../problem/problem";
import { monthsOfTermin } from "../rules/termin";

export interface Bokforingsdato {
  /** ISO date, `2024-02-29`. */
  readonly dato: string;
  /** YYYYMM, `202402`. */
  readonly periode: string;
}

/** The last day of a month and its period. */
export function monthEnd(aar: number, maaned: number): Bokforingsdato {
  const day = new Date(Date.UTC(aar, maaned, 0)).getUTCDate();
  return { dato: isoDate({ year: aar, month: maaned, day }), periode: `${aar}${String(maaned).padStart(2, "0")}` };
}

/** The last day of the termin's last month: T1 2024 → 2024-02-29, period 202402. */
export const terminEnd = (aar: number, termin: number): Bokforingsdato => monthEnd(aar, monthsOfTermin(termin)[1]);

/** 31 December, period YYYY12. */
export const yearEnd = (aar: number): Bokforingsdato => monthEnd(aar, 12);

/**
 * A posting date the user chose (`--dato`, the pane's Bilag step): a real day, in the reconciled
 * year or the next (a reconciliation of 2024 is booked in 2024 or in the 2025 books at the
 * latest), so a typo cannot date vouchers in 1999 or 2030.
 */
export function chosenPostingDate(text: string, aar: number): Checked<Bokforingsdato> {
  const d = parseDateText(text);
  if (!d || d.day === undefined) return problems(`«${text}» er ikke en dato; skriv den som 2024-12-31 eller 31.12.2024.`);
  if (d.year < aar || d.year > aar + 1) return problems(`Bilagsdatoen ${isoDate({ ...d, day: d.day })} er utenfor ${aar} og ${aar + 1}; bilagene for ${aar} føres i ${aar} (eller i ${aar + 1} ved sen korreksjon).`);
  return { dato: isoDate({ year: d.year, month: d.month, day: d.day }), periode: `${d.year}${String(d.month).padStart(2, "0")}` };
}
