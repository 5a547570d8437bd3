/**
 * The «Trekk og AGA» flow's writes, as pure plans of what was just read (src/excel's runPlanned
 * reads the sheets, calls the plan, writes once): the `Trekk og AGA` sheet, `_lonn` (sign-off
 * fingerprints, the oppsett and the sources), the correction voucher sheet and, for an export, the
 * lines the `Eksporterte bilag` record gains, all through core's planTrekkOutputs, with the `Logg`
 * row in the same write. What the plan made (the run with the workbook's sign-off flags, each
 * flag's cell, the export's files) is kept for the step to show once the write is done.
 */
import { isProblems } from "../core/problem/problem";
import { trekkFlagCells } from "../core/trekk/sheet/plan";
import { TREKK_SHEET } from "../core/trekk/sheet/layout";
import { planTrekkOutputs, TrekkOutputOptions, TrekkOutputs, TrekkRun, trekkSheetsToRead } from "../core/usecase/trekk";
import { LOG_SHEET, Timestamp } from "../core/workpaper/logg";
import { WritePlan } from "../core/workpaper/write-plan";
import { Action, logged } from "./plans";
import { trekkTotals } from "./view/trekk-view";

/** What a trekk write made: core's outputs and each flag's cell on the sheet. */
export interface TrekkWritten extends TrekkOutputs {
  readonly sheet: string;
  readonly flagCells: readonly (string | undefined)[];
}

export interface TrekkAction extends Action {
  /** What the last plan made; undefined until the plan ran without problems. */
  written(): TrekkWritten | undefined;
}

/** A write of `run` (fill, vouchers, or an export with `options.export`), logged as `action`. */
export function writeTrekk(run: TrekkRun, options: TrekkOutputOptions, action: string, time: Timestamp): TrekkAction {
  let made: TrekkWritten | undefined;
  return {
    sheetsToRead: [...trekkSheetsToRead(), LOG_SHEET],
    plan: (snaps) => {
      const get = (s: string) => snaps.get(s);
      const out = planTrekkOutputs(run, get, options);
      if (isProblems(out)) return out;
      const cells = trekkFlagCells(out.run.avstemming, get(TREKK_SHEET));
      if (isProblems(cells)) return cells;
      made = { ...out, sheet: get(TREKK_SHEET)?.name ?? TREKK_SHEET, flagCells: cells };
      return logged(out.plan as WritePlan, snaps, action, trekkTotals(out.run), time, out.run.avstemming.scenario);
    },
    written: () => made,
  };
}
