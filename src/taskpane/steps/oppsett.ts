/**
 * Step 1, Oppsett: make the A10 (brutto) or A11 (netto) sheet or take the one in the workbook;
 * year, virksomhet, the average AGA rate (typed, or from a range of basis and rates), tolerance,
 * materiality, accounts, dimensions and the Unit4 export codes. Saved in the workbook (the sheet's
 * header and `_lonn`), so every co-author sees the same.
 */
import { isRuleError } from "../../core/errors";
import { isProblems } from "../../core/problem/problem";
import { readGrunnlagOgSatser } from "../../core/import/virksomheter";
import { agaSnittsats } from "../../core/rules/snittsats";
import { KONTO_KEYS, KONTO_NAVN } from "../../core/spk/oppsett";
import { Budsjettering, Kontoer, Modus, Oppsett } from "../../core/spk/types";
import { SHEET_NAMES } from "../../core/spk/sheet/layout";
import { SETTINGS_SHEET } from "../../core/workpaper/settings";
import { App, Steg } from "../app";
import { erstatt, h } from "../dom";
import { avkryssing, Felt, knapp, meldingsboks, meldingsliste, radioer, Radiogruppe, tekstfelt, velger } from "../felt";
import { lagreOppsett } from "../plans";
import { antall, prosent } from "../view/format";
import { prosentFelt } from "../view/input";
import { HANDLING, tidspunkt } from "../view/logg-tekst";
import { lesSkjema, OppsettSkjema, skjemaFra } from "../view/oppsett-form";
import { regelFeil } from "../view/steder";
import { lesArk, lesOmrader, markertOmrade, skriv } from "../workbook";
import { rapportTekst, utfall } from "./felles";

const NYTT = "";

export class OppsettSteg implements Steg {
  readonly element = h("div", { id: "panel-oppsett" });
  private bygdFor: unknown = null;
  private ark!: Felt<HTMLSelectElement>;
  private budsjettering!: Radiogruppe<Budsjettering>;
  private modus!: Radiogruppe<Modus>;
  private readonly felt = new Map<string, Felt>();
  private dims: { navn: Felt; verdi: Felt; pakrevd: HTMLInputElement }[] = [];
  private snittOmrade!: Felt;
  private readonly snittSvar = h("div", { attrs: { "aria-live": "polite" } });
  private readonly resultat = h("div", { id: "oppsett-resultat" });
  private tidligere: Oppsett | undefined;

  constructor(private readonly app: App) {}

  vis(): void {
    const t = this.app.tilstand;
    const kilde = t.lest ?? t.ark ?? null;
    if (this.bygdFor === kilde && this.element.childElementCount > 0) return;
    this.bygdFor = kilde;
    this.bygg(t.lest?.fromSheet.oppsett, t.ark);
    if (t.lesefeil && t.ark) {
      erstatt(this.resultat, meldingsboks("advarsel", `Arket «${t.ark}» kan ikke leses ennå`, [
        h("p", {}, "Rett det som står under, eller fyll inn oppsettet og lagre: tillegget skriver det inn der arket har plass."),
        meldingsliste(t.lesefeil, this.app.gaTil),
      ]));
    }
  }

  private tekst(key: string, label: string, verdi: string, valg: Parameters<typeof tekstfelt>[2] = {}): HTMLElement {
    const f = tekstfelt(`oppsett-${key.replace(/\./g, "-")}`, label, { verdi, ...valg });
    this.felt.set(key, f);
    return f.element;
  }

