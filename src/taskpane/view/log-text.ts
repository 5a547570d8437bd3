/**
 * The `Logg` row's texts for each write: the action's name and its control totals, all figures
 * from core (sums of the model, vouchers' balances), formatted as the pane shows them.
 */
import { AmeldingFordeling } from "../../core/spk/amelding";
import { bilagSum } from "../../core/voucher/balance";
import { BUDSJETTERING_TEKST, MODUS_TEKST } from "../../core/spk/oppsett";
import { Avstemming, Bilag, Oppsett } from "../../core/spk/types";
import { Tidspunkt } from "../../core/workpaper/logg";
import { antall, kr, prosent } from "./format";

export const HANDLING = {
  oppsett: "Oppsett lagret",
  fyll: "Avstemmingsarket fylt fra import",
  bilag: "Korreksjonsbilag og A-melding skrevet",
  aars: "Årsavslutning lagret",
} as const;

/** The local wall-clock time of `d`, as the log shows it. */
export function tidspunkt(d: Date): Tidspunkt {
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), hour: d.getHours(), minute: d.getMinutes(), second: d.getSeconds() };
}

export function summerOppsett(o: Oppsett): string {
  return [
    `${o.virksomhet || "(uten navn)"} ${o.aar}`,
    `${BUDSJETTERING_TEKST[o.budsjettering]}, ${MODUS_TEKST[o.modus].toLowerCase()}`,
    `AGA-snittsats ${prosent(o.agaSats)}`,
    `toleranse ${kr(o.toleranse)}`,
    `vesentlighetsgrense ${prosent(o.vesentlighetsgrense)}`,
  ].join("; ");
}

/** Column sums of the reconciliation (core's Sum row) and the number of flags. */
export function summerAvstemming(a: Avstemming): string {
  const s = a.sum;
  const cols = (["B", "C", "D", "E", "F", "L", "M", "N", "R", "T"] as const).map((c) => `Σ${c} ${kr(s[c])}`).join(", ");
  return `${cols}; ${antall(a.flags.length, "flagg", "flagg")}`;
}

export function summerBilag(bilag: readonly Bilag[], fordelinger: readonly AmeldingFordeling[] | undefined): string {
  const balanse = bilag.every((b) => {
    return bilagSum(b) === 0;
  });
  const linjer = bilag.reduce((n, b) => n + b.linjer.length, 0);
  const ids = bilag.map((b) => b.id).join(", ");
  const a = fordelinger === undefined ? "A-melding: ikke laget (ingen virksomhetsliste)" : `A-melding: ${antall(fordelinger.length, "fordeling", "fordelinger")}`;
  return `${antall(bilag.length, "bilag", "bilag")}${ids ? ` (${ids})` : ""}, ${antall(linjer, "linje", "linjer")}, ${balanse ? "alle i balanse" : "IKKE i balanse"}; ${a}`;
}

export function summerAars(a: Avstemming): string {
  const saldo = a.saldokontroll.map((s) => `UB ${s.konto} ${kr(s.ub)}`).join(", ");
  const j = a.agaJustering;
  const just = j ? `AGA-justering ${kr(j.justering)} (sats ${prosent(j.nySats)})` : "ingen AGA-justering";
  return `${saldo || "ingen saldoer"}; ${just}`;
}
