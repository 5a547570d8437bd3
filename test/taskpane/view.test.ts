/**
 * The pane's view model (src/taskpane/view): what it shows for core's results, and how it reads
 * what the user types. Pure functions, no DOM.
 */
import { isRuleError } from "../../src/core/errors";
import { importExports } from "../../src/core/import";
import { InputProblems } from "../../src/core/spk/problems";
import { avstem } from "../../src/core/spk/reconcile";
import { lagKorreksjonsbilag } from "../../src/core/spk/bilag";
import { DEFAULT_KONTOER, TerminInput } from "../../src/core/spk/types";
import { layoutMap } from "../../src/core/spk/sheet/locate";
import { yearEndFormFrom, adjustmentView, readYearEndForm, saldoView } from "../../src/taskpane/view/year-end-view";
import { reconcileView, flagPlace } from "../../src/taskpane/view/reconcile-view";
import { bilagView } from "../../src/taskpane/view/bilag-view";
import { officeErrorMessage } from "../../src/taskpane/view/office-errors";
import { kr, percent } from "../../src/taskpane/view/format";
import { importSettings, importFormFrom, lonnsarterFrom, summary, terminCards } from "../../src/taskpane/view/import-view";
import { parseAmountField, parseDateField, parsePercentField, percentFieldText } from "../../src/taskpane/view/input";
import { readForm, formFrom } from "../../src/taskpane/view/oppsett-form";
import { importFeil, problemMessages, stedI } from "../../src/taskpane/view/messages";
import { expectedTotals, OPPSETT, sampleSheets } from "./samples";

const NB = "\u00a0";
const MINUS = "\u2212";

describe("numbers as the pane shows them", () => {
  test("kroner with no-break thousands spaces, a decimal comma and a real minus", () => {
    expect(kr(1234567.89)).toBe(`1${NB}234${NB}567,89`);
    expect(kr(-96.1)).toBe(`${MINUS}96,10`);
    expect(kr(0)).toBe("0,00");
    expect(kr(0.1 + 0.2)).toBe("0,30");
    expect(kr(100.005)).toBe("100,005 (ikke hele øre)");
  });

  test("percent as typed, and read back exactly", () => {
    expect(percent(0.1387)).toBe(`13,87${NB}%`);
    expect(percentFieldText(0.1387)).toBe("13,87");
    for (const typed of ["13,87", "13,87 %", "13.87", " 13,87% "]) expect(parsePercentField(typed, "AGA-snittsats")).toEqual({ ok: true, verdi: 0.1387 });
    expect(parsePercentField("5", "x")).toEqual({ ok: true, verdi: 0.05 });
    expect(parsePercentField("100", "x").ok).toBe(false);
    expect(parsePercentField("", "x").ok).toBe(false);
  });

  test("amounts and dates typed the Norwegian way", () => {
    expect(parseAmountField("1 234,50")).toEqual({ ok: true, verdi: 1234.5 });
    expect(parseAmountField("", 0)).toEqual({ ok: true, verdi: 0 });
    expect(parseAmountField("").ok).toBe(false);
    expect(parseAmountField("1,005").ok).toBe(false);
    expect(parseDateField("15.3.2025")).toEqual({ ok: true, verdi: "15.03.2025" });
    expect(parseDateField("2025-03-15")).toEqual({ ok: true, verdi: "15.03.2025" });
    expect(parseDateField("31.02.2025").ok).toBe(false);
    expect(parseDateField("")).toEqual({ ok: true, verdi: "" });
  });
});

