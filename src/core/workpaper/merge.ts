import { cellAddress, CellRef, parseCell, rangeOf } from "../sheet/a1";
import { cellOf, isEmptyCell, SheetSnapshot } from "../sheet/snapshot";
import { readText } from "./cell-values";
import { displayText } from "../sheet/cell";
import { sameFormula } from "../sheet/formula-text";
import { Cell, LeftAlone, PlanNotice, RangeWrite } from "./write-plan";
import { maxOf, minOf } from "../list";

/**
 * What a plan wants in one cell, and the rules for writing it into a sheet that may already hold
 * something (DESIGN.md §4: write only input cells, never overwrite a formula or a filled-in
 * explanation or sign-off, report what was left alone; writing twice changes nothing).
 */
export type Desired =
  /** Template text (titles, labels, column letters): written into an empty cell only. */
  | { readonly kind: "fixed"; readonly value: string | number }
  /**
   * A template formula: written into an empty cell, or over a formula an earlier version of the
   * template wrote there (`previous`); another formula or a value is kept and reported.
   */
  | { readonly kind: "formula"; readonly formula: string; readonly previous?: readonly string[] }
  /** A template formula that cannot be added here (a name it needs has no cell on this sheet). */
  | { readonly kind: "formulaUnavailable"; readonly formula: string; readonly why: string }
  /** An input (amount, header value): replaces a value, never a formula; "" writes nothing. */
  | { readonly kind: "value"; readonly value: string | number; readonly what: string }
  /** An explanation or sign-off: written only while the cell is empty. */
  | { readonly kind: "textIfEmpty"; readonly value: string; readonly what: string; readonly isDate?: boolean }
  /** A cell only the tool writes (a state it computes): always what the run says, "" clears it. */
  | { readonly kind: "owned"; readonly value: string | number };

export interface MergeResult {
  /** 1-based row → 0-based column → what to write. */
  readonly changes: Map<number, Map<number, Cell>>;
  readonly leftAlone: LeftAlone[];
  readonly notices: PlanNotice[];
}

const quoted = (v: unknown) => `«${displayText(v)}»`;

function sameValue(existing: unknown, wanted: string | number, isDate = false): boolean {
  if (typeof wanted === "number") return typeof existing === "number" && existing === wanted;
  return (readText(existing, isDate) ?? "") === wanted.trim();
}

/**
 * Decides, cell by cell, what to write into `snapshot` (undefined: a new sheet) and what to leave.
 * `reportAdded`: tell the user about formulas put into empty cells of an existing sheet.
 */
export function merge(sheet: string, snapshot: SheetSnapshot | undefined, desired: ReadonlyMap<string, Desired>, reportAdded: boolean): MergeResult {
  const changes = new Map<number, Map<number, Cell>>();
  const leftAlone: LeftAlone[] = [];
  const notices: PlanNotice[] = [];
  const write = (ref: CellRef, cell: Cell) => {
    const row = changes.get(ref.row + 1) ?? new Map<number, Cell>();
    row.set(ref.col, cell);
    changes.set(ref.row + 1, row);
  };
  const leave = (address: string, reason: string) => leftAlone.push({ sheet, address, reason });

  for (const [address, d] of desired) {
    const ref = parseCell(address);
    const existing = cellOf(snapshot, ref);
    const empty = isEmptyCell(existing);
    const formula = existing.formula;
    switch (d.kind) {
      case "fixed":
        if (empty) write(ref, d.value);
        else if (formula !== undefined) leave(address, `Cellen har formelen ${quoted(formula)}; malens tekst ${quoted(d.value)} er ikke skrevet.`);
        else if (!sameValue(existing.value, d.value)) leave(address, `Teksten ${quoted(existing.value)} er beholdt (malen har ${quoted(d.value)}).`);
        break;
      case "formula":
        if (empty) {
          write(ref, { formula: d.formula });
          if (reportAdded) notices.push({ sheet, address, message: `Formel lagt inn i tom celle: ${quoted(d.formula)}.` });
        } else if (formula !== undefined) {
          if (sameFormula(formula, d.formula)) break;
          if ((d.previous ?? []).some((p) => sameFormula(formula, p))) {
            write(ref, { formula: d.formula });
            notices.push({ sheet, address, message: `Malens formel er oppdatert: ${quoted(formula)} er erstattet med ${quoted(d.formula)}.` });
          } else leave(address, `Egen formel beholdt: ${quoted(formula)} (malen har ${quoted(d.formula)}).`);
        } else {
          leave(address, `Cellen har verdien ${quoted(existing.value)} der malen har formelen ${quoted(d.formula)}; verdien er beholdt.`);
        }
        break;
      case "formulaUnavailable":
        if (empty) leave(address, `Formelen ${quoted(d.formula)} er ikke lagt inn: ${d.why}`);
        break;
      case "value":
        // An empty value never clears a cell: "nothing to say" is not "erase what is there".
        if (d.value === "") break;
        if (formula !== undefined) {
          leave(address, `Cellen har formelen ${quoted(formula)}; tillegget skriver ikke over formler. ${d.what} (${quoted(d.value)}) er ikke skrevet.`);
        } else if (empty || !sameValue(existing.value, d.value)) {
          write(ref, d.value);
        }
        break;
      case "owned":
        if (d.value === "" ? !empty : formula !== undefined || empty || !sameValue(existing.value, d.value)) write(ref, d.value);
        break;
      case "textIfEmpty":
        if (formula !== undefined) {
          leave(address, `Cellen har formelen ${quoted(formula)}; tillegget skriver ikke over formler. ${d.what} (${quoted(d.value)}) er ikke skrevet.`);
        } else if (empty) {
          write(ref, d.value);
        } else if (!sameValue(existing.value, d.value, d.isDate)) {
          leave(
            address,
            `${d.what} er allerede fylt ut (${quoted(readText(existing.value, d.isDate))}); tillegget skriver ikke over den. ` +
              `Ny tekst ${quoted(d.value)} er ikke skrevet.`,
          );
        }
        break;
    }
  }
  leftAlone.sort((a, b) => compareAddresses(a.address, b.address));
  notices.sort((a, b) => compareAddresses(a.address, b.address));
  return { changes, leftAlone, notices };
}

function compareAddresses(a: string, b: string): number {
  const x = parseCell(a);
  const y = parseCell(b);
  return x.row - y.row || x.col - y.col;
}

/**
 * Changes as few rectangular writes: one per run of consecutive rows, spanning the columns that
 * run touches, with null (leave alone) in the holes. The Excel shell sends them in one sync.
 */
export function rectangles(sheet: string, changes: ReadonlyMap<number, ReadonlyMap<number, Cell>>): RangeWrite[] {
  const rows = [...changes.keys()].filter((r) => (changes.get(r)?.size ?? 0) > 0).sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const r of rows) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === r - 1) run.push(r);
    else runs.push([r]);
  }
  return runs.map((run) => {
    const cols = run.flatMap((r) => [...(changes.get(r)?.keys() ?? [])]);
    const c0 = minOf(cols);
    const c1 = maxOf(cols);
    const cells = run.map((r) => {
      const line: Cell[] = [];
      for (let c = c0; c <= c1; c++) line.push(changes.get(r)?.get(c) ?? null);
      return line;
    });
    return { sheet, address: rangeOf({ row: run[0] - 1, col: c0 }, run.length, c1 - c0 + 1), cells };
  });
}

export const addressOf = (row: number, col: number): string => cellAddress({ row: row - 1, col });
