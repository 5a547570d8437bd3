import fc from "fast-check";
import { RuleError } from "../../../src/core/errors";
import { percentText } from "../../../src/core/money/format";
import { kroner, oreFromKroner } from "../../../src/core/money/ore";
import { isProblems, Problems } from "../../../src/core/problem/problem";
import { buildAgaAdjustmentBilag, buildAarsBilag, buildKorreksjonsbilag, buildTerminBilag } from "../../../src/core/spk/bilag";
import { Bilag } from "../../../src/core/spk/types";
import { balanceProblem } from "../../../src/core/voucher/balance";
import { terminEnd } from "../../../src/core/voucher/dates";
import { avstemming, kontoBelop, linesSum, oppsett, ore, terminResult } from "../../support/fixtures";
import { ok } from "../../support/checked";

describe("brutto, terminvis (DESIGN.md §3.2)", () => {
  // T1: R = 12 345,67; T = round(12 345,67 × 0,1387, 2) = round(1 712,344429) = 1 712,34
  // T2: R = 0 → no voucher
  // T3: R = −2 500,50; T = round(−346,81935) = −346,82
  const o = oppsett();
  const terminer = [terminResult(1, { R: 12345.67, T: 1712.34 }), terminResult(2), terminResult(3, { R: -2500.5, T: -346.82 })];
  const bilag = ok(buildKorreksjonsbilag(avstemming(o, terminer)));

  test("one voucher per termin with R ≠ 0, with stable ids, dates and periods", () => {
    expect(bilag.map((b) => [b.id, b.termin, b.dato, b.periode])).toEqual([
      ["SPK-2024-T1", 1, "2024-02-29", "202402"],
      ["SPK-2024-T3", 3, "2024-06-30", "202406"],
    ]);
  });

  test("T1: 5420 +R, 2820 −R, 5401 +T, 1986 −T", () => {
    expect(kontoBelop(bilag[0].linjer)).toEqual([
      ["5420", 12345.67],
      ["2820", -12345.67],
      ["5401", 1712.34],
      ["1986", -1712.34],
    ]);
    expect(bilag[0].linjer.map((l) => l.linje)).toEqual([1, 2, 3, 4]);
    expect(bilag[0].linjer.every((l) => l.termin === 1)).toBe(true);
  });

  test("a negative difference reverses every line", () => {
    expect(kontoBelop(bilag[1].linjer)).toEqual([
      ["5420", -2500.5],
      ["2820", 2500.5],
      ["5401", -346.82],
      ["1986", 346.82],
    ]);
  });

  test("every voucher sums to exactly 0 øre", () => {
    for (const b of bilag) expect(linesSum(b.linjer)).toBe(0);
  });

  test("texts name termin, year and what the line is", () => {
    expect(bilag[0].linjer.map((l) => l.tekst)).toEqual([
      "SPK-premie T1 2024: resultatføring differanse",
      "SPK-premie T1 2024: nullstilling 2820",
      "SPK-premie T1 2024: beregnet AGA (snittsats 13,87 %)",
      "SPK-premie T1 2024: motpost AGA 1986",
    ]);
    expect(bilag[0].tekst).toBe("Korreksjonsbilag SPK-premie T1 2024 (bruttobudsjettert, terminvis)");
  });

  test("brutto ignores O and P (they are flags there, not postings)", () => {
    const b = ok(buildTerminBilag(o, terminResult(2, { R: 100, O: 5, P: -5, T: 13.87 })))!;
    expect(kontoBelop(b.linjer)).toEqual([["5420", 100], ["2820", -100], ["5401", 13.87], ["1986", -13.87]]);
  });
});

