import { isRuleError, Result, valueError } from "../core/errors";
import { checkedAmount } from "../core/money/amount";
import { Rate } from "../core/money/exact";
import { Zone } from "../core/rates/aga";
import { agaFribelop, agaOf, agaRates, AgaRates, ekstraAga, Naring, parseNaring, rateForZone } from "../core/rules/aga";
import { agaSone, resolveZone } from "../core/rules/aga-sone";
import { agaSnittsats, BasisAndRate } from "../core/rules/snittsats";
import { Arg, at, Shape } from "./broadcast";
import {
  amountNumberOf, amountOf, codeOf, Memo, Memo2, optionalCodeOf, optionalTextOf, optionalYearOf, yearOf,
} from "./coerce";
import { elementwise, filled, withArgs } from "./elementwise";
import { CellResult, ErrorCache, errorResult, Matrix, toExcelError } from "./errors";

const GRUNNLAG = "Grunnlaget";
const SONE = "Sonen eller kommunenummeret";

function agaRatesOf(value: unknown): Result<AgaRates> {
  const year = yearOf(value);
  return isRuleError(year) ? year : agaRates(year);
}

function naringOf(value: unknown): Result<Naring> {
  const text = optionalTextOf(value, "Næringen");
  return isRuleError(text) ? text : parseNaring(text);
}

function zoneOf(value: unknown, year: unknown): Result<Zone> {
  const code = codeOf(value, SONE);
  return isRuleError(code) ? code : resolveZone(code, year as number);
}

/** The AGA rate of each (zone, year, næring) in a call, each part resolved once per distinct value. */
class RateResolver {
  private readonly years = new Memo(agaRatesOf);
  private readonly naerings = new Memo(naringOf);
  private readonly zones = new Memo2(zoneOf);

  rate(zone: unknown, year: unknown, naering: unknown): Result<Rate> {
    const r = this.years.get(year);
    if (isRuleError(r)) return r;
    const n = this.naerings.get(naering);
    if (isRuleError(n)) return n;
    const z = this.zones.get(zone, r.year);
    if (isRuleError(z)) return z;
    return rateForZone(r, z, n);
  }
}

/** A column's one-cell row, built where the figure is computed so the double is never boxed (see trygdeavgift.ts). */
function agaRow(value: unknown, rate: Rate): CellResult[] {
  if (typeof value !== "number") return [otherAgaCell(value, rate)];
  const amount = checkedAmount(value, GRUNNLAG);
  return [isRuleError(amount) ? toExcelError(amount) : agaOf(amount, rate)];
}

function agaCell(value: unknown, rate: Rate): CellResult {
  if (typeof value !== "number") return otherAgaCell(value, rate);
  const amount = checkedAmount(value, GRUNNLAG);
  return isRuleError(amount) ? toExcelError(amount) : agaOf(amount, rate);
}

/** Cells that are not plain numbers (empty, text, …), kept out of the hot path. */
function otherAgaCell(value: unknown, rate: Rate): CellResult {
  const amount = amountOf(value, GRUNNLAG);
  // An amount error belongs to one cell only, so it is converted on its own.
  return isRuleError(amount) ? toExcelError(amount) : agaOf(amount, rate);
}

/** AGA(grunnlag; sone_eller_kommunenummer; år; [næring]). */
export function agaCells(grunnlag: unknown, sone: unknown, aar: unknown, naering: unknown): Matrix {
  const names = ["grunnlag", "sone_eller_kommunenummer", "år", "næring"];
  return withArgs([grunnlag, sone, aar, naering], names, ([basis, zone, year, nae], shape) => {
    const errors = new ErrorCache();
    if (year.cells === undefined && nae.cells === undefined) {
      // One year and næring (the usual case): the year's rates once, then one lookup per distinct zone.
      const r = agaRatesOf(year.value);
      if (isRuleError(r)) return filled(shape, errors.excel(r));
      const n = naringOf(nae.value);
      if (isRuleError(n)) return filled(shape, errors.excel(n));
      if (zone.cells === undefined) {
        const z = zoneOf(zone.value, r.year);
        if (isRuleError(z)) return filled(shape, errors.excel(z));
        return mapBasesAtRate(basis, shape.rows, shape.cols, rateForZone(r, z, n));
      }
      const zoneRates = new Memo((value) => {
        const z = zoneOf(value, r.year);
        return isRuleError(z) ? z : rateForZone(r, z, n);
      });
      return mapBasesByZone(basis, zone.cells, shape, zoneRates, errors);
    }
    const rates = new RateResolver();
    return elementwise(shape, (i, j) => {
      const rate = rates.rate(at(zone, i, j), at(year, i, j), at(nae, i, j));
      return isRuleError(rate) ? errors.excel(rate) : agaCell(at(basis, i, j), rate);
    });
  });
}

