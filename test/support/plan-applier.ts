import { parseCell, parseRange } from "../../../src/core/sheet/a1";
import { isFormula, WritePlan } from "../../../src/core/workpaper/write-plan";
import { SheetSnapshot } from "../../../src/core/sheet/snapshot";

/**
 * Test helper: applies a WritePlan's cell writes to in-memory snapshots, the way a shell would
 * (null leaves a cell alone). A formula cell's value is "#UBEREGNET": nothing here calculates, and
 * a reader that looked at a formula's value instead of recomputing would trip over it.
 */
export const UNCALCULATED = "#UBEREGNET";

export type Workbook = Record<string, SheetSnapshot>;

function grid(rows: readonly (readonly unknown[])[]): unknown[][] {
  return rows.map((r) => [...r]);
}

export function applyPlanToSnapshot(plan: WritePlan, book: Workbook): Workbook {
  const out: Record<string, { name: string; values: unknown[][]; formulas: unknown[][] }> = {};
  for (const [name, s] of Object.entries(book)) out[name] = { name, values: grid(s.values), formulas: grid(s.formulas) };
  for (const s of plan.sheets) out[s.name] ??= { name: s.name, values: [], formulas: [] };
  for (const w of plan.writes) {
    const sheet = out[w.sheet];
    if (!sheet) throw new Error(`Planen skriver til arket ${w.sheet}, som den ikke oppretter`);
    const range = parseRange(w.address);
    const rows = range.end.row - range.start.row + 1;
    const cols = range.end.col - range.start.col + 1;
    if (w.cells.length !== rows || w.cells.some((r) => r.length !== cols)) throw new Error(`${w.address}: feil størrelse`);
    w.cells.forEach((line, i) =>
      line.forEach((cell, j) => {
        if (cell === null) return;
        const r = range.start.row + i;
        const c = range.start.col + j;
        for (const g of [sheet.values, sheet.formulas]) {
          while (g.length <= r) g.push([]);
          while (g[r].length <= c) g[r].push("");
        }
        if (isFormula(cell)) {
          sheet.values[r][c] = UNCALCULATED;
          sheet.formulas[r][c] = cell.formula;
        } else {
          sheet.values[r][c] = cell;
          sheet.formulas[r][c] = cell;
        }
      }),
    );
  }
  return out;
}

/** A sheet as a person typed it: a text starting with "=" is a formula. */
export function sheetOf(name: string, rows: readonly (readonly unknown[])[]): SheetSnapshot {
  return {
    name,
    values: rows.map((r) => r.map((v) => (typeof v === "string" && v.startsWith("=") ? 0 : v ?? ""))),
    formulas: rows.map((r) => r.map((v) => v ?? "")),
  };
}

/** Every cell as "A1" → value or formula text, for comparing two workbooks cell by cell. */
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

/** Types into one cell of an in-memory workbook (a text starting with "=" is a formula). */
export function setCell(book: Workbook, sheet: string, address: string, v: unknown): void {
  const { row, col } = parseCell(address);
  const s = book[sheet] as unknown as { values: unknown[][]; formulas: unknown[][] };
  for (const g of [s.values, s.formulas]) {
    while (g.length <= row) g.push([]);
    while (g[row].length <= col) g[row].push("");
  }
  s.formulas[row][col] = v;
  s.values[row][col] = typeof v === "string" && v.startsWith("=") ? 0 : v;
}
