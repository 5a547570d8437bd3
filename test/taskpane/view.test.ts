/**
 * The pane's view model (src/taskpane/view): what it shows for core's results, and how it reads
 * what the user types. Pure functions, no DOM.
 */
import { isRuleError } from "../../src/core/errors";
import { importExports } from "../../src/core/import";
import { ORE_ZERO, oreFromKroner } from "../../src/core/money/ore";
import { Checked, isProblems, Problems, rejected } from "../../src/core/problem/problem";
import { reconcile } from "../../src/core/spk/reconcile";
import { buildKorreksjonsbilag } from "../../src/core/spk/bilag";
import { DEFAULT_KONTOER, TerminInput } from "../../src/core/spk/types";
import { layoutMap } from "../../src/core/spk/sheet/locate";
import { yearEndFormFrom, adjustmentView, readYearEndForm, saldoView } from "../../src/taskpane/view/year-end-view";
import { reconcileView } from "../../src/taskpane/view/reconcile-view";
import { flagCell } from "../../src/core/spk/sheet/flag-cell";
import { bilagView } from "../../src/taskpane/view/bilag-view";
import { officeErrorMessage } from "../../src/taskpane/view/office-errors";
import { kr, percent } from "../../src/taskpane/view/format";
import { importSettings, importFormFrom, lonnsarterFrom, summary, terminCards } from "../../src/taskpane/view/import-view";
import { parseAmountField, parseDateField, parsePercentField, percentFieldText } from "../../src/taskpane/view/input";
import { readForm, formFrom } from "../../src/taskpane/view/oppsett-form";
import { message, problemMessages } from "../../src/taskpane/view/messages";
import { expectedTotals, OPPSETT, ore, sampleSheets } from "./samples";

const NB = "\u00a0";
const MINUS = "\u2212";

const ok = <T>(r: Checked<T>): T => {
  if (isProblems(r)) throw new Error(r.message);
  return r;
};

describe("numbers as the pane shows them", () => {
  test("kroner with no-break thousands spaces, a decimal comma and a real minus", () => {
    expect(kr(ore(1234567.89))).toBe(`1${NB}234${NB}567,89`);
    expect(kr(ore(-96.1))).toBe(`${MINUS}96,10`);
    expect(kr(ORE_ZERO)).toBe("0,00");
    // A cell's binary noise is the øre amount it shows; a real fraction of an øre never becomes
    // an amount (the model is whole øre): it is refused where it enters instead of shown marked.
    const noisy = oreFromKroner(0.1 + 0.2, "Beløpet");
    expect(isRuleError(noisy) ? noisy.message : kr(noisy)).toBe("0,30");
    const fraction = oreFromKroner(100.005, "Beløpet");
    expect(isRuleError(fraction) && fraction.message).toBe("Beløpet (100,005) har brøkdeler av øre; beløp kan ha høyst to desimaler.");
  });

  test("percent as typed, and read back exactly", () => {
    expect(percent(0.1387)).toBe(`13,87${NB}%`);
    expect(percentFieldText(0.1387)).toBe("13,87");
    for (const typed of ["13,87", "13,87 %", "13.87", " 13,87% "]) expect(parsePercentField(typed, "AGA-snittsats")).toEqual({ ok: true, value: 0.1387 });
    expect(parsePercentField("5", "x")).toEqual({ ok: true, value: 0.05 });
    expect(parsePercentField("100", "x").ok).toBe(false);
    expect(parsePercentField("", "x").ok).toBe(false);
  });

  test("amounts and dates typed the Norwegian way", () => {
    expect(parseAmountField("1 234,50")).toEqual({ ok: true, value: ore(1234.5) });
    expect(parseAmountField("", ORE_ZERO)).toEqual({ ok: true, value: ore(0) });
    expect(parseAmountField("").ok).toBe(false);
    expect(parseAmountField("1,005").ok).toBe(false);
    expect(parseDateField("15.3.2025")).toEqual({ ok: true, value: "15.03.2025" });
    expect(parseDateField("2025-03-15")).toEqual({ ok: true, value: "15.03.2025" });
    expect(parseDateField("31.02.2025").ok).toBe(false);
    expect(parseDateField("")).toEqual({ ok: true, value: "" });
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
    const withKonto = { ...form, kontoer: { ...form.kontoer, differanse: " " }, dimensjoner: [{ name: "", value: "7", pakrevd: false }, ...form.dimensjoner.slice(1)] };
    const r = readForm(withKonto, OPPSETT, "brutto");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.problems).sort()).toEqual(["aar", "agaSats", "budsjettering", "dim.1.navn", "konto.differanse", "orgnr"]);
    expect(r.problems.orgnr).toMatch(/kontrollsiffer/);
  });
});

