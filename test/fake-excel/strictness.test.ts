/** The fake host's strict rules: what real Excel does that office-addin-mock does not. */
import { FakeExcelHost, FakeOfficeError } from "./index";

const codeOf = (e: unknown): string | undefined => (e instanceof FakeOfficeError ? e.code : undefined);

async function failure(p: Promise<unknown>): Promise<FakeOfficeError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FakeOfficeError) return e;
    throw e;
  }
  throw new Error("expected the promise to fail");
}

function thrown(f: () => unknown): FakeOfficeError {
  try {
    f();
  } catch (e) {
    if (e instanceof FakeOfficeError) return e;
    throw e;
  }
  throw new Error("expected a throw");
}

describe("queued until sync", () => {
  test("a write changes nothing until context.sync(), and each sync is counted", async () => {
    const host = new FakeExcelHost().seed("Data", [[1, 2]]);
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("A1:B1").values = [[10, 20]];
      expect(host.values("Data", "A1:B1")).toEqual([[1, 2]]);
      await ctx.sync();
      expect(host.values("Data", "A1:B1")).toEqual([[10, 20]]);
    });
    expect(host.syncCount).toBe(1);
    expect(host.writes).toEqual([{ sync: 1, sheet: "Data", address: "Data!A1:B1", kind: "values", payload: [[10, 20]] }]);
  });

  test("the written array is copied when queued, not when synced", async () => {
    const host = new FakeExcelHost().seed("Data");
    await host.run(async (ctx) => {
      const grid = [[1]];
      ctx.workbook.worksheets.getItem("Data").getRange("A1").values = grid;
      grid[0][0] = 99;
      await ctx.sync();
    });
    expect(host.cell("Data", "A1").value).toBe(1);
  });

  test("Excel.run refuses to end with operations that were never synced", async () => {
    const host = new FakeExcelHost().seed("Data");
    await expect(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Data").getRange("A1").values = [[1]];
      }),
    ).rejects.toThrow(/aldri ble sendt/);
    expect(host.cell("Data", "A1").value).toBe("");
  });

  test("run options are recorded with the run's sync count", async () => {
    const host = new FakeExcelHost().seed("Data");
    await host.run({ delayForCellEdit: true }, async (ctx) => ctx.sync());
    expect(host.runs).toEqual([{ options: { delayForCellEdit: true }, syncs: 1 }]);
  });
});

describe("reading needs load and sync", () => {
  test("not loaded, loaded but not synced, then readable", async () => {
    const host = new FakeExcelHost().seed("Data", [["x", 5]]);
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("A1:B1");
      expect(codeOf(thrown(() => r.values))).toBe("PropertyNotLoaded");
      r.load("values,address");
      expect(thrown(() => r.values).message).toMatch(/context\.sync\(\) har ikke kjørt/);
      await ctx.sync();
      expect(r.values).toEqual([["x", 5]]);
      expect(r.address).toBe("Data!A1:B1");
      expect(codeOf(thrown(() => r.formulas))).toBe("PropertyNotLoaded");
    });
  });

  test("a property you wrote cannot be read back without loading it again", async () => {
    const host = new FakeExcelHost().seed("Data");
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("A1");
      r.load("values");
      await ctx.sync();
      r.values = [[7]];
      expect(codeOf(thrown(() => r.values))).toBe("PropertyNotLoaded");
      r.load("values");
      await ctx.sync();
      expect(r.values).toEqual([[7]]);
    });
  });

  test("a load queued after a write sees the write (operations run in order)", async () => {
    const host = new FakeExcelHost().seed("Data");
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("A1");
      r.values = [[3]];
      r.load("values");
      await ctx.sync();
      expect(r.values).toEqual([[3]]);
    });
  });

  test("load() without properties and loading a whole navigation object are refused", async () => {
    const host = new FakeExcelHost().seed("Data");
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("A1");
      expect(codeOf(thrown(() => r.load()))).toBe("InvalidArgument");
      expect(codeOf(thrown(() => r.load("format")))).toBe("InvalidArgument");
      expect(codeOf(thrown(() => r.load("nonsense")))).toBe("InvalidArgument");
      r.load("format/fill/color");
      await ctx.sync();
      expect(r.format.fill.color).toBe("#FFFFFF");
    });
  });

  test("collections list their items only after load and sync", async () => {
    const host = new FakeExcelHost().seed("Data").seed("_lonn", [], { visibility: "VeryHidden" });
    await host.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      expect(codeOf(thrown(() => sheets.items))).toBe("PropertyNotLoaded");
      sheets.load("items/name,items/visibility");
      await ctx.sync();
      expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([["Data", "Visible"], ["_lonn", "VeryHidden"]]);
      expect(codeOf(thrown(() => sheets.items[0].position))).toBe("PropertyNotLoaded");
    });
  });
});

