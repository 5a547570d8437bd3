/**
 * `lonn rf1022 --xlsx` end to end on the trekk sample: the real CLI code path writes the `RF-1022`
 * sheet, LibreOffice (not our code) recalculates it, and every formula cell must give the core's
 * figure to the øre: A + B − C = D on every account line and group sum, the comparison with the
 * a-meldinger and its status. No LONN.* call, no error value. The expected figures come from core
 * (the readers on the sample files, buildRf1022, the sheet's layout), never from the CLI.
 */
import ExcelJS from "exceljs";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { readAmeldinger } from "../../src/core/import/amelding";
import { parseCsv } from "../../src/core/import/csv";
import { readLedgerCsv } from "../../src/core/import/ledger-csv";
import { readSaft } from "../../src/core/import/saft";
import { kroner } from "../../src/core/money/ore";
import { RF1022_SHEET } from "../../src/core/rf1022/sheet";
import { planRf1022Workbook, rf1022Accounts, rf1022InputsOf, Rf1022Run, runRf1022 } from "../../src/core/usecase/rf1022";
import { ok } from "../support/checked";
import { withLibreOffice } from "../support/engines";
import { recalculate } from "../support/libreoffice";
import { lonn, ROOT, trekkTempDir } from "../cli/trekk-helpers";
import { compareFormulas, expectNoErrors, expectNoLonnFunctions, read, Want } from "./workbook-check";

const TREKK = join(ROOT, "assets", "samples", "trekk");
const AMELDINGER = readdirSync(TREKK).filter((f) => f.startsWith("amelding-")).sort();

const ameldinger = () => ok(readAmeldinger(AMELDINGER.map((file) => ({ file, text: readFileSync(join(TREKK, file), "utf8") }))));

function coreRun(): Rf1022Run {
  const kontoer = rf1022Accounts();
  const saft = ok(readSaft(readFileSync(join(TREKK, "saft-2026.xml"), "utf8"), { file: "saft-2026.xml", kontoer, optional: kontoer }));
  return ok(runRf1022(rf1022InputsOf({ source: "test", aar: 2026, hovedbok: saft.hovedbok, amelding: ameldinger() })));
}

/**
 * A ledger CSV with accruals, so B and C are not 0: 2930 IB −95 000 paid in January and December's
 * 100 000 owed at year end; 2940 IB −110 000 paid in June, 122 400 accrued; 2781 likewise.
 */
const ACCRUALS = [
  "Konto;Dato;Periode;Tekst;Beløp",
  "2930;;202600;Inngående balanse;-95 000,00", "2930;20.01.2026;202601;Utbetalt desemberlønn;95 000,00", "2930;31.12.2026;202612;Påløpt desemberlønn;-100 000,00",
  "5000;31.12.2026;202612;Lønn 2026;10 424 200,00",
  "2940;;202600;Inngående balanse;-110 000,00", "2940;20.06.2026;202606;Utbetalte feriepenger;110 000,00", "2940;31.12.2026;202612;Avsatte feriepenger;-122 400,00",
  "5092;31.12.2026;202612;Feriepenger 2026;122 400,00",
  "5400;31.12.2026;202612;AGA 2026;1 203 099,40",
  "2781;;202600;Inngående balanse;-15 510,00", "2781;20.06.2026;202606;AGA av utbetalte feriepenger;15 510,00", "2781;31.12.2026;202612;AGA av avsatte feriepenger;-17 258,40",
  "5405;31.12.2026;202612;AGA av feriepenger;17 258,40",
].join("\r\n");

function accrualRun(): Rf1022Run {
  const kontoer = rf1022Accounts();
  const ledger = ok(readLedgerCsv({ sheet: "hovedbok.csv", values: ok(parseCsv(ACCRUALS)).values }, { kontoer, missingIb: "zero", aar: 2026 }));
  const hovedbok = ledger.hovedbok.filter((k) => k.ib !== 0 || k.posteringer.length > 0);
  return ok(runRf1022(rf1022InputsOf({ source: "test", aar: 2026, hovedbok, amelding: ameldinger() })));
}

