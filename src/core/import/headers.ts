import { foldedWords } from "../text";
import { displayText } from "../sheet/cell";
import { errorAt, GridPlace, sheetCell, sheetError, sheetRow } from "./grid";
import { Checked, Problem, Problems } from "../problem/problem";
import { Grid } from "../sheet/snapshot";

/**
 * Finding the header row of an export and the columns in it.
 *
 * Exports put a title, a selection and blank lines above the table, and name columns in the
 * user's language and the report's whims, so a reader lists synonyms per field and the header row
 * is the row (among the first `HEADER_SCAN_ROWS`) that names most fields. Matching ignores case,
 * diacritics (`Beløp` = `Belop` = `BELØP`), punctuation (`For-periode` = `For periode`) and a
 * trailing currency (`Beløp (NOK)`, `Beløp i kr`).
 */

export const HEADER_SCAN_ROWS = 20;

export interface FieldSpec<K extends string> {
  readonly key: K;
  /** The field's name in messages, e.g. "Beløp". */
  readonly label: string;
  readonly synonyms: readonly string[];
  readonly required: boolean;
}

export interface HeaderMatch<K extends string> {
  /** Grid row (0-based) of the header. */
  readonly row: number;
  /** Grid column (0-based) of each field found. */
  readonly columns: Partial<Record<K, number>>;
  /** The header text of each field found, as it stands in the export. */
  readonly titles: Partial<Record<K, string>>;
}

/** A header's comparable form: folded words, without a trailing currency. */
export function headerKey(text: string): string {
  const words = foldedWords(text);
  while (words.length > 1 && (words[words.length - 1] === "nok" || words[words.length - 1] === "kr")) {
    words.pop();
    if (words.length > 1 && words[words.length - 1] === "i") words.pop();
  }
  return words.join(" ");
}

/** Synonym lists per field, with the reader's defaults replaced where the caller gives its own. */
export function withSynonyms<K extends string>(
  fields: readonly FieldSpec<K>[],
  overrides: Partial<Record<K, readonly string[]>> | undefined,
): FieldSpec<K>[] {
  return fields.map((f) => ({ ...f, synonyms: overrides?.[f.key] ?? f.synonyms }));
}

export function findHeader<K extends string>(
  grid: Grid,
  fields: readonly FieldSpec<K>[],
  place: GridPlace,
  scanRows = HEADER_SCAN_ROWS,
): Checked<HeaderMatch<K>> {
  const lookup = new Map<string, K>();
  for (const f of fields) for (const s of f.synonyms) if (!lookup.has(headerKey(s))) lookup.set(headerKey(s), f.key);

  let best: { row: number; hits: { key: K; col: number }[]; fields: number } | undefined;
  for (let i = 0; i < Math.min(grid.length, scanRows); i++) {
    const hits: { key: K; col: number }[] = [];
    (grid[i] ?? []).forEach((value, j) => {
      if (typeof value !== "string") return;
      const key = lookup.get(headerKey(value));
      if (key !== undefined) hits.push({ key, col: j });
    });
    const distinct = new Set(hits.map((h) => h.key)).size;
    if (distinct > (best?.fields ?? 0)) best = { row: i, hits, fields: distinct };
  }

  const wanted = (f: FieldSpec<K>) => `«${f.label}» (${f.synonyms.join(", ")})`;
  if (!best) {
    const required = fields.filter((f) => f.required);
    return new Problems([
      sheetError(
        place.sheet,
        `Fant ingen overskriftsrad i de første ${scanRows} radene. Lette etter kolonnene ${required.map(wanted).join("; ")}.`,
      ),
    ]);
  }

  const errors: Problem[] = [];
  const columns: Partial<Record<K, number>> = {};
  const titles: Partial<Record<K, string>> = {};
  const headerRow = best.row;
  const title = (col: number) => displayText(grid[headerRow][col]);
  for (const hit of best.hits) {
    const first = columns[hit.key];
    if (first === undefined) {
      columns[hit.key] = hit.col;
      titles[hit.key] = title(hit.col);
      continue;
    }
    const label = fields.find((f) => f.key === hit.key)?.label ?? hit.key;
    errors.push(
      errorAt(
        place,
        headerRow,
        hit.col,
        `Kolonnen «${label}» står to ganger i overskriftsraden: ${sheetCell(place, headerRow, first)} («${title(first)}») og ${sheetCell(place, headerRow, hit.col)} («${title(hit.col)}»). Fjern eller gi nytt navn til den ene.`,
        { column: title(hit.col), value: grid[headerRow][hit.col] },
      ),
    );
  }
  for (const f of fields) {
    if (f.required && columns[f.key] === undefined) {
      errors.push({
        sheet: place.sheet,
        row: sheetRow(place, headerRow),
        message: `Mangler kolonnen ${wanted(f)} i overskriftsraden (rad ${sheetRow(place, headerRow)}).`,
      });
    }
  }
  return errors.length > 0 ? new Problems(errors) : { row: headerRow, columns, titles };
}
