/**
 * «Trekk og AGA», step 1, Importer: the oppsett (year, virksomhet, accounts, tolerance, the Unit4
 * codes) and where each export is: the a-meldinger and a SAF-T file chosen as files, the ledger
 * (when it is not SAF-T), payroll journal, payments and invoices as sheets, ranges or pasted text.
 * Core reads and checks everything (usecase/trekk-import, as `lonn trekk --amelding …`) and the
 * roll-forward per account and month is shown before anything is written. Problems are listed
 * with their file, element or cell; a cell in the workbook is a link.
 */
import { createAmeldingReader, combineAmeldinger } from "../../core/import/amelding";
import { parseCsv } from "../../core/import/csv";
import { createSaftReader } from "../../core/import/saft";
import { SheetInput } from "../../core/import/types";
import { Checked, isProblems, Problems } from "../../core/problem/problem";
import { splitSheetAddress } from "../../core/sheet/reference";
import { ACCOUNT_NAMES, ACCOUNT_ORDER } from "../../core/trekk/sheet/layout";
import { Gjelder } from "../../core/trekk/types";
import { runTrekkImport, TrekkImportSources, TrekkLedgerSource, trekkReaderOptions } from "../../core/usecase/trekk-import";
import { h, newId, replace } from "../dom";
import { actionButton, Field, messageBox, messageList, textArea, textField } from "../field";
import { readFileInto } from "../read-file";
import { Step, StepContext } from "../step-context";
import { count } from "../view/format";
import { summary } from "../view/import-view";
import { problemMessages } from "../view/messages";
import { accountPreview, readLines, readTrekkForm, TREKK_SHORT_NAMES, TREKK_SOURCE_NAMES, TREKK_SOURCES, TrekkForm, trekkFormFrom, trekkSettings, TrekkSource } from "../view/trekk-view";
import { readRanges } from "../workbook";
import { useSelection } from "./selection";

/** A file input with its label and help; `files` gives what the user chose. */
function fileField(id: string, label: string, help: string, multiple: boolean): { element: HTMLElement; input: HTMLInputElement } {
  const input = h("input", { id, type: "file", attrs: { accept: ".xml,text/xml,application/xml", "aria-describedby": `${id}-hjelp` } });
  input.multiple = multiple;
  return { input, element: h("div", { class: "felt" }, h("label", { for: id }, label), input, h("p", { class: "hjelp", id: `${id}-hjelp` }, help)) };
}

export class TrekkImportStep implements Step {
  readonly element = h("div", { id: "panel-trekk-importer" });
  private built = false;
  private readonly fields = new Map<string, Field>();
  private readonly rangeFields = new Map<TrekkSource, Field>();
  private readonly pastedFields = new Map<TrekkSource, Field<HTMLTextAreaElement>>();
  private ameldinger!: HTMLInputElement;
  private saft!: HTMLInputElement;
  private form!: TrekkForm;
  private readonly result = h("div", { id: "trekk-importer-resultat" });

  constructor(private readonly pane: StepContext) {}

  show(): void {
    if (this.built) return;
    this.built = true;
    this.build(trekkFormFrom(this.pane.state.settings?.andre ?? {}, this.pane.state.sheetNames, new Date().getFullYear()));
  }

  private text(key: string, label: string, value: string, options: Parameters<typeof textField>[2] = {}): HTMLElement {
    const f = textField(`trekk-${key}`, label, { value, ...options });
    this.fields.set(key, f);
    return f.element;
  }

