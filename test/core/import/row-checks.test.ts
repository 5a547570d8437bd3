/**
 * Issue 13, item 8: a row that is an exact copy of an earlier one is refused (or counted and noted
 * when the user accepts copies), and every total line an export carries is checked against its lines.
 */
import { readSap, readSpk, readUnit4 } from "../../../src/core/import";
import { readCounterparties } from "../../../src/core/import/counterparties";
import { readLedgerCsv } from "../../../src/core/import/ledger-csv";
import { readPayments } from "../../../src/core/import/payments";
import { readPayrollJournal } from "../../../src/core/import/payroll-journal";
import { fromOre, toText } from "../../../src/core/money";
import { formatProblem } from "../../../src/core/problem/problem";
import { ok, problemsOf } from "./trekk-helpers";

const amount = (ore: number) => toText(fromOre(ore));
const lines = (r: Parameters<typeof problemsOf>[0]) => problemsOf(r).map(formatProblem);
const lonnsarter = { arbeidsgiverandel: ["7300"], medlemsinnskudd: ["7350"] };
const SAP_HEADER = ["Lønnsart", "Lønnsarttekst", "For-periode", "Beløp"];
const SPK_HEADER = ["Fakturanr", "Termin", "Produkt", "Medlemsandel", "Arbeidsgiverandel", "Adm.gebyr", "Totalt"];

/** The SPK invoice of the report: one PEN line of 1 046 353,83 kr twice, and its own «Sum 1. termin». */
const spkInvoice = (copy: boolean, sum = "1 223 512,90") => [
  SPK_HEADER,
  ["24001", "1. termin", "PEN", "150 000,00", "1 046 353,83", "27 159,07", "1 223 512,90"],
  ...(copy ? [["24001", "1. termin", "PEN", "150 000,00", "1 046 353,83", "27 159,07", "1 223 512,90"]] : []),
  ["24001", "1. termin", "Sum 1. termin", "", "", "", sum],
];