describe("netto, årsslutt", () => {
  // ΣO = 6 000,00 + 2 000,00 = 8 000,00; ΣP = 1 000,25 + 0 = 1 000,25; ΣR = 9 000,25
  // AGA = round(9 000,25 × 0,1387, 2) = round(1 248,334675) = 1 248,33
  const o = oppsett({ budsjettering: "netto", modus: "arsslutt" });
  const terminer = [
    terminResult(1, { O: 6000, P: 1000.25, R: 7000.25, T: 970.93 }),
    terminResult(4, { O: 2000, P: 0, R: 2000, T: 277.4 }),
  ];
  const bilag = ok(buildKorreksjonsbilag(avstemming(o, terminer)));

  test("one voucher for the year, 31.12, period 202412", () => {
    expect(bilag).toHaveLength(1);
    expect([bilag[0].id, bilag[0].termin, bilag[0].dato, bilag[0].periode]).toEqual(["SPK-2024-AAR", null, "2024-12-31", "202412"]);
  });

  test("5420 +ΣR, 2961 −ΣO, 2630 −ΣP, 5401 +round(ΣR × S), 2771 −AGA", () => {
    expect(kontoBelop(bilag[0].linjer)).toEqual([
      ["5420", 9000.25],
      ["2961", -8000],
      ["2630", -1000.25],
      ["5401", 1248.33],
      ["2771", -1248.33],
    ]);
    expect(linesSum(bilag[0].linjer)).toBe(0);
  });

  test("the year's AGA is round(ΣR × S), not ΣT (970,93 + 277,40 = 1 248,33 here by chance; check a case where they differ)", () => {
    // R = 0,05 in each of two termins at 10 %: T = round(0,005) = 0,01 each, ΣT = 0,02; round(0,10 × 0,1) = 0,01.
    const ts = [terminResult(1, { R: 0.05, O: 0.05, T: 0.01, S: 0.1 }), terminResult(2, { R: 0.05, O: 0.05, T: 0.01, S: 0.1 })];
    const b = ok(buildAarsBilag(avstemming(oppsett({ budsjettering: "netto", modus: "arsslutt", agaSats: 0.1 }), ts)))!;
    expect(kontoBelop(b.linjer)).toEqual([["5420", 0.1], ["2961", -0.1], ["5401", 0.01], ["2771", -0.01]]);
  });

  test("the model's aarsAga is what the year voucher posts (no second computation)", () => {
    const b = ok(buildAarsBilag(avstemming(o, terminer, { aarsAga: ore(1248.34) })))!;
    expect(kontoBelop(b.linjer).slice(3)).toEqual([["5401", 1248.34], ["2771", -1248.34]]);
  });

  test("texts say the year and årsslutt", () => {
    expect(bilag[0].linjer.map((l) => l.tekst)).toEqual([
      "SPK-premie 2024 (årsslutt): resultatføring differanse",
      "SPK-premie 2024 (årsslutt): avregning arbeidsgiverandel 2961",
      "SPK-premie 2024 (årsslutt): avregning medlemsandel 2630",
      "SPK-premie 2024 (årsslutt): beregnet AGA (snittsats 13,87 %)",
      "SPK-premie 2024 (årsslutt): motpost AGA 2771",
    ]);
  });

  test("zero lines are left out (ΣP = 0 → no 2630 line)", () => {
    const ts = [terminResult(1, { O: 500, P: 0, R: 500, T: 69.35 })];
    const b = ok(buildAarsBilag(avstemming(o, ts)))!;
    expect(kontoBelop(b.linjer)).toEqual([["5420", 500], ["2961", -500], ["5401", 69.35], ["2771", -69.35]]);
    expect(b.linjer.map((l) => l.linje)).toEqual([1, 2, 3, 4]);
  });

  test("a tiny difference whose AGA rounds to 0 keeps only the difference lines", () => {
    // 0,03 × 0,1387 = 0,004161 → 0,00
    const b = ok(buildAarsBilag(avstemming(o, [terminResult(1, { O: 0.03, R: 0.03 })])))!;
    expect(kontoBelop(b.linjer)).toEqual([["5420", 0.03], ["2961", -0.03]]);
  });

  test("nothing to post: no voucher", () => {
    expect(ok(buildKorreksjonsbilag(avstemming(o, [terminResult(1), terminResult(2)])))).toEqual([]);
  });

  test("netto terminvis: R = 0 but O = −P still moves the amount between 2961 and 2630", () => {
    const b = ok(buildTerminBilag(oppsett({ budsjettering: "netto" }), terminResult(5, { O: 120, P: -120, R: 0, T: 0 })))!;
    expect(b.id).toBe("SPK-2024-T5");
    expect([b.dato, b.periode]).toEqual(["2024-10-31", "202410"]);
    expect(kontoBelop(b.linjer)).toEqual([["2961", -120], ["2630", 120]]);
  });
});

describe("refusals", () => {
  test("netto figures where R ≠ O + P would unbalance the voucher: refused, nothing produced", () => {
    const r = buildTerminBilag(oppsett({ budsjettering: "netto" }), terminResult(2, { O: 100, P: 50, R: 149.99, T: 20.8 }));
    expect(isProblems(r)).toBe(true);
    expect((r as Problems).message).toMatch(/SPK-2024-T2 går ikke i null: summen av linjene er -0,01 kr/);
  });
  test("fractions of an øre are refused, not rounded away", () => {
    // The model is whole øre (TerminResult.R is an Ore), so a figure of 100,005 kr is refused where
    // kroner become øre, before any voucher: oreFromKroner, used by every reader and the scenario.
    const r = oreFromKroner(100.005, "Termin 1: R");
    expect((r as RuleError).message).toMatch(/Termin 1: R \(100.005\) har brøkdeler av øre/);
  });
  test("a missing account is named", () => {
    const o = oppsett({ kontoer: { ...oppsett().kontoer, agaMotkontoBrutto: " " } });
    expect((buildTerminBilag(o, terminResult(1, { R: 1, T: 0.14 })) as Problems).message).toMatch(/motpost AGA \(brutto\)/);
  });
  test("balanceProblem names the voucher", () => {
    const b: Bilag = {
      id: "X-1", termin: null, tekst: "", dato: "2024-12-31", periode: "202412",
      linjer: [{ termin: null, linje: 1, konto: "1", belop: ore(1), tekst: "", dimensjoner: {} }],
    };
    expect(balanceProblem(b)?.message).toBe("Bilag X-1 går ikke i null: summen av linjene er 1,00 kr.");
  });
});

