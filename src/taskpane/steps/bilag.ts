/**
 * Step 4, Bilag: the correction vouchers and the A-melding split, previewed from the sheet as it
 * is (on the date chosen, else each termin's end); written with the whole run (the sheet's
 * sign-off state, `_lonn`, `Korreksjonsbilag`, `A-melding fordeling`) in one write with its Logg
 * row; and exported: only what is new since the last export, recorded in `Eksporterte bilag` in
 * the same write, and only then offered as CSV (UTF-8 with BOM) and Unit4 GL07 (Latin-1) files.
 */
import { isProblems } from "../../core/problem/problem";
import { readVirksomheter } from "../../core/import/virksomheter";
import { AMELDING_SHEET } from "../../core/spk/sheet/amelding-sheet";
import { KORREKSJONSBILAG_SHEET } from "../../core/spk/sheet/korreksjonsbilag-sheet";
import { EXPORT_RECORD_SHEET } from "../../core/workpaper/export-record-sheet";
import { SETTINGS_SHEET } from "../../core/workpaper/settings";
import { splitSheetAddress } from "../../core/sheet/reference";
import { Bokforingsdato, chosenPostingDate } from "../../core/voucher/dates";
import { replace, h } from "../dom";
import { download } from "../download";
import { Field, actionButton, checkbox, messageBox, messageList, textField, textArea } from "../field";
import { Step, StepContext } from "../step-context";
import { fingerprint, buildBilagResult, exportBilag, ExportOutcome, readReconciliation, writeBilag } from "../plans";
import { ameldingView, bilagView, exportView } from "../view/bilag-view";
import { count, dateText } from "../view/format";
import { ACTIONS } from "../../core/spk/log-text";
import { problemMessages } from "../view/messages";
import { readSheets, readRanges, selectedRange, write } from "../workbook";
import { reportText, outcome } from "./outcome";
import { writeMeta } from "./write-meta";

const dateLabel = (d: Bokforingsdato | undefined): string => (d ? `${dateText(d.dato)} (periode ${d.periode}) for alle bilag` : "hver termins siste dag (årsbilag 31.12)");

export class BilagStep implements Step {
  readonly element = h("div", { id: "panel-bilag" });
  private readonly virksomheter: Field;
  private readonly postingDate: Field;
  private readonly problemBox = h("div", { id: "bilag-feil" });
  private readonly summary = h("div", { id: "bilag-oppsummering" });
  private readonly result = h("div", { id: "bilag-resultat" });
  private readonly exportPanel = h("div", { id: "bilag-eksport" });
  private readonly exportResult = h("div", { id: "bilag-eksportert" });
  private readonly all = checkbox("bilag-alle", "Eksporter alle på nytt (merket KOPI)", false);
  private readonly override = checkbox("bilag-uforklart", "Eksporter likevel, selv om en vesentlig differanse ikke er forklart (føres i Logg)", false);

  constructor(private readonly pane: StepContext) {
    this.virksomheter = textField("bilag-virksomheter", "Virksomheter for A-melding (ark eller område, valgfritt)", {
      list: "bilag-arkliste",
      help: "Overskrifter: Virksomhetsnummer, Navn, Sone (eller Kommunenummer), Grunnlag. Listen lagres i arbeidsboken. Tomt: listen som er lagret der, ellers ingen A-melding-fordeling.",
    });
    this.postingDate = textField("bilag-dato", "Bilagsdato (valgfritt)", {
      inputmode: "numeric",
      help: "Tomt: hvert bilag føres på terminens siste dag (årsbilaget 31.12). En dato her, f.eks. 31.12.2024, gjelder alle bilag og korreksjoner, med periode etter datoen.",
    });
    // What is previewed is what is written and exported: a changed choice asks for a new preview.
    for (const f of [this.virksomheter, this.postingDate]) f.input.addEventListener("change", () => this.forgetPreview());
    const show = actionButton("Forhåndsvis bilag", () => void this.preview(show), { primary: true, id: "bilag-vis" });
    this.override.element.hidden = true;
    replace(
      this.element,
      h("p", { class: "undertekst" }, "Bilagene lages fra arket slik det står nå: ett per termin (terminvis) eller ett for året."),
      h("datalist", { id: "bilag-arkliste" }),
      this.virksomheter.element,
      this.postingDate.element,
      h("div", { class: "knapper" }, actionButton("Bruk markert område", () => void this.useSelection(), { id: "bilag-markert" }), show),
      this.problemBox,
      this.summary,
      this.exportPanel,
      this.result,
    );
  }

