import { isRuleError, Result } from "../../../src/core/errors";
import { beskrivEndringer, LOGG_ARK, LOGG_OVERSKRIFTER, LOGG_TIDSFORMAT, medLogg, planLogg, tidSomSerial, Tidspunkt } from "../../../src/core/workpaper/logg";
import { emptyPlan, WritePlan } from "../../../src/core/workpaper/write-plan";
import { SheetSnapshot } from "../../../src/core/sheet/snapshot";
import { runPlanned } from "../../../src/excel/run";
import { FakeExcelHost } from "../../fake-excel";
import { installed } from "../../excel/support";

const ok = <T>(r: Result<T>): T => {
  if (isRuleError(r)) throw new Error(r.message);
  return r;
};

const TID: Tidspunkt = { year: 2025, month: 1, day: 31, hour: 14, minute: 5, second: 30 };
const linje = { tid: TID, handling: "Avstemmingsarket fylt", endret: "A10 SPK brutto: 54 celler", summer: "ΣR 53 160,35" };

const snapshot = (name: string, values: unknown[][]): SheetSnapshot => ({ name, values, formulas: values });

describe("tidSomSerial", () => {
  test("days since 1900 plus the fraction of the day, as Excel stores a date-time", () => {
    // 2025-01-31 is serial 45688 (Excel: =DATE(2025;1;31)); 14:05:30 is 50730 s of 86400.
    expect(tidSomSerial(TID)).toBeCloseTo(45688 + 50730 / 86400, 10);
    expect(tidSomSerial({ ...TID, hour: 0, minute: 0, second: 0 })).toBe(45688);
  });

  test("refuses a time that does not exist", () => {
    expect(tidSomSerial({ ...TID, month: 2, day: 30 })).toBeUndefined();
    expect(tidSomSerial({ ...TID, hour: 24 })).toBeUndefined();
    expect(tidSomSerial({ ...TID, minute: 60 })).toBeUndefined();
    expect(tidSomSerial({ ...TID, second: 1.5 })).toBeUndefined();
  });
});

describe("planLogg", () => {
  test("a new Logg sheet: header in row 1, the entry in row 2, text cells as text", () => {
    const plan = ok(planLogg(linje));
    expect(plan.sheets).toEqual([expect.objectContaining({ name: LOGG_ARK, visibility: "visible", freezeRows: 1 })]);
    expect(plan.writes).toEqual([
      { sheet: LOGG_ARK, address: "A1:D1", cells: [[...LOGG_OVERSKRIFTER]], numberFormat: "@", style: "header" },
      { sheet: LOGG_ARK, address: "A2", cells: [[tidSomSerial(TID)]], numberFormat: LOGG_TIDSFORMAT },
      { sheet: LOGG_ARK, address: "B2:D2", cells: [[linje.handling, linje.endret, linje.summer]], numberFormat: "@" },
    ]);
  });

  test("an existing sheet: appended right below the last used row, whatever column it is in; header and widths left alone", () => {
    const existing = snapshot(LOGG_ARK, [["Tidspunkt", "Handling"], [45000, "x"], ["", ""], ["", "", "", "notat fra Kari"], ["", ""]]);
    const plan = ok(planLogg(linje, existing));
    expect(plan.sheets).toEqual([{ name: LOGG_ARK, visibility: "visible" }]);
    expect(plan.writes.map((w) => w.address)).toEqual(["A5", "B5:D5"]);
  });

  test("an existing but blank sheet gets the header", () => {
    const plan = ok(planLogg(linje, snapshot(LOGG_ARK, [["", ""]])));
    expect(plan.writes.map((w) => w.address)).toEqual(["A1:D1", "A2", "B2:D2"]);
  });

  test("refuses an invalid time or an empty action", () => {
    expect(isRuleError(planLogg({ ...linje, tid: { ...TID, day: 32 } }))).toBe(true);
    expect(isRuleError(planLogg({ ...linje, handling: "  " }))).toBe(true);
  });
});

describe("beskrivEndringer / medLogg", () => {
  const plan: WritePlan = {
    ...emptyPlan(),
    sheets: [{ name: "A10 SPK brutto", visibility: "visible" }, { name: "_lonn", visibility: "veryHidden" }],
    writes: [
      { sheet: "A10 SPK brutto", address: "B12:C13", cells: [[1, null], [2, 3]] },
      { sheet: "_lonn", address: "A2:B2", cells: [["orgnr", "974760673"]] },
      { sheet: "A10 SPK brutto", address: "J12", cells: [[null]] },
    ],
    leftAlone: [{ sheet: "A10 SPK brutto", address: "J12", reason: "har forklaring" }],
  };

  test("counts the cells written per sheet, new sheets and cells left alone", () => {
    expect(beskrivEndringer(plan, new Set(["a10 spk brutto"]))).toBe("nye ark: _lonn; A10 SPK brutto: 3 celler; _lonn: 2 celler; 1 celle latt være");
    expect(beskrivEndringer(emptyPlan(), new Set())).toBe("ingen celler endret");
  });

  test("the log row describes the plan, not itself, and rides in the same plan", () => {
    const merged = ok(medLogg(plan, { tid: TID, handling: "Fylt", summer: "" }, undefined, new Set(["a10 spk brutto", "_lonn"])));
    expect(merged.writes.slice(0, 3)).toEqual(plan.writes);
    const row = merged.writes.find((w) => w.address === "B2:D2");
    expect(row?.cells).toEqual([["Fylt", "A10 SPK brutto: 3 celler; _lonn: 2 celler; 1 celle latt være", ""]]);
  });

  test("through the Office.js shell: two actions give two rows, the time a real date-time", async () => {
    const host = new FakeExcelHost().seed("Ark1");
    for (const handling of ["Oppsett lagret", "Avstemmingsarket fylt"]) {
      const report = await installed(host, () =>
        runPlanned((snaps) => medLogg(emptyPlan(), { tid: TID, handling, summer: "–" }, snaps.get(LOGG_ARK), new Set()), [LOGG_ARK]),
      );
      expect(isRuleError(report)).toBe(false);
    }
    expect(host.values(LOGG_ARK, "A1:D3")).toEqual([
      [...LOGG_OVERSKRIFTER],
      [tidSomSerial(TID), "Oppsett lagret", "ingen celler endret", "–"],
      [tidSomSerial(TID), "Avstemmingsarket fylt", "ingen celler endret", "–"],
    ]);
    expect(host.cell(LOGG_ARK, "A3").numberFormat).toBe(LOGG_TIDSFORMAT);
    expect(host.cell(LOGG_ARK, "B3").formula).toBeUndefined();
  });
});