  private bygg(oppsett: Oppsett | undefined, ark: string | undefined): void {
    this.tidligere = oppsett;
    this.felt.clear();
    const s = skjemaFra(oppsett, new Date().getFullYear());
    const arkValg: [string, string][] = [[NYTT, this.nyttArkTekst(s.budsjettering)], ...this.app.tilstand.arkListe.map((a): [string, string] => [a, a])];
    this.ark = velger("oppsett-ark", "Avstemmingsark", arkValg, ark ?? NYTT, "Velg arket med avstemmingen, eller la tillegget lage et nytt etter DFØs mal (A10/A11).");
    this.ark.input.addEventListener("change", () => void this.byttArk());
    this.budsjettering = radioer("oppsett-budsjettering", "Budsjettering", [["brutto", "Brutto (A10)"], ["netto", "Netto (A11)"]], s.budsjettering, (b) => {
      const nytt = this.ark.input.options[0];
      nytt.textContent = this.nyttArkTekst(b);
    });
    this.modus = radioer("oppsett-modus", "Resultatføring", [["terminvis", "Terminvis (anbefalt)"], ["arsslutt", "Ved årsslutt"]], s.modus);

    this.snittOmrade = tekstfelt("oppsett-snitt-omrade", "Område med grunnlag og sats eller sone", {
      liste: "oppsett-arkliste",
      hjelp: "F.eks. Virksomheter eller 'AGA-grunnlag'!A1:C20. Overskrifter: Grunnlag og Sats, Sone eller Kommunenummer.",
    });
    const dimFelt: HTMLElement[] = [];
    this.dims = s.dimensjoner.map((d, i) => {
      const n = i + 1;
      const navn = tekstfelt(`oppsett-dim-${n}-navn`, "Navn", { verdi: d.navn });
      const verdi = tekstfelt(`oppsett-dim-${n}-verdi`, "Verdi", { verdi: d.verdi });
      this.felt.set(`dim.${n}.navn`, navn);
      this.felt.set(`dim.${n}.verdi`, verdi);
      const pakrevd = avkryssing(`oppsett-dim-${n}-pakrevd`, "Påkrevd på kostnadslinjer", d.pakrevd);
      dimFelt.push(h("fieldset", {}, h("legend", {}, `Dimensjon ${n} (dim_${n})`), h("div", { class: "rad" }, navn.element, verdi.element), pakrevd.element));
      return { navn, verdi, pakrevd: pakrevd.input };
    });

    const lagre = knapp(ark ? "Lagre oppsettet" : "Lag avstemmingsarket", () => void this.lagre(lagre), { primaer: true, id: "oppsett-lagre" });
    erstatt(
      this.element,
      h("p", { class: "undertekst" }, "Oppsettet lagres i arbeidsboken (arkets topp og det skjulte arket _lonn), så alle som deler den ser det samme."),
      h("datalist", { id: "oppsett-arkliste" }, ...this.app.tilstand.arkListe.map((a) => {
        const o = h("option");
        o.value = a;
        return o;
      })),
      h(
        "form",
        { attrs: { novalidate: "" }, on: { submit: (e) => { e.preventDefault(); void this.lagre(lagre); } } },
        this.ark.element,
        this.budsjettering.element,
        h("div", { class: "rad" }, this.tekst("aar", "År", s.aar, { inputmode: "numeric" }), this.tekst("orgnr", "Org.nr. (valgfritt)", s.orgnr, { inputmode: "numeric" })),
        this.tekst("virksomhet", "Virksomhet", s.virksomhet, { autocomplete: "organization" }),
        this.modus.element,
        this.tekst("agaSats", "AGA-snittsats (%)", s.agaSats, { inputmode: "decimal", hjelp: "Virksomhetens gjennomsnittlige AGA-sats, f.eks. 13,87." }),
        h(
          "details",
          { id: "oppsett-snitt" },
          h("summary", {}, "Beregn snittsatsen fra et område"),
          this.snittOmrade.element,
          h("div", { class: "knapper" },
            knapp("Bruk markert område", () => void this.brukMarkert()),
            knapp("Beregn snittsats", () => void this.beregnSnitt(), { id: "oppsett-beregn-snitt" }),
          ),
          this.snittSvar,
        ),
        h("div", { class: "rad" },
          this.tekst("toleranse", "Toleranse (kr)", s.toleranse, { inputmode: "decimal" }),
          this.tekst("vesentlighetsgrense", "Vesentlighet (%)", s.vesentlighetsgrense, { inputmode: "decimal" }),
        ),
        h("div", { class: "rad" },
          this.tekst("bilagsart", "Bilagsart (Unit4)", s.bilagsart),
          this.tekst("firma", "Firmakode (Unit4)", s.firma),
        ),
        h("p", { class: "hjelp" }, "Bilagsart og firmakode trengs for eksport til Unit4 (CSV og GL07)."),
        h(
          "details",
          {},
          h("summary", {}, "Kontoer"),
          ...KONTO_KEYS.map((k) => this.tekst(`konto.${k}`, `${kontoLabel(k)}`, s.kontoer[k], { inputmode: "numeric" })),
        ),
        h("details", {}, h("summary", {}, "Dimensjoner i Unit4"), ...dimFelt),
        h("div", { class: "knapper" }, lagre),
      ),
      this.resultat,
    );
    erstatt(this.resultat);
  }

