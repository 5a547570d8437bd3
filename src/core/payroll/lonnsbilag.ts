import { isoDate, parseDateText } from "../calendar";
import { isRuleError, valueError } from "../errors";
import { checkedAmount } from "../money/amount";
import { Exact, plus, sign, ZERO } from "../money/exact";
import { Zone, ZONES } from "../rates/aga";
import { agaFribelopOf, agaOf, agaRates, ekstraAgaOf, rateForZone } from "../rules/aga";
import { resolveZone } from "../rules/aga-sone";
import { kronerText, percentText } from "../money/format";
import { asOre, oreFromKroner, Ore, oreOfRoundedKroner, roundedOre } from "../money/ore";
import { Checked, ProblemList, problems as problemsOf } from "../problem/problem";
import { buildBilag, Postering } from "../voucher/build";
import { Bilag } from "../voucher/types";
import { LonnsKontoer, NS4102_LONNSKONTOER } from "./kontoer";

/**
 * A payroll voucher (lønnsbilag) from a payroll summary, one row per employee or per virksomhet:
 *
 *   5000 +gross; 2600 −forskuddstrekk; 2640 −forsikringstrekk; 2650 −fagforeningstrekk;
 *   2690 −other deductions (one line per name); 2930 −net pay;
 *   per zone 5400 +AGA / 2770 −AGA; ekstra AGA 5400 / 2770 where the year has it.
 *
 * AGA is computed as the a-melding does: on the summed basis per zone and rate, rounded once per
 * zone. Net pay = gross − deductions, and a negative net pay is refused.
 */

export interface AnnetTrekk {
  readonly navn: string;
  readonly belop: number;
  /** Account for this deduction (e.g. 2610 utleggstrekk, 2620 bidragstrekk); default `andreTrekk` (2690). */
  readonly konto?: string;
}

export interface PayrollRow {
  /** The employee, or the virksomhet for a summary row. */
  readonly navn: string;
  /** Default "ansatt". */
  readonly gjelder?: "ansatt" | "virksomhet";
  readonly bruttoLonn: number;
  /** Tax withheld, including the employee's trygdeavgift (no separate line exists). */
  readonly forskuddstrekk?: number;
  readonly forsikringstrekk?: number;
  readonly fagforeningstrekk?: number;
  readonly andreTrekk?: readonly AnnetTrekk[];
  /** AGA basis on wages for the period (gross plus taxable benefits, as the payroll reports it). */
  readonly agaGrunnlag: number;
  /** AGA zone (I … V, 1 … 5) or kommunenummer of the employer's registered unit. */
  readonly sone: string | number;
  /**
   * Employee rows in years with ekstra AGA (2023, 2024): the employee's AGA basis earlier this
   * year from the same employer, before this period. Required there: the extra 5 % applies to
   * the part of the year-to-date basis above the threshold.
   */
  readonly grunnlagHittilIAr?: number;
  /** Summary rows in years with ekstra AGA: this period's basis above the threshold, summed over the employees. */
  readonly ekstraAgaGrunnlag?: number;
}

export interface LonnsbilagOptions {
  /** Posting date, `2024-06-25` or `25.06.2024`; sets the year for the rates and the period. */
  readonly dato: string;
  /** Default `LONN-YYYYMM`. */
  readonly id?: string;
  readonly tekst?: string;
  readonly kontoer?: Partial<LonnsKontoer>;
  /** Dimension values (Unit4 slot → value) put on every line. */
  readonly dimensjoner?: Readonly<Record<number, string>>;
  /**
   * Required when a row is in zone Ia: the employer's zone Ia basis earlier this year. The
   * reduced rate applies only until the year's saving reaches the fribeløp (S10, S11).
   */
  readonly tidligereGrunnlagSoneIa?: number;
}

