/**
 * The SPK reconciliation's use cases, as both shells run them: the task pane on the open
 * workbook, the `lonn` command on files. A shell reads (snapshots of sheets, files), calls these,
 * and writes what they plan; it never orchestrates the model itself, so the pane and the CLI
 * cannot drift apart.
 *
 *   inputs → reconcile → vouchers (korreksjonsbilag) → A-melding split → plan every sheet
 */
import { Checked, isProblems, ProblemList, problems } from "../problem/problem";
import { SheetSnapshot } from "../sheet/snapshot";
import { buildAmeldingFordeling, AmeldingFordeling } from "../spk/amelding";
import { buildKorreksjonsbilag } from "../spk/bilag";
import { reconcile } from "../spk/reconcile";
import { AMELDING_SHEET, planAmeldingSheet, ReconciliationCells, reconciliationCells } from "../spk/sheet/amelding-sheet";
import { KORREKSJONSBILAG_SHEET, planKorreksjonsbilagSheet } from "../spk/sheet/korreksjonsbilag-sheet";
import { SHEET_NAMES } from "../spk/sheet/layout";
import { layoutMap, locate } from "../spk/sheet/locate";
import { planAvstemming } from "../spk/sheet/plan";
import { AvstemmingFromSheet, readAvstemming } from "../spk/sheet/read";
import { Avstemming, Bilag, Budsjettering, KontoSaldo, Oppsett, TerminInput, VirksomhetGrunnlag } from "../spk/types";
import { ExportSettings } from "../voucher/export-check";
import { LonnSettings, SETTINGS_SHEET } from "../workpaper/settings";
import { mergePlans, WritePlan } from "../workpaper/write-plan";

/** What a reconciliation is run on, from a scenario file, a filled workbook or the exports. */
export interface SpkInputs {
  /** The file(s) or sheet it came from, for messages. */
  readonly source: string;
  readonly oppsett: Oppsett;
  readonly terminer: readonly TerminInput[];
  readonly saldoer: readonly KontoSaldo[];
  readonly oppdatertAgaSats?: number;
  /** For the A-melding split; without them there is none. */
  readonly virksomheter?: readonly VirksomhetGrunnlag[];
  /** The reconciliation sheet it was read from (workbook input). */
  readonly sheet?: string;
  /** Things the readers want the user to know that do not stop the run (import notes). */
  readonly notes: readonly string[];
}

/** The vouchers of a reconciliation and, with virksomheter, their A-melding split. */
export interface SpkVouchers {
  readonly bilag: readonly Bilag[];
  readonly amelding?: readonly AmeldingFordeling[];
}

export interface SpkRun extends SpkVouchers {
  readonly inputs: SpkInputs;
  readonly avstemming: Avstemming;
}

/** A function from a sheet name to the sheet as the shell read it (undefined: no such sheet). */
export type Snapshots = (sheet: string) => SheetSnapshot | undefined;

/** The vouchers and (with virksomheter) the A-melding split of a reconciliation; every problem at once. */
export function vouchersOf(avstemming: Avstemming, virksomheter: readonly VirksomhetGrunnlag[] | undefined): Checked<SpkVouchers> {
  const problems = new ProblemList();
  const bilag = buildKorreksjonsbilag(avstemming);
  if (isProblems(bilag)) problems.addAll(bilag.list.map((p) => ({ ...p, message: `Korreksjonsbilag: ${p.message}` })));
  let amelding: AmeldingFordeling[] | undefined;
  if (virksomheter) {
    const a = buildAmeldingFordeling(avstemming, virksomheter);
    if (isProblems(a)) problems.addAll(a.list.map((p) => ({ ...p, message: `A-melding: ${p.message}` })));
    else amelding = a;
  }
  return problems.result(() => ({ bilag: bilag as Bilag[], ...(amelding ? { amelding } : {}) }));
}

/** The model, the vouchers and (with virksomheter) the A-melding split. */
export function runSpk(inputs: SpkInputs): Checked<SpkRun> {
  const avstemming = reconcile(inputs.oppsett, inputs.terminer, {
    saldoer: inputs.saldoer,
    ...(inputs.oppdatertAgaSats !== undefined ? { oppdatertAgaSats: inputs.oppdatertAgaSats } : {}),
  });
  if (isProblems(avstemming)) return avstemming;
  const vouchers = vouchersOf(avstemming, inputs.virksomheter);
  return isProblems(vouchers) ? vouchers : { inputs, avstemming, ...vouchers };
}

/**
 * Which sheet of a workbook is the SPK reconciliation: the one `_lonn` names (it follows a
 * renamed sheet), else DFØ's tab name for the kind. Names are matched as Excel matches them
 * (case does not matter); the workbook's own spelling is returned.
 */
