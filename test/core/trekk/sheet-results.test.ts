/**
 * core/trekk/sheet/results.ts: the cached result core gives every formula cell of the `Trekk og
 * AGA` sheet (WritePlan.results), which the CLI stores so readers that do not recalculate see the
 * figures. Every formula of a new sheet has one, and nothing else does; spot checks against the
 * hand-computed figures of test/cli/trekk.test.ts; on an existing sheet a cell the user keeps
 * (a formula or value of their own) and every formula that depends on it get none. That the
 * results are what an engine computes is test/e2e/trekk-libreoffice.test.ts.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { parseTrekkScenario } from "../../../src/core/trekk/scenario";
import { reconcileTrekk } from "../../../src/core/trekk/reconcile";
import { TrekkAvstemming } from "../../../src/core/trekk/result";
import { AGA, rollBlock, SETTLEMENT_COLUMNS, TREKK_SHEET, TREKK_TABLE } from "../../../src/core/trekk/sheet/layout";
import { planTrekkSheet } from "../../../src/core/trekk/sheet/plan";
import { cellAddress, parseRange } from "../../../src/core/sheet/a1";
import { isFormula, WritePlan } from "../../../src/core/workpaper/write-plan";
import { ok } from "../../support/checked";
import { applyPlan, setCell, snapshotOf } from "../../support/plan-applier";

const FIXTURES = join(__dirname, "..", "..", "fixtures", "trekk");
const modelOf = (file: string): TrekkAvstemming =>
  ok(reconcileTrekk(ok(parseTrekkScenario(JSON.parse(readFileSync(join(FIXTURES, file), "utf8"))))));

/** The addresses of the formula cells a plan writes to the trekk sheet. */
function formulaCells(plan: WritePlan): string[] {
  return plan.writes
    .filter((w) => w.sheet === TREKK_SHEET)
    .flatMap((w) => {
      const { start } = parseRange(w.address);
      return w.cells.flatMap((line, i) => line.flatMap((cell, j) => (cell !== null && isFormula(cell) ? [cellAddress({ row: start.row + i, col: start.col + j })] : [])));
    });
}

const resultsOf = (plan: WritePlan): Map<string, unknown> =>
  new Map((plan.results ?? []).filter((r) => r.sheet === TREKK_SHEET).map((r) => [r.address, r.value]));

describe.each([["fjordtrekk-2026.json"], ["fjordtrekk-2025.json"]])("a new sheet (%s)", (file) => {
  const plan = ok(planTrekkSheet({ avstemming: modelOf(file) }));

  test("every formula cell has a result, once, and no other cell has one", () => {
    const formulas = formulaCells(plan);
    expect(formulas.length).toBeGreaterThan(200);
    const results = (plan.results ?? []).map((r) => r.address);
    expect(new Set(results).size).toBe(results.length);
    expect([...results].sort()).toEqual([...formulas].sort());
  });
});

