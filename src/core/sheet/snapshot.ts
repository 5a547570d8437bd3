/**
 * A sheet as a shell read it before planning: the used range from A1, values and formulas as
 * Office.js gives them (`range.values`, `range.formulas`: a formula cell has its formula text in
 * `formulas` and its last value in `values`; an empty cell is ""). Both shells produce it, and
 * every planner and reader in core reads cells only through the functions here.
 */
import { CellRef,parseCell } from "./a1";
import { isBlank } from "./cell";

/** Rows of cells, exactly as `range.values` gives them. */
export type Grid = readonly (readonly unknown[])[];

export interface SheetSnapshot {
  readonly name: string;
  readonly values: Grid;
  readonly formulas: Grid;
  /**
   * The sheet's merged areas as A1 ranges ("J12:J13"); absent when it has none, or when the shell
   * could not read them (an Excel without ExcelApi 1.13: the shell says so itself). A merged area
   * holds one value, in its top-left cell: a plan must not write into one (mergeProblems in
   * core/workpaper/plan-check.ts).
   */
  readonly merges?: readonly string[];
}

export interface SnapshotCell {
  readonly value: unknown;
  /** The formula text ("=B12-D12") when the cell holds a formula, else undefined. */
  readonly formula: string | undefined;
}

export function cellOf(snapshot: SheetSnapshot | undefined, ref: CellRef): SnapshotCell {
  if (!snapshot) return { value: "", formula: undefined };
  const value = snapshot.values[ref.row]?.[ref.col];
  const f = snapshot.formulas[ref.row]?.[ref.col];
  return { value: value ?? "", formula: typeof f === "string" && f.startsWith("=") ? f : undefined };
}

export const cellAt = (snapshot: SheetSnapshot | undefined, address: string): SnapshotCell => cellOf(snapshot, parseCell(address));

/** Nothing in the cell: no formula and no value. */
export const isEmptyCell = (cell: SnapshotCell): boolean => cell.formula === undefined && isBlank(cell.value);

/** The number of rows the snapshot holds (values or formulas). */
const rowCount = (snapshot: SheetSnapshot): number => Math.max(snapshot.values.length, snapshot.formulas.length);

/** Whether row `row` (0-based) holds nothing. */
export function isEmptyRow(snapshot: SheetSnapshot, row: number): boolean {
  const width = Math.max(snapshot.values[row]?.length ?? 0, snapshot.formulas[row]?.length ?? 0);
  for (let col = 0; col < width; col++) if (!isEmptyCell(cellOf(snapshot, { row, col }))) return false;
  return true;
}

/** 1-based number of the last row with anything in it; 0 for an empty sheet or none. */
export function lastUsedRow(snapshot: SheetSnapshot | undefined): number {
  if (!snapshot) return 0;
  for (let row = rowCount(snapshot) - 1; row >= 0; row--) if (!isEmptyRow(snapshot, row)) return row + 1;
  return 0;
}

/** Whether anything at all is on the sheet. */
export const isBlankSheet = (snapshot: SheetSnapshot): boolean => lastUsedRow(snapshot) === 0;
