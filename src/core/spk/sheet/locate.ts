import { minOf } from "../../list";
import { Checked, problems } from "../../problem/problem";
import { parseTerminLabel } from "../../import/termin-label";
import { isTotalLabel } from "../../import/table";
import { Budsjettering, Kontoer } from "../types";
import { foldedWords } from "../../text";
import { cellAddress } from "../../sheet/a1";
import { cellAt, cellOf, SheetSnapshot } from "../../sheet/snapshot";
import { accountFormula } from "./formulas";
import { sameFormula } from "../../sheet/formula-text";
import {
ACCOUNT_FIELDS,
BALANCE_COLUMNS,
DIMENSION_FIELDS,
DimensionField,
ROWS,
SCALAR_FIELDS,
ScalarKey,
TABLE_COLUMNS,
terminRow,
} from "./layout";

/**
 * Where the parts of a reconciliation sheet are: our own layout, or a DFØ-style sheet someone built
 * by hand. Termin rows are found by their labels in column A (`T1`, `1`, `1. termin`, `Termin 1`,
 * `jan–feb`, …), the columns are DFØ's letters, and header values by their labels above the table.
 */
export interface SheetMap {
  readonly sheet: string;
  /** The sheet has our layout at our positions (column letters in row 10, T1–T6 in rows 12–17, Sum in 18). */
  readonly ours: boolean;
  /** Termin (1–6) → its 1-based row. */
  readonly terminRows: ReadonlyMap<number, number>;
  readonly sumRow: number | undefined;
  /** Header value cells that exist on this sheet. */
  readonly scalars: ReadonlyMap<ScalarKey, string>;
  readonly accounts: ReadonlyMap<keyof Kontoer, string>;
  readonly dimensions: readonly DimensionField[];
}

/** The map of a sheet with our layout. */
export function layoutMap(sheet: string): SheetMap {
  return {
    sheet,
    ours: true,
    terminRows: new Map([1, 2, 3, 4, 5, 6].map((t) => [t, terminRow(t)])),
    sumRow: ROWS.sum,
    scalars: new Map(SCALAR_FIELDS.map((f) => [f.key, f.valueCell])),
    accounts: new Map(ACCOUNT_FIELDS.map((f) => [f.key, f.valueCell])),
    dimensions: DIMENSION_FIELDS,
  };
}

/** A label as words: folded, without parentheses and a trailing colon ("AGA-sats (snitt):" → "aga sats"). */
export function labelWords(value: unknown): string {
  if (typeof value !== "string") return "";
  return foldedWords(value.replace(/\([^)]*\)/g, " ")).join(" ");
}

const rowCount = (s: SheetSnapshot): number => Math.max(s.values.length, s.formulas.length);

function findTerminRows(snapshot: SheetSnapshot): { rows: Map<number, number>; sumRow: number | undefined } {
  const rows = new Map<number, number>();
  let sumRow: number | undefined;
  for (let r = 0; r < rowCount(snapshot); r++) {
    const value = cellOf(snapshot, { row: r, col: 0 }).value;
    if (rows.size > 0 && isTotalLabel(value)) {
      sumRow = r + 1;
      break;
    }
    const termin = parseTerminLabel(value);
    if (termin === undefined) continue;
    // A termin seen again starts another block (the voucher block below the table).
    if (rows.has(termin)) break;
    rows.set(termin, r + 1);
  }
  return { rows, sumRow };
}

function hasOurLetters(snapshot: SheetSnapshot): boolean {
  return TABLE_COLUMNS.every((letter, col) => cellOf(snapshot, { row: ROWS.letters - 1, col }).value === letter);
}

/** Header value cells of a hand-made sheet: the cell right of a known label above the first termin row. */
function findScalars(snapshot: SheetSnapshot, beforeRow: number): Map<ScalarKey, string> {
  const found = new Map<ScalarKey, string>();
  for (let r = 0; r < beforeRow - 1; r++) {
    const width = Math.max(snapshot.values[r]?.length ?? 0, snapshot.formulas[r]?.length ?? 0);
    for (let c = 0; c < width; c++) {
      const words = labelWords(cellOf(snapshot, { row: r, col: c }).value);
      if (!words) continue;
      const field = SCALAR_FIELDS.find((f) => f.synonyms.includes(words));
      if (field && !found.has(field.key)) found.set(field.key, cellAddress({ row: r, col: c + 1 }));
    }
  }
  return found;
}

/** Where things are on an existing sheet, or an error when it has no termin rows at all. */
export function locate(snapshot: SheetSnapshot): Checked<SheetMap> {
  const { rows, sumRow } = findTerminRows(snapshot);
  if (rows.size === 0) {
    return problems(`Fant ingen terminrader på arket «${snapshot.name}»: kolonne A må ha T1–T6, 1–6, «1. termin», «Termin 1» eller «jan–feb».`, {
      sheet: snapshot.name,
    });
  }
  const atOurRows = [...rows].every(([t, r]) => r === terminRow(t)) && rows.size === 6 && sumRow === ROWS.sum;
  if (atOurRows && hasOurLetters(snapshot)) return layoutMap(snapshot.name);
  return {
    sheet: snapshot.name,
    ours: false,
    terminRows: rows,
    sumRow,
    scalars: findScalars(snapshot, minOf(rows.values())),
    accounts: new Map(),
    dimensions: [],
  };
}

/**
 * The kind an existing sheet of ours made its balance block for (its second account row tells:
 * 2810 brutto, 2961 netto); `fallback` when the block is not there.
 */
export function balanceKindOf(snapshot: SheetSnapshot | undefined, fallback: Budsjettering): Budsjettering {
  const second = cellAt(snapshot, `${BALANCE_COLUMNS.konto}${ROWS.balanceFirst + 1}`).formula;
  if (second !== undefined && sameFormula(second, accountFormula("avsetningBrutto"))) return "brutto";
  if (second !== undefined && sameFormula(second, accountFormula("avsetningNetto"))) return "netto";
  return fallback;
}
