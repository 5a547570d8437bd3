/**
 * A voucher (bilag) as every part of the product builds and exports it: the SPK
 * korreksjonsbilag, the payroll voucher (lønnsbilag) and the trekk corrections. Field names are
 * the `--json` format's (`konto`, `belop`, `tekst`); amounts are signed øre, debit positive.
 */
import { Ore } from "../money/ore";

/** One dimension value and its weight when a line is spread over several values. */
export interface DimensjonsAndel {
  readonly verdi: string;
  readonly vekt: number;
}

/**
 * A Unit4 dimension (dim_1 … dim_7): koststed, prosjekt, …
 * `verdi` is the single value for every line; `fordeling` spreads the cost lines over several
 * values in proportion to the weights (the FORDEL rule).
 */
export interface Dimensjon {
  /** 1–7: the Unit4 dimension slot. */
  readonly nummer: number;
  readonly navn: string;
  readonly verdi?: string;
  readonly fordeling?: readonly DimensjonsAndel[];
  /** When true an export refuses a cost line without a value for it. */
  readonly pakrevd?: boolean;
}

/** One voucher line. */
export interface Bilagslinje {
  /** The termin, or null for a voucher that is not a termin's (the year, a pay run). */
  readonly termin: number | null;
  /** 1-based line number within the voucher. */
  readonly linje: number;
  readonly konto: string;
  /** Signed, debit positive. */
  readonly belop: Ore;
  readonly tekst: string;
  /** Dimension values by Unit4 slot (1–7). */
  readonly dimensjoner: Readonly<Record<number, string>>;
}

export interface Bilag {
  /** Stable id within the workbook, e.g. "SPK-2024-T1", "LONN-2026-01-23". */
  readonly id: string;
  readonly termin: number | null;
  readonly tekst: string;
  /** ISO date and YYYYMM period the voucher is posted in. */
  readonly dato: string;
  readonly periode: string;
  readonly linjer: readonly Bilagslinje[];
}
