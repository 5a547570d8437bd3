/**
 * The trekk reconciliation's CSV readers on hand-made sheets: the ledger (IB conventions), the
 * payroll journal, the payments and the invoices/trekklister; every bad cell named.
 */
import { readLedgerCsv, readUnit4Ledger } from "../../../src/core/import/ledger-csv";
import { readPayrollJournal } from "../../../src/core/import/payroll-journal";
import { readPayments } from "../../../src/core/import/payments";
import { readCounterparties } from "../../../src/core/import/counterparties";
import { formatProblem } from "../../../src/core/problem/problem";
import { Ore } from "../../../src/core/money/ore";
import { csvSheet, ok, problemsOf } from "./trekk-helpers";

const ore = (n: number) => n as Ore;
const sheet = (name: string, rows: string[][]) => ({ sheet: name, values: rows });
const lines = (r: Parameters<typeof problemsOf>[0]) => problemsOf(r).map(formatProblem);

describe("ledger CSV", () => {
  test("IB as period 00, IB text with no date, and an IB column; postings by date, debet/kredit or one signed amount", () => {
    const r = ok(
      readLedgerCsv(
        sheet("hovedbok.csv", [
          ["Hovedbok 2026"],
          [],
          ["Konto", "Dato", "Periode", "Tekst", "Debet", "Kredit"],
          ["2600", "", "202600", "Inngående balanse", "", "4 000,00"],
          ["2600", "20.01.2026", "202601", "Trekk januar", "", "3 000,00"],
          ["2600", "15.01.2026", "202601", "Betalt", "4 000,00", ""],
          ["2770", "", "", "IB", "", "1 410,00"],
          ["2770", "", "202602", "AGA februar", "", "1 410,00"],
          ["1920", "20.01.2026", "202601", "Bank", "", "7 000,00"],
          ["Sum", "", "", "", "4 000,00", "16 820,00"],
        ]),
        { kontoer: ["2600", "2770"], aar: 2026 },
      ),
    );
    expect(r.hovedbok).toEqual([
      {
        konto: "2600",
        ib: ore(-400000),
        posteringer: [
          { dato: "2026-01-15", belop: ore(400000), tekst: "Betalt" },
          { dato: "2026-01-20", belop: ore(-300000), tekst: "Trekk januar" },
        ],
      },
      // A posting with only a period is dated at the period's last day.
      { konto: "2770", ib: ore(-141000), posteringer: [{ dato: "2026-02-28", belop: ore(-141000), tekst: "AGA februar" }] },
    ]);
    expect(r.summary.ignored).toEqual([
      { reason: "andre kontoer (1920)", count: 1 },
      { reason: "summeringslinjer", count: 1 },
    ]);

    const withColumn = ok(
      readUnit4Ledger(
        sheet("unit4.csv", [
          ["Konto", "Periode", "Bilagsart", "Beløp", "IB"],
          ["2600", "", "", "", "-4000"],
          ["2600", "", "", "", "-500"],
          ["2600", "202601", "B1", "-3000", ""],
          ["2640", "202601", "IB", "-140", ""],
        ]),
        { kontoer: ["2600", "2640"] },
      ),
    );
    expect(withColumn.hovedbok.map((h) => [h.konto, h.ib, h.posteringer.length])).toEqual([
      ["2600", -450000, 1],
      ["2640", -14000, 0],
    ]);
    expect(withColumn.notes).toEqual(["Konto 2600: 2 IB-rader er lagt sammen."]);
  });

  test("an asked account without IB is a problem, unless a missing IB is 0", () => {
    const values = [
      ["Konto", "Dato", "Beløp"],
      ["2600", "2026-01-20", "-3000"],
    ];
    expect(lines(readLedgerCsv(sheet("gl.csv", values), { kontoer: ["2600", "2650"] }))).toEqual([
      "gl.csv: Kontoen 2600 har ingen inngående balanse (IB) i filen. Legg inn en rad for kontoen med periode 00 (f.eks. 202600) eller teksten «Inngående balanse» og saldoen ved årets start, eller en IB-kolonne.",
      "gl.csv: Kontoen 2650 har ingen inngående balanse (IB) i filen. Legg inn en rad for kontoen med periode 00 (f.eks. 202600) eller teksten «Inngående balanse» og saldoen ved årets start, eller en IB-kolonne.",
    ]);
    const zero = ok(readLedgerCsv(sheet("gl.csv", values), { kontoer: ["2600", "2650"], missingIb: "zero" }));
    expect(zero.hovedbok).toEqual([
      { konto: "2600", ib: 0, posteringer: [{ dato: "2026-01-20", belop: ore(-300000) }] },
      { konto: "2650", ib: 0, posteringer: [] },
    ]);
    expect(zero.notes).toEqual(["Konto 2600 har ingen IB-rad; inngående balanse er satt til 0.", "Konto 2650 har ingen IB-rad; inngående balanse er satt til 0."]);
  });

  test("every bad cell named: amount, date, a posting outside the year, IB and posting on one row, missing columns", () => {
    const r = readLedgerCsv(
      sheet("gl.csv", [
        ["Konto", "Dato", "Beløp", "IB"],
        ["2600", "", "", "-10"],
        ["2600", "31.13.2026", "1,5", ""],
        ["2600", "2025-12-31", "1,555", ""],
        ["2600", "2025-12-31", "100", ""],
        ["2600", "2026-01-02", "10", "5"],
        ["", "2026-01-02", "10", ""],
      ]),
      { kontoer: ["2600"], aar: 2026 },
    );
    expect(lines(r)).toEqual([
      "gl.csv!B3: «31.13.2026» er ikke en periode eller dato.",
      "gl.csv!C4: «1,555» er tvetydig: det kan være tusenskille eller desimaltegn. Skriv beløpet uten tusenskille (1234) eller med mellomrom (1 234), eller med to desimaler (1,23).",
      "gl.csv!B5: Posteringen er datert 2025-12-31, utenfor regnskapsåret 2026.",
      "gl.csv!D6: Raden har både inngående balanse og et posteringsbeløp; en IB-rad har bare IB.",
      "gl.csv!A7: Mangler konto.",
    ]);
    expect(lines(readLedgerCsv(sheet("gl.csv", [["Konto", "Tekst"], ["2600", "x"]]), { kontoer: ["2600"] }))).toEqual([
      "gl.csv, rad 1: Mangler kolonnen «Dato» eller «Periode» og kolonnen «Beløp» eller «Debet» og «Kredit» i overskriftsraden (rad 1).",
    ]);
  });
});

