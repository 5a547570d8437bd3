/**
 * What an export step shows once the workbook holds the export's record lines (the trekk flow's
 * correction vouchers, the lønnsbilag flow's vouchers): «Ingen nye bilag» when the record already
 * holds every voucher as it is now; else the files of what is new, offered as downloads (CSV in
 * UTF-8 with its BOM, GL07 in Latin-1) and, since a host may block downloads from an add-in, their
 * text to copy. Nothing claims the files were downloaded: the pane only knows it offered them.
 */
import { ExportPlan } from "../../core/voucher/export-record";
import { RunReport } from "../../excel/run";
import { h, replace } from "../dom";
import { download } from "../download";
import { messageBox, textArea } from "../field";
import { StepContext } from "../step-context";
import { outcome, reportText } from "./outcome";

/** What an export's plan made: what it holds, and the files' text. */
export interface MadeExport {
  readonly exported?: ExportPlan;
  readonly csv?: string;
  readonly gl07?: string;
}

/** The status line says what was made, once; the download itself says nothing. */
const QUIET = { message: (): void => undefined };

/** After an export's write: what it holds in `box` and the status line; the files (named `<base>-<batch id>`) offered. `id` prefixes the copy fields' ids. */
export function showExport(pane: StepContext, box: HTMLElement, report: RunReport, made: MadeExport, base: string, id: string): void {
  const e = made.exported;
  if (!e) return;
  const unchanged = e.unchanged.length > 0 ? ` (uendret siden forrige eksport: ${e.unchanged.join(", ")})` : "";
  if (e.vouchers.length === 0) {
    replace(box, messageBox("info", `Ingen nye bilag å eksportere${unchanged}.`, [h("p", {}, "Eksporterte bilag står i arket «Eksporterte bilag»; et bilag som endres, eksporteres som en rettelse.")]));
    pane.message(`Ingen nye bilag å eksportere${unchanged}.`);
    return;
  }
  const files = [
    made.csv !== undefined ? { kind: "CSV", name: `${base}-${e.batchId}.csv`, text: made.csv, encoding: "utf-8" as const } : undefined,
    made.gl07 !== undefined ? { kind: "GL07", name: `${base}-${e.batchId}.gl07.txt`, text: made.gl07, encoding: "latin1" as const } : undefined,
  ].filter((f) => f !== undefined);
  for (const f of files) download(f.name, f.text, f.encoding, QUIET);
  const text = `Eksportert (${e.batchId}): ${e.vouchers.map((b) => b.id).join(", ")}${unchanged}.`;
  // As download.ts says it: what the pane did, not that the files arrived.
  const offered = `${files.map((f) => f.name).join(" og ")} er sendt til nedlasting.`;
  replace(
    box,
    outcome("ok", text, reportText(report), report, pane.goTo, [
      h("p", {}, `${offered} Finner du ikke filene, kopier teksten under «Starter ikke nedlastingen?».`),
      h(
        "details",
        {},
        h("summary", {}, "Starter ikke nedlastingen?"),
        h("p", { class: "hjelp" }, "Noen Excel-versjoner stopper nedlastinger fra tillegg. Kopier teksten og lagre den selv (GL07 som ANSI/Latin-1)."),
        ...files.map((f) => textArea(`${id}-${f.kind.toLowerCase()}-tekst`, f.kind, { value: f.text, readonly: true }).element),
      ),
    ]),
  );
  pane.message(`${text} ${offered}`);
}