describe("the Oppsett form", () => {
  test("a workbook's Oppsett round-trips through the form", () => {
    const form = formFrom(OPPSETT, 2031);
    expect(form).toMatchObject({ aar: "2024", agaSats: "13,87", toleranse: "1,00", vesentlighetsgrense: "5", firma: "72" });
    expect(readForm(form, OPPSETT)).toEqual({ ok: true, oppsett: OPPSETT });
  });

  test("a new sheet: DFØ's accounts, 1 kr, 5 %, this year; the rate must be typed", () => {
    const form = formFrom(undefined, 2031);
    expect(form).toMatchObject({ aar: "2031", agaSats: "", budsjettering: "brutto", modus: "terminvis", kontoer: DEFAULT_KONTOER });
    const r = readForm(form);
    expect(r.ok ? {} : r.problems).toEqual({ agaSats: expect.stringMatching(/Fyll inn AGA-snittsats/) });
  });

  test("every bad field gets its own message; flipping an existing sheet's kind is refused", () => {
    const form = { ...formFrom(OPPSETT, 2024), aar: "24", agaSats: "abc", orgnr: "974760674", budsjettering: "netto" as const };
    const withKonto = { ...form, kontoer: { ...form.kontoer, differanse: " " }, dimensjoner: [{ navn: "", verdi: "7", pakrevd: false }, ...form.dimensjoner.slice(1)] };
    const r = readForm(withKonto, OPPSETT, "brutto");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.problems).sort()).toEqual(["aar", "agaSats", "budsjettering", "dim.1.navn", "konto.differanse", "orgnr"]);
    expect(r.problems.orgnr).toMatch(/kontrollsiffer/);
  });
});

describe("the Importer step", () => {
  const sheets = sampleSheets("eksempeletaten");
  const imported = importExports(
    { sap: { sheet: "SAP", values: sheets.SAP }, unit4: { sheet: "Unit4", values: sheets.Unit4 }, spk: { sheet: "SPK", values: sheets.SPK } },
    { aar: 2024, budsjettering: "brutto" },
  );
  if (!imported.ok) throw new Error("sample");

  test("the preview card per termin shows core's totals, as the README has them", () => {
    const cards = terminCards(imported.value);
    const expected = expectedTotals("eksempeletaten");
    expect(cards.map((c) => c.title)).toEqual(["T1 (jan–feb)", "T2 (mar–apr)", "T3 (mai–jun)", "T4 (jul–aug)", "T5 (sep–okt)", "T6 (nov–des)"]);
    cards.forEach((card, i) => {
      const shown = Object.fromEntries(card.lines.map((l) => [l.column, l.value.replace(/\u00a0/g, " ").replace(MINUS, "-")]));
      expect(shown).toEqual({ ...expected[i].tekst, K: expected[i].K });
    });
    expect(cards[0].rows).toBe("SAP 7 linjer, Unit4 6, SPK 4");
    expect(summary(imported.value.summaries[0])).toBe("SAP: 37 av 50 rader brukt (overskrift i rad 4); utelatt: andre lønnsarter (1000): 12, summeringslinjer: 1.");
  });

  test("sources: stored ranges first, else sheets named like the exports; stored back without pasted text", () => {
    const form = importFormFrom({ "import.spk": JSON.stringify({ omrade: "'SPK 2024'!A1:H40" }) }, ["sap", "Unit4 saldo", "Annet"]);
    expect(form.sources).toEqual({ sap: { omrade: "sap", limtInn: "" }, unit4: { omrade: "Unit4 saldo", limtInn: "" }, spk: { omrade: "'SPK 2024'!A1:H40", limtInn: "" } });
    const withText = { ...form, kilder: { ...form.sources, unit4: { omrade: "Unit4 saldo", limtInn: "Konto;Periode\n5420;202401" } }, lonnsarterB: "7300, 7301", lonnsarterC: "7350" };
    expect(importSettings(withText)).toEqual({
      "import.sap": JSON.stringify({ omrade: "sap", lonnsarter: { arbeidsgiverandel: ["7300", "7301"], medlemsinnskudd: ["7350"] } }),
      "import.unit4": "",
      "import.spk": JSON.stringify({ omrade: "'SPK 2024'!A1:H40" }),
    });
    expect(importFormFrom(importSettings(withText), [])).toMatchObject({ lonnsarterB: "7300, 7301", lonnsarterC: "7350" });
    expect(lonnsarterFrom({ ...withText, lonnsarterC: "" })).toEqual({ feil: expect.stringMatching(/både/) });
    expect(lonnsarterFrom({ ...withText, lonnsarterB: "", lonnsarterC: "" })).toBeUndefined();
  });

  test("errors with a sheet and cell become places to go; pasted text has none", () => {
    const items = importFeil(
      [
        { sheet: "SAP", cell: "F7", row: 7, message: "«<img src=x onerror=alert(1)>» er ikke et beløp." },
        { sheet: "SAP (limt inn)", cell: "F8", row: 8, message: "x" },
        { sheet: "SPK", message: "Termin 1: …" },
      ],
      ["SAP", "SPK"],
    );
    expect(items).toEqual([
      { tekst: "SAP!F7: «<img src=x onerror=alert(1)>» er ikke et beløp.", sted: { ark: "SAP", adresse: "F7" } },
      { tekst: "'SAP (limt inn)'!F8: x" },
      { tekst: "SPK: Termin 1: …" },
    ]);
  });
});

