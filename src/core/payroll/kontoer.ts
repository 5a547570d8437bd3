/**
 * Accounts for the payroll voucher, NS 4102 numbers by default (Skatteetaten's SAF-T standard
 * accounts, S22 in rates-and-rules.md §5.1); every one can be overridden.
 *
 * There is no account for the employee's trygdeavgift: it is part of the tax withheld
 * (forskuddstrekk/tabelltrekk adds trygdeavgift into one annual tax, Skatteetaten's trekkrutine,
 * S7) and is booked with it on 2600 (S22). 2630 in NS 4102 is «Trygdetrekk» (NAV claims), not
 * trygdeavgift. See rates-and-rules.md §1.4 and §6.
 */
export interface LonnsKontoer {
  /** 5000 Lønn til ansatte: gross pay, debit. */
  readonly lonn: string;
  /** 2600 Forskuddstrekk: tax withheld, including the employee's trygdeavgift. */
  readonly forskuddstrekk: string;
  /** 2640 Forsikringstrekk. */
  readonly forsikringstrekk: string;
  /** 2650 Trukket fagforeningskontingent. */
  readonly fagforeningstrekk: string;
  /** 2690 Andre trekk: the default for named other deductions. */
  readonly andreTrekk: string;
  /** 2930 Skyldig lønn: net pay, credit. */
  readonly skyldigLonn: string;
  /** 5400 Arbeidsgiveravgift. */
  readonly aga: string;
  /** 2770 Skyldig arbeidsgiveravgift. */
  readonly skyldigAga: string;
  /** Ekstra AGA (2023–2024): cost and payable, by default the same accounts as ordinary AGA. */
  readonly ekstraAga: string;
  readonly skyldigEkstraAga: string;
  /** 5092 Feriepenger: the accrual of this run's feriepenger, debit. */
  readonly feriepenger: string;
  /** 2940 Skyldige feriepenger. */
  readonly skyldigeFeriepenger: string;
  /** 5405 Arbeidsgiveravgift av påløpte feriepenger. */
  readonly agaFeriepenger: string;
  /** 2781 Påløpt arbeidsgiveravgift ferielønn. */
  readonly paloptAgaFeriepenger: string;
}

export const NS4102_LONNSKONTOER: LonnsKontoer = {
  lonn: "5000",
  forskuddstrekk: "2600",
  forsikringstrekk: "2640",
  fagforeningstrekk: "2650",
  andreTrekk: "2690",
  skyldigLonn: "2930",
  aga: "5400",
  skyldigAga: "2770",
  ekstraAga: "5400",
  skyldigEkstraAga: "2770",
  feriepenger: "5092",
  skyldigeFeriepenger: "2940",
  agaFeriepenger: "5405",
  paloptAgaFeriepenger: "2781",
};