export function reconciliationSheetOf(
  sheetNames: readonly string[],
  settings: LonnSettings | undefined,
  kind: Budsjettering,
): string | undefined {
  const find = (name: string | undefined) => (name ? sheetNames.find((n) => n.toLowerCase() === name.toLowerCase()) : undefined);
  return find(settings?.avstemmingsark) ?? find(SHEET_NAMES[kind]);
}

/** What the voucher exports (CSV, GL07) of an SPK reconciliation are made with. */
export function spkExportSettings(oppsett: Oppsett): ExportSettings {
  return { firma: oppsett.firma, bilagsart: oppsett.bilagsart, batchId: `SPK-${oppsett.aar}`, dimensjoner: oppsett.dimensjoner };
}

/** The sheets a plan of the reconciliation reads before it is made. */
export const spkSheetsToRead = (sheet: string): string[] => [sheet, SETTINGS_SHEET, KORREKSJONSBILAG_SHEET, AMELDING_SHEET];

/**
 * The sheets derived from the vouchers: `Korreksjonsbilag` and, with a split, `A-melding fordeling`
 * (whose checks refer to the reconciliation's cells where `reconciliation` says they are).
 */
export function planDerivedSheets(vouchers: SpkVouchers, oppsett: Oppsett, snapshots: Snapshots, reconciliation: ReconciliationCells): Checked<WritePlan> {
  const problems = new ProblemList();
  const plans: WritePlan[] = [];
  const take = (plan: Checked<WritePlan>, sheet: string) => {
    if (isProblems(plan)) problems.addAll(plan, { sheet });
    else plans.push(plan);
  };
  take(planKorreksjonsbilagSheet(vouchers.bilag, oppsett, snapshots(KORREKSJONSBILAG_SHEET)), KORREKSJONSBILAG_SHEET);
  if (vouchers.amelding) take(planAmeldingSheet(vouchers.amelding, oppsett, snapshots(AMELDING_SHEET), reconciliation), AMELDING_SHEET);
  return problems.result(() => mergePlans(...plans));
}

/**
 * The WritePlan that puts a run into a workbook: the A10/A11 sheet (new, or the existing one with
 * only its input cells written), `_lonn`, and the derived sheets. Each part is planned against
 * what the workbook holds now.
 */
export function planSpkWorkbook(run: SpkRun, sheet: string, snapshots: Snapshots): Checked<WritePlan> {
  const { inputs } = run;
  const existing = snapshots(sheet);
  const settings = snapshots(SETTINGS_SHEET);
  const main = planAvstemming({
    oppsett: inputs.oppsett,
    terminer: inputs.terminer,
    saldoer: inputs.saldoer,
    ...(inputs.oppdatertAgaSats !== undefined ? { oppdatertAgaSats: inputs.oppdatertAgaSats } : {}),
    ...(existing ? { existing } : {}),
    ...(settings ? { settings } : {}),
  });
  const map = existing ? locate(existing) : layoutMap(sheet);
  const derived = planDerivedSheets(run, inputs.oppsett, snapshots, reconciliationCells(isProblems(map) ? layoutMap(sheet) : map));
  const problems = new ProblemList();
  if (isProblems(main)) problems.addAll(main, { sheet });
  if (isProblems(derived)) problems.addAll(derived);
  return problems.result(() => mergePlans(main as WritePlan, derived as WritePlan));
}

/** The reconciliation as a sheet holds it now, and core's model of it. */
export interface SheetReconciliation {
  readonly fromSheet: AvstemmingFromSheet;
  readonly avstemming: Avstemming;
}

/**
 * Reads the reconciliation sheet (with `_lonn`) and computes the model; every problem at its cell.
 * `extras` replaces the sheet's year-end inputs (what the pane's Årsavslutning form holds).
 */
export function readSpkSheet(
  snapshots: Snapshots,
  sheet: string,
  extras?: { readonly saldoer?: readonly KontoSaldo[]; readonly oppdatertAgaSats?: number },
): Checked<SheetReconciliation> {
  const snapshot = snapshots(sheet);
  if (!snapshot) return problems(`Fant ikke arket «${sheet}». Gå til Oppsett og lag eller velg avstemmingsarket.`, { sheet });
  const fromSheet = readAvstemming(snapshot, snapshots(SETTINGS_SHEET));
  if (isProblems(fromSheet)) return fromSheet;
  const saldoer = extras?.saldoer && extras.saldoer.length > 0 ? extras.saldoer : fromSheet.saldoer;
  const oppdatertAgaSats = extras?.oppdatertAgaSats ?? fromSheet.oppdatertAgaSats;
  const avstemming = reconcile(fromSheet.oppsett, fromSheet.terminer, { saldoer, ...(oppdatertAgaSats !== undefined ? { oppdatertAgaSats } : {}) });
  return isProblems(avstemming) ? avstemming : { fromSheet, avstemming };
}
