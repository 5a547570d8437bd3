import { readSap, SapImport } from "../../../src/core/import";
import { fromOre, toText } from "../../../src/core/money";
import { isProblems } from "../../../src/core/problem/problem";
import { ok, problemsOf } from "../../support/checked";

const HEADER = ["Lønnsart", "Lønnsarttekst", "For-periode", "Beløp"];

/** Øre as the exact kroner text ("480869.75"). */
const amount = (ore: number) => toText(fromOre(ore));
const totals = (v: SapImport) => v.terminer.map((t) => [amount(t.arbeidsgiverandel), amount(t.medlemsinnskudd), t.rader]);
const lonnsarter = { arbeidsgiverandel: ["7300", "7301"], medlemsinnskudd: ["7350"] };

describe("SAP wage-type report", () => {
  test("sums the configured wage types per termin; other wage types and total lines are counted, not summed", () => {
    const grid = [
      ["Lønnsartrapport CUS&OPAL34"],
      [],
      HEADER,
      ["7300", "SPK arbeidsgiverandel", "01.2024", "455 876,15"],
      [7301, "SPK AFP", "01.2024", 25094.1],
      ["7350", "SPK medlemsinnskudd", "01.2024", "83 647,00"],
      ["1000", "Fastlønn", "01.2024", "4 182 350,00"],
      ["", "", "", ""],
      ["7300", "SPK arbeidsgiverandel", "31.03.2024", "1 000,00"],
      ["7300", "Retro", "02.2024", "100,50-"],
      ["7350", "SPK medlemsinnskudd", 202412, "(12,00)"],
      ["Sum", "", "", "4 747 854,75"],
    ];
    const v = ok(readSap({ sheet: "SAP", values: grid }, { aar: 2024, lonnsarter }));
    expect(totals(v)).toEqual([
      ["480869.75", "83647", 4],
      ["1000", "0", 1],
      ["0", "0", 0],
      ["0", "0", 0],
      ["0", "0", 0],
      ["0", "-12", 1],
    ]);
    expect(v.summary).toEqual({
      sheet: "SAP",
      headerRow: 3,
      columns: { lonnsart: "Lønnsart (A3)", periode: "For-periode (C3)", belop: "Beløp (D3)", tekst: "Lønnsarttekst (B3)" },
      dataRows: 8,
      usedRows: 6,
      ignored: [{ reason: "andre lønnsarter (1000)", count: 1 }, { reason: "summeringslinjer", count: 1 }],
      emptyRows: 1,
    });
    expect(v.notes).toEqual(["Medlemsinnskuddet for termin 6 er negativt; viser rapporten trekk som negative beløp?"]);
  });

  test("wildcards, leading zeros and an inverted member deduction", () => {
    const grid = [["LART", "Periode", "Amount"], [810, "2024-05", "-100"], ["/3P1", "2024-06", "40"], ["/3P2", "2024-06", "2"]];
    const v = ok(
      readSap({ sheet: "SAP", values: grid }, { aar: 2024, lonnsarter: { arbeidsgiverandel: ["/3P?"], medlemsinnskudd: ["0810"] }, invert: { medlemsinnskudd: true } }),
    );
    expect(totals(v)[2]).toEqual(["42", "100", 3]);
    expect(v.notes).toEqual([]);
  });

  test("without configured wage types the sample defaults are used, and the notes say so", () => {
    const v = ok(readSap({ sheet: "SAP", values: [HEADER, ["7300", "", "01.2024", "1"]] }, { aar: 2024 }));
    expect(v.notes).toEqual(["Lønnsartene er eksempelverdier: arbeidsgiverandel 7300 og 7301, medlemsinnskudd 7350. Sett virksomhetens egne lønnsarter i oppsettet."]);
  });

  test("every bad cell is named and no data is returned", () => {
    const grid = [
      HEADER,
      ["7300", "", "01.2024", "12,3,4"],
      ["7300", "", "13.2024", "1"],
      ["7350", "", "12.2023", "1"],
      ["7350", "", "", ""],
      ["", "tekst uten lønnsart", "01.2024", "5"],
      ["7300", "", "02.2024", "1 000,00"],
      ["1000", "", "i fjor", "tull"],
    ];
    const r = readSap({ sheet: "SAP", values: grid, origin: "B10" }, { aar: 2024, lonnsarter });
    expect(isProblems(r)).toBe(true);
    expect("terminer" in r).toBe(false);
    if (!isProblems(r)) return;
    expect(r.list.map((e) => [e.cell, e.row, e.column, e.value, e.message])).toEqual([
      ["E11", 11, "Beløp", "12,3,4", "«12,3,4» er ikke et beløp."],
      ["D12", 12, "For-periode", "13.2024", "«13.2024» er ikke en periode eller dato."],
      ["D13", 13, "For-periode", "12.2023", "«12.2023» er i 2023, ikke i regnskapsåret 2024."],
      ["D14", 14, "For-periode", "", "Mangler periode i kolonnen «For-periode»."],
      ["E14", 14, "Beløp", "", "Mangler beløp i kolonnen «Beløp»."],
      ["B15", 15, "Lønnsart", "", "Mangler lønnsart."],
    ]);
    expect(r.list.every((e) => e.sheet === "SAP")).toBe(true);
  });

  test("a file with no data rows", () => {
    expect(problemsOf(readSap({ sheet: "SAP", values: [] }, { aar: 2024 }))).toEqual([{ sheet: "SAP", message: "Filen har ingen datarader: arket er tomt." }]);
    expect(problemsOf(readSap({ sheet: "SAP", values: [[""], ["", ""]] }, { aar: 2024 }))).toEqual(
      [{ sheet: "SAP", message: "Filen har ingen datarader: arket er tomt." }],
    );
    expect(problemsOf(readSap({ sheet: "SAP", values: [["Tittel"], HEADER, [], [""]] }, { aar: 2024 }))).toEqual(
      [{ sheet: "SAP", row: 2, message: "Filen har ingen datarader under overskriftsraden (rad 2)." }],
    );
  });

  test("no line of the configured wage types is an error listing the wage types found", () => {
    const r = readSap({ sheet: "SAP", values: [HEADER, ["1000", "", "01.2024", "1"], ["/101", "", "01.2024", "1"]] }, { aar: 2024, lonnsarter });
    expect(problemsOf(r)).toEqual([
      {
        sheet: "SAP",
        message: "Ingen linjer med lønnsartene for arbeidsgiverandel (7300 og 7301) eller medlemsinnskudd (7350); sjekk lønnsartene i oppsettet. Lønnsartene i filen: 1000 og /101.",
      },
    ]);
  });

  test("a wage type set up as both shares is an error at its cell", () => {
    const r = readSap({ sheet: "SAP", values: [HEADER, ["7300", "", "01.2024", "1"]] }, { aar: 2024, lonnsarter: { arbeidsgiverandel: ["7*"], medlemsinnskudd: ["7300"] } });
    expect(problemsOf(r).map((e) => [e.cell, e.message])).toEqual([["A2", "Lønnsart 7300 er satt opp både som arbeidsgiverandel og som medlemsinnskudd."]]);
  });

  test("a duplicate or missing header is an error and nothing is read", () => {
    const dup = readSap({ sheet: "SAP", values: [["Lønnsart", "Periode", "Beløp", "Amount"], ["7300", "01.2024", "1", "1"]] }, { aar: 2024 });
    expect(problemsOf(dup).map((e) => [e.cell, e.message])).toEqual([
      ["D1", "Kolonnen «Beløp» står to ganger i overskriftsraden: C1 («Beløp») og D1 («Amount»). Fjern eller gi nytt navn til den ene."],
    ]);
    const missing = readSap({ sheet: "SAP", values: [["Lønnsart", "Beløp"], ["7300", "1"]] }, { aar: 2024 });
    expect(problemsOf(missing).map((e) => e.message)).toEqual([
      "Mangler kolonnen «Periode» (Periode, For-periode, Forperiode, Lønnsperiode, Period, For-period, For period, Abrechnungsperiode, Für-Periode) i overskriftsraden (rad 1).",
    ]);
  });

  test("a bad origin is an error, not an exception", () => {
    expect(problemsOf(readSap({ sheet: "SAP", values: [HEADER], origin: "11" }, { aar: 2024 }))).toEqual(
      [{ sheet: "SAP", message: "«11» er ikke en gyldig startcelle (for eksempel A1)." }],
    );
  });
});