describe("places in core's messages", () => {
  test("a leading sheet!cell (quoted or not) is a place when the sheet exists", () => {
    const ark = ["A10 SPK brutto", "Ark 'x'"];
    expect(stedI("A10 SPK brutto!C9: «abc» er ikke et beløp.", ark)).toEqual({ ark: "A10 SPK brutto", adresse: "C9" });
    expect(stedI("'Ark ''x'''!$B$3: feil", ark)).toEqual({ ark: "Ark 'x'", adresse: "B3" });
    expect(stedI("Annet!C9: feil", ark)).toBeUndefined();
    expect(stedI("Termin 2: feil", ark)).toBeUndefined();
    expect(problemMessages(new InputProblems(["A10 SPK brutto!A4: Året mangler.", "Noe annet."]), ark)).toEqual([
      { tekst: "A10 SPK brutto!A4: Året mangler.", sted: { ark: "A10 SPK brutto", adresse: "A4" } },
      { tekst: "Noe annet." },
    ]);
  });
});

/** The sample's reconciliation, through the model. */
function sampleAvstemming(extras = {}) {
  const terminer = expectedTotals("eksempeletaten").map(
    (t): TerminInput => ({
      termin: t.termin, sapArbeidsgiverandel: t.B, sapMedlemsinnskudd: t.C, unit4Pensjonsutgift: t.D, unit4AvsetningArbeidsgiverandel: t.E,
      unit4Medlemsinnskudd: t.F, fakturanummer: t.K, fakturaArbeidsgiverandel: t.L, fakturaDifferanse: t.M, fakturaMedlemsinnskudd: t.N,
    }),
  );
  const a = avstem(OPPSETT, terminer, extras);
  if (isRuleError(a)) throw new Error(a.message);
  return a;
}

describe("the Avstem step", () => {
  test("R and T per termin, the flags with the cell to fix", () => {
    const v = reconcileView(sampleAvstemming(), layoutMap("A10 SPK brutto"));
    expect(v.rows.map((r) => r.R)).toEqual(["312,55", `${MINUS}96,10`, `71${NB}480,30`, "148,20", `${MINUS}18${NB}642,75`, `${MINUS}41,85`]);
    expect(v.sum.R).toBe(`53${NB}160,35`);
    expect(v.flags.map((f) => [f.kind, f.place?.address, f.button])).toEqual([
      ["uforklart", "J13", "Gå til J13"],
      ["vesentlig", "Q14", "Gå til Q14"],
    ]);
    expect(v.summary).toBe("2 flagg: 1 uforklart, 1 vesentlig.");
  });

  test("a broken posting rule points at O or P; a hand-made sheet at its own rows", () => {
    const flag = { kind: "posteringsregel" as const, termin: 4, kolonner: ["P"], melding: "" };
    const map = { ...layoutMap("Mitt ark"), ours: false, terminRows: new Map([[4, 30]]) };
    expect(flagPlace(flag, map)).toEqual({ ark: "Mitt ark", adresse: "P30" });
    expect(flagPlace({ ...flag, termin: 5 }, map)).toBeUndefined();
  });
});

