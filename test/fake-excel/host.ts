/**
 * The fake Excel host: a workbook, the `Excel` and `Office` namespaces that drive it, and what a
 * test asserts on (the sync count, every write, the workbook's state). No Node and no jest APIs,
 * so a browser test can bundle it and install it as `window.Excel` / `window.Office`.
 */
import { formatAddress, intersects, parseLocal } from "./address";
import { readGrid, RangeTarget } from "./cells";
import { FakeRequestContext, SyncRecord } from "./context";
import { CellState, describeWorkbook, NameState, Scalar, SheetState, Visibility, WorkbookDescription, WorkbookState } from "./model";
import { checkSheetName } from "./worksheet";

export interface FakeHostOptions {
  /** Requirement sets the host claims, e.g. { ExcelApi: "1.9" }. */
  readonly requirementSets: Readonly<Record<string, string>>;
  /** Excel on the web refuses a request or response over 5 MB (performance.md). */
  readonly maxPayloadBytes: number;
  /**
   * A method called on a null object (`getItemOrNullObject(x).getUsedRangeOrNullObject()`):
   * "propagate" gives another null object; "fail" fails the sync. Real Excel's behaviour is not
   * documented; code should work with both.
   */
  readonly nullObjectChains: "propagate" | "fail";
  /**
   * Operations still queued when `Excel.run`'s batch returns: "throw" (default, catches a
   * forgotten `sync()`) or "flush" (one more sync, closer to Office.js).
   */
  readonly unsyncedAtRunEnd: "throw" | "flush";
}

