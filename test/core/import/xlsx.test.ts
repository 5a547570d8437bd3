/**
 * Core's .xlsx reader (core/import/xlsx: zip, inflate, the first visible sheet), which the pane
 * uses for a journal the user picks: it gives the grid the CLI's exceljs reader gives for the same
 * file, inflates what zlib deflates at every level, and refuses a damaged, encrypted, oversized or
 * foreign file naming it.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { crc32 as zlibCrc32, deflateRawSync } from "zlib";
import { readSheetFile } from "../../../src/cli/sheet-file";
import { formatProblem } from "../../../src/core/problem/problem";
import { journalFile, oppsettFile, runLonnsbilagOf } from "../../../src/core/usecase/lonnsbilag-import";
import { inflateRaw } from "../../../src/core/import/xlsx/inflate";
import { readXlsxSheet } from "../../../src/core/import/xlsx/sheet";
import { crc32 } from "../../../src/core/import/xlsx/zip";
import { ok, problemsOf } from "../../support/checked";
import { withParts, writeZip, zipMap } from "../../support/zip";

const SAMPLE = join(__dirname, "..", "..", "..", "assets", "samples", "lonnsbilag");

/** The sample journal as the first visible sheet of a workbook exceljs writes: numbers as numbers, dates as text (as the CLI test writes it). */
async function journalWorkbook(extra: (wb: ExcelJS.Workbook) => void = () => undefined): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  extra(wb);
  const ws = wb.addWorksheet("Lønnsjournal");
  const rows = readFileSync(join(SAMPLE, "lonnsjournal-2024-11.csv"), "utf8").replace(/^\ufeff/, "").trimEnd().split("\r\n").map((l) => l.split(";"));
  const amount = (t: string) => (t === "" ? null : Number(t.replace(/\s/g, "").replace(",", ".")));
  rows.forEach((r, i) => ws.addRow(i === 0 ? r : r.map((c, j) => (j >= 5 ? amount(c) : c))));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** What the CLI's reader (exceljs, src/cli/xlsx/snapshot) gives for the same bytes. */
async function cliGrid(bytes: Buffer, name: string): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), "lonn-xlsx-"));
  try {
    writeFileSync(join(dir, name), bytes);
    return ok(await readSheetFile(join(dir, name)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the grid, as the CLI reads the same file", () => {
  test("the sample journal: the CLI's grid, and the CSV journal's vouchers", async () => {
    const bytes = await journalWorkbook();
    const grid = ok(readXlsxSheet(bytes, "lonnsjournal.xlsx"));
    expect(grid).toEqual(await cliGrid(bytes, "lonnsjournal.xlsx"));
    expect(grid.values[1].slice(0, 6)).toEqual(["05.11.2024", "974203111", "0301", "1002", "Per Hansen", 7500]);
    const oppsett = oppsettFile("oppsett.json", new Uint8Array(readFileSync(join(SAMPLE, "oppsett.json"))));
    const fromXlsx = ok(runLonnsbilagOf(journalFile("lonnsjournal.xlsx", bytes), oppsett));
    const fromCsv = ok(runLonnsbilagOf(journalFile("lonnsjournal-2024-11.csv", new Uint8Array(readFileSync(join(SAMPLE, "lonnsjournal-2024-11.csv")))), oppsett));
    expect(fromXlsx.bilag).toEqual(fromCsv.bilag);
  });

  test("a hidden first sheet is passed over; dates, booleans, rich text, formula results, gaps and æøå read as the CLI reads them", async () => {
    const bytes = await journalWorkbook((wb) => {
      const hidden = wb.addWorksheet("Skjult");
      hidden.state = "hidden";
      hidden.getCell("A1").value = "ikke denne";
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Lønnsjournal") as ExcelJS.Worksheet;
    ws.getCell("A12").value = new Date(Date.UTC(2024, 10, 20));
    ws.getCell("B12").value = true;
    ws.getCell("C12").value = { richText: [{ text: "Bjørn " }, { font: { bold: true }, text: "Åsen" }] };
    ws.getCell("F12").value = { formula: "F2*2", result: 15000 };
    ws.getCell("P14").value = -0.125;
    const changed = Buffer.from(await wb.xlsx.writeBuffer());
    const grid = ok(readXlsxSheet(changed, "x.xlsx"));
    expect(grid).toEqual(await cliGrid(changed, "x.xlsx"));
    expect(grid.values[11].slice(0, 6)).toEqual([45616, true, "Bjørn Åsen", "", "", 15000]);
    expect(grid.values).toHaveLength(14);
    expect(grid.values[13][15]).toBe(-0.125);
  });

  test("inline strings and stored (uncompressed) parts, as other tools write them", async () => {
    const parts = zipMap(await journalWorkbook());
    const sheet = "xl/worksheets/sheet1.xml";
    const xml = (parts.get(sheet) as Buffer).toString("utf8").replace(/<c r="A1"( s="\d+")? t="s"><v>\d+<\/v><\/c>/, '<c r="A1" t="inlineStr"><is><t>Utbetalingsdato</t></is></c>');
    expect(xml).toContain("inlineStr");
    const rebuilt = writeZip([...parts].map(([name, data]) => ({ name, data: name === sheet ? Buffer.from(xml) : data, method: name === sheet ? 0 : 8 })));
    expect(ok(readXlsxSheet(rebuilt, "x.xlsx")).values[0][0]).toBe("Utbetalingsdato");
  });
});

describe("inflate", () => {
  test("whatever zlib deflates, at every level, inflates back to the same bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.integer({ min: 0, max: 9 }), fc.boolean(), (random, level, repetitive) => {
        const data = repetitive ? Uint8Array.from({ length: random.length * 7 }, (_, i) => random[i % Math.max(1, Math.min(random.length, 40))] ?? 0) : random;
        const packed = deflateRawSync(data, { level });
        expect(inflateRaw(packed, data.length)).toEqual(data);
      }),
      { numRuns: 150 },
    );
  });

  test("a stream cut short, one that inflates to more or less than declared, and garbage are refused", () => {
    const data = Buffer.from("Lønnsjournal ".repeat(500));
    const packed = deflateRawSync(data);
    expect(inflateRaw(packed.subarray(0, packed.length - 3), data.length)).toBeUndefined();
    expect(inflateRaw(packed, data.length - 1)).toBeUndefined();
    expect(inflateRaw(packed, data.length + 1)).toBeUndefined();
    expect(inflateRaw(Uint8Array.from([0xff, 0xff, 0xff, 0xff]), 10)).toBeUndefined();
    expect(crc32(data)).toBe(zlibCrc32(data) >>> 0);
  });
});

