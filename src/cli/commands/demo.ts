/**
 * `lonn demo [MAPPE]` (`npm run demo`): the whole job on the bundled sample exports, on a machine
 * without Excel. For each sample agency it reads the SAP, Unit4 and SPK exports with the agency's
 * oppsett (assets/samples/<set>/oppsett.json), reconciles, and writes the filled workbook (A10/A11,
 * Korreksjonsbilag, A-melding fordeling, _lonn), the vouchers as CSV and Unit4 GL07, and the
 * `--json` result, into one folder (default ./demo-output). It is `lonn avstem --sap … --unit4 …
 * --spk … --oppsett …` run twice, through the same functions.
 */
import { existsSync } from "fs";
import { join, relative, resolve } from "path";
import { isRuleError, RuleError } from "../../core/errors";
import { prosentTekst } from "../../core/spk/bilag-format";
import { parseArgs } from "../args";
import { skrivFiler } from "../files";
import { lesEksporter } from "../inputs";
import type { CliIO } from "../io";
import { Fil, kjor, lagUtdata, Resultat } from "../pipeline";
import { resultatJson } from "../report/json";
import { kr, norskDato, tabell } from "../report/table";
import { iBalanse, overskrift } from "../report/text";

/** The bundled samples: three levels up from src/cli/commands (ts) and lib/cli/commands (compiled). */
export const SAMPLES = resolve(__dirname, "..", "..", "..", "assets", "samples");

export const DEMO_SETT = [
  { mappe: "eksempeletaten", navn: "eksempeletaten-2024" },
  { mappe: "nettoetaten", navn: "nettoetaten-2024" },
] as const;

export const DEMO_MAPPE = "demo-output";

const BRUK = "Bruk: lonn demo [MAPPE]   (standard ./demo-output)";

function problemLines(error: RuleError): string[] {
  const list = (error as RuleError & { problems?: readonly string[] }).problems;
  return list ? [...list] : error.message.split("\n");
}

function demoTabell(res: Resultat): string[] {
  const a = res.avstemming;
  const rows = [["Termin", "Q", "R", "T", "Flagg"]];
  for (const t of a.terminer) rows.push([`T${t.termin}`, kr(t.Q), kr(t.R), kr(t.T), t.flags.map((f) => f.kind).join(", ")]);
  rows.push(["Sum", kr(a.sum.Q), kr(a.sum.R), kr(a.sum.T), ""]);
  return tabell(rows, [0, 4]).map((l) => `  ${l}`);
}

function demoBilag(res: Resultat): string[] {
  if (res.bilag.length === 0) return ["  Korreksjonsbilag: ingen."];
  const all = res.bilag.every(iBalanse);
  const out = [`  Korreksjonsbilag: ${res.bilag.length} bilag, ${all ? "alle går i null" : "IKKE alle går i null"}:`];
  out.push(...tabell(res.bilag.map((b) => [`    ${b.id}`, norskDato(b.dato), `${b.linjer.length} linjer`, iBalanse(b) ? "i balanse" : "GÅR IKKE I NULL"]), [0, 1, 3]));
  return out;
}

function demoTekst(res: Resultat, filer: readonly { type: string; sti: string }[]): string[] {
  const a = res.avstemming;
  const out = [overskrift(res), ...demoTabell(res)];
  if (a.oppsett.modus === "arsslutt") out.push(`  AGA for året (årsslutt, avrundet ΣR × S): ${kr(a.aarsAga ?? 0)}`);
  if (a.agaJustering) out.push(`  AGA-justering til oppdatert snittsats ${prosentTekst(a.agaJustering.nySats)}: ${kr(a.agaJustering.justering)}`);
  out.push(...demoBilag(res));
  if (res.amelding) {
    const n = res.amelding[0]?.rader.length ?? 0;
    out.push(`  A-melding: ${res.amelding.length} endring(er) i avgiftsgrunnlaget fordelt på ${n} virksomhetsnumre.`);
  }
  out.push("  Filer:", ...filer.map((f) => `    ${f.type.padEnd(5)} ${f.sti}`));
  return out;
}

export async function demo(args: string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, {});
  if (parsed.problems.length > 0 || parsed.positional.length > 1) {
    io.err([...parsed.problems, ...(parsed.positional.length > 1 ? ["Bare én mappe."] : []), BRUK].join("\n"));
    return 2;
  }
  const mappe = resolve(parsed.positional[0] ?? DEMO_MAPPE);
  if (!existsSync(SAMPLES)) {
    io.err(`Fant ikke eksempeldataene i ${SAMPLES}.`);
    return 1;
  }

  // Everything is built before anything is written.
  const runs: { res: Resultat; filer: Fil[] }[] = [];
  for (const sett of DEMO_SETT) {
    const dir = join(SAMPLES, sett.mappe);
    const grunnlag = await lesEksporter(
      { sap: join(dir, "sap-lonnsarter-2024.csv"), unit4: join(dir, "unit4-saldo-2024.csv"), spk: join(dir, "spk-faktura-2024.csv") },
      join(dir, "oppsett.json"),
      {},
    );
    const res = isRuleError(grunnlag) ? grunnlag : kjor(grunnlag);
    if (isRuleError(res)) {
      io.err([`Demoen stoppet på ${sett.mappe}:`, ...problemLines(res), "Ingenting er skrevet."].join("\n"));
      return 1;
    }
    const base = join(mappe, sett.navn);
    const utdata = await lagUtdata(res, { xlsx: `${base}.xlsx`, csv: `${base}-bilag.csv`, gl07: `${base}-bilag-gl07.dat` });
    if (isRuleError(utdata)) {
      io.err([`Demoen stoppet på ${sett.mappe}:`, ...problemLines(utdata), "Ingenting er skrevet."].join("\n"));
      return 1;
    }
    const json = JSON.stringify(resultatJson(res), null, 2) + "\n";
    runs.push({ res, filer: [...utdata.filer, { type: "json", sti: `${base}.json`, innhold: Buffer.from(json, "utf8") }] });
  }
  const written = skrivFiler(runs.flatMap((r) => r.filer));
  if (isRuleError(written)) {
    io.err(problemLines(written).join("\n"));
    return 1;
  }

  const shown = (sti: string) => {
    const rel = relative(process.cwd(), resolve(sti));
    return rel.startsWith("..") ? resolve(sti) : rel;
  };
  const out = [`lonn demo: SPK-avstemming 2024 på eksempeldataene i assets/samples, skrevet til ${mappe}`, ""];
  for (const r of runs) out.push(...demoTekst(r.res, r.filer.map((f) => ({ type: f.type, sti: shown(f.sti) }))), "");
  out.push(
    "Arbeidsbøkene regner med vanlige formler (ingen LONN.-funksjoner), så de kan åpnes i Excel eller LibreOffice uten tillegget.",
    "Samme kjøring for én virksomhet: lonn avstem --sap … --unit4 … --spk … --oppsett assets/samples/eksempeletaten/oppsett.json --xlsx UT.xlsx",
    "Les en utfylt arbeidsbok tilbake: lonn avstem UT.xlsx --json",
  );
  io.out(out.join("\n"));
  return 0;
}
