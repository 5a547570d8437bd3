/**
 * Applies a WritePlan to the workbook in a constant number of `context.sync()` calls: one to
 * learn which sheets and names exist (skipped when the caller already knows, see run.ts) and one
 * that carries every write, print setup included (print.ts). Only a plan whose data alone would exceed Excel on the web's 5 MB
 * request limit is split over more write syncs (one per ~4 MB, about 14 000 rows × 23 columns),
 * so the count does not grow with the row count at any size a reconciliation reaches
 * (6 000 rows × 23 columns is about 1.7 MB). Such a split plan is no longer written in one
 * request: if a later sync fails, the earlier ones stay done.
 *
 * An existing sheet is respected (DESIGN §4) in its look too: where the plan styles cells of a
 * sheet that existed before with a fill (the regenerated rows of Korreksjonsbilag), a fill the
 * user set stays. Office.js tells fills apart only by reading them, so such a plan reads its
 * styled cells' fills first (`getCellProperties`, ExcelApi 1.9), in one more sync; a plan that
 * styles no existing cell, like every plan on a new sheet, does not.
 */
import { AppliedPlan, Cell, CONDITIONAL_STYLES, PlanNotice, RangeWrite, StyleName, STYLES, WritePlan } from "../core/workpaper/write-plan";
import { parseCell, parseRange, RangeRef } from "../core/sheet/a1";
import { Entry, isPlainText, nonNullBlocks, toEntry } from "./cells";
import { Problem, Problems } from "../core/problem/problem";
import { planProblems, unknownSheetProblems } from "../core/workpaper/plan-check";
import { probeWorkbook, WorkbookFacts } from "./probe";
import { sameSheetAddress } from "../core/sheet/reference";
import { nameFormula, rangeAddress } from "./references";
import { supportsExcelApi } from "./requirements";
import { applyConditionalStyle, applyStyle, columnWidthPoints } from "./styles";
import { PRINT_SKIPPED, queuePrint } from "./print";

/** Under Excel on the web's 5 MB per request (performance.md), with room for the protocol. */
export const PAYLOAD_BUDGET = 4_000_000;
/** Cells per range write; large ranges are written in row blocks (excel-add-ins-ranges-large.md). */
export const MAX_CELLS_PER_WRITE = 50_000;

export interface ApplyReport extends AppliedPlan {
  /** `context.sync()` calls applyPlan made: the probe (unless given) and the write batch(es). */
  readonly syncs: number;
  /** The plan's value writes, by sheet and address. */
  readonly written: readonly { readonly sheet: string; readonly address: string }[];
}

export interface ApplyOptions {
  /** Estimated bytes per write sync; tests lower it to exercise the split. */
  readonly payloadBudget?: number;
}

/** Cells read per sync for the fills of styled cells (about 40 bytes each in the answer). */
export const FILL_CELLS_PER_SYNC = 50_000;

/** Our own fills: a cell with one of them (or none, which Office.js reads as white) gets the plan's fill. */
const OUR_FILLS = new Set(["#FFFFFF", ...Object.values(STYLES).flatMap((s) => (s.fill ? [s.fill.toUpperCase()] : []))]);

/** Where a cell's fill is the user's, by `sheet!address` of a styled range: true keeps it. */
type UserFills = ReadonlyMap<string, readonly (readonly boolean[])[]>;

const rangeKey = (sheet: string, address: string): string => `${sheet.toLowerCase()}!${address.toUpperCase()}`;

/** One step of the write batch: queues Office.js calls; `bytes` estimates what it sends. */
interface Op {
  readonly bytes: number;
  queue(): void;
}

const OVERHEAD = 200;

