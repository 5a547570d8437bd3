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
import { AMELDING_ARK } from "../../core/spk/sheet/amelding-sheet";
import { KORREKSJONSBILAG_ARK } from "../../core/spk/sheet/korreksjonsbilag-sheet";
import { SETTINGS_SHEET } from "../../core/workpaper/settings";
import { splitSheetAddress } from "../../core/sheet/reference";
import { App, Steg } from "../app";
import { erstatt, h } from "../dom";
import { lastNed } from "../download";
import { Felt, knapp, meldingsboks, meldingsliste, tekstfelt, tekstomrade } from "../felt";
import { fingeravtrykk, lagBilag, lesAvstemming, skrivBilag } from "../plans";
import { ameldingVisning, bilagVisning } from "../view/bilag-view";
import { antall } from "../view/format";
import { HANDLING, tidspunkt } from "../view/logg-tekst";
import { regelFeil } from "../view/steder";
import { lesArk, lesOmrader, markertOmrade, skriv } from "../workbook";
import { rapportTekst, utfall } from "./felles";

export class BilagSteg implements Steg {
  readonly element = h("div", { id: "panel-bilag" });
  private readonly virksomheter: Felt;
  private readonly feil = h("div", { id: "bilag-feil" });
  private readonly oppsummering = h("div", { id: "bilag-oppsummering" });
  private readonly resultat = h("div", { id: "bilag-resultat" });
  private readonly eksport = h("div", { id: "bilag-eksport" });

  constructor(private readonly app: App) {
    this.virksomheter = tekstfelt("bilag-virksomheter", "Virksomheter for A-melding (ark eller område, valgfritt)", {
      liste: "bilag-arkliste",
      hjelp: "Overskrifter: Virksomhetsnummer, Navn, Sone (eller Kommunenummer), Grunnlag. Tomt: ingen A-melding-fordeling.",
    });
    const vis = knapp("Forhåndsvis bilag", () => void this.forhandsvis(vis), { primaer: true, id: "bilag-vis" });
    erstatt(
      this.element,
      h("p", { class: "undertekst" }, "Bilagene lages fra arket slik det står nå: ett per termin (terminvis) eller ett for året."),
      h("datalist", { id: "bilag-arkliste" }),
      this.virksomheter.element,
      h("div", { class: "knapper" }, knapp("Bruk markert område", () => void this.brukMarkert(), { id: "bilag-markert" }), vis),
      this.feil,
      this.oppsummering,
      this.eksport,
      this.resultat,
    );
  }

  vis(): void {
    const t = this.app.tilstand;
    const liste = this.element.querySelector("#bilag-arkliste") as HTMLElement;
    erstatt(liste, ...t.arkListe.map((a) => {
      const o = h("option");
      o.value = a;
      return o;
    }));
    if (this.virksomheter.input.value === "") {
      const hit = t.arkListe.find((a) => a.toLowerCase() === "virksomheter");
      if (hit) this.virksomheter.input.value = hit;
    }
    this.visResultat();
  }

  private async brukMarkert(): Promise<void> {
    await this.app.kjor(null, "Henter markert område …", "les", async () => {
      this.virksomheter.input.value = await markertOmrade();
      this.app.melding(`Virksomheter: ${this.virksomheter.input.value}.`);
    });
  }

