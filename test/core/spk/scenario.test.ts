import { isProblems, Problems } from "../../../src/core/problem/problem";
import { reconcile } from "../../../src/core/spk/reconcile";
import { extrasFrom, oppsettFrom, parseScenario, terminerFrom } from "../../../src/core/spk/scenario";
import { Scenario } from "../../../src/core/spk/types";
import { inKroner, ore } from "../../support/fixtures";

const DESIGN_EXAMPLE = {
  virksomhet: "Eksempeletaten", aar: 2024, budsjettering: "brutto", modus: "terminvis", agaSats: 0.1387,
  terminer: [{
    termin: 1, sapArbeidsgiverandel: 0, sapMedlemsinnskudd: 0, unit4Pensjonsutgift: 0, unit4AvsetningArbeidsgiverandel: 0,
    unit4Medlemsinnskudd: 0, fakturaArbeidsgiverandel: 0, fakturaDifferanse: 0, fakturaMedlemsinnskudd: 0,
  }],
};

function ok(json: unknown): Scenario {
  const r = parseScenario(json);
  if (isProblems(r)) throw new Error(r.message);
  return r;
}

const problems = (json: unknown) => {
  const r = parseScenario(json);
  expect(r).toBeInstanceOf(Problems);
  return (r as Problems).lines;
};

