/** `lonn avstem` without `--json`: the run as a readable Norwegian summary. Every figure is the model's. */
import { Ore } from "../../core/money/ore";
import { SOURCE_NAMES } from "../../core/spk/termin-fields";
import { percentText } from "../../core/money/format";
import { oneLine } from "../../core/text";
import { BUDSJETTERING_TEXT, MODUS_TEXT } from "../../core/spk/oppsett";
import { Bilag, Flag, FlagKind } from "../../core/spk/types";
import { SpkRun } from "../../core/usecase/spk";
import { bilagSum } from "../../core/voucher/balance";
import type { XlsxApplyReport } from "../xlsx/apply-plan";
import { kr, norwegianDate, table } from "./table";
import { append } from "../../core/list";

const FLAG_WORDS: Readonly<Record<FlagKind, string>> = {
  uforklart: "uforklart",
  vesentlig: "vesentlig",
  posteringsregel: "posteringsregel",
  saldo: "saldo",
  endretEtterSignering: "endret etter signering",
};

function flagSummary(flags: readonly Flag[]): string {
  return flags.map((f) => `${FLAG_WORDS[f.kind]} (${f.kolonner.filter((k) => k !== "J").join(", ")})`).join("; ");
}

/** A voucher balances when its lines sum to exactly 0 øre (core's check). */
export const isBalanced = (b: Bilag): boolean => bilagSum(b) === 0;

export function heading(run: SpkRun): string {
  const o = run.avstemming.oppsett;
  return `${oneLine(o.virksomhet) || "(uten navn)"} ${o.aar} – ${BUDSJETTERING_TEXT[o.budsjettering].toLowerCase()}, ${MODUS_TEXT[o.modus].toLowerCase()}, AGA-snittsats ${percentText(o.agaSats)}`;
}

export function terminTable(run: SpkRun): string[] {
  const a = run.avstemming;
  const rows: string[][] = [["Termin", "G", "H", "I", "O", "P", "Q", "R", "T", "Flagg"]];
  for (const t of a.terminer) {
    const missing = t.input.mangler ?? [];
    const sapUnit4 = !missing.includes("sap") && !missing.includes("unit4");
    const shown = (ok: boolean, xs: Ore[]) => xs.map((x) => (ok ? kr(x) : "–"));
    rows.push([`T${t.termin}`, ...shown(sapUnit4, [t.G, t.H, t.I]), ...shown(t.avstemt, [t.O, t.P, t.Q, t.R, t.T]), flagSummary(t.flags)]);
  }
  const s = a.sum;
  rows.push(["Sum", ...[s.G, s.H, s.I, s.O, s.P, s.Q, s.R, s.T].map(kr), ""]);
  const notes = a.terminer.filter((t) => (t.input.mangler ?? []).length > 0).map((t) => {
    const names = (t.input.mangler ?? []).map((k) => SOURCE_NAMES[k]).join(", ");
    return t.avstemt
      ? `T${t.termin}: mangler tall fra ${names}; SAP mot Unit4 (G, H, I) er ikke kontrollert.`
      : `T${t.termin}: ikke avstemt – mangler tall fra ${names}; ingen R, T eller bilag.`;
  });
  return [...table(rows, [0, 9]), ...notes];
}

export function bilagLines(bilag: readonly Bilag[], withLines = true): string[] {
  if (bilag.length === 0) return ["Korreksjonsbilag: ingen (ingen differanse å bokføre)."];
  const balanced = bilag.every(isBalanced);
  const out = [`Korreksjonsbilag: ${bilag.length} bilag, ${balanced ? "alle går i null" : "IKKE alle går i null"}.`];
  for (const b of bilag) {
    out.push(`  ${b.id}  ${norwegianDate(b.dato)}  periode ${b.periode}  ${isBalanced(b) ? "i balanse" : "GÅR IKKE I NULL"}`);
    if (!withLines) continue;
    const rows = b.linjer.map((l) => {
      const dims = Object.entries(l.dimensjoner).map(([n, v]) => `dim_${n}=${v}`).join(" ");
      return [`    ${oneLine(l.konto)}`, kr(l.belop), oneLine(dims), oneLine(l.tekst)];
    });
    append(out, table(rows, [0, 2, 3]));
  }
  return out;
}

/** The whole summary of one run. */
export function resultText(run: SpkRun, sheet?: XlsxApplyReport): string[] {
  const a = run.avstemming;
  const out: string[] = [heading(run), "", ...terminTable(run), ""];
  if (a.oppsett.modus === "arsslutt" && a.aarsAga !== undefined) out.push(`AGA for året (årsslutt, avrundet ΣR × S): ${kr(a.aarsAga)}`, "");
  append(out, [...bilagLines(run.bilag), ""]);
  if (a.agaJustering) {
    const j = a.agaJustering;
    out.push(`AGA-justering: ny sats ${percentText(j.nySats)}, AGA ${kr(j.nyAga)} mot bokført ${kr(j.sumT)}: justering ${kr(j.justering)}.`, "");
  }
  if (a.saldokontroll.length > 0) {
    out.push("Saldokontroll ved årets slutt (UB skal være 0):");
    append(out, [...table([["  Konto", "IB", "Bevegelse", "UB", "Differanse"], ...a.saldokontroll.map((s) => [`  ${s.konto}`, kr(s.ib), kr(s.bevegelse), kr(s.ub), kr(s.differanse)])]), ""]);
  }
  if (run.amelding) {
    out.push(`A-melding: endring i avgiftsgrunnlaget fordelt på ${run.amelding[0]?.rader.length ?? 0} virksomhetsnumre:`);
    const rows = [["  Bilag", "Periode", "Differanse", "AGA per sone", "AGA i bilaget", "Avvik"]];
    for (const f of run.amelding) rows.push([`  ${f.bilagId}`, f.periode, kr(f.differanse), kr(f.sumAga), kr(f.beregnetAga), kr(f.avvik)]);
    append(out, [...table(rows, [0, 1]), ""]);
  }
  if (a.flags.length > 0) {
    out.push("Flagg:");
    for (const f of a.flags) out.push(`  - ${oneLine(f.melding)}`);
    out.push("");
  }
  for (const m of run.inputs.notes) out.push(`Merknad: ${oneLine(m)}`);
  if (sheet) for (const n of sheet.notices) out.push(`Merk: ${n.sheet}!${n.address}: ${n.message}`);
  while (out[out.length - 1] === "") out.pop();
  return out;
}
