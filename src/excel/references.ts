/** Sheet-qualified references as Excel writes them in names and addresses. */
import { cellAddress, parseCell, parseRange, rangeOf } from "../core/template/a1";
import { Block } from "./cells";

/** Excel quotes a sheet name unless it is a plain identifier that cannot be read as a cell. */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

function absolute(address: string): string {
  const r = parseRange(address);
  const a = (ref: { row: number; col: number }): string => cellAddress(ref).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  const start = a(r.start);
  const end = a(r.end);
  return start === end ? start : `${start}:${end}`;
}

/** What a workbook name refers to: "='A10 SPK brutto'!$C$3". */
export function nameFormula(sheet: string, address: string): string {
  return `=${quoteSheet(sheet)}!${absolute(address)}`;
}

function normalise(formula: string): string {
  const text = formula.replace(/^=/, "").trim();
  const bang = text.lastIndexOf("!");
  if (bang < 0) return text.toUpperCase();
  let sheet = text.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return `${sheet.toLowerCase()}!${text.slice(bang + 1).replace(/\$/g, "").toUpperCase()}`;
}

/** Whether two name formulas point at the same cells (quoting, $ and case aside). */
export function sameReference(a: string, b: string): boolean {
  return normalise(a) === normalise(b);
}

/** The address of `block` inside a grid whose top-left cell is `origin` ("B7"). */
export function rangeAddress(origin: string, block: Block): string {
  const o = parseCell(origin);
  return rangeOf({ row: o.row + block.row, col: o.col + block.col }, block.rows, block.cols);
}

/** Splits "'Ark 1'!B3:C4" into the sheet name (unquoted) and the local address. */
export function splitAddress(address: string): { sheet: string; local: string } {
  const bang = address.lastIndexOf("!");
  let sheet = bang < 0 ? "" : address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: bang < 0 ? address : address.slice(bang + 1) };
}
