import { parseRange } from "../../../src/core/sheet/a1";
import { isFormula, WritePlan } from "../../../src/core/workpaper/write-plan";
import { SheetSnapshot } from "../../../src/core/sheet/snapshot";

/**
 * A sheet in memory, to apply WritePlans to and snapshot again as a shell would: `values` holds
 * constants (a formula cell shows its formula text there, standing in for its last value) and
 * `formulas` holds the formula, or the constant for a constant cell, as Office.js gives them.
 */
export class SimSheet {
  values: unknown[][] = [];
  formulas: unknown[][] = [];
  formats = new Map<string, string>();

  constructor(readonly name: string, rows: unknown[][] = []) {
    rows.forEach((row, r) => row.forEach((v, c) => this.set(r, c, v)));
  }

  set(r: number, c: number, v: unknown): void {
    while (this.values.length <= r) { this.values.push([]); this.formulas.push([]); }
    const isF = typeof v === "object" && v !== null && "formula" in v;
    this.values[r][c] = isF ? (v as { formula: string }).formula : v;
    this.formulas[r][c] = isF ? (v as { formula: string }).formula : v;
  }

  get(r: number, c: number): unknown {
    return this.formulas[r]?.[c] ?? "";
  }

  apply(plan: WritePlan): void {
    for (const f of plan.formats) {
      if (f.sheet !== this.name || !f.numberFormat) continue;
      const { start, end } = parseRange(f.address);
      for (let r = start.row; r <= end.row; r++) for (let c = start.col; c <= end.col; c++) this.formats.set(`${r},${c}`, f.numberFormat);
    }
    for (const w of plan.writes) {
      if (w.sheet !== this.name) continue;
      const { start } = parseRange(w.address);
      w.cells.forEach((row, i) => row.forEach((cell, j) => {
        if (cell === null) return;
        this.set(start.row + i, start.col + j, isFormula(cell) ? cell : cell);
      }));
    }
  }

  /** A rectangular snapshot from A1, "" for empty cells, as Office.js's used range gives it. */
  snapshot(): SheetSnapshot {
    const rows = this.values.length;
    const cols = Math.max(0, ...this.values.map((r) => r.length));
    const grid = (src: unknown[][]) => Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => src[r]?.[c] ?? ""));
    return { name: this.name, values: grid(this.values), formulas: grid(this.formulas) };
  }

  /** Row r (0-based) as display text, trailing empties dropped. */
  row(r: number): unknown[] {
    const row = Array.from({ length: Math.max(0, ...this.values.map((x) => x.length)) }, (_, c) => this.get(r, c));
    while (row.length > 0 && (row[row.length - 1] === "" || row[row.length - 1] === undefined)) row.pop();
    return row;
  }
}
