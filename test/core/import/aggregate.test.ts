import { combineImports, formatImportErrors, importExports, readSap, readSpk } from "../../../src/core/import";
import { sampleSources } from "./helpers";

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
    const r = importExports({ sap: sapJanApr, spk: spk("T1") }, { aar: 2024, budsjettering: "brutto", sap: { lonnsarter } });
    if (!r.ok) throw new Error(formatImportErrors(r.errors).join("\n"));
    expect(r.value.terminer).toEqual([
      // M = (90 + 1,50 + 15 + 20) − 100,30 − 0
      { termin: 1, sapArbeidsgiverandel: 100.3, sapMedlemsinnskudd: 0, fakturanummer: "F-1, F-2", fakturaArbeidsgiverandel: 100.3, fakturaDifferanse: 26.2, fakturaMedlemsinnskudd: 0 },
      { termin: 2, sapArbeidsgiverandel: 0, sapMedlemsinnskudd: 20 },
      { termin: 3 }, { termin: 4 }, { termin: 5 }, { termin: 6 },
    ]);
    expect(r.value.preview[2]).toEqual({ termin: 3, label: "T3", maaneder: "mai–jun", rader: { sap: 0, unit4: 0, spk: 0 } });
    expect(r.value.summaries.map((s) => s.sheet)).toEqual(["SAP", "SPK"]);
  });

  test("netto needs no SAP figures to post the invoice", () => {
    const r = importExports({ spk: spk("T6") }, { aar: 2024, budsjettering: "netto" });
    expect(r.ok && r.value.terminer[5]).toEqual({ termin: 6, fakturanummer: "F-1, F-2", fakturaArbeidsgiverandel: 106.5, fakturaDifferanse: 0, fakturaMedlemsinnskudd: 20 });
  });

  test("brutto: an invoice for a termin the SAP export does not cover is refused", () => {
    const r = importExports({ sap: sapJanApr, spk: spk("T3") }, { aar: 2024, budsjettering: "brutto", sap: { lonnsarter } });
    expect(!r.ok && formatImportErrors(r.errors)).toEqual([
      "Importen ble avvist (1 feil); ingenting er skrevet:",
      "SPK: Termin 3: Bruttobudsjettert: fakturaen posteres med SAP-avsetningen (B og C) på 2810 og 2630, så SAP-tallene for terminen må leses inn sammen med fakturaen. (SAP-filen har ingen linjer for termin 3.)",
    ]);
    const alone = importExports({ spk: spk("T3") }, { aar: 2024, budsjettering: "brutto" });
    expect(!alone.ok && alone.errors[0].message).toContain("(SAP-filen er ikke lest inn.)");
  });

  test("the errors of every file at once, and no data", () => {
    const sources = sampleSources("eksempeletaten");
    const badSap = { ...sources.sap, values: sources.sap.values.map((row, i) => (i === 6 ? [row[0], row[1], "13.2024", ...row.slice(3)] : row)) };
    const badSpk = { ...sources.spk, values: sources.spk.values.map((row, i) => (i === 1 ? [...row.slice(0, 5), "tusen", ...row.slice(6)] : row)) };
    const r = importExports({ sap: badSap, unit4: sources.unit4, spk: badSpk }, { aar: 2024, budsjettering: "brutto" });
    expect(r.ok).toBe(false);
    expect("value" in r).toBe(false);
    expect(!r.ok && formatImportErrors(r.errors)).toEqual([
      "Importen ble avvist (2 feil); ingenting er skrevet:",
      "SAP!C7: «13.2024» er ikke en periode eller dato.",
      "SPK!F2: «tusen» er ikke et beløp.",
    ]);
  });

  test("a sample in the wrong year: every line is named", () => {
    const r = importExports(sampleSources("nettoetaten"), { aar: 2025, budsjettering: "netto" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // 36 SAP lines, 38 Unit4 lines and 24 invoice lines of 2024.
    expect(r.errors.length).toBe(36 + 38 + 24);
    expect(formatImportErrors(r.errors, 2)).toEqual([
      "Importen ble avvist (98 feil); ingenting er skrevet:",
      "SAP!C4: «31.01.2024» er i 2024, ikke i regnskapsåret 2025.",
      "SAP!C5: «31.01.2024» er i 2024, ikke i regnskapsåret 2025.",
      "… og 96 feil til.",
    ]);
  });

  test("no files", () => {
    expect(importExports({}, { aar: 2024, budsjettering: "netto" })).toEqual({ ok: false, errors: [{ sheet: "Import", message: "Ingen filer å lese." }] });
  });

  test("combineImports takes readers' results directly", () => {
    const sap = readSap(sapJanApr, { aar: 2024, lonnsarter });
    const invoice = readSpk(spk("1"), { aar: 2024 });
    if (!sap.ok || !invoice.ok) throw new Error("sample rows");
    const r = combineImports({ sap: sap.value, spk: invoice.value }, "brutto");
    expect(r.ok && r.value.preview[0]).toMatchObject({ B: 100.3, C: 0, L: 100.3, M: 26.2, N: 0, K: "F-1, F-2" });
  });
});
