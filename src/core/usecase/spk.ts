/**
 * The SPK reconciliation's use cases, as both shells run them: the task pane on the open
 * workbook, the `lonn` command on files. A shell reads (snapshots of sheets, files), calls these,
 * and writes what they plan; it never orchestrates the model itself, so the pane and the CLI
 * cannot drift apart.
 *
 *   inputs → reconcile → vouchers (korreksjonsbilag) → A-melding split → plan every sheet
 */
import { kronerText } from "../money/format";
import { Checked, isProblems, Problem, ProblemList, problems } from "../problem/problem";
import { isBlankSheet, SheetSnapshot } from "../sheet/snapshot";
import { buildAmeldingFordeling, AmeldingFordeling } from "../spk/amelding";
import { buildKorreksjonsbilag } from "../spk/bilag";
import { SPK_BILAG_ID } from "../spk/bilag-id";
import { reconcile } from "../spk/reconcile";
import { AMELDING_SHEET, planAmeldingSheet, ReconciliationCells, reconciliationCells } from "../spk/sheet/amelding-sheet";
import { KORREKSJONSBILAG_SHEET, planKorreksjonsbilagSheet } from "../spk/sheet/korreksjonsbilag-sheet";
import { nameOf, SHEET_NAMES } from "../spk/sheet/layout";
import { layoutMap, locate, SheetMap } from "../spk/sheet/locate";
import { planAvstemming } from "../spk/sheet/plan";
import { AvstemmingFromSheet, readAvstemming } from "../spk/sheet/read";
import { storedVirksomheter, virksomheterSetting } from "../spk/sheet/settings";
import { reviewSpkSignOff, SpkSignOffReview, withSignOffFlags } from "../spk/sign-off";
import { overlayTerminer } from "../spk/termin-fields";
import { Avstemming, Bilag, Budsjettering, KontoSaldo, Oppsett, TerminInput, TerminResult, VirksomhetGrunnlag } from "../spk/types";
import { Bokforingsdato } from "../voucher/dates";
import { ExportSettings } from "../voucher/export-check";
import { ExportedLine, ExportMeta, ExportPlan, planExport } from "../voucher/export-record";
import { EXPORT_RECORD_SHEET, planExportRecord, readExportRecord } from "../workpaper/export-record-sheet";
import { LOG_SHEET, LoggLinje, withLogRow } from "../workpaper/logg";
import { LonnSettings, readSettings, SETTINGS_SHEET } from "../workpaper/settings";
import { emptyPlan, mergePlans, WritePlan } from "../workpaper/write-plan";

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
  /** The reconciliation sheet: the one it was read from (workbook input), or its sheet in the book it runs in. */
  readonly sheet?: string;
  /** Things the readers want the user to know that do not stop the run (import notes). */
  readonly notes: readonly string[];
  /** The date and period to post every voucher on, when the user chose one (else each termin's end). */
  readonly bilagsdato?: Bokforingsdato;
}

/** The vouchers of a reconciliation and, with virksomheter, their A-melding split. */
export interface SpkVouchers {
  readonly bilag: readonly Bilag[];
  readonly amelding?: readonly AmeldingFordeling[];
}

export interface SpkRun extends SpkVouchers {
  readonly inputs: SpkInputs;
  /** The model; run in a workbook, with the sign-off flags among its flags. */
  readonly avstemming: Avstemming;
  /** Run in a workbook: the termins' sign-off as it found them. */
  readonly signOff?: SpkSignOffReview;
}

/**
 * The workbook a run is written to (`--xlsx`, or the workbook the pane is in): what it holds
 * counts — the explanations and sign-off in its reconciliation sheet, the virksomhet list and the
 * sign-off fingerprints in `_lonn`, the export record.
 */
export interface Book {
  readonly sheetNames: readonly string[];
  readonly snapshots: Snapshots;
  /** The inputs were read from this workbook's reconciliation sheet (nothing to lay them over). */
  readonly isInput: boolean;
  /** The sheet the workbook name RECONCILIATION_NAME points at, when it exists. */
  readonly namedSheet?: string;
}

/** A function from a sheet name to the sheet as the shell read it (undefined: no such sheet). */
export type Snapshots = (sheet: string) => SheetSnapshot | undefined;

