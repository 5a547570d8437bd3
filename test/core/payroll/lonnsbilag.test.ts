import { kroner, Ore } from "../../../src/core/money/ore";
import { NS4102_LONNSKONTOER } from "../../../src/core/payroll/kontoer";
import { buildLonnsbilag, Lonnsbilag, PayrollRow } from "../../../src/core/payroll/lonnsbilag";
import { Checked, formatProblem, Problems } from "../../../src/core/problem/problem";
import { ok } from "../../support/checked";
import { inKroner, kontoBelop, linesSum, ore } from "../../support/fixtures";

/** The voucher's lines sum in øre. */
const sumOre = (b: Lonnsbilag) => linesSum(b.bilag.linjer);
/** [konto, beløp in kroner] per line. */
const lines = (b: Lonnsbilag) => kontoBelop(b.bilag.linjer);
const msg = (r: Checked<Lonnsbilag>) => (r as Problems).message;

type KronerRow = Omit<PayrollRow, "bruttoLonn" | "forskuddstrekk" | "forsikringstrekk" | "fagforeningstrekk" | "andreTrekk" | "agaGrunnlag" | "feriepengegrunnlag" | "grunnlagHittilIAr" | "ekstraAgaGrunnlag"> & {
  bruttoLonn: number;
  forskuddstrekk?: number;
  forsikringstrekk?: number;
  fagforeningstrekk?: number;
  andreTrekk?: { navn: string; belop: number; konto?: string }[];
  agaGrunnlag?: number;
  feriepengegrunnlag?: number;
  grunnlagHittilIAr?: number;
  ekstraAgaGrunnlag?: number;
};

const o = (k: number | undefined): Ore | undefined => (k === undefined ? undefined : ore(k));

/** A row written in kroner, as the tests write them, in the model's øre. */
function row(r: KronerRow): PayrollRow {
  const { andreTrekk, ...rest } = r;
  return {
    ...rest,
    bruttoLonn: ore(r.bruttoLonn),
    forskuddstrekk: o(r.forskuddstrekk),
    forsikringstrekk: o(r.forsikringstrekk),
    fagforeningstrekk: o(r.fagforeningstrekk),
    agaGrunnlag: o(r.agaGrunnlag),
    feriepengegrunnlag: o(r.feriepengegrunnlag),
    grunnlagHittilIAr: o(r.grunnlagHittilIAr),
    ekstraAgaGrunnlag: o(r.ekstraAgaGrunnlag),
    ...(andreTrekk ? { andreTrekk: andreTrekk.map((t) => ({ ...t, belop: ore(t.belop) })) } : {}),
  };
}
const rows = (...list: KronerRow[]) => list.map(row);

describe("lønnsbilag 2025 (no ekstra AGA), zones I, III and V", () => {
  const rader = rows(
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
  );
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

  test("id (one voucher per pay date), date, period, texts", () => {
    expect([b.bilag.id, b.bilag.dato, b.bilag.periode, b.bilag.tekst]).toEqual(["LONN-20250625", "2025-06-25", "202506", "Lønn 25.06.2025"]);
    expect(b.bilag.linjer[1].tekst).toBe("Lønn 25.06.2025: forskuddstrekk (inkl. trygdeavgift)");
    expect(b.bilag.linjer[4].tekst).toBe("Lønn 25.06.2025: trekk Husleie");
    expect(b.bilag.linjer[7].tekst).toBe("Lønn 25.06.2025: arbeidsgiveravgift sone I (14,1 %)");
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
    expect([b.ekstraAga, b.sumAga, b.feriepenger].map(kroner)).toEqual([0, 16083.08, 0]);
  });

  test("no trygdeavgift line exists: it is inside forskuddstrekk on 2600 (and 2630 is never used)", () => {
    expect(b.bilag.linjer.some((l) => l.konto === "2630" || (/trygdeavgift/.test(l.tekst) && l.konto !== "2600"))).toBe(false);
  });
});

