import fc from "fast-check";
import { asOre, kroner } from "../../../src/core/money/ore";
import { isProblems, Problems } from "../../../src/core/problem/problem";
import { checkDigit, isValidOrgnr } from "../../../src/core/rules/orgnr";
import { buildAmeldingFordeling, checkVirksomheter, splitChange, Virksomhet } from "../../../src/core/spk/amelding";
import { VirksomhetGrunnlag } from "../../../src/core/spk/types";
import { avstemming, oppsett, ore, terminResult } from "../../support/fixtures";
import { ok } from "../../support/checked";

// Valid by mod 11 (hand-checked): 974760673 (Brønnøysundregistrene), 123456785, 987654325.
const VIRKSOMHETER: VirksomhetGrunnlag[] = [
  { virksomhetsnummer: "974760673", navn: "Oslo", sone: "I", grunnlag: ore(1_000_000) },
  { virksomhetsnummer: "123 456 785", navn: "Trysil", sone: "3", grunnlag: ore(1_000_000) },
  { virksomhetsnummer: "987654325", navn: "Alta", sone: "5601", grunnlag: ore(1_000_000) },
];

describe("organisasjonsnummer, modulus 11", () => {
  test("known numbers", () => {
    // 9·3+7·2+4·7+7·6+6·5+0·4+6·3+7·2 = 173; 173 mod 11 = 8; 11 − 8 = 3
    expect(checkDigit("97476067")).toBe(3);
    expect(isValidOrgnr("974760673")).toBe(true);
    expect(isValidOrgnr(974760673)).toBe(true);
    expect(isValidOrgnr("974760674")).toBe(false);
    expect(isValidOrgnr("97476067")).toBe(false);
  });
  test("remainder 1 gives check digit 10: no valid number", () => {
    // 1·3 + 4·2 = 11 → remainder 0 → check 0; 5·2 = 10 → remainder 10 → check 1
    expect(checkDigit("10000004")).toBe(0);
    expect(checkDigit("00000005")).toBe(1);
    // 6·2 = 12 → remainder 1 → 10: impossible
    expect(checkDigit("00000006")).toBeUndefined();
  });
});

describe("A-melding split, terminvis", () => {
  // T1: R = 1 234,57 split 1:1:1 → 123 457 øre / 3 = 41 152,33 → 41 153 / 41 152 / 41 152 (the tie goes to the first)
  //   zone I 14,1 %: 411,53 × 0,141 = 58,02573 → 58,03
  //   zone III 6,4 %: 411,52 × 0,064 = 26,33728 → 26,34
  //   zone V (Alta 5601) 0 %: 0
  //   Σ AGA = 84,37; the voucher's T at S = 6,83 %: 1 234,57 × 0,0683 = 84,321131 → 84,32; residual 0,05
  const o = oppsett({ agaSats: 0.0683 });
  const a = avstemming(o, [terminResult(1, { R: 1234.57, T: 84.32, S: 0.0683 }), terminResult(2), terminResult(3, { R: -300, T: -20.49, S: 0.0683 })]);
  const split = ok(buildAmeldingFordeling(a, VIRKSOMHETER));

  test("one split per termin with R ≠ 0, in the voucher's month", () => {
    expect(split.map((s) => [s.bilagId, s.termin, s.periode, kroner(s.differanse)])).toEqual([
      ["SPK-2024-T1", 1, "202402", 1234.57],
      ["SPK-2024-T3", 3, "202406", -300],
    ]);
  });

  test("rows: number, name, zone, change in basis, rate and AGA per zone", () => {
    expect(split[0].rader.map((r) => [r.virksomhetsnummer, r.navn, r.sone, r.soneKode, kroner(r.grunnlagLonn), kroner(r.endringGrunnlag), r.sats, kroner(r.aga)])).toEqual([
      ["974760673", "Oslo", "I", "1", 1_000_000, 411.53, 0.141, 58.03],
      ["123456785", "Trysil", "III", "3", 1_000_000, 411.52, 0.064, 26.34],
      ["987654325", "Alta", "V", "5", 1_000_000, 411.52, 0, 0],
    ]);
  });

  test("totals: the changes sum exactly to R; the AGA residual against T is shown", () => {
    expect([split[0].sumEndring, split[0].sumAga, split[0].beregnetAga, split[0].avvik].map(kroner)).toEqual([1234.57, 84.37, 84.32, 0.05]);
  });

  test("a negative difference is split as its mirror", () => {
    // −300 by 1:1:1 → −100 each; AGA −14,10, −6,40, 0 → −20,50; T = −20,49 → residual −0,01
    expect(split[1].rader.map((r) => [kroner(r.endringGrunnlag), kroner(r.aga)])).toEqual([[-100, -14.1], [-100, -6.4], [-100, 0]]);
    expect([split[1].sumEndring, split[1].sumAga, split[1].avvik].map(kroner)).toEqual([-300, -20.5, -0.01]);
  });
});

