/**
 * The functions give exactly the core's figures, to the øre: the vectors of rates-and-rules.md
 * §1.2–1.3 and the traps of §6 (with their published values typed in here), and a sample of the
 * core tests' cases, each called both one cell at a time and as one range (the fast path).
 */
import { show, one } from "./custom-functions-stub";
import * as f from "../../src/functions/functions";
import { isRuleError, RuleError } from "../../src/core/errors";
import { trygdeavgift, trygdeavgiftSamlet } from "../../src/core/rules/trygdeavgift";
import { aga, agaFribelop, agaSats, ekstraAga } from "../../src/core/rules/aga";
import { agaSone } from "../../src/core/rules/aga-sone";
import { fordel } from "../../src/core/rules/fordel";
import { gSnitt } from "../../src/core/rules/grunnbelop";
import { agaSnittsats } from "../../src/core/rules/snittsats";

const YEARS = [2020, 2021, 2022, 2023, 2024, 2025, 2026];
const col = (values: readonly unknown[]): unknown[][] => values.map((v) => [v]);
/** A core result as a shown cell: errors as `#CODE: message`. */
// A number outside any sensible range shows as #VALUE! in Excel: the message would be lost on #NUM!.
const CODE = { value: "#VALUE!", notAvailable: "#N/A", number: "#VALUE!" } as const;
const core = (r: unknown): unknown => (isRuleError(r) ? `${CODE[(r as RuleError).kind]}: ${(r as RuleError).message}` : r);

describe("rates-and-rules.md §1.2–1.3", () => {
  test("2026 lønn 120 000 → 5 087,50", () => {
    expect(one(f.trygdeavgift([[120000]], [[2026]]))).toBe(5087.5);
    expect(one(f.trygdeavgift([[120000]], [[2026]], [["lønn"]]))).toBe(5087.5);
  });
  test("2026 lønn 80 000 + pensjon 40 000 → 5 087,50 (one common lower limit)", () => {
    expect(one(f.trygdeavgiftSamlet([[80000]], [[0]], [[40000]], [[2026]]))).toBe(5087.5);
    // Separately each is under the 2026 limit of 99 650 kr.
    expect(one(f.trygdeavgift([[80000]], [[2026]]))).toBe(0);
    expect(one(f.trygdeavgift([[40000]], [[2026]], [["pensjon"]]))).toBe(0);
  });
  /** §1.2's break points: below them the 25 % rule, above them the flat rate on the whole income. */
  const BREAK_POINTS: Record<number, [number, number, number]> = {
    2020: [81324, 100460, 68656], 2021: [88765, 109651, 74937], 2022: [95074, 117120, 81219],
    2023: [101827, 125270, 87500], 2024: [101235, 124375, 87500], 2025: [144003, 176684, 125188],
    2026: [143175, 175440, 125188],
  };
  /** §1.1, in per mille, and the lower limit. */
  const TABLE: Record<number, [number, number, number, number]> = {
    2020: [82, 114, 51, 54650], 2021: [82, 114, 51, 59650], 2022: [80, 112, 51, 64650], 2023: [79, 111, 51, 69650],
    2024: [78, 110, 51, 69650], 2025: [77, 109, 51, 99650], 2026: [76, 108, 51, 99650],
  };
  test.each(YEARS)("%i: each type's rate, and the two sides of its break point", (year) => {
    ["lønn", "næring", "pensjon"].forEach((type, k) => {
      const perMille = TABLE[year][k];
      const limit = TABLE[year][3];
      expect(one(f.trygdeavgiftSats([[year]], [[type]]))).toBe(perMille / 1000);
      const bp = BREAK_POINTS[year][k];
      const below = bp - 2;
      const above = bp + 2;
      const result = f.trygdeavgift(col([below, above, limit, limit + 4]), [[year]], [[type]]) as number[][];
      // In øre, half up (all positive): 25 % of (x − limit) and rate × x.
      expect(result[0][0]).toBe(Math.round((below - limit) * 25) / 100);
      expect(result[1][0]).toBe(Math.round((perMille * above) / 10) / 100);
      expect(result[2][0]).toBe(0);
      expect(result[3][0]).toBe(1);
    });
  });
});

