import { RuleError } from "../../../src/core/errors";
import { kroner, Ore, oreFromKroner } from "../../../src/core/money/ore";
import { isProblems, Problems } from "../../../src/core/problem/problem";
import { reconcile } from "../../../src/core/spk/reconcile";
import { Avstemming, Oppsett, TerminInput } from "../../../src/core/spk/types";
import { inKroner, oppsett as fixtureOppsett, ore, terminInput as t } from "../../support/fixtures";

/**
 * Every expected figure below is worked out by hand from DESIGN.md §3.1
 * (G = B − D, H = B − E, I = C − F, O = L − B, P = N − C, Q = (L+M+N) − (B+C), R = M brutto / Q netto,
 * T = round(R × S, 2) half away from zero), never by calling the code. Inputs and expected figures
 * are written in kroner; the model holds øre.
 */

const oppsett = (o: Partial<Oppsett> = {}): Oppsett => fixtureOppsett({ orgnr: undefined, bilagsart: "", firma: "", ...o });

function ok(r: ReturnType<typeof reconcile>): Avstemming {
  if (isProblems(r)) throw new Error(r.message);
  return r;
}

const figures = (a: Avstemming) => a.terminer.map(({ termin, G, H, I, O, P, Q, R, S, T }) => inKroner({ termin, G, H, I, O, P, Q, R, S, T }, "termin", "S"));
const kinds = (a: Avstemming, termin: number) => a.terminer[termin - 1].flags.map((f) => f.kind).sort();

// Brutto, S = 13,87 %.
const BRUTTO: TerminInput[] = [
  t(1, [100000, 20000, 100000, 100000, 20000, 100000, 1500.5, 20000]),
  t(2, [98765.43, 19753.09, 98760.43, 98765.43, 19753.09, 98765.43, -250.75, 19753.09]),
  t(3, [50000, 10000, 50000, 50000, 10000, 50010, 3000, 10000]),
  t(4, [10000, 2000, 9999, 9998.99, 2000, 10000, 600, 2000], { forklaring: "Lønnsoppgjør etterbetalt" }),
  t(5, [10000, 2000, 9999, 10000, 2001.01, 10000, 600.01, 2000]),
  t(6, [0, 0, 0, 0, 0, 0, -50, 0]),
];

