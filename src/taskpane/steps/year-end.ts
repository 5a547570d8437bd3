/**
 * Step 5, Årsavslutning: the balance control (IB and the year's movement per control account,
 * which must end at 0), the AGA adjustment with the updated average rate, and status code,
 * signature and date per termin. Saved in one write with its Logg row; the adjustment voucher then
 * comes with the vouchers under Bilag.
 */
import { isProblems } from "../../core/problem/problem";
import { SETTINGS_SHEET } from "../../core/workpaper/settings";
import { terminMonthsLabel } from "../../core/rules/termin";
import { App, Steg } from "../app";
import { erstatt, h } from "../dom";
import { Felt, knapp, meldingsboks, meldingsliste, tekstfelt } from "../felt";
import { lagreAarsavslutning } from "../plans";
import { aarsSkjemaFra, AarsSkjema, justeringVisning, lesAarsSkjema, saldoVisning } from "../view/aars-view";
import { antall } from "../view/format";
import { HANDLING, tidspunkt } from "../view/logg-tekst";
import { regelFeil } from "../view/steder";
import { skriv } from "../workbook";
import { rapportTekst, utfall } from "./felles";

export class AarsSteg implements Steg {
  readonly element = h("div", { id: "panel-aars" });
  private bygdFor: unknown = null;
  private skjema: AarsSkjema | undefined;
  private readonly felt = new Map<string, Felt>();
  private readonly rapport = h("div", { id: "aars-rapport" });
  private readonly resultat = h("div", { id: "aars-resultat" });

  constructor(private readonly app: App) {}

  vis(): void {
    const lest = this.app.tilstand.lest;
    if (!lest) return;
    if (this.bygdFor !== lest || this.element.childElementCount === 0) {
      this.bygdFor = lest;
      this.bygg(aarsSkjemaFra(lest.fromSheet));
    }
    this.visResultat();
  }

  private tekst(key: string, label: string, verdi: string, valg: Parameters<typeof tekstfelt>[2] = {}): HTMLElement {
    const f = tekstfelt(`aars-${key.replace(/\./g, "-")}`, label, { verdi, ...valg });
    this.felt.set(key, f);
    return f.element;
  }

  private bygg(s: AarsSkjema): void {
    this.skjema = s;
    this.felt.clear();
    const lagre = knapp("Lagre årsavslutningen", () => void this.lagre(lagre), { primaer: true, id: "aars-lagre" });
    erstatt(
      this.element,
      h("p", { class: "undertekst" }, "Saldoene skal være 0 ved årets slutt. Signerte terminer står som de er."),
      h(
        "form",
        { attrs: { novalidate: "" }, on: { submit: (e) => { e.preventDefault(); void this.lagre(lagre); } } },
        h("h3", {}, "Saldokontroll"),
        ...s.saldoer.map((f) =>
          h("fieldset", {}, h("legend", {}, `Konto ${f.navn}`), h("div", { class: "rad" },
            this.tekst(`saldo.${f.key}.ib`, "IB 01.01", f.ib, { inputmode: "decimal" }),
            this.tekst(`saldo.${f.key}.bevegelse`, "Bevegelse i år", f.bevegelse, { inputmode: "decimal" }),
          )),
        ),
        h("h3", {}, "AGA-justering"),
        this.tekst("nySats", "Oppdatert AGA-sats (%)", s.nySats, { inputmode: "decimal", hjelp: "Faktisk snittsats til og med periode 11. Tomt: ingen justering." }),
        h("h3", {}, "Signering per termin"),
        ...s.signeringer.map((t) =>
          h(
            "fieldset",
            {},
            h("legend", {}, `T${t.termin} (${terminMonthsLabel(t.termin)})${t.last ? ": signert" : ""}`),
            h("div", { class: "rad" },
              this.tekst(`sign.${t.termin}.status`, "Kode", t.status, { readonly: t.last }),
              this.tekst(`sign.${t.termin}.signatur`, "Signatur", t.signatur, { readonly: t.last }),
              this.tekst(`sign.${t.termin}.dato`, "Dato", t.dato, { readonly: t.last, inputmode: "numeric" }),
            ),
          ),
        ),
        h("p", { class: "hjelp" }, "Koden er avstemmingskoden fra avstemmingsmappen, f.eks. «Kunde følger opp»."),
        h("div", { class: "knapper" }, lagre),
      ),
      this.rapport,
      this.resultat,
    );
  }

