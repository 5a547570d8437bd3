/**
 * The Bilag step as data: each voucher's lines, its balance (core's `bilagSum`: 0 øre is in
 * balance), and the A-melding split per voucher. Nothing is added up here.
 */
import { AmeldingFordeling } from "../../core/spk/amelding";
import { bilagSum } from "../../core/voucher/balance";
import { Bilag, Dimensjon } from "../../core/spk/types";
import { dateText, kr, percent } from "./format";

export interface LineView {
  readonly konto: string;
  readonly belop: string;
  readonly text: string;
  /** `Koststed 1001`, empty when the line has no dimensions. */
  readonly dimensjoner: string;
}

export interface BilagView {
  readonly id: string;
  readonly title: string;
  /** `29.02.2024 · periode 202402`. */
  readonly dato: string;
  readonly lines: readonly LineView[];
  readonly balanced: boolean;
  /** `Sum 0,00: i balanse` or `Sum 12,00: går ikke i null`. */
  readonly balance: string;
}

export function bilagView(bilag: readonly Bilag[], dimensjoner: readonly Dimensjon[]): BilagView[] {
  const name = (n: number) => dimensjoner.find((d) => d.nummer === n)?.navn ?? `dim_${n}`;
  return bilag.map((b) => {
    const sum = bilagSum(b);
    const balanced = sum === 0;
    return {
      id: b.id,
      title: b.tekst,
      dato: `${dateText(b.dato)} · periode ${b.periode}`,
      lines: b.linjer.map((l) => ({
        konto: l.konto,
        belop: kr(l.belop),
        text: l.tekst,
        dimensjoner: Object.entries(l.dimensjoner)
          .filter(([, v]) => v !== "")
          .map(([n, v]) => `${name(Number(n))} ${v}`)
          .join(", "),
      })),
      balanced: balanced,
      balance: `Sum ${kr(sum)}: ${balanced ? "i balanse" : "går ikke i null"}`,
    };
  });
}

export interface AmeldingRowView {
  readonly virksomhet: string;
  readonly sone: string;
  readonly endring: string;
  readonly aga: string;
}

export interface AmeldingView {
  readonly title: string;
  readonly rows: readonly AmeldingRowView[];
  readonly sum: string;
  /** The residual between the zone-rate AGA and the voucher's AGA at the average rate, shown, not hidden. */
  readonly avvik: string;
}

export function ameldingView(fordelinger: readonly AmeldingFordeling[]): AmeldingView[] {
  return fordelinger.map((f) => ({
    title: `${f.termin === null ? "Året" : `T${f.termin}`} · a-melding ${f.periode} · differanse ${kr(f.differanse)}`,
    rows: f.rader.map((r) => ({
      virksomhet: r.navn ? `${r.virksomhetsnummer} ${r.navn}` : r.virksomhetsnummer,
      sone: `${r.sone} (${percent(r.sats)})`,
      endring: kr(r.endringGrunnlag),
      aga: kr(r.aga),
    })),
    sum: `Sum endring ${kr(f.sumEndring)}, AGA ${kr(f.sumAga)}`,
    avvik: `Bilagets AGA med snittsats ${kr(f.beregnetAga)}; avvik ${kr(f.avvik)}`,
  }));
}
