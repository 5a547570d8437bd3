import { isRuleError, Result } from "../core/errors";
import { checkedAmount } from "../core/money/amount";
import type { Rate } from "../core/money/exact";
import {
  parseIncomeType, RateClass, trygdeavgiftAtRate, trygdeavgiftOf, trygdeavgiftRates, TrygdeavgiftRates, trygdeavgiftSamlet, trygdeavgiftSats,
} from "../core/rules/trygdeavgift";
import { at } from "./broadcast";
import { amountNumberOf, amountOf, Memo, optionalTextOf, yearOf } from "./coerce";
import { elementwise, filled, withArgs } from "./elementwise";
import { CellResult, ErrorCache, Matrix, toExcelError } from "./errors";

const INNTEKT = "Inntekten";

function ratesOf(value: unknown): Result<TrygdeavgiftRates> {
  const year = yearOf(value);
  return isRuleError(year) ? year : trygdeavgiftRates(year);
}

function classOf(value: unknown): Result<RateClass> {
  const text = optionalTextOf(value, "Inntektstypen");
  return isRuleError(text) ? text : parseIncomeType(text);
}

/** TRYGDEAVGIFT(inntekt; år; [inntektstype]) for single values and ranges. */
export function trygdeavgiftCells(inntekt: unknown, aar: unknown, inntektstype: unknown): Matrix {
  return withArgs([inntekt, aar, inntektstype], ["inntekt", "år", "inntektstype"], ([income, year, type], shape) => {
    const errors = new ErrorCache();
    if (year.cells === undefined && type.cells === undefined) {
      // The common case, a column of incomes for one year and type: resolve the year's figures
      // and the type once, then run the exact rule per cell without any lookup.
      const r = ratesOf(year.value);
      if (isRuleError(r)) return filled(shape, errors.excel(r));
      const cls = classOf(type.value);
      if (isRuleError(cls)) return filled(shape, errors.excel(cls));
      if (income.cells === undefined) return [[trygdeavgiftCell(income.value, r, cls)]];
      return mapIncomes(income.cells, shape.cols, r, cls);
    }
    const rates = new Memo(ratesOf);
    const classes = new Memo(classOf);
    return elementwise(shape, (i, j) => {
      const r = rates.get(at(year, i, j));
      if (isRuleError(r)) return errors.excel(r);
      const cls = classes.get(at(type, i, j));
      if (isRuleError(cls)) return errors.excel(cls);
      return trygdeavgiftCell(at(income, i, j), r, cls);
    });
  });
}

/**
 * The hot loops: one call site each, so V8 can inline the whole exact rule into the loop, and a
 * column (the usual range) gets one-element row literals, which hold numbers unboxed.
 */
function mapIncomes(cells: readonly (readonly unknown[])[], cols: number, r: TrygdeavgiftRates, cls: RateClass): Matrix {
  return cols === 1 ? mapIncomeColumn(cells, r, cls) : mapIncomeGrid(cells, cols, r, cls);
}

function mapIncomeColumn(cells: readonly (readonly unknown[])[], r: TrygdeavgiftRates, cls: RateClass): Matrix {
  const out = new Array<CellResult[]>(cells.length);
  const sats = r.rates[cls];
  for (let i = 0; i < cells.length; i++) out[i] = trygdeavgiftRow(cells[i][0], sats, r, cls);
  return out;
}

function mapIncomeGrid(cells: readonly (readonly unknown[])[], cols: number, r: TrygdeavgiftRates, cls: RateClass): Matrix {
  const out = new Array<CellResult[]>(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const src = cells[i];
    const row = new Array<CellResult>(cols);
    for (let j = 0; j < cols; j++) row[j] = trygdeavgiftCell(src[j], r, cls);
    out[i] = row;
  }
  return out;
}

/**
 * A column's one-cell row. The row literal is built where the figure is computed, so the double
 * goes straight into the row's unboxed storage; returned on its own from a call V8 does not
 * inline, each figure would first be a heap number of its own.
 */
function trygdeavgiftRow(value: unknown, sats: Rate, r: TrygdeavgiftRates, cls: RateClass): CellResult[] {
  if (typeof value !== "number") return [otherCell(value, r, cls)];
  const amount = checkedAmount(value, INNTEKT);
  return [isRuleError(amount) ? toExcelError(amount) : trygdeavgiftAtRate(amount, sats, r)];
}

function trygdeavgiftCell(value: unknown, r: TrygdeavgiftRates, cls: RateClass): CellResult {
  if (typeof value !== "number") return otherCell(value, r, cls);
  const amount = checkedAmount(value, INNTEKT);
  return isRuleError(amount) ? toExcelError(amount) : trygdeavgiftOf(amount, r, cls);
}

/** Cells that are not plain numbers (empty, text, …), kept out of the hot path. */
function otherCell(value: unknown, r: TrygdeavgiftRates, cls: RateClass): CellResult {
  const amount = amountOf(value, INNTEKT);
  // An amount error belongs to one cell only, so it is converted on its own.
  return isRuleError(amount) ? toExcelError(amount) : trygdeavgiftOf(amount, r, cls);
}

/** TRYGDEAVGIFT_SAMLET(lønn; næring; pensjon; år). */
export function trygdeavgiftSamletCells(lonn: unknown, naering: unknown, pensjon: unknown, aar: unknown): Matrix {
  return withArgs([lonn, naering, pensjon, aar], ["lønn", "næring", "pensjon", "år"], ([l, n, p, year], shape) => {
    const errors = new ErrorCache();
    const years = new Memo(yearOf);
    return elementwise(shape, (i, j) => {
      const y = years.get(at(year, i, j));
      if (isRuleError(y)) return errors.excel(y);
      const a = amountNumberOf(at(l, i, j), "Lønnsinntekten");
      if (isRuleError(a)) return toExcelError(a);
      const b = amountNumberOf(at(n, i, j), "Næringsinntekten");
      if (isRuleError(b)) return toExcelError(b);
      const c = amountNumberOf(at(p, i, j), "Pensjonsinntekten");
      if (isRuleError(c)) return toExcelError(c);
      const result = trygdeavgiftSamlet(a, b, c, y);
      return isRuleError(result) ? toExcelError(result) : result;
    });
  });
}

/** TRYGDEAVGIFT_SATS(år; [inntektstype]). */
export function trygdeavgiftSatsCells(aar: unknown, inntektstype: unknown): Matrix {
  return withArgs([aar, inntektstype], ["år", "inntektstype"], ([year, type], shape) => {
    const errors = new ErrorCache();
    const years = new Memo(yearOf);
    const texts = new Memo((v) => optionalTextOf(v, "Inntektstypen"));
    return elementwise(shape, (i, j) => {
      const y = years.get(at(year, i, j));
      if (isRuleError(y)) return errors.excel(y);
      const t = texts.get(at(type, i, j));
      if (isRuleError(t)) return errors.excel(t);
      const result = trygdeavgiftSats(y, t);
      return isRuleError(result) ? errors.excel(result) : result;
    });
  });
}
