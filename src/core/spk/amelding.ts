import { isRuleError, Result, valueError } from "../errors";
import { allocateOre } from "../money/allocate";
import { checkedAmount } from "../money/amount";
import { Exact, fromOre, isZero, plus, Rate, sign, ZERO } from "../money/exact";
import { Zone, ZONE_CODE } from "../rates/aga";
import { agaOf, agaSats } from "../rules/aga";
import { resolveZone } from "../rules/aga-sone";
import { gyldigOrgnr, normalOrgnr } from "./amelding-orgnr";
import { arsAga } from "./bilag";
import { aarSlutt, bilagId, kronerAv, oreAv, terminSlutt, tilOre } from "./bilag-format";
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
  readonly grunnlag: Exact;
  /** The basis as given, in kroner, for display. */
  readonly grunnlagKroner: number;
}

export interface AmeldingRad {
  readonly virksomhetsnummer: string;
  readonly navn: string;
  readonly sone: Zone;
  /** The zone as the a-melding writes it: 1, 1a, 2, 3, 4, 4a, 5. */
  readonly soneKode: string;
  /** AGA basis on wages: the weight of the split. */
  readonly grunnlagLonn: number;
  /** Change in the AGA basis to report (this row's part of the difference). */
  readonly endringGrunnlag: number;
  /** The zone rate (fraction). */
  readonly sats: number;
  /** agaOf(endringGrunnlag, sats). */
  readonly aga: number;
}

export interface AmeldingFordeling {
  /** The voucher the split belongs to (`SPK-2024-T1`, `SPK-2024-AAR`). */
  readonly bilagId: string;
  readonly termin: number | null;
  /** YYYYMM of the a-melding that reports it. */
  readonly periode: string;
  /** The posted difference: R of the termin, or ΣR for the year. */
  readonly differanse: number;
  readonly rader: readonly AmeldingRad[];
  /** Σ endringGrunnlag; equals `differanse` exactly. */
  readonly sumEndring: number;
  readonly sumAga: number;
  /** The voucher's AGA at the average rate: T of the termin, or round(ΣR × S, 2) for the year. */
  readonly beregnetAga: number;
  /** sumAga − beregnetAga. */
  readonly avvik: number;
}

/** Checks every row and reports every problem at once, naming the row; nothing is split on bad input. */
export function validerVirksomheter(virksomheter: readonly VirksomhetGrunnlag[], aar: number): Result<Virksomhet[]> {
  const errors: string[] = [];
  const out: Virksomhet[] = [];
  const seen = new Map<string, number>();
  let total: Exact = ZERO;

  if (virksomheter.length === 0) return valueError("Det er ingen virksomheter å fordele endringen på.");
  virksomheter.forEach((v, i) => {
    const where = `Virksomhet rad ${i + 1}`;
    const before = errors.length;
    const nr = normalOrgnr(v.virksomhetsnummer);
    if (nr === undefined) {
      errors.push(`${where}: virksomhetsnummeret «${v.virksomhetsnummer}» må ha ni sifre.`);
    } else if (!gyldigOrgnr(nr)) {
      errors.push(`${where}: virksomhetsnummeret ${nr} har feil kontrollsiffer (modulus 11).`);
    } else if (seen.has(nr)) {
      errors.push(`${where}: virksomhetsnummeret ${nr} står også på rad ${seen.get(nr)}.`);
    } else {
      seen.set(nr, i + 1);
    }
    const zone = resolveZone(v.sone, aar);
    const sats = isRuleError(zone) ? zone : agaSats(zone, aar);
    if (isRuleError(zone)) errors.push(`${where}: ${zone.message}`);
    else if (isRuleError(sats)) errors.push(`${where}: ${sats.message}`);
    const grunnlag = checkedAmount(v.grunnlag, `${where}: grunnlaget`);
    if (isRuleError(grunnlag)) errors.push(grunnlag.message);
    else if (sign(grunnlag) < 0) errors.push(`${where}: grunnlaget kan ikke være negativt.`);
    else total = plus(total, grunnlag);

    if (errors.length === before && nr && !isRuleError(zone) && !isRuleError(sats) && !isRuleError(grunnlag)) {
      out.push({ virksomhetsnummer: nr, navn: (v.navn ?? "").trim(), sone: zone, sats, grunnlag, grunnlagKroner: v.grunnlag });
    }
  });
  if (errors.length === 0 && isZero(total)) errors.push("Summen av virksomhetenes grunnlag er 0; det er ingenting å fordele etter.");
  return errors.length > 0 ? valueError(errors.join(" ")) : out;
}

