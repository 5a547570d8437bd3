/** applyPlan against the strict fake host, with synthetic DFØ-shaped plans. */
import { applyPlan, MAX_CELLS_PER_WRITE } from "../../src/excel/apply-plan";
import { formatProblem, Problems } from "../../src/core/problem/problem";
import { Cell, STYLES, WritePlan } from "../../src/core/workpaper/write-plan";
import { contains, FakeExcelHost, parseLocal, Rect, splitSheet } from "../fake-excel";
import { dfoLikePlan, FIRST_ROW, SHEET, withExcel } from "./support";

const apply = (host: FakeExcelHost, plan: WritePlan) => withExcel(host, (ctx) => applyPlan(ctx, plan));

describe("a constant number of syncs", () => {
  test("6 and 6 000 data rows take the same syncs: one probe, one write", async () => {
    const counts: number[] = [];
    for (const rows of [6, 6000]) {
      const host = new FakeExcelHost().seed("Ark1");
      const report = await apply(host, dfoLikePlan(rows));
      expect(report.syncs).toBe(host.syncCount);
      expect(host.syncs.map((s) => s.requestBytes < 4_000_000)).toEqual([true, true]);
      counts.push(host.syncCount);
    }
    expect(counts).toEqual([2, 2]);
  });

  test("the 6 000-row grid is sent in row blocks inside the one write sync", async () => {
    const host = new FakeExcelHost().seed("Ark1");
    await apply(host, dfoLikePlan(6000));
    const blocks = host.writes.filter((w) => w.kind === "formulas" && w.address.includes("W"));
    expect(blocks.length).toBe(Math.ceil(6000 / Math.floor(MAX_CELLS_PER_WRITE / 23)));
    expect(blocks[0].address).toBe(`'${SHEET}'!A7:W${6 + Math.floor(MAX_CELLS_PER_WRITE / 23)}`);
    expect(new Set(blocks.map((b) => b.sync))).toEqual(new Set([2]));
  });

  test("calculation is suspended for the write sync where ExcelApi 1.6 exists, and the plan still applies without it", async () => {
    const modern = new FakeExcelHost().seed("Ark1");
    await apply(modern, dfoLikePlan(6));
    expect(modern.syncs.map((s) => s.calculationSuspended)).toEqual([false, true]);
    const old = new FakeExcelHost({ requirementSets: { ExcelApi: "1.5" } }).seed("Ark1");
    await apply(old, dfoLikePlan(6));
    expect(old.syncs.map((s) => s.calculationSuspended)).toEqual([false, false]);
    expect(old.state()).toEqual(modern.state());
  });

  test("a plan over the payload budget is split over write syncs that each stay under the host's limit", async () => {
    const plan = dfoLikePlan(2000);
    const whole = new FakeExcelHost().seed("Ark1");
    await apply(whole, plan);
    const host = new FakeExcelHost({ maxPayloadBytes: 120_000 }).seed("Ark1");
    const report = await withExcel(host, (ctx) => applyPlan(ctx, plan, undefined, { payloadBudget: 100_000 }));
    expect(report.syncs).toBeGreaterThan(2);
    expect(host.syncs.every((s) => s.requestBytes <= 120_000)).toBe(true);
    expect(host.state()).toEqual(whole.state());
  });
});

describe("idempotent", () => {
  test("applying the same plan twice changes nothing the second time", async () => {
    const host = new FakeExcelHost().seed("Ark1");
    const plan = dfoLikePlan(12);
    await apply(host, plan);
    const first = host.state();
    host.resetLog();
    const again = await apply(host, plan);
    expect(host.state()).toEqual(first);
    expect(again.sheetsCreated).toEqual([]);
    expect(again.namesAdded).toEqual([]);
    expect(again.namesUpdated).toEqual([]);
    expect(host.writes.filter((w) => w.kind.startsWith("names") || w.kind.startsWith("name."))).toEqual([]);
  });

  test("conditional formats are replaced, not stacked", async () => {
    const host = new FakeExcelHost().seed("Ark1");
    const plan = dfoLikePlan(6);
    await apply(host, plan);
    await apply(host, plan);
    await apply(host, plan);
    const cfs = host.state().sheets.find((s) => s.name === SHEET)?.conditionalFormats;
    expect(cfs).toEqual([
      { address: "G7:I12", type: "Custom", formula: '=AND(ABS(G7)>1,$J7="")', fill: "#F8D7DA", fontColor: "#8B1A1A" },
      { address: "Q7:Q12", type: "Custom", formula: "=ABS($Q7)>0.05*($B7+$C7)", fill: "#FFE8B3", fontColor: "#7A4B00" },
    ]);
  });
});

