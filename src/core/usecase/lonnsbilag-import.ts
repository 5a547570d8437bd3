/**
 * The payroll journal as both shells get it, into the lønnsbilag use case's inputs: a JSON journal
 * (oppsett and rows in one file), or a CSV or .xlsx journal, or a range of the workbook the pane
 * is in, with an optional oppsett file (the JSON journal without its rows: virksomhet, firma,
 * bilagsart, dimensjoner, kontoer …). The CLI reads paths, the pane the files the user chose and
 * the ranges Excel gives it; both hand the bytes or the grid here, so the journal is read by the
 * same readers and every problem is placed the same way (JSON path in its file, the cell of a
 * sheet or a CSV file).
 */
import { readPayrollRows } from "../import/payroll-rows";
import { DuplicatePolicy } from "../import/row-checks";
import { csvSheetInput, decodeText, parseJsonFile } from "../import/text-file";
import { SheetInput } from "../import/types";
import { readXlsxSheet } from "../import/xlsx/sheet";
import { LonnsJournal, parseLonnsJournal } from "../payroll/journal";
import { Checked, isProblems, placed, problems, rejected } from "../problem/problem";
import { LonnsbilagInputs, LonnsbilagRun, LonnsbilagRunOptions, runLonnsbilag } from "./lonnsbilag";

/** The journal as it came: a JSON file's parsed content, or a sheet (a CSV or .xlsx file, a range of the workbook). */
export type JournalSource =
  | { readonly kind: "json"; readonly file: string; readonly json: Checked<unknown> }
  | {
      readonly kind: "sheet";
      /** What the inputs' `source` calls it: the file name, or the range. */
      readonly name: string;
      /** The file it came from (a range of the workbook has none): problems without a cell are placed in it. */
      readonly file?: string;
      readonly input: Checked<SheetInput>;
    };

/** An oppsett file: the JSON journal without rows. */
export interface OppsettSource {
  readonly file: string;
  readonly json: Checked<unknown>;
}

function jsonOf(bytes: Uint8Array, file: string): Checked<unknown> {
  const text = decodeText(bytes, file, "JSON");
  return isProblems(text) ? text : parseJsonFile(text, file);
}

function csvOf(bytes: Uint8Array, file: string): Checked<SheetInput> {
  const text = decodeText(bytes, file);
  return isProblems(text) ? text : csvSheetInput(text, file);
}

/** The journal file types the readers know, by extension. */
export const JOURNAL_EXTENSIONS = [".csv", ".xlsx", ".json"] as const;

const extensionOf = (name: string): string => name.slice(name.lastIndexOf(".")).toLowerCase();

/** A journal file's bytes by its extension: a JSON journal, a CSV file, or an .xlsx workbook's first visible sheet. */
export function journalFile(name: string, bytes: Uint8Array): JournalSource {
  const ext = extensionOf(name);
  if (ext === ".json") return { kind: "json", file: name, json: jsonOf(bytes, name) };
  const input: Checked<SheetInput> =
    ext === ".csv"
      ? csvOf(bytes, name)
      : ext === ".xlsx"
        ? readXlsxSheet(bytes, name)
        : problems(`«${name}» er verken .csv, .xlsx eller .json.`, { file: name });
  return { kind: "sheet", name, file: name, input };
}

/** An oppsett file's bytes. */
export const oppsettFile = (name: string, bytes: Uint8Array): OppsettSource => ({ file: name, json: jsonOf(bytes, name) });

/** A journal JSON (or an oppsett: the same without rows), every problem placed in the file. */
function journalOf(json: unknown, file: string, withoutRows: boolean): Checked<LonnsJournal> {
  const isObject = typeof json === "object" && json !== null;
  if (withoutRows && isObject && "rader" in json) return problems("radene kommer fra lønnsjournalen; fjern «rader» fra oppsettfilen.", { file });
  const journal = parseLonnsJournal(withoutRows && isObject ? { ...json, rader: [] } : json);
  return isProblems(journal) ? rejected(withoutRows ? "Oppsettet" : "Lønnsjournalen", journal.list.map((p) => placed(p, { file }))) : journal;
}

/** The journal as the use case's inputs: a JSON journal, or a sheet's rows with the oppsett file; every problem of both at once. */
export function lonnsbilagInputsOf(journal: JournalSource, oppsett?: OppsettSource, duplicates?: DuplicatePolicy): Checked<LonnsbilagInputs> {
  if (journal.kind === "json") {
    if (oppsett) return problems("I en JSON-journal står oppsettet i journalfilen; ta bort oppsettfilen.", { file: oppsett.file });
    if (isProblems(journal.json)) return journal.json;
    const read = journalOf(journal.json, journal.file, false);
    return isProblems(read) ? read : { source: journal.file, journal: read, notes: [] };
  }
  const setup: Checked<LonnsJournal> = !oppsett ? { rader: [] } : isProblems(oppsett.json) ? oppsett.json : journalOf(oppsett.json, oppsett.file, true);
  const rows = isProblems(journal.input) ? journal.input : readPayrollRows(journal.input, duplicates ? { duplicates } : {});
  if (isProblems(setup) || isProblems(rows)) {
    return rejected("Lønnsjournalen", [...(isProblems(setup) ? setup.list : []), ...(isProblems(rows) ? rows.list : [])]);
  }
  return { source: [journal.name, ...(oppsett ? [oppsett.file] : [])].join(", "), journal: { ...setup, rader: rows.rader }, notes: rows.notes };
}

/** The run of a journal: read, checked, one voucher per pay date; a problem without a place is placed in the journal's file. */
export function runLonnsbilagOf(
  journal: JournalSource,
  oppsett: OppsettSource | undefined,
  options: LonnsbilagRunOptions & { readonly duplicates?: DuplicatePolicy } = {},
): Checked<LonnsbilagRun> {
  const { duplicates, ...runOptions } = options;
  const inputs = lonnsbilagInputsOf(journal, oppsett, duplicates);
  if (isProblems(inputs)) return inputs;
  const run = runLonnsbilag(inputs, runOptions);
  if (!isProblems(run)) return run;
  const file = journal.file;
  return rejected("Lønnsjournalen", run.list.map((p) => (p.sheet === undefined && file !== undefined ? placed(p, { file }) : p)));
}
