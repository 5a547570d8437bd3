/**
 * The three ways into a reconciliation: a scenario file (DESIGN.md §7), a filled A10/A11 workbook,
 * or the SAP, Unit4 and SPK exports with an oppsett file. Each gives the use case's inputs, or every
 * problem with the input, each with its file and its field, cell or row.
 */
import { append } from "../core/list";
import type ExcelJS from "exceljs";
import { basename, extname } from "path";
import { importExports, SheetInput } from "../core/import";
import { parseJsonFile } from "../core/import/text-file";
import { readVirksomheter } from "../core/import/virksomheter";
import { Checked, isProblems, placed, Problem, Problems, problems, rejected } from "../core/problem/problem";
import { SheetSnapshot } from "../core/sheet/snapshot";
import { oppsettFrom, parseScenario, terminerFrom } from "../core/spk/scenario";
import { readAvstemming } from "../core/spk/sheet/read";
import { completeTermin } from "../core/spk/termin-fields";
import { Oppsett, Scenario, TerminInput, VirksomhetGrunnlag } from "../core/spk/types";
import { RECONCILIATION_NAME, sheetInputs, SpkInputs } from "../core/usecase/spk";
import { readSettings, SETTINGS_SHEET } from "../core/workpaper/settings";
import { SHEET_NAMES } from "../core/spk/sheet/layout";
import { fileName, readTextFile } from "./files";
import { readSheetFile } from "./sheet-file";
import { snapshotsOf } from "./xlsx/snapshot";
import { findSheet, loadWorkbook, sheetOfName } from "./xlsx/workbook";

/** The problems of one input, each placed in `file`. */
export function inFile(error: Problems, file: string): Problems {
  return new Problems(error.list.map((p) => placed(p, { file })), error.heading);
}

function readJsonFile(path: string): Checked<unknown> {
  const text = readTextFile(path);
  return isProblems(text) ? text : parseJsonFile(text, basename(path));
}

function fromScenario(scenario: Scenario, source: string, notes: string[] = []): SpkInputs {
  return {
    source,
    oppsett: oppsettFrom(scenario),
    terminer: terminerFrom(scenario),
    saldoer: scenario.saldoer ?? [],
    ...(scenario.oppdatertAgaSats !== undefined ? { oppdatertAgaSats: scenario.oppdatertAgaSats } : {}),
    ...(scenario.virksomheter ? { virksomheter: scenario.virksomheter } : {}),
    notes,
  };
}

/** A scenario file (DESIGN.md §7). */
export function readScenarioFile(path: string): Checked<SpkInputs> {
  const file = basename(path);
  const json = readJsonFile(path);
  if (isProblems(json)) return json;
  const scenario = parseScenario(json);
  if (isProblems(scenario)) return inFile(scenario, file);
  return fromScenario(scenario, file);
}

/**
 * The A-melding's virksomheter from their own file: JSON (a list, or an object with
 * `virksomheter`, checked by the scenario reader's rules), or a CSV/.xlsx list with the columns
 * Virksomhetsnummer, Navn, Sone (or Kommunenummer) and Grunnlag (core's list reader).
 */
export async function readVirksomheterFile(path: string, oppsett: Oppsett): Promise<Checked<VirksomhetGrunnlag[]>> {
  const file = basename(path);
  const ext = extname(path).toLowerCase();
  if (ext === ".csv" || ext === ".xlsx") {
    const sheet = await readSheetFile(path);
    if (isProblems(sheet)) return sheet;
    const read = readVirksomheter(sheet, { aar: oppsett.aar });
    if (isProblems(read)) return rejected("Virksomhetslisten", read.list);
    return [...read.virksomheter];
  }
  const json = readJsonFile(path);
  if (isProblems(json)) return json;
  const list = Array.isArray(json) ? json : (json as { virksomheter?: unknown } | null)?.virksomheter;
  if (!Array.isArray(list)) return problems("ventet en liste med virksomheter (virksomhetsnummer, navn, sone, grunnlag).", { file });
  const scenario = parseScenario({ virksomhet: oppsett.virksomhet, aar: oppsett.aar, budsjettering: oppsett.budsjettering, agaSats: oppsett.agaSats, terminer: [], virksomheter: list });
  if (isProblems(scenario)) return inFile(scenario, file);
  return [...(scenario.virksomheter ?? [])];
}

