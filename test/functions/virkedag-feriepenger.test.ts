/**
 * VIRKEDAG, FORFALL_FORSKUDDSTREKK, FORFALL_AGA and FERIEPENGER as Excel calls them: dates in
 * as serials or text and out as serials, ranges and broadcasting, one bad cell among good ones,
 * empty cells, booleans, and only #VALUE! or #N/A for a user's mistake (Excel shows no message
 * with #NUM!).
 */
import { codeOf, one, show, StubError } from "./custom-functions-stub";
import * as f from "../../src/functions/functions";
import { CalendarDate, fromExcelSerial, isoDate, toExcelSerial } from "../../src/core/calendar";
import { isRuleError } from "../../src/core/errors";
import { dueDateAga, dueDateForskuddstrekk } from "../../src/core/rules/due-dates";
import { feriepenger } from "../../src/core/rules/feriepenger";
import { addVirkedager } from "../../src/core/rules/virkedag";

const col = (values: readonly unknown[]): unknown[][] => values.map((v) => [v]);
const d = (iso: string): CalendarDate => {
  const [year, month, day] = iso.split("-").map(Number);
  return { year, month, day };
};
const serial = (iso: string): number => toExcelSerial(d(iso));
/** A result's cells as ISO dates (errors as `#CODE: message`). */
const dates = (result: unknown): unknown =>
  (show(result) as unknown[][]).map((row) => row.map((cell) => (typeof cell === "number" ? isoDate(fromExcelSerial(cell)!) : cell)));

