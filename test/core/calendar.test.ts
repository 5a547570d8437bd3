import { fromExcelSerial, parseDateText, toExcelSerial } from "../../src/core/calendar";

describe("dates", () => {
  test("Excel serials (1900 system)", () => {
    expect(fromExcelSerial(45444)).toEqual({ year: 2024, month: 6, day: 1 });
    expect(fromExcelSerial(1)).toEqual({ year: 1900, month: 1, day: 1 });
    expect(fromExcelSerial(59)).toEqual({ year: 1900, month: 2, day: 28 });
    expect(fromExcelSerial(60)).toBeUndefined(); // Excel's 29 February 1900 never was
    expect(fromExcelSerial(61)).toEqual({ year: 1900, month: 3, day: 1 });
    expect(fromExcelSerial(45444.75)).toEqual({ year: 2024, month: 6, day: 1 });
    expect(fromExcelSerial(0)).toBeUndefined();
    expect(toExcelSerial({ year: 2024, month: 6, day: 1 })).toBe(45444);
    expect(toExcelSerial({ year: 1900, month: 1, day: 1 })).toBe(1);
  });
  test.each([
    ["2024-06-01", { year: 2024, month: 6, day: 1 }], ["01.06.2024", { year: 2024, month: 6, day: 1 }],
    ["1.6.2024", { year: 2024, month: 6, day: 1 }], ["31.01.2024", { year: 2024, month: 1, day: 31 }],
    ["2024-01", { year: 2024, month: 1 }], ["202401", { year: 2024, month: 1 }], ["01.2024", { year: 2024, month: 1 }],
    ["1/2024", { year: 2024, month: 1 }],
  ])("%s", (text, expected) => expect(parseDateText(text)).toEqual(expected));
  test.each(["31.02.2024", "2024-13", "202413", "juni", "", "2024-6-31"])("%s is not a date", (t) => expect(parseDateText(t)).toBeUndefined());
});
