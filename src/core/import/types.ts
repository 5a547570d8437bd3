/**
 * What every import reader takes and gives back.
 *
 * A reader sees a sheet as Office.js hands it over (`range.values`) and as the CLI gets it from a
 * CSV or XLSX file: a 2-D grid of strings, numbers and booleans with "" for an empty cell. It
 * either returns all of its data or none of it with every problem named (core/problem: each with
 * its sheet, cell, row and column): a half-read export would put half a termin into the
 * reconciliation, and nobody would notice.
 */
import { Grid } from "../sheet/snapshot";

export interface SheetInput {
  /** The sheet (or file) name used in every message, e.g. "SAP" → `SAP!C14`. */
  readonly sheet: string;
  readonly values: Grid;
  /** The address of `values[0][0]` on the sheet; default "A1". */
  readonly origin?: string;
}

/** Rows a reader did not use, grouped by why. */
export interface IgnoredRows {
  readonly reason: string;
  readonly count: number;
}

/** What a reader did with a sheet, for the preview and the log. */
export interface ReadSummary {
  readonly sheet: string;
  /** 1-based sheet row of the header. */
  readonly headerRow: number;
  /** Field → the header text and cell it was found in, e.g. { belop: "Beløp (E3)" }. */
  readonly columns: Readonly<Record<string, string>>;
  /** Non-empty rows below the header. */
  readonly dataRows: number;
  /** Rows whose amounts went into the totals. */
  readonly usedRows: number;
  readonly ignored: readonly IgnoredRows[];
  /** Completely empty rows that were skipped. */
  readonly emptyRows: number;
}
