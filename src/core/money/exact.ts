import Decimal from "decimal.js";

/**
 * Exact money arithmetic.
 *
 * Payroll figures must be right to the øre, and a column of 100 000 incomes must compute about as
 * fast as Excel's own arithmetic. decimal.js alone is exact but ~100× too slow for that; binary
 * floating point is fast but wrong (0,1 + 0,2). So an `Exact` has two representations:
 *
 * - a safe integer count of 10⁻⁷ kr (a "unit"), held in a plain number: every amount with whole
 *   øre up to about 900 million kroner, and every product of such an amount with a rate of at
 *   most five decimals (all statutory rates), is an integer number of units, so + − × and
 *   comparisons are exact integer operations on doubles;
 * - a decimal.js `Decimal` for everything else (sub-øre inputs, rates with more decimals, huge
 *   amounts). Operations switch to it by themselves the moment an integer result could overflow.
 *
 * Rules are written once against these operations and never see which representation is used.
 * Rounding happens once, at the end, to øre, half away from zero (as Excel's ROUND).
 */

/**
 * decimal.js with enough digits that no sum or product we form is ever rounded: a double's
 * shortest decimal has at most 17 significant digits and an exponent down to −324, and amounts
 * are capped at 10¹³, so a thousand digits hold every result exactly. decimal.js only spends
 * digits that are actually there.
 */
export const Dec = Decimal.clone({ precision: 1000, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -1100, toExpPos: 1100 });
/** For quotients, which are not exact anyway: more digits than a double can show. */
const Quotient = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

declare const scaledBrand: unique symbol;
/** An integer count of 10⁻⁷ kr. Never a plain number of kroner: the brand keeps them apart. */
export type Units = number & { readonly [scaledBrand]: true };
export type Exact = Units | Decimal;

const UNITS_PER_KRONE = 1e7;
const UNITS_PER_ORE = 1e5;
/** A rate is held as an integer count of 10⁻⁵ when it has at most five decimals. */
export const RATE_SCALE = 1e5;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
/** Above this many øre an amount no longer fits in units (2⁵³ / 10⁵). */
const MAX_ORE_AS_UNITS = Math.floor(MAX_SAFE / UNITS_PER_ORE);

export const ZERO = 0 as Units;

function isUnits(value: Exact): value is Units {
  return typeof value === "number";
}

// Each operation below is a small integer fast path followed by a call to its decimal twin, so
// V8 can inline the fast path into a caller's loop; the decimal code stays out of the way.

/** The Decimal value of an Exact, in kroner. */
export function toDecimal(value: Exact): Decimal {
  return isUnits(value) ? new Dec(value).div(UNITS_PER_KRONE) : value;
}

/**
 * The exact value of a number of kroner as Excel holds and shows it: the shortest decimal that
 * reads back as the same double (what `String(x)` prints), so 0.1 means one tenth.
 * The caller has checked that the number is finite.
 */
export function fromNumber(kroner: number): Exact {
  const ore = Math.round(kroner * 100);
  // ore / 100 === kroner proves the double is the one nearest to a whole number of øre, and below
  // 9·10⁸ kr two different øre amounts never share a double, so that øre amount is its value.
  if (ore / 100 === kroner && ore <= MAX_ORE_AS_UNITS && ore >= -MAX_ORE_AS_UNITS) return (ore * UNITS_PER_ORE) as Units;
  return new Dec(kroner);
}

/** A whole number of øre (a safe integer) as an Exact. */
export function fromOre(ore: number): Exact {
  return Math.abs(ore) <= MAX_ORE_AS_UNITS ? ((ore * UNITS_PER_ORE) as Units) : new Dec(ore).div(100);
}

/** A plain decimal string (`"1234.56"`, `"-0.5"`, `"1e3"`); undefined if it is not one. */
export function fromText(text: string): Exact | undefined {
  const trimmed = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return undefined;
  return normalize(new Dec(trimmed));
}

/** A Decimal as an Exact, in units when it fits (so later arithmetic takes the fast path). */
export function fromDecimal(value: Decimal): Exact {
  return normalize(value);
}

function normalize(value: Decimal): Exact {
  const units = value.times(UNITS_PER_KRONE);
  if (units.isInteger() && units.abs().lte(MAX_SAFE)) return (units.toNumber() + 0) as Units;
  return value;
}

export function plus(a: Exact, b: Exact): Exact {
  if (typeof a === "number" && typeof b === "number") {
    const total = a + b;
    if (total <= MAX_SAFE && total >= -MAX_SAFE) return total as Units;
  }
  return plusDecimal(a, b);
}

function plusDecimal(a: Exact, b: Exact): Decimal {
  return toDecimal(a).plus(toDecimal(b));
}

export function minus(a: Exact, b: Exact): Exact {
  if (typeof a === "number" && typeof b === "number") {
    const difference = a - b;
    if (difference <= MAX_SAFE && difference >= -MAX_SAFE) return difference as Units;
  }
  return minusDecimal(a, b);
}

function minusDecimal(a: Exact, b: Exact): Decimal {
  return toDecimal(a).minus(toDecimal(b));
}

