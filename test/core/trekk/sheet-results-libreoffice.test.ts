/**
 * The cached results core gives the `Trekk og AGA` sheet's formulas (WritePlan.results) are what
 * LibreOffice computes, for both trekk fixtures, to the øre; "" exactly where the engine gives
 * an empty text. The workbook LibreOffice gets is written without the results, so every figure
 * it reports is its own; what it stores is read from the package's XML (stored-formulas.ts).
 */
import { readFileSync, mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { parseTrekkScenario } from "../../../src/core/trekk/scenario";
import { reconcileTrekk } from "../../../src/core/trekk/reconcile";
import { TREKK_SHEET } from "../../../src/core/trekk/sheet/layout";
import { planTrekkSheet } from "../../../src/core/trekk/sheet/plan";
import { ok } from "../../support/checked";
import { withLibreOffice } from "../../support/engines";
import { recalculate } from "../../support/libreoffice";
import { planToWorkbook } from "../../support/xlsx";
import { sheetParts, StoredFormula, storedFormulas } from "../../support/stored-formulas";

const FIXTURES = join(__dirname, "..", "..", "fixtures", "trekk");

/** Øre, for comparing doubles: the engine's carry binary noise, core's are the nearest to the øre. */
const ore = (kroner: number): number => Math.round(kroner * 100) + 0;

withLibreOffice.describe("the trekk sheet's cached results against LibreOffice", () => {
  const dir = mkdtempSync(join(tmpdir(), "lonn-trekk-results-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each([["fjordtrekk-2026.json"], ["fjordtrekk-2025.json"]])("%s: every result is what LibreOffice computes, to the øre", async (file) => {
    const scenario = ok(parseTrekkScenario(JSON.parse(readFileSync(join(FIXTURES, file), "utf8"))));
    const plan = ok(planTrekkSheet({ avstemming: ok(reconcileTrekk(scenario)) }));
    const results = plan.results ?? [];
    const path = join(dir, file.replace(/\.json$/, ".xlsx"));
    await planToWorkbook({ ...plan, results: [] }).xlsx.writeFile(path);
    expect([...storedFormulas(sheetParts(readFileSync(path)).get(TREKK_SHEET) ?? "").values()].filter((c) => c.value !== undefined)).toEqual([]);

    const engine = storedFormulas(sheetParts(readFileSync(recalculate(path))).get(TREKK_SHEET) ?? "");
    expect([...engine.keys()].sort()).toEqual(results.map((r) => r.address).sort());
    const asCore = (c: StoredFormula | undefined): unknown => {
      if (c?.value === undefined) return "(no value)";
      if (c.type === "str") return c.value;
      if (c.type === undefined || c.type === "n") return { ore: ore(Number(c.value)) };
      return `${c.type}: ${c.value}`;
    };
    const wrong = results
      .map((r) => ({ address: r.address, core: typeof r.value === "number" ? { ore: ore(r.value) } : r.value, libreOffice: asCore(engine.get(r.address)) }))
      .filter((x) => JSON.stringify(x.core) !== JSON.stringify(x.libreOffice));
    expect(wrong).toEqual([]);
    // Both kinds occur: figures and empty results.
    expect(results.some((r) => r.value === "")).toBe(true);
    expect(results.filter((r) => typeof r.value === "number").length).toBeGreaterThan(150);
  }, 180_000);
});