describe("null objects", () => {
  test("isNullObject is known only after a sync; a null object's properties cannot be read", async () => {
    const host = new FakeExcelHost().seed("Data");
    await host.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Mangler");
      const there = ctx.workbook.worksheets.getItemOrNullObject("data");
      missing.load("name");
      there.load("name");
      expect(codeOf(thrown(() => missing.isNullObject))).toBe("PropertyNotLoaded");
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
      expect(there.name).toBe("Data");
      expect(codeOf(thrown(() => missing.name))).toBe("InvalidObjectPath");
    });
  });

  test("a method on a null object gives a null object (propagate) or fails the sync (fail)", async () => {
    const propagate = new FakeExcelHost().seed("Data");
    await propagate.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getItemOrNullObject("Mangler").getUsedRangeOrNullObject(true);
      used.load("values");
      await ctx.sync();
      expect(used.isNullObject).toBe(true);
    });
    const fail = new FakeExcelHost({ nullObjectChains: "fail" }).seed("Data");
    const error = await failure(
      fail.run(async (ctx) => {
        ctx.workbook.worksheets.getItemOrNullObject("Mangler").getUsedRangeOrNullObject(true).load("values");
        await ctx.sync();
      }),
    );
    expect(error.code).toBe("InvalidObjectPath");
  });

  test("writing through a null object fails the sync", async () => {
    const host = new FakeExcelHost().seed("Data");
    const error = await failure(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItemOrNullObject("Mangler").getRange("A1").values = [[1]];
        await ctx.sync();
      }),
    );
    expect(error.code).toBe("InvalidObjectPath");
  });
});

describe("errors at sync, like Excel", () => {
  test("getItem of a missing sheet fails the sync; earlier operations stay done (no transaction)", async () => {
    const host = new FakeExcelHost().seed("Data");
    const error = await failure(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Data").getRange("A1").values = [[1]];
        ctx.workbook.worksheets.getItem("Mangler").getRange("A1").values = [[2]];
        ctx.workbook.worksheets.getItem("Data").getRange("A2").values = [[3]];
        await ctx.sync();
      }),
    );
    expect(error.code).toBe("ItemNotFound");
    expect(host.values("Data", "A1:A2")).toEqual([[1], [""]]);
  });

  test("a grid of the wrong size is refused with InvalidArgument", async () => {
    const host = new FakeExcelHost().seed("Data");
    const error = await failure(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Data").getRange("A1:B2").values = [[1, 2]];
        await ctx.sync();
      }),
    );
    expect(error.code).toBe("InvalidArgument");
    expect(error.message).toMatch(/1×2.*2×2/);
  });

  test("a request over the payload limit is refused before anything is written", async () => {
    const host = new FakeExcelHost({ maxPayloadBytes: 1000 }).seed("Data");
    const big = Array.from({ length: 200 }, (_, i) => [i * 1000]);
    const error = await failure(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Data").getRange("A1:A200").values = big;
        await ctx.sync();
      }),
    );
    expect(error.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(host.cell("Data", "A1").value).toBe("");
  });
});

