/**
 * Rule errors are values, not exceptions: a column of 100 000 incomes with one bad cell must
 * give 99 999 figures and one error, and a thrown exception per element would be both slow and
 * easy to lose. Each error carries the Excel error it becomes and a Norwegian message.
 */
export type ErrorKind =
  /** A value of the wrong kind: text where a number belongs, an unknown income type. → #VALUE! */
  | "value"
  /** Something not in the tables: an unknown kommune, a year without rates, an ambiguous kommune. → #N/A */
  | "notAvailable"
  /** A number outside any sensible range. → #NUM! */
  | "number";

export class RuleError {
  constructor(
    readonly kind: ErrorKind,
    readonly message: string,
  ) {}
}

export type Result<T> = T | RuleError;

export function isRuleError(value: unknown): value is RuleError {
  return value instanceof RuleError;
}

export const valueError = (message: string): RuleError => new RuleError("value", message);
export const notAvailable = (message: string): RuleError => new RuleError("notAvailable", message);
export const numberError = (message: string): RuleError => new RuleError("number", message);

/** The same error with where it happened in front of the message ("rad 3: …"). */
export function inContext(error: RuleError, where: string): RuleError {
  return new RuleError(error.kind, `${where}: ${error.message}`);
}