describe("what is refused, naming the file", () => {
  const refused = (bytes: Uint8Array) => problemsOf(readXlsxSheet(bytes, "lonn.xlsx")).map(formatProblem);

  test("a text file, an old or encrypted workbook (OLE2), a damaged part, a workbook without sheets", async () => {
    expect(refused(Buffer.from("Navn;Brutto\r\nKari;1000\r\n"))).toEqual(["lonn.xlsx: «lonn.xlsx» kan ikke leses som en Excel-arbeidsbok (.xlsx): filen er ikke en zip-pakke."]);
    expect(refused(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))[0]).toMatch(/kryptert \(passordbeskyttet\) arbeidsbok eller en gammel \.xls-fil/);
    const good = await journalWorkbook();
    const parts = zipMap(good);
    const damaged = writeZip([...parts].map(([name, data]) => ({ name, data })), { damage: { name: "xl/worksheets/sheet1.xml", at: (b) => (b[40] ^= 0x55) } });
    expect(refused(damaged)).toEqual(["lonn.xlsx: «lonn.xlsx» kan ikke leses som en Excel-arbeidsbok (.xlsx): delen «xl/worksheets/sheet1.xml» er skadet."]);
    const lying = writeZip([...parts].map(([name, data]) => ({ name, data })), { claimedSize: { "xl/worksheets/sheet1.xml": 10 } });
    expect(refused(lying)[0]).toMatch(/delen «xl\/worksheets\/sheet1\.xml» er skadet/);
    expect(refused(withParts(good, { "xl/workbook.xml": '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>' }))[0]).toMatch(/arbeidsboken har ingen ark\.$/);
    expect(refused(withParts(good, { "xl/sharedStrings.xml": "<sst><si><t>ikke lukket</si></sst>" }))[0]).toMatch(/delen «xl\/sharedStrings\.xml» er ikke gyldig XML/);
  });

  test("the zip directory is checked as the CLI checks it (one reader): a part named twice, a cut file", async () => {
    const parts = [...zipMap(await journalWorkbook())].map(([name, data]) => ({ name, data }));
    const twice = writeZip([...parts, { name: "xl/workbook.xml", data: parts.find((p) => p.name === "xl/workbook.xml")!.data }]);
    const prefix = "lonn.xlsx: «lonn.xlsx» kan ikke leses som en Excel-arbeidsbok (.xlsx): filen er skadet";
    expect(refused(twice)).toEqual([`${prefix} (delen «xl/workbook.xml» finnes to ganger).`]);
    const whole = writeZip(parts);
    expect(refused(whole.subarray(0, whole.length - 30))).toEqual([`${prefix} (slutten av zip-pakken mangler; filen er trolig avkortet).`]);
  });
});
