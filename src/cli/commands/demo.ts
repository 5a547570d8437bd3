/**
 * `lonn demo [MAPPE]` (`npm run demo`): the whole job on the bundled sample exports, on a machine
 * without Excel. For each sample agency it reads the SAP, Unit4 and SPK exports with the agency's
 * oppsett (assets/samples/<set>/oppsett.json), reconciles, and writes the filled workbook (A10/A11,
 * Korreksjonsbilag, A-melding fordeling, _lonn), the vouchers as CSV and Unit4 GL07, and the
 * `--json` result, into one folder (default ./demo-output). It is `lonn avstem --sap … --unit4 …
 * --spk … --oppsett …` run twice, through the same functions; then `lonn trekk` on the trekk
 * scenario and `lonn lonnsbilag` on the sample payroll journal (assets/samples/lonnsbilag/), whose
 * files go into the same folder. Every file of every part is built before any is written.
 */
import { existsSync } from "fs";
import { join, relative, resolve } from "path";
import { percentText } from "../../core/money/format";
import { isProblems } from "../../core/problem/problem";
import { runSpk, SpkRun } from "../../core/usecase/spk";
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
import { runTrekkFile } from "./trekk";
import { localNow } from "../command-kit";
import { Checked } from "../../core/problem/problem";
import { buildLonnsbilagOutputs } from "../lonnsbilag-outputs";
import { lonnsbilagJson } from "../report/lonnsbilag";
import { runLonnsbilagFile } from "./lonnsbilag";

/** The bundled samples: three levels up from src/cli/commands (ts) and lib/cli/commands (compiled). */
export const SAMPLES = resolve(__dirname, "..", "..", "..", "assets", "samples");

export const DEMO_SETS = [
  { folder: "eksempeletaten", name: "eksempeletaten-2024" },
  { folder: "nettoetaten", name: "nettoetaten-2024" },
] as const;

export const DEMO_FOLDER = "demo-output";

/** The trekk and AGA sample (a scenario until the readers' sample of a-melding, ledger and payroll replaces it). */
export const DEMO_TREKK = { file: join("trekk-scenario", "scenario.json"), name: "trekk-2026" } as const;

/** The payroll voucher sample: the CSV journal of November 2024 with its oppsett (scripts/make-lonnsbilag-samples.mjs). */
export const DEMO_LONNSBILAG = {
  journal: join("lonnsbilag", "lonnsjournal-2024-11.csv"),
  oppsett: join("lonnsbilag", "oppsett.json"),
  name: "lonnsbilag-2024-11",
} as const;

/**
 * The payroll voucher part of the demo: `lonn lonnsbilag` on the sample journal, its workbook, CSV,
 * GL07 and JSON into `folder` (built, not written), and the lines the demo prints.
 */
export async function lonnsbilagDemo(folder: string, shown: (path: string) => string = (p) => p): Promise<Checked<{ files: OutputFile[]; lines: string[] }>> {
  const run = await runLonnsbilagFile(join(SAMPLES, DEMO_LONNSBILAG.journal), { oppsett: join(SAMPLES, DEMO_LONNSBILAG.oppsett) });
  if (isProblems(run)) return run;
  const base = join(folder, DEMO_LONNSBILAG.name);
  const built = await buildLonnsbilagOutputs(run, { xlsx: `${base}.xlsx`, csv: `${base}-bilag.csv`, gl07: `${base}-bilag-gl07.dat`, now: localNow() });
  if (isProblems(built)) return built;
  const files: OutputFile[] = [
    ...built.files,
    { type: "json", path: `${base}.json`, content: Buffer.from(JSON.stringify(lonnsbilagJson(run), null, 2) + "\n", "utf8") },
  ];
  const j = run.inputs.journal;
  const lines = [
    `${j.virksomhet ?? "Lønnsjournalen"} – lønnsbilag fra lønnsjournalen (${DEMO_LONNSBILAG.journal}): ${run.bilag.length} bilag, ett per utbetalingsdato, ` +
      `${run.bilag.every(isBalanced) ? "alle går i null" : "IKKE alle går i null"}:`,
    ...table(run.lonnsbilag.map((l) => [`    ${l.bilag.id}`, norwegianDate(l.bilag.dato), `${l.bilag.linjer.length} linjer`, `AGA ${kr(l.sumAga)}`, `feriepenger ${kr(l.feriepenger)}`]), [0, 1, 2]),
    "  Filer:", ...files.map((f) => `    ${f.type.padEnd(5)} ${shown(f.path)}`),
  ];
  return { files, lines };
}

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
  const runs: { run: SpkRun; files: OutputFile[] }[] = [];
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
    const built = await buildOutputs(run, { xlsx: `${base}.xlsx`, csv: `${base}-bilag.csv`, gl07: `${base}-bilag-gl07.dat` });
    if (isProblems(built)) {
      io.err([`Demoen stoppet på ${set.folder}:`, ...built.lines, "Ingenting er skrevet."].join("\n"));
      return 1;
    }
    const json = JSON.stringify(resultJson(run), null, 2) + "\n";
    runs.push({ run, files: [...built.files, { type: "json", path: `${base}.json`, content: Buffer.from(json, "utf8") }] });
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
  const shown = (path: string) => {
    const rel = relative(process.cwd(), resolve(path));
    return rel.startsWith("..") ? resolve(path) : rel;
  };
  const payroll = await lonnsbilagDemo(folder, shown);
  if (isProblems(payroll)) {
    io.err([`Demoen stoppet på ${DEMO_LONNSBILAG.journal}:`, ...payroll.lines, "Ingenting er skrevet."].join("\n"));
    return 1;
  }
  const written = writeFiles([...runs.flatMap((r) => r.files), ...trekkFiles, ...payroll.files]);
  if (isProblems(written)) {
    io.err(written.lines.join("\n"));
    return 1;
  }

  const out = [`lonn demo: SPK-avstemming 2024 på eksempeldataene i assets/samples, skrevet til ${folder}`, ""];
  for (const r of runs) out.push(...demoText(r.run, r.files.map((f) => ({ type: f.type, path: shown(f.path) }))), "");
  const t = trekkBuilt.run.avstemming;
  out.push(
    `${t.scenario.virksomhet} ${t.scenario.aar} – trekk og arbeidsgiveravgift (2600, 2770, 2640, 2650): ${t.kontroller.length} kontrollrader, ` +
      `${t.forskuddstrekk.length} forskuddstrekk, ${t.aga.length} AGA-terminer, ${t.flags.length} flagg, ${trekkBuilt.run.bilag.length} korreksjonsbilag.`,
    "  Filer:", ...trekkFiles.map((f) => `    ${f.type.padEnd(5)} ${shown(f.path)}`), "",
  );
  out.push(...payroll.lines, "");
  out.push(
    "Arbeidsbøkene regner med vanlige formler (ingen LONN.-funksjoner), så de kan åpnes i Excel eller LibreOffice uten tillegget.",
    "Samme kjøring for én virksomhet: lonn avstem --sap … --unit4 … --spk … --oppsett assets/samples/eksempeletaten/oppsett.json --xlsx UT.xlsx",
    "Les en utfylt arbeidsbok tilbake: lonn avstem UT.xlsx --json",
  );
  io.out(out.join("\n"));
  return 0;
}
