/** The standard print setup, the width of amount columns, and the plan check's refusal of a bad print setup. */
import { planProblems, printProblems } from "../../../src/core/workpaper/plan-check";
import {
  AMOUNT_COLUMN_WIDTH,
  columnWidthFor,
  headerFooterLiteral,
  headerFooterText,
  LARGEST_AMOUNT_TEXT,
  standardPrint,
  withAmountWidths,
} from "../../../src/core/workpaper/print";
import { emptyPlan, PrintSpec, WritePlan } from "../../../src/core/workpaper/write-plan";

const planWith = (print: PrintSpec, visibility: "visible" | "veryHidden" = "visible"): WritePlan => ({
  ...emptyPlan(),
  sheets: [{ name: "Ark", visibility, print }],
});

describe("standardPrint", () => {
  test("A4 landscape, one page wide, title rows, a header naming virksomhet, sheet and year, a footer with the page", () => {
    expect(standardPrint({ virksomhet: "Eksempeletaten", aar: 2024 }, { first: 1, last: 11 })).toEqual({
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      titleRows: { first: 1, last: 11 },
      header: { left: "Eksempeletaten", center: "&A", right: "År 2024" },
      footer: { left: "Skrevet ut &D", center: "Side &P av &N" },
    });
  });

  test("an & in the name is printed, not read as a code; blanks and line breaks become one space", () => {
    const p = standardPrint({ virksomhet: " Bygg &\n Anlegg  AS ", aar: 2025 });
    expect(p.header?.left).toBe("Bygg && Anlegg AS");
    expect(printProblems(p, "visible")).toEqual([]);
  });

  test("a very long name is shortened so the header stays within Excel's 255 characters", () => {
    const p = standardPrint({ virksomhet: "&".repeat(300), aar: 2024 });
    expect(p.header?.left).toBe(`${"&&".repeat(99)}…`);
    expect(headerFooterText(p.header).length).toBeLessThanOrEqual(255);
    expect(printProblems(p, "visible")).toEqual([]);
  });

  test("without a heading the header names only the sheet; without title rows none are set", () => {
    const p = standardPrint(undefined);
    expect(p.header).toEqual({ center: "&A" });
    expect(p).not.toHaveProperty("titleRows");
  });
});

describe("header and footer text", () => {
  test("as an .xlsx stores it: &L, &C, &R before their sections, empty sections left out", () => {
    expect(headerFooterText({ left: "Etaten", center: "&A", right: "År 2024" })).toBe("&LEtaten&C&A&RÅr 2024");
    expect(headerFooterText({ center: "Side &P av &N" })).toBe("&CSide &P av &N");
    expect(headerFooterText(undefined)).toBe("");
    expect(headerFooterLiteral("A & B")).toBe("A && B");
  });
});

describe("amount column width", () => {
  test("-9 999 999 999,99 needs 17 characters, bold, in the widest font that shows the sheets", () => {
    expect(LARGEST_AMOUNT_TEXT).toBe("-9 999 999 999,99");
    // 12 digits × 1,0937 + 3 separators × 0,5971 + comma 0,5971 + minus 0,6523 + 0,5 margin = 16,67.
    expect(AMOUNT_COLUMN_WIDTH).toBe(17);
    expect(columnWidthFor("-9,999,999,999.99")).toBe(17);
    // About 312 M kr per termin, as a sum row shows it (LibreOffice shows it bold at 15, ### at 14.5).
    expect(columnWidthFor("-312 000 000,00")).toBe(15);
    expect(columnWidthFor("0,00")).toBe(5);
  });

  test("withAmountWidths widens amount columns and never narrows a wider one", () => {
    expect(withAmountWidths({ A: 16, B: 14, J: 40 }, ["B", "J", "C"])).toEqual({ A: 16, B: 17, J: 40, C: 17 });
  });
});

describe("the plan check refuses a bad print setup, naming the sheet", () => {
  const good = standardPrint({ virksomhet: "Etaten", aar: 2024 }, { first: 1, last: 3 });

  test("the standard setup passes", () => {
    expect(planProblems(planWith(good))).toEqual([]);
  });

  test.each([
    [{ first: 0, last: 3 }, "utskrift: ugyldige utskriftstitler (rad 0–3): radene må være hele tall fra 1 til 1048576"],
    [{ first: 2.5, last: 3 }, "utskrift: ugyldige utskriftstitler (rad 2.5–3): radene må være hele tall fra 1 til 1048576"],
    [{ first: 1, last: 1_048_577 }, "utskrift: ugyldige utskriftstitler (rad 1–1048577): radene må være hele tall fra 1 til 1048576"],
    [{ first: 5, last: 3 }, "utskrift: ugyldige utskriftstitler: første rad (5) kommer etter siste rad (3)"],
  ])("title rows %j", (titleRows, message) => {
    expect(planProblems(planWith({ ...good, titleRows }))).toEqual([{ sheet: "Ark", message }]);
  });

  test("unknown codes, a lone & and an over-long header are refused; && and the documented codes pass", () => {
    const bad: PrintSpec = {
      ...good,
      header: { left: "Side &P+1", center: "&\"Arial\"Tittel", right: "slutt &" },
      footer: { center: "x".repeat(260) },
    };
    expect(planProblems(planWith(bad)).map((p) => p.message)).toEqual([
      "utskrift: topptekst (midten) har den ukjente koden «&\"»; skriv && for tegnet &",
      "utskrift: topptekst (høyre) har den ukjente koden «&»; skriv && for tegnet &",
      "utskrift: bunntekst er 262 tegn med koder; Excel tillater 255",
    ]);
    const fine: PrintSpec = { ...good, header: { left: "A && B &B&I&U", center: "&A &F &Z", right: "&D &T" }, footer: { center: "Side &p av &n" } };
    expect(printProblems(fine, "visible")).toEqual([]);
  });

  test("orientation, paper and fitting must be ones both shells know", () => {
    const bad = { ...good, orientation: "sideways", paper: "A5", fitToWidth: "ja" } as unknown as PrintSpec;
    expect(printProblems(bad, "visible")).toEqual([
      "ukjent papirretning «sideways»",
      "ukjent papirstørrelse «A5»",
      "tilpasning til sidebredden må være av eller på",
    ]);
  });

  test("a very hidden sheet (_lonn) is never printed, so a print setup there is a mistake", () => {
    expect(planProblems(planWith(good, "veryHidden"))).toEqual([
      { sheet: "Ark", message: "utskrift: et skjult ark skrives ikke ut, så det skal ikke ha utskriftsoppsett" },
    ]);
  });
});
