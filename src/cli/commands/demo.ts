/**
 * `lonn demo [MAPPE]` (`npm run demo`): the whole job on the bundled sample exports, on a machine
 * without Excel. For each sample agency it reads the SAP, Unit4 and SPK exports with the agency's
 * oppsett (assets/samples/<set>/oppsett.json), reconciles, and writes the filled workbook (A10/A11,
 * Korreksjonsbilag, A-melding fordeling, _lonn), the vouchers as CSV and Unit4 GL07, and the
 * `--json` result, into one folder (default ./demo-output). It is `lonn avstem --sap … --unit4 …
 * --spk … --oppsett …` run twice, through the same functions.
 */
import ExcelJS from "exceljs";
import { timestamp } from "../../core/spk/log-text";
import { existsSync } from "fs";
import { join, relative, resolve } from "path";
import { percentText } from "../../core/money/format";
import { isProblems } from "../../core/problem/problem";
import { exportBlockers, planSpkExport, runSpk, SpkRun } from "../../core/usecase/spk";
import { parseArgs } from "../args";
import { OutputFile, writeFiles } from "../files";
import { readExportFiles } from "../inputs";
import type { CliIO } from "../io";
import { buildOutputs } from "../outputs";
import { resultJson } from "../report/json";
import { kr, norwegianDate, table } from "../report/table";
import { heading, isBalanced } from "../report/text";
import { trekkJson } from "../report/trekk";
import { buildTrekkOutputs } from "../trekk-outputs";
import { localNow, runTrekkFile } from "./trekk";

/** The bundled samples: three levels up from src/cli/commands (ts) and lib/cli/commands (compiled). */
export const SAMPLES = resolve(__dirname, "..", "..", "..", "assets", "samples");

export const DEMO_SETS = [
  { folder: "eksempeletaten", name: "eksempeletaten-2024" },
  { folder: "nettoetaten", name: "nettoetaten-2024" },
] as const;

export const DEMO_FOLDER = "demo-output";

/** The trekk and AGA sample (a scenario until the readers' sample of a-melding, ledger and payroll replaces it). */
export const DEMO_TREKK = { file: join("trekk-scenario", "scenario.json"), name: "trekk-2026" } as const;

const USAGE = "Bruk: lonn demo [MAPPE]   (standard ./demo-output)";

function demoTable(run: SpkRun): string[] {
  const a = run.avstemming;
  const rows = [["Termin", "Q", "R", "T", "Flagg"]];
  for (const t of a.terminer) rows.push([`T${t.termin}`, kr(t.Q), kr(t.R), kr(t.T), t.flags.map((f) => f.kind).join(", ")]);
  rows.push(["Sum", kr(a.sum.Q), kr(a.sum.R), kr(a.sum.T), ""]);
  return table(rows, [0, 4]).map((l) => `  ${l}`);
}

function demoBilag(run: SpkRun): string[] {
  if (run.bilag.length === 0) return ["  Korreksjonsbilag: ingen."];
  const all = run.bilag.every(isBalanced);
  const out = [`  Korreksjonsbilag: ${run.bilag.length} bilag, ${all ? "alle går i null" : "IKKE alle går i null"}:`];
  out.push(...table(run.bilag.map((b) => [`    ${b.id}`, norwegianDate(b.dato), `${b.linjer.length} linjer`, isBalanced(b) ? "i balanse" : "GÅR IKKE I NULL"]), [0, 1, 3]));
  return out;
}

function demoText(run: SpkRun, files: readonly { type: string; path: string }[]): string[] {
  const a = run.avstemming;
  const out = [heading(run), ...demoTable(run)];
  if (a.oppsett.modus === "arsslutt" && a.aarsAga !== undefined) out.push(`  AGA for året (årsslutt, avrundet ΣR × S): ${kr(a.aarsAga)}`);
  if (a.agaJustering) out.push(`  AGA-justering til oppdatert snittsats ${percentText(a.agaJustering.nySats)}: ${kr(a.agaJustering.justering)}`);
  out.push(...demoBilag(run));
  if (run.amelding) {
    const n = run.amelding[0]?.rader.length ?? 0;
    out.push(`  A-melding: ${run.amelding.length} endring(er) i avgiftsgrunnlaget fordelt på ${n} virksomhetsnumre.`);
  }
  out.push("  Filer:", ...files.map((f) => `    ${f.type.padEnd(5)} ${f.path}`));
  return out;
}

