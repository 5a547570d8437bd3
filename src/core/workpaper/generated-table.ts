import { Checked, problems } from "../problem/problem";
import { columnLetter, rangeOf } from "../sheet/a1";
import { Cell, FormatWrite, RangeWrite, StyleName, WritePlan } from "./write-plan";
import { isEmptyRow, lastUsedRow, SheetSnapshot } from "../sheet/snapshot";

/**
 * Regenerating a generated table inside a sheet the user also writes in (the Korreksjonsbilag and
 * A-melding fordeling sheets): our rows are recognised by column A (a voucher id), replaced where
 * they are, and new ones go into empty rows below; every other row, and every column right of the
 * table, is left exactly as it is. Plain range writes only (no table.rows.add), so co-authors and
 * LibreOffice see ordinary cells. The same input gives the same writes, so writing twice gives the
 * same sheet.
 */

export interface GenerertTabell {
  readonly ark: string;
  readonly tittel: string;
  readonly merknad: string;
  /** Header labels from column A; the first one marks our header row. */
  readonly overskrifter: readonly string[];
  /** Our rows: a column-A value this returns true for. */
  readonly erGenerert: (columnA: string) => boolean;
  /** Number format per column (index), applied to generated rows. */
  readonly kolonneformat: readonly (string | undefined)[];
}

export interface GeneratedRow {
  readonly celler: readonly Cell[];
  readonly stil?: StyleName;
  /** Styles on single columns of this row (e.g. formula cells). */
  readonly kolonnestil?: Readonly<Record<number, StyleName>>;
}

/** Where the table sits and which rows the new content goes to (0-based rows). */
export interface RowPlan {
  /** True when the sheet had no table of ours: title, note and header are written. */
  readonly ny: boolean;
  readonly tittelrad: number;
  readonly overskriftsrad: number;
  /** The rows the generated content goes to, in order. */
  readonly plasser: readonly number[];
  /** Rows of ours the new content does not need: cleared. */
  readonly tommes: readonly number[];
  /** Columns the previous header had (a narrower table now clears the rest of them). */
  readonly gammelBredde: number;
}

function text(v: unknown): string {
  return v === null || v === undefined ? "" : String(v).trim();
}

function cellOf(s: SheetSnapshot, r: number, c: number): string {
  return text(s.formulas[r]?.[c]) || text(s.values[r]?.[c]);
}

/**
 * Finds our table in the snapshot and chooses the rows for `antall` generated rows: first our
 * old rows and empty rows below the header, in sheet order (a user's row in between is skipped,
 * never written), then the rows after the sheet's last used row.
 */
export function planRows(snapshot: SheetSnapshot | undefined, tabell: GenerertTabell, count: number): Checked<RowPlan> {
  const s: SheetSnapshot = snapshot ?? { name: tabell.ark, values: [], formulas: [] };
  const width = tabell.overskrifter.length;
  const last = lastUsedRow(s) - 1;
  let header = -1;
  for (let r = 0; r <= last; r++) {
    if (text(s.values[r]?.[0]) === tabell.overskrifter[0] && text(s.formulas[r]?.[0]).startsWith("=") === false) {
      header = r;
      break;
    }
  }
  const isNew = header < 0;
  const tittelrad = isNew ? (last < 0 ? 0 : last + 2) : Math.max(0, header - 2);
  if (isNew) header = tittelrad + 2;

  let oldWidth = width;
  if (!isNew) {
    const row = s.values[header] ?? [];
    const end = row.findIndex((v, c) => c > 0 && text(v) === tabell.overskrifter[width - 1]);
    if (end > 0) oldWidth = end + 1;
  }

  const ours: number[] = [];
  const candidates: number[] = [];
  for (let r = header + 1; r <= last; r++) {
    const mine = tabell.erGenerert(text(s.values[r]?.[0])) && !text(s.formulas[r]?.[0]).startsWith("=");
    if (mine) ours.push(r);
    if (mine || isEmptyRow(s, r)) candidates.push(r);
  }
  for (let r = Math.max(last + 1, header + 1); candidates.length < count; r++) candidates.push(r);
  const plasser = candidates.slice(0, count);
  const used = new Set(plasser);
  const tommes = ours.filter((r) => !used.has(r));

  // A wider table (more dimensions) must not write into a column the user has taken.
  if (width > oldWidth) {
    const rows = [header, ...ours, ...plasser.filter((r) => r <= last)];
    for (const r of rows) {
      for (let c = oldWidth; c < width; c++) {
        if (cellOf(s, r, c) !== "" && !(r === header && text(s.values[r]?.[c]) === tabell.overskrifter[c])) {
          return problems(
            `Tabellen trenger kolonne ${columnLetter(c)}, men cellen er i bruk («${cellOf(s, r, c)}»). ` +
              "Flytt innholdet til høyre før bilagene lages på nytt.",
            { sheet: tabell.ark, cell: `${columnLetter(c)}${r + 1}` },
          );
        }
      }
    }
  }
  return { ny: isNew, tittelrad, overskriftsrad: header, plasser, tommes, gammelBredde: oldWidth };
}

