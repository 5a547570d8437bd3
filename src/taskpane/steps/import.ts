/**
 * Step 2, Importer: where the SAP, Unit4 and SPK exports are (a sheet, a range, or pasted text),
 * read and checked by core, and the totals per termin shown before anything is written. Errors are
 * listed with sheet and cell; a click selects the cell.
 */
import { importExports, ImportSources, SheetInput } from "../../core/import";
import { parseCsv } from "../../core/import/csv";
import { isProblems, Problem, rejected } from "../../core/problem/problem";
import { splitSheetAddress } from "../../core/sheet/reference";
import { App, Steg } from "../app";
import { erstatt, h } from "../dom";
import { Felt, knapp, meldingsboks, meldingsliste, tekstfelt, tekstomrade } from "../felt";
import { antall } from "../view/format";
import { importInnstillinger, importSkjemaFra, ImportSkjema, Kilde, KILDE_NAVN, KILDER, lonnsarterFra, sammendrag, SAMPLE_LONNSARTER_TEKST, terminKort } from "../view/import-view";
import { regelFeil } from "../view/steder";
import { lesOmrader, markertOmrade } from "../workbook";

const KORT: Readonly<Record<Kilde, string>> = { sap: "SAP", unit4: "Unit4", spk: "SPK" };

export class ImporterSteg implements Steg {
  readonly element = h("div", { id: "panel-importer" });
  private bygdFor: unknown = null;
  private readonly omrade = new Map<Kilde, Felt>();
  private readonly limt = new Map<Kilde, Felt<HTMLTextAreaElement>>();
  private lonnB!: Felt;
  private lonnC!: Felt;
  private readonly resultat = h("div", { id: "importer-resultat" });

  constructor(private readonly app: App) {}

  vis(): void {
    const t = this.app.tilstand;
    if (this.bygdFor === t.lest && this.element.childElementCount > 0) return;
    this.bygdFor = t.lest;
    this.bygg(importSkjemaFra(t.settings?.andre ?? {}, t.arkListe));
  }

  private bygg(s: ImportSkjema): void {
    this.omrade.clear();
    this.limt.clear();
    const kilder = KILDER.map((k) => {
      const felt = tekstfelt(`import-${k}`, `${KILDE_NAVN[k]}: ark eller område`, {
        verdi: s.kilder[k].omrade,
        liste: "import-arkliste",
        hjelp: `F.eks. ${KORT[k]} eller '${KORT[k]} eksport'!A1:H200.`,
      });
      const limt = tekstomrade(`import-${k}-limt`, `Lim inn ${KORT[k]}-eksporten (CSV eller fra Excel)`, { hjelp: "Brukes i stedet for området når den ikke er tom." });
      this.omrade.set(k, felt);
      this.limt.set(k, limt);
      return h(
        "div",
        { class: "kort" },
        felt.element,
        h("div", { class: "knapper" }, knapp("Bruk markert område", () => void this.brukMarkert(k), { id: `import-${k}-markert` })),
        h("details", {}, h("summary", {}, "Lim inn tekst i stedet"), limt.element),
      );
    });
    this.lonnB = tekstfelt("import-lonnsarter-b", "Lønnsarter for arbeidsgiverandel (B)", { verdi: s.lonnsarterB, hjelp: "Fra CUS&OPAL34, skilt med komma." });
    this.lonnC = tekstfelt("import-lonnsarter-c", "Lønnsarter for medlemsinnskudd (C)", { verdi: s.lonnsarterC, hjelp: "Fra CUS&OPAL75." });
    const les = knapp("Les inn og forhåndsvis", () => void this.les(les), { primaer: true, id: "import-les" });
    erstatt(
      this.element,
      h("p", { class: "undertekst" }, "Ingenting skrives før du fyller arket under Avstem."),
      h("datalist", { id: "import-arkliste" }, ...this.app.tilstand.arkListe.map((a) => {
        const o = h("option");
        o.value = a;
        return o;
      })),
      h(
        "form",
        { attrs: { novalidate: "" }, on: { submit: (e) => { e.preventDefault(); void this.les(les); } } },
        ...kilder,
        h(
          "details",
          {},
          h("summary", {}, "Lønnsarter i SAP"),
          h("p", { class: "hjelp" }, `Tomme felt: eksempelets lønnsarter (${SAMPLE_LONNSARTER_TEKST}) brukes, og importen sier fra. Virksomhetens egne lagres i arbeidsboken når arket fylles.`),
          this.lonnB.element,
          this.lonnC.element,
        ),
        h("div", { class: "knapper" }, les),
      ),
      this.resultat,
    );
    if (this.app.tilstand.import) this.visForhandsvisning();
  }

  private skjema(): ImportSkjema {
    return {
      kilder: Object.fromEntries(KILDER.map((k) => [k, { omrade: this.omrade.get(k)?.input.value ?? "", limtInn: this.limt.get(k)?.input.value ?? "" }])) as ImportSkjema["kilder"],
      lonnsarterB: this.lonnB.input.value,
      lonnsarterC: this.lonnC.input.value,
    };
  }

  private async brukMarkert(k: Kilde): Promise<void> {
    await this.app.kjor(null, "Henter markert område …", "les", async () => {
      const felt = this.omrade.get(k) as Felt;
      felt.input.value = await markertOmrade();
      felt.settFeil();
      this.app.melding(`${KORT[k]}: ${felt.input.value}.`);
    });
  }

