/** The fake host's workbook: sheets, names, formats, conditional formats, used ranges, globals. */
import { FakeExcelHost, FakeOfficeError } from "./index";

async function failure(p: Promise<unknown>): Promise<FakeOfficeError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FakeOfficeError) return e;
    throw e;
  }
  throw new Error("expected the promise to fail");
}

describe("sheets", () => {
  test("add, case-insensitive lookup, duplicates refused, very hidden sheets", async () => {
    const host = new FakeExcelHost().seed("Data");
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.add("_lonn");
      s.visibility = "VeryHidden";
      await ctx.sync();
    });
    expect(host.sheet("_LONN").visibility).toBe("VeryHidden");
    expect(host.writes.map((w) => w.kind)).toEqual(["worksheets.add", "worksheet.visibility"]);
    const dup = await failure(host.run(async (ctx) => {
      ctx.workbook.worksheets.add("DATA");
      await ctx.sync();
    }));
    expect(dup.code).toBe("ItemAlreadyExists");
  });

  test("the last visible sheet cannot be hidden; a hidden sheet cannot be activated; bad names are refused", async () => {
    const host = new FakeExcelHost().seed("Data");
    expect((await failure(host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").visibility = "Hidden";
      await ctx.sync();
    }))).code).toBe("InvalidOperation");
    host.seed("Skjult", [], { visibility: "Hidden" });
    expect((await failure(host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Skjult").activate();
      await ctx.sync();
    }))).code).toBe("InvalidOperation");
    expect((await failure(host.run(async (ctx) => {
      ctx.workbook.worksheets.add("a/b");
      await ctx.sync();
    }))).code).toBe("InvalidArgument");
  });

  test("freeze panes and column widths", async () => {
    const host = new FakeExcelHost().seed("Data");
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Data");
      s.freezePanes.freezeRows(6);
      s.getRange("B:C").format.columnWidth = 90;
      const w = s.getRange("B1:C1").format;
      w.load("columnWidth");
      await ctx.sync();
      expect(w.columnWidth).toBe(90);
    });
    expect(host.sheet("Data").frozenRows).toBe(6);
    expect(host.state().sheets[0].columnWidths).toEqual({ B: 90, C: 90 });
    expect(host.writes.find((w) => w.kind === "format.columnWidth")?.address).toBe("Data!B:C");
  });

  test("used range: values only or with formats; null object for an empty sheet; A1 from getUsedRange", async () => {
    const host = new FakeExcelHost().seed("Data", [[null, null], [null, 5]]).seed("Tomt");
    host.sheet("Data").edit(3, 3).fill = "#FF0000";
    await host.run(async (ctx) => {
      const data = ctx.workbook.worksheets.getItem("Data");
      const valuesOnly = data.getUsedRange(true).load("address");
      const all = data.getUsedRange().load("address");
      const empty = ctx.workbook.worksheets.getItem("Tomt").getUsedRangeOrNullObject(true).load("address");
      const a1 = ctx.workbook.worksheets.getItem("Tomt").getUsedRange().load("address");
      await ctx.sync();
      expect([valuesOnly.address, all.address, empty.isNullObject, a1.address]).toEqual(["Data!B2", "Data!B2:D4", true, "Tomt!A1"]);
    });
  });
});

describe("ranges", () => {
  test("getCell, getResizedRange, getOffsetRange, getRowsBelow resolve relative to the range", async () => {
    const host = new FakeExcelHost().seed("Data");
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("B2:C3");
      const got = [r.getCell(1, 1), r.getResizedRange(2, 0), r.getOffsetRange(1, 1), r.getRowsBelow(2)].map((x) => x.load("address"));
      await ctx.sync();
      expect(got.map((x) => x.address)).toEqual(["Data!C3", "Data!B2:C5", "Data!C3:D4", "Data!B4:C5"]);
    });
  });

  test("formats: fill, font, wrap, number formats with null; uniform reads give null when cells differ", async () => {
    const host = new FakeExcelHost().seed("Data");
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("A1:B1");
      r.format.fill.color = "#fff7d6";
      r.format.font.bold = true;
      r.format.wrapText = true;
      r.numberFormat = [["0.00%", null]];
      ctx.workbook.worksheets.getItem("Data").getRange("B1").format.font.color = "#595959";
      r.load("numberFormat");
      r.format.font.load("color,bold");
      await ctx.sync();
      expect(r.numberFormat).toEqual([["0.00%", "General"]]);
      expect(r.format.font.color).toBeNull();
      expect(r.format.font.bold).toBe(true);
    });
    expect(host.cell("Data", "A1")).toMatchObject({ fill: "#FFF7D6", bold: true, wrap: true, numberFormat: "0.00%" });
  });

  test("select sets the selection that getSelectedRange reads", async () => {
    const host = new FakeExcelHost().seed("Data");
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("C3:D9").select();
      const sel = ctx.workbook.getSelectedRange().load("address");
      await ctx.sync();
      expect(sel.address).toBe("Data!C3:D9");
    });
  });
});

