/**
 * A DFØ-style sheet someone built by hand, run through `lonn avstem BOOK.xlsx --xlsx`: the CLI
 * finds the termin rows and header cells by their labels, adds the missing formulas to empty cells
 * only, keeps the user's own formula and explanation, and LibreOffice's figures for the added
 * formulas equal the core's.
 */
import ExcelJS from "exceljs";
import { rmSync } from "fs";
import { join } from "path";
import { snapshotsOf } from "../../src/cli/xlsx/snapshot";
import { kroner, Ore } from "../../src/core/money/ore";
import { Checked, isProblems } from "../../src/core/problem/problem";
import { reconcile } from "../../src/core/spk/reconcile";
import { readAvstemming } from "../../src/core/spk/sheet/read";
import { SheetSnapshot } from "../../src/core/sheet/snapshot";
import { lonn, tempDir } from "../cli/helpers";
import { withLibreOffice } from "../support/engines";
import { recalculate } from "../support/libreoffice";

function ok<T>(r: Checked<T>): T {
  if (isProblems(r)) throw new Error(r.message);
  return r;
}

const SHEET = "SPK 2024";

async function handMade(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.addRows([
    ["Avstemming av pensjonspremie SPK"],
    ["Virksomhet:", "Håndetaten"],
    ["År", 2024, "", "AGA-sats (snitt):", 0.1387],
    ["Budsjettering", "Brutto"],
    [],
    ["Termin", "SAP AG-andel", "SAP medlem", "Unit4 utgift", "Unit4 avsetning", "Unit4 medlem", "Diff G", "Diff H", "Diff I", "Forklaring", "Faktura", "L", "M", "N"],
    ["1. termin", 100000, 20000, 100000, 100000, 20000, "", { formula: "E7-B7", result: 0 }, "", "", "2400117", 100000, 1500.5, 20000],
    ["2. termin", 98765.43, 19753.09, 99765.43, 98765.43, 19753.09, "", "", "", "Forklart i notat", "", 98765.43, -250.75, 19753.09],
    ["3. termin", 0, 0, 0, 0, 0, "", "", "", "", "", 0, -0.5, 0],
    ["4. termin"],
    ["5. termin"],
    ["6. termin"],
    ["Sum", { formula: "SUM(B7:B12)", result: 198765.43 }],
  ]);
  ws.getCell("Z1").value = "Egen merknad";
  await wb.xlsx.writeFile(path);
}

withLibreOffice.describe("a hand-made DFØ sheet through lonn avstem BOOK.xlsx --xlsx", () => {
  const dir = tempDir("lonn-hand-");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("formulas added only where cells were empty; LibreOffice's figures equal the core's", async () => {
    const book = join(dir, "hand.xlsx");
    await handMade(book);
    const before = new ExcelJS.Workbook();
    await before.xlsx.readFile(book);
    const snap = snapshotsOf(before, [SHEET]).get(SHEET) as SheetSnapshot;
    const read = ok(readAvstemming(snap));
    const a = ok(reconcile(read.oppsett, read.terminer));

    const out = join(dir, "hand-ut.xlsx");
    const r = await lonn("avstem", book, "--xlsx", out);
    expect(r.code).toBe(0);
    // The user's formula in H7 is kept and reported.
    expect(r.err).toContain(`'${SHEET}'!H7: Egen formel beholdt: «=E7-B7» (malen har «=IF(AND(COUNT(B7:C7)>0,COUNT(D7:F7)>0),B7-E7,"")»).`);

    const recalculated = recalculate(out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(recalculated);
    const ws = wb.getWorksheet(SHEET)!;
    const value = (addr: string) => {
      const c = ws.getCell(addr);
      return c.formula ? c.result ?? "" : c.value;
    };
    const ore = (v: unknown) => (typeof v === "number" ? Math.round(v * 100) + 0 : v);
    expect(ws.getCell("H7").formula).toBe("E7-B7");
    expect(ws.getCell("J8").value).toBe("Forklart i notat");
    expect(ws.getCell("Z1").value).toBe("Egen merknad");
    expect(ws.getCell("B13").formula).toBe("SUM(B7:B12)");
    for (const t of a.terminer) {
      const row = 6 + t.termin;
      // T4–T6 have no figures: not reconciled, their computed cells empty (missing is not zero).
      const shown = (v: Ore) => (t.avstemt ? ore(kroner(v)) : "");
      const cols: [string, Ore][] = [["G", t.G], ["I", t.I], ["O", t.O], ["P", t.P], ["Q", t.Q], ["R", t.R], ["T", t.T]];
      if (t.termin !== 1) cols.push(["H", t.H]);
      expect([t.termin, ...cols.map(([c]) => ore(value(`${c}${row}`)))]).toEqual([t.termin, ...cols.map(([, v]) => shown(v))]);
      expect(value(`S${row}`)).toBe(0.1387);
      expect(ws.getCell(`G${row}`).formula).toBe(`IF(AND(COUNT(B${row}:C${row})>0,COUNT(D${row}:F${row})>0),B${row}-D${row},"")`);
    }
    // M = −0,50 in T3: T = −0,06935 → −0,07 (half away from zero), in the engine as in the model.
    expect(kroner(a.terminer[2].T)).toBe(-0.07);
    const s = a.sum;
    const sums: [string, Ore][] = [["C", s.C], ["G", s.G], ["M", s.M], ["Q", s.Q], ["R", s.R], ["T", s.T]];
    expect(sums.map(([c]) => ore(value(`${c}13`)))).toEqual(sums.map(([, v]) => ore(kroner(v))));
    expect(ore(value("B13"))).toBe(ore(kroner(s.B)));

    // Read back from the recalculated file: the same run.
    const j = await lonn("avstem", recalculated, "--json");
    expect((JSON.parse(j.out).terminer as { R: number | null }[]).map((t) => t.R)).toEqual(a.terminer.map((t) => (t.avstemt ? kroner(t.R) : null)));
  }, 180_000);
});
