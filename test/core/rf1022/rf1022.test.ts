/**
 * RF-1022 (trekk-og-aga.md §5): A + B − C = D per account group, against the a-meldinger, by hand;
 * and the sheet: its formulas and their values, the user's explanations and signature kept when it
 * is written again, the sign-off withdrawn when the figures change, a sheet not ours refused.
 */
import { ORE_ZERO } from "../../../src/core/money/ore";
import { formatProblem } from "../../../src/core/problem/problem";
import { buildRf1022, NS4102_RF1022_GRUPPER, Rf1022Input } from "../../../src/core/rf1022/rf1022";
import { planRf1022Sheet, reviewRf1022SignOff, RF1022_SHEET, rf1022SignOffKey } from "../../../src/core/rf1022/sheet";
import { SheetSnapshot } from "../../../src/core/sheet/snapshot";
import { HovedbokKonto } from "../../../src/core/trekk/types";
import { LonnSettings } from "../../../src/core/workpaper/settings";
import { Cell, isFormula } from "../../../src/core/workpaper/write-plan";
import { ok, problemsOf } from "../../support/checked";
import { ore } from "../../support/fixtures";

const konto = (k: string, ib: number, ...belop: number[]): HovedbokKonto => ({
  konto: k, ib: ore(ib), posteringer: belop.map((b, i) => ({ dato: `2026-${String(i + 1).padStart(2, "0")}-20`, belop: ore(b) })),
});

/**
 * A year of a small firm, in kroner:
 * 5000 lønn 1 200 000 (12 × 100 000); 2930 skyldig lønn: December's 100 000 booked 31.12 and paid
 *   in January (C = 100 000); last year's December paid in January (B = 95 000): IB −95 000,
 *   +95 000 paid, −100 000 booked → UB −100 000.
 * 5092 feriepenger 122 400 (10,2 % of 1 200 000); 2940: IB −110 000 (last year's, paid in June),
 *   +110 000 paid, −122 400 accrued → UB −122 400. B = 110 000, C = 122 400.
 * 5400 AGA 169 200 (14,1 % of 1 200 000); 5405 AGA on feriepenger 17 258,40 (14,1 % of 122 400);
 *   2781: IB −15 510 (14,1 % of 110 000), +15 510 reported in June, −17 258,40 → UB −17 258,40.
 */
const hovedbok: HovedbokKonto[] = [
  konto("5000", 0, ...Array(12).fill(100000)),
  konto("2930", -95000, 95000, -100000),
  konto("5092", 0, 122400),
  konto("2940", -110000, 110000, -122400),
  konto("5400", 0, 169200),
  konto("5405", 0, 17258.4),
  konto("2781", -15510, 15510, -17258.4),
];
// D lønn = 1 200 000 + 95 000 − 100 000 = 1 195 000 (January to December paid: 95 000 + 11 × 100 000)
// D feriepenger = 122 400 + 110 000 − 122 400 = 110 000 (last year's, paid in June)
// D AGA = (169 200 + 17 258,40) + 15 510 − 17 258,40 = 184 710
const input = (over: Partial<Rf1022Input> = {}): Rf1022Input => ({
  virksomhet: "Fjell AS", orgnr: "912000028", aar: 2026, grupper: NS4102_RF1022_GRUPPER, hovedbok,
  // The a-meldinger: inntekt 1 195 000 + 110 000 = 1 305 000; AGA basis the same; AGA 14,1 % of it = 184 005.
  amelding: { maaneder: ["2026-01"], inntekt: ore(1305000), agaGrunnlag: ore(1305000), arbeidsgiveravgift: ore(184005) },
  ...over,
});

