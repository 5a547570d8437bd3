/**
 * Values as XML Schema writes them (xs:decimal, xs:date, xs:gYearMonth, xs:boolean), read strictly
 * and fast: the readers call these once per amount in files with hundreds of thousands of them.
 * Whitespace around a value is allowed (the schema types collapse it).
 */
import { isValidDate } from "../../calendar";
import { MAX_AMOUNT } from "../../money/amount";
import { Ore, SUB_ORE } from "../../money/ore";

const DECIMAL = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/;
const MAX_ORE = MAX_AMOUNT * 100;

/**
 * An xs:decimal amount in kroner as whole øre, or NaN when it is not one (not a decimal, a
 * fraction of an øre, out of range): `xmlAmountProblem` says which.
 */
export function xmlOre(text: string): Ore | number {
  const m = DECIMAL.exec(text);
  if (m === null) return NaN;
  const whole = m[2];
  const fraction = m[3] ?? "";
  if (whole.length === 0 && fraction.length === 0) return NaN;
  if (whole.length > 16) return NaN;
  let cents = 0;
  if (fraction.length > 0) {
    const c0 = fraction.charCodeAt(0) - 48;
    const c1 = fraction.length > 1 ? fraction.charCodeAt(1) - 48 : 0;
    cents = c0 * 10 + c1;
    for (let i = 2; i < fraction.length; i++) if (fraction.charCodeAt(i) !== 48) return NaN;
  }
  const ore = (whole.length > 0 ? Number(whole) * 100 : 0) + cents;
  if (ore > MAX_ORE) return NaN;
  return (m[1] === "-" ? 0 - ore : ore) as Ore;
}

/** Why `xmlOre(text)` gave NaN, in Norwegian. */
export function xmlAmountProblem(text: string): string {
  const shown = text.trim();
  const m = DECIMAL.exec(text);
  if (shown === "") return "Mangler beløp (elementet er tomt).";
  if (m === null || (m[2].length === 0 && (m[3] ?? "").length === 0)) {
    return /^\s*[+-]?\d{1,3}([ .,]\d{3})*(,\d+)?\s*$/.test(text)
      ? `«${shown}» er ikke et beløp slik XML skriver det (sifre og punktum som desimaltegn, uten tusenskille: 1234.50).`
      : `«${shown}» er ikke et beløp.`;
  }
  if (m[2].length > 16 || (m[2].length > 0 && Number(m[2]) * 100 > MAX_ORE)) return `«${shown}» er utenfor et rimelig beløpsområde (±10 000 milliarder kr).`;
  return `«${shown}» ${SUB_ORE}`;
}

/** An xs:decimal as a number (a rate, a count), or NaN. */
export function xmlDecimal(text: string): number {
  const m = DECIMAL.exec(text);
  if (m === null || (m[2].length === 0 && (m[3] ?? "").length === 0)) return NaN;
  return Number(text.trim());
}

/** A non-negative xs:integer, or NaN. */
export function xmlCount(text: string): number {
  const t = text.trim();
  return /^\+?\d{1,15}$/.test(t) ? Number(t) : NaN;
}

const DATE = /^\s*(\d{4})-(\d{2})-(\d{2})(?:Z|[+-]\d{2}:\d{2})?\s*$/;
const YEAR_MONTH = /^\s*(\d{4})-(\d{2})(?:Z|[+-]\d{2}:\d{2})?\s*$/;

/** An xs:date (`2026-01-23`, a time zone allowed and dropped) as ISO text, or undefined. */
export function xmlDate(text: string): string | undefined {
  const m = DATE.exec(text);
  if (m === null || !isValidDate(+m[1], +m[2], +m[3])) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** An xs:gYearMonth (`2026-01`) as `YYYY-MM`, or undefined. */
export function xmlYearMonth(text: string): string | undefined {
  const m = YEAR_MONTH.exec(text);
  if (m === null || +m[1] < 1900 || +m[2] < 1 || +m[2] > 12) return undefined;
  return `${m[1]}-${m[2]}`;
}

/**
 * A string the result keeps, detached from the chunk of text it was cut from. A slice of a long
 * string may share the long string's memory (V8 makes slices of 13 characters or more that way),
 * so one posting's text kept from a 1 MiB chunk would keep the whole chunk alive; a copy does not.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : (text + " ").slice(0, -1);
}

/** An xs:boolean, or undefined. */
export function xmlBoolean(text: string): boolean | undefined {
  const t = text.trim();
  if (t === "true" || t === "1") return true;
  if (t === "false" || t === "0") return false;
  return undefined;
}
