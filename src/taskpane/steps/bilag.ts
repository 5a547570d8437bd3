/**
 * Step 4, Bilag: the correction vouchers and the A-melding split, previewed from the sheet as it
 * is; written to `Korreksjonsbilag` and `A-melding fordeling` in one write (with its Logg row);
 * downloaded as CSV (UTF-8 with BOM) and Unit4 GL07 (Latin-1, 2060 characters a line).
 */
import { isProblems } from "../../core/problem/problem";
import { spkExportSettings } from "../../core/usecase/spk";
import { toCsv } from "../../core/voucher/csv";
import { toGl07 } from "../../core/voucher/gl07";
import { readVirksomheter } from "../../core/import/virksomheter";
import { AMELDING_SHEET } from "../../core/spk/sheet/amelding-sheet";
import { KORREKSJONSBILAG_SHEET } from "../../core/spk/sheet/korreksjonsbilag-sheet";
import { SETTINGS_SHEET } from "../../core/workpaper/settings";
import { splitSheetAddress } from "../../core/sheet/reference";
import { replace, h } from "../dom";
import { download } from "../download";
import { Field, actionButton, messageBox, messageList, textField, textArea } from "../field";
import { Step, StepContext } from "../step-context";
import { fingerprint, buildBilagResult, readReconciliation, writeBilag } from "../plans";
import { ameldingView, bilagView } from "../view/bilag-view";
import { count } from "../view/format";
import { ACTIONS } from "../../core/spk/log-text";
import { timestamp } from "../../core/workpaper/logg";
import { problemMessages } from "../view/messages";
import { readSheets, readRanges, selectedRange, write } from "../workbook";
import { reportText, outcome } from "./outcome";

export class BilagStep implements Step {
  readonly element = h("div", { id: "panel-bilag" });
  private readonly virksomheter: Field;
  private readonly problemBox = h("div", { id: "bilag-feil" });
  private readonly summary = h("div", { id: "bilag-oppsummering" });
  private readonly result = h("div", { id: "bilag-resultat" });
  private readonly exportPanel = h("div", { id: "bilag-eksport" });

