import { isoDate, parseDateText } from "../calendar";
import { isRuleError } from "../errors";
import { kronerText, percentText } from "../money/format";
import { asOre, exactOf, ORE_ZERO, Ore, oreOfRoundedKroner, plusOre, roundedOre, sumOre } from "../money/ore";
import { Zone, ZONES } from "../rates/aga";
import { agaFribelopOf, agaOf, AgaRates, agaRates, ekstraAgaOf, rateForZone } from "../rules/aga";
import { resolveZone } from "../rules/aga-sone";
import { feriepengerOf, feriepengerRate, feriepengerYear } from "../rules/feriepenger";
import { Checked, isProblems, Place, ProblemList, Problems, problems as problemsOf } from "../problem/problem";
import { buildBilag, Postering } from "../voucher/build";
import { planDimensions } from "../voucher/dimensions";
import { isCostAccount } from "../voucher/export-check";
import { Bilag, Dimensjon } from "../voucher/types";
import { LonnsKontoer, NS4102_LONNSKONTOER } from "./kontoer";

/**
 * The payroll voucher (lønnsbilag) of one pay run, from the payroll journal's rows (one per
 * employee, or one per virksomhet), in whole øre:
 *
 *   5000 +gross; 2600 −forskuddstrekk (the employee's trygdeavgift included); 2640 −forsikringstrekk;
 *   2650 −fagforeningstrekk; 2690 −other deductions (one line per name, or the account given);
 *   2930 −net pay; per zone 5400 +AGA / 2770 −AGA; ekstra AGA 5400 / 2770 where the year has it;
 *   with a feriepengegrunnlag: 5092 +feriepenger / 2940 −, and per zone 5405 +AGA / 2781 −AGA on them.
 *
 * AGA is computed as the a-melding does: on the summed basis per zone, rounded once per zone, at
 * the rules' rate for the zone and year (zone Ia: the reduced rate until the year's fribeløp is
 * used up; ekstra AGA per employee in 2023–2024). Feriepenger are each employee's
 * FERIEPENGER(grunnlag; år; sats; over 60), rounded per employee as the payroll pays them; their
 * AGA is accrued per zone on the zone's summed feriepenger.
 *
 * Every problem is found at once and names the row (and, when the reader knows it, the cell or
 * JSON path): a negative amount, a deduction larger than the gross pay, a negative net pay, a
 * zone the rules do not know, a row without AGA basis. Nothing is built when there is one.
 */

/** The fields of a row, for placing a problem in its cell or JSON path. */
export type PayrollRowField =
  | "navn"
  | "bruttoLonn"
  | "forskuddstrekk"
  | "forsikringstrekk"
  | "fagforeningstrekk"
  | "andreTrekk"
  | "agaGrunnlag"
  | "sone"
  | "feriepengegrunnlag"
  | "grunnlagHittilIAr"
  | "ekstraAgaGrunnlag";

export interface AnnetTrekk {
  readonly navn: string;
  readonly belop: Ore;
  /** Account for this deduction (e.g. 2610 utleggstrekk, 2620 bidragstrekk); default `andreTrekk` (2690). */
  readonly konto?: string;
  /** Where the deduction stands, for problems. */
  readonly place?: Place;
}

export interface PayrollRow {
  /** The employee, or the virksomhet for a summary row. */
  readonly navn: string;
  /** Default "ansatt". */
  readonly gjelder?: "ansatt" | "virksomhet";
  readonly bruttoLonn: Ore;
  /** Tax withheld, including the employee's trygdeavgift (no separate line exists). */
  readonly forskuddstrekk?: Ore;
  readonly forsikringstrekk?: Ore;
  readonly fagforeningstrekk?: Ore;
  readonly andreTrekk?: readonly AnnetTrekk[];
  /**
   * AGA basis on wages for the run (gross plus taxable benefits, as the payroll reports it).
   * Required: a row without it is refused (a row whose pay carries no AGA says 0).
   */
  readonly agaGrunnlag?: Ore;
  /** AGA zone (I … V, 1 … 5, 1a, 4a) or kommunenummer of the employer's registered unit. */
  readonly sone?: string | number;
  /** This run's feriepengegrunnlag: with it the voucher accrues the feriepenger and their AGA. */
  readonly feriepengegrunnlag?: Ore;
  /** The employee turns 60 in the ferieår: 2,3 percentage points more, up to 6 G of grunnlag. */
  readonly over60?: boolean;
  /**
   * Employee rows in years with ekstra AGA (2023, 2024): the employee's AGA basis earlier this
   * year from the same employer, before this run. Required there: the extra 5 % applies to the
   * part of the year-to-date basis above the threshold.
   */
  readonly grunnlagHittilIAr?: Ore;
  /** Summary rows in years with ekstra AGA: this run's basis above the threshold, summed over the employees. */
  readonly ekstraAgaGrunnlag?: Ore;
  /** Where the row stands (a sheet row, a JSON path), for problems. */
  readonly place?: Place;
  /** Where each field stands (a cell, a JSON path), for problems about one field. */
  readonly cells?: Partial<Record<PayrollRowField, Place>>;
}