describe("the figures, as the formulas compute them (hand-computed in test/cli/trekk.test.ts)", () => {
  const s = SETTLEMENT_COLUMNS;
  const r2026 = resultsOf(ok(planTrekkSheet({ avstemming: modelOf("fjordtrekk-2026.json") })));
  const r2025 = resultsOf(ok(planTrekkSheet({ avstemming: modelOf("fjordtrekk-2025.json") })));
  const row = (r: Map<string, unknown>, n: number) => [s.owed, s.dagerForsinket, s.avvikAmelding, s.avvikBetalt].map((c) => r.get(`${c}${n}`));

  test("AGA per termin: owed from the grid, days late, against the a-melding and against what was paid", () => {
    // Termin 1: 114 492 + 117 900,03; paid on the due date.
    expect(row(r2026, AGA.termin(1))).toEqual([232392.03, 0, 0, 0]);
    // Termin 2: 113 505, the a-melding 85 330, paid 3 days late in full.
    expect(row(r2026, AGA.termin(2))).toEqual([113505, 3, 28175, 0]);
    // Termin 4: nothing owed, nothing paid, no a-melding: empty days and difference.
    expect(row(r2026, AGA.termin(4))).toEqual([0, "", "", 0]);
    // Termin 6: 119 850 not paid yet.
    expect(row(r2026, AGA.termin(6))).toEqual([119850, "", 0, -119850]);
    // 2025: termin 6 of 2024 (an input, no result of its own) paid a day late; termin 6 five days late.
    expect(row(r2025, AGA.opening)).toEqual([undefined, 1, "", 0]);
    expect(row(r2025, AGA.termin(6))).toEqual([66780, 5, 0, 0]);
  });

  test("forskuddstrekk per pay date: two days late in February, the May a-melding 500 over, December paid 100 over", () => {
    const at = (i: number) => row(r2026, TREKK_TABLE.first + i).slice(1);
    expect(at(0)).toEqual([0, "", 0]);
    expect(at(2)).toEqual([2, 0, 0]);
    expect(at(3)).toEqual([0, 0, -1000]);
    expect(at(4)).toEqual([0, -500, 0]);
    expect(at(5)).toEqual([0, 0, 100]);
  });

  test("the roll-forward of 2600: B is the month before's ledger UB, E = B − C + D, G empty where there is no ledger UB", () => {
    const b = rollBlock(0);
    const month = (r: Map<string, unknown>, m: number) => ["B", "E", "G"].map((c) => r.get(`${c}${b.month(m)}`));
    // January's IB is an input; −100 000 − 60 000 + 100 000 = −60 000.
    expect(month(r2025, 1)).toEqual([undefined, -60000, 0]);
    expect(month(r2025, 12)).toEqual([-61000, -123000, 0]);
    // December 2026: −1 000 − 160 000 + 160 100 = −900; the ledger says −900,50: −0,50.
    expect(month(r2026, 12)).toEqual([-1000, -900, -0.5]);
  });
});

describe("an existing sheet: what the user keeps has no result, nor has anything that depends on it", () => {
  const a = modelOf("fjordtrekk-2026.json");
  const first = ok(planTrekkSheet({ avstemming: a }));
  const b = rollBlock(0);

  test("refilled unchanged: every formula still gets its result", () => {
    const book = applyPlan(first);
    const again = ok(planTrekkSheet({ avstemming: a, existing: snapshotOf(book[TREKK_SHEET]) }));
    expect(again.leftAlone).toEqual([]);
    expect([...resultsOf(again).keys()].sort()).toEqual([...resultsOf(first).keys()].sort());
    expect(resultsOf(again)).toEqual(resultsOf(first));
  });

  test("a formula of the user's in an input, a value over a formula, a formula in an input the fill would empty", () => {
    const book = applyPlan(first);
    setCell(book, TREKK_SHEET, `D${b.month(3)}`, "=1+1");
    setCell(book, TREKK_SHEET, `B${b.month(6)}`, 500);
    setCell(book, TREKK_SHEET, `${SETTLEMENT_COLUMNS.betaltDato}${AGA.termin(4)}`, "=TODAY()");
    setCell(book, TREKK_SHEET, `G${b.month(8)}`, "=F15-E15+0");
    const plan = ok(planTrekkSheet({ avstemming: a, existing: snapshotOf(book[TREKK_SHEET]) }));
    const before = resultsOf(first);
    const after = resultsOf(plan);
    const gone = [...before.keys()].filter((k) => !after.has(k)).sort();
    expect(gone).toEqual(
      [
        `E${b.month(3)}`, `G${b.month(3)}`,
        `B${b.month(6)}`, `E${b.month(6)}`, `G${b.month(6)}`,
        `G${b.month(8)}`,
        `${SETTLEMENT_COLUMNS.dagerForsinket}${AGA.termin(4)}`,
      ].sort(),
    );
    // The month after the user's formula reads its ledger UB, which the fill writes: still known.
    expect(after.get(`B${b.month(4)}`)).toBe(before.get(`B${b.month(4)}`));
    for (const [k, v] of after) expect([k, v]).toEqual([k, before.get(k)]);
  });
});
