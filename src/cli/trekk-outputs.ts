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
import { toCsv } from "../core/voucher/csv";
import { ExportPlan } from "../core/voucher/export-record";
import { GL07_ENCODING, toGl07 } from "../core/voucher/gl07";
import { fileName, OutputFile } from "./files";
import { applyPlanToWorkbook, XlsxApplyReport } from "./xlsx/apply-plan";
import { snapshotsOf } from "./xlsx/snapshot";
import { partsLostOnSave, workbookBytes } from "./xlsx/workbook";

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
    const loaded = options.workbook ? await options.workbook() : new ExcelJS.Workbook();
    if (isProblems(loaded)) return loaded;
    const lost = partsLostOnSave(loaded);
    if (lost.length > 0) {
      problems.add(
        `Arbeidsboken har ${lost.join(", ")}, som lonn ikke kan ta vare på når den skriver .xlsx-filen. ` +
          "Fyll den i Excel; lonn kan fortsatt skrive bilagsfilene (--csv, --gl07) uten --xlsx.",
      );
      return problems.result(() => undefined as never);
    }
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
    const record = wb ? trekkExportRecord(snapshots) : [];
    if (isProblems(record)) return record;
    const fileNames = [options.csv, options.gl07].filter((p): p is string => p !== undefined).map(fileName).join(", ");
    exported = planTrekkExport(run, record, { eksportert: options.now, fil: fileNames });
    const settings = { ...trekkExportSettings(run.inputs.scenario), batchId: exported.batchId, forsteBilagsnummer: exported.bilagsnumre[0] ?? 1 };
    if (options.csv) {
      const csv = toCsv(exported.vouchers, settings, options.desimaltegn ? { desimaltegn: options.desimaltegn } : {});
      if (isProblems(csv)) problems.addAll(csv, { file: "CSV" });
      else files.push({ type: "csv", path: options.csv, content: Buffer.from(csv, "utf8") });
    }
    if (options.gl07) {
      const gl07 = toGl07(exported.vouchers, settings);
      if (isProblems(gl07)) problems.addAll(gl07, { file: "GL07" });
      else files.push({ type: "gl07", path: options.gl07, content: Buffer.from(gl07, GL07_ENCODING) });
    }
  }

  let sheet: XlsxApplyReport | undefined;
  if (options.xlsx && wb) {
    const plan = planTrekkWorkbook(run, snapshots, signOff, exported?.record ?? []);
    if (isProblems(plan)) problems.addAll(plan);
    else {
      const applied = applyPlanToWorkbook(wb, plan);
      if (isProblems(applied)) problems.addAll(applied);
      else {
        sheet = applied;
        files.push({ type: "xlsx", path: options.xlsx, content: await workbookBytes(wb) });
      }
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
