/** readSnapshots, readRange and readSelection against the strict fake host. */
import { padToA1, READ_BYTES_PER_SYNC, readRange, readSelection, readSnapshots } from "../../src/excel/read";
import { readSettingsSnapshot, SETTINGS_SHEET, withSettingsSheet } from "../../src/excel/settings";
import { FakeExcelHost, FakeRequestContext } from "../fake-excel";
import { withExcel } from "./support";

/**
 * What each sync brought back, in UTF-8 bytes of its JSON (the fake's own count is in UTF-16
 * units, which undercounts æ, ø, å and €), keyed by the sync's number.
 */
function utf8PerSync(host: FakeExcelHost): { bytes: Map<number, number>; restore: () => void } {
  const bytes = new Map<number, number>();
  const original = FakeRequestContext.prototype.countResponse;
  const spy = jest.spyOn(FakeRequestContext.prototype, "countResponse").mockImplementation(function (this: FakeRequestContext, value: unknown) {
    const n = Buffer.byteLength(JSON.stringify(value ?? null), "utf8");
    bytes.set(host.syncCount, (bytes.get(host.syncCount) ?? 0) + n);
    original.call(this, value);
  });
  return { bytes, restore: () => spy.mockRestore() };
}

/** A text of `length` characters, mostly Norwegian letters and €, that does not repeat from row to row. */
function longText(seed: number, length: number): string {
  const alphabet = "æøåÆØÅ€€€ ab1";
  let x = seed * 2654435761 + 1;
  let out = "";
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += alphabet[x % alphabet.length];
  }
  return out;
}

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

  test("an export of up to 2 000 cells is read in one block (two syncs, as the pane counts on); one cell more in several", async () => {
    const grid = Array.from({ length: 250 }, (_, i) => [`T${(i % 6) + 1}`, "CUS&OPAL34", i * 100.5, "Ansatt Ålesund", 2024, "01.2024", i, "kr"]);
    const small = new FakeExcelHost().seed("SAP", grid);
    expect((await withExcel(small, (ctx) => readRange(ctx, "SAP"))).values).toEqual(grid);
    expect(small.syncCount).toBe(2);
    const bigger = new FakeExcelHost().seed("SAP", [...grid, ["T1"]]);
    expect((await withExcel(bigger, (ctx) => readRange(ctx, "SAP"))).values).toEqual([...grid, ["T1", "", "", "", "", "", "", ""]]);
    // 251 × 8 cells: 5 rows as if every cell were as heavy as Excel allows, 160 (32 × 5), the other 86.
    expect(bigger.syncCount).toBe(1 + 3);
  });

  test("a sheet of short numbers reads in few blocks, each answer under the byte budget", async () => {
    const rows = 62_500; // 250 000 cells
    const grid = Array.from({ length: rows }, (_, i) => [i, i * 2, i * 3 + 0.5, -i]);
    const host = new FakeExcelHost().seed("Stor", grid);
    const measured = utf8PerSync(host);
    try {
      const r = await withExcel(host, (ctx) => readRange(ctx, "Stor"));
      expect(r.values).toEqual(grid);
      // The used range, then blocks of 10, 320, 10 240 and the remaining 51 930 rows: the first
      // as if every cell were as heavy as Excel allows, each later one 32 × the last at most.
      expect(host.syncCount).toBe(1 + 4);
      expect(Math.max(...measured.bytes.values())).toBeLessThanOrEqual(READ_BYTES_PER_SYNC);
    } finally {
      measured.restore();
    }
  });

  test("long texts: no block brings back more than the byte budget, counted in UTF-8", async () => {
    const rows = 2_000;
    const grid = Array.from({ length: rows }, (_, i) => [longText(i, 400 + ((i * 7919) % 2600)), i, longText(i + rows, 300 + ((i * 104729) % 1700))]);
    const total = Buffer.byteLength(JSON.stringify(grid), "utf8");
    // Norwegian letters and € weigh 2–3 bytes in UTF-8 but count 1 in UTF-16: a UTF-16 budget would overshoot.
    expect(total).toBeGreaterThan(1.8 * JSON.stringify(grid).length);
    const host = new FakeExcelHost().seed("Forklaringer", grid);
    const measured = utf8PerSync(host);
    try {
      const r = await withExcel(host, (ctx) => readRange(ctx, "Forklaringer"));
      expect(r.values).toEqual(grid);
      const blocks = [...measured.bytes.entries()].filter(([sync]) => sync > 1).map(([, bytes]) => bytes);
      expect(blocks.length).toBe(host.syncCount - 1);
      expect(Math.max(...blocks)).toBeLessThanOrEqual(READ_BYTES_PER_SYNC);
      // Nothing was refused, and the blocks are not needlessly small: at most twice the fewest possible, plus the ramp-up.
      expect(host.syncs.every((sync) => sync.responseBytes <= 5_000_000)).toBe(true);
      expect(blocks.length).toBeLessThanOrEqual(2 * Math.ceil(total / READ_BYTES_PER_SYNC) + 3);
    } finally {
      measured.restore();
    }
  });

  test("rows far heavier than all before them: Excel refuses the block, the rows are read in halves, and all of them arrive", async () => {
    const light = Array.from({ length: 20_000 }, (_, i) => [i, "x"]);
    const heavy = Array.from({ length: 300 }, (_, i) => [i, longText(i, 20_000)]);
    const grid = [...light, ...heavy, ...light.slice(0, 1_000)];
    const host = new FakeExcelHost().seed("Blandet", grid);
    const r = await withExcel(host, (ctx) => readRange(ctx, "Blandet"));
    expect(r.values).toEqual(grid);
    const refused = host.syncs.filter((sync) => sync.responseBytes > 5_000_000);
    // Each refusal halves the block over the heavy rows: at most log2 of the block that met them first.
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(refused.length).toBeLessThanOrEqual(Math.ceil(Math.log2(20_480)));
    // Once read, the heavy rows size the blocks after them: none of those is refused.
    const lastRefused = Math.max(...refused.map((sync) => sync.index));
    expect(host.syncs.filter((sync) => sync.index > lastRefused + 1).every((sync) => sync.responseBytes <= 5_000_000)).toBe(true);
  });

  test("a column of a million short cells comes in blocks of hundreds of thousands of rows, whole", async () => {
    const rows = 1_048_576; // all of Excel's rows
    const grid = Array.from({ length: rows }, (_, i) => [i % 10]);
    const host = new FakeExcelHost().seed("Kolonne", grid);
    const r = await withExcel(host, (ctx) => readRange(ctx, "Kolonne"));
    expect(r.values.length).toBe(rows);
    expect(r.values[rows - 1]).toEqual([(rows - 1) % 10]);
    // 40 rows, 1 280, 40 960, then up to a million rows (4 bytes each) per block, and the rest.
    expect(host.syncCount).toBe(1 + 5);
    expect(host.syncs.every((sync) => sync.responseBytes <= READ_BYTES_PER_SYNC)).toBe(true);
  });

  test("a single row Excel cannot send fails with Excel's code, which the pane explains", async () => {
    const host = new FakeExcelHost({ maxPayloadBytes: 50_000 }).seed("Rad", [["kort"], [longText(1, 60_000)], ["kort"]]);
    await expect(withExcel(host, (ctx) => readRange(ctx, "Rad"))).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });

  test("the selection is read the same way", async () => {
    const host = seeded().seedSelection("Data", "D3:E4");
    expect(await withExcel(host, (ctx) => readSelection(ctx))).toEqual({ sheet: "Data", origin: "D3", values: [[100, 200], ["x", ""]] });
  });
});
