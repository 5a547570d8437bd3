/** `Excel.Workbook`, its worksheet and name collections, and `Excel.Application`. */
import { absoluteRect, parseLocal, quoteSheet, splitSheet } from "./address";
import type { FakeRequestContext } from "./context";
import { FakeOfficeError, invalidArgument, itemNotFound } from "./errors";
import { checkFormula } from "./input";
import { NameState, SheetState, WorkbookState } from "./model";
import { FakeObject, LoadSpec, parseLoadSpec } from "./proxy";
import { FakeRange } from "./range";
import { FakeClientResult } from "./result";
import { checkSheetName, FakeWorksheet } from "./worksheet";

/** Shared by the two collections: `load("items/x")` lists the items with their properties. */
class Listing<I> {
  private items: I[] | undefined;
  private waiting = false;

  constructor(private readonly what: string) {}

  start(): void {
    this.waiting = true;
    this.items = undefined;
  }

  finish(items: I[]): void {
    this.items = items;
    this.waiting = false;
  }

  get(): I[] {
    if (this.waiting || !this.items) {
      throw new FakeOfficeError("PropertyNotLoaded", `${this.what}.items: kall load("items/…") og context.sync() først`);
    }
    return this.items;
  }
}

export class FakeWorkbook extends FakeObject<WorkbookState> {
  protected readonly loadable = [] as const;
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly application: FakeApplication;

  constructor(context: FakeRequestContext) {
    super(context, "Workbook", () => context.host.workbook);
    this.worksheets = new FakeWorksheetCollection(context);
    this.names = new FakeNamedItemCollection(context);
    this.application = new FakeApplication(context);
  }

  protected read(): unknown {
    return undefined;
  }

  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const sel = this.context.host.workbook.selection;
      if (!sel) throw new FakeOfficeError("InvalidOperation", "Ingen markering");
      return sel;
    });
  }
}

export class FakeWorksheetCollection extends FakeObject<WorkbookState> {
  protected readonly loadable = [] as const;
  private readonly listing = new Listing<FakeWorksheet>("WorksheetCollection");

  constructor(context: FakeRequestContext) {
    super(context, "WorksheetCollection", () => context.host.workbook);
  }

  protected read(): unknown {
    return undefined;
  }

