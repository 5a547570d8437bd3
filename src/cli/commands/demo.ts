/**
 * `lonn demo [MAPPE]` (`npm run demo`): the whole job on the bundled sample exports, on a machine
 * without Excel. For each sample agency it reads the SAP, Unit4 and SPK exports with the agency's
 * oppsett (assets/samples/<set>/oppsett.json), reconciles, and writes the filled workbook (A10/A11,
 * Korreksjonsbilag, A-melding fordeling, _lonn), the vouchers as CSV and Unit4 GL07, and the
 * `--json` result, into one folder (default ./demo-output). It is `lonn avstem --sap … --unit4 …
 * --spk … --oppsett …` run twice, through the same functions. Then the trekk og AGA reconciliation
 * twice: the scenario of assets/samples/trekk-scenario (`lonn trekk SCENARIO.json`), and the import
 * form on the exports of assets/samples/trekk (`lonn trekk --amelding … --hovedbok saft-2026.xml …`);
 * and `lonn lonnsbilag` on the sample payroll journal (assets/samples/lonnsbilag/). Every file of
 * every part is built before any is written.
 */
import ExcelJS from "exceljs";
import { existsSync, readdirSync } from "fs";
import { join, relative, resolve } from "path";
import { percentText } from "../../core/money/format";
import { Checked, isProblems } from "../../core/problem/problem";
import { timestamp } from "../../core/workpaper/logg";
import { TrekkRun } from "../../core/usecase/trekk";
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
import { readTrekkImport, TrekkImportFiles } from "../trekk-import";
import { buildTrekkOutputs } from "../trekk-outputs";
import { runTrekkFile } from "./trekk";
import { localNow } from "../command-kit";
import { buildLonnsbilagOutputs } from "../lonnsbilag-outputs";
import { lonnsbilagJson } from "../report/lonnsbilag";
import { runLonnsbilagFile } from "./lonnsbilag";
import { append } from "../../core/list";

/** The bundled samples: three levels up from src/cli/commands (ts) and lib/cli/commands (compiled). */
export const SAMPLES = resolve(__dirname, "..", "..", "..", "assets", "samples");

export const DEMO_SETS = [
  { folder: "eksempeletaten", name: "eksempeletaten-2024" },
  { folder: "nettoetaten", name: "nettoetaten-2024" },
] as const;

export const DEMO_FOLDER = "demo-output";

/** The trekk and AGA scenario sample (`lonn trekk SCENARIO.json`). */
export const DEMO_TREKK = { file: join("trekk-scenario", "scenario.json"), name: "trekk-2026" } as const;

/** The trekk and AGA exports sample (the import form): a year of a-meldinger, SAF-T, payroll, payments and invoices. */
export const DEMO_TREKK_IMPORT = { folder: "trekk", name: "trekk-import-2026" } as const;

/** The import form's files of the exports sample. */
export function demoTrekkImportFiles(samples: string = SAMPLES): TrekkImportFiles {
  const dir = join(samples, DEMO_TREKK_IMPORT.folder);
  return {
    amelding: readdirSync(dir).filter((n) => n.startsWith("amelding-") && n.endsWith(".xml")).sort().map((n) => join(dir, n)),
    hovedbok: join(dir, "saft-2026.xml"),
    lonn: join(dir, "lonnsjournal-2026.csv"),
    betalinger: join(dir, "betalinger-2026.csv"),
    fakturaer: join(dir, "trekklister-2026.csv"),
    oppsett: join(dir, "oppsett-2026.json"),
  };
}

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
  append(out, table(run.bilag.map((b) => [`    ${b.id}`, norwegianDate(b.dato), `${b.linjer.length} linjer`, isBalanced(b) ? "i balanse" : "GÅR IKKE I NULL"]), [0, 1, 3]));
  return out;
}