describe("writes stay inside the plan", () => {
  const RANGE_KINDS = /^(values|formulas|numberFormat|format\.(fill|font|wrapText)|conditional)/;

  function planRects(plan: WritePlan): Map<string, Rect[]> {
    const out = new Map<string, Rect[]>();
    const add = (sheet: string, address: string): void => {
      out.set(sheet, [...(out.get(sheet) ?? []), parseLocal(address)]);
    };
    plan.writes.forEach((w) => add(w.sheet, w.address));
    plan.formats.forEach((f) => add(f.sheet, f.address));
    plan.conditionalFormats.forEach((c) => add(c.sheet, c.address));
    return out;
  }

  test("every cell write lies inside one of the plan's own ranges; sheet-level writes are the plan's sheets", async () => {
    const host = new FakeExcelHost().seed("Ark1");
    const plan = dfoLikePlan(30);
    await apply(host, plan);
    const rects = planRects(plan);
    const cellWrites = host.writes.filter((w) => RANGE_KINDS.test(w.kind));
    expect(cellWrites.length).toBeGreaterThan(10);
    for (const w of cellWrites) {
      const { sheet, local } = splitSheet(w.address);
      const inside = (rects.get(sheet ?? "") ?? []).some((r) => contains(r, parseLocal(local)));
      if (!inside) throw new Error(`${w.kind} på ${w.address} er utenfor planen`);
    }
    const other = host.writes.filter((w) => !RANGE_KINDS.test(w.kind));
    expect(new Set(other.map((w) => w.kind))).toEqual(
      new Set(["worksheets.add", "worksheet.visibility", "format.columnWidth", "freezePanes.freezeRows", "names.add"]),
    );
    expect(host.writes.filter((w) => w.kind === "format.columnWidth").map((w) => w.address)).toEqual([`'${SHEET}'!A:A`, `'${SHEET}'!J:J`]);
  });

  test("the existing sheet's formulas, explanations, sign-offs and their formats are untouched where the plan has null", async () => {
    const host = new FakeExcelHost().seed("Ark1");
    const own: [string, { formula: string; value: number } | string][] = [
      [`J${FIRST_ROW}`, "Faktura kom i mars"],
      [`U${FIRST_ROW}`, "OK"],
      [`V${FIRST_ROW + 1}`, "KNO"],
      [`W${FIRST_ROW + 2}`, "2024-03-31"],
    ];
    host.seed(SHEET);
    for (const [address, cell] of own) host.seed(SHEET, [[cell]], { origin: address });
    host.sheet(SHEET).edit(FIRST_ROW - 1, 9).fill = "#00FF00";
    // The user's own formula in an input column: a plan that respects it has null there.
    host.seed(SHEET, [[{ formula: "=SUM(X1:X3)", value: 42 }]], { origin: `C${FIRST_ROW + 3}` });
    const plan = dfoLikePlan(6);
    const write = plan.writes[3];
    const cells = write.cells.map((row, i) => row.map((c, j) => (i === 3 && j === 2 ? null : c)));
    const respected: WritePlan = { ...plan, writes: plan.writes.map((w) => (w === write ? { ...w, cells } : w)) };
    const before = own.map(([a]) => host.cell(SHEET, a));
    await apply(host, respected);
    expect(own.map(([a]) => host.cell(SHEET, a))).toEqual(before);
    expect(host.cell(SHEET, `J${FIRST_ROW}`).fill).toBe("#00FF00");
    expect(host.cell(SHEET, `C${FIRST_ROW + 3}`)).toEqual({ value: 42, formula: "=SUM(X1:X3)", numberFormat: "General" });
    expect(host.cell(SHEET, `B${FIRST_ROW + 3}`)).toMatchObject({ value: 12000.25, fill: STYLES.input.fill, numberFormat: "#,##0.00;[Red]-#,##0.00" });
  });
});

