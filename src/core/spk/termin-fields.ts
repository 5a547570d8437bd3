import { Ore, ORE_ZERO } from "../money/ore";
import { Source, TerminInput } from "./types";

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
  /** The export the figure comes from. */
  readonly source: Source;
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
  { field: "sapArbeidsgiverandel", col: "B", navn: "SAP arbeidsgiverandel", source: "sap" },
  { field: "sapMedlemsinnskudd", col: "C", navn: "SAP medlemsinnskudd", source: "sap" },
  { field: "unit4Pensjonsutgift", col: "D", navn: "Unit4 bokført pensjonsutgift", source: "unit4" },
  { field: "unit4AvsetningArbeidsgiverandel", col: "E", navn: "Unit4 avsetning arbeidsgiverandel", source: "unit4" },
  { field: "unit4Medlemsinnskudd", col: "F", navn: "Unit4 medlemsinnskudd", source: "unit4" },
  { field: "fakturaArbeidsgiverandel", col: "L", navn: "faktura arbeidsgiverandel", source: "faktura" },
  { field: "fakturaDifferanse", col: "M", navn: "faktura differanse (2820)", source: "faktura" },
  { field: "fakturaMedlemsinnskudd", col: "N", navn: "faktura medlemsinnskudd", source: "faktura" },
];

export const TEXT_COLUMNS: readonly TextColumn[] = [
  { field: "forklaring", col: "J", navn: "forklaring", onlyWhenEmpty: true },
  { field: "fakturanummer", col: "K", navn: "faktura-/bilagsnummer", onlyWhenEmpty: false },
  { field: "status", col: "U", navn: "avstemmingskode", onlyWhenEmpty: true },
  { field: "signatur", col: "V", navn: "signatur", onlyWhenEmpty: true },
  { field: "dato", col: "W", navn: "dato", onlyWhenEmpty: true },
];

export const SOURCES: readonly Source[] = ["sap", "unit4", "faktura"];

/** How the sources are named to the user. */
export const SOURCE_NAMES: Readonly<Record<Source, string>> = { sap: "SAP", unit4: "Unit4", faktura: "SPK-fakturaen" };

/** A termin with nothing from any source: not reconciled (DESIGN.md: missing is not zero). */
export function emptyTermin(termin: number): TerminInput {
  const amounts = Object.fromEntries(AMOUNT_COLUMNS.map((c) => [c.field, ORE_ZERO])) as Record<AmountField, Ore>;
  return { termin, ...amounts, mangler: SOURCES };
}

/**
 * A termin from the fields an import or a sheet row has: a source with no field at all is
 * missing; within a source that is there, a field it lacks is 0.
 */
export function completeTermin(partial: Partial<TerminInput> & { readonly termin: number }): TerminInput {
  const present = new Set(AMOUNT_COLUMNS.filter((c) => partial[c.field] !== undefined).map((c) => c.source));
  const amounts = Object.fromEntries(AMOUNT_COLUMNS.map((c) => [c.field, partial[c.field] ?? ORE_ZERO])) as Record<AmountField, Ore>;
  const mangler = SOURCES.filter((k) => !present.has(k));
  const { mangler: _given, ...rest } = partial;
  return { ...rest, ...amounts, ...(mangler.length > 0 ? { mangler } : {}) };
}

/** Whether the termin has figures from `kilde`. */
export const hasSource = (t: TerminInput, source: Source): boolean => !(t.mangler ?? []).includes(source);

/**
 * An import laid over what a sheet holds: for each termin, the sources the import has replace the
 * sheet's figures for those sources; the sheet keeps the rest, and its texts (explanations,
 * sign-off) stay unless the sheet has none and the import brings one. So a fill from the exports
 * is reconciled with the explanations already written, as the sheet will show it afterwards.
 */
export function overlayTerminer(sheet: readonly TerminInput[], imported: readonly (Partial<TerminInput> & { readonly termin: number })[]): TerminInput[] {
  const termins = new Set([...sheet.map((t) => t.termin), ...imported.map((t) => t.termin)]);
  return [...termins].sort((a, b) => a - b).map((n) => {
    const base = sheet.find((t) => t.termin === n);
    const top = imported.find((t) => t.termin === n);
    if (!top) return base ?? emptyTermin(n);
    if (!base) return completeTermin(top);
    const merged: Record<string, unknown> = { termin: n };
    const importedSources = new Set(AMOUNT_COLUMNS.filter((c) => top[c.field] !== undefined && !(top.mangler ?? []).includes(c.source)).map((c) => c.source));
    for (const c of AMOUNT_COLUMNS) {
      if (importedSources.has(c.source)) merged[c.field] = top[c.field] ?? ORE_ZERO;
      else if (hasSource(base, c.source)) merged[c.field] = base[c.field];
    }
    for (const c of TEXT_COLUMNS) {
      const own = base[c.field];
      const theirs = top[c.field];
      // The invoice number is an import figure; explanations and sign-off are the sheet's.
      const value = c.onlyWhenEmpty ? (own && own.trim() !== "" ? own : theirs) : (theirs && theirs.trim() !== "" ? theirs : own);
      if (value !== undefined) merged[c.field] = value;
    }
    return completeTermin(merged as Partial<TerminInput> & { termin: number });
  });
}

/**
 * The termins a plan writes over a sheet: the overlay's figures, but each text the sheet keeps
 * while it has one (explanation, sign-off) as it was given, so the plan writes it into an empty
 * cell and reports one the sheet's own text keeps out, instead of dropping it without a word.
 */
export function withGivenTexts(merged: readonly TerminInput[], given: readonly (Partial<TerminInput> & { readonly termin: number })[]): TerminInput[] {
  return merged.map((t) => {
    const g = given.find((x) => x.termin === t.termin);
    if (!g) return t;
    const texts: Partial<Record<TextField, string>> = {};
    for (const c of TEXT_COLUMNS) {
      const v = g[c.field];
      if (c.onlyWhenEmpty && v !== undefined && v.trim() !== "") texts[c.field] = v;
    }
    return { ...t, ...texts };
  });
}