describe("the Bilag step", () => {
  test("lines, dimensions and the balance of each voucher", () => {
    const bilag = lagKorreksjonsbilag(sampleAvstemming());
    if (isRuleError(bilag)) throw new Error(bilag.message);
    const v = bilagView(bilag, OPPSETT.dimensjoner);
    expect(v[0]).toMatchObject({ id: "SPK-2024-T1", dato: "29.02.2024 · periode 202402", iBalanse: true, balanse: "Sum 0,00: i balanse" });
    expect(v[0].lines.map((l) => [l.konto, l.belop, l.dimensjoner])).toEqual([
      ["5420", "312,55", "Koststed 1001"],
      ["2820", `${MINUS}312,55`, "Koststed 1001"],
      ["5401", "43,35", "Koststed 1001"],
      ["1986", `${MINUS}43,35`, "Koststed 1001"],
    ]);
    const broken = { ...bilag[0], linjer: bilag[0].linjer.slice(1) };
    expect(bilagView([broken], [])[0]).toMatchObject({ iBalanse: false, balanse: `Sum ${MINUS}312,55: går ikke i null` });
  });
});

describe("the Årsavslutning step", () => {
  const fra = {
    oppsett: OPPSETT,
    terminer: [{ ...sampleAvstemming().terminer[0].input, signatur: "PO", dato: "01.03.2024" }],
    saldoer: [{ konto: "2820", ib: 0, bevegelse: 53160.35 }],
    oppdatertAgaSats: 0.14,
    map: layoutMap("A10 SPK brutto"),
  };

  test("the form from the sheet: control accounts of the kind, the rate, signed termins locked", () => {
    const form = yearEndFormFrom(fra);
    expect(form.saldoer.map((s) => [s.name, s.ib, s.bevegelse])).toEqual([
      ["2630 medlemsinnskudd", "", ""],
      ["2810 avsetning arbeidsgiverandel, brutto", "", ""],
      ["2820 fakturadifferanse, brutto", "0,00", "53 160,35"],
    ]);
    expect(form.newRate).toBe("14");
    expect(form.signOffs.map((s) => s.signed)).toEqual([true, false, false, false, false, false]);
  });

  test("read back: only new sign-offs, each needing a signature and a date", () => {
    const form = yearEndFormFrom(fra);
    const signeringer = form.signOffs.map((s) => (s.termin === 2 ? { ...s, status: "A", signatur: "KN", dato: "15.5.2024" } : s.termin === 3 ? { ...s, status: "F" } : s));
    const r = readYearEndForm({ ...form, signOffs: signeringer });
    expect(r.ok ? {} : r.problems).toEqual({ "sign.3.signatur": expect.any(String), "sign.3.dato": expect.any(String) });
    const fixed = readYearEndForm({ ...form, signOffs: signeringer.filter((s) => s.termin !== 3) });
    expect(fixed).toEqual({
      ok: true,
      input: { saldoer: [{ konto: "2820", ib: 0, bevegelse: 53160.35 }], oppdatertAgaSats: 0.14, signeringer: [{ termin: 2, status: "A", signatur: "KN", dato: "15.05.2024" }] },
    });
  });

  test("the balance control and the AGA adjustment as core computes them", () => {
    const a = sampleAvstemming({ saldoer: fra.saldoer, oppdatertAgaSats: 0.14 });
    expect(saldoView(a.saldokontroll, OPPSETT)).toEqual([{ konto: "2820 fakturadifferanse, brutto", ub: `53${NB}160,35`, differanse: `53${NB}160,35`, ok: false }]);
    const j = adjustmentView(a.agaJustering!);
    expect(j.lines.map((l) => l.value)).toEqual([`14${NB}%`, `53${NB}160,35`, `7${NB}373,35`, `7${NB}442,45`, "69,10"]);
  });
});

describe("Excel's refusals in Norwegian", () => {
  test("known codes say what to do; reading never changed anything", () => {
    expect(officeErrorMessage({ code: "ItemNotFound", message: "x" }, "les")).toMatch(/^Fant ikke arket.*Arbeidsboken er ikke endret\.$/);
    expect(officeErrorMessage({ code: "InvalidOperation" }, "skriv")).toMatch(/Enter eller Esc.*Kjør handlingen på nytt/);
    expect(officeErrorMessage(new Error("boom"), "les")).toBe("Noe gikk galt: boom. Prøv igjen; gjentar feilen seg, lukk og åpne tillegget. Arbeidsboken er ikke endret.");
  });
});