describe("A + B − C = D per group, against the a-meldinger", () => {
  const r = ok(buildRf1022(input()));

  test("per group and per line, by hand", () => {
    expect(r.grupper.map((g) => [g.gruppe.id, g.A, g.B, g.C, g.D])).toEqual([
      ["LONN", ore(1200000), ore(95000), ore(100000), ore(1195000)],
      ["FERIE", ore(122400), ore(110000), ore(122400), ore(110000)],
      ["STYRE", ORE_ZERO, ORE_ZERO, ORE_ZERO, ORE_ZERO],
      ["AGA", ore(186458.4), ore(15510), ore(17258.4), ore(184710)],
    ]);
    expect(r.grupper[0].linjer.map((l) => [l.konto, l.rolle, l.iHovedbok, l.A, l.B, l.C, l.D])).toEqual([
      ["5000", "kostnad", true, ore(1200000), ORE_ZERO, ORE_ZERO, ore(1200000)],
      ["5090", "kostnad", false, ORE_ZERO, ORE_ZERO, ORE_ZERO, ORE_ZERO],
      ["2930", "periodisering", true, ORE_ZERO, ore(95000), ore(100000), ore(-5000)],
    ]);
  });

  test("the a-melding comparison: pay and AGA basis agree; AGA differs by 705 kr and is flagged, naming the group and the amount", () => {
    // AGA: 184 710 − 184 005 = 705 (the ledger's AGA on 5 000 of December pay booked but not yet reported: 14,1 % of 5 000 = 705)
    expect(r.kontroller.map((c) => [c.kind, c.regnskap, c.amelding, c.differanse])).toEqual([
      ["ytelser", ore(1305000), ore(1305000), ORE_ZERO],
      ["agaGrunnlag", ore(1305000), ore(1305000), ORE_ZERO],
      ["aga", ore(184710), ore(184005), ore(705)],
    ]);
    expect(r.flags).toEqual([{
      kontroll: "aga", grupper: ["Arbeidsgiveravgift"], belop: ore(705),
      melding: expect.stringMatching(/^Arbeidsgiveravgift \(Arbeidsgiveravgift\): etter regnskapet \(D\) 184 710,00 kr, i a-meldingene 184 005,00 kr; differansen 705,00 kr må forklares/),
    }]);
  });

  test("within the tolerance is rounding: the a-melding's whole-kroner AGA", () => {
    const within = ok(buildRf1022(input({ amelding: { ...input().amelding, arbeidsgiveravgift: ore(184709) }, toleranse: ore(1) })));
    expect(within.flags).toEqual([]);
  });

  test("refused: an account in two groups, a posting outside the year", () => {
    const twice = [...NS4102_RF1022_GRUPPER, { id: "X", navn: "Ekstra", kostnadskontoer: ["5000"], periodiseringskontoer: [], type: "ytelse" as const, agaPliktig: true }];
    expect(problemsOf(buildRf1022(input({ grupper: twice }))).map(formatProblem)).toEqual(["Konto 5000 står i både «Lønn og annen godtgjørelse» og «Ekstra»; en konto kan bare telle i én gruppe."]);
    expect(problemsOf(buildRf1022(input({ hovedbok: [{ konto: "5000", ib: ORE_ZERO, posteringer: [{ dato: "2025-12-31", belop: ore(1) }] }] }))).map(formatProblem))
      .toEqual(["Konto 5000: posteringen 2025-12-31 er utenfor året 2026."]);
  });
});

