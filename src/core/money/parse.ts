import { isRuleError, numberError, Result, RuleError, valueError } from "../errors";
import { checkedAmount, MAX_AMOUNT } from "./amount";
import { abs, compare, Exact, fromNumber, fromText, negate, ZERO } from "./exact";

/**
 * Amounts as they come out of Norwegian exports and sheets.
 *
 * Accepted (each may carry `kr`, `kr.` or `NOK` before or after, and any mix of ordinary,
 * non-breaking U+00A0, narrow no-break U+202F, thin and figure spaces):
 * - numbers from the sheet, as they are (finite only);
 * - `1234`, `1234,50`, `1 234 567,89` (space-grouped thousands, comma decimals);
 * - `1.234,50`, `1.234.567` (dot-grouped thousands; the comma is the decimal sign);
 * - `1234.50`, `1234.5` (one dot and no comma: a decimal point, as in ISO/English exports);
 * - `1,234.50`, `1,234,567` (English grouping, which a Norwegian comma decimal can never form);
 * - negatives as `-1 234,50`, `−1 234,50` (U+2212) or an en dash, `(1 234,50)`, and SAP's
 *   trailing minus `1 234,50-`;
 * - `1 234,-` (whole kroner) and a lone `-` (the zero of Excel's accounting format).
 *
 * Refused, because either reading could be right and a wrong guess is a factor of 1000:
 * `1.234` and `1,234` — one to three digits, one separator, exactly three digits. Write `1234`,
 * `1 234` or `1,23` instead. (`0,125` and `1234,567` are not ambiguous: a thousands group never
 * starts with 0 and never follows four digits.) Also refused: two signs (`-(5)`), `,50`,
 * exponents, and anything else that is not plainly an amount.
 */

/** The cell is empty: readers decide per column whether that means 0 or "missing". */
export const EMPTY = null;
export type AmountCell = Exact | typeof EMPTY;

/** A sheet cell as an amount: Exact, EMPTY for an empty cell, or a RuleError saying why not. */
export function parseAmount(value: unknown): Result<AmountCell> {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === "number") {
    const amount = checkedAmount(value, "Beløpet");
    return isRuleError(amount) ? new RuleError(amount.kind, `«${value}» er ikke et beløp: ${amount.message}`) : amount;
  }
  if (typeof value === "string") return parseAmountText(value);
  if (typeof value === "boolean") return valueError(`«${value ? "SANN" : "USANN"}» er ikke et beløp.`);
  if (value instanceof Date) return valueError(`En dato er ikke et beløp.`);
  return valueError(`«${String(value)}» er ikke et beløp.`);
}

/**
 * The common spellings of an amount as whole øre without exact arithmetic: `1234`, `1 234 567,89`,
 * `-1 234,5`, SAP's `1 234,50-` (ordinary spaces, comma decimals, at most two, at most 12 digits
 * of kroner). Anything else is undefined, and parseAmount decides (the same value for these: they
 * are the plain cases of its rules). Exports of a million lines are read at the speed of this.
 */
export function plainOre(text: string): number | undefined {
  const n = text.length;
  if (n === 0 || n > 20) return undefined;
  let i = 0;
  let end = n;
  let negative = false;
  if (text.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
  }
  if (text.charCodeAt(n - 1) === 45) {
    if (negative) return undefined;
    negative = true;
    end = n - 1;
  }
  // Kroner: 1–12 digits, either ungrouped or in groups of three after the first (1–3) with one space between.
  let whole = 0;
  let digits = 0;
  let group = 0;
  let grouped = false;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      whole = whole * 10 + (c - 48);
      digits++;
      group++;
    } else if (c === 32) {
      if (group === 0 || (grouped ? group !== 3 : group > 3)) return undefined;
      grouped = true;
      group = 0;
    } else if (c === 44) break;
    else return undefined;
  }
  if (digits === 0 || digits > 12 || (grouped && group !== 3)) return undefined;
  let cents = 0;
  if (i < end) {
    const decimals = end - i - 1;
    const d1 = text.charCodeAt(i + 1) - 48;
    const d2 = decimals === 2 ? text.charCodeAt(i + 2) - 48 : 0;
    if (decimals < 1 || decimals > 2 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return undefined;
    cents = d1 * 10 + d2;
  }
  const ore = whole * 100 + cents;
  return negative ? -ore + 0 : ore;
}

