import { Checked, problems } from "../problem/problem";
import { columnLetter, rangeOf } from "../sheet/a1";
import { sameFormula } from "../sheet/formula-text";
import { isEmptyRow, lastUsedRow, SheetSnapshot } from "../sheet/snapshot";
import { Cell, FormatWrite, FormulaResult, RangeWrite, StyleName, WritePlan } from "./write-plan";

/**
 * Regenerating a generated table inside a sheet the user also writes in (the Korreksjonsbilag and
 * A-melding fordeling sheets): our rows are recognised by column A (a voucher id), and every row
 * has a key (voucher id and line). A run writes the table again in order into our old rows and
 * the empty rows below the header; a user's own row in between is skipped, never written. What the
 * user wrote to the right of the table on one of our rows stays with its key: when the vouchers
 * change and the row moves, the note moves with it; when its voucher is gone, the note stays where
 * it is and our cells of that row are cleared but for one saying which voucher the note was about,
 * so no note is ever lost, left beside another voucher, or kept beside a voucher that is no more. Plain range writes only (no
 * table.rows.add), so co-authors and LibreOffice see ordinary cells. The same input gives the same
 * writes, so writing twice gives the same sheet.
 */

export interface GeneratedTable {
  readonly sheet: string;
  readonly title: string;
  readonly note: string;
  /** Header labels from column A; the first one marks our header row. */
  readonly headings: readonly string[];
  /** Our rows: a column-A value this returns true for. */
  readonly isGenerated: (columnA: string) => boolean;
  /** The key of one of our rows, from its cells as the sheet holds them (text, trimmed). */
  readonly keyOf: (cells: readonly string[]) => string;
  /** Number format per column (index), applied to generated rows. */
  readonly columnFormats: readonly (string | undefined)[];
  /** The column that says, on a row whose voucher is gone, which one the user's note was about. */
  readonly goneColumn: number;
}

export interface GeneratedRow {
  /** The same key `keyOf` gives for this row once it is written. */
  readonly key: string;
  readonly cells: readonly Cell[];
  readonly style?: StyleName;
  /** Styles on single columns of this row (e.g. formula cells). */
  readonly columnStyles?: Readonly<Record<number, StyleName>>;
}

/** Where the table sits and which rows the new content goes to (0-based rows). */
export interface RowPlan {
  /** True when the sheet had no table of ours: title, note and header are written. */
  readonly isNew: boolean;
  readonly titleRow: number;
  readonly headerRow: number;
  /** The rows the generated content goes to, in order. */
  readonly rows: readonly number[];
  /** Rows of ours the new content does not need: cleared. */
  readonly cleared: readonly number[];
  /** Columns the previous header had (a narrower table now clears the rest of them). */
  readonly oldWidth: number;
  /** The user's cells right of the table, by the key of the row they were written beside. */
  readonly notes: ReadonlyMap<string, readonly Cell[]>;
  /** Rows (of ours or given up) whose note columns must be rewritten: what moves in, or empty. */
  readonly noteRows: ReadonlySet<number>;
  /** The first column right of the table, and how many note columns the sheet uses. */
  readonly noteStart: number;
  readonly noteWidth: number;
  /** The note cells as the sheet holds them now, by row (0-based), for the rows below the header. */
  readonly notesNow: ReadonlyMap<number, readonly Cell[]>;
  /** Rows of ours with a note whose key is gone: the note stays, our cells say what it was about. */
  readonly orphaned: ReadonlyMap<number, string>;
  /** A cell as the sheet holds it now (its formula, or its value; "" when empty). */
  readonly cellNow: (row: number, col: number) => Cell;
}

function text(v: unknown): string {
  return v === null || v === undefined ? "" : String(v).trim();
}

function shown(s: SheetSnapshot, r: number, c: number): string {
  return text(s.formulas[r]?.[c]) || text(s.values[r]?.[c]);
}

/** A cell as a plan writes it back: its formula, or its value. */
function asCell(s: SheetSnapshot, r: number, c: number): Cell {
  const f = s.formulas[r]?.[c];
  if (typeof f === "string" && f.startsWith("=")) return { formula: f };
  const v = s.values[r]?.[c];
  return typeof v === "number" || typeof v === "boolean" ? v : text(v);
}

/**
 * Finds our table in the snapshot and chooses the rows for the generated rows with `keys`, in
 * order: first our old rows and empty rows below the header, in sheet order, then the rows after
 * the sheet's last used row. An old row of ours whose key is gone but which has a note keeps its
 * place and content.
 */