  private async les(knappen: HTMLButtonElement): Promise<void> {
    if (this.app.erOpptatt) return;
    const lest = this.app.tilstand.lest;
    if (!lest) return;
    const s = this.skjema();
    for (const f of [...this.omrade.values(), ...this.limt.values(), this.lonnB, this.lonnC]) f.settFeil();
    const lonnsarter = lonnsarterFra(s);
    if (lonnsarter && "feil" in lonnsarter) {
      this.lonnB.settFeil(lonnsarter.feil);
      this.lonnB.input.focus();
      return;
    }
    // Pasted text is parsed here; ranges are checked against the sheets before Excel is asked.
    const limte: Partial<Record<Kilde, SheetInput>> = {};
    const adresser: Partial<Record<Kilde, string>> = {};
    const feil: Problem[] = [];
    const ark = new Set(this.app.tilstand.arkListe.map((a) => a.toLowerCase()));
    for (const k of KILDER) {
      const tekst = s.kilder[k].limtInn;
      const adresse = s.kilder[k].omrade.trim();
      if (tekst.trim() !== "") {
        const sheet = `${KORT[k]} (limt inn)`;
        const parsed = parseCsv(tekst, { sheet });
        if (!isProblems(parsed)) limte[k] = { sheet, values: parsed.values };
        else feil.push(...parsed.list);
      } else if (adresse !== "") {
        const navn = adresse.includes("!") ? splitSheetAddress(adresse).sheet : adresse;
        if (!ark.has(navn.toLowerCase())) (this.omrade.get(k) as Felt).settFeil(`Fant ikke arket «${navn}» i arbeidsboken.`);
        else adresser[k] = adresse;
      }
    }
    const tomme = KILDER.every((k) => s.kilder[k].limtInn.trim() === "" && s.kilder[k].omrade.trim() === "");
    if (tomme) {
      (this.omrade.get("sap") as Felt).settFeil("Velg minst én eksport: skriv et ark eller område, eller lim inn tekst.");
      (this.omrade.get("sap") as Felt).input.focus();
      return;
    }
    const ugyldig = KILDER.find((k) => this.omrade.get(k)?.input.getAttribute("aria-invalid") === "true");
    if (ugyldig) {
      this.omrade.get(ugyldig)?.input.focus();
      this.app.melding("Rett feltene som er merket.");
      return;
    }
    this.app.tilstand.import = undefined;
    await this.app.kjor(knappen, "Leser og kontrollerer eksportene …", "les", async () => {
      const read = await lesOmrader(adresser);
      const sources: Record<string, SheetInput> = { ...limte };
      for (const [k, r] of Object.entries(read)) if (r) sources[k] = { sheet: r.sheet, values: r.values, origin: r.origin };
      const oppsett = lest.fromSheet.oppsett;
      const result =
        feil.length > 0
          ? rejected("Importen", feil)
          : importExports(sources as ImportSources, { aar: oppsett.aar, budsjettering: oppsett.budsjettering, kontoer: oppsett.kontoer, ...(lonnsarter ? { sap: { lonnsarter } } : {}) });
      if (isProblems(result)) {
        const meldinger = regelFeil(result, this.app.tilstand.arkListe);
        erstatt(
          this.resultat,
          meldingsboks("feil", `Importen ble avvist (${antall(result.list.length, "feil", "feil")}); ingenting er skrevet`, [
            h("p", {}, "Rett cellene under i eksporten (eller velg riktig område) og les inn på nytt."),
            meldingsliste(meldinger, this.app.gaTil),
          ]),
        );
        this.resultat.scrollIntoView({ block: "start" });
        this.app.melding(`Importen ble avvist med ${antall(result.list.length, "feil", "feil")}.`);
        return;
      }
      const kilder = KILDER.filter((k) => sources[k]).map((k) => sources[k].sheet).join(", ");
      this.app.tilstand.import = { data: result, lestMed: oppsett, andre: importInnstillinger(s), kilder };
      this.app.ferdig("importer");
      this.visForhandsvisning();
      this.resultat.scrollIntoView({ block: "start" });
      this.app.melding(`Leste ${kilder}. Se over tallene per termin; ingenting er skrevet ennå.`);
    }, this.resultat);
  }

  private visForhandsvisning(): void {
    const imp = this.app.tilstand.import;
    if (!imp) return;
    const { data } = imp;
    const kort = terminKort(data);
    erstatt(
      this.resultat,
      meldingsboks("ok", "Eksportene er lest; ingenting er skrevet ennå", [
        h("ul", {}, ...data.summaries.map((s) => h("li", {}, sammendrag(s)))),
        h("div", { class: "knapper" }, knapp("Gå videre til Avstem", () => this.app.visSteg("avstem"), { id: "import-videre" })),
      ]),
      data.notes.length > 0 ? meldingsboks("advarsel", "Merk", [h("ul", {}, ...data.notes.map((n) => h("li", {}, n)))]) : null,
      h("h3", {}, "Totaler per termin"),
      ...kort.map((c, i) => {
        const d = h(
          "details",
          { class: "termin" },
          h("summary", {}, c.tittel),
          h(
            "table",
            { class: "tabell kort-tabell" },
            h("caption", { class: "visuelt-skjult" }, c.tittel),
            h("thead", {}, h("tr", {}, h("th", { attrs: { scope: "col" } }, "Kolonne"), h("th", { class: "tall", attrs: { scope: "col" } }, "Beløp"))),
            h(
              "tbody",
              {},
              ...(c.linjer.length === 0
                ? [h("tr", {}, h("td", { attrs: { colspan: "2" } }, "Ingen linjer i eksportene."))]
                : c.linjer.map((l) => h("tr", {}, h("th", { attrs: { scope: "row" } }, `${l.kolonne} ${l.navn}`), h("td", { class: "tall" }, l.verdi)))),
            ),
          ),
          h("p", { class: "undertekst" }, c.rader),
        );
        d.open = i === 0;
        return d;
      }),
    );
  }
}
