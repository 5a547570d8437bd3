import { inContext, isRuleError, numberError, Result, valueError } from "../errors";
import { checkedAmount } from "../money/amount";
import { Exact, isZero, plus, ratio, Rate, rate, times, ZERO } from "../money/exact";
import { agaSats } from "./aga";

/** One line of an average-rate computation: a basis and either a rate (0 ≤ sats < 1) or a zone/kommunenummer. */
export interface BasisAndRate {
  readonly grunnlag: number;
  readonly satsEllerSone: number | string;
}

/**
 * The basis-weighted average AGA rate Σ(grunnlag × sats) / Σ grunnlag, as DFØ asks for when the
 * pension-premium difference is posted (the virksomhet's gjennomsnittssats).
 * A number below 1 is a rate; anything else is a zone or kommunenummer and needs the year.
 */
export function agaSnittsats(lines: readonly BasisAndRate[], year?: number): Result<number> {
  let weighted: Exact = ZERO;
  let total: Exact = ZERO;
  for (let i = 0; i < lines.length; i++) {
    const { grunnlag, satsEllerSone: rateOrZone } = lines[i];
    const where = `rad ${i + 1}`;
    const basis = checkedAmount(grunnlag, `Grunnlaget på ${where}`);
    if (isRuleError(basis)) return basis;
    const sats = lineRate(rateOrZone, year, where);
    if (isRuleError(sats)) return sats;
    weighted = plus(weighted, times(basis, sats));
    total = plus(total, basis);
  }
  if (isZero(total)) return numberError("Summen av grunnlaget er 0, så snittsatsen er ikke definert.");
  return ratio(weighted, total);
}

function lineRate(value: number | string, year: number | undefined, where: string): Result<Rate> {
  if (typeof value === "number" && value >= 0 && value < 1) return rate(value);
  if (year === undefined) return valueError(`${where}: «${value}» er en sone eller et kommunenummer, og da må året oppgis.`);
  const sats = agaSats(value, year);
  return isRuleError(sats) ? inContext(sats, where) : sats;
}
