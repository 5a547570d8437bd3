/**
 * Excel's `CustomFunctions` global for tests of the function bodies: the same stand-in the CLI
 * and the benchmark install (src/cli/custom-functions-shim.ts), so tests run the code exactly as
 * `lonn fn` does. Import this before calling any function body.
 */
import { CliFunctionError, ERROR_CODES, installCustomFunctionsShim } from "../../src/cli/custom-functions-shim";

installCustomFunctionsShim();

export { CliFunctionError as StubError, ERROR_CODES as ErrorCode };

/** A cell as tests compare it: numbers and text as they are, errors as `#CODE: message`. */
export function shown(cell: unknown): unknown {
  if (cell instanceof CliFunctionError) return `${cell.code}: ${cell.message ?? ""}`;
  return cell;
}

/** A whole result as tests compare it. */
export function show(result: unknown): unknown {
  if (!Array.isArray(result)) return shown(result);
  return result.map((row: unknown) => (Array.isArray(row) ? row.map(shown) : shown(row)));
}

/** The single value of a 1×1 result, shown. */
export function one(result: unknown): unknown {
  const m = result as unknown[][];
  if (!Array.isArray(m) || m.length !== 1 || !Array.isArray(m[0]) || m[0].length !== 1) {
    throw new Error(`expected a 1×1 result, got ${JSON.stringify(show(result))}`);
  }
  return shown(m[0][0]);
}

/** The Excel error code of a cell, or undefined if it is not an error. */
export function codeOf(cell: unknown): string | undefined {
  return cell instanceof CliFunctionError ? cell.code : undefined;
}
