/**
 * Every output file of a `lonn lonnsbilag` run, as bytes, or every problem with them; nothing is
 * written here. With `--xlsx` the workbook (new, or the existing file) gets the `Lønnsbilag` sheet
 * and, when vouchers are exported, the lines of the `Eksporterte bilag` record, so exporting the
 * same journal again exports nothing. Without `--xlsx` there is no record, and an export holds
 * every voucher.
 */
import ExcelJS from "exceljs";
import { Checked, isProblems } from "../core/problem/problem";
import {
  LonnsbilagRun,
  lonnsbilagExportRecord,
  lonnsbilagExportSettings,
  lonnsbilagSheetsToRead,
  planLonnsbilagExport,
  planLonnsbilagWorkbook,
} from "../core/usecase/lonnsbilag";
import { exportAndFill, ExportOptions, JobOutputs, openWorkbook } from "./output-parts";

export interface LonnsbilagOutputOptions extends ExportOptions {
  readonly xlsx?: string;
  /** The workbook to fill for `xlsx`: an existing file; default a new one. */
  readonly workbook?: () => Promise<Checked<ExcelJS.Workbook>>;
}

export type LonnsbilagOutputs = JobOutputs;

export async function buildLonnsbilagOutputs(run: LonnsbilagRun, options: LonnsbilagOutputOptions): Promise<Checked<LonnsbilagOutputs>> {
  const opened = await openWorkbook(options, lonnsbilagSheetsToRead());
  if (isProblems(opened)) return opened;
  return exportAndFill(opened, options, {
    record: lonnsbilagExportRecord,
    planExport: (record, meta) => planLonnsbilagExport(run, record, meta),
    exportSettings: lonnsbilagExportSettings(run),
    planWorkbook: (snapshots, exported) => planLonnsbilagWorkbook(run, snapshots, exported),
  });
}
