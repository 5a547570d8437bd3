/**
 * The workbook round trip: the .xlsx that `--xlsx` writes, read back with `lonn avstem BOOK.xlsx`,
 * gives the run it was written from; writing twice gives the same workbook; an existing workbook
 * keeps the user's own sheets, cells and explanations.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { UNCALCULATED } from "../../src/cli/xlsx/snapshot";
import { columnLetter } from "../../src/core/sheet/a1";
import { voucherColumns } from "../../src/core/workpaper/voucher-sheet";
import { BRUTTO, cellsOf, lonn, lonnJson, NETTO, tempDir } from "./helpers";

/** The run without where it came from and what it wrote. */
function essence(j: Record<string, unknown>): Record<string, unknown> {
  const rest = { ...j };
  for (const k of ["kilde", "filer", "ark"]) delete rest[k];
  return rest;
}

describe("round trip through the workbook", () => {
  const dir = tempDir("lonn-roundtrip-");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each([
    ["brutto, terminvis, dimensions, balances, new AGA rate, A-melding", BRUTTO],
    ["netto, årsslutt, own AGA account", NETTO],
  ])("%s: lonn avstem BOOK.xlsx --json equals the scenario's --json", async (_name, scenario) => {
    const book = join(dir, `${_name.slice(0, 5)}.xlsx`);
    const fromScenario = await lonnJson("avstem", scenario, "--xlsx", book);
    const virksomheter = JSON.parse(readFileSync(scenario, "utf8")).virksomheter;
    const extra: string[] = [];
    if (virksomheter) {
      const vf = join(dir, `${_name.slice(0, 5)}-virksomheter.json`);
      writeFileSync(vf, JSON.stringify(virksomheter));
      extra.push("--virksomheter", vf);
    }
    const fromBook = await lonnJson("avstem", book, ...extra);
    expect(essence(fromBook)).toEqual(essence(fromScenario));
    expect(fromBook.kilde).toBe(book.split("/").pop());
  });

  test("--virksomheter as a CSV list gives the scenario's A-melding; a bad list names its cells", async () => {
    const book = join(dir, "amelding.xlsx");
    const fromScenario = await lonnJson("avstem", BRUTTO, "--xlsx", book);
    const csv = join(dir, "virksomheter.csv");
    writeFileSync(csv, "Virksomhetsnummer;Navn;Kommunenummer;Grunnlag\r\n912300013;Testetaten, Oslo;0301;900 000,00\r\n912300021;Testetaten, Bodø;1804;100 000,00\r\n");
    expect((await lonnJson("avstem", book, "--virksomheter", csv)).amelding).toEqual(fromScenario.amelding);
    writeFileSync(csv, "Virksomhetsnummer;Navn;Kommunenummer;Grunnlag\r\n912300014;Feil;0301;abc\r\n");
    const r = await lonn("avstem", book, "--virksomheter", csv, "--xlsx", book);
    expect(r.code).toBe(1);
    expect(r.err.trim().split("\n")).toEqual([
      "Virksomhetslisten ble avvist (2 feil); ingenting er skrevet:",
      "virksomheter.csv!A2: Virksomhetsnummeret 912300014 har feil kontrollsiffer (modulus 11).",
      "virksomheter.csv!D2: «abc» er ikke et beløp.",
    ]);
  });

  test("writing twice gives the same workbook, cell for cell (a new one, then filling the existing file)", async () => {
    const a = join(dir, "to-ganger.xlsx");
    expect((await lonn("avstem", BRUTTO, "--xlsx", a)).code).toBe(0);
    const first = await cellsOf(a);
    expect((await lonn("avstem", BRUTTO, "--xlsx", a)).code).toBe(0);
    expect(await cellsOf(a)).toEqual(first);
    // Reading the book and writing it out again changes nothing either.
    const b = join(dir, "kopi.xlsx");
    expect((await lonn("avstem", a, "--xlsx", b)).code).toBe(0);
    expect(await cellsOf(b)).toEqual(first);
    expect(first.get("A10 SPK brutto!state")).toBe("visible");
    expect(first.get("_lonn!state")).toBe("veryHidden");
    expect(first.get("A10 SPK brutto!T13")).toBe('=IF(R13="","",ROUND(R13*S13,2))');
    expect(first.get("A10 SPK brutto!D4")).toBe(0.1387);
  });

  test("an existing workbook: the user's sheet, notes and explanations survive; only inputs are written", async () => {
    const book = join(dir, "egen.xlsx");
    expect((await lonn("avstem", BRUTTO, "--xlsx", book)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    const own = wb.addWorksheet("Mine notater");
    own.getCell("A1").value = "Avstemt sammen med lønn 12.03";
    own.getCell("B2").value = { formula: "SUM(1,2)" };
    const ws = wb.getWorksheet("A10 SPK brutto")!;
    ws.getCell("J17").value = "Avvik i desember, avklart med DFØ";
    ws.getCell("J13").value = "Eget notat om februar";
    ws.getCell("B12").value = { formula: "60000+40000" };
    ws.getCell("Y12").value = "egen merknad";
    await wb.xlsx.writeFile(book);

    const run = await lonn("avstem", BRUTTO, "--xlsx", book, "--json");
    expect(run.code).toBe(0);
    const r = JSON.parse(run.out);
    // What the workbook kept is said on stderr and in the JSON.
    // J13 is not among them: the run takes the workbook's explanation (it is what the sheet shows).
    expect(run.err.split("\n")[0]).toBe("Advarsel: 1 celle(r) i arbeidsboken er ikke skrevet; arket kan avvike fra kjøringen og bilagene:");
    expect((r.ark.ikkeSkrevet as { address: string }[]).map((l) => l.address)).toEqual(["B12"]);
    expect([r.terminer[1].J, r.terminer[5].J]).toEqual(["Eget notat om februar", "Avvik i desember, avklart med DFØ"]);
    const after = await cellsOf(book);
    expect(after.get("A10 SPK brutto!B12")).toBe("=60000+40000");
    expect(after.get("A10 SPK brutto!J13")).toBe("Eget notat om februar");
    expect(after.get("Mine notater!A1")).toBe("Avstemt sammen med lønn 12.03");
    expect(after.get("Mine notater!B2")).toBe("=SUM(1,2)");
    expect(after.get("A10 SPK brutto!J17")).toBe("Avvik i desember, avklart med DFØ");
    expect(after.get("A10 SPK brutto!Y12")).toBe("egen merknad");
    // The scenario has no explanation for T6; the workbook's is read, so T6 is explained in this very run.
    expect((r.flagg as { type: string }[]).map((f) => f.type)).toEqual(["vesentlig", "posteringsregel", "saldo"]);
    // exceljs stores no value for B12's formula: read back, that is said, never taken as 0.
    const uncalculated = await lonn("avstem", book);
    expect([uncalculated.code, uncalculated.err.trim()]).toEqual([1, `egen.xlsx: 'A10 SPK brutto'!B12: «${UNCALCULATED}» er ikke et beløp.`]);
    // As Excel saves it (with the formula's value), the workbook now explains T6, and that flag is gone.
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.readFile(book);
    saved.getWorksheet("A10 SPK brutto")!.getCell("B12").value = { formula: "60000+40000", result: 100000 };
    await saved.xlsx.writeFile(book);
    const back = await lonnJson("avstem", book);
    expect((back.flagg as { type: string }[]).map((f) => f.type)).toEqual(["vesentlig", "posteringsregel", "saldo"]);
  });

  test("a workbook with a chart is not rewritten (exceljs would drop the chart); reading it still works", async () => {
    const book = join(dir, "diagram.xlsx");
    expect((await lonn("avstem", NETTO, "--xlsx", book)).code).toBe(0);
    // exceljs cannot make a chart; add a chart part to the package as Excel would store one.
    // jszip is exceljs's own zip library.
    const zip = await JSZip.loadAsync(readFileSync(book));
    zip.file("xl/charts/chart1.xml", '<?xml version="1.0" encoding="UTF-8"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>');
    writeFileSync(book, await zip.generateAsync({ type: "nodebuffer" }));
    const before = readFileSync(book);
    const r = await lonn("avstem", book, "--xlsx", book);
    expect(r.code).toBe(1);
    expect(r.err).toContain("Arbeidsboken har diagrammer, som lonn ikke kan ta vare på når den skriver .xlsx-filen.");
    expect(readFileSync(book)).toEqual(before);
    expect((await lonn("avstem", book, "--json")).code).toBe(0);
  });

  test("names exceljs would drop or widen (a constant, a sheet-local name) stop the write, named", async () => {
    const book = join(dir, "navn.xlsx");
    expect((await lonn("avstem", NETTO, "--xlsx", book)).code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(book));
    const xml = await zip.file("xl/workbook.xml")!.async("string");
    const extra =
      '<definedName name="Grense">0.05</definedName>' +
      '<definedName name="Lokal" localSheetId="0">&apos;A11 SPK netto&apos;!$Y$1</definedName>' +
      '<definedName name="Område">&apos;A11 SPK netto&apos;!$Y$1:$Y$3,&apos;A11 SPK netto&apos;!$Z$1</definedName>';
    zip.file("xl/workbook.xml", xml.replace("</definedNames>", `${extra}</definedNames>`));
    writeFileSync(book, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const r = await lonn("avstem", book, "--xlsx", book);
    expect(r.code).toBe(1);
    expect(r.err).toContain("Arbeidsboken har navnet Grense (en verdi eller formel), navnet Lokal (gjelder bare ett ark), som lonn ikke kan ta vare på");
  });

  test("a workbook filled in by hand after the first write: the new figures flow into the vouchers", async () => {
    const book = join(dir, "endret.xlsx");
    expect((await lonn("avstem", NETTO, "--xlsx", book)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    // T2 (row 13): the invoice arrives 100,00 over the provision on the employer share.
    const ws = wb.getWorksheet("A11 SPK netto")!;
    for (const [col, v] of [["B", 1000], ["C", 200], ["L", 1100], ["N", 200]] as const) ws.getCell(`${col}13`).value = v;
    await wb.xlsx.writeFile(book);
    const j = await lonnJson("avstem", book, "--xlsx", book);
    const t2 = (j.terminer as Record<string, number>[])[1];
    expect([t2.O, t2.P, t2.Q, t2.R]).toEqual([100, 0, 100, 100]);
    // ΣR = −3 777,76 + 100 = −3 677,76; AGA = −3 677,76 × 0,1123 = −413,012448 → −413,01
    expect(j.aarsAga).toBe(-413.01);
    const after = await cellsOf(book);
    const belop = columnLetter(voucherColumns(0).belop);
    const rows = [...after.entries()].filter(([k, v]) => new RegExp(`^Korreksjonsbilag!${belop}\\d+$`).test(k) && typeof v === "number").map(([, v]) => v);
    expect(rows).toEqual([-3677.76, 3665.41, 12.35, -413.01, 413.01]);
  });
});
