/**
 * `lonn lonnsbilag`: the payroll voucher of each pay run in a payroll journal (issue 11).
 *
 *   lonn lonnsbilag JOURNAL.csv|.xlsx|.json [--dato D] [--oppsett OPPSETT.json]
 *                   [--xlsx UT.xlsx] [--csv UT.csv] [--gl07 UT.dat] [--desimaltegn , | .] [--json]
 *
 * Everything is read and checked first, then every output is built in memory, and only then
 * written (all or nothing). Exit status as `lonn avstem` and `lonn trekk`: 0 done, 1 a problem with
 * the input (every problem on stderr, nothing written), 2 a problem with the command line.
 */
import { basename, extname } from "path";
import { Checked, isProblems, Problems } from "../../core/problem/problem";
import { LonnsbilagRun } from "../../core/usecase/lonnsbilag";
import { JournalSource, runLonnsbilagOf } from "../../core/usecase/lonnsbilag-import";
import { DuplicatePolicy } from "../../core/import/row-checks";
import { closingLines, commandLine, failed, isMissingSetup, outputOptions, writeAndWarn } from "../command-kit";
import { readTextFile } from "../files";
import { parseJsonFile } from "../../core/import/text-file";
import type { CliIO } from "../io";
import { buildLonnsbilagOutputs } from "../lonnsbilag-outputs";
import { lonnsbilagJson, lonnsbilagText } from "../report/lonnsbilag";
import { readSheetFile } from "../sheet-file";
import { append } from "../../core/list";

export const LONNSBILAG_USAGE = `Bruk:
  lonn lonnsbilag JOURNAL.csv|.xlsx|.json [--dato D] [--oppsett OPPSETT.json] [--xlsx UT.xlsx] [--csv UT.csv] [--gl07 UT.dat] [--json]

Lønnsbilaget for hver lønnskjøring i lønnsjournalen (ett bilag per utbetalingsdato, LONN-ÅÅÅÅMMDD):
5000 brutto lønn; 2600 forskuddstrekk (med trygdeavgiften); 2640 forsikringstrekk; 2650 fagforeningstrekk;
2690 andre trekk; 2930 skyldig lønn; 5400/2770 arbeidsgiveravgift per sone (ekstra AGA i 2023–2024); med
feriepengegrunnlag også 5092/2940 feriepenger og 5405/2781 AGA av feriepengene.

Valg:
  --dato D              bokføringsdato (2026-03-20 eller 20.03.2026) for en journal uten utbetalingsdato,
                        eller i stedet for journalens ene utbetalingsdato
  --oppsett F.json      for CSV/xlsx: virksomhet, orgnr, firma, bilagsart, dimensjoner, kontoer,
                        feriepengesats, tidligereGrunnlagSoneIa (som i JSON-journalen, uten rader)
  --xlsx UT.xlsx        skriv arket «Lønnsbilag» (formler med verdier); finnes filen, fylles den
  --csv UT.csv          bilagene som CSV (semikolon, UTF-8 med BOM)
  --gl07 UT.dat         bilagene som Unit4 GL07 (2060 tegn per linje, Latin-1)
                        (med --xlsx husker arbeidsboken hva som er eksportert; neste eksport tar bare det nye)
  --desimaltegn , | .   desimaltegn i CSV (standard ,)
  --godta-like-rader    tell rader i journalen som er helt like en annen rad (standard: avvist)
  --json                skriv resultatet som JSON: { "bilag": [ { "konto", "belop", "tekst", … } ], … }

JSON-journalen: { "virksomhet", "orgnr", "dato", "rader": [ { "navn", "bruttoLonn", "forskuddstrekk",
  "forsikringstrekk", "fagforeningstrekk", "andreTrekk", "agaGrunnlag", "sone", "feriepengegrunnlag" } ] }

Utfall: 0 ferdig, 1 feil i inndata (ingenting skrevet), 2 feil i kommandolinjen.`;

