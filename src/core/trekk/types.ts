/**
 * The trekk and arbeidsgiveravgift reconciliation (DESIGN.md §8): its inputs, normalised. This is
 * the scenario file of `lonn trekk` (DESIGN.md §8.5), and what every reader produces: the a-melding
 * XML, the ledger (SAF-T, Unit4, a generic CSV), the payroll journal, the payments and the
 * insurers' and unions' lists. Field names are the scenario file's; amounts are whole øre;
 * dates are ISO (`2026-01-23`), months `YYYY-MM`.
 */
import { Ore } from "../money/ore";

/** The liability accounts reconciled (NS 4102 defaults; all overridable). */
export interface TrekkKontoer {
  /** 2600 Forskuddstrekk (the employee's trygdeavgift included). */
  readonly forskuddstrekk: string;
  /** 2770 Skyldig arbeidsgiveravgift. */
  readonly aga: string;
  /** 2640 Forsikringstrekk. */
  readonly forsikringstrekk: string;
  /** 2650 Trukket fagforeningskontingent. */
  readonly fagforeningstrekk: string;
}

export const DEFAULT_TREKK_KONTOER: TrekkKontoer = {
  forskuddstrekk: "2600",
  aga: "2770",
  forsikringstrekk: "2640",
  fagforeningstrekk: "2650",
};

/** What a payment settles; the liability it belongs to. */
export type Gjelder = keyof TrekkKontoer;

/** AGA basis for one zone (a zone I…V, an a-melding code 1…5 / 1a / 4a, or a kommunenummer). */
export interface AgaGrunnlagLinje {
  readonly sone: string;
  readonly grunnlag: Ore;
}

/** One pay run from the payroll journal. */
export interface Lonnskjoring {
  readonly utbetalingsdato: string;
  readonly forskuddstrekk: Ore;
  readonly forsikringstrekk: Ore;
  readonly fagforeningstrekk: Ore;
  readonly agaGrunnlag: readonly AgaGrunnlagLinje[];
  /** The sub-unit the run belongs to, when the journal has several. */
  readonly virksomhetsnummer?: string;
}

/** The a-melding's AGA basis for one zone, with the rate it reported. */
export interface AmeldingAgaLinje {
  /** The a-melding's zone code: 1, 1a, 2, 3, 4, 4a, 5. */
  readonly sone: string;
  readonly grunnlag: Ore;
  /** Percent as the a-melding writes it (14.1). */
  readonly prosentsats: number;
  /** The virksomhet (underenhet) that reported it. */
  readonly virksomhetsnummer?: string;
}

/** One calendar month's a-melding (after replacements): what was reported. */
export interface AmeldingMaaned {
  /** `2026-01`. */
  readonly kalendermaaned: string;
  readonly sumForskuddstrekk: Ore;
  readonly sumArbeidsgiveravgift: Ore;
  readonly forskuddstrekkPerUtbetalingsdato: readonly { readonly dato: string; readonly belop: Ore }[];
  readonly agaGrunnlag: readonly AmeldingAgaLinje[];
  /** The melding that stands for the month (a later one replaced the earlier via erstatterMeldingsId). */
  readonly meldingsId?: string;
  /** The opplysningspliktig (the legal entity). */
  readonly orgnr?: string;
}

/** One posting on a liability account, debit positive. */
export interface Postering {
  readonly dato: string;
  readonly belop: Ore;
  readonly tekst?: string;
}

/** A ledger account: its balance at the start of the year (debit positive) and the year's postings. */
export interface HovedbokKonto {
  readonly konto: string;
  readonly ib: Ore;
  readonly posteringer: readonly Postering[];
}

/** A payment to Skatteetaten, an insurer or a union, and what it settles. */
export interface Betaling {
  readonly dato: string;
  readonly gjelder: Gjelder;
  /** Paid, positive. */
  readonly belop: Ore;
  /** Forskuddstrekk from 2026: the pay date it settles. */
  readonly utbetalingsdato?: string;
  /** AGA (and forskuddstrekk up to 2025): the termin it settles; `aar` for the previous year's termin 6. */
  readonly termin?: number;
  readonly aar?: number;
  /** Insurance and union trekk: the month it settles, `YYYY-MM`. */
  readonly periode?: string;
}

/** A counterparty's claim: an insurer's invoice or a union's trekkliste, per month. */
export interface Mottaker {
  readonly konto: string;
  readonly navn: string;
  readonly fakturert: readonly { readonly periode: string; readonly belop: Ore }[];
}

/**
 * A ledger difference the user accepts to correct (DESIGN.md §8.3): the month's difference on
 * `konto` is posted away against `motkonto` in a correction voucher.
 */
export interface Korreksjon {
  readonly konto: string;
  /** `YYYY-MM`. */
  readonly periode: string;
  /** The account the difference is posted against (e.g. 5400 for AGA, 1920 for a bank error). */
  readonly motkonto: string;
  readonly tekst?: string;
}

/** The `lonn trekk` scenario (DESIGN.md §8.5). */
export interface TrekkScenario {
  readonly virksomhet: string;
  readonly orgnr?: string;
  readonly aar: number;
  readonly kontoer: TrekkKontoer;
  readonly lonnskjoringer: readonly Lonnskjoring[];
  readonly amelding: readonly AmeldingMaaned[];
  readonly hovedbok: readonly HovedbokKonto[];
  readonly betalinger: readonly Betaling[];
  readonly mottakere: readonly Mottaker[];
  /** Differences up to this are rounding: not flagged (core/workpaper/control.ts). Default 1 kr. */
  readonly toleranse?: Ore;
  /** Unit4 company code (GL07 `client`) and voucher type, for the correction vouchers' export. */
  readonly firma?: string;
  readonly bilagsart?: string;
  /** Ledger differences the user accepts to correct. */
  readonly korreksjoner?: readonly Korreksjon[];
  /** The import form: the exports may have rows that are exact copies of each other, and both count (default: such a row is refused). */
  readonly acceptCopies?: boolean;
}
