/**
 * Reading the workbook: sheet snapshots for the plan producers (one sync), and a range for the
 * import step.
 */
import { rangeOf } from "../core/sheet/a1";
import { SheetSnapshot } from "../core/sheet/snapshot";
import { rowBlocks } from "./cells";
import { splitSheetAddress } from "../core/sheet/reference";

type Grid = unknown[][];

/** A grid whose top-left is cell (row, col) of the sheet, padded with "" so it starts at A1. */
export function padToA1(grid: readonly (readonly unknown[])[], row: number, col: number): Grid {
  const width = col + (grid[0]?.length ?? 0);
  const blank = (): unknown[] => Array.from({ length: width }, () => "");
  const top = Array.from({ length: row }, blank);
  return [...top, ...grid.map((r) => [...Array.from({ length: col }, () => ""), ...r])];
}

interface QueuedSheet {
  readonly sheet: Excel.Worksheet;
  readonly used: Excel.Range;
}

/**
 * Queues what a snapshot needs: the sheet (or a null object) and its used range with values and
 * formulas. Asking for the used range of a sheet that may not exist chains a call on a possible
 * null object in the same batch; Office.js does not document that case, so readSnapshots falls
 * back to two syncs when Excel refuses it.
 */
export function queueSnapshots(
  context: Excel.RequestContext,
  names: readonly string[],
  lookup: (name: string) => Excel.Worksheet = (name) => context.workbook.worksheets.getItemOrNullObject(name),
): () => Map<string, SheetSnapshot | undefined> {
  const queued = new Map<string, QueuedSheet>();
  for (const name of names) {
    const sheet = lookup(name).load("name");
    const used = sheet.getUsedRangeOrNullObject(true).load("values,formulas,rowIndex,columnIndex");
    queued.set(name, { sheet, used });
  }
  return () => new Map([...queued].map(([name, q]) => [name, snapshotOf(q)]));
}

function snapshotOf({ sheet, used }: QueuedSheet): SheetSnapshot | undefined {
  if (sheet.isNullObject) return undefined;
  if (used.isNullObject) return { name: sheet.name, values: [], formulas: [] };
  return {
    name: sheet.name,
    values: padToA1(used.values, used.rowIndex, used.columnIndex),
    formulas: padToA1(used.formulas, used.rowIndex, used.columnIndex),
  };
}

/** A failure that may come from calling a method on a null object (and so is worth one retry). */
export function mayBeNullChainFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code !== "RequestPayloadSizeLimitExceeded";
}

/** Missing sheets map to undefined; an empty sheet gives empty grids. One sync (two if Excel refuses the chain). */
export async function readSnapshots(context: Excel.RequestContext, names: readonly string[]): Promise<Map<string, SheetSnapshot | undefined>> {
  const collect = queueSnapshots(context, names);
  try {
    await context.sync();
    return collect();
  } catch (error) {
    if (!mayBeNullChainFailure(error)) throw error;
    return readExistingSnapshots(context, names);
  }
}

/**
 * The fallback: learn which sheets exist (unless `existing` already says, by lower-case name),
 * then read only those, so no call is made on a null object.
 */
export async function readExistingSnapshots(
  context: Excel.RequestContext,
  names: readonly string[],
  existing?: ReadonlyMap<string, { readonly name: string }>,
): Promise<Map<string, SheetSnapshot | undefined>> {
  let sheets = existing;
  if (!sheets) {
    const listed = context.workbook.worksheets.load("items/name");
    await context.sync();
    sheets = new Map(listed.items.map((s) => [s.name.toLowerCase(), { name: s.name }]));
  }
  const known = sheets;
  const present = names.filter((n) => known.has(n.toLowerCase()));
  const collect = queueSnapshots(context, present, (n) => context.workbook.worksheets.getItem(known.get(n.toLowerCase())?.name ?? n));
  await context.sync();
  const read = collect();
  return new Map(names.map((n) => [n, read.get(n)]));
}

/** A region of a sheet for an importer: values exactly as `range.values` gives them. */
export interface RangeRead {
  readonly sheet: string;
  /** The A1 address of `values[0][0]`. */
  readonly origin: string;
  readonly values: Grid;
}

/** Cells per read sync: keeps a response under Excel on the web's 5 MB (performance.md). */
export const READ_CELLS_PER_SYNC = 100_000;

async function readUsedPart(context: Excel.RequestContext, sheet: Excel.Worksheet, range: Excel.Range): Promise<RangeRead> {
  sheet.load("name");
  const used = range.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount");
  await context.sync();
  if (used.isNullObject) return { sheet: sheet.name, origin: "A1", values: [] };
  const start = { row: used.rowIndex, col: used.columnIndex };
  const values: Grid = [];
  const blocks = rowBlocks(used.rowCount, used.columnCount, READ_CELLS_PER_SYNC);
  // A big export is read in slices of rows, one sync each: a response over 5 MB fails or
  // silently gives null values (performance.md).
  for (const block of blocks) {
    const part = sheet.getRange(rangeOf({ row: start.row + block.row, col: start.col }, block.rows, block.cols)).load("values");
    await context.sync();
    values.push(...part.values);
  }
  return { sheet: sheet.name, origin: rangeOf(start, 1, 1), values };
}

/**
 * Reads "Ark!B3:F40", "'SAP eksport'!A:H" or a bare sheet name (the whole sheet), trimmed to the
 * cells in use. Two syncs for anything up to READ_CELLS_PER_SYNC cells; more only for bigger ones.
 */
export async function readRange(context: Excel.RequestContext, address: string): Promise<RangeRead> {
  const { sheet: name, address: local } = address.includes("!") ? splitSheetAddress(address) : { sheet: address, address: "" };
  const sheet = context.workbook.worksheets.getItem(name);
  return readUsedPart(context, sheet, local === "" ? sheet.getRange() : sheet.getRange(local));
}

/** The user's selection, trimmed to the cells in use. */
export async function readSelection(context: Excel.RequestContext): Promise<RangeRead> {
  const range = context.workbook.getSelectedRange();
  return readUsedPart(context, range.worksheet, range);
}
