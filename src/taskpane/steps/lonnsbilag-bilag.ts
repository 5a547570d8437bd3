/**
 * «Lønnsbilag», step 2, Bilag: the voucher of each pay run (core's, each in balance) with its AGA
 * per zone, ekstra AGA and feriepenger, as `lonn lonnsbilag` reports them; written to the
 * `Lønnsbilag` sheet (the plan `lonn lonnsbilag --xlsx` applies, with the Logg row), and exported
 * to CSV and Unit4 GL07 through the workbook's `Eksporterte bilag` record, so a second export holds
 * only what is new.
 */
import { LONNSBILAG_SHEET, LonnsbilagRun } from "../../core/usecase/lonnsbilag";
import { isoTimestamp } from "../../core/workpaper/logg";
import { h, replace } from "../dom";
import { actionButton, messageBox } from "../field";
import { writeLonnsbilag } from "../lonnsbilag-plans";
import { Step, StepContext } from "../step-context";
import { count } from "../view/format";
import { LONNSBILAG_ACTIONS, PayRunView, payRunViews, ZoneView } from "../view/lonnsbilag-view";
import { bilagDetails } from "./bilag-table";
import { showExport } from "./export-shown";
import { outcome, reportText } from "./outcome";
import { writeMeta } from "./write-meta";
import { writeShown } from "./write-shown";

/** What the downloads are called: `Lonnsbilag-LONN-2024-E1.csv`. */
const FILE_BASE = "Lonnsbilag";

/** A zone table under a voucher: `AGA per sone` or `AGA av feriepengene per sone`. */
function zoneTable(title: string, zones: readonly ZoneView[]): HTMLElement | null {
  if (zones.length === 0) return null;
  return h(
    "table",
    { class: "tabell" },
    h("caption", {}, title),
    h("thead", {}, h("tr", {}, ...["Sone", "Grunnlag", "Sats", "AGA"].map((t, j) => h("th", { ...(j > 0 ? { class: "tall" } : {}), attrs: { scope: "col" } }, t)))),
    h("tbody", {}, ...zones.map((z) => h("tr", {}, h("th", { attrs: { scope: "row" } }, z.sone), h("td", { class: "tall" }, z.grunnlag), h("td", { class: "tall" }, z.sats), h("td", { class: "tall" }, z.aga)))),
  );
}

function payRun(v: PayRunView): HTMLElement {
  return bilagDetails(
    v.bilag,
    h("p", {}, `${v.mottakere}. AGA ${v.sumAga}${v.ekstraAga ? `, av det ekstra AGA ${v.ekstraAga}` : ""}.`),
    zoneTable("AGA per sone", v.agaPerSone),
    v.feriepenger ? h("p", {}, `Feriepenger avsatt ${v.feriepenger}.`) : null,
    zoneTable("AGA av feriepengene per sone", v.agaFeriepengerPerSone),
  );
}

export class LonnsbilagBilagStep implements Step {
  readonly element = h("div", { id: "panel-lonnsbilag-bilag" });
  private shownFor: unknown = null;
  private readonly summary = h("div");
  private readonly resultBox = h("div", { id: "lonnsbilag-bilag-resultat" });
  private readonly vouchers = h("div", { id: "lonnsbilag-bilag" });

  constructor(private readonly pane: StepContext) {
    replace(
      this.element,
      h("p", { class: "undertekst" }, `Bilagene skrives til arket «${LONNSBILAG_SHEET}»: rader med bilag-ID (LONN-…) lages på nytt, egne rader blir stående. Eksporten tar bare med det som ikke er eksportert før.`),
      this.summary,
      this.resultBox,
      this.vouchers,
    );
  }

  show(): void {
    const run = this.pane.state.lonnsbilag.run;
    if (this.shownFor === run) return;
    this.shownFor = run;
    replace(this.resultBox);
    if (!run) {
      replace(this.summary, h("p", {}, "Les inn lønnsjournalen under Importer først."));
      replace(this.vouchers);
      return;
    }
    const views = payRunViews(run);
    const lines = views.reduce((n, v) => n + v.bilag.lines.length, 0);
    const writeButton = actionButton(`Skriv «${LONNSBILAG_SHEET}»`, () => void this.write(writeButton, run), { primary: true, id: "lonnsbilag-skriv" });
    const exportButton = actionButton("Eksporter CSV og GL07", () => void this.export(exportButton, run), { id: "lonnsbilag-eksport" });
    replace(
      this.summary,
      messageBox("info", `${count(views.length, "lønnsbilag", "lønnsbilag")} med ${count(lines, "linje", "linjer")}${views.every((v) => v.bilag.balanced) ? ", alle i balanse" : ""}`, [
        h("p", {}, `Fra ${run.inputs.source}. Eksporten skriver også arket, med linjene den legger til i «Eksporterte bilag».`),
        h("div", { class: "knapper" }, writeButton, exportButton),
      ]),
    );
    replace(this.vouchers, ...views.map(payRun));
  }

  private async write(button: HTMLButtonElement, run: LonnsbilagRun): Promise<void> {
    if (this.pane.isBusy) return;
    await this.pane.run(button, `Skriver «${LONNSBILAG_SHEET}» …`, "write", async () => {
      const done = await writeShown(this.pane, writeLonnsbilag(run, undefined, LONNSBILAG_ACTIONS.write, writeMeta(this.pane)), this.resultBox, "Bilagene er ikke skrevet");
      if (!done) return;
      this.pane.state.lonnsbilag.written = done.written;
      this.pane.done("lonnsbilag-bilag");
      replace(this.resultBox, outcome(done.report.leftAlone.length > 0 ? "advarsel" : "ok", `${LONNSBILAG_ACTIONS.write}: ${LONNSBILAG_SHEET}.`, reportText(done.report), done.report, this.pane.goTo));
      this.pane.message(`Bilagene er skrevet. ${reportText(done.report)}`);
    }, this.resultBox);
  }

  /** Writes the sheet with the export's record lines, then offers what is new for download (nothing is offered when the write fails). */
  private async export(button: HTMLButtonElement, run: LonnsbilagRun): Promise<void> {
    if (this.pane.isBusy) return;
    const aar = run.bilag[0]?.dato.slice(0, 4) ?? "";
    await this.pane.run(button, "Eksporterer bilagene …", "write", async () => {
      const meta = writeMeta(this.pane);
      const request = { eksportert: isoTimestamp(meta.time), fil: `${FILE_BASE}-${aar}.csv, ${FILE_BASE}-${aar}.gl07.txt`, csv: {}, gl07: true };
      const done = await writeShown(this.pane, writeLonnsbilag(run, request, LONNSBILAG_ACTIONS.export, meta), this.resultBox, "Bilagene er ikke eksportert");
      if (!done) return;
      this.pane.state.lonnsbilag.written = done.written;
      this.pane.done("lonnsbilag-bilag");
      showExport(this.pane, this.resultBox, done.report, done.written, FILE_BASE, "lonnsbilag-eksport");
    }, this.resultBox);
  }
}
