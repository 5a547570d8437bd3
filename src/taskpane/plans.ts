/**
 * What each of the pane's writes plans, as pure functions of what was just read (the shell's
 * snapshots): validate everything, build one WritePlan for everything the action writes (the
 * reconciliation sheet, `_lonn`, the voucher sheets) and add the `Logg` row to the same plan, so
 * the workbook is written once or not at all. Figures come from the workbook as it is at that
 * moment (a co-author may have changed it since the pane last looked), read by core's use cases.
 */
import { ImportedTerminer } from "../core/import/aggregate";
import { Checked, isProblems, problems } from "../core/problem/problem";
import { planAvstemming } from "../core/spk/sheet/plan";
import { reconcile } from "../core/spk/reconcile";
import { overlayTerminer } from "../core/spk/termin-fields";
import { Bilag, Oppsett, VirksomhetGrunnlag } from "../core/spk/types";
import { reconciliationCells } from "../core/spk/sheet/amelding-sheet";
import { planDerivedSheets, readSpkSheet, SheetReconciliation, spkSheetsToRead, SpkVouchers, vouchersOf } from "../core/usecase/spk";
import { LOG_SHEET, withLogRow, Timestamp } from "../core/workpaper/logg";
import { SETTINGS_SHEET } from "../core/workpaper/settings";
import { WritePlan } from "../core/workpaper/write-plan";
import type { PlanBuilder, Snapshots } from "../excel/run";
import { YearEndInput } from "./view/year-end-view";
import { ACTIONS, yearEndTotals, reconciliationTotals, bilagTotals, oppsettTotals } from "../core/spk/log-text";

/** An action: the sheets it reads before planning, and the plan builder. */
export interface Action {
  readonly sheetsToRead: readonly string[];
  readonly plan: PlanBuilder;
}

/** Lower-case names of the sheets that exist (a snapshot was read). */
export function existingSheets(snaps: Snapshots): Set<string> {
  return new Set([...snaps].filter(([, s]) => s !== undefined).map(([n]) => n.toLowerCase()));
}

/** Reads the reconciliation sheet and computes the model; every problem at its cell. */
export function readReconciliation(snaps: Snapshots, sheet: string, extras?: Pick<YearEndInput, "saldoer" | "oppdatertAgaSats">): Checked<SheetReconciliation> {
  return readSpkSheet((s) => snaps.get(s), sheet, extras);
}

/** `plan` with its `Logg` row (the log describes the plan, in the same write); `oppsett` names whose log it is when printed. */
export const logged = (plan: Checked<WritePlan>, snaps: Snapshots, action: string, totals: string, time: Timestamp, oppsett: Pick<Oppsett, "virksomhet" | "aar">): Checked<WritePlan> =>
  isProblems(plan)
    ? plan
    : withLogRow(plan, { tid: time, handling: action, summer: totals }, snaps.get(LOG_SHEET), existingSheets(snaps), { virksomhet: oppsett.virksomhet, aar: oppsett.aar });

/** Oppsett: make the sheet (or write the header of an existing one) and `_lonn` from the form. */
export function saveOppsett(sheet: string, oppsett: Oppsett, time: Timestamp): Action {
  return {
    sheetsToRead: [sheet, SETTINGS_SHEET, LOG_SHEET],
    plan: (snaps) =>
      logged(planAvstemming({ oppsett, terminer: [], existing: snaps.get(sheet), settings: snaps.get(SETTINGS_SHEET) }), snaps, ACTIONS.oppsett, oppsettTotals(oppsett), time, oppsett),
  };
}

/** What an import depends on in the header: it was read with these. */
function sameBasis(a: Oppsett, b: Oppsett): boolean {
  return a.aar === b.aar && a.budsjettering === b.budsjettering && JSON.stringify(a.kontoer) === JSON.stringify(b.kontoer);
}

/**
 * Avstem: write the imported figures into the sheet (only the fields the exports have lines for)
 * and the import configuration into `_lonn`. The header stays as the sheet has it; an import read
 * under another year, budsjettering or accounts is refused.
 */