  private lesSkjema(): AarsSkjema {
    const s = this.skjema as AarsSkjema;
    const v = (key: string) => this.felt.get(key)?.input.value ?? "";
    return {
      saldoer: s.saldoer.map((f) => ({ ...f, ib: v(`saldo.${f.key}.ib`), bevegelse: v(`saldo.${f.key}.bevegelse`) })),
      nySats: v("nySats"),
      signeringer: s.signeringer.map((t) => ({ ...t, status: v(`sign.${t.termin}.status`), signatur: v(`sign.${t.termin}.signatur`), dato: v(`sign.${t.termin}.dato`) })),
    };
  }

  private async lagre(knappen: HTMLButtonElement): Promise<void> {
    if (this.app.erOpptatt) return;
    const ark = this.app.tilstand.ark;
    if (!ark || !this.skjema) return;
    for (const f of this.felt.values()) f.settFeil();
    const r = lesAarsSkjema(this.lesSkjema());
    if (!r.ok) {
      let forste: HTMLElement | undefined;
      for (const [key, tekst] of Object.entries(r.feil)) {
        const f = this.felt.get(key);
        f?.settFeil(tekst);
        if (f) forste ??= f.input;
      }
      forste?.focus();
      this.app.melding(`Årsavslutningen er ikke lagret: rett ${antall(Object.keys(r.feil).length, "felt", "felt")} som er merket.`);
      return;
    }
    await this.app.kjor(knappen, "Lagrer årsavslutningen …", "skriv", async () => {
      const { rapport, etter } = await skriv(lagreAarsavslutning(ark, r.input, tidspunkt(new Date())), [ark, SETTINGS_SHEET]);
      if (isProblems(rapport)) {
        erstatt(this.rapport, meldingsboks("feil", "Årsavslutningen er ikke lagret", [meldingsliste(regelFeil(rapport, this.app.tilstand.arkListe), this.app.gaTil)]));
        this.app.melding("Årsavslutningen er ikke lagret; se feilene.");
        return;
      }
      this.app.settAvstemming(ark, etter as NonNullable<typeof etter>);
      this.app.tilstand.bilag = undefined;
      this.app.ferdig("aars");
      erstatt(this.rapport, utfall(rapport.leftAlone.length > 0 ? "advarsel" : "ok", `${HANDLING.aars}.`, rapportTekst(rapport), rapport, this.app.gaTil));
      this.bygdFor = null;
      this.vis();
      this.app.melding(`${HANDLING.aars}. ${rapportTekst(rapport)}`);
    }, this.rapport);
  }

  private visResultat(): void {
    const lest = this.app.tilstand.lest;
    if (!lest) return;
    const a = lest.avstemming;
    const saldo = saldoVisning(a.saldokontroll, lest.fromSheet.oppsett);
    const j = a.agaJustering ? justeringVisning(a.agaJustering) : undefined;
    erstatt(
      this.resultat,
      saldo.length > 0
        ? h(
            "table",
            { class: "tabell", id: "aars-saldo" },
            h("caption", {}, "Saldokontroll"),
            h("thead", {}, h("tr", {}, h("th", { attrs: { scope: "col" } }, "Konto"), h("th", { class: "tall", attrs: { scope: "col" } }, "UB"), h("th", { class: "tall", attrs: { scope: "col" } }, "Avvik"))),
            h("tbody", {}, ...saldo.map((s) => h("tr", {}, h("td", {}, s.konto, " ", h("span", { class: s.ok ? "merke ok" : "merke feil" }, s.ok ? "OK" : "Ikke 0")), h("td", { class: "tall" }, s.ub), h("td", { class: "tall" }, s.differanse)))),
          )
        : null,
      j
        ? h(
            "table",
            { class: "tabell", id: "aars-justering" },
            h("caption", {}, "AGA-justering for året"),
            h("tbody", {}, ...j.linjer.map((l) => h("tr", {}, h("th", { attrs: { scope: "row" } }, l.navn), h("td", { class: "tall" }, l.verdi)))),
          )
        : null,
      j ? h("div", { class: "knapper" }, knapp("Lag justeringsbilaget under Bilag", () => this.app.visSteg("bilag"), { id: "aars-til-bilag" })) : null,
    );
  }
}