export interface WorkbookInput {
  readonly inputs: SpkInputs;
  readonly workbook: ExcelJS.Workbook;
}

/**
 * The reconciliation sheet: `--ark`, else the one `_lonn` names, else the one the header's names
 * point at (a sheet renamed in Excel), else DFØ's tab name, else the only visible sheet.
 */
function findReconciliationSheet(wb: ExcelJS.Workbook, file: string, sheet?: string): Checked<ExcelJS.Worksheet> {
  if (sheet) return findSheet(wb, sheet) ?? problems(`fant ikke arket «${sheet}».`, { file });
  const settings = readSettings(snapshotsOf(wb, [SETTINGS_SHEET]).get(SETTINGS_SHEET));
  const named = !isProblems(settings) ? settings.avstemmingsark : undefined;
  const byName = (named ? findSheet(wb, named) : undefined) ?? findSheet(wb, sheetOfName(wb, RECONCILIATION_NAME) ?? "");
  if (byName) return byName;
  const dfo = [SHEET_NAMES.brutto, SHEET_NAMES.netto].map((n) => findSheet(wb, n)).filter((ws): ws is ExcelJS.Worksheet => ws !== undefined);
  if (dfo.length === 1) return dfo[0];
  const visible = wb.worksheets.filter((ws) => ws.state === "visible");
  if (dfo.length === 0 && visible.length === 1) return visible[0];
  const names = wb.worksheets.map((ws) => `«${ws.name}»`).join(", ");
  return problems(`vet ikke hvilket ark som er avstemmingen (arkene: ${names}); oppgi det med --ark NAVN.`, { file });
}

/** A filled A10/A11 workbook (ours or a DFØ-style one made by hand) read back into the model's inputs. */
export async function readWorkbookInput(path: string, sheet?: string): Promise<Checked<WorkbookInput>> {
  const file = basename(path);
  const wb = await loadWorkbook(path);
  if (isProblems(wb)) return wb;
  const ws = findReconciliationSheet(wb, file, sheet);
  if (isProblems(ws)) return ws;
  const snaps = snapshotsOf(wb, [ws.name, SETTINGS_SHEET]);
  const read = readAvstemming(snaps.get(ws.name) as SheetSnapshot, snaps.get(SETTINGS_SHEET));
  if (isProblems(read)) return inFile(read, file);
  return { workbook: wb, inputs: sheetInputs(read, ws.name, file) };
}

/** Flags that set (or override) the oppsett file's fields, by scenario field. */
export interface OppsettFlags {
  readonly virksomhet?: string;
  readonly aar?: string;
  readonly budsjettering?: string;
  readonly modus?: string;
  readonly agaSats?: string;
  readonly orgnr?: string;
  readonly firma?: string;
  readonly bilagsart?: string;
  /** Rows of the exports that are exact copies count (`--godta-like-rader`). */
  readonly acceptCopies?: boolean;
}

export interface ExportFiles {
  readonly sap: string;
  readonly unit4: string;
  readonly spk: string;
}

export interface SapLonnsarterOption {
  readonly arbeidsgiverandel: readonly string[];
  readonly medlemsinnskudd: readonly string[];
}

/** "0,1387" and "0.1387" as a number; anything else stays text so the scenario check names it. */
function numberOrText(text: string): number | string {
  const t = text.trim().replace(",", ".");
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : text;
}

/**
 * The oppsett for an import: the oppsett file (a scenario without terminer), with the flags on
 * top, checked as a scenario is.
 */
