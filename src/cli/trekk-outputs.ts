/**
 * Every output file of a `lonn trekk` run, as bytes, or every problem with them; nothing is written
 * here. What goes into them is core's (usecase/trekk's planTrekkOutputs, as the task pane's); this
 * loads and saves the workbook with exceljs. With `--xlsx` the workbook (new, or the existing file) gets the `Trekk og AGA` sheet, the
 * sign-off review of what is signed in it, the correction voucher sheet, and, when vouchers are
 * exported, the lines of the `Eksporterte bilag` record, so the next export holds only what is new.
 * Without `--xlsx` there is no record to remember in, and an export holds every voucher.
 */
import ExcelJS from "exceljs";
import { Checked, isProblems, ProblemList } from "../core/problem/problem";
import { SignOffReview } from "../core/trekk/sign-off";
import { planTrekkOutputs, Snapshots, TrekkRun, trekkSheetsToRead } from "../core/usecase/trekk";
import { ExportPlan } from "../core/voucher/export-record";
import { GL07_ENCODING } from "../core/voucher/gl07";
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
  let wb: ExcelJS.Workbook | undefined;
  let snapshots: Snapshots | undefined;
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
  }

  const fileNames = [options.csv, options.gl07].filter((p): p is string => p !== undefined).map(fileName).join(", ");
  const planned = planTrekkOutputs(input, snapshots, {
    ...(options.csv || options.gl07
      ? { export: { eksportert: options.now, fil: fileNames, ...(options.csv ? { csv: options.desimaltegn ? { desimaltegn: options.desimaltegn } : {} } : {}), gl07: options.gl07 !== undefined } }
      : {}),
  });
  if (isProblems(planned)) return planned;
  if (options.csv && planned.csv !== undefined) files.push({ type: "csv", path: options.csv, content: Buffer.from(planned.csv, "utf8") });
  if (options.gl07 && planned.gl07 !== undefined) files.push({ type: "gl07", path: options.gl07, content: Buffer.from(planned.gl07, GL07_ENCODING) });

  let sheet: XlsxApplyReport | undefined;
  if (options.xlsx && wb && planned.plan) {
    const applied = applyPlanToWorkbook(wb, planned.plan);
    if (isProblems(applied)) return applied;
    sheet = applied;
    files.push({ type: "xlsx", path: options.xlsx, content: await workbookBytes(wb) });
  }
  return {
    files,
    run: planned.run,
    ...(sheet ? { sheet } : {}),
    ...(planned.review ? { signOff: planned.review } : {}),
    ...(planned.exported ? { exported: planned.exported } : {}),
  };
}
