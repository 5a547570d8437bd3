import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { reconcile } from "../../../../src/core/spk/reconcile";
import { Avstemming, KontoSaldo, Oppsett, TerminInput } from "../../../../src/core/spk/types";
import { planAvstemming } from "../../../../src/core/spk/sheet/plan";
import { WritePlan } from "../../../../src/core/workpaper/write-plan";
import { withLibreOffice } from "../../../support/engines";
import { BRUTTO, oppsett, ore, terminInput } from "../../../support/fixtures";
import { recalculate } from "../../../support/libreoffice";
import { planToWorkbook, recalculatedValue } from "../../../support/xlsx";
import { ok } from "../../../support/checked";

/**
 * The template's formulas recalculated by LibreOffice must equal the model's figures to the øre:
 * every computed cell of the termin table, the Sum row, the Termin-/årsavstemming block, the
 * balance control and the AGA adjustment.
 */

const value = recalculatedValue;

/** A recalculated cell's kroner as øre, to compare with the model's øre: the engine's doubles carry binary noise, the model's figures do not. */
const cellOre = (v: unknown) => (typeof v === "number" ? Math.round(v * 100) + 0 : v);
/** The model's øre as they are, −0 read as 0 (as the engine shows it). */
const modelOre = (v: number) => v + 0;

