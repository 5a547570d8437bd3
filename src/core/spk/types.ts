/**
 * The SPK pension-premium reconciliation (DFØ A10 brutto / A11 netto), as data.
 * Column letters are DFØ's (DESIGN.md §3.1); amounts are whole øre (core/money/ore), field names
 * the scenario file's (DESIGN.md §7).
 */
import { Ore } from "../money/ore";
import { Dimensjon } from "../voucher/types";

export type { Bilag, Bilagslinje, Dimensjon, DimensjonsAndel } from "../voucher/types";

export type Budsjettering = "brutto" | "netto";
/** `terminvis`: one voucher per termin (DFØ's recommendation). `arsslutt`: one voucher for the year. */
export type Modus = "terminvis" | "arsslutt";

/** Accounts used by the vouchers and the balance control. Defaults from the DFØ guide; per workbook. */
export interface Kontoer {
  /** 5420: the difference is posted here (resultatføres). */
  readonly differanse: string;
  /** 2810 (brutto): provision, employer share. */
  readonly avsetningBrutto: string;
  /** 2820 (brutto): invoice remainder, cleared by the voucher. */
  readonly fakturadifferanse: string;
  /** 2961 (netto): provision and invoice, employer share. */
  readonly avsetningNetto: string;
  /** 2630: member share (medlemsinnskudd). */
  readonly medlemsinnskudd: string;
  /** 5401: computed AGA on the difference. */
  readonly agaKostnad: string;
  /** 1986 (brutto): AGA settled through the mellomværende with statskassen. */
  readonly agaMotkontoBrutto: string;
  /** 2771 (netto): AGA payable. */
  readonly agaMotkontoNetto: string;
}

export const DEFAULT_KONTOER: Kontoer = {
  differanse: "5420",
  avsetningBrutto: "2810",
  fakturadifferanse: "2820",
  avsetningNetto: "2961",
  medlemsinnskudd: "2630",
  agaKostnad: "5401",
  agaMotkontoBrutto: "1986",
  agaMotkontoNetto: "2771",
};

/** Everything the workbook's header block and `_lonn` sheet hold. */
export interface Oppsett {
  readonly virksomhet: string;
  readonly orgnr?: string;
  readonly aar: number;
  readonly budsjettering: Budsjettering;
  readonly modus: Modus;
  /** The virksomhet's average AGA rate as a fraction (0.1387). */
  readonly agaSats: number;
  /** |G|, |H| or |I| above this needs an explanation. Default 1 kr. */
  readonly toleranse: Ore;
  /** A difference is material when |Q| > vesentlighetsgrense × (B + C). Default 0.05. */
  readonly vesentlighetsgrense: number;
  readonly kontoer: Kontoer;
  readonly dimensjoner: readonly Dimensjon[];
  /** Unit4 voucher type (bilagsart) for the korreksjonsbilag. */
  readonly bilagsart: string;
  /** Unit4 company code (firmakode / client) for GL07. */
  readonly firma: string;
}

export const DEFAULT_TOLERANSE = 100 as Ore;
export const DEFAULT_VESENTLIGHETSGRENSE = 0.05;

/**
 * Where a termin's figures come from: SAP (B, C), Unit4 (D, E, F), the SPK invoice (K–N). A termin
 * lacking one is not reconciled: its figures are not 0, they are missing.
 */
export type Source = "sap" | "unit4" | "faktura";

/**
 * One termin's inputs. Within a source that is there, an empty amount is 0; a source that is not
 * there at all is listed in `mangler` (its amounts read 0 but mean nothing).
 */
export interface TerminInput {
  /** 1–6. */
  readonly termin: number;
  /** The sources this termin has no figures from; absent or empty: it has them all. */
  readonly mangler?: readonly Source[];
  /** B: SAP arbeidsgiverandel (wage-type report CUS&OPAL34). */
  readonly sapArbeidsgiverandel: Ore;
  /** C: SAP medlemsinnskudd (CUS&OPAL75). */
  readonly sapMedlemsinnskudd: Ore;
  /** D: Unit4 booked pension expense. */
  readonly unit4Pensjonsutgift: Ore;
  /** E: Unit4 provision, employer share (2810 brutto / 2961 netto). */
  readonly unit4AvsetningArbeidsgiverandel: Ore;
  /** F: Unit4 medlemsinnskudd (2630). */
  readonly unit4Medlemsinnskudd: Ore;
  /** J: explanation of G/H/I differences. */
  readonly forklaring?: string;
  /** K: invoice / voucher number. */
  readonly fakturanummer?: string;
  /** L: invoice, employer share incl. administration (2810 brutto / 2961 netto). */
  readonly fakturaArbeidsgiverandel: Ore;
  /** M: invoice remainder booked on 2820 (brutto only; 0 netto). */
  readonly fakturaDifferanse: Ore;
  /** N: invoice, member share (2630). */
  readonly fakturaMedlemsinnskudd: Ore;
  /** U, V, W: status code, signature, date (text as typed). */
  readonly status?: string;
  readonly signatur?: string;
  readonly dato?: string;
}

