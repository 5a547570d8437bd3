import { isoDate } from "../calendar";
import { isRuleError, numberError, Result } from "../errors";
import { checkedAmount } from "../money/amount";
import { compare, fromNumber, fromOre, rate, roundToOre } from "../money/exact";
import { monthsOfTermin } from "../rules/termin";

/**
 * Small pieces every voucher needs: amounts as whole øre, dates and periods, Norwegian number text.
 * Voucher arithmetic is done in integer øre so "sums to exactly 0" is an integer comparison.
 */

/** A kroner figure as integer øre; refuses a figure with fractions of an øre (a bug upstream, never rounded away here). */
export function oreAv(kroner: number, hva: string): Result<number> {
  const exact = checkedAmount(kroner, hva);
  if (isRuleError(exact)) return exact;
  const ore = roundToOre(exact);
  if (compare(fromOre(ore), exact) !== 0) return numberError(`${hva} (${kroner}) har brøkdeler av øre.`);
  return ore;
}

/** Integer øre of a figure already known to be whole øre (a rounded result from core), without float arithmetic. */
export function tilOre(kroner: number): number {
  return roundToOre(fromNumber(kroner));
}

/** Integer øre back to the kroner number the sheet and the model use (nearest double). */
export function kronerAv(ore: number): number {
  return ore / 100 + 0;
}

/** `13,87 %` for 0.1387: the rate as typed, with a decimal comma and no trailing zeros. */
export function prosentTekst(fraction: number): string {
  const percent = rate(fraction).decimal.times(100).toDecimalPlaces(6);
  return `${percent.toFixed().replace(".", ",")} %`;
}

/** `-1 234,56` for -123456 øre, for messages. */
export function kronerTekst(ore: number): string {
  const sign = ore < 0 ? "-" : "";
  const abs = Math.abs(ore);
  const kroner = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${sign}${kroner},${String(abs % 100).padStart(2, "0")}`;
}

export interface Bokforingsdato {
  /** ISO date, `2024-02-29`. */
  readonly dato: string;
  /** YYYYMM, `202402`. */
  readonly periode: string;
}

function sisteDag(aar: number, maaned: number): Bokforingsdato {
  const day = new Date(Date.UTC(aar, maaned, 0)).getUTCDate();
  return { dato: isoDate({ year: aar, month: maaned, day }), periode: `${aar}${String(maaned).padStart(2, "0")}` };
}

/** The last day of the termin's last month: T1 2024 → 2024-02-29, period 202402. */
export function terminSlutt(aar: number, termin: number): Bokforingsdato {
  return sisteDag(aar, monthsOfTermin(termin)[1]);
}

/** 31 December, period YYYY12. */
export function aarSlutt(aar: number): Bokforingsdato {
  return sisteDag(aar, 12);
}

/** Stable voucher ids: `SPK-2024-T1` … `SPK-2024-T6`, `SPK-2024-AAR`, `SPK-2024-AGAJUST`. */
export function bilagId(aar: number, termin: number | null | "agajustering"): string {
  if (termin === "agajustering") return `SPK-${aar}-AGAJUST`;
  return termin === null ? `SPK-${aar}-AAR` : `SPK-${aar}-T${termin}`;
}

/** Recognises the ids `bilagId` makes (for regenerating the voucher sheet). */
export const SPK_BILAG_ID = /^SPK-\d{4}-(T[1-6]|AAR|AGAJUST)$/;
