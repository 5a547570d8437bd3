/**
 * Feriepenger (ferieloven § 10; reference/trekk-og-aga.md §4): ROUND(grunnlag × sats +
 * (over 60 ? 2,3 % × MIN(grunnlag; 6 G) : 0); 2), G per 31 December of the opptjeningsår.
 */
import fc from "fast-check";
import { RuleError } from "../../../src/core/errors";
import { feriepenger, feriepengerYear } from "../../../src/core/rules/feriepenger";

const shown = (r: unknown) => (r instanceof RuleError ? `${r.kind}: ${r.message}` : r);

// G per 31.12: 2024 124 028 (6 G = 744 168), 2025 130 160 (6 G = 780 960), 2026 136 549 (6 G = 819 294).
test.each([
  [500000, 2025, undefined, false, 51000], // 10,2 %
  [500000, 2025, 0.12, false, 60000], // 12 % by agreement / in the state
  [500000, 2025, 0.12, true, 71500], // + 2,3 % × 500 000, under 6 G
  [500000, 2025, undefined, true, 62500],
  [1000000, 2025, undefined, true, 119962.08], // 102 000 + 2,3 % × 780 960
  [1000000, 2024, undefined, true, 119115.86], // 102 000 + 2,3 % × 744 168 = 119 115,864
  [1000000, 2026, 0.12, true, 138843.76], // 120 000 + 2,3 % × 819 294 = 18 843,762
  [780960, 2025, undefined, true, 97620], // exactly 6 G: 12,5 % of it
  [1234.5, 2025, undefined, false, 125.92], // 125,919
  [0.25, 2025, undefined, false, 0.03], // 0,0255: half away from zero, exactly (0.25 × 0.102 is 0.025499… as doubles)
  [0.2, 2025, undefined, true, 0.03], // 2,04 + 0,46 øre = 2,5 øre: rounded once, not 0,02 + 0,00
  [0, 2025, undefined, true, 0],
  [500000, 2018, undefined, false, 51000], // the first year with a G on 31 December
])("FERIEPENGER(%p; %i; %p; %p) = %p", (grunnlag, year, sats, over60, expected) => {
  expect(feriepenger(grunnlag, year, sats, over60)).toBe(expected);
});

describe("a negative grunnlag (a correction)", () => {
  test.each([
    [-500000, undefined, true, -62500],
    [-1000000, undefined, true, -119962.08], // the cap applies to the magnitude
    [-0.25, undefined, false, -0.03],
    [-0.2, undefined, true, -0.03],
  ])("FERIEPENGER(%p; 2025; %p; %p) = %p", (grunnlag, sats, over60, expected) => {
    expect(feriepenger(grunnlag, 2025, sats, over60)).toBe(expected);
  });
  test("takes back exactly what the same positive grunnlag gave", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5e9 }), fc.constantFrom(undefined, 0.102, 0.12, 0.1234), fc.boolean(), (ore, sats, over60) => {
        const g = ore / 100;
        const plus = feriepenger(g, 2025, sats, over60) as number;
        expect(feriepenger(-g, 2025, sats, over60)).toBe(plus === 0 ? 0 : -plus);
      }),
    );
  });
});

test("whole øre, never more than 12,5 % + 12 %, and monotonic in grunnlag", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 1e6 }), fc.boolean(), (ore, more, over60) => {
      const a = feriepenger(ore / 100, 2026, 0.12, over60) as number;
      const b = feriepenger((ore + more) / 100, 2026, 0.12, over60) as number;
      expect(Math.round(a * 100) / 100).toBe(a);
      expect(b).toBeGreaterThanOrEqual(a);
      expect(a).toBeLessThanOrEqual((ore / 100) * 0.143 + 0.01);
    }),
  );
});

describe("errors a user can act on: #VALUE! or #N/A, never #NUM!", () => {
  test("a rate outside 0–1", () => {
    expect(shown(feriepenger(1, 2025, 12))).toBe(
      "value: Feriepengesatsen må være en brøk mellom 0 og 1, f.eks. 0,102 eller 0,12 (fikk 12). Skriv 12 % som 0,12.",
    );
    expect(shown(feriepenger(1, 2025, 10.2))).toMatch(/Skriv 10,2 % som 0,102\.$/);
    expect(shown(feriepenger(1, 2025, -0.1))).toBe(
      "value: Feriepengesatsen må være en brøk mellom 0 og 1, f.eks. 0,102 eller 0,12 (fikk -0,1).",
    );
    expect(shown(feriepenger(1, 2025, Number.NaN))).toMatch(/^value: Feriepengesatsen/);
    expect(feriepenger(100, 2025, 1)).toBe(100);
    expect(feriepenger(100, 2025, 0, true)).toBe(2.3);
  });
  test("a year without G", () => {
    expect(shown(feriepenger(1, 2017))).toBe(
      "notAvailable: Feriepenger for opptjeningsåret 2017 bruker G per 31.12.2017: Ingen G i tabellen for 2017-12-31; tabellen starter 2018-05-01.",
    );
    expect(shown(feriepenger(1, 2027))).toMatch(/^notAvailable: Feriepenger for opptjeningsåret 2027 bruker G per 31\.12\.2027: G fra 1\. mai 2027/);
    expect(shown(feriepenger(1, 2025.5))).toBe("value: Opptjeningsåret må være et helt tall (fikk 2025.5).");
  });
  test("an absurd grunnlag", () => {
    expect(shown(feriepenger(1e14, 2025))).toMatch(/^value: Feriepengegrunnlaget \(100000000000000\) er utenfor/);
    expect(shown(feriepenger(Number.NaN, 2025))).toBe("value: Feriepengegrunnlaget er ikke et tall.");
  });
  test("the year's figures", () => {
    expect(feriepengerYear(2025)).toEqual(expect.objectContaining({ opptjeningsaar: 2025, grunnbelop: 130160 }));
  });
});
