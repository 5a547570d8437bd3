/**
 * The pane: two reconciliations, each a stepper with one panel per step: the SPK premium
 * (Oppsett → Importer → Avstem → Bilag → Årsavslutning) and «Trekk og AGA» (Importer → Avstem →
 * Bilag); a live status line, and what the steps share: the workbook as last read, the running
 * action (only one at a time; its buttons are disabled while it runs), and going to a cell.
 */
import { isProblems } from "../core/problem/problem";
import { readSettings, SETTINGS_SHEET } from "../core/workpaper/settings";
import { Snapshots } from "../excel/run";
import { replace, h } from "./dom";
import { readReconciliation } from "./plans";
import { Step, StepContext, StepId, StepState } from "./step-context";
import { YearEndStep } from "./steps/year-end";
import { ReconcileStep } from "./steps/reconcile";
import { BilagStep } from "./steps/bilag";
import { ImportStep } from "./steps/import";
import { OppsettStep } from "./steps/oppsett";
import { TrekkBilagStep } from "./steps/trekk-bilag";
import { TrekkImportStep } from "./steps/trekk-import";
import { TrekkReconcileStep } from "./steps/trekk-reconcile";
import { officeErrorMessage } from "./view/office-errors";
import { problemMessages, Place } from "./view/messages";
import { goToCell, readWorkbook } from "./workbook";

export const STEPS: readonly { readonly id: StepId; readonly name: string }[] = [
  { id: "oppsett", name: "Oppsett" },
  { id: "importer", name: "Importer" },
  { id: "avstem", name: "Avstem" },
  { id: "bilag", name: "Bilag" },
  { id: "aars", name: "Årsavslutning" },
];

/** The «Trekk og AGA» flow: the oppsett is part of its import. */
export const TREKK_STEPS: readonly { readonly id: StepId; readonly name: string }[] = [
  { id: "trekk-importer", name: "Importer" },
  { id: "trekk-avstem", name: "Avstem" },
  { id: "trekk-bilag", name: "Bilag" },
];

export type Flow = "spk" | "trekk";
export const FLOWS: Readonly<Record<Flow, { readonly name: string; readonly steps: typeof STEPS }>> = {
  spk: { name: "SPK-premie", steps: STEPS },
  trekk: { name: "Trekk og AGA", steps: TREKK_STEPS },
};
const flowOf = (id: StepId): Flow => (TREKK_STEPS.some((s) => s.id === id) ? "trekk" : "spk");

/** The steps' shared state, and which steps are done (only the App's step list reads that). */
export interface State extends StepState {
  readonly done: Set<StepId>;
}

/** The pane; the steps get it as their StepContext only. */
export class App implements StepContext {
  readonly state: State = { sheetNames: [], done: new Set(), trekk: {} };
  private active: StepId = "oppsett";
  /** The step last shown in each flow, to come back to. */
  private readonly lastOf: Record<Flow, StepId> = { spk: "oppsett", trekk: "trekk-importer" };
  private readonly flowButtons = new Map<Flow, HTMLButtonElement>();
  private readonly stepLists = new Map<Flow, HTMLElement>();
  private busy = false;
  private readonly steps: Record<StepId, Step>;
  private readonly stepButtons = new Map<StepId, HTMLButtonElement>();
  private readonly content: HTMLElement;
  private readonly heading: HTMLHeadingElement;
  private readonly status: HTMLElement;
  private readonly workbookLabel: HTMLElement;