describe("exact copies of a row", () => {
  test("an SPK invoice line twice is refused, naming both rows, instead of doubling the premium", () => {
    expect(lines(readSpk({ sheet: "SPK", values: spkInvoice(true, "2 447 025,80") }, { aar: 2024 }))).toEqual([
      "SPK, rad 3: Raden er helt lik rad 2 (hver celle er den samme), så beløpet ville blitt talt med to ganger. " +
        "Fjern raden hvis den står der to ganger ved en feil; er begge riktige, må like rader godtas når eksporten leses inn.",
    ]);
  });

  test("accepted copies are counted, both of them, and the notes say which rows", () => {
    const v = ok(readSpk({ sheet: "SPK", values: spkInvoice(true, "2 447 025,80") }, { aar: 2024, duplicates: "count" }));
    expect(amount(v.terminer[0].arbeidsgiverandel)).toBe("2092707.66");
    expect(v.terminer[0].rader).toBe(2);
    expect(v.notes).toEqual(["1 rad er helt lik en rad over (rad 3 = rad 2); like rader er godtatt, så begge er talt med."]);
  });

  test("SAP: a copy is refused; the same line in another period, or with a padded empty cell, is another row or the same row", () => {
    const values = [
      SAP_HEADER,
      ["7300", "SPK AG", "01.2024", "100,00"],
      ["7300", "SPK AG", "03.2024", "100,00"],
      ["7300", "SPK AG", "01.2024", "100,00", ""],
      ["7350", "SPK medlem", "01.2024", "100,00"],
    ];
    expect(lines(readSap({ sheet: "SAP", values }, { aar: 2024, lonnsarter }))).toEqual([expect.stringMatching(/^SAP, rad 4: Raden er helt lik rad 2 /)]);
    const counted = ok(readSap({ sheet: "SAP", values }, { aar: 2024, lonnsarter, duplicates: "count" }));
    expect(counted.terminer.map((t) => amount(t.arbeidsgiverandel))).toEqual(["200", "100", "0", "0", "0", "0"]);
    expect(counted.notes).toContain("1 rad er helt lik en rad over (rad 4 = rad 2); like rader er godtatt, så begge er talt med.");
  });

  test("many copies: each named; the note counts them all and names the first five", () => {
    const row = ["7300", "SPK AG", "01.2024", "1,00"];
    const values = [SAP_HEADER, ...Array.from({ length: 8 }, () => row)];
    expect(lines(readSap({ sheet: "SAP", values }, { aar: 2024, lonnsarter }))).toHaveLength(7);
    const v = ok(readSap({ sheet: "SAP", values }, { aar: 2024, lonnsarter, duplicates: "count" }));
    expect(amount(v.terminer[0].arbeidsgiverandel)).toBe("8");
    expect(v.notes).toContain(
      "7 rader er helt like en rad over (rad 3 = rad 2, rad 4 = rad 2, rad 5 = rad 2, rad 6 = rad 2, rad 7 = rad 2 og 2 til); like rader er godtatt, så begge er talt med.",
    );
  });

  test("Unit4, the ledger, the payroll journal, the payments and the invoices refuse a copy too", () => {
    const unit4 = [["Konto", "Periode", "Bilagsart", "Beløp"], ["5420", "202401", "B1", "10"], ["5420", "202401", "B1", "10"]];
    expect(lines(readUnit4({ sheet: "Unit4", values: unit4 }, { aar: 2024, budsjettering: "brutto" }))).toEqual([expect.stringMatching(/^Unit4, rad 3: Raden er helt lik rad 2 /)]);
    const ledger = [["Konto", "Dato", "Tekst", "Beløp"], ["2600", "20.01.2026", "Trekk", "-10"], ["2600", "20.01.2026", "Trekk", "-10"]];
    expect(lines(readLedgerCsv({ sheet: "hb", values: ledger }, { kontoer: ["2600"], aar: 2026, missingIb: "zero" }))).toEqual([expect.stringMatching(/^hb, rad 3: Raden er helt lik rad 2 /)]);
    const payroll = [["Utbetalingsdato", "Forskuddstrekk", "AGA-grunnlag"], ["2026-01-20", "100", "500"], ["2026-01-20", "100", "500"]];
    expect(lines(readPayrollJournal({ sheet: "lonn", values: payroll }, { aar: 2026, sone: "I" }))).toEqual([expect.stringMatching(/^lonn, rad 3: Raden er helt lik rad 2 /)]);
    const payments = [["Dato", "Gjelder", "Beløp", "Utbetalingsdato"], ["21.01.2026", "Skattetrekk", "10", "20.01.2026"], ["21.01.2026", "Skattetrekk", "10", "20.01.2026"]];
    expect(lines(readPayments({ sheet: "bet", values: payments }, { aar: 2026 }))).toEqual([expect.stringMatching(/^bet, rad 3: Raden er helt lik rad 2 /)]);
    const invoices = [["Mottaker", "Konto", "Periode", "Beløp"], ["Storebrand", "2291", "202601", "10"], ["Storebrand", "2291", "202601", "10"]];
    expect(lines(readCounterparties({ sheet: "fak", values: invoices }))).toEqual([expect.stringMatching(/^fak, rad 3: Raden er helt lik rad 2 /)]);
    const accepted = ok(readCounterparties({ sheet: "fak", values: invoices }, { duplicates: "count" }));
    expect(accepted.mottakere[0].fakturert).toEqual([{ periode: "2026-01", belop: 2000 }]);
    expect(accepted.notes).toHaveLength(1);
  });
});

