/**
 * `lonn trekk`: the trekk and arbeidsgiveravgift reconciliation without Excel (DESIGN.md §8.5).
 *
 *   lonn trekk SCENARIO.json [--xlsx UT.xlsx] [--csv UT.csv] [--gl07 UT.dat] [--json]
 *   lonn trekk --summary FIL|MAPPE … [--json]
 *   lonn trekk --amelding A.xml… --hovedbok F --lonn F --betalinger F [--fakturaer F] --oppsett OPPSETT.json [outputs]
 *
 * Everything is read and checked first, then every output is built in memory, and only then
 * written (all or nothing). Exit status as `lonn avstem`: 0 done, 1 a problem with the input (every
 * problem on stderr, nothing written), 2 a problem with the command line.
 */
import { basename, extname } from "path";
import { Checked, isProblems, placed, Problems, rejected } from "../../core/problem/problem";
import { oneLine } from "../../core/text";
import { TrekkFlagKind } from "../../core/trekk/result";
import { parseTrekkScenario } from "../../core/trekk/scenario";
import { runTrekk, TrekkInputs, TrekkRun } from "../../core/usecase/trekk";
import { closingLines, commandLine, failed, isMissingSetup, outputOptions, writeAndWarn } from "../command-kit";
import { expandInputs, readTextFile } from "../files";
import { parseJsonFile } from "../../core/import/text-file";
import type { CliIO } from "../io";
import { trekkJson, trekkText } from "../report/trekk";
import { readTrekkImport } from "../trekk-import";
import { buildTrekkOutputs } from "../trekk-outputs";

export const TREKK_USAGE = `Bruk:
  lonn trekk SCENARIO.json [--xlsx UT.xlsx] [--csv UT.csv] [--gl07 UT.dat] [--json]
  lonn trekk --summary FIL|MAPPE … [--json]
  lonn trekk --amelding A.xml… --hovedbok F --lonn F --betalinger F [--fakturaer F] --oppsett OPPSETT.json [utdata]

Valg:
  --xlsx UT.xlsx        skriv arbeidsboken (Trekk og AGA, Korreksjonsbilag trekk, _lonn); finnes filen, fylles den
  --csv UT.csv          korreksjonsbilagene som CSV (semikolon, UTF-8 med BOM)
  --gl07 UT.dat         korreksjonsbilagene som Unit4 GL07 (2060 tegn per linje, Latin-1)
                        (med --xlsx husker arbeidsboken hva som er eksportert; neste eksport tar bare det nye)
  --desimaltegn , | .   desimaltegn i CSV (standard ,)
  --json                skriv resultatet som JSON
  --summary             én linje per fil (mapper: alle .json i mappen)
  --amelding A.xml…     a-meldingene (XML, versjon 2.3): filer (flere etter hverandre, f.eks. mappe/amelding-*.xml) eller en mappe
  --hovedbok F          hovedboken: SAF-T Financial (.xml) eller en hovedbok-CSV (.csv)
  --lonn F              lønnsjournalen (.csv)
  --betalinger F        betalingene (.csv)
  --fakturaer F         fakturaer og trekklister fra forsikringsselskap og fagforening (.csv, valgfri)
  --oppsett F           oppsettet (JSON): virksomhet, orgnr, aar, kontoer, toleranse, firma, bilagsart, korreksjoner
  --godta-like-rader    tell rader i CSV-filene som er helt like en annen rad (standard: avvist); merknadene sier hvilke

Utfall: 0 ferdig, 1 feil i inndata (ingenting skrevet), 2 feil i kommandolinjen.`;

const SPEC = {
  json: "flag", summary: "flag", help: "flag", "godta-like-rader": "flag",
  xlsx: "value", csv: "value", gl07: "value", desimaltegn: "value",
  amelding: "value", hovedbok: "value", lonn: "value", betalinger: "value", fakturaer: "value", oppsett: "value",
} as const;

/** The import form's options (DESIGN.md §8.5). */
export const IMPORT_KEYS = ["amelding", "hovedbok", "lonn", "betalinger", "fakturaer", "oppsett"] as const;
const IMPORT_REQUIRED = ["amelding", "hovedbok", "lonn", "betalinger", "oppsett"] as const;


/** A scenario file as the use case's inputs; every problem placed in the file. */
export function readTrekkScenarioFile(path: string): Checked<TrekkInputs> {
  const file = basename(path);
  const text = readTextFile(path);
  if (isProblems(text)) return text;
  const json = parseJsonFile(text, file);
  if (isProblems(json)) return json;
  const scenario = parseTrekkScenario(json);
  if (isProblems(scenario)) return rejected("Scenarioet", scenario.list.map((p) => placed(p, { file })));
  return { source: file, scenario, notes: [] };
}

/** The run of a scenario file: read, checked, reconciled; the model's problems placed in the file too. */
export function runTrekkFile(path: string): Checked<TrekkRun> {
  const inputs = readTrekkScenarioFile(path);
  if (isProblems(inputs)) return inputs;
  const run = runTrekk(inputs);
  if (isProblems(run)) return rejected("Scenarioet", run.list.map((p) => placed(p, { file: inputs.source })));
  return run;
}

const KINDS: readonly TrekkFlagKind[] = ["forsinket", "underbetalt", "overbetalt", "avvikAmelding", "avvikFaktura", "avvikHovedbok", "feilSats", "endretEtterSignering"];

