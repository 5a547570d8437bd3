/**
 * The a-melding reader on hand-made meldinger: what it reads, the replacement rules across files,
 * and every kind of problem, each with its file, line and element path.
 */
import { AMELDING_NS, combineAmeldinger, createAmeldingReader, readAmeldingFile, readAmeldinger } from "../../../src/core/import/amelding";
import { Ore } from "../../../src/core/money/ore";
import { ok, problemsOf } from "./trekk-helpers";

const ORG = "921734050";
const OSLO = "973152025";
const BODO = "973152882";

interface Options {
  readonly maaned?: string;
  readonly id?: string;
  readonly erstatter?: string;
  readonly orgnr?: string;
  readonly betaling?: string;
  readonly virksomheter?: string;
  readonly ns?: string;
}

/** A melding, one element per line, so that a line number in a message can be read off. */
function melding(o: Options = {}): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<melding xmlns="${o.ns ?? AMELDING_NS}">`,
    "<Leveranse>",
    "<leveringstidspunkt>2026-02-03T08:00:00Z</leveringstidspunkt>",
    `<kalendermaaned>${o.maaned ?? "2026-01"}</kalendermaaned>`,
    "<kildesystem>Test</kildesystem>",
    ...(o.erstatter ? [`<erstatterMeldingsId>${o.erstatter}</erstatterMeldingsId>`] : []),
    `<meldingsId>${o.id ?? "M1"}</meldingsId>`,
    `<opplysningspliktig><norskIdentifikator>${o.orgnr ?? ORG}</norskIdentifikator></opplysningspliktig>`,
    "<oppgave>",
    o.betaling ??
      [
        "<betalingsinformasjon>",
        "<sumForskuddstrekk>30000</sumForskuddstrekk>",
        "<sumArbeidsgiveravgift>18150</sumArbeidsgiveravgift>",
        "<sumForskuddstrekkPerLoennsutbetalingsdato><loennsutbetalingsdato>2026-01-05</loennsutbetalingsdato><beloep>5000</beloep></sumForskuddstrekkPerLoennsutbetalingsdato>",
        "<sumForskuddstrekkPerLoennsutbetalingsdato><loennsutbetalingsdato>2026-01-20</loennsutbetalingsdato><beloep>25000</beloep></sumForskuddstrekkPerLoennsutbetalingsdato>",
        "</betalingsinformasjon>",
      ].join("\n"),
    o.virksomheter ?? [virksomhet(OSLO, "1", "100000.00", "14.1", person("-20000", "70000.00", "30000.00")), virksomhet(BODO, "4a", "50000.50", "7.9", person("-10000", "50000.50"))].join("\n"),
    "</oppgave>",
    "</Leveranse>",
    "</melding>",
    "",
  ].join("\n");
}

function person(trekk: string, ...inntekt: string[]): string {
  return [
    "<inntektsmottaker>",
    "<norskIdentifikator>01826612345</norskIdentifikator>",
    `<forskuddstrekk><beloep>${trekk}</beloep></forskuddstrekk>`,
    ...inntekt.map((b) => `<inntekt><fordel>kontantytelse</fordel><utloeserArbeidsgiveravgift>true</utloeserArbeidsgiveravgift><inngaarIGrunnlagForTrekk>true</inngaarIGrunnlagForTrekk><beloep>${b}</beloep></inntekt>`),
    "</inntektsmottaker>",
  ].join("\n");
}

function virksomhet(nr: string, sone: string, grunnlag: string, sats: string, ...persons: string[]): string {
  return [
    "<virksomhet>",
    `<norskIdentifikator>${nr}</norskIdentifikator>`,
    ...persons,
    "<arbeidsgiveravgift>",
    "<loennOgGodtgjoerelse>",
    "<beregningskodeForArbeidsgiveravgift>generelleNaeringer</beregningskodeForArbeidsgiveravgift>",
    `<sone>${sone}</sone>`,
    `<avgiftsgrunnlagBeloep>${grunnlag}</avgiftsgrunnlagBeloep>`,
    `<prosentsatsForAvgiftsberegning>${sats}</prosentsatsForAvgiftsberegning>`,
    "</loennOgGodtgjoerelse>",
    "</arbeidsgiveravgift>",
    "</virksomhet>",
  ].join("\n");
}

const ore = (n: number) => n as Ore;
/** The 1-based line of the first line of `text` containing `needle`. */
const lineOf = (text: string, needle: string, from = 0) => text.split("\n").findIndex((l, i) => i >= from && l.includes(needle)) + 1;

describe("a-melding v2_3: one melding", () => {
  test("the month's sums, pay dates and AGA lines, amounts in øre, the persons summed per virksomhet", () => {
    const f = ok(readAmeldingFile("jan.xml", melding()));
    expect(f.maaned).toEqual({
      kalendermaaned: "2026-01",
      sumForskuddstrekk: ore(3000000),
      sumArbeidsgiveravgift: ore(1815000),
      forskuddstrekkPerUtbetalingsdato: [
        { dato: "2026-01-05", belop: ore(500000) },
        { dato: "2026-01-20", belop: ore(2500000) },
      ],
      agaGrunnlag: [
        { sone: "1", grunnlag: ore(10000000), prosentsats: 14.1, virksomhetsnummer: OSLO },
        { sone: "4a", grunnlag: ore(5000050), prosentsats: 7.9, virksomhetsnummer: BODO },
      ],
      meldingsId: "M1",
      orgnr: ORG,
    });
    expect(f.virksomheter).toEqual([
      { virksomhetsnummer: OSLO, inntektsmottakere: 1, inntekt: ore(10000000), inntektMedAga: ore(10000000), forskuddstrekk: ore(2000000) },
      { virksomhetsnummer: BODO, inntektsmottakere: 1, inntekt: ore(5000050), inntektMedAga: ore(5000050), forskuddstrekk: ore(1000000) },
    ]);
    expect(f.notes).toEqual([]);
  });

  test("without sumForskuddstrekk (the 2026 form) the month's trekk is the sum per pay date", () => {
    const text = melding({ betaling: "<betalingsinformasjon><sumArbeidsgiveravgift>100</sumArbeidsgiveravgift><sumForskuddstrekkPerLoennsutbetalingsdato><loennsutbetalingsdato>2026-01-20</loennsutbetalingsdato><beloep>30000</beloep></sumForskuddstrekkPerLoennsutbetalingsdato></betalingsinformasjon>" });
    expect(ok(readAmeldingFile("x.xml", text)).maaned.sumForskuddstrekk).toBe(3000000);
  });

  test("pension premiums are AGA basis too, a deduction is a negative line; agaKoder says which is which", () => {
    const aga = [
      "<virksomhet><norskIdentifikator>973152025</norskIdentifikator><arbeidsgiveravgift>",
      "<loennOgGodtgjoerelse><beregningskodeForArbeidsgiveravgift>generelleNaeringer</beregningskodeForArbeidsgiveravgift><sone>1</sone><avgiftsgrunnlagBeloep>1000</avgiftsgrunnlagBeloep><prosentsatsForAvgiftsberegning>14.1</prosentsatsForAvgiftsberegning></loennOgGodtgjoerelse>",
      "<tilskuddOgPremieTilPensjon><beregningskodeForArbeidsgiveravgift>generelleNaeringer</beregningskodeForArbeidsgiveravgift><sone>1</sone><avgiftsgrunnlagBeloep>200</avgiftsgrunnlagBeloep><prosentsatsForAvgiftsberegning>14.1</prosentsatsForAvgiftsberegning></tilskuddOgPremieTilPensjon>",
      "<fradragIGrunnlagetForSone><beregningskodeForArbeidsgiveravgift>generelleNaeringer</beregningskodeForArbeidsgiveravgift><sone>1</sone><avgiftsfradragBeloep>50</avgiftsfradragBeloep><prosentsatsForAvgiftsberegning>14.1</prosentsatsForAvgiftsberegning></fradragIGrunnlagetForSone>",
      "<samletGrunnlagUnderOpplysningsplikt>1150</samletGrunnlagUnderOpplysningsplikt>",
      "</arbeidsgiveravgift></virksomhet>",
    ].join("\n");
    const f = ok(readAmeldingFile("x.xml", melding({ virksomheter: aga })));
    expect(f.maaned.agaGrunnlag.map((l) => l.grunnlag)).toEqual([100000, 20000, -5000]);
    expect(f.agaKoder.map((k) => [k.index, k.grunnlagstype, k.beregningskodeForArbeidsgiveravgift])).toEqual([
      [0, "loennOgGodtgjoerelse", "generelleNaeringer"],
      [1, "tilskuddOgPremieTilPensjon", "generelleNaeringer"],
      [2, "fradragIGrunnlagetForSone", "generelleNaeringer"],
    ]);
  });

  test("a note when the persons' forskuddstrekk does not add up to the melding's, or a pay date lies in another month", () => {
    const text = melding({
      betaling: "<betalingsinformasjon><sumForskuddstrekk>30000</sumForskuddstrekk><sumArbeidsgiveravgift>0</sumArbeidsgiveravgift><sumForskuddstrekkPerLoennsutbetalingsdato><loennsutbetalingsdato>2025-12-31</loennsutbetalingsdato><beloep>30000</beloep></sumForskuddstrekkPerLoennsutbetalingsdato></betalingsinformasjon>",
      virksomheter: virksomhet(OSLO, "1", "1000", "14.1", person("-29999", "1000")),
    });
    expect(ok(readAmeldingFile("x.xml", text)).notes).toEqual([
      "2026-01: lønnsutbetalingsdatoen 2025-12-31 er ikke i kalendermåneden.",
      "2026-01: forskuddstrekket per inntektsmottaker er til sammen 29\u00a0999,00\u00a0kr, men meldingen oppgir 30\u00a0000,00\u00a0kr.",
    ]);
  });

  test("namespace prefixes (as JAXB writes them) read the same", () => {
    const prefixed = melding()
      .replace(`<melding xmlns="${AMELDING_NS}">`, `<ns2:melding xmlns:ns2="${AMELDING_NS}">`)
      .replace(/<(\/?)(?!\?)([a-zA-Z])/g, "<$1ns2:$2")
      .replace("<ns2:ns2:melding", "<ns2:melding");
    expect(ok(readAmeldingFile("p.xml", prefixed)).maaned).toEqual(ok(readAmeldingFile("p.xml", melding())).maaned);
  });

  test("streamed one character at a time, the melding reads the same", () => {
    const text = melding();
    const reader = createAmeldingReader("x.xml");
    for (const ch of text) reader.write(ch);
    expect(reader.end()).toEqual(readAmeldingFile("x.xml", text));
  });
});

describe("a-melding: refused files, each problem with file, line and element", () => {
  test("a melding in another version (namespace) is refused at its root", () => {
    expect(problemsOf(readAmeldingFile("v22.xml", melding({ ns: "urn:ske:fastsetting:innsamling:a-meldingen:v2_2" })))).toEqual([
      {
        file: "v22.xml",
        row: 2,
        element: "melding",
        message: `Filen er en a-melding i versjon 2.2 (navnerommet «urn:ske:fastsetting:innsamling:a-meldingen:v2_2»); bare versjon 2.3 («${AMELDING_NS}») leses. Hent a-meldingen fra lønnssystemet i versjon 2.3.`,
      },
    ]);
    expect(problemsOf(readAmeldingFile("u.xml", "<melding><Leveranse/></melding>"))[0].message).toBe(
      `Filen er ikke en a-melding i versjon 2.3: rotelementet «melding» har navnerommet «(ingen)», ventet «${AMELDING_NS}».`,
    );
    expect(problemsOf(readAmeldingFile("saft.xml", '<AuditFile xmlns="urn:StandardAuditFile-Taxation-Financial:NO"/>'))).toEqual([
      {
        file: "saft.xml",
        row: 1,
        element: "AuditFile",
        message: `Filen er ikke en a-melding: rotelementet er «AuditFile» i navnerommet «urn:StandardAuditFile-Taxation-Financial:NO», ventet «melding» i navnerommet «${AMELDING_NS}».`,
      },
    ]);
  });

  test("malformed XML: the line and the open elements", () => {
    const text = melding().replace("</betalingsinformasjon>", "</betalingsinformasjonen>");
    expect(problemsOf(readAmeldingFile("bad.xml", text))).toEqual([
      {
        file: "bad.xml",
        row: lineOf(text, "</betalingsinformasjonen>"),
        element: "Leveranse/oppgave/betalingsinformasjon",
        message: "XML-feil: Sluttaggen </betalingsinformasjonen> passer ikke til <betalingsinformasjon>.",
      },
    ]);
  });

  test("a non-numeric amount and a fraction of an øre, named by element path and line", () => {
    const text = melding()
      .replace("<sumForskuddstrekk>30000</sumForskuddstrekk>", "<sumForskuddstrekk>30 000</sumForskuddstrekk>")
      .replace("<avgiftsgrunnlagBeloep>50000.50</avgiftsgrunnlagBeloep>", "<avgiftsgrunnlagBeloep>50000.505</avgiftsgrunnlagBeloep>");
    expect(problemsOf(readAmeldingFile("amounts.xml", text))).toEqual([
      {
        file: "amounts.xml",
        row: lineOf(text, "<sumForskuddstrekk>"),
        element: "Leveranse/oppgave/betalingsinformasjon/sumForskuddstrekk",
        message: "«30 000» er ikke et beløp slik XML skriver det (sifre og punktum som desimaltegn, uten tusenskille: 1234.50).",
      },
      {
        file: "amounts.xml",
        row: lineOf(text, "50000.505"),
        element: "Leveranse/oppgave/virksomhet[2]/arbeidsgiveravgift/loennOgGodtgjoerelse[1]/avgiftsgrunnlagBeloep",
        message: "«50000.505» har brøkdeler av øre; beløp kan ha høyst to desimaler.",
      },
    ]);
  });

  test("missing required elements, each named where it belongs", () => {
    const text = melding()
      .replace(/<kalendermaaned>.*<\/kalendermaaned>\n/, "")
      .replace("<sone>4a</sone>\n", "")
      .replace("<loennsutbetalingsdato>2026-01-05</loennsutbetalingsdato>", "");
    const list = problemsOf(readAmeldingFile("missing.xml", text));
    expect(list.map((p) => [p.row, p.element, p.message])).toEqual([
      [lineOf(text, "2026-01-05") || lineOf(text, "<beloep>5000"), "Leveranse/oppgave/betalingsinformasjon/sumForskuddstrekkPerLoennsutbetalingsdato[1]/loennsutbetalingsdato", "Mangler elementet «loennsutbetalingsdato»."],
      [lineOf(text, "<loennOgGodtgjoerelse>", lineOf(text, BODO)), "Leveranse/oppgave/virksomhet[2]/arbeidsgiveravgift/loennOgGodtgjoerelse[1]/sone", "Mangler elementet «sone»."],
      [lineOf(text, "<Leveranse>"), "Leveranse/kalendermaaned", "Mangler elementet «kalendermaaned»."],
    ]);
    expect(list.every((p) => p.file === "missing.xml")).toBe(true);
  });

  test("bad dates, months, zones, rates, organisation numbers and booleans; a value stated twice", () => {
    const text = melding({ maaned: "2026-13", orgnr: "921734051" })
      .replace("<loennsutbetalingsdato>2026-01-20</loennsutbetalingsdato>", "<loennsutbetalingsdato>20.01.2026</loennsutbetalingsdato>")
      .replace("<sone>4a</sone>", "<sone>IVa</sone>")
      .replace("<prosentsatsForAvgiftsberegning>7.9</prosentsatsForAvgiftsberegning>", "<prosentsatsForAvgiftsberegning>7,9</prosentsatsForAvgiftsberegning>")
      .replace(`<norskIdentifikator>${BODO}</norskIdentifikator>`, "<norskIdentifikator>97315288</norskIdentifikator>")
      .replace("<utloeserArbeidsgiveravgift>true</utloeserArbeidsgiveravgift>", "<utloeserArbeidsgiveravgift>ja</utloeserArbeidsgiveravgift>")
      .replace("<sumArbeidsgiveravgift>18150</sumArbeidsgiveravgift>", "<sumArbeidsgiveravgift>18150</sumArbeidsgiveravgift><sumArbeidsgiveravgift>1</sumArbeidsgiveravgift>");
    expect(problemsOf(readAmeldingFile("bad.xml", text)).map((p) => p.message)).toEqual([
      "«2026-13» er ikke en kalendermåned (ÅÅÅÅ-MM).",
      "Organisasjonsnummeret 921734051 har feil kontrollsiffer (modulus 11).",
      "Elementet «sumArbeidsgiveravgift» står to ganger.",
      "«20.01.2026» er ikke en dato (ÅÅÅÅ-MM-DD).",
      "«ja» er ikke true eller false.",
      "«97315288» er ikke et virksomhetsnummer (ni sifre).",
      "«IVa» er ikke en sone i a-meldingen (1, 1a, 2, 3, 4, 4a eller 5).",
      "«7,9» er ikke en prosentsats (et tall fra 0 til 100, f.eks. 14.1).",
    ]);
  });
});

describe("a-melding: a year of files", () => {
  const jan = melding({ maaned: "2026-01", id: "JAN" });
  const feb = melding({ maaned: "2026-02", id: "FEB-1" });
  const febFixed = melding({ maaned: "2026-02", id: "FEB-2", erstatter: "FEB-1", betaling: "<betalingsinformasjon><sumArbeidsgiveravgift>1</sumArbeidsgiveravgift><sumForskuddstrekkPerLoennsutbetalingsdato><loennsutbetalingsdato>2026-02-20</loennsutbetalingsdato><beloep>30000</beloep></sumForskuddstrekkPerLoennsutbetalingsdato></betalingsinformasjon>" });

  test("a replacement (erstatterMeldingsId) stands for its month, the melding it replaces is set aside", () => {
    const r = ok(readAmeldinger([{ file: "feb-2.xml", text: febFixed }, { file: "jan.xml", text: jan }, { file: "feb.xml", text: feb }]));
    expect(r.maaneder.map((m) => [m.kalendermaaned, m.meldingsId, m.sumArbeidsgiveravgift])).toEqual([
      ["2026-01", "JAN", 1815000],
      ["2026-02", "FEB-2", 100],
    ]);
    expect(r.meldinger.map((m) => [m.file, m.erstattetAv])).toEqual([
      ["feb-2.xml", undefined],
      ["jan.xml", undefined],
      ["feb.xml", "FEB-2"],
    ]);
    expect(r.notes).toEqual(["2026-02: feb.xml (meldingsId FEB-1) er erstattet av feb-2.xml (meldingsId FEB-2)."]);
  });

  test("a chain of replacements: the last stands; a replacement of a melding not given stands with a note", () => {
    const third = melding({ maaned: "2026-02", id: "FEB-3", erstatter: "FEB-2" });
    const r = ok(readAmeldinger([{ file: "a", text: feb }, { file: "b", text: febFixed }, { file: "c", text: third }]));
    expect(r.maaneder.map((m) => m.meldingsId)).toEqual(["FEB-3"]);
    const alone = ok(readAmeldinger([{ file: "b", text: febFixed }]));
    expect(alone.maaneder.map((m) => m.meldingsId)).toEqual(["FEB-2"]);
    expect(alone.notes).toEqual(["b erstatter meldingsId «FEB-1», som ikke er blant filene; b gjelder for 2026-02."]);
  });

  test("the same month twice without a replacement is refused, naming both files", () => {
    const again = melding({ maaned: "2026-02", id: "FEB-X" });
    const r = readAmeldinger([{ file: "feb.xml", text: feb }, { file: "feb-igjen.xml", text: again }]);
    expect(problemsOf(r)).toEqual([
      {
        file: "feb-igjen.xml",
        row: lineOf(again, "<meldingsId>"),
        element: "Leveranse/meldingsId",
        message:
          "To a-meldinger for 2026-02 (opplysningspliktig 921734050) uten at den ene erstatter den andre: feb.xml (meldingsId FEB-1) og feb-igjen.xml (meldingsId FEB-X). Legg ved bare den som gjelder, eller en erstatning med erstatterMeldingsId.",
      },
    ]);
    expect((r as Error).message.split("\n")[0]).toBe("A-meldingene ble avvist (1 feil); ingenting er skrevet:");
  });

  test("the same melding twice, two replacements of one melding, a replacement across months, a ring", () => {
    const dup = problemsOf(readAmeldinger([{ file: "a.xml", text: jan }, { file: "b.xml", text: jan }]));
    expect(dup.map((p) => p.message)).toEqual(["meldingsId «JAN» står også i a.xml: samme melding er lagt ved to ganger. Ta den ene filen bort."]);

    const other = melding({ maaned: "2026-02", id: "FEB-9", erstatter: "FEB-1" });
    const twice = problemsOf(readAmeldinger([{ file: "f1", text: feb }, { file: "f2", text: febFixed }, { file: "f3", text: other }]));
    expect(twice.map((p) => p.message)).toContain("Både f2 og f3 erstatter «FEB-1» (f1); bare én av dem kan gjelde.");

    const across = melding({ maaned: "2026-03", id: "MAR", erstatter: "FEB-1" });
    expect(problemsOf(readAmeldinger([{ file: "feb", text: feb }, { file: "mar", text: across }]))[0]).toEqual({
      file: "mar",
      row: lineOf(across, "<erstatterMeldingsId>"),
      element: "Leveranse/erstatterMeldingsId",
      message: "Meldingen for 2026-03 erstatter «FEB-1» i feb, som gjelder 2026-02; en erstatning må gjelde samme måned og opplysningspliktig.",
    });

    const x = melding({ maaned: "2026-04", id: "X", erstatter: "Y" });
    const y = melding({ maaned: "2026-04", id: "Y", erstatter: "X" });
    expect(problemsOf(readAmeldinger([{ file: "x", text: x }, { file: "y", text: y }])).map((p) => p.message)).toEqual([
      "Meldingene for 2026-04 erstatter hverandre i ring (x, y); ingen av dem kan gjelde.",
    ]);
  });

  test("every problem of every file at once, and none of their figures", () => {
    const r = readAmeldinger([
      { file: "ok.xml", text: jan },
      { file: "v22.xml", text: melding({ ns: "urn:ske:fastsetting:innsamling:a-meldingen:v2_2" }) },
      { file: "bad.xml", text: melding({ maaned: "2026-03", id: "M3" }).replace("<sumForskuddstrekk>30000", "<sumForskuddstrekk>x") },
    ]);
    expect(problemsOf(r).map((p) => p.file)).toEqual(["v22.xml", "bad.xml"]);
  });

  test("the year and the opplysningspliktig asked for", () => {
    const r = problemsOf(readAmeldinger([{ file: "2025.xml", text: melding({ maaned: "2025-12" }) }], { aar: 2026, orgnr: "999999999" }));
    expect(r.map((p) => p.message)).toEqual([
      "Kalendermåneden 2025-12 er ikke i regnskapsåret 2026.",
      "Meldingen er for opplysningspliktig 921734050, ikke 999999999.",
    ]);
    expect(problemsOf(combineAmeldinger([])).map((p) => p.message)).toEqual(["Ingen a-meldinger å lese."]);
  });
});
