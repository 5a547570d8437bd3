import { controlAccounts } from "../oppsett";
import { Budsjettering, Kontoer } from "../types";
import { NUMBER_FORMATS } from "../../workpaper/write-plan";
import { withAmountWidths } from "../../workpaper/print";

/**
 * The A10/A11 reconciliation sheet's layout: every row, cell and workbook name in one place, so
 * the writer, the reader, the shells (src/excel, src/cli) and the tests agree on where things are.
 * Rows are 1-based as Excel shows them; columns are letters. DFØ's column letters A–W are the
 * sheet's own columns (the termin table starts in column A).
 *
 *   1  title
 *   2  Virksomhet                       B2 LONN_VIRKSOMHET
 *   3  labels År … Vesentlighetsgrense  (A3:F3)
 *   4  values                           A4 LONN_AAR, B4 LONN_BUDSJETTERING, C4 LONN_MODUS,
 *                                       D4 LONN_AGA_SATS, E4 LONN_TOLERANSE, F4 LONN_VESENTLIGHET
 *   5  account labels                   (B5:I5)
 *   6  accounts                         B6:I6 LONN_KONTO_* (5420, 2810, 2820, 2961, 2630, 5401, 1986, 2771)
 *   7  dimension names (Unit4 dim_1–7)  B7:H7 LONN_DIM1_NAVN … LONN_DIM7_NAVN
 *   8  dimension values                 B8:H8 LONN_DIM1_VERDI … LONN_DIM7_VERDI
 *  10  DFØ column letters A–W
 *  11  column titles                    (rows 1–11 frozen)
 *  12–17  T1–T6                         inputs B–F, J–N, U–W; formulas G–I, O–T
 *  18  Sum
 *  20  Termin-/årsavstemming: amounts per account for the korreksjonsbilag
 *  21  titles, 22 account numbers (formulas on the LONN_KONTO_* names)
 *  23–28  T1–T6, 29 the year (LONN_AGA_AAR = D29: ΣT terminvis, ROUND(ΣR×S,2) årsslutt)
 *  31  Årsavstemming – saldokontroll; 32 titles; 33–35 one row per control account
 *      (brutto 2630, 2810, 2820; netto 2630, 2961): IB and movement in, UB and difference out
 *  37  AGA adjustment; 38 titles; 39 A39 LONN_AGA_SATS_NY (input), B39 ΣR, C39 AGA posted,
 *      D39 new AGA, E39 LONN_AGA_JUSTERING
 *
 * Budsjettering and modus live in the header only (B4, C4); formulas read them through the names,
 * so flipping B4 from Brutto to Netto re-computes R and the voucher block correctly. The sheet's
 * name and title, and which control accounts the balance block lists, are chosen when the sheet
 * is made; after a flip the balance block still lists the old kind's accounts (the reader then
 * refuses them by name), so a different kind is best a new sheet.
 */

export const SHEET_NAMES: Readonly<Record<Budsjettering, string>> = { brutto: "A10 SPK brutto", netto: "A11 SPK netto" };

export const TITLES: Readonly<Record<Budsjettering, string>> = {
  brutto: "A10 Avstemming av pensjonspremie til Statens pensjonskasse – bruttobudsjetterte virksomheter",
  netto: "A11 Avstemming av pensjonspremie til Statens pensjonskasse – nettobudsjetterte virksomheter",
};

export const ROWS = {
  title: 1,
  virksomhet: 2,
  settingsLabels: 3,
  settingsValues: 4,
  accountLabels: 5,
  accountValues: 6,
  dimensionNames: 7,
  dimensionValues: 8,
  letters: 10,
  titles: 11,
  firstTermin: 12,
  lastTermin: 17,
  sum: 18,
  voucherTitle: 20,
  voucherHeader: 21,
  voucherAccounts: 22,
  voucherFirstTermin: 23,
  voucherYear: 29,
  balanceTitle: 31,
  balanceHeader: 32,
  balanceFirst: 33,
  balanceLast: 35,
  adjustTitle: 37,
  adjustLabels: 38,
  adjustValues: 39,
} as const;