describe("payroll journal", () => {
  test("per-employee rows become one run per pay date and virksomhet, AGA basis per zone, zones from kommunenummer or sone", () => {
    const r = ok(
      readPayrollJournal(
        csvSheet(
          [
            "Utbetalingsdato;Virksomhetsnr;Kommunenr;Ansattnr;Brutto;Forskuddstrekk;Forsikringstrekk;Fagforeningstrekk;AGA-grunnlag",
            "20.01.2026;973152025;0301;1;50 000,00;15 000,00;350,00;;50 000,00",
            "20.01.2026;973152025;301;2;40 000,00;12 000,00;;;40 000,00",
            "20.01.2026;973152882;1804;3;45 000,00;13 000,00;;630,00;45 000,00",
            "06.03.2026;973152025;0301;1;10 000,00;5 200,00;;;10 000,00",
            "Sum;;;;145 000,00;45 200,00;350,00;630,00;145 000,00",
          ].join("\n"),
          "lonn.csv",
        ),
        { aar: 2026 },
      ),
    );
    expect(r.lonnskjoringer).toEqual([
      { utbetalingsdato: "2026-01-20", forskuddstrekk: ore(2700000), forsikringstrekk: ore(35000), fagforeningstrekk: ore(0), agaGrunnlag: [{ sone: "I", grunnlag: ore(9000000) }], virksomhetsnummer: "973152025" },
      { utbetalingsdato: "2026-01-20", forskuddstrekk: ore(1300000), forsikringstrekk: ore(0), fagforeningstrekk: ore(63000), agaGrunnlag: [{ sone: "IVa", grunnlag: ore(4500000) }], virksomhetsnummer: "973152882" },
      { utbetalingsdato: "2026-03-06", forskuddstrekk: ore(520000), forsikringstrekk: ore(0), fagforeningstrekk: ore(0), agaGrunnlag: [{ sone: "I", grunnlag: ore(1000000) }], virksomhetsnummer: "973152025" },
    ]);
    expect(r.summary).toMatchObject({ ansatte: 3, brutto: 14500000, usedRows: 4 });

    const perRun = ok(
      readPayrollJournal(sheet("lonn", [["Lønnsdato", "Skattetrekk", "Sone", "Avgiftsgrunnlag"], ["2026-01-20", "100", "1", "500"], ["2026-01-20", "50", "Ia", "200"]]), { aar: 2026 }),
    );
    expect(perRun.lonnskjoringer).toEqual([
      { utbetalingsdato: "2026-01-20", forskuddstrekk: ore(15000), forsikringstrekk: ore(0), fagforeningstrekk: ore(0), agaGrunnlag: [{ sone: "I", grunnlag: ore(50000) }, { sone: "Ia", grunnlag: ore(20000) }] },
    ]);
    const fixed = ok(readPayrollJournal(sheet("lonn", [["Utbetalingsdato", "Forskuddstrekk", "AGA-grunnlag"], ["2026-01-20", "100", "500"]]), { aar: 2026, sone: "III" }));
    expect(fixed.lonnskjoringer[0].agaGrunnlag).toEqual([{ sone: "III", grunnlag: ore(50000) }]);
  });

  test("bad cells named; no zone at all is a missing column", () => {
    const r = readPayrollJournal(
      sheet("lonn.csv", [
        ["Utbetalingsdato", "Virksomhetsnr", "Kommunenr", "Forskuddstrekk", "AGA-grunnlag"],
        ["2025-12-20", "973152025", "0301", "1", "1"],
        ["2026-01", "973152026", "9999", "x", "1"],
      ]),
      { aar: 2026 },
    );
    expect(lines(r)).toEqual([
      "lonn.csv!A2: Utbetalingsdatoen 2025-12-20 er ikke i regnskapsåret 2026.",
      "lonn.csv!A3: «2026-01» er en måned, ikke en dato; skriv datoen (f.eks. 20.01.2026).",
      "lonn.csv!D3: «x» er ikke et beløp.",
      expect.stringMatching(/^lonn\.csv!C3: .*9999/),
      "lonn.csv!B3: Virksomhetsnummeret 973152026 har feil kontrollsiffer (modulus 11).",
    ]);
    expect(lines(readPayrollJournal(sheet("lonn.csv", [["Utbetalingsdato", "Forskuddstrekk", "AGA-grunnlag"], ["2026-01-20", "1", "1"]]), { aar: 2026 }))).toEqual([
      "lonn.csv, rad 1: Mangler kolonnen «Sone» eller «Kommunenummer» i overskriftsraden (rad 1); AGA-grunnlaget må ha en sone.",
    ]);
  });
});

