import { isRuleError, numberError, Result, valueError } from "../errors";
import { checkedAmount } from "../money/amount";
import { compare, Exact, fromNumber, min, minus, plus, Rate, rate, roundKroner, sign, times, ZERO } from "../money/exact";
import { TRYGDEAVGIFT, TrygdeavgiftYear } from "../rates/trygdeavgift";
import { foldNorwegian } from "../text";
import { yearTable } from "./year";

/** The three rates of trygdeavgift. */
export type RateClass = "lav" | "mellom" | "hoy";

/** What people write for an income type, lower-cased and without diacritics → its rate. */
const INCOME_TYPES: Readonly<Record<string, RateClass>> = {
  lonn: "mellom", l: "mellom", lonnsinntekt: "mellom", mellom: "mellom", mellomsats: "mellom",
  fiske: "mellom", fangst: "mellom", barnepass: "mellom",
  naering: "hoy", naring: "hoy", n: "hoy", naeringsinntekt: "hoy", naringsinntekt: "hoy", hoy: "hoy", hoysats: "hoy",
  jordbruk: "hoy", skogbruk: "hoy", reindrift: "hoy", pelsdyr: "hoy",
  pensjon: "lav", p: "lav", pensjonsinntekt: "lav", lav: "lav", lavsats: "lav",
};

/** The documented income types, for messages and function help. */
export const INCOME_TYPE_NAMES = "lønn (L), næring (N), pensjon (P), fiske, jordbruk";

/** An income type as typed (`lønn`, `L`, `Næring`, `pensjon`, …); empty means lønn. */
export function parseIncomeType(text: string | undefined): Result<RateClass> {
  if (text === undefined || text.trim() === "") return "mellom";
  const key = foldNorwegian(text).replace(/\s+/g, "");
  // Own keys only: "constructor" or "__proto__" must not find Object.prototype's members.
  const cls = Object.prototype.hasOwnProperty.call(INCOME_TYPES, key) ? INCOME_TYPES[key] : undefined;
  return cls ?? valueError(`Ukjent inntektstype «${text}». Bruk ${INCOME_TYPE_NAMES}.`);
}

/** One year's trygdeavgift figures, resolved once and reused for every row. */
export interface TrygdeavgiftRates {
  readonly year: number;
  readonly rates: Readonly<Record<RateClass, Rate>>;
  readonly nedreGrense: Exact;
  readonly opptrapping: Rate;
}

const resolved = new Map<number, TrygdeavgiftRates>();

export function trygdeavgiftRates(year: number): Result<TrygdeavgiftRates> {
  const cached = resolved.get(year);
  if (cached) return cached;
  const row = yearTable<TrygdeavgiftYear>(TRYGDEAVGIFT, year, "satser for trygdeavgift");
  if (isRuleError(row)) return row;
  const result: TrygdeavgiftRates = {
    year,
    rates: { lav: rate(row.lav), mellom: rate(row.mellom), hoy: rate(row.hoy) },
    nedreGrense: fromNumber(row.nedreGrense),
    opptrapping: rate(row.opptrapping),
  };
  resolved.set(year, result);
  return result;
}

/**
 * Trygdeavgift on one person's income of one type (folketrygdloven § 23-3; S7, S8):
 * nothing up to the lower limit, then the rate on the whole income, but never more than the
 * opptrapping share (25 %) of the part above the limit. No upper cap.
 */
export function trygdeavgiftOf(inntekt: Exact, r: TrygdeavgiftRates, cls: RateClass): number {
  return trygdeavgiftAtRate(inntekt, r.rates[cls], r);
}

/** The same with the type's rate looked up once by the caller (a column of one type). */
export function trygdeavgiftAtRate(inntekt: Exact, sats: Rate, r: TrygdeavgiftRates): number {
  return roundKroner(avgift(inntekt, times(inntekt, sats), r));
}

/**
 * Trygdeavgift on one person's income of several types: one common lower limit and opptrapping
 * on the total, each type at its own rate (S8; rates-and-rules.md §1.3).
 */
export function trygdeavgiftSamletOf(lonn: Exact, naring: Exact, pensjon: Exact, r: TrygdeavgiftRates): number {
  const total = plus(plus(lonn, naring), pensjon);
  const flat = plus(plus(times(lonn, r.rates.mellom), times(naring, r.rates.hoy)), times(pensjon, r.rates.lav));
  return roundKroner(avgift(total, flat, r));
}

function avgift(total: Exact, flat: Exact, r: TrygdeavgiftRates): Exact {
  if (compare(total, r.nedreGrense) <= 0) return ZERO;
  return min(flat, times(minus(total, r.nedreGrense), r.opptrapping));
}

/** Convenience for one value: `trygdeavgift(120000, 2026)` → 5087.5. */
export function trygdeavgift(inntekt: number, year: number, incomeType?: string): Result<number> {
  const r = trygdeavgiftRates(year);
  if (isRuleError(r)) return r;
  const cls = parseIncomeType(incomeType);
  if (isRuleError(cls)) return cls;
  const amount = checkedAmount(inntekt, "Inntekten");
  if (isRuleError(amount)) return amount;
  return trygdeavgiftOf(amount, r, cls);
}

export function trygdeavgiftSamlet(lonn: number, naring: number, pensjon: number, year: number): Result<number> {
  const r = trygdeavgiftRates(year);
  if (isRuleError(r)) return r;
  const parts: Exact[] = [];
  for (const [value, name] of [[lonn, "Lønnsinntekten"], [naring, "Næringsinntekten"], [pensjon, "Pensjonsinntekten"]] as const) {
    const amount = checkedAmount(value, name);
    if (isRuleError(amount)) return amount;
    // Negative personinntekt from one type is not set off against another here; refuse rather than guess.
    if (sign(amount) < 0) return numberError(`${name} er negativ (${value}); samlet trygdeavgift regnes av inntekter ≥ 0.`);
    parts.push(amount);
  }
  return trygdeavgiftSamletOf(parts[0], parts[1], parts[2], r);
}

export function trygdeavgiftSats(year: number, incomeType?: string): Result<number> {
  const r = trygdeavgiftRates(year);
  if (isRuleError(r)) return r;
  const cls = parseIncomeType(incomeType);
  if (isRuleError(cls)) return cls;
  return r.rates[cls].fraction;
}