describe("cells are written as the plan means them", () => {
  const texts = ['=HYPERLINK("http://x","klikk")', "<img src=x onerror=alert(1)>", "0301", "-5", "+47 22 00 00 00", "@bruker", "'sitat", "2024-01", "TRUE", "1 234,50"];

  test("text constants stay text, exactly, however they look", async () => {
    const host = new FakeExcelHost().seed("Ark1");
    const plan: WritePlan = {
      sheets: [{ name: "Tekst", visibility: "visible" }],
      writes: [{ sheet: "Tekst", address: `A1:A${texts.length}`, cells: texts.map((t) => [t]) }],
      formats: [],
      names: [],
      conditionalFormats: [],
      leftAlone: [],
    };
    await apply(host, plan);
    texts.forEach((t, i) => {
      const cell = host.cell("Tekst", `A${i + 1}`);
      expect(cell.formula).toBeUndefined();
      expect(cell.value).toBe(t);
    });
  });

  test("where the plan formats cells as text first, text goes in bare and stays exactly as given", async () => {
    const host = new FakeExcelHost().seed("Ark1");
    const plan: WritePlan = {
      sheets: [{ name: "_lonn", visibility: "veryHidden" }],
      writes: [
        { sheet: "_lonn", address: `A1:A${texts.length}`, cells: texts.map((t) => [t]), numberFormat: "@" },
        { sheet: "_lonn", address: `B1:B${texts.length}`, cells: texts.map((t) => [t]) },
      ],
      formats: [{ sheet: "_lonn", address: `B1:B${texts.length}`, numberFormat: "@" }],
      names: [],
      conditionalFormats: [],
      leftAlone: [],
    };
    await apply(host, plan);
    expect(host.formulas("_lonn", `A1:B${texts.length}`)).toEqual(texts.map((t) => [t, t]));
    expect(host.grid("_lonn", `A1:B${texts.length}`, (c) => c.numberFormat)).toEqual(texts.map(() => ["@", "@"]));
  });

  test("a formula or number where the plan formats text is entered as such, and the cell ends text-formatted", async () => {
    const host = new FakeExcelHost().seed("Ark1", [[{ value: "gammel", numberFormat: "@" }]]);
    const plan: WritePlan = {
      sheets: [],
      writes: [{ sheet: "Ark1", address: "A1:D1", cells: [[{ formula: "=LONN_X" }, 2820, true, "2820"]], numberFormat: "@" }],
      formats: [{ sheet: "Ark1", address: "A1:B1", numberFormat: "@" }],
      names: [],
      conditionalFormats: [],
      leftAlone: [],
    };
    await apply(host, plan);
    expect(host.formulas("Ark1", "A1:D1")).toEqual([["=LONN_X", 2820, true, "2820"]]);
    expect(host.grid("Ark1", "A1:D1", (c) => c.numberFormat)).toEqual([["@", "@", "@", "@"]]);
    const first = host.state();
    await apply(host, plan);
    expect(host.state()).toEqual(first);
  });

  test("formulas become formulas; numbers, booleans and '' are written as such; mixed grids keep null cells", async () => {
    const host = new FakeExcelHost().seed("Ark1", [[null, null, null, null, "gammel", "bli"]]);
    const row: Cell[] = [{ formula: "=1+2" }, { formula: "SUM(A1:A1)" }, 12.5, false, "", null];
    const plan: WritePlan = {
      sheets: [],
      writes: [{ sheet: "Ark1", address: "A1:F1", cells: [row] }],
      formats: [],
      names: [],
      conditionalFormats: [],
      leftAlone: [],
    };
    await apply(host, plan);
    expect(host.formulas("Ark1", "A1:F1")).toEqual([["=1+2", "=SUM(A1:A1)", 12.5, false, "", "bli"]]);
  });
});

