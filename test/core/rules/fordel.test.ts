import fc from "fast-check";
import { RuleError } from "../../../src/core/errors";
import { fordel } from "../../../src/core/rules/fordel";

const kindOf = (r: unknown) => (r instanceof RuleError ? r.kind : "ok");

describe("FORDEL (largest remainder, ties to the earlier position)", () => {
  test("100 kr in three equal parts: the extra øre goes to the first", () => {
    expect(fordel(100, [1, 1, 1])).toEqual([33.34, 33.33, 33.33]);
  });
  test("0,02 kr in three: the first two get one øre each", () => {
    expect(fordel(0.02, [1, 1, 1])).toEqual([0.01, 0.01, 0]);
  });
  test("largest remainder wins over position", () => {
    // 10 øre by 1:2:3 → 1,667 / 3,333 / 5 → floors 1,3,5 (9) → leftover to the 0,667 remainder
    expect(fordel(0.1, [1, 2, 3])).toEqual([0.02, 0.03, 0.05]);
  });
  test("negative amount mirrors the positive split", () => {
    expect(fordel(-100, [1, 1, 1])).toEqual([-33.34, -33.33, -33.33]);
  });
  test("zero weights get nothing; decimal weights are exact", () => {
    expect(fordel(1000, [0, 0.1, 0.2])).toEqual([0, 333.33, 666.67]);
  });
  test("bad weights are #NUM!", () => {
    expect(kindOf(fordel(100, [0, 0]))).toBe("number");
    expect(kindOf(fordel(100, [1, -1]))).toBe("number");
    expect(kindOf(fordel(100, []))).toBe("number");
  });
  test("property: the parts sum exactly to the amount and each is within one øre of its share", () => {
    fc.assert(fc.property(
      fc.integer({ min: -1e11, max: 1e11 }),
      fc.array(fc.integer({ min: 0, max: 1e7 }), { minLength: 1, maxLength: 30 }).filter((w) => w.some((x) => x > 0)),
      (ore, weights) => {
        const parts = fordel(ore / 100, weights) as number[];
        const partsOre = parts.map((p) => Math.round(p * 100));
        expect(partsOre.reduce((a, b) => a + b, 0)).toBe(ore);
        const total = weights.reduce((a, b) => a + b, 0);
        partsOre.forEach((p, i) => expect(Math.abs(p - (ore * weights[i]) / total)).toBeLessThan(1 + 1e-6));
      },
    ), { numRuns: 1000 });
  });
});