export const DEFAULT_OPTIONS: FakeHostOptions = {
  requirementSets: { ExcelApi: "1.9", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.3" },
  maxPayloadBytes: 5_000_000,
  nullObjectChains: "propagate",
  unsyncedAtRunEnd: "throw",
};

export interface WriteRecord {
  /** The sync (1-based) that carried the write. */
  readonly sync: number;
  readonly sheet: string;
  /** Sheet-qualified address ("'A10 SPK brutto'!B7:F12"), or the sheet name for sheet-level writes. */
  readonly address: string;
  /** What changed: "values", "formulas", "numberFormat", "format.fill.color", "worksheets.add", … */
  readonly kind: string;
  readonly payload: unknown;
}

export interface RunRecord {
  readonly options: Readonly<Record<string, unknown>> | undefined;
  readonly syncs: number;
}

/** A cell to seed: a constant (strings are always text), a formula with its last value, or null. */
export type SeedCell = Scalar | null | { readonly formula: string; readonly value?: Scalar } | { readonly value: Scalar; readonly numberFormat: string };

type Batch<R> = (context: FakeRequestContext) => Promise<R>;

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export class FakeExcelHost {
  readonly options: FakeHostOptions;
  readonly workbook = new WorkbookState();
  readonly syncs: SyncRecord[] = [];
  readonly writes: WriteRecord[] = [];
  readonly runs: RunRecord[] = [];
  private syncsStarted = 0;
  private currentSync = 0;

  constructor(options: Partial<FakeHostOptions> = {}) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
  }

  get syncCount(): number {
    return this.syncsStarted;
  }

  // --- Seeding ------------------------------------------------------------------------------------

  /** Adds a sheet (or fills an existing one) from a grid whose top-left cell is `origin`. */
  seed(sheet: string, grid: readonly (readonly SeedCell[])[] = [], opts: { origin?: string; visibility?: Visibility } = {}): this {
    let s = this.workbook.findSheet(sheet);
    if (!s) {
      s = new SheetState(checkSheetName(sheet, "seed"));
      this.workbook.sheets.push(s);
      this.workbook.activeSheet ??= s;
    }
    if (opts.visibility) s.visibility = opts.visibility;
    const o = parseLocal(opts.origin ?? "A1");
    grid.forEach((row, i) => row.forEach((cell, j) => seedCell(s, o.r0 + i, o.c0 + j, cell)));
    return this;
  }

  /** A merged area, e.g. seedMerge("A10 SPK brutto", "J12:J13"); the sheet must exist. */
  seedMerge(sheet: string, address: string): this {
    const s = this.sheet(sheet);
    const rect = parseLocal(address);
    if (rect.r0 === rect.r1 && rect.c0 === rect.c1) throw new Error(`Et sammenslått område må ha minst to celler («${address}»)`);
    if (s.merges.some((m) => intersects(m, rect))) throw new Error(`«${address}» overlapper et annet sammenslått område`);
    s.merges.push(rect);
    return this;
  }

  /** A workbook-scoped name, e.g. seedName("LONN_AAR", "='A10 SPK brutto'!$C$3"). */
  seedName(name: string, formula: string): this {
    this.workbook.names.push({ name, formula, comment: "", visible: true });
    return this;
  }

  /** The user's selection, for code that reads `getSelectedRange()`. */
  seedSelection(sheet: string, address: string): this {
    this.workbook.selection = { sheet: this.sheet(sheet), rect: parseLocal(address) };
    this.workbook.activeSheet = this.sheet(sheet);
    return this;
  }

  // --- Inspection ---------------------------------------------------------------------------------

  sheet(name: string): SheetState {
    const s = this.workbook.findSheet(name);
    if (!s) throw new Error(`Den falske arbeidsboken har ikke arket «${name}»`);
    return s;
  }

  hasSheet(name: string): boolean {
    return this.workbook.findSheet(name) !== undefined;
  }

  cell(sheet: string, address: string): CellState {
    const r = parseLocal(address);
    return this.sheet(sheet).cell(r.r0, r.c0);
  }

  /** A grid of one cell attribute over a range, e.g. grid("Ark", "A1:C3", (c) => c.value). */
  grid<V>(sheet: string, address: string, pick: (cell: CellState) => V): V[][] {
    return readGrid({ sheet: this.sheet(sheet), rect: parseLocal(address) }, (s, r, c) => pick(s.cell(r, c)));
  }

  values(sheet: string, address: string): Scalar[][] {
    return this.grid(sheet, address, (c) => c.value);
  }

  /** Formula text for formula cells, the value otherwise (as `range.formulas` reads). */
  formulas(sheet: string, address: string): Scalar[][] {
    return this.grid(sheet, address, (c) => c.formula ?? c.value);
  }

  name(name: string): NameState | undefined {
    return this.workbook.findName(name);
  }

  /** Everything in the workbook, as plain JSON, for "nothing changed" comparisons. */
  state(): WorkbookDescription {
    return describeWorkbook(this.workbook);
  }

  /** Forget recorded syncs, writes and runs (the workbook stays). */
  resetLog(): void {
    this.syncs.length = 0;
    this.writes.length = 0;
    this.runs.length = 0;
    this.syncsStarted = 0;
  }

  // --- Recording (called by the proxies during a sync) -------------------------------------------

  beginSync(): number {
    this.currentSync = ++this.syncsStarted;
    return this.currentSync;
  }

  endSync(record: SyncRecord): void {
    this.syncs.push(record);
  }

  logWrite(t: RangeTarget, kind: string, payload: unknown): void {
    this.writes.push({ sync: this.currentSync, sheet: t.sheet.name, address: formatAddress(t.sheet.name, t.rect), kind, payload });
  }

  logSheet(s: SheetState, kind: string, payload: unknown): void {
    this.writes.push({ sync: this.currentSync, sheet: s.name, address: s.name, kind, payload });
  }

  logName(n: NameState, kind: string, payload: unknown): void {
    this.writes.push({ sync: this.currentSync, sheet: "", address: n.name, kind, payload });
  }

  // --- The API ------------------------------------------------------------------------------------

  /** `Excel.run(batch)` and `Excel.run(options, batch)`, each with a new request context. */
  run<R>(batch: Batch<R>): Promise<R>;
  run<R>(options: Readonly<Record<string, unknown>>, batch: Batch<R>): Promise<R>;
  async run<R>(...args: unknown[]): Promise<R> {
    const batch = args[args.length - 1] as Batch<R>;
    if (typeof batch !== "function" || args.length > 2) throw new Error("Excel.run(batch) eller Excel.run(options, batch)");
    const options = args.length === 2 ? (args[0] as Record<string, unknown>) : undefined;
    const before = this.syncsStarted;
    const context = new FakeRequestContext(this);
    try {
      const result = await batch(context);
      if (context.pendingOperations > 0) {
        if (this.options.unsyncedAtRunEnd === "flush") await context.sync();
        else throw new Error(`Excel.run sluttet med ${context.pendingOperations} operasjoner som aldri ble sendt med context.sync()`);
      }
      return result;
    } finally {
      this.runs.push({ options, syncs: this.syncsStarted - before });
    }
  }

  isSetSupported(name: string, version?: string): boolean {
    const have = this.options.requirementSets[name];
    if (have === undefined) return false;
    return version === undefined || compareVersions(have, version) >= 0;
  }

  /** The `Excel` namespace: `run` plus the enums the add-in reads. */
  readonly Excel = {
    run: <R>(...args: unknown[]): Promise<R> => (this.run as (...a: unknown[]) => Promise<R>)(...args),
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    ConditionalFormatType: { custom: "Custom", dataBar: "DataBar", colorScale: "ColorScale", iconSet: "IconSet", cellValue: "CellValue" },
    CalculationType: { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" },
    CalculationMode: { automatic: "Automatic", automaticExceptTables: "AutomaticExceptTables", manual: "Manual" },
    ErrorCodes: {
      itemNotFound: "ItemNotFound",
      itemAlreadyExists: "ItemAlreadyExists",
      invalidArgument: "InvalidArgument",
      invalidOperation: "InvalidOperation",
      requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
    },
  };

  /** The bits of `Office` the add-in uses: requirement checks and `onReady`. */
  readonly Office = {
    context: { requirements: { isSetSupported: (name: string, version?: string): boolean => this.isSetSupported(name, version) } },
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
    onReady: (callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }> => {
      const info = { host: "Excel", platform: "OfficeOnline" };
      callback?.(info);
      return Promise.resolve(info);
    },
  };

  /** Puts `Excel` and `Office` on the global object; returns a function that restores the old ones. */
  install(): () => void {
    const g = globalThis as unknown as Record<string, unknown>;
    const old = { Excel: g.Excel, Office: g.Office };
    g.Excel = this.Excel;
    g.Office = this.Office;
    return () => {
      g.Excel = old.Excel;
      g.Office = old.Office;
    };
  }
}

function seedCell(s: SheetState, row: number, col: number, cell: SeedCell): void {
  if (cell === null) return;
  const c = s.edit(row, col);
  if (typeof cell === "object" && "formula" in cell) {
    c.formula = cell.formula.startsWith("=") ? cell.formula : `=${cell.formula}`;
    c.value = cell.value ?? "";
  } else if (typeof cell === "object") {
    c.value = cell.value;
    c.numberFormat = cell.numberFormat;
  } else {
    c.value = cell;
  }
}

