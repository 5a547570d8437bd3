/**
 * The tests' one in-memory shell: applies a WritePlan to sheets held as snapshots, the way the
 * Office.js and exceljs shells apply it to a workbook, so a planner's output can be read back and
 * planned against again without Excel.
 *
 * As the shells do, it refuses a plan that fails the shared plan check or writes to a sheet it
 * neither has nor creates; finds sheets by name in any case; creates the plan's new sheets; sets
 * number formats (`formats`, then each write's own) only on cells a write does not leave null;
 * and leaves a null cell exactly as it is. A formula cell's value is "#UBEREGNET": nothing here
 * calculates, and a reader that used a formula's last value instead of recomputing it would trip
 * over it. A text is always a text, also when it starts with "=".
 *
 * Cells a person types (`sheetOf`, `setCell`, `SheetInMemory.set`) follow Excel's input rule
 * instead: a text starting with "=" is a formula (its value 0 here).
 */
import { cellAddress, parseCell, parseRange } from "../../src/core/sheet/a1";
import { SheetSnapshot } from "../../src/core/sheet/snapshot";
import { formatProblem } from "../../src/core/problem/problem";
import { planProblems, unknownSheetProblems } from "../../src/core/workpaper/plan-check";
import { Cell, isFormula, WritePlan } from "../../src/core/workpaper/write-plan";

export const UNCALCULATED = "#UBEREGNET";

/** A sheet in memory: its cells as a shell would snapshot them, and each formatted cell's number format. */
export interface MemorySheet extends SheetSnapshot {
  readonly values: unknown[][];
  readonly formulas: unknown[][];
  /** A1 address → number format, for the cells a plan gave one. */
  readonly numberFormats: Record<string, string>;
}

/** Sheets by name. Plain data: `JSON.parse(JSON.stringify(book))` is a copy. */
export type Workbook = Record<string, MemorySheet>;

const copyGrid = (rows: readonly (readonly unknown[])[]): unknown[][] => rows.map((r) => [...r]);

function memorySheet(s: SheetSnapshot): MemorySheet {
  const formats = (s as Partial<MemorySheet>).numberFormats ?? {};
  return { name: s.name, values: copyGrid(s.values), formulas: copyGrid(s.formulas), numberFormats: { ...formats } };
}

/** Grows both grids so that (row, col), 0-based, exists; new cells are "". */
function reach(sheet: MemorySheet, row: number, col: number): void {
  for (const g of [sheet.values, sheet.formulas]) {
    while (g.length <= row) g.push([]);
    while (g[row].length <= col) g[row].push("");
  }
}

/** What a shell writes into one cell. */
function writeCell(sheet: MemorySheet, row: number, col: number, cell: Exclude<Cell, null>): void {
  reach(sheet, row, col);
  if (isFormula(cell)) {
    sheet.values[row][col] = UNCALCULATED;
    sheet.formulas[row][col] = cell.formula;
  } else {
    sheet.values[row][col] = cell;
    sheet.formulas[row][col] = cell;
  }
}

/** What a person types into one cell: a text starting with "=" is a formula. */
function typeCell(sheet: MemorySheet, row: number, col: number, v: unknown): void {
  reach(sheet, row, col);
  sheet.formulas[row][col] = v ?? "";
  sheet.values[row][col] = typeof v === "string" && v.startsWith("=") ? 0 : v ?? "";
}

/** The sheet of `book` named `name` in any case, as the shells find it. */
function keyOf(book: Readonly<Record<string, SheetSnapshot>>, name: string): string | undefined {
  return Object.keys(book).find((k) => k.toLowerCase() === name.toLowerCase());
}