export interface LonnsbilagOptions {
  /** Pay date, `2024-06-25` or `25.06.2024`: the voucher's date, and the year of the rates. */
  readonly dato: string;
  readonly tekst?: string;
  readonly kontoer?: Partial<LonnsKontoer>;
  /** Dimensions as the SPK vouchers have them: single values, or the cost lines spread by weights. */
  readonly dimensjoner?: readonly Dimensjon[];
  /**
   * Required when a row is in zone Ia: the employer's zone Ia basis earlier this year. The
   * reduced rate applies only until the year's saving reaches the fribeløp (S10, S11).
   */
  readonly tidligereGrunnlagSoneIa?: Ore;
  /** The feriepenger rate as a fraction; default the law's 10,2 % (12 % by agreement and in the state). */
  readonly feriepengesats?: number;
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
  /** AGA on the wages, ekstra AGA included: what the a-melding reports for the run. */
  readonly sumAga: Ore;
  /** The feriepenger accrued (0 without a feriepengegrunnlag). */
  readonly feriepenger: Ore;
  /** AGA accrued on the feriepenger, per zone (the basis is the zone's feriepenger). */
  readonly agaFeriepengerPerSone: readonly AgaPerSone[];
}

/** The voucher id of a pay date: `LONN-20260320`. */
export const lonnsbilagId = (isoDato: string): string => `LONN-${isoDato.replace(/-/g, "")}`;

/** Recognises the ids `lonnsbilagId` makes (the voucher sheet's rows and the export record's lines). */
export const LONNSBILAG_ID = /^LONN-\d{8}$/;

interface CheckedRow {
  readonly navn: string;
  readonly brutto: Ore;
  readonly forskudd: Ore;
  readonly forsikring: Ore;
  readonly fagforening: Ore;
  readonly andre: readonly { navn: string; konto: string; ore: Ore }[];
  readonly netto: Ore;
  readonly grunnlag: Ore;
  readonly sone: Zone;
  readonly ekstraAga: Ore;
  readonly ekstraGrunnlag: Ore;
  readonly feriepenger: Ore;
}

const LABELS: Readonly<Record<PayrollRowField, string>> = {
  navn: "navn",
  bruttoLonn: "brutto lønn",
  forskuddstrekk: "forskuddstrekk",
  forsikringstrekk: "forsikringstrekk",
  fagforeningstrekk: "fagforeningstrekk",
  andreTrekk: "andre trekk",
  agaGrunnlag: "AGA-grunnlaget",
  sone: "sonen",
  feriepengegrunnlag: "feriepengegrunnlaget",
  grunnlagHittilIAr: "grunnlaget hittil i år",
  ekstraAgaGrunnlag: "grunnlaget for ekstra AGA",
};

const DEDUCTIONS = ["forskuddstrekk", "forsikringstrekk", "fagforeningstrekk"] as const;

const norwegianDate = (iso: string): string => iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, "$3.$2.$1");

/** AGA of a zone's basis: the zone rate, or in zone Ia the fribeløp rule on top of the year's earlier basis. */
function zoneAga(basis: Ore, zone: Zone, rates: AgaRates, tidligereIa: Ore): Ore {
  if (zone === "Ia") return oreOfRoundedKroner(agaFribelopOf(exactOf(basis), exactOf(tidligereIa), zone, rates));
  return oreOfRoundedKroner(agaOf(exactOf(basis), rateForZone(rates, zone, "ordinaer")));
}

/** Per zone, in the rules' zone order: the summed basis and its AGA. */
function perZone(rows: readonly CheckedRow[], basisOf: (r: CheckedRow) => Ore, rates: AgaRates, tidligereIa: Ore): AgaPerSone[] {
  const out: AgaPerSone[] = [];
  for (const zone of ZONES) {
    const inZone = rows.filter((r) => r.sone === zone);
    if (inZone.length === 0) continue;
    const grunnlag = sumOre(inZone.map(basisOf));
    out.push({ sone: zone, grunnlag, sats: rateForZone(rates, zone, "ordinaer").fraction, aga: zoneAga(grunnlag, zone, rates, tidligereIa) });
  }
  return out;
}