/**
 * The hot loops: one call site each, so V8 can inline the exact rule into the loop, and a column
 * (the usual range) gets one-element row literals, which hold numbers unboxed.
 */
function mapBasesAtRate(basis: Arg, rows: number, cols: number, rate: Rate): Matrix {
  if (basis.cells === undefined) return [[agaCell(basis.value, rate)]];
  return cols === 1 ? basisColumnAtRate(basis.cells, rate) : basisGridAtRate(basis.cells, rows, cols, rate);
}

function basisColumnAtRate(cells: readonly (readonly unknown[])[], rate: Rate): Matrix {
  const out = new Array<CellResult[]>(cells.length);
  for (let i = 0; i < cells.length; i++) out[i] = agaRow(cells[i][0], rate);
  return out;
}

function basisGridAtRate(cells: readonly (readonly unknown[])[], rows: number, cols: number, rate: Rate): Matrix {
  const out = new Array<CellResult[]>(rows);
  for (let i = 0; i < rows; i++) {
    const src = cells[i];
    const row = new Array<CellResult>(cols);
    for (let j = 0; j < cols; j++) row[j] = agaCell(src[j], rate);
    out[i] = row;
  }
  return out;
}

/** A basis (range or one value) against a range of zones, each zone's rate looked up once. */
function mapBasesByZone(basis: Arg, zones: readonly (readonly unknown[])[], shape: Shape, zoneRates: Memo<Result<Rate>>, errors: ErrorCache): Matrix {
  if (shape.cols === 1 && basis.cells !== undefined) return basisColumnByZone(basis.cells, zones, zoneRates, errors);
  return elementwise(shape, (i, j) => {
    const rate = zoneRates.get(zones[i][j]);
    return isRuleError(rate) ? errors.excel(rate) : agaCell(at(basis, i, j), rate);
  });
}

function basisColumnByZone(
  cells: readonly (readonly unknown[])[], zones: readonly (readonly unknown[])[], zoneRates: Memo<Result<Rate>>, errors: ErrorCache,
): Matrix {
  const out = new Array<CellResult[]>(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const rate = zoneRates.get(zones[i][0]);
    out[i] = isRuleError(rate) ? [errors.excel(rate)] : agaRow(cells[i][0], rate);
  }
  return out;
}

/** AGA_SATS(sone_eller_kommunenummer; år; [næring]): the rate as a fraction. */
export function agaSatsCells(sone: unknown, aar: unknown, naering: unknown): Matrix {
  return withArgs([sone, aar, naering], ["sone_eller_kommunenummer", "år", "næring"], ([zone, year, nae], shape) => {
    const errors = new ErrorCache();
    const rates = new RateResolver();
    return elementwise(shape, (i, j) => {
      const rate = rates.rate(at(zone, i, j), at(year, i, j), at(nae, i, j));
      return isRuleError(rate) ? errors.excel(rate) : rate.fraction;
    });
  });
}

/** AGA_SONE(kommunenummer; [delområde]): the zone in Roman notation. */
export function agaSoneCells(kommunenummer: unknown, delomraade: unknown): Matrix {
  return withArgs([kommunenummer, delomraade], ["kommunenummer", "delområde"], ([kommune, part], shape) => {
    const errors = new ErrorCache();
    const zones = new Memo2((k, d): Result<Zone> => {
      const code = codeOf(k, "Kommunenummeret");
      if (isRuleError(code)) return code;
      const text = optionalTextOf(d, "Delområdet");
      return isRuleError(text) ? text : agaSone(code, text);
    });
    return elementwise(shape, (i, j) => {
      const zone = zones.get(at(kommune, i, j), at(part, i, j));
      return isRuleError(zone) ? errors.excel(zone) : zone;
    });
  });
}

