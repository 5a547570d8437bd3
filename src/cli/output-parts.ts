/**
 * What the commands that fill a workbook and export vouchers share (`lonn trekk`, `lonn
 * lonnsbilag`, `lonn rf1022`): the workbook to fill for `--xlsx`, refused when exceljs could not
 * write it back whole; the plan applied to it, as bytes; the vouchers as CSV and Unit4 GL07 bytes.
 * Nothing is written here; the command writes every file or none.
 */
import ExcelJS from "exceljs";
import { Checked, isProblems, ProblemList, problems } from "../core/problem/problem";
import { ExportSettings } from "../core/voucher/export-check";
import { exportSettingsOf, voucherTexts } from "../core/voucher/export-files";
import { ExportedLine, ExportMeta, ExportPlan } from "../core/voucher/export-record";
import { GL07_ENCODING } from "../core/voucher/gl07";
import { Bilag } from "../core/voucher/types";
import type { Snapshots } from "../core/usecase/trekk";
import { WritePlan } from "../core/workpaper/write-plan";
import { fileName, OutputFile } from "./files";
import { applyPlanToWorkbook, XlsxApplyReport } from "./xlsx/apply-plan";
import { snapshotsOf } from "./xlsx/snapshot";
import { partsLostOnSave, workbookBytes } from "./xlsx/workbook";
import { append } from "../core/list";

/** The workbook `--xlsx` fills: the existing file (`load`), or a new one; refused when saving would lose a part of it. */
export async function workbookToFill(load?: () => Promise<Checked<ExcelJS.Workbook>>): Promise<Checked<ExcelJS.Workbook>> {
  const loaded = load ? await load() : new ExcelJS.Workbook();
  if (isProblems(loaded)) return loaded;
  const lost = partsLostOnSave(loaded);
  if (lost.length === 0) return loaded;
  return problems(
    `Arbeidsboken har ${lost.join(", ")}, som lonn ikke kan ta vare på når den skriver .xlsx-filen. ` +
      "Fyll den i Excel; lonn kan fortsatt skrive bilagsfilene (--csv, --gl07) uten --xlsx.",
  );
}

export interface VoucherFileOptions {
  readonly csv?: string;
  readonly gl07?: string;
  readonly desimaltegn?: "," | ".";
}

/** The vouchers as the CSV and GL07 files asked for; every export problem, under the file's name. */
export function voucherFiles(vouchers: readonly Bilag[], settings: ExportSettings, options: VoucherFileOptions): Checked<OutputFile[]> {
  const texts = voucherTexts(vouchers, settings, {
    ...(options.csv ? { csv: options.desimaltegn ? { desimaltegn: options.desimaltegn } : {} } : {}),
    gl07: Boolean(options.gl07),
  });
  if (isProblems(texts)) return texts;
  const files: OutputFile[] = [];
  if (options.csv && texts.csv !== undefined) files.push({ type: "csv", path: options.csv, content: Buffer.from(texts.csv, "utf8") });
  if (options.gl07 && texts.gl07 !== undefined) files.push({ type: "gl07", path: options.gl07, content: Buffer.from(texts.gl07, GL07_ENCODING) });
  return files;
}

/** The plan applied to the workbook, and the workbook as the `--xlsx` file; or every problem with the plan. */
export async function filledWorkbook(wb: ExcelJS.Workbook, plan: Checked<WritePlan>, path: string): Promise<Checked<{ file: OutputFile; sheet: XlsxApplyReport }>> {
  if (isProblems(plan)) return plan;
  const applied = applyPlanToWorkbook(wb, plan);
  if (isProblems(applied)) return applied;
  return { sheet: applied, file: { type: "xlsx", path, content: await workbookBytes(wb) } };
}

export interface ExportOptions extends VoucherFileOptions {
  /** Local wall-clock time of the export, ISO; the shell reads the clock. */
  readonly now: string;
}

/**
 * An export that remembers: what the record (the workbook's `Eksporterte bilag` lines of this kind
 * of voucher; none without a workbook) does not hold yet, as the CSV and GL07 files asked for.
 */
export function plannedExport(
  options: ExportOptions,
  record: Checked<readonly ExportedLine[]>,
  plan: (record: readonly ExportedLine[], meta: Omit<ExportMeta, "batchPrefix">) => ExportPlan,
  settings: ExportSettings,
): Checked<{ readonly exported: ExportPlan; readonly files: OutputFile[] }> {
  if (isProblems(record)) return record;
  const files = [options.csv, options.gl07].filter((p): p is string => p !== undefined).map(fileName).join(", ");
  const exported = plan(record, { eksportert: options.now, fil: files });
  const written = voucherFiles(exported.vouchers, exportSettingsOf(settings, exported), options);
  return isProblems(written) ? written : { exported, files: written };
}

/** The `--xlsx` workbook opened, with snapshots of the sheets a plan reads. */
export interface OpenedWorkbook {
  readonly wb: ExcelJS.Workbook;
  readonly snapshots: Snapshots;
}

/** With `xlsx`: the workbook to fill (refused when it cannot be kept) and its sheets as read; without: undefined. */
export async function openWorkbook(
  options: { readonly xlsx?: string; readonly workbook?: () => Promise<Checked<ExcelJS.Workbook>> },
  sheets: readonly string[],
): Promise<Checked<OpenedWorkbook | undefined>> {
  if (!options.xlsx) return undefined;
  const wb = await workbookToFill(options.workbook);
  if (isProblems(wb)) return wb;
  const snaps = snapshotsOf(wb, [...sheets]);
  return { wb, snapshots: (s) => snaps.get(s) };
}

/** How a command's vouchers are exported and its sheets planned. */
export interface WorkbookJob {
  /** The record's lines of these vouchers. */
  readonly record: (snapshots: Snapshots) => Checked<readonly ExportedLine[]>;
  readonly planExport: (record: readonly ExportedLine[], meta: Omit<ExportMeta, "batchPrefix">) => ExportPlan;
  readonly exportSettings: ExportSettings;
  /** The workbook's plan, with the record lines this export adds. */
  readonly planWorkbook: (snapshots: Snapshots, exported: readonly ExportedLine[]) => Checked<WritePlan>;
}

export interface JobOutputs {
  readonly files: readonly OutputFile[];
  readonly sheet?: XlsxApplyReport;
  readonly exported?: ExportPlan;
}

/**
 * The export (with `csv`/`gl07`: what the workbook's record does not hold yet; without a workbook,
 * everything) and the filled workbook (with `xlsx`), as files; every problem of both at once.
 */
export async function exportAndFill(opened: OpenedWorkbook | undefined, options: ExportOptions & { readonly xlsx?: string }, job: WorkbookJob): Promise<Checked<JobOutputs>> {
  const problems = new ProblemList();
  const files: OutputFile[] = [];
  let exported: ExportPlan | undefined;
  if (options.csv || options.gl07) {
    const built = plannedExport(options, opened ? job.record(opened.snapshots) : [], job.planExport, job.exportSettings);
    if (isProblems(built)) problems.addAll(built);
    else {
      exported = built.exported;
      append(files, built.files);
    }
  }
  let sheet: XlsxApplyReport | undefined;
  if (options.xlsx && opened) {
    const filled = await filledWorkbook(opened.wb, job.planWorkbook(opened.snapshots, exported?.record ?? []), options.xlsx);
    if (isProblems(filled)) problems.addAll(filled);
    else {
      sheet = filled.sheet;
      files.push(filled.file);
    }
  }
  return problems.result(() => ({ files, ...(sheet ? { sheet } : {}), ...(exported ? { exported } : {}) }));
}
