/** The fast path for plain amounts gives exactly what the exact parser gives, or leaves the text to it. */
import fc from "fast-check";
import { isRuleError } from "../../../src/core/errors";
import { asWholeOre } from "../../../src/core/money/ore";
import { parseAmount, plainOre } from "../../../src/core/money/parse";

const exact = (text: string): number | undefined => {
  const v = parseAmount(text);
  return isRuleError(v) || v === null ? undefined : asWholeOre(v);
};

describe("plainOre", () => {
  test("plain spellings as whole øre; the rest left to parseAmount", () => {
    expect(["1234", "1 234 567,89", "-1 234,5", "1 234,50-", "0,05", "-0", "999 999 999 999,99"].map(plainOre)).toEqual([123400, 123456789, -123450, -123450, 5, 0, 99999999999999]);
    expect(["1,234", "1.234", "1 234,567", "-5-", " 5", "1 23", "kr 5", "(5)", "10 000 000 000 000,00", ""].map(plainOre)).toEqual(Array(10).fill(undefined));
  });

  test("wherever it answers, it agrees with the exact parser (random digits, spaces, commas and minus signs)", () => {
    const text = fc.stringMatching(/^-?[0-9 ]{0,18}(,[0-9]{0,3})?-?$/);
    fc.assert(
      fc.property(text, (s) => {
        const fast = plainOre(s);
        if (fast !== undefined) expect(fast).toBe(exact(s));
      }),
      { numRuns: 5000, seed: 13 },
    );
  });
});
