/**
 * Step 1, Oppsett: make the A10 (brutto) or A11 (netto) sheet or take the one in the workbook;
 * year, virksomhet, the average AGA rate (typed, or from a range of basis and rates), tolerance,
 * materiality, accounts, dimensions and the Unit4 export codes. Saved in the workbook (the sheet's
 * header and `_lonn`), so every co-author sees the same.
 */
import { isRuleError } from "../../core/errors";
import { isProblems } from "../../core/problem/problem";
import { readBasesAndRates } from "../../core/import/virksomheter";
import { agaSnittsats } from "../../core/rules/snittsats";
import { KONTO_KEYS, KONTO_NAMES } from "../../core/spk/oppsett";
import { Budsjettering, Kontoer, Modus, Oppsett } from "../../core/spk/types";
import { SHEET_NAMES } from "../../core/spk/sheet/layout";
import { SETTINGS_SHEET } from "../../core/workpaper/settings";
import { replace, h } from "../dom";
import { checkbox, Field, actionButton, messageBox, messageList, radios, RadioGroup, textField, chooser } from "../field";
import { Step, StepContext } from "../step-context";
import { saveOppsett } from "../plans";
import { count, percent } from "../view/format";
import { percentFieldText } from "../view/input";
import { ACTIONS } from "../../core/spk/log-text";
import { timestamp } from "../../core/workpaper/logg";
import { readForm, OppsettForm, formFrom } from "../view/oppsett-form";
import { problemMessages } from "../view/messages";
import { readSheets, readRanges, selectedRange, write } from "../workbook";
import { reportText, outcome } from "./outcome";

const NEW_SHEET = "";

export class OppsettStep implements Step {
  readonly element = h("div", { id: "panel-oppsett" });
  private builtFor: unknown = null;
  private sheetChooser!: Field<HTMLSelectElement>;
  private budsjettering!: RadioGroup<Budsjettering>;
  private modus!: RadioGroup<Modus>;
  private readonly fields = new Map<string, Field>();
  private dims: { name: Field; value: Field; pakrevd: HTMLInputElement }[] = [];
  private averageRange!: Field;
  private readonly averageAnswer = h("div", { attrs: { "aria-live": "polite" } });
  private readonly result = h("div", { id: "oppsett-resultat" });
  private earlier: Oppsett | undefined;

  constructor(private readonly pane: StepContext) {}

  show(): void {
    const t = this.pane.state;
    const source = t.reconciliation ?? t.sheet ?? null;
    if (this.builtFor === source && this.element.childElementCount > 0) return;
    this.builtFor = source;
    this.build(t.reconciliation?.fromSheet.oppsett, t.sheet);
    if (t.readProblems && t.sheet) {
      replace(this.result, messageBox("advarsel", `Arket «${t.sheet}» kan ikke leses ennå`, [
        h("p", {}, "Rett det som står under, eller fyll inn oppsettet og lagre: tillegget skriver det inn der arket har plass."),
        messageList(t.readProblems, this.pane.goTo),
      ]));
    }
  }

  private text(key: string, label: string, value: string, options: Parameters<typeof textField>[2] = {}): HTMLElement {
    const f = textField(`oppsett-${key.replace(/\./g, "-")}`, label, { value, ...options });
    this.fields.set(key, f);
    return f.element;
  }