export async function demoCommand(args: string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, {});
  if (parsed.problems.length > 0 || parsed.positional.length > 1) {
    io.err([...parsed.problems, ...(parsed.positional.length > 1 ? ["Bare én mappe."] : []), USAGE].join("\n"));
    return 2;
  }
  const folder = resolve(parsed.positional[0] ?? DEMO_FOLDER);
  if (!existsSync(SAMPLES)) {
    io.err(`Fant ikke eksempeldataene i ${SAMPLES}.`);
    return 1;
  }

  // Everything is built before anything is written.
  const runs: { run: SpkRun; waiting: string[]; files: OutputFile[] }[] = [];
  for (const set of DEMO_SETS) {
    const dir = join(SAMPLES, set.folder);
    const inputs = await readExportFiles(
      { sap: join(dir, "sap-lonnsarter-2024.csv"), unit4: join(dir, "unit4-saldo-2024.csv"), spk: join(dir, "spk-faktura-2024.csv") },
      join(dir, "oppsett.json"),
      {},
    );
    const run = isProblems(inputs) ? inputs : runSpk(inputs);
    if (isProblems(run)) {
      io.err([`Demoen stoppet på ${set.folder}:`, ...run.lines, "Ingenting er skrevet."].join("\n"));
      return 1;
    }
    const base = join(folder, set.name);
    // The demo writes a new workbook each time: its export holds every voucher. The sample has no
    // explanations (the accountant writes them in the sheet), so what a real run would wait for is
    // said, and the demo exports anyway, as --eksporter-uforklart would.
    const now = timestamp(new Date());
    const waiting = exportBlockers(run, planSpkExport(run, [], { eksportert: "", fil: "" }), undefined);
    const built = await buildOutputs(run, {
      xlsx: `${base}.xlsx`, csv: `${base}-bilag.csv`, gl07: `${base}-bilag-gl07.dat`,
      book: { workbook: new ExcelJS.Workbook(), snapshots: () => undefined },
      override: waiting.length > 0,
      now, who: "lonn demo", source: set.folder,
    });
    if (isProblems(built)) {
      io.err([`Demoen stoppet på ${set.folder}:`, ...built.lines, "Ingenting er skrevet."].join("\n"));
      return 1;
    }
    const json = JSON.stringify(resultJson(run), null, 2) + "\n";
    runs.push({ run, waiting: waiting.map((p) => p.message), files: [...built.files, { type: "json", path: `${base}.json`, content: Buffer.from(json, "utf8") }] });
  }
  const trekk = runTrekkFile(join(SAMPLES, DEMO_TREKK.file));
  const trekkBase = join(folder, DEMO_TREKK.name);
  const trekkBuilt = isProblems(trekk) ? trekk : await buildTrekkOutputs(trekk, { xlsx: `${trekkBase}.xlsx`, csv: `${trekkBase}-bilag.csv`, gl07: `${trekkBase}-bilag-gl07.dat`, now: localNow() });
  if (isProblems(trekkBuilt)) {
    io.err([`Demoen stoppet på ${DEMO_TREKK.file}:`, ...trekkBuilt.lines, "Ingenting er skrevet."].join("\n"));
    return 1;
  }
  const trekkFiles: OutputFile[] = [
    ...trekkBuilt.files,
    { type: "json", path: `${trekkBase}.json`, content: Buffer.from(JSON.stringify(trekkJson(trekkBuilt.run), null, 2) + "\n", "utf8") },
  ];
  const written = writeFiles([...runs.flatMap((r) => r.files), ...trekkFiles]);
  if (isProblems(written)) {
    io.err(written.lines.join("\n"));
    return 1;
  }

  const shown = (path: string) => {
    const rel = relative(process.cwd(), resolve(path));
    return rel.startsWith("..") ? resolve(path) : rel;
  };
  const out = [`lonn demo: SPK-avstemming 2024 på eksempeldataene i assets/samples, skrevet til ${folder}`, ""];
  for (const r of runs) {
    out.push(...demoText(r.run, r.files.map((f) => ({ type: f.type, path: shown(f.path) }))));
    for (const w of r.waiting) out.push(`  Merk: ${w} Demoen eksporterer likevel, som --eksporter-uforklart (og skriver det i Logg).`);
    out.push("");
  }
  const t = trekkBuilt.run.avstemming;
  out.push(
    `${t.scenario.virksomhet} ${t.scenario.aar} – trekk og arbeidsgiveravgift (2600, 2770, 2640, 2650): ${t.kontroller.length} kontrollrader, ` +
      `${t.forskuddstrekk.length} forskuddstrekk, ${t.aga.length} AGA-terminer, ${t.flags.length} flagg, ${trekkBuilt.run.bilag.length} korreksjonsbilag.`,
    "  Filer:", ...trekkFiles.map((f) => `    ${f.type.padEnd(5)} ${shown(f.path)}`), "",
  );
  out.push(
    "Arbeidsbøkene regner med vanlige formler (ingen LONN.-funksjoner), så de kan åpnes i Excel eller LibreOffice uten tillegget.",
    "Samme kjøring for én virksomhet: lonn avstem --sap … --unit4 … --spk … --oppsett assets/samples/eksempeletaten/oppsett.json --xlsx UT.xlsx",
    "Les en utfylt arbeidsbok tilbake: lonn avstem UT.xlsx --json",
  );
  io.out(out.join("\n"));
  return 0;
}
