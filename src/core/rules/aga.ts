import { isRuleError, numberError, Result, valueError } from "../errors";
import { checkedAmount } from "../money/amount";
import { compare, Exact, fromNumber, max, min, minus, plus, Rate, rate, roundKroner, sign, times, ZERO } from "../money/exact";
import { AGA, AgaYear, Zone, ZONES } from "../rates/aga";
import { foldNorwegian } from "../text";
import { resolveZone } from "./aga-sone";
import { yearTable } from "./year";

/** Which column of the rate table applies to the employer. */
export type Naring = "ordinaer" | "jordbruk" | "sektorunntak";

const NARING_BY_TEXT: Readonly<Record<string, Naring>> = {
  ordinaer: "ordinaer", ordinar: "ordinaer", o: "ordinaer", generell: "ordinaer", generelle: "ordinaer",
  jordbruk: "jordbruk", j: "jordbruk", skogbruk: "jordbruk", landbruk: "jordbruk", fiske: "jordbruk",
  sektorunntak: "sektorunntak", sektor: "sektorunntak", s: "sektorunntak", unntak: "sektorunntak",
};

export function parseNaring(text: string | undefined): Result<Naring> {
  if (text === undefined || text.trim() === "") return "ordinaer";
  const key = foldNorwegian(text).replace(/\s+/g, "");
  // Own keys only: "constructor" or "__proto__" must not find Object.prototype's members.
  return (Object.prototype.hasOwnProperty.call(NARING_BY_TEXT, key) ? NARING_BY_TEXT[key] : undefined) ??
    valueError(`Ukjent næring «${text}». Bruk ordinær, jordbruk eller sektorunntak.`);
}

/** One year's AGA figures as exact rates, resolved once. */
export interface AgaRates {
  readonly year: number;
  readonly ordinary: Readonly<Record<Zone, Rate>>;
  readonly jordbruk: Readonly<Record<Zone, Rate>>;
  readonly full: Rate;
  /** Per zone, what the reduced rate saves per krone against the full rate (for the fribeløp). */
  readonly saving: Readonly<Record<Zone, Rate>>;
  readonly fribelop: Exact;
  readonly ekstra?: { readonly rate: Rate; readonly threshold: Exact };
}

const resolved = new Map<number, AgaRates>();

function zoneRates(table: Readonly<Record<Zone, string>>): Record<Zone, Rate> {
  return Object.fromEntries(ZONES.map((z) => [z, rate(table[z])])) as Record<Zone, Rate>;
}

export function agaRates(year: number): Result<AgaRates> {
  const cached = resolved.get(year);
  if (cached) return cached;
  const row = yearTable<AgaYear>(AGA, year, "satser for arbeidsgiveravgift");
  if (isRuleError(row)) return row;
  const full = rate(row.full);
  const ordinary = zoneRates(row.ordinary);
  const result: AgaRates = {
    year,
    ordinary,
    jordbruk: zoneRates(row.jordbruk),
    full,
    saving: Object.fromEntries(ZONES.map((z) => [z, rate(full.decimal.minus(ordinary[z].decimal))])) as Record<Zone, Rate>,
    fribelop: fromNumber(row.fribelop),
    ekstra: row.ekstra && { rate: rate(row.ekstra.rate), threshold: fromNumber(row.ekstra.threshold) },
  };
  resolved.set(year, result);
  return result;
}

/** The rate for a zone: the zone column for ordinary employers and jordbruk; zone I's everywhere for sektorunntak. */
export function rateForZone(r: AgaRates, zone: Zone, naring: Naring): Rate {
  if (naring === "sektorunntak") return r.full;
  return naring === "jordbruk" ? r.jordbruk[zone] : r.ordinary[zone];
}

