/**
 * «Lønnsbilag», step 1, Importer: the payroll journal as a file (CSV, xlsx or JSON, read in the
 * pane by core's readers, as `lonn lonnsbilag JOURNAL` reads it) or as a sheet or range of the
 * workbook; for a CSV, xlsx or range journal the oppsett file (`--oppsett`); an optional
 * bokføringsdato (`--dato`). Core reads and checks everything and makes one voucher per pay date
 * before anything is written; problems are listed with their file, row or cell (a cell of the
 * workbook is a link).
 */
import { isProblems } from "../../core/problem/problem";
import { splitSheetAddress } from "../../core/sheet/reference";
import { h, newId, replace } from "../dom";
import { actionButton, Field, fileField, messageBox, paneForm, sheetList, textField } from "../field";
import { ChosenFile, JournalChoice, readLonnsbilag } from "../lonnsbilag-plans";
import { readFileBytes } from "../read-file";
import { Step, StepContext } from "../step-context";
import { parseDateField } from "../view/input";
import { lonnsbilagReadLines } from "../view/lonnsbilag-view";
import { showRejected } from "./outcome";
import { useSelection } from "./selection";

/** Sheet names the pane suggests for the journal when the workbook has one (case does not matter). */
const SUGGESTED = ["Lønnsjournal", "Lonnsjournal", "Lønn"];

const chosen = async (input: HTMLInputElement): Promise<ChosenFile | undefined> => {
  const file = input.files?.[0];
  return file ? { name: file.name, bytes: await readFileBytes(file) } : undefined;
};

export class LonnsbilagImportStep implements Step {
  readonly element = h("div", { id: "panel-lonnsbilag-importer" });
  private built = false;
  private journalFile!: HTMLInputElement;
  private oppsettFile!: HTMLInputElement;
  private range!: Field;
  private dato!: Field;
  private readonly result = h("div", { id: "lonnsbilag-importer-resultat" });

  constructor(private readonly pane: StepContext) {}

  show(): void {
    if (this.built) return;
    this.built = true;
    const names = this.pane.state.sheetNames;
    const suggested = SUGGESTED.map((n) => names.find((a) => a.toLowerCase() === n.toLowerCase())).find((a) => a !== undefined) ?? "";
    const journal = fileField("lonnsbilag-fil", "Lønnsjournal som fil (CSV, xlsx eller JSON)", "Velger du en fil, brukes den i stedet for området under.", ".csv,.xlsx,.json,text/csv,application/json");
    const oppsett = fileField(
      "lonnsbilag-oppsett",
      "Oppsett (JSON, valgfritt)",
      "Til en CSV- eller xlsx-journal eller et område: virksomhet, orgnr, firma og bilagsart (Unit4), dimensjoner og kontoer, som oppsettfilen til lonn lonnsbilag --oppsett. En JSON-journal har oppsettet i seg.",
      ".json,application/json",
    );
    this.journalFile = journal.input;
    this.oppsettFile = oppsett.input;
    const listId = newId("lonnsbilag-arkliste");
    this.range = textField("lonnsbilag-omrade", "Eller lønnsjournalen i arbeidsboken: ark eller område", { value: suggested, list: listId, help: "F.eks. Lønnsjournal eller 'Lønn november'!A1:M40." });
    this.dato = textField("lonnsbilag-dato", "Bokføringsdato (valgfritt)", { inputmode: "numeric", help: "For en journal uten utbetalingsdato, eller i stedet for journalens ene utbetalingsdato (f.eks. 20.11.2024)." });
    const read = actionButton("Les inn og forhåndsvis", () => void this.read(read), { primary: true, id: "lonnsbilag-les" });
    replace(
      this.element,
      h("p", { class: "undertekst" }, "Lager lønnsbilaget for hver lønnskjøring i lønnsjournalen, ett per utbetalingsdato: 5000 lønn, trekkene, skyldig lønn, AGA per sone og feriepenger. Ingenting skrives før du skriver arket under Bilag."),
      sheetList(listId, names),
      paneForm(
        () => void this.read(read),
        h(
          "fieldset",
          {},
          h("legend", {}, "Lønnsjournal"),
          journal.element,
          this.range.element,
          h("div", { class: "knapper" }, actionButton("Bruk markert område", () => void useSelection(this.pane, this.range, "Lønnsjournal"), { id: "lonnsbilag-markert" })),
        ),
        h("fieldset", {}, h("legend", {}, "Oppsett"), oppsett.element, this.dato.element),
        h("div", { class: "knapper" }, read),
      ),
      this.result,
    );
  }

  /** Where the journal is: the file chosen (it wins over the range), the range, or undefined with the field marked. */
  private journalChoice(): "file" | { readonly range: string } | undefined {
    if ((this.journalFile.files?.length ?? 0) > 0) return "file";
    const address = this.range.input.value.trim();
    if (address === "") {
      this.range.setProblem("Velg lønnsjournalen: en fil over, eller et ark eller område i arbeidsboken.");
      return undefined;
    }
    const name = address.includes("!") ? splitSheetAddress(address).sheet : address;
    if (!this.pane.state.sheetNames.some((a) => a.toLowerCase() === name.toLowerCase())) {
      this.range.setProblem(`Fant ikke arket «${name}» i arbeidsboken.`);
      return undefined;
    }
    return { range: address };
  }

  private async read(button: HTMLButtonElement): Promise<void> {
    if (this.pane.isBusy) return;
    this.range.setProblem();
    this.dato.setProblem();
    const dato = parseDateField(this.dato.input.value);
    if (!dato.ok) this.dato.setProblem(dato.problem);
    const where = this.journalChoice();
    if (!where || !dato.ok) {
      (where ? this.dato : this.range).input.focus();
      this.pane.message("Rett feltene som er merket.");
      return;
    }
    this.pane.state.lonnsbilag = {};
    await this.pane.run(button, "Leser og kontrollerer lønnsjournalen …", "read", async () => {
      const journal: JournalChoice = where === "file" ? { file: (await chosen(this.journalFile)) as ChosenFile } : where;
      const oppsett = await chosen(this.oppsettFile);
      const run = await readLonnsbilag({ journal, ...(oppsett ? { oppsett } : {}), dato: dato.value });
      if (isProblems(run)) {
        showRejected(this.pane, this.result, run, "Lønnsjournalen");
        return;
      }
      this.pane.state.lonnsbilag = { run };
      this.pane.done("lonnsbilag-importer");
      replace(
        this.result,
        messageBox("ok", "Lønnsjournalen er lest; ingenting er skrevet ennå", [
          h("ul", {}, ...lonnsbilagReadLines(run).map((l) => h("li", {}, l))),
          h("div", { class: "knapper" }, actionButton("Gå videre til Bilag", () => this.pane.showStep("lonnsbilag-bilag"), { id: "lonnsbilag-import-videre" })),
        ]),
      );
      this.result.scrollIntoView({ block: "start" });
      this.pane.message(`Leste ${run.inputs.source}: ${run.bilag.length} lønnsbilag. Se over bilagene under Bilag; ingenting er skrevet ennå.`);
    }, this.result);
  }
}
