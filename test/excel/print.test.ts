/** The Office.js shell's print setup, against the strict fake host: what it sets, in which sync, and without ExcelApi 1.9. */
import { applyPlan } from "../../src/excel/apply-plan";
import { PRINT_SKIPPED } from "../../src/excel/print";
import { standardPrint } from "../../src/core/workpaper/print";
import { WritePlan } from "../../src/core/workpaper/write-plan";
import { FakeExcelHost } from "../fake-excel";
import { dfoLikePlan, SHEET, withExcel } from "./support";

const PRINT = standardPrint({ virksomhet: "Bygg & Anlegg AS", aar: 2024 }, { first: 1, last: 6 });

/** The synthetic DFØ plan, its sheet printing the standard way, plus a voucher sheet that prints at 100 % without titles. */
function printedPlan(): WritePlan {
  const plan = dfoLikePlan(6);
  return {
    ...plan,
    sheets: [
      ...plan.sheets.map((s) => (s.name === SHEET ? { ...s, print: PRINT } : s)),
      { name: "Bilag", visibility: "visible", print: { orientation: "portrait", paper: "A4", fitToWidth: false, footer: { center: "&P" } } },
    ],
  };
}

const apply = (host: FakeExcelHost, plan: WritePlan) => withExcel(host, (ctx) => applyPlan(ctx, plan));

describe("print setup through worksheet.pageLayout", () => {
  test("A4 landscape, one page wide, title rows, header and footer, on a new sheet and on an existing one", async () => {
    const host = new FakeExcelHost().seed("Bilag", [["gammelt"]]);
    await apply(host, printedPlan());
    expect(host.sheet(SHEET).pageLayout).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$1:$6",
      headersFooters: {
        leftHeader: "Bygg && Anlegg AS", centerHeader: "&A", rightHeader: "År 2024",
        leftFooter: "Skrevet ut &D", centerFooter: "Side &P av &N", rightFooter: "",
      },
    });
    expect(host.sheet("Bilag").pageLayout).toMatchObject({
      orientation: "Portrait",
      paperSize: "A4",
      zoom: { scale: 100 },
      headersFooters: { leftHeader: "", centerHeader: "", rightHeader: "", centerFooter: "&P" },
    });
    expect(host.sheet("Bilag").pageLayout.printTitleRows).toBeUndefined();
    // The hidden settings sheet gets none.
    expect(host.state().sheets.find((s) => s.name === "_lonn")).not.toHaveProperty("pageLayout");
  });

  test("no sync of its own: the probe and one write sync, with the page layout last in the write", async () => {
    const plain = new FakeExcelHost().seed("Ark1");
    await apply(plain, dfoLikePlan(6));
    const host = new FakeExcelHost().seed("Ark1");
    const report = await apply(host, printedPlan());
    expect([report.syncs, host.syncCount]).toEqual([plain.syncCount, plain.syncCount]);
    const kinds = host.writes.filter((w) => w.kind.startsWith("pageLayout.") || w.kind.startsWith("headerFooter."));
    expect(new Set(kinds.map((w) => w.sync))).toEqual(new Set([host.syncCount]));
    expect(kinds.filter((w) => w.sheet === SHEET).map((w) => w.kind)).toEqual([
      "pageLayout.orientation", "pageLayout.paperSize", "pageLayout.zoom", "pageLayout.setPrintTitleRows",
      "headerFooter.leftHeader", "headerFooter.centerHeader", "headerFooter.rightHeader",
      "headerFooter.leftFooter", "headerFooter.centerFooter", "headerFooter.rightFooter",
    ]);
    const labels = host.syncs[host.syncs.length - 1].labels;
    const firstPrint = labels.findIndex((l) => l.startsWith("PageLayout."));
    expect(labels.slice(firstPrint).every((l) => /^(PageLayout|HeaderFooter)\./.test(l))).toBe(true);
    expect(report.notices).toEqual([]);
  });

  test("applying the plan twice gives the same workbook", async () => {
    const host = new FakeExcelHost().seed("Ark1");
    await apply(host, printedPlan());
    const first = host.state();
    await apply(host, printedPlan());
    expect(host.state()).toEqual(first);
  });

  test("without ExcelApi 1.9 the sheets are written, their print setup is left alone, and the user is told which", async () => {
    const host = new FakeExcelHost({ requirementSets: { ExcelApi: "1.8" } }).seed("Ark1");
    const report = await apply(host, printedPlan());
    expect(host.writes.some((w) => /^(pageLayout|headerFooter)\./.test(w.kind))).toBe(false);
    expect(host.sheet(SHEET).pageLayout.orientation).toBe("Portrait");
    expect(host.cell(SHEET, "A1").value).toBe("Avstemming av pensjonspremie til SPK");
    expect(report.notices).toEqual([
      { sheet: SHEET, address: "A1", message: PRINT_SKIPPED },
      { sheet: "Bilag", address: "A1", message: PRINT_SKIPPED },
    ]);
  });
});