describe("total lines checked against their lines", () => {
  test("the SPK invoice's «Sum 1. termin» that disagrees with its lines is refused at its cell", () => {
    expect(lines(readSpk({ sheet: "SPK", values: spkInvoice(false, "1 223 512,00") }, { aar: 2024 }))).toEqual([
      "SPK!G3: Summeringslinjen sier 1 223 512,00 i kolonnen «Totalt», men radene 2–2 summerer seg til 1 223 512,90. Mangler det linjer i eksporten, eller står en linje to ganger?",
    ]);
    expect(ok(readSpk({ sheet: "SPK", values: spkInvoice(false) }, { aar: 2024 })).terminer[0].rader).toBe(1);
  });

  test("per-termin subtotals and a grand total all check; a line missing under one is found there", () => {
    const values = [
      SAP_HEADER,
      ["7300", "SPK AG", "01.2024", "100,00"],
      ["7350", "SPK medlem", "01.2024", "20,00"],
      ["Sum 1. termin", "", "", "120,00"],
      ["7300", "SPK AG", "03.2024", "50,00"],
      ["Sum 2. termin", "", "", "50,00"],
      ["Totalt", "", "", "170,00"],
    ];
    expect(ok(readSap({ sheet: "SAP", values }, { aar: 2024, lonnsarter })).summary.ignored).toEqual([{ reason: "summeringslinjer", count: 3 }]);
    const missing = values.filter((_, i) => i !== 4);
    expect(lines(readSap({ sheet: "SAP", values: missing }, { aar: 2024, lonnsarter }))).toEqual([
      "SAP!D5: Summeringslinjen sier 50,00 i kolonnen «Beløp», men ingen linjer står mellom den og rad 4, og alle radene fra 2 til 120,00. Mangler det linjer i eksporten, eller står en linje to ganger?",
      "SAP!D6: Summeringslinjen sier 170,00 i kolonnen «Beløp», men ingen linjer står mellom den og rad 5, og alle radene fra 2 til 120,00. Mangler det linjer i eksporten, eller står en linje to ganger?",
    ]);
  });

  test("debet and kredit each; a «Sum bevegelse» may leave the opening balance out", () => {
    const ledger = [
      ["Konto", "Dato", "Periode", "Tekst", "Debet", "Kredit"],
      ["2600", "", "202600", "Inngående balanse", "", "4 000,00"],
      ["2600", "20.01.2026", "202601", "Trekk januar", "", "3 000,00"],
      ["2600", "15.01.2026", "202601", "Betalt", "4 000,00", ""],
      ["Sum bevegelse", "", "", "", "4 000,00", "3 000,00"],
      ["Sum", "", "", "", "4 000,00", "7 000,00"],
    ];
    expect(ok(readLedgerCsv({ sheet: "hb", values: ledger }, { kontoer: ["2600"], aar: 2026 })).hovedbok[0].posteringer).toHaveLength(2);
    const wrong = ledger.map((r, i) => (i === 5 ? [...r.slice(0, 5), "7 100,00"] : r));
    expect(lines(readLedgerCsv({ sheet: "hb", values: wrong }, { kontoer: ["2600"], aar: 2026 }))).toEqual([expect.stringMatching(/^hb!F6: Summeringslinjen sier 7 100,00 i kolonnen «Kredit»/)]);
  });

  test("a line whose amount is not an amount: only that line's problem, no guess at the totals across it", () => {
    const values = [SAP_HEADER, ["7300", "SPK AG", "01.2024", "tusen"], ["7300", "SPK AG", "01.2024", "5"], ["Sum", "", "", "1005"]];
    expect(lines(readSap({ sheet: "SAP", values }, { aar: 2024, lonnsarter }))).toEqual(["SAP!D2: «tusen» er ikke et beløp."]);
  });

  test("50 000 total lines after one line, and 50 000 copies of one line: each total and each copy judged", () => {
    const values: unknown[][] = [SAP_HEADER, ["7300", "SPK AG", "01.2024", "1"]];
    for (let k = 0; k < 50_000; k++) values.push(["Sum", "", "", k === 0 ? "2" : String(k % 2)]);
    // The first says 2 after a line of 1; each later one fits the line (1) or the nothing since the total above it (0).
    expect(problemsOf(readSap({ sheet: "SAP", values }, { aar: 2024, lonnsarter })).map((e) => e.cell)).toEqual(["D3"]);
    const copies: unknown[][] = [SAP_HEADER];
    for (let k = 0; k < 50_000; k++) copies.push(["7300", "SPK AG", "01.2024", "1"]);
    expect(problemsOf(readSap({ sheet: "SAP", values: copies }, { aar: 2024, lonnsarter }))).toHaveLength(49_999);
  });
});
