import { isRuleError } from "../errors";
import { allocateOre } from "../money/allocate";
import { Rate } from "../money/exact";
import { asOre, exactOf, minusOre, Ore, oreOfRoundedKroner, sumOre } from "../money/ore";
import { Checked, isProblems, ProblemList } from "../problem/problem";
import { Zone, ZONE_CODE } from "../rates/aga";
import { agaOf, agaSats } from "../rules/aga";
import { resolveZone } from "../rules/aga-sone";
import { isValidOrgnr, normalOrgnr } from "../rules/orgnr";
import { terminEnd, yearEnd } from "../voucher/dates";
import { aarsAga } from "./bilag";
import { bilagId } from "./bilag-id";
import { Avstemming, VirksomhetGrunnlag } from "./types";

/**
 * The A-melding split of DESIGN.md §3.3. DFØ: the difference between the premium reported from
 * SAP and the premium actually paid "må rapporteres som en endring i avgiftsgrunnlaget på
 * virksomhetens organisasjonsnummer … Fordelingen på virksomhetsnummer skjer basert på
 * virksomhetsnumrenes forholdsmessige avgiftsgrunnlag" (E1 guide).
 *
 * The posted difference is split over the virksomheter in proportion to their AGA basis on wages,
 * in øre, summing exactly (FORDEL's rule); each part gets its own zone's rate. The sum of the
 * parts' AGA differs from the voucher's AGA at the average rate (round(R × S, 2)); that residual is
 * shown, never hidden or pushed onto a row. The A-melding is monthly, so the split follows the
 * vouchers: one per termin in terminvis mode (reported in the termin's last month), one for the
 * year in årsslutt mode (December).
 */

/** A checked virksomhet: zone and rate resolved for the year. */
export interface Virksomhet {
  readonly virksomhetsnummer: string;
  readonly navn: string;
  readonly sone: Zone;
  readonly sats: Rate;
  readonly grunnlag: Ore;
}

export interface AmeldingRow {
  readonly virksomhetsnummer: string;
  readonly navn: string;
  readonly sone: Zone;
  /** The zone as the a-melding writes it: 1, 1a, 2, 3, 4, 4a, 5. */
  readonly soneKode: string;
  /** AGA basis on wages: the weight of the split. */
  readonly grunnlagLonn: Ore;
  /** Change in the AGA basis to report (this row's part of the difference). */
  readonly endringGrunnlag: Ore;
  /** The zone rate (fraction). */
  readonly sats: number;
  /** agaOf(endringGrunnlag, sats). */
  readonly aga: Ore;
}

export interface AmeldingFordeling {
  /** The voucher the split belongs to (`SPK-2024-T1`, `SPK-2024-AAR`). */
  readonly bilagId: string;
  readonly termin: number | null;
  /** YYYYMM of the a-melding that reports it. */
  readonly periode: string;
  /** The posted difference: R of the termin, or ΣR for the year. */
  readonly differanse: Ore;
  readonly rader: readonly AmeldingRow[];
  /** Σ endringGrunnlag; equals `differanse` exactly. */
  readonly sumEndring: Ore;
  readonly sumAga: Ore;
  /** The voucher's AGA at the average rate: T of the termin, or round(ΣR × S, 2) for the year. */
  readonly beregnetAga: Ore;
  /** sumAga − beregnetAga. */
  readonly avvik: Ore;
}

