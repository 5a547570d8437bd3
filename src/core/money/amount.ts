import { numberError, Result } from "../errors";
import { Exact, fromNumber } from "./exact";

/** Largest amount the engine accepts; anything larger is a typo, not a payroll figure. */
export const MAX_AMOUNT = 1e13;

/** A number of kroner as an Exact, or #NUM! when it is not a finite, sensible amount. */
export function checkedAmount(kroner: number, what: string): Result<Exact> {
  if (!Number.isFinite(kroner)) return numberError(`${what} er ikke et tall.`);
  if (Math.abs(kroner) > MAX_AMOUNT) {
    return numberError(`${what} (${kroner}) er utenfor et rimelig beløpsområde (±10 000 milliarder kr).`);
  }
  return fromNumber(kroner);
}
