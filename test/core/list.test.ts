import { allocateOre } from "../../src/core/money/allocate";
import { fromOre } from "../../src/core/money/exact";
import { append, maxOf, minOf } from "../../src/core/list";

describe("no spread of unbounded arrays", () => {
  test("append, maxOf and minOf take a million items", () => {
    const many = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(append([], many)).toHaveLength(1_000_000);
    expect(maxOf(many)).toBe(999_999);
    expect(minOf(many)).toBe(0);
    expect(maxOf([], 0)).toBe(0);
  });

  test("FORDEL's split over 200 000 weights answers (it overflowed the stack at ~125 000)", () => {
    const weights = Array.from({ length: 200_000 }, () => fromOre(100));
    const parts = allocateOre(fromOre(20_000_000), weights);
    expect(parts).toHaveLength(200_000);
    expect(parts.every((p) => p === 100)).toBe(true);
  });
});