  show(): void {
    const t = this.pane.state;
    const list = this.element.querySelector("#bilag-arkliste") as HTMLElement;
    replace(list, ...t.sheetNames.map((a) => {
      const o = h("option");
      o.value = a;
      return o;
    }));
    if (this.virksomheter.input.value === "" && !t.bilag) {
      const hit = t.sheetNames.find((a) => a.toLowerCase() === "virksomheter");
      if (hit) this.virksomheter.input.value = hit;
    }
    this.showResult();
  }

  private forgetPreview(): void {
    if (!this.pane.state.bilag) return;
    this.pane.state.bilag = undefined;
    this.showResult();
    this.pane.message("Valget er endret: forhåndsvis bilagene på nytt.");
  }

  private async useSelection(): Promise<void> {
    await this.pane.run(null, "Henter markert område …", "read", async () => {
      this.virksomheter.input.value = await selectedRange();
      this.forgetPreview();
      this.pane.message(`Virksomheter: ${this.virksomheter.input.value}.`);
    });
  }

  private problems(title: string, list: Parameters<typeof problemMessages>[0], status: string): void {
    replace(this.problemBox, messageBox("feil", title, [messageList(problemMessages(list, this.pane.state.sheetNames), this.pane.goTo)]));
    this.pane.message(status);
  }

  private async preview(button: HTMLButtonElement): Promise<void> {
    if (this.pane.isBusy) return;
    const { sheet, sheetNames } = this.pane.state;
    if (!sheet) return;
    const address = this.virksomheter.input.value.trim();
    const dateInput = this.postingDate.input.value.trim();
    this.virksomheter.setProblem();
    this.postingDate.setProblem();
    if (address) {
      const name = address.includes("!") ? splitSheetAddress(address).sheet : address;
      if (!sheetNames.some((a) => a.toLowerCase() === name.toLowerCase())) {
        this.virksomheter.setProblem(`Fant ikke arket «${name}» i arbeidsboken.`);
        this.virksomheter.input.focus();
        return;
      }
    }
    await this.pane.run(button, "Lager bilagene …", "read", async () => {
      replace(this.problemBox);
      const snaps = await readSheets([sheet, SETTINGS_SHEET]);
      this.pane.setReconciliation(sheet, snaps);
      const reconciliation = readReconciliation(snaps, sheet);
      if (isProblems(reconciliation)) return this.problems("Arket kan ikke avstemmes", reconciliation, "Bilagene kan ikke lages; se feilene.");
      const aar = reconciliation.fromSheet.oppsett.aar;
      let bilagsdato: Bokforingsdato | undefined;
      if (dateInput) {
        const chosen = chosenPostingDate(dateInput, aar);
        if (isProblems(chosen)) {
          this.postingDate.setProblem(chosen.lines.join(" "));
          this.postingDate.input.focus();
          this.pane.message("Bilagsdatoen kan ikke brukes; se feltet.");
          return;
        }
        bilagsdato = chosen;
      }
      let virksomheter;
      if (address) {
        const read = (await readRanges({ v: address })).v;
        const r = read ? readVirksomheter({ sheet: read.sheet, values: read.values, origin: read.origin }, { aar }) : undefined;
        if (r && isProblems(r)) return this.problems("Virksomhetslisten har feil", r, "Virksomhetslisten har feil; se listen.");
        virksomheter = r?.virksomheter;
      }
      const result = buildBilagResult(snaps, sheet, { ...(virksomheter ? { virksomheter } : {}), ...(bilagsdato ? { bilagsdato } : {}) });
      if (isProblems(result)) return this.problems("Bilagene kan ikke lages", result, "Bilagene kan ikke lages; se feilene.");
      this.pane.state.bilag = { result, fingerprint: fingerprint(result.bilag), ...(virksomheter ? { virksomheter } : {}), ...(bilagsdato ? { bilagsdato } : {}) };
      replace(this.exportResult);
      this.override.input.checked = false;
      this.override.element.hidden = true;
      this.showResult();
      this.pane.message(`${count(result.bilag.length, "bilag", "bilag")} klare${result.amelding ? ` og ${count(result.amelding.length, "A-melding-fordeling", "A-melding-fordelinger")}` : ""}. Ingenting er skrevet ennå.`);
    }, this.problemBox);
  }

  /** What the preview was made with, for the write and the export. */
  private previewed() {
    const b = this.pane.state.bilag;
    if (!b) return undefined;
    return { expected: b.fingerprint, ...(b.virksomheter ? { virksomheter: b.virksomheter } : {}), ...(b.bilagsdato ? { bilagsdato: b.bilagsdato } : {}) };
  }

