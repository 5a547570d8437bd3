/**
 * The trekk and AGA reconciliation's use cases (DESIGN.md §8), as both shells run them: the `lonn
 * trekk` command and the task pane's «Trekk og AGA» flow. A shell reads (a scenario, or the
 * readers' output through usecase/trekk-import, and snapshots of the workbook's sheets), calls
 * these, and writes what they plan.
 *
 *   inputs → reconcile → correction vouchers → sign-off review → plan every sheet → exports that remember
 */
import { Checked, isProblems, ProblemList } from "../problem/problem";
import { SheetSnapshot } from "../sheet/snapshot";
import { cellAt } from "../sheet/snapshot";
import { buildTrekkBilag, TREKK_BILAG_ID } from "../trekk/bilag";
import { reconcileTrekk } from "../trekk/reconcile";
import { TrekkAvstemming } from "../trekk/result";
import { reviewSignOff, SignOffReview } from "../trekk/sign-off";
import { SIGN, SIGN_COLUMNS, TITLE_PREFIX, TREKK_SHEET } from "../trekk/sheet/layout";
import { planTrekkSheet } from "../trekk/sheet/plan";
import { TrekkScenario } from "../trekk/types";
import { CsvOptions, toCsv } from "../voucher/csv";
import { ExportSettings } from "../voucher/export-check";
import { toGl07 } from "../voucher/gl07";
import { ExportedLine, ExportMeta, ExportPlan, planExport } from "../voucher/export-record";
import { Bilag } from "../voucher/types";
import { readText } from "../workpaper/cell-values";
import { EXPORT_RECORD_SHEET, planExportRecord, readExportRecordOf } from "../workpaper/export-record-sheet";
import { readSettings, SETTINGS_SHEET } from "../workpaper/settings";
import { planVoucherSheet, VoucherSheetSpec } from "../workpaper/voucher-sheet";
import { mergePlans, WritePlan } from "../workpaper/write-plan";

/** What a trekk reconciliation is run on: a scenario file, or the readers' output (usecase/trekk-import). */
export interface TrekkInputs {
  /** The file(s) it came from, for messages. */
  readonly source: string;
  readonly scenario: TrekkScenario;
  /** Things the readers want the user to know that do not stop the run. */
  readonly notes: readonly string[];
}

export interface TrekkRun {
  readonly inputs: TrekkInputs;
  readonly avstemming: TrekkAvstemming;
  /** The correction vouchers of the accepted ledger differences. */
  readonly bilag: readonly Bilag[];
}

/** A function from a sheet name to the sheet as the shell read it (undefined: no such sheet). */
export type Snapshots = (sheet: string) => SheetSnapshot | undefined;

export const TREKK_VOUCHER_SHEET = "Korreksjonsbilag trekk";

/** The model and the correction vouchers; every problem at once. */
export function runTrekk(inputs: TrekkInputs): Checked<TrekkRun> {
  const avstemming = reconcileTrekk(inputs.scenario);
  if (isProblems(avstemming)) return avstemming;
  const bilag = buildTrekkBilag(avstemming);
  if (isProblems(bilag)) return bilag;
  return { inputs, avstemming, bilag };
}

/** The sheets a plan of the trekk workbook reads before it is made. */
export const trekkSheetsToRead = (sheet: string = TREKK_SHEET): string[] => [sheet, SETTINGS_SHEET, TREKK_VOUCHER_SHEET, EXPORT_RECORD_SHEET];

/** What the correction vouchers' exports (CSV, GL07) are made with. */
export function trekkExportSettings(s: TrekkScenario): ExportSettings {
  return { firma: s.firma ?? "", bilagsart: s.bilagsart ?? "", batchId: `TREKK-${s.aar}`, dimensjoner: [] };
}

/**
 * The months' sign-off as the workbook holds it (the sheet's signatur and dato cells, `_lonn`'s
 * fingerprints), against this run's figures. A workbook without the sheet: nothing is signed.
 */
