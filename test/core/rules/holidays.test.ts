/**
 * The Norwegian holiday calendar (helligdagsfredloven § 2, lov om 1. og 17. mai som
 * høgtidsdager, skattebetalingsloven § 10-2): Easter computed, never a list of years.
 */
import fc from "fast-check";
import { CalendarDate, isoDate } from "../../../src/core/calendar";
import { dateOfDayNumber, dayNumber, weekdayOf } from "../../../src/core/days";
import { RuleError } from "../../../src/core/errors";
import { easterSunday, helligdager, isVirkedag, whyNotVirkedag } from "../../../src/core/rules/holidays";

const d = (iso: string): CalendarDate => {
  const [year, month, day] = iso.split("-").map(Number);
  return { year, month, day };
};
const kindOf = (r: unknown) => (r instanceof RuleError ? r.kind : "ok");
const iso = (r: unknown) => (r instanceof RuleError ? `${r.kind}: ${r.message}` : isoDate(r as CalendarDate));

describe("Easter Sunday by the Gregorian computus", () => {
  test.each([
    [1900, "1900-04-15"], [1943, "1943-04-25"], [1961, "1961-04-02"], [2000, "2000-04-23"], [2008, "2008-03-23"],
    [2011, "2011-04-24"], [2019, "2019-04-21"], [2024, "2024-03-31"], [2025, "2025-04-20"], [2026, "2026-04-05"],
    [2027, "2027-03-28"], [2038, "2038-04-25"], [2285, "2285-03-22"],
  ])("%i: %s", (year, expected) => expect(iso(easterSunday(year))).toBe(expected));

  test("always a Sunday from 22 March to 25 April, in every year 1900–9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 9999 }), (year) => {
        const easter = easterSunday(year) as CalendarDate;
        expect(weekdayOf(dayNumber(easter))).toBe(7);
        expect(dayNumber(easter)).toBeGreaterThanOrEqual(dayNumber({ year, month: 3, day: 22 }));
        expect(dayNumber(easter)).toBeLessThanOrEqual(dayNumber({ year, month: 4, day: 25 }));
      }),
      { numRuns: 2000 },
    );
  });

  test("years outside 1900–9999, and fractions, are #VALUE!", () => {
    expect(iso(easterSunday(1899))).toBe("value: Året må være mellom 1900 og 9999 (fikk 1899).");
    expect(kindOf(easterSunday(10000))).toBe("value");
    expect(iso(easterSunday(2026.5))).toBe("value: Året må være et helt tall (fikk 2026.5).");
    expect(kindOf(helligdager(1899))).toBe("value");
  });
});

describe("helligdager and lovfestede høytidsdager", () => {
  test("2026, in date order", () => {
    const days = helligdager(2026) as { date: CalendarDate; name: string }[];
    expect(days.map((h) => `${isoDate(h.date)} ${h.name}`)).toEqual([
      "2026-01-01 1. nyttårsdag",
      "2026-04-02 skjærtorsdag",
      "2026-04-03 langfredag",
      "2026-04-05 1. påskedag",
      "2026-04-06 2. påskedag",
      "2026-05-01 1. mai",
      "2026-05-14 Kristi himmelfartsdag",
      "2026-05-17 17. mai",
      "2026-05-24 1. pinsedag",
      "2026-05-25 2. pinsedag",
      "2026-12-25 1. juledag",
      "2026-12-26 2. juledag",
    ]);
  });

  test("two on one day are both named (17 May 2027 is 2. pinsedag)", () => {
    expect(whyNotVirkedag(d("2027-05-17"))).toBe("2. pinsedag og 17. mai");
    expect(isVirkedag(d("2027-05-17"))).toBe(false);
    expect(isVirkedag(d("2027-05-18"))).toBe(true);
  });

  test.each([
    ["2026-01-01", false, "1. nyttårsdag"],
    ["2026-01-02", true, undefined],
    ["2026-01-24", false, "lørdag"],
    ["2026-01-25", false, "søndag"],
    ["2026-04-01", true, undefined],
    ["2026-04-02", false, "skjærtorsdag"],
    ["2026-04-03", false, "langfredag"],
    ["2026-04-04", false, "lørdag"],
    ["2026-04-05", false, "1. påskedag"],
    ["2026-04-06", false, "2. påskedag"],
    ["2026-04-07", true, undefined],
    ["2026-05-01", false, "1. mai"],
    ["2026-05-14", false, "Kristi himmelfartsdag"],
    ["2026-05-15", true, undefined],
    ["2026-05-17", false, "17. mai"],
    ["2026-05-25", false, "2. pinsedag"],
    // Julaften and nyttårsaften are ordinary virkedager in law.
    ["2026-12-24", true, undefined],
    ["2026-12-25", false, "1. juledag"],
    ["2026-12-26", false, "2. juledag"],
    ["2026-12-31", true, undefined],
    ["2025-12-24", true, undefined],
    ["2025-12-31", true, undefined],
  ])("%s: virkedag %p (%s)", (date, virkedag, why) => {
    expect(isVirkedag(d(date))).toBe(virkedag);
    expect(whyNotVirkedag(d(date))).toBe(why);
  });

  test("2026 has 253 virkedager: 261 weekdays less the 8 holidays on weekdays", () => {
    let count = 0;
    for (let day = dayNumber(d("2026-01-01")); day <= dayNumber(d("2026-12-31")); day++) if (isVirkedag(dateOfDayNumber(day)!)) count++;
    expect(count).toBe(253);
  });
});
