/**
 * The exceljs shell: a WritePlan applied to a Workbook means what it means to the Office.js
 * shell, survives a save and a reload, and a worksheet reads back as Office.js would give it.
 */
import ExcelJS from "exceljs";
import { applyPlanToWorkbook, conditionalFormatsOf, XlsxApplyReport } from "../../src/cli/xlsx/apply-plan";
import { Checked, formatProblem, isProblems, Problems } from "../../src/core/problem/problem";
import { excelSerial, isCalculated, snapshotOf, snapshotsOf, UNCALCULATED } from "../../src/cli/xlsx/snapshot";
import { emptyPlan, STYLES, WritePlan } from "../../src/core/workpaper/write-plan";

async function reloaded(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const again = new ExcelJS.Workbook();
  await again.xlsx.load(await wb.xlsx.writeBuffer());
  return again;
}

const plan = (p: Partial<WritePlan>): WritePlan => ({ ...emptyPlan(), ...p });

/** The report of a plan that applied; fails the test with the problems of one that did not. */
function applied(r: Checked<XlsxApplyReport>): XlsxApplyReport {
  if (isProblems(r)) throw new Error(r.message);
  return r;
}

describe("applyPlanToWorkbook", () => {
  test("cells: formulas lose their '=', text stays text, null leaves the cell, '' empties it", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Ark");
    ws.getCell("C1").value = "brukerens";
    ws.getCell("C1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00FF00" } };
    ws.getCell("D1").value = "slettes";
    const report = applied(applyPlanToWorkbook(wb, plan({
      sheets: [{ name: "Ark", visibility: "visible" }],
      writes: [{ sheet: "Ark", address: "A1:E1", cells: [[{ formula: "=B1*2" }, "=SUM(B1)", null, "", 0.1387]], numberFormat: "0.00%", style: "input" }],
    })));
    expect([report.cellsWritten, report.cellsLeftAlone, report.sheetsCreated]).toEqual([4, 1, []]);
    const back = (await reloaded(wb)).getWorksheet("Ark")!;
    expect(back.getCell("A1").formula).toBe("B1*2");
    expect([back.getCell("B1").value, back.getCell("B1").formula]).toEqual(["=SUM(B1)", undefined]);
    expect(back.getCell("C1").value).toBe("brukerens");
    expect((back.getCell("C1").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FF00FF00");
    expect(back.getCell("C1").numFmt).toBeUndefined();
    expect(back.getCell("D1").value).toBeNull();
    expect([back.getCell("E1").value, back.getCell("E1").numFmt]).toEqual([0.1387, "0.00%"]);
    expect((back.getCell("E1").fill as ExcelJS.FillPattern).fgColor?.argb).toBe(`FF${STYLES.input.fill!.slice(1)}`);
  });

  test("sheets, very hidden state, widths, frozen rows, styles; names added, kept and repointed", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Finnes");
    wb.definedNames.add("'Finnes'!$A$1", "LONN_GAMMEL");
    wb.definedNames.add("'Finnes'!$B$2", "LONN_SAMME");
    const p = plan({
      sheets: [
        { name: "Ny ark", visibility: "visible", columnWidths: { A: 16, J: 40 }, freezeRows: 11 },
        { name: "_lonn", visibility: "veryHidden" },
      ],
      formats: [{ sheet: "Ny ark", address: "A1:B1", style: "header" }],
      names: [
        { name: "LONN_NY", sheet: "Ny ark", address: "D4" },
        { name: "lonn_gammel", sheet: "Ny ark", address: "B2:C3" },
        { name: "LONN_SAMME", sheet: "finnes", address: "B2" },
      ],
    });
    const report = applied(applyPlanToWorkbook(wb, p));
    expect([report.sheetsCreated, report.namesAdded, report.namesUpdated]).toEqual([["Ny ark", "_lonn"], ["LONN_NY"], ["lonn_gammel"]]);
    const back = await reloaded(wb);
    const ws = back.getWorksheet("Ny ark")!;
    expect([ws.getColumn("A").width, ws.getColumn("J").width]).toEqual([16, 40]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 11 });
    expect(back.getWorksheet("_lonn")!.state).toBe("veryHidden");
    expect(ws.getCell("A1").font).toMatchObject({ bold: true });
    expect(ws.getCell("B1").alignment).toMatchObject({ wrapText: true });
    const names = Object.fromEntries((back.definedNames.model as { name: string; ranges: string[] }[]).map((n) => [n.name, n.ranges]));
    expect(names).toEqual({
      LONN_NY: ["'Ny ark'!$D$4"],
      LONN_GAMMEL: ["'Ny ark'!$B$2:$C$3"],
      LONN_SAMME: ["Finnes!$B$2"],
    });
  });

  test("conditional formats: an expression rule per range; applying again replaces ours and keeps the user's", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Ark");
    ws.addConditionalFormatting({ ref: "A1:A5", rules: [{ type: "expression", priority: 1, formulae: ["A1>0"] }] });
    const p = plan({
      sheets: [{ name: "Ark", visibility: "visible" }],
      conditionalFormats: [
        { sheet: "Ark", address: "G12:J17", formula: 'AND(ABS(ROUND($G12,2))>LONN_TOLERANSE,$J12="")', style: "flag" },
        { sheet: "Ark", address: "Q12:Q17", formula: "=ABS($Q12)>1", style: "warning" },
      ],
    });
    applied(applyPlanToWorkbook(wb, p));
    applied(applyPlanToWorkbook(wb, p));
    const back = (await reloaded(wb)).getWorksheet("Ark")!;
    const cfs = conditionalFormatsOf(back);
    expect(cfs.map((c) => [c.ref, c.rules.map((r) => (r as ExcelJS.ExpressionRuleType).formulae?.[0])])).toEqual([
      ["A1:A5", ["A1>0"]],
      ["G12:J17", ['AND(ABS(ROUND($G12,2))>LONN_TOLERANSE,$J12="")']],
      ["Q12:Q17", ["ABS($Q12)>1"]],
    ]);
    expect((cfs[1].rules[0].style?.fill as ExcelJS.FillPattern).bgColor?.argb).toBe("FFF8D7DA");
  });

  test("a plan that cannot be applied whole changes nothing", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Ark");
    ws.getCell("A1").value = 1;
    const bad = plan({
      sheets: [{ name: "Ark", visibility: "visible" }],
      writes: [
        { sheet: "Ark", address: "A1", cells: [[2]] },
        { sheet: "Ark", address: "B1:C1", cells: [[1]] },
        { sheet: "Borte", address: "A1", cells: [[1]] },
      ],
    });
    const refused = applyPlanToWorkbook(wb, bad);
    expect(refused).toBeInstanceOf(Problems);
    expect((refused as Problems).heading).toBe("Skriveplanen kan ikke brukes:");
    expect((refused as Problems).list.map(formatProblem)).toEqual([
      "Ark!B1:C1: tabellen har ikke størrelsen 1×2",
      "Borte!A1: arket «Borte» finnes ikke, og planen oppretter det ikke",
    ]);
    expect(ws.getCell("A1").value).toBe(1);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Ark"]);
  });
});