/** The vouchers and (with virksomheter) the A-melding split of a reconciliation; every problem at once. */
export function vouchersOf(avstemming: Avstemming, virksomheter: readonly VirksomhetGrunnlag[] | undefined, bilagsdato?: Bokforingsdato): Checked<SpkVouchers> {
  const problems = new ProblemList();
  const built = buildKorreksjonsbilag(avstemming);
  const bilag = bilagsdato && !isProblems(built) ? built.map((b) => ({ ...b, ...bilagsdato })) : built;
  if (isProblems(bilag)) problems.addAll(bilag.list.map((p) => ({ ...p, message: `Korreksjonsbilag: ${p.message}` })));
  let amelding: AmeldingFordeling[] | undefined;
  if (virksomheter) {
    const a = buildAmeldingFordeling(avstemming, virksomheter);
    if (isProblems(a)) problems.addAll(a.list.map((p) => ({ ...p, message: `A-melding: ${p.message}` })));
    else amelding = a;
  }
  return problems.result(() => ({ bilag: bilag as Bilag[], ...(amelding ? { amelding } : {}) }));
}

/**
 * The model, the vouchers and (with virksomheter) the A-melding split. With a book: the inputs laid
 * over what its reconciliation sheet holds (a fill from the exports keeps the explanations there),
 * the virksomhet list from `_lonn` when none is given, and the termins' sign-off reviewed.
 */
export function runSpk(given: SpkInputs, book?: Book): Checked<SpkRun> {
  const inBook = book ? inputsInBook(given, book) : undefined;
  if (inBook && isProblems(inBook)) return inBook;
  const inputs = inBook ? inBook.inputs : given;
  const reconciled = reconcile(inputs.oppsett, inputs.terminer, {
    saldoer: inputs.saldoer,
    ...(inputs.oppdatertAgaSats !== undefined ? { oppdatertAgaSats: inputs.oppdatertAgaSats } : {}),
  });
  if (isProblems(reconciled)) return reconciled;
  const signOff = inBook ? reviewSpkSignOff(reconciled, inBook.sheet, (key) => inBook.settings?.andre[key]) : undefined;
  const avstemming = signOff ? withSignOffFlags(reconciled, signOff) : reconciled;
  const vouchers = vouchersOf(avstemming, inputs.virksomheter, inputs.bilagsdato);
  return isProblems(vouchers) ? vouchers : { inputs, avstemming, ...vouchers, ...(signOff ? { signOff } : {}) };
}

interface InBook {
  readonly inputs: SpkInputs & { readonly sheet: string };
  readonly sheet: string;
  readonly settings: LonnSettings | undefined;
}

/** The inputs as the book will hold them after the run. */
function inputsInBook(inputs: SpkInputs, book: Book): Checked<InBook> {
  const settingsSheet = book.snapshots(SETTINGS_SHEET);
  const settings = settingsSheet ? readSettings(settingsSheet) : undefined;
  // A workbook set up by a newer version is refused, not quietly rewritten in the old form.
  if (settings && isProblems(settings)) return settings;
  const kind = inputs.oppsett.budsjettering;
  const sheet = (book.isInput ? inputs.sheet : undefined) ?? reconciliationSheetOf(book.sheetNames, settings, kind, book.namedSheet) ?? SHEET_NAMES[kind];
  const stored = storedVirksomheter(settings);
  if (isProblems(stored)) return stored;
  const virksomheter = inputs.virksomheter ?? stored;
  let merged: SpkInputs = { ...inputs, ...(virksomheter ? { virksomheter } : {}) };
  const existing = book.snapshots(sheet);
  if (!book.isInput && existing && !isBlankSheet(existing)) {
    const fromSheet = readAvstemming(existing, settingsSheet);
    if (isProblems(fromSheet)) return fromSheet;
    const o = fromSheet.oppsett;
    if (o.aar !== inputs.oppsett.aar || o.budsjettering !== kind) {
      return problems(
        `Arket har avstemmingen for ${o.aar} (${o.budsjettering}), men inndataene er for ${inputs.oppsett.aar} (${kind}). ` +
          "Bruk en annen arbeidsbok, eller velg arket med --ark.",
        { sheet },
      );
    }
    merged = {
      ...merged,
      terminer: overlayTerminer(fromSheet.terminer, inputs.terminer),
      saldoer: inputs.saldoer.length > 0 ? inputs.saldoer : fromSheet.saldoer,
      ...(inputs.oppdatertAgaSats !== undefined || fromSheet.oppdatertAgaSats !== undefined
        ? { oppdatertAgaSats: inputs.oppdatertAgaSats ?? fromSheet.oppdatertAgaSats }
        : {}),
    };
  }
  return { inputs: { ...merged, sheet }, sheet, settings };
}

/**
 * Which sheet of a workbook is the SPK reconciliation: the one `_lonn` names; else the one the
 * header's workbook names point at (`namedSheet`: a sheet renamed in Excel takes its names along,
 * while `_lonn` still has the old name); else DFØ's tab name for the kind. Names are matched as
 * Excel matches them (case does not matter); the workbook's own spelling is returned.
 */