describe("a 2024 journal with employees in zones I, IVa and V (hand-computed to the øre)", () => {
  // 20.11.2024. Rates 2024: I 14,1 %, IVa 7,9 %, V 0 %; ekstra AGA 5 % above 850 000 in every zone.
  const journal = rows(
    // net 62 500 − 19 375 − 412,50 − 625 = 42 087,50; year to date 625 000 + 62 500 = 687 500 ≤ 850 000: no ekstra
    { navn: "Kari Nordmann", bruttoLonn: 62500, forskuddstrekk: 19375, forsikringstrekk: 412.5, fagforeningstrekk: 625,
      agaGrunnlag: 62500, sone: "0301", feriepengegrunnlag: 62500, grunnlagHittilIAr: 625000 },
    // net 95 000 − 38 000 − 350 = 56 650; AGA basis with a 1 250 benefit: 96 250;
    // 800 000 + 96 250 = 896 250 → 46 250 above 850 000 × 5 % = 2 312,50 ekstra
    { navn: "Per Hansen", bruttoLonn: 95000, forskuddstrekk: 38000, forsikringstrekk: 350,
      agaGrunnlag: 96250, sone: "I", feriepengegrunnlag: 95000, grunnlagHittilIAr: 800000 },
    // Bodø (1804) is IVa; net 48 000,06 − 13 440 − 480 = 34 080,06
    { navn: "Ingrid Johansen", bruttoLonn: 48000.06, forskuddstrekk: 13440, fagforeningstrekk: 480,
      agaGrunnlag: 48000.06, sone: "1804", feriepengegrunnlag: 48000.06, grunnlagHittilIAr: 480000.6 },
    // Tromsø (5501) is IVa; net 51 234,57 − 15 370 − 210 = 35 654,57
    { navn: "Ole Olsen", bruttoLonn: 51234.57, forskuddstrekk: 15370, forsikringstrekk: 210,
      agaGrunnlag: 51234.57, sone: "5501", feriepengegrunnlag: 51234.57, grunnlagHittilIAr: 512345.7 },
    // Alta (5601) is V; net 55 555,55 − 16 666 − 555,56 = 38 333,99
    { navn: "Siri Mikkelsen", bruttoLonn: 55555.55, forskuddstrekk: 16666, fagforeningstrekk: 555.56,
      agaGrunnlag: 55555.55, sone: "5601", feriepengegrunnlag: 55555.55, grunnlagHittilIAr: 555555.5 },
    // Hammerfest (5603) is V, 0 %, but ekstra AGA applies in zone V too:
    // 820 000 + 90 000 = 910 000 → 60 000 above × 5 % = 3 000; net 90 000 − 36 000 = 54 000
    { navn: "Anders Eriksen", bruttoLonn: 90000, forskuddstrekk: 36000,
      agaGrunnlag: 90000, sone: "5603", feriepengegrunnlag: 90000, grunnlagHittilIAr: 820000 },
  );
  const b = ok(buildLonnsbilag(journal, { dato: "2024-11-20" }));

  test("the voucher, line by line", () => {
    // gross 62 500 + 95 000 + 48 000,06 + 51 234,57 + 55 555,55 + 90 000 = 402 290,18
    // forskuddstrekk 19 375 + 38 000 + 13 440 + 15 370 + 16 666 + 36 000 = 138 851
    // forsikringstrekk 412,50 + 350 + 210 = 972,50 (2640); fagforeningstrekk 625 + 480 + 555,56 = 1 660,56 (2650)
    // net 402 290,18 − 138 851 − 972,50 − 1 660,56 = 260 806,12
    // AGA I: (62 500 + 96 250) × 14,1 % = 158 750 × 0,141 = 22 383,75
    // AGA IVa: (48 000,06 + 51 234,57) × 7,9 % = 99 234,63 × 0,079 = 7 839,53577 → 7 839,54
    //   (per employee it would be 3 792,00 + 4 047,53 = 7 839,53: the a-melding rounds per zone)
    // AGA V: 0 → no line; ekstra AGA 2 312,50 + 3 000 = 5 312,50
    // feriepenger 10,2 %, per employee: 6 375,00 + 9 690,00 + 4 896,01 (4 896,00612) + 5 225,93 (5 225,92614)
    //   + 5 666,67 (5 666,6661) + 9 180,00 = 41 033,61
    // AGA on feriepenger I: (6 375 + 9 690) × 14,1 % = 16 065 × 0,141 = 2 265,165 → 2 265,17 (half away from zero)
    // AGA on feriepenger IVa: (4 896,01 + 5 225,93) × 7,9 % = 10 121,94 × 0,079 = 799,63326 → 799,63; V: 0
    expect(lines(b)).toEqual([
      ["5000", 402290.18],
      ["2600", -138851],
      ["2640", -972.5],
      ["2650", -1660.56],
      ["2930", -260806.12],
      ["5400", 22383.75], ["2770", -22383.75],
      ["5400", 7839.54], ["2770", -7839.54],
      ["5400", 5312.5], ["2770", -5312.5],
      ["5092", 41033.61], ["2940", -41033.61],
      ["5405", 2265.17], ["2781", -2265.17],
      ["5405", 799.63], ["2781", -799.63],
    ]);
    expect(sumOre(b)).toBe(0);
    expect(b.bilag.id).toBe("LONN-20241120");
  });

  test("AGA per zone, ekstra AGA, feriepenger and their AGA", () => {
    expect(b.agaPerSone.map((a) => inKroner(a, "sats"))).toEqual([
      { sone: "I", grunnlag: 158750, sats: 0.141, aga: 22383.75 },
      { sone: "IVa", grunnlag: 99234.63, sats: 0.079, aga: 7839.54 },
      { sone: "V", grunnlag: 145555.55, sats: 0, aga: 0 },
    ]);
    // 22 383,75 + 7 839,54 + 5 312,50 = 35 535,79
    expect([b.ekstraAga, b.sumAga, b.feriepenger].map(kroner)).toEqual([5312.5, 35535.79, 41033.61]);
    expect(b.agaFeriepengerPerSone.map((a) => inKroner(a, "sats"))).toEqual([
      { sone: "I", grunnlag: 16065, sats: 0.141, aga: 2265.17 },
      { sone: "IVa", grunnlag: 10121.94, sats: 0.079, aga: 799.63 },
      { sone: "V", grunnlag: 14846.67, sats: 0, aga: 0 },
    ]);
    expect(b.nettolonn.map((n) => kroner(n.netto))).toEqual([42087.5, 56650, 34080.06, 35654.57, 38333.99, 54000]);
  });

  test("texts name the zone and rate; feriepenger at the law's 10,2 %", () => {
    const t = b.bilag.linjer.map((l) => `${l.konto} ${l.tekst}`);
    expect(t[5]).toBe("5400 Lønn 20.11.2024: arbeidsgiveravgift sone I (14,1 %)");
    expect(t[7]).toBe("5400 Lønn 20.11.2024: arbeidsgiveravgift sone IVa (7,9 %)");
    expect(t[9]).toBe("5400 Lønn 20.11.2024: ekstra arbeidsgiveravgift (5 % over 850 000 kr)");
    expect(t[11]).toBe("5092 Lønn 20.11.2024: feriepenger (10,2 % av feriepengegrunnlaget)");
    expect(t[13]).toBe("5405 Lønn 20.11.2024: arbeidsgiveravgift av feriepenger sone I (14,1 %)");
  });

  test("the state's 12 %: 62 500 × 12 % = 7 500; AGA 7 500 × 14,1 % = 1 057,50", () => {
    const s = ok(buildLonnsbilag([journal[0]], { dato: "2024-11-20", feriepengesats: 0.12 }));
    expect(lines(s).slice(-4)).toEqual([["5092", 7500], ["2940", -7500], ["5405", 1057.5], ["2781", -1057.5]]);
    expect(msg(buildLonnsbilag([journal[0]], { dato: "2024-11-20", feriepengesats: 12 }))).toMatch(/Skriv 12 % som 0,12/);
  });
});

