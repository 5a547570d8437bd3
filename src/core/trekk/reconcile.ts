/**
 * The trekk and arbeidsgiveravgift reconciliation (DESIGN.md §8.3): per liability account and
 * month the roll-forward against the ledger; forskuddstrekk per pay date (from 2026) or per termin
 * (up to 2025) against the a-melding and the payments and their due dates; AGA per termin from the
 * payroll's basis at the rules' rates against the a-melding and the payments; the insurers' and
 * unions' invoices against the trekk; and the flags. Every rule comes from core/rules: the zone,
 * its rate for the year, the due dates moved by § 10-2.
 */
import { isoDate } from "../calendar";
import { isRuleError, Result } from "../errors";
import { Dec, rate, Rate, times } from "../money/exact";
import { exactOf, minusOre, ORE_ZERO, Ore, plusOre, roundedOre, sumOre } from "../money/ore";
import { Zone, ZONES } from "../rates/aga";
import { agaRates, rateForZone } from "../rules/aga";
import { resolveZone } from "../rules/aga-sone";
import { dueDateAga, dueDateForskuddstrekk, dueDateTermin, FIRST_YEAR_PER_PAY_DATE } from "../rules/due-dates";
import { monthsOfTermin, terminOfMonth } from "../rules/termin";
import { maxOf } from "../list";
import { Checked, ProblemList } from "../problem/problem";
import { scenarioProblems } from "./check";
import { calendarDate, daysFrom, lastDayOf, monthName, monthOf, periodText, yearOf } from "./dates";
import {
  ameldingFlag,
  invoiceFlag,
  ledgerFlag,
  missingAmeldingFlag,
  OwedItem,
  payDateWhat,
  rateFlag,
  settlementFlags,
  terminWhat,
} from "./flags";
import { AgaMonth, AgaTerminRow, ForskuddstrekkRow, Kontroll, MottakerRow, Settlement, TrekkAvstemming, TrekkFlag } from "./result";
import { Betaling, Gjelder, TrekkScenario } from "./types";
import { append } from "../list";

const SKATTEETATEN = "Skatteetaten";

/** 1 kr, the workpapers' default tolerance (DESIGN.md §3.1, as the SPK reconciliation). */
export const DEFAULT_TREKK_TOLERANSE = 100 as Ore;

type Paid = { readonly dato: string; readonly belop: Ore };

/** The payments against one amount owed, and its due date, as a settlement. */
function settle(forfall: string, paid: readonly Paid[]): Settlement {
  const sorted = [...paid].sort((a, b) => (a.dato < b.dato ? -1 : a.dato > b.dato ? 1 : 0));
  const betalt = sumOre(sorted.map((p) => p.belop));
  const last = sorted.length > 0 ? sorted[sorted.length - 1].dato : null;
  return { betalt, forfall, betaltDato: last, dagerForsinket: last === null ? null : Math.max(0, daysFrom(forfall, last)) };
}

const paidOf = (list: readonly Betaling[]): Paid[] => list.map((b) => ({ dato: b.dato, belop: b.belop }));

/** The last month of the year any input falls in (at least January). */
function lastMonth(s: TrekkScenario): number {
  const inYear = (iso: string) => (yearOf(iso) === s.aar ? monthOf(iso) : 1);
  const months = [
    1,
    ...s.lonnskjoringer.map((r) => inYear(r.utbetalingsdato)),
    ...s.amelding.map((m) => inYear(m.kalendermaaned)),
    ...s.hovedbok.flatMap((k) => k.posteringer.map((p) => inYear(p.dato))),
    ...s.betalinger.map((b) => inYear(b.dato)),
    ...s.mottakere.flatMap((m) => m.fakturert.map((f) => inYear(f.periode))),
  ];
  return maxOf(months);
}

/** The termin of a month 1–12. */
const lastTermin = (month: number): number => terminOfMonth(month) as number;

function ok<T>(r: Result<T>, problems: ProblemList, path: string): T | undefined {
  if (isRuleError(r)) {
    problems.add({ path, message: r.message });
    return undefined;
  }
  return r;
}