export function reconciliationSheetOf(
  sheetNames: readonly string[],
  settings: LonnSettings | undefined,
  kind: Budsjettering,
  namedSheet?: string,
): string | undefined {
  const find = (name: string | undefined) => (name ? sheetNames.find((n) => n.toLowerCase() === name.toLowerCase()) : undefined);
  return find(settings?.avstemmingsark) ?? find(namedSheet) ?? find(SHEET_NAMES[kind]);
}

/** The workbook name whose sheet identifies the reconciliation sheet (the header's budsjettering cell). */
export const RECONCILIATION_NAME = nameOf("budsjettering");

/** The sheets a plan of the reconciliation reads before it is made. */
export const spkSheetsToRead = (sheet: string): string[] => [sheet, SETTINGS_SHEET, KORREKSJONSBILAG_SHEET, AMELDING_SHEET, EXPORT_RECORD_SHEET, LOG_SHEET];

/**
 * The sheets derived from the vouchers: `Korreksjonsbilag` and, with a split, `A-melding fordeling`
 * (whose checks refer to the reconciliation's cells where `reconciliation` says they are).
 */
export function planDerivedSheets(
  vouchers: SpkVouchers,
  oppsett: Oppsett,
  snapshots: Snapshots,
  reconciliation: ReconciliationCells,
  held: ReadonlyMap<string, string> = new Map(),
): Checked<WritePlan> {
  const problems = new ProblemList();
  const plans: WritePlan[] = [];
  const take = (plan: Checked<WritePlan>, sheet: string) => {
    if (isProblems(plan)) problems.addAll(plan, { sheet });
    else plans.push(plan);
  };
  take(planKorreksjonsbilagSheet(vouchers.bilag, oppsett, snapshots(KORREKSJONSBILAG_SHEET), held), KORREKSJONSBILAG_SHEET);
  // An A-melding sheet already there is regenerated from the current vouchers even without a new
  // list (the list is kept in `_lonn`), so it never shows an old split.
  if (vouchers.amelding) take(planAmeldingSheet(vouchers.amelding, oppsett, snapshots(AMELDING_SHEET), reconciliation), AMELDING_SHEET);
  return problems.result(() => mergePlans(...plans));
}

/** What a workbook write adds besides the sheets of the run. */
export interface WorkbookExtras {
  /** The lines an export adds to the `Eksporterte bilag` record. */
  readonly exported?: readonly ExportedLine[];
  /** The `Logg` row of this write (the pane's; the CLI's). */
  readonly log?: Omit<LoggLinje, "endret">;
}

/**
 * The WritePlan that puts a run into a workbook: the A10/A11 sheet (new, or the existing one with
 * only its input cells written, sign-off state in column X, the formulas' results), `_lonn` (the
 * virksomhet list, sign-off fingerprints), the derived sheets, the export record and a `Logg` row.
 * Each part is planned against what the workbook holds now.
 */
export function planSpkWorkbook(run: SpkRun, sheet: string, snapshots: Snapshots, extras: WorkbookExtras = {}): Checked<WritePlan> {
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
    ...(inputs.virksomheter ? { andreInnstillinger: virksomheterSetting(inputs.virksomheter) } : {}),
    model: run.avstemming,
    ...(run.signOff ? { signOff: run.signOff } : {}),
  });
  const map = sheetMapOf(existing, sheet);
  const derived = planDerivedSheets(run, inputs.oppsett, snapshots, reconciliationCells(map), heldStatus(run.avstemming, run.bilag, map));
  const problems = new ProblemList();
  if (isProblems(main)) problems.addAll(main, { sheet });
  if (isProblems(derived)) problems.addAll(derived);
  if (problems.count > 0) return problems.result(() => emptyPlan());
  const record = extras.exported && extras.exported.length > 0 ? planExportRecord(extras.exported, snapshots(EXPORT_RECORD_SHEET)) : emptyPlan();
  const plan = mergePlans(main as WritePlan, derived as WritePlan, record);
  // A run that changes nothing (the same figures again) leaves no trace, not even in Logg.
  if (!extras.log || !writesAnything(plan)) return plan;
  const present = new Set([sheet, ...SPK_SHEETS].filter((n) => snapshots(n) !== undefined).map((n) => n.toLowerCase()));
  return withLogRow(plan, extras.log, snapshots(LOG_SHEET), present, { virksomhet: inputs.oppsett.virksomhet, aar: inputs.oppsett.aar });
}

const writesAnything = (plan: WritePlan): boolean => plan.writes.some((w) => w.cells.some((row) => row.some((c) => c !== null)));

const SPK_SHEETS = [SETTINGS_SHEET, KORREKSJONSBILAG_SHEET, AMELDING_SHEET, EXPORT_RECORD_SHEET, LOG_SHEET];