  constructor(private readonly root: HTMLElement) {
    this.workbookLabel = h("p", { class: "undertekst", id: "arbeidsbok" }, "Laster …");
    this.heading = h("h2", { id: "steg-tittel", attrs: { tabindex: "-1" } });
    this.content = h("div", { id: "steg-innhold" });
    this.status = h("div", { class: "status", id: "status", attrs: { role: "status", "aria-live": "polite" } });
    this.steps = {
      oppsett: new OppsettStep(this),
      importer: new ImportStep(this),
      avstem: new ReconcileStep(this),
      bilag: new BilagStep(this),
      aars: new YearEndStep(this),
      "trekk-importer": new TrekkImportStep(this),
      "trekk-avstem": new TrekkReconcileStep(this),
      "trekk-bilag": new TrekkBilagStep(this),
    };
    const stepList = (flow: Flow) => h(
      "ol",
      { class: "stegliste" },
      ...FLOWS[flow].steps.map((s, i) => {
        const b = h(
          "button",
          { type: "button", class: "steg", id: `steg-${s.id}`, on: { click: () => this.showStep(s.id) } },
          h("span", { class: "steg-nr", attrs: { "aria-hidden": "true" } }, String(i + 1)),
          h("span", {}, s.name),
          h("span", { class: "visuelt-skjult", attrs: { "data-stegstatus": "" } }),
        );
        this.stepButtons.set(s.id, b);
        return h("li", {}, b);
      }),
    );
    const flows = (Object.keys(FLOWS) as Flow[]).map((f) => {
      const b = h("button", { type: "button", class: "flyt", id: `flyt-${f}`, attrs: { "aria-pressed": "false" }, on: { click: () => this.showStep(this.lastOf[f]) } }, FLOWS[f].name);
      this.flowButtons.set(f, b);
      return b;
    });
    for (const f of Object.keys(FLOWS) as Flow[]) {
      const nav = h("nav", { attrs: { "aria-label": f === "spk" ? "Steg i avstemmingen" : "Steg i avstemmingen av trekk og AGA" } }, stepList(f));
      this.stepLists.set(f, nav);
    }
    replace(
      root,
      h(
        "div",
        { class: "app" },
        h(
          "header",
          { class: "topp" },
          h("h1", {}, "Lønnsavstemming"),
          this.workbookLabel,
          h("button", { type: "button", class: "lenke", id: "les-pa-nytt", on: { click: () => void this.start() } }, "Les arbeidsboken på nytt"),
        ),
        h("div", { class: "flyter", attrs: { role: "group", "aria-label": "Avstemming" } }, ...flows),
        ...this.stepLists.values(),
        h("main", {}, this.heading, this.content),
        this.status,
      ),
    );
    this.updateStepList();
  }

  /** Outside Office (a plain browser): say where the pane belongs. */
  outsideExcel(): void {
    replace(this.workbookLabel, "Åpne Lønnsavstemming fra Excel: Hjem → Lønnsavstemming.");
    replace(this.content);
  }

  /** Reads the workbook (sheets, settings, the reconciliation sheet) and shows the step to work on. */
  async start(): Promise<void> {
    await this.run(null, "Leser arbeidsboken …", "read", async () => {
      const book = await readWorkbook();
      this.state.sheetNames = book.sheetNames;
      this.state.settings = book.settings;
      this.setReconciliation(book.reconciliationSheet, book.snapshots);
      this.message(book.reconciliationSheet ? `Fant avstemmingsarket «${book.reconciliationSheet}».` : "Ingen avstemming i arbeidsboken ennå: begynn med oppsettet.");
    });
    if (flowOf(this.active) === "trekk") this.showStep(this.active, false);
    else this.showStep(this.state.reconciliation ? (this.active === "oppsett" ? "importer" : this.active) : "oppsett", false);
  }

  /** The reconciliation sheet as just read; `sheet` undefined means there is none yet. */
  setReconciliation(sheet: string | undefined, snaps: Snapshots): void {
    this.state.sheet = sheet;
    this.state.reconciliation = undefined;
    this.state.readProblems = undefined;
    const stored = readSettings(snaps.get(SETTINGS_SHEET));
    if (!isProblems(stored)) this.state.settings = stored;
    if (sheet) {
      const reconciliation = readReconciliation(snaps, sheet);
      if (isProblems(reconciliation)) this.state.readProblems = problemMessages(reconciliation, this.state.sheetNames);
      else {
        this.state.reconciliation = reconciliation;
        this.state.done.add("oppsett");
      }
    }
    this.updateWorkbookLabel();
    this.updateStepList();
  }

  /** A new sheet appeared (made by a write): add it to the list. */
  addSheets(...names: string[]): void {
    const have = new Set(this.state.sheetNames.map((a) => a.toLowerCase()));
    this.state.sheetNames = [...this.state.sheetNames, ...names.filter((n) => !have.has(n.toLowerCase()))];
  }

