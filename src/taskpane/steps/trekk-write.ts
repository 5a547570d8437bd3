/** A trekk write from a step: run it; on problems list them (with links) in `box` and say so; else what it wrote and made. */
import { RunReport } from "../../excel/run";
import { isProblems } from "../../core/problem/problem";
import { SETTINGS_SHEET } from "../../core/workpaper/settings";
import { replace } from "../dom";
import { messageBox, messageList } from "../field";
import { StepContext } from "../step-context";
import { TrekkAction, TrekkWritten } from "../trekk-plans";
import { problemMessages } from "../view/messages";
import { write } from "../workbook";

export async function writeShown(pane: StepContext, action: TrekkAction, box: HTMLElement, failed: string): Promise<{ readonly report: RunReport; readonly written: TrekkWritten } | undefined> {
  const { report } = await write(action);
  const written = action.written();
  if (isProblems(report) || !written) {
    if (isProblems(report)) replace(box, messageBox("feil", failed, [messageList(problemMessages(report, pane.state.sheetNames), pane.goTo)]));
    pane.message(`${failed}; se feilene.`);
    return undefined;
  }
  // `_lonn` is very hidden: not a sheet to pick.
  pane.addSheets(...report.sheetsCreated.filter((n) => n !== SETTINGS_SHEET));
  return { report, written };
}
