/**
 * What each of the pane's writes plans, as pure functions of what was just read (the shell's
 * snapshots): validate everything, build one WritePlan for everything the action writes and add
 * the `Logg` row to the same plan, so the workbook is written once or not at all. Figures come
 * from the workbook as it is at that moment (a co-author may have changed it since the pane last
 * looked), read by core's use cases.
 *
 * Every write that touches the reconciliation runs core's `runSpk` on the workbook (as `lonn
 * avstem` does on a file) and writes what `planSpkWorkbook` plans: the sheet (explanations and
 * sign-off kept, sign-off state in column X), `_lonn`, `Korreksjonsbilag` and `A-melding
 * fordeling` from the same vouchers, the export record and the `Logg` row.
 */
import { ImportedTerminer } from "../core/import/aggregate";
import { Checked, isProblems, ProblemList, problems } from "../core/problem/problem";
import { SheetSnapshot } from "../core/sheet/snapshot";
import { planAvstemming } from "../core/spk/sheet/plan";
import { completeTermin } from "../core/spk/termin-fields";
import { Bilag, Oppsett } from "../core/spk/types";
import {
  Book,
  exportBlockers,
  planSpkExport,
  planSpkWorkbook,
  readSpkSheet,
  readSpkSheetInputs,
  runSpk,
  runSpkSheet,
  SheetReconciliation,
  SheetRun,
  SheetRunOptions,
  spkExportFileSettings,
  spkExportRecord,
  spkSheetsToRead,
  SpkVouchers,
} from "../core/usecase/spk";
import { toCsv } from "../core/voucher/csv";
import { ExportPlan } from "../core/voucher/export-record";
import { toGl07 } from "../core/voucher/gl07";
import { isoTimestamp, LOG_SHEET, LoggLinje, withLogRow, Timestamp } from "../core/workpaper/logg";
import { SETTINGS_SHEET } from "../core/workpaper/settings";
import { WritePlan } from "../core/workpaper/write-plan";
import type { PlanBuilder, Snapshots } from "../excel/run";
import { YearEndInput } from "./view/year-end-view";
import { ACTIONS, yearEndTotals, reconciliationTotals, bilagTotals, oppsettTotals, exportTotals } from "../core/spk/log-text";

/** An action: the sheets it reads before planning, and the plan builder. */
export interface Action {
  readonly sheetsToRead: readonly string[];
  readonly plan: PlanBuilder;
}

/** When and by whom a write is made, for its `Logg` row. */
export interface WriteMeta {
  readonly time: Timestamp;
  /** The initials the user gave the pane ("" when none). */
  readonly who: string;
}

/** Lower-case names of the sheets that exist (a snapshot was read). */
export function existingSheets(snaps: Snapshots): Set<string> {
  return new Set([...snaps].filter(([, s]) => s !== undefined).map(([n]) => n.toLowerCase()));
}

/** A sheet of the snapshots by name, matched as Excel matches names (case does not matter). */
const lookup = (snaps: Snapshots) => (name: string): SheetSnapshot | undefined =>
  snaps.get(name) ?? [...snaps.values()].find((s) => s?.name.toLowerCase() === name.toLowerCase());

/**
 * The open workbook as core's runs see it: the sheets just read, `sheet` the reconciliation the
 * pane works on (found at start, or chosen under Oppsett) where `_lonn` names none of them.
 */
function bookOf(snaps: Snapshots, sheet: string): Book {
  const names = [...snaps.values()].filter((s): s is SheetSnapshot => s !== undefined).map((s) => s.name);
  return { sheetNames: names, snapshots: lookup(snaps), isInput: false, namedSheet: sheet };
}

/** Reads the reconciliation sheet and computes the model, its sign-off reviewed; every problem at its cell. */
export function readReconciliation(snaps: Snapshots, sheet: string): Checked<SheetReconciliation> {
  return readSpkSheet(lookup(snaps), sheet);
}

const logRow = (meta: WriteMeta, action: string, summer: string): Omit<LoggLinje, "endret"> => ({ tid: meta.time, handling: action, summer, hvem: meta.who });

/** `plan` with its `Logg` row (the log describes the plan, in the same write); `oppsett` names whose log it is when printed. */
export const logged = (plan: Checked<WritePlan>, snaps: Snapshots, action: string, totals: string, meta: WriteMeta, oppsett: Pick<Oppsett, "virksomhet" | "aar">): Checked<WritePlan> =>
  isProblems(plan)
    ? plan
    : withLogRow(plan, logRow(meta, action, totals), snaps.get(LOG_SHEET), existingSheets(snaps), { virksomhet: oppsett.virksomhet, aar: oppsett.aar });