export function reviewTrekkSignOff(run: TrekkRun, snapshots: Snapshots, sheet: string = TREKK_SHEET): Checked<SignOffReview> {
  const snapshot = snapshots(sheet);
  const ours = snapshot !== undefined && (readText(cellAt(snapshot, "A1").value) ?? "").startsWith(TITLE_PREFIX);
  const settingsSheet = snapshots(SETTINGS_SHEET);
  const settings = settingsSheet ? readSettings(settingsSheet) : undefined;
  if (settings && isProblems(settings)) return settings;
  const cell = (m: number, col: string) => (ours ? readText(cellAt(snapshot, `${col}${SIGN.month(m)}`).value, col === SIGN_COLUMNS.dato) : undefined);
  return reviewSignOff(
    run.avstemming,
    sheet,
    (m) => {
      const signatur = cell(m, SIGN_COLUMNS.signatur);
      const dato = cell(m, SIGN_COLUMNS.dato);
      return { ...(signatur !== undefined ? { signatur } : {}), ...(dato !== undefined ? { dato } : {}) };
    },
    (key) => settings?.andre[key],
  );
}

/** The run with the sign-off review's flags (a signed month changed since) among the model's. */
export function withSignOff(run: TrekkRun, review: SignOffReview): TrekkRun {
  if (review.flags.length === 0) return run;
  return { ...run, avstemming: { ...run.avstemming, flags: [...run.avstemming.flags, ...review.flags] } };
}

export function trekkVoucherSheetSpec(s: TrekkScenario): VoucherSheetSpec {
  return {
    sheet: TREKK_VOUCHER_SHEET,
    title: `Korreksjonsbilag – trekk og arbeidsgiveravgift ${s.aar} (${s.virksomhet})`,
    note:
      "Laget av Lønnsavstemming fra avstemmingen av trekk- og avgiftskontoene. Rader med bilag-ID (TREKK-…) i kolonne A lages på nytt hver gang; " +
      "egne rader og kolonner til høyre for Status blir stående. Beløp: debet positiv, kredit negativ.",
    idPattern: TREKK_BILAG_ID,
    holds: "korreksjonsbilag for trekk og arbeidsgiveravgift",
    bilagsart: s.bilagsart ?? "",
    dimensjoner: [],
    heading: { virksomhet: s.virksomhet, aar: s.aar },
  };
}

/** The export record's trekk lines (the workbook may hold other reconciliations' exports too). */
export function trekkExportRecord(snapshots: Snapshots): Checked<ExportedLine[]> {
  return readExportRecordOf(snapshots(EXPORT_RECORD_SHEET), TREKK_BILAG_ID);
}

/**
 * What an export of the correction vouchers holds now: only what the workbook's record does not
 * have yet (new vouchers, corrections of changed ones), or everything as a copy with `all`.
 */
export function planTrekkExport(run: TrekkRun, record: readonly ExportedLine[], meta: Omit<ExportMeta, "batchPrefix">, all = false): ExportPlan {
  return planExport(run.bilag, record, { ...meta, batchPrefix: `TREKK-${run.inputs.scenario.aar}` }, all);
}

/**
 * The WritePlan that puts a run into a workbook: the `Trekk og AGA` sheet (new, or the existing
 * one with only its input cells written), `_lonn` (sign-off fingerprints), the correction voucher
 * sheet, and the lines an export adds to the `Eksporterte bilag` record.
 */
