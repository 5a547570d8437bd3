/**
 * A document an auditor can file, end to end: `lonn avstem` (and `lonn trekk`) write the workbook,
 * LibreOffice prints every visible sheet to PDF, and the printout is read back page by page
 * (poppler's pdftotext and pdfinfo, test/support/pdf.ts). Every page is A4 landscape, no figure
 * prints as `###` — with vouchers of 1 000 000 000 kr, termin sums of 312 000 000 kr and a sum of
 * -9 999 999 999,99 kr, the widest an amount can be —, every sheet is one page wide with its
 * header rows repeated on every page, and the page header names virksomhet, sheet and year.
 */
import ExcelJS from "exceljs";
import { readFileSync, rmSync } from "fs";
import { join } from "path";
import { zipMap } from "../support/zip";

/** A part of the package as text (undefined when it is not there). */
const partText = (zip: Buffer, name: string): string | undefined => zipMap(zip).get(name)?.toString("utf8");
import { lonn, FIXTURES, tempDir } from "../cli/helpers";
import { lonnTrekk, TREKK_2026 } from "../cli/trekk-helpers";
import { withLibreOfficePdf } from "../support/engines";
import { printToPdf } from "../support/libreoffice";
import { mediaBoxes, pdfPages } from "../support/pdf";

const MILLIARD = join(FIXTURES, "milliard.json");

/** A4 landscape in points (297 × 210 mm). */
const A4_LANDSCAPE = [841.89, 595.28];

/** Each generated sheet's first and last column heading: both on every page means one page wide, titles repeated. */
interface SheetExpectation {
  readonly first: string;
  readonly last: string;
  readonly titleRows: string;
}

const SPK_SHEETS: Readonly<Record<string, SheetExpectation>> = {
  "A10 SPK brutto": { first: "Termin", last: "Signering", titleRows: "1:11" },
  Korreksjonsbilag: { first: "Bilag-ID", last: "Status", titleRows: "3:3" },
  "A-melding fordeling": { first: "Bilag-ID", last: "Kontroll", titleRows: "3:3" },
  // The CLI logs its write, as the pane does.
  Logg: { first: "Tidspunkt", last: "Hvem", titleRows: "1:1" },
};

const TREKK_SHEETS: Readonly<Record<string, SheetExpectation>> = {
  "Trekk og AGA": { first: "Virksomhet", last: "År", titleRows: "1:3" },
  "Korreksjonsbilag trekk": { first: "Bilag-ID", last: "Status", titleRows: "3:3" },
  "Eksporterte bilag": { first: "Eksportert", last: "Bokført", titleRows: "1:1" },
};

/** Each page with the sheet its header names (the header's middle section is the sheet's tab name). */
function pagesBySheet(pdf: string, sheets: readonly string[]): { sheet: string; text: string }[] {
  return pdfPages(pdf).map((text) => {
    const top = text.split("\n").find((l) => l.trim() !== "") ?? "";
    const sheet = sheets.find((s) => new RegExp(`\\s${s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s`).test(` ${top} `));
    if (!sheet) throw new Error(`En side uten kjent arknavn i toppteksten: «${top.trim()}»`);
    return { sheet, text };
  });
}

/** The .xlsx itself: every generated sheet A4 landscape, fit to one page wide, with its print titles. */
async function expectPageSetup(xlsx: string, sheets: Readonly<Record<string, SheetExpectation>>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  for (const [name, e] of Object.entries(sheets)) {
    const setup = wb.getWorksheet(name)?.pageSetup;
    expect([name, setup]).toEqual([name, expect.objectContaining({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: e.titleRows })]);
  }
  expect(wb.getWorksheet("_lonn")?.pageSetup.fitToPage).toBe(false);
}

/** What every page of the printout must be, whatever the sheet. */
function expectPrintable(pdf: string, sheets: Readonly<Record<string, SheetExpectation>>, heading: { virksomhet: string; aar: number }) {
  const pages = pagesBySheet(pdf, Object.keys(sheets));
  const boxes = mediaBoxes(pdf);
  expect(boxes).toHaveLength(pages.length);
  for (const [x0, y0, x1, y1] of boxes) {
    expect([x0, y0]).toEqual([0, 0]);
    expect(x1).toBeCloseTo(A4_LANDSCAPE[0], 0);
    expect(y1).toBeCloseTo(A4_LANDSCAPE[1], 0);
  }
  pages.forEach(({ sheet, text }, i) => {
    const where = `side ${i + 1} (${sheet})`;
    expect([where, text.includes("###")]).toEqual([where, false]);
    const lines = text.split("\n").filter((l) => l.trim() !== "");
    expect([where, lines[0]]).toEqual([where, expect.stringMatching(new RegExp(`^${heading.virksomhet}\\s+.*\\s+År ${heading.aar}$`))]);
    expect([where, lines[lines.length - 1]]).toEqual([where, expect.stringMatching(new RegExp(`^Skrevet ut \\S+\\s+Side ${i + 1} av ${pages.length}$`))]);
    // One page wide, and the title rows on every page: the first and the last heading on each page.
    const { first, last } = sheets[sheet];
    expect([where, text.includes(first), text.includes(last)]).toEqual([where, true, true]);
  });
  // Every generated sheet is printed (the very hidden _lonn is not).
  expect(new Set(pages.map((p) => p.sheet))).toEqual(new Set(Object.keys(sheets)));
  return pages;
}

