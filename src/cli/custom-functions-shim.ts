/**
 * Outside Excel there is no `CustomFunctions` global, but the function bodies in src/functions
 * build their errors with `new CustomFunctions.Error(CustomFunctions.ErrorCode.…, message)`.
 * This small stand-in (same shape and enum values as @types/custom-functions-runtime) lets the
 * CLI and the benchmark run exactly the code Excel runs.
 */

/** The ErrorCode values of CustomFunctionsRuntime 1.3. */
export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class CliFunctionError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

/** Installs the stand-in unless a `CustomFunctions` global already exists. */
export function installCustomFunctionsShim(): void {
  const g = globalThis as { CustomFunctions?: unknown };
  if (g.CustomFunctions !== undefined) return;
  g.CustomFunctions = { Error: CliFunctionError, ErrorCode: ERROR_CODES, associate: () => undefined };
}

/** True for an error a custom function returned (the shim's, or Excel's own class). */
export function isFunctionError(value: unknown): value is { code: string; message?: string } {
  if (typeof value !== "object" || value === null) return false;
  const code = (value as { code?: unknown }).code;
  return typeof code === "string" && code.startsWith("#");
}
