/** The small pure helpers of src/excel. */
import { Entry, isPlainText, nonNullBlocks, rowBlocks, toEntry } from "../../src/excel/cells";
import { definedNameProblem, sheetNameProblem } from "../../src/core/workpaper/plan-check";
import { sameSheetAddress as sameReference, quoteSheet, splitSheetAddress } from "../../src/core/sheet/reference";
import { nameFormula, rangeAddress } from "../../src/excel/references";
import { supportsExcelApi } from "../../src/excel/requirements";
import { columnWidthPoints } from "../../src/excel/styles";
import { Cell } from "../../src/core/workpaper/write-plan";
import { FakeExcelHost } from "../fake-excel";
import { installed } from "./support";

describe("toEntry", () => {
  const entry = (cell: Cell): Entry => toEntry(cell);

  test("text Excel could read as something else gets the text prefix; plain text goes as it is", () => {
    expect(["=1", "+4", "-A1", "@x", "0301", "'x", "#N/A", "T1", "TRUE", "usann"].map(entry)).toEqual([
      "'=1", "'+4", "'-A1", "'@x", "'0301", "''x", "'#N/A", "'T1", "'TRUE", "'usann",
    ]);
    expect(["Faktura kom i mars", "Sum", "<img src=x onerror=alert()>", "Kari's"].map(entry)).toEqual([
      "Faktura kom i mars", "Sum", "<img src=x onerror=alert()>", "Kari's",
    ]);
  });

  test("in a cell the plan formats as text, text goes bare", () => {
    expect(toEntry("=1", true)).toBe("=1");
    expect(toEntry("'x", true)).toBe("'x");
  });

  test("formulas get their '='; numbers, booleans, '' and null pass through", () => {
    expect([{ formula: "B7-D7" }, { formula: "=SUM(A1)" }].map(entry)).toEqual(["=B7-D7", "=SUM(A1)"]);
    expect([12.5, -0, false, "", null].map(entry)).toEqual([12.5, -0, false, "", null]);
  });

  test("isPlainText is false for anything with a digit or a formula start", () => {
    expect(["1 234,50", "mars 2024", "kr 5", "Jan-24", "=x", " -5"].map(isPlainText)).toEqual([false, false, false, false, false, false]);
    expect(["Eksempeletaten", "Lønnsoppgjør etterbetalt"].map(isPlainText)).toEqual([true, true]);
  });
});

describe("nonNullBlocks", () => {
  const X = 1;
  const _ = null;

  test("a full grid is one block; a null column splits it; runs merge down only while identical", () => {
    expect(nonNullBlocks([[X, X], [X, X]])).toEqual([{ row: 0, col: 0, rows: 2, cols: 2 }]);
    expect(nonNullBlocks([[X, _, X], [X, _, X]])).toEqual([
      { row: 0, col: 0, rows: 2, cols: 1 },
      { row: 0, col: 2, rows: 2, cols: 1 },
    ]);
    const grid: Cell[][] = [[X, X, _], [X, X, _], [X, X, X], [_, _, _], [X, X, _]];
    expect(nonNullBlocks(grid)).toEqual([
      { row: 0, col: 0, rows: 2, cols: 2 },
      { row: 2, col: 0, rows: 1, cols: 3 },
      { row: 4, col: 0, rows: 1, cols: 2 },
    ]);
  });

  test("the blocks cover exactly the non-null cells", () => {
    const grid: Cell[][] = Array.from({ length: 9 }, (_, i) => Array.from({ length: 7 }, (_, j) => ((i * 7 + j) % 3 === 0 || j === 2 ? null : 1)));
    const covered = new Set<string>();
    for (const b of nonNullBlocks(grid)) {
      for (let i = b.row; i < b.row + b.rows; i++) {
        for (let j = b.col; j < b.col + b.cols; j++) {
          expect(covered.has(`${i},${j}`)).toBe(false);
          covered.add(`${i},${j}`);
        }
      }
    }
    const nonNull = grid.flatMap((row, i) => row.flatMap((c, j) => (c === null ? [] : [`${i},${j}`])));
    expect([...covered].sort()).toEqual(nonNull.sort());
  });

  test("rowBlocks slices whole rows under a cell limit", () => {
    expect(rowBlocks(10, 3, 9)).toEqual([
      { row: 0, col: 0, rows: 3, cols: 3 },
      { row: 3, col: 0, rows: 3, cols: 3 },
      { row: 6, col: 0, rows: 3, cols: 3 },
      { row: 9, col: 0, rows: 1, cols: 3 },
    ]);
    expect(rowBlocks(2, 50, 10)).toEqual([{ row: 0, col: 0, rows: 1, cols: 50 }, { row: 1, col: 0, rows: 1, cols: 50 }]);
  });
});

describe("references", () => {
  test("sheet names are quoted when Excel would; names point at absolute cells", () => {
    expect([quoteSheet("Data"), quoteSheet("A10 SPK brutto"), quoteSheet("Ark1"), quoteSheet("Kari's")]).toEqual([
      "Data",
      "'A10 SPK brutto'",
      "'Ark1'",
      "'Kari''s'",
    ]);
    expect(nameFormula("A10 SPK brutto", "B5")).toBe("='A10 SPK brutto'!$B$5");
    expect(nameFormula("Data", "B5:C7")).toBe("=Data!$B$5:$C$7");
  });

  test("sameReference ignores quotes, $ and case, but not the cells or the sheet", () => {
    expect(sameReference("='A10 SPK brutto'!$B$5", "='a10 spk brutto'!B5")).toBe(true);
    expect(sameReference("=Data!$B$5", "='Data'!$B$5")).toBe(true);
    expect(sameReference("=Data!$B$5", "=Data!$B$6")).toBe(false);
    expect(sameReference("=Data!$B$5", "=Data2!$B$5")).toBe(false);
  });

  test("rangeAddress and splitAddress", () => {
    expect(rangeAddress("B7", { row: 2, col: 1, rows: 3, cols: 2 })).toBe("C9:D11");
    expect(rangeAddress("B7", { row: 0, col: 0, rows: 1, cols: 1 })).toBe("B7");
    expect(splitSheetAddress("'Kari''s ark'!A1:B2")).toEqual({ sheet: "Kari's ark", address: "A1:B2" });
  });
});

describe("checks and units", () => {
  test("Excel's sheet and name rules", () => {
    expect([sheetNameProblem("A10 SPK brutto"), sheetNameProblem("_lonn")]).toEqual([undefined, undefined]);
    expect(sheetNameProblem("x".repeat(32))).toMatch(/1–31 tegn/);
    expect(sheetNameProblem("'a")).toMatch(/apostrof/);
    expect(["LONN_AGA_SATS", "_x", "\\y"].map(definedNameProblem)).toEqual([undefined, undefined, undefined]);
    expect(["A1", "XFD1048576", "R1C1", "r", "1x", "a b"].every((n) => definedNameProblem(n) !== undefined)).toBe(true);
  });

  test("column widths: the .xlsx default 9.140625 is Excel's 64 px = 48 pt", () => {
    expect(columnWidthPoints(9.140625)).toBe(48);
    expect(columnWidthPoints(12)).toBe(63);
  });

  test("requirement sets come from Office, and nothing is supported without it", async () => {
    expect(supportsExcelApi("1.1")).toBe(false);
    await installed(new FakeExcelHost({ requirementSets: { ExcelApi: "1.9" } }), async () => {
      expect([supportsExcelApi("1.6"), supportsExcelApi("1.9"), supportsExcelApi("1.10")]).toEqual([true, true, false]);
    });
  });
});
