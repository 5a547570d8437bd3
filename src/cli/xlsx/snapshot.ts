/**
 * An exceljs worksheet as a SheetSnapshot, exactly as the Office.js shell reads one
 * (`getUsedRangeOrNullObject(true)` with `values` and `formulas`, padded from A1): a rectangle
 * from A1 to the last cell holding anything; an empty cell is ""; a formula cell has its formula
 * with "=" in `formulas` and its last computed value in `values`; a constant is the same in both.
 * Dates are Excel serial numbers (exceljs turns date-formatted numbers into Date objects), rich
 * text is its plain text, a hyperlink its text, an error value its code ("#N/A"), and the cells of
 * a merged area other than its top-left are "". The merged areas themselves are in `merges`.
 *
 * One difference stays: a workbook no spreadsheet engine has calculated yet (one exceljs wrote) has
 * no values for its formulas. Its formula cells read as UNCALCULATED, so a reader that needs such a
 * value says so instead of taking it as empty or 0. (In a calculated workbook a formula without a
 * stored value is one whose result is "": LibreOffice stores an empty text result that way.) The
 * template's readers only read input cells and recompute the rest.
 */
import type ExcelJS from "exceljs";
import { cellAddress } from "../../core/sheet/a1";
import { SheetSnapshot } from "../../core/sheet/snapshot";
import { awaitsRecalculation } from "./workbook";

const MS_PER_DAY = 86_400_000;
/** Days from 1899-12-30 (serial 0 of Excel's 1900 date system) to 1970-01-01. */
const EPOCH_1900 = 25_569;
/** The 1904 date system starts 1 462 days later. */
const OFFSET_1904 = 1_462;

/** A Date (exceljs reads dates as UTC) as an Excel serial number. */
export function excelSerial(date: Date, date1904 = false): number {
  const serial = date.getTime() / MS_PER_DAY + EPOCH_1900 - (date1904 ? OFFSET_1904 : 0);
  // Whole days stay whole; times keep the precision Excel stores (about a millisecond).
  return Math.round(serial * MS_PER_DAY) / MS_PER_DAY;
}

type Plain = string | number | boolean;

/** The value of a formula cell in a workbook never calculated. */
export const UNCALCULATED = "#IKKE BEREGNET (åpne og lagre arbeidsboken i Excel først)";

function isFormulaValue(raw: unknown): boolean {
  return typeof raw === "object" && raw !== null && !(raw instanceof Date) && ("formula" in raw || "sharedFormula" in raw);
}

/**
 * Whether an engine has calculated the workbook: it does not wait for recalculation (lonn stores
 * results only for its own formulas, so a user's formula in a workbook lonn wrote may have none),
 * and some formula cell has a stored result.
 */
export function isCalculated(wb: ExcelJS.Workbook): boolean {
  if (awaitsRecalculation(wb)) return false;
  let formulas = 0;
  for (const ws of wb.worksheets) {
    let found = false;
    ws.eachRow({ includeEmpty: false }, (row) => {
      if (found) return;
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (found || !isFormulaValue(cell.value)) return;
        formulas++;
        if (cell.result !== undefined) found = true;
      });
    });
    if (found) return true;
  }
  return formulas === 0;
}

/** A cell value or formula result as Office.js `values` gives it. */
function plain(value: unknown, date1904: boolean): Plain {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return excelSerial(value, date1904);
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((p) => p.text ?? "").join("");
    if ("error" in v) return String(v.error);
    if ("hyperlink" in v || "text" in v) return plain(v.text, date1904);
  }
  return String(value);
}

interface Read {
  readonly value: Plain;
  readonly formula: Plain;
}

interface ReadOptions {
  readonly date1904: boolean;
  readonly calculated: boolean;
}

function readCell(cell: ExcelJS.Cell, o: ReadOptions): Read | undefined {
  const { date1904 } = o;
  if (cell.isMerged && cell.master !== cell) return undefined;
  const raw = cell.value as unknown;
  if (raw === null || raw === undefined) return undefined;
  if (isFormulaValue(raw)) {
    // `cell.formula` gives a shared formula's text as it reads in this cell.
    const formula = cell.formula;
    const result = cell.result === undefined && !o.calculated ? UNCALCULATED : plain(cell.result, date1904);
    return formula ? { value: result, formula: `=${formula}` } : { value: result, formula: result };
  }
  const value = plain(raw, date1904);
  return { value, formula: value };
}

function isEmpty(read: Read): boolean {
  return read.value === "" && read.formula === "";
}

/** exceljs's merges of a sheet: by top-left address, each with its bounds (1-based; a field its typings do not declare). */
interface MergeBounds {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** The sheet's merged areas as A1 ranges ("J12:J13"), as Office.js's getMergedAreasOrNullObject gives them. */
export function mergesOf(ws: ExcelJS.Worksheet): string[] {
  const merges = (ws as unknown as { _merges?: Record<string, MergeBounds> })._merges ?? {};
  return Object.values(merges).map(
    (m) => `${cellAddress({ row: m.top - 1, col: m.left - 1 })}:${cellAddress({ row: m.bottom - 1, col: m.right - 1 })}`,
  );
}

/** `calculated`: whether the workbook's formulas have stored values (see isCalculated). */
export function snapshotOf(ws: ExcelJS.Worksheet, date1904 = false, calculated = true): SheetSnapshot {
  const o = { date1904, calculated };
  const cells: { row: number; col: number; read: Read }[] = [];
  let rows = 0;
  let cols = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const read = readCell(cell, o);
      if (!read || isEmpty(read)) return;
      cells.push({ row: r - 1, col: c - 1, read });
      rows = Math.max(rows, r);
      cols = Math.max(cols, c);
    });
  });
  const grid = (): Plain[][] => Array.from({ length: rows }, () => Array.from({ length: cols }, () => ""));
  const values = grid();
  const formulas = grid();
  for (const { row, col, read } of cells) {
    values[row][col] = read.value;
    formulas[row][col] = read.formula;
  }
  const merges = mergesOf(ws);
  return { name: ws.name, values, formulas, ...(merges.length > 0 ? { merges } : {}) };
}

/** Snapshots of the named sheets (matched case-insensitively); a missing sheet maps to undefined. */
export function snapshotsOf(wb: ExcelJS.Workbook, names: readonly string[]): Map<string, SheetSnapshot | undefined> {
  const date1904 = Boolean(wb.properties?.date1904);
  const calculated = isCalculated(wb);
  return new Map(
    names.map((name) => {
      const ws = wb.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase());
      return [name, ws ? snapshotOf(ws, date1904, calculated) : undefined];
    }),
  );
}

/** The workbook's sheets as snapshots, each read the first time it is asked for (names as Excel matches them). */
export function lazySnapshots(wb: ExcelJS.Workbook): (name: string) => SheetSnapshot | undefined {
  const cache = new Map<string, SheetSnapshot | undefined>();
  return (name) => {
    const key = name.toLowerCase();
    if (!cache.has(key)) cache.set(key, snapshotsOf(wb, [name]).get(name));
    return cache.get(key);
  };
}