  private updateWorkbookLabel(): void {
    const { reconciliation, sheet } = this.state;
    if (flowOf(this.active) === "trekk") {
      const run = this.state.trekk.imported?.result.run;
      replace(this.workbookLabel, run ? `Trekk og AGA · ${run.inputs.scenario.virksomhet} · ${run.inputs.scenario.aar}` : "Trekk og AGA: les inn eksportene.");
    } else if (reconciliation) {
      const o = reconciliation.fromSheet.oppsett;
      replace(this.workbookLabel, `${sheet} · ${o.virksomhet || "uten navn"} · ${o.aar}`);
    } else if (sheet) {
      replace(this.workbookLabel, `${sheet}: kan ikke leses ennå (se Oppsett).`);
    } else {
      replace(this.workbookLabel, "Ingen avstemming i arbeidsboken ennå.");
    }
  }

  done(step: StepId): void {
    this.state.done.add(step);
    if (step === "trekk-importer") {
      // A new import: the later trekk steps start over from it.
      this.state.done.delete("trekk-avstem");
      this.state.done.delete("trekk-bilag");
      this.updateWorkbookLabel();
    }
    this.updateStepList();
  }

  private updateStepList(): void {
    const flow = flowOf(this.active);
    for (const [f, b] of this.flowButtons) b.setAttribute("aria-pressed", String(f === flow));
    for (const [f, nav] of this.stepLists) nav.hidden = f !== flow;
    for (const s of [...STEPS, ...TREKK_STEPS]) {
      const b = this.stepButtons.get(s.id) as HTMLButtonElement;
      const locked = flowOf(s.id) === "trekk" ? s.id !== "trekk-importer" && !this.state.trekk.imported : s.id !== "oppsett" && !this.state.reconciliation;
      b.disabled = locked;
      const current = s.id === this.active;
      if (current) b.setAttribute("aria-current", "step");
      else b.removeAttribute("aria-current");
      b.classList.toggle("ferdig", this.state.done.has(s.id));
      const status = b.querySelector("[data-stegstatus]") as HTMLElement;
      status.textContent = current ? ", gjeldende steg" : this.state.done.has(s.id) ? ", fullført" : locked ? (flowOf(s.id) === "trekk" ? ", krever import" : ", krever oppsett") : "";
    }
  }

  showStep(id: StepId, focus = true): void {
    this.active = id;
    const flow = flowOf(id);
    this.lastOf[flow] = id;
    const steps = FLOWS[flow].steps;
    const i = steps.findIndex((s) => s.id === id);
    replace(this.heading, `${flow === "trekk" ? "Trekk og AGA – " : ""}Steg ${i + 1} av ${steps.length}: ${steps[i].name}`);
    const step = this.steps[id];
    step.show();
    replace(this.content, step.element);
    this.updateStepList();
    this.updateWorkbookLabel();
    if (focus) this.heading.focus();
  }

  /** The live status line (progress and results, read out politely). */
  message(text: string, busy = false): void {
    replace(this.status, busy ? h("span", { class: "spinner", attrs: { "aria-hidden": "true" } }) : null, text);
  }

  /**
   * Runs one action: never two at once; every action button is disabled (aria-disabled, so the
   * focus stays on it) while it runs; progress in the status line; a failure becomes a Norwegian
   * message saying what to do. Returns false when the action did not run to the end.
   */
  async run(button: HTMLButtonElement | null, progress: string, phase: "read" | "write", work: () => Promise<void>, problemBox?: HTMLElement): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    const buttons = Array.from(this.root.querySelectorAll<HTMLButtonElement>("button.handling"));
    for (const b of buttons) b.setAttribute("aria-disabled", "true");
    button?.setAttribute("aria-busy", "true");
    this.root.setAttribute("aria-busy", "true");
    this.message(progress, true);
    try {
      await work();
      return true;
    } catch (error) {
      const text = officeErrorMessage(error, phase);
      this.message(text);
      if (problemBox) replace(problemBox, h("div", { class: "melding feil", attrs: { role: "alert" } }, h("p", { class: "melding-tittel" }, "Det gikk ikke"), h("p", {}, text)));
      return false;
    } finally {
      for (const b of buttons) b.removeAttribute("aria-disabled");
      button?.removeAttribute("aria-busy");
      this.root.removeAttribute("aria-busy");
      this.busy = false;
    }
  }

  get isBusy(): boolean {
    return this.busy;
  }

  /** Shows a cell in Excel (activates the sheet, selects the cell). */
  goTo = (place: Place): void => {
    void this.run(null, `Går til ${place.sheet}!${place.address} …`, "read", async () => {
      await goToCell(place.sheet, place.address);
      this.message(`Markerte ${place.sheet}!${place.address}.`);
    });
  };
}