class Writer {
  readonly ops: Op[] = [];
  readonly sheetsCreated: string[] = [];
  readonly namesAdded: string[] = [];
  readonly namesUpdated: string[] = [];
  /** Sheets whose print setup the host could not take (no ExcelApi 1.9). */
  readonly printNotices: PlanNotice[] = [];
  cellsWritten = 0;
  cellsLeftAlone = 0;
  private readonly proxies = new Map<string, Excel.Worksheet>();
  /** Number formats the plan sets, in the order they are applied, and whether each is text ("@"). */
  private readonly formatted = new Map<string, { readonly range: RangeRef; readonly text: boolean }[]>();

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly facts: WorkbookFacts,
    /** Estimated bytes per write sync; one value write never takes more than half of it. */
    private readonly budget: number,
    /** The user's fills on the styled cells of existing sheets (see readUserFills). */
    private readonly userFills: UserFills = new Map(),
  ) {}

  /** The workbook's spelling of a sheet name (Excel matches names case-insensitively). */
  sheetName(name: string): string {
    return this.facts.sheets.get(name.toLowerCase())?.name ?? name;
  }

  sheet(name: string): Excel.Worksheet {
    const key = name.toLowerCase();
    let proxy = this.proxies.get(key);
    if (!proxy) {
      proxy = this.context.workbook.worksheets.getItem(this.sheetName(name));
      this.proxies.set(key, proxy);
    }
    return proxy;
  }

  add(bytes: number, queue: () => void): void {
    this.ops.push({ bytes: bytes + OVERHEAD, queue });
  }

  /** New sheets are added (at the end, not activated); `veryHidden` is enforced on existing ones. */
  sheets(plan: WritePlan): void {
    for (const spec of plan.sheets) {
      const fact = this.facts.sheets.get(spec.name.toLowerCase());
      const hidden = spec.visibility === "veryHidden";
      if (!fact) {
        this.sheetsCreated.push(spec.name);
        this.add(spec.name.length, () => {
          const created = this.context.workbook.worksheets.add(spec.name);
          if (hidden) created.visibility = "VeryHidden";
          this.proxies.set(spec.name.toLowerCase(), created);
        });
      } else if (hidden && fact.visibility !== "VeryHidden") {
        this.add(0, () => (this.sheet(spec.name).visibility = "VeryHidden"));
      }
    }
  }

  layout(plan: WritePlan): void {
    for (const spec of plan.sheets) {
      for (const [col, width] of Object.entries(spec.columnWidths ?? {})) {
        this.add(col.length, () => (this.sheet(spec.name).getRange(`${col}:${col}`).format.columnWidth = columnWidthPoints(width)));
      }
      if (spec.freezeRows !== undefined) this.add(0, () => this.sheet(spec.name).freezePanes.freezeRows(spec.freezeRows));
    }
  }

  /** A number format and style over a range; a single number format value fills the range. */
  format(sheet: string, address: string, numberFormat: string | undefined, style: StyleName | undefined): void {
    if (numberFormat === undefined && style === undefined) return;
    if (numberFormat !== undefined) {
      const key = sheet.toLowerCase();
      this.formatted.set(key, [...(this.formatted.get(key) ?? []), { range: parseRange(address), text: numberFormat === "@" }]);
    }
    const spec = style !== undefined ? STYLES[style] : undefined;
    const keep = spec?.fill !== undefined ? this.userFills.get(rangeKey(sheet, address)) : undefined;
    const ours = keep && keep.some((row) => row.some(Boolean)) ? nonNullBlocks(keep.map((row) => row.map((k) => (k ? null : 1)))) : undefined;
    this.add(address.length + (numberFormat?.length ?? 0), () => {
      const range = this.sheet(sheet).getRange(address);
      if (numberFormat !== undefined) range.numberFormat = numberFormat as unknown as string[][];
      if (spec === undefined) return;
      if (!ours) {
        applyStyle(range.format, spec);
        return;
      }
      // The user's fills stay: the style without its fill, then the fill where the cell has none of the user's.
      applyStyle(range.format, { ...spec, fill: undefined });
      const origin = address.split(":")[0];
      for (const b of ours) this.sheet(sheet).getRange(rangeAddress(origin, b)).format.fill.color = spec.fill as string;
    });
  }

  /** Only a number format, outside the plan's own formats (the temporary "General" around content). */
  numberFormatOnly(sheet: string, address: string, numberFormat: string): void {
    this.add(address.length + numberFormat.length, () => (this.sheet(sheet).getRange(address).numberFormat = numberFormat as unknown as string[][]));
  }

  /**
   * Cells of a write that get a formula, number or boolean but end up text-formatted ("@") by
   * the plan. Excel would store such an entry as text (as it does when one types into a Text
   * cell), while the .xlsx the CLI writes holds a real formula or number with that format; so
   * these cells get "General" for the entry and "@" again after it.
   */
  nonTextInText(write: RangeWrite): string[] {
    const o = parseCell(write.address.split(":")[0]);
    const mask = write.cells.map((row, i) =>
      row.map((cell, j) => (cell !== null && typeof cell !== "string" && this.textFormatted(write.sheet, o.row + i, o.col + j) ? cell : null)),
    );
    return nonNullBlocks(mask).map((b) => rangeAddress(write.address.split(":")[0], b));
  }

  /** Whether the plan makes this cell text-formatted (its last number format among those queued). */
  private textFormatted(sheet: string, row: number, col: number): boolean {
    const list = this.formatted.get(sheet.toLowerCase()) ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      const { start, end } = list[i].range;
      if (start.row <= row && row <= end.row && start.col <= col && col <= end.col) return list[i].text;
    }
    return false;
  }

  /**
   * The grid in row blocks of at most MAX_CELLS_PER_WRITE cells and at most the payload budget,
   * so no single write outgrows a request; blocks that are all null are not sent.
   */
  values(sheet: string, origin: string, cells: readonly (readonly Cell[])[]): void {
    const cols = cells[0]?.length ?? 0;
    const o = parseCell(origin);
    const entry = (cell: Cell, i: number, j: number): Entry =>
      typeof cell === "string" && !isPlainText(cell) ? toEntry(cell, this.textFormatted(sheet, o.row + i, o.col + j)) : toEntry(cell);
    let block: Entry[][] = [];
    let start = 0;
    let bytes = 0;
    const flush = (): void => {
      const written = block.reduce((n, row) => n + row.filter((e) => e !== null).length, 0);
      this.cellsWritten += written;
      this.cellsLeftAlone += block.length * cols - written;
      const entries = block;
      if (written > 0) {
        const address = rangeAddress(origin, { row: start, col: 0, rows: entries.length, cols });
        this.add(bytes + address.length, () => (this.sheet(sheet).getRange(address).formulas = entries));
      }
      start += block.length;
      block = [];
      bytes = 0;
    };
    for (const [i, row] of cells.entries()) {
      const entries = row.map((cell, j) => entry(cell, i, j));
      const rowBytes = JSON.stringify(entries).length + 1;
      if (block.length > 0 && ((block.length + 1) * cols > MAX_CELLS_PER_WRITE || bytes + rowBytes > this.budget / 2)) flush();
      block.push(entries);
      bytes += rowBytes;
    }
    if (block.length > 0) flush();
  }

  /** The last spec of a name wins; existing names are updated only when they point elsewhere. */
  names(plan: WritePlan): void {
    const last = new Map(plan.names.map((n) => [n.name.toLowerCase(), n]));
    for (const n of last.values()) {
      const formula = nameFormula(this.sheetName(n.sheet), n.address);
      const existing = this.facts.names.get(n.name.toLowerCase());
      if (!existing) {
        this.namesAdded.push(n.name);
        this.add(n.name.length + formula.length, () => this.context.workbook.names.add(n.name, formula));
      } else if (!sameSheetAddress(existing.formula, formula)) {
        this.namesUpdated.push(n.name);
        this.add(n.name.length + formula.length, () => (this.context.workbook.names.getItem(existing.name).formula = formula));
      }
    }
  }

  /** Our formats are cleared on their ranges first, so applying the plan again does not stack them. */
  conditionalFormats(plan: WritePlan): void {
    const ranges = new Map(plan.conditionalFormats.map((c) => [`${c.sheet.toLowerCase()}!${c.address}`, c]));
    for (const c of ranges.values()) this.add(c.address.length, () => this.sheet(c.sheet).getRange(c.address).conditionalFormats.clearAll());
    for (const c of plan.conditionalFormats) {
      this.add(c.address.length + c.formula.length, () => {
        const cf = this.sheet(c.sheet).getRange(c.address).conditionalFormats.add("Custom");
        cf.custom.rule.formula = c.formula.startsWith("=") ? c.formula : `=${c.formula}`;
        applyConditionalStyle(cf.custom.format, CONDITIONAL_STYLES[c.style]);
      });
    }
  }

  /**
   * Print setup (print.ts), last in the batch: Office.js batches are not transactions, so if a host
   * refused a page-layout setting, everything the plan writes is already done. Without ExcelApi
   * 1.9 the sheets keep their print setup and the user is told.
   */
  print(plan: WritePlan, supported: boolean): void {
    for (const spec of plan.sheets) {
      const print = spec.print;
      if (!print) continue;
      if (!supported) this.printNotices.push({ sheet: spec.name, address: "A1", message: PRINT_SKIPPED });
      else this.add(JSON.stringify(print).length, () => queuePrint(this.sheet(spec.name), print));
    }
  }
}