/** Oppsett: make the sheet (or write the header of an existing one) and `_lonn` from the form. */
export function saveOppsett(sheet: string, oppsett: Oppsett, meta: WriteMeta): Action {
  return {
    sheetsToRead: [sheet, SETTINGS_SHEET, LOG_SHEET],
    plan: (snaps) =>
      logged(planAvstemming({ oppsett, terminer: [], existing: snaps.get(sheet), settings: snaps.get(SETTINGS_SHEET) }), snaps, ACTIONS.oppsett, oppsettTotals(oppsett), meta, oppsett),
  };
}

/** What an import depends on in the header: it was read with these. */
function sameBasis(a: Oppsett, b: Oppsett): boolean {
  return a.aar === b.aar && a.budsjettering === b.budsjettering && JSON.stringify(a.kontoer) === JSON.stringify(b.kontoer);
}

/**
 * Avstem: the imported figures laid over the sheet (only the sources the exports have lines for;
 * explanations and sign-off stay, and count in the same run), the import configuration into
 * `_lonn`, and every derived sheet from the same figures. The header stays as the sheet has it;
 * an import read under another year, budsjettering or accounts is refused.
 */
export function fillFromImport(sheet: string, imported: ImportedTerminer, readWith: Oppsett, others: Readonly<Record<string, string>>, meta: WriteMeta): Action {
  return {
    sheetsToRead: spkSheetsToRead(sheet),
    plan: (snaps) => {
      const get = lookup(snaps);
      const fromSheet = readSpkSheetInputs(get, sheet);
      if (isProblems(fromSheet)) return fromSheet;
      if (!sameBasis(fromSheet.oppsett, readWith)) {
        return problems("Oppsettet i arket (år, budsjettering eller kontoer) er endret siden eksportene ble lest. Les inn eksportene på nytt under Importer.");
      }
      const terminer = imported.terminer.map((t) => completeTermin({ ...t, termin: t.termin as number }));
      const run = runSpk({ source: sheet, oppsett: fromSheet.oppsett, terminer, saldoer: [], notes: imported.notes }, bookOf(snaps, sheet));
      if (isProblems(run)) return run;
      // The log's totals are core's sums of the sheet as the import leaves it (explanations kept).
      return planSpkWorkbook(run, run.inputs.sheet ?? sheet, get, { settings: others, log: logRow(meta, ACTIONS.fill, `Importert: ${reconciliationTotals(run.avstemming)}`) });
    },
  };
}

/** The vouchers as text, to see whether the workbook changed between the preview and the write. */
export const fingerprint = (bilag: readonly Bilag[]): string => JSON.stringify(bilag);

export interface BilagResult extends SheetRun, SpkVouchers {}

/**
 * The vouchers and the A-melding split of the reconciliation as the sheet holds it now: the list
 * given, else the one `_lonn` keeps; each voucher on the date chosen, else its termin's end.
 */
export function buildBilagResult(snaps: Snapshots, sheet: string, options: SheetRunOptions = {}): Checked<BilagResult> {
  const r = runSpkSheet(lookup(snaps), sheet, options);
  return isProblems(r) ? r : { ...r, bilag: r.run.bilag, ...(r.run.amelding ? { amelding: r.run.amelding } : {}) };
}

/** What the preview was made with, and what it showed (the write refuses a reconciliation changed since). */
export interface Previewed extends SheetRunOptions {
  /** The preview's fingerprint of the vouchers. */
  readonly expected?: string;
}

/** The run of a Bilag write or export: refused when the vouchers are not the ones previewed. */
function previewedRun(snaps: Snapshots, sheet: string, previewed: Previewed): Checked<BilagResult> {
  const r = buildBilagResult(snaps, sheet, previewed);
  if (isProblems(r)) return r;
  if (previewed.expected !== undefined && fingerprint(r.bilag) !== previewed.expected) {
    return problems("Avstemmingen er endret siden forhåndsvisningen (kanskje av en medforfatter). Se over bilagene på nytt før de skrives.");
  }
  return r;
}

/**
 * Bilag: the whole run written (the sheet's results and sign-off state, `_lonn` with the
 * virksomhet list, `Korreksjonsbilag` with our rows regenerated and the user's kept, `A-melding
 * fordeling` from the current vouchers) with its Logg row.
 */
export function writeBilag(sheet: string, previewed: Previewed, meta: WriteMeta): Action {
  return {
    sheetsToRead: spkSheetsToRead(sheet),
    plan: (snaps) => {
      const r = previewedRun(snaps, sheet, previewed);
      if (isProblems(r)) return r;
      return planSpkWorkbook(r.run, sheet, lookup(snaps), { log: logRow(meta, ACTIONS.bilag, bilagTotals(r.bilag, r.amelding)) });
    },
  };
}

/** A file of an export, as the pane offers it for download. */
export interface ExportFile {
  readonly name: string;
  readonly text: string;
  readonly encoding: "utf-8" | "latin1";
}

/** What an export action found: what it held and its files, or that a material difference stopped it. */
export interface ExportOutcome {
  readonly exported?: ExportPlan;
  readonly files: readonly ExportFile[];
  /** Vouchers held back because a material difference has no explanation (the problems say where to write it). */
  readonly blocked: boolean;
}

