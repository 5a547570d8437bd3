import { fromExcelSerial } from "../calendar";
import { isRuleError, Result, valueError } from "../errors";
import { parseAmount } from "../import/numbers";
import { roundKroner, toDecimal } from "../money/exact";
import { oreAmount, wholeOre } from "../spk/amounts";
import { isRateFraction } from "../spk/oppsett";
import { cellAddress, CellRef } from "../sheet/a1";
import { displayText, isBlank } from "../sheet/cell";

/** Reading single cells of a SheetSnapshot: what is there, and what it means as an amount, rate or text. */

/** `A10 SPK brutto!C9`, the way messages name a cell. */
export const where = (sheet: string, address: string): string => `${sheet}!${address}`;
export const whereRef = (sheet: string, ref: CellRef): string => where(sheet, cellAddress(ref));

/**
 * An amount cell as kroner with whole øre; undefined when empty. Numbers are taken as Excel shows
 * them (spreadsheet float noise is the øre amount shown); text is read as a Norwegian amount by the
 * import's parser (`1 234,50`, `(1 234,50)`, `kr 1.234,50`, …).
 */
export function readAmount(value: unknown, at: string): Result<number | undefined> {
  if (isBlank(value)) return undefined;
  if (typeof value === "number") {
    const exact = oreAmount(value, `${at}: beløpet`);
    return isRuleError(exact) ? exact : roundKroner(exact);
  }
  const parsed = parseAmount(value);
  if (isRuleError(parsed)) return valueError(`${at}: ${parsed.message}`);
  if (parsed === null) return undefined;
  const exact = wholeOre(parsed, `${at}: «${displayText(value)}»`);
  return isRuleError(exact) ? exact : roundKroner(exact);
}

/**
 * A rate cell as a fraction; undefined when empty. A number is the fraction itself (a cell
 * formatted as 13,87 % holds 0.1387); text may be `13,87 %` or `0,1387`. A number of 1 or more is
 * refused rather than guessed to be a percentage.
 */
export function readRate(value: unknown, at: string, what: string): Result<number | undefined> {
  if (isBlank(value)) return undefined;
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
    return valueError(`${at}: «${displayText(value)}» er ikke en gyldig ${what} (skriv f.eks. 13,87 % eller 0,1387).`);
  }
  return fraction;
}

/** A whole number (a year); undefined when empty. */
export function readInteger(value: unknown, at: string, what: string): Result<number | undefined> {
  if (isBlank(value)) return undefined;
  const n = typeof value === "number" ? value : typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n)) return valueError(`${at}: «${displayText(value)}» er ikke ${what}.`);
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
  if (isBlank(value)) return undefined;
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
