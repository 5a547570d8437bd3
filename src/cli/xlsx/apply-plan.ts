/**
 * Applies a WritePlan to an exceljs Workbook: the CLI's counterpart of the Office.js shell
 * (`src/excel/apply-plan.ts`), with the same meaning for every part of the plan, so the .xlsx the
 * CLI writes (and LibreOffice recalculates in the tests) is what Excel gets from the task pane.
 *
 * - Sheets the workbook lacks are added at the end; `veryHidden` is set on new and existing ones.
 * - Column widths and frozen rows are set every time (as the Office.js shell does).
 * - Formats, then each write's own format and style, go only on the cells the write does not
 *   leave null: a cell left alone keeps its look as well as its content. On a sheet that existed
 *   before, a fill the user set on a cell stays (DESIGN §4, an existing sheet is respected): the
 *   plan's fill goes only where the cell has none, or one of ours.
 * - A `{formula}` cell becomes an exceljs formula without the leading "="; a string is always a
 *   string, also when it starts with "="; "" empties the cell; null leaves it exactly as it is.
 * - Names are workbook-scoped; the last spec of a name wins; an existing name is repointed only
 *   when it points elsewhere.
 * - Conditional formats: ours replace any format on exactly the same range, so applying the
 *   plan again does not stack copies. (Office's `clearAll` also clips formats that merely overlap
 *   the range; a format of the user's on a wider range is left whole here.)
 * - A sheet's print setup (`print`) is set whole every time it is given (print.ts); without it the
 *   sheet's own stays.
 *
 * Everything is checked before the workbook is touched: a plan that cannot be applied whole
 * (including one that would write into merged cells) is refused with its problems (the checks
 * both shells share) and changes nothing.
 */
import type ExcelJS from "exceljs";
import { absoluteAddress, parseRange, RangeRef } from "../../core/sheet/a1";
import { sameSheetAddress, sheetAddress } from "../../core/sheet/reference";
import { Checked, Problem, Problems } from "../../core/problem/problem";
import { mergeProblems, planProblems, unknownSheetProblems } from "../../core/workpaper/plan-check";
import { AppliedPlan, Cell, CONDITIONAL_STYLES, isFormula, StyleName, STYLES, WritePlan } from "../../core/workpaper/write-plan";
import { mergesOf } from "./snapshot";
import { applyStyle, conditionalStyle } from "./styles";
import { findSheet } from "./workbook";
import { applyPrint } from "./print";
import type { PlanNotice } from "../../core/workpaper/write-plan";
import { append, maxOf } from "../../core/list";

/** The exceljs shell reports exactly what the Office.js shell does, less the syncs. */
export type XlsxApplyReport = AppliedPlan;

/**
 * The shared plan check, plus the sheets this workbook lacks and the merged areas the plan would
 * write into (read from the workbook itself, every sheet the plan writes, whatever was snapshotted).
 */
function problemsOf(wb: ExcelJS.Workbook, plan: WritePlan): Problem[] {
  const written = new Set(plan.writes.map((w) => w.sheet.toLowerCase()));
  const merges = wb.worksheets.filter((ws) => written.has(ws.name.toLowerCase())).map((ws) => ({ name: ws.name, values: [], formulas: [], merges: mergesOf(ws) }));
  return [...planProblems(plan), ...unknownSheetProblems(plan, wb.worksheets.map((ws) => ws.name)), ...mergeProblems(plan, merges)];
}

/** Each cell of a range, created if need be. */
function eachCell(ws: ExcelJS.Worksheet, range: RangeRef, fn: (cell: ExcelJS.Cell) => void): void {
  for (let r = range.start.row; r <= range.end.row; r++) {
    const row = ws.getRow(r + 1);
    for (let c = range.start.col; c <= range.end.col; c++) fn(row.getCell(c + 1));
  }
}

/** Our fills as exceljs stores them (ARGB): a cell with one of them has no fill of the user's. */
const OUR_FILLS = new Set(Object.values(STYLES).flatMap((s) => (s.fill ? [`FF${s.fill.slice(1).toUpperCase()}`] : [])));

/** Whether the cell has a fill someone other than lonn set: any fill that is not none and not one of our solid fills. */
export function hasUserFill(cell: ExcelJS.Cell): boolean {
  const fill = cell.fill as ExcelJS.Fill | undefined;
  if (!fill) return false;
  if (fill.type === "pattern") {
    if (fill.pattern === "none") return false;
    const argb = fill.fgColor?.argb?.toUpperCase();
    return !(fill.pattern === "solid" && argb !== undefined && OUR_FILLS.has(argb));
  }
  return true;
}

/**
 * `respectFill`: the cell is on a sheet that existed before the plan, so a fill of the user's stays.
 * A workbook exceljs read shares one style object between all cells (of every sheet) with the same
 * format, and `cell.numFmt = …` or `cell.fill = …` change that object: so the cell first gets a
 * copy of its own, or the plan's format would spread to cells it leaves alone.
 */
function formatCell(cell: ExcelJS.Cell, numberFormat: string | undefined, style: StyleName | undefined, respectFill: boolean): void {
  if (numberFormat === undefined && style === undefined) return;
  cell.style = { ...cell.style };
  if (numberFormat !== undefined) cell.numFmt = numberFormat;
  if (style === undefined) return;
  const spec = STYLES[style];
  applyStyle(cell, respectFill && spec.fill !== undefined && hasUserFill(cell) ? { ...spec, fill: undefined } : spec);
}

function writeCell(cell: ExcelJS.Cell, value: Exclude<Cell, null>): void {
  if (isFormula(value)) cell.value = { formula: value.formula.replace(/^=/, ""), ...(value.value !== undefined ? { result: value.value } : {}) } as ExcelJS.CellFormulaValue;
  else if (value === "") cell.value = null;
  else cell.value = value;
}