export function fillFromImport(sheet: string, imported: ImportedTerminer, readWith: Oppsett, others: Readonly<Record<string, string>>, time: Timestamp): Action {
  return {
    sheetsToRead: [sheet, SETTINGS_SHEET, LOG_SHEET],
    plan: (snaps) => {
      const reconciliation = readReconciliation(snaps, sheet);
      if (isProblems(reconciliation)) return reconciliation;
      const { fromSheet } = reconciliation;
      if (!sameBasis(fromSheet.oppsett, readWith)) {
        return problems("Oppsettet i arket (år, budsjettering eller kontoer) er endret siden eksportene ble lest. Les inn eksportene på nytt under Importer.");
      }
      const plan = planAvstemming({ oppsett: fromSheet.oppsett, terminer: imported.terminer, existing: snaps.get(sheet), settings: snaps.get(SETTINGS_SHEET), andreInnstillinger: others });
      // The log's totals are core's sums of the sheet as the import leaves it (explanations kept).
      const written = overlayTerminer(fromSheet.terminer, imported.terminer.map((t) => ({ ...t, termin: t.termin as number })));
      const a = reconcile(fromSheet.oppsett, written);
      return logged(plan, snaps, ACTIONS.fill, isProblems(a) ? a.message : `Importert: ${reconciliationTotals(a)}`, time, fromSheet.oppsett);
    },
  };
}

/** The vouchers as text, to see whether the workbook changed between the preview and the write. */
export const fingerprint = (bilag: readonly Bilag[]): string => JSON.stringify(bilag);

export interface BilagResult extends SheetReconciliation, SpkVouchers {}

/** The vouchers and the A-melding split of the reconciliation as it is now. */
export function buildBilagResult(reconciliation: SheetReconciliation, virksomheter: readonly VirksomhetGrunnlag[] | undefined): Checked<BilagResult> {
  const v = vouchersOf(reconciliation.avstemming, virksomheter);
  return isProblems(v) ? v : { ...reconciliation, ...v };
}

/**
 * Bilag: the `Korreksjonsbilag` sheet (our rows regenerated, the user's kept) and, with a
 * virksomhet list, `A-melding fordeling`. `forventet` is the preview's fingerprint: if the
 * reconciliation changed since, nothing is written and the user is asked to look again.
 */
export function writeBilag(sheet: string, virksomheter: readonly VirksomhetGrunnlag[] | undefined, expected: string | undefined, time: Timestamp): Action {
  return {
    sheetsToRead: [...spkSheetsToRead(sheet), LOG_SHEET],
    plan: (snaps) => {
      const reconciliation = readReconciliation(snaps, sheet);
      if (isProblems(reconciliation)) return reconciliation;
      const r = buildBilagResult(reconciliation, virksomheter);
      if (isProblems(r)) return r;
      if (expected !== undefined && fingerprint(r.bilag) !== expected) {
        return problems("Avstemmingen er endret siden forhåndsvisningen (kanskje av en medforfatter). Se over bilagene på nytt før de skrives.");
      }
      const plan = planDerivedSheets(r, reconciliation.fromSheet.oppsett, (s) => snaps.get(s), reconciliationCells(reconciliation.fromSheet.map));
      return logged(plan, snaps, ACTIONS.bilag, bilagTotals(r.bilag, r.amelding), time, reconciliation.fromSheet.oppsett);
    },
  };
}

/**
 * Årsavslutning: IB and movement of the control accounts, the updated AGA rate, and status code,
 * signature and date per termin (sign-off cells are written only while empty). The model is run
 * with the new figures before anything is written.
 */
export function saveYearEnd(sheet: string, input: YearEndInput, time: Timestamp): Action {
  return {
    sheetsToRead: [sheet, SETTINGS_SHEET, LOG_SHEET],
    plan: (snaps) => {
      const reconciliation = readReconciliation(snaps, sheet, input);
      if (isProblems(reconciliation)) return reconciliation;
      const plan = planAvstemming({
        oppsett: reconciliation.fromSheet.oppsett,
        terminer: input.signOffs,
        saldoer: input.saldoer,
        ...(input.oppdatertAgaSats !== undefined ? { oppdatertAgaSats: input.oppdatertAgaSats } : {}),
        existing: snaps.get(sheet),
        settings: snaps.get(SETTINGS_SHEET),
      });
      return logged(plan, snaps, ACTIONS.yearEnd, yearEndTotals(reconciliation.avstemming), time, reconciliation.fromSheet.oppsett);
    },
  };
}
