/**
 * Merged cells in the template area (finding 1), the CLI on a real .xlsx: exceljs writes every
 * cell of a merged area through to its top-left one, so a fill used to replace the explanation in
 * J12:J13 with another termin's text, put C12's amount in B12 and overwrite G12's formula, with
 * exit 0. Now the fill is refused, each merged area named at its cell, and nothing is written.
 */
import ExcelJS from "exceljs";
import { existsSync, readFileSync, rmSync } from "fs";
import { join } from "path";
import { applyPlanToWorkbook } from "../../src/cli/xlsx/apply-plan";
import { mergesOf, snapshotOf } from "../../src/cli/xlsx/snapshot";
import { isProblems } from "../../src/core/problem/problem";
import { mergeProblems } from "../../src/core/workpaper/plan-check";
import { emptyPlan } from "../../src/core/workpaper/write-plan";
import { BRUTTO, cellsOf, lonn, tempDir } from "./helpers";

const dir = tempDir("lonn-hostile-merge-");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SHEET = "A10 SPK brutto";

jest.setTimeout(60_000);

/** Our filled template, then the user merges J12:J13 (with an explanation), B12:C12 and G12:H12, as Excel keeps a merge: the top-left's content. */
async function mergedBook(name: string): Promise<string> {
  const path = join(dir, name);
  expect((await lonn("avstem", BRUTTO, "--xlsx", path)).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet(SHEET)!;
  for (const a of ["J13", "C12", "H12"]) ws.getCell(a).value = null;
  ws.getCell("J12").value = "Forklart i møte med DFØ 12.03";
  ws.mergeCells("J12:J13");
  ws.mergeCells("B12:C12");
  ws.mergeCells("G12:H12");
  await wb.xlsx.writeFile(path);
  return path;
}

describe("lonn avstem --xlsx into a workbook with merged cells in the template", () => {
  test("the fill is refused, each merged area named at its sheet and cell; the workbook and the other outputs are not written", async () => {
    const path = await mergedBook("flettet.xlsx");
    const before = readFileSync(path);
    const csv = join(dir, "flettet.csv");
    const r = await lonn("avstem", BRUTTO, "--xlsx", path, "--csv", csv, "--eksporter-uforklart");
    expect(r.code).toBe(1);
    const advice = "og i sammenslåtte celler ville én verdi erstatte en annen eller forsvinne. Opphev sammenslåingen av cellene (Slå sammen og midtstill) og prøv igjen. Ingenting er skrevet.";
    expect(r.err.trim().split("\n")).toEqual([
      // B12 already holds the scenario's amount; C12 reads as empty inside the merge and is written.
      `'${SHEET}'!B12:C12: Cellene B12:C12 er slått sammen; planen skriver i C12, ${advice}`,
      `'${SHEET}'!G12:H12: Cellene G12:H12 er slått sammen; planen skriver i H12, ${advice}`,
      `'${SHEET}'!J12:J13: Cellene J12:J13 er slått sammen; planen skriver i J13, ${advice}`,
    ]);
    expect(readFileSync(path)).toEqual(before);
    expect(existsSync(csv)).toBe(false);
    // The explanation, the amount and the formula are as the user left them.
    const cells = await cellsOf(path);
    expect(cells.get(`${SHEET}!J12`)).toBe("Forklart i møte med DFØ 12.03");
    expect(cells.get(`${SHEET}!B12`)).toBe(100000);
    expect(cells.get(`${SHEET}!G12`)).toBe('=IF(AND(COUNT(B12:C12)>0,COUNT(D12:F12)>0),B12-D12,"")');
  });

  test("filling the workbook in place (BOOK.xlsx --xlsx BOOK.xlsx) is refused the same way", async () => {
    const path = await mergedBook("flettet-selv.xlsx");
    const before = readFileSync(path);
    const r = await lonn("avstem", path, "--xlsx", path);
    expect(r.code).toBe(1);
    // Read from the workbook itself, C12 (inside B12:C12) reads as empty and is written as 0.
    expect(r.err).toContain(`'${SHEET}'!B12:C12: Cellene B12:C12 er slått sammen; planen skriver i C12,`);
    expect(readFileSync(path)).toEqual(before);
  });

  test("merges elsewhere on the sheet (outside every cell the plan writes) do not stop the fill", async () => {
    const path = join(dir, "flettet-utenfor.xlsx");
    expect((await lonn("avstem", BRUTTO, "--xlsx", path)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    wb.getWorksheet(SHEET)!.mergeCells("Y1:Z3");
    await wb.xlsx.writeFile(path);
    expect((await lonn("avstem", BRUTTO, "--xlsx", path)).code).toBe(0);
  });
});

describe("the exceljs shell's pieces", () => {
  test("snapshotOf and mergesOf give the merged areas as A1 ranges; none gives no field", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Ark");
    ws.getCell("A1").value = 1;
    expect(snapshotOf(ws)).toEqual({ name: "Ark", values: [[1]], formulas: [[1]] });
    ws.mergeCells("B2:C3");
    ws.mergeCells("AA10:AA11");
    expect(mergesOf(ws)).toEqual(["B2:C3", "AA10:AA11"]);
    expect(snapshotOf(ws).merges).toEqual(["B2:C3", "AA10:AA11"]);
  });

  test("applyPlanToWorkbook refuses a plan writing into a merged area on any sheet, changing nothing; a null over it is fine", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Ark");
    ws.getCell("A1").value = "behold";
    ws.mergeCells("A1:B1");
    const plan = { ...emptyPlan(), writes: [{ sheet: "ark", address: "A1:B2", cells: [[null, "x"], [1, 2]] }] };
    const r = applyPlanToWorkbook(wb, plan);
    expect(isProblems(r) && r.list.map((p) => [p.sheet, p.cell])).toEqual([["Ark", "A1:B1"]]);
    expect([ws.getCell("A1").value, ws.getCell("A2").value]).toEqual(["behold", null]);
    const around = { ...emptyPlan(), writes: [{ sheet: "Ark", address: "A1:B2", cells: [[null, null], [1, 2]] }] };
    expect(isProblems(applyPlanToWorkbook(wb, around))).toBe(false);
    expect(ws.getCell("B2").value).toBe(2);
  });

  test("mergeProblems: one problem per area, however many writes touch it; other sheets and case", () => {
    const plan = {
      ...emptyPlan(),
      writes: [
        { sheet: "ark", address: "J12", cells: [["a"]] },
        { sheet: "Ark", address: "J13:K13", cells: [["b", "c"]] },
        { sheet: "Annet", address: "J12", cells: [["d"]] },
      ],
    };
    const list = mergeProblems(plan, [{ name: "Ark", values: [], formulas: [], merges: ["$J$12:$J$13"] }, undefined]);
    expect(list).toEqual([
      { sheet: "Ark", cell: "J12:J13", message: expect.stringMatching(/^Cellene J12:J13 er slått sammen; planen skriver i J12 og J13, /) },
    ]);
  });
});
