/** planAvstemming's `andreInnstillinger`: the task pane's own `_lonn` keys are stored with the fill. */
import { planAvstemming } from "../../../../src/core/spk/sheet/plan";
import { SETTINGS_SHEET, readSettings } from "../../../../src/core/workpaper/settings";
import { SheetSnapshot } from "../../../../src/core/sheet/snapshot";
import { WritePlan } from "../../../../src/core/workpaper/write-plan";
import { oppsett } from "../../../support/fixtures";
import { applyPlan } from "../../../support/plan-applier";
import { ok } from "../../../support/checked";

const OPPSETT = oppsett({ orgnr: undefined });

/** The `_lonn` sheet after applying the plan to `before` (rows of key, value, description). */
function settingsAfter(plan: WritePlan, before?: SheetSnapshot): SheetSnapshot {
  return applyPlan(plan, before ? { [SETTINGS_SHEET]: before } : {})[SETTINGS_SHEET];
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
