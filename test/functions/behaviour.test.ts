/**
 * How the functions treat what Excel passes: single values and ranges, broadcasting, ranges of
 * different shapes, one bad cell among good ones, empty cells (0 on desktop, null on the web),
 * text, booleans and forgiving spellings.
 */
import { codeOf, one, show, shown, StubError } from "./custom-functions-stub";
import * as f from "../../src/functions/functions";
import { RuleError } from "../../src/core/errors";
import { toExcelError } from "../../src/functions/errors";

const col = (values: readonly unknown[]): unknown[][] => values.map((v) => [v]);

describe("shapes", () => {
  test("a bare value (CLI) and a 1×1 range (Excel) give one value", () => {
    expect(show(f.trygdeavgift(120000 as never, 2026 as never))).toEqual([[5087.5]]);
    expect(show(f.trygdeavgift([[120000]], [[2026]]))).toEqual([[5087.5]]);
  });

  test("a range gives a result of the same shape; one cell broadcasts against it", () => {
    const grid = [[120000, 0], [99650, 200000], [null, 143175]];
    const result = f.trygdeavgift(grid, [[2026]]);
    // 143 175 is 2026's break point for lønn: min(10 881,30; 25 % × 43 525 = 10 881,25).
    expect(show(result)).toEqual([[5087.5, 0], [0, 15200], [0, 10881.25]]);
    // The year as a range of the same shape, the income as one cell.
    expect(show(f.trygdeavgift([[120000]], [[2024, 2025, 2026]]))).toEqual([[9360, 5087.5, 5087.5]]);
  });

  test("ranges of different shapes are one #VALUE! naming both", () => {
    const result = f.aga(col([1, 2, 3]), col(["I", "II"]), [[2024]]);
    expect(result).toHaveLength(1);
    expect(one(result)).toBe(
      "#VALUE!: Områdene har ulik størrelse: grunnlag er 3×1 og sone_eller_kommunenummer er 2×1 (rader×kolonner). " +
        "Bruk like store områder, eller én celle som gjelder for alle.",
    );
    expect(one(f.trygdeavgift([[1, 2]], col([2024, 2025])))).toMatch(/^#VALUE!: Områdene har ulik størrelse: inntekt er 1×2 og år er 2×1/);
  });

  test("ragged and empty ranges are #VALUE!", () => {
    expect(one(f.trygdeavgift([[1, 2], [3]], [[2026]]))).toBe("#VALUE!: Radene i området for inntekt har ulik lengde.");
    expect(one(f.trygdeavgift([], [[2026]]))).toBe("#VALUE!: Området for inntekt er tomt.");
    expect(one(f.trygdeavgift([[]], [[2026]]))).toBe("#VALUE!: Området for inntekt er tomt.");
    expect(one(f.trygdeavgift([1, 2] as never, [[2026]]))).toBe("#VALUE!: inntekt er ikke et område med rader og kolonner.");
  });
});

describe("only the bad cell is an error", () => {
  test("TRYGDEAVGIFT: text, booleans and absurd amounts in a column", () => {
    const result = f.trygdeavgift(col([120000, "120000", true, 1e14, -1, "1 234,50"]), [[2026]]) as unknown[][];
    expect(result[0][0]).toBe(5087.5);
    expect(show(result[1])).toEqual([
      "#VALUE!: Inntekten «120000» er tekst, ikke et tall. Tekst regnes ikke om til tall; skriv tallet i en tallcelle (sjekk om cellen er formatert som tekst).",
    ]);
    expect(show(result[2])).toEqual(["#VALUE!: Inntekten er en sannhetsverdi (SANN), ikke et tall."]);
    // 1e14 is no sensible amount: #VALUE! with its message (Excel would drop the message on #NUM!).
    expect(show(result[3])).toEqual(["#VALUE!: Inntekten (100000000000000) er utenfor et rimelig beløpsområde (±10 000 milliarder kr)."]);
    expect(result[4][0]).toBe(0);
    expect(codeOf(result[5][0])).toBe("#VALUE!");
    expect((result[5][0] as StubError).message).toContain("«1 234,50»");
  });

  test("AGA: an unknown zone, an ambiguous kommune and a bad basis each spoil their own row", () => {
    const result = f.aga(col([100000, 100000, 100000, "x", 100000]), col(["I", "VI", 1506, "II", "IVa"]), [[2024]]) as unknown[][];
    expect(result[0][0]).toBe(14100);
    expect(codeOf(result[1][0])).toBe("#VALUE!");
    expect(codeOf(result[2][0])).toBe("#N/A");
    expect((result[2][0] as StubError).message).toContain("Molde (1506) har flere soner");
    expect(codeOf(result[3][0])).toBe("#VALUE!");
    expect(result[4][0]).toBe(7900);
  });

  test("a bad code used by many rows is one error shared by them", () => {
    const result = f.aga(col([1, 2, 3]), col(["X", "X", "I"]), [[2024]]) as unknown[][];
    expect(result[0][0]).toBe(result[1][0]);
    expect(result[2][0]).toBe(0.42); // 3 × 14,1 % = 0,423
  });

  test("a bad single year or type errs every cell alike", () => {
    const result = f.trygdeavgift(col([1, 2]), [[2019]]) as unknown[][];
    expect(show(result)).toEqual([
      ["#N/A: Ingen satser for trygdeavgift for 2019; tabellene dekker 2020–2026."],
      ["#N/A: Ingen satser for trygdeavgift for 2019; tabellene dekker 2020–2026."],
    ]);
    expect(one(f.trygdeavgift([[1]], [[2024]], [["bank"]]))).toMatch(/^#VALUE!: Ukjent inntektstype «bank»/);
    expect(one(f.trygdeavgift([[1]], [[2024.5]]))).toMatch(/^#VALUE!: Året må være et helt tall/);
  });
});

describe("empty cells: 0 (desktop) and null (web)", () => {
  test("an empty amount counts as 0", () => {
    for (const empty of [0, null, "", "  "]) {
      expect(one(f.trygdeavgift([[empty]], [[2026]]))).toBe(0);
      expect(one(f.aga([[empty]], [["I"]], [[2024]]))).toBe(0);
      expect(one(f.trygdeavgiftSamlet([[120000]], [[empty]], [[empty]], [[2026]]))).toBe(5087.5);
    }
  });
  test("an empty year is missing, not year 0", () => {
    for (const empty of [0, null, ""]) {
      expect(one(f.trygdeavgift([[120000]], [[empty]]))).toBe("#VALUE!: Året mangler.");
      expect(one(f.gSnitt([[empty]]))).toBe("#VALUE!: Året mangler.");
      expect(one(f.aga([[1]], [["I"]], [[empty]]))).toBe("#VALUE!: Året mangler.");
    }
  });
  test("an omitted or empty optional type means the default", () => {
    for (const empty of [null, undefined, [[null]], [[0]], [[""]]]) {
      expect(one(f.trygdeavgift([[120000]], [[2026]], empty as never))).toBe(5087.5);
      expect(one(f.agaSats([["IVa"]], [[2024]], empty as never))).toBe(0.079);
    }
  });
  test("an empty zone or kommunenummer is missing", () => {
    expect(one(f.aga([[1]], [[null]], [[2024]]))).toBe("#VALUE!: Sonen eller kommunenummeret mangler.");
    expect(one(f.aga([[1]], [[0]], [[2024]]))).toBe("#VALUE!: Sonen eller kommunenummeret mangler.");
    expect(one(f.agaSone([[null]]))).toBe("#VALUE!: Kommunenummeret mangler.");
  });
});

describe("forgiving text", () => {
  test("income types", () => {
    const cases: [string, number][] = [
      ["lønn", 0.078], ["Lønn", 0.078], ["LØNN", 0.078], ["L", 0.078], ["l", 0.078], ["lonn", 0.078], [" lønn ", 0.078],
      ["næring", 0.11], ["N", 0.11], ["naring", 0.11], ["pensjon", 0.051], ["P", 0.051], ["fiske", 0.078], ["jordbruk", 0.11],
    ];
    expect(show(f.trygdeavgiftSats([[2024]], col(cases.map((c) => c[0]))))).toEqual(col(cases.map((c) => c[1])));
  });
  test("zones and kommunenummer, as numbers or text", () => {
    expect(show(f.agaSats(col(["Ia", "1a", "IA", "sone IVa", 4, "4a", 301, "0301", "301"]), [[2024]]))).toEqual(
      col([0.106, 0.106, 0.106, 0.079, 0.051, 0.079, 0.141, 0.141, 0.141]),
    );
    expect(show(f.agaSone(col([301, "0301", "301", 5001])))).toEqual(col(["I", "I", "I", "I"]));
  });
  test("years as numbers or four digits of text", () => {
    expect(one(f.trygdeavgift([[120000]], [["2026"]]))).toBe(5087.5);
    expect(one(f.trygdeavgift([[120000]], [["tjuefemten"]]))).toBe("#VALUE!: «tjuefemten» er ikke et årstall.");
    expect(one(f.trygdeavgift([[120000]], [[true]]))).toBe("#VALUE!: Året er en sannhetsverdi (SANN), ikke et årstall.");
  });
  test("næring", () => {
    expect(show(f.agaSats([["IVa"]], [[2024]], col(["ordinær", "Jordbruk", "sektorunntak", "bank"])))).toEqual([
      [0.079], [0.051], [0.141], ["#VALUE!: Ukjent næring «bank». Bruk ordinær, jordbruk eller sektorunntak."],
    ]);
  });
  test("text that names a JavaScript object member is no type or næring (found by fuzzing)", () => {
    for (const text of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
      expect(one(f.trygdeavgift([[120000]], [[2026]], [[text]]))).toMatch(/^#VALUE!: Ukjent inntektstype/);
      expect(one(f.aga([[100000]], [["I"]], [[2024]], [[text]]))).toMatch(/^#VALUE!: Ukjent næring/);
    }
  });
  test("Excel rich values are read by their basic value", () => {
    expect(one(f.trygdeavgift([[{ type: "Double", basicValue: 120000 }]], [[{ type: "Double", basicValue: 2026 }]]))).toBe(5087.5);
    expect(one(f.trygdeavgift([[{ type: "Entity", text: "x" }]], [[2026]]))).toBe("#VALUE!: Inntekten er ikke et tall (fikk en verdi av typen Entity).");
  });
});

describe("AGA_SONE", () => {
  test("a kommune with several zones needs the delområde, per row", () => {
    expect(show(f.agaSone(col([1506, 1506, 1506]), col(["Midsund", "Molde", null])))).toEqual([
      ["II"], ["I"],
      ["#N/A: Molde (1506) har flere soner: «Gamle Midsund og Nesset» → sone II; «øvrige Molde» → sone I. Oppgi delområde (navnet på den gamle kommunen)."],
    ]);
  });
  test("the old kommune of a split kommune's main part is accepted: Orkdal, Fræna", () => {
    expect(show(f.agaSone(col([5059, 1579, 1508]), col(["Orkdal", "Fræna", "Skodje"])))).toEqual(col(["I", "I", "I"]));
  });
  test("Voss: Ullensvang and Granvin are zone II, old Voss zone I", () => {
    expect(show(f.agaSone(col([4621, 4621, 4621]), col(["Ullensvang", "Granvin", "Voss"])))).toEqual(col(["II", "II", "I"]));
  });
  test("a zone is not a kommunenummer; a boolean is no kommune", () => {
    expect(one(f.agaSone([["Ia"]]))).toMatch(/^#VALUE!: «Ia» er ikke et kommunenummer/);
    expect(one(f.agaSone([[true]]))).toBe("#VALUE!: Kommunenummeret er en sannhetsverdi (SANN).");
    expect(one(f.agaSone([[301]], [[7]]))).toBe("#VALUE!: Delområdet må være tekst (fikk 7).");
  });
  test("the kommune table is not used before 2022", () => {
    expect(one(f.aga([[100000]], [[301]], [[2021]]))).toMatch(/^#N\/A: .*2022/);
    expect(one(f.aga([[100000]], [["I"]], [[2021]]))).toBe(14100);
  });
});

describe("AGA_FRIBELOP and EKSTRA_AGA", () => {
  test("empty earlier basis is 0; negative earlier basis is #VALUE! with its message", () => {
    expect(one(f.agaFribelop([[1_000_000]], [[null]], [["Ia"]], [[2024]]))).toBe(106000);
    expect(one(f.agaFribelop([[1]], [[-1]], [["Ia"]], [[2024]]))).toBe("#VALUE!: Tidligere grunnlag i år kan ikke være negativt.");
    expect(one(f.ekstraAga([[1_000_000]], [[2024]]))).toBe(7500);
    expect(one(f.ekstraAga([[1_000_000]], [[2024]], [[null]]))).toBe(7500);
  });
  test("a year-to-date column against one period", () => {
    expect(show(f.agaFribelop([[1_000_000]], col([0, 24_000_000, 30_000_000]), [["Ia"]], [[2024]]))).toEqual([[106000], [131000], [141000]]);
  });
});

describe("GRUNNBELOP and SPK_TERMIN", () => {
  test("dates as serials, ISO or Norwegian text, yyyymm and yyyymmdd numbers", () => {
    expect(show(f.grunnbelop(col([45444, "2024-06-01", "01.06.2024", "2024-05", 202405, 20240430, "202404"])))).toEqual(
      col([124028, 124028, 124028, 124028, 124028, 118620, 118620]),
    );
    expect(one(f.grunnbelop([["31.02.2024"]]))).toMatch(/^#VALUE!: «31\.02\.2024» er ikke en dato/);
    expect(one(f.grunnbelop([[null]]))).toBe("#VALUE!: Datoen mangler.");
    expect(one(f.grunnbelop([["2017-06-01"]]))).toMatch(/^#N\/A: Ingen G i tabellen for 2017-06-01/);
  });
  test("months, dates and periods", () => {
    expect(show(f.spkTermin(col([1, 2, 3, 12, "3", 45444, "2024-03", "202411", 202402, "15.03.2024", "2024-12-31"])))).toEqual(
      col([1, 1, 2, 6, 2, 3, 2, 6, 1, 2, 6]),
    );
    expect(one(f.spkTermin([[13]]))).toBe("#VALUE!: Måneden må være et helt tall 1–12 (fikk 13).");
    expect(one(f.spkTermin([[2.5]]))).toBe("#VALUE!: Måneden må være et helt tall 1–12 (fikk 2.5).");
    expect(one(f.spkTermin([[0]]))).toBe("#VALUE!: Datoen eller måneden mangler.");
    expect(one(f.spkTermin([["mars"]]))).toMatch(/^#VALUE!: «mars» er ikke en dato eller periode/);
  });
});

describe("FORDEL", () => {
  test("the result has the shape of vekter and sums exactly", () => {
    const result = f.fordel([[1000]], [[1, 1, 1], [0, 2, 2]]) as number[][];
    expect(result).toEqual([[142.86, 142.86, 142.86], [0, 285.71, 285.71]]);
    expect(Math.round(result.flat().reduce((a, b) => a + b * 100, 0))).toBe(100000);
  });
  test("empty weights count as 0; a bad weight is one error naming it", () => {
    expect(show(f.fordel([[100]], col([1, null, 1])))).toEqual(col([50, 0, 50]));
    expect(one(f.fordel([[100]], col([1, "x", 1])))).toMatch(/^#VALUE!: Vekten på rad 2 «x» er tekst/);
    expect(one(f.fordel([[100]], [[0, 0]]))).toMatch(/^#VALUE!: Vektene må være 0 eller større/);
    expect(one(f.fordel(col([1, 2]), [[1]]))).toBe("#VALUE!: Beløpet må være én celle.");
  });
});

describe("AGA_SNITTSATS", () => {
  test("rates and zones mixed; empty rows left out; one value", () => {
    const result = f.agaSnittsats(col([3e6, 1e6, null, 0]), col(["I", 0.051, null, null]), 2024);
    expect(result).toHaveLength(1);
    expect(one(result)).toBeCloseTo((3e6 * 0.141 + 1e6 * 0.051) / 4e6, 15);
  });
  test("a basis without rate, zones without year, and no basis at all are errors", () => {
    expect(one(f.agaSnittsats(col([1, 2]), col([0.141, null])))).toBe("#VALUE!: Satsen eller sonen mangler på rad 2.");
    expect(one(f.agaSnittsats(col([1]), col(["I"])))).toMatch(/^#VALUE!: rad 1: «I» er en sone/);
    expect(one(f.agaSnittsats(col([0, 0]), col([0.141, 0.051])))).toBe("#VALUE!: Summen av grunnlaget er 0, så snittsatsen er ikke definert.");
    expect(one(f.agaSnittsats(col([1]), col([0.141]), [[2024, 2025]]))).toMatch(/^#VALUE!/);
  });
});

describe("every error shows its message in Excel", () => {
  test("each kind of rule error becomes #VALUE! or #N/A (Excel keeps the message on those only), never #NUM!", () => {
    const kinds: [RuleError["kind"], string][] = [["value", "#VALUE!"], ["notAvailable", "#N/A"], ["number", "#VALUE!"]];
    for (const [kind, code] of kinds) {
      expect(shown(toExcelError(new RuleError(kind, "Meldingen.")))).toBe(`${code}: Meldingen.`);
    }
  });
});
