import { kroner } from "../../../src/core/money/ore";
import { NS4102_LONNSKONTOER } from "../../../src/core/payroll/kontoer";
import { buildLonnsbilag, Lonnsbilag, PayrollRow } from "../../../src/core/payroll/lonnsbilag";
import { Checked, Problems } from "../../../src/core/problem/problem";
import { ok } from "../../support/checked";
import { inKroner, kontoBelop, linesSum } from "../../support/fixtures";

/** The voucher's lines sum in øre. */
const sumOre = (b: Lonnsbilag) => linesSum(b.bilag.linjer);
/** [konto, beløp in kroner] per line. */
const lines = (b: Lonnsbilag) => kontoBelop(b.bilag.linjer);
const msg = (r: Checked<Lonnsbilag>) => (r as Problems).message;

describe("lønnsbilag 2025 (no ekstra AGA), zones I, III and V", () => {
  const rader: PayrollRow[] = [
    // net 50 000 − 14 250 − 312,50 − 450 − 2 000 = 32 987,50
    { navn: "Kari", bruttoLonn: 50000, forskuddstrekk: 14250, forsikringstrekk: 312.5, fagforeningstrekk: 450,
      andreTrekk: [{ navn: "Husleie", belop: 2000 }], agaGrunnlag: 50000, sone: "I" },
    // net 40 000 − 10 000 − 380 = 29 620; AGA basis includes a 2 000 benefit
    { navn: "Ola", bruttoLonn: 40000, forskuddstrekk: 10000, fagforeningstrekk: 380, agaGrunnlag: 42000, sone: "3" },
    // Alta (5601) is zone V; net 30 000 − 6 500 − 100,25 = 23 399,75
    { navn: "Per", bruttoLonn: 30000, forskuddstrekk: 6500, forsikringstrekk: 100.25, agaGrunnlag: 30000, sone: "5601" },
    // net 45 000,55 − 12 000,11 − 1 000 − 500 = 31 500,44
    { navn: "Lise", bruttoLonn: 45000.55, forskuddstrekk: 12000.11,
      andreTrekk: [{ navn: "Husleie", belop: 1000 }, { navn: "Utleggstrekk", belop: 500, konto: "2610" }],
      agaGrunnlag: 45000.55, sone: "I" },
  ];
  const b = ok(buildLonnsbilag(rader, { dato: "25.06.2025" }));

  test("the voucher lines, NS 4102 accounts, debit positive", () => {
    // AGA zone I: (50 000 + 45 000,55) × 14,1 % = 13 395,07755 → 13 395,08
    // AGA zone III: 42 000 × 6,4 % = 2 688,00; zone V: 0 % → no line
    expect(lines(b)).toEqual([
      ["5000", 165000.55],
      ["2600", -42750.11],
      ["2640", -412.75],
      ["2650", -830],
      ["2690", -3000],
      ["2610", -500],
      ["2930", -117507.69],
      ["5400", 13395.08],
      ["2770", -13395.08],
      ["5400", 2688],
      ["2770", -2688],
    ]);
    expect(sumOre(b)).toBe(0);
  });

  test("id, date, period, texts", () => {
    expect([b.bilag.id, b.bilag.dato, b.bilag.periode, b.bilag.tekst]).toEqual(["LONN-202506", "2025-06-25", "202506", "Lønn 2025-06"]);
    expect(b.bilag.linjer[1].tekst).toBe("Lønn 2025-06: forskuddstrekk (inkl. trygdeavgift)");
    expect(b.bilag.linjer[4].tekst).toBe("Lønn 2025-06: trekk Husleie");
    expect(b.bilag.linjer[7].tekst).toBe("Lønn 2025-06: arbeidsgiveravgift sone I (14,1 %)");
  });

  test("net pay per employee and AGA per zone", () => {
    expect(b.nettolonn.map((n) => inKroner(n))).toEqual([
      { navn: "Kari", netto: 32987.5 }, { navn: "Ola", netto: 29620 }, { navn: "Per", netto: 23399.75 }, { navn: "Lise", netto: 31500.44 },
    ]);
    expect(b.agaPerSone.map((a) => inKroner(a, "sats"))).toEqual([
      { sone: "I", grunnlag: 95000.55, sats: 0.141, aga: 13395.08 },
      { sone: "III", grunnlag: 42000, sats: 0.064, aga: 2688 },
      { sone: "V", grunnlag: 30000, sats: 0, aga: 0 },
    ]);
    expect([b.ekstraAga, b.sumAga].map(kroner)).toEqual([0, 16083.08]);
  });

  test("no trygdeavgift line exists: it is inside forskuddstrekk on 2600 (and 2630 is never used)", () => {
    expect(b.bilag.linjer.some((l) => l.konto === "2630" || (/trygdeavgift/.test(l.tekst) && l.konto !== "2600"))).toBe(false);
  });
});