describe("reconcile, brutto", () => {
  const a = ok(reconcile(oppsett(), BRUTTO));

  test("G…T per termin", () => {
    expect(figures(a)).toEqual([
      // 1500,50 × 0,1387 = 208,11935 → 208,12
      { termin: 1, G: 0, H: 0, I: 0, O: 0, P: 0, Q: 1500.5, R: 1500.5, S: 0.1387, T: 208.12 },
      // −250,75 × 0,1387 = −34,779025 → −34,78
      { termin: 2, G: 5, H: 0, I: 0, O: 0, P: 0, Q: -250.75, R: -250.75, S: 0.1387, T: -34.78 },
      // Q = (50 010 + 3 000 + 10 000) − 60 000 = 3 010; R = M = 3 000; T = 416,10
      { termin: 3, G: 0, H: 0, I: 0, O: 10, P: 0, Q: 3010, R: 3000, S: 0.1387, T: 416.1 },
      // 600 × 0,1387 = 83,22
      { termin: 4, G: 1, H: 1.01, I: 0, O: 0, P: 0, Q: 600, R: 600, S: 0.1387, T: 83.22 },
      // 600,01 × 0,1387 = 83,221387 → 83,22
      { termin: 5, G: 1, H: 0, I: -1.01, O: 0, P: 0, Q: 600.01, R: 600.01, S: 0.1387, T: 83.22 },
      // −50 × 0,1387 = −6,935 exactly: half away from zero → −6,94
      { termin: 6, G: 0, H: 0, I: 0, O: 0, P: 0, Q: -50, R: -50, S: 0.1387, T: -6.94 },
    ]);
  });

  test("the Sum row is the exact column sums", () => {
    expect(inKroner(a.sum)).toEqual({
      B: 268765.43, C: 53753.09, D: 268758.43, E: 268764.42, F: 53754.1,
      G: 7, H: 1.01, I: -1.01,
      L: 268775.43, M: 5399.76, N: 53753.09,
      O: 10, P: 0, Q: 5409.76, R: 5399.76,
      // 208,12 − 34,78 + 416,10 + 83,22 + 83,22 − 6,94
      T: 748.94,
    });
    expect(kroner(a.aarsAga as Ore)).toBe(748.94);
  });

  test("uforklart: above the tolerance and J empty; exactly the tolerance is within it", () => {
    expect(kinds(a, 1)).toEqual([]);
    // G = 5,00 > 1 and no explanation
    const t2 = a.terminer[1].flags.find((f) => f.kind === "uforklart");
    expect(t2?.kolonner).toEqual(["G", "J"]);
    expect(t2?.melding).toBe(
      "Termin 2: differanse mellom SAP og Unit4 over toleransen på 1,00 kr uten forklaring i J: G (utgift, B − D) = 5,00 kr.",
    );
    // H = 1,01 > 1 but explained in J
    expect(kinds(a, 4)).toEqual([]);
    // G = 1,00 is not above 1; I = −1,01 is, and J is empty
    expect(a.terminer[4].flags.find((f) => f.kind === "uforklart")?.kolonner).toEqual(["I", "J"]);
  });

  test("vesentlig: |Q| > 5 % × (B + C); at the limit is not material; B + C = 0 makes any Q material", () => {
    // T3: 3 010 > 0,05 × 60 000 = 3 000
    expect(kinds(a, 3)).toEqual(["posteringsregel", "vesentlig"]);
    // T4: 600 = 0,05 × 12 000: not above
    expect(kinds(a, 4)).not.toContain("vesentlig");
    // T5: 600,01 > 600
    expect(kinds(a, 5)).toEqual(["uforklart", "vesentlig"]);
    // T6: B + C = 0 and Q = −50
    expect(kinds(a, 6)).toEqual(["vesentlig"]);
    expect(a.terminer[5].flags[0].melding).toContain("avsetningen fra SAP (B + C) er 0");
    expect(a.terminer[2].flags.find((f) => f.kind === "vesentlig")?.melding).toBe(
      "Termin 3: differansen mellom faktura og avsetning (Q = 3 010,00 kr) er vesentlig: over 5 % av avsetningen fra SAP (B + C = 60 000,00 kr). Følg opp mot SAP og SPK.",
    );
  });

  test("posteringsregel: O ≠ 0 or P ≠ 0 in brutto", () => {
    const f = a.terminer[2].flags.find((x) => x.kind === "posteringsregel");
    expect(f?.kolonner).toEqual(["O"]);
    expect(f?.melding).toContain("O = L − B = 10,00 kr");
  });

  test("all flags are also listed on the reconciliation", () => {
    expect(a.flags.map((f) => `${f.termin}:${f.kind}`)).toEqual([
      "2:uforklart", "3:vesentlig", "3:posteringsregel", "5:uforklart", "5:vesentlig", "6:vesentlig",
    ]);
  });

  test("årsslutt: T per termin stays, the year's AGA is round(ΣR × S, 2)", () => {
    const y = ok(reconcile(oppsett({ modus: "arsslutt" }), BRUTTO));
    expect(y.terminer.map((x) => kroner(x.T))).toEqual([208.12, -34.78, 416.1, 83.22, 83.22, -6.94]);
    expect(kroner(y.sum.T)).toBe(748.94);
    // 5 399,76 × 0,1387 = 748,946712 → 748,95 (one øre more than ΣT)
    expect(kroner(y.aarsAga as Ore)).toBe(748.95);
  });

  test("AGA adjustment: round(ΣR × new rate, 2) minus the AGA posted", () => {
    // 5 399,76 × 0,1412 = 762,446112 → 762,45
    const terminvis = ok(reconcile(oppsett(), BRUTTO, { oppdatertAgaSats: 0.1412 }));
    expect(terminvis.agaJustering && inKroner(terminvis.agaJustering, "nySats")).toEqual({ nySats: 0.1412, sumR: 5399.76, sumT: 748.94, nyAga: 762.45, justering: 13.51 });
    const arsslutt = ok(reconcile(oppsett({ modus: "arsslutt" }), BRUTTO, { oppdatertAgaSats: 0.1412 }));
    expect(arsslutt.agaJustering && inKroner(arsslutt.agaJustering, "nySats")).toEqual({ nySats: 0.1412, sumR: 5399.76, sumT: 748.95, nyAga: 762.45, justering: 13.5 });
    expect(ok(reconcile(oppsett(), BRUTTO)).agaJustering).toBeUndefined();
  });

  test("year-end balance control: UB = IB + movement, expected 0, in account order", () => {
    const r = ok(reconcile(oppsett(), BRUTTO, {
      saldoer: [
        { konto: "2820", ib: ore(0), bevegelse: ore(12.34) },
        { konto: "2630", ib: ore(0), bevegelse: ore(0) },
        { konto: "2810", ib: ore(-1000.5), bevegelse: ore(1000.5) },
      ],
    }));
    expect(r.saldokontroll.map((k) => inKroner(k))).toEqual([
      { konto: "2630", ib: 0, bevegelse: 0, ub: 0, forventet: 0, differanse: 0 },
      { konto: "2810", ib: -1000.5, bevegelse: 1000.5, ub: 0, forventet: 0, differanse: 0 },
      { konto: "2820", ib: 0, bevegelse: 12.34, ub: 12.34, forventet: 0, differanse: 12.34 },
    ]);
  });

  test("a missing termin is an all-zero row", () => {
    const r = ok(reconcile(oppsett(), [BRUTTO[2]]));
    expect(r.terminer.map((x) => x.termin)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.terminer[0]).toMatchObject({ G: 0, Q: 0, R: 0, T: 0, flags: [] });
    expect(kroner(r.sum.R)).toBe(3000);
  });

  test("float noise from spreadsheet arithmetic is the øre amount shown", () => {
    const r = ok(reconcile(oppsett(), [t(1, [0.1 + 0.2, 0, 0.3, 0.3, 0, 0.3, 0, 0])]));
    expect(r.terminer[0]).toMatchObject({ G: 0, H: 0, O: 0 });
  });
});

