/**
 * Sheet-qualified references, `SAP!C14` and `'A10 SPK brutto'!C9`, by Excel's one rule: a sheet name
 * is quoted unless it is a plain word (letters, digits, `_` and `.`, not starting with a digit) that
 * cannot be read as a cell reference; a quote inside a quoted name is doubled. Messages, workbook
 * names, formulas and the addresses a user types all use it, so a place shown in a message can be
 * pasted into Excel's Go To box as it is.
 */
import { parseRange } from "./a1";

/** Letters as Excel allows them unquoted, Norwegian and other Latin letters included. */
const PLAIN_NAME = /^[A-Za-z_\u00C0-\u024F][A-Za-z0-9_.\u00C0-\u024F]*$/;
/** A name that reads as a cell (`AB12`) or an R1C1 reference (`R1C1`, `R`, `C`) must be quoted. */
const CELL_LIKE = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[RrCc])$/;

/** The sheet name as it stands before `!` in a reference. */
export function quoteSheet(sheet: string): string {
  return PLAIN_NAME.test(sheet) && !CELL_LIKE.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** `'Ark 1'!B3:C4` for sheet `Ark 1` and address `B3:C4`. */
export function sheetAddress(sheet: string, address: string): string {
  return `${quoteSheet(sheet)}!${address}`;
}

/**
 * The inverse of `sheetAddress`: `'Ark 1'!B3:C4` → sheet `Ark 1`, address `B3:C4`. A reference
 * without a sheet gives sheet "". The address is not checked here (see `parseRange`).
 */
export function splitSheetAddress(reference: string): { readonly sheet: string; readonly address: string } {
  const text = reference.trim().replace(/^=/, "");
  const bang = text.lastIndexOf("!");
  if (bang < 0) return { sheet: "", address: text };
  let sheet = text.slice(0, bang);
  if (sheet.length >= 2 && sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: text.slice(bang + 1) };
}

/** Whether two references name the same cells: quoting, `$` anchors and letter case aside. */
export function sameSheetAddress(a: string, b: string): boolean {
  const x = splitSheetAddress(a);
  const y = splitSheetAddress(b);
  if (x.sheet.toLowerCase() !== y.sheet.toLowerCase()) return false;
  try {
    const p = parseRange(x.address);
    const q = parseRange(y.address);
    return p.start.row === q.start.row && p.start.col === q.start.col && p.end.row === q.end.row && p.end.col === q.end.col;
  } catch {
    return x.address.replace(/\$/g, "").toUpperCase() === y.address.replace(/\$/g, "").toUpperCase();
  }
}
