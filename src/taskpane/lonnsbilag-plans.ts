/**
 * The «Lønnsbilag» flow's Excel side: reading the payroll journal (a file's bytes, or a range of
 * the workbook in one read) into core's run, and the write of a run as a pure plan of what was
 * just read (src/excel's runPlanned reads the sheets, calls the plan, writes once): the
 * `Lønnsbilag` sheet through core's planLonnsbilagOutputs, the same plan `lonn lonnsbilag --xlsx`
 * applies, with, for an export, the lines the `Eksporterte bilag` record gains and the files' text,
 * and the `Logg` row in the same write.
 */
import { Checked, isProblems } from "../core/problem/problem";
import { LonnsbilagOutputs, LonnsbilagRun, lonnsbilagSheetsToRead, planLonnsbilagOutputs } from "../core/usecase/lonnsbilag";
import { journalFile, JournalSource, oppsettFile, runLonnsbilagOf } from "../core/usecase/lonnsbilag-import";
import { ExportRequest } from "../core/voucher/export-files";
import { LOG_SHEET } from "../core/workpaper/logg";
import { logged, WriteMeta } from "./plans";
import { lonnsbilagOwner, lonnsbilagTotals } from "./view/lonnsbilag-view";
import { readRanges } from "./workbook";
import { keeping, WrittenAction } from "./written-action";

/** A file the user chose, as bytes (read-file.ts). */
export interface ChosenFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Where the journal is: a file, or a sheet or range of the workbook (`Lønnsjournal`, `'Lønn nov'!A1:M40`). */
export type JournalChoice = { readonly file: ChosenFile } | { readonly range: string };

export interface LonnsbilagChoice {
  readonly journal: JournalChoice;
  /** The oppsett file (the JSON journal without rows), for a CSV, xlsx or range journal. */
  readonly oppsett?: ChosenFile;
  /** The bokføringsdato, as typed (empty: the journal's pay dates). */
  readonly dato?: string;
}

/** The journal read and run: a file in the pane (no sync), a range in one Excel.run (two syncs up to 2 000 cells). */
export async function readLonnsbilag(choice: LonnsbilagChoice): Promise<Checked<LonnsbilagRun>> {
  const j = choice.journal;
  let journal: JournalSource;
  if ("file" in j) journal = journalFile(j.file.name, j.file.bytes);
  else {
    const read = (await readRanges({ journal: j.range })).journal;
    journal = { kind: "sheet", name: j.range, input: { sheet: read?.sheet ?? j.range, values: read?.values ?? [], ...(read ? { origin: read.origin } : {}) } };
  }
  const oppsett = choice.oppsett ? oppsettFile(choice.oppsett.name, choice.oppsett.bytes) : undefined;
  return runLonnsbilagOf(journal, oppsett, choice.dato ? { dato: choice.dato } : {});
}

export type LonnsbilagAction = WrittenAction<LonnsbilagOutputs>;

/** A write of `run` (the sheet; with `request`, an export too), logged as `action` with when and by whom. */
export function writeLonnsbilag(run: LonnsbilagRun, request: ExportRequest | undefined, action: string, meta: WriteMeta): LonnsbilagAction {
  return keeping([...lonnsbilagSheetsToRead(), LOG_SHEET], (snaps, keep) => {
    const out = planLonnsbilagOutputs(run, (s) => snaps.get(s), request);
    if (isProblems(out)) return out;
    keep(out);
    return logged(out.plan, snaps, action, lonnsbilagTotals(run), meta, lonnsbilagOwner(run));
  });
}