describe("reconcile, netto", () => {
  // S = 11,23 %
  const o = oppsett({ budsjettering: "netto", agaSats: 0.1123 });
  const NETTO = [
    t(1, [80000, 16000, 80000, 80000, 16000, 81234.56, 0, 15987.65]),
    t(2, [80000, 16000, 80000, 80000, 16000, 80000, 0, 16000]),
    t(3, [80000, 16000, 80000, 80000, 16000, 75000, 0, 16000]),
  ];
  const a = ok(reconcile(o, NETTO));

  test("O and P are the parts of the difference, R = Q", () => {
    expect(figures(a).slice(0, 3)).toEqual([
      // 1 222,21 × 0,1123 = 137,254183 → 137,25
      { termin: 1, G: 0, H: 0, I: 0, O: 1234.56, P: -12.35, Q: 1222.21, R: 1222.21, S: 0.1123, T: 137.25 },
      { termin: 2, G: 0, H: 0, I: 0, O: 0, P: 0, Q: 0, R: 0, S: 0.1123, T: 0 },
      // −5 000 × 0,1123 = −561,50
      { termin: 3, G: 0, H: 0, I: 0, O: -5000, P: 0, Q: -5000, R: -5000, S: 0.1123, T: -561.5 },
    ]);
    expect(inKroner(a.sum)).toMatchObject({ O: -3765.44, P: -12.35, Q: -3777.79, R: -3777.79, T: -424.25 });
  });

  test("no posting-rule flag in netto; materiality still applies", () => {
    expect(kinds(a, 1)).toEqual([]);
    // 5 000 > 0,05 × 96 000 = 4 800
    expect(kinds(a, 3)).toEqual(["vesentlig"]);
  });

  test("årsslutt: −3 777,79 × 0,1123 = −424,245817 → −424,25", () => {
    expect(kroner(ok(reconcile({ ...o, modus: "arsslutt" }, NETTO)).aarsAga as Ore)).toBe(-424.25);
  });

  test("a non-zero M is an input error (the netto voucher could not balance)", () => {
    const r = reconcile(o, [t(2, [1, 1, 1, 1, 1, 1, 5, 1])]);
    expect(r).toBeInstanceOf(Problems);
    expect((r as Problems).lines).toEqual([
      "Termin 2, M (faktura differanse 2820): skal være tom for nettobudsjetterte virksomheter (fikk 5); konto 2820 brukes bare i brutto. Før beløpet i L eller N.",
    ]);
  });

  test("balance control uses 2630 and 2961; 2810 is refused", () => {
    const r = ok(reconcile(o, NETTO, { saldoer: [{ konto: "2961", ib: ore(3765.44), bevegelse: ore(-3765.44) }] }));
    expect(r.saldokontroll.map((k) => inKroner(k))).toEqual([{ konto: "2961", ib: 3765.44, bevegelse: -3765.44, ub: 0, forventet: 0, differanse: 0 }]);
    const bad = reconcile(o, NETTO, { saldoer: [{ konto: "2810", ib: ore(0), bevegelse: ore(0) }, { konto: "2961", ib: ore(0), bevegelse: ore(0) }, { konto: "2961", ib: ore(1), bevegelse: ore(0) }] });
    expect((bad as Problems).lines).toEqual([
      "Saldo 1 (konto 2810): kontoen inngår ikke i årskontrollen for nettobudsjetterte (2630 medlemsinnskudd, 2961 pensjonspremie arbeidsgiverandel, netto).",
      "Saldo 3 (konto 2961): konto 2961 har allerede en saldo.",
    ]);
  });
});

