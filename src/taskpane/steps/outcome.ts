/** What the steps show after a read or a write: what was written, what was left alone and why; what was refused. */
import { Problems } from "../../core/problem/problem";
import { RunReport } from "../../excel/run";
import { Child, h, replace } from "../dom";
import { messageBox, messageList } from "../field";
import { StepContext } from "../step-context";
import { count } from "../view/format";
import { Place, problemMessages } from "../view/messages";

/** `342 celler skrevet; nye ark: A10 SPK brutto, Logg`. */
export function reportText(r: RunReport): string {
  const parts = [`${count(r.cellsWritten, "celle", "celler")} skrevet`];
  const created = r.sheetsCreated.filter((n) => n !== "_lonn");
  if (created.length > 0) parts.push(`nye ark: ${created.join(", ")}`);
  if (r.leftAlone.length > 0) parts.push(`${count(r.leftAlone.length, "celle", "celler")} latt være`);
  return `${parts.join("; ")}.`;
}

/** A result box; cells left alone and the plan's notices listed, each with a way to the cell. */
export function outcome(type: "ok" | "advarsel", title: string, text: string, r: RunReport, goTo: (place: Place) => void, extra: readonly Child[] = []): HTMLElement {
  const leftAlone = r.leftAlone.map((l) => ({ text: `${l.sheet}!${l.address}: ${l.reason}`, place: { sheet: l.sheet, address: l.address.split(":")[0] } }));
  const notes = (r.notices ?? []).map((n) => ({ text: `${n.sheet}!${n.address}: ${n.message}`, place: { sheet: n.sheet, address: n.address.split(":")[0] } }));
  return messageBox(type, title, [
    h("p", {}, text),
    leftAlone.length > 0 ? h("details", {}, h("summary", {}, `Latt være (${leftAlone.length})`), messageList(leftAlone, goTo)) : null,
    notes.length > 0 ? h("details", {}, h("summary", {}, `Merknader (${notes.length})`), messageList(notes, goTo)) : null,
    ...extra,
  ]);
}

/** A read that was refused: every problem listed with a way to its cell, in `box` (scrolled to), and how many in the status line. */
export function showRejected(pane: StepContext, box: HTMLElement, rejected: Problems, what: string): void {
  const n = count(rejected.list.length, "feil", "feil");
  replace(
    box,
    messageBox("feil", `${what} ble avvist (${n}); ingenting er skrevet`, [
      h("p", {}, "Rett filene eller cellene under (eller velg riktig område) og les inn på nytt."),
      messageList(problemMessages(rejected, pane.state.sheetNames), pane.goTo),
    ]),
  );
  box.scrollIntoView({ block: "start" });
  pane.message(`${what} ble avvist med ${n}.`);
}