describe("payments", () => {
  const header = ["Dato", "Gjelder", "Beløp", "Utbetalingsdato", "Termin", "Periode"];

  test("what each settles: a pay date, a termin (another year's with its year), a period; gjelder as a word or an account", () => {
    const r = ok(
      readPayments(
        sheet("bet.csv", [
          header,
          ["21.01.2026", "Skattetrekk", "246 473,00", "20.01.2026", "", ""],
          ["15.01.2026", "AGA", "185 462", "", "T6 2025", ""],
          ["16.03.2026", "2770", "194 826", "", "1. termin", ""],
          ["10.02.2026", "Forsikring", "1 750,00", "", "", "januar 2026"],
          ["10.02.2026", "Kontingent", "2 749,00", "", "", "202601"],
          ["15.01.2027", "Arbeidsgiveravgift", "196 761", "", "nov–des", ""],
        ]),
        { aar: 2026 },
      ),
    );
    expect(r.betalinger).toEqual([
      { dato: "2026-01-21", gjelder: "forskuddstrekk", belop: ore(24647300), utbetalingsdato: "2026-01-20" },
      { dato: "2026-01-15", gjelder: "aga", belop: ore(18546200), termin: 6, aar: 2025 },
      { dato: "2026-03-16", gjelder: "aga", belop: ore(19482600), termin: 1 },
      { dato: "2026-02-10", gjelder: "forsikringstrekk", belop: ore(175000), periode: "2026-01" },
      { dato: "2026-02-10", gjelder: "fagforeningstrekk", belop: ore(274900), periode: "2026-01" },
      { dato: "2027-01-15", gjelder: "aga", belop: ore(19676100), termin: 6 },
    ]);
    const withYear = ok(readPayments(sheet("b", [["Dato", "Gjelder", "Beløp", "Termin", "År"], ["15.01.2026", "AGA", "10", "6", "2025"]]), { aar: 2026 }));
    expect(withYear.betalinger).toEqual([{ dato: "2026-01-15", gjelder: "aga", belop: ore(1000), termin: 6, aar: 2025 }]);
  });

  test("a payment that names nothing it settles is a problem naming its row; so is a bad gjelder, amount or termin", () => {
    const r = readPayments(
      sheet("bet.csv", [
        header,
        ["21.01.2026", "Forskuddstrekk", "100", "", "", ""],
        ["21.01.2026", "Husleie", "100", "", "", ""],
        ["21.01.2026", "AGA", "-100", "", "T1", ""],
        ["21.01.2026", "AGA", "100", "", "T7", ""],
      ]),
      { aar: 2026 },
    );
    expect(lines(r)).toEqual([
      "bet.csv, rad 2: Betalingen sier ikke hva den gjør opp: oppgi utbetalingsdatoen (forskuddstrekk), terminen (arbeidsgiveravgift) eller perioden (forsikrings- og fagforeningstrekk).",
      "bet.csv!B3: «Husleie» er ikke forskuddstrekk, arbeidsgiveravgift, forsikringstrekk eller fagforeningstrekk (eller kontoene 2600, 2770, 2640, 2650).",
      "bet.csv!C4: Et betalt beløp må være positivt; en tilbakebetaling føres som en egen rettelse.",
      "bet.csv!E5: «T7» er ikke en termin (1–6, T1–T6, «1. termin», «jan–feb»; med år for et annet år: «T6 2025»).",
    ]);
    expect(problemsOf(r)[0]).toMatchObject({ sheet: "bet.csv", row: 2, column: "Utbetalingsdato/Termin/Periode" });
  });
});