  private build(f: TrekkForm): void {
    this.form = f;
    this.fields.clear();
    this.rangeFields.clear();
    this.pastedFields.clear();
    const amelding = fileField("trekk-amelding-filer", "A-meldinger (XML, versjon 2.3)", "Velg årets a-meldinger, også erstatninger (erstatterMeldingsId); flere filer på en gang.", true);
    const saft = fileField("trekk-saft-fil", "Hovedbok som SAF-T (XML, valgfritt)", "SAF-T Financial 1.30 eller 1.40. Velger du en fil, brukes den i stedet for hovedboken under.", false);
    this.ameldinger = amelding.input;
    this.saft = saft.input;
    const listId = newId("trekk-arkliste");
    const sources = TREKK_SOURCES.map((k) => {
      const field = textField(`trekk-${k}`, `${TREKK_SOURCE_NAMES[k]}: ark eller område`, { value: f.ranges[k], list: listId, help: `F.eks. ${TREKK_SHORT_NAMES[k]} eller '${TREKK_SHORT_NAMES[k]} eksport'!A1:K500.` });
      const pasted = textArea(`trekk-${k}-limt`, `Lim inn ${TREKK_SHORT_NAMES[k].toLowerCase()} (CSV eller fra Excel)`, { help: "Brukes i stedet for området når den ikke er tom." });
      this.rangeFields.set(k, field);
      this.pastedFields.set(k, pasted);
      return h(
        "div",
        { class: "kort" },
        k === "hovedbok" ? saft.element : null,
        field.element,
        h("div", { class: "knapper" }, actionButton("Bruk markert område", () => void useSelection(this.pane, field, TREKK_SHORT_NAMES[k]), { id: `trekk-${k}-markert` })),
        h("details", {}, h("summary", {}, "Lim inn tekst i stedet"), pasted.element),
      );
    });
    const read = actionButton("Les inn og forhåndsvis", () => void this.read(read), { primary: true, id: "trekk-les" });
    replace(
      this.element,
      h("p", { class: "undertekst" }, "Avstemmer 2600, 2770, 2640 og 2650 mot lønn, a-melding, betalinger og hovedbok. Ingenting skrives før du fyller arket under Avstem."),
      h("datalist", { id: listId }, ...this.pane.state.sheetNames.map((a) => {
        const o = h("option");
        o.value = a;
        return o;
      })),
      h(
        "form",
        { attrs: { novalidate: "" }, on: { submit: (e) => { e.preventDefault(); void this.read(read); } } },
        h(
          "fieldset",
          {},
          h("legend", {}, "Oppsett"),
          h("div", { class: "rad" }, this.text("aar", "År", f.aar, { inputmode: "numeric" }), this.text("orgnr", "Org.nr. (valgfritt)", f.orgnr, { inputmode: "numeric" })),
          this.text("virksomhet", "Virksomhet", f.virksomhet, { autocomplete: "organization" }),
          this.text("toleranse", "Toleranse (kr)", f.toleranse, { inputmode: "decimal", help: "Differanser opp til dette er avrunding og flagges ikke." }),
          h(
            "details",
            {},
            h("summary", {}, "Kontoer"),
            ...ACCOUNT_ORDER.map((g: Gjelder) => this.text(`konto-${g}`, ACCOUNT_NAMES[g], f.kontoer[g], { inputmode: "numeric" })),
          ),
          h(
            "details",
            {},
            h("summary", {}, "Eksport til Unit4"),
            h("div", { class: "rad" }, this.text("firma", "Firmakode (Unit4)", f.firma), this.text("bilagsart", "Bilagsart (Unit4)", f.bilagsart)),
          ),
        ),
        h("div", { class: "kort" }, amelding.element),
        ...sources,
        h("div", { class: "knapper" }, read),
      ),
      this.result,
    );
  }

  private formNow(): TrekkForm {
    const v = (key: string) => this.fields.get(key)?.input.value ?? "";
    return {
      aar: v("aar"), virksomhet: v("virksomhet"), orgnr: v("orgnr"), toleranse: v("toleranse"),
      kontoer: Object.fromEntries(ACCOUNT_ORDER.map((g) => [g, v(`konto-${g}`)])) as Record<Gjelder, string>,
      firma: v("firma"), bilagsart: v("bilagsart"),
      ranges: Object.fromEntries(TREKK_SOURCES.map((k) => [k, this.rangeFields.get(k)?.input.value ?? ""])) as Record<TrekkSource, string>,
      korreksjoner: this.form.korreksjoner,
    };
  }