/** Rows frozen at the top: everything down to the column titles. */
export const FREEZE_ROWS = ROWS.titles;

export const terminRow = (termin: number): number => ROWS.firstTermin + termin - 1;
export const voucherRow = (termin: number): number => ROWS.voucherFirstTermin + termin - 1;

/** DFØ's columns of the termin table. */
export const TABLE_COLUMNS = [
  "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W",
] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];

/** Computed columns of a termin row (the Sum row sums B–I, L–R and T). */
export const FORMULA_COLUMNS = ["G", "H", "I", "O", "P", "Q", "R", "S", "T"] as const;
export type FormulaColumn = (typeof FORMULA_COLUMNS)[number];
export const SUM_COLUMNS = ["B", "C", "D", "E", "F", "G", "H", "I", "L", "M", "N", "O", "P", "Q", "R", "T"] as const;

export const COLUMN_TITLES: Readonly<Record<TableColumn, string>> = {
  A: "Termin",
  B: "SAP arbeidsgiverandel (CUS&OPAL34)",
  C: "SAP medlemsinnskudd (CUS&OPAL75)",
  D: "Unit4 bokført pensjonsutgift",
  E: "Unit4 avsetning arbeidsgiverandel (2810 brutto / 2961 netto)",
  F: "Unit4 medlemsinnskudd (2630)",
  G: "SAP mot Unit4, utgift (B − D)",
  H: "SAP mot Unit4, avsetning (B − E)",
  I: "SAP mot Unit4, medlemsinnskudd (C − F)",
  J: "Forklaring av differanse i G, H og I",
  K: "Faktura-/bilagsnummer SPK",
  L: "Faktura arbeidsgiverandel inkl. administrasjon (2810 brutto / 2961 netto)",
  M: "Faktura, rest ført på 2820 (kun brutto)",
  N: "Faktura medlemsinnskudd (2630)",
  O: "Faktura mot SAP, arbeidsgiverandel (L − B)",
  P: "Faktura mot SAP, medlemsinnskudd (N − C)",
  Q: "Faktura mot SAP, totalt ((L+M+N) − (B+C))",
  R: "Differanse til resultatføring (brutto M, netto Q)",
  S: "AGA-snittsats",
  T: "Beregnet AGA (R × S)",
  U: "Avstemmingskode",
  V: "Signatur",
  W: "Dato",
};

/**
 * Right of DFØ's columns: the sign-off state of each termin as the last run found it («signert»,
 * «endret etter signering», empty). Written by the tool only; not one of DFØ's letters, so a
 * sheet made before it existed is still recognised as ours.
 */
export const SIGN_OFF_COLUMN = "X";
export const SIGN_OFF_TITLE = "Signering (kontrollert av tillegget)";

export const TERMIN_LABELS = ["T1", "T2", "T3", "T4", "T5", "T6"] as const;
export const SUM_LABEL = "Sum";
export const YEAR_LABEL = "År";

/**
 * Every column that holds an amount in some block (the termin table B–I, L–R, T; the voucher block
 * B, D–L; the balance and adjustment blocks B–F) is AMOUNT_COLUMN_WIDTH wide, so sums of a few
 * hundred million and vouchers of billions never print as ###.
 */
export const COLUMN_WIDTHS: Readonly<Record<string, number>> = withAmountWidths(
  { A: 16, J: 40, S: 11, U: 14, V: 16, W: 12, X: 22 },
  ["B", "C", "D", "E", "F", "G", "H", "I", "K", "L", "M", "N", "O", "P", "Q", "R", "T"],
);

/** The header's single values. */
export type ScalarKey = "virksomhet" | "aar" | "budsjettering" | "modus" | "agaSats" | "toleranse" | "vesentlighetsgrense";