  private build(oppsett: Oppsett | undefined, sheet: string | undefined): void {
    this.earlier = oppsett;
    this.fields.clear();
    const s = formFrom(oppsett, new Date().getFullYear());
    const sheetChoice: [string, string][] = [[NEW_SHEET, this.newSheetText(s.budsjettering)], ...this.pane.state.sheetNames.map((a): [string, string] => [a, a])];
    this.sheetChooser = chooser("oppsett-ark", "Avstemmingsark", sheetChoice, sheet ?? NEW_SHEET, "Velg arket med avstemmingen, eller la tillegget lage et nytt etter DFØs mal (A10/A11).");
    this.sheetChooser.input.addEventListener("change", () => void this.changeSheet());
    this.budsjettering = radios("oppsett-budsjettering", "Budsjettering", [["brutto", "Brutto (A10)"], ["netto", "Netto (A11)"]], s.budsjettering, (b) => {
      const newSheetOption = this.sheetChooser.input.options[0];
      newSheetOption.textContent = this.newSheetText(b);
    });
    this.modus = radios("oppsett-modus", "Resultatføring", [["terminvis", "Terminvis (anbefalt)"], ["arsslutt", "Ved årsslutt"]], s.modus);

    this.averageRange = textField("oppsett-snitt-omrade", "Område med grunnlag og sats eller sone", {
      list: "oppsett-arkliste",
      help: "F.eks. Virksomheter eller 'AGA-grunnlag'!A1:C20. Overskrifter: Grunnlag og Sats, Sone eller Kommunenummer.",
    });
    const dimFields: HTMLElement[] = [];
    this.dims = s.dimensjoner.map((d, i) => {
      const n = i + 1;
      const name = textField(`oppsett-dim-${n}-navn`, "Navn", { value: d.name });
      const value = textField(`oppsett-dim-${n}-verdi`, "Verdi", { value: d.value });
      this.fields.set(`dim.${n}.navn`, name);
      this.fields.set(`dim.${n}.verdi`, value);
      const pakrevd = checkbox(`oppsett-dim-${n}-pakrevd`, "Påkrevd på kostnadslinjer", d.pakrevd);
      dimFields.push(h("fieldset", {}, h("legend", {}, `Dimensjon ${n} (dim_${n})`), h("div", { class: "rad" }, name.element, value.element), pakrevd.element));
      return { name, value, pakrevd: pakrevd.input };
    });

    const save = actionButton(sheet ? "Lagre oppsettet" : "Lag avstemmingsarket", () => void this.save(save), { primary: true, id: "oppsett-lagre" });
    replace(
      this.element,
      h("p", { class: "undertekst" }, "Oppsettet lagres i arbeidsboken (arkets topp og det skjulte arket _lonn), så alle som deler den ser det samme."),
      h("datalist", { id: "oppsett-arkliste" }, ...this.pane.state.sheetNames.map((a) => {
        const o = h("option");
        o.value = a;
        return o;
      })),
      h(
        "form",
        { attrs: { novalidate: "" }, on: { submit: (e) => { e.preventDefault(); void this.save(save); } } },
        this.sheetChooser.element,
        this.budsjettering.element,
        h("div", { class: "rad" }, this.text("aar", "År", s.aar, { inputmode: "numeric" }), this.text("orgnr", "Org.nr. (valgfritt)", s.orgnr, { inputmode: "numeric" })),
        this.text("virksomhet", "Virksomhet", s.virksomhet, { autocomplete: "organization" }),
        this.modus.element,
        this.text("agaSats", "AGA-snittsats (%)", s.agaSats, { inputmode: "decimal", help: "Virksomhetens gjennomsnittlige AGA-sats, f.eks. 13,87." }),
        h(
          "details",
          { id: "oppsett-snitt" },
          h("summary", {}, "Beregn snittsatsen fra et område"),
          this.averageRange.element,
          h("div", { class: "knapper" },
            actionButton("Bruk markert område", () => void this.useSelection()),
            actionButton("Beregn snittsats", () => void this.computeAverageRate(), { id: "oppsett-beregn-snitt" }),
          ),
          this.averageAnswer,
        ),
        h("div", { class: "rad" },
          this.text("toleranse", "Toleranse (kr)", s.toleranse, { inputmode: "decimal" }),
          this.text("vesentlighetsgrense", "Vesentlighet (%)", s.vesentlighetsgrense, { inputmode: "decimal" }),
        ),
        h("div", { class: "rad" },
          this.text("bilagsart", "Bilagsart (Unit4)", s.bilagsart),
          this.text("firma", "Firmakode (Unit4)", s.firma),
        ),
        h("p", { class: "hjelp" }, "Bilagsart og firmakode trengs for eksport til Unit4 (CSV og GL07)."),
        h(
          "details",
          {},
          h("summary", {}, "Kontoer"),
          ...KONTO_KEYS.map((k) => this.text(`konto.${k}`, `${kontoLabel(k)}`, s.kontoer[k], { inputmode: "numeric" })),
        ),
        h("details", {}, h("summary", {}, "Dimensjoner i Unit4"), ...dimFields),
        h("div", { class: "knapper" }, save),
      ),
      this.result,
    );
    replace(this.result);
  }

  private newSheetText(b: Budsjettering): string {
    return `Nytt ark: ${SHEET_NAMES[b]}`;
  }

  private value(key: string): string {
    return this.fields.get(key)?.input.value ?? "";
  }

  private form(): OppsettForm {
    const kontoer = Object.fromEntries(KONTO_KEYS.map((k) => [k, this.value(`konto.${k}`)])) as Record<keyof Kontoer, string>;
    return {
      budsjettering: this.budsjettering.value(),
      modus: this.modus.value(),
      aar: this.value("aar"),
      virksomhet: this.value("virksomhet"),
      orgnr: this.value("orgnr"),
      agaSats: this.value("agaSats"),
      toleranse: this.value("toleranse"),
      vesentlighetsgrense: this.value("vesentlighetsgrense"),
      kontoer,
      dimensjoner: this.dims.map((d) => ({ name: d.name.input.value, value: d.value.input.value, pakrevd: d.pakrevd.checked })),
      bilagsart: this.value("bilagsart"),
      firma: this.value("firma"),
    };
  }

  /** Another sheet chosen: read it and fill the form from its header. */
  private async changeSheet(): Promise<void> {
    const chosen = this.sheetChooser.input.value;
    if (chosen === NEW_SHEET) {
      replace(this.result);
      return;
    }
    await this.pane.run(null, `Leser «${chosen}» …`, "read", async () => {
      const snaps = await readSheets([chosen, SETTINGS_SHEET]);
      this.pane.setReconciliation(chosen, snaps);
      this.builtFor = null;
      this.show();
      this.pane.message(this.pane.state.reconciliation ? `Leste oppsettet fra «${chosen}».` : `«${chosen}» mangler noe; se listen.`);
    }, this.result);
  }

