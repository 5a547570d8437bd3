import { FieldSpec, findHeader, headerKey, HEADER_SCAN_ROWS, SAP_FIELDS, withSynonyms } from "../../../src/core/import";
import { GridPlace } from "../../../src/core/import/grid";
import { isProblems } from "../../../src/core/problem/problem";
import { problemsOf } from "../../support/checked";

type K = "konto" | "belop" | "tekst";
const FIELDS: FieldSpec<K>[] = [
  { key: "konto", label: "Konto", synonyms: ["Konto", "Account"], required: true },
  { key: "belop", label: "Beløp", synonyms: ["Beløp", "Amount", "Betrag"], required: true },
  { key: "tekst", label: "Tekst", synonyms: ["Tekst", "Text"], required: false },
];
const A1: GridPlace = { sheet: "Unit4", originRow: 0, originCol: 0 };

describe("header keys", () => {
  test.each([
    ["Beløp", "belop"], ["BELØP", "belop"], ["belop", "belop"], [" Beløp ", "belop"], ["Beløp (NOK)", "belop"], ["Beløp i NOK", "belop"],
    ["Beløp kr", "belop"], ["For-periode", "for periode"], ["For periode", "for periode"], ["Adm.gebyr", "adm gebyr"], ["Lønnsart", "lonnsart"],
    ["Pers.nr.", "pers nr"], ["NOK", "nok"],
  ])("%j → %j", (text, key) => expect(headerKey(text)).toBe(key));
});

describe("finding the header row and columns", () => {
  test("synonyms in any case and with diacritics, below a title and blank lines", () => {
    const grid = [["Saldoliste 2024"], ["Utvalg: konto 2630–5420", ""], [], ["", "ACCOUNT", "Text", "beløp (nok)"], ["", "5420", "x", "1"]];
    const r = findHeader(grid, FIELDS, A1);
    expect(r).toEqual({ row: 3, columns: { konto: 1, tekst: 2, belop: 3 }, titles: { konto: "ACCOUNT", tekst: "Text", belop: "beløp (nok)" } });
  });

  test("the row naming most fields wins over a title that mentions one", () => {
    const grid = [["Konto"], ["Konto", "Beløp"]];
    const r = findHeader(grid, FIELDS, A1);
    expect(!isProblems(r) && r.row).toBe(1);
  });

  test("an optional field may be missing", () => {
    const r = findHeader([["Konto", "Beløp"]], FIELDS, A1);
    expect(!isProblems(r) && r.columns).toEqual({ konto: 0, belop: 1 });
  });

  test("a duplicate header is an error naming both cells", () => {
    const r = findHeader([["Konto", "Beløp", "Tekst", "Amount"]], FIELDS, { sheet: "Unit4", originRow: 4, originCol: 1 });
    expect(isProblems(r)).toBe(true);
    if (!isProblems(r)) return;
    expect(r.list).toEqual([
      {
        sheet: "Unit4",
        cell: "E5",
        row: 5,
        column: "Amount",
        value: "Amount",
        message: "Kolonnen «Beløp» står to ganger i overskriftsraden: C5 («Beløp») og E5 («Amount»). Fjern eller gi nytt navn til den ene.",
      },
    ]);
  });

  test("a missing required column is an error naming the synonyms looked for", () => {
    const r = findHeader([["Konto", "Tekst"], ["5420", "x"]], FIELDS, A1);
    expect(problemsOf(r)).toEqual([{ sheet: "Unit4", row: 1, message: "Mangler kolonnen «Beløp» (Beløp, Amount, Betrag) i overskriftsraden (rad 1)." }]);
  });

  test("no header in the first rows at all", () => {
    const grid = [...Array(HEADER_SCAN_ROWS).fill(["data"]), ["Konto", "Beløp"]];
    const r = findHeader(grid, FIELDS, A1);
    expect(isProblems(r)).toBe(true);
    if (!isProblems(r)) return;
    expect(r.list[0].message).toBe(
      "Fant ingen overskriftsrad i de første 20 radene. Lette etter kolonnene «Konto» (Konto, Account); «Beløp» (Beløp, Amount, Betrag).",
    );
  });

  test("a header in row 20 is found; numbers in a header row are not headers", () => {
    const grid = [...Array(HEADER_SCAN_ROWS - 1).fill([1, 2]), ["Konto", "Beløp"]];
    const r = findHeader(grid, FIELDS, A1);
    expect(!isProblems(r) && r.row).toBe(19);
  });

  test("synonyms can be replaced per reader", () => {
    const fields = withSynonyms(SAP_FIELDS, { belop: ["Sum i periode"] });
    const r = findHeader([["Lønnsart", "Periode", "Sum i periode", "Beløp"]], fields, A1);
    expect(!isProblems(r) && r.columns).toEqual({ lonnsart: 0, periode: 1, belop: 2 });
  });
});