  private async writeBilag(button: HTMLButtonElement): Promise<void> {
    if (this.pane.isBusy) return;
    const { sheet, bilag } = this.pane.state;
    const previewed = this.previewed();
    if (!sheet || !bilag || !previewed) return;
    await this.pane.run(button, "Skriver bilagene …", "write", async () => {
      const { report } = await write(writeBilag(sheet, previewed, writeMeta(this.pane)));
      if (isProblems(report)) return this.problems("Bilagene er ikke skrevet", report, "Bilagene er ikke skrevet; se feilene.");
      this.pane.addSheets(...report.sheetsCreated);
      this.pane.done("bilag");
      const derivedSheets = [KORREKSJONSBILAG_SHEET, ...(bilag.result.amelding ? [AMELDING_SHEET] : [])];
      replace(this.problemBox, outcome("ok", `${ACTIONS.bilag}: ${derivedSheets.join(" og ")}.`, reportText(report), report, this.pane.goTo));
      this.pane.message(`Bilagene er skrevet. ${reportText(report)}`);
    }, this.problemBox);
  }

  private async export(button: HTMLButtonElement): Promise<void> {
    if (this.pane.isBusy) return;
    const { sheet } = this.pane.state;
    const previewed = this.previewed();
    if (!sheet || !previewed) return;
    const action = exportBilag(sheet, { ...previewed, all: this.all.input.checked, override: this.override.input.checked }, writeMeta(this.pane));
    replace(this.exportResult);
    await this.pane.run(button, "Eksporterer bilagene …", "write", async () => {
      const { report } = await write(action);
      const found = action.outcome();
      if (isProblems(report)) {
        const blocked = found?.blocked === true;
        this.override.element.hidden = !blocked && !this.override.input.checked;
        replace(
          this.exportResult,
          messageBox("feil", "Ingenting er eksportert", [
            messageList(problemMessages(report, this.pane.state.sheetNames), this.pane.goTo),
            blocked ? h("p", {}, "Skriv forklaringen i cellen og forhåndsvis på nytt, eller kryss av for «Eksporter likevel» under og eksporter igjen.") : null,
            report.list.some((p) => p.file !== undefined)
              ? h("p", {}, "Fyll inn det som mangler under Oppsett (bilagsart, firmakode, påkrevde dimensjoner) og forhåndsvis på nytt.")
              : null,
          ]),
        );
        this.pane.message(blocked ? "Eksporten venter på en forklaring; se meldingen." : "Ingenting er eksportert; se feilene.");
        return;
      }
      this.pane.addSheets(...report.sheetsCreated);
      this.showExported(found as ExportOutcome);
      this.override.input.checked = false;
      this.override.element.hidden = true;
      const e = (found as ExportOutcome).exported;
      this.pane.message(e && e.vouchers.length > 0 ? `${exportView(e).title}. Last ned filene under.` : "Ingen nye bilag å eksportere.");
    }, this.exportResult);
  }

  private showExported(found: ExportOutcome): void {
    if (!found.exported) return;
    const v = exportView(found.exported);
    replace(
      this.exportResult,
      messageBox(v.type, v.title, [
        ...v.lines.map((l) => h("p", {}, l)),
        found.files.length > 0
          ? h("div", { class: "knapper" }, ...found.files.map((f) =>
              actionButton(`Last ned ${f.name}`, () => download(f.name, f.text, f.encoding, this.pane), { id: f.encoding === "latin1" ? "bilag-gl07" : "bilag-csv" }),
            ))
          : null,
        found.files.length > 0
          ? h(
              "details",
              {},
              h("summary", {}, "Starter ikke nedlastingen?"),
              h("p", { class: "hjelp" }, "Noen Excel-versjoner stopper nedlastinger fra tillegg. Kopier teksten og lagre den selv (GL07 som ANSI/Latin-1)."),
              ...found.files.map((f) => textArea(f.encoding === "latin1" ? "bilag-gl07-tekst" : "bilag-csv-tekst", f.name, { value: f.text, readonly: true }).element),
            )
          : null,
      ]),
    );
  }