  private async useSelection(): Promise<void> {
    await this.pane.run(null, "Henter markert område …", "read", async () => {
      this.averageRange.input.value = await selectedRange();
      this.pane.message(`Området er ${this.averageRange.input.value}.`);
    }, this.averageAnswer);
  }

  /** The average rate from a range: core's AGA_SNITTSATS rule over the rows read. */
  private async computeAverageRate(): Promise<void> {
    const address = this.averageRange.input.value.trim();
    const aar = Number(this.value("aar"));
    this.averageRange.setProblem(address ? undefined : "Skriv et ark eller område, eller bruk markert område.");
    if (!address) return;
    await this.pane.run(null, `Leser ${address} …`, "read", async () => {
      const read = (await readRanges({ r: address })).r;
      if (!read) return;
      const rows = readBasesAndRates({ sheet: read.sheet, values: read.values, origin: read.origin }, { aar });
      if (isProblems(rows)) {
        replace(this.averageAnswer, messageBox("feil", "Området kan ikke brukes", [messageList(problemMessages(rows, this.pane.state.sheetNames), this.pane.goTo)]));
        this.pane.message("Området har feil; se listen.");
        return;
      }
      const average = agaSnittsats(rows.linjer, aar);
      if (isRuleError(average)) {
        replace(this.averageAnswer, messageBox("feil", "Snittsatsen kan ikke beregnes", [h("p", {}, average.message)]));
        return;
      }
      const field = this.fields.get("agaSats") as Field;
      field.input.value = percentFieldText(average);
      field.setProblem();
      const text = `Snittsats ${percent(average)} fra ${count(rows.linjer.length, "rad", "rader")} i ${read.sheet}; satt inn i AGA-snittsats.`;
      replace(this.averageAnswer, messageBox("ok", text));
      this.pane.message(text);
    }, this.averageAnswer);
  }

  private async save(button: HTMLButtonElement): Promise<void> {
    if (this.pane.isBusy) return;
    for (const f of this.fields.values()) f.setProblem();
    this.budsjettering.setProblem();
    const chosen = this.sheetChooser.input.value;
    const sheetBudsjettering = chosen !== NEW_SHEET && this.pane.state.sheet === chosen ? this.pane.state.reconciliation?.fromSheet.oppsett.budsjettering : undefined;
    const r = readForm(this.form(), this.earlier, sheetBudsjettering);
    if (!r.ok) {
      let first: HTMLElement | undefined;
      for (const [key, text] of Object.entries(r.problems)) {
        if (key === "budsjettering") {
          this.budsjettering.setProblem(text);
          first ??= this.budsjettering.element.querySelector("input") ?? undefined;
          continue;
        }
        const f = this.fields.get(key);
        f?.setProblem(text);
        if (f) first ??= f.input;
      }
      if (first?.closest("details")) (first.closest("details") as HTMLDetailsElement).open = true;
      first?.focus();
      replace(this.result, r.others.length > 0 ? messageBox("feil", "Oppsettet kan ikke lagres", [h("ul", {}, ...r.others.map((a) => h("li", {}, a)))]) : null);
      this.pane.message(`Oppsettet er ikke lagret: rett ${count(Object.keys(r.problems).length + r.others.length, "felt", "felt")} som er merket.`);
      return;
    }
    const sheet = chosen === NEW_SHEET ? SHEET_NAMES[r.oppsett.budsjettering] : chosen;
    await this.pane.run(button, `Lagrer oppsettet i «${sheet}» …`, "write", async () => {
      const { report, after } = await write(saveOppsett(sheet, r.oppsett, timestamp(new Date())), [sheet, SETTINGS_SHEET]);
      if (isProblems(report)) {
        replace(this.result, messageBox("feil", "Oppsettet er ikke lagret", [messageList(problemMessages(report, this.pane.state.sheetNames), this.pane.goTo)]));
        this.pane.message("Oppsettet er ikke lagret; se feilene.");
        return;
      }
      this.pane.addSheets(...report.sheetsCreated.filter((n) => n !== SETTINGS_SHEET));
      this.pane.setReconciliation(sheet, after as NonNullable<typeof after>);
      this.builtFor = this.pane.state.reconciliation ?? null;
      const reconciliation = this.pane.state.reconciliation;
      const next = actionButton("Gå videre til Importer", () => this.pane.showStep("importer"));
      replace(
        this.result,
        outcome(
          reconciliation ? "ok" : "advarsel",
          `${ACTIONS.oppsett} i «${sheet}».`,
          reportText(report),
          report,
          this.pane.goTo,
          reconciliation ? [h("div", { class: "knapper" }, next)] : [messageList(this.pane.state.readProblems ?? [], this.pane.goTo)],
        ),
      );
      this.pane.message(`${ACTIONS.oppsett}. ${reportText(report)}`);
      if (reconciliation) this.pane.done("oppsett");
    }, this.result);
  }
}

function kontoLabel(k: keyof Kontoer): string {
  const name = KONTO_NAMES[k];
  return `Konto for ${name}`;
}
