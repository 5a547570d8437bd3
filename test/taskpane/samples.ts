/**
 * The bundled sample exports for the task-pane tests: as sheet grids (through core's parseCsv, as
 * a user would paste or open them), and the expected per-termin totals read from the table in
 * assets/samples/README.md, so the tests check what the README promises.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { parseCsv } from "../../src/core/import/csv";
import { asOre, Ore } from "../../src/core/money/ore";
import { isProblems } from "../../src/core/problem/problem";
import { checkDigit } from "../../src/core/rules/orgnr";
import { DEFAULT_KONTOER, Oppsett } from "../../src/core/spk/types";

export const ROOT = join(__dirname, "..", "..");
const SAMPLES = join(ROOT, "assets", "samples");

export type SampleSet = "eksempeletaten" | "nettoetaten";

const FILES = { SAP: "sap-lonnsarter-2024.csv", Unit4: "unit4-saldo-2024.csv", SPK: "spk-faktura-2024.csv" } as const;

/** The three exports as sheets `SAP`, `Unit4`, `SPK`: grids of text, exactly as parseCsv gives them. */
export function sampleSheets(set: SampleSet): Record<keyof typeof FILES, string[][]> {
  const out = {} as Record<keyof typeof FILES, string[][]>;
  for (const [sheet, file] of Object.entries(FILES) as [keyof typeof FILES, string][]) {
    const parsed = parseCsv(readFileSync(join(SAMPLES, set, file), "utf8"), { sheet });
    if (isProblems(parsed)) throw new Error(JSON.stringify(parsed.list));
    out[sheet] = parsed.values;
  }
  return out;
}

/**
 * The termin a line of an export belongs to, from its first period-like cell (SAP's For-periode
 * `02.2024`, Unit4's `202402`, SPK's `1. termin`); undefined for title, header and sum lines.
 */
function terminOfLine(row: readonly string[]): number | undefined {
  for (const cell of row) {
    const month = cell.match(/^(\d{2})\.20\d{2}$/)?.[1] ?? cell.match(/^20\d{2}(\d{2})$/)?.[1];
    if (month) return Math.ceil(Number(month) / 2);
    const termin = cell.match(/^([1-6])\. termin$/)?.[1];
    if (termin) return Number(termin);
  }
  return undefined;
}

/** The exports as a spring's would be: only the lines of termins up to `last` (titles and headers kept). */
export function sampleSheetsUpTo(set: SampleSet, last: number): Record<keyof typeof FILES, string[][]> {
  const all = sampleSheets(set);
  // SAP's grand total («Sum» in A) is the whole year's: a spring export's would be its own lines'
  // sum, and the readers check every total line against its lines, so the year's total goes.
  const isYearTotal = (r: readonly string[]) => last < 6 && /^sum$/i.test((r[0] ?? "").trim());
  const keep = (rows: string[][]) => rows.filter((r) => (terminOfLine(r) ?? 0) <= last && !isYearTotal(r));
  return { SAP: keep(all.SAP), Unit4: keep(all.Unit4), SPK: keep(all.SPK) };
}

/** Kroner from the README's Norwegian text (`-18 642,75`). */
export const kroner = (text: string): number => Number(text.replace(/[\s\u00a0]/g, "").replace(",", "."));

/** An amount in kroner (the README's, a sheet's) as the model's øre. */
export const ore = (kroner: number): Ore => asOre(Math.round(kroner * 100));

export interface ExpectedTermin {
  readonly termin: number;
  /** B–F, L–N in kroner; K as text. */
  readonly B: number; readonly C: number; readonly D: number; readonly E: number; readonly F: number;
  readonly K: string;
  readonly L: number; readonly M: number; readonly N: number;
  /** The README's text of each figure, as the pane shows it (with ordinary spaces). */
  readonly tekst: Readonly<Record<"B" | "C" | "D" | "E" | "F" | "L" | "M" | "N", string>>;
}

/** The first table under `### <Name> 2024 (…)` in assets/samples/README.md. */
export function expectedTotals(set: SampleSet): ExpectedTermin[] {
  const readme = readFileSync(join(SAMPLES, "README.md"), "utf8");
  const heading = set === "eksempeletaten" ? "### Eksempeletaten 2024 (brutto)" : "### Nettoetaten 2024 (netto)";
  const section = readme.slice(readme.indexOf(heading));
  const lines = section.split("\n").filter((l) => /^\| T[1-6] \|/.test(l)).slice(0, 6);
  if (lines.length !== 6) throw new Error(`Fant ikke tabellen under ${heading} i README`);
  return lines.map((line) => {
    const [t, B, C, D, E, F, K, L, M, N] = line.split("|").slice(1, -1).map((c) => c.trim());
    return {
      termin: Number(t.slice(1)),
      B: kroner(B), C: kroner(C), D: kroner(D), E: kroner(E), F: kroner(F), K, L: kroner(L), M: kroner(M), N: kroner(N),
      tekst: { B, C, D, E, F, L, M, N },
    };
  });
}

/** A valid virksomhetsnummer from eight digits (modulus 11 check digit). */
export function orgnr(first8: string): string {
  const d = checkDigit(first8);
  if (d === undefined) throw new Error(`${first8} har ikke noe gyldig kontrollsiffer`);
  return `${first8}${d}`;
}

/** The sample's Oppsett as the tests type it: Eksempeletaten, brutto 2024, one dimension. */
export const OPPSETT: Oppsett = {
  virksomhet: "Eksempeletaten", aar: 2024, budsjettering: "brutto", modus: "terminvis", agaSats: 0.1387,
  toleranse: ore(1), vesentlighetsgrense: 0.05, kontoer: DEFAULT_KONTOER,
  dimensjoner: [{ nummer: 1, navn: "Koststed", verdi: "1001" }], bilagsart: "KB", firma: "72",
};
