import { isRuleError, valueError } from "../core/errors";
import { Exact } from "../core/money";
import { fordelExact } from "../core/rules/fordel";
import { at } from "./broadcast";
import { amountOf } from "./coerce";
import { withArgs } from "./elementwise";
import { CellResult, errorResult, Matrix, toExcelError } from "./errors";

/**
 * FORDEL(beløp; vekter): beløp split over the cells of vekter in proportion to them, in øre,
 * summing exactly to beløp; the result has the shape of vekter. Every part depends on every
 * weight, so one bad weight makes the whole result one error naming that weight.
 */
export function fordelCells(belop: unknown, vekter: unknown): Matrix {
  // Not broadcast: beløp is one amount and vekter alone gives the shape.
  return withArgs([belop], ["beløp"], ([amountArg]) => {
    if (amountArg.cells !== undefined) return errorResult(valueError("Beløpet må være én celle."));
    return withArgs([vekter], ["vekter"], ([weightsArg], shape) => {
      const amount = amountOf(amountArg.value, "Beløpet");
      if (isRuleError(amount)) return errorResult(amount);
      const weights: Exact[] = [];
      for (let i = 0; i < shape.rows; i++) {
        for (let j = 0; j < shape.cols; j++) {
          const where = shape.cols > 1 ? `rad ${i + 1}, kolonne ${j + 1}` : `rad ${i + 1}`;
          const w = amountOf(at(weightsArg, i, j), `Vekten på ${where}`);
          if (isRuleError(w)) return errorResult(w);
          weights.push(w);
        }
      }
      const parts = fordelExact(amount, weights);
      if (isRuleError(parts)) return [[toExcelError(parts)]];
      const out: CellResult[][] = [];
      for (let i = 0; i < shape.rows; i++) out.push(parts.slice(i * shape.cols, (i + 1) * shape.cols));
      return out;
    });
  });
}
