/**
 * Reading and writing cell grids of a range target: the semantics of `values`, `formulas` and
 * `numberFormat` (null leaves a cell alone, a wrong-sized grid is refused, a single value fills
 * the range as the performance guide documents).
 */
import { formatAddress, Rect, rectCols, rectRows } from "./address";
import { invalidArgument, FakeOfficeError } from "./errors";
import { parseEntry } from "./input";
import { Scalar, SheetState } from "./model";

export interface RangeTarget {
  readonly sheet: SheetState;
  readonly rect: Rect;
}

/** Excel's own limit on a read; also keeps the fake from walking a whole column by accident. */
const MAX_READ_CELLS = 5_000_000;
/** The fake stores formats per cell, so it refuses to format absurdly many at once. */
const MAX_WRITE_CELLS = 2_000_000;

export const addressOf = (t: RangeTarget): string => formatAddress(t.sheet.name, t.rect);

export function cellCount(t: RangeTarget): number {
  return rectRows(t.rect) * rectCols(t.rect);
}

function checkSize(t: RangeTarget, limit: number, what: string): void {
  if (cellCount(t) > limit) {
    throw new FakeOfficeError("NotImplemented", `${what} på ${cellCount(t)} celler (${addressOf(t)}) er mer enn den falske verten tar`);
  }
}

export function readGrid<V>(t: RangeTarget, pick: (sheet: SheetState, row: number, col: number) => V): V[][] {
  checkSize(t, MAX_READ_CELLS, "Lesing");
  const out: V[][] = [];
  for (let r = t.rect.r0; r <= t.rect.r1; r++) {
    const row: V[] = [];
    for (let c = t.rect.c0; c <= t.rect.c1; c++) row.push(pick(t.sheet, r, c));
    out.push(row);
  }
  return out;
}

/** The element for cell (i, j) of what was written: a grid element, or the single value. */
function elementAt(t: RangeTarget, input: unknown, where: string): (i: number, j: number) => unknown {
  if (!Array.isArray(input)) return () => input;
  const rows = rectRows(t.rect);
  const cols = rectCols(t.rect);
  const fits = input.length === rows && input.every((row) => Array.isArray(row) && row.length === cols);
  if (!fits) {
    const got = `${input.length}×${Array.isArray(input[0]) ? input[0].length : "?"}`;
    throw invalidArgument(`Tabellen er ${got}, men området ${addressOf(t)} er ${rows}×${cols}`, where);
  }
  return (i, j) => (input[i] as unknown[])[j];
}

/** `values` and `formulas` writes: each element is read as typed input (see input.ts). */
export function writeEntries(t: RangeTarget, input: unknown, where: string): void {
  checkSize(t, MAX_WRITE_CELLS, "Skriving");
  const at = elementAt(t, input, where);
  for (let r = t.rect.r0; r <= t.rect.r1; r++) {
    for (let c = t.rect.c0; c <= t.rect.c1; c++) {
      const entry = parseEntry(at(r - t.rect.r0, c - t.rect.c0), t.sheet.cell(r, c).numberFormat, where);
      if (entry.kind === "leave") continue;
      const cell = t.sheet.edit(r, c);
      if (entry.kind === "formula") {
        // The fake never calculates: a new formula's value is "" until a test seeds one.
        if (cell.formula !== entry.formula) cell.value = "";
        cell.formula = entry.formula;
        delete cell.quotePrefix;
      } else {
        cell.value = entry.value;
        delete cell.formula;
        if (entry.quotePrefix) cell.quotePrefix = true;
        else delete cell.quotePrefix;
      }
    }
  }
}

export function writeNumberFormats(t: RangeTarget, input: unknown, where: string): void {
  checkSize(t, MAX_WRITE_CELLS, "Tallformat");
  const at = elementAt(t, input, where);
  for (let r = t.rect.r0; r <= t.rect.r1; r++) {
    for (let c = t.rect.c0; c <= t.rect.c1; c++) {
      const f = at(r - t.rect.r0, c - t.rect.c0);
      if (f === null) continue;
      if (typeof f !== "string") throw invalidArgument(`Tallformatet ${JSON.stringify(f)} er ikke tekst`, where);
      t.sheet.edit(r, c).numberFormat = f === "" ? "General" : f;
    }
  }
}

/** Sets one format attribute on every cell. */
export function writeEach(t: RangeTarget, apply: (sheet: SheetState, row: number, col: number) => void): void {
  checkSize(t, MAX_WRITE_CELLS, "Formatering");
  for (let r = t.rect.r0; r <= t.rect.r1; r++) for (let c = t.rect.c0; c <= t.rect.c1; c++) apply(t.sheet, r, c);
}

/** A format read: the common value, or null when cells differ (as Office.js reports it). */
export function uniform<V>(t: RangeTarget, pick: (sheet: SheetState, row: number, col: number) => V): V | null {
  checkSize(t, MAX_READ_CELLS, "Lesing");
  let first: V | undefined;
  for (let r = t.rect.r0; r <= t.rect.r1; r++) {
    for (let c = t.rect.c0; c <= t.rect.c1; c++) {
      const v = pick(t.sheet, r, c);
      if (first === undefined) first = v;
      else if (v !== first) return null;
    }
  }
  return first ?? null;
}

export function valueType(v: Scalar): string {
  if (v === "") return "Empty";
  return typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String";
}

/** What the cell shows; the fake applies no number format (numbers print as JavaScript does). */
export function displayText(v: Scalar): string {
  return typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
}

const COLOR = /^#[0-9A-Fa-f]{6}$/;
const NAMED: Readonly<Record<string, string>> = { black: "#000000", white: "#FFFFFF", red: "#FF0000", yellow: "#FFFF00" };

export function checkColor(color: unknown, where: string): string {
  if (typeof color === "string" && COLOR.test(color)) return color.toUpperCase();
  if (typeof color === "string" && NAMED[color.toLowerCase()]) return NAMED[color.toLowerCase()];
  throw invalidArgument(`Ugyldig farge ${JSON.stringify(color)}`, where);
}
