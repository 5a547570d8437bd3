import { isRuleError } from "../core/errors";
import { Arg, prepare, Shape } from "./broadcast";
import { CellResult, errorResult, Matrix } from "./errors";

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

/** Runs `body` with the arguments normalised and their common shape, or returns the one whole-call error. */
export function withArgs(
  inputs: readonly unknown[],
  names: readonly string[],
  body: (args: Arg[], shape: Shape) => Matrix,
): Matrix {
  const prepared = prepare(inputs, names);
  if (isRuleError(prepared)) return errorResult(prepared);
  return body(prepared.args, prepared.shape);
}
