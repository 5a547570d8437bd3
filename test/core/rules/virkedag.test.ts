/**
 * Stepping over virkedager as WORKDAY does: the worked dates, Excel's conventions (0, negative
 * counts, the start day not counted), the range guard, and against a plain day-by-day walk.
 */
import fc from "fast-check";
import { CalendarDate, isoDate } from "../../../src/core/calendar";
import { dateOfDayNumber, dayNumber } from "../../../src/core/days";
import { RuleError } from "../../../src/core/errors";
import { isVirkedag } from "../../../src/core/rules/holidays";
import { addVirkedager, nextVirkedag } from "../../../src/core/rules/virkedag";

const d = (iso: string): CalendarDate => {
  const [year, month, day] = iso.split("-").map(Number);
  return { year, month, day };
};
const iso = (r: unknown) => (r instanceof RuleError ? `${r.kind}: ${r.message}` : isoDate(r as CalendarDate));

/** The definition, one day at a time. */
function walk(date: CalendarDate, n: number): string {
  let day = dayNumber(date);
  if (n === 0) {
    while (!isVirkedag(dateOfDayNumber(day)!)) day++;
    return isoDate(dateOfDayNumber(day)!);
  }
  const step = n > 0 ? 1 : -1;
  for (let left = Math.abs(n); left > 0; ) {
    day += step;
    if (isVirkedag(dateOfDayNumber(day)!)) left--;
  }
  return isoDate(dateOfDayNumber(day)!);
}

// 2026: Easter Sunday 5 April; 14 May Kristi himmelfart; 25 May 2. pinsedag.
test.each([
  ["2026-01-23", 1, "2026-01-26"], // Friday → Monday
  ["2026-01-24", 1, "2026-01-26"], // from a Saturday
  ["2026-04-01", 1, "2026-04-07"], // over skjærtorsdag, langfredag, the weekend and 2. påskedag
  ["2026-05-13", 1, "2026-05-15"], // over Kristi himmelfartsdag
  ["2026-12-24", 1, "2026-12-28"], // julaften is a virkedag, 25 and 26 December are not
  ["2026-12-23", 1, "2026-12-24"],
  ["2026-12-31", 1, "2027-01-04"], // 1 January 2027 is a Friday
  ["2026-12-23", 5, "2026-12-31"],
  ["2026-04-07", -1, "2026-04-01"],
  ["2027-01-04", -1, "2026-12-31"],
  ["2026-01-26", -1, "2026-01-23"],
  ["2026-01-25", -1, "2026-01-23"], // back from a Sunday
  ["2026-05-15", -2, "2026-05-12"],
  ["2026-01-23", 0, "2026-01-23"], // 0: the day itself when it is a virkedag
  ["2026-04-02", 0, "2026-04-07"], // 0: else the next virkedag
  ["2026-04-04", 0, "2026-04-07"],
  ["2025-12-31", 253, "2026-12-31"], // 2026 has 253 virkedager
  ["2026-12-31", -253, "2025-12-31"],
  ["1900-01-01", 1, "1900-01-02"],
])("VIRKEDAG(%s; %i) = %s", (date, n, expected) => expect(iso(addVirkedager(d(date), n))).toBe(expected));

test("nextVirkedag is VIRKEDAG(d; 0)", () => {
  expect(iso(nextVirkedag(d("2026-03-15")))).toBe("2026-03-16");
  expect(iso(nextVirkedag(d("2026-03-16")))).toBe("2026-03-16");
});

describe("the calendar's edges and bad counts are #VALUE!", () => {
  test.each([
    ["9999-12-31", 1], ["9999-12-30", 2], ["1900-01-01", -1], ["2026-01-01", 3_000_000], ["2026-01-01", -3_000_000], ["2026-01-01", 1e300],
  ])("VIRKEDAG(%s; %p)", (date, n) => expect(iso(addVirkedager(d(date), n))).toBe("value: Datoen havner utenfor 1900–9999."));
  test("a count that is no whole number", () => {
    expect(iso(addVirkedager(d("2026-01-01"), 1.5))).toBe("value: Antall dager må være et helt tall (fikk 1.5).");
    expect(iso(addVirkedager(d("2026-01-01"), Number.NaN))).toBe("value: Antall dager må være et helt tall (fikk NaN).");
    expect(iso(addVirkedager(d("2026-01-01"), Number.POSITIVE_INFINITY))).toMatch(/^value: Antall dager/);
  });
  test("a date that does not exist", () => {
    expect(iso(addVirkedager(d("2026-02-30"), 1))).toBe("value: 2026-02-30 er ingen dato i 1900–9999.");
    expect(iso(nextVirkedag(d("1899-12-31")))).toBe("value: 1899-12-31 er ingen dato i 1900–9999.");
  });
  test("long counts stay inside the calendar", () => {
    expect(iso(addVirkedager(d("9999-12-30"), 1))).toBe("9999-12-31");
    expect(iso(addVirkedager(d("2026-01-01"), 1_000_000))).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe("properties", () => {
  /** Dates far enough from 1900 and 9999 that `years` years of virkedager either way stay inside. */
  const dateWithin = (years: number) =>
    fc.integer({ min: dayNumber(d(`${1900 + years}-01-01`)), max: dayNumber(d(`${9999 - years}-12-31`)) }).map((n) => dateOfDayNumber(n)!);
  const date = dateWithin(5);
  const count = fc.integer({ min: -800, max: 800 });

  test("the same as walking day by day (so skipping whole years is right)", () => {
    fc.assert(fc.property(date, count, (start, n) => expect(iso(addVirkedager(start, n))).toBe(walk(start, n))), { numRuns: 500 });
  });

  test("VIRKEDAG(d; n) is always a virkedag, after d for n > 0 and before it for n < 0", () => {
    fc.assert(
      fc.property(dateWithin(500), fc.integer({ min: -100_000, max: 100_000 }), (start, n) => {
        const result = addVirkedager(start, n) as CalendarDate;
        expect(isVirkedag(result)).toBe(true);
        const moved = dayNumber(result) - dayNumber(start);
        if (n > 0) expect(moved).toBeGreaterThan(0);
        if (n < 0) expect(moved).toBeLessThan(0);
        if (n === 0) expect(moved).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });

  test("VIRKEDAG(VIRKEDAG(d; n); −n) = d for a virkedag d", () => {
    fc.assert(
      fc.property(dateWithin(500), fc.integer({ min: -100_000, max: 100_000 }), (start, n) => {
        const virkedag = nextVirkedag(start) as CalendarDate;
        expect(addVirkedager(addVirkedager(virkedag, n) as CalendarDate, -n)).toEqual(virkedag);
      }),
      { numRuns: 500 },
    );
  });

  test("counts add up: VIRKEDAG(VIRKEDAG(d; a); b) = VIRKEDAG(d; a + b) for a, b of one sign", () => {
    fc.assert(
      fc.property(dateWithin(50), fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 }), fc.boolean(), (start, a, b, back) => {
        const s = back ? -1 : 1;
        expect(addVirkedager(addVirkedager(start, s * a) as CalendarDate, s * b)).toEqual(addVirkedager(start, s * (a + b)));
      }),
      { numRuns: 300 },
    );
  });
});