const emptyZones = (): Record<Zone, Ore> => Object.fromEntries(ZONES.map((z) => [z, ORE_ZERO])) as Record<Zone, Ore>;

/** ROUND(grunnlag × rate, 2), the AGA on one basis. */
const agaOn = (grunnlag: Ore, r: Rate): Ore => roundedOre(times(exactOf(grunnlag), r));

interface Context {
  readonly s: TrekkScenario;
  readonly year: number;
  readonly months: number;
  readonly sluttdato: string;
  readonly tolerance: Ore;
  readonly rates: Readonly<Record<Zone, Rate>>;
  readonly fullRate: Rate;
  readonly flags: TrekkFlag[];
  readonly problems: ProblemList;
}

const runsIn = (c: Context, month: number) => c.s.lonnskjoringer.filter((r) => monthOf(r.utbetalingsdato) === month);
const ameldingOf = (c: Context, month: number) => c.s.amelding.find((m) => m.kalendermaaned === periodText(c.year, month));
const ledgerOf = (c: Context, g: Gjelder) => c.s.hovedbok.find((k) => k.konto === c.s.kontoer[g]);

function agaMonths(c: Context): AgaMonth[] {
  const out: AgaMonth[] = [];
  for (let m = 1; m <= c.months; m++) {
    const grunnlag = emptyZones();
    for (const r of runsIn(c, m)) {
      for (const b of r.agaGrunnlag) {
        const zone = resolveZone(b.sone, c.year) as Zone;
        grunnlag[zone] = plusOre(grunnlag[zone], b.grunnlag);
      }
    }
    const beregnet = sumOre(ZONES.map((z) => agaOn(grunnlag[z], c.rates[z])));
    const report = ameldingOf(c, m);
    out.push({ periode: periodText(c.year, m), maaned: m, grunnlag, beregnet, amelding: report ? report.sumArbeidsgiveravgift : null });
  }
  return out;
}

/** An a-melding AGA line whose rate is not the rules' rate for its zone and year. */
export interface RateMismatch {
  /** The line: `scenario.amelding[maaned].agaGrunnlag[line]`. */
  readonly maaned: number;
  readonly line: number;
  readonly zone: Zone;
  /** Fractions (0.141). */
  readonly reported: number;
  readonly rule: number;
  /** |AGA at the reported rate − AGA at the rule's|, on the line's basis. */
  readonly belop: Ore;
}

/** The a-melding's rates against the rules' (zone Ia may also use the full rate once the fribeløp is used up); by month. */
function mismatches(s: TrekkScenario, rates: Readonly<Record<Zone, Rate>>, fullRate: Rate): RateMismatch[] {
  const out: RateMismatch[] = [];
  const order = s.amelding.map((m, i) => ({ m, i })).sort((a, b) => (a.m.kalendermaaned < b.m.kalendermaaned ? -1 : 1));
  for (const { m, i } of order) {
    m.agaGrunnlag.forEach((line, j) => {
      const zone = resolveZone(line.sone, s.aar) as Zone;
      const reported = rate(new Dec(line.prosentsats).div(100));
      const rule = rates[zone];
      const same = (r: Rate) => r.decimal.equals(reported.decimal);
      if (same(rule) || (zone === "Ia" && same(fullRate))) return;
      const belop = minusOre(agaOn(line.grunnlag, reported), agaOn(line.grunnlag, rule));
      out.push({ maaned: i, line: j, zone, reported: reported.fraction, rule: rule.fraction, belop: (belop < 0 ? -belop : belop) as Ore });
    });
  }
  return out;
}

function rateFlags(c: Context): void {
  for (const x of mismatches(c.s, c.rates, c.fullRate)) {
    const m = c.s.amelding[x.maaned];
    c.flags.push(rateFlag(c.s.kontoer.aga, m.kalendermaaned, x.zone, x.reported, x.rule, m.agaGrunnlag[x.line].grunnlag, x.belop));
  }
}

