/** The model's `reconcile` feeding the vouchers: the figures agree end to end. */
import { kroner } from "../../../src/core/money/ore";
import { buildAmeldingFordeling } from "../../../src/core/spk/amelding";
import { buildKorreksjonsbilag } from "../../../src/core/spk/bilag";
import { reconcile } from "../../../src/core/spk/reconcile";
import { kontoBelop, linesSum, oppsett, ore, terminInput as input } from "../../support/fixtures";
import { ok } from "../../support/checked";

test("brutto terminvis: R = M (the 2820 remainder) and T = round(R × S, 2) reach the voucher unchanged", () => {
  const o = oppsett();
  const a = ok(reconcile(o, [
    input(1, { sapArbeidsgiverandel: 100000, sapMedlemsinnskudd: 20000, unit4Pensjonsutgift: 100000, unit4AvsetningArbeidsgiverandel: 100000,
      unit4Medlemsinnskudd: 20000, fakturaArbeidsgiverandel: 100000, fakturaDifferanse: 12345.67, fakturaMedlemsinnskudd: 20000 }),
  ]));
  const [b] = ok(buildKorreksjonsbilag(a));
  // 12 345,67 × 13,87 % = 1 712,344429 → 1 712,34
  expect(kontoBelop(b.linjer)).toEqual([["5420", 12345.67], ["2820", -12345.67], ["5401", 1712.34], ["1986", -1712.34]]);
});

test("netto årsslutt with the year-end adjustment: ΣO, ΣP, the year's AGA and the adjustment from the model", () => {
  const o = oppsett({ budsjettering: "netto", modus: "arsslutt" });
  const a = ok(reconcile(o, [
    // O = 56 000 − 50 000 = 6 000; P = 11 000,25 − 10 000 = 1 000,25; Q = R = 7 000,25
    input(1, { sapArbeidsgiverandel: 50000, sapMedlemsinnskudd: 10000, unit4Pensjonsutgift: 50000, unit4AvsetningArbeidsgiverandel: 50000,
      unit4Medlemsinnskudd: 10000, fakturaArbeidsgiverandel: 56000, fakturaMedlemsinnskudd: 11000.25 }),
    // O = 2 000; P = 0; R = 2 000
    input(4, { sapArbeidsgiverandel: 40000, sapMedlemsinnskudd: 8000, unit4Pensjonsutgift: 40000, unit4AvsetningArbeidsgiverandel: 40000,
      unit4Medlemsinnskudd: 8000, fakturaArbeidsgiverandel: 42000, fakturaMedlemsinnskudd: 8000 }),
  ], { oppdatertAgaSats: 0.1402 }));
  const bilag = ok(buildKorreksjonsbilag(a));
  expect(bilag.map((b) => b.id)).toEqual(["SPK-2024-AAR", "SPK-2024-AGAJUST"]);
  // ΣR = 9 000,25; round(9 000,25 × 13,87 %) = round(1 248,334675) = 1 248,33
  expect(kontoBelop(bilag[0].linjer)).toEqual([["5420", 9000.25], ["2961", -8000], ["2630", -1000.25], ["5401", 1248.33], ["2771", -1248.33]]);
  // round(9 000,25 × 14,02 %) = round(1 261,83505) = 1 261,84; − 1 248,33 = 13,51
  expect(kontoBelop(bilag[1].linjer)).toEqual([["5401", 13.51], ["2771", -13.51]]);
  for (const b of bilag) expect(linesSum(b.linjer)).toBe(0);

  const [split] = ok(buildAmeldingFordeling(a, [
    { virksomhetsnummer: "974760673", sone: "I", grunnlag: ore(1) },
    { virksomhetsnummer: "987654325", sone: "V", grunnlag: ore(1) },
  ]));
  // 9 000,25 / 2 → 4 500,13 / 4 500,12; AGA 4 500,13 × 14,1 % = 634,51833 → 634,52; zone V 0
  expect(split.rader.map((r) => [kroner(r.endringGrunnlag), kroner(r.aga)])).toEqual([[4500.13, 634.52], [4500.12, 0]]);
  expect([kroner(split.beregnetAga), kroner(split.avvik)]).toEqual([1248.33, -613.81]);
});
