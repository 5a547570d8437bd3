import { ImportError } from "./types";

/** Excel quotes a sheet name in a reference unless it is a plain word: `'Unit4 saldo'!C3`, `SAP!C3`. */
export function sheetReference(sheet: string): string {
  return /^[A-Za-z_\u00C0-\u024F][A-Za-z0-9_.\u00C0-\u024F]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet)
    ? sheet
    : `'${sheet.replace(/'/g, "''")}'`;
}

/** Where an error is: `SAP!C14`, `SAP, rad 14` or `SAP`. */
export function errorLocation(error: ImportError): string {
  if (error.cell !== undefined) return `${sheetReference(error.sheet)}!${error.cell}`;
  if (error.row !== undefined) return `${error.sheet}, rad ${error.row}`;
  return error.sheet;
}

/** One line: `SAP!C14: «12,3,4» er ikke et beløp`. */
export function formatImportError(error: ImportError): string {
  return `${errorLocation(error)}: ${error.message}`;
}

/**
 * The lines the CLI prints and the task pane lists when a file is rejected: a heading, then one
 * line per error in sheet and row order, cut after `max` lines with a count of the rest.
 */
export function formatImportErrors(errors: readonly ImportError[], max = 100): string[] {
  if (errors.length === 0) return [];
  // Sheets in the order they first appear; within a sheet, top to bottom and left to right.
  const sheetOrder = new Map<string, number>();
  for (const e of errors) if (!sheetOrder.has(e.sheet)) sheetOrder.set(e.sheet, sheetOrder.size);
  const column = (cell: string | undefined) => (cell ?? "").replace(/\d+$/, "");
  const sorted = [...errors].sort(
    (a, b) =>
      (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      column(a.cell).length - column(b.cell).length ||
      column(a.cell).localeCompare(column(b.cell)),
  );
  const heading =
    errors.length === 1
      ? "Importen ble avvist (1 feil); ingenting er skrevet:"
      : `Importen ble avvist (${errors.length} feil); ingenting er skrevet:`;
  const shown = sorted.slice(0, Math.max(0, max)).map(formatImportError);
  const rest = sorted.length - shown.length;
  return rest > 0 ? [heading, ...shown, `… og ${rest} feil til.`] : [heading, ...shown];
}