export interface ExportOptions extends Previewed {
  /** Everything again, as a marked copy the record never counts. */
  readonly all: boolean;
  /** Export although a material difference is unexplained (the Logg row says so). */
  readonly override: boolean;
}

/** The files of an export are named after its batch: `SPK-2024-E2.csv`, `SPK-2024-E3-KOPI.gl07.txt`. */
export const exportFileNames = (batchId: string): { readonly csv: string; readonly gl07: string } => ({ csv: `${batchId}.csv`, gl07: `${batchId}.gl07.txt` });

/** What the override is logged as. */
export const OVERRIDE_LOG = "valgt «Eksporter likevel» i oppgaveruten";

/**
 * Export: the `Eksporterte bilag` record read (a record edited into nonsense is refused with its
 * cell), what is new planned (new vouchers, corrections, or with `all` a marked copy), and the
 * record's new lines written with the whole run and a Logg row in the same batch; only then are
 * the files offered. A voucher posting an unexplained material difference stops the export
 * unless the user overrides, which the Logg row records. `outcome()` tells the step what happened.
 */
export function exportBilag(sheet: string, options: ExportOptions, meta: WriteMeta): Action & { outcome(): ExportOutcome | undefined } {
  let outcome: ExportOutcome | undefined;
  return {
    sheetsToRead: spkSheetsToRead(sheet),
    outcome: () => outcome,
    plan: (snaps) => {
      outcome = undefined;
      const get = lookup(snaps);
      const r = previewedRun(snaps, sheet, options);
      if (isProblems(r)) return r;
      const { run } = r;
      const record = spkExportRecord(get, run.inputs.oppsett.aar);
      if (isProblems(record)) return record;
      const planned = planSpkExport(run, record, { eksportert: isoTimestamp(meta.time), fil: "" }, { all: options.all });
      // The files are named after the batch the plan numbered; the record says which they were.
      const names = exportFileNames(planned.batchId);
      const plan: ExportPlan = { ...planned, record: planned.record.map((l) => ({ ...l, fil: `${names.csv}, ${names.gl07}` })) };
      const found = new ProblemList();
      const held = exportBlockers(run, plan, { sheet, snapshots: get });
      const blocked = held.length > 0 && !options.override;
      if (blocked) found.addAll(held);
      const settings = spkExportFileSettings(run.inputs.oppsett, plan);
      const csv = toCsv(plan.vouchers, settings);
      const gl07 = toGl07(plan.vouchers, settings);
      if (isProblems(csv)) found.addAll(csv, { file: "CSV" });
      if (isProblems(gl07)) found.addAll(gl07, { file: "GL07" });
      const stopped = found.error();
      if (stopped || isProblems(csv) || isProblems(gl07)) {
        outcome = { files: [], blocked };
        return stopped ?? problems("Eksporten kan ikke lages.");
      }
      const files: ExportFile[] =
        plan.vouchers.length === 0
          ? []
          : [
              { name: names.csv, text: csv, encoding: "utf-8" },
              { name: names.gl07, text: gl07, encoding: "latin1" },
            ];
      outcome = { exported: plan, files, blocked: false };
      const override = options.override && held.length > 0 ? OVERRIDE_LOG : undefined;
      return planSpkWorkbook(run, sheet, get, {
        exported: plan.record,
        log: logRow(meta, ACTIONS.export, `${bilagTotals(r.bilag, r.amelding)}; ${exportTotals(plan, override)}`),
      });
    },
  };
}

/**
 * Årsavslutning: IB and movement of the control accounts, the updated AGA rate, and status code,
 * signature and date per termin (sign-off cells are written only while empty; signing stores the
 * termin's fingerprint), run with the sheet's figures and written with every derived sheet.
 */
export function saveYearEnd(sheet: string, input: YearEndInput, meta: WriteMeta): Action {
  return {
    sheetsToRead: spkSheetsToRead(sheet),
    plan: (snaps) => {
      const get = lookup(snaps);
      const fromSheet = readSpkSheetInputs(get, sheet);
      if (isProblems(fromSheet)) return fromSheet;
      const terminer = input.signOffs.map((t) => completeTermin({ ...t, termin: t.termin as number }));
      const run = runSpk(
        {
          source: sheet,
          oppsett: fromSheet.oppsett,
          terminer,
          saldoer: input.saldoer,
          ...(input.oppdatertAgaSats !== undefined ? { oppdatertAgaSats: input.oppdatertAgaSats } : {}),
          notes: [],
        },
        bookOf(snaps, sheet),
      );
      if (isProblems(run)) return run;
      return planSpkWorkbook(run, run.inputs.sheet ?? sheet, get, { typedTexts: true, log: logRow(meta, ACTIONS.yearEnd, yearEndTotals(run.avstemming)) });
    },
  };
}