/** Checks every row and reports every problem at once, naming the row; nothing is split on bad input. */
export function checkVirksomheter(virksomheter: readonly VirksomhetGrunnlag[], aar: number): Checked<Virksomhet[]> {
  const problems = new ProblemList();
  const out: Virksomhet[] = [];
  const seen = new Map<string, number>();
  let total = 0;

  if (virksomheter.length === 0) problems.add("Det er ingen virksomheter å fordele endringen på.");
  virksomheter.forEach((v, i) => {
    const where = `Virksomhet rad ${i + 1}`;
    const before = problems.count;
    const nr = normalOrgnr(v.virksomhetsnummer);
    if (nr === undefined) {
      problems.add(`${where}: virksomhetsnummeret «${v.virksomhetsnummer}» må ha ni sifre.`);
    } else if (!isValidOrgnr(nr)) {
      problems.add(`${where}: virksomhetsnummeret ${nr} har feil kontrollsiffer (modulus 11).`);
    } else if (seen.has(nr)) {
      problems.add(`${where}: virksomhetsnummeret ${nr} står også på rad ${seen.get(nr)}.`);
    } else {
      seen.set(nr, i + 1);
    }
    const zone = resolveZone(v.sone, aar);
    const sats = isRuleError(zone) ? zone : agaSats(zone, aar);
    if (isRuleError(zone)) problems.add(`${where}: ${zone.message}`);
    else if (isRuleError(sats)) problems.add(`${where}: ${sats.message}`);
    if (!Number.isSafeInteger(v.grunnlag)) problems.add(`${where}: grunnlaget er ikke et beløp.`);
    else if (v.grunnlag < 0) problems.add(`${where}: grunnlaget kan ikke være negativt.`);
    else total += v.grunnlag;

    if (problems.count === before && nr && !isRuleError(zone) && !isRuleError(sats)) {
      out.push({ virksomhetsnummer: nr, navn: (v.navn ?? "").trim(), sone: zone, sats, grunnlag: v.grunnlag });
    }
  });
  if (problems.count === 0 && total === 0) problems.add("Summen av virksomhetenes grunnlag er 0; det er ingenting å fordele etter.");
  return problems.result(() => out);
}

/** One difference split over checked virksomheter: parts in øre summing exactly, AGA per zone rate. */
export function splitChange(differanse: Ore, virksomheter: readonly Virksomhet[]): AmeldingRow[] {
  const parts = allocateOre(exactOf(differanse), virksomheter.map((v) => exactOf(v.grunnlag)));
  return virksomheter.map((v, i) => ({
    virksomhetsnummer: v.virksomhetsnummer,
    navn: v.navn,
    sone: v.sone,
    soneKode: ZONE_CODE[v.sone],
    grunnlagLonn: v.grunnlag,
    endringGrunnlag: asOre(parts[i]),
    sats: v.sats.fraction,
    aga: oreOfRoundedKroner(agaOf(exactOf(asOre(parts[i])), v.sats)),
  }));
}

function fordeling(
  meta: Pick<AmeldingFordeling, "bilagId" | "termin" | "periode">,
  differanse: Ore,
  beregnetAga: Ore,
  virksomheter: readonly Virksomhet[],
): AmeldingFordeling {
  const rows = splitChange(differanse, virksomheter);
  const sumAga = sumOre(rows.map((r) => r.aga));
  return {
    ...meta,
    differanse,
    rader: rows,
    sumEndring: sumOre(rows.map((r) => r.endringGrunnlag)),
    sumAga,
    beregnetAga,
    avvik: minusOre(sumAga, beregnetAga),
  };
}

/**
 * The A-melding split for a reconciliation: per termin with R ≠ 0 (terminvis) or for ΣR
 * (årsslutt). Empty when there is no difference to report.
 */
export function buildAmeldingFordeling(avstemming: Avstemming, virksomheter: readonly VirksomhetGrunnlag[]): Checked<AmeldingFordeling[]> {
  const { oppsett } = avstemming;
  const checked = checkVirksomheter(virksomheter, oppsett.aar);
  if (isProblems(checked)) return checked;

  if (oppsett.modus === "arsslutt") {
    const R = avstemming.sum.R;
    if (R === 0) return [];
    return [fordeling({ bilagId: bilagId(oppsett.aar, null), termin: null, periode: yearEnd(oppsett.aar).periode }, R, aarsAga(avstemming), checked)];
  }
  return avstemming.terminer
    .filter((t) => t.R !== 0)
    .map((t) => fordeling({ bilagId: bilagId(oppsett.aar, t.termin), termin: t.termin, periode: terminEnd(oppsett.aar, t.termin).periode }, t.R, t.T, checked));
}