/** The AGA rate for a zone or kommunenummer in a year. */
export function agaSats(zoneOrKommune: string | number, year: number, naringText?: string): Result<Rate> {
  const r = agaRates(year);
  if (isRuleError(r)) return r;
  const naring = parseNaring(naringText);
  if (isRuleError(naring)) return naring;
  const zone = resolveZone(zoneOrKommune, year);
  if (isRuleError(zone)) return zone;
  return rateForZone(r, zone, naring);
}

/** AGA on a basis at a rate, rounded once to øre. A negative basis (a correction) gives negative AGA. */
export function agaOf(grunnlag: Exact, sats: Rate): number {
  return roundKroner(times(grunnlag, sats));
}

export function aga(grunnlag: number, zoneOrKommune: string | number, year: number, naringText?: string): Result<number> {
  const sats = agaSats(zoneOrKommune, year, naringText);
  if (isRuleError(sats)) return sats;
  const amount = checkedAmount(grunnlag, "Grunnlaget");
  if (isRuleError(amount)) return amount;
  return agaOf(amount, sats);
}

/**
 * AGA for a period where the fribeløp applies (zone Ia; sector-excepted employers in II–V):
 * the zone's reduced rate until the year's accumulated saving, (full rate − reduced rate) ×
 * basis, reaches the fribeløp, then the full rate (S10, S11).
 *
 * Worked as the difference of the year's accumulated AGA after and before this period, so a
 * negative basis (a correction) gives back exactly what it took.
 */
export function agaFribelopOf(grunnlag: Exact, tidligere: Exact, zone: Zone, r: AgaRates): number {
  const saving = r.saving[zone];
  const accumulated = (basis: Exact): Exact => minus(times(basis, r.full), min(times(basis, saving), r.fribelop));
  return roundKroner(minus(accumulated(plus(tidligere, grunnlag)), accumulated(tidligere)));
}

export function agaFribelop(grunnlag: number, tidligere: number, zoneOrKommune: string | number, year: number): Result<number> {
  const r = agaRates(year);
  if (isRuleError(r)) return r;
  const zone = resolveZone(zoneOrKommune, year);
  if (isRuleError(zone)) return zone;
  const period = periodBases(grunnlag, tidligere);
  if (isRuleError(period)) return period;
  return agaFribelopOf(period.grunnlag, period.tidligere, zone, r);
}

/**
 * Ekstra arbeidsgiveravgift for one employee for one period: the extra rate on the part of the
 * year-to-date basis above the threshold that this period adds (S13, S36). Zero in years
 * without it (before 2023 and from 2025).
 */
export function ekstraAgaOf(grunnlag: Exact, tidligere: Exact, r: AgaRates): number {
  if (!r.ekstra) return 0;
  const { rate: extraRate, threshold } = r.ekstra;
  const above = (basis: Exact): Exact => max(ZERO, minus(basis, threshold));
  return roundKroner(times(minus(above(plus(tidligere, grunnlag)), above(tidligere)), extraRate));
}

export function ekstraAga(grunnlag: number, year: number, tidligere = 0): Result<number> {
  const r = agaRates(year);
  if (isRuleError(r)) return r;
  const period = periodBases(grunnlag, tidligere);
  if (isRuleError(period)) return period;
  return ekstraAgaOf(period.grunnlag, period.tidligere, r);
}

/**
 * A period's basis and the year's basis before it, for the rules that work on the year to date.
 * Neither the basis before nor after the period can be negative.
 */
function periodBases(grunnlag: number, tidligere: number): Result<{ grunnlag: Exact; tidligere: Exact }> {
  const basis = checkedAmount(grunnlag, "Grunnlaget");
  if (isRuleError(basis)) return basis;
  const before = checkedAmount(tidligere, "Tidligere grunnlag i år");
  if (isRuleError(before)) return before;
  if (sign(before) < 0) return numberError("Tidligere grunnlag i år kan ikke være negativt.");
  if (compare(plus(before, basis), ZERO) < 0) {
    return numberError("Grunnlaget hittil i år blir negativt etter denne perioden; korreksjonen er større enn grunnlaget.");
  }
  return { grunnlag: basis, tidligere: before };
}
