/**
 * Every output file of a run, as bytes, or every problem with them; nothing is written here. The
 * CSV is UTF-8 (its text carries the byte-order mark); GL07 is single-byte Latin-1, as Unit4 reads it.
 */
import ExcelJS from "exceljs";
import { Checked, isProblems, ProblemList } from "../core/problem/problem";
import { SHEET_NAMES } from "../core/spk/sheet/layout";
import { planSpkWorkbook, reconciliationSheetOf, spkExportSettings, SpkRun, spkSheetsToRead } from "../core/usecase/spk";
import { toCsv } from "../core/voucher/csv";
import { GL07_ENCODING, toGl07 } from "../core/voucher/gl07";
import { readSettings, SETTINGS_SHEET } from "../core/workpaper/settings";
import { OutputFile } from "./files";
import { applyPlanToWorkbook, XlsxApplyReport } from "./xlsx/apply-plan";
import { snapshotsOf } from "./xlsx/snapshot";
import { partsLostOnSave, workbookBytes } from "./xlsx/workbook";

export interface OutputOptions {
  readonly xlsx?: string;
  readonly csv?: string;
  readonly gl07?: string;
  readonly desimaltegn?: "," | ".";
  /** The workbook to fill for `xlsx`: the input workbook or an existing file; default a new one. */
  readonly workbook?: () => Promise<Checked<ExcelJS.Workbook>>;
}

export interface Outputs {
  readonly files: readonly OutputFile[];
  /** What applying the plan did to the workbook (with `xlsx`). */
  readonly sheet?: XlsxApplyReport;
}

/** The reconciliation sheet of a workbook: the one `_lonn` names, else DFØ's tab name for the kind. */
function reconciliationSheetIn(wb: ExcelJS.Workbook, run: SpkRun): string {
  const { oppsett, sheet } = run.inputs;
  if (sheet) return sheet;
  const stored = readSettings(snapshotsOf(wb, [SETTINGS_SHEET]).get(SETTINGS_SHEET));
  const found = reconciliationSheetOf(wb.worksheets.map((ws) => ws.name), isProblems(stored) ? undefined : stored, oppsett.budsjettering);
  return found ?? SHEET_NAMES[oppsett.budsjettering];
}

export async function buildOutputs(run: SpkRun, options: OutputOptions): Promise<Checked<Outputs>> {
  const problems = new ProblemList();
  const files: OutputFile[] = [];
  const settings = spkExportSettings(run.inputs.oppsett);
  if (options.csv) {
    const csv = toCsv(run.bilag, settings, options.desimaltegn ? { desimaltegn: options.desimaltegn } : {});
    if (isProblems(csv)) problems.addAll(csv, { file: "CSV" });
    else files.push({ type: "csv", path: options.csv, content: Buffer.from(csv, "utf8") });
  }
  if (options.gl07) {
    const gl07 = toGl07(run.bilag, settings);
    if (isProblems(gl07)) problems.addAll(gl07, { file: "GL07" });
    else files.push({ type: "gl07", path: options.gl07, content: Buffer.from(gl07, GL07_ENCODING) });
  }
  let sheet: XlsxApplyReport | undefined;
  if (options.xlsx) {
    const wb = options.workbook ? await options.workbook() : new ExcelJS.Workbook();
    const lost = isProblems(wb) ? [] : partsLostOnSave(wb);
    if (isProblems(wb)) problems.addAll(wb);
    else if (lost.length > 0) {
      problems.add(
        `Arbeidsboken har ${lost.join(", ")}, som lonn ikke kan ta vare på når den skriver .xlsx-filen. ` +
          "Fyll den i Excel med tillegget; lonn kan fortsatt lese den og skrive bilagsfilene (--csv, --gl07) uten --xlsx.",
      );
    } else {
      const name = reconciliationSheetIn(wb, run);
      const snaps = snapshotsOf(wb, spkSheetsToRead(name));
      const plan = planSpkWorkbook(run, name, (s) => snaps.get(s));
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
  }
  return problems.result(() => ({ files, ...(sheet ? { sheet } : {}) }));
}
