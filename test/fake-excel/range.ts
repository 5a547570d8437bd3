/** `Excel.Range` and its format objects. */
import { MAX_COLS, MAX_ROWS, parseLocal, Rect } from "./address";
import {
  addressOf,
  cellCount,
  checkColor,
  displayText,
  RangeTarget,
  readGrid,
  uniform,
  valueType,
  writeEach,
  writeEntries,
  writeNumberFormats,
} from "./cells";
import { FakeConditionalFormatCollection } from "./conditional";
import { FakeRangeAreas, MAX_MERGED_AREAS } from "./range-areas";
import { FakeClientResult } from "./result";
import type { FakeRequestContext } from "./context";
import { FakeOfficeError, invalidArgument, itemNotFound } from "./errors";
import { SheetState } from "./model";
import { FakeObject } from "./proxy";
import { FakeWorksheet } from "./worksheet";

function inSheet(r: Rect, where: string): Rect {
  if (r.r0 < 0 || r.c0 < 0 || r.r1 >= MAX_ROWS || r.c1 >= MAX_COLS || r.r1 < r.r0 || r.c1 < r.c0) {
    throw invalidArgument("Området havner utenfor arket", where);
  }
  return r;
}

function intersect(a: Rect, b: Rect): Rect | null {
  const r: Rect = { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) };
  return r.r0 > r.r1 || r.c0 > r.c1 ? null : r;
}

export class FakeRange extends FakeObject<RangeTarget> {
  protected readonly loadable = [
    "address", "rowCount", "columnCount", "rowIndex", "columnIndex", "cellCount",
    "values", "formulas", "numberFormat", "text", "valueTypes",
  ] as const;

  constructor(context: FakeRequestContext, resolver: () => RangeTarget | null, orNull = false) {
    super(context, "Range", resolver, orNull);
  }

  protected read(name: string, t: RangeTarget): unknown {
    switch (name) {
      case "address": return addressOf(t);
      case "rowCount": return t.rect.r1 - t.rect.r0 + 1;
      case "columnCount": return t.rect.c1 - t.rect.c0 + 1;
      case "rowIndex": return t.rect.r0;
      case "columnIndex": return t.rect.c0;
      case "cellCount": return cellCount(t);
      case "values": return readGrid(t, (s, r, c) => s.cell(r, c).value);
      case "formulas": return readGrid(t, (s, r, c) => s.cell(r, c).formula ?? s.cell(r, c).value);
      case "numberFormat": return readGrid(t, (s, r, c) => s.cell(r, c).numberFormat);
      case "text": return readGrid(t, (s, r, c) => displayText(s.cell(r, c).value));
      case "valueTypes": return readGrid(t, (s, r, c) => valueType(s.cell(r, c).value));
      default: throw invalidArgument(`Range.${name}`);
    }
  }

  protected override navigation(name: string): FakeObject<unknown> | undefined {
    if (name === "format") return this.format;
    if (name === "worksheet") return this.worksheet;
    return undefined;
  }

  get address(): string { return this.get("address"); }
  get rowCount(): number { return this.get("rowCount"); }
  get columnCount(): number { return this.get("columnCount"); }
  get rowIndex(): number { return this.get("rowIndex"); }
  get columnIndex(): number { return this.get("columnIndex"); }
  get cellCount(): number { return this.get("cellCount"); }
  get text(): string[][] { return this.get("text"); }
  get valueTypes(): string[][] { return this.get("valueTypes"); }

  get values(): unknown[][] { return this.get("values"); }
  set values(v: unknown[][]) { this.set("values", v, (t, g) => this.writeGrid(t, g, "values")); }

  get formulas(): unknown[][] { return this.get("formulas"); }
  set formulas(v: unknown[][]) { this.set("formulas", v, (t, g) => this.writeGrid(t, g, "formulas")); }

  get numberFormat(): unknown[][] { return this.get("numberFormat"); }
  set numberFormat(v: unknown[][]) {
    this.set("numberFormat", v, (t, g) => {
      writeNumberFormats(t, g, `${addressOf(t)}.numberFormat`);
      this.context.host.logWrite(t, "numberFormat", g);
    });
  }

  private writeGrid(t: RangeTarget, grid: unknown, kind: "values" | "formulas"): void {
    writeEntries(t, grid, `${addressOf(t)}.${kind}`);
    this.context.host.logWrite(t, kind, grid);
  }

  get format(): FakeRangeFormat {
    return this.nav("format", () => new FakeRangeFormat(this.context, this.derive((t) => t)));
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return this.nav("conditionalFormats", () => new FakeConditionalFormatCollection(this.context, this.derive((t) => t)));
  }

  get worksheet(): FakeWorksheet {
    return this.nav("worksheet", () => new FakeWorksheet(this.context, this.derive((t) => t.sheet)));
  }

  private relative(make: (t: RangeTarget) => Rect, orNull = false): FakeRange {
    return new FakeRange(this.context, this.derive((t) => ({ sheet: t.sheet, rect: make(t) })), orNull);
  }