/** What the voucher exports (CSV, GL07) of an SPK reconciliation are made with. */
export function spkExportSettings(oppsett: Oppsett): ExportSettings {
  return { firma: oppsett.firma, bilagsart: oppsett.bilagsart, batchId: `SPK-${oppsett.aar}`, dimensjoner: oppsett.dimensjoner };
}

/** The export record's lines of this reconciliation (the workbook may record other exports too). */
export function spkExportRecord(snapshots: Snapshots, aar: number): Checked<ExportedLine[]> {
  const record = readExportRecord(snapshots(EXPORT_RECORD_SHEET));
  if (isProblems(record)) return record;
  return record.filter((l) => SPK_BILAG_ID.test(l.bilagId) && l.bilagId.startsWith(`SPK-${aar}-`));
}

export interface SpkExportOptions {
  /** Everything again, as a copy that the record never counts (`--alle`). */
  readonly all?: boolean;
  /** Export although a material difference is unexplained; the shell logs that it did. */
  readonly override?: boolean;
}

/**
 * Vouchers an export must not carry yet: one that posts a termin whose material difference (Q)
 * has no explanation. The problem says what to write where.
 */
export function unexplainedMaterial(run: Pick<SpkRun, "avstemming">, vouchers: readonly Bilag[], sheet: string | undefined, rowOf: (termin: number) => number | undefined): Problem[] {
  return heldBack(run.avstemming, vouchers).map(({ termin: t, carried }) => {
    const row = rowOf(t.termin);
    const cell = row !== undefined ? `J${row}` : undefined;
    return {
      message:
        `Termin ${t.termin}: differansen Q = ${kronerText(t.Q)} kr er vesentlig og ikke forklart, så ${carried.map((b) => b.id).join(", ")} eksporteres ikke. ` +
        `Skriv forklaringen ${cell ? `i ${cell}` : `for termin ${t.termin} (kolonne J på avstemmingsarket, «forklaring» i en scenariofil)`} og eksporter på nytt.`,
      ...(sheet ? { sheet } : {}),
      ...(cell ? { cell } : {}),
    };
  });
}

/** Termins with a material difference and no explanation, and the vouchers among `vouchers` that post them. */
function heldBack(a: Avstemming, vouchers: readonly Bilag[]): { termin: TerminResult; carried: Bilag[] }[] {
  return a.terminer
    .filter((t) => t.flags.some((f) => f.kind === "vesentlig") && (t.input.forklaring ?? "").trim() === "")
    .map((termin) => ({ termin, carried: vouchers.filter((b) => b.termin === termin.termin || b.termin === null) }))
    .filter((h) => h.carried.length > 0);
}

/** The Status each held-back voucher shows on the voucher sheet: what it waits for, and where. */
function heldStatus(a: Avstemming, vouchers: readonly Bilag[], map: SheetMap): Map<string, string> {
  const out = new Map<string, string>();
  for (const { termin, carried } of heldBack(a, vouchers)) {
    const row = map.terminRows.get(termin.termin);
    for (const b of carried) out.set(b.id, `Venter: forklar T${termin.termin}${row !== undefined ? ` (J${row})` : ""}`);
  }
  return out;
}

/**
 * What an export of the vouchers holds now: only what the record does not have yet (new
 * vouchers; for changed ones a correction of the difference), or everything as a copy with `all`.
 */
export function planSpkExport(run: SpkRun, record: readonly ExportedLine[], meta: Omit<ExportMeta, "batchPrefix">, options: SpkExportOptions = {}): ExportPlan {
  const correctionDate = run.inputs.bilagsdato;
  return planExport(run.bilag, record, { ...meta, batchPrefix: `SPK-${run.inputs.oppsett.aar}`, ...(correctionDate ? { correctionDate } : {}) }, options.all ?? false);
}

/**
 * What stops an export: a voucher in it that posts an unexplained material difference, unless
 * the user overrides (and the shell logs it). `where` is the reconciliation sheet, for the cell.
 */
export function exportBlockers(
  run: SpkRun,
  plan: ExportPlan,
  where: { readonly sheet: string; readonly snapshots: Snapshots } | undefined,
  options: SpkExportOptions = {},
): Problem[] {
  if (options.override) return [];
  const map = where ? sheetMapOf(where.snapshots(where.sheet), where.sheet) : undefined;
  return unexplainedMaterial(run, plan.vouchers, where?.sheet, (t) => map?.terminRows.get(t));
}

/** Where a reconciliation sheet's cells are (our layout for a sheet not written yet). */
function sheetMapOf(snapshot: SheetSnapshot | undefined, sheet: string): SheetMap {
  if (!snapshot || isBlankSheet(snapshot)) return layoutMap(sheet);
  const located = locate(snapshot);
  return isProblems(located) ? layoutMap(sheet) : located;
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
