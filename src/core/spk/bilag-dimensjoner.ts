import { isRuleError, numberError, Result, valueError } from "../errors";
import { allocateOre } from "../money/allocate";
import { checkedAmount } from "../money/amount";
import { Exact, fromOre, sign } from "../money/exact";
import { Dimensjon } from "./types";

/** Unit4 has dim_1 … dim_7. */
export const MAX_DIMENSJONER = 7;

/**
 * The workbook's dimensions, checked and resolved once per voucher run.
 *
 * DFØ recommends posting the difference and its AGA on a central koststed and the agency's
 * expense chapter (E1 guide, "Anbefalt bokføring"): a single value per dimension is the normal
 * case. An agency that wants more detail can spread the cost lines over several values in
 * proportion to weights (e.g. the year's provisions on 5420 per koststed), with FORDEL's rule.
 */
export interface DimensjonsPlan {
  /** Values on balance-sheet lines: every dimension's single value, if it has one. */
  readonly balanse: Readonly<Record<number, string>>;
  /** Values on cost lines before the spread: the single values of dimensions that are not spread. */
  readonly kostnad: Readonly<Record<number, string>>;
  /** The one dimension whose values the cost lines are spread over, if any. */
  readonly fordelt?: {
    readonly nummer: number;
    readonly verdier: readonly string[];
    readonly vekter: readonly Exact[];
  };
}

/** A cost line's part: øre and the dimension values it carries. */
export interface Andel {
  readonly ore: number;
  readonly dimensjoner: Readonly<Record<number, string>>;
}

function label(d: Dimensjon, i: number): string {
  const name = (d.navn ?? "").trim();
  return name ? `dimensjon ${i + 1} («${name}»)` : `dimensjon ${i + 1}`;
}

export function lesDimensjoner(dimensjoner: readonly Dimensjon[]): Result<DimensjonsPlan> {
  const errors: string[] = [];
  const balanse: Record<number, string> = {};
  const kostnad: Record<number, string> = {};
  let fordelt: DimensjonsPlan["fordelt"];
  const seen = new Set<number>();

  dimensjoner.forEach((d, i) => {
    const where = label(d, i);
    if (!Number.isInteger(d.nummer) || d.nummer < 1 || d.nummer > MAX_DIMENSJONER) {
      errors.push(`${where}: nummeret må være 1–${MAX_DIMENSJONER} (dim_1 … dim_7 i Unit4), fikk ${d.nummer}.`);
      return;
    }
    if (seen.has(d.nummer)) {
      errors.push(`${where}: dim_${d.nummer} er oppgitt mer enn én gang.`);
      return;
    }
    seen.add(d.nummer);
    const verdi = d.verdi?.trim() ?? "";
    if (verdi) balanse[d.nummer] = verdi;

    const andeler = d.fordeling ?? [];
    if (andeler.length === 0) {
      if (verdi) kostnad[d.nummer] = verdi;
      return;
    }
    if (fordelt) {
      errors.push(
        `${where}: bare én dimensjon kan fordeles etter vekter (dim_${fordelt.nummer} er allerede fordelt). ` +
          "Gi de andre dimensjonene én verdi.",
      );
      return;
    }
    const verdier: string[] = [];
    const vekter: Exact[] = [];
    andeler.forEach((a, j) => {
      const v = a.verdi.trim();
      if (!v) errors.push(`${where}, fordeling rad ${j + 1}: verdien mangler.`);
      else if (verdier.includes(v)) errors.push(`${where}, fordeling rad ${j + 1}: verdien «${v}» står flere ganger.`);
      const w = checkedAmount(a.vekt, `${where}, fordeling rad ${j + 1}: vekten`);
      if (isRuleError(w)) errors.push(w.message);
      else if (sign(w) < 0) errors.push(`${where}, fordeling rad ${j + 1}: vekten kan ikke være negativ.`);
      else vekter.push(w);
      verdier.push(v);
    });
    if (vekter.length === andeler.length && !vekter.some((w) => sign(w) > 0)) {
      errors.push(`${where}: minst én vekt i fordelingen må være større enn 0.`);
    }
    fordelt = { nummer: d.nummer, verdier, vekter };
  });

  if (errors.length > 0) return valueError(errors.join(" "));
  return { balanse, kostnad, fordelt };
}

/**
 * A cost line's amount spread over the distributed dimension's values, in øre, the parts summing
 * exactly to the amount (largest remainder, ties to the earlier value). Parts of 0 øre are kept
 * here; the voucher builder leaves zero lines out.
 */
export function fordelKostnad(ore: number, plan: DimensjonsPlan): Andel[] {
  if (!plan.fordelt) return [{ ore, dimensjoner: plan.kostnad }];
  const { nummer, verdier, vekter } = plan.fordelt;
  const parts = allocateOre(fromOre(ore), vekter);
  return parts.map((part, i) => ({ ore: part, dimensjoner: { ...plan.kostnad, [nummer]: verdier[i] } }));
}

/** Whether the sum of the parts is exactly the line (a guard; allocateOre guarantees it). */
export function delerSummererTil(ore: number, andeler: readonly Andel[]): Result<true> {
  const total = andeler.reduce((acc, a) => acc + a.ore, 0);
  return total === ore ? true : numberError(`Fordelingen på dimensjoner gir ${total} øre, ikke ${ore}.`);
}
