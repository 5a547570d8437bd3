/**
 * The payroll journal as `lonn lonnsbilag` reads it: the JSON form (issue 11), the CSV/sheet rows
 * (the payroll journal's header synonyms, each field's cell kept), and the use case that makes one
 * voucher per pay date.
 */
import { parseCsv } from "../../../src/core/import/csv";
import { readPayrollRows } from "../../../src/core/import/payroll-rows";
import { kroner } from "../../../src/core/money/ore";
import { parseLonnsJournal } from "../../../src/core/payroll/journal";
import { formatProblem } from "../../../src/core/problem/problem";
import { runLonnsbilag } from "../../../src/core/usecase/lonnsbilag";
import { ok, problemsOf } from "../../support/checked";
import { kontoBelop, ore } from "../../support/fixtures";

const sheet = (text: string) => {
  const grid = ok(parseCsv(text, { sheet: "lonn.csv" }));
  return { sheet: "lonn.csv", values: grid.values };
};

describe("the JSON journal", () => {
  test("the issue's shape, kroner to øre, andreTrekk as an amount or a list, dimensions", () => {
    const j = ok(parseLonnsJournal({
      virksomhet: "Eksempel AS", orgnr: "912000028", dato: "2026-03-20", firma: "10", bilagsart: "LB",
      dimensjoner: [{ nummer: 1, navn: "Koststed", verdi: "4000", pakrevd: true }],
      rader: [
        { navn: "Kari", bruttoLonn: 50000, forskuddstrekk: 15000.5, forsikringstrekk: 0, fagforeningstrekk: 450, andreTrekk: 200, agaGrunnlag: 50000, sone: "0301" },
        { navn: "Ola", bruttoLonn: 40000, andreTrekk: [{ navn: "Utleggstrekk", belop: 1000, konto: "2610" }], agaGrunnlag: 40000, sone: 5501, feriepengegrunnlag: 40000 },
      ],
    }));
    expect([j.virksomhet, j.orgnr, j.dato, j.firma, j.bilagsart, j.dimensjoner]).toEqual(["Eksempel AS", "912000028", "2026-03-20", "10", "LB", [{ nummer: 1, navn: "Koststed", verdi: "4000", pakrevd: true }]]);
    expect(j.rader.map((r) => [r.navn, r.bruttoLonn, r.forskuddstrekk, r.andreTrekk?.map((t) => [t.navn, t.belop, t.konto]), r.sone, r.feriepengegrunnlag])).toEqual([
      ["Kari", ore(50000), ore(15000.5), [["Andre trekk", ore(200), undefined]], "0301", undefined],
      ["Ola", ore(40000), undefined, [["Utleggstrekk", ore(1000), "2610"]], "5501", ore(40000)],
    ]);
    expect(j.rader[0].cells?.forskuddstrekk).toEqual({ path: "rader[0].forskuddstrekk" });
  });

  test("every problem under its path, at once", () => {
    const list = problemsOf(parseLonnsJournal({
      orgnr: "912000029", dato: "20.03.2026", feriepengesats: "12",
      rader: [{ bruttoLonn: "1000", agaGrunnlag: 10.001 }, { navn: "Ola", bruttoLonn: 1, gjelder: "sjef" }, 7],
    })).map(formatProblem);
    expect(list).toEqual([
      "orgnr 912000029 har feil kontrollsiffer (modulus 11).",
      "dato «20.03.2026» er ikke en dato på formen ÅÅÅÅ-MM-DD.",
      "rader[2] er ikke et objekt.",
      "rader[0].navn mangler.",
      "rader[0].bruttoLonn er ikke et tall.",
      "rader[0].agaGrunnlag (10,001) har brøkdeler av øre; beløp kan ha høyst to desimaler.",
      "rader[1].gjelder må være «ansatt» eller «virksomhet» (fikk «sjef»).",
      "feriepengesats er ikke et tall.",
    ]);
  });
});