  private nyttArkTekst(b: Budsjettering): string {
    return `Nytt ark: ${SHEET_NAMES[b]}`;
  }

  private verdi(key: string): string {
    return this.felt.get(key)?.input.value ?? "";
  }

  private skjema(): OppsettSkjema {
    const kontoer = Object.fromEntries(KONTO_KEYS.map((k) => [k, this.verdi(`konto.${k}`)])) as Record<keyof Kontoer, string>;
    return {
      budsjettering: this.budsjettering.verdi(),
      modus: this.modus.verdi(),
      aar: this.verdi("aar"),
      virksomhet: this.verdi("virksomhet"),
      orgnr: this.verdi("orgnr"),
      agaSats: this.verdi("agaSats"),
      toleranse: this.verdi("toleranse"),
      vesentlighetsgrense: this.verdi("vesentlighetsgrense"),
      kontoer,
      dimensjoner: this.dims.map((d) => ({ navn: d.navn.input.value, verdi: d.verdi.input.value, pakrevd: d.pakrevd.checked })),
      bilagsart: this.verdi("bilagsart"),
      firma: this.verdi("firma"),
    };
  }

  /** Another sheet chosen: read it and fill the form from its header. */
  private async byttArk(): Promise<void> {
    const valgt = this.ark.input.value;
    if (valgt === NYTT) {
      erstatt(this.resultat);
      return;
    }
    await this.app.kjor(null, `Leser «${valgt}» …`, "les", async () => {
      const snaps = await lesArk([valgt, SETTINGS_SHEET]);
      this.app.settAvstemming(valgt, snaps);
      this.bygdFor = null;
      this.vis();
      this.app.melding(this.app.tilstand.lest ? `Leste oppsettet fra «${valgt}».` : `«${valgt}» mangler noe; se listen.`);
    }, this.resultat);
  }

  private async brukMarkert(): Promise<void> {
    await this.app.kjor(null, "Henter markert område …", "les", async () => {
      this.snittOmrade.input.value = await markertOmrade();
      this.app.melding(`Området er ${this.snittOmrade.input.value}.`);
    }, this.snittSvar);
  }

  /** The average rate from a range: core's AGA_SNITTSATS rule over the rows read. */
  private async beregnSnitt(): Promise<void> {
    const adresse = this.snittOmrade.input.value.trim();
    const aar = Number(this.verdi("aar"));
    this.snittOmrade.settFeil(adresse ? undefined : "Skriv et ark eller område, eller bruk markert område.");
    if (!adresse) return;
    await this.app.kjor(null, `Leser ${adresse} …`, "les", async () => {
      const read = (await lesOmrader({ r: adresse })).r;
      if (!read) return;
      const rows = readGrunnlagOgSatser({ sheet: read.sheet, values: read.values, origin: read.origin }, { aar });
      if (isProblems(rows)) {
        erstatt(this.snittSvar, meldingsboks("feil", "Området kan ikke brukes", [meldingsliste(regelFeil(rows, this.app.tilstand.arkListe), this.app.gaTil)]));
        this.app.melding("Området har feil; se listen.");
        return;
      }
      const snitt = agaSnittsats(rows.linjer, aar);
      if (isRuleError(snitt)) {
        erstatt(this.snittSvar, meldingsboks("feil", "Snittsatsen kan ikke beregnes", [h("p", {}, snitt.message)]));
        return;
      }
      const felt = this.felt.get("agaSats") as Felt;
      felt.input.value = prosentFelt(snitt);
      felt.settFeil();
      const tekst = `Snittsats ${prosent(snitt)} fra ${antall(rows.linjer.length, "rad", "rader")} i ${read.sheet}; satt inn i AGA-snittsats.`;
      erstatt(this.snittSvar, meldingsboks("ok", tekst));
      this.app.melding(tekst);
    }, this.snittSvar);
  }

