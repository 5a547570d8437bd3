/**
 * The workbook's dimensions, checked and resolved once per voucher run.
 *
 * DFØ recommends posting the difference and its AGA on a central koststed and the agency's
 * expense chapter (E1 guide, "Anbefalt bokføring"): a single value per dimension is the normal
 * case. An agency that wants more detail can spread the cost lines over several values in
 * proportion to weights (e.g. the year's provisions on 5420 per koststed), with FORDEL's rule.
 */
import { isRuleError } from "../errors";
import { allocateOre } from "../money/allocate";
import { checkedAmount } from "../money/amount";
import { Exact, sign } from "../money/exact";
import { asOre, exactOf, Ore } from "../money/ore";
import { Checked, ProblemList } from "../problem/problem";
import { Dimensjon } from "./types";

/** Unit4 has dim_1 … dim_7. */
export const MAX_DIMENSJONER = 7;

export interface DimensionPlan {
  /** Values on balance-sheet lines: every dimension's single value, if it has one. */
  readonly balance: Readonly<Record<number, string>>;
  /** Values on cost lines before the spread: the single values of dimensions that are not spread. */
  readonly cost: Readonly<Record<number, string>>;
  /** The one dimension whose values the cost lines are spread over, if any. */
  readonly spread?: {
    readonly nummer: number;
    readonly verdier: readonly string[];
    readonly vekter: readonly Exact[];
  };
}

/** A cost line's part: øre and the dimension values it carries. */
export interface Share {
  readonly ore: Ore;
  readonly dimensjoner: Readonly<Record<number, string>>;
}

function label(d: Dimensjon, i: number): string {
  const name = (d.navn ?? "").trim();
  return name ? `dimensjon ${i + 1} («${name}»)` : `dimensjon ${i + 1}`;
}

export function planDimensions(dimensjoner: readonly Dimensjon[]): Checked<DimensionPlan> {
  const problems = new ProblemList();
  const balance: Record<number, string> = {};
  const cost: Record<number, string> = {};
  let spread: DimensionPlan["spread"];
  const seen = new Set<number>();

  dimensjoner.forEach((d, i) => {
    const where = label(d, i);
    if (!Number.isInteger(d.nummer) || d.nummer < 1 || d.nummer > MAX_DIMENSJONER) {
      problems.add(`${where}: nummeret må være 1–${MAX_DIMENSJONER} (dim_1 … dim_7 i Unit4), fikk ${d.nummer}.`);
      return;
    }
    if (seen.has(d.nummer)) {
      problems.add(`${where}: dim_${d.nummer} er oppgitt mer enn én gang.`);
      return;
    }
    seen.add(d.nummer);
    const value = d.verdi?.trim() ?? "";
    if (value) balance[d.nummer] = value;

    const andeler = d.fordeling ?? [];
    if (andeler.length === 0) {
      if (value) cost[d.nummer] = value;
      return;
    }
    if (spread) {
      problems.add(
        `${where}: bare én dimensjon kan fordeles etter vekter (dim_${spread.nummer} er allerede fordelt). ` +
          "Gi de andre dimensjonene én verdi.",
      );
      return;
    }
    const verdier: string[] = [];
    const vekter: Exact[] = [];
    andeler.forEach((a, j) => {
      const v = a.verdi.trim();
      if (!v) problems.add(`${where}, fordeling rad ${j + 1}: verdien mangler.`);
      else if (verdier.includes(v)) problems.add(`${where}, fordeling rad ${j + 1}: verdien «${v}» står flere ganger.`);
      const w = checkedAmount(a.vekt, `${where}, fordeling rad ${j + 1}: vekten`);
      if (isRuleError(w)) problems.add(w.message);
      else if (sign(w) < 0) problems.add(`${where}, fordeling rad ${j + 1}: vekten kan ikke være negativ.`);
      else vekter.push(w);
      verdier.push(v);
    });
    if (vekter.length === andeler.length && !vekter.some((w) => sign(w) > 0)) {
      problems.add(`${where}: minst én vekt i fordelingen må være større enn 0.`);
    }
    spread = { nummer: d.nummer, verdier, vekter };
  });
  return problems.result(() => ({ balance, cost, ...(spread ? { spread } : {}) }));
}

/**
 * A cost line's amount spread over the distributed dimension's values, in øre, the parts summing
 * exactly to the amount (largest remainder, ties to the earlier value). Parts of 0 øre are kept
 * here; the voucher builder leaves zero lines out.
 */
export function spreadCost(ore: Ore, plan: DimensionPlan): Share[] {
  if (!plan.spread) return [{ ore, dimensjoner: plan.cost }];
  const { nummer, verdier, vekter } = plan.spread;
  const parts = allocateOre(exactOf(ore), vekter);
  return parts.map((part, i) => ({ ore: asOre(part), dimensjoner: { ...plan.cost, [nummer]: verdier[i] } }));
}