  private async forhandsvis(knappen: HTMLButtonElement): Promise<void> {
    if (this.app.erOpptatt) return;
    const { ark, arkListe } = this.app.tilstand;
    if (!ark) return;
    const adresse = this.virksomheter.input.value.trim();
    this.virksomheter.settFeil();
    if (adresse) {
      const navn = adresse.includes("!") ? splitSheetAddress(adresse).sheet : adresse;
      if (!arkListe.some((a) => a.toLowerCase() === navn.toLowerCase())) {
        this.virksomheter.settFeil(`Fant ikke arket «${navn}» i arbeidsboken.`);
        this.virksomheter.input.focus();
        return;
      }
    }
    await this.app.kjor(knappen, "Lager bilagene …", "les", async () => {
      erstatt(this.feil);
      const snaps = await lesArk([ark, SETTINGS_SHEET]);
      this.app.settAvstemming(ark, snaps);
      const lest = lesAvstemming(snaps, ark);
      if (isProblems(lest)) {
        erstatt(this.feil, meldingsboks("feil", "Arket kan ikke avstemmes", [meldingsliste(regelFeil(lest, arkListe), this.app.gaTil)]));
        this.app.melding("Bilagene kan ikke lages; se feilene.");
        return;
      }
      let virksomheter;
      if (adresse) {
        const read = (await lesOmrader({ v: adresse })).v;
        const r = read ? readVirksomheter({ sheet: read.sheet, values: read.values, origin: read.origin }, { aar: lest.fromSheet.oppsett.aar }) : undefined;
        if (r && isProblems(r)) {
          erstatt(this.feil, meldingsboks("feil", "Virksomhetslisten har feil", [meldingsliste(regelFeil(r, arkListe), this.app.gaTil)]));
          this.app.melding("Virksomhetslisten har feil; se listen.");
          return;
        }
        virksomheter = r?.virksomheter;
      }
      const resultat = lagBilag(lest, virksomheter);
      if (isProblems(resultat)) {
        erstatt(this.feil, meldingsboks("feil", "Bilagene kan ikke lages", [meldingsliste(regelFeil(resultat, arkListe), this.app.gaTil)]));
        this.app.melding("Bilagene kan ikke lages; se feilene.");
        return;
      }
      this.app.tilstand.bilag = { resultat, avtrykk: fingeravtrykk(resultat.bilag), ...(virksomheter ? { virksomheter } : {}) };
      this.visResultat();
      this.app.melding(`${antall(resultat.bilag.length, "bilag", "bilag")} klare${resultat.amelding ? ` og ${antall(resultat.amelding.length, "A-melding-fordeling", "A-melding-fordelinger")}` : ""}. Ingenting er skrevet ennå.`);
    }, this.feil);
  }

  private async skrivBilag(knappen: HTMLButtonElement): Promise<void> {
    if (this.app.erOpptatt) return;
    const { ark, bilag } = this.app.tilstand;
    if (!ark || !bilag) return;
    await this.app.kjor(knappen, "Skriver bilagene …", "skriv", async () => {
      const { rapport } = await skriv(skrivBilag(ark, bilag.virksomheter, bilag.avtrykk, tidspunkt(new Date())));
      if (isProblems(rapport)) {
        erstatt(this.feil, meldingsboks("feil", "Bilagene er ikke skrevet", [meldingsliste(regelFeil(rapport, this.app.tilstand.arkListe), this.app.gaTil)]));
        this.app.melding("Bilagene er ikke skrevet; se feilene.");
        return;
      }
      this.app.leggTilArk(...rapport.sheetsCreated);
      this.app.ferdig("bilag");
      const ark2 = [KORREKSJONSBILAG_ARK, ...(bilag.resultat.amelding ? [AMELDING_ARK] : [])];
      erstatt(this.feil, utfall("ok", `${HANDLING.bilag}: ${ark2.join(" og ")}.`, rapportTekst(rapport), rapport, this.app.gaTil));
      this.app.melding(`Bilagene er skrevet. ${rapportTekst(rapport)}`);
    }, this.feil);
  }

