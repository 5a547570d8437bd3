/**
 * Every task-pane action has the same shape: read what it needs, let the core build a plan
 * (pure), check it, apply it. Nothing is written when the core or the check says no. Two syncs
 * in all: one read (the snapshots plus which sheets and names exist), one write.
 */
import { Checked, isProblems } from "../core/problem/problem";
import { SheetSnapshot } from "../core/sheet/snapshot";
import { WritePlan } from "../core/workpaper/write-plan";
import { applyPlan, ApplyReport } from "./apply-plan";
import { probeWorkbook, queueProbe, WorkbookFacts } from "./probe";
import { mayBeNullChainFailure, queueSnapshots, readExistingSnapshots } from "./read";
import { supportsExcelApi } from "./requirements";

export type Snapshots = ReadonlyMap<string, SheetSnapshot | undefined>;
export type PlanBuilder = (snapshots: Snapshots) => Checked<WritePlan>;

/** What an action did; `syncs` counts the whole action (read and write). */
export type RunReport = ApplyReport;

async function readForPlan(context: Excel.RequestContext, names: readonly string[]): Promise<{ facts: WorkbookFacts; snapshots: Snapshots; syncs: number }> {
  const facts = queueProbe(context);
  const snapshots = queueSnapshots(context, names);
  try {
    await context.sync();
    return { facts: facts(), snapshots: snapshots(), syncs: 1 };
  } catch (error) {
    if (!mayBeNullChainFailure(error)) throw error;
    // The failed sync, the probe, and a read of the sheets that exist.
    const known = await probeWorkbook(context);
    return { facts: known, snapshots: await readExistingSnapshots(context, names, known.sheets), syncs: 3 };
  }
}

/** Runs one action inside `context`; exported for callers that already hold a context. */
export async function planAndApply(context: Excel.RequestContext, buildPlan: PlanBuilder, sheetsToRead: readonly string[]): Promise<Checked<RunReport>> {
  const { facts, snapshots, syncs } = await readForPlan(context, sheetsToRead);
  const plan = buildPlan(snapshots);
  if (isProblems(plan)) return plan;
  try {
    const report = await applyPlan(context, plan, facts);
    return { ...report, syncs: report.syncs + syncs };
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

