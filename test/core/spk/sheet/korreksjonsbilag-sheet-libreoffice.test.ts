import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { AMELDING_SHEET } from "../../../../src/core/spk/sheet/amelding-sheet";
import { KORREKSJONSBILAG_SHEET } from "../../../../src/core/spk/sheet/korreksjonsbilag-sheet";
import { planSpkWorkbook, runSpk } from "../../../../src/core/usecase/spk";
import { withLibreOffice } from "../../../support/engines";
import { oppsett, ore, terminInput } from "../../../support/fixtures";
import { recalculate } from "../../../support/libreoffice";
import { planToWorkbook, recalculatedValue } from "../../../support/xlsx";
import { ok } from "../../../support/checked";

/**
 * The sheets' formulas recalculated by a spreadsheet engine that is not ours (LibreOffice): the
 * control rows must show 0 and "I balanse", debit/credit must split the signed amounts, and the
 * A-melding residual must be Σ AGA − the voucher's AGA.
 */

const value = recalculatedValue;

withLibreOffice.test("LibreOffice recalculates the control rows: each voucher 0 and «I balanse»; the A-melding residual", async () => {
  const o = oppsett({ agaSats: 0.0683, dimensjoner: [{ nummer: 1, navn: "Koststed", verdi: "100", fordeling: [{ verdi: "A", vekt: 1 }, { verdi: "B", vekt: 2 }] }] });
  // The whole workbook, as a run writes it: the A-melding checks refer to the reconciliation's R and T.
  // T1: R = M = 1 234,57, T = round(1 234,57 × 6,83 %) = round(84,321131) = 84,32; T3: R = M = −300, T = −20,49
  const terminer = [
    terminInput(1, [1000, 0, 1000, 1000, 0, 1000, 1234.57, 0]),
    terminInput(3, [1000, 0, 1000, 1000, 0, 1000, -300, 0]),
  ];
  const virksomheter = [
    { virksomhetsnummer: "974760673", sone: "I", grunnlag: ore(1) },
    { virksomhetsnummer: "123456785", sone: "III", grunnlag: ore(1) },
    { virksomhetsnummer: "987654325", sone: "V", grunnlag: ore(1) },
  ];
  const run = ok(runSpk({ source: "test", oppsett: o, terminer, saldoer: [], virksomheter, notes: [] }));
  const plan = ok(planSpkWorkbook(run, "A10 SPK brutto", () => undefined));

  const dir = mkdtempSync(join(tmpdir(), "lonn-kb-"));
  const file = join(dir, "bilag.xlsx");
  await planToWorkbook(plan).xlsx.writeFile(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(recalculate(file));

  const kb = wb.getWorksheet(KORREKSJONSBILAG_SHEET)!;
  // 1 dimension column: Debet H, Kredit I, Beløp J, Status M. T1: 6 lines (cost lines split 1:2) in rows 4–9, control row 10.
  expect(value(kb, "B10")).toBe("Sum");
  expect([value(kb, "H10"), value(kb, "I10"), value(kb, "J10"), value(kb, "M10")]).toEqual([1318.89, 1318.89, 0, "I balanse"]);
  expect([value(kb, "F4"), value(kb, "G4"), value(kb, "H4"), value(kb, "I4"), value(kb, "J4")]).toEqual(["5420", "A", 411.52, 0, 411.52]);
  expect([value(kb, "F6"), value(kb, "H6"), value(kb, "I6")]).toEqual(["2820", 0, 1234.57]);
  // T3: control row 17
  expect([value(kb, "H17"), value(kb, "I17"), value(kb, "J17"), value(kb, "M17")]).toEqual([320.49, 320.49, 0, "I balanse"]);

  const am = wb.getWorksheet(AMELDING_SHEET)!;
  // T1: rows 4–6, sum 7, voucher 8, residual 9. Σ AGA = 58,03 + 26,34 + 0 = 84,37; residual 0,05
  expect([value(am, "H7"), value(am, "J7"), value(am, "K7")]).toEqual([1234.57, 84.37, "Lik differansen"]);
  expect(value(am, "J9")).toBe(0.05);
  rmSync(dir, { recursive: true, force: true });
}, 180_000);
