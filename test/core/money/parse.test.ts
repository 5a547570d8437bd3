import { isRuleError, RuleError } from "../../../src/core/errors";
import { EMPTY, parseAmount } from "../../../src/core/money/parse";
import { Exact, toText } from "../../../src/core/money";

/** The parsed amount as canonical text ("-1234.5"), "EMPTY", or "error:<kind>". */
function read(value: unknown): string {
  const r = parseAmount(value);
  if (r === EMPTY) return "EMPTY";
  if (isRuleError(r)) return `error:${r.kind}`;
  return toText(r as Exact);
}
const message = (value: unknown) => (parseAmount(value) as RuleError).message;

describe("Norwegian amounts", () => {
  test.each([
    ["1234", "1234"],
    ["1234,5", "1234.5"],
    ["1 234 567,89", "1234567.89"],
    ["-1 234,50", "-1234.5"],
    ["(1 234,50)", "-1234.5"],
    ["1.234,50", "1234.5"],
    ["1.234.567,89", "1234567.89"],
    ["1.234.567", "1234567"],
    ["1234.50", "1234.5"],
    ["1234.5", "1234.5"],
    ["1,234.50", "1234.5"],
    ["1,234,567", "1234567"],
    ["1 234.50", "1234.5"],
    ["0,125", "0.125"],
    ["0.125", "0.125"],
    ["1234,567", "1234.567"],
    ["1\u00a0234\u00a0567,89", "1234567.89"],
    ["1\u202f234,50", "1234.5"],
    ["1\u2009234,50", "1234.5"],
    ["kr 1 234,50", "1234.5"],
    ["kr. 1 234,50", "1234.5"],
    ["1 234,50 kr", "1234.5"],
    ["1234kr", "1234"],
    ["NOK 1 234,50", "1234.5"],
    ["1 234,50 NOK", "1234.5"],
    ["nok -1 234,50", "-1234.5"],
    ["-kr 1 234,50", "-1234.5"],
    ["kr -1 234,50", "-1234.5"],
    ["(kr 1 234,50)", "-1234.5"],
    ["1 234,50-", "-1234.5"],
    ["1 234,50 -", "-1234.5"],
    ["1.234,50-", "-1234.5"],
    ["\u22121 234,50", "-1234.5"],
    ["1 234,50\u2212", "-1234.5"],
    ["\u20131 234,50", "-1234.5"],
    ["+1 234,50", "1234.5"],
    ["1 234,-", "1234"],
    ["kr 1 234,-", "1234"],
    ["-", "0"],
    [" 0,00 ", "0"],
    ["  42  ", "42"],
  ])("%j → %s", (text, expected) => expect(read(text)).toBe(expected));

  test("numbers from the sheet pass through exactly", () => {
    expect(read(1234.5)).toBe("1234.5");
    expect(read(-0.1)).toBe("-0.1");
    expect(read(0)).toBe("0");
    expect(read(1e9)).toBe("1000000000");
  });

  test("an empty cell is EMPTY, not 0", () => {
    for (const v of ["", "   ", "\u00a0", null, undefined]) expect(parseAmount(v)).toBe(EMPTY);
    expect(read(0)).toBe("0");
  });

  test.each([
    ["12,3,4"], ["1 23,50"], ["1234 567"], [",50"], [".5"], ["1e5"], ["1,5E+06"], ["abc"], ["12 kr 50"], ["kr"], ["5 %"],
    ["1,234.567,8"], ["1.234.56"], ["--5"], ["-(5)"], ["(-5)"], ["+-5"], ["-5-"], ["kr 5 kr"], ["1 234,5o"], ["12:30"],
  ])("%j is not an amount (#VALUE!)", (text) => expect(read(text)).toBe("error:value"));

  test("the refusal names the text", () => {
    expect(message("12,3,4")).toBe("«12,3,4» er ikke et beløp.");
    expect(message("-(5)")).toBe("«-(5)» er ikke et beløp (mer enn ett fortegn).");
  });

  test.each([["1.234"], ["1,234"], ["-1.234"], ["999.000"], ["kr 1.234"], ["1.234-"]])(
    "%j is ambiguous (thousands or decimals) and refused",
    (text) => {
      expect(read(text)).toBe("error:value");
      expect(message(text)).toContain("tvetydig");
    },
  );

  test("non-amount cell types are refused", () => {
    expect(read(true)).toBe("error:value");
    expect(message(false)).toBe("«USANN» er ikke et beløp.");
    expect(read(new Date(Date.UTC(2024, 0, 31)))).toBe("error:value");
    expect(read({})).toBe("error:value");
  });

  test("non-finite and absurd amounts are #NUM!", () => {
    expect(read(Number.NaN)).toBe("error:number");
    expect(read(Number.POSITIVE_INFINITY)).toBe("error:number");
    expect(read(2e13)).toBe("error:number");
    expect(read("20 000 000 000 000,00")).toBe("error:number");
    expect(read("10 000 000 000 000,00")).toBe("10000000000000");
  });
});