/** Anything Unicode calls a space, including U+00A0 and U+202F, becomes one ordinary space. */
const SPACES = /[\s\u00a0\u2007\u2009\u202f]+/g;
/** U+2212 minus, figure dash and en dash are read as a minus sign. */
const DASHES = /[\u2212\u2012\u2013]/g;
const CURRENCY_PREFIX = /^(kr\.?|nok)(?=[\s\d(+-]|$)\s*/i;
/** `kr`/`NOK` at the end, after a digit, a space, `)` or `-` (no lookbehind: older Safari in Office for Mac lacks it). */
const CURRENCY_SUFFIX = /(^|[\s\d)-])\s*(kr\.?|nok)$/i;

/** Text as an amount; see the module comment for what is accepted. "" and blanks are EMPTY. */
export function parseAmountText(text: string): Result<AmountCell> {
  const shown = text.trim();
  let s = text.replace(SPACES, " ").replace(DASHES, "-").trim();
  if (s === "") return EMPTY;
  if (s === "-") return ZERO;
  const notAmount = (why?: string) => valueError(`«${shown}» er ikke et beløp${why ? ` (${why})` : ""}.`);

  let negative = false;
  let signs = 0;
  let currencies = 0;
  for (let before = ""; before !== s; ) {
    before = s;
    if (/^\(.*\)$/.test(s)) {
      s = s.slice(1, -1).trim();
      negative = !negative;
      signs++;
    } else if (CURRENCY_PREFIX.test(s)) {
      s = s.replace(CURRENCY_PREFIX, "").trim();
      currencies++;
    } else if (CURRENCY_SUFFIX.test(s)) {
      s = s.replace(CURRENCY_SUFFIX, "$1").trim();
      currencies++;
    } else if (/\d,-$/.test(s)) {
      // `1 234,-` is whole kroner, not SAP's trailing minus.
      s = s.slice(0, -2);
    } else if (/^[+-]/.test(s)) {
      if (s[0] === "-") negative = !negative;
      s = s.slice(1).trim();
      signs++;
    } else if (/-$/.test(s)) {
      s = s.slice(0, -1).trim();
      negative = !negative;
      signs++;
    }
  }
  if (signs > 1) return notAmount("mer enn ett fortegn");
  if (currencies > 1) return notAmount("valuta står to ganger");

  const canonical = canonicalDigits(s);
  if (canonical === "ambiguous") {
    return valueError(
      `«${shown}» er tvetydig: det kan være tusenskille eller desimaltegn. Skriv beløpet uten tusenskille (1234) eller med mellomrom (1 234), eller med to desimaler (1,23).`,
    );
  }
  if (canonical === undefined) return notAmount();
  const amount = fromText(canonical);
  if (amount === undefined) return notAmount();
  if (compare(abs(amount), fromNumber(MAX_AMOUNT)) > 0) {
    return numberError(`«${shown}» er utenfor et rimelig beløpsområde (±10 000 milliarder kr).`);
  }
  return negative ? negate(amount) : amount;
}

/**
 * The digits of an unsigned amount as `1234.56`, or "ambiguous", or undefined when the text is
 * not an amount at all.
 */
function canonicalDigits(body: string): string | "ambiguous" | undefined {
  let m: RegExpMatchArray | null;
  if (/^\d+$/.test(body)) return body;
  // Space-grouped thousands; after a space group either sign can only be the decimal sign.
  if ((m = body.match(/^(\d{1,3}(?: \d{3})+)(?:[.,](\d+))?$/))) return joined(m[1].replace(/ /g, ""), m[2]);
  if ((m = body.match(/^(\d+)[.,](\d+)$/))) {
    if (/^[1-9]\d{0,2}$/.test(m[1]) && m[2].length === 3) return "ambiguous";
    return joined(m[1], m[2]);
  }
  if ((m = body.match(/^(\d{1,3}(?:\.\d{3})+),(\d+)$/))) return joined(m[1].replace(/\./g, ""), m[2]);
  if ((m = body.match(/^(\d{1,3}(?:,\d{3})+)\.(\d+)$/))) return joined(m[1].replace(/,/g, ""), m[2]);
  if (/^\d{1,3}(?:\.\d{3}){2,}$/.test(body)) return body.replace(/\./g, "");
  if (/^\d{1,3}(?:,\d{3}){2,}$/.test(body)) return body.replace(/,/g, "");
  return undefined;
}

const joined = (whole: string, decimals: string | undefined) => (decimals === undefined ? whole : `${whole}.${decimals}`);