  /** The cell may lie outside this range, as long as it is on the sheet (as in Office.js). */
  getCell(row: number, column: number): FakeRange {
    return this.relative(({ rect }) => inSheet({ r0: rect.r0 + row, c0: rect.c0 + column, r1: rect.r0 + row, c1: rect.c0 + column }, "getCell"));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.relative(({ rect }) => inSheet({ ...rect, r1: rect.r1 + deltaRows, c1: rect.c1 + deltaColumns }, "getResizedRange"));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.relative(({ rect }) =>
      inSheet({ r0: rect.r0 + rowOffset, c0: rect.c0 + columnOffset, r1: rect.r1 + rowOffset, c1: rect.c1 + columnOffset }, "getOffsetRange"),
    );
  }

  getRowsBelow(count = 1): FakeRange {
    return this.relative(({ rect }) => inSheet({ r0: rect.r1 + 1, c0: rect.c0, r1: rect.r1 + count, c1: rect.c1 }, "getRowsBelow"));
  }

  /** Part of `getRange` on this range's sheet, relative to nothing: "B2:C3" means B2:C3. */
  getIntersectionOrNullObject(address: string): FakeRange {
    return new FakeRange(
      this.context,
      this.derive((t) => {
        const r = intersect(t.rect, parseLocal(address));
        return r ? { sheet: t.sheet, rect: r } : null;
      }),
      true,
    );
  }

  /**
   * Per-cell properties (ExcelApi 1.9): of what Office.js offers, `format.fill.color` (no fill
   * reads "#FFFFFF") and `format.font.color|bold|italic`; other options fail with InvalidArgument.
   */
  getCellProperties(options: { readonly format?: { readonly fill?: { readonly color?: boolean }; readonly font?: Readonly<Record<string, boolean>> } }): FakeClientResult<unknown[][]> {
    const result = new FakeClientResult<unknown[][]>("Range.getCellProperties()");
    this.queue("Range.getCellProperties()", JSON.stringify(options).length, () => {
      const t = this.require("getCellProperties");
      const known = ["format"];
      const unknown = Object.keys(options).filter((k) => !known.includes(k));
      const fontKeys = Object.keys(options.format?.font ?? {}).filter((k) => !["color", "bold", "italic"].includes(k));
      if (unknown.length > 0 || fontKeys.length > 0) throw invalidArgument(`getCellProperties støtter ikke ${[...unknown, ...fontKeys].join(", ")} i den falske verten`);
      const grid = readGrid(t, (s, r, c) => {
        const cell = s.cell(r, c);
        const format: Record<string, unknown> = {};
        if (options.format?.fill?.color) format.fill = { color: cell.fill ?? "#FFFFFF" };
        const font = options.format?.font;
        if (font) {
          format.font = {
            ...(font.color ? { color: cell.fontColor ?? "#000000" } : {}),
            ...(font.bold ? { bold: cell.bold === true } : {}),
            ...(font.italic ? { italic: cell.italic === true } : {}),
          };
        }
        return { format };
      });
      this.context.countResponse(grid);
      result.settle(grid);
    });
    return result;
  }