describe("each deduction on its own account", () => {
  const base = { navn: "A", bruttoLonn: 1000, agaGrunnlag: 0, sone: "V" };
  const credit = (r: Partial<PayrollRow>) => lines(ok(buildLonnsbilag([{ ...base, ...r }], { dato: "2025-01-31" })));
  test("forskuddstrekk → 2600", () => expect(credit({ forskuddstrekk: 300 })).toEqual([["5000", 1000], ["2600", -300], ["2930", -700]]));
  test("forsikringstrekk → 2640", () => expect(credit({ forsikringstrekk: 12.34 })).toEqual([["5000", 1000], ["2640", -12.34], ["2930", -987.66]]));
  test("fagforeningstrekk → 2650", () => expect(credit({ fagforeningstrekk: 99 })).toEqual([["5000", 1000], ["2650", -99], ["2930", -901]]));
  test("andre trekk → 2690, one line per name", () => {
    expect(credit({ andreTrekk: [{ navn: "Kantine", belop: 10 }, { navn: "Husleie", belop: 20 }] }))
      .toEqual([["5000", 1000], ["2690", -10], ["2690", -20], ["2930", -970]]);
  });
  test("all accounts can be overridden", () => {
    const b = ok(buildLonnsbilag([{ ...base, forskuddstrekk: 100, sone: "I", agaGrunnlag: 1000 }], {
      dato: "2025-01-31", kontoer: { lonn: "5010", forskuddstrekk: "2601", skyldigLonn: "2931", aga: "5401", skyldigAga: "2771" },
    }));
    expect(lines(b)).toEqual([["5010", 1000], ["2601", -100], ["2931", -900], ["5401", 141], ["2771", -141]]);
    expect(NS4102_LONNSKONTOER.forsikringstrekk).toBe("2640");
  });
});

describe("AGA on the summed basis per zone (as the a-melding)", () => {
  test("two employees at 12,50 in zone I: round(25 × 14,1 %) = 3,53, not 2 × round(1,7625) = 3,52", () => {
    const r = (navn: string): PayrollRow => ({ navn, bruttoLonn: 12.5, agaGrunnlag: 12.5, sone: "I" });
    const b = ok(buildLonnsbilag([r("A"), r("B")], { dato: "2025-03-31" }));
    expect(b.agaPerSone.map((a) => inKroner(a, "sats"))).toEqual([{ sone: "I", grunnlag: 25, sats: 0.141, aga: 3.53 }]);
  });

  test("zone Ia: the reduced rate within the fribeløp, the full rate once it is used up", () => {
    const row: PayrollRow = { navn: "A", bruttoLonn: 100000, agaGrunnlag: 100000, sone: "Ia" };
    // 100 000 × 10,6 % = 10 600 while the saving (3,5 %) is below 850 000
    expect(kroner(ok(buildLonnsbilag([row], { dato: "2025-01-31", tidligereGrunnlagSoneIa: 0 })).agaPerSone[0].aga)).toBe(10600);
    // after 30 M kr basis the saving 1 050 000 > 850 000: full 14,1 % → 14 100
    expect(kroner(ok(buildLonnsbilag([row], { dato: "2025-11-30", tidligereGrunnlagSoneIa: 30e6 })).agaPerSone[0].aga)).toBe(14100);
    expect(msg(buildLonnsbilag([row], { dato: "2025-01-31" }))).toMatch(/sone Ia tidligere i år/);
  });
});