describe("names", () => {
  test("add from a range or a formula, update the formula, refuse duplicates and bad names", async () => {
    const host = new FakeExcelHost().seed("A10 SPK brutto");
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("A10 SPK brutto");
      ctx.workbook.names.add("LONN_AAR", s.getRange("C3"));
      ctx.workbook.names.add("LONN_SATS", "='A10 SPK brutto'!$C$4");
      await ctx.sync();
      const n = ctx.workbook.names.getItemOrNullObject("lonn_aar");
      n.load("formula,type");
      await ctx.sync();
      expect([n.formula, n.type]).toEqual(["='A10 SPK brutto'!$C$3", "Range"]);
      n.formula = "='A10 SPK brutto'!$D$3";
      await ctx.sync();
    });
    expect(host.name("LONN_AAR")?.formula).toBe("='A10 SPK brutto'!$D$3");
    expect(host.workbook.names).toHaveLength(2);
    expect((await failure(host.run(async (ctx) => {
      ctx.workbook.names.add("LONN_AAR", "=1");
      await ctx.sync();
    }))).code).toBe("ItemAlreadyExists");
    for (const bad of ["A1", "har mellomrom", "1LONN", "R1C1"]) {
      expect((await failure(host.run(async (ctx) => {
        ctx.workbook.names.add(bad, "=1");
        await ctx.sync();
      }))).code).toBe("InvalidArgument");
    }
  });

  test("items list every name with the loaded properties", async () => {
    const host = new FakeExcelHost().seed("Data").seedName("LONN_X", "=Data!$A$1");
    await host.run(async (ctx) => {
      const names = ctx.workbook.names.load("items/name,items/formula");
      await ctx.sync();
      expect(names.items.map((n) => [n.name, n.formula])).toEqual([["LONN_X", "=Data!$A$1"]]);
    });
  });
});

describe("conditional formats", () => {
  test("add a custom rule, count, clear on the same range", async () => {
    const host = new FakeExcelHost().seed("Data");
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("G7:G12");
      const cf = r.conditionalFormats.add("Custom");
      cf.custom.rule.formula = "=ABS($G7)>1";
      cf.custom.format.fill.color = "#F8D7DA";
      cf.custom.format.font.color = "#8B1A1A";
      await ctx.sync();
      const count = r.conditionalFormats.getCount();
      await ctx.sync();
      expect(count.value).toBe(1);
    });
    expect(host.state().sheets[0].conditionalFormats).toEqual([
      { address: "G7:G12", type: "Custom", formula: "=ABS($G7)>1", fill: "#F8D7DA", fontColor: "#8B1A1A" },
    ]);
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("G7:G12").conditionalFormats.clearAll();
      await ctx.sync();
    });
    expect(host.sheet("Data").conditionalFormats).toEqual([]);
  });

  test("a rule formula must start with =", async () => {
    const host = new FakeExcelHost().seed("Data");
    expect((await failure(host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("A1").conditionalFormats.add("Custom").custom.rule.formula = "A1>1";
      await ctx.sync();
    }))).code).toBe("InvalidArgument");
  });
});

describe("globals and requirement sets", () => {
  test("install puts Excel and Office on the global object and restores them", async () => {
    const host = new FakeExcelHost({ requirementSets: { ExcelApi: "1.12" } }).seed("Data", [[1]]);
    const restore = host.install();
    try {
      expect(Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(true);
      expect(Office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(false);
      expect(Office.context.requirements.isSetSupported("WordApi", "1.1")).toBe(false);
      const v = await Excel.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("Data").getRange("A1").load("values");
        await ctx.sync();
        return r.values[0][0];
      });
      expect(v).toBe(1);
    } finally {
      restore();
    }
    expect((globalThis as { Excel?: unknown }).Excel).toBeUndefined();
  });

  test("state() is plain JSON that changes exactly when the workbook does", async () => {
    const host = new FakeExcelHost().seed("Data", [["a", { formula: "=1+1", value: 2 }]]);
    const before = host.state();
    expect(before.sheets[0].cells).toEqual({
      A1: { value: "a", numberFormat: "General" },
      B1: { value: 2, formula: "=1+1", numberFormat: "General" },
    });
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("A1:B1").formulas = [["a", "=1+1"]];
      await ctx.sync();
    });
    expect(host.state()).toEqual(before);
  });
});
