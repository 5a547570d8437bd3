/**
 * Every output file of a `lonn trekk` run, as bytes, or every problem with them; nothing is written
 * here. With `--xlsx` the workbook (new, or the existing file) gets the `Trekk og AGA` sheet, the
 * sign-off review of what is signed in it, the correction voucher sheet, and, when vouchers are
 * exported, the lines of the `Eksporterte bilag` record, so the next export holds only what is new.
 * Without `--xlsx` there is no record to remember in, and an export holds every voucher.
 */
import ExcelJS from "exceljs";
import { Checked, isProblems } from "../core/problem/problem";
import { SignOffReview } from "../core/trekk/sign-off";
import {
  planTrekkExport,
  planTrekkWorkbook,
  reviewTrekkSignOff,
  trekkExportRecord,
  trekkExportSettings,
  TrekkRun,
  trekkSheetsToRead,
  withSignOff,
} from "../core/usecase/trekk";
import { ExportPlan } from "../core/voucher/export-record";
import { OutputFile } from "./files";
import { exportAndFill, openWorkbook } from "./output-parts";
import { XlsxApplyReport } from "./xlsx/apply-plan";

export interface TrekkOutputOptions {
  readonly xlsx?: string;
  readonly csv?: string;
  readonly gl07?: string;
  readonly desimaltegn?: "," | ".";
  /** The workbook to fill for `xlsx`: an existing file; default a new one. */
  readonly workbook?: () => Promise<Checked<ExcelJS.Workbook>>;
  /** Local wall-clock time of the export, ISO (`2026-12-01T14:03:00`); the shell reads the clock. */
  readonly now: string;
}

export interface TrekkOutputs {
  readonly files: readonly OutputFile[];
  /** The run with the workbook's sign-off flags. */
  readonly run: TrekkRun;
  readonly sheet?: XlsxApplyReport;
  readonly signOff?: SignOffReview;
  readonly exported?: ExportPlan;
}

export async function buildTrekkOutputs(input: TrekkRun, options: TrekkOutputOptions): Promise<Checked<TrekkOutputs>> {
  const opened = await openWorkbook(options, trekkSheetsToRead());
  if (isProblems(opened)) return opened;
  let run = input;
  let signOff: SignOffReview | undefined;
  if (opened) {
    const review = reviewTrekkSignOff(run, opened.snapshots);
    if (isProblems(review)) return review;
    signOff = review;
    run = withSignOff(run, review);
  }
  const reviewed = run;
  const built = await exportAndFill(opened, options, {
    record: trekkExportRecord,
    planExport: (record, meta) => planTrekkExport(reviewed, record, meta),
    exportSettings: trekkExportSettings(reviewed.inputs.scenario),
    planWorkbook: (snapshots, exported) => planTrekkWorkbook(reviewed, snapshots, signOff, exported),
  });
  return isProblems(built) ? built : { ...built, run, ...(signOff ? { signOff } : {}) };
}