/** The year's zone rates (ordinary næring) and the full rate, or the rule's problem. */
function yearRates(year: number): Result<{ rates: Record<Zone, Rate>; full: Rate }> {
  const r = agaRates(year);
  if (isRuleError(r)) return r;
  return { rates: Object.fromEntries(ZONES.map((z) => [z, rateForZone(r, z, "ordinaer")])) as Record<Zone, Rate>, full: r.full };
}

/**
 * The a-melding lines of a scenario whose AGA rate is not the rules' rate (the feilSats flags of
 * the model, as data). The scenario must be one the model accepts (its zones and year known).
 */
export function rateMismatches(s: TrekkScenario): RateMismatch[] {
  const r = yearRates(s.aar);
  return isRuleError(r) ? [] : mismatches(s, r.rates, r.full);
}

function missingAmeldinger(c: Context): void {
  for (let m = 1; m <= c.months; m++) {
    const runs = runsIn(c, m);
    if (runs.length === 0 || ameldingOf(c, m)) continue;
    c.flags.push(missingAmeldingFlag(c.s.kontoer.forskuddstrekk, periodText(c.year, m), sumOre(runs.map((r) => r.forskuddstrekk))));
  }
}

/** The previous year's termin 6, settled in January: owed is the ledger's opening balance. */
function previousTermin6(c: Context, g: "forskuddstrekk" | "aga"): { owed: Ore; paid: Betaling[]; forfall: string } | undefined {
  const paid = c.s.betalinger.filter((b) => b.gjelder === g && b.termin === 6 && b.aar === c.year - 1);
  const ledger = ledgerOf(c, g);
  const owed = (0 - (ledger?.ib ?? 0)) as Ore;
  if (paid.length === 0 && owed === 0) return undefined;
  const due = ok(dueDateTermin(6, c.year - 1), c.problems, "aar");
  return due ? { owed, paid, forfall: isoDate(due) } : undefined;
}

function forskuddstrekkRows(c: Context): ForskuddstrekkRow[] {
  const { s, year } = c;
  const konto = s.kontoer.forskuddstrekk;
  const rows: ForskuddstrekkRow[] = [];
  const add = (row: ForskuddstrekkRow, item: OwedItem, paid: readonly Paid[], where: string) => {
    rows.push(row);
    append(c.flags, [...settlementFlags(item, row, paid, c.tolerance, c.sluttdato), ...ameldingFlag(item, row.amelding, where, c.tolerance)]);
  };
  // Termin 6 of the year before was paid per termin up to and including 2025.
  const opening = year - 1 < FIRST_YEAR_PER_PAY_DATE ? previousTermin6(c, "forskuddstrekk") : undefined;
  if (opening) {
    const row = { utbetalingsdato: null, termin: 6, aar: year - 1, trekk: opening.owed, amelding: null, ...settle(opening.forfall, paidOf(opening.paid)) };
    const item: OwedItem = { konto, table: "forskuddstrekk", what: terminWhat("forskuddstrekket", 6, year - 1, year), key: { termin: 6, aar: year - 1 }, owed: opening.owed, payee: SKATTEETATEN };
    add(row, item, paidOf(opening.paid), "");
  }
  if (year >= FIRST_YEAR_PER_PAY_DATE) {
    const dates = new Set<string>(s.lonnskjoringer.map((r) => r.utbetalingsdato));
    for (const m of s.amelding) for (const d of m.forskuddstrekkPerUtbetalingsdato) dates.add(d.dato);
    for (const dato of [...dates].sort()) {
      const trekk = sumOre(s.lonnskjoringer.filter((r) => r.utbetalingsdato === dato).map((r) => r.forskuddstrekk));
      const report = s.amelding.find((m) => m.kalendermaaned === dato.slice(0, 7));
      const amelding = report ? (report.forskuddstrekkPerUtbetalingsdato.find((d) => d.dato === dato)?.belop ?? ORE_ZERO) : null;
      const due = ok(dueDateForskuddstrekk(calendarDate(dato)), c.problems, "lonnskjoringer");
      if (!due) continue;
      const paid = paidOf(s.betalinger.filter((b) => b.gjelder === "forskuddstrekk" && b.utbetalingsdato === dato));
      const row = { utbetalingsdato: dato, termin: null, aar: year, trekk, amelding, ...settle(isoDate(due), paid) };
      const item: OwedItem = { konto, table: "forskuddstrekk", what: payDateWhat(dato), key: { dato }, owed: trekk, payee: SKATTEETATEN };
      add(row, item, paid, `a-meldingen for ${monthName(dato.slice(0, 7))}`);
    }
    return rows;
  }
  for (let t = 1; t <= lastTermin(c.months); t++) {
    const months = monthsOfTermin(t);
    const trekk = sumOre(months.flatMap((m) => runsIn(c, m).map((r) => r.forskuddstrekk)));
    const reports = months.map((m) => ameldingOf(c, m)).filter((m) => m !== undefined);
    const amelding = reports.length > 0 ? sumOre(reports.map((m) => m.sumForskuddstrekk)) : null;
    const due = ok(dueDateTermin(t, year), c.problems, "aar");
    if (!due) continue;
    const paid = paidOf(s.betalinger.filter((b) => b.gjelder === "forskuddstrekk" && b.termin === t && (b.aar ?? year) === year));
    const row = { utbetalingsdato: null, termin: t, aar: year, trekk, amelding, ...settle(isoDate(due), paid) };
    const item: OwedItem = { konto, table: "forskuddstrekk", what: terminWhat("forskuddstrekket", t, year, year), key: { termin: t, aar: year }, owed: trekk, payee: SKATTEETATEN };
    add(row, item, paid, "a-meldingene for terminen");
  }
  return rows;
}

