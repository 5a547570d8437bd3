import { kronerText } from "../money/format";
import { Ore, sumOre } from "../money/ore";
import { Problem } from "../problem/problem";
import { Bilag } from "./types";

/** Σ of a voucher's lines. */
export const bilagSum = (bilag: Bilag): Ore => sumOre(bilag.linjer.map((l) => l.belop));

/** undefined when the voucher sums to exactly 0; else a problem naming the voucher and the difference. */
export function balanceProblem(bilag: Bilag): Problem | undefined {
  const total = bilagSum(bilag);
  return total === 0 ? undefined : { message: `Bilag ${bilag.id} går ikke i null: summen av linjene er ${kronerText(total)} kr.` };
}
