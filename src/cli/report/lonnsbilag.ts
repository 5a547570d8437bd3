/**
 * `lonn lonnsbilag`'s report: `--json` as `lonn avstem --json` gives vouchers, `{ "bilag": [ {
 * "konto", "belop", "tekst", … } ] }` (signed, debit positive, kroner as JSON numbers), with each
 * pay run's figures under `lonnskjoringer`; and the Norwegian text without `--json`. Every figure
 * is the model's; nothing is computed here.
 */
import { kroner } from "../../core/money/ore";
import { percentText } from "../../core/money/format";
import { AgaPerSone, Lonnsbilag } from "../../core/payroll/lonnsbilag";
import { oneLine } from "../../core/text";
import { LonnsbilagRun } from "../../core/usecase/lonnsbilag";
import { bilagSum } from "../../core/voucher/balance";
import type { XlsxApplyReport } from "../xlsx/apply-plan";
import { kr, norwegianDate, table } from "./table";
import { append } from "../../core/list";

export interface LonnsbilagJsonExtras {
  readonly files?: readonly { readonly type: string; readonly path: string }[];
  readonly sheet?: XlsxApplyReport;
  readonly exported?: { readonly batchId: string; readonly bilag: readonly string[]; readonly unchanged: readonly string[] };
}

const zoneJson = (z: AgaPerSone) => ({ sone: z.sone, grunnlag: kroner(z.grunnlag), sats: z.sats, aga: kroner(z.aga) });

function runJson(l: Lonnsbilag) {
  return {
    bilagId: l.bilag.id,
    dato: l.bilag.dato,
    nettolonn: l.nettolonn.map((n) => ({ navn: n.navn, netto: kroner(n.netto) })),
    agaPerSone: l.agaPerSone.map(zoneJson),
    ekstraAga: kroner(l.ekstraAga),
    sumAga: kroner(l.sumAga),
    feriepenger: kroner(l.feriepenger),
    agaFeriepengerPerSone: l.agaFeriepengerPerSone.map(zoneJson),
  };
}

export function lonnsbilagJson(run: LonnsbilagRun, extras: LonnsbilagJsonExtras = {}): Record<string, unknown> {
  const j = run.inputs.journal;
  return {
    kilde: run.inputs.source,
    virksomhet: j.virksomhet ?? null,
    orgnr: j.orgnr ?? null,
    bilag: run.bilag.flatMap((b) =>
      b.linjer.map((l) => ({
        termin: l.termin, konto: l.konto, belop: kroner(l.belop), bilagId: b.id, linje: l.linje, tekst: l.tekst,
        dimensjoner: l.dimensjoner, dato: b.dato, periode: b.periode,
      })),
    ),
    bilagsoversikt: run.bilag.map((b) => ({ bilagId: b.id, tekst: b.tekst, dato: b.dato, periode: b.periode, linjer: b.linjer.length, sum: kroner(bilagSum(b)), iBalanse: bilagSum(b) === 0 })),
    lonnskjoringer: run.lonnsbilag.map(runJson),
    importmerknader: run.inputs.notes,
    ...(extras.files ? { filer: extras.files.map((f) => ({ type: f.type, sti: f.path })) } : {}),
    ...(extras.sheet ? { ark: { ikkeSkrevet: extras.sheet.leftAlone, merknader: extras.sheet.notices } } : {}),
    ...(extras.exported ? { eksportert: extras.exported } : {}),
  };
}

/** Without `--json`: per pay run the voucher's lines, net pay and AGA. */
export function lonnsbilagText(run: LonnsbilagRun): string[] {
  const j = run.inputs.journal;
  const out = [`Lønnsbilag${j.virksomhet ? ` – ${oneLine(j.virksomhet)}` : ""} (${run.bilag.length} ${run.bilag.length === 1 ? "bilag" : "bilag, ett per utbetalingsdato"})`];
  for (const l of run.lonnsbilag) {
    const b = l.bilag;
    out.push("", `${b.id}  ${norwegianDate(b.dato)}  ${oneLine(b.tekst)}  (${bilagSum(b) === 0 ? "i balanse" : "GÅR IKKE I NULL"})`);
    append(out, table([["Konto", "Beløp", "Tekst"], ...b.linjer.map((x) => [x.konto, kr(x.belop), oneLine(x.tekst)])], [0, 2]).map((s) => `  ${s}`));
    const zones = (list: readonly AgaPerSone[]) => list.map((z) => `sone ${z.sone} ${percentText(z.sats)} ${kr(z.aga)}`).join("; ");
    out.push(`  ${l.nettolonn.length} lønnsmottakere. AGA ${kr(l.sumAga)}: ${zones(l.agaPerSone)}${l.ekstraAga !== 0 ? `; ekstra AGA ${kr(l.ekstraAga)}` : ""}.`);
    if (l.feriepenger !== 0) out.push(`  Feriepenger avsatt ${kr(l.feriepenger)}; AGA av feriepengene: ${zones(l.agaFeriepengerPerSone)}.`);
  }
  return out;
}
