/**
 * The exceljs shell's print setup: what `SheetSpec.print` becomes in the .xlsx (the XML Excel and
 * LibreOffice read), that exceljs reads it back, and that a second run neither loses nor doubles it.
 */
import ExcelJS from "exceljs";
import { applyPlanToWorkbook } from "../../src/cli/xlsx/apply-plan";
import { zipMap } from "../support/zip";

/** A part of the package as text (undefined when it is not there). */
const partText = (zip: Buffer, name: string): string | undefined => zipMap(zip).get(name)?.toString("utf8");
import { workbookBytes } from "../../src/cli/xlsx/workbook";
import { isProblems } from "../../src/core/problem/problem";
import { standardPrint } from "../../src/core/workpaper/print";
import { emptyPlan, WritePlan } from "../../src/core/workpaper/write-plan";

const PRINT = standardPrint({ virksomhet: "Bygg & Anlegg AS", aar: 2024 }, { first: 1, last: 11 });

const plan: WritePlan = {
  ...emptyPlan(),
  sheets: [
    // First, so the sheets with print titles are not sheet 0: the name's localSheetId must follow.
    { name: "_lonn", visibility: "veryHidden" },
    { name: "A10 SPK brutto", visibility: "visible", print: PRINT },
    { name: "Korreksjonsbilag", visibility: "visible", print: standardPrint({ virksomhet: "Bygg & Anlegg AS", aar: 2024 }, { first: 3, last: 3 }) },
  ],
  writes: [{ sheet: "A10 SPK brutto", address: "A1", cells: [["Tittel"]] }],
  names: [{ name: "LONN_AAR", sheet: "A10 SPK brutto", address: "A4" }],
};

function apply(wb: ExcelJS.Workbook, p: WritePlan): void {
  const r = applyPlanToWorkbook(wb, p);
  if (isProblems(r)) throw new Error(r.message);
}

async function written(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return wb;
}

/** The sheet part of the n-th sheet (exceljs writes them in order as sheet1.xml, sheet2.xml, …). */
const sheetXml = (zip: Buffer, n: number): string => partText(zip, `xl/worksheets/sheet${n}.xml`) ?? "";

const printNames = (workbookXml: string): string[] =>
  [...workbookXml.matchAll(/<definedName name="_xlnm\.Print_Titles"[^>]*>[^<]*<\/definedName>/g)].map((m) => m[0]);

