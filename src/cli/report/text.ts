/** `lonn avstem` without `--json`: the run as a readable Norwegian summary. Every figure is the model's. */
import { isRuleError } from "../../core/errors";
import { bilagSumOre } from "../../core/spk/bilag-balanse";
import { prosentTekst } from "../../core/spk/bilag-format";
import { BUDSJETTERING_TEKST, MODUS_TEKST } from "../../core/spk/oppsett";
import { Bilag, Flag, FlagKind } from "../../core/spk/types";
import type { Resultat } from "../pipeline";
import type { XlsxApplyReport } from "../xlsx/apply-plan";
import { kr, norskDato, tabell } from "./table";

const FLAGG_ORD: Readonly<Record<FlagKind, string>> = {
  uforklart: "uforklart",
  vesentlig: "vesentlig",
  posteringsregel: "posteringsregel",
};

function flaggKort(flags: readonly Flag[]): string {
  return flags.map((f) => `${FLAGG_ORD[f.kind]} (${f.kolonner.filter((k) => k !== "J").join(", ")})`).join("; ");
}

/** A voucher balances when its lines sum to exactly 0 øre (core's check). */
export function iBalanse(b: Bilag): boolean {
  const sum = bilagSumOre(b);
  return !isRuleError(sum) && sum === 0;
}

export function overskrift(res: Resultat): string {
  const o = res.avstemming.oppsett;
  return `${o.virksomhet || "(uten navn)"} ${o.aar} – ${BUDSJETTERING_TEKST[o.budsjettering].toLowerCase()}, ${MODUS_TEKST[o.modus].toLowerCase()}, AGA-snittsats ${prosentTekst(o.agaSats)}`;
}

export function terminTabell(res: Resultat): string[] {
  const a = res.avstemming;
  const rows: string[][] = [["Termin", "G", "H", "I", "O", "P", "Q", "R", "T", "Flagg"]];
  for (const t of a.terminer) {
    rows.push([`T${t.termin}`, ...[t.G, t.H, t.I, t.O, t.P, t.Q, t.R, t.T].map(kr), flaggKort(t.flags)]);
  }
  const s = a.sum;
  rows.push(["Sum", ...[s.G, s.H, s.I, s.O, s.P, s.Q, s.R, s.T].map(kr), ""]);
  return tabell(rows, [0, 9]);
}

export function bilagLinjer(bilag: readonly Bilag[], medLinjer = true): string[] {
  if (bilag.length === 0) return ["Korreksjonsbilag: ingen (ingen differanse å bokføre)."];
  const balansert = bilag.every(iBalanse);
  const out = [`Korreksjonsbilag: ${bilag.length} bilag, ${balansert ? "alle går i null" : "IKKE alle går i null"}.`];
  for (const b of bilag) {
    out.push(`  ${b.id}  ${norskDato(b.dato)}  periode ${b.periode}  ${iBalanse(b) ? "i balanse" : "GÅR IKKE I NULL"}`);
    if (!medLinjer) continue;
    const rows = b.linjer.map((l) => {
      const dims = Object.entries(l.dimensjoner).map(([n, v]) => `dim_${n}=${v}`).join(" ");
      return [`    ${l.konto}`, kr(l.belop), dims, l.tekst];
    });
    out.push(...tabell(rows, [0, 2, 3]));
  }
  return out;
}

/** The whole summary of one run. */
export function resultatTekst(res: Resultat, ark?: XlsxApplyReport): string[] {
  const a = res.avstemming;
  const out: string[] = [overskrift(res), "", ...terminTabell(res), ""];
  if (a.oppsett.modus === "arsslutt") out.push(`AGA for året (årsslutt, avrundet ΣR × S): ${kr(a.aarsAga ?? 0)}`, "");
  out.push(...bilagLinjer(res.bilag), "");
  if (a.agaJustering) {
    const j = a.agaJustering;
    out.push(`AGA-justering: ny sats ${prosentTekst(j.nySats)}, AGA ${kr(j.nyAga)} mot bokført ${kr(j.sumT)}: justering ${kr(j.justering)}.`, "");
  }
  if (a.saldokontroll.length > 0) {
    out.push("Saldokontroll ved årets slutt (UB skal være 0):");
    out.push(...tabell([["  Konto", "IB", "Bevegelse", "UB", "Differanse"], ...a.saldokontroll.map((s) => [`  ${s.konto}`, kr(s.ib), kr(s.bevegelse), kr(s.ub), kr(s.differanse)])]), "");
  }
  if (res.amelding) {
    out.push(`A-melding: endring i avgiftsgrunnlaget fordelt på ${res.amelding[0]?.rader.length ?? 0} virksomhetsnumre:`);
    const rows = [["  Bilag", "Periode", "Differanse", "AGA per sone", "AGA i bilaget", "Avvik"]];
    for (const f of res.amelding) rows.push([`  ${f.bilagId}`, f.periode, kr(f.differanse), kr(f.sumAga), kr(f.beregnetAga), kr(f.avvik)]);
    out.push(...tabell(rows, [0, 1]), "");
  }
  if (a.flags.length > 0) {
    out.push("Flagg:");
    for (const f of a.flags) out.push(`  - ${f.melding}`);
    out.push("");
  }
  for (const m of res.grunnlag.merknader) out.push(`Merknad: ${m}`);
  if (ark) for (const n of ark.notices) out.push(`Merk: ${n.sheet}!${n.address}: ${n.message}`);
  while (out[out.length - 1] === "") out.pop();
  return out;
}
