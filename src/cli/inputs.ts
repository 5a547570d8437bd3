/**
 * The three ways into a reconciliation: a scenario file (DESIGN.md §7), a filled A10/A11 workbook,
 * or the SAP, Unit4 and SPK exports with an oppsett file. Each gives a Grunnlag, or every problem
 * with the input, named by field, cell or row.
 */
import type ExcelJS from "exceljs";
import { basename, extname } from "path";
import { isRuleError, Result, valueError } from "../core/errors";
import { formatImportErrors, importExports, parseCsv, SheetInput } from "../core/import";
import { readVirksomheter } from "../core/import/virksomheter";
import { InputProblems } from "../core/spk/problems";
import { extrasFrom, oppsettFrom, parseScenario, terminerFrom } from "../core/spk/scenario";
import { emptyTermin } from "../core/spk/termin-fields";
import { Oppsett, Scenario, TerminInput, VirksomhetGrunnlag } from "../core/spk/types";
import { SETTINGS_SHEET, SHEET_NAMES } from "../core/template/layout";
import { readAvstemming } from "../core/template/read";
import { readSettings } from "../core/template/settings";
import { SheetSnapshot } from "../core/sheet/snapshot";
import { filnavn, lesTekst } from "./files";
import { Grunnlag } from "./pipeline";
import { snapshotsOf } from "./xlsx/snapshot";
import { findSheet, loadWorkbook } from "./xlsx/workbook";

/** Problems of one input, each line prefixed by the file they are about. */
export function iFil(error: { message: string; problems?: readonly string[] }, fil: string): InputProblems {
  const lines = error.problems ?? error.message.split("\n");
  return new InputProblems(lines.map((l) => `${fil}: ${l}`));
}

/** JSON with the position of a syntax error as line and column. */
export function lesJson(text: string, fil: string): Result<unknown> {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const message = (e as Error).message;
    const pos = message.match(/position (\d+)/);
    let where = "";
    if (pos) {
      const before = text.slice(0, Number(pos[1]));
      const line = before.split("\n").length;
      const col = Number(pos[1]) - before.lastIndexOf("\n");
      where = ` (linje ${line}, kolonne ${col})`;
    }
    return valueError(`${fil}: ugyldig JSON${where}: ${message}`);
  }
}

function fraScenario(scenario: Scenario, kilde: string, merknader: string[] = []): Grunnlag {
  return {
    kilde,
    oppsett: oppsettFrom(scenario),
    terminer: terminerFrom(scenario),
    saldoer: extrasFrom(scenario).saldoer ?? [],
    ...(scenario.oppdatertAgaSats !== undefined ? { oppdatertAgaSats: scenario.oppdatertAgaSats } : {}),
    ...(scenario.virksomheter ? { virksomheter: scenario.virksomheter } : {}),
    merknader,
  };
}

/** A scenario file (DESIGN.md §7). */
export function lesScenario(path: string): Result<Grunnlag> {
  const fil = basename(path);
  const text = lesTekst(path);
  if (isRuleError(text)) return text;
  const json = lesJson(text, fil);
  if (isRuleError(json)) return json;
  const scenario = parseScenario(json);
  if (isRuleError(scenario)) return iFil(scenario as InputProblems, fil);
  return fraScenario(scenario, fil);
}

/**
 * The A-melding's virksomheter from their own file: JSON (a list, or an object with
 * `virksomheter`, checked by the scenario reader's rules), or a CSV/.xlsx list with the columns
 * Virksomhetsnummer, Navn, Sone (or Kommunenummer) and Grunnlag (core's list reader).
 */
export async function lesVirksomheter(path: string, oppsett: Oppsett): Promise<Result<VirksomhetGrunnlag[]>> {
  const fil = basename(path);
  const ext = extname(path).toLowerCase();
  if (ext === ".csv" || ext === ".xlsx") {
    const sheet = await lesEksport(path);
    if (isRuleError(sheet)) return sheet;
    const read = readVirksomheter(sheet, { aar: oppsett.aar });
    if (!read.ok) return new InputProblems(formatImportErrors(read.errors).map((l, i) => (i === 0 ? l.replace("Importen", "Virksomhetslisten") : l)));
    return [...read.value.virksomheter];
  }
  const text = lesTekst(path);
  if (isRuleError(text)) return text;
  const json = lesJson(text, fil);
  if (isRuleError(json)) return json;
  const list = Array.isArray(json) ? json : (json as { virksomheter?: unknown } | null)?.virksomheter;
  if (!Array.isArray(list)) return valueError(`${fil}: ventet en liste med virksomheter (virksomhetsnummer, navn, sone, grunnlag).`);
  const scenario = parseScenario({ virksomhet: oppsett.virksomhet, aar: oppsett.aar, budsjettering: oppsett.budsjettering, agaSats: oppsett.agaSats, terminer: [], virksomheter: list });
  if (isRuleError(scenario)) return iFil(scenario as InputProblems, fil);
  return [...(scenario.virksomheter ?? [])];
}

