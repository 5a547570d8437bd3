/**
 * Step 2, Importer: where the SAP, Unit4 and SPK exports are (a sheet, a range, or pasted text),
 * read and checked by core, and the totals per termin shown before anything is written. Errors are
 * listed with sheet and cell; a click selects the cell.
 */
import { append } from "../../core/list";
import { importExports, ImportSources, SheetInput } from "../../core/import";
import { parseCsv } from "../../core/import/csv";
import { isProblems, Problem, rejected } from "../../core/problem/problem";
import { splitSheetAddress } from "../../core/sheet/reference";
import { replace, h } from "../dom";
import { Field, actionButton, checkbox, messageBox, messageList, textField, textArea } from "../field";
import { Step, StepContext } from "../step-context";
import { count } from "../view/format";
import { importSettings, importFormFrom, ImportForm, Source, SOURCE_NAMES, SOURCES, lonnsarterFrom, summary, SAMPLE_LONNSARTER_TEXT, terminCards } from "../view/import-view";
import { problemMessages } from "../view/messages";
import { readRanges, selectedRange } from "../workbook";

const SHORT_NAMES: Readonly<Record<Source, string>> = { sap: "SAP", unit4: "Unit4", spk: "SPK" };

export class ImportStep implements Step {
  readonly element = h("div", { id: "panel-importer" });
  private builtFor: unknown = null;
  private readonly rangeFields = new Map<Source, Field>();
  private readonly pastedFields = new Map<Source, Field<HTMLTextAreaElement>>();
  private lonnB!: Field;
  private lonnC!: Field;
  private copiesBox!: { element: HTMLElement; input: HTMLInputElement };
  private readonly result = h("div", { id: "importer-resultat" });

  constructor(private readonly pane: StepContext) {}

  show(): void {
    const t = this.pane.state;
    if (this.builtFor === t.reconciliation && this.element.childElementCount > 0) return;
    this.builtFor = t.reconciliation;
    this.build(importFormFrom(t.settings?.andre ?? {}, t.sheetNames));
  }

  private build(s: ImportForm): void {
    this.rangeFields.clear();
    this.pastedFields.clear();
    const sources = SOURCES.map((k) => {
      const field = textField(`import-${k}`, `${SOURCE_NAMES[k]}: ark eller område`, {
        value: s.sources[k].range,
        list: "import-arkliste",
        help: `F.eks. ${SHORT_NAMES[k]} eller '${SHORT_NAMES[k]} eksport'!A1:H200.`,
      });
      const pasted = textArea(`import-${k}-limt`, `Lim inn ${SHORT_NAMES[k]}-eksporten (CSV eller fra Excel)`, { help: "Brukes i stedet for området når den ikke er tom." });
      this.rangeFields.set(k, field);
      this.pastedFields.set(k, pasted);
      return h(
        "div",
        { class: "kort" },
        field.element,
        h("div", { class: "knapper" }, actionButton("Bruk markert område", () => void this.useSelection(k), { id: `import-${k}-markert` })),
        h("details", {}, h("summary", {}, "Lim inn tekst i stedet"), pasted.element),
      );
    });
    this.lonnB = textField("import-lonnsarter-b", "Lønnsarter for arbeidsgiverandel (B)", { value: s.lonnsarterB, help: "Fra CUS&OPAL34, skilt med komma." });
    this.copiesBox = checkbox("import-like-rader", "Godta like rader (rader som er helt like en annen rad telles begge; ellers avvises de)", s.acceptCopies);
    this.lonnC = textField("import-lonnsarter-c", "Lønnsarter for medlemsinnskudd (C)", { value: s.lonnsarterC, help: "Fra CUS&OPAL75." });
    const read = actionButton("Les inn og forhåndsvis", () => void this.read(read), { primary: true, id: "import-les" });
    replace(
      this.element,
      h("p", { class: "undertekst" }, "Ingenting skrives før du fyller arket under Avstem."),
      h("datalist", { id: "import-arkliste" }, ...this.pane.state.sheetNames.map((a) => {
        const o = h("option");
        o.value = a;
        return o;
      })),
      h(
        "form",
        { attrs: { novalidate: "" }, on: { submit: (e) => { e.preventDefault(); void this.read(read); } } },
        ...sources,
        h(
          "details",
          {},
          h("summary", {}, "Lønnsarter i SAP"),
          h("p", { class: "hjelp" }, `Tomme felt: eksempelets lønnsarter (${SAMPLE_LONNSARTER_TEXT}) brukes, og importen sier fra. Virksomhetens egne lagres i arbeidsboken når arket fylles.`),
          this.lonnB.element,
          this.lonnC.element,
          this.copiesBox.element,
        ),
        h("div", { class: "knapper" }, read),
      ),
      this.result,
    );
    if (this.pane.state.import) this.showPreview();
  }

  private form(): ImportForm {
    return {
      sources: Object.fromEntries(SOURCES.map((k) => [k, { range: this.rangeFields.get(k)?.input.value ?? "", pastedText: this.pastedFields.get(k)?.input.value ?? "" }])) as ImportForm["sources"],
      lonnsarterB: this.lonnB.input.value,
      lonnsarterC: this.lonnC.input.value,
      acceptCopies: this.copiesBox.input.checked,
    };
  }

  private async useSelection(k: Source): Promise<void> {
    await this.pane.run(null, "Henter markert område …", "read", async () => {
      const field = this.rangeFields.get(k) as Field;
      field.input.value = await selectedRange();
      field.setProblem();
      this.pane.message(`${SHORT_NAMES[k]}: ${field.input.value}.`);
    });
  }

