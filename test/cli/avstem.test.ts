/**
 * `lonn avstem SCENARIO.json --json` against figures worked out by hand from the scenario files in
 * test/fixtures/avstem (DESIGN.md §3.1 for G…T, §3.2 for the voucher lines). Nothing expected here
 * is taken from the code's own output.
 */
import { BRUTTO, lonnJson, NETTO } from "./helpers";

type Json = Record<string, unknown>;
const pick = (o: Json, keys: readonly string[]) => keys.map((k) => o[k]);
const COLS = ["termin", "G", "H", "I", "O", "P", "Q", "R", "T"] as const;

interface Line {
  bilagId: string;
  termin: number | null;
  konto: string;
  belop: number;
}
const lines = (j: Json) => (j.bilag as (Line & Json)[]).map((l) => [l.bilagId, l.termin, l.konto, l.belop]);

describe("brutto, terminvis (brutto-terminvis.json, S = 13,87 %)", () => {
  let j: Json;
  beforeAll(async () => {
    j = await lonnJson("avstem", BRUTTO);
  });

  test("G = B − D, H = B − E, I = C − F, O = L − B, P = N − C, Q = (L+M+N) − (B+C), R = M, T = round(R × S, 2)", () => {
    expect((j.terminer as Json[]).map((t) => pick(t, COLS))).toEqual([
      // T1: M = 1 234,56; T = 1 234,56 × 0,1387 = 171,233472 → 171,23
      [1, 0, 0, 0, 0, 0, 1234.56, 1234.56, 171.23],
      // T2: D = 99 250,50 → G = −1 250,00 (explained in J); M = −50: T = −6,935 exactly → −6,94 (half away from zero)
      [2, -1250, 0, 0, 0, 0, -50, -50, -6.94],
      // T3: E 0,40 short and F 0,40 over; M = 8 000: T = 1 109,60
      [3, 0, 0.4, -0.4, 0, 0, 8000, 8000, 1109.6],
      // T4: L = B + 100 breaks DFØ's posting rule: O = Q = 100, but R = M = 0
      [4, 0, 0, 0, 100, 0, 100, 0, 0],
      // T5 is not in the file: not reconciled (missing is not zero) — no R, no T, no voucher
      [5, null, null, null, null, null, null, null, null],
      // T6: D = 100 995 → G = 5,00 (unexplained); M = −2 500,25: T = −346,784675 → −346,78
      [6, 5, 0, 0, 0, 0, -2500.25, -2500.25, -346.78],
    ]);
    expect((j.terminer as Json[]).every((t) => t.S === 0.1387)).toBe(true);
    const t5 = (j.terminer as Json[])[4];
    expect([t5.avstemt, t5.mangler, t5.B, t5.L]).toEqual([false, ["SAP", "Unit4", "SPK-fakturaen"], null, null]);
  });

  test("sums; flags: T3 material (8 000 > 5 % × 144 000), T4 posting rule (O), T6 unexplained G, 2810 not 0 at year end", () => {
    const s = j.sum as Json;
    expect(pick(s, ["G", "H", "I", "O", "P", "Q", "R", "T"])).toEqual([-1245, 0.4, -0.4, 100, 0, 6784.31, 6684.31, 927.11]);
    expect(j.aarsAga).toBe(927.11);
    expect((j.flagg as Json[]).map((f) => [f.type, f.termin, f.kolonner])).toEqual([
      ["vesentlig", 3, ["Q"]],
      ["posteringsregel", 4, ["O"]],
      ["uforklart", 6, ["G", "J"]],
      // The year-end balance control failing is a flag too (UB 2810 = 12,34, see below).
      ["saldo", null, ["F"]],
    ]);
  });

  test("voucher lines of DESIGN.md §3.2: 5420 +R, 2820 −R, 5401 +T, 1986 −T per termin with R ≠ 0; the AGA adjustment", () => {
    expect(lines(j)).toEqual([
      ["SPK-2024-T1", 1, "5420", 1234.56], ["SPK-2024-T1", 1, "2820", -1234.56], ["SPK-2024-T1", 1, "5401", 171.23], ["SPK-2024-T1", 1, "1986", -171.23],
      ["SPK-2024-T2", 2, "5420", -50], ["SPK-2024-T2", 2, "2820", 50], ["SPK-2024-T2", 2, "5401", -6.94], ["SPK-2024-T2", 2, "1986", 6.94],
      ["SPK-2024-T3", 3, "5420", 8000], ["SPK-2024-T3", 3, "2820", -8000], ["SPK-2024-T3", 3, "5401", 1109.6], ["SPK-2024-T3", 3, "1986", -1109.6],
      ["SPK-2024-T6", 6, "5420", -2500.25], ["SPK-2024-T6", 6, "2820", 2500.25], ["SPK-2024-T6", 6, "5401", -346.78], ["SPK-2024-T6", 6, "1986", 346.78],
      // round(ΣR × 0,1412) − ΣT = round(943,824572) − 927,11 = 943,82 − 927,11
      ["SPK-2024-AGAJUST", null, "5401", 16.71], ["SPK-2024-AGAJUST", null, "1986", -16.71],
    ]);
    expect((j.bilag as Json[]).every((l) => (l.dimensjoner as Json)[1] === "11001000")).toBe(true);
    expect((j.agaJustering as Json)).toEqual({ nySats: 0.1412, sumR: 6684.31, sumT: 927.11, nyAga: 943.82, justering: 16.71 });
  });

  test("each voucher sums to exactly 0", () => {
    const byId = new Map<string, number>();
    for (const l of j.bilag as Line[]) byId.set(l.bilagId, (byId.get(l.bilagId) ?? 0) + Math.round(l.belop * 100));
    expect([...byId.values()]).toEqual([0, 0, 0, 0, 0]);
    expect((j.bilagsoversikt as Json[]).map((b) => [b.bilagId, b.sum, b.iBalanse])).toEqual([
      ["SPK-2024-T1", 0, true], ["SPK-2024-T2", 0, true], ["SPK-2024-T3", 0, true], ["SPK-2024-T6", 0, true], ["SPK-2024-AGAJUST", 0, true],
    ]);
  });

  test("year-end balance control and the A-melding split (9:1, zone rates of Oslo and Bodø)", () => {
    expect(j.saldokontroll).toEqual([
      { konto: "2630", ib: -1000, bevegelse: 1000, ub: 0, forventet: 0, differanse: 0 },
      { konto: "2810", ib: 0, bevegelse: 12.34, ub: 12.34, forventet: 0, differanse: 12.34 },
    ]);
    const t1 = (j.amelding as Json[])[0];
    // 1 234,56 split 900 000 : 100 000 → 1 111,104 and 123,456 → 1 111,10 and 123,46 (largest remainder);
    // AGA: 1 111,10 × 14,1 % (Oslo, sone I) = 156,6651 → 156,67; 123,46 × 7,9 % (Bodø, sone IVa) = 9,75334 → 9,75.
    expect((t1.rader as Json[]).map((r) => [r.virksomhetsnummer, r.endringGrunnlag, r.aga])).toEqual([
      ["912300013", 1111.1, 156.67],
      ["912300021", 123.46, 9.75],
    ]);
    expect(pick(t1, ["bilagId", "differanse", "sumAga", "beregnetAga", "avvik"])).toEqual(["SPK-2024-T1", 1234.56, 166.42, 171.23, -4.81]);
    expect((j.amelding as Json[]).map((f) => f.bilagId)).toEqual(["SPK-2024-T1", "SPK-2024-T2", "SPK-2024-T3", "SPK-2024-T6"]);
  });
});