export interface ArbeidsbokInndata {
  readonly grunnlag: Grunnlag;
  readonly arbeidsbok: ExcelJS.Workbook;
}

/** The reconciliation sheet: `--ark`, else the one `_lonn` names, else DFØ's tab name. */
function finnAvstemmingsark(wb: ExcelJS.Workbook, fil: string, ark?: string): Result<ExcelJS.Worksheet> {
  if (ark) return findSheet(wb, ark) ?? valueError(`${fil}: fant ikke arket «${ark}».`);
  const settings = readSettings(snapshotsOf(wb, [SETTINGS_SHEET]).get(SETTINGS_SHEET));
  const named = !isRuleError(settings) ? settings.avstemmingsark : undefined;
  const byName = named ? findSheet(wb, named) : undefined;
  if (byName) return byName;
  const dfo = [SHEET_NAMES.brutto, SHEET_NAMES.netto].map((n) => findSheet(wb, n)).filter((ws): ws is ExcelJS.Worksheet => ws !== undefined);
  if (dfo.length === 1) return dfo[0];
  const visible = wb.worksheets.filter((ws) => ws.state === "visible");
  if (dfo.length === 0 && visible.length === 1) return visible[0];
  const names = wb.worksheets.map((ws) => `«${ws.name}»`).join(", ");
  return valueError(`${fil}: vet ikke hvilket ark som er avstemmingen (arkene: ${names}); oppgi det med --ark NAVN.`);
}

/** A filled A10/A11 workbook (ours or a DFØ-style one made by hand) read back into the model's inputs. */
export async function lesArbeidsbok(path: string, ark?: string): Promise<Result<ArbeidsbokInndata>> {
  const fil = basename(path);
  const wb = await loadWorkbook(path);
  if (isRuleError(wb)) return wb;
  const ws = finnAvstemmingsark(wb, fil, ark);
  if (isRuleError(ws)) return ws;
  const snaps = snapshotsOf(wb, [ws.name, SETTINGS_SHEET]);
  const read = readAvstemming(snaps.get(ws.name) as SheetSnapshot, snaps.get(SETTINGS_SHEET));
  if (isRuleError(read)) return iFil(read as InputProblems, fil);
  return {
    arbeidsbok: wb,
    grunnlag: {
      kilde: fil,
      oppsett: read.oppsett,
      terminer: read.terminer,
      saldoer: read.saldoer,
      ...(read.oppdatertAgaSats !== undefined ? { oppdatertAgaSats: read.oppdatertAgaSats } : {}),
      ark: ws.name,
      merknader: [],
    },
  };
}

/** Flags that set (or override) the oppsett file's fields, by scenario field. */
export interface OppsettFlagg {
  readonly virksomhet?: string;
  readonly aar?: string;
  readonly budsjettering?: string;
  readonly modus?: string;
  readonly agaSats?: string;
  readonly orgnr?: string;
  readonly firma?: string;
  readonly bilagsart?: string;
}

export interface EksportFiler {
  readonly sap: string;
  readonly unit4: string;
  readonly spk: string;
}

export interface SapLonnsarterValg {
  readonly arbeidsgiverandel: readonly string[];
  readonly medlemsinnskudd: readonly string[];
}

/** "0,1387" and "0.1387" as a number; anything else stays text so the scenario check names it. */
function tallEllerTekst(text: string): number | string {
  const t = text.trim().replace(",", ".");
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : text;
}

/**
 * The oppsett for an import: the oppsett file (a scenario without terminer), with the flags on
 * top, checked as a scenario is.
 */
