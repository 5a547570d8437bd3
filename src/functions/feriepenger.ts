import { isRuleError, Result } from "../core/errors";
import { Rate } from "../core/money/exact";
import { feriepengerOfAmount, feriepengerRate, FeriepengerYear, feriepengerYear } from "../core/rules/feriepenger";
import { at } from "./broadcast";
import { amountNumberOf, flagOf, Memo, optionalNumberOf, yearOf } from "./coerce";
import { elementwise, withArgs } from "./elementwise";
import { ErrorCache, Matrix, toExcelError } from "./errors";

function yearFiguresOf(value: unknown): Result<FeriepengerYear> {
  const year = yearOf(value);
  return isRuleError(year) ? year : feriepengerYear(year);
}

/**
 * `sats`: blank or 0 means the law's 10,2 %. Excel for Windows passes an empty cell as 0, and a
 * 0 % rate is no feriepenger rate anyone means, so reading 0 as "not given" loses nothing.
 */
function rateOf(value: unknown): Result<Rate> {
  const sats = optionalNumberOf(value, "Feriepengesatsen");
  if (isRuleError(sats)) return sats;
  return feriepengerRate(sats === 0 ? undefined : sats);
}

function over60Of(value: unknown): Result<boolean> {
  return flagOf(value, "Over 60");
}

/** FERIEPENGER(grunnlag; opptjeningsår; [sats]; [over_60]). */
export function feriepengerCells(grunnlag: unknown, opptjeningsaar: unknown, sats: unknown, over60: unknown): Matrix {
  const names = ["grunnlag", "opptjeningsår", "sats", "over_60"];
  return withArgs([grunnlag, opptjeningsaar, sats, over60], names, ([basis, year, rate, old], shape) => {
    const errors = new ErrorCache();
    const years = new Memo(yearFiguresOf);
    const rates = new Memo(rateOf);
    const flags = new Memo(over60Of);
    return elementwise(shape, (i, j) => {
      const y = years.get(at(year, i, j));
      if (isRuleError(y)) return errors.excel(y);
      const r = rates.get(at(rate, i, j));
      if (isRuleError(r)) return errors.excel(r);
      const o = flags.get(at(old, i, j));
      if (isRuleError(o)) return errors.excel(o);
      const g = amountNumberOf(at(basis, i, j), "Feriepengegrunnlaget");
      if (isRuleError(g)) return toExcelError(g);
      const result = feriepengerOfAmount(g, r, o, y);
      return isRuleError(result) ? toExcelError(result) : result;
    });
  });
}
