/**
 * Every output file of a `lonn trekk` run, as bytes, or every problem with them; nothing is written
 * here. With `--xlsx` the workbook (new, or the existing file) gets the `Trekk og AGA` sheet, the
 * sign-off review of what is signed in it, the correction voucher sheet, and, when vouchers are
 * exported, the lines of the `Eksporterte bilag` record, so the next export holds only what is new.
 * Without `--xlsx` there is no record to remember in, and an export holds every voucher.
 */
import ExcelJS from "exceljs";
import { Checked, isProblems, ProblemList } from "../core/problem/problem";
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
import { filledWorkbook, plannedExport, workbookToFill } from "./output-parts";
import { XlsxApplyReport } from "./xlsx/apply-plan";
import { snapshotsOf } from "./xlsx/snapshot";

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
  const problems = new ProblemList();
  const files: OutputFile[] = [];
  let run = input;
  let wb: ExcelJS.Workbook | undefined;
  let snapshots: (sheet: string) => ReturnType<ReturnType<typeof snapshotsOf>["get"]> = () => undefined;
  let signOff: SignOffReview | undefined;
  if (options.xlsx) {
    const loaded = await workbookToFill(options.workbook);
    if (isProblems(loaded)) return loaded;
    wb = loaded;
    const snaps = snapshotsOf(wb, trekkSheetsToRead());
    snapshots = (s) => snaps.get(s);
    const review = reviewTrekkSignOff(run, snapshots);
    if (isProblems(review)) return review;
    signOff = review;
    run = withSignOff(run, review);
  }

  let exported: ExportPlan | undefined;
  if (options.csv || options.gl07) {
    const built = plannedExport(options, wb ? trekkExportRecord(snapshots) : [], (record, meta) => planTrekkExport(run, record, meta), trekkExportSettings(run.inputs.scenario));
    if (isProblems(built)) problems.addAll(built);
    else {
      exported = built.exported;
      files.push(...built.files);
    }
  }

  let sheet: XlsxApplyReport | undefined;
  if (options.xlsx && wb) {
    const filled = await filledWorkbook(wb, planTrekkWorkbook(run, snapshots, signOff, exported?.record ?? []), options.xlsx);
    if (isProblems(filled)) problems.addAll(filled);
    else {
      sheet = filled.sheet;
      files.push(filled.file);
    }
  }
  return problems.result(() => ({
    files,
    run,
    ...(sheet ? { sheet } : {}),
    ...(signOff ? { signOff } : {}),
    ...(exported ? { exported } : {}),
  }));
}