describe("the CSV journal rows", () => {
  const csv = [
    "Lønnsjournal november;;;;;;",
    "Utbetalingsdato;Ansattnr;Kommunenr;Sone;Navn;Brutto;Skattetrekk;Forsikring;Fagforening;AGA-grunnlag;Feriepengegrunnlag",
    "20.11.2025;1001;0301;;Kari;62 500,00;19 375,00;412,50;;62 500,00;62 500,00",
    "20.11.2025;1002;1804;1;Per;10 000,00;3 000,00;;;;",
    "Sum;;;;;72 500,00;22 375,00;412,50;;62 500,00;",
  ].join("\r\n");

  test("synonyms (Skattetrekk, Forsikring, Fagforening), the zone cell before the kommunenummer, every field's cell, totals ignored", () => {
    const r = ok(readPayrollRows(sheet(csv)));
    expect(r.rader.map((x) => [x.dato, x.navn, x.bruttoLonn, x.forskuddstrekk, x.forsikringstrekk, x.fagforeningstrekk, x.agaGrunnlag, x.sone, x.feriepengegrunnlag])).toEqual([
      ["2025-11-20", "Kari", ore(62500), ore(19375), ore(412.5), undefined, ore(62500), "0301", ore(62500)],
      ["2025-11-20", "Per", ore(10000), ore(3000), undefined, undefined, undefined, "1", undefined],
    ]);
    expect(r.rader[1].cells?.agaGrunnlag).toEqual({ sheet: "lonn.csv", cell: "J4", row: 4, column: "AGA-grunnlag" });
    expect(r.rader[1].cells?.sone).toEqual({ sheet: "lonn.csv", cell: "D4", row: 4, column: "Sone" });
    expect(r.rader[0].cells?.sone).toEqual({ sheet: "lonn.csv", cell: "C3", row: 3, column: "Kommunenr" });
    expect(r.rader[0].place).toEqual({ sheet: "lonn.csv", row: 3 });
    expect(r.summary.ignored).toEqual([{ reason: "summeringslinjer", count: 1 }]);
    // Per has no AGA basis: the voucher refuses the row at its cell.
    const run = problemsOf(runLonnsbilag({ source: "lonn.csv", journal: { rader: r.rader }, notes: [] })).map(formatProblem);
    expect(run).toEqual(["lonn.csv!J4: Ansatt «Per»: mangler AGA-grunnlag (skriv 0 når lønnen ikke utløser arbeidsgiveravgift)."]);
  });

  test("a bad cell is the reader's problem, named; a journal without Brutto is refused at its header", () => {
    expect(problemsOf(readPayrollRows(sheet("Utbetalingsdato;Navn;Brutto;Forskuddstrekk;AGA-grunnlag\r\n32.11.2024;Kari;62 500;1 2 3;0"))).map(formatProblem)).toEqual([
      expect.stringMatching(/^lonn\.csv!A2: .*32\.11\.2024/),
      expect.stringMatching(/^lonn\.csv!D2: /),
    ]);
    expect(problemsOf(readPayrollRows(sheet("Navn;Forskuddstrekk;AGA-grunnlag\r\nKari;1;0"))).map(formatProblem)[0]).toMatch(/Mangler kolonnen «Brutto»/);
  });
});

describe("one voucher per pay date", () => {
  const row = (navn: string, dato: string, brutto: number) => ({ navn, dato, bruttoLonn: ore(brutto), agaGrunnlag: ore(brutto), sone: "Ia" });

  test("zone Ia's year-to-date basis carries from run to run", () => {
    // 2025, fribeløp 850 000, saving 14,1 − 10,6 = 3,5 %. Before the journal: 24 000 000 (saving 840 000).
    // 05.03: 200 000 keeps the saving at 847 000 < 850 000: 200 000 × 10,6 % = 21 200.
    // 20.03: starts at 24 200 000; 3 000 of saving left = 85 714,29 at 10,6 %, the rest at 14,1 %:
    //        (24,4 M × 14,1 % − 850 000) − (24,2 M × 14,1 % − 847 000) = 2 590 400 − 2 565 200 = 25 200.
    const r = ok(runLonnsbilag({
      source: "test",
      journal: { tidligereGrunnlagSoneIa: ore(24_000_000), rader: [row("B", "2025-03-20", 200000), row("A", "2025-03-05", 200000)] },
      notes: [],
    }));
    expect(r.bilag.map((b) => b.id)).toEqual(["LONN-20250305", "LONN-20250320"]);
    expect(r.lonnsbilag.map((l) => kroner(l.sumAga))).toEqual([21200, 25200]);
    expect(kontoBelop(r.bilag[1].linjer)).toEqual([["5000", 200000], ["2930", -200000], ["5400", 25200], ["2770", -25200]]);
  });

  test("a problem in one of several runs names the run; nothing is built", () => {
    const list = problemsOf(runLonnsbilag({ source: "test", journal: { rader: [row("A", "2025-03-05", 100), row("B", "2025-03-20", 100)] }, notes: [] }));
    expect(list.map((p) => p.message)).toEqual([
      "Lønnskjøringen 05.03.2025: Rader i sone Ia krever grunnlaget i sone Ia tidligere i år (fribeløpet avgjør hvor lenge den reduserte satsen gjelder).",
      "Lønnskjøringen 20.03.2025: Rader i sone Ia krever grunnlaget i sone Ia tidligere i år (fribeløpet avgjør hvor lenge den reduserte satsen gjelder).",
    ]);
  });
});