describe("the Importer step", () => {
  const sheets = sampleSheets("eksempeletaten");
  const imported = ok(importExports(
    { sap: { sheet: "SAP", values: sheets.SAP }, unit4: { sheet: "Unit4", values: sheets.Unit4 }, spk: { sheet: "SPK", values: sheets.SPK } },
    { aar: 2024, budsjettering: "brutto" },
  ));

  test("the preview card per termin shows core's totals, as the README has them", () => {
    const cards = terminCards(imported);
    const expected = expectedTotals("eksempeletaten");
    expect(cards.map((c) => c.title)).toEqual(["T1 (jan–feb)", "T2 (mar–apr)", "T3 (mai–jun)", "T4 (jul–aug)", "T5 (sep–okt)", "T6 (nov–des)"]);
    cards.forEach((card, i) => {
      const shown = Object.fromEntries(card.lines.map((l) => [l.column, l.value.replace(/\u00a0/g, " ").replace(MINUS, "-")]));
      expect(shown).toEqual({ ...expected[i].tekst, K: expected[i].K });
    });
    expect(cards[0].rows).toBe("SAP 7 linjer, Unit4 6, SPK 4");
    expect(summary(imported.summaries[0])).toBe("SAP: 37 av 50 rader brukt (overskrift i rad 4); utelatt: andre lønnsarter (1000): 12, summeringslinjer: 1.");
  });

  test("sources: stored ranges first, else sheets named like the exports; stored back without pasted text", () => {
    const form = importFormFrom({ "import.spk": JSON.stringify({ omrade: "'SPK 2024'!A1:H40" }) }, ["sap", "Unit4 saldo", "Annet"]);
    expect(form.sources).toEqual({ sap: { range: "sap", pastedText: "" }, unit4: { range: "Unit4 saldo", pastedText: "" }, spk: { range: "'SPK 2024'!A1:H40", pastedText: "" } });
    const withText = { ...form, sources: { ...form.sources, unit4: { range: "Unit4 saldo", pastedText: "Konto;Periode\n5420;202401" } }, lonnsarterB: "7300, 7301", lonnsarterC: "7350" };
    expect(importSettings(withText)).toEqual({
      "import.sap": JSON.stringify({ omrade: "sap", lonnsarter: { arbeidsgiverandel: ["7300", "7301"], medlemsinnskudd: ["7350"] } }),
      "import.unit4": "",
      "import.spk": JSON.stringify({ omrade: "'SPK 2024'!A1:H40" }),
      "import.likeRader": "",
    });
    expect(importFormFrom(importSettings(withText), [])).toMatchObject({ lonnsarterB: "7300, 7301", lonnsarterC: "7350", acceptCopies: false });
    // «Godta like rader» is kept in the workbook with the ranges (issue 13, item 8).
    expect(importFormFrom(importSettings({ ...withText, acceptCopies: true }), []).acceptCopies).toBe(true);
    expect(lonnsarterFrom({ ...withText, lonnsarterC: "" })).toEqual({ problem: expect.stringMatching(/både/) });
    expect(lonnsarterFrom({ ...withText, lonnsarterB: "", lonnsarterC: "" })).toBeUndefined();
  });

  test("errors with a sheet and cell become places to go; pasted text has none", () => {
    const items = problemMessages(
      rejected("Importen", [
        { sheet: "SAP", cell: "F7", row: 7, message: "«<img src=x onerror=alert(1)>» er ikke et beløp." },
        { sheet: "SAP (limt inn)", cell: "F8", row: 8, message: "x" },
        { sheet: "SPK", message: "Termin 1: …" },
      ]),
      ["SAP", "SPK"],
    );
    expect(items).toEqual([
      { text: "SAP!F7: «<img src=x onerror=alert(1)>» er ikke et beløp.", place: { sheet: "SAP", address: "F7" } },
      { text: "'SAP (limt inn)'!F8: x" },
      { text: "SPK: Termin 1: …" },
    ]);
  });
});