function summaryLine(run: TrekkRun, file: string): string {
  const a = run.avstemming;
  const count = (k: TrekkFlagKind) => a.flags.filter((f) => f.kind === k).length;
  return [
    (oneLine(a.scenario.virksomhet) || "(uten navn)").padEnd(28), String(a.scenario.aar).padEnd(4),
    String(a.kontroller.filter((k) => k.differanse !== 0).length).padStart(8),
    String(a.flags.length).padStart(6),
    KINDS.slice(0, 7).map((k) => String(count(k)).padStart(5)).join(""),
    String(run.bilag.length).padStart(6), ` ${file}`,
  ].join("  ");
}

function summarize(paths: readonly string[], io: CliIO, json: boolean): number {
  let failed = 0;
  if (!json) {
    io.out(["Virksomhet".padEnd(28), "År  ", "Avvik HB".padStart(8), "Flagg".padStart(6), " Sent Under Over Amel Fakt HBok Sats", " Bilag", " Fil"].join("  "));
  }
  for (const path of paths) {
    const file = basename(path);
    const run = runTrekkFile(path);
    if (isProblems(run)) {
      failed++;
      const list = run.list.map((p) => oneLine(`${p.path !== undefined ? `${p.path} ` : ""}${p.message}`));
      io.out(json ? JSON.stringify({ fil: file, feil: list }) : `FEIL  ${oneLine(file)}: ${list.join(" | ")}`);
      continue;
    }
    if (json) {
      const a = run.avstemming;
      io.out(JSON.stringify({
        fil: file, virksomhet: a.scenario.virksomhet, aar: a.scenario.aar,
        kontrollerMedDifferanse: a.kontroller.filter((k) => k.differanse !== 0).length,
        flagg: Object.fromEntries(KINDS.map((k) => [k, a.flags.filter((f) => f.kind === k).length])),
        bilag: run.bilag.length,
      }));
    } else io.out(summaryLine(run, file));
  }
  if (!json) io.out(`${paths.length} filer, ${failed} med feil.`);
  return failed > 0 ? 1 : 0;
}

export async function trekkCommand(args: string[], io: CliIO): Promise<number> {
  const cl = commandLine(args, SPEC, TREKK_USAGE, io);
  if (typeof cl === "number") return cl;
  const { parsed, usage } = cl;
  const v = cl.value;
  const json = parsed.flags.has("json");
  const importGiven = IMPORT_KEYS.filter((k) => parsed.values.has(k));

  if (parsed.flags.has("summary")) {
    const wrong = ["xlsx", "csv", "gl07", ...IMPORT_KEYS].filter((k) => parsed.values.has(k));
    if (wrong.length > 0) return usage([`--summary skriver ingen filer og leser ikke eksporter; ta bort ${wrong.map((k) => `--${k}`).join(", ")}.`]);
    if (parsed.positional.length === 0) return usage(["--summary trenger minst én fil eller mappe."]);
    const paths = expandInputs(parsed.positional).filter((p) => p.toLowerCase().endsWith(".json"));
    if (paths.length === 0) {
      io.err("Fant ingen .json-filer.");
      return 1;
    }
    return summarize(paths, io, json);
  }

  const isImport = importGiven.length > 0;
  let ameldinger: string[] = [];
  if (isImport) {
    const missing = IMPORT_REQUIRED.filter((k) => !parsed.values.has(k));
    if (missing.length > 0) return usage([`Importen trenger ${IMPORT_REQUIRED.map((k) => `--${k}`).join(", ")}; mangler ${missing.map((k) => `--${k}`).join(", ")}.`]);
    // A shell glob after --amelding (mappe/amelding-*.xml) gives the files after the first as positional arguments.
    const other = parsed.positional.filter((p) => extname(p).toLowerCase() !== ".xml");
    if (other.length > 0) return usage([`Importen tar ingen scenariofil (fikk ${other.map((p) => `«${p}»`).join(", ")}); bare flere a-meldinger (.xml) etter --amelding.`]);
    ameldinger = [v("amelding") as string, ...parsed.positional];
  } else if (parsed.positional.length !== 1) {
    return usage([parsed.positional.length === 0 ? "Oppgi en scenariofil (.json)." : `Én scenariofil om gangen (fikk ${parsed.positional.length}); bruk --summary for flere.`]);
  }
  const outputs = ["xlsx", "csv", "gl07"].some((k) => parsed.values.has(k));
  const fail = (error: Problems) => failed(io, error, outputs, isMissingSetup(error.lines) ? [`Sett «firma» og «bilagsart» i ${isImport ? "oppsettfilen" : "scenariofilen"}.`] : []);

  const read = isImport
    ? await readTrekkImport({
        amelding: ameldinger,
        hovedbok: v("hovedbok") as string,
        lonn: v("lonn") as string,
        betalinger: v("betalinger") as string,
        ...(v("fakturaer") !== undefined ? { fakturaer: v("fakturaer") as string } : {}),
        oppsett: v("oppsett") as string,
        ...(parsed.flags.has("godta-like-rader") ? { duplicates: "count" as const } : {}),
      })
    : undefined;
  const run = read === undefined ? runTrekkFile(parsed.positional[0]) : isProblems(read) ? read : read.run;
  if (isProblems(run)) return fail(run);
  const built = await buildTrekkOutputs(run, outputOptions(cl));
  if (isProblems(built)) return fail(built);
  const written = writeAndWarn(io, built);
  if (isProblems(written)) return fail(written);
  const { files, exported } = written;
  if (json) {
    io.out(JSON.stringify(trekkJson(built.run, {
      files,
      ...(built.sheet ? { sheet: built.sheet } : {}),
      ...(built.signOff ? { signOff: built.signOff } : {}),
      ...(exported ? { exported } : {}),
    }), null, 2));
  } else {
    io.out([...trekkText(built.run, built.sheet), ...closingLines(exported, files)].join("\n"));
  }
  return 0;
}