  private visResultat(): void {
    const b = this.app.tilstand.bilag;
    if (!b) {
      erstatt(this.oppsummering);
      erstatt(this.resultat);
      erstatt(this.eksport);
      return;
    }
    const { resultat } = b;
    const oppsett = resultat.fromSheet.oppsett;
    const bilag = bilagVisning(resultat.bilag, oppsett.dimensjoner);
    const amelding = ameldingVisning(resultat.amelding ?? []);
    const iBalanse = bilag.every((v) => v.iBalanse);
    const skrivKnapp = knapp("Skriv bilagene i arbeidsboken", () => void this.skrivBilag(skrivKnapp), { primaer: true, id: "bilag-skriv" });
    const linjer = bilag.reduce((n, v) => n + v.linjer.length, 0);
    erstatt(
      this.oppsummering,
      meldingsboks(iBalanse ? "info" : "feil", `${antall(bilag.length, "bilag", "bilag")} med ${antall(linjer, "linje", "linjer")}${iBalanse ? ", alle i balanse" : ""}`, [
        h("p", {}, resultat.amelding ? `A-melding: ${antall(amelding.length, "fordeling", "fordelinger")} på virksomhetsnummer.` : "Ingen A-melding-fordeling (ingen virksomhetsliste)."),
        h("p", {}, `Skrives til arkene ${KORREKSJONSBILAG_ARK}${resultat.amelding ? ` og ${AMELDING_ARK}` : ""}; egne rader der blir stående.`),
        h("div", { class: "knapper" }, skrivKnapp),
      ]),
    );
    erstatt(
      this.resultat,
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
            h("tbody", {}, ...v.linjer.map((l) => h("tr", {}, h("td", {}, l.konto), h("td", {}, l.tekst, l.dimensjoner ? h("span", { class: "undertekst" }, ` (${l.dimensjoner})`) : null), h("td", { class: "tall" }, l.belop)))),
          ),
          h("p", {}, h("span", { class: v.iBalanse ? "merke ok" : "merke feil" }, v.balanse)),
        );
        d.open = i === 0;
        return d;
      }),
      amelding.length > 0 ? h("h3", {}, "A-melding: endring i avgiftsgrunnlag") : null,
      ...amelding.map((a, i) => {
        const d = h(
          "details",
          { class: "bilag" },
          h("summary", {}, a.tittel),
          h(
            "table",
            { class: "tabell" },
            h("caption", { class: "visuelt-skjult" }, a.tittel),
            h("thead", {}, h("tr", {}, h("th", { attrs: { scope: "col" } }, "Virksomhet"), h("th", { attrs: { scope: "col" } }, "Sone"), h("th", { class: "tall", attrs: { scope: "col" } }, "Endring"), h("th", { class: "tall", attrs: { scope: "col" } }, "AGA"))),
            h("tbody", {}, ...a.rader.map((r) => h("tr", {}, h("td", {}, r.virksomhet), h("td", {}, r.sone), h("td", { class: "tall" }, r.endring), h("td", { class: "tall" }, r.aga)))),
          ),
          h("p", { class: "undertekst" }, `${a.sum}. ${a.avvik}.`),
        );
        d.open = i === 0;
        return d;
      }),
    );
    this.visEksport();
  }

  private visEksport(): void {
    const b = this.app.tilstand.bilag;
    if (!b) return;
    const oppsett = b.resultat.fromSheet.oppsett;
    const eo = spkExportSettings(oppsett);
    const csv = toCsv(b.resultat.bilag, eo);
    const gl07 = toGl07(b.resultat.bilag, eo);
    const navn = `SPK-korreksjonsbilag-${oppsett.aar}`;
    const feil = [csv, gl07].filter(isProblems).map((e) => e.message);
    erstatt(
      this.eksport,
      h("h3", {}, "Eksport til Unit4"),
      feil.length > 0
        ? meldingsboks("advarsel", "Eksporten kan ikke lages ennå", [h("ul", {}, ...[...new Set(feil)].map((f) => h("li", {}, f))), h("p", {}, "Fyll inn det som mangler under Oppsett (bilagsart, firmakode, påkrevde dimensjoner) og lag bilagene på nytt.")])
        : null,
      h(
        "div",
        { class: "knapper" },
        isProblems(csv) ? null : knapp("Last ned CSV", () => lastNed(`${navn}.csv`, csv, "utf-8", this.app), { id: "bilag-csv" }),
        isProblems(gl07) ? null : knapp("Last ned GL07", () => lastNed(`${navn}.gl07.txt`, gl07, "latin1", this.app), { id: "bilag-gl07" }),
      ),
      !isProblems(csv) || !isProblems(gl07)
        ? h(
            "details",
            {},
            h("summary", {}, "Starter ikke nedlastingen?"),
            h("p", { class: "hjelp" }, "Noen Excel-versjoner stopper nedlastinger fra tillegg. Kopier teksten og lagre den selv (GL07 som ANSI/Latin-1)."),
            isProblems(csv) ? null : tekstomrade("bilag-csv-tekst", "CSV", { verdi: csv, readonly: true }).element,
            isProblems(gl07) ? null : tekstomrade("bilag-gl07-tekst", "GL07", { verdi: gl07, readonly: true }).element,
          )
        : null,
    );
  }
}