export interface AgaPerSone {
  readonly sone: Zone;
  readonly grunnlag: Ore;
  /** The zone rate; for zone Ia the reduced rate (the fribeløp decides how much of it applies). */
  readonly sats: number;
  readonly aga: Ore;
}

export interface Lonnsbilag {
  readonly bilag: Bilag;
  readonly nettolonn: readonly { readonly navn: string; readonly netto: Ore }[];
  readonly agaPerSone: readonly AgaPerSone[];
  readonly ekstraAga: Ore;
  readonly sumAga: Ore;
}

interface CheckedRow {
  readonly navn: string;
  readonly brutto: number;
  readonly forskudd: number;
  readonly forsikring: number;
  readonly fagforening: number;
  readonly andre: readonly { navn: string; konto: string; ore: number }[];
  readonly netto: number;
  readonly grunnlag: Exact;
  readonly sone: Zone;
  readonly ekstraAga: number;
  readonly ekstraGrunnlag: Exact;
}


/** A non-negative amount in whole øre; problems go to `errors` (every problem is reported at once). */
function belop(value: number | undefined, hva: string, errors: string[]): number {
  if (value === undefined) return 0;
  const o = oreFromKroner(value, hva);
  if (isRuleError(o)) {
    errors.push(o.message);
    return 0;
  }
  if (o < 0) {
    errors.push(`${hva} kan ikke være negativ (${value}).`);
    return 0;
  }
  return o;
}

function konto(value: string | undefined, hva: string, errors: string[]): string {
  const k = (value ?? "").trim();
  if (!k) errors.push(`Kontoen for ${hva} mangler.`);
  return k;
}