export function planRows(snapshot: SheetSnapshot | undefined, table: GeneratedTable, keys: readonly string[]): Checked<RowPlan> {
  const s: SheetSnapshot = snapshot ?? { name: table.sheet, values: [], formulas: [] };
  const width = table.headings.length;
  const last = lastUsedRow(s) - 1;
  let header = -1;
  for (let r = 0; r <= last; r++) {
    if (text(s.values[r]?.[0]) === table.headings[0] && text(s.formulas[r]?.[0]).startsWith("=") === false) {
      header = r;
      break;
    }
  }
  const isNew = header < 0;
  const titleRow = isNew ? (last < 0 ? 0 : last + 2) : Math.max(0, header - 2);
  if (isNew) header = titleRow + 2;

  let oldWidth = width;
  if (!isNew) {
    const row = s.values[header] ?? [];
    const end = row.findIndex((v, c) => c > 0 && text(v) === table.headings[width - 1]);
    if (end > 0) oldWidth = end + 1;
  }
  const noteStart = Math.max(width, oldWidth);
  let sheetWidth = noteStart;
  for (let r = header + 1; r <= last; r++) sheetWidth = Math.max(sheetWidth, s.values[r]?.length ?? 0, s.formulas[r]?.length ?? 0);
  const noteWidth = sheetWidth - noteStart;

  const wanted = new Set(keys);
  const notes = new Map<string, Cell[]>();
  const ours: number[] = [];
  const kept: number[] = [];
  const orphaned = new Map<number, string>();
  const candidates: number[] = [];
  for (let r = header + 1; r <= last; r++) {
    const mine = table.isGenerated(text(s.values[r]?.[0])) && !text(s.formulas[r]?.[0]).startsWith("=");
    if (mine) {
      const key = table.keyOf(Array.from({ length: width }, (_, c) => shown(s, r, c)));
      const note = Array.from({ length: noteWidth }, (_, i) => asCell(s, r, noteStart + i));
      const hasNote = note.some((c) => c !== "");
      if (hasNote && !wanted.has(key)) {
        kept.push(r);
        orphaned.set(r, `${shown(s, r, 0)}: raden finnes ikke lenger (bilaget er endret eller borte); merknaden til høyre er beholdt.`);
        continue;
      }
      if (hasNote && !notes.has(key)) notes.set(key, note);
      ours.push(r);
      candidates.push(r);
    } else if (isEmptyRow(s, r)) {
      candidates.push(r);
    }
  }
  for (let r = Math.max(last + 1, header + 1); candidates.length < keys.length; r++) candidates.push(r);
  const rows = candidates.slice(0, keys.length);
  const used = new Set(rows);
  const cleared = ours.filter((r) => !used.has(r));
  const noteRows = new Set(notes.size > 0 && noteWidth > 0 ? ours : []);
  const notesNow = new Map<number, Cell[]>();
  if (noteWidth > 0) for (let r = header + 1; r <= last; r++) notesNow.set(r, Array.from({ length: noteWidth }, (_, i) => asCell(s, r, noteStart + i)));

  // A wider table (more dimensions) must not write into a column the user has taken.
  if (width > oldWidth) {
    const check = [header, ...ours, ...kept, ...rows.filter((r) => r <= last)];
    for (const r of check) {
      for (let c = oldWidth; c < width; c++) {
        if (shown(s, r, c) !== "" && !(r === header && text(s.values[r]?.[c]) === table.headings[c])) {
          return problems(
            `Tabellen trenger kolonne ${columnLetter(c)}, men cellen er i bruk («${shown(s, r, c)}»). ` +
              "Flytt innholdet til høyre før bilagene lages på nytt.",
            { sheet: table.sheet, cell: `${columnLetter(c)}${r + 1}` },
          );
        }
      }
    }
  }
  return { isNew, titleRow, headerRow: header, rows, cleared, oldWidth, notes, noteRows, noteStart, noteWidth, notesNow, orphaned, cellNow: (r, c) => asCell(s, r, c) };
}

/** Whether a cell to write is what the sheet holds already (formulas compared as Excel would). */
function sameCell(wanted: Cell, now: Cell): boolean {
  if (wanted === null) return true;
  if (typeof wanted === "object") return typeof now === "object" && now !== null && sameFormula(now.formula, wanted.formula);
  if (typeof now === "object" && now !== null) return false;
  if (typeof wanted === "number") return typeof now === "number" && now === wanted;
  return String(now ?? "").trim() === String(wanted).trim() && typeof now !== "number";
}

/** Runs of consecutive rows: [[5,6,7],[9]]. */
export function runs(rows: readonly number[]): number[][] {
  const sorted = [...rows].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const r of sorted) {
    const cur = out[out.length - 1];
    if (cur && cur[cur.length - 1] === r - 1) cur.push(r);
    else out.push([r]);
  }
  return out;
}

/** `H5:H7,H9` for the cells of column `col` in the given rows (0-based), for SUM(...). */
export function cellList(col: number, rows: readonly number[]): string {
  const L = columnLetter(col);
  return runs(rows).map((run) => (run.length === 1 ? `${L}${run[0] + 1}` : `${L}${run[0] + 1}:${L}${run[run.length - 1] + 1}`)).join(",");
}