/** Consecutive ops in batches of at most `budget` estimated bytes (an op larger than that goes alone). */
function batches(ops: readonly Op[], budget: number): Op[][] {
  const out: Op[][] = [];
  let current: Op[] = [];
  let size = 0;
  for (const op of ops) {
    if (current.length > 0 && size + op.bytes > budget) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(op);
    size += op.bytes;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Refuses a plan that writes to a sheet which neither exists nor is among the plan's sheets. */
function unknownSheets(plan: WritePlan, facts: WorkbookFacts): Problem[] {
  return unknownSheetProblems(plan, [...facts.sheets.values()].map((sheet) => sheet.name));
}

/**
 * The ranges queueOperations styles with a fill on sheets that existed before the plan: the
 * plan's formats and the written blocks of its styled writes.
 */
function styledExistingRanges(plan: WritePlan, facts: WorkbookFacts): { sheet: string; address: string }[] {
  const filled = (style: StyleName | undefined) => style !== undefined && STYLES[style]?.fill !== undefined;
  const existing = (sheet: string) => facts.sheets.has(sheet.toLowerCase());
  const out = new Map<string, { sheet: string; address: string }>();
  for (const f of plan.formats) if (filled(f.style) && existing(f.sheet)) out.set(rangeKey(f.sheet, f.address), { sheet: f.sheet, address: f.address });
  for (const w of plan.writes) {
    if (!filled(w.style) || !existing(w.sheet)) continue;
    const origin = w.address.split(":")[0];
    for (const b of nonNullBlocks(w.cells)) {
      const address = rangeAddress(origin, b);
      out.set(rangeKey(w.sheet, address), { sheet: w.sheet, address });
    }
  }
  return [...out.values()];
}

/**
 * The fills of the cells the plan styles on existing sheets: true where a cell has a fill that is
 * not ours (nor none), so the user's colour is kept. Syncs of at most FILL_CELLS_PER_SYNC cells;
 * none when nothing is styled there. (A white fill reads as no fill and is not kept.)
 */
async function readUserFills(context: Excel.RequestContext, plan: WritePlan, facts: WorkbookFacts): Promise<{ fills: UserFills; syncs: number }> {
  const targets = styledExistingRanges(plan, facts);
  const fills = new Map<string, boolean[][]>();
  let syncs = 0;
  let batch: { key: string; result: OfficeExtension.ClientResult<Excel.CellProperties[][]> }[] = [];
  let cells = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await context.sync();
    syncs++;
    for (const b of batch) fills.set(b.key, b.result.value.map((row) => row.map((p) => !OUR_FILLS.has(String(p.format?.fill?.color ?? "#FFFFFF").toUpperCase()))));
    batch = [];
    cells = 0;
  };
  for (const t of targets) {
    const r = parseRange(t.address);
    const n = (r.end.row - r.start.row + 1) * (r.end.col - r.start.col + 1);
    if (cells > 0 && cells + n > FILL_CELLS_PER_SYNC) await flush();
    const sheet = context.workbook.worksheets.getItem(facts.sheets.get(t.sheet.toLowerCase())?.name ?? t.sheet);
    batch.push({ key: rangeKey(t.sheet, t.address), result: sheet.getRange(t.address).getCellProperties({ format: { fill: { color: true } } }) });
    cells += n;
  }
  await flush();
  return { fills, syncs };
}

/** Every step of the plan, in the order Excel must see them. */
function queueOperations(w: Writer, plan: WritePlan): void {
  w.sheets(plan);
  w.layout(plan);
  // Formats before content: a cell's number format decides how Excel reads what is written.
  // A write's own number format and style come after the format-only writes, so they win.
  for (const f of plan.formats) w.format(f.sheet, f.address, f.numberFormat, f.style);
  for (const write of plan.writes) {
    const origin = write.address.split(":")[0];
    for (const block of nonNullBlocks(write.cells)) w.format(write.sheet, rangeAddress(origin, block), write.numberFormat, write.style);
  }
  const untexted = plan.writes.flatMap((write) => w.nonTextInText(write).map((address) => ({ sheet: write.sheet, address })));
  for (const u of untexted) w.numberFormatOnly(u.sheet, u.address, "General");
  for (const write of plan.writes) w.values(write.sheet, write.address.split(":")[0], write.cells);
  for (const u of untexted) w.numberFormatOnly(u.sheet, u.address, "@");
  w.names(plan);
  w.conditionalFormats(plan);
  w.print(plan, supportsExcelApi("1.9"));
}

/**
 * Applies `plan`. `facts` (from `queueProbe`, loaded in an earlier sync) saves the probe sync.
 * Throws Problems, before writing anything, when the plan cannot be applied as a whole.
 */
export async function applyPlan(
  context: Excel.RequestContext,
  plan: WritePlan,
  facts?: WorkbookFacts,
  options: ApplyOptions = {},
): Promise<ApplyReport> {
  // Static problems are found before any sync; with the facts at hand, every problem at once.
  const problems = [...planProblems(plan), ...(facts ? unknownSheets(plan, facts) : [])];
  if (problems.length > 0) throw new Problems(problems, "Skriveplanen kan ikke brukes:");
  let syncs = 0;
  let known = facts;
  if (!known) {
    known = await probeWorkbook(context);
    syncs++;
    const unknown = unknownSheets(plan, known);
    if (unknown.length > 0) throw new Problems(unknown, "Skriveplanen kan ikke brukes:");
  }

  const userFills = await readUserFills(context, plan, known);
  syncs += userFills.syncs;

  const budget = options.payloadBudget ?? PAYLOAD_BUDGET;
  const w = new Writer(context, known, budget, userFills.fills);
  queueOperations(w, plan);

  const suspend = supportsExcelApi("1.6");
  for (const batch of batches(w.ops, budget)) {
    // Formulas recalculate once when the batch is done, not after every range (performance.md).
    if (suspend) context.workbook.application.suspendApiCalculationUntilNextSync();
    for (const op of batch) op.queue();
    await context.sync();
    syncs++;
  }

  return {
    syncs,
    sheetsCreated: w.sheetsCreated,
    written: plan.writes.map((x) => ({ sheet: x.sheet, address: x.address })),
    cellsWritten: w.cellsWritten,
    cellsLeftAlone: w.cellsLeftAlone,
    namesAdded: w.namesAdded,
    namesUpdated: w.namesUpdated,
    conditionalFormats: plan.conditionalFormats.length,
    leftAlone: plan.leftAlone,
    notices: [...(plan.notices ?? []), ...w.printNotices],
  };
}
