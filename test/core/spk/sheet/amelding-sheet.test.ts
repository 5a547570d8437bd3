import { buildAmeldingFordeling } from "../../../../src/core/spk/amelding";
import { AMELDING_SHEET, planAmeldingSheet, reconciliationCells } from "../../../../src/core/spk/sheet/amelding-sheet";
import { layoutMap } from "../../../../src/core/spk/sheet/locate";
import { NUMBER_FORMATS, WritePlan } from "../../../../src/core/workpaper/write-plan";
import { avstemming, oppsett, ore, terminResult } from "../../../support/fixtures";
import { SheetInMemory } from "../../../support/plan-applier";
import { ok } from "../../../support/checked";

const o = oppsett({ agaSats: 0.0683 });
const virksomheter = [
  { virksomhetsnummer: "974760673", navn: "Oslo", sone: "I", grunnlag: ore(1_000_000) },
  { virksomhetsnummer: "123456785", navn: "Trysil", sone: "III", grunnlag: ore(1_000_000) },
  { virksomhetsnummer: "987654325", navn: "Alta", sone: "5601", grunnlag: ore(1_000_000) },
];
// T1: R = 1 234,57 → 411,53 / 411,52 / 411,52; AGA 58,03 / 26,34 / 0; T = 84,32 (see amelding.test.ts)
const fordeling = (ts: ReturnType<typeof terminResult>[]) => ok(buildAmeldingFordeling(avstemming(o, ts), virksomheter));
const f1 = fordeling([terminResult(1, { R: 1234.57, T: 84.32, S: 0.0683 })]);

const A10 = reconciliationCells(layoutMap("A10 SPK brutto"));

function write(sheet: SheetInMemory, f = f1): WritePlan {
  const plan = ok(planAmeldingSheet(f, o, sheet.snapshot(), A10));
  sheet.apply(plan);
  return plan;
}

describe("A-melding fordeling sheet", () => {
  const sheet = new SheetInMemory(AMELDING_SHEET);
  const plan = write(sheet);

  test("header and one row per virksomhet with core's figures", () => {
    expect(sheet.row(2)).toEqual(["Bilag-ID", "Periode", "Termin", "Virksomhetsnummer", "Navn", "Sone", "Grunnlag lønn", "Endring i grunnlag", "Sats", "AGA", "Kontroll"]);
    expect(sheet.row(3)).toEqual(["SPK-2024-T1", 202402, "T1", "974760673", "Oslo", "I", 1000000, 411.53, 0.141, 58.03]);
    expect(sheet.row(4)).toEqual(["SPK-2024-T1", 202402, "T1", "123456785", "Trysil", "III", 1000000, 411.52, 0.064, 26.34]);
    expect(sheet.row(5)).toEqual(["SPK-2024-T1", 202402, "T1", "987654325", "Alta", "V", 1000000, 411.52, 0, 0]);
  });

  test("sum row, the voucher's AGA and the residual shown as a formula", () => {
    // The check compares the parts with the reconciliation's own R (row 8 refers to it), never a copied amount.
    expect(sheet.row(6)).toEqual(["SPK-2024-T1", 202402, "T1", "", "Sum", "", "=SUM(G4:G6)", "=SUM(H4:H6)", "", "=SUM(J4:J6)",
      '=IF(ROUND(H7-H8,2)=0,"Lik differansen","Ulik differansen")']);
    expect(sheet.row(7)).toEqual(["SPK-2024-T1", 202402, "T1", "", "I avstemmingen: differanse (R) og AGA med snittsats", "", "", "='A10 SPK brutto'!R12", "", "='A10 SPK brutto'!T12"]);
    expect(sheet.row(8)).toEqual(["SPK-2024-T1", 202402, "T1", "", "Avvik: sum per sone − bilagets AGA", "", "", "", "", "=ROUND(J7-J8,2)"]);
  });

  test("formats: amounts, rate, virksomhetsnummer as text", () => {
    expect(sheet.numberFormat("H4")).toBe(NUMBER_FORMATS.amount);
    expect(sheet.numberFormat("I4")).toBe(NUMBER_FORMATS.rate);
    expect(sheet.numberFormat("D4")).toBe(NUMBER_FORMATS.text);
    const names = new Set(plan.writes.flatMap((w) => w.cells.flat()).flatMap((c) => (typeof c === "object" && c ? [...c.formula.matchAll(/([A-Z]+)\(/g)].map((m) => m[1]) : [])));
    expect([...names].sort()).toEqual(["IF", "ROUND", "SUM"]);
  });

  test("regenerating keeps a user's row below and a note column; twice = same", () => {
    const s = new SheetInMemory(AMELDING_SHEET);
    write(s);
    s.set(2, 11, "Notat");
    s.set(4, 11, "ny virksomhet fra mars");
    s.set(11, 0, "Rapportert i a-melding for februar");
    const before = JSON.stringify(s.snapshot());
    write(s);
    expect(JSON.stringify(s.snapshot())).toBe(before);

    // two termins now: 12 rows; row 10 (blank) is used, the user's row 12 is skipped
    write(s, fordeling([terminResult(1, { R: 1234.57, T: 84.32, S: 0.0683 }), terminResult(2, { R: -300, T: -20.49, S: 0.0683 })]));
    expect(s.row(11)).toEqual(["Rapportert i a-melding for februar"]);
    expect(s.get(4, 11)).toBe("ny virksomhet fra mars");
    expect([s.get(9, 0), s.get(10, 0), s.get(12, 0)]).toEqual(["SPK-2024-T2", "SPK-2024-T2", "SPK-2024-T2"]);
    // T2's sum row sums its rows across the user's row: rows 10, 11 and 13
    expect(s.get(13, 7)).toBe("=SUM(H10:H11,H13)");
    expect(s.get(15, 9)).toBe("=ROUND(J14-J15,2)");

    // back to one termin: T2's rows cleared, the user's row untouched
    write(s);
    expect(s.row(11)).toEqual(["Rapportert i a-melding for februar"]);
    for (const r of [9, 10, 12, 13, 14, 15]) expect(s.row(r)).toEqual([]);
  });
});