export interface ScalarField {
  readonly key: ScalarKey;
  /** Workbook name of the value cell. */
  readonly name: string;
  readonly label: string;
  readonly labelCell: string;
  readonly valueCell: string;
  readonly numberFormat: string;
  /**
   * Labels (folded, without parentheses) that name this field in a hand-made sheet, where the value
   * is the cell to the right of the label.
   */
  readonly synonyms: readonly string[];
}

export const SCALAR_FIELDS: readonly ScalarField[] = [
  { key: "virksomhet", name: "LONN_VIRKSOMHET", label: "Virksomhet", labelCell: "A2", valueCell: "B2", numberFormat: NUMBER_FORMATS.text,
    synonyms: ["virksomhet", "virksomhetens navn", "virksomhetsnavn"] },
  { key: "aar", name: "LONN_AAR", label: "År", labelCell: "A3", valueCell: "A4", numberFormat: NUMBER_FORMATS.integer,
    synonyms: ["ar", "aar", "regnskapsar"] },
  { key: "budsjettering", name: "LONN_BUDSJETTERING", label: "Budsjettering (Brutto/Netto)", labelCell: "B3", valueCell: "B4",
    numberFormat: NUMBER_FORMATS.text, synonyms: ["budsjettering", "budsjetteringsform"] },
  { key: "modus", name: "LONN_MODUS", label: "Resultatføring (Terminvis/Årsslutt)", labelCell: "C3", valueCell: "C4",
    numberFormat: NUMBER_FORMATS.text, synonyms: ["resultatforing", "modus"] },
  { key: "agaSats", name: "LONN_AGA_SATS", label: "AGA-snittsats", labelCell: "D3", valueCell: "D4", numberFormat: NUMBER_FORMATS.rateFine,
    synonyms: ["aga snittsats", "aga sats", "snittsats aga", "aga sats snitt", "gjennomsnittssats aga", "gjennomsnittssats",
      "gjennomsnittssats for arbeidsgiveravgift", "snittsats arbeidsgiveravgift", "arbeidsgiveravgift snittsats"] },
  { key: "toleranse", name: "LONN_TOLERANSE", label: "Toleranse (kr)", labelCell: "E3", valueCell: "E4", numberFormat: NUMBER_FORMATS.amount,
    synonyms: ["toleranse"] },
  { key: "vesentlighetsgrense", name: "LONN_VESENTLIGHET", label: "Vesentlighetsgrense", labelCell: "F3", valueCell: "F4",
    numberFormat: NUMBER_FORMATS.rate, synonyms: ["vesentlighetsgrense", "vesentlighet"] },
];

export const scalarField = (key: ScalarKey): ScalarField => SCALAR_FIELDS.find((f) => f.key === key) as ScalarField;

export interface AccountField {
  readonly key: keyof Kontoer;
  readonly name: string;
  readonly label: string;
  readonly labelCell: string;
  readonly valueCell: string;
}

export const ACCOUNT_FIELDS: readonly AccountField[] = [
  { key: "differanse", name: "LONN_KONTO_DIFFERANSE", label: "Differanse (resultatføres)", labelCell: "B5", valueCell: "B6" },
  { key: "avsetningBrutto", name: "LONN_KONTO_AVSETNING_BRUTTO", label: "Avsetning arbeidsgiverandel, brutto", labelCell: "C5", valueCell: "C6" },
  { key: "fakturadifferanse", name: "LONN_KONTO_FAKTURADIFFERANSE", label: "Fakturadifferanse, brutto", labelCell: "D5", valueCell: "D6" },
  { key: "avsetningNetto", name: "LONN_KONTO_AVSETNING_NETTO", label: "Pensjonspremie arbeidsgiverandel, netto", labelCell: "E5", valueCell: "E6" },
  { key: "medlemsinnskudd", name: "LONN_KONTO_MEDLEMSINNSKUDD", label: "Medlemsinnskudd", labelCell: "F5", valueCell: "F6" },
  { key: "agaKostnad", name: "LONN_KONTO_AGA", label: "AGA av pensjonspremie", labelCell: "G5", valueCell: "G6" },
  { key: "agaMotkontoBrutto", name: "LONN_KONTO_AGA_MOT_BRUTTO", label: "AGA motpost, brutto", labelCell: "H5", valueCell: "H6" },
  { key: "agaMotkontoNetto", name: "LONN_KONTO_AGA_MOT_NETTO", label: "AGA motpost, netto", labelCell: "I5", valueCell: "I6" },
];

