import { combineImports, importExports, importReport, readSap, readSpk } from "../../../src/core/import";
import { isProblems } from "../../../src/core/problem/problem";
import { ok, problemsOf } from "../../support/checked";
import { inKroner, sampleSources, terminFields } from "../../support/fixtures";

const lonnsarter = { arbeidsgiverandel: ["7300"], medlemsinnskudd: ["7350"] };
const sapJanApr = {
  sheet: "SAP",
  values: [
    ["Lønnsart", "Periode", "Beløp"],
    ["7300", "202401", "100,10"],
    ["7300", "202402", "0,20"],
    ["7350", "202404", "20"],
  ],
};
const spk = (termin: string) => ({
  sheet: "SPK",
  values: [["Termin", "Produkt", "Arbeidsgiverandel", "Medlemsandel", "Administrasjon", "Fakturanr"], [termin, "PEN", "90", "20", "1,50", "F-1"], [termin, "GRU", "15", "", "", "F-2"]],
});

describe("combining the exports per termin", () => {
  test("a termin gets fields only from the exports that have lines for it", () => {
    const r = ok(importExports({ sap: sapJanApr, spk: spk("T1") }, { aar: 2024, budsjettering: "brutto", sap: { lonnsarter } }));
    expect(r.terminer).toEqual([
      // M = (90 + 1,50 + 15 + 20) − 100,30 − 0
      { termin: 1, sapArbeidsgiverandel: 100.3, sapMedlemsinnskudd: 0, fakturanummer: "F-1, F-2", fakturaArbeidsgiverandel: 100.3, fakturaDifferanse: 26.2, fakturaMedlemsinnskudd: 0 },
      { termin: 2, sapArbeidsgiverandel: 0, sapMedlemsinnskudd: 20 },
      { termin: 3 }, { termin: 4 }, { termin: 5 }, { termin: 6 },
    ].map(terminFields));
    expect(r.preview[2]).toEqual({ termin: 3, label: "T3", maaneder: "mai–jun", rader: { sap: 0, unit4: 0, spk: 0 } });
    expect(r.summaries.map((s) => s.sheet)).toEqual(["SAP", "SPK"]);
  });

  test("netto needs no SAP figures to post the invoice", () => {
    const r = importExports({ spk: spk("T6") }, { aar: 2024, budsjettering: "netto" });
    expect(!isProblems(r) && r.terminer[5]).toEqual(terminFields({ termin: 6, fakturanummer: "F-1, F-2", fakturaArbeidsgiverandel: 106.5, fakturaDifferanse: 0, fakturaMedlemsinnskudd: 20 }));
  });

  test("brutto: an invoice for a termin the SAP export does not cover is refused", () => {
    const r = importExports({ sap: sapJanApr, spk: spk("T3") }, { aar: 2024, budsjettering: "brutto", sap: { lonnsarter } });
    expect(importReport("Importen", problemsOf(r))).toEqual([
      "Importen ble avvist (1 feil); ingenting er skrevet:",
      "SPK: Termin 3: Bruttobudsjettert: fakturaen posteres med SAP-avsetningen (B og C) på 2810 og 2630, så SAP-tallene for terminen må leses inn sammen med fakturaen. (SAP-filen har ingen linjer for termin 3.)",
    ]);
    const alone = importExports({ spk: spk("T3") }, { aar: 2024, budsjettering: "brutto" });
    expect(problemsOf(alone)[0].message).toContain("(SAP-filen er ikke lest inn.)");
  });

  test("the errors of every file at once, and no data", () => {
    const sources = sampleSources("eksempeletaten");
    const badSap = { ...sources.sap, values: sources.sap.values.map((row, i) => (i === 6 ? [row[0], row[1], "13.2024", ...row.slice(3)] : row)) };
    const badSpk = { ...sources.spk, values: sources.spk.values.map((row, i) => (i === 1 ? [...row.slice(0, 5), "tusen", ...row.slice(6)] : row)) };
    const r = importExports({ sap: badSap, unit4: sources.unit4, spk: badSpk }, { aar: 2024, budsjettering: "brutto" });
    expect(isProblems(r)).toBe(true);
    expect("terminer" in r).toBe(false);
    expect(importReport("Importen", problemsOf(r))).toEqual([
      "Importen ble avvist (2 feil); ingenting er skrevet:",
      "SAP!C7: «13.2024» er ikke en periode eller dato.",
      "SPK!F2: «tusen» er ikke et beløp.",
    ]);
  });

  test("a sample in the wrong year: every line is named", () => {
    const r = importExports(sampleSources("nettoetaten"), { aar: 2025, budsjettering: "netto" });
    expect(isProblems(r)).toBe(true);
    if (!isProblems(r)) return;
    // 36 SAP lines, 38 Unit4 lines and 24 invoice lines of 2024.
    expect(r.list.length).toBe(36 + 38 + 24);
    expect(importReport("Importen", r.list, 2)).toEqual([
      "Importen ble avvist (98 feil); ingenting er skrevet:",
      "SAP!C4: «31.01.2024» er i 2024, ikke i regnskapsåret 2025.",
      "SAP!C5: «31.01.2024» er i 2024, ikke i regnskapsåret 2025.",
      "… og 96 feil til.",
    ]);
  });

  test("no files", () => {
    expect(problemsOf(importExports({}, { aar: 2024, budsjettering: "netto" }))).toEqual([{ sheet: "Import", message: "Ingen filer å lese." }]);
  });

  test("combineImports takes readers' results directly", () => {
    const sap = ok(readSap(sapJanApr, { aar: 2024, lonnsarter }));
    const invoice = ok(readSpk(spk("1"), { aar: 2024 }));
    const r = combineImports({ sap, spk: invoice }, "brutto");
    expect(!isProblems(r) && inKroner(r.preview[0], "termin")).toMatchObject({ B: 100.3, C: 0, L: 100.3, M: 26.2, N: 0, K: "F-1, F-2" });
  });
});
