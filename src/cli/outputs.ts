/**
 * Every output file of a run, as bytes, or every problem with them; nothing is written here. The
 * CSV is UTF-8 (its text carries the byte-order mark); GL07 is single-byte Latin-1, as Unit4 reads it.
 *
 * The book (the workbook `--xlsx` names, else the input workbook) is where the run's memory is:
 * its export record decides what an export holds (only what is new, by default), and the lines
 * exported are added to it in the same write, so the next run, on any machine, continues there.
 */
import { append } from "../core/list";
import ExcelJS from "exceljs";
import { Checked, isProblems, ProblemList } from "../core/problem/problem";
import { exportTotals, reconciliationTotals } from "../core/spk/log-text";
import { SHEET_NAMES } from "../core/spk/sheet/layout";
import { exportBlockers, planSpkExport, planSpkWorkbook, Snapshots, spkExportFileSettings, spkExportRecord, SpkRun } from "../core/usecase/spk";
import { ExportPlan } from "../core/voucher/export-record";
import { isoTimestamp, Timestamp } from "../core/workpaper/logg";
import { fileName, OutputFile } from "./files";
import { voucherFiles } from "./output-parts";
import { applyPlanToWorkbook, XlsxApplyReport } from "./xlsx/apply-plan";
import { workbookBytes } from "./xlsx/workbook";

/** The workbook a run is written to, and its sheets as they are now. */
export interface OpenBook {
  readonly workbook: ExcelJS.Workbook;
  readonly snapshots: Snapshots;
}

export interface OutputOptions {
  readonly xlsx?: string;
  readonly csv?: string;
  readonly gl07?: string;
  readonly desimaltegn?: "," | ".";
  /** The book; without one an export cannot remember and holds every voucher. */
  readonly book?: OpenBook;
  /** Export every voucher again, as a copy the record never counts. */
  readonly all?: boolean;
  /** Export although a material difference is unexplained (logged in `Logg`). */
  readonly override?: boolean;
  /** Local wall-clock time of the run (the shell reads the clock). */
  readonly now: Timestamp;
  /** Who runs it, for `Logg`. */
  readonly who: string;
  /** What was read, for `Logg`. */
  readonly source: string;
}

export interface Outputs {
  readonly files: readonly OutputFile[];
  /** What applying the plan did to the workbook (with `xlsx`). */
  readonly sheet?: XlsxApplyReport;
  /** What the CSV/GL07 export holds (with `csv` or `gl07`). */
  readonly exported?: ExportPlan;
}


const exportLog = (exported: ExportPlan | undefined, override: boolean): string =>
  exported ? `; ${exportTotals(exported, override ? "--eksporter-uforklart" : undefined)}` : "";

export async function buildOutputs(run: SpkRun, options: OutputOptions): Promise<Checked<Outputs>> {
  const problems = new ProblemList();
  const files: OutputFile[] = [];
  const sheet = run.inputs.sheet ?? SHEET_NAMES[run.inputs.oppsett.budsjettering];
  const book = options.book;

  let exported: ExportPlan | undefined;
  if (options.csv || options.gl07) {
    const record = book ? spkExportRecord(book.snapshots, run.inputs.oppsett.aar) : [];
    if (isProblems(record)) return record;
    const fileNames = [options.csv, options.gl07].filter((p): p is string => p !== undefined).map(fileName).join(", ");
    const exportOptions = { ...(options.all ? { all: true } : {}), ...(options.override ? { override: true } : {}) };
    const plan = planSpkExport(run, record, { eksportert: isoTimestamp(options.now), fil: fileNames }, exportOptions);
    // Every problem at once: an export that must wait is reported with the files' own problems.
    const blockers = exportBlockers(run, plan, book ? { sheet, snapshots: book.snapshots } : undefined, exportOptions);
    problems.addAll(blockers);
    if (blockers.length === 0) exported = plan;
    const made = voucherFiles(plan.vouchers, spkExportFileSettings(run.inputs.oppsett, plan), options);
    if (isProblems(made)) problems.addAll(made);
    else append(files, made);
  }

  let applied: XlsxApplyReport | undefined;
  if (options.xlsx && book) {
    const plan = planSpkWorkbook(run, sheet, book.snapshots, {
      exported: exported?.record ?? [],
      log: {
        tid: options.now,
        handling: `lonn avstem ${options.source}`,
        summer: `${reconciliationTotals(run.avstemming)}${exportLog(exported, options.override === true)}`,
        hvem: options.who,
      },
    });
    if (isProblems(plan)) problems.addAll(plan);
    else {
      const result = applyPlanToWorkbook(book.workbook, plan);
      if (isProblems(result)) problems.addAll(result);
      else {
        applied = result;
        files.push({ type: "xlsx", path: options.xlsx, content: await workbookBytes(book.workbook) });
      }
    }
  }
  return problems.result(() => ({ files, ...(applied ? { sheet: applied } : {}), ...(exported ? { exported } : {}) }));
}
