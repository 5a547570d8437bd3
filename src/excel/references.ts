/** Sheet-qualified references as Excel writes them in names, on top of core's one quoting rule. */
import { absoluteAddress, parseCell, rangeOf } from "../core/sheet/a1";
import { sheetAddress } from "../core/sheet/reference";
import { Block } from "./cells";

/** What a workbook name refers to: "='A10 SPK brutto'!$C$3". */
export function nameFormula(sheet: string, address: string): string {
  return `=${sheetAddress(sheet, absoluteAddress(address))}`;
}

/** The address of `block` inside a grid whose top-left cell is `origin` ("B7"). */
export function rangeAddress(origin: string, block: Block): string {
  const o = parseCell(origin);
  return rangeOf({ row: o.row + block.row, col: o.col + block.col }, block.rows, block.cols);
}