  private async lagre(knappen: HTMLButtonElement): Promise<void> {
    if (this.app.erOpptatt) return;
    for (const f of this.felt.values()) f.settFeil();
    this.budsjettering.settFeil();
    const valgt = this.ark.input.value;
    const eksisterende = valgt !== NYTT && this.app.tilstand.ark === valgt ? this.app.tilstand.lest?.fromSheet.oppsett.budsjettering : undefined;
    const r = lesSkjema(this.skjema(), this.tidligere, eksisterende);
    if (!r.ok) {
      let forste: HTMLElement | undefined;
      for (const [key, tekst] of Object.entries(r.feil)) {
        if (key === "budsjettering") {
          this.budsjettering.settFeil(tekst);
          forste ??= this.budsjettering.element.querySelector("input") ?? undefined;
          continue;
        }
        const f = this.felt.get(key);
        f?.settFeil(tekst);
        if (f) forste ??= f.input;
      }
      if (forste?.closest("details")) (forste.closest("details") as HTMLDetailsElement).open = true;
      forste?.focus();
      erstatt(this.resultat, r.andre.length > 0 ? meldingsboks("feil", "Oppsettet kan ikke lagres", [h("ul", {}, ...r.andre.map((a) => h("li", {}, a)))]) : null);
      this.app.melding(`Oppsettet er ikke lagret: rett ${antall(Object.keys(r.feil).length + r.andre.length, "felt", "felt")} som er merket.`);
      return;
    }
    const ark = valgt === NYTT ? SHEET_NAMES[r.oppsett.budsjettering] : valgt;
    await this.app.kjor(knappen, `Lagrer oppsettet i «${ark}» …`, "skriv", async () => {
      const { rapport, etter } = await skriv(lagreOppsett(ark, r.oppsett, tidspunkt(new Date())), [ark, SETTINGS_SHEET]);
      if (isProblems(rapport)) {
        erstatt(this.resultat, meldingsboks("feil", "Oppsettet er ikke lagret", [meldingsliste(regelFeil(rapport, this.app.tilstand.arkListe), this.app.gaTil)]));
        this.app.melding("Oppsettet er ikke lagret; se feilene.");
        return;
      }
      this.app.leggTilArk(...rapport.sheetsCreated.filter((n) => n !== SETTINGS_SHEET));
      this.app.settAvstemming(ark, etter as NonNullable<typeof etter>);
      this.bygdFor = this.app.tilstand.lest ?? null;
      const lest = this.app.tilstand.lest;
      const videre = knapp("Gå videre til Importer", () => this.app.visSteg("importer"));
      erstatt(
        this.resultat,
        utfall(
          lest ? "ok" : "advarsel",
          `${HANDLING.oppsett} i «${ark}».`,
          rapportTekst(rapport),
          rapport,
          this.app.gaTil,
          lest ? [h("div", { class: "knapper" }, videre)] : [meldingsliste(this.app.tilstand.lesefeil ?? [], this.app.gaTil)],
        ),
      );
      this.app.melding(`${HANDLING.oppsett}. ${rapportTekst(rapport)}`);
      if (lest) this.app.ferdig("oppsett");
    }, this.resultat);
  }
}

function kontoLabel(k: keyof Kontoer): string {
  const navn = KONTO_NAVN[k];
  return `Konto for ${navn}`;
}
