/**
 * One cell's content as Office.js (`range.values`) and the CLI's readers hand it over: a string,
 * number, boolean, null/undefined for nothing, or (from exceljs) a Date.
 */

/** Nothing in the cell: no value, or only spaces. (A formula cell is judged by its formula; see snapshot.ts.) */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

export function isBlankRow(row: readonly unknown[] | undefined): boolean {
  return !row || row.every(isBlank);
}

/**
 * The cell's content as the user recognises it in a message: text trimmed, numbers with a decimal
 * comma, booleans as Excel shows them in Norwegian (SANN/USANN), dates as ISO.
 */
export function displayText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return String(value).replace(".", ",");
  if (typeof value === "boolean") return value ? "SANN" : "USANN";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "ugyldig dato" : value.toISOString().slice(0, 10);
  return String(value);
}