describe("each deduction on its own account", () => {
  const base: KronerRow = { navn: "A", bruttoLonn: 1000, agaGrunnlag: 0, sone: "V" };
  const credit = (r: Partial<KronerRow>) => lines(ok(buildLonnsbilag([row({ ...base, ...r })], { dato: "2025-01-31" })));
  test("forskuddstrekk → 2600", () => expect(credit({ forskuddstrekk: 300 })).toEqual([["5000", 1000], ["2600", -300], ["2930", -700]]));
  test("forsikringstrekk → 2640", () => expect(credit({ forsikringstrekk: 12.34 })).toEqual([["5000", 1000], ["2640", -12.34], ["2930", -987.66]]));
  test("fagforeningstrekk → 2650", () => expect(credit({ fagforeningstrekk: 99 })).toEqual([["5000", 1000], ["2650", -99], ["2930", -901]]));
  test("andre trekk → 2690, one line per name", () => {
    expect(credit({ andreTrekk: [{ navn: "Kantine", belop: 10 }, { navn: "Husleie", belop: 20 }] }))
      .toEqual([["5000", 1000], ["2690", -10], ["2690", -20], ["2930", -970]]);
  });
  test("all accounts can be overridden", () => {
    const b = ok(buildLonnsbilag([row({ ...base, forskuddstrekk: 100, sone: "I", agaGrunnlag: 1000, feriepengegrunnlag: 1000 })], {
      dato: "2025-01-31",
      kontoer: { lonn: "5010", forskuddstrekk: "2601", skyldigLonn: "2931", aga: "5401", skyldigAga: "2771", feriepenger: "5093", skyldigeFeriepenger: "2941" },
    }));
    // feriepenger 1 000 × 10,2 % = 102; their AGA 102 × 14,1 % = 14,382 → 14,38
    expect(lines(b)).toEqual([["5010", 1000], ["2601", -100], ["2931", -900], ["5401", 141], ["2771", -141], ["5093", 102], ["2941", -102], ["5405", 14.38], ["2781", -14.38]]);
    expect(NS4102_LONNSKONTOER.forsikringstrekk).toBe("2640");
  });
});