/** One difference split over checked virksomheter: parts in øre summing exactly, AGA per zone rate. */
export function fordelEndring(differanseOre: number, virksomheter: readonly Virksomhet[]): AmeldingRad[] {
  const parts = allocateOre(fromOre(differanseOre), virksomheter.map((v) => v.grunnlag));
  return virksomheter.map((v, i) => ({
    virksomhetsnummer: v.virksomhetsnummer,
    navn: v.navn,
    sone: v.sone,
    soneKode: ZONE_CODE[v.sone],
    grunnlagLonn: v.grunnlagKroner,
    endringGrunnlag: kronerAv(parts[i]),
    sats: v.sats.fraction,
    aga: agaOf(fromOre(parts[i]), v.sats),
  }));
}

function fordeling(
  meta: Pick<AmeldingFordeling, "bilagId" | "termin" | "periode">,
  differanseOre: number,
  beregnetAgaOre: number,
  virksomheter: readonly Virksomhet[],
): AmeldingFordeling {
  const rader = fordelEndring(differanseOre, virksomheter);
  const sumEndring = rader.reduce((a, r) => a + tilOre(r.endringGrunnlag), 0);
  const sumAga = rader.reduce((a, r) => a + tilOre(r.aga), 0);
  return {
    ...meta,
    differanse: kronerAv(differanseOre),
    rader,
    sumEndring: kronerAv(sumEndring),
    sumAga: kronerAv(sumAga),
    beregnetAga: kronerAv(beregnetAgaOre),
    avvik: kronerAv(sumAga - beregnetAgaOre),
  };
}

/**
 * The A-melding split for a reconciliation: per termin with R ≠ 0 (terminvis) or for ΣR
 * (årsslutt). Empty when there is no difference to report.
 */
export function lagAmeldingFordeling(avstemming: Avstemming, virksomheter: readonly VirksomhetGrunnlag[]): Result<AmeldingFordeling[]> {
  const { oppsett } = avstemming;
  const checked = validerVirksomheter(virksomheter, oppsett.aar);
  if (isRuleError(checked)) return checked;

  if (oppsett.modus === "arsslutt") {
    const R = oreAv(avstemming.sum.R, `Året ${oppsett.aar}: ΣR`);
    if (isRuleError(R)) return R;
    if (R === 0) return [];
    const T = oreAv(arsAga(avstemming), `Året ${oppsett.aar}: beregnet AGA`);
    if (isRuleError(T)) return T;
    return [fordeling({ bilagId: bilagId(oppsett.aar, null), termin: null, periode: aarSlutt(oppsett.aar).periode }, R, T, checked)];
  }
  const out: AmeldingFordeling[] = [];
  for (const t of avstemming.terminer) {
    const R = oreAv(t.R, `Termin ${t.termin}: R`);
    if (isRuleError(R)) return R;
    if (R === 0) continue;
    const T = oreAv(t.T, `Termin ${t.termin}: T`);
    if (isRuleError(T)) return T;
    out.push(fordeling(
      { bilagId: bilagId(oppsett.aar, t.termin), termin: t.termin, periode: terminSlutt(oppsett.aar, t.termin).periode },
      R, T, checked,
    ));
  }
  return out;
}
