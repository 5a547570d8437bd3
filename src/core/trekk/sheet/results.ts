import { toExcelSerial } from "../../calendar";
import { rate, times } from "../../money/exact";
import { exactOf, kroner, Ore, roundedOre, sumOre } from "../../money/ore";
import { ZONES } from "../../rates/aga";
import { parseCell } from "../../sheet/a1";
import { cellOf, SheetSnapshot } from "../../sheet/snapshot";
import { FormulaResult, LeftAlone } from "../../workpaper/write-plan";
import { calendarDate } from "../dates";
import { Settlement, TrekkAvstemming } from "../result";
import {
  ACCOUNT_ORDER, AGA, GRID, GRID_COLUMNS, PARTY, PARTY_COLUMNS, ROLL_COLUMNS, rollBlock, SETTLEMENT_COLUMNS, zoneColumn,
} from "./layout";

/**
 * What every formula of the `Trekk og AGA` sheet computes, from core's model of the same figures:
 * the CLI stores these as the formulas' cached results, so a preview (mail, Teams, a phone) or a
 * reader that does not recalculate shows the figures, not empty cells. Excel and LibreOffice
 * recalculate anyway.
 *
 * Each value is what its formula in plan.ts gives from the cells the fill leaves on the sheet, by
 * the spreadsheet's rules: an empty cell is 0 in arithmetic and equals ""; amounts in kroner (the
 * double nearest the øre), days late as a count, "" where the formula gives "". The LibreOffice
 * test checks that they agree.
 *
 * On an existing sheet, a cell the fill leaves alone (a user's formula or value where the template
 * has another, a user's formula in an input cell) holds what core does not know: that cell and
 * every formula that depends on it get no result, rather than a figure the sheet does not hold.
 */

/** A cell as a formula reads it: øre for an amount, a serial for a date, a fraction for a rate; "" when empty. */
type Value = number | "";
/** undefined: what the cell holds after the fill is not known here. */
type Known = Value | undefined;

export interface TrekkResultsInput {
  readonly sheet: string;
  readonly avstemming: TrekkAvstemming;
  /** The forskuddstrekk table's rows, in the order of `avstemming.forskuddstrekk`. */
  readonly rows: readonly { readonly row: number }[];
  /** The sheet as it is now; undefined for a new sheet. */
  readonly existing: SheetSnapshot | undefined;
  /** The cells the fill leaves as they are (the plan's leftAlone). */
  readonly leftAlone: readonly LeftAlone[];
}

const num = (v: Value): number => (v === "" ? 0 : v);
const serial = (iso: string | null | undefined): number | undefined => (iso ? toExcelSerial(calendarDate(iso)) : undefined);
/** ROUND(grunnlag × rate, 2), as the sheet's SUMPRODUCT takes it per zone. */
const agaOn = (grunnlag: number, fraction: number): number => roundedOre(times(exactOf(grunnlag as Ore), rate(fraction)));

/** The sheet's cells as the formulas see them after the fill, and the results found so far. */
class SheetValues {
  private readonly cells = new Map<string, Known>();
  private readonly kept: ReadonlySet<string>;
  readonly results: FormulaResult[] = [];

  constructor(private readonly input: TrekkResultsInput) {
    this.kept = new Set(input.leftAlone.filter((l) => l.sheet === input.sheet).map((l) => l.address));
  }

  /** An input or a cell of ours: what the fill puts there (undefined: empty), unless the sheet keeps its own. */
  put(address: string, value: number | null | undefined): void {
    const own = this.kept.has(address) || cellOf(this.input.existing, parseCell(address)).formula !== undefined;
    this.cells.set(address, own ? undefined : (value ?? ""));
  }

  /**
   * A formula cell, computed from the cells it refers to when all are known. `days`: a count, as
   * it is; otherwise an amount in øre, stored as kroner.
   */
  formula(address: string, refs: readonly string[], compute: (v: readonly Value[]) => Value, days = false): void {
    const values = refs.map((r) => this.cells.get(r));
    const known = !this.kept.has(address) && values.every((v): v is Value => v !== undefined);
    const value = known ? compute(values as Value[]) : undefined;
    this.cells.set(address, value);
    if (value !== undefined) this.results.push({ sheet: this.input.sheet, address, value: value === "" || days ? value : kroner(value as Ore) });
  }
}

/** The AGA grid: the rates row, and per month Σ ROUND(grunnlag × sats, 2) over the zones. */
function grid(s: SheetValues, a: TrekkAvstemming): void {
  const rates = ZONES.map((z) => `${zoneColumn(z)}${GRID.rates}`);
  ZONES.forEach((z, i) => s.put(rates[i], a.satser[z]));
  for (let m = 1; m <= 12; m++) {
    const r = GRID.month(m);
    const g = a.agaGrunnlag.find((x) => x.maaned === m);
    const bases = ZONES.map((z) => `${zoneColumn(z)}${r}`);
    ZONES.forEach((z, i) => s.put(bases[i], g?.grunnlag[z]));
    s.formula(`${GRID_COLUMNS.beregnet}${r}`, [...bases, ...rates], (v) => sumOre(bases.map((_, i) => agaOn(num(v[i]), num(v[bases.length + i])) as Ore)));
  }
}