describe("snapshotOf", () => {
  test("from A1 to the last used cell; formulas with '=' and their last value; dates as serials; rich text, links, errors, merges", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Ark");
    ws.getCell("B2").value = 12.5;
    ws.getCell("C2").value = { formula: "B2*2", result: 25 };
    ws.getCell("D2").value = { formula: "B2-12.5", result: 0 };
    ws.getCell("E2").value = { formula: "B2*3" };
    ws.getCell("A3").value = new Date(Date.UTC(2024, 1, 29));
    ws.getCell("B3").value = { richText: [{ text: "Ter" }, { text: "min 1", font: { bold: true } }] };
    ws.getCell("C3").value = { text: "DFØ", hyperlink: "https://dfo.no" };
    ws.getCell("D3").value = { error: "#N/A" };
    ws.getCell("E3").value = true;
    ws.getCell("A4").value = "flettet";
    ws.mergeCells("A4:B4");
    const s = snapshotOf((await reloaded(wb)).getWorksheet("Ark")!);
    expect(s.values).toEqual([
      ["", "", "", "", ""],
      ["", 12.5, 25, 0, ""],
      [45351, "Termin 1", "DFØ", "#N/A", true],
      ["flettet", "", "", "", ""],
    ]);
    expect(s.formulas).toEqual([
      ["", "", "", "", ""],
      ["", 12.5, "=B2*2", "=B2-12.5", "=B2*3"],
      [45351, "Termin 1", "DFØ", "#N/A", true],
      ["flettet", "", "", "", ""],
    ]);
  });

  test("a workbook no engine has calculated: formula cells say so instead of reading as empty", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Ark");
    ws.getCell("A1").value = { formula: "1+1" };
    ws.getCell("B1").value = 5;
    expect(isCalculated(wb)).toBe(false);
    expect(snapshotsOf(wb, ["ark"]).get("ark")?.values).toEqual([[UNCALCULATED, 5]]);
    ws.getCell("C1").value = { formula: "B1*2", result: 10 };
    expect(isCalculated(wb)).toBe(true);
    expect(snapshotsOf(wb, ["Ark"]).get("Ark")?.values).toEqual([["", 5, 10]]);
  });

  test("Excel serials in both date systems", () => {
    expect(excelSerial(new Date(Date.UTC(1900, 2, 1)))).toBe(61);
    expect(excelSerial(new Date(Date.UTC(2024, 0, 1, 12)))).toBe(45292.5);
    expect(excelSerial(new Date(Date.UTC(2024, 0, 1)), true)).toBe(45292 - 1462);
  });

  test("an empty sheet is empty grids", () => {
    const wb = new ExcelJS.Workbook();
    expect(snapshotOf(wb.addWorksheet("Tom"))).toEqual({ name: "Tom", values: [], formulas: [] });
  });
});
