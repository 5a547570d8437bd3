/**
 * Step 3, Avstem: fill the sheet from the import (one write, with its Logg row), read it back and
 * list every flag (unexplained, material, broken posting rule) with a way to its cell. "Avstem på
 * nytt" reads the sheet again after the user has typed explanations.
 */
import { isProblems } from "../../core/problem/problem";
import { SETTINGS_SHEET } from "../../core/workpaper/settings";
import { replace, h } from "../dom";
import { actionButton, messageBox, messageList } from "../field";
import { Step, StepContext } from "../step-context";
import { fillFromImport } from "../plans";
import { reconcileView } from "../view/reconcile-view";
import { ACTIONS } from "../../core/spk/log-text";
import { timestamp } from "../../core/workpaper/logg";
import { problemMessages } from "../view/messages";
import { readSheets, write } from "../workbook";
import { reportText, outcome } from "./outcome";

export class ReconcileStep implements Step {
  readonly element = h("div", { id: "panel-avstem" });
  private readonly ready = h("div");
  private readonly report = h("div", { id: "avstem-rapport" });
  private readonly result = h("div", { id: "avstem-resultat" });

  constructor(private readonly pane: StepContext) {
    const readAgain = actionButton("Les arket og avstem på nytt", () => void this.readAgain(readAgain), { id: "avstem-les" });
    replace(
      this.element,
      h("p", { class: "undertekst" }, "Fyller kolonnene B–F og K–N; formler, forklaringer og signaturer blir stående."),
      this.ready,
      h("div", { class: "knapper" }, readAgain),
      this.report,
      this.result,
    );
  }

  show(): void {
    const t = this.pane.state;
    if (t.import) {
      const fill = actionButton("Fyll avstemmingsarket", () => void this.fill(fill), { primary: true, id: "avstem-fyll" });
      replace(this.ready, messageBox("info", `Klar til å skrive importen fra ${t.import.sources} i «${t.sheet}».`, [h("div", { class: "knapper" }, fill)]));
    } else if (t.lastFill) {
      replace(this.ready, h("p", {}, "Importen er skrevet i arket. Skriv forklaringer i kolonne J og les arket på nytt; nye eksporter leses inn under Importer."));
    } else {
      replace(this.ready, h("p", {}, "Ingen import venter. Les inn eksportene under Importer, eller avstem det som står i arket."));
    }
    this.showResult();
  }

  private async fill(button: HTMLButtonElement): Promise<void> {
    if (this.pane.isBusy) return;
    const t = this.pane.state;
    const imp = t.import;
    const sheet = t.sheet;
    if (!imp || !sheet) return;
    await this.pane.run(button, `Fyller «${sheet}» …`, "write", async () => {
      const { report, after } = await write(fillFromImport(sheet, imp.data, imp.readWith, imp.others, timestamp(new Date())), [sheet, SETTINGS_SHEET]);
      if (isProblems(report)) {
        replace(this.report, messageBox("feil", "Arket er ikke fylt", [messageList(problemMessages(report, t.sheetNames), this.pane.goTo)]));
        this.pane.message("Arket er ikke fylt; se feilene.");
        return;
      }
      this.pane.addSheets(...report.sheetsCreated.filter((n) => n !== SETTINGS_SHEET));
      t.import = undefined;
      t.lastFill = report;
      t.bilag = undefined;
      this.pane.setReconciliation(sheet, after as NonNullable<typeof after>);
      this.pane.done("avstem");
      replace(this.report, outcome(report.leftAlone.length > 0 ? "advarsel" : "ok", `${ACTIONS.fill}.`, reportText(report), report, this.pane.goTo));
      this.show();
      const flags = this.pane.state.reconciliation?.avstemming.flags.length ?? 0;
      this.pane.message(`Arket er fylt. ${reportText(report)} ${flags === 0 ? "Ingen flagg." : `${flags} flagg å se på.`}`);
    }, this.report);
  }

  private async readAgain(button: HTMLButtonElement): Promise<void> {
    if (this.pane.isBusy) return;
    const sheet = this.pane.state.sheet;
    if (!sheet) return;
    await this.pane.run(button, `Leser «${sheet}» …`, "read", async () => {
      this.pane.setReconciliation(sheet, await readSheets([sheet, SETTINGS_SHEET]));
      this.pane.state.bilag = undefined;
      replace(this.report);
      this.showResult();
      const flags = this.pane.state.reconciliation?.avstemming.flags.length;
      this.pane.message(flags === undefined ? "Arket kan ikke avstemmes; se feilene." : `Avstemt på nytt: ${flags === 0 ? "ingen flagg" : `${flags} flagg`}.`);
    }, this.report);
  }

  private showResult(): void {
    const { reconciliation, readProblems } = this.pane.state;
    if (!reconciliation) {
      replace(this.result, readProblems ? messageBox("feil", "Arket kan ikke avstemmes", [messageList(readProblems, this.pane.goTo)]) : null);
      return;
    }
    const v = reconcileView(reconciliation.avstemming, reconciliation.fromSheet.map);
    replace(
      this.result,
      h(
        "table",
        { class: "tabell", id: "avstem-tabell" },
        h("caption", {}, "Differanse til resultatføring (R) og beregnet AGA (T)"),
        h("thead", {}, h("tr", {},
          h("th", { attrs: { scope: "col" } }, "Termin"),
          h("th", { class: "tall", attrs: { scope: "col" } }, "R"),
          h("th", { class: "tall", attrs: { scope: "col" } }, "T"),
          h("th", { class: "tall", attrs: { scope: "col" } }, "Flagg"),
        )),
        h("tbody", {}, ...v.rows.map((r) => h("tr", {},
          h("th", { attrs: { scope: "row" } }, r.termin),
          h("td", { class: "tall" }, r.R),
          h("td", { class: "tall" }, r.T),
          h("td", { class: "tall" }, r.flags === 0 ? "–" : String(r.flags)),
        ))),
        h("tfoot", {}, h("tr", {}, h("th", { attrs: { scope: "row" } }, "Sum"), h("td", { class: "tall" }, v.sum.R), h("td", { class: "tall" }, v.sum.T), h("td"))),
      ),
      h("p", { class: "undertekst" }, `AGA som bokføres for året: ${v.aarsAga}.`),
      h("h3", { id: "avstem-flagg-tittel" }, "Flagg"),
      h("p", {}, v.summary),
      v.flags.length > 0
        ? h(
            "ul",
            { class: "flagg", attrs: { "aria-labelledby": "avstem-flagg-tittel" } },
            ...v.flags.map((f) =>
              h(
                "li",
                { class: f.kind },
                h("p", {}, h("strong", {}, f.type)),
                h("p", {}, f.message),
                f.place ? h("button", { type: "button", class: "lenke", attrs: { "aria-label": `${f.button}: ${f.type}` }, on: { click: () => this.pane.goTo(f.place as NonNullable<typeof f.place>) } }, f.button as string) : null,
              ),
            ),
          )
        : null,
      h("div", { class: "knapper" }, actionButton("Gå videre til Bilag", () => this.pane.showStep("bilag"), { id: "avstem-videre" })),
    );
  }
}
