/**
 * A fill on an existing sheet keeps the user's fill colours (finding 15, the Office.js shell):
 * writing the vouchers again restyled Korreksjonsbilag's formula cells and sum rows over a colour
 * the accountant had set. Now the shell reads the fills of the cells it styles on an existing
 * sheet (getCellProperties, one more sync, only then) and keeps the user's.
 */
import { isProblems } from "../../src/core/problem/problem";
import { asOre } from "../../src/core/money/ore";
import { KORREKSJONSBILAG_SHEET, planKorreksjonsbilagSheet } from "../../src/core/spk/sheet/korreksjonsbilag-sheet";
import { DEFAULT_KONTOER, Oppsett } from "../../src/core/spk/types";
import { Bilag } from "../../src/core/voucher/types";
import { STYLES } from "../../src/core/workpaper/write-plan";
import { runPlanned, RunReport } from "../../src/excel/run";
import { FakeExcelHost } from "../fake-excel";
import { installed } from "./support";

const OPPSETT: Oppsett = {
  virksomhet: "Eksempeletaten", aar: 2024, budsjettering: "brutto", modus: "terminvis", agaSats: 0.1387,
  toleranse: asOre(100), vesentlighetsgrense: 0.05, kontoer: DEFAULT_KONTOER, dimensjoner: [], bilagsart: "KB", firma: "72",
};

const BILAG: Bilag[] = [
  {
    id: "SPK-2024-T1", termin: 1, tekst: "Differanse T1", dato: "2024-02-29", periode: "202402",
    linjer: [
      { termin: 1, linje: 1, konto: "5420", belop: asOre(123456), tekst: "Differanse", dimensjoner: {} },
      { termin: 1, linje: 2, konto: "2820", belop: asOre(-123456), tekst: "Motpost", dimensjoner: {} },
    ],
  },
];

const write = (host: FakeExcelHost) =>
  installed(host, () => runPlanned((s) => planKorreksjonsbilagSheet(BILAG, OPPSETT, s.get(KORREKSJONSBILAG_SHEET)), [KORREKSJONSBILAG_SHEET]));

const ok = (r: Awaited<ReturnType<typeof write>>): RunReport => {
  if (isProblems(r)) throw new Error(r.message);
  return r;
};

describe("Korreksjonsbilag written again through the Office.js shell", () => {
  test("a new sheet: two syncs as before, our fills; written again, the user's red and yellow stay and ours is kept elsewhere", async () => {
    const host = new FakeExcelHost().seed("Ark1");
    expect(ok(await write(host)).syncs).toBe(2);
    const formula = STYLES.formula.fill;
    const sum = STYLES.sum.fill;
    expect([host.cell(KORREKSJONSBILAG_SHEET, "G4").fill, host.cell(KORREKSJONSBILAG_SHEET, "G6").fill]).toEqual([formula, sum]);
    expect(host.cell(KORREKSJONSBILAG_SHEET, "G4").formula).toBe("=IF(I4>0,I4,0)");

    // The user colours a formula cell red and a sum cell yellow.
    host.sheet(KORREKSJONSBILAG_SHEET).edit(3, 6).fill = "#FF0000"; // G4, debet
    host.sheet(KORREKSJONSBILAG_SHEET).edit(5, 8).fill = "#FFFF00"; // I6, the sum
    host.resetLog();
    const report = ok(await write(host));
    expect(host.cell(KORREKSJONSBILAG_SHEET, "G4")).toMatchObject({ fill: "#FF0000", formula: "=IF(I4>0,I4,0)" });
    expect(host.cell(KORREKSJONSBILAG_SHEET, "I6")).toMatchObject({ fill: "#FFFF00", bold: true });
    expect(host.cell(KORREKSJONSBILAG_SHEET, "H4").fill).toBe(formula);
    expect(host.cell(KORREKSJONSBILAG_SHEET, "G6")).toMatchObject({ fill: sum, bold: true });
    // Read, the fills of the styled cells, the write.
    expect([report.syncs, host.syncCount]).toEqual([3, 3]);
    expect(host.writes.filter((w) => w.kind === "format.fill.color" && /!G4|!I6|G4:|I6:/.test(w.address)).map((w) => w.address)).toEqual([]);
  });
});
