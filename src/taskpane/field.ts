/**
 * Labelled form controls and message boxes, built from text only. Every control has a `<label for>`
 * (or a legend), its help and error texts are tied to it with aria-describedby, and an error sets
 * aria-invalid.
 */
import { Barn, h, nyId } from "./dom";
import { Melding, Sted } from "./view/steder";

export interface Felt<E extends HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement = HTMLInputElement> {
  readonly element: HTMLElement;
  readonly input: E;
  settFeil(tekst?: string): void;
}

interface FeltValg {
  readonly verdi?: string;
  readonly hjelp?: string;
  readonly liste?: string;
  readonly inputmode?: string;
  readonly autocomplete?: string;
  readonly readonly?: boolean;
  readonly spellcheck?: boolean;
}

function koble<E extends HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(id: string, label: string, input: E, hjelp?: string, etter?: Barn): Felt<E> {
  const hjelpId = `${id}-hjelp`;
  const feilId = `${id}-feil`;
  const feil = h("p", { class: "feltfeil", id: feilId });
  feil.hidden = true;
  input.setAttribute("aria-describedby", hjelp ? `${hjelpId} ${feilId}` : feilId);
  const element = h("div", { class: "felt" }, h("label", { for: id }, label), input, hjelp ? h("p", { class: "hjelp", id: hjelpId }, hjelp) : null, etter, feil);
  return {
    element,
    input,
    settFeil(tekst?: string) {
      feil.textContent = tekst ?? "";
      feil.hidden = !tekst;
      if (tekst) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    },
  };
}

export function tekstfelt(id: string, label: string, valg: FeltValg = {}, etter?: Barn): Felt {
  const input = h("input", { id, type: "text" });
  input.value = valg.verdi ?? "";
  if (valg.liste) input.setAttribute("list", valg.liste);
  if (valg.inputmode) input.setAttribute("inputmode", valg.inputmode);
  input.setAttribute("autocomplete", valg.autocomplete ?? "off");
  input.spellcheck = valg.spellcheck ?? false;
  if (valg.readonly) input.readOnly = true;
  return koble(id, label, input, valg.hjelp, etter);
}

export function tekstomrade(id: string, label: string, valg: FeltValg = {}): Felt<HTMLTextAreaElement> {
  const input = h("textarea", { id });
  input.value = valg.verdi ?? "";
  input.spellcheck = false;
  if (valg.readonly) input.readOnly = true;
  return koble(id, label, input, valg.hjelp);
}

export function velger(id: string, label: string, valg: readonly (readonly [string, string])[], verdi: string, hjelp?: string): Felt<HTMLSelectElement> {
  const input = h("select", { id }, ...valg.map(([v, tekst]) => {
    const o = h("option", {}, tekst);
    o.value = v;
    return o;
  }));
  input.value = verdi;
  return koble(id, label, input, hjelp);
}

export interface Radiogruppe<V extends string> {
  readonly element: HTMLFieldSetElement;
  verdi(): V;
  sett(v: V): void;
  settFeil(tekst?: string): void;
}

export function radioer<V extends string>(navn: string, legend: string, valg: readonly (readonly [V, string])[], verdi: V, endret?: (v: V) => void): Radiogruppe<V> {
  const feilId = `${navn}-feil`;
  const feil = h("p", { class: "feltfeil", id: feilId });
  feil.hidden = true;
  const inputs = valg.map(([v, tekst]) => {
    const id = `${navn}-${v}`;
    const input = h("input", { id, type: "radio", attrs: { name: navn, value: v } });
    input.checked = v === verdi;
    if (endret) input.addEventListener("change", () => input.checked && endret(v));
    return { v, input, label: h("label", { for: id }, input, tekst) };
  });
  const element = h("fieldset", { attrs: { "aria-describedby": feilId } }, h("legend", {}, legend), h("div", { class: "valg" }, ...inputs.map((i) => i.label)), feil);
  return {
    element,
    verdi: () => (inputs.find((i) => i.input.checked)?.v ?? valg[0][0]) as V,
    sett: (v) => inputs.forEach((i) => (i.input.checked = i.v === v)),
    settFeil(tekst?: string) {
      feil.textContent = tekst ?? "";
      feil.hidden = !tekst;
    },
  };
}

export function avkryssing(id: string, label: string, checked: boolean): { element: HTMLElement; input: HTMLInputElement } {
  const input = h("input", { id, type: "checkbox" });
  input.checked = checked;
  return { element: h("div", { class: "felt valg" }, h("label", { for: id }, input, label)), input };
}

export function knapp(tekst: string, klikk: () => void, valg: { primaer?: boolean; id?: string } = {}): HTMLButtonElement {
  return h("button", { type: "button", class: valg.primaer ? "knapp primaer handling" : "knapp handling", ...(valg.id ? { id: valg.id } : {}), on: { click: klikk } }, tekst);
}

/** A message box; `alert` for errors (announced at once), otherwise a plain region. */
export function meldingsboks(type: "feil" | "ok" | "info" | "advarsel", tittel: string, innhold: readonly Barn[] = []): HTMLElement {
  const box = h("div", { class: `melding ${type}`, attrs: type === "feil" ? { role: "alert" } : {} }, h("p", { class: "melding-tittel" }, tittel), ...innhold);
  return box;
}

/** A list of messages; those with a place get a button that selects the cell. */
export function meldingsliste(meldinger: readonly Melding[], gaTil: (sted: Sted) => void, maks = 50): HTMLElement {
  const vist = meldinger.slice(0, maks);
  const ul = h(
    "ul",
    {},
    ...vist.map((m) =>
      h(
        "li",
        {},
        m.tekst,
        m.sted ? " " : null,
        m.sted ? h("button", { type: "button", class: "lenke", attrs: { "aria-label": `Gå til ${m.sted.adresse} i ${m.sted.ark}` }, on: { click: () => gaTil(m.sted as Sted) } }, `Gå til ${m.sted.adresse}`) : null,
      ),
    ),
  );
  if (meldinger.length > maks) ul.appendChild(h("li", {}, `… og ${meldinger.length - maks} til.`));
  return ul;
}

export function seksjon(tittel: string, ...innhold: Barn[]): HTMLElement {
  const id = nyId("seksjon");
  return h("section", { attrs: { "aria-labelledby": id } }, h("h3", { id }, tittel), ...innhold);
}
