/** The fake host's Worksheet.pageLayout: exactly the members the add-in uses, with Excel's rules, and nothing else. */
import { FakeExcelHost } from "./index";

/** A batch that must fail in its sync with Excel's error `code`. */
const failsWith = (code: string, p: Promise<unknown>): Promise<void> => expect(p).rejects.toMatchObject({ code });

describe("Worksheet.pageLayout in the fake host", () => {
  test("queued until sync, then readable after load; every change is logged", async () => {
    const host = new FakeExcelHost().seed("Ark");
    await host.run(async (ctx) => {
      const layout = ctx.workbook.worksheets.getItem("Ark").pageLayout;
      layout.orientation = "Landscape";
      layout.paperSize = "A4";
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      layout.setPrintTitleRows("1:3");
      layout.headersFooters.defaultForAllPages.centerFooter = "Side &P av &N";
      expect(host.sheet("Ark").pageLayout.orientation).toBe("Portrait");
      await ctx.sync();
      layout.load("orientation,paperSize,zoom");
      layout.headersFooters.defaultForAllPages.load("centerFooter");
      await ctx.sync();
      expect([layout.orientation, layout.paperSize, layout.zoom]).toEqual(["Landscape", "A4", { horizontalFitToPages: 1, verticalFitToPages: 0 }]);
      expect(layout.headersFooters.defaultForAllPages.centerFooter).toBe("Side &P av &N");
    });
    expect(host.sheet("Ark").pageLayout.printTitleRows).toBe("$1:$3");
    expect(host.writes.map((w) => [w.kind, w.payload])).toEqual([
      ["pageLayout.orientation", "Landscape"],
      ["pageLayout.paperSize", "A4"],
      ["pageLayout.zoom", { horizontalFitToPages: 1, verticalFitToPages: 0 }],
      ["pageLayout.setPrintTitleRows", "$1:$3"],
      ["headerFooter.centerFooter", "Side &P av &N"],
    ]);
    expect(host.state().sheets[0].pageLayout?.orientation).toBe("Landscape");
  });

  test("members the add-in does not use throw when read or written, instead of quietly doing nothing", async () => {
    const host = new FakeExcelHost().seed("Ark");
    await host.run(async (ctx) => {
      const layout = ctx.workbook.worksheets.getItem("Ark").pageLayout as unknown as Record<string, unknown>;
      expect(() => (layout.printGridlines = true)).toThrow(/PageLayout\.printGridlines finnes ikke i den falske verten/);
      expect(() => layout.leftMargin).toThrow(/PageLayout\.leftMargin finnes ikke/);
      const group = ctx.workbook.worksheets.getItem("Ark").pageLayout.headersFooters as unknown as Record<string, unknown>;
      expect(() => group.firstPage).toThrow(/HeaderFooterGroup\.firstPage finnes ikke/);
      expect(() => (group.state = "Default")).toThrow(/HeaderFooterGroup\.state finnes ikke/);
      expect(() => ctx.workbook.worksheets.getItem("Ark").pageLayout.load("blackAndWhite")).toThrow(/ingen egenskap «blackAndWhite»/);
    });
  });

  test("zoom is one object (Office.js ignores zoom.scale = …), and is checked as Excel checks it", async () => {
    const host = new FakeExcelHost().seed("Ark");
    await host.run(async (ctx) => {
      const layout = ctx.workbook.worksheets.getItem("Ark").pageLayout;
      expect(() => layout.zoom.scale).toThrow(/PageLayout\.zoom er ikke lastet/);
    });
    for (const zoom of [{ scale: 5 }, { scale: 100, horizontalFitToPages: 1 }, {}, { horizontalFitToPages: 0.5 }, { fitToWidth: 1 }]) {
      await failsWith("InvalidArgument", host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Ark").pageLayout.zoom = zoom as never;
        await ctx.sync();
      }));
    }
    expect(host.sheet("Ark").pageLayout.zoom).toEqual({ scale: 100 });
  });

  test("print titles must be whole rows; paper and orientation must be Excel's names", async () => {
    const host = new FakeExcelHost().seed("Ark");
    for (const queue of [
      (l: Excel.PageLayout) => l.setPrintTitleRows("A1:B2"),
      (l: Excel.PageLayout) => l.setPrintTitleRows("$5:$2"),
      (l: Excel.PageLayout) => (l.paperSize = "A4Landscape" as never),
      (l: Excel.PageLayout) => (l.orientation = "landscape" as never),
    ]) {
      await failsWith("InvalidArgument", host.run(async (ctx) => {
        queue(ctx.workbook.worksheets.getItem("Ark").pageLayout as unknown as Excel.PageLayout);
        await ctx.sync();
      }));
    }
  });

  test("on a host without ExcelApi 1.9 a sync that touches the page layout fails with ApiNotFound", async () => {
    const host = new FakeExcelHost({ requirementSets: { ExcelApi: "1.8" } }).seed("Ark");
    await failsWith("ApiNotFound", host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Ark").pageLayout.orientation = "Landscape";
      await ctx.sync();
    }));
    expect(host.sheet("Ark").pageLayout.orientation).toBe("Portrait");
  });
});
