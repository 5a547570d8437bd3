/**
 * A WritePlan as an .xlsx through the CLI's exceljs shell, and recalculated cells read back: for
 * tests that hand the template to LibreOffice. One applier for the CLI and its tests.
 */
import ExcelJS from "exceljs";
import { applyPlanToWorkbook } from "../../src/cli/xlsx/apply-plan";
import { WritePlan } from "../../src/core/workpaper/write-plan";

export function planToWorkbook(plan: WritePlan): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  applyPlanToWorkbook(wb, plan);
  return wb;
}

/**
 * A cell's value; for a formula its recalculated result. exceljs drops a cached result of 0
 * (LibreOffice writes <v>0</v>, exceljs reads no result), so a formula without one reads as 0.
 */
export function recalculatedValue(ws: ExcelJS.Worksheet, address: string): unknown {
  const v = ws.getCell(address).value as unknown;
  if (v && typeof v === "object" && "formula" in (v as object)) return (v as { result?: unknown }).result ?? 0;
  return v;
}