describe("rates-and-rules.md §6: the known wrong claims stay wrong", () => {
  test("7,8 %, not 11,4 %, on wages in 2024; no 7,1 G cap", () => {
    expect(one(f.trygdeavgiftSats([[2024]]))).toBe(0.078);
    expect(show(f.trygdeavgift(col([2_000_000, 10_000_000]), [[2024]]))).toEqual([[156000], [780000]]);
  });
  test("2024's lower limit is 69 650, not 69 900, and it is not a fribeløp", () => {
    expect(show(f.trygdeavgift(col([69650, 69700, 200000]), [[2024]]))).toEqual([[0], [12.5], [15600]]);
  });
  test("2022: the adopted rates (8,0 % / 11,2 %, 64 650), not the proposal", () => {
    expect(show(f.trygdeavgiftSats([[2022], [2022]], [["lønn"], ["næring"]]))).toEqual([[0.08], [0.112]]);
    expect(one(f.trygdeavgift([[64650]], [[2022]]))).toBe(0);
    expect(one(f.trygdeavgift([[64654]], [[2022]]))).toBe(1);
  });
  test("høy sats is 11,0 % in 2024 and 10,9 % in 2025 (efacta swapped them)", () => {
    expect(show(f.trygdeavgiftSats([[2024, 2025]], [["næring"]]))).toEqual([[0.11, 0.109]]);
  });
  test("Trondheim is zone I; Alta and Hammerfest zone V; Svalbard is no zone; there is no zone 6", () => {
    expect(show(f.agaSone([[5001], [5601], [5603]]))).toEqual([["I"], ["V"], ["V"]]);
    expect(one(f.agaSone([[2111]]))).toMatch(/^#N\/A: Svalbard/);
    // 2311/2321 are the continental shelf (SSB/NAV code lists), not Svalbard.
    expect(one(f.agaSone([[2311]]))).toBe(
      "#N/A: 2311 er koden for kontinentalsokkelen sør for 62° N, ikke en kommune. Kildene bak kommunetabellen gir ingen " +
        "arbeidsgiveravgiftssone for sokkelen; oppgi sonen direkte (I, Ia, II, III, IV, IVa eller V).",
    );
    expect(one(f.aga([[100000]], [[2321]], [[2024]]))).toMatch(/^#N\/A: 2321 er koden for kontinentalsokkelen nord for 62° N/);
    expect(one(f.agaSats([["6"]], [[2024]]))).toMatch(/^#VALUE!: /);
  });
  test("ekstra AGA was still there in 2024 (above 850 000), and gone from 2025", () => {
    expect(show(f.ekstraAga([[100000], [100000]], [[2024], [2025]], [[800000], [800000]]))).toEqual([[2500], [0]]);
  });
  test("G changes on 1 May; G-snitt as NAV publishes it", () => {
    expect(show(f.grunnbelop([["2024-04-30"], ["2024-05-01"], ["01.06.2026"]]))).toEqual([[118620], [124028], [136549]]);
    expect(one(f.gSnitt([[2026]]))).toBe(134419);
  });
});

describe("2022–2023: the zones of 2022 with the kommunenummer of 2020–2023", () => {
  test("AGA(100000; 5401; 2023) = 7900 (Tromsø, IVa) and AGA(100000; 3101; 2024) = 14100 (Halden, I)", () => {
    expect(one(f.aga([[100000]], [[5401]], [[2023]]))).toBe(7900);
    expect(one(f.aga([[100000]], [[3101]], [[2024]]))).toBe(14100);
    expect(one(f.aga([[100000]], [[3001]], [[2023]]))).toBe(14100);
    expect(show(f.aga([[100000]], [[3001], [3001], ["3101"]], [[2023], [2024], [2023]]))).toEqual([
      [14100],
      ["#N/A: 3001 Halden er kommunenummeret til og med 2023; fra 2024 er det 3101."],
      ["#N/A: 3101 Halden er kommunenummeret fra 2024; til og med 2023 er det 3001."],
    ]);
    expect(one(f.agaSnittsats(col([3e6, 1e6]), col([3001, 5401]), 2023))).toBeCloseTo((3e6 * 0.141 + 1e6 * 0.079) / 4e6, 15);
  });
  test("AGA_SONE without a year answers a 2020–2023 number with the zone of 2022 on", () => {
    expect(show(f.agaSone(col([3001, 5401, 1507, 1507]), col([null, null, "Haram", "Skodje"])))).toEqual(col(["I", "IVa", "Ia", "I"]));
  });
});

describe("the same figures as the core, to the øre", () => {
  const incomes = [0, 1, 0.01, 54650, 54650.01, 69650.5, 99650, 99654.99, 120000, 143175, 500000, 1_000_000, 12_345_678.91, -500, 0.005];
  const types = ["lønn", "næring", "pensjon", "L", "N", "P", "fiske", "jordbruk", "Lønn", "lonn"];

  test.each(YEARS)("TRYGDEAVGIFT %i: per cell and as one range", (year) => {
    for (const type of types) {
      const expected = incomes.map((x) => [core(trygdeavgift(x, year, type))]);
      expect(show(f.trygdeavgift(col(incomes), [[year]], [[type]]))).toEqual(expected);
      for (const x of incomes) expect(one(f.trygdeavgift([[x]], [[year]], [[type]]))).toEqual(core(trygdeavgift(x, year, type)));
    }
  });

  test("TRYGDEAVGIFT with years and types per row (the general path) equals the fast path", () => {
    const rows = YEARS.flatMap((y) => types.map((t) => [y, t] as const));
    const income = 345678.9;
    const result = show(f.trygdeavgift([[income]], col(rows.map((r) => r[0])), col(rows.map((r) => r[1]))));
    expect(result).toEqual(rows.map(([y, t]) => [core(trygdeavgift(income, y, t))]));
  });

  test("TRYGDEAVGIFT_SAMLET", () => {
    const cases: [number, number, number, number][] = [
      [600000, 200000, 100000, 2024], [60000, 0, 60000, 2025], [80000, 0, 40000, 2026], [500000, -10000, 0, 2024], [0, 0, 0, 2020],
    ];
    const result = f.trygdeavgiftSamlet(col(cases.map((c) => c[0])), col(cases.map((c) => c[1])), col(cases.map((c) => c[2])), col(cases.map((c) => c[3])));
    expect(show(result)).toEqual(cases.map(([l, n, p, y]) => [core(trygdeavgiftSamlet(l, n, p, y))]));
    expect((show(result) as unknown[][])[0]).toEqual([73900]);
  });

  const zones = ["I", "Ia", "II", "III", "IV", "IVa", "V", "1a", "4a", 301, "0301", 5501, 5601, 1506];
  const bases = [100000, 1234.55, 50.5, 12.5, -1234.55, -10, 1e6, 0, 0.01, 999_999_999.99];

  test.each(YEARS)("AGA and AGA_SATS %i, every zone and næring: one zone, and a zone column", (year) => {
    for (const naering of [null, "ordinær", "jordbruk", "sektorunntak"]) {
      const n = naering ?? undefined;
      for (const zone of zones) {
        expect(one(f.agaSats([[zone]], [[year]], [[naering]]))).toEqual(core(((r) => (isRuleError(r) ? r : r.fraction))(agaSats(zone, year, n))));
        expect(show(f.aga(col(bases), [[zone]], [[year]], [[naering]]))).toEqual(bases.map((b) => [core(aga(b, zone, year, n))]));
      }
      const zoneColumn = bases.map((_, k) => zones[k % zones.length]);
      expect(show(f.aga(col(bases), col(zoneColumn), [[year]], [[naering]]))).toEqual(bases.map((b, k) => [core(aga(b, zoneColumn[k], year, n))]));
    }
  });

  test("AGA: the core tests' worked amounts", () => {
    expect(show(f.aga(col([100000, 1234.55, 50.5, -1234.55, -10, 1e6]), col(["I", "I", "III", "I", "IV", "V"]), [[2024]]))).toEqual(
      [[14100], [174.07], [3.23], [-174.07], [-0.51], [0]],
    );
    expect(one(f.aga([[12.5]], [["IVa"]], [[2024]], [["jordbruk"]]))).toBe(0.64);
    expect(show(f.aga([[100000]], col([301, "0301", 5501]), [[2025]]))).toEqual([[14100], [14100], [7900]]);
  });

  test("AGA_FRIBELOP and EKSTRA_AGA", () => {
    const fribelop: [number, number, string, number][] = [
      [1_000_000, 0, "Ia", 2024], [1_000_000, 30_000_000, "Ia", 2024], [1_000_000, 24_000_000, "Ia", 2024],
      [1_000_000, 14_000_000, "Ia", 2023], [100_000, 6_000_000, "V", 2024], [100_000, 0, "I", 2024], [-1_000_000, 25_000_000, "Ia", 2024],
      [-2, 1, "Ia", 2024],
    ];
    expect(show(f.agaFribelop(col(fribelop.map((c) => c[0])), col(fribelop.map((c) => c[1])), col(fribelop.map((c) => c[2])), col(fribelop.map((c) => c[3])))))
      .toEqual(fribelop.map(([g, t, z, y]) => [core(agaFribelop(g, t, z, y))]));
    expect(one(f.agaFribelop([[1_000_000]], [[24_000_000]], [["Ia"]], [[2024]]))).toBe(131000);

    const ekstra: [number, number, number][] = [[100_000, 2023, 700_000], [100_000, 2024, 800_000], [1_000_000, 2024, 0], [-100_000, 2024, 1_000_000], [1_000_000, 2026, 1_000_000]];
    expect(show(f.ekstraAga(col(ekstra.map((c) => c[0])), col(ekstra.map((c) => c[1])), col(ekstra.map((c) => c[2])))))
      .toEqual(ekstra.map(([g, y, t]) => [core(ekstraAga(g, y, t))]));
  });

  test("AGA_SONE, with and without delområde", () => {
    const cases: [number | string, string | null][] = [[1506, "Midsund"], [1506, "gamle Nesset"], [1506, "Molde"], ["1506", "øvrige"], [4602, "Vågsøy"], [5059, "Meldal"], [301, null], [1506, null], [4621, "Ullensvang"]];
    expect(show(f.agaSone(col(cases.map((c) => c[0])), col(cases.map((c) => c[1]))))).toEqual(cases.map(([k, d]) => [core(agaSone(k, d ?? undefined))]));
  });

  test("G_SNITT, FORDEL and AGA_SNITTSATS", () => {
    expect(show(f.gSnitt(col(YEARS)))).toEqual(YEARS.map((y) => [core(gSnitt(y))]));
    expect(show(f.fordel([[100]], col([1, 1, 1])))).toEqual(col(core(fordel(100, [1, 1, 1])) as number[]));
    expect(show(f.fordel([[0.1]], [[1, 2, 3]]))).toEqual([core(fordel(0.1, [1, 2, 3]))]);
    expect(show(f.fordel([[-100]], [[1, 1], [1, 0]]))).toEqual([[-33.34, -33.33], [-33.33, 0]]);
    expect(one(f.agaSnittsats(col([3e6, 1e6]), col(["I", 5601]), 2024))).toBe(core(agaSnittsats([{ grunnlag: 3e6, satsEllerSone: "I" }, { grunnlag: 1e6, satsEllerSone: 5601 }], 2024)));
    expect(one(f.agaSnittsats(col([1e6, 1e6]), col([0.141, 0.051])))).toBeCloseTo(0.096, 15);
  });
});