describe("print setup in the .xlsx", () => {
  test("A4 landscape, fit to one page wide, print titles as a sheet-local name, header and footer with Excel's codes", async () => {
    const wb = new ExcelJS.Workbook();
    apply(wb, plan);
    const zip = await written(wb);
    const a10 = sheetXml(zip, 2);
    expect(a10).toMatch(/<sheetPr[^>]*>\s*<pageSetUpPr fitToPage="1"\/>/);
    const setup = a10.match(/<pageSetup [^>]*\/>/)?.[0] ?? "";
    expect(setup).toContain('paperSize="9"');
    expect(setup).toContain('orientation="landscape"');
    expect(setup).toContain('fitToWidth="1"');
    expect(setup).toContain('fitToHeight="0"');
    expect(a10).toContain("<oddHeader>&amp;LBygg &amp;&amp; Anlegg AS&amp;C&amp;A&amp;RÅr 2024</oddHeader>");
    expect(a10).toContain("<oddFooter>&amp;LSkrevet ut &amp;D&amp;CSide &amp;P av &amp;N</oddFooter>");
    expect(a10).not.toMatch(/differentFirst="1"|differentOddEven="1"/);
    // Each sheet's own title rows, on the sheet's index in <sheets> (_lonn is 0).
    expect(printNames(partText(zip, "xl/workbook.xml") ?? "")).toEqual([
      `<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;A10 SPK brutto&apos;!$1:$11</definedName>`,
      `<definedName name="_xlnm.Print_Titles" localSheetId="2">&apos;Korreksjonsbilag&apos;!$3:$3</definedName>`,
    ]);
    // The hidden settings sheet has no print setup of ours.
    expect(sheetXml(zip, 1)).not.toContain("fitToPage");
  });

  test("exceljs reads it back, and a second run keeps one setup and one title name per sheet", async () => {
    const first = new ExcelJS.Workbook();
    apply(first, plan);
    const again = await load(await written(first));
    const ws = again.getWorksheet("A10 SPK brutto")!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:11" });
    expect(ws.headerFooter).toMatchObject({ oddHeader: "&LBygg && Anlegg AS&C&A&RÅr 2024", oddFooter: "&LSkrevet ut &D&CSide &P av &N" });
    // The workbook's own names do not include print titles, so the plan's names never drop or copy them.
    expect((again.definedNames.model as { name: string }[]).map((n) => n.name)).toEqual(["LONN_AAR"]);

    apply(again, plan);
    const zip = await written(again);
    expect(printNames(partText(zip, "xl/workbook.xml") ?? "")).toHaveLength(2);
    const back = await load(zip);
    expect(back.getWorksheet("Korreksjonsbilag")!.pageSetup).toMatchObject({ printTitlesRow: "3:3", fitToPage: true, orientation: "landscape" });
  });

  test("a sheet whose spec has no print setup keeps the user's", async () => {
    const wb = new ExcelJS.Workbook();
    const own = wb.addWorksheet("Egen");
    own.pageSetup.orientation = "portrait";
    own.pageSetup.paperSize = 5 as ExcelJS.PaperSize;
    own.headerFooter.oddHeader = "&CMin egen";
    apply(wb, { ...emptyPlan(), sheets: [{ name: "Egen", visibility: "visible" }], writes: [{ sheet: "Egen", address: "B2", cells: [[1]] }] });
    const back = (await load(await written(wb))).getWorksheet("Egen")!;
    expect(back.pageSetup).toMatchObject({ orientation: "portrait", paperSize: 5, fitToPage: false });
    expect(back.headerFooter.oddHeader).toBe("&CMin egen");
  });

  test("on a sheet whose name has an apostrophe the title rows are left out and said so (exceljs would write a broken name)", async () => {
    const wb = new ExcelJS.Workbook();
    const r = applyPlanToWorkbook(wb, { ...emptyPlan(), sheets: [{ name: "Kari's A10", visibility: "visible", print: PRINT }] });
    if (isProblems(r)) throw new Error(r.message);
    expect(r.notices).toEqual([{
      sheet: "Kari's A10",
      address: "A1",
      message: "Utskriftstitlene (rad 1–11) er ikke satt, fordi arknavnet har en apostrof. Gi arket et navn uten apostrof, eller sett dem under Sideoppsett > Utskriftstitler.",
    }]);
    const zip = await written(wb);
    expect(printNames(partText(zip, "xl/workbook.xml") ?? "")).toEqual([]);
    expect(sheetXml(zip, 1)).toContain('orientation="landscape"');
  });

  test("a workbook read and saved again keeps Auto page numbers (exceljs would set every sheet's first page to 1), and a real first page number", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Auto").getCell("A1").value = 1;
    const own = wb.addWorksheet("Fra side 3");
    own.pageSetup.firstPageNumber = 3;
    const again = await load(await written(wb));
    expect(again.getWorksheet("Auto")!.pageSetup.firstPageNumber).toBe(1);
    const zip = await workbookBytes(again);
    expect(sheetXml(zip, 1)).not.toMatch(/firstPageNumber|useFirstPageNumber/);
    expect(sheetXml(zip, 2)).toMatch(/firstPageNumber="3" useFirstPageNumber="1"/);
  });

  test("a plan with a bad print setup is refused whole, and the workbook is not touched", () => {
    const wb = new ExcelJS.Workbook();
    const r = applyPlanToWorkbook(wb, { ...plan, sheets: [{ name: "Ark", visibility: "visible", print: { ...PRINT, titleRows: { first: 4, last: 2 } } }], writes: [], names: [] });
    expect(isProblems(r) && r.list.map((p) => `${p.sheet}: ${p.message}`)).toEqual(["Ark: utskrift: ugyldige utskriftstitler: første rad (4) kommer etter siste rad (2)"]);
    expect(wb.worksheets).toHaveLength(0);
  });
});