describe("parseScenario", () => {
  test("the example of DESIGN.md §7 reads as written", () => {
    const s = ok(DESIGN_EXAMPLE);
    expect(s).toMatchObject({ virksomhet: "Eksempeletaten", aar: 2024, budsjettering: "brutto", modus: "terminvis", agaSats: 0.1387 });
    expect(s.terminer).toHaveLength(1);
  });

  test("defaults: terminvis, toleranse 1, 5 %, DFØ's accounts, bilagsart and firma empty", () => {
    const { modus: _m, ...noModus } = DESIGN_EXAMPLE;
    const o = oppsettFrom(ok({ ...noModus, kontoer: { agaMotkontoNetto: 2772 } }));
    expect(o).toEqual({
      virksomhet: "Eksempeletaten", aar: 2024, budsjettering: "brutto", modus: "terminvis", agaSats: 0.1387,
      toleranse: ore(1), vesentlighetsgrense: 0.05,
      kontoer: {
        differanse: "5420", avsetningBrutto: "2810", fakturadifferanse: "2820", avsetningNetto: "2961",
        medlemsinnskudd: "2630", agaKostnad: "5401", agaMotkontoBrutto: "1986", agaMotkontoNetto: "2772",
      },
      dimensjoner: [], bilagsart: "", firma: "",
    });
  });

  test("missing is not zero: a termin without input and a source without fields are missing; texts are kept", () => {
    const s = ok({ ...DESIGN_EXAMPLE, terminer: [{ termin: 3, sapArbeidsgiverandel: 1200.5, sapMedlemsinnskudd: 0, forklaring: "Etterbetaling", fakturanummer: 123456 }] });
    const rows = terminerFrom(s);
    expect(rows.map((r) => r.termin)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows[0].mangler).toEqual(["sap", "unit4", "faktura"]);
    expect(rows[2].mangler).toEqual(["unit4", "faktura"]);
    expect(inKroner(rows[2], "termin", "mangler")).toMatchObject({ sapArbeidsgiverandel: 1200.5, sapMedlemsinnskudd: 0, forklaring: "Etterbetaling", fakturanummer: "123456" });
    // null in every field of a source says the same: the invoice for termin 6 has not come.
    const nulls = ok({ ...DESIGN_EXAMPLE, terminer: [{ termin: 6, sapArbeidsgiverandel: 1, sapMedlemsinnskudd: 1, unit4Pensjonsutgift: 1, unit4AvsetningArbeidsgiverandel: 1, unit4Medlemsinnskudd: 1, fakturaArbeidsgiverandel: null, fakturaDifferanse: null, fakturaMedlemsinnskudd: null }] });
    expect(terminerFrom(nulls)[5].mangler).toEqual(["faktura"]);
    // Not reconciled: no R, no T, no voucher.
    const a = reconcile(oppsettFrom(nulls), nulls.terminer);
    if (isProblems(a)) throw new Error(a.message);
    expect([a.terminer[5].avstemt, a.terminer[5].R, a.terminer[5].T]).toEqual([false, 0, 0]);
  });

  test("a source with only some of its fields is a problem, named once per termin", () => {
    expect(problems({ ...DESIGN_EXAMPLE, terminer: [{ termin: 2, sapArbeidsgiverandel: 1000, fakturaArbeidsgiverandel: 1000, fakturaDifferanse: null, fakturaMedlemsinnskudd: 0 }] })).toEqual([
      "terminer[0] har tall fra SAP, men mangler sapMedlemsinnskudd. Oppgi alle feltene for SAP (0 der beløpet er 0), eller null i alle når tallene ikke finnes ennå.",
      "terminer[0] har tall fra SPK-fakturaen, men mangler fakturaDifferanse. Oppgi alle feltene for SPK-fakturaen (0 der beløpet er 0), eller null i alle når tallene ikke finnes ennå.",
    ]);
  });

  test("words are read case- and æøå-insensitively", () => {
    expect(ok({ ...DESIGN_EXAMPLE, budsjettering: "Netto", modus: "Årsslutt" })).toMatchObject({ budsjettering: "netto", modus: "arsslutt" });
  });

  test("optional parts: dimensions, virksomheter, balances, updated rate", () => {
    const s = ok({
      ...DESIGN_EXAMPLE, orgnr: "974 760 673", bilagsart: "KB", firma: 72, toleranse: 5, vesentlighetsgrense: 0.1,
      dimensjoner: [{ nummer: 1, navn: "Koststed", verdi: "1001", fordeling: [{ verdi: "1001", vekt: 3 }, { verdi: "1002", vekt: 1 }], pakrevd: true }],
      virksomheter: [{ virksomhetsnummer: "973861883", navn: "Avd. Oslo", sone: "I", grunnlag: 1000000 }],
      saldoer: [{ konto: 2820, ib: 0, bevegelse: 12.34 }],
      oppdatertAgaSats: 0.1412,
    });
    const o = oppsettFrom(s);
    expect(o).toMatchObject({ orgnr: "974760673", bilagsart: "KB", firma: "72", toleranse: ore(5), vesentlighetsgrense: 0.1 });
    expect(o.dimensjoner).toEqual([{ nummer: 1, navn: "Koststed", verdi: "1001", fordeling: [{ verdi: "1001", vekt: 3 }, { verdi: "1002", vekt: 1 }], pakrevd: true }]);
    expect(s.virksomheter?.map((v) => inKroner(v))).toEqual([{ virksomhetsnummer: "973861883", navn: "Avd. Oslo", sone: "I", grunnlag: 1000000 }]);
    expect(extrasFrom(s)).toEqual({ saldoer: [{ konto: "2820", ib: ore(0), bevegelse: ore(12.34) }], oppdatertAgaSats: 0.1412 });
  });

  test("an organisation number is checked by its modulus-11 digit, as in _lonn, the trekk scenario and the pane", () => {
    // 974 760 673 is valid (above); changing its last digit breaks the check.
    expect(problems({ ...DESIGN_EXAMPLE, orgnr: "974760674", virksomheter: [{ virksomhetsnummer: "973861884", sone: "I", grunnlag: 1 }] })).toEqual([
      "orgnr 974760674 har feil kontrollsiffer (modulus 11).",
      "virksomheter[0].virksomhetsnummer 973861884 har feil kontrollsiffer (modulus 11).",
    ]);
  });

  test("scenario → model end to end", () => {
    const s = ok({
      ...DESIGN_EXAMPLE,
      terminer: [{
        termin: 2, sapArbeidsgiverandel: 1000, sapMedlemsinnskudd: 0, unit4Pensjonsutgift: 1000, unit4AvsetningArbeidsgiverandel: 1000, unit4Medlemsinnskudd: 0,
        fakturaArbeidsgiverandel: 1000, fakturaDifferanse: 100, fakturaMedlemsinnskudd: 0,
      }],
    });
    const a = reconcile(oppsettFrom(s), s.terminer, extrasFrom(s));
    if (isProblems(a)) throw new Error(a.message);
    // R = M = 100; T = 100 × 0,1387 = 13,87
    expect(inKroner(a.terminer[1], "termin", "S")).toMatchObject({ R: 100, T: 13.87 });
  });

  test("every problem is named by its path, all at once", () => {
    expect(problems({
      virksomhet: 7, aar: 2024.5, budsjettering: "halvbrutto", modus: "månedlig", agaSats: 13.87, toleranse: -2, orgnr: "123",
      kontoer: { differanse: "", agaMotkonto: "1986" },
      terminer: [
        { termin: 1, sapArbeidsgiverandel: "1 234,50" },
        { termin: 7 },
        { termin: 1, sapArbeidsgiverAndel: 5, unit4Pensjonsutgift: 10.005 },
        "T4",
      ],
      saldoer: [{ konto: "2820", ib: "x" }],
      oppdatertAgaSats: 1.5,
      ekstra: true,
    })).toEqual([
      "ekstra er ikke et kjent felt.",
      "virksomhet er ikke en tekst.",
      "aar må være et heltall fra 1990 til 2100 (fikk 2024.5).",
      "budsjettering må være «brutto» eller «netto» (fikk «halvbrutto»).",
      "modus må være «terminvis» eller «arsslutt» (fikk «månedlig»).",
      "agaSats må være en brøk fra og med 0 til 1, f.eks. 0.1387 for 13,87 % (fikk 13.87).",
      "toleranse kan ikke være negativ (fikk -2).",
      "orgnr må ha ni sifre (fikk «123»).",
      "kontoer.agaMotkonto er ikke et kjent felt.",
      "kontoer.differanse er tom.",
      "terminer[2].sapArbeidsgiverAndel er ikke et kjent felt (mente du sapArbeidsgiverandel?).",
      "terminer[3] er ikke et objekt.",
      "terminer[0] har tall fra SAP, men mangler sapMedlemsinnskudd. Oppgi alle feltene for SAP (0 der beløpet er 0), eller null i alle når tallene ikke finnes ennå.",
      "terminer[0].sapArbeidsgiverandel er ikke et tall.",
      "terminer[1].termin må være et heltall fra 1 til 6 (fikk 7).",
      "terminer[2] har tall fra Unit4, men mangler unit4AvsetningArbeidsgiverandel, unit4Medlemsinnskudd. Oppgi alle feltene for Unit4 (0 der beløpet er 0), eller null i alle når tallene ikke finnes ennå.",
      "terminer[2].unit4Pensjonsutgift (10,005) har brøkdeler av øre; beløp kan ha høyst to desimaler.",
      // The JSON path is the problem's place and continues the message (was «terminer[2]: termin 1 finnes allerede …»).
      "terminer[2] har termin 1, som finnes allerede (terminer[0]).",
      "saldoer[0].ib er ikke et tall.",
      "saldoer[0].bevegelse mangler.",
      "oppdatertAgaSats må være en brøk fra og med 0 til 1, f.eks. 0.1387 for 13,87 % (fikk 1.5).",
    ]);
  });

  test("required fields and the shape", () => {
    expect(problems({})).toEqual([
      "virksomhet mangler.", "aar mangler.", "budsjettering mangler.", "agaSats mangler.",
      "terminer mangler (en liste med én post per termin; en tom liste betyr at ingen termin er avstemt ennå).",
    ]);
    expect(problems([1, 2])).toEqual(["Scenarioet må være et JSON-objekt med virksomhet, aar, budsjettering, agaSats og terminer."]);
    expect(problems({ ...DESIGN_EXAMPLE, dimensjoner: [{ nummer: 8, navn: "X" }, { nummer: 2, navn: "P", fordeling: [{ verdi: "a", vekt: 0 }] }, { nummer: 2, navn: "Q", pakrevd: "ja" }] })).toEqual([
      "dimensjoner[0].nummer må være et heltall fra 1 til 7 (fikk 8).",
      // The JSON path continues the message (was «…fordeling: minst én vekt må være større enn 0.», «dimensjoner[2]: dimensjon 2 finnes allerede.»).
      "dimensjoner[1].fordeling må ha minst én vekt større enn 0.",
      "dimensjoner[2].pakrevd må være true eller false.",
      "dimensjoner[2] har dimensjon 2, som finnes allerede.",
    ]);
  });
});
