import { fromExcelSerial } from "../calendar";
import { isRuleError, Result, valueError } from "../errors";
import { parseAmount } from "../import/numbers";
import { roundKroner, toDecimal } from "../money/exact";
import { oreAmount, wholeOre } from "../spk/amounts";
import { isRateFraction } from "../spk/oppsett";
import { cellAddress, CellRef, parseCell } from "./a1";
import { SheetSnapshot } from "./write-plan";

/** Reading single cells of a SheetSnapshot: what is there, and what it means as an amount, rate or text. */

export interface SnapshotCell {
  readonly value: unknown;
  /** The formula text ("=B12-D12") when the cell holds a formula, else undefined. */
  readonly formula: string | undefined;
}

export function cellOf(snapshot: SheetSnapshot | undefined, ref: CellRef): SnapshotCell {
  if (!snapshot) return { value: "", formula: undefined };
  const value = snapshot.values[ref.row]?.[ref.col];
  const f = snapshot.formulas[ref.row]?.[ref.col];
  return { value: value ?? "", formula: typeof f === "string" && f.startsWith("=") ? f : undefined };
}

export const cellAt = (snapshot: SheetSnapshot | undefined, address: string): SnapshotCell => cellOf(snapshot, parseCell(address));

export function isBlankValue(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** Nothing in the cell: no formula and no value. */
export const isEmptyCell = (cell: SnapshotCell): boolean => cell.formula === undefined && isBlankValue(cell.value);

/** Whether anything at all is on the sheet. */
export function isBlankSheet(snapshot: SheetSnapshot): boolean {
  const rows = Math.max(snapshot.values.length, snapshot.formulas.length);
  for (let r = 0; r < rows; r++) {
    const width = Math.max(snapshot.values[r]?.length ?? 0, snapshot.formulas[r]?.length ?? 0);
    for (let c = 0; c < width; c++) if (!isEmptyCell(cellOf(snapshot, { row: r, col: c }))) return false;
  }
  return true;
}

/** `A10 SPK brutto!C9`, the way messages name a cell. */
export const where = (sheet: string, address: string): string => `${sheet}!${address}`;
export const whereRef = (sheet: string, ref: CellRef): string => where(sheet, cellAddress(ref));

/** The cell's content as the user sees it, for messages. */
export function shownValue(value: unknown): string {
  if (typeof value === "number") return String(value).replace(".", ",");
  if (typeof value === "boolean") return value ? "SANN" : "USANN";
  return String(value ?? "").trim();
}

/**
 * An amount cell as kroner with whole øre; undefined when empty. Numbers are taken as Excel shows
 * them (spreadsheet float noise is the øre amount shown); text is read as a Norwegian amount by the
 * import's parser (`1 234,50`, `(1 234,50)`, `kr 1.234,50`, …).
 */
export function readAmount(value: unknown, at: string): Result<number | undefined> {
  if (isBlankValue(value)) return undefined;
  if (typeof value === "number") {
    const exact = oreAmount(value, `${at}: beløpet`);
    return isRuleError(exact) ? exact : roundKroner(exact);
  }
  const parsed = parseAmount(value);
  if (isRuleError(parsed)) return valueError(`${at}: ${parsed.message}`);
  if (parsed === null) return undefined;
  const exact = wholeOre(parsed, `${at}: «${shownValue(value)}»`);
  return isRuleError(exact) ? exact : roundKroner(exact);
}

/**
 * A rate cell as a fraction; undefined when empty. A number is the fraction itself (a cell
 * formatted as 13,87 % holds 0.1387); text may be `13,87 %` or `0,1387`. A number of 1 or more is
 * refused rather than guessed to be a percentage.
 */
export function readRate(value: unknown, at: string, what: string): Result<number | undefined> {
  if (isBlankValue(value)) return undefined;
  let fraction: number | undefined;
  if (typeof value === "number") {
    fraction = value;
  } else if (typeof value === "string") {
    const text = value.trim();
    const percent = text.endsWith("%");
    const parsed = parseAmount(percent ? text.slice(0, -1) : text);
    if (!isRuleError(parsed) && parsed !== null) {
      fraction = (percent ? toDecimal(parsed).div(100) : toDecimal(parsed)).toNumber();
    }
  }
  if (fraction === undefined || !isRateFraction(fraction)) {
    return valueError(`${at}: «${shownValue(value)}» er ikke en gyldig ${what} (skriv f.eks. 13,87 % eller 0,1387).`);
  }
  return fraction;
}

/** A whole number (a year); undefined when empty. */
export function readInteger(value: unknown, at: string, what: string): Result<number | undefined> {
  if (isBlankValue(value)) return undefined;
  const n = typeof value === "number" ? value : typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n)) return valueError(`${at}: «${shownValue(value)}» er ikke ${what}.`);
  return n;
}

function twoDigits(n: number): string {
  return String(n).padStart(2, "0");
}

/**
 * A text cell as typed; undefined when empty. A number in a date column is an Excel date serial
 * and becomes `dd.mm.åååå`; other numbers (an invoice number) their digits.
 */
export function readText(value: unknown, isDate = false): string | undefined {
  if (isBlankValue(value)) return undefined;
  if (typeof value === "number") {
    if (isDate) {
      const d = fromExcelSerial(value);
      if (d) return `${twoDigits(d.day)}.${twoDigits(d.month)}.${d.year}`;
    }
    return String(value);
  }
  if (typeof value === "boolean") return value ? "SANN" : "USANN";
  return String(value).trim();
}
