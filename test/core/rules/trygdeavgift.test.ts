import fc from "fast-check";
import Decimal from "decimal.js";
import { isRuleError } from "../../../src/core/errors";
import { SOURCES } from "../../../src/core/rates/sources";
import {
  parseIncomeType, trygdeavgift, trygdeavgiftSamlet, trygdeavgiftSats,
} from "../../../src/core/rules/trygdeavgift";

/**
 * The figures of rates-and-rules.md §1.1 typed in again here, independently of src/core/rates,
 * in per mille: [lav, mellom, høy, nedre grense].
 */
const SOURCE: Record<number, [number, number, number, number]> = {
  2020: [51, 82, 114, 54650],
  2021: [51, 82, 114, 59650],
  2022: [51, 80, 112, 64650],
  2023: [51, 79, 111, 69650],
  2024: [51, 78, 110, 69650],
  2025: [51, 77, 109, 99650],
  2026: [51, 76, 108, 99650],
};
/** Break points of §1.2 (kroner, rounded as published): [lønn, næring, pensjon]. */
const BREAK_POINTS: Record<number, [number, number, number]> = {
  2020: [81324, 100460, 68656],
  2021: [88765, 109651, 74937],
  2022: [95074, 117120, 81219],
  2023: [101827, 125270, 87500],
  2024: [101235, 124375, 87500],
  2025: [144003, 176684, 125188],
  2026: [143175, 175440, 125188],
};
const TYPES = [
  { name: "lønn", index: 1, bp: 0 },
  { name: "næring", index: 2, bp: 1 },
  { name: "pensjon", index: 0, bp: 2 },
] as const;

/** Exact reference in integers: income in øre, rate in per mille; result in øre, half away from zero. */
function reference(incomeOre: bigint, perMille: bigint, limitKr: bigint): number {
  const limitOre = limitKr * 100n;
  if (incomeOre <= limitOre) return 0;
  const flat = incomeOre * perMille; // øre/1000
  const ramp = (incomeOre - limitOre) * 250n; // øre/1000
  const m = flat < ramp ? flat : ramp;
  const q = m / 1000n;
  const r = m % 1000n;
  return Number(r * 2n >= 1000n ? q + 1n : q);
}

const years = Object.keys(SOURCE).map(Number);

describe("trygdeavgift, table-driven over every year and income type", () => {
  const cases: [number, string, number][] = [];
  for (const year of years) {
    for (const t of TYPES) {
      const limit = SOURCE[year][3];
      const bp = BREAK_POINTS[year][t.bp];
      for (const income of [0, 1, limit - 1, limit, limit + 0.01, limit + 1, limit + 100, bp - 1, bp, bp + 1, 500000, 1_000_000, 12_345_678.91]) {
        cases.push([year, t.name, income]);
      }
    }
  }
  test.each(cases)("%i %s %d", (year, type, income) => {
    const t = TYPES.find((x) => x.name === type)!;
    const [, , , limit] = SOURCE[year];
    const expected = reference(BigInt(Math.round(income * 100)), BigInt(SOURCE[year][t.index]), BigInt(limit)) / 100;
    expect(trygdeavgift(income, year, type)).toBe(expected);
  });

  test.each(years)("%i: the 25 %% rule applies below the published break point and the flat rate above it", (year) => {
    for (const t of TYPES) {
      const [, , , limit] = SOURCE[year];
      const perMille = SOURCE[year][t.index];
      const bp = BREAK_POINTS[year][t.bp];
      const below = bp - 2;
      const above = bp + 2;
      expect(trygdeavgift(below, year, t.name)).toBeCloseTo(0.25 * (below - limit), 2);
      expect(trygdeavgift(above, year, t.name)).toBeCloseTo((perMille / 1000) * above, 2);
    }
  });
});

describe("the vectors of rates-and-rules.md §1.2–1.3", () => {
  test("2026 lønn 120 000 → 5 087,50", () => {
    expect(trygdeavgift(120000, 2026)).toBe(5087.5);
    expect(trygdeavgift(120000, 2026, "lønn")).toBe(5087.5);
  });
  test("2026 lønn 80 000 + pensjon 40 000 → 5 087,50", () => {
    expect(trygdeavgiftSamlet(80000, 0, 40000, 2026)).toBe(5087.5);
  });
  test("samlet with one type equals the single-type rule", () => {
    for (const year of years) {
      for (const income of [50000, 99650, 120000, 700000]) {
        expect(trygdeavgiftSamlet(income, 0, 0, year)).toBe(trygdeavgift(income, year, "lønn"));
        expect(trygdeavgiftSamlet(0, income, 0, year)).toBe(trygdeavgift(income, year, "næring"));
        expect(trygdeavgiftSamlet(0, 0, income, year)).toBe(trygdeavgift(income, year, "pensjon"));
      }
    }
  });
  test("samlet: high income gives Σ rate × income", () => {
    // 2024: 600 000 × 7,8 % + 200 000 × 11,0 % + 100 000 × 5,1 % = 46 800 + 22 000 + 5 100
    expect(trygdeavgiftSamlet(600000, 200000, 100000, 2024)).toBe(73900);
  });
  test("samlet: one common lower limit, not one per type", () => {
    // 2025: 60 000 lønn + 60 000 pensjon. Separately each is under 99 650; together 120 000 is over.
    expect(trygdeavgift(60000, 2025, "lønn")).toBe(0);
    expect(trygdeavgiftSamlet(60000, 0, 60000, 2025)).toBe(5087.5);
  });
  test("samlet refuses negative income rather than guess a set-off", () => {
    const r = trygdeavgiftSamlet(500000, -10000, 0, 2024);
    expect(isRuleError(r) && r.kind).toBe("number");
  });
});

