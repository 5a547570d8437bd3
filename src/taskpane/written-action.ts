/**
 * A planned write that keeps what its plan made (the run as the workbook leaves it, an export's
 * files), for the step to show once the write is done: the plan runs on what was just read, so
 * what it made is known only then, and only when the plan had no problems.
 */
import { Checked } from "../core/problem/problem";
import { WritePlan } from "../core/workpaper/write-plan";
import type { Snapshots } from "../excel/run";
import { Action } from "./plans";

export interface WrittenAction<W> extends Action {
  /** What the last plan made; undefined until the plan ran without problems. */
  written(): W | undefined;
}

/** An action reading `sheetsToRead`; `plan` hands what it made to `keep` and returns the WritePlan. */
export function keeping<W>(sheetsToRead: readonly string[], plan: (snaps: Snapshots, keep: (made: W) => void) => Checked<WritePlan>): WrittenAction<W> {
  let made: W | undefined;
  return {
    sheetsToRead,
    plan: (snaps) => plan(snaps, (m) => (made = m)),
    written: () => made,
  };
}