export function buildLonnsbilag(rows: readonly PayrollRow[], options: LonnsbilagOptions): Checked<Lonnsbilag> {
  const errors: string[] = [];
  const dato = parseDateText(options.dato);
  if (!dato || dato.day === undefined) return problemsOf(`«${options.dato}» er ikke en dato (bruk 2024-06-25 eller 25.06.2024).`);
  const aar = dato.year;
  const periode = `${aar}${String(dato.month).padStart(2, "0")}`;
  const rates = agaRates(aar);
  if (isRuleError(rates)) return problemsOf(rates.message);
  const k = { ...NS4102_LONNSKONTOER, ...options.kontoer };
  for (const key of Object.keys(NS4102_LONNSKONTOER) as (keyof LonnsKontoer)[]) konto(k[key], key, errors);
  if (rows.length === 0) errors.push("Lønnssammendraget har ingen rader.");

  const checked: CheckedRow[] = [];
  rows.forEach((r, i) => {
    const virksomhet = r.gjelder === "virksomhet";
    const who = `${virksomhet ? "Virksomhet" : "Ansatt"} «${(r.navn ?? "").trim() || "(uten navn)"}» (rad ${i + 1})`;
    const before = errors.length;
    const brutto = belop(r.bruttoLonn, `${who}: brutto lønn`, errors);
    const forskudd = belop(r.forskuddstrekk, `${who}: forskuddstrekk`, errors);
    const forsikring = belop(r.forsikringstrekk, `${who}: forsikringstrekk`, errors);
    const fagforening = belop(r.fagforeningstrekk, `${who}: fagforeningstrekk`, errors);
    const andre = (r.andreTrekk ?? []).map((t, j) => {
      const name = (t.navn ?? "").trim();
      if (!name) errors.push(`${who}: annet trekk nr. ${j + 1} mangler navn.`);
      return { navn: name, konto: konto(t.konto ?? k.andreTrekk, `trekket «${name}»`, errors), ore: belop(t.belop, `${who}: trekket «${name}»`, errors) };
    });
    const grunnlag = checkedAmount(r.agaGrunnlag, `${who}: AGA-grunnlaget`);
    if (isRuleError(grunnlag)) errors.push(grunnlag.message);
    else if (sign(grunnlag) < 0) errors.push(`${who}: AGA-grunnlaget kan ikke være negativt.`);
    const zone = resolveZone(r.sone, aar);
    if (isRuleError(zone)) errors.push(`${who}: ${zone.message}`);

    let ekstraAga = 0;
    let ekstraGrunnlag: Exact = ZERO;
    if (rates.ekstra && !isRuleError(grunnlag)) {
      if (virksomhet) {
        if (r.ekstraAgaGrunnlag === undefined) {
          errors.push(`${who}: oppgi grunnlaget over innslagspunktet for ekstra arbeidsgiveravgift i ${aar} (summert for de ansatte), også når det er 0.`);
        } else {
          const g = checkedAmount(r.ekstraAgaGrunnlag, `${who}: grunnlaget for ekstra AGA`);
          if (isRuleError(g)) errors.push(g.message);
          else if (sign(g) < 0) errors.push(`${who}: grunnlaget for ekstra AGA kan ikke være negativt.`);
          else ekstraGrunnlag = g;
        }
      } else if (r.grunnlagHittilIAr === undefined) {
        errors.push(`${who}: oppgi grunnlaget hittil i år (før denne lønnskjøringen) for ekstra arbeidsgiveravgift i ${aar}, også når det er 0.`);
      } else {
        const tidligere = checkedAmount(r.grunnlagHittilIAr, `${who}: grunnlaget hittil i år`);
        if (isRuleError(tidligere)) errors.push(tidligere.message);
        else if (sign(tidligere) < 0) errors.push(`${who}: grunnlaget hittil i år kan ikke være negativt.`);
        else ekstraAga = oreOfRoundedKroner(ekstraAgaOf(grunnlag, tidligere, rates));
      }
    }

    const netto = brutto - forskudd - forsikring - fagforening - andre.reduce((a, t) => a + t.ore, 0);
    if (errors.length === before && netto < 0) {
      errors.push(`${who}: trekkene (${kronerText(brutto - netto)} kr) er større enn brutto lønn (${kronerText(brutto)} kr); negativ nettolønn bokføres ikke.`);
    }
    if (errors.length === before && !isRuleError(grunnlag) && !isRuleError(zone)) {
      checked.push({ navn: r.navn.trim(), brutto, forskudd, forsikring, fagforening, andre, netto, grunnlag, sone: zone, ekstraAga, ekstraGrunnlag });
    }
  });

  const iaRows = checked.filter((r) => r.sone === "Ia");
  let tidligereIa: Exact = ZERO;
  if (iaRows.length > 0) {
    const t = options.tidligereGrunnlagSoneIa === undefined
      ? valueError("Rader i sone Ia krever grunnlaget i sone Ia tidligere i år (fribeløpet avgjør hvor lenge den reduserte satsen gjelder).")
      : checkedAmount(options.tidligereGrunnlagSoneIa, "Grunnlaget i sone Ia tidligere i år");
    if (isRuleError(t)) errors.push(t.message);
    else if (sign(t) < 0) errors.push("Grunnlaget i sone Ia tidligere i år kan ikke være negativt.");
    else tidligereIa = t;
  }
  if (errors.length > 0) {
    const list = new ProblemList();
    for (const e of errors) list.add(e);
    return list.error() as NonNullable<ReturnType<ProblemList["error"]>>;
  }

  // AGA per zone on the summed basis, as the a-melding computes it.
  const agaPerSone: AgaPerSone[] = [];
  for (const zone of ZONES) {
    const rows = checked.filter((r) => r.sone === zone);
    if (rows.length === 0) continue;
    const basis = rows.reduce<Exact>((acc, r) => plus(acc, r.grunnlag), ZERO);
    const sats = rateForZone(rates, zone, "ordinaer");
    const aga = zone === "Ia" ? agaFribelopOf(basis, tidligereIa, zone, rates) : agaOf(basis, sats);
    agaPerSone.push({ sone: zone, grunnlag: roundedOre(basis), sats: sats.fraction, aga: oreOfRoundedKroner(aga) });
  }
  const summedEkstraBasis = checked.reduce<Exact>((acc, r) => plus(acc, r.ekstraGrunnlag), ZERO);
  const ekstraOre = checked.reduce((a, r) => a + r.ekstraAga, 0)
    + (rates.ekstra ? oreOfRoundedKroner(agaOf(summedEkstraBasis, rates.ekstra.rate)) : 0);

  const text = options.tekst?.trim() || `Lønn ${aar}-${String(dato.month).padStart(2, "0")}`;
  const sum = (f: (r: CheckedRow) => number) => checked.reduce((a, r) => a + f(r), 0);
  const poster: { konto: string; ore: number; tekst: string }[] = [
    { konto: k.lonn, ore: sum((r) => r.brutto), tekst: `${text}: brutto lønn` },
    { konto: k.forskuddstrekk, ore: -sum((r) => r.forskudd), tekst: `${text}: forskuddstrekk (inkl. trygdeavgift)` },
    { konto: k.forsikringstrekk, ore: -sum((r) => r.forsikring), tekst: `${text}: forsikringstrekk` },
    { konto: k.fagforeningstrekk, ore: -sum((r) => r.fagforening), tekst: `${text}: fagforeningstrekk` },
  ];
  const andre = new Map<string, { konto: string; navn: string; ore: number }>();
  for (const r of checked) {
    for (const t of r.andre) {
      const key = `${t.konto}\u0000${t.navn}`;
      const prev = andre.get(key);
      andre.set(key, { konto: t.konto, navn: t.navn, ore: (prev?.ore ?? 0) + t.ore });
    }
  }
  for (const t of andre.values()) poster.push({ konto: t.konto, ore: -t.ore, tekst: `${text}: trekk ${t.navn}` });
  poster.push({ konto: k.skyldigLonn, ore: -sum((r) => r.netto), tekst: `${text}: skyldig lønn (netto)` });
  for (const z of agaPerSone) {
    const a = z.aga;
    // Zone Ia: the reduced rate holds only until the year's fribeløp is used up, so no single rate.
    const sats = z.sone === "Ia" ? "redusert sats inntil fribeløpet er brukt opp" : percentText(z.sats);
    const label = `${text}: arbeidsgiveravgift sone ${z.sone} (${sats})`;
    poster.push({ konto: k.aga, ore: a, tekst: label }, { konto: k.skyldigAga, ore: -a, tekst: label });
  }
  if (rates.ekstra) {
    const label = `${text}: ekstra arbeidsgiveravgift (${percentText(rates.ekstra.rate.fraction)} over ${kronerText(roundedOre(rates.ekstra.threshold)).replace(/,00$/, "")} kr)`;
    poster.push({ konto: k.ekstraAga, ore: ekstraOre, tekst: label }, { konto: k.skyldigEkstraAga, ore: -ekstraOre, tekst: label });
  }

  const dims = { ...(options.dimensjoner ?? {}) };
  const bilag = buildBilag(
    { id: options.id?.trim() || `LONN-${periode}`, termin: null, tekst: text, dato: isoDate({ year: aar, month: dato.month, day: dato.day }), periode },
    poster.map((p): Postering => ({ konto: p.konto, ore: asOre(p.ore), tekst: p.tekst, kostnad: false })),
    { balance: dims, cost: dims },
  );
  if (bilag === undefined) return problemsOf("Lønnssammendraget gir ingen posteringer (alle beløp er 0).");
  if (bilag instanceof Error) return bilag;
  const sumAgaOre = agaPerSone.reduce((a, z) => a + z.aga, 0) + ekstraOre;
  return {
    bilag,
    nettolonn: checked.map((r) => ({ navn: r.navn, netto: asOre(r.netto) })),
    agaPerSone,
    ekstraAga: asOre(ekstraOre),
    sumAga: asOre(sumAgaOre),
  };
}