function demoText(run: SpkRun, files: readonly { type: string; path: string }[]): string[] {
  const a = run.avstemming;
  const out = [heading(run), ...demoTable(run)];
  if (a.oppsett.modus === "arsslutt" && a.aarsAga !== undefined) out.push(`  AGA for året (årsslutt, avrundet ΣR × S): ${kr(a.aarsAga)}`);
  if (a.agaJustering) out.push(`  AGA-justering til oppdatert snittsats ${percentText(a.agaJustering.nySats)}: ${kr(a.agaJustering.justering)}`);
  append(out, demoBilag(run));
  if (run.amelding) {
    const n = run.amelding[0]?.rader.length ?? 0;
    out.push(`  A-melding: ${run.amelding.length} endring(er) i avgiftsgrunnlaget fordelt på ${n} virksomhetsnumre.`);
  }
  append(out, ["  Filer:", ...files.map((f) => `    ${f.type.padEnd(5)} ${f.path}`)]);
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
  const trekkSets: { name: string; what: string; run: () => Promise<Checked<TrekkRun>> }[] = [
    { name: DEMO_TREKK.name, what: DEMO_TREKK.file, run: async () => runTrekkFile(join(SAMPLES, DEMO_TREKK.file)) },
    {
      name: DEMO_TREKK_IMPORT.name,
      what: join(DEMO_TREKK_IMPORT.folder, "*"),
      run: async () => {
        const read = await readTrekkImport(demoTrekkImportFiles());
        return isProblems(read) ? read : read.run;
      },
    },
  ];
  const trekkRuns: { run: TrekkRun; files: OutputFile[]; from: string }[] = [];
  for (const set of trekkSets) {
    const trekk = await set.run();
    const base = join(folder, set.name);
    const built = isProblems(trekk) ? trekk : await buildTrekkOutputs(trekk, { xlsx: `${base}.xlsx`, csv: `${base}-bilag.csv`, gl07: `${base}-bilag-gl07.dat`, now: localNow() });
    if (isProblems(built)) {
      io.err([`Demoen stoppet på ${set.what}:`, ...built.lines, "Ingenting er skrevet."].join("\n"));
      return 1;
    }
    const files: OutputFile[] = [...built.files, { type: "json", path: `${base}.json`, content: Buffer.from(JSON.stringify(trekkJson(built.run), null, 2) + "\n", "utf8") }];
    trekkRuns.push({ run: built.run, files, from: set.what });
  }
  const trekkFiles = trekkRuns.flatMap((r) => r.files);
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
  for (const r of runs) {
    append(out, demoText(r.run, r.files.map((f) => ({ type: f.type, path: shown(f.path) }))));
    for (const w of r.waiting) out.push(`  Merk: ${w} Demoen eksporterer likevel, som --eksporter-uforklart (og skriver det i Logg).`);
    out.push("");
  }
  for (const r of trekkRuns) {
    const t = r.run.avstemming;
    append(out, [`${t.scenario.virksomhet} ${t.scenario.aar} – trekk og arbeidsgiveravgift (${Object.values(t.kontoer).join(", ")}) fra ${r.run.inputs.source}: ${t.kontroller.length} kontrollrader, ` +
        `${t.forskuddstrekk.length} forskuddstrekk, ${t.aga.length} AGA-terminer, ${t.flags.length} flagg, ${r.run.bilag.length} korreksjonsbilag.`, "  Filer:", ...r.files.map((f) => `    ${f.type.padEnd(5)} ${shown(f.path)}`), ""]);
  }
  append(out, [...payroll.lines, ""]);
  out.push(
    "Arbeidsbøkene regner med vanlige formler (ingen LONN.-funksjoner), så de kan åpnes i Excel eller LibreOffice uten tillegget.",
    "Samme kjøring for én virksomhet: lonn avstem --sap … --unit4 … --spk … --oppsett assets/samples/eksempeletaten/oppsett.json --xlsx UT.xlsx",
    "Les en utfylt arbeidsbok tilbake: lonn avstem UT.xlsx --json",
    "Trekk og AGA fra eksportene: lonn trekk --amelding assets/samples/trekk/amelding-*.xml --hovedbok assets/samples/trekk/saft-2026.xml --lonn … --betalinger … --oppsett assets/samples/trekk/oppsett-2026.json",
  );
  io.out(out.join("\n"));
  return 0;
}