describe("dimensions as the SPK vouchers have them", () => {
  test("single values on every line; the cost lines spread by weights (largest remainder)", () => {
    const b = ok(buildLonnsbilag([row({ navn: "A", bruttoLonn: 1000, forskuddstrekk: 300, agaGrunnlag: 1000, sone: "I" })], {
      dato: "2025-01-31",
      dimensjoner: [
        { nummer: 1, navn: "Koststed", fordeling: [{ verdi: "100", vekt: 2 }, { verdi: "200", vekt: 1 }] },
        { nummer: 2, navn: "Prosjekt", verdi: "P1" },
      ],
    }));
    // 1 000 × 2/3 = 666,666… → 666,67 and 333,33; AGA 141 → 94,00 and 47,00
    expect(b.bilag.linjer.map((l) => [l.konto, kroner(l.belop), l.dimensjoner])).toEqual([
      ["5000", 666.67, { 1: "100", 2: "P1" }],
      ["5000", 333.33, { 1: "200", 2: "P1" }],
      ["2600", -300, { 2: "P1" }],
      ["2930", -700, { 2: "P1" }],
      ["5400", 94, { 1: "100", 2: "P1" }],
      ["5400", 47, { 1: "200", 2: "P1" }],
      ["2770", -141, { 2: "P1" }],
    ]);
    expect(sumOre(b)).toBe(0);
  });
});

describe("AGA on the summed basis per zone (as the a-melding)", () => {
  test("two employees at 12,50 in zone I: round(25 × 14,1 %) = 3,53, not 2 × round(1,7625) = 3,52", () => {
    const r = (navn: string): KronerRow => ({ navn, bruttoLonn: 12.5, agaGrunnlag: 12.5, sone: "I" });
    const b = ok(buildLonnsbilag(rows(r("A"), r("B")), { dato: "2025-03-31" }));
    expect(b.agaPerSone.map((a) => inKroner(a, "sats"))).toEqual([{ sone: "I", grunnlag: 25, sats: 0.141, aga: 3.53 }]);
  });

  test("zone Ia: the reduced rate within the fribeløp, the full rate once it is used up", () => {
    const ia = row({ navn: "A", bruttoLonn: 100000, agaGrunnlag: 100000, sone: "Ia" });
    // 100 000 × 10,6 % = 10 600 while the saving (3,5 %) is below 850 000
    expect(kroner(ok(buildLonnsbilag([ia], { dato: "2025-01-31", tidligereGrunnlagSoneIa: ore(0) })).agaPerSone[0].aga)).toBe(10600);
    // after 30 M kr basis the saving 1 050 000 > 850 000: full 14,1 % → 14 100
    expect(kroner(ok(buildLonnsbilag([ia], { dato: "2025-11-30", tidligereGrunnlagSoneIa: ore(30e6) })).agaPerSone[0].aga)).toBe(14100);
    expect(msg(buildLonnsbilag([ia], { dato: "2025-01-31" }))).toMatch(/sone Ia tidligere i år/);
  });
});

describe("ekstra AGA", () => {
  const stor = row({ navn: "Stor", bruttoLonn: 100000, forskuddstrekk: 45000, agaGrunnlag: 100000, sone: "I", grunnlagHittilIAr: 800000 });
  const liten = row({ navn: "Liten", bruttoLonn: 50000, forskuddstrekk: 15000, agaGrunnlag: 50000, sone: "I", grunnlagHittilIAr: 300000 });

  test("2024: 5 % on the part above 850 000 (800 000 + 100 000 → 50 000 above → 2 500)", () => {
    const b = ok(buildLonnsbilag([stor, liten], { dato: "2024-10-25" }));
    expect(lines(b)).toEqual([
      ["5000", 150000], ["2600", -60000], ["2930", -90000],
      ["5400", 21150], ["2770", -21150], // 150 000 × 14,1 %
      ["5400", 2500], ["2770", -2500],
    ]);
    expect(b.bilag.linjer[5].tekst).toBe("Lønn 25.10.2024: ekstra arbeidsgiveravgift (5 % over 850 000 kr)");
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
    const v = row({ navn: "Etaten", gjelder: "virksomhet", bruttoLonn: 1e6, agaGrunnlag: 1e6, sone: "I", ekstraAgaGrunnlag: 10000 });
    expect(kroner(ok(buildLonnsbilag([v], { dato: "2024-10-25" })).ekstraAga)).toBe(500);
    expect(msg(buildLonnsbilag([{ ...v, ekstraAgaGrunnlag: undefined }], { dato: "2024-10-25" }))).toMatch(/Virksomhet «Etaten» \(rad 1\)/);
  });
});

