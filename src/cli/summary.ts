/**
 * `lonn avstem --summary FILE|DIR …`: one line per virksomhet for a shared-service centre with
 * hundreds of agencies. Files are read one at a time and each line is printed as soon as it is
 * known, so memory does not grow with the number of files; a bad file gets its problems on its
 * own line and the others still run.
 */
import { kroner } from "../core/money/ore";
import { oneLine } from "../core/text";
import { formatProblem, isProblems, Problems } from "../core/problem/problem";
import { FlagKind } from "../core/spk/types";
import { reconciliationSheetOf, runSpk, SpkRun } from "../core/usecase/spk";
import { fileName, readTextFile } from "./files";
import { jsonKind, JSON_KIND_TEXT } from "../core/spk/scenario";
import { readSettings, SETTINGS_SHEET } from "../core/workpaper/settings";
import { loadWorkbook } from "./xlsx/workbook";
import { lazySnapshots } from "./xlsx/snapshot";
import { readInput } from "./inputs";
import type { CliIO } from "./io";
import { kr } from "./report/table";
import { isBalanced } from "./report/text";

const KINDS: readonly FlagKind[] = ["uforklart", "vesentlig", "posteringsregel"];
const ALL_KINDS: readonly FlagKind[] = ["uforklart", "vesentlig", "posteringsregel", "saldo", "endretEtterSignering"];

function counts(run: SpkRun): Record<FlagKind, number> {
  const out = Object.fromEntries(ALL_KINDS.map((k) => [k, 0])) as Record<FlagKind, number>;
  for (const f of run.avstemming.flags) out[f.kind]++;
  return out;
}

const W = { virksomhet: 28, aar: 4, budsj: 6, belop: 14, bilag: 5, balanse: 7, flagg: 9 };

function header(): string {
  return [
    "Virksomhet".padEnd(W.virksomhet), "År".padEnd(W.aar), "Budsj.".padEnd(W.budsj),
    "ΣR".padStart(W.belop), "ΣT".padStart(W.belop), "AGA år".padStart(W.belop),
    "Bilag".padStart(W.bilag), "Balanse".padEnd(W.balanse),
    "Uforklart".padStart(W.flagg), "Vesentlig".padStart(W.flagg), "Postering".padStart(W.flagg), "Fil",
  ].join("  ");
}

function line(run: SpkRun, file: string): string {
  const a = run.avstemming;
  const c = counts(run);
  return [
    (oneLine(a.oppsett.virksomhet) || "(uten navn)").padEnd(W.virksomhet), String(a.oppsett.aar).padEnd(W.aar), a.oppsett.budsjettering.padEnd(W.budsj),
    kr(a.sum.R).padStart(W.belop), kr(a.sum.T).padStart(W.belop), kr(a.aarsAga ?? a.sum.T).padStart(W.belop),
    String(run.bilag.length).padStart(W.bilag), (run.bilag.every(isBalanced) ? "ja" : "NEI").padEnd(W.balanse),
    ...KINDS.map((k) => String(c[k]).padStart(W.flagg)), file,
  ].join("  ");
}

/** The problems without the file name in front (the line names the file once). */
const problemsOf = (error: Problems): string[] => error.list.map((p) => formatProblem({ ...p, file: undefined }));

/**
 * Why a file is not an SPK reconciliation to summarise (a folder of lonn's own outputs holds
 * result JSON and trekk workbooks too), or undefined to read it.
 */
async function notReconciled(path: string, sheet: string | undefined): Promise<string | undefined> {
  if (path.toLowerCase().endsWith(".json")) {
    const text = readTextFile(path);
    if (isProblems(text)) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return undefined;
    }
    const kind = jsonKind(json);
    return kind === "scenario" ? undefined : JSON_KIND_TEXT[kind];
  }
  if (path.toLowerCase().endsWith(".xlsx") && sheet === undefined) {
    const wb = await loadWorkbook(path);
    if (isProblems(wb)) return undefined;
    const names = wb.worksheets.map((ws) => ws.name);
    const settings = readSettings(lazySnapshots(wb)(SETTINGS_SHEET));
    const sheet = reconciliationSheetOf(names, isProblems(settings) ? undefined : settings, "brutto") ?? reconciliationSheetOf(names, undefined, "netto");
    return sheet ? undefined : "arbeidsboken har ingen SPK-avstemming (verken A10, A11 eller et avstemmingsark i _lonn)";
  }
  return undefined;
}

/** Runs every file; the exit code is 1 when any file failed, else 0. */
export async function summarize(paths: readonly string[], io: CliIO, json: boolean, sheet?: string): Promise<number> {
  let failed = 0;
  if (!json) io.out(header());
  let skipped = 0;
  for (const path of paths) {
    const file = fileName(path);
    const skip = await notReconciled(path, sheet);
    if (skip) {
      skipped++;
      io.out(json ? JSON.stringify({ fil: file, hoppetOver: skip }) : `HOPPET OVER  ${oneLine(file)}: ${skip}`);
      continue;
    }
    const input = await readInput(path, sheet);
    // A workbook's own `_lonn` counts: its sign-off fingerprints and virksomhet list.
    const r = isProblems(input) ? input : runSpk(input.inputs, input.workbook ? { sheetNames: input.workbook.worksheets.map((ws) => ws.name), snapshots: lazySnapshots(input.workbook), isInput: true } : undefined);
    if (isProblems(r)) {
      failed++;
      const problems = problemsOf(r);
      io.out(json ? JSON.stringify({ fil: file, feil: problems }) : `FEIL  ${oneLine(file)}: ${problems.map(oneLine).join(" | ")}`);
      continue;
    }
    if (json) {
      const a = r.avstemming;
      io.out(JSON.stringify({
        fil: file,
        virksomhet: a.oppsett.virksomhet,
        aar: a.oppsett.aar,
        budsjettering: a.oppsett.budsjettering,
        modus: a.oppsett.modus,
        sumR: kroner(a.sum.R),
        sumT: kroner(a.sum.T),
        aarsAga: a.aarsAga === undefined ? null : kroner(a.aarsAga),
        bilag: r.bilag.length,
        iBalanse: r.bilag.every(isBalanced),
        flagg: counts(r),
      }));
    } else {
      io.out(line(r, file));
    }
  }
  if (!json) io.out(`${paths.length} filer, ${failed} med feil${skipped > 0 ? `, ${skipped} hoppet over (ikke en SPK-avstemming)` : ""}.`);
  return failed > 0 ? 1 : 0;
}
