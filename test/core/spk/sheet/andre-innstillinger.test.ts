/** planAvstemming's `andreInnstillinger`: the task pane's own `_lonn` keys are stored with the fill. */
import { isRuleError, Result } from "../../../src/core/errors";
import { DEFAULT_KONTOER, Oppsett } from "../../../src/core/spk/types";
import { planAvstemming } from "../../../src/core/spk/sheet/plan";
import { SETTINGS_SHEET } from "../../../src/core/spk/sheet/layout";
import { readSettings } from "../../../src/core/workpaper/settings";
import { SheetSnapshot } from "../../../src/core/sheet/snapshot";
import { WritePlan } from "../../../src/core/workpaper/write-plan";

const OPPSETT: Oppsett = {
  virksomhet: "Eksempeletaten", aar: 2024, budsjettering: "brutto", modus: "terminvis", agaSats: 0.1387,
  toleranse: 1, vesentlighetsgrense: 0.05, kontoer: DEFAULT_KONTOER, dimensjoner: [], bilagsart: "KB", firma: "72",
};

const ok = <T>(r: Result<T>): T => {
  if (isRuleError(r)) throw new Error(r.message);
  return r;
};

/** The `_lonn` sheet after applying the plan's writes to `before` (rows of key, value, description). */
function settingsAfter(plan: WritePlan, before?: SheetSnapshot): SheetSnapshot {
  const grid: unknown[][] = (before?.values ?? []).map((r) => [...r]);
  for (const w of plan.writes.filter((x) => x.sheet === SETTINGS_SHEET)) {
    const first = Number(w.address.match(/\d+/)?.[0]) - 1;
    w.cells.forEach((row, i) => {
      grid[first + i] ??= ["", "", ""];
      row.forEach((c, j) => {
        if (c !== null) grid[first + i][j] = c;
      });
    });
  }
  return { name: SETTINGS_SHEET, values: grid, formulas: grid };
}

test("new keys are stored, a changed key is updated in place, other keys stay", () => {
  const sap = JSON.stringify({ omrade: "SAP", lonnsarter: { arbeidsgiverandel: ["7300"], medlemsinnskudd: ["7350"] } });
  const first = settingsAfter(ok(planAvstemming({ oppsett: OPPSETT, terminer: [], andreInnstillinger: { "import.sap": sap, "import.egen": "x" } })));
  const stored = ok(readSettings(first));
  expect(stored.andre).toMatchObject({ "import.sap": sap, "import.egen": "x", "import.unit4": "" });

  const second = ok(planAvstemming({ oppsett: OPPSETT, terminer: [], settings: first, andreInnstillinger: { "import.sap": "{}" } }));
  const after = ok(readSettings(settingsAfter(second, first)));
  expect(after.andre).toMatchObject({ "import.sap": "{}", "import.egen": "x" });
  const rows = first.values.length;
  expect(settingsAfter(second, first).values.length).toBe(rows);
});

test("without them the stored keys are kept as they are", () => {
  const first = settingsAfter(ok(planAvstemming({ oppsett: OPPSETT, terminer: [], andreInnstillinger: { "import.spk": "{\"omrade\":\"SPK\"}" } })));
  const second = ok(planAvstemming({ oppsett: OPPSETT, terminer: [], settings: first }));
  expect(second.writes.filter((w) => w.sheet === SETTINGS_SHEET)).toEqual([]);
});
