/**
 * Merged cells in the template area through the Office.js shell and the strict fake host
 * (finding 1): the merged areas are read in the same sync as the snapshots (ExcelApi 1.13), the
 * plan is refused with a problem per merged area it would write into, and nothing is written.
 * Where the API is missing, or Excel refuses it (over 512 areas), the fill runs and says so.
 */
import { isProblems, Problems } from "../../src/core/problem/problem";
import { asOre } from "../../src/core/money/ore";
import { planAvstemming } from "../../src/core/spk/sheet/plan";
import { DEFAULT_KONTOER, Oppsett, TerminInput } from "../../src/core/spk/types";
import { SETTINGS_SHEET } from "../../src/core/workpaper/settings";
import { mergedAddresses, queueSnapshots } from "../../src/excel/read";
import { runPlanned, RunReport, Snapshots } from "../../src/excel/run";
import { FakeExcelHost, parseLocal } from "../fake-excel";
import { installed, withExcel } from "./support";

const SHEET = "A10 SPK brutto";
const ore = (kroner: number) => asOre(Math.round(kroner * 100));

const OPPSETT: Oppsett = {
  virksomhet: "Eksempeletaten", aar: 2024, budsjettering: "brutto", modus: "terminvis", agaSats: 0.1387,
  toleranse: ore(1), vesentlighetsgrense: 0.05, kontoer: DEFAULT_KONTOER, dimensjoner: [], bilagsart: "KB", firma: "72",
};

const termin = (t: number, sap: number, extra: Partial<TerminInput> = {}): TerminInput => ({
  termin: t, sapArbeidsgiverandel: ore(sap), sapMedlemsinnskudd: ore(sap / 5), unit4Pensjonsutgift: ore(sap), unit4AvsetningArbeidsgiverandel: ore(sap),
  unit4Medlemsinnskudd: ore(sap / 5), fakturaArbeidsgiverandel: ore(sap), fakturaDifferanse: ore(0), fakturaMedlemsinnskudd: ore(sap / 5), ...extra,
});

const fill = (host: FakeExcelHost, terminer: readonly TerminInput[]) =>
  installed(host, () =>
    runPlanned((snaps: Snapshots) => planAvstemming({ oppsett: OPPSETT, terminer, existing: snaps.get(SHEET), settings: snaps.get(SETTINGS_SHEET) }), [SHEET, SETTINGS_SHEET]),
  );

const ok = (r: Awaited<ReturnType<typeof fill>>): RunReport => {
  if (isProblems(r)) throw new Error(r.message);
  return r;
};

/** Our template filled once, then the user's merges as Excel keeps them (the top-left's content only). */
async function mergedHost(requirementSets: Record<string, string>): Promise<FakeExcelHost> {
  const host = new FakeExcelHost({ requirementSets }).seed("Ark1");
  ok(await fill(host, [termin(1, 100000), termin(2, 98000)]));
  const s = host.sheet(SHEET);
  for (const a of ["J13", "C12", "H12"]) {
    const { r0, c0 } = parseLocal(a);
    const cell = s.edit(r0, c0);
    delete cell.formula;
    cell.value = "";
  }
  host.seed(SHEET, [["Forklart i møte med DFØ 12.03"]], { origin: "J12" });
  host.seedMerge(SHEET, "J12:J13").seedMerge(SHEET, "B12:C12").seedMerge(SHEET, "G12:H12");
  host.resetLog();
  return host;
}

const SECOND = [termin(1, 100500), termin(2, 98000, { forklaring: "Etterbetaling i februar" })];

describe("merged cells in the template area, Office.js shell", () => {
  test("refused, one problem per merged area at its sheet and cell, after the one read sync; nothing is written", async () => {
    const host = await mergedHost({ ExcelApi: "1.13" });
    const before = host.state();
    const r = await fill(host, SECOND);
    expect(isProblems(r)).toBe(true);
    const problems = r as Problems;
    expect(problems.heading).toBe("Skriveplanen kan ikke brukes:");
    expect(problems.list.map((p) => [p.sheet, p.cell, p.message.split(";")[0]])).toEqual([
      [SHEET, "B12:C12", "Cellene B12:C12 er slått sammen"],
      [SHEET, "G12:H12", "Cellene G12:H12 er slått sammen"],
      [SHEET, "J12:J13", "Cellene J12:J13 er slått sammen"],
    ]);
    expect(problems.list[0].message).toMatch(/planen skriver i B12 og C12, /);
    expect(host.syncCount).toBe(1);
    expect(host.writes).toEqual([]);
    expect(host.state()).toEqual(before);
  });

  test("without ExcelApi 1.13 the merges cannot be read: the fill runs, and a notice says what was not checked", async () => {
    const host = await mergedHost({ ExcelApi: "1.9" });
    const report = ok(await fill(host, SECOND));
    expect(report.syncs).toBe(2);
    expect(report.notices.map((n) => [n.sheet, n.message])).toContainEqual([
      SHEET,
      "Ikke kontrollert: denne Excel-versjonen kan ikke si hvilke celler som er slått sammen (det krever ExcelApi 1.13). Se etter at ingen av cellene som er skrevet, er slått sammen med andre.",
    ]);
  });

  test("a sheet with more than 512 merged areas (Excel refuses to list them): read again without, and said", async () => {
    const host = await mergedHost({ ExcelApi: "1.13" });
    for (let i = 0; i < 513; i++) host.seedMerge(SHEET, `Z${100 + 2 * i}:AA${100 + 2 * i}`);
    host.resetLog();
    const report = ok(await fill(host, [termin(1, 100000), termin(2, 98000)]));
    expect(report.syncs).toBe(5);
    expect(report.notices.map((n) => n.message)).toContainEqual(expect.stringMatching(/^Ikke kontrollert: Excel kunne ikke si hvilke celler som er slått sammen \(et ark har flere enn 512/));
  });

  test("merges outside every written cell: the fill runs as before, in two syncs, with no notice about merges", async () => {
    const host = new FakeExcelHost({ requirementSets: { ExcelApi: "1.13" } }).seed("Ark1");
    ok(await fill(host, [termin(1, 100000)]));
    host.seedMerge(SHEET, "Y1:Z3");
    host.resetLog();
    const report = ok(await fill(host, [termin(1, 100500)]));
    expect(report.syncs).toBe(2);
    expect(report.notices.filter((n) => /sammen/.test(n.message))).toEqual([]);
    expect(host.values(SHEET, "B12")).toEqual([[100500]]);
  });

  test("the snapshot carries the merges read in the same sync; RangeAreas addresses are split with quoted sheet names", async () => {
    const host = new FakeExcelHost({ requirementSets: { ExcelApi: "1.13" } }).seed("Ark, 1", [["a"]]).seedMerge("Ark, 1", "A1:B2").seedMerge("Ark, 1", "$D$4:$D$9");
    const snaps = await withExcel(host, async (context) => {
      const collect = queueSnapshots(context, ["Ark, 1", "Borte"], undefined, true);
      await context.sync();
      return collect();
    });
    expect(host.syncCount).toBe(1);
    expect(snaps.get("Ark, 1")?.merges).toEqual(["A1:B2", "D4:D9"]);
    expect(snaps.get("Borte")).toBeUndefined();
    expect(mergedAddresses("'A10 SPK brutto'!J12:J13, 'Ark, ''1'''!$B$12:$C$12,Ark2!A1:A2")).toEqual(["J12:J13", "B12:C12", "A1:A2"]);
  });
});
