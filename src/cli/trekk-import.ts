/**
 * The import form of `lonn trekk` (DESIGN.md §8.5) on files: the oppsett (JSON), the a-meldinger
 * (XML, streamed), the ledger (SAF-T .xml streamed, or a ledger .csv), the payroll journal, the
 * payments and the invoices (.csv). This only reads; core's usecase/trekk-import puts the
 * readers' results together and runs them. Files are named in messages by their file name.
 */
import { existsSync, readdirSync, statSync } from "fs";
import { basename, extname, join } from "path";
import { SheetInput } from "../core/import/types";
import { Checked, isProblems, placed, problems, rejected } from "../core/problem/problem";
import { parseTrekkOppsett, runTrekkImport, TrekkImportRun, TrekkLedgerSource, trekkReaderOptions } from "../core/usecase/trekk-import";
import { readCsvFile, readTextFile } from "./files";
import { parseJsonFile } from "../core/import/text-file";
import { DuplicatePolicy } from "../core/import/row-checks";
import { readAmeldingFiles, readSaftFile, XmlFileOptions } from "./stream-xml";

export interface TrekkImportFiles {
  /** A-melding files, or folders (every .xml file in them). */
  readonly amelding: readonly string[];
  /** SAF-T (.xml) or a ledger CSV (.csv), by extension. */
  readonly hovedbok: string;
  readonly lonn: string;
  readonly betalinger: string;
  readonly fakturaer?: string;
  readonly oppsett: string;
  /** `--godta-like-rader`: rows that are exact copies count (else the oppsett's `godtaLikeRader`). */
  readonly duplicates?: DuplicatePolicy;
}

/** The a-melding paths: files as given, folders as their .xml files by name. */
export function ameldingPaths(given: readonly string[]): string[] {
  return given.flatMap((p) =>
    existsSync(p) && statSync(p).isDirectory()
      ? readdirSync(p).filter((n) => extname(n).toLowerCase() === ".xml" && !n.startsWith(".")).sort((a, b) => a.localeCompare(b, "nb")).map((n) => join(p, n))
      : [p],
  );
}

/** A CSV export as a reader's sheet, named by its file name: streamed, and refused unread over the size limit. */
async function csvSheet(path: string, what: string): Promise<Checked<SheetInput>> {
  const sheet = basename(path);
  if (extname(path).toLowerCase() !== ".csv") return problems(`${what} leses som CSV (.csv); «${sheet}» er ikke en .csv-fil.`, { file: sheet });
  const grid = await readCsvFile(path);
  return isProblems(grid) ? grid : { sheet, values: grid.values };
}

/** Every input read and checked, the scenario put together and run; every problem of every file at once. */
export async function readTrekkImport(files: TrekkImportFiles, options: Pick<XmlFileOptions, "chunkSize"> = {}): Promise<Checked<TrekkImportRun>> {
  const oppsettFile = basename(files.oppsett);
  const text = readTextFile(files.oppsett);
  if (isProblems(text)) return text;
  const json = parseJsonFile(text, oppsettFile);
  if (isProblems(json)) return json;
  const oppsett = parseTrekkOppsett(json);
  if (isProblems(oppsett)) return rejected("Oppsettet", oppsett.list.map((p) => placed(p, { file: oppsettFile })));
  const readers = trekkReaderOptions(oppsett);
  const xml = { ...options, fileName: basename };
  const amelding = await readAmeldingFiles(ameldingPaths(files.amelding), { ...readers.amelding, ...xml });
  const hovedbok: TrekkLedgerSource =
    extname(files.hovedbok).toLowerCase() === ".xml"
      ? { kind: "saft", file: basename(files.hovedbok), read: await readSaftFile(files.hovedbok, { ...readers.saft, ...xml }) }
      : { kind: "sheet", input: await csvSheet(files.hovedbok, "Hovedboken (når den ikke er SAF-T .xml)") };
  return runTrekkImport({
    oppsett: { file: oppsettFile, oppsett },
    amelding,
    hovedbok,
    lonn: await csvSheet(files.lonn, "Lønnsjournalen"),
    betalinger: await csvSheet(files.betalinger, "Betalingene"),
    ...(files.fakturaer !== undefined ? { fakturaer: await csvSheet(files.fakturaer, "Fakturaene") } : {}),
    ...(files.duplicates ? { duplicates: files.duplicates } : {}),
  });
}
