/**
 * Reading the workbook: sheet snapshots for the plan producers (one sync), and a range for the
 * import step (one sync for its size, then one per block of rows, each block sized in bytes).
 */
import { rangeOf } from "../core/sheet/a1";
import { splitSheetAddress } from "../core/sheet/reference";
import { SheetSnapshot } from "../core/sheet/snapshot";

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
  readonly merged?: Excel.RangeAreas;
}

/**
 * `RangeAreas.address` ("'A10 SPK brutto'!J12:J13, 'A10 SPK brutto'!B12:C12") as local A1
 * ranges: split at the commas between areas (a quoted sheet name may hold a comma), sheet and
 * `$` taken off.
 */
export function mergedAddresses(address: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => splitSheetAddress(p.trim()).address.replace(/\$/g, "").toUpperCase()).filter((p) => p !== "");
}

/**
 * Queues what a snapshot needs: the sheet (or a null object) and its used range with values and
 * formulas; with `withMerges`, also the sheet's merged areas (`Range.getMergedAreasOrNullObject`,
 * ExcelApi 1.13; asked of the whole sheet, since it gives only areas whose top-left cell is in
 * the range, OfficeDev/office-js#3611). Asking for the used range of a sheet that may not exist
 * chains a call on a possible null object in the same batch; Office.js does not document that
 * case, so readSnapshots falls back to two syncs when Excel refuses it.
 */
export function queueSnapshots(
  context: Excel.RequestContext,
  names: readonly string[],
  lookup: (name: string) => Excel.Worksheet = (name) => context.workbook.worksheets.getItemOrNullObject(name),
  withMerges = false,
): () => Map<string, SheetSnapshot | undefined> {
  const queued = new Map<string, QueuedSheet>();
  for (const name of names) {
    const sheet = lookup(name).load("name");
    const used = sheet.getUsedRangeOrNullObject(true).load("values,formulas,rowIndex,columnIndex");
    const merged = withMerges ? sheet.getRange().getMergedAreasOrNullObject().load("address") : undefined;
    queued.set(name, { sheet, used, ...(merged ? { merged } : {}) });
  }
  return () => new Map([...queued].map(([name, q]) => [name, snapshotOf(q)]));
}

function snapshotOf({ sheet, used, merged }: QueuedSheet): SheetSnapshot | undefined {
  if (sheet.isNullObject) return undefined;
  const merges = merged && !merged.isNullObject ? mergedAddresses(merged.address) : [];
  const withMerges = merges.length > 0 ? { merges } : {};
  if (used.isNullObject) return { name: sheet.name, values: [], formulas: [], ...withMerges };
  return {
    name: sheet.name,
    values: padToA1(used.values, used.rowIndex, used.columnIndex),
    formulas: padToA1(used.formulas, used.rowIndex, used.columnIndex),
    ...withMerges,
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
  withMerges = false,
): Promise<Map<string, SheetSnapshot | undefined>> {
  let sheets = existing;
  if (!sheets) {
    const listed = context.workbook.worksheets.load("items/name");
    await context.sync();
    sheets = new Map(listed.items.map((s) => [s.name.toLowerCase(), { name: s.name }]));
  }
  const known = sheets;
  const present = names.filter((n) => known.has(n.toLowerCase()));
  const collect = queueSnapshots(context, present, (n) => context.workbook.worksheets.getItem(known.get(n.toLowerCase())?.name ?? n), withMerges);
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

/**
 * The most one read sync may bring back, in UTF-8 bytes of the JSON Office.js receives: Excel on
 * the web refuses a request or response over 5 MB, and sometimes answers with null values instead
 * (performance.md). 4 MB leaves a fifth for Office.js's own wrapping of the answer.
 */
export const READ_BYTES_PER_SYNC = 4_000_000;

/**
 * The heaviest cell Excel holds in practice, as JSON: 32 767 characters (Excel's limit per cell)
 * of up to 3 UTF-8 bytes each, two quotes and a comma. A first block of rows this heavy still fits
 * the budget. (Only control characters, which JSON escapes to 6 bytes, weigh more; a block of
 * those is refused by Excel and read again in halves, below.)
 */
const MAX_CELL_BYTES = 32_767 * 3 + 3;

/**
 * A range of up to this many cells (a monthly export) is read in one block, in the two syncs it
 * always took. It fits the budget while its cells average under 2 000 bytes, far more than any
 * field of an export; a heavier one is refused by Excel and read again in halves (readUsedPart).
 */
const READ_WHOLE_MAX_CELLS = 2_000;

/** How many times the rows of the block before a block may have: blocks are sized from rows already read, and this bounds the guess. */
const GROWTH = 32;

/** UTF-8 bytes of a text, counted without encoding it. */
function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4; // a surrogate pair: one 4-byte character
      i++;
    } else n += 3;
  }
  return n;
}