export const accountField = (key: keyof Kontoer): AccountField => ACCOUNT_FIELDS.find((f) => f.key === key) as AccountField;

export const DIMENSION_COUNT = 7;

export interface DimensionField {
  /** Unit4 slot dim_1 … dim_7. */
  readonly nummer: number;
  readonly nameName: string;
  readonly valueName: string;
  readonly nameCell: string;
  readonly valueCell: string;
}

export const DIMENSION_FIELDS: readonly DimensionField[] = [1, 2, 3, 4, 5, 6, 7].map((n) => {
  const col = TABLE_COLUMNS[n];
  return {
    nummer: n,
    nameName: `LONN_DIM${n}_NAVN`,
    valueName: `LONN_DIM${n}_VERDI`,
    nameCell: `${col}${ROWS.dimensionNames}`,
    valueCell: `${col}${ROWS.dimensionValues}`,
  };
});

/** Columns of the Termin-/årsavstemming block (rows 21–29). */
export const VOUCHER_COLUMNS = {
  label: "A",
  R: "B",
  S: "C",
  T: "D",
  differanse: "E",
  fakturadifferanse: "F",
  avsetningNetto: "G",
  medlemsinnskudd: "H",
  agaKostnad: "I",
  agaMotkontoBrutto: "J",
  agaMotkontoNetto: "K",
  kontroll: "L",
} as const;

/** Columns of the balance control block (rows 32–35). */
export const BALANCE_COLUMNS = { konto: "A", ib: "B", bevegelse: "C", ub: "D", forventet: "E", differanse: "F" } as const;

/** The control accounts in the balance block's rows, for the kind the sheet was made for. */
export function balanceRows(budsjettering: Budsjettering): { key: keyof Kontoer; row: number }[] {
  return controlAccounts(budsjettering).map((key, i) => ({ key, row: ROWS.balanceFirst + i }));
}

/** Cells of the AGA adjustment block (row 39). */
export const ADJUST_CELLS = {
  nySats: `A${ROWS.adjustValues}`,
  sumR: `B${ROWS.adjustValues}`,
  bokfort: `C${ROWS.adjustValues}`,
  nyAga: `D${ROWS.adjustValues}`,
  justering: `E${ROWS.adjustValues}`,
} as const;

/** Output names besides the header's. */
export const NAME_AGA_AAR = "LONN_AGA_AAR";
export const NAME_NEW_AGA_RATE = "LONN_AGA_SATS_NY";
export const NAME_AGA_JUSTERING = "LONN_AGA_JUSTERING";

/** Every workbook name the sheet defines, with the cell it points at. */
export const LAYOUT_NAMES: readonly { readonly name: string; readonly address: string }[] = [
  ...SCALAR_FIELDS.map((f) => ({ name: f.name, address: f.valueCell })),
  ...ACCOUNT_FIELDS.map((f) => ({ name: f.name, address: f.valueCell })),
  ...DIMENSION_FIELDS.flatMap((d) => [
    { name: d.nameName, address: d.nameCell },
    { name: d.valueName, address: d.valueCell },
  ]),
  { name: NAME_AGA_AAR, address: `${VOUCHER_COLUMNS.T}${ROWS.voucherYear}` },
  { name: NAME_NEW_AGA_RATE, address: ADJUST_CELLS.nySats },
  { name: NAME_AGA_JUSTERING, address: ADJUST_CELLS.justering },
];

export const nameOf = (key: ScalarKey): string => scalarField(key).name;
