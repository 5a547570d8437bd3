/**
 * The tests' one set of fixtures: an Oppsett, termin inputs and results as the model holds them
 * (in øre), and the sample exports of assets/samples as reader inputs.
 *
 * Tests write amounts in kroner, the way DESIGN.md, the README and an accountant write them
 * (`12 345,67`, `ore(12345.67)`); the fixtures turn them into the model's whole øre once, and
 * refuse a figure with a fraction of an øre, so a fixture never carries a float artefact.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { parseCsv } from "../../src/core/import/csv";
import { SheetInput } from "../../src/core/import/types";
import { asOre, Ore } from "../../src/core/money/ore";
import { formatProblem, isProblems } from "../../src/core/problem/problem";
import { checkDigit } from "../../src/core/rules/orgnr";
import { AmountField, AMOUNT_COLUMNS, TextField } from "../../src/core/spk/termin-fields";
import { Avstemming, DEFAULT_KONTOER, Oppsett, Summer, TerminInput, TerminResult } from "../../src/core/spk/types";

export const ROOT = join(__dirname, "..", "..");
export const SAMPLES = join(ROOT, "assets", "samples");

// ---------------------------------------------------------------------------------------------
// Money

/** Kroner as a test writes them → the model's øre. A fraction of an øre is a mistake in the test. */
export function ore(kroner: number): Ore {
  // As Excel shows the product at full precision: 98765.43 × 100 is 9876543.000000002.
  const o = Number((kroner * 100).toPrecision(15));
  if (!Number.isSafeInteger(o)) throw new Error(`Testdata: ${kroner} kr er ikke et helt antall øre`);
  return asOre(o + 0);
}

/** Kroner from a Norwegian amount text (`-18 642,75`), for writing expected values the way the README shows them. */
export const kr = (text: string): number => Number(text.replace(/[\s\u00a0]/g, "").replace(",", "."));

/**
 * A model record with its øre fields read as kroner, for comparing it with figures written in
 * kroner: every number field except those named in `keep` (rates, counts) is divided by 100.
 */
export function inKroner<T extends object>(record: T, ...keep: (keyof T & string)[]): { [K in keyof T]: T[K] extends number ? number : T[K] } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) out[key] = typeof value === "number" && !keep.includes(key as keyof T & string) ? value / 100 + 0 : value;
  return out as { [K in keyof T]: T[K] extends number ? number : T[K] };
}

/** Øre from a Norwegian amount text (`-18 642,75` → -1864275). */
export const oreOfText = (text: string): Ore => ore(kr(text));

// ---------------------------------------------------------------------------------------------
// The reconciliation's header and termins

/** Eksempeletaten, brutto, terminvis 2024, the default accounts, no dimensions; tolerance 1 kr. */
export function oppsett(overrides: Partial<Oppsett> = {}): Oppsett {
  return {
    virksomhet: "Eksempeletaten",
    orgnr: "974760673",
    aar: 2024,
    budsjettering: "brutto",
    modus: "terminvis",
    agaSats: 0.1387,
    toleranse: ore(1),
    vesentlighetsgrense: 0.05,
    kontoer: DEFAULT_KONTOER,
    dimensjoner: [],
    bilagsart: "KB",
    firma: "72",
    ...overrides,
  };
}

/** DFØ's input columns B, C, D, E, F, L, M, N in kroner. */
export type Amounts = [B: number, C: number, D: number, E: number, F: number, L: number, M: number, N: number];

/** A termin's amounts by field, in kroner. */
export type KronerAmounts = Partial<Record<AmountField, number>>;

/** A termin's fields as a test writes them: amounts in kroner, texts as typed. */
export type KronerTermin = { readonly termin?: number } & KronerAmounts & Partial<Record<TextField, string>>;

const FIELD_OF_COLUMN = AMOUNT_COLUMNS.map((c) => c.field);
const isAmountField = (key: string): key is AmountField => (FIELD_OF_COLUMN as string[]).includes(key);

/**
 * A termin's fields in øre: the amounts given (kroner) converted, everything else as it is, and
 * nothing added. For a partial termin as an import or a plan input holds it.
 */
export function terminFields(fields: KronerTermin): Partial<TerminInput> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) out[key] = isAmountField(key) && typeof value === "number" ? ore(value) : value;
  return out as Partial<TerminInput>;
}

/**
 * A whole termin input: the amounts as DFØ's columns [B, C, D, E, F, L, M, N] or by field, in
 * kroner (a missing amount is 0), and the texts in `extra`.
 */
export function terminInput(termin: number, amounts: Amounts | KronerAmounts = {}, extra: Partial<Record<TextField, string>> = {}): TerminInput {
  const byField: KronerAmounts = Array.isArray(amounts)
    ? Object.fromEntries(FIELD_OF_COLUMN.map((field, i) => [field, amounts[i]]))
    : amounts;
  const all = Object.fromEntries(FIELD_OF_COLUMN.map((field) => [field, ore(byField[field] ?? 0)])) as Record<AmountField, Ore>;
  return { termin, ...all, ...extra };
}

