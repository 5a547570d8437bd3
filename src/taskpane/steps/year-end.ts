/**
 * Step 5, Årsavslutning: the balance control (IB and the year's movement per control account,
 * which must end at 0), the AGA adjustment with the updated average rate, and status code,
 * signature and date per termin. Saved in one write with its Logg row; the adjustment voucher then
 * comes with the vouchers under Bilag.
 */
import { isProblems } from "../../core/problem/problem";
import { SETTINGS_SHEET } from "../../core/workpaper/settings";
import { terminMonthsLabel } from "../../core/rules/termin";
import { replace, h } from "../dom";
import { Field, actionButton, messageBox, messageList, textField } from "../field";
import { Step, StepContext } from "../step-context";
import { saveYearEnd } from "../plans";
import { yearEndFormFrom, YearEndForm, adjustmentView, readYearEndForm, saldoView } from "../view/year-end-view";
import { count } from "../view/format";
import { ACTIONS } from "../../core/spk/log-text";
import { timestamp } from "../../core/workpaper/logg";
import { problemMessages } from "../view/messages";
import { write } from "../workbook";
import { reportText, outcome } from "./outcome";

export class YearEndStep implements Step {
  readonly element = h("div", { id: "panel-aars" });
  private builtFor: unknown = null;
  private form: YearEndForm | undefined;
  private readonly fields = new Map<string, Field>();
  private readonly report = h("div", { id: "aars-rapport" });
  private readonly result = h("div", { id: "aars-resultat" });

  constructor(private readonly pane: StepContext) {}

  show(): void {
    const reconciliation = this.pane.state.reconciliation;
    if (!reconciliation) return;
    if (this.builtFor !== reconciliation || this.element.childElementCount === 0) {
      this.builtFor = reconciliation;
      this.build(yearEndFormFrom(reconciliation.fromSheet));
    }
    this.showResult();
  }

  private text(key: string, label: string, value: string, options: Parameters<typeof textField>[2] = {}): HTMLElement {
    const f = textField(`aars-${key.replace(/\./g, "-")}`, label, { value, ...options });
    this.fields.set(key, f);
    return f.element;
  }

  private build(s: YearEndForm): void {
    this.form = s;
    this.fields.clear();
    const save = actionButton("Lagre årsavslutningen", () => void this.save(save), { primary: true, id: "aars-lagre" });
    replace(
      this.element,
      h("p", { class: "undertekst" }, "Saldoene skal være 0 ved årets slutt. Signerte terminer står som de er."),
      h(
        "form",
        { attrs: { novalidate: "" }, on: { submit: (e) => { e.preventDefault(); void this.save(save); } } },
        h("h3", {}, "Saldokontroll"),
        ...s.saldoer.map((f) =>
          h("fieldset", {}, h("legend", {}, `Konto ${f.name}`), h("div", { class: "rad" },
            this.text(`saldo.${f.key}.ib`, "IB 01.01", f.ib, { inputmode: "decimal" }),
            this.text(`saldo.${f.key}.bevegelse`, "Bevegelse i år", f.bevegelse, { inputmode: "decimal" }),
          )),
        ),
        h("h3", {}, "AGA-justering"),
        this.text("nySats", "Oppdatert AGA-sats (%)", s.newRate, { inputmode: "decimal", help: "Faktisk snittsats til og med periode 11. Tomt: ingen justering." }),
        h("h3", {}, "Signering per termin"),
        ...s.signOffs.map((t) =>
          h(
            "fieldset",
            {},
            h("legend", {}, `T${t.termin} (${terminMonthsLabel(t.termin)})${t.signed ? ": signert" : ""}`),
            h("div", { class: "rad" },
              this.text(`sign.${t.termin}.status`, "Kode", t.status, { readonly: t.signed }),
              this.text(`sign.${t.termin}.signatur`, "Signatur", t.signatur, { readonly: t.signed }),
              this.text(`sign.${t.termin}.dato`, "Dato", t.dato, { readonly: t.signed, inputmode: "numeric" }),
            ),
          ),
        ),
        h("p", { class: "hjelp" }, "Koden er avstemmingskoden fra avstemmingsmappen, f.eks. «Kunde følger opp»."),
        h("div", { class: "knapper" }, save),
      ),
      this.report,
      this.result,
    );
  }

