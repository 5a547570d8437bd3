import { isRuleError } from "../errors";
import { kroner, Ore } from "../money/ore";
import { agaSats } from "../rules/aga";
import { resolveZone } from "../rules/aga-sone";
import { BasisAndRate } from "../rules/snittsats";
import { isValidOrgnr, normalOrgnr } from "../rules/orgnr";
import { VirksomhetGrunnlag } from "../spk/types";
import { readRate } from "../workpaper/cell-values";
import { amountCell } from "./cells";
import { displayText, isBlank } from "../sheet/cell";
import { errorAt, sheetCell, sheetError, sheetRow } from "./grid";
import { FieldSpec } from "./headers";
import { IgnoreCounter, isTotalRow, readTable, Table, tableSummary } from "./table";
import { Checked, isProblems, Problem, Problems } from "../problem/problem";
import { ReadSummary, SheetInput } from "./types";

/**
 * The list of virksomheter (underenheter) with their AGA basis on wages, as the accountant keeps it
 * in a sheet: one row per virksomhetsnummer with the zone or kommunenummer and the basis. Two
 * uses, one reader:
 *
 * - the A-melding split (DESIGN.md §3.3): virksomhetsnummer, navn, sone/kommunenummer, grunnlag;
 * - the average AGA rate of the header (AGA_SNITTSATS's rule): grunnlag and either a rate or a
 *   zone/kommunenummer per row; here a virksomhetsnummer is not needed.
 *
 * Like the export readers: the header row is found by synonyms, every bad cell is named, and a
 * list with one bad row gives nothing but the errors.
 */

export type VirksomhetField = "virksomhetsnummer" | "navn" | "sone" | "sats" | "grunnlag";

export const VIRKSOMHET_FIELDS: readonly FieldSpec<VirksomhetField>[] = [
  {
    key: "virksomhetsnummer",
    label: "Virksomhetsnummer",
    required: false,
    synonyms: ["Virksomhetsnummer", "Virksomhetsnr", "Virksomhetsnr.", "Orgnr", "Org.nr", "Org nr", "Organisasjonsnummer", "Underenhet", "Bedriftsnummer"],
  },
  { key: "navn", label: "Navn", required: false, synonyms: ["Navn", "Virksomhet", "Virksomhetsnavn", "Underenhetens navn", "Name"] },
  {
    key: "sone",
    label: "Sone/kommunenummer",
    required: false,
    synonyms: ["Sone", "AGA-sone", "Sone/kommunenummer", "Sone eller kommunenummer", "Kommunenummer", "Kommunenr", "Kommunenr.", "Kommune", "Zone"],
  },
  { key: "sats", label: "Sats", required: false, synonyms: ["Sats", "AGA-sats", "Avgiftssats", "Arbeidsgiveravgiftssats", "Rate"] },
  {
    key: "grunnlag",
    label: "Grunnlag",
    required: true,
    synonyms: ["Grunnlag", "AGA-grunnlag", "Avgiftsgrunnlag", "Grunnlag lønn", "Lønnsgrunnlag", "Beregningsgrunnlag", "Basis"],
  },
];

export interface VirksomheterImport {
  readonly virksomheter: readonly VirksomhetGrunnlag[];
  readonly summary: ReadSummary;
}

export interface GrunnlagImport {
  /** In sheet order, for `agaSnittsats`. */
  readonly linjer: readonly BasisAndRate[];
  /** The 1-based sheet row of each line, so a later error about line i can name its row. */
  readonly rader: readonly number[];
  readonly summary: ReadSummary;
}


function missingColumn(t: Table<VirksomhetField>, text: string): Problem {
  const row = sheetRow(t.place, t.header.row);
  return { sheet: t.place.sheet, row, message: `Mangler kolonnen ${text} i overskriftsraden (rad ${row}).` };
}

/**
 * Row i's basis (0 or more), or undefined when the row is a total line (counted in `ignored`) or
 * its basis is bad (reported). The caller reads the other cells of the row right after, so errors
 * come in sheet order.
 */
function basisOf(t: Table<VirksomhetField>, values: SheetInput["values"], i: number, keyField: VirksomhetField, errors: Problem[], ignored: IgnoreCounter): Ore | undefined | "total" {
  if (isTotalRow(values[i], t.cell(i, keyField))) {
    ignored.add("summeringslinjer");
    return "total";
  }
  const grunnlag = amountCell(t, i, "grunnlag", "missing", errors);
  if (grunnlag !== undefined && grunnlag < 0) {
    errors.push(errorAt(t.place, i, t.header.columns.grunnlag, "Grunnlaget kan ikke være negativt.", { column: t.header.titles.grunnlag, value: t.cell(i, "grunnlag") }));
    return undefined;
  }
  return grunnlag;
}

/** The zone or kommunenummer of row i, checked for the year; reported at its cell when it is not one. */
function zoneCell(t: Table<VirksomhetField>, i: number, aar: number, errors: Problem[]): string | undefined {
  const value = t.cell(i, "sone");
  const text = displayText(value);
  const where = { column: t.header.titles.sone, value };
  if (text === "") {
    errors.push(errorAt(t.place, i, t.header.columns.sone, "Mangler sone eller kommunenummer.", where));
    return undefined;
  }
  const zone = resolveZone(typeof value === "number" ? value : text, aar);
  const rate = isRuleError(zone) ? zone : agaSats(zone, aar);
  if (isRuleError(rate)) {
    errors.push(errorAt(t.place, i, t.header.columns.sone, rate.message, where));
    return undefined;
  }
  return text;
}