describe("places in core's messages", () => {
  test("a problem's sheet!cell (quoted as Excel quotes it) is a place when the sheet exists", () => {
    const ark = ["A10 SPK brutto", "Ark 'x'"];
    expect(message({ sheet: "A10 SPK brutto", cell: "C9", message: "«abc» er ikke et beløp." }, ark)).toEqual({
      text: "'A10 SPK brutto'!C9: «abc» er ikke et beløp.",
      place: { sheet: "A10 SPK brutto", address: "C9" },
    });
    expect(message({ sheet: "Ark 'x'", cell: "$B$3", message: "feil" }, ark)).toEqual({ text: "'Ark ''x'''!$B$3: feil", place: { sheet: "Ark 'x'", address: "B3" } });
    expect(message({ sheet: "Annet", cell: "C9", message: "feil" }, ark).place).toBeUndefined();
    expect(message({ message: "Termin 2: feil" }, ark).place).toBeUndefined();
    expect(problemMessages(new Problems([{ sheet: "A10 SPK brutto", cell: "A4", message: "Året mangler." }, { message: "Noe annet." }]), ark)).toEqual([
      { text: "'A10 SPK brutto'!A4: Året mangler.", place: { sheet: "A10 SPK brutto", address: "A4" } },
      { text: "Noe annet." },
    ]);
  });
});

/** The sample's reconciliation, through the model. */
function sampleAvstemming(extras = {}) {
  const terminer = expectedTotals("eksempeletaten").map(
    (t): TerminInput => ({
      termin: t.termin, sapArbeidsgiverandel: ore(t.B), sapMedlemsinnskudd: ore(t.C), unit4Pensjonsutgift: ore(t.D), unit4AvsetningArbeidsgiverandel: ore(t.E),
      unit4Medlemsinnskudd: ore(t.F), fakturanummer: t.K, fakturaArbeidsgiverandel: ore(t.L), fakturaDifferanse: ore(t.M), fakturaMedlemsinnskudd: ore(t.N),
    }),
  );
  return ok(reconcile(OPPSETT, terminer, extras));
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
    expect(flagCell(flag, map, sampleAvstemming())).toBe("P30");
    expect(flagCell({ ...flag, termin: 5 }, map, sampleAvstemming())).toBeUndefined();
  });
});

describe("the Bilag step", () => {
  test("lines, dimensions and the balance of each voucher", () => {
    const bilag = ok(buildKorreksjonsbilag(sampleAvstemming()));
    const v = bilagView(bilag, OPPSETT.dimensjoner);
    expect(v[0]).toMatchObject({ id: "SPK-2024-T1", dato: "29.02.2024 · periode 202402", balanced: true, balance: "Sum 0,00: i balanse" });
    expect(v[0].lines.map((l) => [l.konto, l.belop, l.dimensjoner])).toEqual([
      ["5420", "312,55", "Koststed 1001"],
      ["2820", `${MINUS}312,55`, "Koststed 1001"],
      ["5401", "43,35", "Koststed 1001"],
      ["1986", `${MINUS}43,35`, "Koststed 1001"],
    ]);
    const broken = { ...bilag[0], linjer: bilag[0].linjer.slice(1) };
    expect(bilagView([broken], [])[0]).toMatchObject({ balanced: false, balance: `Sum ${MINUS}312,55: går ikke i null` });
  });
});

describe("the Årsavslutning step", () => {
  const fra = {
    oppsett: OPPSETT,
    terminer: [{ ...sampleAvstemming().terminer[0].input, signatur: "PO", dato: "01.03.2024" }],
    saldoer: [{ konto: "2820", ib: ORE_ZERO, bevegelse: ore(53160.35) }],
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
      input: { saldoer: [{ konto: "2820", ib: ore(0), bevegelse: ore(53160.35) }], oppdatertAgaSats: 0.14, signOffs: [{ termin: 2, status: "A", signatur: "KN", dato: "15.05.2024" }] },
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
    expect(officeErrorMessage({ code: "ItemNotFound", message: "x" }, "read")).toMatch(/^Fant ikke arket.*Arbeidsboken er ikke endret\.$/);
    expect(officeErrorMessage({ code: "InvalidOperation" }, "write")).toMatch(/Enter eller Esc.*Kjør handlingen på nytt/);
    expect(officeErrorMessage(new Error("boom"), "read")).toBe("Noe gikk galt: boom. Prøv igjen; gjentar feilen seg, lukk og åpne tillegget. Arbeidsboken er ikke endret.");
  });
});
