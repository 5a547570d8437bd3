/** A voucher as the Bilag steps show it: its lines (account, text with dimensions, amount) and its balance, open. */
import { Child, h } from "../dom";
import { BilagView } from "../view/bilag-view";

export function bilagDetails(v: BilagView, ...extra: Child[]): HTMLElement {
  return h(
    "details",
    { class: "bilag", attrs: { open: "" } },
    h("summary", {}, `${v.id} · ${v.dato}`),
    h(
      "table",
      { class: "tabell" },
      h("caption", { class: "visuelt-skjult" }, `${v.id} · ${v.dato}`),
      h("thead", {}, h("tr", {}, h("th", { attrs: { scope: "col" } }, "Konto"), h("th", { attrs: { scope: "col" } }, "Tekst"), h("th", { class: "tall", attrs: { scope: "col" } }, "Beløp"))),
      h("tbody", {}, ...v.lines.map((l) => h("tr", {}, h("td", {}, l.konto), h("td", {}, l.text, l.dimensjoner ? ` · ${l.dimensjoner}` : null), h("td", { class: "tall" }, l.belop)))),
    ),
    h("p", {}, h("span", { class: v.balanced ? "merke ok" : "merke feil" }, v.balance)),
    ...extra,
  );
}
