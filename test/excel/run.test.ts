/** runPlanned: read → core plan (pure) → check → apply, writing nothing unless everything is fine. */
import { isProblems, problems } from "../../src/core/problem/problem";
import { WritePlan } from "../../src/core/workpaper/write-plan";
import { runPlanned, Snapshots } from "../../src/excel/run";
import { FakeExcelHost } from "../fake-excel";
import { dfoLikePlan, installed, SHEET } from "./support";

describe("runPlanned", () => {
  test("two syncs in all (read, write), whatever the size; the builder sees the snapshots", async () => {
    for (const rows of [6, 6000]) {
      const host = new FakeExcelHost().seed("Ark1", [["før"]]);
      let seen: Snapshots | undefined;
      const report = await installed(host, () =>
        runPlanned((snaps) => {
          seen = snaps;
          return dfoLikePlan(rows);
        }, ["Ark1", SHEET]),
      );
      expect(report).toMatchObject({ syncs: 2, sheetsCreated: [SHEET, "_lonn"] });
      expect(host.syncCount).toBe(2);
      expect(seen?.get("Ark1")?.values).toEqual([["før"]]);
      expect(seen?.get(SHEET)).toBeUndefined();
    }
  });

  test("Excel.run waits for cell edit; the undo group is merged only where ExcelApi 1.20 exists", async () => {
    const old = new FakeExcelHost().seed("Ark1");
    await installed(old, () => runPlanned(() => dfoLikePlan(6), []));
    expect(old.runs.map((r) => r.options)).toEqual([{ delayForCellEdit: true }]);
    const modern = new FakeExcelHost({ requirementSets: { ExcelApi: "1.20" } }).seed("Ark1");
    await installed(modern, () => runPlanned(() => dfoLikePlan(6), []));
    expect(modern.runs.map((r) => r.options)).toEqual([{ delayForCellEdit: true, mergeUndoGroup: true }]);
  });

  test("the core's error comes back and nothing at all is written", async () => {
    const host = new FakeExcelHost().seed("Ark1", [[1, 2]]);
    const before = host.state();
    const error = problems("rad 3: «12,3,4» er ikke et beløp");
    const result = await installed(host, () => runPlanned(() => error, ["Ark1"]));
    expect(result).toBe(error);
    expect(host.writes).toEqual([]);
    expect(host.syncCount).toBe(1);
    expect(host.state()).toEqual(before);
  });

  test("a plan the shell cannot apply comes back as Problems naming every problem, with nothing written", async () => {
    const host = new FakeExcelHost().seed("Ark1");
    const plan = dfoLikePlan(6);
    const bad: WritePlan = { ...plan, writes: [...plan.writes, { sheet: "Mangler", address: "A1:B1", cells: [[1]] }] };
    const result = await installed(host, () => runPlanned(() => bad, []));
    expect(isProblems(result)).toBe(true);
    expect(result).toMatchObject({
      message: "Skriveplanen kan ikke brukes:\nMangler!A1:B1: tabellen har ikke størrelsen 1×2\nMangler!A1:B1: arket «Mangler» finnes ikke, og planen oppretter det ikke",
    });
    expect(host.writes).toEqual([]);
  });

  test("the read still works where Excel refuses calls on null objects", async () => {
    const host = new FakeExcelHost({ nullObjectChains: "fail" }).seed("Ark1", [["før"]]);
    const report = await installed(host, () => runPlanned((snaps) => (snaps.get(SHEET) === undefined ? dfoLikePlan(6) : problems("feil")), [SHEET, "Ark1"]));
    expect(report).toMatchObject({ syncs: 4, sheetsCreated: [SHEET, "_lonn"] });
  });
});
