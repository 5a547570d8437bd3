/* global CustomFunctions */
import { ErrorKind, RuleError } from "../core/errors";
import { cutEchoes } from "../core/text";

/** What a custom function puts in a cell: a number, a text, or an Excel error with a message. */
export type CellResult = number | string | CustomFunctions.Error;
export type Matrix = CellResult[][];

/**
 * The Excel error for a kind of rule error. Every error a user can act on must show its Norwegian
 * message, and Excel keeps a custom function's message only on #VALUE! and #N/A: on #NUM! (and
 * the other codes) the cell shows the bare code. So the core's "number" kind, a number outside
 * any sensible range (an amount of 1e14, month 13, a negative year-to-date basis, weights that are
 * all 0), becomes #VALUE! here, although DESIGN.md §2 says #NUM!: with #NUM! the message that says
 * what is wrong would be invisible. #NUM! is never returned.
 */
function codeOf(kind: ErrorKind): CustomFunctions.ErrorCode {
  // Read at call time: the host (Excel, or the CLI's shim) provides CustomFunctions.
  switch (kind) {
    case "value":
    case "number":
      return CustomFunctions.ErrorCode.invalidValue;
    case "notAvailable":
      return CustomFunctions.ErrorCode.notAvailable;
  }
}

export function toExcelError(error: RuleError): CustomFunctions.Error {
  return new CustomFunctions.Error(codeOf(error.kind), cutEchoes(error.message));
}

/**
 * Converts rule errors for one call, once per distinct error object: a bad year or code that is
 * resolved once per call gives one Excel error shared by every cell it affects.
 */
export class ErrorCache {
  private readonly converted = new Map<RuleError, CustomFunctions.Error>();

  excel(error: RuleError): CustomFunctions.Error {
    let result = this.converted.get(error);
    if (result === undefined) {
      result = toExcelError(error);
      this.converted.set(error, result);
    }
    return result;
  }
}

/** One error as the whole result (a call that cannot be evaluated at all, e.g. ranges of different sizes). */
export function errorResult(error: RuleError): Matrix {
  return [[toExcelError(error)]];
}