/** Runs of consecutive rows: [[5,6,7],[9]]. */
export function lop(rows: readonly number[]): number[][] {
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
export function celleliste(col: number, rows: readonly number[]): string {
  const L = columnLetter(col);
  return lop(rows).map((run) => (run.length === 1 ? `${L}${run[0] + 1}` : `${L}${run[0] + 1}:${L}${run[run.length - 1] + 1}`)).join(",");
}

/**
 * The writes for a planned table: header (and title/note for a new table), the generated rows
 * into their planned rows, "" into our old rows no longer needed and into columns a narrower
 * table gave up. Formats go in `formats`, which shells apply before values.
 */
export function writeTable(tabell: GenerertTabell, plan: RowPlan, rows: readonly GeneratedRow[]): WritePlan {
  const sheet = tabell.ark;
  const width = tabell.overskrifter.length;
  const writes: RangeWrite[] = [];
  const formats: FormatWrite[] = [];

  if (plan.ny) {
    writes.push({ sheet, address: rangeOf({ row: plan.tittelrad, col: 0 }, 1, 1), cells: [[tabell.tittel]], style: "title" });
    writes.push({ sheet, address: rangeOf({ row: plan.tittelrad + 1, col: 0 }, 1, 1), cells: [[tabell.merknad]], style: "note" });
  }
  const headerCells: Cell[] = [...tabell.overskrifter];
  for (let c = width; c < plan.gammelBredde; c++) headerCells.push("");
  writes.push({ sheet, address: rangeOf({ row: plan.overskriftsrad, col: 0 }, 1, headerCells.length), cells: [headerCells] });
  formats.push({ sheet, address: rangeOf({ row: plan.overskriftsrad, col: 0 }, 1, width), style: "header" });

  const byRow = new Map<number, GeneratedRow>();
  plan.plasser.forEach((r, i) => byRow.set(r, rows[i]));
  for (const run of lop(plan.plasser)) {
    const start = { row: run[0], col: 0 };
    const cells = run.map((r) => {
      const row = [...byRow.get(r)!.celler];
      for (let c = width; c < plan.gammelBredde; c++) row.push("");
      return row;
    });
    writes.push({ sheet, address: rangeOf(start, run.length, cells[0].length), cells });
    tabell.kolonneformat.forEach((numberFormat, col) => {
      if (numberFormat) formats.push({ sheet, address: rangeOf({ row: run[0], col }, run.length, 1), numberFormat });
    });
  }
  for (const r of plan.plasser) {
    const row = byRow.get(r)!;
    if (row.stil) formats.push({ sheet, address: rangeOf({ row: r, col: 0 }, 1, width), style: row.stil });
    for (const [col, stil] of Object.entries(row.kolonnestil ?? {})) formats.push({ sheet, address: rangeOf({ row: r, col: Number(col) }, 1, 1), style: stil });
  }
  for (const run of lop(plan.tommes)) {
    const clearWidth = Math.max(width, plan.gammelBredde);
    writes.push({ sheet, address: rangeOf({ row: run[0], col: 0 }, run.length, clearWidth), cells: run.map(() => Array<Cell>(clearWidth).fill("")) });
  }
  return { sheets: [], writes, formats, names: [], conditionalFormats: [], leftAlone: [] };
}