/** "'A10 SPK brutto'!$D$4:$E$5", as exceljs's names want it. */
const nameLocation = (sheet: string, address: string): string => sheetAddress(sheet, absoluteAddress(address));

/** A name's ranges compared without quotes, $ and case. */
function sameRanges(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => sameSheetAddress(x, b[i]));
}

/** The sheet's conditional formats (exceljs keeps them in a field its typings do not declare). */
export function conditionalFormatsOf(ws: ExcelJS.Worksheet): readonly ExcelJS.ConditionalFormattingOptions[] {
  return (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings ?? [];
}

export function applyPlanToWorkbook(wb: ExcelJS.Workbook, plan: WritePlan): Checked<XlsxApplyReport> {
  const problems = problemsOf(wb, plan);
  if (problems.length > 0) return new Problems(problems, "Skriveplanen kan ikke brukes:");
  const printNotices: PlanNotice[] = [];

  const sheetsCreated: string[] = [];
  for (const spec of plan.sheets) {
    const existing = findSheet(wb, spec.name);
    if (!existing) {
      wb.addWorksheet(spec.name, { state: spec.visibility === "veryHidden" ? "veryHidden" : "visible" });
      sheetsCreated.push(spec.name);
    } else if (spec.visibility === "veryHidden") {
      existing.state = "veryHidden";
    }
  }
  const sheet = (name: string) => findSheet(wb, name) as ExcelJS.Worksheet;
  const created = new Set(sheetsCreated.map((n) => n.toLowerCase()));
  const existed = (name: string) => !created.has(name.toLowerCase());

  for (const spec of plan.sheets) {
    const ws = sheet(spec.name);
    for (const [col, width] of Object.entries(spec.columnWidths ?? {})) ws.getColumn(col).width = width;
    if (spec.freezeRows !== undefined) {
      const n = spec.freezeRows;
      ws.views = [{ ...(ws.views?.[0] ?? {}), state: "frozen", xSplit: 0, ySplit: n, topLeftCell: `A${n + 1}` } as ExcelJS.WorksheetView];
    }
    if (spec.print) append(printNotices, applyPrint(ws, spec.print));
  }

  for (const f of plan.formats) {
    if (f.numberFormat === undefined && f.style === undefined) continue;
    const respect = existed(f.sheet);
    eachCell(sheet(f.sheet), parseRange(f.address), (cell) => formatCell(cell, f.numberFormat, f.style, respect));
  }

  let cellsWritten = 0;
  let cellsLeftAlone = 0;
  for (const w of plan.writes) {
    const ws = sheet(w.sheet);
    const respect = existed(w.sheet);
    const { start } = parseRange(w.address);
    w.cells.forEach((line, i) => {
      const row = ws.getRow(start.row + i + 1);
      line.forEach((value, j) => {
        if (value === null) {
          cellsLeftAlone++;
          return;
        }
        const cell = row.getCell(start.col + j + 1);
        formatCell(cell, w.numberFormat, w.style, respect);
        writeCell(cell, value);
        cellsWritten++;
      });
    });
  }

  // Core's results for formulas already in place: the cached value readers see before recalculating.
  for (const r of plan.results ?? []) {
    const cell = sheet(r.sheet).getCell(r.address);
    const current = cell.value;
    if (current && typeof current === "object" && ("formula" in current || "sharedFormula" in current)) {
      cell.value = { ...current, result: r.value } as ExcelJS.CellValue;
    }
  }

  const namesAdded: string[] = [];
  const namesUpdated: string[] = [];
  const wanted = new Map(plan.names.map((n) => [n.name.toLowerCase(), n]));
  if (wanted.size > 0) {
    const model = wb.definedNames.model as { name: string; ranges: string[] }[];
    const kept = model.filter((m) => !wanted.has(m.name.toLowerCase()));
    const next = [...kept];
    for (const [key, n] of wanted) {
      const location = nameLocation(sheet(n.sheet).name, n.address);
      const before = model.find((m) => m.name.toLowerCase() === key);
      if (before && sameRanges(before.ranges, [location])) {
        next.push(before);
        continue;
      }
      (before ? namesUpdated : namesAdded).push(n.name);
      next.push({ name: before?.name ?? n.name, ranges: [location] });
    }
    wb.definedNames.model = next;
  }

  const replaced = new Set(plan.conditionalFormats.map((c) => `${sheet(c.sheet).name}!${c.address.toUpperCase()}`));
  for (const ws of new Set(plan.conditionalFormats.map((c) => sheet(c.sheet)))) {
    ws.removeConditionalFormatting((cf: ExcelJS.ConditionalFormattingOptions) => !replaced.has(`${ws.name}!${String(cf.ref).toUpperCase()}`));
  }
  for (const c of plan.conditionalFormats) {
    const ws = sheet(c.sheet);
    const priority = maxOf(conditionalFormatsOf(ws).flatMap((cf) => cf.rules.map((r) => r.priority ?? 0)), 0) + 1;
    ws.addConditionalFormatting({
      ref: c.address,
      rules: [{ type: "expression", priority, formulae: [c.formula.replace(/^=/, "")], style: conditionalStyle(CONDITIONAL_STYLES[c.style]) }],
    });
  }

  return {
    sheetsCreated,
    cellsWritten,
    cellsLeftAlone,
    namesAdded,
    namesUpdated,
    conditionalFormats: plan.conditionalFormats.length,
    leftAlone: plan.leftAlone,
    notices: [...(plan.notices ?? []), ...printNotices],
  };
}