const SPEC = {
  json: "flag", help: "flag", "godta-like-rader": "flag",
  dato: "value", oppsett: "value", xlsx: "value", csv: "value", gl07: "value", desimaltegn: "value",
} as const;

const readJson = (path: string): Checked<unknown> => {
  const text = readTextFile(path);
  return isProblems(text) ? text : parseJsonFile(text, basename(path));
};

/** The journal file as core's journal source: a JSON journal, or a CSV/.xlsx sheet. */
async function journalSource(path: string): Promise<JournalSource> {
  const file = basename(path);
  return extname(path).toLowerCase() === ".json" ? { kind: "json", file, json: readJson(path) } : { kind: "sheet", name: file, file, input: await readSheetFile(path) };
}

/** The run of a journal file: read, checked, one voucher per pay date. */
export async function runLonnsbilagFile(
  path: string,
  options: { readonly dato?: string; readonly oppsett?: string; readonly duplicates?: DuplicatePolicy } = {},
): Promise<Checked<LonnsbilagRun>> {
  const oppsett = options.oppsett !== undefined ? { file: basename(options.oppsett), json: readJson(options.oppsett) } : undefined;
  return runLonnsbilagOf(await journalSource(path), oppsett, {
    ...(options.dato !== undefined ? { dato: options.dato } : {}),
    ...(options.duplicates !== undefined ? { duplicates: options.duplicates } : {}),
  });
}

export async function lonnsbilagCommand(args: string[], io: CliIO): Promise<number> {
  const cl = commandLine(args, SPEC, LONNSBILAG_USAGE, io);
  if (typeof cl === "number") return cl;
  const { parsed, value: v, usage } = cl;
  if (parsed.positional.length !== 1) {
    return usage([parsed.positional.length === 0 ? "Oppgi en lønnsjournal (.csv, .xlsx eller .json)." : `Én lønnsjournal om gangen (fikk ${parsed.positional.length}).`]);
  }
  const path = parsed.positional[0];
  const ext = extname(path).toLowerCase();
  if (![".csv", ".xlsx", ".json"].includes(ext)) return usage([`«${basename(path)}» er verken .csv, .xlsx eller .json.`]);
  const oppsett = v("oppsett");
  if (oppsett !== undefined && ext === ".json") return usage(["--oppsett brukes med en CSV- eller xlsx-journal; i en JSON-journal står oppsettet i filen."]);

  const outputs = ["xlsx", "csv", "gl07"].some((k) => parsed.values.has(k));
  const fail = (error: Problems) =>
    failed(io, error, outputs, isMissingSetup(error.lines) ? [`Sett «firma» og «bilagsart» ${ext === ".json" ? "i journalfilen" : "i oppsettfilen (--oppsett)"}.`] : []);
  const dato = v("dato");
  const run = await runLonnsbilagFile(path, { ...(dato !== undefined ? { dato } : {}), ...(oppsett !== undefined ? { oppsett } : {}),
    ...(parsed.flags.has("godta-like-rader") ? { duplicates: "count" as const } : {}),
  });
  if (isProblems(run)) return fail(run);
  const built = await buildLonnsbilagOutputs(run, outputOptions(cl));
  if (isProblems(built)) return fail(built);
  const written = writeAndWarn(io, built);
  if (isProblems(written)) return fail(written);
  const { files, exported } = written;
  if (parsed.flags.has("json")) {
    io.out(JSON.stringify(lonnsbilagJson(run, { files, ...(built.sheet ? { sheet: built.sheet } : {}), ...(exported ? { exported } : {}) }), null, 2));
    return 0;
  }
  const lines = lonnsbilagText(run);
  if (run.inputs.notes.length > 0) append(lines, ["", ...run.inputs.notes.map((n) => `Merknad: ${n}`)]);
  io.out([...lines, ...closingLines(exported, files)].join("\n"));
  return 0;
}