/** One row's share of the JSON answer: `[…]` and the comma after it. */
const rowBytes = (row: readonly unknown[]): number => utf8Bytes(JSON.stringify(row)) + 1;

/** Rows per block when nothing is known yet: what fits even if every cell were as heavy as Excel allows. */
const safeRows = (cols: number): number => Math.max(1, Math.floor(READ_BYTES_PER_SYNC / (MAX_CELL_BYTES * Math.max(1, cols))));

/** Rows for the next block: as many of the last block's heaviest row as fit, but at most GROWTH × its rows. */
function nextRows(lastRows: number, heaviestRow: number): number {
  return Math.max(1, Math.min(lastRows * GROWTH, Math.floor((READ_BYTES_PER_SYNC - 2) / Math.max(1, heaviestRow))));
}

/** Excel on the web's answer to a request or response over its 5 MB. */
function tooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/**
 * Reads the used part of `range` in blocks of whole rows, one sync each, every block sized so its
 * answer stays under READ_BYTES_PER_SYNC. A small range is one block; in a bigger one the first
 * block is sized from Excel's limit per cell, every later one
 * from the heaviest row of the block before (and at most GROWTH times its rows). The last block,
 * not all of them, so a few heavy rows do not slow the rest of the sheet down.
 *
 * Office.js cannot tell how long a text is before reading it, so rows far heavier than all before
 * them can still make a block too big: Excel refuses it (or answers null). Then the same rows are
 * read in halves, and no block over them is bigger than half the refused one until they are
 * read; so each refusal halves the block, and the heavy rows, once read, size the next ones. A
 * single row Excel cannot send is an error with Excel's code (the pane explains it).
 */
async function readUsedPart(context: Excel.RequestContext, sheet: Excel.Worksheet, range: Excel.Range): Promise<RangeRead> {
  sheet.load("name");
  const used = range.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount");
  await context.sync();
  if (used.isNullObject) return { sheet: sheet.name, origin: "A1", values: [] };
  const start = { row: used.rowIndex, col: used.columnIndex };
  const cols = used.columnCount;
  const values: Grid = [];
  let rows = used.rowCount * cols <= READ_WHOLE_MAX_CELLS ? used.rowCount : safeRows(cols);
  // After a refusal: no block starting before `ceilingEnd` may have more than `ceiling` rows.
  let ceiling = Infinity;
  let ceilingEnd = 0;
  while (values.length < used.rowCount) {
    const take = Math.min(rows, values.length < ceilingEnd ? ceiling : Infinity, used.rowCount - values.length);
    const part = sheet.getRange(rangeOf({ row: start.row + values.length, col: start.col }, take, cols)).load("values");
    let refused: unknown;
    try {
      await context.sync();
      if (!Array.isArray(part.values) || part.values.length !== take) {
        refused = Object.assign(new Error(`Excel ga ingen verdier for ${take} rader`), { code: "ResponsePayloadSizeLimitExceeded" });
      }
    } catch (error) {
      if (!tooLarge(error)) throw error;
      refused = error;
    }
    if (refused !== undefined) {
      if (take === 1) throw refused;
      ceiling = Math.ceil(take / 2);
      ceilingEnd = Math.max(ceilingEnd, values.length + take);
      rows = ceiling;
      continue;
    }
    let heaviest = 0;
    // One row at a time: a block can have a million rows, too many for push(...rows).
    for (const row of part.values) {
      heaviest = Math.max(heaviest, rowBytes(row));
      values.push(row);
    }
    rows = nextRows(take, heaviest);
  }
  return { sheet: sheet.name, origin: rangeOf(start, 1, 1), values };
}

/**
 * Reads "Ark!B3:F40", "'SAP eksport'!A:H" or a bare sheet name (the whole sheet), trimmed to the
 * cells in use. Two syncs for up to READ_WHOLE_MAX_CELLS cells; for more, one sync for the used
 * range and one per block (readUsedPart): a few for a sheet of short numbers, more for long texts.
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