  private async read(button: HTMLButtonElement): Promise<void> {
    if (this.pane.isBusy) return;
    for (const f of [...this.fields.values(), ...this.rangeFields.values(), ...this.pastedFields.values()]) f.setProblem();
    const form = this.formNow();
    const checked = readTrekkForm(form);
    if (!checked.ok) {
      for (const [key, text] of Object.entries(checked.problems)) this.fields.get(key)?.setProblem(text);
      const first = Object.keys(checked.problems)[0];
      if (first) this.fields.get(first)?.input.focus();
      if (checked.others.length > 0) replace(this.result, messageBox("feil", "Oppsettet har feil", [messageList(problemMessages(new Problems(checked.others), []), this.pane.goTo)]));
      this.pane.message("Rett feltene som er merket.");
      return;
    }
    // Pasted text is parsed here; ranges are checked against the sheets before Excel is asked.
    const pasted: Partial<Record<TrekkSource, Checked<SheetInput>>> = {};
    const addresses: Partial<Record<TrekkSource, string>> = {};
    const knownSheets = new Set(this.pane.state.sheetNames.map((a) => a.toLowerCase()));
    const useSaft = (this.saft.files?.length ?? 0) > 0;
    for (const k of TREKK_SOURCES) {
      if (k === "hovedbok" && useSaft) continue;
      const text = this.pastedFields.get(k)?.input.value ?? "";
      const address = form.ranges[k].trim();
      if (text.trim() !== "") {
        const sheet = `${TREKK_SHORT_NAMES[k]} (limt inn)`;
        const parsed = parseCsv(text, { sheet });
        pasted[k] = isProblems(parsed) ? parsed : { sheet, values: parsed.values };
      } else if (address !== "") {
        const name = address.includes("!") ? splitSheetAddress(address).sheet : address;
        if (!knownSheets.has(name.toLowerCase())) (this.rangeFields.get(k) as Field).setProblem(`Fant ikke arket «${name}» i arbeidsboken.`);
        else addresses[k] = address;
      } else if (k !== "fakturaer") {
        (this.rangeFields.get(k) as Field).setProblem(k === "hovedbok" ? "Velg hovedboken: et ark eller område, limt inn tekst, eller en SAF-T-fil over." : "Velg et ark eller område, eller lim inn tekst.");
      }
    }
    const ameldinger = Array.from(this.ameldinger.files ?? []);
    const invalid = TREKK_SOURCES.find((k) => this.rangeFields.get(k)?.input.getAttribute("aria-invalid") === "true");
    if (ameldinger.length === 0 || invalid) {
      if (ameldinger.length === 0) replace(this.result, messageBox("feil", "Velg a-meldingene", [h("p", {}, "Velg årets a-meldinger (XML) under «A-meldinger».")]));
      (ameldinger.length === 0 ? this.ameldinger : this.rangeFields.get(invalid as TrekkSource)?.input)?.focus();
      this.pane.message("Rett feltene som er merket.");
      return;
    }
    this.pane.state.trekk.imported = undefined;
    await this.pane.run(button, "Leser og kontrollerer eksportene …", "read", async () => {
      const options = trekkReaderOptions(checked.oppsett);
      const read = await readRanges(addresses);
      const input = (k: TrekkSource): Checked<SheetInput> | undefined => {
        if (pasted[k]) return pasted[k];
        const r = read[k];
        return r ? { sheet: r.sheet, values: r.values, origin: r.origin } : undefined;
      };
      const files = [];
      for (const file of ameldinger) files.push(await readFileInto(file, createAmeldingReader(file.name)));
      const saftFile = useSaft ? (this.saft.files as FileList)[0] : undefined;
      const hovedbok: TrekkLedgerSource = saftFile
        ? { kind: "saft", file: saftFile.name, read: await readFileInto(saftFile, createSaftReader({ file: saftFile.name, ...options.saft })) }
        : { kind: "sheet", input: input("hovedbok") as Checked<SheetInput> };
      const fakturaer = input("fakturaer");
      const sources: TrekkImportSources = {
        oppsett: { file: "oppsettet", oppsett: checked.oppsett },
        amelding: combineAmeldinger(files, options.amelding),
        hovedbok,
        lonn: input("lonn") as Checked<SheetInput>,
        betalinger: input("betalinger") as Checked<SheetInput>,
        ...(fakturaer ? { fakturaer } : {}),
      };
      const result = runTrekkImport(sources);
      if (isProblems(result)) {
        this.showProblems(result);
        return;
      }
      const ranges: Partial<Record<TrekkSource, string>> = {};
      for (const k of TREKK_SOURCES) if (!pasted[k] && !(k === "hovedbok" && useSaft)) ranges[k] = form.ranges[k];
      this.pane.state.trekk = { imported: { result, settings: trekkSettings(checked.json, ranges), form, ranges } };
      this.pane.done("trekk-importer");
      this.showPreview();
      this.result.scrollIntoView({ block: "start" });
      this.pane.message(`Leste ${result.exports.join(", ")}. Se over tallene per konto og måned; ingenting er skrevet ennå.`);
    }, this.result);
  }

