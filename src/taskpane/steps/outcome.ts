/** What the steps show after a write: what was written, what was left alone and why. */
import { RunReport } from "../../excel/run";
import { Barn, h } from "../dom";
import { meldingsboks, meldingsliste } from "../felt";
import { antall } from "../view/format";
import { Sted } from "../view/steder";

/** `342 celler skrevet; nye ark: A10 SPK brutto, Logg`. */
export function rapportTekst(r: RunReport): string {
  const deler = [`${antall(r.cellsWritten, "celle", "celler")} skrevet`];
  const nye = r.sheetsCreated.filter((n) => n !== "_lonn");
  if (nye.length > 0) deler.push(`nye ark: ${nye.join(", ")}`);
  if (r.leftAlone.length > 0) deler.push(`${antall(r.leftAlone.length, "celle", "celler")} latt være`);
  return `${deler.join("; ")}.`;
}

/** A result box; cells left alone and the plan's notices listed, each with a way to the cell. */
export function utfall(type: "ok" | "advarsel", tittel: string, tekst: string, r: RunReport, gaTil: (s: Sted) => void, ekstra: readonly Barn[] = []): HTMLElement {
  const latt = r.leftAlone.map((l) => ({ tekst: `${l.sheet}!${l.address}: ${l.reason}`, sted: { ark: l.sheet, adresse: l.address.split(":")[0] } }));
  const merknader = (r.notices ?? []).map((n) => ({ tekst: `${n.sheet}!${n.address}: ${n.message}`, sted: { ark: n.sheet, adresse: n.address.split(":")[0] } }));
  return meldingsboks(type, tittel, [
    h("p", {}, tekst),
    latt.length > 0 ? h("details", {}, h("summary", {}, `Latt være (${latt.length})`), meldingsliste(latt, gaTil)) : null,
    merknader.length > 0 ? h("details", {}, h("summary", {}, `Merknader (${merknader.length})`), meldingsliste(merknader, gaTil)) : null,
    ...ekstra,
  ]);
}
