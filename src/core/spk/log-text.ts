/**
 * The `Logg` row's texts for each write: the action's name and its control totals, all figures
 * from the model (sums, vouchers' balances), with no-break spaces so a figure never wraps in the log.
 */
import { countText as count, kronerNoBreak as kr, percentNoBreak as percent } from "../money/format";
import { bilagSum } from "../voucher/balance";
import { AmeldingFordeling } from "./amelding";
import { BUDSJETTERING_TEXT, MODUS_TEXT } from "./oppsett";
import { Avstemming, Bilag, Oppsett } from "./types";

export const ACTIONS = {
  oppsett: "Oppsett lagret",
  fill: "Avstemmingsarket fylt fra import",
  bilag: "Korreksjonsbilag og A-melding skrevet",
  yearEnd: "Årsavslutning lagret",
} as const;


export function oppsettTotals(o: Oppsett): string {
  return [
    `${o.virksomhet || "(uten navn)"} ${o.aar}`,
    `${BUDSJETTERING_TEXT[o.budsjettering]}, ${MODUS_TEXT[o.modus].toLowerCase()}`,
    `AGA-snittsats ${percent(o.agaSats)}`,
    `toleranse ${kr(o.toleranse)}`,
    `vesentlighetsgrense ${percent(o.vesentlighetsgrense)}`,
  ].join("; ");
}

/** Column sums of the reconciliation (core's Sum row) and the number of flags. */
export function reconciliationTotals(a: Avstemming): string {
  const s = a.sum;
  const cols = (["B", "C", "D", "E", "F", "L", "M", "N", "R", "T"] as const).map((c) => `Σ${c} ${kr(s[c])}`).join(", ");
  return `${cols}; ${count(a.flags.length, "flagg", "flagg")}`;
}

export function bilagTotals(bilag: readonly Bilag[], fordelinger: readonly AmeldingFordeling[] | undefined): string {
  const balance = bilag.every((b) => {
    return bilagSum(b) === 0;
  });
  const lines = bilag.reduce((n, b) => n + b.linjer.length, 0);
  const ids = bilag.map((b) => b.id).join(", ");
  const a = fordelinger === undefined ? "A-melding: ikke laget (ingen virksomhetsliste)" : `A-melding: ${count(fordelinger.length, "fordeling", "fordelinger")}`;
  return `${count(bilag.length, "bilag", "bilag")}${ids ? ` (${ids})` : ""}, ${count(lines, "linje", "linjer")}, ${balance ? "alle i balanse" : "IKKE i balanse"}; ${a}`;
}

export function yearEndTotals(a: Avstemming): string {
  const saldo = a.saldokontroll.map((s) => `UB ${s.konto} ${kr(s.ub)}`).join(", ");
  const j = a.agaJustering;
  const just = j ? `AGA-justering ${kr(j.justering)} (sats ${percent(j.nySats)})` : "ingen AGA-justering";
  return `${saldo || "ingen saldoer"}; ${just}`;
}