  private showResult(): void {
    const b = this.pane.state.bilag;
    if (!b) {
      replace(this.summary);
      replace(this.result);
      replace(this.exportPanel);
      return;
    }
    const { result } = b;
    const oppsett = result.fromSheet.oppsett;
    const bilag = bilagView(result.bilag, oppsett.dimensjoner);
    const amelding = ameldingView(result.amelding ?? []);
    const balanced = bilag.every((v) => v.balanced);
    const writeButton = actionButton("Skriv bilagene i arbeidsboken", () => void this.writeBilag(writeButton), { primary: true, id: "bilag-skriv" });
    const lines = bilag.reduce((n, v) => n + v.lines.length, 0);
    replace(
      this.summary,
      messageBox(balanced ? "info" : "feil", `${count(bilag.length, "bilag", "bilag")} med ${count(lines, "linje", "linjer")}${balanced ? ", alle i balanse" : ""}`, [
        h("p", {}, `Bilagsdato: ${dateLabel(b.bilagsdato)}.`),
        h("p", {}, result.amelding ? `A-melding: ${count(amelding.length, "fordeling", "fordelinger")} på virksomhetsnummer.` : "Ingen A-melding-fordeling (ingen virksomhetsliste)."),
        h("p", {}, `Skrives til arkene ${KORREKSJONSBILAG_SHEET}${result.amelding ? ` og ${AMELDING_SHEET}` : ""}; egne rader der blir stående.`),
        h("div", { class: "knapper" }, writeButton),
      ]),
    );
    replace(
      this.result,
      h("h3", {}, "Korreksjonsbilag"),
      bilag.length === 0 ? h("p", {}, "Ingen differanse å bokføre: ingen bilag.") : null,
      ...bilag.map((v, i) => {
        const d = h(
          "details",
          { class: "bilag" },
          h("summary", {}, `${v.id} · ${v.dato}`),
          h(
            "table",
            { class: "tabell" },
            h("caption", { class: "visuelt-skjult" }, `${v.id} · ${v.dato}`),
            h("thead", {}, h("tr", {}, h("th", { attrs: { scope: "col" } }, "Konto"), h("th", { attrs: { scope: "col" } }, "Tekst"), h("th", { class: "tall", attrs: { scope: "col" } }, "Beløp"))),
            h("tbody", {}, ...v.lines.map((l) => h("tr", {}, h("td", {}, l.konto), h("td", {}, l.text, l.dimensjoner ? h("span", { class: "undertekst" }, ` (${l.dimensjoner})`) : null), h("td", { class: "tall" }, l.belop)))),
          ),
          h("p", {}, h("span", { class: v.balanced ? "merke ok" : "merke feil" }, v.balance)),
        );
        d.open = i === 0;
        return d;
      }),
      amelding.length > 0 ? h("h3", {}, "A-melding: endring i avgiftsgrunnlag") : null,
      ...amelding.map((a, i) => {
        const d = h(
          "details",
          { class: "bilag" },
          h("summary", {}, a.title),
          h(
            "table",
            { class: "tabell" },
            h("caption", { class: "visuelt-skjult" }, a.title),
            h("thead", {}, h("tr", {}, h("th", { attrs: { scope: "col" } }, "Virksomhet"), h("th", { attrs: { scope: "col" } }, "Sone"), h("th", { class: "tall", attrs: { scope: "col" } }, "Endring"), h("th", { class: "tall", attrs: { scope: "col" } }, "AGA"))),
            h("tbody", {}, ...a.rows.map((r) => h("tr", {}, h("td", {}, r.virksomhet), h("td", {}, r.sone), h("td", { class: "tall" }, r.endring), h("td", { class: "tall" }, r.aga)))),
          ),
          h("p", { class: "undertekst" }, `${a.sum}. ${a.avvik}.`),
        );
        d.open = i === 0;
        return d;
      }),
    );
    this.showExportPanel();
  }

  private showExportPanel(): void {
    const exportButton = actionButton("Eksporter nye bilag (CSV og GL07)", () => void this.export(exportButton), { id: "bilag-eksporter" });
    const label = () => (exportButton.textContent = this.all.input.checked ? "Eksporter alle bilag som KOPI (CSV og GL07)" : "Eksporter nye bilag (CSV og GL07)");
    this.all.input.onchange = label;
    label();
    replace(
      this.exportPanel,
      h("h3", {}, "Eksport til Unit4"),
      h(
        "p",
        { class: "hjelp" },
        `Eksporten tar bare med det som er nytt siden forrige eksport (nye bilag, og korreksjon av bilag som er endret), og føres i arkfanen «${EXPORT_RECORD_SHEET}» og Logg før filene kan lastes ned.`,
      ),
      this.all.element,
      this.override.element,
      h("div", { class: "knapper" }, exportButton),
      this.exportResult,
    );
  }
}
