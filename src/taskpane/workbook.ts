/**
 * The pane's calls into Excel, each one `Excel.run` with a fixed number of syncs: read what the
 * pane shows, run a planned write (src/excel's `runPlanned`: read, plan, write), select a cell.
 * No figure is computed here.
 */
import { Checked, isProblems } from "../core/problem/problem";
import { SHEET_NAMES } from "../core/spk/sheet/layout";
import { LonnSettings, readSettings, SETTINGS_SHEET } from "../core/workpaper/settings";
import { SheetSnapshot } from "../core/sheet/snapshot";
import { probeWorkbook, queueProbe, WorkbookFacts } from "../excel/probe";
import { mayBeNullChainFailure, queueSnapshots, RangeRead, readExistingSnapshots, readRange, readSnapshots } from "../excel/read";
import { RunReport, runPlanned, Snapshots } from "../excel/run";
import { Action } from "./plans";

/** As runPlanned: a batch waits while the user is editing a cell instead of failing. */
const RUN: Excel.RunOptions = { delayForCellEdit: true };

export interface WorkbookOverview {
  /** Visible sheets, in workbook order. */
  readonly sheetNames: readonly string[];
  readonly settings?: LonnSettings;
  /** The reconciliation sheet found: `_lonn`'s `avstemmingsark` if it exists, else A10, else A11. */
  readonly reconciliationSheet?: string;
  readonly snapshots: Snapshots;
}

/** Sheets, settings and the reconciliation sheet at pane start. One sync (two when `_lonn` names another sheet). */
export async function readWorkbook(): Promise<WorkbookOverview> {
  return Excel.run(RUN, async (context) => {
    const probe = queueProbe(context);
    const first = [SHEET_NAMES.brutto, SHEET_NAMES.netto, SETTINGS_SHEET];
    const collect = queueSnapshots(context, first);
    let facts: WorkbookFacts;
    let snaps: Map<string, SheetSnapshot | undefined>;
    try {
      await context.sync();
      facts = probe();
      snaps = new Map(collect());
    } catch (error) {
      // As src/excel/run.ts: Excel may refuse a call chained on a possible null object.
      if (!mayBeNullChainFailure(error)) throw error;
      facts = await probeWorkbook(context);
      snaps = new Map(await readExistingSnapshots(context, first, facts.sheets));
    }
    const stored = readSettings(snaps.get(SETTINGS_SHEET));
    const settings = isProblems(stored) ? undefined : stored;
    const sheetNames = [...facts.sheets.values()].filter((s) => s.visibility === "Visible").map((s) => s.name);
    const named = settings?.avstemmingsark;
    const exists = (n: string) => facts.sheets.get(n.toLowerCase())?.name;
    if (named && exists(named) && !first.some((f) => f.toLowerCase() === named.toLowerCase())) {
      const more = await readSnapshots(context, [exists(named) as string]);
      for (const [k, v] of more) snaps.set(k, v);
    }
    const reconciliationSheet = [named, SHEET_NAMES.brutto, SHEET_NAMES.netto].map((n) => (n ? exists(n) : undefined)).find((n) => n !== undefined && snaps.get(n) !== undefined);
    return { sheetNames, ...(settings ? { settings } : {}), ...(reconciliationSheet ? { reconciliationSheet } : {}), snapshots: snaps };
  });
}

/** Snapshots of the named sheets (missing ones are undefined). One sync. */
export function readSheets(names: readonly string[]): Promise<Snapshots> {
  return Excel.run(RUN, (context) => readSnapshots(context, names));
}

/** Several ranges or sheets (`SAP`, `'SAP eksport'!A1:F80`), trimmed to the cells in use. Two syncs each. */
export function readRanges<K extends string>(addresses: Readonly<Partial<Record<K, string>>>): Promise<Partial<Record<K, RangeRead>>> {
  return Excel.run(RUN, async (context) => {
    const out: Partial<Record<K, RangeRead>> = {};
    for (const [key, address] of Object.entries(addresses) as [K, string][]) {
      out[key] = await readRange(context, address);
    }
    return out;
  });
}

/** The selection's address (`SAP!A1:F60`), for the "Bruk markert område" buttons. One sync. */
export function selectedRange(): Promise<string> {
  return Excel.run(RUN, async (context) => {
    const range = context.workbook.getSelectedRange().load("address");
    await context.sync();
    return range.address;
  });
}

/** Shows a cell: activates its sheet and selects it. One sync. */
export function goToCell(sheet: string, address: string): Promise<void> {
  return Excel.run(RUN, async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    worksheet.getRange(address).select();
    await context.sync();
  });
}

/** A planned write (read, plan, write once), then a read of `readAfter` for what the pane shows next. */
export async function write(action: Action, readAfter: readonly string[] = []): Promise<{ report: Checked<RunReport>; after?: Snapshots }> {
  const report = await runPlanned(action.plan, action.sheetsToRead);
  if (isProblems(report) || readAfter.length === 0) return { report };
  return { report, after: await readSheets(readAfter) };
}