function agaRows(c: Context, months: readonly AgaMonth[]): AgaTerminRow[] {
  const { s, year } = c;
  const konto = s.kontoer.aga;
  const rows: AgaTerminRow[] = [];
  const add = (row: AgaTerminRow, item: OwedItem, paid: readonly Paid[]) => {
    rows.push(row);
    append(c.flags, [...settlementFlags(item, row, paid, c.tolerance, c.sluttdato), ...ameldingFlag(item, row.amelding, "a-meldingene for terminen", c.tolerance)]);
  };
  const opening = previousTermin6(c, "aga");
  if (opening) {
    const row = { termin: 6, aar: year - 1, beregnet: opening.owed, amelding: null, ...settle(opening.forfall, paidOf(opening.paid)) };
    const item: OwedItem = { konto, table: "aga", what: terminWhat("arbeidsgiveravgiften", 6, year - 1, year), key: { termin: 6, aar: year - 1 }, owed: opening.owed, payee: SKATTEETATEN };
    add(row, item, paidOf(opening.paid));
  }
  for (let t = 1; t <= lastTermin(c.months); t++) {
    const inTermin = months.filter((m) => monthsOfTermin(t).includes(m.maaned));
    const beregnet = sumOre(inTermin.map((m) => m.beregnet));
    const reported = inTermin.filter((m) => m.amelding !== null);
    const amelding = reported.length > 0 ? sumOre(reported.map((m) => m.amelding as Ore)) : null;
    const due = ok(dueDateAga(t, year), c.problems, "aar");
    if (!due) continue;
    const paid = paidOf(s.betalinger.filter((b) => b.gjelder === "aga" && b.termin === t && (b.aar ?? year) === year));
    const row = { termin: t, aar: year, beregnet, amelding, ...settle(isoDate(due), paid) };
    const item: OwedItem = { konto, table: "aga", what: terminWhat("arbeidsgiveravgiften", t, year, year), key: { termin: t, aar: year }, owed: beregnet, payee: SKATTEETATEN };
    add(row, item, paid);
  }
  return rows;
}

const TREKK_FIELD: Readonly<Record<Exclude<Gjelder, "aga">, "forskuddstrekk" | "forsikringstrekk" | "fagforeningstrekk">> = {
  forskuddstrekk: "forskuddstrekk",
  forsikringstrekk: "forsikringstrekk",
  fagforeningstrekk: "fagforeningstrekk",
};

const ACCOUNT_ORDER: readonly Gjelder[] = ["forskuddstrekk", "aga", "forsikringstrekk", "fagforeningstrekk"];