export function planTrekkWorkbook(
  run: TrekkRun,
  snapshots: Snapshots,
  review: SignOffReview | undefined,
  exported: readonly ExportedLine[] = [],
  sheet: string = TREKK_SHEET,
  andre: Readonly<Record<string, string>> = {},
): Checked<WritePlan> {
  const problems = new ProblemList();
  const plans: WritePlan[] = [];
  const take = (plan: Checked<WritePlan>, place: string) => {
    if (isProblems(plan)) problems.addAll(plan, { sheet: place });
    else plans.push(plan);
  };
  const existing = snapshots(sheet);
  const settings = snapshots(SETTINGS_SHEET);
  take(
    planTrekkSheet({
      avstemming: run.avstemming,
      ...(existing ? { existing } : {}),
      ...(settings ? { settings } : {}),
      ...(review ? { signOff: review } : {}),
      andreInnstillinger: andre,
    }),
    sheet,
  );
  if (run.bilag.length > 0 || snapshots(TREKK_VOUCHER_SHEET)) {
    take(planVoucherSheet(run.bilag, trekkVoucherSheetSpec(run.inputs.scenario), snapshots(TREKK_VOUCHER_SHEET)), TREKK_VOUCHER_SHEET);
  }
  if (exported.length > 0) plans.push(planExportRecord(exported, snapshots(EXPORT_RECORD_SHEET), run.inputs.scenario));
  return problems.result(() => mergePlans(...plans));
}

/** What one write of a run gives: an export of the correction vouchers, and the workbook. */
export interface TrekkOutputOptions {
  /** Export the correction vouchers now (what the workbook's record does not hold yet): when, which files, which formats. */
  readonly export?: { readonly eksportert: string; readonly fil: string; readonly csv?: CsvOptions; readonly gl07?: boolean };
  /** Other `_lonn` keys the write sets (the task pane's oppsett and sources). */
  readonly andre?: Readonly<Record<string, string>>;
  readonly sheet?: string;
}

export interface TrekkOutputs {
  /** The run with the workbook's sign-off flags among the model's. */
  readonly run: TrekkRun;
  readonly review?: SignOffReview;
  readonly exported?: ExportPlan;
  readonly csv?: string;
  readonly gl07?: string;
  /** The workbook's WritePlan: the sheet, `_lonn`, the voucher sheet, the lines the export adds to the record. */
  readonly plan?: WritePlan;
}

/**
 * Everything a write of a run makes, in memory, or every problem with it: with a workbook
 * (`snapshots`), its sign-off review and its plan; with an export, the files' text, holding only
 * what the workbook's record does not have yet (no workbook: no record, everything). Both shells
 * write what this gives, or nothing.
 */
export function planTrekkOutputs(input: TrekkRun, snapshots: Snapshots | undefined, options: TrekkOutputOptions = {}): Checked<TrekkOutputs> {
  const problems = new ProblemList();
  let run = input;
  let review: SignOffReview | undefined;
  if (snapshots) {
    const reviewed = reviewTrekkSignOff(run, snapshots, options.sheet);
    if (isProblems(reviewed)) return reviewed;
    review = reviewed;
    run = withSignOff(run, reviewed);
  }
  let exported: ExportPlan | undefined;
  let csv: string | undefined;
  let gl07: string | undefined;
  const e = options.export;
  if (e) {
    const record = snapshots ? trekkExportRecord(snapshots) : [];
    if (isProblems(record)) return record;
    exported = planTrekkExport(run, record, { eksportert: e.eksportert, fil: e.fil });
    const settings = { ...trekkExportSettings(run.inputs.scenario), batchId: exported.batchId, forsteBilagsnummer: exported.bilagsnumre[0] ?? 1 };
    if (e.csv) {
      const text = toCsv(exported.vouchers, settings, e.csv);
      if (isProblems(text)) problems.addAll(text, { file: "CSV" });
      else csv = text;
    }
    if (e.gl07) {
      const text = toGl07(exported.vouchers, settings);
      if (isProblems(text)) problems.addAll(text, { file: "GL07" });
      else gl07 = text;
    }
  }
  let plan: WritePlan | undefined;
  if (snapshots) {
    const planned = planTrekkWorkbook(run, snapshots, review, exported?.record ?? [], options.sheet, options.andre);
    if (isProblems(planned)) problems.addAll(planned);
    else plan = planned;
  }
  return problems.result(() => ({
    run,
    ...(review ? { review } : {}),
    ...(exported ? { exported } : {}),
    ...(csv !== undefined ? { csv } : {}),
    ...(gl07 !== undefined ? { gl07 } : {}),
    ...(plan ? { plan } : {}),
  }));
}