export function lesOppsett(path: string | undefined, flagg: OppsettFlagg): Result<{ scenario: Scenario; kilde: string }> {
  let base: Record<string, unknown> = {};
  const kilde = path ? basename(path) : "oppsettet";
  if (path) {
    const text = lesTekst(path);
    if (isRuleError(text)) return text;
    const json = lesJson(text, kilde);
    if (isRuleError(json)) return json;
    if (typeof json !== "object" || json === null || Array.isArray(json)) return valueError(`${kilde}: oppsettet må være et JSON-objekt.`);
    base = { ...(json as Record<string, unknown>) };
    if (Array.isArray(base.terminer) && base.terminer.length > 0) {
      return valueError(`${kilde}: terminene kommer fra eksportfilene; fjern «terminer» fra oppsettfilen.`);
    }
  }
  const overrides: Record<string, unknown> = {
    ...(flagg.virksomhet !== undefined ? { virksomhet: flagg.virksomhet } : {}),
    ...(flagg.aar !== undefined ? { aar: tallEllerTekst(flagg.aar) } : {}),
    ...(flagg.budsjettering !== undefined ? { budsjettering: flagg.budsjettering } : {}),
    ...(flagg.modus !== undefined ? { modus: flagg.modus } : {}),
    ...(flagg.agaSats !== undefined ? { agaSats: tallEllerTekst(flagg.agaSats) } : {}),
    ...(flagg.orgnr !== undefined ? { orgnr: flagg.orgnr } : {}),
    ...(flagg.firma !== undefined ? { firma: flagg.firma } : {}),
    ...(flagg.bilagsart !== undefined ? { bilagsart: flagg.bilagsart } : {}),
  };
  const scenario = parseScenario({ ...base, ...overrides, terminer: [] });
  if (isRuleError(scenario)) return iFil(scenario as InputProblems, kilde);
  return { scenario, kilde };
}

/** An export file as a reader's sheet: CSV (any of Norway's usual flavours), or the first sheet of an .xlsx. */
async function lesEksport(path: string): Promise<Result<SheetInput>> {
  const sheet = basename(path);
  if (extname(path).toLowerCase() === ".xlsx") {
    const wb = await loadWorkbook(path);
    if (isRuleError(wb)) return wb;
    const ws = wb.worksheets.find((w) => w.state === "visible") ?? wb.worksheets[0];
    if (!ws) return valueError(`${sheet}: arbeidsboken har ingen ark.`);
    return { sheet, values: snapshotsOf(wb, [ws.name]).get(ws.name)?.values ?? [] };
  }
  const text = lesTekst(path);
  if (isRuleError(text)) return text;
  const grid = parseCsv(text, { sheet });
  if (!grid.ok) return new InputProblems(formatImportErrors(grid.errors));
  return { sheet, values: grid.value.values };
}

/**
 * The SAP, Unit4 and SPK exports aggregated per termin (core's readers) with the oppsett. All three
 * are needed: a termin without its invoice would be reconciled against nothing.
 */
export async function lesEksporter(
  filer: EksportFiler,
  oppsettFil: string | undefined,
  flagg: OppsettFlagg,
  lonnsarter?: SapLonnsarterValg,
): Promise<Result<Grunnlag>> {
  const oppsett = lesOppsett(oppsettFil, flagg);
  const sources = await Promise.all([lesEksport(filer.sap), lesEksport(filer.unit4), lesEksport(filer.spk)]);
  const problems: string[] = [];
  for (const s of [oppsett, ...sources]) {
    if (isRuleError(s)) problems.push(...((s as InputProblems).problems ?? [s.message]));
  }
  if (problems.length > 0 || isRuleError(oppsett)) return new InputProblems(problems);
  const [sap, unit4, spk] = sources as SheetInput[];
  const { scenario, kilde } = oppsett;
  const o = oppsettFrom(scenario);
  const imported = importExports(
    { sap, unit4, spk },
    { aar: o.aar, budsjettering: o.budsjettering, kontoer: o.kontoer, ...(lonnsarter ? { sap: { lonnsarter } } : {}) },
  );
  if (!imported.ok) return new InputProblems(formatImportErrors(imported.errors));
  const terminer: TerminInput[] = imported.value.terminer.map((t) => ({ ...emptyTermin(t.termin as number), ...t }) as TerminInput);
  const g = fraScenario({ ...scenario, terminer }, [kilde, sap.sheet, unit4.sheet, spk.sheet].join(", "), [...imported.value.notes]);
  return g;
}

export interface Inndata {
  readonly grunnlag: Grunnlag;
  /** The input workbook, when the input is one. */
  readonly arbeidsbok?: ExcelJS.Workbook;
}

/** A scenario (.json) or a filled workbook (.xlsx), by extension. */
export async function lesInndata(path: string, ark?: string): Promise<Result<Inndata>> {
  const ext = extname(path).toLowerCase();
  if (ext === ".json") {
    const g = lesScenario(path);
    return isRuleError(g) ? g : { grunnlag: g };
  }
  if (ext === ".xlsx") return lesArbeidsbok(path, ark);
  return valueError(`«${filnavn(path)}» er verken en scenariofil (.json) eller en arbeidsbok (.xlsx).`);
}
