/**
 * The pane: a stepper (Oppsett → Importer → Avstem → Bilag → Årsavslutning), one panel per step,
 * a live status line, and what the steps share: the workbook as last read, the running action
 * (only one at a time; its buttons are disabled while it runs), and going to a cell.
 */
import { isProblems } from "../core/problem/problem";
import { ImportedTerminer } from "../core/import/aggregate";
import { Oppsett, VirksomhetGrunnlag } from "../core/spk/types";
import { SETTINGS_SHEET } from "../core/workpaper/settings";
import { LonnSettings, readSettings } from "../core/workpaper/settings";
import { RunReport, Snapshots } from "../excel/run";
import { erstatt, h } from "./dom";
import { BilagResultat, Lest, lesAvstemming } from "./plans";
import { AarsSteg } from "./steps/aars";
import { AvstemSteg } from "./steps/avstem";
import { BilagSteg } from "./steps/bilag";
import { ImporterSteg } from "./steps/importer";
import { OppsettSteg } from "./steps/oppsett";
import { feilmelding } from "./view/feil";
import { Melding, regelFeil, Sted } from "./view/steder";
import { gaTilCelle, lesArbeidsboken } from "./workbook";

export type StegId = "oppsett" | "importer" | "avstem" | "bilag" | "aars";

export const STEG: readonly { readonly id: StegId; readonly navn: string }[] = [
  { id: "oppsett", navn: "Oppsett" },
  { id: "importer", navn: "Importer" },
  { id: "avstem", navn: "Avstem" },
  { id: "bilag", navn: "Bilag" },
  { id: "aars", navn: "Årsavslutning" },
];

export interface Steg {
  readonly element: HTMLElement;
  /** Called when the step is shown or the workbook state changed. */
  vis(): void;
}

export interface Tilstand {
  arkListe: readonly string[];
  settings?: LonnSettings;
  /** The reconciliation sheet in use (exists in the workbook). */
  ark?: string;
  lest?: Lest;
  /** Why the sheet could not be read (each with its cell, when it names one). */
  lesefeil?: readonly Melding[];
  import?: { readonly data: ImportedTerminer; readonly lestMed: Oppsett; readonly andre: Readonly<Record<string, string>>; readonly kilder: string };
  bilag?: { readonly resultat: BilagResultat; readonly avtrykk: string; readonly virksomheter?: readonly VirksomhetGrunnlag[] };
  sisteFylling?: RunReport;
  readonly ferdig: Set<StegId>;
}

export class App {
  readonly tilstand: Tilstand = { arkListe: [], ferdig: new Set() };
  private aktiv: StegId = "oppsett";
  private opptatt = false;
  private readonly steg: Record<StegId, Steg>;
  private readonly stegKnapper = new Map<StegId, HTMLButtonElement>();
  private readonly innhold: HTMLElement;
  private readonly overskrift: HTMLHeadingElement;
  private readonly status: HTMLElement;
  private readonly arbeidsbok: HTMLElement;

  constructor(private readonly rot: HTMLElement) {
    this.arbeidsbok = h("p", { class: "undertekst", id: "arbeidsbok" }, "Laster …");
    this.overskrift = h("h2", { id: "steg-tittel", attrs: { tabindex: "-1" } });
    this.innhold = h("div", { id: "steg-innhold" });
    this.status = h("div", { class: "status", id: "status", attrs: { role: "status", "aria-live": "polite" } });
    this.steg = {
      oppsett: new OppsettSteg(this),
      importer: new ImporterSteg(this),
      avstem: new AvstemSteg(this),
      bilag: new BilagSteg(this),
      aars: new AarsSteg(this),
    };
    const liste = h(
      "ol",
      { class: "stegliste" },
      ...STEG.map((s, i) => {
        const b = h(
          "button",
          { type: "button", class: "steg", id: `steg-${s.id}`, on: { click: () => this.visSteg(s.id) } },
          h("span", { class: "steg-nr", attrs: { "aria-hidden": "true" } }, String(i + 1)),
          h("span", {}, s.navn),
          h("span", { class: "visuelt-skjult", attrs: { "data-stegstatus": "" } }),
        );
        this.stegKnapper.set(s.id, b);
        return h("li", {}, b);
      }),
    );
    erstatt(
      rot,
      h(
        "div",
        { class: "app" },
        h(
          "header",
          { class: "topp" },
          h("h1", {}, "Lønnsavstemming"),
          this.arbeidsbok,
          h("button", { type: "button", class: "lenke", id: "les-pa-nytt", on: { click: () => void this.start() } }, "Les arbeidsboken på nytt"),
        ),
        h("nav", { attrs: { "aria-label": "Steg i avstemmingen" } }, liste),
        h("main", {}, this.overskrift, this.innhold),
        this.status,
      ),
    );
    this.oppdaterStegliste();
  }

  /** Outside Office (a plain browser): say where the pane belongs. */
  utenforExcel(): void {
    erstatt(this.arbeidsbok, "Åpne Lønnsavstemming fra Excel: Hjem → Lønnsavstemming.");
    erstatt(this.innhold);
  }

  /** Reads the workbook (sheets, settings, the reconciliation sheet) and shows the step to work on. */
  async start(): Promise<void> {
    await this.kjor(null, "Leser arbeidsboken …", "les", async () => {
      const bok = await lesArbeidsboken();
      this.tilstand.arkListe = bok.ark;
      this.tilstand.settings = bok.settings;
      this.settAvstemming(bok.avstemmingsark, bok.snapshots);
      this.melding(bok.avstemmingsark ? `Fant avstemmingsarket «${bok.avstemmingsark}».` : "Ingen avstemming i arbeidsboken ennå: begynn med oppsettet.");
    });
    this.visSteg(this.tilstand.lest ? (this.aktiv === "oppsett" ? "importer" : this.aktiv) : "oppsett", false);
  }