  private readForm(): YearEndForm {
    const s = this.form as YearEndForm;
    const v = (key: string) => this.fields.get(key)?.input.value ?? "";
    return {
      saldoer: s.saldoer.map((f) => ({ ...f, ib: v(`saldo.${f.key}.ib`), bevegelse: v(`saldo.${f.key}.bevegelse`) })),
      newRate: v("nySats"),
      signOffs: s.signOffs.map((t) => ({ ...t, status: v(`sign.${t.termin}.status`), signatur: v(`sign.${t.termin}.signatur`), dato: v(`sign.${t.termin}.dato`) })),
    };
  }

  private async save(button: HTMLButtonElement): Promise<void> {
    if (this.pane.isBusy) return;
    const sheet = this.pane.state.sheet;
    if (!sheet || !this.form) return;
    for (const f of this.fields.values()) f.setProblem();
    const r = readYearEndForm(this.readForm());
    if (!r.ok) {
      let first: HTMLElement | undefined;
      for (const [key, text] of Object.entries(r.problems)) {
        const f = this.fields.get(key);
        f?.setProblem(text);
        if (f) first ??= f.input;
      }
      first?.focus();
      this.pane.message(`Årsavslutningen er ikke lagret: rett ${count(Object.keys(r.problems).length, "felt", "felt")} som er merket.`);
      return;
    }
    await this.pane.run(button, "Lagrer årsavslutningen …", "write", async () => {
      const { report, after } = await write(saveYearEnd(sheet, r.input, timestamp(new Date())), [sheet, SETTINGS_SHEET]);
      if (isProblems(report)) {
        replace(this.report, messageBox("feil", "Årsavslutningen er ikke lagret", [messageList(problemMessages(report, this.pane.state.sheetNames), this.pane.goTo)]));
        this.pane.message("Årsavslutningen er ikke lagret; se feilene.");
        return;
      }
      this.pane.setReconciliation(sheet, after as NonNullable<typeof after>);
      this.pane.state.bilag = undefined;
      this.pane.done("aars");
      replace(this.report, outcome(report.leftAlone.length > 0 ? "advarsel" : "ok", `${ACTIONS.yearEnd}.`, reportText(report), report, this.pane.goTo));
      this.builtFor = null;
      this.show();
      this.pane.message(`${ACTIONS.yearEnd}. ${reportText(report)}`);
    }, this.report);
  }

  private showResult(): void {
    const reconciliation = this.pane.state.reconciliation;
    if (!reconciliation) return;
    const a = reconciliation.avstemming;
    const saldo = saldoView(a.saldokontroll, reconciliation.fromSheet.oppsett);
    const j = a.agaJustering ? adjustmentView(a.agaJustering) : undefined;
    replace(
      this.result,
      saldo.length > 0
        ? h(
            "table",
            { class: "tabell", id: "aars-saldo" },
            h("caption", {}, "Saldokontroll"),
            h("thead", {}, h("tr", {}, h("th", { attrs: { scope: "col" } }, "Konto"), h("th", { class: "tall", attrs: { scope: "col" } }, "UB"), h("th", { class: "tall", attrs: { scope: "col" } }, "Avvik"))),
            h("tbody", {}, ...saldo.map((s) => h("tr", {}, h("td", {}, s.konto, " ", h("span", { class: s.ok ? "merke ok" : "merke feil" }, s.ok ? "OK" : "Ikke 0")), h("td", { class: "tall" }, s.ub), h("td", { class: "tall" }, s.differanse)))),
          )
        : null,
      j
        ? h(
            "table",
            { class: "tabell", id: "aars-justering" },
            h("caption", {}, "AGA-justering for året"),
            h("tbody", {}, ...j.lines.map((l) => h("tr", {}, h("th", { attrs: { scope: "row" } }, l.name), h("td", { class: "tall" }, l.value)))),
          )
        : null,
      j ? h("div", { class: "knapper" }, actionButton("Lag justeringsbilaget under Bilag", () => this.pane.showStep("bilag"), { id: "aars-til-bilag" })) : null,
    );
  }
}