/** What every formula cell of the sheet must show, from the core's figures and the layout it planned. */
function expectedCells(run: Rf1022Run): Map<string, Want> {
  const { layout } = ok(planRf1022Workbook(run, () => undefined));
  const m = new Map<string, Want>();
  for (const g of run.rf1022.grupper) {
    const rows = layout.groups[g.gruppe.id];
    g.linjer.forEach((l, i) => m.set(`G${rows.lines[i]}`, kroner(l.D)));
    m.set(`D${rows.sum}`, kroner(g.A));
    m.set(`E${rows.sum}`, kroner(g.B));
    m.set(`F${rows.sum}`, kroner(g.C));
    m.set(`G${rows.sum}`, kroner(g.D));
    // A + B − C = D, in the core's own figures.
    expect(g.A + g.B - g.C).toBe(g.D);
  }
  for (const c of run.rf1022.kontroller) {
    const row = layout.controls[c.kind];
    m.set(`D${row}`, kroner(c.regnskap));
    m.set(`F${row}`, kroner(c.differanse));
    m.set(`G${row}`, Math.abs(c.differanse) <= run.rf1022.toleranse ? "OK" : "Avvik");
  }
  return m;
}

withLibreOffice.describe("lonn rf1022 --xlsx, recalculated by LibreOffice", () => {
  const dir = trekkTempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("the trekk sample: every formula equals the core to the øre, A + B − C = D per group, the a-melding comparison", async () => {
    const out = join(dir, "rf1022.xlsx");
    const r = await lonn("rf1022", "--hovedbok", join(TREKK, "saft-2026.xml"), ...AMELDINGER.map((f) => join(TREKK, f)), "--xlsx", out);
    expect([r.code, r.err]).toEqual([0, ""]);
    expectNoLonnFunctions(await read(out));
    const wb = await read(recalculate(out));
    expectNoErrors(wb);
    const ws = wb.getWorksheet(RF1022_SHEET) as ExcelJS.Worksheet;
    const run = coreRun();
    compareFormulas(ws, expectedCells(run));
    // The AGA comparison: 1 203 099,40 in the ledger, 1 203 099 in the meldinger, within the 1 kr tolerance.
    const aga = ok(planRf1022Workbook(run, () => undefined)).layout.controls.aga;
    expect([ws.getCell(`D${aga}`).result, ws.getCell(`E${aga}`).value, ws.getCell(`G${aga}`).result]).toEqual([1203099.4, 1203099, "OK"]);
  }, 180_000);

  test("a ledger CSV with accruals (B and C not 0): every formula equals the core, and the differences are flagged", async () => {
    const ledger = join(dir, "hovedbok.csv");
    writeFileSync(ledger, ACCRUALS);
    const out = join(dir, "rf1022-periodisert.xlsx");
    const r = await lonn("rf1022", "--hovedbok", ledger, ...AMELDINGER.map((f) => join(TREKK, f)), "--xlsx", out);
    expect([r.code, r.err]).toEqual([0, ""]);
    const run = accrualRun();
    // Lønn: 10 424 200 + 95 000 − 100 000 = 10 419 200; feriepenger: 122 400 + 110 000 − 122 400 = 110 000;
    // AGA: 1 203 099,40 + 17 258,40 + 15 510 − 17 258,40 = 1 218 609,40.
    expect(run.rf1022.grupper.map((g) => kroner(g.D))).toEqual([10419200, 110000, 0, 1218609.4]);
    // Against the a-meldinger's 10 324 200: 10 529 200 − 10 324 200 = 205 000 pay; AGA 1 218 609,40 − 1 203 099 = 15 510,40.
    expect(run.rf1022.flags.map((f) => [f.kontroll, kroner(f.belop)])).toEqual([["ytelser", 205000], ["agaGrunnlag", 205000], ["aga", 15510.4]]);
    const wb = await read(recalculate(out));
    expectNoErrors(wb);
    compareFormulas(wb.getWorksheet(RF1022_SHEET) as ExcelJS.Worksheet, expectedCells(run));
  }, 180_000);
});