describe("refusals name the employee and the row or cell; nothing is produced", () => {
  test("negative net pay", () => {
    const r = buildLonnsbilag(rows(
      { navn: "Kari", bruttoLonn: 1000, agaGrunnlag: 1000, sone: "I" },
      { navn: "Ola", bruttoLonn: 1000, forskuddstrekk: 800, fagforeningstrekk: 300, agaGrunnlag: 1000, sone: "I" },
    ), { dato: "2025-01-31" });
    expect(msg(r)).toBe("Ansatt «Ola» (rad 2): trekkene (1 100,00 kr) er større enn brutto lønn (1 000,00 kr); negativ nettolønn bokføres ikke.");
  });

  test("a deduction larger than gross, a negative amount, an unknown zone, no AGA basis, bad dates", () => {
    const m = msg(buildLonnsbilag(rows(
      { navn: "A", bruttoLonn: 100, forsikringstrekk: -1, agaGrunnlag: 100, sone: "I" },
      { navn: "B", bruttoLonn: 100, forskuddstrekk: 120, agaGrunnlag: 100, sone: "I" },
      { navn: "C", bruttoLonn: 100, agaGrunnlag: 100, sone: "VII" },
      { navn: "D", bruttoLonn: 100, sone: "I" },
      { navn: "E", bruttoLonn: 100, agaGrunnlag: 100 },
    ), { dato: "2025-01-31" }));
    expect(m.split("\n")).toEqual([
      "Ansatt «A» (rad 1): negativt beløp for forsikringstrekk (-1,00 kr); beløpene i lønnsjournalen er positive.",
      "Ansatt «B» (rad 2): forskuddstrekk (120,00 kr) er større enn brutto lønn (100,00 kr).",
      expect.stringMatching(/^Ansatt «C» \(rad 3\): «VII» er verken en sone/),
      "Ansatt «D» (rad 4): mangler AGA-grunnlag (skriv 0 når lønnen ikke utløser arbeidsgiveravgift).",
      "Ansatt «E» (rad 5): mangler sone eller kommunenummer; AGA-grunnlaget må ha en sone.",
    ]);
    expect(msg(buildLonnsbilag(rows({ navn: "A", bruttoLonn: 1, agaGrunnlag: 1, sone: "I" }), { dato: "2025-02-30" }))).toMatch(/ikke en dato/);
    expect(msg(buildLonnsbilag([], { dato: "2025-01-31" }))).toMatch(/ingen rader/);
  });

  test("a reader's places go with the problem: the cell of the field, else the row", () => {
    const r = buildLonnsbilag([
      { ...row({ navn: "Ola", bruttoLonn: 1000, forskuddstrekk: 1200, agaGrunnlag: 1000, sone: "Atlantis" }),
        place: { sheet: "lonn.csv", row: 3 },
        cells: { forskuddstrekk: { sheet: "lonn.csv", cell: "D3", row: 3 }, sone: { sheet: "lonn.csv", cell: "G3", row: 3 } } },
      { ...row({ navn: "Kari", bruttoLonn: 1000, forskuddstrekk: 800, fagforeningstrekk: 300, agaGrunnlag: 1000, sone: "I" }), place: { path: "rader[1]" } },
    ], { dato: "2025-01-31" });
    const list = (r as Problems).list.map(formatProblem);
    expect(list[0]).toBe("lonn.csv!D3: Ansatt «Ola»: forskuddstrekk (1 200,00 kr) er større enn brutto lønn (1 000,00 kr).");
    expect(list[1]).toMatch(/^lonn\.csv!G3: Ansatt «Ola»: «Atlantis»/);
    expect(list[2]).toBe("rader[1] Ansatt «Kari»: trekkene (1 100,00 kr) er større enn brutto lønn (1 000,00 kr); negativ nettolønn bokføres ikke.");
  });
});