/** A termin whose amount `field` is a raw, non-whole øre figure: what no edge lets into the model. */
const rawAmount = (termin: number, field: keyof TerminInput, value: number): TerminInput => ({ ...t(termin), [field]: value as Ore });
const edgeMessage = (kroner: number, what: string) => (oreFromKroner(kroner, what) as RuleError).message;

describe("reconcile refuses bad input, naming every problem", () => {
  test("termins out of range, duplicates, sub-øre and non-finite amounts", () => {
    const r = reconcile(oppsett(), [
      t(0, [0, 0, 0, 0, 0, 0, 0, 0]),
      rawAmount(2, "sapArbeidsgiverandel", 10000.5),
      t(2, [0, 0, 0, 0, 0, 0, 0, 0]),
      rawAmount(3, "sapMedlemsinnskudd", Number.NaN),
    ]);
    // The model holds whole øre, so the model's own guard names the øre figure it got …
    expect((r as Problems).lines).toEqual([
      "Termin nr. 1 i listen: terminen må være 1–6 (fikk 0).",
      "Termin 2 finnes to ganger.",
      "Termin 2, B (SAP arbeidsgiverandel): «10000.5» er ikke et beløp i hele øre.",
      "Termin 3, C (SAP medlemsinnskudd): «NaN» er ikke et beløp i hele øre.",
    ]);
    // … and the kroner figures are refused, in the words the user reads, where kroner become øre.
    expect([edgeMessage(100.005, "Termin 2, B (SAP arbeidsgiverandel)"), edgeMessage(Number.NaN, "Termin 3, C (SAP medlemsinnskudd)")]).toEqual([
      "Termin 2, B (SAP arbeidsgiverandel) (100,005) har brøkdeler av øre; beløp kan ha høyst to desimaler.",
      "Termin 3, C (SAP medlemsinnskudd) er ikke et tall.",
    ]);
  });

  test("a bad balance and a bad new rate are reported together with bad termins", () => {
    const r = reconcile(oppsett(), [rawAmount(1, "sapArbeidsgiverandel", 0.1)], { saldoer: [{ konto: "1234", ib: ore(0), bevegelse: ore(0) }], oppdatertAgaSats: -0.1 });
    expect((r as Problems).lines).toEqual([
      "Termin 1, B (SAP arbeidsgiverandel): «0.1» er ikke et beløp i hele øre.",
      "Saldo 1 (konto 1234): kontoen inngår ikke i årskontrollen for bruttobudsjetterte (2630 medlemsinnskudd, 2810 avsetning arbeidsgiverandel, brutto, 2820 fakturadifferanse, brutto).",
      "Den oppdaterte AGA-satsen må være en brøk fra og med 0 til 1, f.eks. 0,1387 for 13,87 % (fikk -0.1).",
    ]);
    expect(edgeMessage(0.001, "Termin 1, B (SAP arbeidsgiverandel)")).toBe(
      "Termin 1, B (SAP arbeidsgiverandel) (0,001) har brøkdeler av øre; beløp kan ha høyst to desimaler.",
    );
  });

  test("an oppsett with a percentage for a rate", () => {
    const r = reconcile(oppsett({ agaSats: 13.87, toleranse: ore(-1) }), []);
    expect((r as Problems).lines).toEqual([
      "AGA-snittsatsen må være en brøk fra og med 0 til 1, f.eks. 0,1387 for 13,87 % (fikk 13.87).",
      // The tolerance is øre now and shown as kroner text (was «fikk -1»).
      "Toleransen må være et beløp på 0 eller mer (fikk -1,00).",
    ]);
  });
});
