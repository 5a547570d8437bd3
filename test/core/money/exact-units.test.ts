/**
 * roundToOre and times on the integer fast path (units of 10⁻⁷ kr in a double) agree with exact
 * BigInt arithmetic over the whole safe-integer range, including the edges of the proof in
 * exact.ts (quotients near integers, values near ±2⁵³, negative values, −0).
 */
import fc from "fast-check";
import Decimal from "decimal.js";
import { fromDecimal, rate, roundToOre, times, toText } from "../../../src/core/money";

const MAX = BigInt(Number.MAX_SAFE_INTEGER);
const unitsOf = (u: bigint) => fromDecimal(new Decimal(u.toString()).div(1e7));

/** Round units / 10⁵ half away from zero, in BigInt. */
function refRound(u: bigint): number {
  const neg = u < 0n;
  const a = neg ? -u : u;
  let q = a / 100000n;
  if ((a % 100000n) * 2n >= 100000n) q += 1n;
  return Number(neg ? -q : q) + 0;
}

const edgeUnits = fc.oneof(
  fc.bigInt({ min: -MAX, max: MAX }),
  // near a multiple of 10⁵ (quotient just below / above an integer), anywhere in the range
  fc.tuple(fc.bigInt({ min: -(MAX / 100000n), max: MAX / 100000n }), fc.integer({ min: -3, max: 3 }), fc.constantFrom(0n, 50000n, 49999n, 50001n))
    .map(([k, d, h]) => k * 100000n + h + BigInt(d))
    .filter((u) => u >= -MAX && u <= MAX),
  fc.constantFrom(MAX, -MAX, MAX - 1n, MAX - 50000n, 0n, 1n, -1n, 50000n, -50000n, 49999n, -49999n, 100000n, -100000n),
);

test("roundToOre equals BigInt rounding for every safe integer of units", () => {
  fc.assert(fc.property(edgeUnits, (u) => {
    expect(roundToOre(unitsOf(u))).toBe(refRound(u));
  }), { numRuns: 20000 });
});

test("times takes the integer path exactly when the units are whole øre, and is exact", () => {
  const rates = ["0.076", "0.141", "0.25", "0.05", "0", "1", "0.00001"].map((r) => rate(r));
  fc.assert(fc.property(edgeUnits, fc.constantFrom(...rates), (u, r) => {
    const product = times(unitsOf(u), r);
    const exact = new Decimal(u.toString()).div(1e7).times(r.decimal);
    expect(toText(product)).toBe(exact.toFixed());
    if (u % 100000n === 0n && Number.isSafeInteger(Number((u / 100000n) * BigInt(r.scaled!)))) {
      expect(typeof product).toBe("number");
    }
  }), { numRuns: 20000 });
});
