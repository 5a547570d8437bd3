import { RuleError, valueError } from "../core/errors";

/**
 * One argument as Excel passes it: a single value, or a range as rows of columns. Parameters
 * declared `any[][]` always arrive as a matrix ([[x]] for one cell); an omitted optional
 * parameter arrives as null; the CLI and tests may pass a bare value.
 */
export interface Arg {
  readonly rows: number;
  readonly cols: number;
  /** The cells when the argument is a range of more than one cell; undefined for a single value. */
  readonly cells: readonly (readonly unknown[])[] | undefined;
  /** The value when the argument is a single value (a bare value or a 1×1 range). */
  readonly value: unknown;
}

export interface Shape {
  readonly rows: number;
  readonly cols: number;
}

/** The argument normalised, or #VALUE! for something that is not a rectangular range. */
export function toArg(input: unknown, name: string): Arg | RuleError {
  if (!Array.isArray(input)) return { rows: 1, cols: 1, cells: undefined, value: input };
  const rows = input.length;
  const first: unknown = input[0];
  if (rows === 0 || (Array.isArray(first) && first.length === 0)) return valueError(`Området for ${name} er tomt.`);
  if (!Array.isArray(first)) return valueError(`${name} er ikke et område med rader og kolonner.`);
  const cols = first.length;
  for (let i = 1; i < rows; i++) {
    const row: unknown = input[i];
    if (!Array.isArray(row) || row.length !== cols) return valueError(`Radene i området for ${name} har ulik lengde.`);
  }
  if (rows === 1 && cols === 1) return { rows: 1, cols: 1, cells: undefined, value: first[0] };
  return { rows, cols, cells: input as unknown[][], value: undefined };
}

/** The value of an argument at one position of the result (a single value is the same everywhere). */
export function at(arg: Arg, i: number, j: number): unknown {
  return arg.cells === undefined ? arg.value : arg.cells[i][j];
}

const size = (a: Shape): string => `${a.rows}×${a.cols}`;

/**
 * The shape of the result: the common shape of the ranges, a single value counting for every
 * cell. Ranges of different shapes are #VALUE!, naming both.
 */
export function commonShape(args: readonly Arg[], names: readonly string[]): Shape | RuleError {
  let shape: Shape = { rows: 1, cols: 1 };
  let owner = -1;
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a.cells === undefined) continue;
    if (owner < 0) {
      shape = a;
      owner = k;
    } else if (a.rows !== shape.rows || a.cols !== shape.cols) {
      return valueError(
        `Områdene har ulik størrelse: ${names[owner]} er ${size(shape)} og ${names[k]} er ${size(a)} (rader×kolonner). ` +
          "Bruk like store områder, eller én celle som gjelder for alle.",
      );
    }
  }
  return { rows: shape.rows, cols: shape.cols };
}

/** Normalises the arguments and finds the result's shape; the first problem wins. */
export function prepare(inputs: readonly unknown[], names: readonly string[]): { args: Arg[]; shape: Shape } | RuleError {
  const args: Arg[] = [];
  for (let k = 0; k < inputs.length; k++) {
    const a = toArg(inputs[k], names[k]);
    if (a instanceof RuleError) return a;
    args.push(a);
  }
  const shape = commonShape(args, names);
  if (shape instanceof RuleError) return shape;
  return { args, shape };
}