describe("traps of rates-and-rules.md §6", () => {
  test("no 7,1 G cap: 2 000 000 in wages 2024 gives 7,8 % of all of it", () => {
    expect(trygdeavgift(2_000_000, 2024)).toBe(156000);
    expect(trygdeavgift(10_000_000, 2024)).toBe(780000);
  });
  test("7,8 %, not 11,4 %, on wages in 2024", () => {
    expect(trygdeavgiftSats(2024)).toBe(0.078);
    expect(trygdeavgiftSats(2024, "lønn")).toBe(0.078);
    expect(trygdeavgift(500000, 2024)).toBe(39000);
  });
  test("11,4 % was the næring rate in 2020–2021, not the wage rate", () => {
    expect(trygdeavgiftSats(2021, "næring")).toBe(0.114);
    expect(trygdeavgiftSats(2021, "lønn")).toBe(0.082);
  });
  test("the adopted 2022 rates, not the proposal", () => {
    expect(trygdeavgiftSats(2022, "lønn")).toBe(0.08);
    expect(trygdeavgiftSats(2022, "næring")).toBe(0.112);
    expect(trygdeavgift(64650, 2022)).toBe(0); // the adopted lower limit, not 61 450
    expect(trygdeavgift(64651, 2022)).toBe(0.25);
  });
  test("høy sats 11,0 % in 2024 and 10,9 % in 2025 (not swapped)", () => {
    expect(trygdeavgiftSats(2024, "næring")).toBe(0.11);
    expect(trygdeavgiftSats(2025, "næring")).toBe(0.109);
  });
  test("the lower limit is a threshold, not a deduction", () => {
    // 2024, 500 000: 7,8 % of the whole income, not of (500 000 − 69 650)
    expect(trygdeavgift(500000, 2024)).toBe(39000);
  });
  test("the 2024 lower limit is 69 650 (not 69 900)", () => {
    expect(trygdeavgift(69650, 2024)).toBe(0);
    expect(trygdeavgift(69700, 2024)).toBe(12.5);
  });
});

describe("income types and errors", () => {
  test.each([
    ["lønn", "mellom"], ["Lønn", "mellom"], ["L", "mellom"], ["lonn", "mellom"], ["LØNN", "mellom"], [" l ", "mellom"],
    ["næring", "hoy"], ["N", "hoy"], ["naring", "hoy"], ["jordbruk", "hoy"], ["fiske", "mellom"],
    ["pensjon", "lav"], ["P", "lav"], [undefined, "mellom"], ["", "mellom"],
  ])("%s → %s", (text, cls) => {
    expect(parseIncomeType(text as string | undefined)).toBe(cls);
  });
  test("unknown type is #VALUE! with the choices", () => {
    const r = trygdeavgift(100000, 2024, "bonus");
    expect(isRuleError(r) && r.kind).toBe("value");
    expect(isRuleError(r) && r.message).toMatch(/bonus.*lønn/);
  });
  test("a year without rates is #N/A", () => {
    for (const y of [2019, 2027]) {
      const r = trygdeavgift(100000, y);
      expect(isRuleError(r) && r.kind).toBe("notAvailable");
      expect(isRuleError(r) && r.message).toMatch(/2020–2026/);
    }
  });
  test("a fractional year is #NUM!, a non-finite income #NUM!", () => {
    expect(isRuleError(trygdeavgift(1, 2024.5)) && (trygdeavgift(1, 2024.5) as { kind: string }).kind).toBe("number");
    const r = trygdeavgift(Infinity, 2024);
    expect(isRuleError(r) && r.kind).toBe("number");
  });
  test("negative income is below the limit: 0", () => {
    expect(trygdeavgift(-50000, 2024)).toBe(0);
  });
});

describe("properties", () => {
  const year = fc.constantFrom(...years);
  const type = fc.constantFrom("lønn", "næring", "pensjon");
  const income = fc.integer({ min: 0, max: 300_000_000 }).map((ore) => ore / 100);

  test("non-decreasing in income", () => {
    fc.assert(fc.property(year, type, income, income, (y, t, a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      expect(trygdeavgift(lo, y, t) as number).toBeLessThanOrEqual(trygdeavgift(hi, y, t) as number);
    }), { numRuns: 2000 });
  });
  test("never above rate × income, never above 25 % of the part above the limit (beyond the rounding half øre)", () => {
    fc.assert(fc.property(year, type, income, (y, t, x) => {
      const tax = new Decimal(String(trygdeavgift(x, y, t)));
      const r = new Decimal(String(trygdeavgiftSats(y, t)));
      const income = new Decimal(String(x));
      const aboveLimit = Decimal.max(0, income.minus(SOURCE[y][3]));
      expect(tax.lte(r.times(income).plus(0.005))).toBe(true);
      expect(tax.lte(aboveLimit.times(0.25).plus(0.005))).toBe(true);
      expect(tax.decimalPlaces()).toBeLessThanOrEqual(2);
    }), { numRuns: 2000 });
  });
});

describe("sources", () => {
  test("the lower limit and the 25 % rule are folketrygdloven § 23-3 fjerde ledd (the 2015 text was read as nr. 3 tredje ledd)", () => {
    expect(SOURCES.S8).toMatch(/^Folketrygdloven § 23-3 fjerde ledd \(/);
    expect(SOURCES.S8).toContain("§ 23-3 nr. 3 tredje ledd");
    expect(SOURCES.S8).toContain("Prop. 1 LS (2014–2015)");
  });
});