/** `book` after `plan`, as a shell would leave it; `book` itself is not changed. */
export function applyPlan(plan: WritePlan, book: Readonly<Record<string, SheetSnapshot>> = {}): Workbook {
  const problems = [...planProblems(plan), ...unknownSheetProblems(plan, Object.keys(book))];
  if (problems.length > 0) throw new Error(`Skriveplanen kan ikke brukes:\n${problems.map(formatProblem).join("\n")}`);

  const out: Workbook = {};
  for (const [name, s] of Object.entries(book)) out[name] = memorySheet(s);
  for (const s of plan.sheets) if (keyOf(out, s.name) === undefined) out[s.name] = memorySheet({ name: s.name, values: [], formulas: [] });
  const sheet = (name: string): MemorySheet => out[keyOf(out, name) as string];

  for (const f of plan.formats) {
    if (f.numberFormat === undefined) continue;
    const { start, end } = parseRange(f.address);
    const target = sheet(f.sheet);
    for (let r = start.row; r <= end.row; r++) for (let c = start.col; c <= end.col; c++) target.numberFormats[cellAddress({ row: r, col: c })] = f.numberFormat;
  }
  for (const w of plan.writes) {
    const target = sheet(w.sheet);
    const { start } = parseRange(w.address);
    w.cells.forEach((line, i) =>
      line.forEach((cell, j) => {
        if (cell === null) return;
        const ref = { row: start.row + i, col: start.col + j };
        if (w.numberFormat !== undefined) target.numberFormats[cellAddress(ref)] = w.numberFormat;
        writeCell(target, ref.row, ref.col, cell);
      }),
    );
  }
  return out;
}

/** A sheet as a person typed it, rows from A1: a text starting with "=" is a formula. */
export function sheetOf(name: string, rows: readonly (readonly unknown[])[]): MemorySheet {
  const sheet = memorySheet({ name, values: [], formulas: [] });
  rows.forEach((row, r) => {
    reach(sheet, r, -1);
    row.forEach((v, c) => typeCell(sheet, r, c, v));
  });
  return sheet;
}

/** Types into one cell of an in-memory workbook (a text starting with "=" is a formula). */
export function setCell(book: Workbook, sheet: string, address: string, v: unknown): void {
  const { row, col } = parseCell(address);
  typeCell(book[keyOf(book, sheet) as string], row, col, v);
}

/** Every non-empty cell as "row,col" (0-based) → value, or formula text for a formula, for comparing two sheets cell by cell. */
export function cellMap(s: SheetSnapshot): Map<string, unknown> {
  const m = new Map<string, unknown>();
  s.formulas.forEach((row, r) =>
    row.forEach((f, c) => {
      const v = typeof f === "string" && f.startsWith("=") ? f : s.values[r]?.[c];
      if (v !== "" && v !== null && v !== undefined) m.set(`${r},${c}`, v);
    }),
  );
  return m;
}

/** The used range from A1 as Office.js reads it: a rectangle, "" for empty cells. */
export function snapshotOf(s: SheetSnapshot): SheetSnapshot {
  const rows = Math.max(s.values.length, s.formulas.length);
  const cols = Math.max(0, ...s.values.map((r) => r.length), ...s.formulas.map((r) => r.length));
  const grid = (src: readonly (readonly unknown[])[]) => Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => src[r]?.[c] ?? ""));
  return { name: s.name, values: grid(s.values), formulas: grid(s.formulas) };
}

/**
 * One sheet of an in-memory workbook, for tests that apply plan after plan to it and type into it
 * between them, as a user would. Plans go through `applyPlan`; the planner is handed `snapshot()`.
 */
export class SheetInMemory {
  book: Workbook;

  constructor(readonly name: string, rows: readonly (readonly unknown[])[] = []) {
    this.book = { [name]: sheetOf(name, rows) };
  }

  get sheet(): MemorySheet {
    return this.book[this.name];
  }

  get values(): unknown[][] {
    return this.sheet.values;
  }

  apply(plan: WritePlan): void {
    this.book = applyPlan(plan, this.book);
  }

  /** Types into (row, col), 0-based. */
  set(row: number, col: number, v: unknown): void {
    typeCell(this.sheet, row, col, v);
  }

  /** The cell at (row, col), 0-based, as the formula bar shows it: the formula text, or the value. */
  get(row: number, col: number): unknown {
    return this.sheet.formulas[row]?.[col] ?? "";
  }

  /** Row `row` (0-based) as the formula bar shows it, trailing empty cells dropped. */
  row(row: number): unknown[] {
    const width = Math.max(0, ...this.sheet.formulas.map((x) => x.length));
    const out = Array.from({ length: width }, (_, c) => this.get(row, c));
    while (out.length > 0 && (out[out.length - 1] === "" || out[out.length - 1] === undefined)) out.pop();
    return out;
  }

  /** The number format a plan gave the cell (A1), if any. */
  numberFormat(address: string): string | undefined {
    return this.sheet.numberFormats[address];
  }

  snapshot(): SheetSnapshot {
    return snapshotOf(this.sheet);
  }
}
