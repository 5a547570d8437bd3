/**
 * «Trekk og AGA», step 3, Bilag: the months whose ledger is not the roll-forward's, each of which
 * the user may accept and post away against a counter account (the oppsett's `korreksjoner`); the
 * correction vouchers previewed (core's, each in balance), written to `Korreksjonsbilag trekk`,
 * and exported to CSV and Unit4 GL07 through the workbook's `Eksporterte bilag` record, so a second
 * export holds only what is new.
 */
import { isProblems } from "../../core/problem/problem";
import { Korreksjon } from "../../core/trekk/types";
import { runTrekk, TREKK_VOUCHER_SHEET, TrekkRun } from "../../core/usecase/trekk";
import { isoTimestamp, timestamp } from "../../core/workpaper/logg";
import { h, replace } from "../dom";
import { download } from "../download";
import { actionButton, checkbox, Field, messageBox, messageList, textField } from "../field";
import { Step, StepContext } from "../step-context";
import { writeTrekk } from "../trekk-plans";
import { bilagView } from "../view/bilag-view";
import { count } from "../view/format";
import { problemMessages } from "../view/messages";
import { correctionChoices, readTrekkForm, TREKK_ACTIONS, trekkSettings } from "../view/trekk-view";
import { outcome, reportText } from "./outcome";
import { writeShown } from "./trekk-write";

interface Choice {
  readonly konto: string;
  readonly periode: string;
  readonly accept: HTMLInputElement;
  readonly motkonto: Field;
}

export class TrekkBilagStep implements Step {
  readonly element = h("div", { id: "panel-trekk-bilag" });
  private choices: Choice[] = [];
  private builtFor: unknown = null;
  private readonly corrections = h("div", { id: "trekk-korreksjoner" });
  private readonly problemBox = h("div", { id: "trekk-bilag-feil" });
  private readonly preview = h("div", { id: "trekk-bilag-resultat" });

  constructor(private readonly pane: StepContext) {
    replace(
      this.element,
      h("p", { class: "undertekst" }, "En differanse mellom hovedboken og avstemmingen som du godtar, føres bort med et korreksjonsbilag mot kontoen du velger."),
      this.corrections,
      this.problemBox,
      this.preview,
    );
  }

  show(): void {
    const t = this.pane.state.trekk;
    if (this.builtFor !== t.imported) {
      this.builtFor = t.imported;
      replace(this.problemBox);
      this.buildChoices();
    }
    this.showPreview();
  }

  private buildChoices(): void {
    const imp = this.pane.state.trekk.imported;
    this.choices = [];
    if (!imp) {
      replace(this.corrections, h("p", {}, "Les inn eksportene under Importer først."));
      return;
    }
    const list = correctionChoices(imp.result.run.avstemming, imp.form.korreksjoner);
    const make = actionButton("Lag bilagene", () => void this.build(), { primary: true, id: "trekk-bilag-vis" });
    replace(
      this.corrections,
      h("h3", {}, "Differanser mot hovedboken"),
      list.length === 0
        ? h("p", {}, "Hovedboken stemmer med avstemmingen hver måned: ingen korreksjon å føre.")
        : h(
            "div",
            {},
            ...list.map((c, i) => {
              const accept = checkbox(`trekk-korr-${i}`, `Korriger ${c.label}`, c.chosen);
              const motkonto = textField(`trekk-korr-${i}-motkonto`, "Motkonto", { value: c.motkonto, inputmode: "numeric", help: "F.eks. 5400 for arbeidsgiveravgift, 1920 for en feil i banken." });
              this.choices.push({ konto: c.konto, periode: c.periode, accept: accept.input, motkonto });
              return h("fieldset", { class: "kort" }, h("legend", {}, `Konto ${c.label}`), accept.element, motkonto.element);
            }),
          ),
      h("div", { class: "knapper" }, make),
    );
  }

  /** The run with the accepted corrections: the import's scenario with `korreksjoner`, run again (pure; nothing is read). */
  private build(): void {
    const imp = this.pane.state.trekk.imported;
    if (!imp || this.pane.isBusy) return;
    const korreksjoner: Korreksjon[] = [];
    let wrong: Field | undefined;
    for (const c of this.choices) {
      c.motkonto.setProblem();
      if (!c.accept.checked) continue;
      const motkonto = c.motkonto.input.value.trim();
      if (!/^\d{4,}$/.test(motkonto)) {
        c.motkonto.setProblem("Fyll inn motkontoen (kontonummer) for korreksjonen.");
        wrong ??= c.motkonto;
        continue;
      }
      korreksjoner.push({ konto: c.konto, periode: c.periode, motkonto });
    }
    if (wrong) {
      wrong.input.focus();
      this.pane.message("Rett feltene som er merket.");
      return;
    }
    const form = readTrekkForm(imp.form, korreksjoner);
    const inputs = imp.result.run.inputs;
    const run = runTrekk({ ...inputs, scenario: { ...inputs.scenario, ...(korreksjoner.length > 0 ? { korreksjoner } : {}) } });
    if (isProblems(run) || !form.ok) {
      const problems = isProblems(run) ? run : undefined;
      replace(this.problemBox, messageBox("feil", "Bilagene kan ikke lages", problems ? [messageList(problemMessages(problems, this.pane.state.sheetNames), this.pane.goTo)] : []));
      this.pane.message("Bilagene kan ikke lages; se feilene.");
      return;
    }
    replace(this.problemBox);
    this.pane.state.trekk.bilag = { run, settings: trekkSettings(form.json, imp.ranges) };
    this.showPreview();
    this.pane.message(`${count(run.bilag.length, "korreksjonsbilag", "korreksjonsbilag")} klare. Ingenting er skrevet ennå.`);
  }

