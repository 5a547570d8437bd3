/** The dates and periods vouchers are posted on. */
import { isoDate } from "../calendar";
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