  /** The reconciliation sheet as just read; `ark` undefined means there is none yet. */
  settAvstemming(ark: string | undefined, snaps: Snapshots): void {
    this.tilstand.ark = ark;
    this.tilstand.lest = undefined;
    this.tilstand.lesefeil = undefined;
    const stored = readSettings(snaps.get(SETTINGS_SHEET));
    if (!isProblems(stored)) this.tilstand.settings = stored;
    if (ark) {
      const lest = lesAvstemming(snaps, ark);
      if (isProblems(lest)) this.tilstand.lesefeil = regelFeil(lest, this.tilstand.arkListe);
      else {
        this.tilstand.lest = lest;
        this.tilstand.ferdig.add("oppsett");
      }
    }
    this.oppdaterArbeidsbok();
    this.oppdaterStegliste();
  }

  /** A new sheet appeared (made by a write): add it to the list. */
  leggTilArk(...navn: string[]): void {
    const have = new Set(this.tilstand.arkListe.map((a) => a.toLowerCase()));
    this.tilstand.arkListe = [...this.tilstand.arkListe, ...navn.filter((n) => !have.has(n.toLowerCase()))];
  }

  private oppdaterArbeidsbok(): void {
    const { lest, ark } = this.tilstand;
    if (lest) {
      const o = lest.fromSheet.oppsett;
      erstatt(this.arbeidsbok, `${ark} · ${o.virksomhet || "uten navn"} · ${o.aar}`);
    } else if (ark) {
      erstatt(this.arbeidsbok, `${ark}: kan ikke leses ennå (se Oppsett).`);
    } else {
      erstatt(this.arbeidsbok, "Ingen avstemming i arbeidsboken ennå.");
    }
  }

  ferdig(steg: StegId): void {
    this.tilstand.ferdig.add(steg);
    this.oppdaterStegliste();
  }

  private oppdaterStegliste(): void {
    for (const s of STEG) {
      const b = this.stegKnapper.get(s.id) as HTMLButtonElement;
      const laast = s.id !== "oppsett" && !this.tilstand.lest;
      b.disabled = laast;
      const gjeldende = s.id === this.aktiv;
      if (gjeldende) b.setAttribute("aria-current", "step");
      else b.removeAttribute("aria-current");
      b.classList.toggle("ferdig", this.tilstand.ferdig.has(s.id));
      const status = b.querySelector("[data-stegstatus]") as HTMLElement;
      status.textContent = gjeldende ? ", gjeldende steg" : this.tilstand.ferdig.has(s.id) ? ", fullført" : laast ? ", krever oppsett" : "";
    }
  }

  visSteg(id: StegId, fokus = true): void {
    this.aktiv = id;
    const i = STEG.findIndex((s) => s.id === id);
    erstatt(this.overskrift, `Steg ${i + 1} av ${STEG.length}: ${STEG[i].navn}`);
    const steg = this.steg[id];
    steg.vis();
    erstatt(this.innhold, steg.element);
    this.oppdaterStegliste();
    if (fokus) this.overskrift.focus();
  }

  /** The live status line (progress and results, read out politely). */
  melding(tekst: string, opptatt = false): void {
    erstatt(this.status, opptatt ? h("span", { class: "spinner", attrs: { "aria-hidden": "true" } }) : null, tekst);
  }

  /**
   * Runs one action: never two at once; every action button is disabled (aria-disabled, so the
   * focus stays on it) while it runs; progress in the status line; a failure becomes a Norwegian
   * message saying what to do. Returns false when the action did not run to the end.
   */
  async kjor(knapp: HTMLButtonElement | null, fremdrift: string, fase: "les" | "skriv", arbeid: () => Promise<void>, feilboks?: HTMLElement): Promise<boolean> {
    if (this.opptatt) return false;
    this.opptatt = true;
    const knapper = Array.from(this.rot.querySelectorAll<HTMLButtonElement>("button.handling"));
    for (const b of knapper) b.setAttribute("aria-disabled", "true");
    knapp?.setAttribute("aria-busy", "true");
    this.rot.setAttribute("aria-busy", "true");
    this.melding(fremdrift, true);
    try {
      await arbeid();
      return true;
    } catch (error) {
      const tekst = feilmelding(error, fase);
      this.melding(tekst);
      if (feilboks) erstatt(feilboks, h("div", { class: "melding feil", attrs: { role: "alert" } }, h("p", { class: "melding-tittel" }, "Det gikk ikke"), h("p", {}, tekst)));
      return false;
    } finally {
      for (const b of knapper) b.removeAttribute("aria-disabled");
      knapp?.removeAttribute("aria-busy");
      this.rot.removeAttribute("aria-busy");
      this.opptatt = false;
    }
  }

  get erOpptatt(): boolean {
    return this.opptatt;
  }

  /** Shows a cell in Excel (activates the sheet, selects the cell). */
  gaTil = (sted: Sted): void => {
    void this.kjor(null, `Går til ${sted.ark}!${sted.adresse} …`, "les", async () => {
      await gaTilCelle(sted.ark, sted.adresse);
      this.melding(`Markerte ${sted.ark}!${sted.adresse}.`);
    });
  };
}