describe("invoices and trekklister", () => {
  test("per-member lines add up per counterparty, account and month; a single counterparty's file needs no such columns", () => {
    const r = ok(
      readCounterparties(
        sheet("lister.csv", [
          ["Mottaker", "Konto", "Periode", "Ansattnr", "Navn", "Beløp"],
          ["Fjordtrygd", "2640", "202601", "1", "A", "350,00"],
          ["Fjordtrygd", "2640", "202601", "2", "B", "410,00"],
          ["Verkstedforbundet", "2650", "2026-01", "3", "C", "697,00"],
          ["Fjordtrygd", "2640", "februar 2026", "1", "A", "350,00"],
          ["Fjordtrygd", "2640", "202602", "", "Kreditnota", "-50,00"],
        ]),
      ),
    );
    expect(r.mottakere).toEqual([
      { konto: "2640", navn: "Fjordtrygd", fakturert: [{ periode: "2026-01", belop: ore(76000) }, { periode: "2026-02", belop: ore(30000) }] },
      { konto: "2650", navn: "Verkstedforbundet", fakturert: [{ periode: "2026-01", belop: ore(69700) }] },
    ]);
    const single = ok(readCounterparties(sheet("f.csv", [["Måned", "Premie"], ["2026-03", "700"]]), { mottaker: "Fjordtrygd", konto: "2640" }));
    expect(single.mottakere).toEqual([{ konto: "2640", navn: "Fjordtrygd", fakturert: [{ periode: "2026-03", belop: ore(70000) }] }]);
  });

  test("missing columns and bad cells named", () => {
    expect(lines(readCounterparties(sheet("f.csv", [["Periode", "Beløp"], ["2026-03", "700"]])))).toEqual([
      "f.csv, rad 1: Mangler kolonnen «Mottaker» og «Konto» i overskriftsraden (rad 1), og oppsettet sier ikke hvem listen er fra.",
    ]);
    const r = readCounterparties(sheet("f.csv", [["Mottaker", "Konto", "Periode", "Beløp"], ["", "2640", "mars", "x"]]));
    expect(lines(r)).toEqual([
      "f.csv!A2: Mangler mottaker.",
      "f.csv!C2: «mars» er ikke en periode eller dato.",
      "f.csv!D2: «x» er ikke et beløp.",
    ]);
  });
});
