/**
 * A1 addresses as the fake host parses and prints them. Deliberately independent of
 * src/core/template/a1.ts: the fake must not share a bug with the code it checks.
 */
import { invalidArgument } from "./errors";

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A rectangle of cells, 0-based and inclusive. */
export interface Rect {
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
}

export const rectRows = (r: Rect): number => r.r1 - r.r0 + 1;
export const rectCols = (r: Rect): number => r.c1 - r.c0 + 1;

export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return outer.r0 <= inner.r0 && inner.r1 <= outer.r1 && outer.c0 <= inner.c0 && inner.c1 <= outer.c1;
}

export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function colLetters(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Splits "'My sheet'!A1:B2" into the sheet name (unquoted) and "A1:B2". */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

type Part = { row?: number; col?: number };

function parsePart(text: string, address: string): Part {
  const m = text.replace(/\$/g, "").match(/^([A-Za-z]{0,3})(\d*)$/);
  if (!m || (m[1] === "" && m[2] === "")) throw invalidArgument(`Ugyldig adresse «${address}»`);
  const part: Part = {};
  if (m[1] !== "") part.col = colIndex(m[1]);
  if (m[2] !== "") part.row = Number(m[2]) - 1;
  if ((part.col !== undefined && part.col >= MAX_COLS) || (part.row !== undefined && (part.row < 0 || part.row >= MAX_ROWS))) {
    throw invalidArgument(`Adressen «${address}» er utenfor arket`);
  }
  return part;
}

/** "A1", "A1:B2", "$A$1", "B:D" (whole columns), "3:5" (whole rows); never a sheet prefix. */
export function parseLocal(local: string): Rect {
  const [a, b = a, extra] = local.trim().split(":");
  if (extra !== undefined || a === "") throw invalidArgument(`Ugyldig adresse «${local}»`);
  const p = parsePart(a, local);
  const q = parsePart(b, local);
  const wholeCols = p.row === undefined && q.row === undefined && p.col !== undefined && q.col !== undefined;
  const wholeRows = p.col === undefined && q.col === undefined && p.row !== undefined && q.row !== undefined;
  if (!wholeCols && !wholeRows && [p.row, p.col, q.row, q.col].some((x) => x === undefined)) {
    throw invalidArgument(`Ugyldig adresse «${local}»`);
  }
  const r0 = wholeCols ? 0 : (p.row as number);
  const r1 = wholeCols ? MAX_ROWS - 1 : (q.row as number);
  const c0 = wholeRows ? 0 : (p.col as number);
  const c1 = wholeRows ? MAX_COLS - 1 : (q.col as number);
  return { r0: Math.min(r0, r1), r1: Math.max(r0, r1), c0: Math.min(c0, c1), c1: Math.max(c0, c1) };
}

export function formatRect(r: Rect): string {
  if (r.r0 === 0 && r.r1 === MAX_ROWS - 1) return `${colLetters(r.c0)}:${colLetters(r.c1)}`;
  if (r.c0 === 0 && r.c1 === MAX_COLS - 1) return `${r.r0 + 1}:${r.r1 + 1}`;
  const a = `${colLetters(r.c0)}${r.r0 + 1}`;
  const b = `${colLetters(r.c1)}${r.r1 + 1}`;
  return a === b ? a : `${a}:${b}`;
}

/** Excel quotes a sheet name in an address unless it is a plain identifier. */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export const formatAddress = (sheet: string, r: Rect): string => `${quoteSheet(sheet)}!${formatRect(r)}`;

/** "$A$1:$B$2" for a name's formula. */
export function absoluteRect(r: Rect): string {
  const a = `$${colLetters(r.c0)}$${r.r0 + 1}`;
  const b = `$${colLetters(r.c1)}$${r.r1 + 1}`;
  return a === b ? a : `${a}:${b}`;
}
