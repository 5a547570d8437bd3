/** Day numbers: real days counted from 1970-01-01, over the calendar's range 1900–9999. */
import fc from "fast-check";
import { CalendarDate } from "../../src/core/calendar";
import { dateOfDayNumber, dayNumber, daysBetween, FIRST_DAY, LAST_DAY, weekdayOf } from "../../src/core/days";

const d = (iso: string): CalendarDate => {
  const [year, month, day] = iso.split("-").map(Number);
  return { year, month, day };
};

describe("day numbers", () => {
  test("count real days, also across Excel's 29 February 1900 that never was", () => {
    expect(dayNumber(d("1970-01-01"))).toBe(0);
    expect(daysBetween(d("1900-02-28"), d("1900-03-01"))).toBe(1);
    expect(daysBetween(d("2026-01-23"), d("2026-01-26"))).toBe(3);
    expect(daysBetween(d("2026-01-26"), d("2026-01-23"))).toBe(-3);
    expect(daysBetween(d("2024-02-28"), d("2024-03-01"))).toBe(2);
  });
  test.each([
    ["1900-01-01", 1], ["1970-01-01", 4], ["2026-01-23", 5], ["2026-01-24", 6], ["2026-04-05", 7], ["9999-12-31", 5],
  ])("%s is ISO weekday %i", (date, weekday) => expect(weekdayOf(dayNumber(d(date)))).toBe(weekday));
  test("the range is 1900–9999", () => {
    expect(dateOfDayNumber(FIRST_DAY)).toEqual(d("1900-01-01"));
    expect(dateOfDayNumber(LAST_DAY)).toEqual(d("9999-12-31"));
    expect(dateOfDayNumber(FIRST_DAY - 1)).toBeUndefined();
    expect(dateOfDayNumber(LAST_DAY + 1)).toBeUndefined();
    expect(dateOfDayNumber(0.5)).toBeUndefined();
  });
  test("date → day number → date round trips", () => {
    fc.assert(fc.property(fc.integer({ min: FIRST_DAY, max: LAST_DAY }), (n) => expect(dayNumber(dateOfDayNumber(n)!)).toBe(n)));
  });
});