/** A brutto year with every kind of figure: sub-krone amounts, negatives, texts, a zero termin. */
export const BRUTTO: TerminInput[] = [
  terminInput(1, [100000, 20000, 100000, 100000, 20000, 100000, 1500.5, 20000], { fakturanummer: "2024-0117", status: "A", signatur: "KN", dato: "15.03.2024" }),
  terminInput(2, [98765.43, 19753.09, 98760.43, 98765.43, 19753.09, 98765.43, -250.75, 19753.09]),
  terminInput(3, [50000, 10000, 50000, 50000, 10000, 50010, 3000, 10000]),
  terminInput(4, [10000, 2000, 9999, 9998.99, 2000, 10000, 600, 2000], { forklaring: "Lønnsoppgjør etterbetalt" }),
  terminInput(5, [10000, 2000, 9999, 10000, 2001.01, 10000, 600.01, 2000]),
  terminInput(6, [0, 0, 0, 0, 0, 0, -50, 0]),
];

/**
 * A termin result with the figures a voucher reads (R, O, P, S, T; kroner, S a fraction), the
 * rest 0, built by hand as the model would hand it over. T is given, as the model computes it.
 */
export function terminResult(nr: number, f: { R?: number; O?: number; P?: number; T?: number; S?: number } = {}): TerminResult {
  const R = ore(f.R ?? 0);
  const zero = ore(0);
  return {
    termin: nr, input: terminInput(nr), avstemt: true,
    G: zero, H: zero, I: zero, O: ore(f.O ?? 0), P: ore(f.P ?? 0), Q: R, R, S: f.S ?? 0.1387, T: ore(f.T ?? 0), flags: [],
  };
}

/** The Sum row of hand-built termin results (the columns a voucher reads; the rest 0). */
export function summer(terminer: readonly TerminResult[]): Summer {
  const s = (k: "O" | "P" | "Q" | "R" | "T") => asOre(terminer.reduce((acc, t) => acc + t[k], 0));
  const zero = ore(0);
  return { B: zero, C: zero, D: zero, E: zero, F: zero, G: zero, H: zero, I: zero, L: zero, M: zero, N: zero, O: s("O"), P: s("P"), Q: s("Q"), R: s("R"), T: s("T") };
}

/** A reconciliation built by hand from termin results. */
export function avstemming(o: Oppsett, terminer: readonly TerminResult[], extra: Partial<Avstemming> = {}): Avstemming {
  return { oppsett: o, terminer, sum: summer(terminer), flags: [], saldokontroll: [], ...extra };
}

// ---------------------------------------------------------------------------------------------
// Vouchers

/** Σ of voucher lines in øre, summed here (not by the code under test). */
export const linesSum = (linjer: readonly { belop: number }[]): number => linjer.reduce((a, l) => a + l.belop, 0);

/** [konto, beløp in kroner] pairs, for compact expectations. */
export const kontoBelop = (linjer: readonly { konto: string; belop: number }[]): [string, number][] => linjer.map((l) => [l.konto, l.belop / 100 + 0]);

// ---------------------------------------------------------------------------------------------
// Organisation numbers

/** A valid virksomhetsnummer from eight digits (modulus 11 check digit). */
export function orgnr(first8: string): string {
  const d = checkDigit(first8);
  if (d === undefined) throw new Error(`${first8} har ikke noe gyldig kontrollsiffer`);
  return `${first8}${d}`;
}

// ---------------------------------------------------------------------------------------------
// The sample exports of assets/samples

export type SampleSet = "eksempeletaten" | "nettoetaten";

/** The three exports of a sample set, by the sheet the task pane pastes them into. */
export const SAMPLE_FILES = { SAP: "sap-lonnsarter-2024.csv", Unit4: "unit4-saldo-2024.csv", SPK: "spk-faktura-2024.csv" } as const;

/** A sample CSV as a grid of text, exactly as parseCsv gives it. */
export function sampleGrid(set: SampleSet, file: string, sheet: string): string[][] {
  const parsed = parseCsv(readFileSync(join(SAMPLES, set, file), "utf8"), { sheet });
  if (isProblems(parsed)) throw new Error(parsed.list.map(formatProblem).join("\n"));
  return parsed.values;
}

/** A sample CSV as a reader input, named like the sheet the task pane would paste it into. */
export function sampleSheet(set: SampleSet, file: string, sheet: string): SheetInput {
  return { sheet, values: sampleGrid(set, file, sheet) };
}

/** The three exports as sheets `SAP`, `Unit4`, `SPK`: grids of text. */
export function sampleSheets(set: SampleSet): Record<keyof typeof SAMPLE_FILES, string[][]> {
  const out = {} as Record<keyof typeof SAMPLE_FILES, string[][]>;
  for (const [sheet, file] of Object.entries(SAMPLE_FILES) as [keyof typeof SAMPLE_FILES, string][]) out[sheet] = sampleGrid(set, file, sheet);
  return out;
}

/** The three exports as reader inputs, for importExports. */
export function sampleSources(set: SampleSet) {
  return {
    sap: sampleSheet(set, SAMPLE_FILES.SAP, "SAP"),
    unit4: sampleSheet(set, SAMPLE_FILES.Unit4, "Unit4"),
    spk: sampleSheet(set, SAMPLE_FILES.SPK, "SPK"),
  };
}