describe("the RF-1022 sheet", () => {
  const r = ok(buildRf1022(input()));
  const fresh = ok(planRf1022Sheet(r, undefined, undefined, undefined, reviewRf1022SignOff(r, undefined, undefined)));
  const grid = fresh.plan.writes[0].cells;
  const at = (row: number, col: string): Cell => grid[row - 1][col.charCodeAt(0) - 65];
  /** The sheet as a shell would read it back after the plan (formulas with their values). */
  const snapshotOf = (cells: readonly (readonly Cell[])[], edits: Record<string, string | number> = {}): SheetSnapshot => {
    const values = cells.map((row) => row.map((c) => (isFormula(c) ? (c.value ?? "") : c)));
    const formulas = cells.map((row) => row.map((c) => (isFormula(c) ? c.formula : c)));
    for (const [address, v] of Object.entries(edits)) {
      const row = Number(address.slice(1)) - 1;
      const col = address.charCodeAt(0) - 65;
      values[row][col] = v;
      formulas[row][col] = v;
    }
    return { name: RF1022_SHEET, values, formulas };
  };

  test("A + B − C = D as formulas with the core's values; the comparison with the a-meldinger", () => {
    const lonn = fresh.layout.groups.LONN;
    expect(lonn).toEqual({ lines: [6, 7, 8], sum: 9 });
    expect(at(8, "G")).toEqual({ formula: "=D8+E8-F8", value: -5000 });
    expect([at(9, "D"), at(9, "E"), at(9, "F"), at(9, "G")]).toEqual([
      { formula: "=SUM(D6:D8)", value: 1200000 }, { formula: "=SUM(E6:E8)", value: 95000 }, { formula: "=SUM(F6:F8)", value: 100000 }, { formula: "=D9+E9-F9", value: 1195000 },
    ]);
    const aga = fresh.layout.controls.aga;
    expect([at(aga, "A"), at(aga, "D"), at(aga, "E"), at(aga, "F"), at(aga, "G")]).toEqual([
      "Arbeidsgiveravgift", { formula: `=G${fresh.layout.groups.AGA.sum}`, value: 184710 }, 184005, { formula: `=D${aga}-E${aga}`, value: 705 },
      { formula: `=IF(ABS(F${aga})<=$H$3,"OK","Avvik")`, value: "Avvik" },
    ]);
    expect(at(aga, "I")).toMatch(/differansen 705,00 kr må forklares/);
    expect(at(fresh.layout.signature, "F")).toBe("ikke signert");
    expect(fresh.plan.writes).toHaveLength(1); // nothing signed: no _lonn key
  });

  test("written again: the explanation and the signature stay; signing stores the fingerprint; changed figures withdraw it", () => {
    const sig = fresh.layout.signature;
    const aga = fresh.layout.controls.aga;
    const signed = snapshotOf(grid, { [`H${aga}`]: "Desember-lønn bokført 31.12, rapportert i januar", [`B${sig}`]: "Ingrid Haugen", [`D${sig}`]: 46402 });
    const review = reviewRf1022SignOff(r, signed, undefined);
    expect([review.state, review.signOff]).toEqual(["signert", { signatur: "Ingrid Haugen", dato: "15.01.2027" }]);
    const again = ok(planRf1022Sheet(r, signed, undefined, undefined, review));
    const cells = again.plan.writes[0].cells;
    expect(cells[aga - 1][7]).toBe("Desember-lønn bokført 31.12, rapportert i januar");
    expect([cells[sig - 1][1], cells[sig - 1][3], cells[sig - 1][5]]).toEqual(["Ingrid Haugen", 46402, "signert"]);
    const settingsWrite = again.plan.writes.find((w) => w.sheet === "_lonn");
    expect(settingsWrite?.cells.some((row) => row[0] === rf1022SignOffKey(2026) && row[1] === review.stored)).toBe(true);
    // The shared sign-off rule stores who signed, when, and the fingerprint of the figures signed.
    expect(JSON.parse(review.stored)).toEqual({ fingerprint: review.current, signatur: "Ingrid Haugen", dato: "15.01.2027" });

    const stored: LonnSettings = { skjemaversjon: 1, dimensjoner: {}, andre: { [rf1022SignOffKey(2026)]: review.stored } };
    expect(reviewRf1022SignOff(r, signed, stored).state).toBe("signert");
    const changed = ok(buildRf1022(input({ amelding: { ...input().amelding, arbeidsgiveravgift: ore(184710) } })));
    const after = reviewRf1022SignOff(changed, signed, stored);
    expect(after.state).toBe("endret etter signering");
    const plan = ok(planRf1022Sheet(changed, signed, undefined, stored, after));
    expect(plan.plan.writes[0].cells[sig - 1][5]).toMatch(/^endret etter signering/);
  });

  test("a shorter layout clears what the longer one left; a sheet by that name that is not ours is refused", () => {
    const one = ok(buildRf1022(input({ grupper: [NS4102_RF1022_GRUPPER[0]] })));
    const plan = ok(planRf1022Sheet(one, snapshotOf(grid), undefined, undefined, reviewRf1022SignOff(one, snapshotOf(grid), undefined)));
    expect(plan.plan.writes[0].cells).toHaveLength(grid.length);
    expect(plan.plan.writes[0].cells[grid.length - 1].every((c) => c === "")).toBe(true);
    const theirs: SheetSnapshot = { name: RF1022_SHEET, values: [["Min egen oppstilling"]], formulas: [["Min egen oppstilling"]] };
    expect(problemsOf(planRf1022Sheet(r, theirs, undefined, undefined, reviewRf1022SignOff(r, theirs, undefined))).map(formatProblem)[0])
      .toMatch(/^'RF-1022'!A1: Arket «RF-1022» finnes og er ikke laget av Lønnsavstemming/);
  });
});