describe("A-melding split, årsslutt", () => {
  test("one split of ΣR for December, against round(ΣR × S, 2)", () => {
    // ΣR = 700 + 300 = 1 000; S = 13,87 % → 138,70. Weights 3:1 → 750 / 250; AGA 105,75 (I) and 0 (V).
    const o = oppsett({ modus: "arsslutt" });
    const a = avstemming(o, [terminResult(1, { R: 700, T: 97.09 }), terminResult(6, { R: 300, T: 41.61 })]);
    const v = [VIRKSOMHETER[0], { ...VIRKSOMHETER[2], grunnlag: ore(1) }, { ...VIRKSOMHETER[1], grunnlag: ore(0) }];
    v[0] = { ...v[0], grunnlag: ore(3) };
    const [s] = ok(buildAmeldingFordeling(a, v));
    expect([s.bilagId, s.termin, s.periode]).toEqual(["SPK-2024-AAR", null, "202412"]);
    expect(s.rader.map((r) => [r.virksomhetsnummer, kroner(r.endringGrunnlag), kroner(r.aga)])).toEqual([
      ["974760673", 750, 105.75],
      ["987654325", 250, 0],
      ["123456785", 0, 0],
    ]);
    expect([s.sumEndring, s.sumAga, s.beregnetAga, s.avvik].map(kroner)).toEqual([1000, 105.75, 138.7, -32.95]);
  });

  test("no difference, nothing to report", () => {
    expect(ok(buildAmeldingFordeling(avstemming(oppsett({ modus: "arsslutt" }), [terminResult(1)]), VIRKSOMHETER))).toEqual([]);
  });
});

describe("validation names the row", () => {
  const msg = (v: VirksomhetGrunnlag[], aar = 2024) => (checkVirksomheter(v, aar) as Problems).message;

  test("a wrong check digit", () => {
    expect(msg([VIRKSOMHETER[0], { ...VIRKSOMHETER[1], virksomhetsnummer: "974760674" }]))
      .toBe("Virksomhet rad 2: virksomhetsnummeret 974760674 har feil kontrollsiffer (modulus 11).");
  });
  test("not nine digits, duplicates, negative basis, unknown zone: all reported at once", () => {
    const m = msg([
      { virksomhetsnummer: "12345", sone: "I", grunnlag: ore(1) },
      { virksomhetsnummer: "974760673", sone: "VI", grunnlag: ore(1) },
      { virksomhetsnummer: "974760673", sone: "I", grunnlag: ore(-5) },
    ]);
    expect(m).toMatch(/Virksomhet rad 1: virksomhetsnummeret «12345» må ha ni sifre\./);
    expect(m).toMatch(/Virksomhet rad 2: «VI» er verken en sone/);
    expect(m).toMatch(/Virksomhet rad 3: virksomhetsnummeret 974760673 står også på rad 2\./);
    expect(m).toMatch(/Virksomhet rad 3: grunnlaget kan ikke være negativt\./);
  });
  test("a kommune with several zones, and kommunenummer before the 2022 zones, must be given as a zone", () => {
    expect(msg([{ virksomhetsnummer: "974760673", sone: "1506", grunnlag: ore(1) }])).toMatch(/Virksomhet rad 1: Molde \(1506\) har flere soner/);
    expect(msg([{ virksomhetsnummer: "974760673", sone: "0301", grunnlag: ore(1) }], 2021)).toMatch(/Virksomhet rad 1: Kommunetabellen gjelder/);
  });
  test("the total basis must be positive; there must be a row", () => {
    expect(msg([{ virksomhetsnummer: "974760673", sone: "I", grunnlag: ore(0) }])).toMatch(/Summen av virksomhetenes grunnlag er 0/);
    expect(msg([])).toMatch(/ingen virksomheter/);
  });
  test("the split as a whole refuses bad rows before splitting anything", () => {
    const a = avstemming(oppsett(), [terminResult(1, { R: 10, T: 1.39 })]);
    expect(isProblems(buildAmeldingFordeling(a, [{ virksomhetsnummer: "1", sone: "I", grunnlag: ore(1) }]))).toBe(true);
  });
});

describe("property", () => {
  test("any difference, any non-negative bases: the changes sum exactly; each AGA is the zone rate on its own part", () => {
    const zones = ["I", "Ia", "II", "III", "IV", "IVa", "V"];
    fc.assert(fc.property(
      fc.integer({ min: -1e10, max: 1e10 }),
      fc.array(fc.tuple(fc.integer({ min: 0, max: 1e9 }), fc.constantFrom(...zones)), { minLength: 1, maxLength: 8 })
        .filter((rows) => rows.some(([g]) => g > 0)),
      (ore, rows) => {
        // Distinct valid numbers: 8 leading digits from the row index, check digit computed.
        const nums: string[] = [];
        for (let k = 10000000; nums.length < rows.length; k++) {
          const d = checkDigit(String(k));
          if (d !== undefined) nums.push(`${k}${d}`);
        }
        const v = ok(checkVirksomheter(rows.map(([g, sone], i) => ({ virksomhetsnummer: nums[i], sone, grunnlag: asOre(g) })), 2024)) as Virksomhet[];
        const rader = splitChange(asOre(ore), v);
        expect(rader.reduce((a, r) => a + r.endringGrunnlag, 0)).toBe(ore);
        for (const r of rader) {
          // Independent check in integers: the zone rates have three decimals, so AGA in øre is
          // part × (rate·1000) / 1000, rounded half away from zero.
          const part = r.endringGrunnlag;
          const milli = part * Math.round(r.sats * 1000);
          const expected = Math.sign(milli) * Math.floor((Math.abs(milli) + 500) / 1000) + 0;
          expect(r.aga + 0).toBe(expected);
          if (r.sone === "V") expect(r.aga).toBe(0);
        }
      },
    ), { numRuns: 200 });
  });
});