describe("netto, årsslutt (netto-arsslutt.json, S = 11,23 %, AGA counter account 2772)", () => {
  let j: Json;
  beforeAll(async () => {
    j = await lonnJson("avstem", NETTO);
  });

  test("G … T per termin; R = Q", () => {
    expect((j.terminer as Json[]).map((t) => pick(t, COLS))).toEqual([
      // O = 81 234,56 − 80 000; P = 15 987,65 − 16 000; Q = O + P; T = 1 222,21 × 0,1123 = 137,254183 → 137,25
      [1, 0, 0, 0, 1234.56, -12.35, 1222.21, 1222.21, 137.25],
      // T2, T4 and T6 are not in the file: not reconciled
      [2, null, null, null, null, null, null, null, null],
      // E one øre short: H = 0,01; L 5 000 under B: T = −5 000 × 0,1123 = −561,50
      [3, 0, 0.01, 0, -5000, 0, -5000, -5000, -561.5],
      [4, null, null, null, null, null, null, null, null],
      // B = 0,05 with nothing booked in Unit4: G = H = 0,05; L = 0,08: Q = 0,03, T = 0,003369 → 0,00
      [5, 0.05, 0.05, 0, 0.03, 0, 0.03, 0.03, 0],
      [6, null, null, null, null, null, null, null, null],
    ]);
  });

  test("årsslutt: one voucher on ΣR with AGA = round(ΣR × S, 2), which differs from ΣT here", () => {
    const s = j.sum as Json;
    // ΣO = 1 234,56 − 5 000 + 0,03; ΣP = −12,35; ΣR = ΣQ = −3 777,76; ΣT = 137,25 − 561,50 + 0 = −424,25
    expect(pick(s, ["O", "P", "Q", "R", "T"])).toEqual([-3765.41, -12.35, -3777.76, -3777.76, -424.25]);
    // −3 777,76 × 0,1123 = −424,242448 → −424,24
    expect(j.aarsAga).toBe(-424.24);
    expect(lines(j)).toEqual([
      ["SPK-2024-AAR", null, "5420", -3777.76],
      ["SPK-2024-AAR", null, "2961", 3765.41],
      ["SPK-2024-AAR", null, "2630", 12.35],
      ["SPK-2024-AAR", null, "5401", -424.24],
      ["SPK-2024-AAR", null, "2772", 424.24],
    ]);
    expect((j.bilag as Json[]).every((l) => l.dato === "2024-12-31" && l.periode === "202412")).toBe(true);
    expect((j.bilagsoversikt as Json[]).map((b) => [b.bilagId, b.sum, b.iBalanse])).toEqual([["SPK-2024-AAR", 0, true]]);
  });

  test("flags: T3 (5 000 > 5 % × 96 000) is material; T5's 0,03 is within the 1 kr tolerance, so never material; no posting-rule flag for netto", () => {
    expect((j.flagg as Json[]).map((f) => [f.type, f.termin])).toEqual([["vesentlig", 3]]);
    expect(j.saldokontroll).toEqual([{ konto: "2961", ib: 3765.41, bevegelse: -3765.41, ub: 0, forventet: 0, differanse: 0 }]);
    expect(j.agaJustering).toBeNull();
    expect(j.amelding).toBeNull();
  });
});
