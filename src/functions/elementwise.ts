import { isRuleError, RuleError } from "../core/errors";
import { Arg, prepare, Shape } from "./broadcast";
import { CellResult, errorResult, Matrix, toExcelError } from "./errors";

/** A result of the given shape, one cell at a time. */
export function elementwise(shape: Shape, cell: (i: number, j: number) => CellResult): Matrix {
  const out = new Array<CellResult[]>(shape.rows);
  for (let i = 0; i < shape.rows; i++) {
    const row = new Array<CellResult>(shape.cols);
    for (let j = 0; j < shape.cols; j++) row[j] = cell(i, j);
    out[i] = row;
  }
  return out;
}

/** A result of the given shape with the same value in every cell (e.g. one bad year for all rows). */
export function filled(shape: Shape, value: CellResult): Matrix {
  const out = new Array<CellResult[]>(shape.rows);
  for (let i = 0; i < shape.rows; i++) out[i] = new Array<CellResult>(shape.cols).fill(value);
  return out;
}

/** The shape of vekter-like arguments etc. is decided by the caller; this runs `body` after preparing the arguments. */
export function withArgs(
  inputs: readonly unknown[],
  names: readonly string[],
  body: (args: Arg[], shape: Shape) => Matrix,
): Matrix {
  const prepared = prepare(inputs, names);
  if (isRuleError(prepared)) return errorResult(prepared);
  return body(prepared.args, prepared.shape);
}

/** A RuleError as a cell, anything else as it is. */
export function cellOf(value: number | string | RuleError): CellResult {
  return isRuleError(value) ? toExcelError(value) : value;
}
