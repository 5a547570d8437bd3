import { RuleError } from "../../../src/core/errors";
import { dateOrPeriodOf, grunnbelopAt, spkTermin } from "../../../src/core/rules/dato";

const kindOf = (r: unknown) => (r instanceof RuleError ? r.kind : "ok");

describe("dates and periods as cells hold them", () => {
  test.each([
    [45444, { year: 2024, month: 6, day: 1 }], // Excel serial
    [45444.9, { year: 2024, month: 6, day: 1 }], // with a time of day
    [202406, { year: 2024, month: 6 }], // yyyymm, not a day in 2454
    [190001, { year: 1900, month: 1 }],
    [20240601, { year: 2024, month: 6, day: 1 }], // yyyymmdd
    ["2024-06-01", { year: 2024, month: 6, day: 1 }],
    ["01.06.2024", { year: 2024, month: 6, day: 1 }],
    ["2024-06", { year: 2024, month: 6 }],
    ["202406", { year: 2024, month: 6 }],
  ])("%p", (input, expected) => expect(dateOrPeriodOf(input)).toEqual(expected));

  test("what is none of them", () => {
    expect(kindOf(dateOrPeriodOf("31.02.2024"))).toBe("value");
    expect(kindOf(dateOrPeriodOf("juni"))).toBe("value");
    expect(kindOf(dateOrPeriodOf(202413))).toBe("number"); // no month 13, and no date after 2099
    expect(kindOf(dateOrPeriodOf(73051))).toBe("number"); // 2100-01-01
    expect(dateOrPeriodOf(73050)).toEqual({ year: 2099, month: 12, day: 31 });
    expect(kindOf(dateOrPeriodOf(20240231))).toBe("number"); // no such day, and past the last serial
    expect(kindOf(dateOrPeriodOf(60))).toBe("number"); // Excel's 29 February 1900
    expect(kindOf(dateOrPeriodOf(0))).toBe("number");
    expect(kindOf(dateOrPeriodOf(-5))).toBe("number");
    expect(kindOf(dateOrPeriodOf(Number.NaN))).toBe("number");
    expect(kindOf(dateOrPeriodOf(Number.POSITIVE_INFINITY))).toBe("number");
  });
});

describe("G on a date or in a month", () => {
  test.each([
    [45444, 124028], ["2024-05", 124028], [202404, 118620], ["30.04.2024", 118620], [20260501, 136549],
  ])("%p → %i", (input, g) => expect(grunnbelopAt(input)).toBe(g));
  test("before the table is #N/A", () => expect(kindOf(grunnbelopAt("2017-06-01"))).toBe("notAvailable"));
});

describe("SPK termin of a month, date or period", () => {
  test.each([
    [1, 1], [2, 1], [3, 2], [12, 6], ["3", 2], ["03", 2], [45444, 3], ["2024-03", 2], [202411, 6], ["15.03.2024", 2], [20241231, 6],
  ])("%p → %i", (input, termin) => expect(spkTermin(input)).toBe(termin));
  test("a number below 367 that is no month is a mistyped month, not a date in 1900", () => {
    for (const bad of [0, 13, 31, 2.5, -1, 366]) expect(kindOf(spkTermin(bad))).toBe("number");
    expect(kindOf(spkTermin("13"))).toBe("number");
    expect(spkTermin(367)).toBe(1); // 1901-01-01
  });
});