export function buildLonnsbilag(rows: readonly PayrollRow[], options: LonnsbilagOptions): Checked<Lonnsbilag> {
  const problems = new ProblemList();
  const parsed = parseDateText(options.dato);
  if (!parsed || parsed.day === undefined) return problemsOf(`«${options.dato}» er ikke en dato (bruk 2024-06-25 eller 25.06.2024).`);
  const aar = parsed.year;
  const dato = isoDate({ year: aar, month: parsed.month, day: parsed.day });
  const rates = agaRates(aar);
  if (isRuleError(rates)) return problemsOf(rates.message);
  const k = { ...NS4102_LONNSKONTOER, ...options.kontoer };
  for (const key of Object.keys(NS4102_LONNSKONTOER) as (keyof LonnsKontoer)[]) {
    if (!(k[key] ?? "").trim()) problems.add(`Kontoen for ${key} mangler.`);
  }
  if (rows.length === 0) problems.add("Lønnsjournalen har ingen rader.");
  const dims = planDimensions(options.dimensjoner ?? []);
  if (isProblems(dims)) problems.addAll(dims);
  const withFeriepenger = rows.some((r) => r.feriepengegrunnlag !== undefined);
  const fpRate = feriepengerRate(options.feriepengesats);
  const fpYear = feriepengerYear(aar);
  if (withFeriepenger && isRuleError(fpRate)) problems.add(fpRate.message);
  if (withFeriepenger && isRuleError(fpYear)) problems.add(fpYear.message);

  const checked: CheckedRow[] = [];
  rows.forEach((r, i) => {
    const before = problems.count;
    const kind = r.gjelder === "virksomhet" ? "Virksomhet" : "Ansatt";
    const placed = r.place !== undefined || r.cells !== undefined;
    const who = `${kind} «${(r.navn ?? "").trim() || "(uten navn)"}»${placed ? "" : ` (rad ${i + 1})`}`;
    const at = (field: PayrollRowField): Place | undefined => r.cells?.[field] ?? r.place;
    const say = (field: PayrollRowField | undefined, message: string, place = field ? at(field) : r.place) => problems.add(`${who}: ${message}`, place);
    /** An amount of the row: 0 when absent; negative refused. */
    const amount = (field: PayrollRowField, value: Ore | undefined): Ore => {
      if (value === undefined) return ORE_ZERO;
      if (value < 0) say(field, `negativt beløp for ${LABELS[field]} (${kronerText(value)} kr); beløpene i lønnsjournalen er positive.`);
      return value;
    };

    const brutto = amount("bruttoLonn", r.bruttoLonn);
    const trekk = DEDUCTIONS.map((field) => ({ field, ore: amount(field, r[field]) }));
    const andre = (r.andreTrekk ?? []).map((t, j) => {
      const name = (t.navn ?? "").trim();
      const place = t.place ?? at("andreTrekk");
      if (!name) say(undefined, `annet trekk nr. ${j + 1} mangler navn.`, place);
      const konto = (t.konto ?? k.andreTrekk).trim();
      if (!konto) say(undefined, `kontoen for trekket «${name}» mangler.`, place);
      if (t.belop < 0) say(undefined, `trekket «${name}» kan ikke være negativt (${kronerText(t.belop)} kr).`, place);
      return { navn: name, konto, ore: t.belop, place };
    });
    for (const t of trekk) {
      if (t.ore > brutto) say(t.field, `${LABELS[t.field]} (${kronerText(t.ore)} kr) er større enn brutto lønn (${kronerText(brutto)} kr).`);
    }
    for (const t of andre) {
      if (t.ore > brutto) say(undefined, `trekket «${t.navn}» (${kronerText(t.ore)} kr) er større enn brutto lønn (${kronerText(brutto)} kr).`, t.place);
    }

    let grunnlag = ORE_ZERO;
    if (r.agaGrunnlag === undefined) say("agaGrunnlag", "mangler AGA-grunnlag (skriv 0 når lønnen ikke utløser arbeidsgiveravgift).");
    else grunnlag = amount("agaGrunnlag", r.agaGrunnlag);

    let zone: Zone | undefined;
    const soneText = r.sone === undefined ? "" : String(r.sone).trim();
    if (soneText === "") say("sone", "mangler sone eller kommunenummer; AGA-grunnlaget må ha en sone.");
    else {
      const z = resolveZone(r.sone as string | number, aar);
      if (isRuleError(z)) say("sone", z.message);
      else zone = z;
    }

    let feriepenger = ORE_ZERO;
    if (r.feriepengegrunnlag !== undefined) {
      const g = amount("feriepengegrunnlag", r.feriepengegrunnlag);
      if (!isRuleError(fpRate) && !isRuleError(fpYear)) feriepenger = oreOfRoundedKroner(feriepengerOf(exactOf(g), fpRate, r.over60 === true, fpYear));
    }

    let ekstraAga = ORE_ZERO;
    let ekstraGrunnlag = ORE_ZERO;
    if (rates.ekstra) {
      if (r.gjelder === "virksomhet") {
        if (r.ekstraAgaGrunnlag === undefined) {
          say("ekstraAgaGrunnlag", `oppgi grunnlaget over innslagspunktet for ekstra arbeidsgiveravgift i ${aar} (summert for de ansatte), også når det er 0.`);
        } else ekstraGrunnlag = amount("ekstraAgaGrunnlag", r.ekstraAgaGrunnlag);
      } else if (r.grunnlagHittilIAr === undefined) {
        const column = r.cells !== undefined && r.cells.grunnlagHittilIAr === undefined ? " (kolonnen «Grunnlag hittil i år» i lønnsjournalen)" : "";
        say("grunnlagHittilIAr", `oppgi grunnlaget hittil i år (før denne lønnskjøringen) for ekstra arbeidsgiveravgift i ${aar}${column}, også når det er 0.`);
      } else {
        const tidligere = amount("grunnlagHittilIAr", r.grunnlagHittilIAr);
        ekstraAga = oreOfRoundedKroner(ekstraAgaOf(exactOf(grunnlag), exactOf(tidligere), rates));
      }
    }

    const deducted = sumOre([...trekk.map((t) => t.ore), ...andre.map((t) => t.ore)]);
    const netto = asOre(brutto - deducted);
    if (problems.count === before && netto < 0) {
      say(undefined, `trekkene (${kronerText(deducted)} kr) er større enn brutto lønn (${kronerText(brutto)} kr); negativ nettolønn bokføres ikke.`);
    }
    if (problems.count === before && zone !== undefined) {
      const [forskudd, forsikring, fagforening] = trekk.map((t) => t.ore);
      checked.push({ navn: (r.navn ?? "").trim(), brutto, forskudd, forsikring, fagforening, andre, netto, grunnlag, sone: zone, ekstraAga, ekstraGrunnlag, feriepenger });
    }
  });

  let tidligereIa = ORE_ZERO;
  if (checked.some((r) => r.sone === "Ia")) {
    if (options.tidligereGrunnlagSoneIa === undefined) {
      problems.add("Rader i sone Ia krever grunnlaget i sone Ia tidligere i år (fribeløpet avgjør hvor lenge den reduserte satsen gjelder).");
    } else if (options.tidligereGrunnlagSoneIa < 0) problems.add("Grunnlaget i sone Ia tidligere i år kan ikke være negativt.");
    else tidligereIa = options.tidligereGrunnlagSoneIa;
  }
  const refused = problems.error();
  if (refused || isProblems(dims) || isRuleError(fpRate) || isRuleError(fpYear)) return refused as Problems;

  // AGA per zone on the summed basis, as the a-melding computes it.
  const agaPerSone = perZone(checked, (r) => r.grunnlag, rates, tidligereIa);
  const ekstraBasis = sumOre(checked.map((r) => r.ekstraGrunnlag));
  const ekstraAga = asOre(sumOre(checked.map((r) => r.ekstraAga)) + (rates.ekstra ? oreOfRoundedKroner(agaOf(exactOf(ekstraBasis), rates.ekstra.rate)) : 0));
  // AGA accrued on the feriepenger: in zone Ia on top of this run's basis, where the fribeløp then stands.
  const iaAfterRun = plusOre(tidligereIa, agaPerSone.find((z) => z.sone === "Ia")?.grunnlag ?? ORE_ZERO);
  const withFp = checked.filter((r) => r.feriepenger !== 0);
  const agaFeriepengerPerSone = perZone(withFp, (r) => r.feriepenger, rates, iaAfterRun);
  const feriepenger = sumOre(checked.map((r) => r.feriepenger));

  const text = options.tekst?.trim() || `Lønn ${norwegianDate(dato)}`;
  const sum = (f: (r: CheckedRow) => Ore) => sumOre(checked.map(f));
  const poster: { konto: string; ore: Ore; tekst: string }[] = [
    { konto: k.lonn, ore: sum((r) => r.brutto), tekst: `${text}: brutto lønn` },
    { konto: k.forskuddstrekk, ore: asOre(-sum((r) => r.forskudd)), tekst: `${text}: forskuddstrekk (inkl. trygdeavgift)` },
    { konto: k.forsikringstrekk, ore: asOre(-sum((r) => r.forsikring)), tekst: `${text}: forsikringstrekk` },
    { konto: k.fagforeningstrekk, ore: asOre(-sum((r) => r.fagforening)), tekst: `${text}: fagforeningstrekk` },
  ];
  const andre = new Map<string, { konto: string; navn: string; ore: Ore }>();
  for (const r of checked) {
    for (const t of r.andre) {
      const key = `${t.konto}\u0000${t.navn}`;
      andre.set(key, { konto: t.konto, navn: t.navn, ore: plusOre(andre.get(key)?.ore ?? ORE_ZERO, t.ore) });
    }
  }
  // «Husleie» reads «trekk Husleie»; a name that says it is a trekk («Utleggstrekk», «Andre trekk») stands alone.
  const trekkText = (name: string) => (/trekk$/i.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : `trekk ${name}`);
  for (const t of andre.values()) poster.push({ konto: t.konto, ore: asOre(-t.ore), tekst: `${text}: ${trekkText(t.navn)}` });
  poster.push({ konto: k.skyldigLonn, ore: asOre(-sum((r) => r.netto)), tekst: `${text}: skyldig lønn (netto)` });
  // Zone Ia: the reduced rate holds only until the year's fribeløp is used up, so no single rate.
  const rateText = (z: AgaPerSone) => (z.sone === "Ia" ? "redusert sats inntil fribeløpet er brukt opp" : percentText(z.sats));
  for (const z of agaPerSone) {
    const label = `${text}: arbeidsgiveravgift sone ${z.sone} (${rateText(z)})`;
    poster.push({ konto: k.aga, ore: z.aga, tekst: label }, { konto: k.skyldigAga, ore: asOre(-z.aga), tekst: label });
  }
  if (rates.ekstra) {
    const label = `${text}: ekstra arbeidsgiveravgift (${percentText(rates.ekstra.rate.fraction)} over ${kronerText(roundedOre(rates.ekstra.threshold)).replace(/,00$/, "")} kr)`;
    poster.push({ konto: k.ekstraAga, ore: ekstraAga, tekst: label }, { konto: k.skyldigEkstraAga, ore: asOre(-ekstraAga), tekst: label });
  }
  if (withFeriepenger && !isRuleError(fpRate)) {
    const label = `${text}: feriepenger (${percentText(fpRate.fraction)} av feriepengegrunnlaget)`;
    poster.push({ konto: k.feriepenger, ore: feriepenger, tekst: label }, { konto: k.skyldigeFeriepenger, ore: asOre(-feriepenger), tekst: label });
    for (const z of agaFeriepengerPerSone) {
      const fpLabel = `${text}: arbeidsgiveravgift av feriepenger sone ${z.sone} (${rateText(z)})`;
      poster.push({ konto: k.agaFeriepenger, ore: z.aga, tekst: fpLabel }, { konto: k.paloptAgaFeriepenger, ore: asOre(-z.aga), tekst: fpLabel });
    }
  }

  const periode = dato.slice(0, 7).replace("-", "");
  const bilag = buildBilag(
    { id: lonnsbilagId(dato), termin: null, tekst: text, dato, periode },
    poster.map((p): Postering => ({ konto: p.konto, ore: p.ore, tekst: p.tekst, kostnad: isCostAccount(p.konto) })),
    dims,
  );
  if (bilag === undefined) return problemsOf(`Lønnskjøringen ${norwegianDate(dato)} gir ingen posteringer (alle beløp er 0).`);
  if (isProblems(bilag)) return bilag;
  return {
    bilag,
    nettolonn: checked.map((r) => ({ navn: r.navn, netto: r.netto })),
    agaPerSone,
    ekstraAga,
    sumAga: asOre(sumOre(agaPerSone.map((z) => z.aga)) + ekstraAga),
    feriepenger,
    agaFeriepengerPerSone,
  };
}
