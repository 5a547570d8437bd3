/**
 * What a typed cell means: an amount, a rate, a whole number or a text. Messages say what is
 * wrong with the value; the caller puts the cell's place on them (core/problem), so a problem in a
 * sheet and one in a JSON file read the same.
 */
import { fromExcelSerial } from "../calendar";
import { isRuleError, Result, valueError } from "../errors";
import { toDecimal } from "../money/exact";
import { asWholeOre, Ore, oreFromKroner, SUB_ORE } from "../money/ore";
import { parseAmount } from "../money/parse";
import { isRateFraction } from "../money/rate-fraction";
import { displayText, isBlank } from "../sheet/cell";

/**
 * An amount cell as whole øre; undefined when empty. Numbers are taken as Excel shows them
 * (spreadsheet float noise is the øre amount shown); text is read as a Norwegian amount
 * (`1 234,50`, `(1 234,50)`, `kr 1.234,50`, …). A fraction of an øre is refused.
 */
export function readAmount(value: unknown): Result<Ore | undefined> {
  if (isBlank(value)) return undefined;
  if (typeof value === "number") return oreFromKroner(value, "beløpet");
  const parsed = parseAmount(value);
  if (isRuleError(parsed)) return parsed;
  if (parsed === null) return undefined;
  return asWholeOre(parsed) ?? valueError(`«${displayText(value)}» ${SUB_ORE}`);
}

/**
 * A rate cell as a fraction; undefined when empty. A number is the fraction itself (a cell
 * formatted as 13,87 % holds 0.1387); text may be `13,87 %` or `0,1387`. A number of 1 or more is
 * refused rather than guessed to be a percentage.
 */
export function readRate(value: unknown, what: string): Result<number | undefined> {
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
    return valueError(`«${displayText(value)}» er ikke en gyldig ${what} (skriv f.eks. 13,87 % eller 0,1387).`);
  }
  return fraction;
}

/** A whole number (a year); undefined when empty. */
export function readInteger(value: unknown, what: string): Result<number | undefined> {
  if (isBlank(value)) return undefined;
  const n = typeof value === "number" ? value : typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n)) return valueError(`«${displayText(value)}» er ikke ${what}.`);
  return n;
}

const twoDigits = (n: number): string => String(n).padStart(2, "0");

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
