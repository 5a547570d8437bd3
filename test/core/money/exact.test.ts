import fc from "fast-check";
import Decimal from "decimal.js";
import {
  abs, compare, fromNumber, fromOre, fromText, minus, negate, plus, rate, roundKroner, roundToOre, sum, times, toText,
} from "../../../src/core/money";

const D = Decimal.clone({ precision: 1000, toExpNeg: -1100, toExpPos: 1100 });
/** Reference: the decimal a double shows, times a rate, rounded half away from zero to øre. */
const refTimesRound = (x: number, r: string) =>
  new D(String(x)).times(new D(r)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber() + 0;

describe("exact money", () => {
  test("reads a double as the decimal it shows", () => {
    expect(toText(fromNumber(0.1))).toBe("0.1");
    expect(toText(plus(fromNumber(0.1), fromNumber(0.2)))).toBe("0.3");
    expect(toText(fromNumber(0.1 + 0.2))).toBe("0.30000000000000004");
    expect(toText(fromNumber(-1234.5))).toBe("-1234.5");
    expect(toText(fromNumber(1e12))).toBe("1000000000000");
  });

  test("rounds half away from zero, like Excel's ROUND", () => {
    expect(roundKroner(times(fromNumber(1), rate("0.025")))).toBe(0.03);
    expect(roundKroner(times(fromNumber(1), rate("-0.055")))).toBe(-0.06);
    expect(roundKroner(fromText("2.345")!)).toBe(2.35);
    expect(roundKroner(fromText("-2.345")!)).toBe(-2.35);
    expect(roundKroner(fromText("2.3449999")!)).toBe(2.34);
    expect(roundToOre(fromText("0.005")!)).toBe(1);
    expect(Object.is(roundKroner(fromText("-0.001")!), -0)).toBe(false);
  });

  test("14,1 % of 1 234,55 is 174,07 (174,07155)", () => {
    expect(roundKroner(times(fromNumber(1234.55), rate("0.141")))).toBe(174.07);
  });

  test("falls back to decimals beyond the integer range and stays exact", () => {
    const huge = fromNumber(8_000_000_000.01);
    expect(toText(huge)).toBe("8000000000.01");
    expect(toText(plus(huge, huge))).toBe("16000000000.02");
    expect(roundKroner(times(huge, rate("0.141")))).toBe(1128000000.0);
    expect(toText(times(fromNumber(800_000_000), rate("0.141")))).toBe("112800000");
  });

  test("sum, negate, abs, compare", () => {
    expect(toText(sum([fromNumber(1.1), fromNumber(2.2), fromNumber(-3.3)]))).toBe("0");
    expect(toText(negate(fromNumber(5)))).toBe("-5");
    expect(toText(abs(fromNumber(-5.5)))).toBe("5.5");
    expect(compare(fromNumber(1), fromText("1.00000000001")!)).toBe(-1);
    expect(fromText("1,5")).toBeUndefined();
    expect(toText(fromOre(12345))).toBe("123.45");
  });

  test("rate keeps decimal text exact and exposes the fraction", () => {
    expect(rate("0.078").fraction).toBe(0.078);
    expect(rate("0.078").scaled).toBe(7800);
    expect(rate(0.138725).scaled).toBeUndefined();
    expect(rate(0.1387).scaled).toBe(13870);
  });

  test("property: amount × rate rounded equals the decimal reference (fast and slow paths)", () => {
    const amount = fc.oneof(
      fc.integer({ min: -1e12, max: 1e12 }).map((ore) => ore / 100),
      fc.double({ min: -1e11, max: 1e11, noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -1e9, max: 1e9 }),
    );
    const r = fc.oneof(
      fc.constantFrom("0.141", "0.106", "0.064", "0.051", "0.079", "0", "0.25", "0.05", "0.078", "0.035"),
      fc.integer({ min: 0, max: 200000 }).map((n) => new D(n).div(1e6).toFixed()),
    );
    fc.assert(
      fc.property(amount, r, (x, rt) => {
        expect(roundKroner(times(fromNumber(x), rate(rt)))).toBe(refTimesRound(x, rt));
      }),
      { numRuns: 3000 },
    );
  });

  test("property: plus/minus agree with decimals", () => {
    const amount = fc.oneof(
      fc.integer({ min: -1e13, max: 1e13 }).map((ore) => ore / 100),
      fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }),
    );
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        expect(toText(plus(fromNumber(a), fromNumber(b)))).toBe(new D(String(a)).plus(new D(String(b))).toFixed());
        expect(toText(minus(fromNumber(a), fromNumber(b)))).toBe(new D(String(a)).minus(new D(String(b))).toFixed());
      }),
      { numRuns: 3000 },
    );
  });
});
