/**
 * The SPK pension-premium reconciliation (DFØ A10 brutto / A11 netto), as data.
 * Column letters are DFØ's (DESIGN.md §3.1); amounts are kroner as numbers with whole øre.
 */

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

/** One dimension value and its weight when a line is spread over several values. */
export interface DimensjonsAndel {
  readonly verdi: string;
  readonly vekt: number;
}

/**
 * A Unit4 dimension (dim_1 … dim_7): koststed, prosjekt, …
 * `verdi` is the single value for every line; `fordeling` spreads the cost lines (5420, 5401)
 * over several values in proportion to the weights (the FORDEL rule).
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

/** Everything the workbook's header block and `_lonn` sheet hold. */
export interface Oppsett {
  readonly virksomhet: string;
  readonly orgnr?: string;
  readonly aar: number;
  readonly budsjettering: Budsjettering;
  readonly modus: Modus;
  /** The virksomhet's average AGA rate as a fraction (0.1387). */
  readonly agaSats: number;
  /** |G|, |H| or |I| above this (kroner) needs an explanation. Default 1. */
  readonly toleranse: number;
  /** A difference is material when |Q| > vesentlighetsgrense × (B + C). Default 0.05. */
  readonly vesentlighetsgrense: number;
  readonly kontoer: Kontoer;
  readonly dimensjoner: readonly Dimensjon[];
  /** Unit4 voucher type (bilagsart) for the korreksjonsbilag. */
  readonly bilagsart: string;
  /** Unit4 company code (firmakode / client) for GL07. */
  readonly firma: string;
}

export const DEFAULT_TOLERANSE = 1;
export const DEFAULT_VESENTLIGHETSGRENSE = 0.05;

/** One termin's inputs. Missing amounts are 0; missing texts are "". */
export interface TerminInput {
  /** 1–6. */
  readonly termin: number;
  /** B: SAP arbeidsgiverandel (wage-type report CUS&OPAL34). */
  readonly sapArbeidsgiverandel: number;
  /** C: SAP medlemsinnskudd (CUS&OPAL75). */
  readonly sapMedlemsinnskudd: number;
  /** D: Unit4 booked pension expense. */
  readonly unit4Pensjonsutgift: number;
  /** E: Unit4 provision, employer share (2810 brutto / 2961 netto). */
  readonly unit4AvsetningArbeidsgiverandel: number;
  /** F: Unit4 medlemsinnskudd (2630). */
  readonly unit4Medlemsinnskudd: number;
  /** J: explanation of G/H/I differences. */
  readonly forklaring?: string;
  /** K: invoice / voucher number. */
  readonly fakturanummer?: string;
  /** L: invoice, employer share incl. administration (2810 brutto / 2961 netto). */
  readonly fakturaArbeidsgiverandel: number;
  /** M: invoice remainder booked on 2820 (brutto only; 0 netto). */
  readonly fakturaDifferanse: number;
  /** N: invoice, member share (2630). */
  readonly fakturaMedlemsinnskudd: number;
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
}

export type FlagKind =
  /** |G|, |H| or |I| above the tolerance and no explanation in J. */
  | "uforklart"
  /** |Q| > vesentlighetsgrense × (B + C). */
  | "vesentlig"
  /** Brutto: O or P is not 0, so the invoice was not posted by DFØ's rule. */
  | "posteringsregel";

export interface Flag {
  readonly kind: FlagKind;
  readonly termin: number | null;
  /** The columns the flag is about, e.g. ["G", "H"]. */
  readonly kolonner: readonly string[];
  /** Norwegian text for the user. */
  readonly melding: string;
}

/** One termin's figures, DESIGN.md §3.1. All kroner, exact to the øre. */
export interface TerminResultat {
  readonly termin: number;
  readonly input: TerminInput;
  readonly G: number;
  readonly H: number;
  readonly I: number;
  readonly O: number;
  readonly P: number;
  readonly Q: number;
  /** The difference to post (resultatføres): brutto M, netto Q. */
  readonly R: number;
  /** The average AGA rate (fraction). */
  readonly S: number;
  /** round(R × S, 2). */
  readonly T: number;
  readonly flags: readonly Flag[];
}

/** Column sums of the Sum row (B–I, L–T). */
export interface Summer {
  readonly B: number; readonly C: number; readonly D: number; readonly E: number; readonly F: number;
  readonly G: number; readonly H: number; readonly I: number;
  readonly L: number; readonly M: number; readonly N: number;
  readonly O: number; readonly P: number; readonly Q: number; readonly R: number; readonly T: number;
}

/** A balance for the year-end control: IB and the year's movement, debit positive. */
export interface KontoSaldo {
  readonly konto: string;
  readonly ib: number;
  readonly bevegelse: number;
}

export interface SaldoKontroll {
  readonly konto: string;
  readonly ib: number;
  readonly bevegelse: number;
  readonly ub: number;
  readonly forventet: number;
  readonly differanse: number;
}

/** The year-end AGA adjustment: round(ΣR × new rate, 2) − ΣT. */
export interface AgaJustering {
  readonly nySats: number;
  readonly sumR: number;
  /**
   * The AGA already posted for the year: ΣT in modus terminvis, round(ΣR × S, 2) in modus
   * årsslutt (the same as `Avstemming.aarsAga`), so the adjustment corrects what was posted.
   */
  readonly sumT: number;
  readonly nyAga: number;
  readonly justering: number;
}

export interface Avstemming {
  readonly oppsett: Oppsett;
  readonly terminer: readonly TerminResultat[];
  readonly sum: Summer;
  readonly flags: readonly Flag[];
  readonly saldokontroll: readonly SaldoKontroll[];
  readonly agaJustering?: AgaJustering;
  /**
   * The AGA the year's vouchers post in total: ΣT (terminvis) or round(ΣR × S, 2) (årsslutt,
   * where T per termin is still shown but one year voucher is posted). Always set by `avstem`.
   */
  readonly aarsAga?: number;
}

/** AGA basis on wages per virksomhetsnummer, for the A-melding split (DESIGN.md §3.3). */
export interface VirksomhetGrunnlag {
  readonly virksomhetsnummer: string;
  readonly navn?: string;
  /** Zone (I … V) or kommunenummer. */
  readonly sone: string;
  readonly grunnlag: number;
}

/** One voucher line. Amounts signed, debit positive. */
export interface Bilagslinje {
  /** The termin, or null for the year voucher (årsslutt) and the year-end AGA adjustment. */
  readonly termin: number | null;
  /** 1-based line number within the voucher. */
  readonly linje: number;
  readonly konto: string;
  readonly belop: number;
  readonly tekst: string;
  /** Dimension values by Unit4 slot (1–7). */
  readonly dimensjoner: Readonly<Record<number, string>>;
}

export interface Bilag {
  /** Stable id within the workbook, e.g. "SPK-2024-T1", "SPK-2024-AAR", "SPK-2024-AGAJUST". */
  readonly id: string;
  readonly termin: number | null;
  readonly tekst: string;
  /** ISO date and YYYYMM period the voucher is posted in. */
  readonly dato: string;
  readonly periode: string;
  readonly linjer: readonly Bilagslinje[];
}
