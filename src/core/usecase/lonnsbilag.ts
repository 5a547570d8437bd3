/**
 * The payroll voucher's use cases (issue 11), as both shells run them: the `lonn lonnsbilag`
 * command now, a pane step later. A shell reads (the journal as JSON, CSV or a sheet, and
 * snapshots of the workbook's sheets), calls these, and writes what they plan.
 *
 *   journal → one lønnsbilag per pay date → plan the `Lønnsbilag` sheet → exports that remember
 */
import { isoDate, parseDateText } from "../calendar";
import { ORE_ZERO, Ore, plusOre } from "../money/ore";
import { JournalRow, LonnsJournal } from "../payroll/journal";
import { buildLonnsbilag, Lonnsbilag, LONNSBILAG_ID } from "../payroll/lonnsbilag";
import { Checked, isProblems, ProblemList } from "../problem/problem";
import { ExportSettings } from "../voucher/export-check";
import { ExportedLine, ExportMeta, ExportPlan, planExport } from "../voucher/export-record";
import { Bilag } from "../voucher/types";
import { EXPORT_RECORD_SHEET, planExportRecord, readExportRecordOf } from "../workpaper/export-record-sheet";
import { planVoucherSheet, VoucherSheetSpec } from "../workpaper/voucher-sheet";
import { mergePlans, WritePlan } from "../workpaper/write-plan";
import type { Snapshots } from "./trekk";

export const LONNSBILAG_SHEET = "Lønnsbilag";

/** What a payroll voucher is made from: the journal, read and normalised. */
export interface LonnsbilagInputs {
  /** The file(s) it came from, for messages. */
  readonly source: string;
  readonly journal: LonnsJournal;
  /** Things the readers want the user to know that do not stop the run. */
  readonly notes: readonly string[];
}

export interface LonnsbilagRunOptions {
  /** The posting date for a journal without pay dates, or instead of its one pay date (`2026-03-20`, `20.03.2026`). */
  readonly dato?: string;
}

export interface LonnsbilagRun {
  readonly inputs: LonnsbilagInputs;
  /** One per pay date, by date. */
  readonly lonnsbilag: readonly Lonnsbilag[];
  readonly bilag: readonly Bilag[];
}

const norwegianDate = (iso: string): string => iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, "$3.$2.$1");

/**
 * The journal's rows by pay date: the date given, else the row's, else the journal's. A given date
 * replaces the journal's only when the journal has at most one: several pay runs are several
 * vouchers, and one date for all of them would merge them.
 */