  private async writeBilag(button: HTMLButtonElement, run: TrekkRun, settings: Readonly<Record<string, string>>): Promise<void> {
    if (this.pane.isBusy) return;
    await this.pane.run(button, "Skriver bilagene …", "write", async () => {
      const done = await writeShown(this.pane, writeTrekk(run, { andre: settings }, TREKK_ACTIONS.bilag, timestamp(new Date())), this.problemBox, "Bilagene er ikke skrevet");
      if (!done) return;
      const { report, written } = done;
      this.pane.state.trekk.written = written;
      this.pane.done("trekk-bilag");
      replace(this.problemBox, outcome("ok", `${TREKK_ACTIONS.bilag}: ${TREKK_VOUCHER_SHEET}.`, reportText(report), report, this.pane.goTo));
      this.pane.message(`Bilagene er skrevet. ${reportText(report)}`);
    }, this.problemBox);
  }

  /** Writes the workbook with the export's record lines, then downloads what is new (nothing is downloaded when the write fails). */
  private async exportBilag(button: HTMLButtonElement, run: TrekkRun, settings: Readonly<Record<string, string>>): Promise<void> {
    if (this.pane.isBusy) return;
    const aar = run.inputs.scenario.aar;
    await this.pane.run(button, "Eksporterer bilagene …", "write", async () => {
      const now = timestamp(new Date());
      const names = { csv: `Trekk-korreksjonsbilag-${aar}.csv`, gl07: `Trekk-korreksjonsbilag-${aar}.gl07.txt` };
      const done = await writeShown(this.pane, writeTrekk(run, { andre: settings, export: { eksportert: isoTimestamp(now), fil: `${names.csv}, ${names.gl07}`, csv: {}, gl07: true } }, TREKK_ACTIONS.export, now), this.problemBox, "Bilagene er ikke eksportert");
      if (!done || !done.written.exported) return;
      const { report, written } = done;
      this.pane.state.trekk.written = written;
      const e = done.written.exported;
      const unchanged = e.unchanged.length > 0 ? ` (uendret siden forrige eksport: ${e.unchanged.join(", ")})` : "";
      if (e.vouchers.length === 0) {
        replace(this.problemBox, messageBox("info", `Ingen nye bilag å eksportere${unchanged}.`, [h("p", {}, "Eksporterte bilag står i arket «Eksporterte bilag»; et bilag som endres, eksporteres som en rettelse.")]));
        this.pane.message(`Ingen nye bilag å eksportere${unchanged}.`);
        return;
      }
      const base = `Trekk-korreksjonsbilag-${e.batchId}`;
      if (written.csv !== undefined) download(`${base}.csv`, written.csv, "utf-8", this.pane);
      if (written.gl07 !== undefined) download(`${base}.gl07.txt`, written.gl07, "latin1", this.pane);
      const text = `Eksportert (${e.batchId}): ${e.vouchers.map((b) => b.id).join(", ")}${unchanged}.`;
      replace(this.problemBox, outcome("ok", text, reportText(report), report, this.pane.goTo));
      this.pane.message(text);
    }, this.problemBox);
  }

  private showPreview(): void {
    const b = this.pane.state.trekk.bilag;
    if (!b) {
      replace(this.preview);
      return;
    }
    const vouchers = bilagView(b.run.bilag, []);
    const writeButton = actionButton("Skriv bilagene i arbeidsboken", () => void this.writeBilag(writeButton, b.run, b.settings), { primary: true, id: "trekk-bilag-skriv" });
    const exportButton = actionButton("Eksporter CSV og GL07", () => void this.exportBilag(exportButton, b.run, b.settings), { id: "trekk-eksport" });
    const lines = vouchers.reduce((n, v) => n + v.lines.length, 0);
    replace(
      this.preview,
      messageBox("info", `${count(vouchers.length, "korreksjonsbilag", "korreksjonsbilag")} med ${count(lines, "linje", "linjer")}${vouchers.every((v) => v.balanced) ? ", alle i balanse" : ""}`, [
        h("p", {}, `Skrives til arket ${TREKK_VOUCHER_SHEET} sammen med avstemmingen; egne rader der blir stående. Eksporten tar bare med det som ikke er eksportert før.`),
        h("div", { class: "knapper" }, writeButton, exportButton),
      ]),
      ...vouchers.map((v) =>
        h(
          "details",
          { class: "bilag", attrs: { open: "" } },
          h("summary", {}, `${v.id} · ${v.dato}`),
          h(
            "table",
            { class: "tabell" },
            h("caption", { class: "visuelt-skjult" }, `${v.id} · ${v.dato}`),
            h("thead", {}, h("tr", {}, h("th", { attrs: { scope: "col" } }, "Konto"), h("th", { attrs: { scope: "col" } }, "Tekst"), h("th", { class: "tall", attrs: { scope: "col" } }, "Beløp"))),
            h("tbody", {}, ...v.lines.map((l) => h("tr", {}, h("td", {}, l.konto), h("td", {}, l.text), h("td", { class: "tall" }, l.belop)))),
          ),
          h("p", {}, h("span", { class: v.balanced ? "merke ok" : "merke feil" }, v.balance)),
        ),
      ),
    );
  }
}
