/**
 * Step 3, Avstem: fill the sheet from the import (one write, with its Logg row), read it back and
 * list every flag (unexplained, material, broken posting rule) with a way to its cell. "Avstem på
 * nytt" reads the sheet again after the user has typed explanations.
 */
import { isProblems } from "../../core/problem/problem";
import { SETTINGS_SHEET } from "../../core/workpaper/settings";
import { App, Steg } from "../app";
import { erstatt, h } from "../dom";
import { knapp, meldingsboks, meldingsliste } from "../felt";
import { fyllFraImport } from "../plans";
import { avstemVisning } from "../view/avstem-view";
import { HANDLING, tidspunkt } from "../view/logg-tekst";
import { regelFeil } from "../view/steder";
import { lesArk, skriv } from "../workbook";
import { rapportTekst, utfall } from "./felles";

export class AvstemSteg implements Steg {
  readonly element = h("div", { id: "panel-avstem" });
  private readonly klar = h("div");
  private readonly rapport = h("div", { id: "avstem-rapport" });
  private readonly resultat = h("div", { id: "avstem-resultat" });

  constructor(private readonly app: App) {
    const nytt = knapp("Les arket og avstem på nytt", () => void this.lesPaNytt(nytt), { id: "avstem-les" });
    erstatt(
      this.element,
      h("p", { class: "undertekst" }, "Fyller kolonnene B–F og K–N; formler, forklaringer og signaturer blir stående."),
      this.klar,
      h("div", { class: "knapper" }, nytt),
      this.rapport,
      this.resultat,
    );
  }

  vis(): void {
    const t = this.app.tilstand;
    if (t.import) {
      const fyll = knapp("Fyll avstemmingsarket", () => void this.fyll(fyll), { primaer: true, id: "avstem-fyll" });
      erstatt(this.klar, meldingsboks("info", `Klar til å skrive importen fra ${t.import.kilder} i «${t.ark}».`, [h("div", { class: "knapper" }, fyll)]));
    } else if (t.sisteFylling) {
      erstatt(this.klar, h("p", {}, "Importen er skrevet i arket. Skriv forklaringer i kolonne J og les arket på nytt; nye eksporter leses inn under Importer."));
    } else {
      erstatt(this.klar, h("p", {}, "Ingen import venter. Les inn eksportene under Importer, eller avstem det som står i arket."));
    }
    this.visResultat();
  }

  private async fyll(knappen: HTMLButtonElement): Promise<void> {
    if (this.app.erOpptatt) return;
    const t = this.app.tilstand;
    const imp = t.import;
    const ark = t.ark;
    if (!imp || !ark) return;
    await this.app.kjor(knappen, `Fyller «${ark}» …`, "skriv", async () => {
      const { rapport, etter } = await skriv(fyllFraImport(ark, imp.data, imp.lestMed, imp.andre, tidspunkt(new Date())), [ark, SETTINGS_SHEET]);
      if (isProblems(rapport)) {
        erstatt(this.rapport, meldingsboks("feil", "Arket er ikke fylt", [meldingsliste(regelFeil(rapport, t.arkListe), this.app.gaTil)]));
        this.app.melding("Arket er ikke fylt; se feilene.");
        return;
      }
      this.app.leggTilArk(...rapport.sheetsCreated.filter((n) => n !== SETTINGS_SHEET));
      t.import = undefined;
      t.sisteFylling = rapport;
      t.bilag = undefined;
      this.app.settAvstemming(ark, etter as NonNullable<typeof etter>);
      this.app.ferdig("avstem");
      erstatt(this.rapport, utfall(rapport.leftAlone.length > 0 ? "advarsel" : "ok", `${HANDLING.fyll}.`, rapportTekst(rapport), rapport, this.app.gaTil));
      this.vis();
      const flagg = this.app.tilstand.lest?.avstemming.flags.length ?? 0;
      this.app.melding(`Arket er fylt. ${rapportTekst(rapport)} ${flagg === 0 ? "Ingen flagg." : `${flagg} flagg å se på.`}`);
    }, this.rapport);
  }

  private async lesPaNytt(knappen: HTMLButtonElement): Promise<void> {
    if (this.app.erOpptatt) return;
    const ark = this.app.tilstand.ark;
    if (!ark) return;
    await this.app.kjor(knappen, `Leser «${ark}» …`, "les", async () => {
      this.app.settAvstemming(ark, await lesArk([ark, SETTINGS_SHEET]));
      this.app.tilstand.bilag = undefined;
      erstatt(this.rapport);
      this.visResultat();
      const flagg = this.app.tilstand.lest?.avstemming.flags.length;
      this.app.melding(flagg === undefined ? "Arket kan ikke avstemmes; se feilene." : `Avstemt på nytt: ${flagg === 0 ? "ingen flagg" : `${flagg} flagg`}.`);
    }, this.rapport);
  }

  private visResultat(): void {
    const { lest, lesefeil } = this.app.tilstand;
    if (!lest) {
      erstatt(this.resultat, lesefeil ? meldingsboks("feil", "Arket kan ikke avstemmes", [meldingsliste(lesefeil, this.app.gaTil)]) : null);
      return;
    }
    const v = avstemVisning(lest.avstemming, lest.fromSheet.map);
    erstatt(
      this.resultat,
      h(
        "table",
        { class: "tabell", id: "avstem-tabell" },
        h("caption", {}, "Differanse til resultatføring (R) og beregnet AGA (T)"),
        h("thead", {}, h("tr", {},
          h("th", { attrs: { scope: "col" } }, "Termin"),
          h("th", { class: "tall", attrs: { scope: "col" } }, "R"),
          h("th", { class: "tall", attrs: { scope: "col" } }, "T"),
          h("th", { class: "tall", attrs: { scope: "col" } }, "Flagg"),
        )),
        h("tbody", {}, ...v.rader.map((r) => h("tr", {},
          h("th", { attrs: { scope: "row" } }, r.termin),
          h("td", { class: "tall" }, r.R),
          h("td", { class: "tall" }, r.T),
          h("td", { class: "tall" }, r.flagg === 0 ? "–" : String(r.flagg)),
        ))),
        h("tfoot", {}, h("tr", {}, h("th", { attrs: { scope: "row" } }, "Sum"), h("td", { class: "tall" }, v.sum.R), h("td", { class: "tall" }, v.sum.T), h("td"))),
      ),
      h("p", { class: "undertekst" }, `AGA som bokføres for året: ${v.aarsAga}.`),
      h("h3", { id: "avstem-flagg-tittel" }, "Flagg"),
      h("p", {}, v.oppsummering),
      v.flagg.length > 0
        ? h(
            "ul",
            { class: "flagg", attrs: { "aria-labelledby": "avstem-flagg-tittel" } },
            ...v.flagg.map((f) =>
              h(
                "li",
                { class: f.kind },
                h("p", {}, h("strong", {}, f.type)),
                h("p", {}, f.melding),
                f.sted ? h("button", { type: "button", class: "lenke", attrs: { "aria-label": `${f.knapp}: ${f.type}` }, on: { click: () => this.app.gaTil(f.sted as NonNullable<typeof f.sted>) } }, f.knapp as string) : null,
              ),
            ),
          )
        : null,
      h("div", { class: "knapper" }, knapp("Gå videre til Bilag", () => this.app.visSteg("bilag"), { id: "avstem-videre" })),
    );
  }
}