  private showProblems(result: Problems): void {
    const n = count(result.list.length, "feil", "feil");
    replace(
      this.result,
      messageBox("feil", `Importen ble avvist (${n}); ingenting er skrevet`, [
        h("p", {}, "Rett filene eller cellene under (eller velg riktig område) og les inn på nytt."),
        messageList(problemMessages(result, this.pane.state.sheetNames), this.pane.goTo),
      ]),
    );
    this.result.scrollIntoView({ block: "start" });
    this.pane.message(`Importen ble avvist med ${n}.`);
  }

  private showPreview(): void {
    const imp = this.pane.state.trekk.imported;
    if (!imp) return;
    const { run } = imp.result;
    const accounts = accountPreview(run.avstemming);
    replace(
      this.result,
      messageBox("ok", "Eksportene er lest; ingenting er skrevet ennå", [
        h("ul", {}, ...readLines(imp.result, summary).map((l) => h("li", {}, l))),
        h("div", { class: "knapper" }, actionButton("Gå videre til Avstem", () => this.pane.showStep("trekk-avstem"), { id: "trekk-import-videre" })),
      ]),
      run.inputs.notes.length > 0 ? messageBox("advarsel", "Merk", [h("ul", {}, ...run.inputs.notes.map((n) => h("li", {}, n)))]) : null,
      h("h3", {}, "Per konto og måned"),
      ...accounts.map((acc, i) => {
        const d = h(
          "details",
          { class: "termin" },
          h("summary", {}, `${acc.title} · ${acc.summary}`),
          h(
            "div",
            { class: "tabellramme", attrs: { tabindex: "0", role: "region", "aria-label": acc.title } },
            h(
              "table",
              { class: "tabell kort-tabell" },
              h("caption", { class: "visuelt-skjult" }, `${acc.title}: IB − påløpt + betalt mot hovedboken`),
              h("thead", {}, h("tr", {}, ...["Måned", "IB", "Påløpt", "Betalt", "Hovedbok UB", "Differanse"].map((t, j) => h("th", { ...(j > 0 ? { class: "tall" } : {}), attrs: { scope: "col" } }, t)))),
              h("tbody", {}, ...acc.rows.map((r) => h("tr", { ...(r.avvik ? { class: "avvik" } : {}) },
                h("th", { attrs: { scope: "row" } }, r.maaned),
                h("td", { class: "tall" }, r.ib),
                h("td", { class: "tall" }, r.paalopt),
                h("td", { class: "tall" }, r.betalt),
                h("td", { class: "tall" }, r.hovedbokUb),
                h("td", { class: "tall" }, r.differanse),
              ))),
            ),
          ),
        );
        d.open = i === 0;
        return d;
      }),
    );
  }
}
