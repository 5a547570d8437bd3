import { isProblems } from "../../../src/core/problem/problem";
import { describeChanges, LOG_SHEET, LOG_HEADINGS, LOGG_TIDSFORMAT, withLogRow, planLogg, timeSerial, Timestamp } from "../../../src/core/workpaper/logg";
import { emptyPlan, WritePlan } from "../../../src/core/workpaper/write-plan";
import { SheetSnapshot } from "../../../src/core/sheet/snapshot";
import { runPlanned } from "../../../src/excel/run";
import { FakeExcelHost } from "../../fake-excel";
import { ok } from "../../support/checked";

/** Runs `f` with the fake Excel host installed as the global `Excel`. */
async function installed<R>(host: FakeExcelHost, f: () => Promise<R>): Promise<R> {
  const restore = host.install();
  try {
    return await f();
  } finally {
    restore();
  }
}

const TID: Timestamp = { year: 2025, month: 1, day: 31, hour: 14, minute: 5, second: 30 };
const linje = { tid: TID, handling: "Avstemmingsarket fylt", endret: "A10 SPK brutto: 54 celler", summer: "ΣR 53 160,35" };

const snapshot = (name: string, values: unknown[][]): SheetSnapshot => ({ name, values, formulas: values });

describe("timeSerial", () => {
  test("days since 1900 plus the fraction of the day, as Excel stores a date-time", () => {
    // 2025-01-31 is serial 45688 (Excel: =DATE(2025;1;31)); 14:05:30 is 50730 s of 86400.
    expect(timeSerial(TID)).toBeCloseTo(45688 + 50730 / 86400, 10);
    expect(timeSerial({ ...TID, hour: 0, minute: 0, second: 0 })).toBe(45688);
  });

  test("refuses a time that does not exist", () => {
    expect(timeSerial({ ...TID, month: 2, day: 30 })).toBeUndefined();
    expect(timeSerial({ ...TID, hour: 24 })).toBeUndefined();
    expect(timeSerial({ ...TID, minute: 60 })).toBeUndefined();
    expect(timeSerial({ ...TID, second: 1.5 })).toBeUndefined();
  });
});

describe("planLogg", () => {
  test("a new Logg sheet: header in row 1, the entry in row 2, text cells as text", () => {
    const plan = ok(planLogg(linje));
    expect(plan.sheets).toEqual([expect.objectContaining({ name: LOG_SHEET, visibility: "visible", freezeRows: 1 })]);
    expect(plan.writes).toEqual([
      { sheet: LOG_SHEET, address: "A1:E1", cells: [[...LOG_HEADINGS]], numberFormat: "@", style: "header" },
      { sheet: LOG_SHEET, address: "A2", cells: [[timeSerial(TID)]], numberFormat: LOGG_TIDSFORMAT },
      { sheet: LOG_SHEET, address: "B2:E2", cells: [[linje.handling, linje.endret, linje.summer, ""]], numberFormat: "@" },
    ]);
    expect(LOG_HEADINGS).toEqual(["Tidspunkt", "Handling", "Hva ble endret", "Summer og kontrolltall", "Hvem"]);
  });

  test("who did it goes in «Hvem»", () => {
    const plan = ok(planLogg({ ...linje, hvem: "KN" }));
    expect(plan.writes[2].cells).toEqual([[linje.handling, linje.endret, linje.summer, "KN"]]);
  });

  test("an existing sheet: appended right below the last used row, whatever column it is in; header and widths left alone", () => {
    const existing = snapshot(LOG_SHEET, [["Tidspunkt", "Handling"], [45000, "x"], ["", ""], ["", "", "", "notat fra Kari"], ["", ""]]);
    const plan = ok(planLogg(linje, existing));
    expect(plan.sheets).toEqual([{ name: LOG_SHEET, visibility: "visible" }]);
    // A log begun before «Hvem» existed gets the heading in E1, beside its own.
    expect(plan.writes.map((w) => w.address)).toEqual(["E1", "A5", "B5:E5"]);
    expect(plan.writes[0].cells).toEqual([["Hvem"]]);
  });

  test("an existing but blank sheet gets the header", () => {
    const plan = ok(planLogg(linje, snapshot(LOG_SHEET, [["", ""]])));
    expect(plan.writes.map((w) => w.address)).toEqual(["A1:E1", "A2", "B2:E2"]);
  });

  test("refuses an invalid time or an empty action", () => {
    expect(isProblems(planLogg({ ...linje, tid: { ...TID, day: 32 } }))).toBe(true);
    expect(isProblems(planLogg({ ...linje, handling: "  " }))).toBe(true);
  });
});

describe("describeChanges / withLogRow", () => {
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
    expect(describeChanges(plan, new Set(["a10 spk brutto"]))).toBe("nye ark: _lonn; A10 SPK brutto: 3 celler; _lonn: 2 celler; 1 celle latt være");
    expect(describeChanges(emptyPlan(), new Set())).toBe("ingen celler endret");
  });

  test("the log row describes the plan, not itself, and rides in the same plan", () => {
    const merged = ok(withLogRow(plan, { tid: TID, handling: "Fylt", summer: "" }, undefined, new Set(["a10 spk brutto", "_lonn"])));
    expect(merged.writes.slice(0, 3)).toEqual(plan.writes);
    const row = merged.writes.find((w) => w.address === "B2:E2");
    expect(row?.cells).toEqual([["Fylt", "A10 SPK brutto: 3 celler; _lonn: 2 celler; 1 celle latt være", "", ""]]);
  });

  test("through the Office.js shell: two actions give two rows, the time a real date-time", async () => {
    const host = new FakeExcelHost().seed("Ark1");
    for (const handling of ["Oppsett lagret", "Avstemmingsarket fylt"]) {
      const report = await installed(host, () =>
        runPlanned((snaps) => withLogRow(emptyPlan(), { tid: TID, handling, summer: "–" }, snaps.get(LOG_SHEET), new Set()), [LOG_SHEET]),
      );
      expect(isProblems(report)).toBe(false);
    }
    expect(host.values(LOG_SHEET, "A1:E3")).toEqual([
      [...LOG_HEADINGS],
      [timeSerial(TID), "Oppsett lagret", "ingen celler endret", "–", ""],
      [timeSerial(TID), "Avstemmingsarket fylt", "ingen celler endret", "–", ""],
    ]);
    expect(host.cell(LOG_SHEET, "A3").numberFormat).toBe(LOGG_TIDSFORMAT);
    expect(host.cell(LOG_SHEET, "B3").formula).toBeUndefined();
  });
});
