/**
 * The trekk and AGA reconciliation's figures (DESIGN.md §8.3), per account and month, per pay date
 * or termin, per AGA termin and per counterparty and month, with the flags. Amounts are whole øre;
 * balances signed, debit positive (a liability is negative); påløpt and betalt positive. Dates ISO,
 * months `YYYY-MM`. Field names are the `--json` format's.
 */
import { Ore } from "../money/ore";
import { Zone } from "../rates/aga";
import { Gjelder, TrekkKontoer, TrekkScenario } from "./types";

/** One account's roll-forward for one month: ib − paalopt + betalt = forventetUb; differanse = hovedbokUb − forventetUb. */
export interface Kontroll {
  readonly konto: string;
  readonly gjelder: Gjelder;
  /** `2026-01`. */
  readonly periode: string;
  readonly maaned: number;
  /** January: the ledger's IB; later months: the previous month's ledger UB. */
  readonly ib: Ore;
  readonly paalopt: Ore;
  readonly betalt: Ore;
  readonly forventetUb: Ore;
  readonly hovedbokUb: Ore;
  readonly differanse: Ore;
}

/** How an amount owed was paid against its due date. */
export interface Settlement {
  readonly betalt: Ore;
  /** ISO due date (moved by skattebetalingsloven § 10-2). */
  readonly forfall: string;
  /** The date of the last payment against it; null when nothing was paid. */
  readonly betaltDato: string | null;
  /** Calendar days from the due date to betaltDato, 0 when on time; null when nothing was paid. */
  readonly dagerForsinket: number | null;
}

/**
 * Forskuddstrekk owed on one pay date (from 2026), or for one termin (up to 2025), or the previous
 * year's termin 6 settled in January (`aar` = the year before; `trekk` is then the opening balance
 * of the ledger, what was owed on 1 January, and `amelding` null).
 */
export interface ForskuddstrekkRow extends Settlement {
  readonly utbetalingsdato: string | null;
  readonly termin: number | null;
  readonly aar: number;
  readonly trekk: Ore;
  /** What the a-melding reported for it; null when no a-melding covers it. */
  readonly amelding: Ore | null;
}

/**
 * AGA for one termin; or the previous year's termin 6 (`aar` the year before: `beregnet` is then
 * the ledger's opening balance, what was owed on 1 January, and `amelding` null).
 */
export interface AgaTerminRow extends Settlement {
  readonly termin: number;
  readonly aar: number;
  /** Σ over the termin's months and zones of ROUND(grunnlag × rate, 2). */
  readonly beregnet: Ore;
  /** Σ sumArbeidsgiveravgift of the termin's a-meldinger; null when there is none. */
  readonly amelding: Ore | null;
}

/** One month's AGA basis per zone (from payroll) and the AGA on it at the rules' rates. */
export interface AgaMonth {
  readonly periode: string;
  readonly maaned: number;
  readonly grunnlag: Readonly<Record<Zone, Ore>>;
  /** Σ over zones of ROUND(grunnlag × rate, 2). */
  readonly beregnet: Ore;
  /** The month's a-melding sumArbeidsgiveravgift; null when there is no a-melding for the month. */
  readonly amelding: Ore | null;
}

/** An insurer's or union's account for one month: trekk from payroll against the invoice or trekkliste. */
export interface MottakerRow {
  readonly konto: string;
  readonly periode: string;
  readonly maaned: number;
  /** The counterparties invoicing this account. */
  readonly navn: readonly string[];
  readonly trekk: Ore;
  readonly fakturert: Ore;
  /** fakturert − trekk. */
  readonly differanse: Ore;
}

export type TrekkFlagKind =
  /** Paid after the due date. */
  | "forsinket"
  /** Paid less than owed (nothing, or too little) by a due date inside the reconciled months. */
  | "underbetalt"
  /** Paid more than owed. */
  | "overbetalt"
  /** Payroll and the a-melding disagree, or a month with pay has no a-melding. */
  | "avvikAmelding"
  /** Payroll and the invoice or trekkliste disagree. */
  | "avvikFaktura"
  /** The ledger's balance is not the roll-forward's. */
  | "avvikHovedbok"
  /** The a-melding used another AGA rate than the rules' rate for the zone and year. */
  | "feilSats"
  /** A signed period whose figures changed after it was signed. */
  | "endretEtterSignering";

/** Which table of the sheet a flag sits beside. */
export type FlagTable = "kontroll" | "forskuddstrekk" | "aga" | "agaGrunnlag" | "mottaker" | "signering";

export interface TrekkFlag {
  readonly kind: TrekkFlagKind;
  readonly konto: string;
  /** One of periode (YYYY-MM), dato (a pay date) or termin (with its aar). */
  readonly periode?: string;
  readonly dato?: string;
  readonly termin?: number;
  readonly aar?: number;
  /** The amount concerned, positive: the difference, or what was paid late. */
  readonly belop: Ore;
  /** Norwegian: what is wrong, where, how much, and what to do. */
  readonly melding: string;
  readonly table: FlagTable;
}

export interface TrekkAvstemming {
  readonly scenario: TrekkScenario;
  readonly kontoer: TrekkKontoer;
  readonly toleranse: Ore;
  /** The months reconciled: 1 … the last month of the year with any input. */
  readonly maaneder: number;
  /** The last day of the last month reconciled: unpaid amounts due after it are not yet flagged. */
  readonly sluttdato: string;
  /** Up to 2025 forskuddstrekk is paid per termin; from 2026 per pay date. */
  readonly forskuddstrekkPerTermin: boolean;
  readonly kontroller: readonly Kontroll[];
  readonly forskuddstrekk: readonly ForskuddstrekkRow[];
  readonly agaGrunnlag: readonly AgaMonth[];
  readonly aga: readonly AgaTerminRow[];
  readonly mottakere: readonly MottakerRow[];
  /** Per month and zone, the rules' rate (a fraction) used; the same for every month of a year. */
  readonly satser: Readonly<Record<Zone, number>>;
  readonly flags: readonly TrekkFlag[];
}
