/** `Excel.Worksheet` and its freeze panes; its page layout is in page-layout.ts. */
import { parseLocal, MAX_COLS, MAX_ROWS } from "./address";
import type { FakeRequestContext } from "./context";
import { FakeOfficeError, invalidArgument } from "./errors";
import { SheetState, Visibility } from "./model";
import { FakeObject } from "./proxy";
import { FakePageLayout } from "./page-layout";
import { FakeRange } from "./range";

const VISIBILITIES: readonly Visibility[] = ["Visible", "Hidden", "VeryHidden"];

/** Excel's rules for a sheet name. */
export function checkSheetName(name: unknown, where: string): string {
  if (typeof name !== "string" || name.length < 1 || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name)) {
    throw invalidArgument(`Ugyldig arknavn ${JSON.stringify(name)}`, where);
  }
  if (name.toLowerCase() === "history") throw invalidArgument("«History» er et reservert arknavn", where);
  return name;
}

export class FakeWorksheet extends FakeObject<SheetState> {
  protected readonly loadable = ["name", "visibility", "position"] as const;

  constructor(context: FakeRequestContext, resolver: () => SheetState | null, orNull = false) {
    super(context, "Worksheet", resolver, orNull);
  }

  protected read(name: string, s: SheetState): unknown {
    if (name === "name") return s.name;
    if (name === "visibility") return s.visibility;
    return this.context.host.workbook.sheets.indexOf(s);
  }

  protected override navigation(name: string): FakeObject<unknown> | undefined {
    if (name === "pageLayout") return this.pageLayout;
    return name === "freezePanes" ? this.freezePanes : undefined;
  }

  get name(): string { return this.get("name"); }
  set name(name: string) {
    this.set("name", name, (s, v) => {
      checkSheetName(v, "Worksheet.name");
      const other = this.context.host.workbook.findSheet(v);
      if (other && other !== s) throw new FakeOfficeError("ItemAlreadyExists", `Arket «${v}» finnes allerede`);
      s.name = v;
      this.context.host.logSheet(s, "worksheet.name", v);
    });
  }

  get visibility(): Visibility { return this.get("visibility"); }
  set visibility(v: Visibility) {
    this.set("visibility", v, (s, value) => {
      if (!VISIBILITIES.includes(value)) throw invalidArgument(`Ugyldig synlighet ${JSON.stringify(value)}`, "Worksheet.visibility");
      const visible = this.context.host.workbook.sheets.filter((x) => x !== s && x.visibility === "Visible");
      if (value !== "Visible" && visible.length === 0) {
        throw new FakeOfficeError("InvalidOperation", "Arbeidsboken må ha minst ett synlig ark");
      }
      s.visibility = value;
      this.context.host.logSheet(s, "worksheet.visibility", value);
    });
  }

  get position(): number { return this.get("position"); }

  get freezePanes(): FakeFreezePanes {
    return this.nav("freezePanes", () => new FakeFreezePanes(this.context, this.derive((s) => s)));
  }

  /** Print setup (ExcelApi 1.9; page-layout.ts). */
  get pageLayout(): FakePageLayout {
    return this.nav("pageLayout", () => new FakePageLayout(this.context, this.derive((s) => s)));
  }

  /** No address: the whole sheet. */
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, this.derive((s) => {
      if (address !== undefined && address.includes("!")) throw invalidArgument(`Worksheet.getRange("${address}") tar ikke arknavn`);
      const rect = address === undefined ? { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 } : parseLocal(address);
      return { sheet: s, rect };
    }));
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, this.derive((s) => {
      if (row < 0 || column < 0 || row >= MAX_ROWS || column >= MAX_COLS) throw invalidArgument("Cellen er utenfor arket", "getCell");
      return { sheet: s, rect: { r0: row, c0: column, r1: row, c1: column } };
    }));
  }

  /** An empty sheet's used range is A1 (Office.js); the OrNullObject variant gives a null object. */
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, this.derive((s) => ({ sheet: s, rect: s.usedRect(valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } })));
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, this.derive((s) => {
      const rect = s.usedRect(valuesOnly);
      return rect ? { sheet: s, rect } : null;
    }), true);
  }

  activate(): void {
    this.act("activate()", 0, (s) => {
      if (s.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", `Arket «${s.name}» er skjult og kan ikke aktiveres`);
      this.context.host.workbook.activeSheet = s;
      this.context.host.logSheet(s, "worksheet.activate", undefined);
    });
  }

  delete(): void {
    this.act("delete()", 0, (s) => {
      const wb = this.context.host.workbook;
      if (!wb.sheets.some((x) => x !== s && x.visibility === "Visible")) {
        throw new FakeOfficeError("InvalidOperation", "Det siste synlige arket kan ikke slettes");
      }
      wb.sheets.splice(wb.sheets.indexOf(s), 1);
      if (wb.activeSheet === s) wb.activeSheet = wb.sheets.find((x) => x.visibility === "Visible");
      this.context.host.logSheet(s, "worksheet.delete", undefined);
    });
  }
}

export class FakeFreezePanes extends FakeObject<SheetState> {
  protected readonly loadable = [] as const;

  constructor(context: FakeRequestContext, resolver: () => SheetState | null) {
    super(context, "WorksheetFreezePanes", resolver);
  }

  protected read(): unknown {
    return undefined;
  }

  /** Zero unfreezes, as documented. */
  freezeRows(count = 1): void {
    this.act(`freezeRows(${count})`, 0, (s) => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_ROWS) throw invalidArgument(`Ugyldig antall rader ${count}`, "freezeRows");
      s.frozenRows = count;
      this.context.host.logSheet(s, "freezePanes.freezeRows", count);
    });
  }

  unfreeze(): void {
    this.act("unfreeze()", 0, (s) => {
      s.frozenRows = 0;
      this.context.host.logSheet(s, "freezePanes.unfreeze", undefined);
    });
  }
}