describe("ekstra AGA", () => {
  const stor: PayrollRow = { navn: "Stor", bruttoLonn: 100000, forskuddstrekk: 45000, agaGrunnlag: 100000, sone: "I", grunnlagHittilIAr: 800000 };
  const liten: PayrollRow = { navn: "Liten", bruttoLonn: 50000, forskuddstrekk: 15000, agaGrunnlag: 50000, sone: "I", grunnlagHittilIAr: 300000 };

  test("2024: 5 % on the part above 850 000 (800 000 + 100 000 → 50 000 above → 2 500)", () => {
    const b = ok(buildLonnsbilag([stor, liten], { dato: "2024-10-25" }));
    expect(lines(b)).toEqual([
      ["5000", 150000], ["2600", -60000], ["2930", -90000],
      ["5400", 21150], ["2770", -21150], // 150 000 × 14,1 %
      ["5400", 2500], ["2770", -2500],
    ]);
    expect(b.bilag.linjer[5].tekst).toBe("Lønn 2024-10: ekstra arbeidsgiveravgift (5 % over 850 000 kr)");
    expect([b.ekstraAga, b.sumAga].map(kroner)).toEqual([2500, 23650]);
  });

  test("2023: threshold 750 000 (800 000 already above → the whole 100 000 → 5 000)", () => {
    expect(kroner(ok(buildLonnsbilag([stor], { dato: "2023-10-25" })).ekstraAga)).toBe(5000);
  });

  test("2025: none, and the year-to-date basis is not needed", () => {
    const b = ok(buildLonnsbilag([stor, { ...liten, grunnlagHittilIAr: undefined }], { dato: "2025-10-25" }));
    expect(kroner(b.ekstraAga)).toBe(0);
    expect(lines(b)).toEqual([["5000", 150000], ["2600", -60000], ["2930", -90000], ["5400", 21150], ["2770", -21150]]);
  });

  test("2024 needs the year-to-date basis of each employee; a summary row gives its basis above the threshold", () => {
    expect(msg(buildLonnsbilag([{ ...stor, grunnlagHittilIAr: undefined }], { dato: "2024-10-25" })))
      .toMatch(/Ansatt «Stor» \(rad 1\): oppgi grunnlaget hittil i år/);
    const v: PayrollRow = { navn: "Etaten", gjelder: "virksomhet", bruttoLonn: 1e6, agaGrunnlag: 1e6, sone: "I", ekstraAgaGrunnlag: 10000 };
    expect(kroner(ok(buildLonnsbilag([v], { dato: "2024-10-25" })).ekstraAga)).toBe(500);
    expect(msg(buildLonnsbilag([{ ...v, ekstraAgaGrunnlag: undefined }], { dato: "2024-10-25" }))).toMatch(/Virksomhet «Etaten» \(rad 1\)/);
  });
});

describe("refusals name the employee; nothing is produced", () => {
  test("negative net pay", () => {
    const r = buildLonnsbilag([
      { navn: "Kari", bruttoLonn: 1000, agaGrunnlag: 1000, sone: "I" },
      { navn: "Ola", bruttoLonn: 1000, forskuddstrekk: 800, fagforeningstrekk: 300, agaGrunnlag: 1000, sone: "I" },
    ], { dato: "2025-01-31" });
    expect(msg(r)).toBe("Ansatt «Ola» (rad 2): trekkene (1 100,00 kr) er større enn brutto lønn (1 000,00 kr); negativ nettolønn bokføres ikke.");
  });
  test("negative deductions, fractions of an øre, unknown zones, bad dates", () => {
    const m = msg(buildLonnsbilag([
      { navn: "A", bruttoLonn: 100, forsikringstrekk: -1, agaGrunnlag: 100, sone: "I" },
      { navn: "B", bruttoLonn: 100.001, agaGrunnlag: 100, sone: "I" },
      { navn: "C", bruttoLonn: 100, agaGrunnlag: 100, sone: "VII" },
    ], { dato: "2025-01-31" }));
    expect(m).toMatch(/Ansatt «A» \(rad 1\): forsikringstrekk kan ikke være negativ/);
    expect(m).toMatch(/Ansatt «B» \(rad 2\): brutto lønn \(100.001\) har brøkdeler av øre/);
    expect(m).toMatch(/Ansatt «C» \(rad 3\): «VII» er verken en sone/);
    expect(msg(buildLonnsbilag([{ navn: "A", bruttoLonn: 1, agaGrunnlag: 1, sone: "I" }], { dato: "2025-02-30" }))).toMatch(/ikke en dato/);
    expect(msg(buildLonnsbilag([], { dato: "2025-01-31" }))).toMatch(/ingen rader/);
  });
});
