/**
 * Every task-pane action has the same shape: read what it needs, let the core build a plan
 * (pure), check it, apply it. Nothing is written when the core or the check says no. Two syncs
 * in all: one read (the snapshots with their merged areas, plus which sheets and names exist),
 * one write.
 */
import { Checked, isProblems, Problems } from "../core/problem/problem";
import { SheetSnapshot } from "../core/sheet/snapshot";
import { mergeProblems } from "../core/workpaper/plan-check";
import { PlanNotice, WritePlan } from "../core/workpaper/write-plan";
import { applyPlan, ApplyReport } from "./apply-plan";
import { probeWorkbook, queueProbe, WorkbookFacts } from "./probe";
import { mayBeNullChainFailure, queueSnapshots, readExistingSnapshots } from "./read";
import { supportsExcelApi } from "./requirements";

export type Snapshots = ReadonlyMap<string, SheetSnapshot | undefined>;
export type PlanBuilder = (snapshots: Snapshots) => Checked<WritePlan>;

/** What an action did; `syncs` counts the whole action (read and write). */
export type RunReport = ApplyReport;

/** Merged areas can be read where ExcelApi 1.13 exists (Range.getMergedAreasOrNullObject). */
export const MERGES_API = "1.13";

interface ReadForPlan {
  readonly facts: WorkbookFacts;
  readonly snapshots: Snapshots;
  readonly syncs: number;
  /** Why merged areas are not known, when they are not. */
  readonly mergesUnread?: string;
}

async function readForPlan(context: Excel.RequestContext, names: readonly string[]): Promise<ReadForPlan> {
  const withMerges = supportsExcelApi(MERGES_API);
  const unsupported = withMerges ? {} : { mergesUnread: `denne Excel-versjonen kan ikke si hvilke celler som er slått sammen (det krever ExcelApi ${MERGES_API})` };
  const facts = queueProbe(context);
  const snapshots = queueSnapshots(context, names, undefined, withMerges);
  try {
    await context.sync();
    return { facts: facts(), snapshots: snapshots(), syncs: 1, ...unsupported };
  } catch (error) {
    if (!mayBeNullChainFailure(error)) throw error;
    // The failed sync, the probe, and a read of the sheets that exist.
    const known = await probeWorkbook(context);
    try {
      return { facts: known, snapshots: await readExistingSnapshots(context, names, known.sheets, withMerges), syncs: 3, ...unsupported };
    } catch (again) {
      // Excel gives no merged areas for a range with more than 512 of them (the API's documented
      // limit): read the sheets without them, and say so.
      if (!withMerges || !mayBeNullChainFailure(again)) throw again;
      return {
        facts: known,
        snapshots: await readExistingSnapshots(context, names, known.sheets, false),
        syncs: 4,
        mergesUnread: "Excel kunne ikke si hvilke celler som er slått sammen (et ark har flere enn 512 sammenslåtte områder)",
      };
    }
  }
}

/**
 * Where merged areas were not read for an existing sheet the plan writes values into, one notice
 * (at the first range written there, once per action): the user checks what the add-in could not.
 */
function mergeNotices(plan: WritePlan, read: ReadForPlan): PlanNotice[] {
  for (const w of plan.writes) {
    const key = w.sheet.toLowerCase();
    if (!read.facts.sheets.has(key) || !w.cells.some((row) => row.some((c) => c !== null))) continue;
    const snapshot = read.snapshots.get(w.sheet) ?? [...read.snapshots.values()].find((s) => s?.name.toLowerCase() === key);
    const why = read.mergesUnread ?? (snapshot === undefined ? "arket ble ikke lest før skrivingen, så det er ikke sjekket for sammenslåtte celler" : undefined);
    if (why === undefined) continue;
    const sheet = read.facts.sheets.get(key)?.name ?? w.sheet;
    return [{ sheet, address: w.address, message: `Ikke kontrollert: ${why}. Se etter at ingen av cellene som er skrevet, er slått sammen med andre.` }];
  }
  return [];
}

/** Runs one action inside `context`; exported for callers that already hold a context. */
export async function planAndApply(context: Excel.RequestContext, buildPlan: PlanBuilder, sheetsToRead: readonly string[]): Promise<Checked<RunReport>> {
  const read = await readForPlan(context, sheetsToRead);
  const { facts, snapshots, syncs } = read;
  const plan = buildPlan(snapshots);
  if (isProblems(plan)) return plan;
  // Writing into merged cells would replace one cell's content by another's: refused before anything is written.
  const merged = mergeProblems(plan, snapshots.values());
  if (merged.length > 0) return new Problems(merged, "Skriveplanen kan ikke brukes:");
  try {
    const report = await applyPlan(context, plan, facts);
    const notices = mergeNotices(plan, read);
    return { ...report, syncs: report.syncs + syncs, ...(notices.length > 0 ? { notices: [...report.notices, ...notices] } : {}) };
  } catch (error) {
    if (isProblems(error)) return error;
    throw error;
  }
}

/**
 * `Excel.run` waits while the user is editing a cell instead of failing (delayForCellEdit), and
 * where ExcelApi 1.20 exists the action is one undo step.
 */
export function runPlanned(buildPlan: PlanBuilder, sheetsToRead: readonly string[]): Promise<Checked<RunReport>> {
  const options: Excel.RunOptions = { delayForCellEdit: true, ...(supportsExcelApi("1.20") ? { mergeUndoGroup: true } : {}) };
  return Excel.run(options, (context) => planAndApply(context, buildPlan, sheetsToRead));
}

