/** readSnapshots, readRange and readSelection against the strict fake host. */
import { padToA1, READ_CELLS_PER_SYNC, readRange, readSelection, readSnapshots } from "../../src/excel/read";
import { readSettingsSnapshot, SETTINGS_SHEET, withSettingsSheet } from "../../src/excel/settings";
import { FakeExcelHost } from "../fake-excel";
import { withExcel } from "./support";

function seeded(options: ConstructorParameters<typeof FakeExcelHost>[0] = {}): FakeExcelHost {
  return new FakeExcelHost(options)
    .seed("Data", [["T1", 100, { formula: "=C3*2", value: 200 }], [null, "x", null]], { origin: "C3" })
    .seed("Tomt")
    .seed(SETTINGS_SHEET, [["nøkkel", "verdi"], ["modus", "terminvis"]], { visibility: "VeryHidden" });
}

describe("readSnapshots", () => {
  test("one sync; grids start at A1; a missing sheet is undefined; an empty sheet gives empty grids", async () => {
    const host = seeded();
    const snaps = await withExcel(host, (ctx) => readSnapshots(ctx, ["data", "Tomt", "Mangler"]));
    expect(host.syncCount).toBe(1);
    expect(snaps.get("data")).toEqual({
      name: "Data",
      values: [["", "", "", "", ""], ["", "", "", "", ""], ["", "", "T1", 100, 200], ["", "", "", "x", ""]],
      formulas: [["", "", "", "", ""], ["", "", "", "", ""], ["", "", "T1", 100, "=C3*2"], ["", "", "", "x", ""]],
    });
    expect(snaps.get("Tomt")).toEqual({ name: "Tomt", values: [], formulas: [] });
    expect(snaps.has("Mangler")).toBe(true);
    expect(snaps.get("Mangler")).toBeUndefined();
  });

  test("when Excel refuses a call on a null object, it reads the sheets that exist instead (same answer)", async () => {
    const propagate = seeded();
    const fail = seeded({ nullObjectChains: "fail" });
    const a = await withExcel(propagate, (ctx) => readSnapshots(ctx, ["Data", "Mangler"]));
    const b = await withExcel(fail, (ctx) => readSnapshots(ctx, ["Data", "Mangler"]));
    expect(b).toEqual(a);
    expect(fail.syncCount).toBe(3);
    expect(fail.writes).toEqual([]);
  });

  test("the settings sheet is read like any other, and added once to an action's sheets", async () => {
    const host = seeded();
    const settings = await withExcel(host, (ctx) => readSettingsSnapshot(ctx));
    expect(settings?.values).toEqual([["nøkkel", "verdi"], ["modus", "terminvis"]]);
    expect(withSettingsSheet(["Data"])).toEqual(["Data", "_lonn"]);
    expect(withSettingsSheet(["_LONN", "Data"])).toEqual(["_LONN", "Data"]);
    const none = await withExcel(new FakeExcelHost().seed("Ark1"), (ctx) => readSettingsSnapshot(ctx));
    expect(none).toBeUndefined();
  });

  test("padToA1 pads rows above and columns to the left", () => {
    expect(padToA1([[1, 2]], 1, 2)).toEqual([["", "", "", ""], ["", "", 1, 2]]);
    expect(padToA1([[1]], 0, 0)).toEqual([[1]]);
  });
});

describe("readRange and readSelection", () => {
  test("an address gives the cells in use with their sheet and top-left cell", async () => {
    const host = seeded();
    const r = await withExcel(host, (ctx) => readRange(ctx, "Data!A1:E10"));
    expect(r).toEqual({ sheet: "Data", origin: "C3", values: [["T1", 100, 200], ["", "x", ""]] });
    expect(host.syncCount).toBe(2);
  });

  test("a bare sheet name reads the whole sheet; quoted names and whole columns work; an empty sheet gives no rows", async () => {
    const host = seeded().seed("SAP eksport", [["Lønnart", "Beløp"], ["CUS&OPAL34", "1 234,50"]]);
    expect(await withExcel(host, (ctx) => readRange(ctx, "Data"))).toEqual({ sheet: "Data", origin: "C3", values: [["T1", 100, 200], ["", "x", ""]] });
    expect(await withExcel(host, (ctx) => readRange(ctx, "'SAP eksport'!B:B"))).toEqual({ sheet: "SAP eksport", origin: "B1", values: [["Beløp"], ["1 234,50"]] });
    expect(await withExcel(host, (ctx) => readRange(ctx, "Tomt"))).toEqual({ sheet: "Tomt", origin: "A1", values: [] });
  });

  test("a big export is read in slices of rows, each response under the limit", async () => {
    const rows = Math.ceil((READ_CELLS_PER_SYNC * 2.5) / 4);
    const grid = Array.from({ length: rows }, (_, i) => [i, `ansatt ${i}`, i * 2, "x"]);
    const host = new FakeExcelHost().seed("Stor", grid);
    const r = await withExcel(host, (ctx) => readRange(ctx, "Stor"));
    expect(r.values.length).toBe(rows);
    expect(r.values[rows - 1]).toEqual([rows - 1, `ansatt ${rows - 1}`, (rows - 1) * 2, "x"]);
    expect(host.syncCount).toBe(1 + 3);
    expect(host.syncs.every((s) => s.responseBytes < 5_000_000)).toBe(true);
  });

  test("the selection is read the same way", async () => {
    const host = seeded().seedSelection("Data", "D3:E4");
    expect(await withExcel(host, (ctx) => readSelection(ctx))).toEqual({ sheet: "Data", origin: "D3", values: [[100, 200], ["x", ""]] });
  });
});
