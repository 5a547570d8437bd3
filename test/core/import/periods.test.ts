import { toExcelSerial } from "../../../src/core/calendar";
import { isRuleError, RuleError } from "../../../src/core/errors";
import { parsePeriod, terminCell } from "../../../src/core/import";

const ym = (value: unknown) => {
  const r = parsePeriod(value);
  if (r === null) return "EMPTY";
  if (isRuleError(r)) return "error";
  return r.day === undefined ? `${r.year}-${r.month}` : `${r.year}-${r.month}-${r.day}`;
};

describe("periods and dates in export cells", () => {
  test.each([
    ["31.01.2024", "2024-1-31"],
    ["1.6.2024", "2024-6-1"],
    ["2024-01-31", "2024-1-31"],
    ["2024-01", "2024-1"],
    ["202401", "2024-1"],
    ["01.2024", "2024-1"],
    ["1.2024", "2024-1"],
    ["01/2024", "2024-1"],
    ["2024/01", "2024-1"],
    ["2024.12", "2024-12"],
    ["01-2024", "2024-1"],
    ["012024", "2024-1"],
    ["122024", "2024-12"],
    ["2024-01-31T00:00:00", "2024-1-31"],
    ["2024-01-31 00:00", "2024-1-31"],
    ["januar 2024", "2024-1"],
    ["Jan 2024", "2024-1"],
    ["jan. 2024", "2024-1"],
    ["Desember 2024", "2024-12"],
    ["okt 2024", "2024-10"],
    [" 202412 ", "2024-12"],
  ])("%j → %s", (text, expected) => expect(ym(text)).toBe(expected));

  test("number cells: YYYYMM (Unit4) or an Excel serial", () => {
    expect(ym(202401)).toBe("2024-1");
    expect(ym(202412)).toBe("2024-12");
    expect(ym(toExcelSerial({ year: 2024, month: 2, day: 29 }))).toBe("2024-2-29");
    expect(ym(45322)).toBe("2024-1-31");
    expect(ym(45322.75)).toBe("2024-1-31");
  });

  test("a spreadsheet library's Date is read by its UTC day", () => {
    expect(ym(new Date(Date.UTC(2024, 2, 31)))).toBe("2024-3-31");
    expect(ym(new Date(Number.NaN))).toBe("error");
  });

  test("empty cells are EMPTY", () => {
    for (const v of ["", "  ", null, undefined]) expect(ym(v)).toBe("EMPTY");
  });

  test.each([["13.2024"], ["202413"], [202413], ["2024-13"], ["31.02.2024"], ["T1"], ["i fjor"], ["2024"], ["24-01"], [true], [-5], [0]])(
    "%j is not a period",
    (v) => expect(ym(v)).toBe("error"),
  );

  test("a bare month number is refused with how to write it", () => {
    expect((parsePeriod(3) as RuleError).message).toBe("«3» mangler år; skriv perioden som for eksempel 202403 eller 03.2024.");
    expect((parsePeriod("11") as RuleError).message).toContain("202411");
  });

  test("the refusal names the text", () => {
    expect((parsePeriod("13.2024") as RuleError).message).toBe("«13.2024» er ikke en periode eller dato.");
  });
});

describe("termin cells of an SPK invoice", () => {
  test.each([
    [1, 1], ["1", 1], ["T3", 3], ["3. termin", 3], ["Termin 6", 6], ["jan–feb", 1],
    ["T1 2024", 1], ["2024 T2", 2], ["Termin 4 2024", 4], ["4. termin 2024", 4], ["T5/2024", 5], ["T5-2024", 5], ["nov–des 2024", 6], ["1 2024", 1],
    ["31.03.2024", 2], ["2024-05", 3], ["202412", 6], [202407, 4], ["jul 2024", 4], [45322, 1],
  ])("%j → termin %i", (value, termin) => expect(terminCell(value, 2024)).toBe(termin));

  test("the year must be the reconciliation's", () => {
    expect((terminCell("T1 2023", 2024) as RuleError).message).toBe("«T1 2023» er i 2023, ikke i regnskapsåret 2024.");
    expect((terminCell("31.12.2023", 2024) as RuleError).message).toBe("«31.12.2023» er i 2023, ikke i regnskapsåret 2024.");
  });

  test("N/YYYY is refused: termin N or month N?", () => {
    const r = terminCell("2/2024", 2024) as RuleError;
    expect(r.message).toContain("tvetydig");
    expect(r.message).toContain("T2 2024");
    expect(isRuleError(terminCell("02.2024", 2024))).toBe(true);
    expect(terminCell("11.2024", 2024)).toBe(6);
  });

  test.each([[""], [null], ["7"], [7], ["T7"], ["termin"], ["feb–mar"], ["x"]])("%j is not a termin", (v) =>
    expect(isRuleError(terminCell(v, 2024))).toBe(true),
  );
});