/** The roll-forward per account and month: B = F of the month before, E = B − C + D, G = IF(F="","",F − E). */
function rollForward(s: SheetValues, a: TrekkAvstemming): void {
  const c = ROLL_COLUMNS;
  ACCOUNT_ORDER.forEach((g, i) => {
    const b = rollBlock(i);
    for (let m = 1; m <= 12; m++) {
      const r = b.month(m);
      const k = a.kontroller.find((x) => x.konto === a.kontoer[g] && x.maaned === m);
      if (m === 1) s.put(`${c.ib}${r}`, k?.ib);
      else s.formula(`${c.ib}${r}`, [`${c.hovedbokUb}${r - 1}`], ([ub]) => num(ub));
      if (g === "aga") s.formula(`${c.paalopt}${r}`, [`${GRID_COLUMNS.beregnet}${GRID.month(m)}`], ([x]) => num(x));
      else s.put(`${c.paalopt}${r}`, k?.paalopt);
      s.put(`${c.betalt}${r}`, k?.betalt);
      s.put(`${c.hovedbokUb}${r}`, k?.hovedbokUb);
      s.formula(`${c.forventetUb}${r}`, [`${c.ib}${r}`, `${c.paalopt}${r}`, `${c.betalt}${r}`], ([ib, paalopt, betalt]) => num(ib) - num(paalopt) + num(betalt));
      s.formula(`${c.differanse}${r}`, [`${c.hovedbokUb}${r}`, `${c.forventetUb}${r}`], ([ub, forventet]) => (ub === "" ? "" : ub - num(forventet)));
    }
  });
}

/** One row of a settlement table, its owed amount (column B) already on the sheet: days late and the two differences. */
function settlement(s: SheetValues, r: number, x: (Settlement & { readonly amelding: Ore | null }) | undefined): void {
  const c = SETTLEMENT_COLUMNS;
  s.put(`${c.amelding}${r}`, x?.amelding);
  s.put(`${c.betalt}${r}`, x?.betalt);
  s.put(`${c.forfall}${r}`, serial(x?.forfall));
  s.put(`${c.betaltDato}${r}`, serial(x?.betaltDato));
  s.formula(`${c.dagerForsinket}${r}`, [`${c.betaltDato}${r}`, `${c.forfall}${r}`], ([paid, due]) => (paid === "" ? "" : paid > num(due) ? paid - num(due) : 0), true);
  s.formula(`${c.avvikAmelding}${r}`, [`${c.owed}${r}`, `${c.amelding}${r}`], ([owed, amelding]) => (amelding === "" ? "" : num(owed) - amelding));
  s.formula(`${c.avvikBetalt}${r}`, [`${c.betalt}${r}`, `${c.owed}${r}`], ([betalt, owed]) => num(betalt) - num(owed));
}

/** AGA per termin (the previous year's termin 6 first, its amount an input) and forskuddstrekk per pay date or termin. */
function settlements(s: SheetValues, a: TrekkAvstemming, rows: TrekkResultsInput["rows"]): void {
  const owed = SETTLEMENT_COLUMNS.owed;
  const beregnet = (m: number) => `${GRID_COLUMNS.beregnet}${GRID.month(m)}`;
  const opening = a.aga.find((x) => x.aar < a.scenario.aar);
  s.put(`${owed}${AGA.opening}`, opening?.beregnet);
  settlement(s, AGA.opening, opening);
  for (let t = 1; t <= 6; t++) {
    const r = AGA.termin(t);
    s.formula(`${owed}${r}`, [beregnet(2 * t - 1), beregnet(2 * t)], ([x, y]) => num(x) + num(y));
    settlement(s, r, a.aga.find((x) => x.aar === a.scenario.aar && x.termin === t));
  }
  a.forskuddstrekk.forEach((x, i) => {
    const r = rows[i].row;
    s.put(`${owed}${r}`, x.trekk);
    settlement(s, r, x);
  });
}

/** The counterparties per account and month: F = fakturert − trekk. */
function counterparties(s: SheetValues, a: TrekkAvstemming): void {
  const c = PARTY_COLUMNS;
  (["forsikringstrekk", "fagforeningstrekk"] as const).forEach((g, block) => {
    for (let m = 1; m <= 12; m++) {
      const r = PARTY.month(block, m);
      const x = a.mottakere.find((y) => y.konto === a.kontoer[g] && y.maaned === m);
      s.put(`${c.trekk}${r}`, x?.trekk);
      s.put(`${c.fakturert}${r}`, x?.fakturert);
      s.formula(`${c.differanse}${r}`, [`${c.fakturert}${r}`, `${c.trekk}${r}`], ([fakturert, trekk]) => num(fakturert) - num(trekk));
    }
  });
}

/** The cached results of the formula cells of the trekk sheet, for the model the fill writes. */
export function trekkSheetResults(input: TrekkResultsInput): FormulaResult[] {
  const s = new SheetValues(input);
  const a = input.avstemming;
  grid(s, a);
  rollForward(s, a);
  settlements(s, a, input.rows);
  counterparties(s, a);
  return s.results;
}