/** The list for the A-melding split: virksomhetsnummer (valid, once each), zone for the year, basis. */
export function readVirksomheter(input: SheetInput, options: { readonly aar: number }): Checked<VirksomheterImport> {
  const table = readTable(input, VIRKSOMHET_FIELDS);
  if (isProblems(table)) return table;
  const t = table;
  const missing = [
    ...(t.header.columns.virksomhetsnummer === undefined ? ["«Virksomhetsnummer»"] : []),
    ...(t.header.columns.sone === undefined ? ["«Sone» (eller «Kommunenummer»)"] : []),
  ];
  if (missing.length > 0) return new Problems([missingColumn(t, missing.join(" og "))]);

  const errors: Problem[] = [];
  const ignored = new IgnoreCounter();
  const seen = new Map<string, string>();
  const out: VirksomhetGrunnlag[] = [];
  for (const i of t.rows) {
    const grunnlag = basisOf(t, input.values, i, "virksomhetsnummer", errors, ignored);
    if (grunnlag === "total") continue;
    const raw = t.cell(i, "virksomhetsnummer");
    const at = sheetCell(t.place, i, t.header.columns.virksomhetsnummer as number);
    const where = { column: t.header.titles.virksomhetsnummer, value: raw };
    const nr = typeof raw === "number" || typeof raw === "string" ? normalOrgnr(raw) : undefined;
    let ok = true;
    if (nr === undefined) {
      errors.push(errorAt(t.place, i, t.header.columns.virksomhetsnummer, `«${displayText(raw)}» er ikke et virksomhetsnummer (ni sifre).`, where));
      ok = false;
    } else if (!isValidOrgnr(nr)) {
      errors.push(errorAt(t.place, i, t.header.columns.virksomhetsnummer, `Virksomhetsnummeret ${nr} har feil kontrollsiffer (modulus 11).`, where));
      ok = false;
    } else if (seen.has(nr)) {
      errors.push(errorAt(t.place, i, t.header.columns.virksomhetsnummer, `Virksomhetsnummeret ${nr} står også i ${seen.get(nr)}.`, where));
      ok = false;
    } else seen.set(nr, at);
    const sone = zoneCell(t, i, options.aar, errors);
    if (!ok || sone === undefined || grunnlag === undefined) continue;
    const name = displayText(t.cell(i, "navn"));
    out.push({ virksomhetsnummer: nr as string, ...(name ? { navn: name } : {}), sone, grunnlag });
  }
  if (errors.length === 0 && out.length === 0) errors.push(sheetError(t.place.sheet, "Listen har ingen virksomheter med grunnlag."));
  if (errors.length > 0) return new Problems(errors);
  return ({ virksomheter: out, summary: tableSummary(t, out.length, ignored.list()) });
}

/**
 * Basis and rate per row for the average AGA rate: a `Sats` column (0,141 or 14,1 %) where the row
 * has one, else the zone or kommunenummer in `Sone` (then the year's zone rate applies).
 */
export function readBasesAndRates(input: SheetInput, options: { readonly aar: number }): Checked<GrunnlagImport> {
  const table = readTable(input, VIRKSOMHET_FIELDS);
  if (isProblems(table)) return table;
  const t = table;
  const { columns, titles } = t.header;
  if (columns.sats === undefined && columns.sone === undefined) return new Problems([missingColumn(t, "«Sats» eller «Sone» (eller «Kommunenummer»)")]);

  const errors: Problem[] = [];
  const ignored = new IgnoreCounter();
  const linjer: BasisAndRate[] = [];
  const rows: number[] = [];
  const key: VirksomhetField = columns.virksomhetsnummer !== undefined ? "virksomhetsnummer" : columns.navn !== undefined ? "navn" : "grunnlag";
  for (const i of t.rows) {
    const grunnlag = basisOf(t, input.values, i, key, errors, ignored);
    if (grunnlag === "total") continue;
    const satsValue = t.cell(i, "sats");
    let rateOrZone: number | string | undefined;
    if (columns.sats !== undefined && !isBlank(satsValue)) {
      const fraction = readRate(satsValue, "AGA-sats");
      if (isRuleError(fraction)) errors.push(errorAt(t.place, i, columns.sats, fraction.message, { column: titles.sats, value: satsValue }));
      else rateOrZone = fraction;
    } else if (columns.sone !== undefined) {
      const zone = zoneCell(t, i, options.aar, errors);
      const raw = t.cell(i, "sone");
      if (zone !== undefined) rateOrZone = typeof raw === "number" ? raw : zone;
    } else {
      errors.push(errorAt(t.place, i, columns.sats, "Mangler sats.", { column: titles.sats, value: satsValue }));
    }
    if (rateOrZone === undefined || grunnlag === undefined) continue;
    linjer.push({ grunnlag: kroner(grunnlag), satsEllerSone: rateOrZone });
    rows.push(sheetRow(t.place, i));
  }
  if (errors.length === 0 && linjer.length === 0) errors.push(sheetError(t.place.sheet, "Området har ingen rader med grunnlag."));
  if (errors.length > 0) return new Problems(errors);
  return ({ linjer, rader: rows, summary: tableSummary(t, linjer.length, ignored.list()) });
}
