/**
 * `lonn avstem --summary FILE|DIR …`: one line per virksomhet for a shared-service centre with
 * hundreds of agencies. Files are read one at a time and each line is printed as soon as it is
 * known, so memory does not grow with the number of files; a bad file gets its problems on its
 * own line and the others still run.
 */
import { isRuleError } from "../core/errors";
import { FlagKind } from "../core/spk/types";
import { filnavn } from "./files";
import { lesInndata } from "./inputs";
import type { CliIO } from "./io";
import { kjor, Resultat } from "./pipeline";
import { kr } from "./report/table";
import { iBalanse } from "./report/text";

const KINDS: readonly FlagKind[] = ["uforklart", "vesentlig", "posteringsregel"];

function counts(res: Resultat): Record<FlagKind, number> {
  const out = { uforklart: 0, vesentlig: 0, posteringsregel: 0 } as Record<FlagKind, number>;
  for (const f of res.avstemming.flags) out[f.kind]++;
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

function line(res: Resultat, fil: string): string {
  const a = res.avstemming;
  const c = counts(res);
  return [
    (a.oppsett.virksomhet || "(uten navn)").padEnd(W.virksomhet), String(a.oppsett.aar).padEnd(W.aar), a.oppsett.budsjettering.padEnd(W.budsj),
    kr(a.sum.R).padStart(W.belop), kr(a.sum.T).padStart(W.belop), kr(a.aarsAga ?? a.sum.T).padStart(W.belop),
    String(res.bilag.length).padStart(W.bilag), (res.bilag.every(iBalanse) ? "ja" : "NEI").padEnd(W.balanse),
    ...KINDS.map((k) => String(c[k]).padStart(W.flagg)), fil,
  ].join("  ");
}

/** The problems without the file name in front (the line names the file once). */
function problemsOf(error: { message: string; problems?: readonly string[] }, fil: string): string[] {
  const list = error.problems ? [...error.problems] : error.message.split("\n");
  return list.map((p) => (p.startsWith(`${fil}: `) ? p.slice(fil.length + 2) : p));
}

/** Runs every file; the exit code is 1 when any file failed, else 0. */
export async function oppsummer(paths: readonly string[], io: CliIO, json: boolean, ark?: string): Promise<number> {
  let failed = 0;
  if (!json) io.out(header());
  for (const path of paths) {
    const fil = filnavn(path);
    const input = await lesInndata(path, ark);
    const r = isRuleError(input) ? input : kjor(input.grunnlag);
    if (isRuleError(r)) {
      failed++;
      const problems = problemsOf(r, fil);
      io.out(json ? JSON.stringify({ fil, feil: problems }) : `FEIL  ${fil}: ${problems.join(" | ")}`);
      continue;
    }
    if (json) {
      const a = r.avstemming;
      io.out(JSON.stringify({
        fil,
        virksomhet: a.oppsett.virksomhet,
        aar: a.oppsett.aar,
        budsjettering: a.oppsett.budsjettering,
        modus: a.oppsett.modus,
        sumR: a.sum.R,
        sumT: a.sum.T,
        aarsAga: a.aarsAga ?? null,
        bilag: r.bilag.length,
        iBalanse: r.bilag.every(iBalanse),
        flagg: counts(r),
      }));
    } else {
      io.out(line(r, fil));
    }
  }
  if (!json) io.out(`${paths.length} filer, ${failed} med feil.`);
  return failed > 0 ? 1 : 0;
}
