import { numberError, Result } from "../errors";
import { Exact, fromNumber } from "./exact";

/** Largest amount the engine accepts; anything larger is a typo, not a payroll figure. */
export const MAX_AMOUNT = 1e13;

/** A number of kroner as an Exact, or #NUM! when it is not a finite, sensible amount. */
export function checkedAmount(kroner: number, what: string): Result<Exact> {
  // One range test also catches NaN and ±Infinity (every comparison with NaN is false).
  if (kroner <= MAX_AMOUNT && kroner >= -MAX_AMOUNT) return fromNumber(kroner);
  return amountError(kroner, what);
}

function amountError(kroner: number, what: string) {
  if (!Number.isFinite(kroner)) return numberError(`${what} er ikke et tall.`);
  return numberError(`${what} (${kroner}) er utenfor et rimelig beløpsområde (±10 000 milliarder kr).`);
}
