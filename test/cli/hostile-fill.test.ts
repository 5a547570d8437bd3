/**
 * A fill on an existing sheet keeps the user's fill colours (finding 15, the CLI): regenerating
 * Korreksjonsbilag restyled its formula cells and sum rows with our grey and green, over a colour
 * the accountant had set. Now a cell with a fill of the user's keeps it; a cell with none, or one
 * of ours, gets ours as before; a new sheet gets our look.
 */
import ExcelJS from "exceljs";
import { rmSync } from "fs";
import { join } from "path";
import { applyPlanToWorkbook, hasUserFill } from "../../src/cli/xlsx/apply-plan";
import { emptyPlan, STYLES } from "../../src/core/workpaper/write-plan";
import { BRUTTO, lonn, tempDir } from "./helpers";

const dir = tempDir("lonn-hostile-fill-");
afterAll(() => rmSync(dir, { recursive: true, force: true }));
jest.setTimeout(60_000);

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;
const fillOf = (c: ExcelJS.Cell) => (c.fill as ExcelJS.FillPattern | undefined)?.fgColor;
/** As Excel sets a fill: on this cell only (exceljs shares one style object between cells of the same format). */
const setFill = (c: ExcelJS.Cell, fill: ExcelJS.Fill) => {
  c.style = { ...c.style, fill };
};

describe("lonn avstem --xlsx again: the user's fills on Korreksjonsbilag stay", () => {
  test("a red formula cell and a yellow sum cell keep their colour; the other styled cells keep ours", async () => {
    const book = join(dir, "farger.xlsx");
    expect((await lonn("avstem", BRUTTO, "--xlsx", book)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    const ws = wb.getWorksheet("Korreksjonsbilag")!;
    expect(fillOf(ws.getCell("H4"))?.argb).toBe(argb(STYLES.formula.fill!));
    setFill(ws.getCell("H4"), { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } });
    setFill(ws.getCell("J8"), { type: "pattern", pattern: "solid", fgColor: { theme: 7 } });
    await wb.xlsx.writeFile(book);

    expect((await lonn("avstem", BRUTTO, "--xlsx", book)).code).toBe(0);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(book);
    const after = back.getWorksheet("Korreksjonsbilag")!;
    expect(fillOf(after.getCell("H4"))?.argb).toBe("FFFF0000");
    expect(fillOf(after.getCell("J8"))).toMatchObject({ theme: 7 });
    expect(after.getCell("H4").formula).toBe("IF(J4>0,J4,0)");
    expect(fillOf(after.getCell("I4"))?.argb).toBe(argb(STYLES.formula.fill!));
    expect(fillOf(after.getCell("H8"))?.argb).toBe(argb(STYLES.sum.fill!));
    expect(after.getCell("H8").font?.bold).toBe(true);
  });
});

describe("applyPlanToWorkbook", () => {
  test("a format on one cell of a read workbook does not spread to cells that shared its style (exceljs shares one object)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Ark");
    const other = wb.addWorksheet("Mine tall");
    for (const c of [ws.getCell("A1"), ws.getCell("B1"), other.getCell("C3")]) {
      c.value = 1;
      c.numFmt = "0.0";
    }
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(await wb.xlsx.writeBuffer());
    const plan = { ...emptyPlan(), writes: [{ sheet: "Ark", address: "A1", cells: [[2]], numberFormat: "0.00%", style: "input" as const }] };
    applyPlanToWorkbook(read, plan);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await read.xlsx.writeBuffer());
    expect(back.getWorksheet("Ark")!.getCell("A1").numFmt).toBe("0.00%");
    expect([back.getWorksheet("Ark")!.getCell("B1").numFmt, fillOf(back.getWorksheet("Ark")!.getCell("B1"))]).toEqual(["0.0", undefined]);
    expect([back.getWorksheet("Mine tall")!.getCell("C3").numFmt, fillOf(back.getWorksheet("Mine tall")!.getCell("C3"))]).toEqual(["0.0", undefined]);
  });

  test("an existing sheet: a user's fill stays (the rest of the style is applied); no fill or ours gets ours; a new sheet gets ours", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Finnes");
    ws.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } };
    ws.getCell("B1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(STYLES.input.fill!) } };
    ws.getCell("C1").fill = { type: "pattern", pattern: "none" };
    const plan = {
      ...emptyPlan(),
      sheets: [{ name: "Ny", visibility: "visible" as const }],
      formats: [{ sheet: "Finnes", address: "A1:D1", style: "sum" as const }],
      writes: [
        { sheet: "Finnes", address: "A2", cells: [[1]], style: "formula" as const },
        { sheet: "Ny", address: "A1", cells: [[1]], style: "formula" as const },
      ],
    };
    ws.getCell("A2").fill = { type: "gradient", gradient: "angle", degree: 0, stops: [{ position: 0, color: { argb: "FF0000FF" } }, { position: 1, color: { argb: "FFFFFFFF" } }] };
    applyPlanToWorkbook(wb, plan);
    expect(fillOf(ws.getCell("A1"))?.argb).toBe("FF00B050");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    for (const a of ["B1", "C1", "D1"]) expect([a, fillOf(ws.getCell(a))?.argb]).toEqual([a, argb(STYLES.sum.fill!)]);
    expect((ws.getCell("A2").fill as ExcelJS.FillGradientAngle).type).toBe("gradient");
    expect(fillOf(wb.getWorksheet("Ny")!.getCell("A1"))?.argb).toBe(argb(STYLES.formula.fill!));
  });

  test("hasUserFill: none and ours are not the user's; any other solid, pattern, theme or gradient fill is", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("A");
    const cell = (fill?: ExcelJS.Fill) => {
      const c = ws.getCell(`A${ws.rowCount + 1}`);
      if (fill) c.fill = fill;
      return hasUserFill(c);
    };
    expect(cell()).toBe(false);
    expect(cell({ type: "pattern", pattern: "none" })).toBe(false);
    expect(cell({ type: "pattern", pattern: "solid", fgColor: { argb: argb(STYLES.header.fill!) } })).toBe(false);
    expect(cell({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } })).toBe(true);
    expect(cell({ type: "pattern", pattern: "darkGray", fgColor: { argb: argb(STYLES.header.fill!) } })).toBe(true);
    expect(cell({ type: "pattern", pattern: "solid", fgColor: { theme: 4 } })).toBe(true);
  });
});