describe("VIRKEDAG(dato; [dager])", () => {
  test("dates in as serials, yyyymmdd or text; out as Excel date serials", () => {
    expect(serial("2026-01-23")).toBe(46045);
    expect(serial("2026-01-26")).toBe(46048);
    for (const dato of [46045, 46045.5, 20260123, "2026-01-23", "23.01.2026", "23.1.2026", { type: "Double", basicValue: 46045 }]) {
      expect(one(f.virkedag([[dato]]))).toBe(46048);
    }
    expect(one(f.virkedag(46045 as never))).toBe(46048); // a bare value, as the CLI passes it
  });

  test("the worked dates of 2026, one column", () => {
    const result = f.virkedag(col(["2026-01-23", "2026-04-01", "2026-05-13", "2026-12-24", "2026-12-31"]));
    expect(dates(result)).toEqual(col(["2026-01-26", "2026-04-07", "2026-05-15", "2026-12-28", "2027-01-04"]));
  });

  test("dager: omitted or empty is 1, 0 is the day itself or the next virkedag, negative counts back", () => {
    for (const empty of [null, undefined, [[null]], [[""]], [["  "]], [[{ type: "Empty" }]]]) {
      expect(one(f.virkedag([["2026-04-01"]], empty as never))).toBe(serial("2026-04-07"));
    }
    expect(dates(f.virkedag([["2026-04-02"]], [[0, -1, 2, -3, 5]]))).toEqual([["2026-04-07", "2026-04-01", "2026-04-08", "2026-03-30", "2026-04-13"]]);
    expect(one(f.virkedag([["2026-01-23"]], [[0]]))).toBe(serial("2026-01-23"));
  });

  test("ranges broadcast against one cell; both as ranges go element by element", () => {
    expect(dates(f.virkedag(col(["2026-01-23", "2026-05-13"]), col([1, -1])))).toEqual(col(["2026-01-26", "2026-05-12"]));
    expect(dates(f.virkedag([["2026-12-23"]], [[1, 2, 3]]))).toEqual([["2026-12-24", "2026-12-28", "2026-12-29"]]);
    expect(one(f.virkedag(col([1, 2, 3]), col([1, 2])))).toMatch(/^#VALUE!: Områdene har ulik størrelse: dato er 3×1 og dager er 2×1/);
  });

  test("only the bad cell is an error, and each is #VALUE! with a message", () => {
    const result = f.virkedag(col(["2026-01-23", "x", true, null, 0, "2026-01", 202601, "31.02.2026", 60, "9999-12-31", 46045]), [[1]]) as unknown[][];
    const examples = "Skriv f.eks. 2026-01-23 eller 23.01.2026, eller bruk en Excel-dato.";
    expect(show(result)).toEqual(col([
      46048,
      `#VALUE!: Datoen «x» er ikke en dato. ${examples}`,
      "#VALUE!: Datoen er en sannhetsverdi (SANN).",
      "#VALUE!: Datoen mangler.",
      "#VALUE!: Datoen mangler.", // an empty cell on Windows
      `#VALUE!: Datoen «2026-01» er en måned, ikke en dato. ${examples}`,
      `#VALUE!: Datoen 202601 er en måned (ååååmm), ikke en dato. ${examples}`,
      `#VALUE!: Datoen «31.02.2026» er ikke en dato. ${examples}`,
      `#VALUE!: Datoen: 60 er ikke et gyldig datoserienummer (Excel-dato). ${examples}`,
      "#VALUE!: Datoen havner utenfor 1900–9999.",
      46048,
    ]));
  });

  test("a bad count spoils its own cell", () => {
    expect(show(f.virkedag([["2026-01-23"]], [[1, 1.5, "2", true, 1e300]]))).toEqual([[
      46048,
      "#VALUE!: Antall dager må være et helt tall (fikk 1.5).",
      "#VALUE!: Antall dager «2» er tekst, ikke et tall. Tekst regnes ikke om til tall; skriv tallet i en tallcelle (sjekk om cellen er formatert som tekst).",
      "#VALUE!: Antall dager er en sannhetsverdi (SANN), ikke et tall.",
      "#VALUE!: Datoen havner utenfor 1900–9999.",
    ]]);
  });
});

describe("FORFALL_FORSKUDDSTREKK(utbetalingsdato)", () => {
  test("from 2026 the first virkedag after; up to 2025 the termin's due date", () => {
    const pay = ["2026-01-23", "2026-04-01", "2026-05-13", "2026-12-24", "2025-01-24", "2025-12-31", "x", null];
    expect(dates(f.forfallForskuddstrekk(col(pay)))).toEqual(col([
      "2026-01-26", "2026-04-07", "2026-05-15", "2026-12-28", "2025-03-17", "2026-01-15",
      "#VALUE!: Utbetalingsdatoen «x» er ikke en dato. Skriv f.eks. 2026-01-23 eller 23.01.2026, eller bruk en Excel-dato.",
      "#VALUE!: Utbetalingsdatoen mangler.",
    ]));
    expect(one(f.forfallForskuddstrekk([[46045]]))).toBe(46048);
    expect(one(f.forfallForskuddstrekk([["23.01.2026"]]))).toBe(46048);
  });
});

describe("FORFALL_AGA(termin; år)", () => {
  test("the six terminer of 2026, as numbers or labels", () => {
    expect(dates(f.forfallAga(col([1, 2, 3, 4, 5, 6]), [[2026]]))).toEqual(
      col(["2026-03-16", "2026-05-15", "2026-07-15", "2026-09-15", "2026-11-16", "2027-01-15"]),
    );
    expect(dates(f.forfallAga(col(["T1", "1", "jan–feb", "1. termin", "nov-des"]), [["2026"]]))).toEqual(
      col(["2026-03-16", "2026-03-16", "2026-03-16", "2026-03-16", "2027-01-15"]),
    );
    expect(dates(f.forfallAga([[1]], [[2024, 2025, 2026]]))).toEqual([["2024-03-15", "2025-03-17", "2026-03-16"]]);
  });
  test("a bad termin or year is #VALUE!", () => {
    const advice = "Skriv 1–6 (1 = januar–februar … 6 = november–desember), T1 eller jan–feb.";
    expect(show(f.forfallAga(col([7, 1.5, "T7", true, null, 0]), [[2026]]))).toEqual(col([
      `#VALUE!: 7 er ingen termin. ${advice}`,
      `#VALUE!: 1.5 er ingen termin. ${advice}`,
      `#VALUE!: «T7» er ingen termin. ${advice}`,
      "#VALUE!: Terminen er en sannhetsverdi (SANN).",
      "#VALUE!: Terminen mangler.",
      "#VALUE!: Terminen mangler.",
    ]));
    expect(show(f.forfallAga([[1]], [[null, 1899, 2026.5, "tjuetjueseks", true]]))).toEqual([[
      "#VALUE!: Året mangler.",
      "#VALUE!: Året må være mellom 1900 og 9999 (fikk 1899).",
      "#VALUE!: Året må være et helt tall (fikk 2026.5).",
      "#VALUE!: «tjuetjueseks» er ikke et årstall.",
      "#VALUE!: Året er en sannhetsverdi (SANN), ikke et årstall.",
    ]]);
  });
});

describe("FERIEPENGER(grunnlag; opptjeningsår; [sats]; [over_60])", () => {
  test("the law's rate by default, 12 % by agreement, the over-60 extra up to 6 G", () => {
    expect(one(f.feriepenger([[500000]], [[2025]]))).toBe(51000);
    expect(one(f.feriepenger([[500000]], [[2025]], [[0.12]]))).toBe(60000);
    expect(one(f.feriepenger([[500000]], [[2025]], [[0.12]], [[true]]))).toBe(71500);
    expect(one(f.feriepenger([[1000000]], [["2025"]], null as never, [[1]]))).toBe(119962.08);
    expect(one(f.feriepenger([[-1000000]], [[2025]], null as never, [[true]]))).toBe(-119962.08);
  });

  test("empty sats (null on the web, 0 on Windows) is 10,2 %; empty over_60 is no", () => {
    for (const empty of [null, undefined, [[null]], [[0]], [[""]]]) {
      expect(one(f.feriepenger([[500000]], [[2025]], empty as never, empty as never))).toBe(51000);
    }
  });

  test("over_60: TRUE/FALSE and 1/0; anything else is #VALUE!", () => {
    expect(show(f.feriepenger([[500000]], [[2025]], [[null]], col([true, false, 1, 0, null, "ja", 2, "SANN"])))).toEqual(col([
      62500, 51000, 62500, 51000, 51000,
      "#VALUE!: Over 60 må være SANN eller USANN (eller 1 eller 0); fikk «ja».",
      "#VALUE!: Over 60 må være SANN eller USANN (eller 1 eller 0); fikk 2.",
      "#VALUE!: Over 60 må være SANN eller USANN (eller 1 eller 0); fikk «SANN».",
    ]));
  });

  test("a column of grunnlag with one flag per row; only the bad cell is an error", () => {
    const result = f.feriepenger(col([500000, "500000", 1e14, null, 1234.5]), [[2025]], [[0.12]], col([true, true, false, false, false]));
    expect(show(result)).toEqual(col([
      71500,
      "#VALUE!: Feriepengegrunnlaget «500000» er tekst, ikke et tall. Tekst regnes ikke om til tall; skriv tallet i en tallcelle (sjekk om cellen er formatert som tekst).",
      "#VALUE!: Feriepengegrunnlaget (100000000000000) er utenfor et rimelig beløpsområde (±10 000 milliarder kr).",
      0,
      148.14,
    ]));
  });

  test("a year without G is #N/A; a bad rate or year is #VALUE!", () => {
    expect(one(f.feriepenger([[1]], [[2017]]))).toMatch(/^#N\/A: Feriepenger for opptjeningsåret 2017 bruker G per 31\.12\.2017/);
    expect(one(f.feriepenger([[1]], [[null]]))).toBe("#VALUE!: Året mangler.");
    expect(one(f.feriepenger([[1]], [[2025]], [[12]]))).toBe(
      "#VALUE!: Feriepengesatsen må være en brøk mellom 0 og 1, f.eks. 0,102 eller 0,12 (fikk 12). Skriv 12 % som 0,12.",
    );
    expect(one(f.feriepenger([[1]], [[2025]], [["12 %"]]))).toMatch(/^#VALUE!: Feriepengesatsen «12 %» er tekst/);
    expect(one(f.feriepenger([[1]], [[2025]], [[true]]))).toBe("#VALUE!: Feriepengesatsen er en sannhetsverdi (SANN), ikke et tall.");
  });
});

describe("never #NUM!: every mistake a user can act on has a message Excel shows", () => {
  const bad: unknown[] = [
    -1, 0.5, 60, 1e300, -1e300, Number.NaN, Number.POSITIVE_INFINITY, 202613, 99999999, 73051, 1.5, 7, 13, 1899, 10000,
    "x", "2026-13-01", "2026-01", true, false, {}, { type: "Entity" }, [[1]],
  ];
  test.each([
    ["VIRKEDAG", (v: unknown) => [f.virkedag([[v]]), f.virkedag([["2026-01-23"]], [[v]])]],
    ["FORFALL_FORSKUDDSTREKK", (v: unknown) => [f.forfallForskuddstrekk([[v]])]],
    ["FORFALL_AGA", (v: unknown) => [f.forfallAga([[v]], [[2026]]), f.forfallAga([[1]], [[v]])]],
    ["FERIEPENGER", (v: unknown) => [f.feriepenger([[v]], [[2025]]), f.feriepenger([[1]], [[v]]), f.feriepenger([[1]], [[2025]], [[v]]), f.feriepenger([[1]], [[2025]], [[null]], [[v]])]],
  ])("%s", (_name, call) => {
    for (const value of bad) {
      for (const result of (call as (v: unknown) => unknown[])(value)) {
        for (const cell of (result as unknown[][]).flat()) {
          if (cell instanceof StubError) expect(["#VALUE!", "#N/A"]).toContain(codeOf(cell));
        }
      }
    }
  });
});

describe("the functions give exactly the core's answers", () => {
  const days = Array.from({ length: 400 }, (_, k) => toExcelSerial(d("2025-11-01")) + k);
  test("VIRKEDAG and FORFALL_FORSKUDDSTREKK over 400 consecutive days, one range each", () => {
    const counts = days.map((_, k) => (k % 11) - 5);
    const v = f.virkedag(col(days), col(counts)) as number[][];
    const due = f.forfallForskuddstrekk(col(days)) as number[][];
    days.forEach((s, k) => {
      const date = fromExcelSerial(s)!;
      expect(v[k][0]).toBe(toExcelSerial(addVirkedager(date, counts[k]) as CalendarDate));
      expect(due[k][0]).toBe(toExcelSerial(dueDateForskuddstrekk(date) as CalendarDate));
    });
  });
  test("FORFALL_AGA for every termin 2020–2030", () => {
    const years = Array.from({ length: 11 }, (_, k) => 2020 + k);
    const result = f.forfallAga([[1, 2, 3, 4, 5, 6]], [[2020]]) as number[][];
    expect(result[0]).toEqual([1, 2, 3, 4, 5, 6].map((t) => toExcelSerial(dueDateAga(t, 2020) as CalendarDate)));
    for (const year of years) {
      for (let t = 1; t <= 6; t++) expect(one(f.forfallAga([[t]], [[year]]))).toBe(toExcelSerial(dueDateAga(t, year) as CalendarDate));
    }
  });
  test("FERIEPENGER over a grid of grunnlag, rates and flags", () => {
    const bases = [0, 0.01, 0.2, 0.25, 1234.5, 99999.99, 500000, 780960, 780960.01, 1e6, 12345678.9, -0.25, -1e6];
    for (const year of [2018, 2022, 2025, 2026]) {
      for (const sats of [undefined, 0.102, 0.12, 0.1234]) {
        for (const over60 of [false, true]) {
          const result = f.feriepenger(col(bases), [[year]], [[sats ?? null]], [[over60]]) as number[][];
          bases.forEach((g, k) => {
            const expected = feriepenger(g, year, sats, over60);
            expect(isRuleError(expected)).toBe(false);
            expect(result[k][0]).toBe(expected);
          });
        }
      }
    }
  });
});