  private async read(button: HTMLButtonElement): Promise<void> {
    if (this.pane.isBusy) return;
    const reconciliation = this.pane.state.reconciliation;
    if (!reconciliation) return;
    const s = this.form();
    for (const f of [...this.rangeFields.values(), ...this.pastedFields.values(), this.lonnB, this.lonnC]) f.setProblem();
    const lonnsarter = lonnsarterFrom(s);
    if (lonnsarter && "problem" in lonnsarter) {
      this.lonnB.setProblem(lonnsarter.problem);
      this.lonnB.input.focus();
      return;
    }
    // Pasted text is parsed here; ranges are checked against the sheets before Excel is asked.
    const pasted: Partial<Record<Source, SheetInput>> = {};
    const addresses: Partial<Record<Source, string>> = {};
    const problems: Problem[] = [];
    const knownSheets = new Set(this.pane.state.sheetNames.map((a) => a.toLowerCase()));
    for (const k of SOURCES) {
      const text = s.sources[k].pastedText;
      const address = s.sources[k].range.trim();
      if (text.trim() !== "") {
        const sheet = `${SHORT_NAMES[k]} (limt inn)`;
        const parsed = parseCsv(text, { sheet });
        if (!isProblems(parsed)) pasted[k] = { sheet, values: parsed.values };
        else append(problems, parsed.list);
      } else if (address !== "") {
        const name = address.includes("!") ? splitSheetAddress(address).sheet : address;
        if (!knownSheets.has(name.toLowerCase())) (this.rangeFields.get(k) as Field).setProblem(`Fant ikke arket «${name}» i arbeidsboken.`);
        else addresses[k] = address;
      }
    }
    const empty = SOURCES.every((k) => s.sources[k].pastedText.trim() === "" && s.sources[k].range.trim() === "");
    if (empty) {
      (this.rangeFields.get("sap") as Field).setProblem("Velg minst én eksport: skriv et ark eller område, eller lim inn tekst.");
      (this.rangeFields.get("sap") as Field).input.focus();
      return;
    }
    const invalid = SOURCES.find((k) => this.rangeFields.get(k)?.input.getAttribute("aria-invalid") === "true");
    if (invalid) {
      this.rangeFields.get(invalid)?.input.focus();
      this.pane.message("Rett feltene som er merket.");
      return;
    }
    this.pane.state.import = undefined;
    await this.pane.run(button, "Leser og kontrollerer eksportene …", "read", async () => {
      const read = await readRanges(addresses);
      const sources: Record<string, SheetInput> = { ...pasted };
      for (const [k, r] of Object.entries(read)) if (r) sources[k] = { sheet: r.sheet, values: r.values, origin: r.origin };
      const oppsett = reconciliation.fromSheet.oppsett;
      const result =
        problems.length > 0
          ? rejected("Importen", problems)
          : importExports(sources as ImportSources, { aar: oppsett.aar, budsjettering: oppsett.budsjettering, kontoer: oppsett.kontoer, ...(lonnsarter ? { sap: { lonnsarter } } : {}),
              ...(s.acceptCopies ? { duplicates: "count" as const } : {}) });
      if (isProblems(result)) {
        const messages = problemMessages(result, this.pane.state.sheetNames);
        replace(
          this.result,
          messageBox("feil", `Importen ble avvist (${count(result.list.length, "feil", "feil")}); ingenting er skrevet`, [
            h("p", {}, "Rett cellene under i eksporten (eller velg riktig område) og les inn på nytt."),
            messageList(messages, this.pane.goTo),
          ]),
        );
        this.result.scrollIntoView({ block: "start" });
        this.pane.message(`Importen ble avvist med ${count(result.list.length, "feil", "feil")}.`);
        return;
      }
      const sourceNames = SOURCES.filter((k) => sources[k]).map((k) => sources[k].sheet).join(", ");
      this.pane.state.import = { data: result, readWith: oppsett, others: importSettings(s), sources: sourceNames };
      this.pane.done("importer");
      this.showPreview();
      this.result.scrollIntoView({ block: "start" });
      this.pane.message(`Leste ${sourceNames}. Se over tallene per termin; ingenting er skrevet ennå.`);
    }, this.result);
  }

  private showPreview(): void {
    const imp = this.pane.state.import;
    if (!imp) return;
    const { data } = imp;
    const cards = terminCards(data);
    replace(
      this.result,
      messageBox("ok", "Eksportene er lest; ingenting er skrevet ennå", [
        h("ul", {}, ...data.summaries.map((s) => h("li", {}, summary(s)))),
        h("div", { class: "knapper" }, actionButton("Gå videre til Avstem", () => this.pane.showStep("avstem"), { id: "import-videre" })),
      ]),
      data.notes.length > 0 ? messageBox("advarsel", "Merk", [h("ul", {}, ...data.notes.map((n) => h("li", {}, n)))]) : null,
      h("h3", {}, "Totaler per termin"),
      ...cards.map((c, i) => {
        const d = h(
          "details",
          { class: "termin" },
          h("summary", {}, c.title),
          h(
            "table",
            { class: "tabell kort-tabell" },
            h("caption", { class: "visuelt-skjult" }, c.title),
            h("thead", {}, h("tr", {}, h("th", { attrs: { scope: "col" } }, "Kolonne"), h("th", { class: "tall", attrs: { scope: "col" } }, "Beløp"))),
            h(
              "tbody",
              {},
              ...(c.lines.length === 0
                ? [h("tr", {}, h("td", { attrs: { colspan: "2" } }, "Ingen linjer i eksportene."))]
                : c.lines.map((l) => h("tr", {}, h("th", { attrs: { scope: "row" } }, `${l.column} ${l.name}`), h("td", { class: "tall" }, l.value)))),
            ),
          ),
          h("p", { class: "undertekst" }, c.rows),
        );
        d.open = i === 0;
        return d;
      }),
    );
  }
}
