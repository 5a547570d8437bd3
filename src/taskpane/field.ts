/**
 * Labelled form controls and message boxes, built from text only. Every control has a `<label for>`
 * (or a legend), its help and error texts are tied to it with aria-describedby, and an error sets
 * aria-invalid.
 */
import { Child, h, newId } from "./dom";
import { Message, Place } from "./view/messages";

export interface Field<E extends HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement = HTMLInputElement> {
  readonly element: HTMLElement;
  readonly input: E;
  setProblem(text?: string): void;
}

interface FieldOptions {
  readonly value?: string;
  readonly help?: string;
  readonly list?: string;
  readonly inputmode?: string;
  readonly autocomplete?: string;
  readonly readonly?: boolean;
  readonly spellcheck?: boolean;
}

function connect<E extends HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(id: string, label: string, input: E, help?: string, after?: Child): Field<E> {
  const helpId = `${id}-hjelp`;
  const problemId = `${id}-feil`;
  const problemText = h("p", { class: "feltfeil", id: problemId });
  problemText.hidden = true;
  input.setAttribute("aria-describedby", help ? `${helpId} ${problemId}` : problemId);
  const element = h("div", { class: "felt" }, h("label", { for: id }, label), input, help ? h("p", { class: "hjelp", id: helpId }, help) : null, after, problemText);
  return {
    element,
    input,
    setProblem(text?: string) {
      problemText.textContent = text ?? "";
      problemText.hidden = !text;
      if (text) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    },
  };
}

export function textField(id: string, label: string, options: FieldOptions = {}, after?: Child): Field {
  const input = h("input", { id, type: "text" });
  input.value = options.value ?? "";
  if (options.list) input.setAttribute("list", options.list);
  if (options.inputmode) input.setAttribute("inputmode", options.inputmode);
  input.setAttribute("autocomplete", options.autocomplete ?? "off");
  input.spellcheck = options.spellcheck ?? false;
  if (options.readonly) input.readOnly = true;
  return connect(id, label, input, options.help, after);
}

export function textArea(id: string, label: string, options: FieldOptions = {}): Field<HTMLTextAreaElement> {
  const input = h("textarea", { id });
  input.value = options.value ?? "";
  input.spellcheck = false;
  if (options.readonly) input.readOnly = true;
  return connect(id, label, input, options.help);
}

export function chooser(id: string, label: string, options: readonly (readonly [string, string])[], value: string, help?: string): Field<HTMLSelectElement> {
  const input = h("select", { id }, ...options.map(([v, text]) => {
    const o = h("option", {}, text);
    o.value = v;
    return o;
  }));
  input.value = value;
  return connect(id, label, input, help);
}

export interface RadioGroup<V extends string> {
  readonly element: HTMLFieldSetElement;
  value(): V;
  set(v: V): void;
  setProblem(text?: string): void;
}

export function radios<V extends string>(name: string, legend: string, options: readonly (readonly [V, string])[], value: V, changed?: (v: V) => void): RadioGroup<V> {
  const problemId = `${name}-feil`;
  const problemText = h("p", { class: "feltfeil", id: problemId });
  problemText.hidden = true;
  const inputs = options.map(([v, text]) => {
    const id = `${name}-${v}`;
    const input = h("input", { id, type: "radio", attrs: { name, value: v } });
    input.checked = v === value;
    if (changed) input.addEventListener("change", () => input.checked && changed(v));
    return { v, input, label: h("label", { for: id }, input, text) };
  });
  const element = h("fieldset", { attrs: { "aria-describedby": problemId } }, h("legend", {}, legend), h("div", { class: "valg" }, ...inputs.map((i) => i.label)), problemText);
  return {
    element,
    value: () => (inputs.find((i) => i.input.checked)?.v ?? options[0][0]) as V,
    set: (v) => inputs.forEach((i) => (i.input.checked = i.v === v)),
    setProblem(text?: string) {
      problemText.textContent = text ?? "";
      problemText.hidden = !text;
    },
  };
}

export function checkbox(id: string, label: string, checked: boolean): { element: HTMLElement; input: HTMLInputElement } {
  const input = h("input", { id, type: "checkbox" });
  input.checked = checked;
  return { element: h("div", { class: "felt valg" }, h("label", { for: id }, input, label)), input };
}

export function actionButton(text: string, click: () => void, options: { primary?: boolean; id?: string } = {}): HTMLButtonElement {
  return h("button", { type: "button", class: options.primary ? "knapp primaer handling" : "knapp handling", ...(options.id ? { id: options.id } : {}), on: { click } }, text);
}

/** A message box; `alert` for errors (announced at once), otherwise a plain region. */
export function messageBox(type: "feil" | "ok" | "info" | "advarsel", title: string, content: readonly Child[] = []): HTMLElement {
  const box = h("div", { class: `melding ${type}`, attrs: type === "feil" ? { role: "alert" } : {} }, h("p", { class: "melding-tittel" }, title), ...content);
  return box;
}

/** A list of messages; those with a place get a button that selects the cell. */
export function messageList(messages: readonly Message[], goTo: (place: Place) => void, max = 50): HTMLElement {
  const shown = messages.slice(0, max);
  const ul = h(
    "ul",
    {},
    ...shown.map((m) =>
      h(
        "li",
        {},
        m.text,
        m.place ? " " : null,
        m.place ? h("button", { type: "button", class: "lenke", attrs: { "aria-label": `Gå til ${m.place.address} i ${m.place.sheet}` }, on: { click: () => goTo(m.place as Place) } }, `Gå til ${m.place.address}`) : null,
      ),
    ),
  );
  if (messages.length > max) ul.appendChild(h("li", {}, `… og ${messages.length - max} til.`));
  return ul;
}

export function section(title: string, ...content: Child[]): HTMLElement {
  const id = newId("seksjon");
  return h("section", { attrs: { "aria-labelledby": id } }, h("h3", { id }, title), ...content);
}

/** A flag as the Avstem steps list it: its type, core's message, and the cell to go to. */
export interface FlagItem {
  readonly kind: string;
  readonly type: string;
  readonly message: string;
  readonly place?: Place;
  /** `Gå til J13`. */
  readonly button?: string;
}

/** The flags under the heading `titleId`, each with a button to its cell; nothing when there are none. */
export function flagList(flags: readonly FlagItem[], titleId: string, goTo: (place: Place) => void): HTMLElement | null {
  if (flags.length === 0) return null;
  return h(
    "ul",
    { class: "flagg", attrs: { "aria-labelledby": titleId } },
    ...flags.map((f) =>
      h(
        "li",
        { class: f.kind },
        h("p", {}, h("strong", {}, f.type)),
        h("p", {}, f.message),
        f.place ? h("button", { type: "button", class: "lenke", attrs: { "aria-label": `${f.button}: ${f.type}` }, on: { click: () => goTo(f.place as Place) } }, f.button as string) : null,
      ),
    ),
  );
}
