/**
 * Postings → a voucher: cost lines spread over dimension values, zero lines dropped, lines numbered
 * 1…n, balance checked. Every voucher of the product is built here.
 */
import { Ore } from "../money/ore";
import { Checked, Problems } from "../problem/problem";
import { balanceProblem } from "./balance";
import { DimensionPlan, spreadCost } from "./dimensions";
import { Bokforingsdato } from "./dates";
import { Bilag, Bilagslinje } from "./types";

/** One posting before it is spread over dimensions. */
export interface Postering {
  readonly konto: string;
  readonly ore: Ore;
  readonly tekst: string;
  /** Cost lines may be spread over dimension values; balance lines never are. */
  readonly kostnad: boolean;
}

export interface BilagHode extends Bokforingsdato {
  readonly id: string;
  readonly termin: number | null;
  readonly tekst: string;
}

/**
 * The voucher, or undefined when nothing is left to post. An unbalanced result is refused: with
 * exact øre it can only be inconsistent figures from the model, and `why` says which.
 */
export function buildBilag(hode: BilagHode, poster: readonly Postering[], plan: DimensionPlan, why = ""): Checked<Bilag | undefined> {
  const linjer: Bilagslinje[] = [];
  for (const p of poster) {
    const shares = p.kostnad ? spreadCost(p.ore, plan) : [{ ore: p.ore, dimensjoner: plan.balance }];
    for (const share of shares) {
      if (share.ore === 0) continue;
      linjer.push({
        termin: hode.termin,
        linje: linjer.length + 1,
        konto: p.konto,
        belop: share.ore,
        tekst: p.tekst,
        dimensjoner: { ...share.dimensjoner },
      });
    }
  }
  if (linjer.length === 0) return undefined;
  const bilag: Bilag = { ...hode, linjer };
  const problem = balanceProblem(bilag);
  if (problem) return new Problems([{ message: `${problem.message}${why ? ` ${why}` : ""}` }]);
  return bilag;
}
