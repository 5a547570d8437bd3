/** Problems as text: one line with its place, and an input's list of problems as the CLI and the pane show it. */
import { formatProblem, Problem, rejectedReport } from "../../../src/core/problem/problem";
import { quoteSheet } from "../../../src/core/sheet/reference";

/** An import's problems as a report (formatImportErrors before): heading, sorted lines, cut after `max`. */
const importReport = (list: readonly Problem[], max?: number) => rejectedReport("Importen", list, max);

describe("listing import errors", () => {
  const errors: Problem[] = [
    { sheet: "SAP", cell: "F14", row: 14, column: "Beløp", value: "12,3,4", message: "«12,3,4» er ikke et beløp." },
    { sheet: "Unit4 saldo", row: 3, message: "Mangler kolonnen «Beløp»." },
    { sheet: "SAP", cell: "C14", row: 14, message: "«13.2024» er ikke en periode eller dato." },
    { sheet: "SAP", cell: "AA2", row: 2, message: "x" },
    { sheet: "SAP", message: "Filen har ingen datarader." },
  ];
  test("one error: sheet!cell: message", () => {
    expect(formatProblem(errors[0])).toBe("SAP!F14: «12,3,4» er ikke et beløp.");
    expect(formatProblem(errors[1])).toBe("Unit4 saldo, rad 3: Mangler kolonnen «Beløp».");
    expect(formatProblem(errors[4])).toBe("SAP: Filen har ingen datarader.");
  });
  test("sheet names are quoted as Excel quotes them", () => {
    expect(quoteSheet("SAP")).toBe("SAP");
    expect(quoteSheet("Lønnsarter")).toBe("Lønnsarter");
    expect(quoteSheet("Unit4 saldo")).toBe("'Unit4 saldo'");
    expect(quoteSheet("A10")).toBe("'A10'");
    expect(quoteSheet("Per's")).toBe("'Per''s'");
    expect(quoteSheet("sap-lonnsarter-2024.csv")).toBe("'sap-lonnsarter-2024.csv'");
  });
  test("the list: heading, then sheet by sheet, top to bottom, left to right", () => {
    expect(importReport(errors)).toEqual([
      "Importen ble avvist (5 feil); ingenting er skrevet:",
      "SAP: Filen har ingen datarader.",
      "SAP!AA2: x",
      "SAP!C14: «13.2024» er ikke en periode eller dato.",
      "SAP!F14: «12,3,4» er ikke et beløp.",
      "Unit4 saldo, rad 3: Mangler kolonnen «Beløp».",
    ]);
  });
  test("cut after max lines, with the rest counted", () => {
    expect(importReport(errors, 2)).toEqual([
      "Importen ble avvist (5 feil); ingenting er skrevet:",
      "SAP: Filen har ingen datarader.",
      "SAP!AA2: x",
      "… og 3 feil til.",
    ]);
    expect(importReport([])).toEqual([]);
    expect(importReport([errors[0]])[0]).toBe("Importen ble avvist (1 feil); ingenting er skrevet:");
  });
});