  /** Missing sheet: the sync fails with ItemNotFound when the proxy is used. */
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this.derive((wb) => {
      const s = wb.findSheet(name);
      if (!s) throw itemNotFound(`Arket «${name}» finnes ikke`, "WorksheetCollection.getItem");
      return s;
    }));
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this.derive((wb) => wb.findSheet(name) ?? null), true);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, this.derive((wb) => {
      if (!wb.activeSheet) throw itemNotFound("Ingen aktivt ark");
      return wb.activeSheet;
    }));
  }

  /** Added at the end; not activated (as documented). */
  add(name?: string): FakeWorksheet {
    let created: SheetState | undefined;
    this.act(`add(${name ?? ""})`, (name ?? "").length, (wb) => {
      const finalName = name ?? this.freeName(wb);
      checkSheetName(finalName, "WorksheetCollection.add");
      if (wb.findSheet(finalName)) throw new FakeOfficeError("ItemAlreadyExists", `Arket «${finalName}» finnes allerede`);
      created = new SheetState(finalName);
      wb.sheets.push(created);
      wb.activeSheet ??= created;
      this.context.host.logSheet(created, "worksheets.add", finalName);
    });
    return new FakeWorksheet(this.context, () => {
      if (!created) throw new FakeOfficeError("InvalidObjectPath", "Arket ble ikke lagt til");
      return created;
    });
  }

  private freeName(wb: WorkbookState): string {
    let i = wb.sheets.length + 1;
    while (wb.findSheet(`Sheet${i}`)) i++;
    return `Sheet${i}`;
  }

  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>("WorksheetCollection.getCount()");
    this.queue("WorksheetCollection.getCount()", 0, () => result.settle(this.context.host.workbook.sheets.length));
    return result;
  }

  override load(spec?: LoadSpec): this {
    const props = parseLoadSpec(spec, this.kind).map((p) => p.replace(/^items\//, ""));
    this.listing.start();
    this.queue("WorksheetCollection.load(items)", 0, () => {
      const items = this.context.host.workbook.sheets.map((s) => {
        const w = new FakeWorksheet(this.context, () => s);
        w.loadDuringSync(props);
        return w;
      });
      this.listing.finish(items);
    });
    return this;
  }

  get items(): FakeWorksheet[] {
    return this.listing.get();
  }
}

/** Excel's rules for a defined name: a letter, "_" or "\" first; no spaces; not a cell reference. */
export function checkDefinedName(name: unknown, where: string): string {
  const ok =
    typeof name === "string" &&
    name.length <= 255 &&
    /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[RrCc]$/.test(name) &&
    !/^[Rr]\d*[Cc]\d*$/.test(name);
  if (!ok) throw invalidArgument(`Ugyldig navn ${JSON.stringify(name)}`, where);
  return name as string;
}

function checkNameFormula(formula: unknown, where: string): string {
  if (typeof formula !== "string" || !formula.startsWith("=")) {
    throw invalidArgument(`Et navn må peke på en formel som begynner med «=»: ${JSON.stringify(formula)}`, where);
  }
  return checkFormula(formula, where);
}

export class FakeNamedItemCollection extends FakeObject<WorkbookState> {
  protected readonly loadable = [] as const;
  private readonly listing = new Listing<FakeNamedItem>("NamedItemCollection");

  constructor(context: FakeRequestContext) {
    super(context, "NamedItemCollection", () => context.host.workbook);
  }

  protected read(): unknown {
    return undefined;
  }

  /** `reference` is a Range proxy or a formula such as "='Ark 1'!$B$3". */
  add(name: string, reference: FakeRange | string, comment = ""): FakeNamedItem {
    let created: NameState | undefined;
    const bytes = typeof reference === "string" ? reference.length : 0;
    this.act(`add(${name})`, name.length + bytes + comment.length, (wb) => {
      checkDefinedName(name, "NamedItemCollection.add");
      if (wb.findName(name)) throw new FakeOfficeError("ItemAlreadyExists", `Navnet «${name}» finnes allerede`);
      let formula: string;
      if (typeof reference === "string") formula = checkNameFormula(reference, "NamedItemCollection.add");
      else {
        const t = reference.target();
        if (t === null) throw new FakeOfficeError("InvalidObjectPath", "Navnet peker på et null-objekt");
        formula = `=${quoteSheet(t.sheet.name)}!${absoluteRect(t.rect)}`;
      }
      created = { name, formula, comment, visible: true };
      wb.names.push(created);
      this.context.host.logName(created, "names.add", formula);
    });
    return new FakeNamedItem(this.context, () => {
      if (!created) throw new FakeOfficeError("InvalidObjectPath", "Navnet ble ikke lagt til");
      return created;
    });
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, this.derive((wb) => {
      const n = wb.findName(name);
      if (!n) throw itemNotFound(`Navnet «${name}» finnes ikke`, "NamedItemCollection.getItem");
      return n;
    }));
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, this.derive((wb) => wb.findName(name) ?? null), true);
  }

  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>("NamedItemCollection.getCount()");
    this.queue("NamedItemCollection.getCount()", 0, () => result.settle(this.context.host.workbook.names.length));
    return result;
  }

  override load(spec?: LoadSpec): this {
    const props = parseLoadSpec(spec, this.kind).map((p) => p.replace(/^items\//, ""));
    this.listing.start();
    this.queue("NamedItemCollection.load(items)", 0, () => {
      const items = this.context.host.workbook.names.map((n) => {
        const item = new FakeNamedItem(this.context, () => n);
        item.loadDuringSync(props);
        return item;
      });
      this.listing.finish(items);
    });
    return this;
  }

  get items(): FakeNamedItem[] {
    return this.listing.get();
  }
}

/** A name that refers to one rectangle ("='Ark 1'!$B$3:$C$4"), or null. */
function referredRange(formula: string, wb: WorkbookState): { sheet: SheetState; rect: ReturnType<typeof parseLocal> } | null {
  if (!formula.startsWith("=")) return null;
  const { sheet, local } = splitSheet(formula.slice(1));
  const s = sheet === undefined ? undefined : wb.findSheet(sheet);
  if (!s) return null;
  try {
    return { sheet: s, rect: parseLocal(local) };
  } catch {
    return null;
  }
}

export class FakeNamedItem extends FakeObject<NameState> {
  protected readonly loadable = ["name", "formula", "type", "value", "visible", "comment"] as const;

  constructor(context: FakeRequestContext, resolver: () => NameState | null, orNull = false) {
    super(context, "NamedItem", resolver, orNull);
  }

  protected read(name: string, n: NameState): unknown {
    const range = referredRange(n.formula, this.context.host.workbook);
    switch (name) {
      case "type": return range ? "Range" : "String";
      case "value": return range ? n.formula.slice(1) : n.formula;
      default: return n[name as "name" | "formula" | "visible" | "comment"];
    }
  }

  get name(): string { return this.get("name"); }
  get type(): string { return this.get("type"); }
  get value(): unknown { return this.get("value"); }

  get formula(): string { return this.get("formula"); }
  set formula(formula: string) {
    this.set("formula", formula, (n, v) => {
      n.formula = checkNameFormula(v, "NamedItem.formula");
      this.context.host.logName(n, "name.formula", n.formula);
    });
  }

  get visible(): boolean { return this.get("visible"); }
  set visible(v: boolean) { this.set("visible", v, (n, value) => void (n.visible = value === true)); }

  get comment(): string { return this.get("comment"); }
  set comment(v: string) { this.set("comment", v, (n, value) => void (n.comment = String(value))); }

  getRange(): FakeRange {
    return new FakeRange(this.context, this.derive((n) => {
      const r = referredRange(n.formula, this.context.host.workbook);
      if (!r) throw new FakeOfficeError("InvalidOperation", `Navnet «${n.name}» peker ikke på et område`);
      return r;
    }));
  }

  getRangeOrNullObject(): FakeRange {
    return new FakeRange(this.context, this.derive((n) => referredRange(n.formula, this.context.host.workbook)), true);
  }

  delete(): void {
    this.act("delete()", 0, (n) => {
      const list = this.context.host.workbook.names;
      list.splice(list.indexOf(n), 1);
      this.context.host.logName(n, "name.delete", undefined);
    });
  }
}

export class FakeApplication extends FakeObject<WorkbookState> {
  protected readonly loadable = ["calculationMode"] as const;

  constructor(context: FakeRequestContext) {
    super(context, "Application", () => context.host.workbook);
  }

  protected read(): unknown {
    return "Automatic";
  }

  get calculationMode(): string { return this.get("calculationMode"); }

  /** Recorded per sync (`host.syncs[i].calculationSuspended`); the fake never calculates anyway. */
  suspendApiCalculationUntilNextSync(): void {
    this.queue("Application.suspendApiCalculationUntilNextSync()", 0, () => {
      this.context.calculationSuspended = true;
    });
  }

  calculate(calculationType: string): void {
    this.queue(`Application.calculate(${calculationType})`, 0, () => undefined);
  }
}