function rollForward(c: Context, months: readonly AgaMonth[]): Kontroll[] {
  const out: Kontroll[] = [];
  for (const g of ACCOUNT_ORDER) {
    const ledger = ledgerOf(c, g);
    if (!ledger) continue;
    let ib = ledger.ib;
    for (let m = 1; m <= c.months; m++) {
      const periode = periodText(c.year, m);
      const paalopt = g === "aga" ? months[m - 1].beregnet : sumOre(runsIn(c, m).map((r) => r[TREKK_FIELD[g]]));
      const betalt = sumOre(c.s.betalinger.filter((b) => b.gjelder === g && b.dato.slice(0, 7) === periode).map((b) => b.belop));
      const forventetUb = plusOre(minusOre(ib, paalopt), betalt);
      const hovedbokUb = plusOre(ib, sumOre(ledger.posteringer.filter((p) => p.dato.slice(0, 7) === periode).map((p) => p.belop)));
      const differanse = minusOre(hovedbokUb, forventetUb);
      out.push({ konto: ledger.konto, gjelder: g, periode, maaned: m, ib, paalopt, betalt, forventetUb, hovedbokUb, differanse });
      append(c.flags, ledgerFlag(ledger.konto, periode, hovedbokUb, forventetUb, differanse, c.tolerance));
      ib = hovedbokUb;
    }
  }
  return out;
}

function counterparties(c: Context): MottakerRow[] {
  const out: MottakerRow[] = [];
  for (const g of ["forsikringstrekk", "fagforeningstrekk"] as const) {
    const konto = c.s.kontoer[g];
    const parties = c.s.mottakere.filter((m) => m.konto === konto);
    if (parties.length === 0) continue;
    const names = parties.map((p) => p.navn);
    for (let m = 1; m <= 12; m++) {
      const periode = periodText(c.year, m);
      const invoices = parties.flatMap((p) => p.fakturert.filter((f) => f.periode === periode));
      const trekk = sumOre(runsIn(c, m).map((r) => r[g]));
      if (trekk === 0 && invoices.length === 0) continue;
      const fakturert = sumOre(invoices.map((f) => f.belop));
      out.push({ konto, periode, maaned: m, navn: names, trekk, fakturert, differanse: minusOre(fakturert, trekk) });
      append(c.flags, invoiceFlag(konto, periode, names, trekk, fakturert, c.tolerance));
    }
  }
  return out;
}

/**
 * The reconciliation of a scenario, or every problem with it (nothing is computed then). The
 * months reconciled run from January to the last month of the year with any input; an amount owed
 * whose due date is after that month is not flagged as unpaid.
 */
export function reconcileTrekk(s: TrekkScenario): Checked<TrekkAvstemming> {
  const problems = scenarioProblems(s);
  const invalid = problems.error();
  if (invalid) return invalid;
  // scenarioProblems has checked that the year has rates.
  const { rates, full } = yearRates(s.aar) as { rates: Record<Zone, Rate>; full: Rate };
  const months = lastMonth(s);
  const c: Context = {
    s,
    year: s.aar,
    months,
    sluttdato: lastDayOf(s.aar, months),
    tolerance: s.toleranse ?? DEFAULT_TREKK_TOLERANSE,
    rates,
    fullRate: full,
    flags: [],
    problems,
  };
  const agaGrunnlag = agaMonths(c);
  const rolled = rollForward(c, agaGrunnlag);
  const forskuddstrekk = forskuddstrekkRows(c);
  const aga = agaRows(c, agaGrunnlag);
  missingAmeldinger(c);
  rateFlags(c);
  const mottakere = counterparties(c);
  return problems.result(() => ({
    scenario: s,
    kontoer: s.kontoer,
    toleranse: c.tolerance,
    maaneder: months,
    sluttdato: c.sluttdato,
    forskuddstrekkPerTermin: s.aar < FIRST_YEAR_PER_PAY_DATE,
    kontroller: rolled,
    forskuddstrekk,
    agaGrunnlag,
    aga,
    mottakere,
    satser: Object.fromEntries(ZONES.map((z) => [z, rates[z].fraction])) as Record<Zone, number>,
    flags: c.flags,
  }));
}