/** The scenario file of `lonn avstem` (DESIGN.md §7): the header plus the termins. */
export interface Scenario extends Partial<Omit<Oppsett, "virksomhet" | "aar" | "budsjettering" | "agaSats" | "kontoer">> {
  readonly virksomhet: string;
  readonly aar: number;
  readonly budsjettering: Budsjettering;
  readonly agaSats: number;
  readonly kontoer?: Partial<Kontoer>;
  readonly terminer: readonly TerminInput[];
  /** For the A-melding split (DESIGN.md §3.3). */
  readonly virksomheter?: readonly VirksomhetGrunnlag[];
  /** For the year-end balance control (DESIGN.md §3.4). */
  readonly saldoer?: readonly KontoSaldo[];
  /** For the year-end AGA adjustment: the actual rate through period 11. */
  readonly oppdatertAgaSats?: number;
  /** The exports may have rows that are exact copies of each other, and both count (default: such a row is refused). */
  readonly acceptCopies?: boolean;
}

export type FlagKind =
  /** |G|, |H| or |I| above the tolerance and no explanation in J. */
  | "uforklart"
  /** |Q| above the tolerance and > vesentlighetsgrense × (B + C). */
  | "vesentlig"
  /** Brutto: O or P is not 0, so the invoice was not posted by DFØ's rule. */
  | "posteringsregel"
  /** Year end: a control account's balance is not 0 (DESIGN.md §3.4). */
  | "saldo"
  /** A signed termin whose figures changed since it was signed (core/spk/sign-off.ts). */
  | "endretEtterSignering";

export interface Flag {
  readonly kind: FlagKind;
  readonly termin: number | null;
  /** The columns the flag is about, e.g. ["G", "H"]. */
  readonly kolonner: readonly string[];
  /** The control account of a year-end balance flag. */
  readonly konto?: string;
  /** Norwegian text for the user. */
  readonly melding: string;
}

/** One termin's figures, DESIGN.md §3.1. All kroner, exact to the øre. */
export interface TerminResult {
  readonly termin: number;
  readonly input: TerminInput;
  /**
   * True when SAP and the invoice are there, so the difference to post can be computed. A termin
   * that is not reconciled has no O, P, Q, R or T (empty in the sheet, null in --json; 0 here),
   * posts no voucher and raises no flag about them. G, H and I likewise need SAP and Unit4;
   * `input.mangler` says what is missing.
   */
  readonly avstemt: boolean;
  readonly G: Ore;
  readonly H: Ore;
  readonly I: Ore;
  readonly O: Ore;
  readonly P: Ore;
  readonly Q: Ore;
  /** The difference to post (resultatføres): brutto M, netto Q. */
  readonly R: Ore;
  /** The average AGA rate (fraction). */
  readonly S: number;
  /** round(R × S, 2). */
  readonly T: Ore;
  readonly flags: readonly Flag[];
}

/** Column sums of the Sum row (B–I, L–T). */
export interface Summer {
  readonly B: Ore; readonly C: Ore; readonly D: Ore; readonly E: Ore; readonly F: Ore;
  readonly G: Ore; readonly H: Ore; readonly I: Ore;
  readonly L: Ore; readonly M: Ore; readonly N: Ore;
  readonly O: Ore; readonly P: Ore; readonly Q: Ore; readonly R: Ore; readonly T: Ore;
}

/** A balance for the year-end control: IB and the year's movement, debit positive. */
export interface KontoSaldo {
  readonly konto: string;
  readonly ib: Ore;
  readonly bevegelse: Ore;
}

export interface SaldoKontroll {
  readonly konto: string;
  readonly ib: Ore;
  readonly bevegelse: Ore;
  readonly ub: Ore;
  readonly forventet: Ore;
  readonly differanse: Ore;
}

/** The year-end AGA adjustment: round(ΣR × new rate, 2) − ΣT. */
export interface AgaJustering {
  readonly nySats: number;
  readonly sumR: Ore;
  /**
   * The AGA already posted for the year: ΣT in modus terminvis, round(ΣR × S, 2) in modus
   * årsslutt (the same as `Avstemming.aarsAga`), so the adjustment corrects what was posted.
   */
  readonly sumT: Ore;
  readonly nyAga: Ore;
  readonly justering: Ore;
}

export interface Avstemming {
  readonly oppsett: Oppsett;
  readonly terminer: readonly TerminResult[];
  readonly sum: Summer;
  readonly flags: readonly Flag[];
  readonly saldokontroll: readonly SaldoKontroll[];
  readonly agaJustering?: AgaJustering;
  /**
   * The AGA the year's vouchers post in total: ΣT (terminvis) or round(ΣR × S, 2) (årsslutt,
   * where T per termin is still shown but one year voucher is posted). Always set by `avstem`.
   */
  readonly aarsAga?: Ore;
}

/** AGA basis on wages per virksomhetsnummer, for the A-melding split (DESIGN.md §3.3). */
export interface VirksomhetGrunnlag {
  readonly virksomhetsnummer: string;
  readonly navn?: string;
  /** Zone (I … V) or kommunenummer. */
  readonly sone: string;
  readonly grunnlag: Ore;
}