/**
 * The writes for a planned table: header (and title/note for a new table), the generated rows
 * into their planned rows, "" into our old rows no longer needed and into columns a narrower
 * table gave up, and the user's notes beside the rows they belong to. Formats go in `formats`,
 * which shells apply before values.
 */
export function writeTable(table: GeneratedTable, plan: RowPlan, generated: readonly GeneratedRow[]): WritePlan {
  const sheet = table.sheet;
  const width = table.headings.length;
  const writes: RangeWrite[] = [];
  const formats: FormatWrite[] = [];
  const results: FormulaResult[] = [];

  if (plan.isNew) {
    writes.push({ sheet, address: rangeOf({ row: plan.titleRow, col: 0 }, 1, 1), cells: [[table.title]], style: "title" });
    writes.push({ sheet, address: rangeOf({ row: plan.titleRow + 1, col: 0 }, 1, 1), cells: [[table.note]], style: "note" });
  }
  const headerCells: Cell[] = [...table.headings];
  for (let c = width; c < plan.oldWidth; c++) headerCells.push("");
  const headerChanges = headerCells.map((cell, c) => (sameCell(cell, plan.cellNow(plan.headerRow, c)) ? null : cell));
  if (headerChanges.some((c) => c !== null)) writes.push({ sheet, address: rangeOf({ row: plan.headerRow, col: 0 }, 1, headerCells.length), cells: [headerChanges] });
  formats.push({ sheet, address: rangeOf({ row: plan.headerRow, col: 0 }, 1, width), style: "header" });

  const byRow = new Map<number, GeneratedRow>();
  plan.rows.forEach((r, i) => byRow.set(r, generated[i]));
  for (const run of runs(plan.rows)) {
    const start = { row: run[0], col: 0 };
    // A cell that already holds what it should is left alone (null): a re-run changes nothing it need not.
    const cells = run.map((r) => {
      const row = [...(byRow.get(r) as GeneratedRow).cells];
      for (let c = width; c < plan.oldWidth; c++) row.push("");
      return row.map((cell, c) => {
        if (!sameCell(cell, plan.cellNow(r, c))) return cell;
        // The formula stays; what it computes now still goes to the CLI's cached result.
        if (cell !== null && typeof cell === "object" && cell.value !== undefined) results.push({ sheet, address: rangeOf({ row: r, col: c }, 1, 1), value: cell.value });
        return null;
      });
    });
    if (cells.some((row) => row.some((c) => c !== null))) writes.push({ sheet, address: rangeOf(start, run.length, cells[0].length), cells });
    table.columnFormats.forEach((numberFormat, col) => {
      if (numberFormat) formats.push({ sheet, address: rangeOf({ row: run[0], col }, run.length, 1), numberFormat });
    });
  }
  for (const r of plan.rows) {
    const row = byRow.get(r) as GeneratedRow;
    if (row.style) formats.push({ sheet, address: rangeOf({ row: r, col: 0 }, 1, width), style: row.style });
    for (const [col, style] of Object.entries(row.columnStyles ?? {})) formats.push({ sheet, address: rangeOf({ row: r, col: Number(col) }, 1, 1), style });
  }
  for (const run of runs(plan.cleared)) {
    const clearWidth = Math.max(width, plan.oldWidth);
    writes.push({ sheet, address: rangeOf({ row: run[0], col: 0 }, run.length, clearWidth), cells: run.map(() => Array<Cell>(clearWidth).fill("")) });
  }
  for (const [r, said] of plan.orphaned) {
    const clearWidth = Math.max(width, plan.oldWidth);
    const cells = Array<Cell>(clearWidth).fill("");
    cells[table.goneColumn] = said;
    writes.push({ sheet, address: rangeOf({ row: r, col: 0 }, 1, clearWidth), cells: [cells] });
  }
  // Notes follow their key: every row whose notes could change gets what belongs there now.
  if (plan.noteWidth > 0 && plan.notes.size > 0) {
    const target = new Map<number, readonly Cell[]>();
    for (const r of plan.noteRows) target.set(r, Array<Cell>(plan.noteWidth).fill(""));
    plan.rows.forEach((r, i) => {
      const note = plan.notes.get(generated[i].key);
      if (note) target.set(r, note);
      else if (plan.noteRows.has(r)) target.set(r, Array<Cell>(plan.noteWidth).fill(""));
    });
    // Only cells whose note changes are written: a note already in its place is not touched.
    for (const [r, cells] of [...target].sort((a, b) => a[0] - b[0])) {
      const now = plan.notesNow.get(r) ?? [];
      const changed = cells.map((c, i) => (c === (now[i] ?? "") ? null : c));
      if (changed.every((c) => c === null)) continue;
      writes.push({ sheet, address: rangeOf({ row: r, col: plan.noteStart }, 1, plan.noteWidth), cells: [changed] });
    }
  }
  return { sheets: [], writes, formats, names: [], conditionalFormats: [], leftAlone: [], results };
}