function byPayDate(journal: LonnsJournal, given: string | undefined, problems: ProblemList): Map<string, JournalRow[]> {
  const runs = new Map<string, JournalRow[]>();
  const own = new Set(journal.rader.map((r) => r.dato ?? journal.dato).filter((d): d is string => d !== undefined));
  let override: string | undefined;
  if (given !== undefined) {
    const d = parseDateText(given);
    if (!d || d.day === undefined) problems.add(`«${given}» er ikke en dato (bruk 2026-03-20 eller 20.03.2026).`);
    else if (own.size > 1) {
      problems.add(`Lønnsjournalen har ${own.size} utbetalingsdatoer (${[...own].sort().map(norwegianDate).join(", ")}); én bokføringsdato for alle ville slått lønnskjøringene sammen. Ta bort datoen, så blir det ett bilag per utbetalingsdato.`);
    } else override = isoDate({ year: d.year, month: d.month, day: d.day });
  }
  journal.rader.forEach((r) => {
    const dato = override ?? r.dato ?? journal.dato;
    if (dato === undefined) {
      problems.add(`«${r.navn}» har ingen utbetalingsdato; oppgi datoen for lønnskjøringen (lonn lonnsbilag --dato).`, r.place);
      return;
    }
    runs.set(dato, [...(runs.get(dato) ?? []), r]);
  });
  return new Map([...runs].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

/**
 * One voucher per pay date, every problem of every run at once. Zone Ia's year-to-date basis
 * carries from run to run: each run's Ia basis adds to what the next one starts from.
 */
export function runLonnsbilag(inputs: LonnsbilagInputs, options: LonnsbilagRunOptions = {}): Checked<LonnsbilagRun> {
  const problems = new ProblemList();
  const j = inputs.journal;
  if (j.rader.length === 0) problems.add("Lønnsjournalen har ingen rader.");
  const runs = byPayDate(j, options.dato, problems);
  const out: Lonnsbilag[] = [];
  let ia: Ore | undefined = j.tidligereGrunnlagSoneIa;
  let year: number | undefined;
  for (const [dato, rows] of runs) {
    const aar = Number(dato.slice(0, 4));
    if (year !== undefined && aar !== year && ia !== undefined) ia = ORE_ZERO;
    year = aar;
    const built = buildLonnsbilag(rows, {
      dato,
      ...(j.kontoer ? { kontoer: j.kontoer } : {}),
      ...(j.dimensjoner ? { dimensjoner: j.dimensjoner } : {}),
      ...(j.feriepengesats !== undefined ? { feriepengesats: j.feriepengesats } : {}),
      ...(ia !== undefined ? { tidligereGrunnlagSoneIa: ia } : {}),
    });
    if (isProblems(built)) {
      const prefix = runs.size > 1 ? `Lønnskjøringen ${norwegianDate(dato)}: ` : "";
      problems.addAll(built.list.map((p) => (p.row === undefined && p.path === undefined ? { ...p, message: `${prefix}${p.message}` } : p)));
      continue;
    }
    out.push(built);
    const iaBasis = built.agaPerSone.find((z) => z.sone === "Ia")?.grunnlag;
    if (ia !== undefined && iaBasis !== undefined) ia = plusOre(ia, iaBasis);
  }
  return problems.result(() => ({ inputs, lonnsbilag: out, bilag: out.map((b) => b.bilag) }));
}

/** The year the run's batch ids carry: its first voucher's. */
const yearOf = (run: LonnsbilagRun): string => run.bilag[0]?.dato.slice(0, 4) ?? "";

/** What the vouchers' exports (CSV, GL07) are made with. */
export function lonnsbilagExportSettings(run: LonnsbilagRun): ExportSettings {
  const j = run.inputs.journal;
  return { firma: j.firma ?? "", bilagsart: j.bilagsart ?? "", batchId: `LONN-${yearOf(run)}`, dimensjoner: j.dimensjoner ?? [] };
}

export function lonnsbilagSheetSpec(run: LonnsbilagRun): VoucherSheetSpec {
  const j = run.inputs.journal;
  return {
    sheet: LONNSBILAG_SHEET,
    title: `Lønnsbilag${j.virksomhet ? ` – ${j.virksomhet}` : ""}`,
    note:
      "Laget av Lønnsavstemming fra lønnsjournalen: ett bilag per utbetalingsdato. Rader med bilag-ID (LONN-…) i kolonne A lages på nytt hver gang; " +
      "egne rader og kolonner til høyre for Status blir stående. Beløp: debet positiv, kredit negativ.",
    idPattern: LONNSBILAG_ID,
    holds: "lønnsbilag",
    bilagsart: j.bilagsart ?? "",
    dimensjoner: j.dimensjoner ?? [],
    heading: { virksomhet: j.virksomhet ?? "", aar: Number(yearOf(run)) },
  };
}

/** The sheets a plan of the payroll workbook reads before it is made. */
export const lonnsbilagSheetsToRead = (): string[] => [LONNSBILAG_SHEET, EXPORT_RECORD_SHEET];

/** The export record's payroll voucher lines (the workbook may hold other reconciliations' exports too). */
export const lonnsbilagExportRecord = (snapshots: Snapshots): Checked<ExportedLine[]> => readExportRecordOf(snapshots(EXPORT_RECORD_SHEET), LONNSBILAG_ID);

/**
 * What an export of the vouchers holds now: only what the workbook's record does not have yet
 * (new pay runs, corrections of changed ones), or everything as a copy with `all`. The same
 * journal exported twice into the same workbook exports nothing the second time.
 */
export function planLonnsbilagExport(run: LonnsbilagRun, record: readonly ExportedLine[], meta: Omit<ExportMeta, "batchPrefix">, all = false): ExportPlan {
  return planExport(run.bilag, record, { ...meta, batchPrefix: `LONN-${yearOf(run)}` }, all);
}

/** The WritePlan that puts a run into a workbook: the `Lønnsbilag` sheet and the lines an export adds to the record. */
export function planLonnsbilagWorkbook(run: LonnsbilagRun, snapshots: Snapshots, exported: readonly ExportedLine[] = []): Checked<WritePlan> {
  const sheet = planVoucherSheet(run.bilag, lonnsbilagSheetSpec(run), snapshots(LONNSBILAG_SHEET));
  if (isProblems(sheet)) return sheet;
  return mergePlans(sheet, ...(exported.length > 0 ? [planExportRecord(exported, snapshots(EXPORT_RECORD_SHEET))] : []));
}