describe("accounts and dimensions from the oppsett", () => {
  test("accounts can be changed per workbook", () => {
    const o = oppsett({ kontoer: { ...oppsett().kontoer, differanse: "5421", fakturadifferanse: "2821", agaMotkontoBrutto: "1987" } });
    const b = ok(buildTerminBilag(o, terminResult(1, { R: 10, T: 1.39 })))!;
    expect(kontoBelop(b.linjer)).toEqual([["5421", 10], ["2821", -10], ["5401", 1.39], ["1987", -1.39]]);
    expect(b.linjer[1].tekst).toBe("SPK-premie T1 2024: nullstilling 2821");
  });

  test("single values go on every line", () => {
    const o = oppsett({ dimensjoner: [{ nummer: 1, navn: "Koststed", verdi: "10001" }, { nummer: 4, navn: "Prosjekt", verdi: "000000" }] });
    const b = ok(buildTerminBilag(o, terminResult(1, { R: 10, T: 1.39 })))!;
    for (const l of b.linjer) expect(l.dimensjoner).toEqual({ 1: "10001", 4: "000000" });
  });

  test("cost lines spread by weight (FORDEL rule); balance lines get the single value or none", () => {
    // R = 100,00 by 1:2 → 3 333,33 / 6 666,67 øre → 33,33 / 66,67 (the extra øre to the larger remainder)
    // T = 13,87 by 1:2 → 462,33 / 924,67 øre → 4,62 / 9,25
    const o = oppsett({
      dimensjoner: [
        { nummer: 1, navn: "Koststed", verdi: "10000", fordeling: [{ verdi: "10100", vekt: 1 }, { verdi: "10200", vekt: 2 }] },
        { nummer: 2, navn: "Prosjekt", fordeling: undefined },
        { nummer: 3, navn: "Kapittel", verdi: "0001" },
      ],
    });
    const b = ok(buildTerminBilag(o, terminResult(1, { R: 100, T: 13.87 })))!;
    expect(b.linjer.map((l) => [l.linje, l.konto, kroner(l.belop), l.dimensjoner])).toEqual([
      [1, "5420", 33.33, { 1: "10100", 3: "0001" }],
      [2, "5420", 66.67, { 1: "10200", 3: "0001" }],
      [3, "2820", -100, { 1: "10000", 3: "0001" }],
      [4, "5401", 4.62, { 1: "10100", 3: "0001" }],
      [5, "5401", 9.25, { 1: "10200", 3: "0001" }],
      [6, "1986", -13.87, { 1: "10000", 3: "0001" }],
    ]);
    expect(linesSum(b.linjer)).toBe(0);
  });

  test("a spread dimension without a single value leaves balance lines without it; zero parts are dropped", () => {
    const o = oppsett({ dimensjoner: [{ nummer: 2, navn: "Koststed", fordeling: [{ verdi: "A", vekt: 0 }, { verdi: "B", vekt: 3 }] }] });
    const b = ok(buildTerminBilag(o, terminResult(1, { R: -50, T: -6.94 })))!;
    expect(b.linjer.map((l) => [l.konto, kroner(l.belop), l.dimensjoner])).toEqual([
      ["5420", -50, { 2: "B" }],
      ["2820", 50, {}],
      ["5401", -6.94, { 2: "B" }],
      ["1986", 6.94, {}],
    ]);
  });

  test("bad dimension settings are refused with a message naming the dimension", () => {
    const bad = (dims: Parameters<typeof oppsett>[0]) => (buildTerminBilag(oppsett(dims), terminResult(1, { R: 1, T: 0.14 })) as Problems).message;
    expect(bad({ dimensjoner: [{ nummer: 8, navn: "X", verdi: "1" }] })).toMatch(/dimensjon 1 \(«X»\): nummeret må være 1–7/);
    expect(bad({ dimensjoner: [{ nummer: 1, navn: "A", verdi: "1" }, { nummer: 1, navn: "B", verdi: "2" }] })).toMatch(/dim_1 er oppgitt mer enn én gang/);
    expect(bad({ dimensjoner: [{ nummer: 1, navn: "K", fordeling: [{ verdi: "a", vekt: 0 }] }] })).toMatch(/minst én vekt/);
    expect(bad({ dimensjoner: [{ nummer: 1, navn: "K", fordeling: [{ verdi: "a", vekt: -1 }, { verdi: "b", vekt: 1 }] }] })).toMatch(/negativ/);
    expect(bad({
      dimensjoner: [
        { nummer: 1, navn: "K", fordeling: [{ verdi: "a", vekt: 1 }] },
        { nummer: 2, navn: "P", fordeling: [{ verdi: "b", vekt: 1 }] },
      ],
    })).toMatch(/bare én dimensjon kan fordeles/);
  });

  test("property: any weights, any amount → the cost parts sum exactly to the line and the voucher to 0", () => {
    fc.assert(fc.property(
      fc.integer({ min: -1e11, max: 1e11 }).filter((x) => x !== 0),
      fc.array(fc.oneof(fc.integer({ min: 0, max: 1e9 }), fc.double({ min: 0, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 12 })
        .filter((w) => w.some((x) => x > 0)),
      (ore, weights) => {
        const R = ore / 100;
        const tOre = Math.round(ore * 0.1387) + 0; // any whole-øre T will do here
        const T = tOre / 100;
        const o = oppsett({ dimensjoner: [{ nummer: 1, navn: "K", fordeling: weights.map((vekt, i) => ({ verdi: `K${i}`, vekt })) }] });
        const b = ok(buildTerminBilag(o, terminResult(1, { R, T })))!;
        expect(linesSum(b.linjer.filter((l) => l.konto === "5420"))).toBe(ore);
        expect(linesSum(b.linjer.filter((l) => l.konto === "5401"))).toBe(tOre);
        expect(linesSum(b.linjer)).toBe(0);
        expect(b.linjer.every((l) => l.belop !== 0)).toBe(true);
      },
    ), { numRuns: 300 });
  });
});

describe("year-end AGA adjustment", () => {
  // ΣR = 9 000,25; ΣT = 1 248,33 at 13,87 %; new rate 14,02 %: round(9 000,25 × 0,1402) = round(1 261,83505) = 1 261,84
  // adj = 1 261,84 − 1 248,33 = 13,51
  const j = { nySats: 0.1402, sumR: ore(9000.25), sumT: ore(1248.33), nyAga: ore(1261.84), justering: ore(13.51) };

  test("brutto: 5401 +adj / 1986 −adj, dated 31.12, text says old and new rate", () => {
    const b = ok(buildAgaAdjustmentBilag(oppsett(), j))!;
    expect([b.id, b.dato, b.periode, b.termin]).toEqual(["SPK-2024-AGAJUST", "2024-12-31", "202412", null]);
    expect(kontoBelop(b.linjer)).toEqual([["5401", 13.51], ["1986", -13.51]]);
    expect(b.linjer[0].tekst).toBe("SPK-premie 2024: justering beregnet AGA, snittsats fra 13,87 % til 14,02 %");
  });

  test("netto: the counter account is 2771; a lower rate gives a negative adjustment", () => {
    const b = ok(buildAgaAdjustmentBilag(oppsett({ budsjettering: "netto" }), { ...j, justering: ore(-4.2) }))!;
    expect(kontoBelop(b.linjer)).toEqual([["5401", -4.2], ["2771", 4.2]]);
  });

  test("zero adjustment: no voucher; part of the full list when the model proposes one", () => {
    expect(ok(buildAgaAdjustmentBilag(oppsett(), { ...j, justering: ore(0) }))).toBeUndefined();
    const all = ok(buildKorreksjonsbilag(avstemming(oppsett(), [terminResult(1, { R: 10, T: 1.39 })], { agaJustering: j })));
    expect(all.map((b) => b.id)).toEqual(["SPK-2024-T1", "SPK-2024-AGAJUST"]);
  });
});

describe("formatting", () => {
  test("rates as typed, decimal comma", () => {
    expect(percentText(0.1387)).toBe("13,87 %");
    expect(percentText(0.14)).toBe("14 %");
    expect(percentText(0.13875)).toBe("13,875 %");
  });
  test("termin end dates (leap year and not)", () => {
    expect(terminEnd(2023, 1)).toEqual({ dato: "2023-02-28", periode: "202302" });
    expect(terminEnd(2024, 6)).toEqual({ dato: "2024-12-31", periode: "202412" });
  });
});