export function readOppsettFile(path: string | undefined, flags: OppsettFlags): Checked<{ scenario: Scenario; source: string }> {
  let base: Record<string, unknown> = {};
  const source = path ? basename(path) : "oppsettet";
  if (path) {
    const json = readJsonFile(path);
    if (isProblems(json)) return json;
    if (typeof json !== "object" || json === null || Array.isArray(json)) return problems("oppsettet må være et JSON-objekt.", { file: source });
    base = { ...(json as Record<string, unknown>) };
    if (Array.isArray(base.terminer) && base.terminer.length > 0) {
      return problems("terminene kommer fra eksportfilene; fjern «terminer» fra oppsettfilen.", { file: source });
    }
  }
  const overrides: Record<string, unknown> = {
    ...(flags.virksomhet !== undefined ? { virksomhet: flags.virksomhet } : {}),
    ...(flags.aar !== undefined ? { aar: numberOrText(flags.aar) } : {}),
    ...(flags.budsjettering !== undefined ? { budsjettering: flags.budsjettering } : {}),
    ...(flags.modus !== undefined ? { modus: flags.modus } : {}),
    ...(flags.agaSats !== undefined ? { agaSats: numberOrText(flags.agaSats) } : {}),
    ...(flags.orgnr !== undefined ? { orgnr: flags.orgnr } : {}),
    ...(flags.firma !== undefined ? { firma: flags.firma } : {}),
    ...(flags.bilagsart !== undefined ? { bilagsart: flags.bilagsart } : {}),
    ...(flags.acceptCopies ? { "godtaLikeRader": true } : {}),
  };
  const scenario = parseScenario({ ...base, ...overrides, terminer: [] });
  if (isProblems(scenario)) return inFile(scenario, source);
  return { scenario, source };
}

/**
 * The SAP, Unit4 and SPK exports aggregated per termin (core's readers) with the oppsett. All three
 * are needed: a termin without its invoice would be reconciled against nothing.
 */
export async function readExportFiles(
  files: ExportFiles,
  oppsettFile: string | undefined,
  flags: OppsettFlags,
  lonnsarter?: SapLonnsarterOption,
): Promise<Checked<SpkInputs>> {
  const oppsett = readOppsettFile(oppsettFile, flags);
  const sources = await Promise.all([readSheetFile(files.sap), readSheetFile(files.unit4), readSheetFile(files.spk)]);
  const found: Problem[] = [];
  let heading: string | undefined;
  for (const s of [oppsett, ...sources]) {
    if (isProblems(s)) {
      append(found, s.list);
      heading ??= s.heading;
    }
  }
  if (found.length > 0 || isProblems(oppsett)) return heading ? rejected("Importen", found) : new Problems(found);
  const [sap, unit4, spk] = sources as SheetInput[];
  const { scenario, source } = oppsett;
  const o = oppsettFrom(scenario);
  const imported = importExports(
    { sap, unit4, spk },
    {
      aar: o.aar, budsjettering: o.budsjettering, kontoer: o.kontoer, ...(lonnsarter ? { sap: { lonnsarter } } : {}),
      ...(scenario.acceptCopies ? { duplicates: "count" as const } : {}),
    },
  );
  if (isProblems(imported)) return imported;
  // A source the exports have no lines for in a termin is missing there, not 0.
  const terminer: TerminInput[] = imported.terminer.map((t) => completeTermin({ ...t, termin: t.termin as number }));
  return fromScenario({ ...scenario, terminer }, [source, sap.sheet, unit4.sheet, spk.sheet].join(", "), [...imported.notes]);
}

export interface Input {
  readonly inputs: SpkInputs;
  /** The input workbook, when the input is one. */
  readonly workbook?: ExcelJS.Workbook;
}

/** A scenario (.json) or a filled workbook (.xlsx), by extension. */
export async function readInput(path: string, sheet?: string): Promise<Checked<Input>> {
  const ext = extname(path).toLowerCase();
  if (ext === ".json") {
    const inputs = readScenarioFile(path);
    return isProblems(inputs) ? inputs : { inputs };
  }
  if (ext === ".xlsx") return readWorkbookInput(path, sheet);
  return problems(`«${fileName(path)}» er verken en scenariofil (.json) eller en arbeidsbok (.xlsx).`);
}