async function recalculated(plan: WritePlan, sheet: string): Promise<ExcelJS.Worksheet> {
  const dir = mkdtempSync(join(tmpdir(), "lonn-avstemming-"));
  try {
    const file = join(dir, "avstemming.xlsx");
    await planToWorkbook(plan).xlsx.writeFile(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(recalculate(file));
    return wb.getWorksheet(sheet)!;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function expectAgreement(ws: ExcelJS.Worksheet, a: Avstemming): void {
  const o = a.oppsett;
  const brutto = o.budsjettering === "brutto";
  a.terminer.forEach((t, i) => {
    const r = 12 + i;
    const sheet = ["G", "H", "I", "O", "P", "Q", "R", "T"].map((c) => cellOre(value(ws, `${c}${r}`)));
    expect([t.termin, ...sheet]).toEqual([t.termin, ...[t.G, t.H, t.I, t.O, t.P, t.Q, t.R, t.T].map(modelOre)]);
    expect(value(ws, `S${r}`)).toBe(o.agaSats);
    // Termin-/årsavstemming, block row 23 + i
    const v = 23 + i;
    const lines = ["B", "D", "E", "F", "G", "H", "I", "J", "K", "L"].map((c) => cellOre(value(ws, `${c}${v}`)));
    expect([t.termin, ...lines]).toEqual([t.termin, ...[
      t.R, t.T, t.R, brutto ? -t.R : 0, brutto ? 0 : -t.O, brutto ? 0 : -t.P, t.T, brutto ? -t.T : 0, brutto ? 0 : -t.T, 0,
    ].map(modelOre)]);
  });
  const s = a.sum;
  const sumCols = ["B", "C", "D", "E", "F", "G", "H", "I", "L", "M", "N", "O", "P", "Q", "R", "T"] as const;
  expect(sumCols.map((c) => cellOre(value(ws, `${c}18`)))).toEqual(sumCols.map((c) => modelOre(s[c])));
  const year = ["B", "D", "E", "F", "G", "H", "I", "J", "K", "L"].map((c) => cellOre(value(ws, `${c}29`)));
  const T = a.aarsAga as number;
  expect(year).toEqual([s.R, T, s.R, brutto ? -s.R : 0, brutto ? 0 : -s.O, brutto ? 0 : -s.P, T, brutto ? -T : 0, brutto ? 0 : -T, 0].map(modelOre));
  expect(["E22", "F22", "G22", "H22", "I22", "J22", "K22"].map((c) => String(value(ws, c)))).toEqual([
    o.kontoer.differanse, o.kontoer.fakturadifferanse, o.kontoer.avsetningNetto, o.kontoer.medlemsinnskudd,
    o.kontoer.agaKostnad, o.kontoer.agaMotkontoBrutto, o.kontoer.agaMotkontoNetto,
  ]);
  a.saldokontroll.forEach((k) => {
    const row = [33, 34, 35].find((r) => String(value(ws, `A${r}`)) === k.konto);
    expect(row).toBeDefined();
    expect(["B", "C", "D", "E", "F"].map((c) => cellOre(value(ws, `${c}${row}`)))).toEqual([k.ib, k.bevegelse, k.ub, k.forventet, k.differanse].map(modelOre));
  });
  if (a.agaJustering) {
    expect(["B39", "C39", "D39", "E39"].map((c) => cellOre(value(ws, c)))).toEqual(
      [a.agaJustering.sumR, a.agaJustering.sumT, a.agaJustering.nyAga, a.agaJustering.justering].map(modelOre),
    );
  } else {
    // No new rate: the cells stay blank (exceljs reads LibreOffice's empty text as no result).
    const raw = (a: string) => (ws.getCell(a).value as { result?: unknown }).result ?? "";
    expect([raw("D39"), raw("E39")]).toEqual(["", ""]);
    expect(cellOre(value(ws, "C39"))).toBe(modelOre(a.aarsAga as number));
  }
}

async function check(o: Oppsett, terminer: TerminInput[], saldoer: KontoSaldo[], oppdatertAgaSats?: number): Promise<void> {
  const a = ok(reconcile(o, terminer, { saldoer, ...(oppdatertAgaSats !== undefined ? { oppdatertAgaSats } : {}) }));
  const plan = ok(planAvstemming({ oppsett: o, terminer, saldoer, ...(oppdatertAgaSats !== undefined ? { oppdatertAgaSats } : {}), model: a }));
  const ws = await recalculated(plan, plan.sheets[0].name);
  expectAgreement(ws, a);
  // The cached results core gives the CLI for every formula (WritePlan.results) are what the engine computes.
  const results = plan.results ?? [];
  expect(results.length).toBeGreaterThan(150);
  const asEngine = (v: unknown) => (typeof v === "number" ? Math.round(v * 100) + 0 : v === "" ? 0 : v);
  const wrong = results.filter((r) => asEngine(value(ws, r.address)) !== asEngine(r.value) && String(value(ws, r.address)) !== String(r.value));
  expect(wrong.map((r) => `${r.address}: core ${JSON.stringify(r.value)}, LibreOffice ${JSON.stringify(value(ws, r.address))}`)).toEqual([]);
}

const maybe = withLibreOffice.test;

// BRUTTO's T6 has R = −50, and −50 × 0,1387 = −6,935 exactly: the engine's ROUND must go away from zero as the model does.
maybe("brutto, terminvis: LibreOffice's figures equal the model's to the øre", async () => {
  await check(oppsett(), BRUTTO, [
    { konto: "2630", ib: ore(-53753.09), bevegelse: ore(53753.09) },
    { konto: "2810", ib: ore(0), bevegelse: ore(0) },
    { konto: "2820", ib: ore(0), bevegelse: ore(12.34) },
  ], 0.1412);
}, 120_000);

maybe("netto, årsslutt, other accounts: LibreOffice's figures equal the model's to the øre", async () => {
  const o = oppsett({
    budsjettering: "netto", modus: "arsslutt", agaSats: 0.1123,
    kontoer: { ...oppsett().kontoer, agaMotkontoNetto: "2772", avsetningNetto: "2962" },
  });
  await check(o, [
    terminInput(1, [80000, 16000, 80000, 80000, 16000, 81234.56, 0, 15987.65]),
    terminInput(3, [80000, 16000, 80000, 79999.99, 16000, 75000, 0, 16000]),
    // R = 0,05: T = round(0,005615) = 0,01
    terminInput(5, [0.05, 0, 0, 0, 0, 0.1, 0, 0]),
  ], [{ konto: "2962", ib: ore(3765.44), bevegelse: ore(-3765.4) }]);
}, 120_000);
