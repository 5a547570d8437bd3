import { readUnit4, Unit4Import } from "../../../src/core/import";
import { fromOre, toText } from "../../../src/core/money";
import { isProblems } from "../../../src/core/problem/problem";
import { DEFAULT_KONTOER } from "../../../src/core/spk/types";
import { ok, problemsOf } from "../../support/checked";

/** Øre as the exact kroner text ("481070.25"). */
const amount = (ore: number) => toText(fromOre(ore));

/** [D, E, F, rows] per termin. */
const totals = (v: Unit4Import) => v.terminer.map((t) => [amount(t.pensjonsutgift), amount(t.avsetning), amount(t.medlemsinnskudd), t.rader]);

describe("Unit4 balance / transaction list", () => {
  const grid = [
    ["Konto", "Kontonavn", "Periode", "Bilagsart", "Beløp"],
    ["5420", "Pensjonspremie", "202401", "B1", "480 970,25"],
    ["2810", "Avsetning AG", "202401", "B1", "-480 970,25"],
    ["2630", "Medlemsandel", 202401, "B1", "-83 647,00"],
    [5420, "Pensjonspremie", "2024-02", "b2", 100],
    ["2810 Pensjonspremie – AG", "", "202402", "B1", "(100,00)"],
    ["2630", "", "202402", "B1", "50,00"],
    ["2810", "SPK faktura", "202402", "IF", "959 791,29"],
    ["2961", "Netto-avsetning", "202402", "B1", "-7"],
    ["5000", "Lønn", "202402", "B1", "4 182 350,00"],
    ["2630", "", "202411", "B1", "-1"],
    ["Totalt", "", "", "", "5 058 536,29"],
  ];

  test("brutto: D = Σ on 5420, E = −Σ on 2810, F = −Σ on 2630, payroll vouchers (B*) only", () => {
    const v = ok(readUnit4({ sheet: "Unit4", values: grid }, { aar: 2024, budsjettering: "brutto" }));
    expect(totals(v)).toEqual([
      ["481070.25", "481070.25", "83597", 6],
      ["0", "0", "0", 0],
      ["0", "0", "0", 0],
      ["0", "0", "0", 0],
      ["0", "0", "0", 0],
      ["0", "0", "1", 1],
    ]);
    expect(v.summary.ignored).toEqual([
      { reason: "andre kontoer (2961 og 5000)", count: 2 },
      { reason: "bilagsart utenfor B* (IF)", count: 1 },
      { reason: "summeringslinjer", count: 1 },
    ]);
    expect(v.summary.usedRows).toBe(7);
    expect(v.notes).toEqual([]);
  });

  test("netto: E is 2961, and 2810 is another account", () => {
    const v = ok(readUnit4({ sheet: "Unit4", values: grid }, { aar: 2024, budsjettering: "netto" }));
    expect(totals(v)[0]).toEqual(["481070.25", "7", "83597", 5]);
    expect(v.summary.ignored[0]).toEqual({ reason: "andre kontoer (2810 og 5000)", count: 4 });
  });

  test("the workbook's accounts, several expense accounts and no voucher-type filter", () => {
    const values = [
      ["Account", "Period", "Amount"],
      ["5421", "202403", "10"],
      ["5429", "202403", "5"],
      ["2811", "202403", "-15"],
      ["2631", "202403", "-3"],
      ["2630", "202403", "-100"],
    ];
    const v = ok(
      readUnit4(
        { sheet: "GL", values },
        { aar: 2024, budsjettering: "brutto", kontoer: { ...DEFAULT_KONTOER, avsetningBrutto: "2811", medlemsinnskudd: "2631" }, pensjonsutgiftKontoer: ["542?"], bilagsart: null },
      ),
    );
    expect(totals(v)[1]).toEqual(["15", "15", "3", 4]);
    expect(v.notes).toEqual(["Alle bilagsarter er tatt med (uten filter); fakturaens egne føringer kan da være med i E og F."]);
  });

  test("Debet and Kredit columns: amount = debet − kredit, an empty side is 0", () => {
    const values = [
      ["Konto", "Periode", "TT", "Debet", "Kredit"],
      ["5420", "202405", "B1", "1\u00a0000,00", ""],
      ["2810", "202405", "B1", "", "1\u00a0000,00"],
      ["2630", "202405", "B1", "", "200"],
      ["2630", "202406", "B1", "5", "0"],
    ];
    const v = ok(readUnit4({ sheet: "Unit4", values }, { aar: 2024, budsjettering: "brutto" }));
    expect(totals(v)[2]).toEqual(["1000", "1000", "195", 4]);
  });

  test("every bad cell is named and no data is returned", () => {
    const values = [
      ["Konto", "Periode", "Bilagsart", "Debet", "Kredit"],
      ["5420", "202313", "B1", "1", ""],
      ["2810", "202312", "B1", "", "1"],
      ["2630", "202401", "B1", "", ""],
      ["2630", "202401", "B1", "abc", "1.234"],
      ["", "202401", "B1", "1", ""],
      ["9999", "tull", "B1", "tull", ""],
      ["2810", "tull", "IF", "tull", ""],
    ];
    const r = readUnit4({ sheet: "Unit4", values }, { aar: 2024, budsjettering: "brutto" });
    expect(isProblems(r)).toBe(true);
    if (!isProblems(r)) return;
    expect(r.list.map((e) => [e.cell ?? `rad ${e.row}`, e.message])).toEqual([
      ["B2", "«202313» er ikke en periode eller dato."],
      ["B3", "«202312» er i 2023, ikke i regnskapsåret 2024."],
      ["rad 4", "Mangler beløp i kolonnene «Debet» og «Kredit»."],
      ["D5", "«abc» er ikke et beløp."],
      ["E5", expect.stringContaining("«1.234» er tvetydig")],
      ["A6", "Mangler konto."],
    ]);
  });

  test("missing columns: the voucher type (when filtering) and an amount", () => {
    const noType = readUnit4({ sheet: "Unit4", values: [["Konto", "Periode", "Beløp"], ["5420", "202401", "1"]] }, { aar: 2024, budsjettering: "brutto" });
    expect(problemsOf(noType).map((e) => e.message)).toEqual([
      "Mangler kolonnen «Bilagsart» (Bilagsart, Bilagstype, Transaction type, Trans type, TT, Voucher type) i overskriftsraden (rad 1).",
    ]);
    const noAmount = readUnit4({ sheet: "Unit4", values: [["Konto", "Periode", "TT"], ["5420", "202401", "B1"]] }, { aar: 2024, budsjettering: "brutto" });
    expect(problemsOf(noAmount).map((e) => e.message)).toEqual([
      "Mangler kolonnen «Beløp» eller «Debet» og «Kredit» i overskriftsraden (rad 1). Lette etter Beløp: Beløp, Amount, Saldo, Bevegelse, Periodebeløp, Balance; Debet: Debet, Debit; Kredit: Kredit, Credit.",
    ]);
    const halfPair = readUnit4({ sheet: "Unit4", values: [["Konto", "Periode", "TT", "Debet"], ["5420", "202401", "B1", "1"]] }, { aar: 2024, budsjettering: "brutto" });
    expect(problemsOf(halfPair)[0].message).toContain("Mangler kolonnen «Kredit» (ved siden av «Debet»)");
  });

  test("no payroll line on the accounts is an error", () => {
    const r = readUnit4({ sheet: "Unit4", values: [["Konto", "Periode", "TT", "Beløp"], ["2810", "202401", "IF", "1"]] }, { aar: 2024, budsjettering: "brutto" });
    expect(problemsOf(r).map((e) => e.message)).toEqual(["Ingen linjer på kontoene 5420, 2810 og 2630 med bilagsart B*; sjekk kontoene og bilagsartene i oppsettet."]);
  });
});
