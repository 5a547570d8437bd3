/**
 * Plan cells as Office.js input, and the shapes a grid is written in.
 *
 * Every write goes through `range.formulas` (one path for grids that mix constants, formulas and
 * nulls). Excel reads a string written there as typed input, the en-US way: "=…", "+…" and "-…"
 * become formulas (Range.values docs), "0301" the number 301, "2024-01-31" a date
 * (excel-add-ins-blank-null-values.md writes '29.96' and '15-Feb' and gets a number and a date).
 * A text constant must stay exactly that text, and a text like `=HYPERLINK(…)` from an import must
 * never run. So a text Excel could read as anything else gets a leading apostrophe: Excel's
 * prefix for "the rest is text", which it does not store or show (`values`/`formulas` read the
 * text without it; OfficeDev/office-js#6687). Text Excel can only read as text is written as is.
 *
 * In a cell formatted as text ("@") Excel takes the entry as it is, and whether it would keep
 * the apostrophe there is not documented; so where the plan itself formats the cell as text
 * first, the text goes in bare. (A text-formatted cell the user made is not known here: a risky
 * text written there could show its apostrophe. Plans write text only to label and input cells.)
 */
import { Cell, isFormula } from "../core/workpaper/write-plan";
import { append } from "../core/list";

export type Entry = string | number | boolean | null;

/**
 * Text Excel can read only as text: no formula or prefix start, no digit (so no number, date,
 * time, percent or amount), not a boolean or an error literal. Conservative on purpose: an
 * apostrophe on a text that did not need one is invisible.
 */
export function isPlainText(text: string): boolean {
  return !/^[=+\-@'#]/.test(text) && !/\d/.test(text) && !/^\s*(true|false|sann|usann)\s*$/i.test(text);
}

/**
 * One plan cell as an element of a `range.formulas` grid; null leaves the cell as it is.
 * `textFormatted`: the plan has already made this cell's number format "@".
 */
export function toEntry(cell: Cell, textFormatted = false): Entry {
  if (cell === null) return null;
  if (isFormula(cell)) return cell.formula.startsWith("=") ? cell.formula : `=${cell.formula}`;
  if (typeof cell === "string") return cell === "" || textFormatted || isPlainText(cell) ? cell : `'${cell}`;
  return cell;
}

/** A rectangle inside a grid, in grid coordinates (0-based). */
export interface Block {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/**
 * The non-null cells of a grid as few rectangles: runs of non-null cells in a row, merged down
 * while the next row has the same run. Formats and styles go only where the plan writes, so a
 * cell left alone keeps its look as well as its content.
 */
export function nonNullBlocks(cells: readonly (readonly Cell[])[]): Block[] {
  const done: Block[] = [];
  let open = new Map<string, Block>();
  cells.forEach((row, r) => {
    const next = new Map<string, Block>();
    let c = 0;
    while (c < row.length) {
      if (row[c] === null) {
        c++;
        continue;
      }
      const start = c;
      while (c < row.length && row[c] !== null) c++;
      const key = `${start}:${c}`;
      const above = open.get(key);
      next.set(key, above ? { ...above, rows: above.rows + 1 } : { row: r, col: start, rows: 1, cols: c - start });
      open.delete(key);
    }
    append(done, open.values());
    open = next;
  });
  append(done, open.values());
  return done.sort((a, b) => a.row - b.row || a.col - b.col);
}

/** Whole-row slices of `rows` rows, each at most `maxCells` cells (at least one row). */
export function rowBlocks(rows: number, cols: number, maxCells: number): Block[] {
  const per = Math.max(1, Math.floor(maxCells / Math.max(1, cols)));
  const out: Block[] = [];
  for (let row = 0; row < rows; row += per) out.push({ row, col: 0, rows: Math.min(per, rows - row), cols });
  return out;
}
