/**
 * Every output file of a `lonn lonnsbilag` run, as bytes, or every problem with them; nothing is
 * written here. With `--xlsx` the workbook (new, or the existing file) gets the `Lønnsbilag` sheet
 * and, when vouchers are exported, the lines of the `Eksporterte bilag` record, so exporting the
 * same journal again exports nothing. Without `--xlsx` there is no record, and an export holds
 * every voucher.
 */
import ExcelJS from "exceljs";
import { Checked, isProblems, ProblemList } from "../core/problem/problem";
import {
  LonnsbilagRun,
  lonnsbilagExportRecord,
  lonnsbilagExportSettings,
  lonnsbilagSheetsToRead,
  planLonnsbilagExport,
  planLonnsbilagWorkbook,
} from "../core/usecase/lonnsbilag";
import { Snapshots } from "../core/usecase/trekk";
import { ExportPlan } from "../core/voucher/export-record";
import { OutputFile } from "./files";
import { ExportOptions, filledWorkbook, plannedExport, workbookToFill } from "./output-parts";
import { XlsxApplyReport } from "./xlsx/apply-plan";
import { snapshotsOf } from "./xlsx/snapshot";

export interface LonnsbilagOutputOptions extends ExportOptions {
  readonly xlsx?: string;
  /** The workbook to fill for `xlsx`: an existing file; default a new one. */
  readonly workbook?: () => Promise<Checked<ExcelJS.Workbook>>;
}

export interface LonnsbilagOutputs {
  readonly files: readonly OutputFile[];
  readonly sheet?: XlsxApplyReport;
  readonly exported?: ExportPlan;
}

export async function buildLonnsbilagOutputs(run: LonnsbilagRun, options: LonnsbilagOutputOptions): Promise<Checked<LonnsbilagOutputs>> {
  const problems = new ProblemList();
  const files: OutputFile[] = [];
  let wb: ExcelJS.Workbook | undefined;
  let snapshots: Snapshots = () => undefined;
  if (options.xlsx) {
    const loaded = await workbookToFill(options.workbook);
    if (isProblems(loaded)) return loaded;
    wb = loaded;
    const snaps = snapshotsOf(wb, lonnsbilagSheetsToRead());
    snapshots = (s) => snaps.get(s);
  }
  let exported: ExportPlan | undefined;
  if (options.csv || options.gl07) {
    const built = plannedExport(options, wb ? lonnsbilagExportRecord(snapshots) : [], (record, meta) => planLonnsbilagExport(run, record, meta), lonnsbilagExportSettings(run));
    if (isProblems(built)) problems.addAll(built);
    else {
      exported = built.exported;
      files.push(...built.files);
    }
  }
  let sheet: XlsxApplyReport | undefined;
  if (options.xlsx && wb) {
    const filled = await filledWorkbook(wb, planLonnsbilagWorkbook(run, snapshots, exported?.record ?? []), options.xlsx);
    if (isProblems(filled)) problems.addAll(filled);
    else {
      sheet = filled.sheet;
      files.push(filled.file);
    }
  }
  return problems.result(() => ({ files, ...(sheet ? { sheet } : {}), ...(exported ? { exported } : {}) }));
}
