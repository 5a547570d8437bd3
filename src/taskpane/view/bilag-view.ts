/**
 * The Bilag step as data: each voucher's lines, its balance (core's `bilagSum`: 0 øre is in
 * balance), and the A-melding split per voucher. Nothing is added up here.
 */
import { AmeldingFordeling } from "../../core/spk/amelding";
import { bilagSum } from "../../core/voucher/balance";
import { Bilag, Dimensjon } from "../../core/spk/types";
import { datoTekst, kr, prosent } from "./format";

export interface LinjeVisning {
  readonly konto: string;
  readonly belop: string;
  readonly tekst: string;
  /** `Koststed 1001`, empty when the line has no dimensions. */
  readonly dimensjoner: string;
}

export interface BilagVisning {
  readonly id: string;
  readonly tittel: string;
  /** `29.02.2024 · periode 202402`. */
  readonly dato: string;
  readonly linjer: readonly LinjeVisning[];
  readonly iBalanse: boolean;
  /** `Sum 0,00: i balanse` or `Sum 12,00: går ikke i null`. */
  readonly balanse: string;
}

export function bilagVisning(bilag: readonly Bilag[], dimensjoner: readonly Dimensjon[]): BilagVisning[] {
  const navn = (n: number) => dimensjoner.find((d) => d.nummer === n)?.navn ?? `dim_${n}`;
  return bilag.map((b) => {
    const sum = bilagSum(b);
    const iBalanse = sum === 0;
    return {
      id: b.id,
      tittel: b.tekst,
      dato: `${datoTekst(b.dato)} · periode ${b.periode}`,
      linjer: b.linjer.map((l) => ({
        konto: l.konto,
        belop: kr(l.belop),
        tekst: l.tekst,
        dimensjoner: Object.entries(l.dimensjoner)
          .filter(([, v]) => v !== "")
          .map(([n, v]) => `${navn(Number(n))} ${v}`)
          .join(", "),
      })),
      iBalanse,
      balanse: `Sum ${kr(sum)}: ${iBalanse ? "i balanse" : "går ikke i null"}`,
    };
  });
}

export interface AmeldingRadVisning {
  readonly virksomhet: string;
  readonly sone: string;
  readonly endring: string;
  readonly aga: string;
}

export interface AmeldingVisning {
  readonly tittel: string;
  readonly rader: readonly AmeldingRadVisning[];
  readonly sum: string;
  /** The residual between the zone-rate AGA and the voucher's AGA at the average rate, shown, not hidden. */
  readonly avvik: string;
}

export function ameldingVisning(fordelinger: readonly AmeldingFordeling[]): AmeldingVisning[] {
  return fordelinger.map((f) => ({
    tittel: `${f.termin === null ? "Året" : `T${f.termin}`} · a-melding ${f.periode} · differanse ${kr(f.differanse)}`,
    rader: f.rader.map((r) => ({
      virksomhet: r.navn ? `${r.virksomhetsnummer} ${r.navn}` : r.virksomhetsnummer,
      sone: `${r.sone} (${prosent(r.sats)})`,
      endring: kr(r.endringGrunnlag),
      aga: kr(r.aga),
    })),
    sum: `Sum endring ${kr(f.sumEndring)}, AGA ${kr(f.sumAga)}`,
    avvik: `Bilagets AGA med snittsats ${kr(f.beregnetAga)}; avvik ${kr(f.avvik)}`,
  }));
}
