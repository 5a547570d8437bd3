/**
 * «Trekk og AGA», step 2, Avstem: fill the `Trekk og AGA` sheet from the import in one write (with
 * `_lonn`, the voucher sheet when there are vouchers, and the Logg row), then list every flag
 * (late, short or over-paid, payroll ≠ a-melding, payroll ≠ invoice, ledger ≠ roll-forward, a
 * signed month changed) with a way to the cell it is written in.
 */
import { TREKK_SHEET } from "../../core/trekk/sheet/layout";
import { h, replace } from "../dom";
import { actionButton, flagList, messageBox } from "../field";
import { Step, StepContext } from "../step-context";
import { writeTrekk } from "../trekk-plans";
import { timestamp } from "../../core/workpaper/logg";
import { TREKK_ACTIONS, trekkFlagSummary, trekkFlagViews } from "../view/trekk-view";
import { outcome, reportText } from "./outcome";
import { writeShown } from "./trekk-write";

export class TrekkReconcileStep implements Step {
  readonly element = h("div", { id: "panel-trekk-avstem" });
  private readonly ready = h("div");
  private readonly report = h("div", { id: "trekk-avstem-rapport" });
  private readonly result = h("div", { id: "trekk-avstem-resultat" });

  constructor(private readonly pane: StepContext) {
    replace(
      this.element,
      h("p", { class: "undertekst" }, `Fyller arket «${TREKK_SHEET}» med vanlige formler; egne formler, kommentarer og signaturer blir stående.`),
      this.ready,
      this.report,
      this.result,
    );
  }

  show(): void {
    const { imported: imp, written } = this.pane.state.trekk;
    if (imp) {
      const s = imp.result.run.inputs.scenario;
      const again = written !== undefined;
      const fill = actionButton(again ? `Fyll «${TREKK_SHEET}» på nytt` : `Fyll «${TREKK_SHEET}»`, () => void this.fill(fill), { primary: !again, id: "trekk-fyll" });
      replace(
        this.ready,
        again
          ? h("div", {}, h("p", {}, `Avstemmingen er skrevet i «${TREKK_SHEET}». Signer månedene i arket (signatur og dato) og fyll på nytt: en signert måned som endres etterpå, flagges.`), h("div", { class: "knapper" }, fill))
          : messageBox("info", `Klar til å fylle «${TREKK_SHEET}» for ${s.virksomhet} ${s.aar}.`, [h("p", {}, `Fra ${imp.result.exports.join(", ")}.`), h("div", { class: "knapper" }, fill)]),
      );
    } else {
      replace(this.ready, h("p", {}, "Ingen import venter. Les inn eksportene under Importer."));
    }
    this.showResult();
  }

  private async fill(button: HTMLButtonElement): Promise<void> {
    if (this.pane.isBusy) return;
    const t = this.pane.state.trekk;
    const imp = t.imported;
    if (!imp) return;
    await this.pane.run(button, `Fyller «${TREKK_SHEET}» …`, "write", async () => {
      const done = await writeShown(this.pane, writeTrekk(imp.result.run, { andre: imp.settings }, TREKK_ACTIONS.fill, timestamp(new Date())), this.report, "Arket er ikke fylt");
      if (!done) return;
      const { report, written } = done;
      t.written = written;
      t.bilag = undefined;
      this.pane.done("trekk-avstem");
      replace(this.report, outcome(report.leftAlone.length > 0 ? "advarsel" : "ok", `${TREKK_ACTIONS.fill}.`, reportText(report), report, this.pane.goTo));
      this.show();
      const flags = written.run.avstemming.flags.length;
      this.pane.message(`Arket er fylt. ${reportText(report)} ${flags === 0 ? "Ingen flagg." : `${flags} flagg å se på.`}`);
    }, this.report);
  }

  private showResult(): void {
    const w = this.pane.state.trekk.written;
    if (!w) {
      replace(this.result);
      return;
    }
    const a = w.run.avstemming;
    replace(
      this.result,
      h("h3", { id: "trekk-flagg-tittel" }, "Flagg"),
      h("p", {}, trekkFlagSummary(a)),
      flagList(trekkFlagViews(a, w.flagCells, w.sheet), "trekk-flagg-tittel", this.pane.goTo),
      h("div", { class: "knapper" }, actionButton("Gå videre til Bilag", () => this.pane.showStep("trekk-bilag"), { id: "trekk-avstem-videre" })),
    );
  }
}
