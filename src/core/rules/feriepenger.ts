import { inContext, isRuleError, Result, valueError } from "../errors";
import { checkedAmount } from "../money/amount";
import { abs, Exact, fromNumber, min, negate, plus, Rate, rate, roundKroner, sign, times } from "../money/exact";
import { FERIEPENGER } from "../rates/feriepenger";
import { grunnbelopOn } from "./grunnbelop";

/**
 * Feriepenger (ferieloven § 10):
 * ROUND(grunnlag × sats + (over 60 ? 2,3 % × MIN(grunnlag; 6 G) : 0); 2), rounded once, to øre,
 * half away from zero. A negative grunnlag (a correction) gives negative feriepenger, and the
 * 6 G cap then limits its magnitude, so a correction takes back exactly what the same positive
 * grunnlag gave.
 */

const DEFAULT_RATE = rate(FERIEPENGER.rate);
const OVER_60_EXTRA = rate(FERIEPENGER.over60Extra);

/** What feriepenger for one opptjeningsår needs besides the rate. */
export interface FeriepengerYear {
  readonly opptjeningsaar: number;
  /** G in force on 31 December of the opptjeningsår. */
  readonly grunnbelop: number;
  /** The grunnlag above which the over-60 extra stops: 6 G. */
  readonly over60Cap: Exact;
}

const years = new Map<number, FeriepengerYear>();

/**
 * The opptjeningsår's G and cap. The year is needed even without the over-60 extra: a
 * workbook for a year must give the same figures when it is reopened, and a year without G
 * is a typo or a year the tables do not know yet.
 */
export function feriepengerYear(opptjeningsaar: number): Result<FeriepengerYear> {
  if (!Number.isInteger(opptjeningsaar)) return valueError(`Opptjeningsåret må være et helt tall (fikk ${opptjeningsaar}).`);
  const cached = years.get(opptjeningsaar);
  if (cached) return cached;
  const g = grunnbelopOn({ year: opptjeningsaar, month: 12, day: 31 });
  if (isRuleError(g)) return inContext(g, `Feriepenger for opptjeningsåret ${opptjeningsaar} bruker G per 31.12.${opptjeningsaar}`);
  const result: FeriepengerYear = { opptjeningsaar, grunnbelop: g, over60Cap: fromNumber(FERIEPENGER.over60CapG * g) };
  years.set(opptjeningsaar, result);
  return result;
}

const decimalComma = (x: number): string => String(x).replace(".", ",");

/** The rate as a fraction 0–1; undefined gives the law's 10,2 %. */
export function feriepengerRate(sats: number | undefined): Result<Rate> {
  if (sats === undefined) return DEFAULT_RATE;
  if (!(sats >= 0 && sats <= 1)) {
    const hint = sats > 1 && sats <= 100 ? ` Skriv ${decimalComma(sats)} % som ${decimalComma(sats / 100)}.` : "";
    return valueError(`Feriepengesatsen må være en brøk mellom 0 og 1, f.eks. 0,102 eller 0,12 (fikk ${decimalComma(sats)}).${hint}`);
  }
  return rate(sats);
}

/** Feriepenger on an exact grunnlag, with the year's figures and the rate resolved once by the caller. */
export function feriepengerOf(grunnlag: Exact, sats: Rate, over60: boolean, year: FeriepengerYear): number {
  const base = times(grunnlag, sats);
  if (!over60) return roundKroner(base);
  const capped = min(abs(grunnlag), year.over60Cap);
  return roundKroner(plus(base, times(sign(grunnlag) < 0 ? negate(capped) : capped, OVER_60_EXTRA)));
}

/** The same on a grunnlag as a cell holds it, checked; the year and rate resolved once by the caller (a column). */
export function feriepengerOfAmount(grunnlag: number, sats: Rate, over60: boolean, year: FeriepengerYear): Result<number> {
  const amount = checkedAmount(grunnlag, "Feriepengegrunnlaget");
  // Excel shows a message only with #VALUE! and #N/A, so an absurd amount is #VALUE! here.
  if (isRuleError(amount)) return valueError(amount.message);
  return feriepengerOf(amount, sats, over60, year);
}

/** FERIEPENGER(grunnlag; opptjeningsår; [sats]; [over_60]) on plain numbers. */
export function feriepenger(grunnlag: number, opptjeningsaar: number, sats?: number, over60 = false): Result<number> {
  const year = feriepengerYear(opptjeningsaar);
  if (isRuleError(year)) return year;
  const r = feriepengerRate(sats);
  if (isRuleError(r)) return r;
  return feriepengerOfAmount(grunnlag, r, over60, year);
}