  /**
   * The merged areas whose top-left cell is in this range (as Excel gives them,
   * OfficeDev/office-js#3611), or a null object when there are none. ExcelApi 1.13: on a host
   * without it the sync fails with ApiNotFound; over 512 areas it fails, as documented.
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, this.derive((t) => {
      if (!this.context.host.isSetSupported("ExcelApi", "1.13")) {
        throw new FakeOfficeError("ApiNotFound", "Range.getMergedAreasOrNullObject krever ExcelApi 1.13");
      }
      const areas = t.sheet.merges.filter((m) => m.r0 >= t.rect.r0 && m.r0 <= t.rect.r1 && m.c0 >= t.rect.c0 && m.c0 <= t.rect.c1);
      if (areas.length > MAX_MERGED_AREAS) throw new FakeOfficeError("GeneralException", `Flere enn ${MAX_MERGED_AREAS} sammenslåtte områder`);
      return areas.length === 0 ? null : { sheet: t.sheet, areas };
    }));
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, this.derive((t) => {
      const used = usedPart(t, valuesOnly);
      if (!used) throw itemNotFound(`Ingen brukte celler i ${addressOf(t)}`, "Range.getUsedRange");
      return used;
    }));
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, this.derive((t) => usedPart(t, valuesOnly)), true);
  }

  select(): void {
    this.act("select()", 0, (t) => {
      if (t.sheet.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", `Arket ${t.sheet.name} er skjult`);
      const wb = this.context.host.workbook;
      wb.activeSheet = t.sheet;
      wb.selection = { sheet: t.sheet, rect: t.rect };
      this.context.host.logWrite(t, "select", undefined);
    });
  }
}

function usedPart(t: RangeTarget, valuesOnly: boolean): RangeTarget | null {
  const used = t.sheet.usedRect(valuesOnly);
  const r = used && intersect(used, t.rect);
  return r ? { sheet: t.sheet, rect: r } : null;
}

export class FakeRangeFormat extends FakeObject<RangeTarget> {
  protected readonly loadable = ["columnWidth", "wrapText"] as const;

  constructor(context: FakeRequestContext, resolver: () => RangeTarget | null) {
    super(context, "RangeFormat", resolver);
  }

  protected read(name: string, t: RangeTarget): unknown {
    if (name === "columnWidth") {
      const widths = new Set<number>();
      for (let c = t.rect.c0; c <= t.rect.c1; c++) widths.add(t.sheet.columnWidth(c));
      return widths.size === 1 ? [...widths][0] : null;
    }
    return uniform(t, (s, r, c) => s.cell(r, c).wrap === true);
  }

  protected override navigation(name: string): FakeObject<unknown> | undefined {
    return name === "fill" ? this.fill : name === "font" ? this.font : undefined;
  }

  get columnWidth(): number { return this.get("columnWidth"); }
  set columnWidth(points: number) {
    this.set("columnWidth", points, (t, w) => {
      if (typeof w !== "number" || !(w >= 0 && w <= 1800)) throw invalidArgument(`Ugyldig kolonnebredde ${w}`, "columnWidth");
      for (let c = t.rect.c0; c <= t.rect.c1; c++) t.sheet.columnWidths.set(c, w);
      this.context.host.logWrite(t, "format.columnWidth", w);
    });
  }

  get wrapText(): boolean { return this.get("wrapText"); }
  set wrapText(on: boolean) { this.setEach("wrapText", on, (s, r, c, v) => (s.edit(r, c).wrap = v === true)); }

  get fill(): FakeRangeFill {
    return this.nav("fill", () => new FakeRangeFill(this.context, this.derive((t) => t)));
  }

  get font(): FakeRangeFont {
    return this.nav("font", () => new FakeRangeFont(this.context, this.derive((t) => t)));
  }

  autofitColumns(): void {
    this.act("autofitColumns()", 0, (t) => this.context.host.logWrite(t, "format.autofitColumns", undefined));
  }

  private setEach<V>(name: string, value: V, apply: (s: SheetState, r: number, c: number, v: V) => void): void {
    this.set(name, value, (t, v) => {
      if (typeof v !== "boolean") throw invalidArgument(`${name} må være sann/usann`, name);
      writeEach(t, (s, r, c) => apply(s, r, c, v));
      this.context.host.logWrite(t, `format.${name}`, v);
    });
  }
}

export class FakeRangeFill extends FakeObject<RangeTarget> {
  protected readonly loadable = ["color"] as const;

  constructor(context: FakeRequestContext, resolver: () => RangeTarget | null) {
    super(context, "RangeFill", resolver);
  }

  /** No fill reads as white, as in Office.js. */
  protected read(_name: string, t: RangeTarget): unknown {
    return uniform(t, (s, r, c) => s.cell(r, c).fill ?? "#FFFFFF");
  }

  get color(): string { return this.get("color"); }
  set color(color: string) {
    this.set("color", color, (t, v) => {
      const checked = checkColor(v, "fill.color");
      writeEach(t, (s, r, c) => (s.edit(r, c).fill = checked));
      this.context.host.logWrite(t, "format.fill.color", checked);
    });
  }

  clear(): void {
    this.act("clear()", 0, (t) => {
      writeEach(t, (s, r, c) => delete s.edit(r, c).fill);
      this.context.host.logWrite(t, "format.fill.clear", undefined);
    });
  }
}

export class FakeRangeFont extends FakeObject<RangeTarget> {
  protected readonly loadable = ["bold", "italic", "color"] as const;

  constructor(context: FakeRequestContext, resolver: () => RangeTarget | null) {
    super(context, "RangeFont", resolver);
  }

  protected read(name: string, t: RangeTarget): unknown {
    if (name === "color") return uniform(t, (s, r, c) => s.cell(r, c).fontColor ?? "#000000");
    return uniform(t, (s, r, c) => s.cell(r, c)[name as "bold" | "italic"] === true);
  }

  get bold(): boolean { return this.get("bold"); }
  set bold(on: boolean) { this.setFlag("bold", on); }

  get italic(): boolean { return this.get("italic"); }
  set italic(on: boolean) { this.setFlag("italic", on); }

  get color(): string { return this.get("color"); }
  set color(color: string) {
    this.set("color", color, (t, v) => {
      const checked = checkColor(v, "font.color");
      writeEach(t, (s, r, c) => (s.edit(r, c).fontColor = checked));
      this.context.host.logWrite(t, "format.font.color", checked);
    });
  }

  private setFlag(name: "bold" | "italic", on: boolean): void {
    this.set(name, on, (t, v) => {
      if (typeof v !== "boolean") throw invalidArgument(`font.${name} må være sann/usann`, name);
      writeEach(t, (s, r, c) => (s.edit(r, c)[name] = v));
      this.context.host.logWrite(t, `format.font.${name}`, v);
    });
  }
}
