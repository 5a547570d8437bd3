import { isValidDate, toExcelSerial } from "../calendar";
import { Checked, isProblems, problems } from "../problem/problem";
import { rangeOf } from "../sheet/a1";
import { emptyPlan, mergePlans, WritePlan } from "./write-plan";
import { cellOf, isBlankSheet, lastUsedRow, SheetSnapshot } from "../sheet/snapshot";
import { isBlank } from "../sheet/cell";
import { PrintHeading, standardPrint } from "./print";

/**
 * The `Logg` sheet: the audit trail of the task pane. Every write the pane makes carries one more
 * row here, in the same plan (so in the same write batch): when, what was done, what it changed,
 * and the control totals at that moment.
 *
 * The row goes right below the last used row, written as a plain range. Never `table.rows.add`:
 * in a co-authored workbook that makes the other authors' Excel show a merge conflict
 * (co-authoring-in-excel-add-ins.md). Two co-authors writing in the same second can pick the
 * same row and the later write wins; the sheets the row describes are not affected by that.
 */

export const LOG_SHEET = "Logg";
export const LOG_HEADINGS = ["Tidspunkt", "Handling", "Hva ble endret", "Summer og kontrolltall", "Hvem"] as const;
/** Sorts and filters as a date in Excel, reads the same in every locale. */
export const LOGG_TIDSFORMAT = "yyyy-mm-dd hh:mm:ss";
const BREDDER = { A: 20, B: 30, C: 60, D: 70, E: 16 } as const;

/** Local wall-clock time of the action (the shell reads the clock; core stays pure). */
export interface Timestamp {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** `2026-12-01T14:03:00`: the time as an export record keeps it. */
/** The local wall-clock time of `d` (the shell's clock), as the log keeps it. */
export function timestamp(d: Date): Timestamp {
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), hour: d.getHours(), minute: d.getMinutes(), second: d.getSeconds() };
}

export function isoTimestamp(t: Timestamp): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${t.year}-${p(t.month)}-${p(t.day)}T${p(t.hour)}:${p(t.minute)}:${p(t.second)}`;
}

export interface LoggLinje {
  readonly tid: Timestamp;
  /** `Oppsett lagret`, `Avstemmingsarket fylt`, … */
  readonly handling: string;
  /** What the write changed, e.g. from `beskrivEndringer`. */
  readonly endret: string;
  /** Control totals as text, figures from core formatted by the caller. */
  readonly summer: string;
  /** Who did it: the initials the user gave the pane, or the user name the CLI ran as. */
  readonly hvem?: string;
}

const SECONDS_PER_DAY = 86_400;

/** The time as an Excel serial (days since 1900 plus the fraction of the day); undefined if it is not a real time. */
export function timeSerial(tid: Timestamp): number | undefined {
  const { hour, minute, second } = tid;
  const clock = [hour, minute, second].every(Number.isInteger) && hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60;
  if (!clock || !isValidDate(tid.year, tid.month, tid.day)) return undefined;
  return toExcelSerial(tid) + (hour * 3600 + minute * 60 + second) / SECONDS_PER_DAY;
}

/**
 * The plan that appends one row to `Logg` (and makes the sheet with its header when it is missing
 * or blank). `snapshot` is the sheet as it is now; `heading` names whose log it is when printed.
 */
export function planLogg(linje: LoggLinje, snapshot?: SheetSnapshot, heading?: PrintHeading): Checked<WritePlan> {
  const serial = timeSerial(linje.tid);
  if (serial === undefined) return problems(`Tidspunktet for loggen er ugyldig: ${JSON.stringify(linje.tid)}.`);
  if (linje.handling.trim() === "") return problems("Loggen trenger en handling.");
  const isNew = !snapshot || isBlankSheet(snapshot);
  const row = isNew ? 2 : lastUsedRow(snapshot) + 1;
  const plan = emptyPlan();
  return {
    ...plan,
    sheets: [
      isNew
        ? { name: LOG_SHEET, visibility: "visible", columnWidths: BREDDER, freezeRows: 1, print: standardPrint(heading, { first: 1, last: 1 }) }
        : { name: LOG_SHEET, visibility: "visible" },
    ],
    writes: [
      ...(isNew ? [{ sheet: LOG_SHEET, address: "A1:E1", cells: [[...LOG_HEADINGS]], numberFormat: "@", style: "header" as const }] : []),
      // A log begun before «Hvem» existed gets the heading beside its own.
      ...(!isNew && isBlank(cellOf(snapshot, { row: 0, col: 4 }).value) ? [{ sheet: LOG_SHEET, address: "E1", cells: [[LOG_HEADINGS[4]]], numberFormat: "@", style: "header" as const }] : []),
      { sheet: LOG_SHEET, address: `A${row}`, cells: [[serial]], numberFormat: LOGG_TIDSFORMAT },
      { sheet: LOG_SHEET, address: rangeOf({ row: row - 1, col: 1 }, 1, 4), cells: [[linje.handling, linje.endret, linje.summer, linje.hvem ?? ""]], numberFormat: "@" },
    ],
  };
}

/** Non-null cells a plan writes, per sheet in first-write order. */
function cellsPerSheet(plan: WritePlan): Map<string, number> {
  const out = new Map<string, number>();
  for (const w of plan.writes) {
    const n = w.cells.reduce((acc, row) => acc + row.filter((c) => c !== null).length, 0);
    if (n > 0) out.set(w.sheet, (out.get(w.sheet) ?? 0) + n);
  }
  return out;
}

/**
 * What a plan changes, for the log: `A10 SPK brutto: 342 celler; _lonn: 24 celler; 3 celler latt
 * være`. `existing` says which sheets were there before (lower-case names); the others are new.
 */
export function describeChanges(plan: WritePlan, existing: ReadonlySet<string>): string {
  const parts: string[] = [];
  const created = plan.sheets.filter((s) => s.name !== LOG_SHEET && !existing.has(s.name.toLowerCase())).map((s) => s.name);
  if (created.length > 0) parts.push(`nye ark: ${created.join(", ")}`);
  for (const [sheet, n] of cellsPerSheet(plan)) {
    if (sheet === LOG_SHEET) continue;
    parts.push(`${sheet}: ${n} ${n === 1 ? "celle" : "celler"}`);
  }
  if (plan.leftAlone.length > 0) parts.push(`${plan.leftAlone.length} ${plan.leftAlone.length === 1 ? "celle" : "celler"} latt være`);
  return parts.length > 0 ? parts.join("; ") : "ingen celler endret";
}

/**
 * `plan` with its log row added: the row describes `plan` (not itself) and is written in the same
 * batch, so the log never claims a write that did not happen.
 */
export function withLogRow(
  plan: WritePlan,
  linje: Omit<LoggLinje, "endret">,
  snapshot: SheetSnapshot | undefined,
  existing: ReadonlySet<string>,
  heading?: PrintHeading,
): Checked<WritePlan> {
  const logg = planLogg({ ...linje, endret: describeChanges(plan, existing) }, snapshot, heading);
  return isProblems(logg) ? logg : mergePlans(plan, logg);
}
