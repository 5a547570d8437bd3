/**
 * The few DOM helpers the pane needs. Text from the workbook (sheet names, cell contents in
 * messages, explanations) is only ever set as text nodes: there is no innerHTML in the pane, and
 * attribute names never come from data (a test scans the source for both).
 */

export type Child = Node | string | number | null | undefined | false;

export interface ElementProps {
  readonly class?: string;
  readonly id?: string;
  /** `<label for>`. */
  readonly for?: string;
  readonly type?: string;
  readonly attrs?: Readonly<Record<string, string>>;
  readonly on?: { readonly [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

/** `h("p", { class: "hjelp" }, "tekst", h("strong", {}, navn))`: an element with text children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: ElementProps = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.id) el.id = props.id;
  if (props.for) el.setAttribute("for", props.for);
  if (props.type) el.setAttribute("type", props.type);
  for (const [name, value] of Object.entries(props.attrs ?? {})) el.setAttribute(name, value);
  for (const [event, handler] of Object.entries(props.on ?? {})) el.addEventListener(event, handler as EventListener);
  append(el, ...children);
  return el;
}

export function append(el: Element, ...children: Child[]): void {
  for (const b of children) {
    if (b === null || b === undefined || b === false) continue;
    el.appendChild(typeof b === "string" || typeof b === "number" ? document.createTextNode(String(b)) : b);
  }
}

/** Replaces an element's children. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, ...children);
}

let counter = 0;
/** A unique id for label/aria wiring. */
export function newId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}
