import { foldedWords } from "../text";
import { cellOf, GridPlace, placeOrError, sheetCell, sheetError, sheetRow } from "./grid";
import { isBlank, isBlankRow } from "../sheet/cell";
import { FieldSpec, findHeader, HeaderMatch } from "./headers";
import { Checked, isProblems, Problems } from "../problem/problem";
import { IgnoredRows, ReadSummary, SheetInput } from "./types";

/** An export located: its place, header and the non-empty rows below the header. */
export interface Table<K extends string> {
  readonly place: GridPlace;
  readonly header: HeaderMatch<K>;
  /** Grid indexes of the non-empty rows below the header, top to bottom. */
  readonly rows: readonly number[];
  readonly emptyRows: number;
  /** The cell of field `key` in grid row `i` (undefined when the column is absent). */
  cell(i: number, key: K): unknown;
  /** `SAP!C14`-style column description for the summary: `Beløp (C3)`. */
  describeColumns(): Record<string, string>;
}

export function readTable<K extends string>(input: SheetInput, fields: readonly FieldSpec<K>[]): Checked<Table<K>> {
  const place = placeOrError(input);
  if (!("originRow" in place)) return new Problems([place]);
  const grid = input.values;
  if (grid.every((row) => isBlankRow(row))) return new Problems([sheetError(place.sheet, "Filen har ingen datarader: arket er tomt.")]);

  const found = findHeader(grid, fields, place);
  if (isProblems(found)) return found;
  const header = found;
  const rows: number[] = [];
  let emptyRows = 0;
  for (let i = header.row + 1; i < grid.length; i++) {
    if (isBlankRow(grid[i])) emptyRows++;
    else rows.push(i);
  }
  if (rows.length === 0) {
    return new Problems([
      { sheet: place.sheet, row: sheetRow(place, header.row), message: `Filen har ingen datarader under overskriftsraden (rad ${sheetRow(place, header.row)}).` },
    ]);
  }
  return ({
    place,
    header,
    rows,
    emptyRows,
    cell: (i, key) => cellOf(grid, i, header.columns[key]),
    describeColumns: () => {
      const out: Record<string, string> = {};
      for (const f of fields) {
        const col = header.columns[f.key];
        if (col !== undefined) out[f.key] = `${header.titles[f.key]} (${sheetCell(place, header.row, col)})`;
      }
      return out;
    },
  });
}

/**
 * A total line of a report (`Sum`, `Totalt`, `Delsum 2810`, `Total:`): its figures are the sum of
 * the lines above, so counting it would count them twice.
 */
export function isTotalLabel(value: unknown): boolean {
  if (typeof value !== "string") return false;
  // A code, an amount or a word that starts with another letter than the labels' (most key cells of a large export) is no label.
  const c = value.charCodeAt(0) | 0x20;
  if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122 && c !== 115 && c !== 116 && c !== 100)) return false;
  const first = foldedWords(value)[0];
  return first !== undefined && /^(sum|summen|total|totalt|totalsum|totaler|delsum|subtotal)$/.test(first);
}

/**
 * A row is a total line when its key cell (lønnsart, konto, produkt …) is a total label, or when
 * the key cell is empty and the first non-empty cell of the row is one.
 */
export function isTotalRow(row: readonly unknown[], keyCell: unknown): boolean {
  if (isTotalLabel(keyCell)) return true;
  if (!isBlank(keyCell)) return false;
  return isTotalLabel(row.find((v) => !isBlank(v)));
}

/** Counts of rows left out, by reason, in the order the reasons first occurred. */
export class IgnoreCounter {
  private readonly counts = new Map<string, number>();
  add(reason: string): void {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
  }
  get total(): number {
    let n = 0;
    for (const c of this.counts.values()) n += c;
    return n;
  }
  list(): { reason: string; count: number }[] {
    return [...this.counts].map(([reason, count]) => ({ reason, count }));
  }
}

/** What a reader tells the user about one export: where the table was, what it used and what it left out. */
export function tableSummary<K extends string>(t: Table<K>, usedRows: number, ignored: readonly IgnoredRows[]): ReadSummary {
  return {
    sheet: t.place.sheet,
    headerRow: sheetRow(t.place, t.header.row),
    columns: t.describeColumns(),
    dataRows: t.rows.length,
    usedRows,
    ignored,
    emptyRows: t.emptyRows,
  };
}
