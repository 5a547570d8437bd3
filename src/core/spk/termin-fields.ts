import { Ore, ORE_ZERO } from "../money/ore";
import { TerminInput } from "./types";

/**
 * The input columns of DFØ's termin table (DESIGN.md §3.1) tied to the fields of TerminInput.
 * The scenario reader, the model's messages, the sheet writer and the sheet reader all use this
 * one table, so a column letter never means two things.
 */

export type AmountField =
  | "sapArbeidsgiverandel"
  | "sapMedlemsinnskudd"
  | "unit4Pensjonsutgift"
  | "unit4AvsetningArbeidsgiverandel"
  | "unit4Medlemsinnskudd"
  | "fakturaArbeidsgiverandel"
  | "fakturaDifferanse"
  | "fakturaMedlemsinnskudd";

export type TextField = "forklaring" | "fakturanummer" | "status" | "signatur" | "dato";

export interface AmountColumn {
  readonly field: AmountField;
  /** DFØ's column letter. */
  readonly col: "B" | "C" | "D" | "E" | "F" | "L" | "M" | "N";
  /** Norwegian name for messages. */
  readonly navn: string;
}

export interface TextColumn {
  readonly field: TextField;
  readonly col: "J" | "K" | "U" | "V" | "W";
  readonly navn: string;
  /**
   * Explanation and sign-off cells belong to the people who sign: filled only while empty.
   * The invoice number is an import figure like the amounts and may be updated.
   */
  readonly onlyWhenEmpty: boolean;
}

export const AMOUNT_COLUMNS: readonly AmountColumn[] = [
  { field: "sapArbeidsgiverandel", col: "B", navn: "SAP arbeidsgiverandel" },
  { field: "sapMedlemsinnskudd", col: "C", navn: "SAP medlemsinnskudd" },
  { field: "unit4Pensjonsutgift", col: "D", navn: "Unit4 bokført pensjonsutgift" },
  { field: "unit4AvsetningArbeidsgiverandel", col: "E", navn: "Unit4 avsetning arbeidsgiverandel" },
  { field: "unit4Medlemsinnskudd", col: "F", navn: "Unit4 medlemsinnskudd" },
  { field: "fakturaArbeidsgiverandel", col: "L", navn: "faktura arbeidsgiverandel" },
  { field: "fakturaDifferanse", col: "M", navn: "faktura differanse (2820)" },
  { field: "fakturaMedlemsinnskudd", col: "N", navn: "faktura medlemsinnskudd" },
];

export const TEXT_COLUMNS: readonly TextColumn[] = [
  { field: "forklaring", col: "J", navn: "forklaring", onlyWhenEmpty: true },
  { field: "fakturanummer", col: "K", navn: "faktura-/bilagsnummer", onlyWhenEmpty: false },
  { field: "status", col: "U", navn: "avstemmingskode", onlyWhenEmpty: true },
  { field: "signatur", col: "V", navn: "signatur", onlyWhenEmpty: true },
  { field: "dato", col: "W", navn: "dato", onlyWhenEmpty: true },
];

/** A termin with every amount 0 and no texts: what a missing termin counts as. */
export function emptyTermin(termin: number): TerminInput {
  const amounts = Object.fromEntries(AMOUNT_COLUMNS.map((c) => [c.field, ORE_ZERO])) as Record<AmountField, Ore>;
  return { termin, ...amounts };
}
