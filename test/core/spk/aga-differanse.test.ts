import { kroner } from "../../../src/core/money/ore";
import { agaOnDifference } from "../../../src/core/spk/aga-differanse";
import { ore } from "../../support/fixtures";

/** R and the expected AGA in kroner, as DESIGN.md §3.1 writes them; the rule works in øre. */
const agaInKroner = (R: number, S: number): number => kroner(agaOnDifference(ore(R), S));

describe("agaOnDifference", () => {
  test("round(R × S, 2), half away from zero, exact", () => {
    expect(agaInKroner(50, 0.1387)).toBe(6.94);
    expect(agaInKroner(-50, 0.1387)).toBe(-6.94);
    // 0,05 × 0,1 = 0,005 → 0,01 (binary floating point gives 0.005000000000000001 or 0.0049999…)
    expect(agaInKroner(0.05, 0.1)).toBe(0.01);
    expect(agaInKroner(1.15, 0.5)).toBe(0.58);
    expect(agaInKroner(0, 0.1387)).toBe(0);
  });
});