describe("cell input, as Excel reads typed input", () => {
  async function write(host: FakeExcelHost, address: string, grid: unknown[][], via: "values" | "formulas" = "values"): Promise<void> {
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange(address);
      if (via === "values") r.values = grid;
      else r.formulas = grid;
      await ctx.sync();
    });
  }

  test("null leaves a cell alone, '' clears it", async () => {
    const host = new FakeExcelHost().seed("Data", [[1, { formula: "=A1*2", value: 2 }, "x"]]);
    await write(host, "A1:C1", [[null, null, ""]]);
    expect(host.formulas("Data", "A1:C1")).toEqual([[1, "=A1*2", ""]]);
    expect(host.cell("Data", "B1").value).toBe(2);
  });

  test("a string starting with = becomes a formula through values or formulas", async () => {
    const host = new FakeExcelHost().seed("Data");
    await write(host, "A1:B1", [['=HYPERLINK("x")', "=1+1"]]);
    expect(host.cell("Data", "A1").formula).toBe('=HYPERLINK("x")');
    await write(host, "C1", [["=SUM(A1)"]], "formulas");
    expect(host.cell("Data", "C1").formula).toBe("=SUM(A1)");
  });

  test("+, - and @ in front of a non-number start a formula; numbers, percents, booleans and ISO dates convert", async () => {
    const host = new FakeExcelHost().seed("Data");
    await write(host, "A1:H1", [["-A1", "+B2", "@SUM(A1)", "-5", "0301", "12.5%", "TRUE", "2024-02-29"]]);
    const row = host.formulas("Data", "A1:H1")[0];
    expect(row).toEqual(["=-A1", "=+B2", "=SUM(A1)", -5, 301, 0.125, true, 45351]);
  });

  test("a leading apostrophe keeps the rest as text and is not stored", async () => {
    const host = new FakeExcelHost().seed("Data");
    await write(host, "A1:D1", [["'=HYPERLINK(\"x\")", "'0301", "''quoted", "'-A1"]]);
    expect(host.formulas("Data", "A1:D1")).toEqual([['=HYPERLINK("x")', "0301", "'quoted", "-A1"]]);
    expect(host.cell("Data", "A1").quotePrefix).toBe(true);
    expect(host.cell("Data", "A1").formula).toBeUndefined();
  });

  test("a cell formatted as text keeps a string as it is, a leading apostrophe included", async () => {
    const host = new FakeExcelHost().seed("Data", [[{ value: "", numberFormat: "@" }, { value: "", numberFormat: "@" }]]);
    host.seed("Data", [[{ value: "", numberFormat: "@" }, { value: "", numberFormat: "@" }]], { origin: "C1" });
    await write(host, "A1:D1", [["=1+1", "'0301", 5, true]]);
    expect(host.formulas("Data", "A1:D1")).toEqual([["=1+1", "'0301", "5", "TRUE"]]);
    expect(host.cell("Data", "A1").formula).toBeUndefined();
  });

  test("en-US dates and times become date serials; locale-shaped dates stay text", async () => {
    const host = new FakeExcelHost().seed("Data");
    await write(host, "A1:D1", [["1/31/2024", "12:30", "31.01.2024", "19-8-2025"]]);
    expect(host.formulas("Data", "A1:D1")).toEqual([[45322, 0.5208333333333334, "31.01.2024", "19-8-2025"]]);
  });

  test("text that is neither formula nor number stays text", async () => {
    const host = new FakeExcelHost().seed("Data");
    await write(host, "A1:B1", [["<img src=x onerror=alert(1)>", "Termin 1"]]);
    expect(host.formulas("Data", "A1:B1")).toEqual([["<img src=x onerror=alert(1)>", "Termin 1"]]);
  });

  test("an unbalanced formula, NaN and objects are refused", async () => {
    const host = new FakeExcelHost().seed("Data");
    expect((await failure(write(host, "A1", [["=SUM(A1"]]))).code).toBe("InvalidArgument");
    expect((await failure(write(host, "A1", [[NaN]]))).code).toBe("InvalidArgument");
    expect((await failure(write(host, "A1", [[{ formula: "=1" }]]))).code).toBe("InvalidArgument");
  });
});