  constructor(private readonly pane: StepContext) {
    this.virksomheter = textField("bilag-virksomheter", "Virksomheter for A-melding (ark eller område, valgfritt)", {
      list: "bilag-arkliste",
      help: "Overskrifter: Virksomhetsnummer, Navn, Sone (eller Kommunenummer), Grunnlag. Tomt: ingen A-melding-fordeling.",
    });
    const show = actionButton("Forhåndsvis bilag", () => void this.preview(show), { primary: true, id: "bilag-vis" });
    replace(
      this.element,
      h("p", { class: "undertekst" }, "Bilagene lages fra arket slik det står nå: ett per termin (terminvis) eller ett for året."),
      h("datalist", { id: "bilag-arkliste" }),
      this.virksomheter.element,
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
    if (this.virksomheter.input.value === "") {
      const hit = t.sheetNames.find((a) => a.toLowerCase() === "virksomheter");
      if (hit) this.virksomheter.input.value = hit;
    }
    this.showResult();
  }

  private async useSelection(): Promise<void> {
    await this.pane.run(null, "Henter markert område …", "read", async () => {
      this.virksomheter.input.value = await selectedRange();
      this.pane.message(`Virksomheter: ${this.virksomheter.input.value}.`);
    });
  }

  private async preview(button: HTMLButtonElement): Promise<void> {
    if (this.pane.isBusy) return;
    const { sheet, sheetNames } = this.pane.state;
    if (!sheet) return;
    const address = this.virksomheter.input.value.trim();
    this.virksomheter.setProblem();
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
      if (isProblems(reconciliation)) {
        replace(this.problemBox, messageBox("feil", "Arket kan ikke avstemmes", [messageList(problemMessages(reconciliation, sheetNames), this.pane.goTo)]));
        this.pane.message("Bilagene kan ikke lages; se feilene.");
        return;
      }
      let virksomheter;
      if (address) {
        const read = (await readRanges({ v: address })).v;
        const r = read ? readVirksomheter({ sheet: read.sheet, values: read.values, origin: read.origin }, { aar: reconciliation.fromSheet.oppsett.aar }) : undefined;
        if (r && isProblems(r)) {
          replace(this.problemBox, messageBox("feil", "Virksomhetslisten har feil", [messageList(problemMessages(r, sheetNames), this.pane.goTo)]));
          this.pane.message("Virksomhetslisten har feil; se listen.");
          return;
        }
        virksomheter = r?.virksomheter;
      }
      const result = buildBilagResult(reconciliation, virksomheter);
      if (isProblems(result)) {
        replace(this.problemBox, messageBox("feil", "Bilagene kan ikke lages", [messageList(problemMessages(result, sheetNames), this.pane.goTo)]));
        this.pane.message("Bilagene kan ikke lages; se feilene.");
        return;
      }
      this.pane.state.bilag = { result, fingerprint: fingerprint(result.bilag), ...(virksomheter ? { virksomheter } : {}) };
      this.showResult();
      this.pane.message(`${count(result.bilag.length, "bilag", "bilag")} klare${result.amelding ? ` og ${count(result.amelding.length, "A-melding-fordeling", "A-melding-fordelinger")}` : ""}. Ingenting er skrevet ennå.`);
    }, this.problemBox);
  }

  private async writeBilag(button: HTMLButtonElement): Promise<void> {
    if (this.pane.isBusy) return;
    const { sheet, bilag } = this.pane.state;
    if (!sheet || !bilag) return;
    await this.pane.run(button, "Skriver bilagene …", "write", async () => {
      const { report } = await write(writeBilag(sheet, bilag.virksomheter, bilag.fingerprint, timestamp(new Date())));
      if (isProblems(report)) {
        replace(this.problemBox, messageBox("feil", "Bilagene er ikke skrevet", [messageList(problemMessages(report, this.pane.state.sheetNames), this.pane.goTo)]));
        this.pane.message("Bilagene er ikke skrevet; se feilene.");
        return;
      }
      this.pane.addSheets(...report.sheetsCreated);
      this.pane.done("bilag");
      const derivedSheets = [KORREKSJONSBILAG_SHEET, ...(bilag.result.amelding ? [AMELDING_SHEET] : [])];
      replace(this.problemBox, outcome("ok", `${ACTIONS.bilag}: ${derivedSheets.join(" og ")}.`, reportText(report), report, this.pane.goTo));
      this.pane.message(`Bilagene er skrevet. ${reportText(report)}`);
    }, this.problemBox);
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
    this.showExport();
  }

  private showExport(): void {
    const b = this.pane.state.bilag;
    if (!b) return;
    const oppsett = b.result.fromSheet.oppsett;
    const eo = spkExportSettings(oppsett);
    const csv = toCsv(b.result.bilag, eo);
    const gl07 = toGl07(b.result.bilag, eo);
    const name = `SPK-korreksjonsbilag-${oppsett.aar}`;
    // One item per problem; CSV and GL07 are checked alike, so the same problem is listed once.
    const exportProblems = [csv, gl07].filter(isProblems).flatMap((e) => e.lines);
    replace(
      this.exportPanel,
      h("h3", {}, "Eksport til Unit4"),
      exportProblems.length > 0
        ? messageBox("advarsel", "Eksporten kan ikke lages ennå", [h("ul", {}, ...[...new Set(exportProblems)].map((f) => h("li", {}, f))), h("p", {}, "Fyll inn det som mangler under Oppsett (bilagsart, firmakode, påkrevde dimensjoner) og lag bilagene på nytt.")])
        : null,
      h(
        "div",
        { class: "knapper" },
        isProblems(csv) ? null : actionButton("Last ned CSV", () => download(`${name}.csv`, csv, "utf-8", this.pane), { id: "bilag-csv" }),
        isProblems(gl07) ? null : actionButton("Last ned GL07", () => download(`${name}.gl07.txt`, gl07, "latin1", this.pane), { id: "bilag-gl07" }),
      ),
      !isProblems(csv) || !isProblems(gl07)
        ? h(
            "details",
            {},
            h("summary", {}, "Starter ikke nedlastingen?"),
            h("p", { class: "hjelp" }, "Noen Excel-versjoner stopper nedlastinger fra tillegg. Kopier teksten og lagre den selv (GL07 som ANSI/Latin-1)."),
            isProblems(csv) ? null : textArea("bilag-csv-tekst", "CSV", { value: csv, readonly: true }).element,
            isProblems(gl07) ? null : textArea("bilag-gl07-tekst", "GL07", { value: gl07, readonly: true }).element,
          )
        : null,
    );
  }
}
