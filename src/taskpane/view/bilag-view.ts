/**
 * The Bilag step as data: each voucher's lines, its balance (core's `bilagSum`: 0 øre is in
 * balance), the A-melding split per voucher, and what an export held. Nothing is added up here.
 */
import { AmeldingFordeling } from "../../core/spk/amelding";
import { bilagSum } from "../../core/voucher/balance";
import { ExportPlan } from "../../core/voucher/export-record";
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

export interface ExportView {
  readonly type: "ok" | "info" | "advarsel";
  readonly title: string;
  readonly lines: readonly string[];
}

/** What an export held, for the step: its batch and vouchers, a copy marked, or that nothing was new. */
export function exportView(e: ExportPlan): ExportView {
  const same = e.unchanged.length > 0 ? [`Uendret siden forrige eksport: ${e.unchanged.join(", ")}.`] : [];
  if (e.vouchers.length === 0) return { type: "info", title: "Ingen nye bilag å eksportere", lines: [...same, "Ingen fil er laget, og ingenting er ført i «Eksporterte bilag»."] };
  const ids = e.vouchers.map((b) => b.id).join(", ");
  if (e.copy) {
    return { type: "advarsel", title: `Eksportert som KOPI (${e.batchId})`, lines: [`${ids}.`, "Kopien er bokført før: ikke bokfør den på nytt. Den teller ikke som eksportert."] };
  }
  const corrected = e.corrected.length > 0 ? [`Korreksjoner av det som er eksportert før: ${e.corrected.map((c) => `${c.bilagId} (nr. ${c.sekvens - 1})`).join(", ")}.`] : [];
  return { type: "ok", title: `Eksportert ${e.batchId}: ${ids}`, lines: [...corrected, ...same, "Ført i «Eksporterte bilag» og Logg; neste eksport tar bare med det som er nytt etter dette."] };
}
