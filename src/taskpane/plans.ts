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
import { emptyTermin } from "../core/spk/termin-fields";
import { Bilag, Oppsett, TerminInput, VirksomhetGrunnlag } from "../core/spk/types";
import { planDerivedSheets, readSpkSheet, SheetReconciliation, spkSheetsToRead, SpkVouchers, vouchersOf } from "../core/usecase/spk";
import { LOGG_ARK, medLogg, Tidspunkt } from "../core/workpaper/logg";
import { SETTINGS_SHEET } from "../core/workpaper/settings";
import { WritePlan } from "../core/workpaper/write-plan";
import type { PlanBuilder, Snapshots } from "../excel/run";
import { AarsInput } from "./view/aars-view";
import { HANDLING, summerAars, summerAvstemming, summerBilag, summerOppsett } from "./view/logg-tekst";

/** An action: the sheets it reads before planning, and the plan builder. */
export interface Handling {
  readonly ark: readonly string[];
  readonly plan: PlanBuilder;
}

/** Lower-case names of the sheets that exist (a snapshot was read). */
export function eksisterende(snaps: Snapshots): Set<string> {
  return new Set([...snaps].filter(([, s]) => s !== undefined).map(([n]) => n.toLowerCase()));
}

/** The reconciliation as the sheet holds it now, and core's model of it. */
export type Lest = SheetReconciliation;

/** Reads the reconciliation sheet and computes the model; every problem at its cell. */
export function lesAvstemming(snaps: Snapshots, ark: string, extras?: Pick<AarsInput, "saldoer" | "oppdatertAgaSats">): Checked<Lest> {
  return readSpkSheet((s) => snaps.get(s), ark, extras);
}

const logged = (plan: Checked<WritePlan>, snaps: Snapshots, handling: string, summer: string, tid: Tidspunkt): Checked<WritePlan> =>
  isProblems(plan) ? plan : medLogg(plan, { tid, handling, summer }, snaps.get(LOGG_ARK), eksisterende(snaps));

/** Oppsett: make the sheet (or write the header of an existing one) and `_lonn` from the form. */
export function lagreOppsett(ark: string, oppsett: Oppsett, tid: Tidspunkt): Handling {
  return {
    ark: [ark, SETTINGS_SHEET, LOGG_ARK],
    plan: (snaps) =>
      logged(planAvstemming({ oppsett, terminer: [], existing: snaps.get(ark), settings: snaps.get(SETTINGS_SHEET) }), snaps, HANDLING.oppsett, summerOppsett(oppsett), tid),
  };
}

/** What an import depends on in the header: it was read with these. */
function sammeGrunnlag(a: Oppsett, b: Oppsett): boolean {
  return a.aar === b.aar && a.budsjettering === b.budsjettering && JSON.stringify(a.kontoer) === JSON.stringify(b.kontoer);
}

/**
 * Avstem: write the imported figures into the sheet (only the fields the exports have lines for)
 * and the import configuration into `_lonn`. The header stays as the sheet has it; an import read
 * under another year, budsjettering or accounts is refused.
 */
export function fyllFraImport(ark: string, importert: ImportedTerminer, lestMed: Oppsett, andre: Readonly<Record<string, string>>, tid: Tidspunkt): Handling {
  return {
    ark: [ark, SETTINGS_SHEET, LOGG_ARK],
    plan: (snaps) => {
      const lest = lesAvstemming(snaps, ark);
      if (isProblems(lest)) return lest;
      const { fromSheet } = lest;
      if (!sammeGrunnlag(fromSheet.oppsett, lestMed)) {
        return problems("Oppsettet i arket (år, budsjettering eller kontoer) er endret siden eksportene ble lest. Les inn eksportene på nytt under Importer.");
      }
      const plan = planAvstemming({ oppsett: fromSheet.oppsett, terminer: importert.terminer, existing: snaps.get(ark), settings: snaps.get(SETTINGS_SHEET), andreInnstillinger: andre });
      // The log's totals are core's sums of what the import writes (a termin it has no lines for counts 0).
      const skrevet = importert.terminer.map((t) => ({ ...emptyTermin(t.termin as number), ...t }) as TerminInput);
      const a = reconcile(fromSheet.oppsett, skrevet);
      return logged(plan, snaps, HANDLING.fyll, isProblems(a) ? a.message : `Importert: ${summerAvstemming(a)}`, tid);
    },
  };
}

/** The vouchers as text, to see whether the workbook changed between the preview and the write. */
export const fingeravtrykk = (bilag: readonly Bilag[]): string => JSON.stringify(bilag);

export interface BilagResultat extends Lest, SpkVouchers {}

/** The vouchers and the A-melding split of the reconciliation as it is now. */
export function lagBilag(lest: Lest, virksomheter: readonly VirksomhetGrunnlag[] | undefined): Checked<BilagResultat> {
  const v = vouchersOf(lest.avstemming, virksomheter);
  return isProblems(v) ? v : { ...lest, ...v };
}

/**
 * Bilag: the `Korreksjonsbilag` sheet (our rows regenerated, the user's kept) and, with a
 * virksomhet list, `A-melding fordeling`. `forventet` is the preview's fingerprint: if the
 * reconciliation changed since, nothing is written and the user is asked to look again.
 */
export function skrivBilag(ark: string, virksomheter: readonly VirksomhetGrunnlag[] | undefined, forventet: string | undefined, tid: Tidspunkt): Handling {
  return {
    ark: [...spkSheetsToRead(ark), LOGG_ARK],
    plan: (snaps) => {
      const lest = lesAvstemming(snaps, ark);
      if (isProblems(lest)) return lest;
      const r = lagBilag(lest, virksomheter);
      if (isProblems(r)) return r;
      if (forventet !== undefined && fingeravtrykk(r.bilag) !== forventet) {
        return problems("Avstemmingen er endret siden forhåndsvisningen (kanskje av en medforfatter). Se over bilagene på nytt før de skrives.");
      }
      const plan = planDerivedSheets(r, lest.fromSheet.oppsett, (s) => snaps.get(s));
      return logged(plan, snaps, HANDLING.bilag, summerBilag(r.bilag, r.amelding), tid);
    },
  };
}

/**
 * Årsavslutning: IB and movement of the control accounts, the updated AGA rate, and status code,
 * signature and date per termin (sign-off cells are written only while empty). The model is run
 * with the new figures before anything is written.
 */
export function lagreAarsavslutning(ark: string, input: AarsInput, tid: Tidspunkt): Handling {
  return {
    ark: [ark, SETTINGS_SHEET, LOGG_ARK],
    plan: (snaps) => {
      const lest = lesAvstemming(snaps, ark, input);
      if (isProblems(lest)) return lest;
      const plan = planAvstemming({
        oppsett: lest.fromSheet.oppsett,
        terminer: input.signeringer,
        saldoer: input.saldoer,
        ...(input.oppdatertAgaSats !== undefined ? { oppdatertAgaSats: input.oppdatertAgaSats } : {}),
        existing: snaps.get(ark),
        settings: snaps.get(SETTINGS_SHEET),
      });
      return logged(plan, snaps, HANDLING.aars, summerAars(lest.avstemming), tid);
    },
  };
}
