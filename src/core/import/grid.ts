import { isRuleError, Result, valueError } from "../errors";
import { cellAddress, parseCell } from "../sheet/a1";
import { Grid } from "../sheet/snapshot";
import { displayText } from "../sheet/cell";
import { Problem } from "../problem/problem";
import { SheetInput } from "./types";

/** Where a grid sits: the sheet name and the sheet position of `values[0][0]` (0-based). */
export interface GridPlace {
  readonly sheet: string;
  readonly originRow: number;
  readonly originCol: number;
}

export function placeOf(input: SheetInput): Result<GridPlace> {
  const origin = (input.origin ?? "A1").trim();
  if (!/^\$?[A-Za-z]{1,3}\$?\d+$/.test(origin) || /^\$?[A-Za-z]+\$?0+$/.test(origin)) {
    return valueError(`«${origin}» er ikke en gyldig startcelle (for eksempel A1).`);
  }
  const ref = parseCell(origin);
  return { sheet: input.sheet, originRow: ref.row, originCol: ref.col };
}

/** 1-based sheet row of grid row `i`. */
export const sheetRow = (place: GridPlace, i: number): number => place.originRow + i + 1;

/** A1 address of grid cell (i, j). */
export const sheetCell = (place: GridPlace, i: number, j: number): string =>
  cellAddress({ row: place.originRow + i, col: place.originCol + j });

export const cellOf = (grid: Grid, i: number, j: number | undefined): unknown =>
  j === undefined ? undefined : grid[i]?.[j];

/** An error about grid cell (i, j) (or the whole row when j is undefined). */
export function errorAt(
  place: GridPlace,
  i: number,
  j: number | undefined,
  message: string,
  extra: { column?: string; value?: unknown } = {},
): Problem {
  return {
    sheet: place.sheet,
    ...(j === undefined ? {} : { cell: sheetCell(place, i, j) }),
    row: sheetRow(place, i),
    ...(extra.column === undefined ? {} : { column: extra.column }),
    ...(extra.value === undefined ? {} : { value: displayText(extra.value) }),
    message,
  };
}

/** An error about the whole sheet. */
export const sheetError = (sheet: string, message: string): Problem => ({ sheet, message });

/** The grid's place, or the sheet-level error explaining a bad origin. */
export function placeOrError(input: SheetInput): GridPlace | Problem {
  const place = placeOf(input);
  return isRuleError(place) ? sheetError(input.sheet, place.message) : place;
}
