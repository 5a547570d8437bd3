import { isRuleError, Result } from "../core/errors";
import { grunnbelopAt, spkTermin } from "../core/rules/dato";
import { gSnitt } from "../core/rules/grunnbelop";
import { at } from "./broadcast";
import { codeOf, Memo, yearOf } from "./coerce";
import { elementwise, withArgs } from "./elementwise";
import { CellResult, ErrorCache, Matrix } from "./errors";

/** One value per cell from a rule of one argument, resolved once per distinct value. */
function perValue(input: unknown, name: string, rule: (value: unknown) => Result<number>): Matrix {
  return withArgs([input], [name], ([arg], shape) => {
    const errors = new ErrorCache();
    const values = new Memo(rule);
    return elementwise(shape, (i, j): CellResult => {
      const result = values.get(at(arg, i, j));
      return isRuleError(result) ? errors.excel(result) : result;
    });
  });
}

function gOf(value: unknown): Result<number> {
  const date = codeOf(value, "Datoen");
  return isRuleError(date) ? date : grunnbelopAt(date);
}

function gSnittOf(value: unknown): Result<number> {
  const year = yearOf(value);
  return isRuleError(year) ? year : gSnitt(year);
}

function terminOf(value: unknown): Result<number> {
  const when = codeOf(value, "Datoen eller måneden");
  return isRuleError(when) ? when : spkTermin(when);
}

/** GRUNNBELOP(dato). */
export const grunnbelopCells = (dato: unknown): Matrix => perValue(dato, "dato", gOf);
/** G_SNITT(år). */
export const gSnittCells = (aar: unknown): Matrix => perValue(aar, "år", gSnittOf);
/** SPK_TERMIN(dato_eller_måned). */
export const spkTerminCells = (dateOrMonth: unknown): Matrix => perValue(dateOrMonth, "dato_eller_måned", terminOf);