describe("sheets, names, settings", () => {
  test("the settings sheet is very hidden; an existing visible one is hidden again; others are left as the user set them", async () => {
    const host = new FakeExcelHost().seed("Ark1");
    await apply(host, dfoLikePlan(6));
    expect(host.sheet("_lonn").visibility).toBe("VeryHidden");
    expect(host.sheet(SHEET).visibility).toBe("Visible");
    expect(host.values("_lonn", "A1:B3")).toEqual([["nøkkel", "verdi"], ["budsjettering", "brutto"], ["toleranse", 1]]);

    const reopened = new FakeExcelHost().seed("Ark1").seed("_LONN").seed(SHEET, [], { visibility: "Hidden" });
    const report = await apply(reopened, dfoLikePlan(6));
    expect(report.sheetsCreated).toEqual([]);
    expect(reopened.sheet("_lonn").visibility).toBe("VeryHidden");
    expect(reopened.sheet(SHEET).visibility).toBe("Hidden");
    expect(reopened.workbook.sheets.map((s) => s.name)).toEqual(["Ark1", "_LONN", SHEET]);
  });

  test("names are created, then updated in place when they move, never duplicated", async () => {
    const host = new FakeExcelHost().seed("Ark1");
    const first = await apply(host, dfoLikePlan(6));
    expect(first.namesAdded).toEqual(["LONN_AAR", "LONN_AGA_SATS"]);
    expect(host.name("LONN_AGA_SATS")?.formula).toBe(`='${SHEET}'!$B$5`);
    const moved = await apply(host, dfoLikePlan(6, { agaCell: "C5" }));
    expect(moved.namesAdded).toEqual([]);
    expect(moved.namesUpdated).toEqual(["LONN_AGA_SATS"]);
    expect(host.workbook.names.map((n) => [n.name, n.formula])).toEqual([
      ["LONN_AAR", `='${SHEET}'!$B$4`],
      ["LONN_AGA_SATS", `='${SHEET}'!$C$5`],
    ]);
  });

  test("a name written differently by Excel (no quotes, other case) is recognised as the same reference", async () => {
    const host = new FakeExcelHost().seed("Ark1").seedName("LONN_AAR", `='a10 spk brutto'!B4`).seedName("lonn_aga_sats", `='${SHEET}'!$B$5`);
    const report = await apply(host, dfoLikePlan(6));
    expect([report.namesAdded, report.namesUpdated]).toEqual([[], []]);
  });

  test("column widths follow the .xlsx unit (as exceljs writes it) converted to points; rows are frozen", async () => {
    const host = new FakeExcelHost().seed("Ark1");
    await apply(host, dfoLikePlan(6));
    // 12 → trunc(((256·12 + 18) / 256) · 7) = 84 px = 63 pt; 40 → 280 px = 210 pt.
    expect(host.state().sheets.find((s) => s.name === SHEET)?.columnWidths).toEqual({ A: 63, J: 210 });
    expect(host.sheet(SHEET).frozenRows).toBe(6);
  });

  test("styles land only on written cells; format-only writes cover their whole range", async () => {
    const host = new FakeExcelHost().seed("Ark1");
    await apply(host, dfoLikePlan(6));
    expect(host.cell(SHEET, "A1")).toMatchObject({ bold: true, fontColor: STYLES.title.fontColor });
    expect(host.cell(SHEET, `J${FIRST_ROW}`).fill).toBeUndefined();
    expect(host.cell(SHEET, `K${FIRST_ROW}`).fill).toBe(STYLES.input.fill);
    expect(host.grid(SHEET, "A6:W6", (c) => c.fill)).toEqual([Array(23).fill(STYLES.header.fill)]);
    expect(host.cell(SHEET, "B5")).toMatchObject({ numberFormat: "0.00%", value: 0.1 });
  });
});

describe("nothing is written when the plan cannot be applied", () => {
  test("a grid that does not fit its address is refused before any sync", async () => {
    const host = new FakeExcelHost().seed("Ark1");
    const plan = dfoLikePlan(6);
    const bad: WritePlan = { ...plan, writes: [...plan.writes, { sheet: SHEET, address: "A1:B2", cells: [[1, 2]] }] };
    await expect(apply(host, bad)).rejects.toThrow(Problems);
    await expect(apply(host, bad)).rejects.toThrow(/'A10 SPK brutto'!A1:B2: tabellen har ikke størrelsen 2×2/);
    expect(host.syncCount).toBe(0);
  });

  test("every problem is named: bad address, NaN, unknown style, bad sheet and name", async () => {
    const host = new FakeExcelHost().seed("Ark1");
    const bad: WritePlan = {
      sheets: [{ name: "Ark/1", visibility: "visible" }],
      writes: [
        { sheet: "Ark1", address: "1A", cells: [[1]] },
        { sheet: "Ark1", address: "A1", cells: [[NaN]] },
        { sheet: "Ark1", address: "A2", cells: [[1]], style: "fancy" as never },
      ],
      formats: [],
      names: [{ name: "A1", sheet: "Ark1", address: "A1" }],
      conditionalFormats: [],
      leftAlone: [],
    };
    const error = await withExcel(host, (ctx) => applyPlan(ctx, bad)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Problems);
    expect((error as Problems).list.map(formatProblem)).toEqual([
      "arknavnet «Ark/1» kan ikke inneholde : \\ / ? * [ ]",
      "Ark1: «1A» er ikke en A1-adresse",
      "'Ark1'!A1: tallet NaN kan ikke skrives",
      "'Ark1'!A2: ukjent stil «fancy»",
      "Ark1: «A1» er ikke et gyldig navn i Excel",
    ]);
    expect(host.writes).toEqual([]);
  });

  test("a write to a sheet that neither exists nor is in the plan is refused after the probe, with nothing written", async () => {
    const host = new FakeExcelHost().seed("Ark1");
    const plan = dfoLikePlan(6);
    const bad: WritePlan = { ...plan, writes: [...plan.writes, { sheet: "Mangler", address: "A1", cells: [[1]] }] };
    await expect(apply(host, bad)).rejects.toThrow(/«Mangler» finnes ikke/);
    expect(host.syncCount).toBe(1);
    expect(host.writes).toEqual([]);
  });
});