export function negate(a: Exact): Exact {
  return isUnits(a) ? ((0 - a) as Units) : a.negated();
}

export function sum(values: readonly Exact[]): Exact {
  let total: Exact = ZERO;
  for (const value of values) total = plus(total, value);
  return total;
}

export function compare(a: Exact, b: Exact): -1 | 0 | 1 {
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
  return compareDecimal(a, b);
}

function compareDecimal(a: Exact, b: Exact): -1 | 0 | 1 {
  return toDecimal(a).comparedTo(toDecimal(b)) as -1 | 0 | 1;
}

export function min(a: Exact, b: Exact): Exact {
  if (typeof a === "number" && typeof b === "number") return a <= b ? a : b;
  return compareDecimal(a, b) <= 0 ? a : b;
}

export function max(a: Exact, b: Exact): Exact {
  if (typeof a === "number" && typeof b === "number") return a >= b ? a : b;
  return compareDecimal(a, b) >= 0 ? a : b;
}

export function sign(a: Exact): -1 | 0 | 1 {
  if (isUnits(a)) return a < 0 ? -1 : a > 0 ? 1 : 0;
  return a.isZero() ? 0 : a.isNegative() ? -1 : 1;
}

export const isZero = (a: Exact): boolean => sign(a) === 0;
export const abs = (a: Exact): Exact => (sign(a) < 0 ? negate(a) : a);

/**
 * A rate (a fraction: 0.078 for 7,8 %), exact. Statutory rates are written as decimal text in the
 * year tables, so they are exact from the start; user rates come in as doubles and are read as
 * the decimal they show.
 */
export interface Rate {
  readonly decimal: Decimal;
  /** rate × 10⁵ when that is an integer (at most five decimals), else undefined. */
  readonly scaled: number | undefined;
  /** The rate as the number a spreadsheet shows (0.078). */
  readonly fraction: number;
}

export function rate(value: string | number | Decimal): Rate {
  const decimal = new Dec(value);
  const scaledDecimal = decimal.times(RATE_SCALE);
  const scaled = scaledDecimal.isInteger() && scaledDecimal.abs().lte(MAX_SAFE) ? scaledDecimal.toNumber() : undefined;
  return { decimal, scaled, fraction: decimal.toNumber() };
}

/**
 * Whole øre in a units value, without `%`: a floating-point remainder is a library call that
 * cost a column of 100 000 incomes about three times Excel's own arithmetic. Exact for every
 * safe integer: `units / 10⁵` is below 2³⁷, so its rounding error is at most 2⁻¹⁷ < 10⁻⁵, the
 * least distance of a non-integer quotient from an integer; a multiple of 10⁵ divides exactly.
 * So the quotient is an integer exactly when the units are whole øre, and truncating it gives
 * the true integer part.
 */
function oreOf(units: Units): number {
  return units / UNITS_PER_ORE;
}

/** amount × rate, exact. */
export function times(amount: Exact, r: Rate): Exact {
  const scaled = r.scaled;
  if (typeof amount === "number" && scaled !== undefined) {
    const ore = oreOf(amount);
    // øre × (rate·10⁵) is a count of 10⁻⁷ kr: the product is already in units.
    const product = ore * scaled;
    if (Number.isInteger(ore) && product <= MAX_SAFE && product >= -MAX_SAFE) return (product + 0) as Units;
  }
  return timesDecimal(amount, r);
}

function timesDecimal(amount: Exact, r: Rate): Decimal {
  return toDecimal(amount).times(r.decimal);
}

/** amount × (numerator / denominator), exact; for shares such as "this part of the basis". */
export function timesRatio(amount: Exact, numerator: Exact, denominator: Exact): Decimal {
  return new Quotient(toDecimal(amount).times(toDecimal(numerator))).div(toDecimal(denominator));
}

/** Rounded to whole øre, half away from zero, as an integer number of øre. */
export function roundToOre(value: Exact): number {
  // The quotient is within 2⁻¹⁷ of the true one (see oreOf); a true quotient is either exactly
  // k + ½ (representable, so computed exactly) or at least 10⁻⁵ from it, so rounding the
  // magnitude half up is exactly half away from zero.
  if (typeof value === "number") return value < 0 ? 0 - Math.round(-value / UNITS_PER_ORE) : Math.round(value / UNITS_PER_ORE) + 0;
  return roundDecimalToOre(value);
}

function roundDecimalToOre(value: Decimal): number {
  return value.times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber() + 0;
}

/** Rounded to øre (half away from zero) and given as kroner: the double nearest to that øre amount. */
export function roundKroner(value: Exact): number {
  return roundToOre(value) / 100;
}

/** The value in kroner as a double, without rounding to øre (for display of intermediate sums). */
export function toNumber(value: Exact): number {
  return isUnits(value) ? value / UNITS_PER_KRONE : value.toNumber();
}

/** a / b as a double (for average rates); b must not be zero. */
export function ratio(a: Exact, b: Exact): number {
  return new Quotient(toDecimal(a)).div(toDecimal(b)).toNumber();
}

/** Canonical text of the exact value, dot decimal ("1234.5"), for tests and files. */
export function toText(value: Exact): string {
  return toDecimal(value).toFixed();
}
