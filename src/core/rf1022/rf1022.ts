/**
 * RF-1022 «Lønns- og pensjonskostnader», the year-end kontrolloppstilling (trekk-og-aga.md §5):
 * per account group, booked cost (A, from the ledger) + opening accrued or owed (B) − closing
 * accrued or owed (C) = reportable (D), against the year's a-melding totals (A07), with the AGA
 * basis. Filed only on request since 2022, but every employer must prepare and sign it.
 *
 * A group has cost accounts (A: the year's postings, debit positive) and accrual accounts: earned
 * or owed but not paid, so not yet reported (2930 skyldig lønn, 2940 skyldige feriepenger, 2780/2781
 * påløpt AGA). An accrual account is a liability with a credit balance, so B = −IB and C = −UB.
 * What the a-melding reports is what was paid: last year's accruals paid this year (B) count, this
 * year's accruals not yet paid (C) do not. 2770 (skyldig AGA) is not an accrual here: AGA on it is
 * reported, only not paid.
 *
 * The a-melding comparisons, each with a difference above the tolerance flagged, naming the groups:
 * - reportable pay (Σ D of the `ytelse` groups) against Σ inntekt;
 * - the AGA basis (Σ D of the groups that carry AGA) against Σ avgiftsgrunnlag;
 * - AGA (Σ D of the `aga` groups) against Σ sumArbeidsgiveravgift.
 */
import { kronerText } from "../money/format";
import { asOre, minusOre, negateOre, ORE_ZERO, Ore, sumOre } from "../money/ore";
import { Checked, ProblemList } from "../problem/problem";
import { HovedbokKonto } from "../trekk/types";
import { overTolerance } from "../workpaper/control";

/** What a group's D is: pay the a-melding reports as income, or the employer's AGA on it. */
export type Rf1022GroupKind = "ytelse" | "aga";

export interface Rf1022Gruppe {
  /** A short key for the sheet's rows (`LONN`). */
  readonly id: string;
  readonly navn: string;
  readonly kostnadskontoer: readonly string[];
  readonly periodiseringskontoer: readonly string[];
  readonly type: Rf1022GroupKind;
  /** A `ytelse` group whose pay carries AGA: in the AGA basis. */
  readonly agaPliktig: boolean;
}

/**
 * The default groups, NS 4102 / SAF-T standard accounts (rates-and-rules.md §5.1): 5000 lønn and
 * 5090 påløpt lønn against 2930; 5092 feriepenger against 2940; 5330 styrehonorar; 5400 and 5405
 * AGA against 2780 and 2781. Every account list can be replaced.
 */
export const NS4102_RF1022_GRUPPER: readonly Rf1022Gruppe[] = [
  { id: "LONN", navn: "Lønn og annen godtgjørelse", kostnadskontoer: ["5000", "5090"], periodiseringskontoer: ["2930"], type: "ytelse", agaPliktig: true },
  { id: "FERIE", navn: "Feriepenger", kostnadskontoer: ["5092"], periodiseringskontoer: ["2940"], type: "ytelse", agaPliktig: true },
  { id: "STYRE", navn: "Styrehonorar", kostnadskontoer: ["5330"], periodiseringskontoer: [], type: "ytelse", agaPliktig: true },
  { id: "AGA", navn: "Arbeidsgiveravgift", kostnadskontoer: ["5400", "5405"], periodiseringskontoer: ["2780", "2781"], type: "aga", agaPliktig: false },
];

/** The year's a-melding figures (after replacements), summed over months and virksomheter. */
export interface Rf1022Amelding {
  /** The months the meldinger cover, `2026-01` … */
  readonly maaneder: readonly string[];
  /** Σ inntekt/beloep. */
  readonly inntekt: Ore;
  /** Σ avgiftsgrunnlagBeloep (every AGA line of every zone). */
  readonly agaGrunnlag: Ore;
  /** Σ sumArbeidsgiveravgift. */
  readonly arbeidsgiveravgift: Ore;
}

export interface Rf1022Input {
  readonly virksomhet?: string;
  readonly orgnr?: string;
  readonly aar: number;
  readonly grupper: readonly Rf1022Gruppe[];
  /** The accounts of the groups as the ledger holds them (an account the chart lacks is absent: 0). */
  readonly hovedbok: readonly HovedbokKonto[];
  readonly amelding: Rf1022Amelding;
  /** Differences up to this are rounding (the a-melding's AGA is whole kroner per month). Default 1 kr. */
  readonly toleranse?: Ore;
}

/** One account's line: a cost account has A, an accrual account B and C. */
export interface Rf1022Line {
  readonly konto: string;
  readonly rolle: "kostnad" | "periodisering";
  /** Whether the ledger has the account (an absent one counts 0). */
  readonly iHovedbok: boolean;
  readonly A: Ore;
  readonly B: Ore;
  readonly C: Ore;
  readonly D: Ore;
}

export interface Rf1022GroupResult {
  readonly gruppe: Rf1022Gruppe;
  readonly linjer: readonly Rf1022Line[];
  readonly A: Ore;
  readonly B: Ore;
  readonly C: Ore;
  readonly D: Ore;
}

export type Rf1022ControlKind = "ytelser" | "agaGrunnlag" | "aga";

export interface Rf1022Control {
  readonly kind: Rf1022ControlKind;
  readonly navn: string;
  /** The groups whose D it sums, by id. */
  readonly grupper: readonly string[];
  readonly regnskap: Ore;
  readonly amelding: Ore;
  /** regnskap − amelding. */
  readonly differanse: Ore;
}

export interface Rf1022Flag {
  readonly kontroll: Rf1022ControlKind;
  /** The groups it concerns, by name. */
  readonly grupper: readonly string[];
  readonly belop: Ore;
  readonly melding: string;
}