withLibreOfficePdf.describe("the workbook printed by LibreOffice", () => {
  const dir = tempDir("lonn-print-");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("lonn avstem, 1 bn kr vouchers: A4 landscape, one page wide, titles repeated, no ###", async () => {
    const xlsx = join(dir, "milliard.xlsx");
    const r = await lonn("avstem", MILLIARD, "--xlsx", xlsx);
    expect([r.code, r.err]).toEqual([0, ""]);
    await expectPageSetup(xlsx, SPK_SHEETS);

    const pages = expectPrintable(printToPdf(xlsx), SPK_SHEETS, { virksomhet: "Storetaten & Co", aar: 2024 });
    const of = (sheet: string) => pages.filter((p) => p.sheet === sheet).map((p) => p.text.replace(/ +/g, " "));
    // The reconciliation on one page: sums of 312 M kr per termin, and -9 999 999 999,99 in the Sum row.
    const a10 = of("A10 SPK brutto");
    expect(a10).toHaveLength(1);
    expect(a10[0]).toContain("Sum 1 560 000 000,00 312 000 000,00 1 560 000 000,00 1 560 000 000,00 312 000 000,00");
    expect(a10[0]).toContain("-9 999 999 999,99 -9 999 999 999,99 -1 387 000 000,00");
    // Vouchers of 1 bn kr; the line number beside the voucher id, never beside the account (5420).
    const bilag = of("Korreksjonsbilag").join("\n");
    expect(bilag).toContain("SPK-2024-T1 1 29.02.2024 202402 T1 5420 11001000 0,00 1 000 000 000,00 -1 000 000 000,00");
    expect(bilag).toContain("SPK-2024-T6 1 31.12.2024 202412 T6 5420 11001000 0,00 4 999 999 999,99 -4 999 999 999,99");
    // Twenty virksomheter: several pages tall, each with the column headings.
    expect(of("A-melding fordeling").length).toBeGreaterThan(1);
  }, 180_000);

  test("a re-run into the same workbook keeps the print setup, once per sheet", async () => {
    const xlsx = join(dir, "to-ganger.xlsx");
    expect((await lonn("avstem", MILLIARD, "--xlsx", xlsx)).code).toBe(0);
    const again = await lonn("avstem", xlsx, "--xlsx", xlsx);
    expect([again.code, again.err]).toEqual([0, ""]);
    await expectPageSetup(xlsx, SPK_SHEETS);
    const names = (partText(readFileSync(xlsx), "xl/workbook.xml") ?? "").match(/name="_xlnm\.Print_Titles"/g) ?? [];
    expect(names).toHaveLength(Object.keys(SPK_SHEETS).length);
    expectPrintable(printToPdf(xlsx), SPK_SHEETS, { virksomhet: "Storetaten & Co", aar: 2024 });
  }, 180_000);

  test("the same workbook in an English LibreOffice (commas for thousands): still no ###", async () => {
    const xlsx = join(dir, "milliard-en.xlsx");
    expect((await lonn("avstem", MILLIARD, "--xlsx", xlsx)).code).toBe(0);
    const pages = expectPrintable(printToPdf(xlsx, "en-US"), SPK_SHEETS, { virksomhet: "Storetaten & Co", aar: 2024 });
    expect(pages.some((p) => p.text.includes("-9,999,999,999.99"))).toBe(true);
  }, 180_000);

  test("lonn trekk with an export: Trekk og AGA, its vouchers and the export record print the same way", async () => {
    const xlsx = join(dir, "trekk.xlsx");
    const r = await lonnTrekk(TREKK_2026, "--xlsx", xlsx, "--csv", join(dir, "trekk.csv"));
    expect([r.code, r.err]).toEqual([0, ""]);
    await expectPageSetup(xlsx, TREKK_SHEETS);
    const pages = expectPrintable(printToPdf(xlsx), TREKK_SHEETS, { virksomhet: "Fjordtrekk AS", aar: 2026 });
    // The trekk sheet is long (a block per account, the AGA grid, the pay dates): more than one page tall.
    expect(pages.filter((p) => p.sheet === "Trekk og AGA").length).toBeGreaterThan(1);
  }, 180_000);
});