/** AGA_FRIBELOP(grunnlag; tidligere_grunnlag_i_år; sone; år). */
export function agaFribelopCells(grunnlag: unknown, tidligere: unknown, sone: unknown, aar: unknown): Matrix {
  const names = ["grunnlag", "tidligere_grunnlag_i_år", "sone", "år"];
  return withArgs([grunnlag, tidligere, sone, aar], names, ([basis, before, zone, year], shape) => {
    const errors = new ErrorCache();
    const years = new Memo(agaRatesOf);
    const zones = new Memo2(zoneOf);
    return elementwise(shape, (i, j) => {
      const r = years.get(at(year, i, j));
      if (isRuleError(r)) return errors.excel(r);
      const z = zones.get(at(zone, i, j), r.year);
      if (isRuleError(z)) return errors.excel(z);
      const g = amountNumberOf(at(basis, i, j), GRUNNLAG);
      if (isRuleError(g)) return toExcelError(g);
      const t = amountNumberOf(at(before, i, j), "Tidligere grunnlag i år");
      if (isRuleError(t)) return toExcelError(t);
      const result = agaFribelop(g, t, z, r.year);
      return isRuleError(result) ? toExcelError(result) : result;
    });
  });
}

/** EKSTRA_AGA(grunnlag; år; [tidligere_grunnlag_i_år]). */
export function ekstraAgaCells(grunnlag: unknown, aar: unknown, tidligere: unknown): Matrix {
  return withArgs([grunnlag, aar, tidligere], ["grunnlag", "år", "tidligere_grunnlag_i_år"], ([basis, year, before], shape) => {
    const errors = new ErrorCache();
    const years = new Memo(yearOf);
    return elementwise(shape, (i, j) => {
      const y = years.get(at(year, i, j));
      if (isRuleError(y)) return errors.excel(y);
      const g = amountNumberOf(at(basis, i, j), GRUNNLAG);
      if (isRuleError(g)) return toExcelError(g);
      const t = amountNumberOf(at(before, i, j), "Tidligere grunnlag i år");
      if (isRuleError(t)) return toExcelError(t);
      const result = ekstraAga(g, y, t);
      return isRuleError(result) ? toExcelError(result) : result;
    });
  });
}

/**
 * AGA_SNITTSATS(grunnlag; satser_eller_soner; [år]): Σ(grunnlag × sats) / Σ grunnlag, one value.
 * A number in the rate column is a rate (0 too: zone V is 0 %, and Excel for Windows passes an
 * empty cell as 0). A row with no basis and no rate/zone counts as nothing (a range chosen longer
 * than the data); a basis without a rate/zone is #VALUE!. Values are taken row by row, so the
 * core's "rad N" is the row for a single column.
 */
export function agaSnittsatsCells(grunnlag: unknown, satser: unknown, aar: unknown): Matrix {
  return withArgs([grunnlag, satser, aar], ["grunnlag", "satser_eller_soner", "år"], ([b, s, yearArg], shape) => {
    if (yearArg.cells !== undefined) return errorResult(valueError("Året må være én celle."));
    const year = optionalYearOf(yearArg.value);
    if (isRuleError(year)) return errorResult(year);
    const lines: BasisAndRate[] = [];
    for (let i = 0; i < shape.rows; i++) {
      for (let j = 0; j < shape.cols; j++) {
        const where = shape.cols > 1 ? `rad ${i + 1}, kolonne ${j + 1}` : `rad ${i + 1}`;
        const g = amountNumberOf(at(b, i, j), `Grunnlaget på ${where}`);
        if (isRuleError(g)) return errorResult(g);
        const raw = at(s, i, j);
        if (typeof raw === "number") {
          lines.push({ grunnlag: g, satsEllerSone: raw });
          continue;
        }
        const code = optionalCodeOf(raw, `Satsen eller sonen på ${where}`);
        if (isRuleError(code)) return errorResult(code);
        if (code === undefined && g !== 0) return errorResult(valueError(`Satsen eller sonen mangler på ${where}.`));
        // An empty row keeps its place (so the core's row numbers stay right) and adds nothing.
        lines.push({ grunnlag: g, satsEllerSone: code ?? 0 });
      }
    }
    const result = agaSnittsats(lines, year);
    // A zero rate over a negative total basis is −0; a cell shows 0 either way, so give 0.
    return [[isRuleError(result) ? toExcelError(result) : result === 0 ? 0 : result]];
  });
}