export interface Rf1022 {
  readonly input: Rf1022Input;
  readonly toleranse: Ore;
  readonly grupper: readonly Rf1022GroupResult[];
  readonly kontroller: readonly Rf1022Control[];
  readonly flags: readonly Rf1022Flag[];
}

export const RF1022_DEFAULT_TOLERANCE = asOre(100);

/** Every account the groups name, each once, in group order. */
export function rf1022Kontoer(grupper: readonly Rf1022Gruppe[]): string[] {
  return [...new Set(grupper.flatMap((g) => [...g.kostnadskontoer, ...g.periodiseringskontoer]))];
}

const CONTROL_NAMES: Readonly<Record<Rf1022ControlKind, string>> = {
  ytelser: "Innberetningspliktige ytelser",
  agaGrunnlag: "Grunnlag for arbeidsgiveravgift",
  aga: "Arbeidsgiveravgift",
};

const CONTROL_HINTS: Readonly<Record<Rf1022ControlKind, string>> = {
  ytelser: "lønn bokført uten å være rapportert i a-meldingen, rapportert uten å være bokført, eller en periodisering (B, C) som mangler",
  agaGrunnlag: "en ytelse med feil AGA-plikt i lønnssystemet, eller avgiftspliktig lønn bokført utenfor gruppene",
  aga: "AGA bokført med en annen sats eller sone enn a-meldingen, eller en AGA-korreksjon som bare står i regnskapet",
};

export function buildRf1022(input: Rf1022Input): Checked<Rf1022> {
  const problems = new ProblemList();
  if (input.grupper.length === 0) problems.add("RF-1022 trenger minst én kontogruppe.");
  const ids = new Set<string>();
  const seen = new Map<string, string>();
  for (const g of input.grupper) {
    if (!g.id.trim() || !g.navn.trim()) problems.add("En kontogruppe mangler id eller navn.");
    if (ids.has(g.id)) problems.add(`Kontogruppen «${g.id}» står to ganger.`);
    ids.add(g.id);
    for (const k of [...g.kostnadskontoer, ...g.periodiseringskontoer]) {
      const other = seen.get(k);
      if (other !== undefined) problems.add(`Konto ${k} står i både «${other}» og «${g.navn}»; en konto kan bare telle i én gruppe.`);
      seen.set(k, g.navn);
    }
  }
  const ledger = new Map(input.hovedbok.map((k) => [k.konto, k]));
  for (const k of input.hovedbok) {
    for (const p of k.posteringer) {
      if (Number(p.dato.slice(0, 4)) !== input.aar) problems.add(`Konto ${k.konto}: posteringen ${p.dato} er utenfor året ${input.aar}.`);
    }
  }
  const toleranse = input.toleranse ?? RF1022_DEFAULT_TOLERANCE;
  if (toleranse < 0) problems.add("Toleransen kan ikke være negativ.");
  const refused = problems.error();
  if (refused) return refused;

  const line = (konto: string, rolle: Rf1022Line["rolle"]): Rf1022Line => {
    const k = ledger.get(konto);
    const movement = sumOre((k?.posteringer ?? []).map((p) => p.belop));
    if (rolle === "kostnad") return { konto, rolle, iHovedbok: k !== undefined, A: movement, B: ORE_ZERO, C: ORE_ZERO, D: movement };
    const ib = k?.ib ?? ORE_ZERO;
    const B = negateOre(ib);
    const C = negateOre(asOre(ib + movement));
    return { konto, rolle, iHovedbok: k !== undefined, A: ORE_ZERO, B, C, D: minusOre(B, C) };
  };
  const grupper: Rf1022GroupResult[] = input.grupper.map((gruppe) => {
    const linjer = [...gruppe.kostnadskontoer.map((k) => line(k, "kostnad")), ...gruppe.periodiseringskontoer.map((k) => line(k, "periodisering"))];
    const A = sumOre(linjer.map((l) => l.A));
    const B = sumOre(linjer.map((l) => l.B));
    const C = sumOre(linjer.map((l) => l.C));
    return { gruppe, linjer, A, B, C, D: minusOre(asOre(A + B), C) };
  });

  const a = input.amelding;
  const control = (kind: Rf1022ControlKind, of: (g: Rf1022Gruppe) => boolean, amelding: Ore): Rf1022Control => {
    const members = grupper.filter((g) => of(g.gruppe));
    const regnskap = sumOre(members.map((g) => g.D));
    return { kind, navn: CONTROL_NAMES[kind], grupper: members.map((g) => g.gruppe.id), regnskap, amelding, differanse: minusOre(regnskap, amelding) };
  };
  const controls = [
    control("ytelser", (g) => g.type === "ytelse", a.inntekt),
    control("agaGrunnlag", (g) => g.type === "ytelse" && g.agaPliktig, a.agaGrunnlag),
    control("aga", (g) => g.type === "aga", a.arbeidsgiveravgift),
  ];
  const names = (c: Rf1022Control) => c.grupper.map((id) => grupper.find((g) => g.gruppe.id === id)?.gruppe.navn ?? id);
  const flags: Rf1022Flag[] = controls
    .filter((c) => overTolerance(c.differanse, toleranse))
    .map((c) => ({
      kontroll: c.kind,
      grupper: names(c),
      belop: c.differanse,
      melding:
        `${c.navn} (${names(c).join(", ") || "ingen grupper"}): etter regnskapet (D) ${kronerText(c.regnskap)} kr, i a-meldingene ${kronerText(c.amelding)} kr; ` +
        `differansen ${kronerText(c.differanse)} kr må forklares før oppstillingen signeres (${CONTROL_HINTS[c.kind]}).`,
    }));
  return { input, toleranse, grupper, kontroller: controls, flags };
}
