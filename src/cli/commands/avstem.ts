/**
 * `lonn avstem`: a reconciliation without Excel (DESIGN.md §7).
 *
 *   lonn avstem SCENARIO.json|BOK.xlsx [--xlsx UT.xlsx] [--csv UT.csv] [--gl07 UT.dat] [--json]
 *   lonn avstem --sap F --unit4 F --spk F [--oppsett OPPSETT.json] [--aar 2024 --budsjettering brutto …] [utdata]
 *   lonn avstem --summary FIL|MAPPE …
 *
 * Everything is read and checked first, then every output is built in memory, and only then
 * written (all or nothing). Exit status: 0 done, 1 a problem with the input (on stderr, nothing
 * written), 2 a problem with the command line.
 */
import { existsSync } from "fs";
import { userInfo } from "os";
import ExcelJS from "exceljs";
import { Checked, isProblems, Problems, problems } from "../../core/problem/problem";
import { timestamp } from "../../core/workpaper/logg";
import { RECONCILIATION_NAME, runSpk, SpkInputs } from "../../core/usecase/spk";
import { chosenPostingDate } from "../../core/voucher/dates";
import { sheetAddress } from "../../core/sheet/reference";
import { append } from "../../core/list";
import { parseArgs } from "../args";
import { duplicateHint } from "../command-kit";
import { expandInputs, fileIdentity, writeFiles } from "../files";
import { ExportFiles, OppsettFlags, readExportFiles, readInput, readVirksomheterFile } from "../inputs";
import type { CliIO } from "../io";
import { buildOutputs, OpenBook } from "../outputs";
import { resultJson } from "../report/json";
import { resultText } from "../report/text";
import { summarize } from "../summary";
import { LIMITS } from "../xlsx/package-parts";
import { CSV_LIMITS } from "../../core/import/csv";
import { megabytesText, wholeNumberText } from "../../core/text";
import { lazySnapshots } from "../xlsx/snapshot";
import { loadWorkbook, partsLostOnSave, sheetOfName } from "../xlsx/workbook";

export const AVSTEM_USAGE = `Bruk:
  lonn avstem SCENARIO.json|BOK.xlsx [--xlsx UT.xlsx] [--csv UT.csv] [--gl07 UT.dat] [--json]
  lonn avstem --sap SAP.csv --unit4 UNIT4.csv --spk SPK.csv [--oppsett OPPSETT.json]
              [--virksomhet NAVN --aar ÅR --budsjettering brutto|netto --aga-sats 0,1387 --modus terminvis|arsslutt
               --firma KODE --bilagsart KODE --orgnr NR] [--lonnsarter-ag 7300,7301 --lonnsarter-medlem 7350] [utdata]
  lonn avstem --summary FIL|MAPPE … [--json]

Valg:
  --xlsx UT.xlsx        skriv arbeidsboken (A10/A11, Korreksjonsbilag, A-melding fordeling); finnes filen, fylles den
                        (med BOK.xlsx som inndata: en ny fil, eller BOK.xlsx selv)
  --csv UT.csv          korreksjonsbilagene som CSV (semikolon, UTF-8 med BOM)
  --gl07 UT.dat         korreksjonsbilagene som Unit4 GL07 (2060 tegn per linje, Latin-1)
  --desimaltegn , | .   desimaltegn i CSV (standard ,)
  --dato 2024-12-31     bokfør alle bilag (og korreksjoner) på denne datoen og perioden (standard: terminens siste dag)
  --alle                eksporter alle bilag på nytt som kopi (merket KOPI; teller ikke i eksportloggen)
  --eksporter-uforklart eksporter selv om en vesentlig differanse mangler forklaring (logges i Logg)
  --godta-like-rader    tell rader i eksportene som er helt like en annen rad (standard: avvist, for en
                        rad som står to ganger ved en feil telles dobbelt); merknadene sier hvilke
  --json                skriv resultatet som JSON
  --ark NAVN            avstemmingsarket i BOK.xlsx (standard: det _lonn peker på, ellers A10/A11)
  --virksomheter FIL    virksomhetene for A-meldingen: .json, eller .csv/.xlsx med kolonnene
                        Virksomhetsnummer, Navn, Sone (eller Kommunenummer), Grunnlag
  --summary             én linje per fil (mapper: alle .json og .xlsx i mappen)

Eksporten husker: arbeidsboken (--xlsx, ellers inndataboken) har loggen «Eksporterte bilag», og en
eksport tar bare med det som er nytt siden sist (nye bilag, og korreksjon av bilag som er endret).

Arbeidsbøker leses opptil ${megabytesText(LIMITS.fileBytes)} (${megabytesText(LIMITS.uncompressedBytes)} utpakket) og ${wholeNumberText(LIMITS.cells)} celler;
CSV- og JSON-filer opptil ${megabytesText(CSV_LIMITS.bytes)} og ${wholeNumberText(CSV_LIMITS.rows)} rader.
Utfall: 0 ferdig, 1 feil i inndata (ingenting skrevet), 2 feil i kommandolinjen.`;

const SPEC = {
  json: "flag", summary: "flag", help: "flag", alle: "flag", "eksporter-uforklart": "flag", "godta-like-rader": "flag",
  xlsx: "value", csv: "value", gl07: "value", desimaltegn: "value", ark: "value", virksomheter: "value", dato: "value",
  sap: "value", unit4: "value", spk: "value", oppsett: "value",
  virksomhet: "value", aar: "value", budsjettering: "value", modus: "value", "aga-sats": "value",
  orgnr: "value", firma: "value", bilagsart: "value", "lonnsarter-ag": "value", "lonnsarter-medlem": "value",
} as const;

const EXPORT_KEYS = ["sap", "unit4", "spk"] as const;
const OPPSETT_KEYS = ["oppsett", "virksomhet", "aar", "budsjettering", "modus", "aga-sats", "orgnr", "firma", "bilagsart", "lonnsarter-ag", "lonnsarter-medlem"] as const;

/**
 * Outputs that would write over an input or over each other, compared as files on disk (links
 * and `./` spellings included), and an existing other workbook named as --xlsx for a workbook
 * input: each a problem with the command line, found before anything is read.
 *
 * --xlsx may name the input workbook itself: that is filling it in place, the documented re-run
 * of a workbook that lives for a year (nothing it holds is lost: parts exceljs would drop and
 * merged cells are refused, and the file is replaced whole or not at all). Another existing
 * workbook is refused rather than filled: the plan comes from the input's figures and sheet, and
 * laid over another workbook's own reconciliation it would mix two workbooks' inputs,
 * explanations and sign-offs without a word.
 */
function pathProblems(inputs: readonly (readonly [string, string])[], outputs: readonly (readonly [string, string])[], workbookInput: string | undefined): string[] {
  const out: string[] = [];
  const ids = new Map(inputs.map(([label, path]) => [fileIdentity(path), { label, path }]));
  const workbookId = workbookInput !== undefined ? fileIdentity(workbookInput) : undefined;
  const seen = new Map<string, string>();
  for (const [option, path] of outputs) {
    const id = fileIdentity(path);
    const input = ids.get(id);
    if (input && !(option === "--xlsx" && id === workbookId)) {
      out.push(`${option} ${path} er samme fil som ${input.label} «${input.path}»; lonn skriver aldri over en inndatafil. Velg et annet filnavn.`);
    } else if (seen.has(id)) {
      out.push(`${seen.get(id)} og ${option} er samme fil («${path}»); hver utdatafil må ha sitt eget navn.`);
    } else if (option === "--xlsx" && workbookInput !== undefined && id !== workbookId && existsSync(path)) {
      out.push(
        `--xlsx ${path} finnes allerede. Med en arbeidsbok som inndata skriver lonn resultatet til en ny fil eller tilbake i ${workbookInput}, ` +
          "ikke inn i en annen arbeidsbok (tallene og arket ville blandes med den andre arbeidsbokens). Velg et nytt filnavn, eller oppgi samme fil som inndataene.",
      );
    }
    seen.set(id, option);
  }
  return out;
}

/** Where the user can set what an export is missing, by kind of input. */
function hint(lines: readonly string[], kind: "scenario" | "workbook" | "exports"): string[] {
  const out: string[] = [];
  if (lines.some((l) => /(Firmakoden|Bilagsarten) .*mangler i oppsettet/.test(l))) {
    const where = {
      scenario: "Sett «firma» og «bilagsart» i scenariofilen.",
      workbook: "Sett nøklene «firma» og «bilagsart» på arket _lonn.",
      exports: "Oppgi --firma og --bilagsart, eller sett dem i oppsettfilen.",
    };
    out.push(where[kind]);
  }
  append(out, duplicateHint(lines));
  if (lines.some((l) => /er vesentlig og ikke forklart/.test(l))) {
    out.push("Eller eksporter likevel med --eksporter-uforklart (det logges i arkfanen Logg).");
  }
  return out;
}

export async function avstemCommand(args: string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, SPEC);
  const v = (k: keyof typeof SPEC) => parsed.values.get(k);
  const usage = (problems: readonly string[]) => {
    io.err([...problems, "", AVSTEM_USAGE].join("\n"));
    return 2;
  };
  if (parsed.problems.length > 0) return usage(parsed.problems);
  if (parsed.flags.has("help")) {
    io.out(AVSTEM_USAGE);
    return 0;
  }
  const desimaltegn = v("desimaltegn");
  if (desimaltegn !== undefined && desimaltegn !== "," && desimaltegn !== ".") return usage([`--desimaltegn må være «,» eller «.» (fikk «${desimaltegn}»).`]);
  const json = parsed.flags.has("json");
  const fromExports = EXPORT_KEYS.some((k) => parsed.values.has(k));
  const oppsettGiven = OPPSETT_KEYS.filter((k) => parsed.values.has(k));

  if (parsed.flags.has("summary")) {
    const wrong = ["xlsx", "csv", "gl07", ...EXPORT_KEYS, ...OPPSETT_KEYS].filter((k) => parsed.values.has(k));
    if (wrong.length > 0) return usage([`--summary skriver ingen filer og leser ikke eksporter; ta bort ${wrong.map((k) => `--${k}`).join(", ")}.`]);
    if (parsed.positional.length === 0) return usage(["--summary trenger minst én fil eller mappe."]);
    const paths = expandInputs(parsed.positional);
    if (paths.length === 0) {
      io.err("Fant ingen .json- eller .xlsx-filer.");
      return 1;
    }
    return summarize(paths, io, json, v("ark"));
  }

  const inputFiles: [string, string][] = [
    ...parsed.positional.map((p) => [p.toLowerCase().endsWith(".xlsx") ? "arbeidsboken" : "inndatafilen", p] as [string, string]),
    ...(["sap", "unit4", "spk", "oppsett", "virksomheter"] as const).flatMap((k) => {
      const path = v(k);
      return path !== undefined ? [[`--${k}`, path] as [string, string]] : [];
    }),
  ];
  const outputFiles = (["xlsx", "csv", "gl07"] as const).flatMap((k) => {
    const path = v(k);
    return path !== undefined ? [[`--${k}`, path] as [string, string]] : [];
  });
  const workbookInput = !fromExports && parsed.positional.length === 1 && parsed.positional[0].toLowerCase().endsWith(".xlsx") ? parsed.positional[0] : undefined;
  const clashes = pathProblems(inputFiles, outputFiles, workbookInput);
  if (clashes.length > 0) return usage(clashes);

  let inputs: SpkInputs;
  let kind: "scenario" | "workbook" | "exports" = "scenario";
  let inputWorkbook: ExcelJS.Workbook | undefined;
  let inputPath: string | undefined;
  const fail = (error: Problems, outputs: boolean) => {
    const lines = error.lines;
    const said = lines.some((l) => /ingenting er skrevet/i.test(l));
    io.err([...lines, ...hint(lines, kind), ...(outputs && !said ? ["Ingenting er skrevet."] : [])].join("\n"));
    return 1;
  };
  const outputs = ["xlsx", "csv", "gl07"].some((k) => parsed.values.has(k));

  if (fromExports) {
    kind = "exports";
    const missing = EXPORT_KEYS.filter((k) => !parsed.values.has(k));
    if (missing.length > 0) return usage([`Importen trenger alle tre eksportene; mangler ${missing.map((k) => `--${k}`).join(", ")}.`]);
    if (parsed.positional.length > 0) return usage([`Oppgi enten eksportfilene eller én scenariofil/arbeidsbok, ikke begge (${parsed.positional.join(" ")}).`]);
    const ag = v("lonnsarter-ag");
    const medlem = v("lonnsarter-medlem");
    if ((ag === undefined) !== (medlem === undefined)) return usage(["Oppgi både --lonnsarter-ag og --lonnsarter-medlem, eller ingen av dem."]);
    const list = (s: string) => s.split(/[,;\s]+/).filter((x) => x !== "");
    const flags: OppsettFlags = {
      virksomhet: v("virksomhet"), aar: v("aar"), budsjettering: v("budsjettering"), modus: v("modus"),
      agaSats: v("aga-sats"), orgnr: v("orgnr"), firma: v("firma"), bilagsart: v("bilagsart"),
      ...(parsed.flags.has("godta-like-rader") ? { acceptCopies: true } : {}),
    };
    const g = await readExportFiles(
      { sap: v("sap"), unit4: v("unit4"), spk: v("spk") } as ExportFiles,
      v("oppsett"),
      flags,
      ag !== undefined && medlem !== undefined ? { arbeidsgiverandel: list(ag), medlemsinnskudd: list(medlem) } : undefined,
    );
    if (isProblems(g)) return fail(g, outputs);
    inputs = g;
  } else {
    const onlyWithExports = [...oppsettGiven, ...(parsed.flags.has("godta-like-rader") ? ["godta-like-rader"] : [])];
    if (onlyWithExports.length > 0) return usage([`${onlyWithExports.map((k) => `--${k}`).join(", ")} brukes bare sammen med --sap, --unit4 og --spk.`]);
    if (parsed.positional.length !== 1) {
      return usage([parsed.positional.length === 0 ? "Oppgi en scenariofil (.json) eller en arbeidsbok (.xlsx)." : `Én inndatafil om gangen (fikk ${parsed.positional.length}); bruk --summary for flere.`]);
    }
    const path = parsed.positional[0];
    inputPath = path;
    kind = path.toLowerCase().endsWith(".xlsx") ? "workbook" : "scenario";
    const input = await readInput(path, v("ark"));
    if (isProblems(input)) return fail(input, outputs);
    inputs = input.inputs;
    inputWorkbook = input.workbook;
  }

  const virksomheterFile = v("virksomheter");
  if (virksomheterFile) {
    const list = await readVirksomheterFile(virksomheterFile, inputs.oppsett);
    if (isProblems(list)) return fail(list, outputs);
    inputs = { ...inputs, virksomheter: list };
  }

  const dato = v("dato");
  if (dato !== undefined) {
    const chosen = chosenPostingDate(dato, inputs.oppsett.aar);
    if (isProblems(chosen)) return usage(chosen.lines.map((l) => `--dato: ${l}`));
    inputs = { ...inputs, bilagsdato: chosen };
  }

  const xlsx = v("xlsx");
  const exporting = parsed.values.has("csv") || parsed.values.has("gl07");
  const all = parsed.flags.has("alle");
  const override = parsed.flags.has("eksporter-uforklart");
  if ((all || override) && !exporting) return usage([`${all ? "--alle" : "--eksporter-uforklart"} gjelder eksporten; oppgi --csv eller --gl07.`]);
  if (exporting && inputWorkbook && !xlsx && !all) {
    return usage([
      "En eksport fra en arbeidsbok føres i bokens logg «Eksporterte bilag», så neste eksport bare tar med det nye. " +
        `Oppgi --xlsx (samme fil går an: --xlsx ${inputPath ?? "BOK.xlsx"}), eller --alle for en merket kopi av alle bilagene.`,
    ]);
  }

  const opened = await openBook(xlsx, inputWorkbook, inputPath);
  if (isProblems(opened)) return fail(opened, outputs);
  const run = runSpk(inputs, opened);
  if (isProblems(run)) return fail(run, outputs);

  const built = await buildOutputs(run, {
    xlsx, csv: v("csv"), gl07: v("gl07"),
    ...(desimaltegn ? { desimaltegn: desimaltegn as "," | "." } : {}),
    ...(opened ? { book: opened } : {}),
    all, override,
    now: timestamp(new Date()),
    who: userName(),
    source: inputs.source,
  });
  if (isProblems(built)) return fail(built, true);
  const written = writeFiles(built.files);
  if (isProblems(written)) return fail(written, false);
  const files = built.files.map((f, i) => ({ type: f.type, path: written[i] }));

  if (exporting && !opened) {
    io.err("Merk: uten arbeidsbok (--xlsx) kan eksporten ikke huske hva som er eksportert før; alle bilag er med.");
  }
  if (override && built.exported && built.exported.vouchers.length > 0) {
    io.err(`Advarsel: eksportert med vesentlig, uforklart differanse (--eksporter-uforklart)${xlsx ? "; det står i arkfanen Logg" : ""}.`);
  }
  const leftAlone = built.sheet?.leftAlone ?? [];
  if (leftAlone.length > 0) {
    // The run is the input's; a cell the workbook kept (a formula of the user's, an explanation already
    // there) can make the sheet differ from it, so say so where it is seen even with --json.
    io.err([
      `Advarsel: ${leftAlone.length} celle(r) i arbeidsboken er ikke skrevet; arket kan avvike fra kjøringen og bilagene:`,
      ...leftAlone.map((l) => `  ${sheetAddress(l.sheet, l.address)}: ${l.reason}`),
    ].join("\n"));
  }
  const exported = built.exported && {
    batchId: built.exported.batchId,
    bilag: built.exported.vouchers.map((b) => b.id),
    uendret: built.exported.unchanged,
    kopi: built.exported.copy,
  };
  if (json) {
    io.out(JSON.stringify(resultJson(run, { files, ...(built.sheet ? { sheet: built.sheet } : {}), ...(exported ? { exported } : {}) }), null, 2));
  } else {
    const lines = resultText(run, built.sheet);
    if (exported) lines.push("", exportText(exported));
    if (files.length > 0) append(lines, ["", "Skrevet:", ...files.map((f) => `  ${f.type.padEnd(5)} ${f.path}`)]);
    io.out(lines.join("\n"));
  }
  return 0;
}

/** What an export held, in a line for the user. */
function exportText(e: { batchId: string; bilag: readonly string[]; uendret: readonly string[]; kopi: boolean }): string {
  const same = e.uendret.length > 0 ? ` (uendret siden forrige eksport: ${e.uendret.join(", ")})` : "";
  if (e.bilag.length === 0) return `Ingen nye bilag å eksportere${same}; filene har bare overskrifter.`;
  if (e.kopi) return `Eksportert som KOPI (${e.batchId}): ${e.bilag.join(", ")}. Bilagene er eksportert før; ikke bokfør kopien.`;
  return `Eksportert (${e.batchId}): ${e.bilag.join(", ")}${same}.`;
}

interface Opened extends OpenBook {
  readonly sheetNames: readonly string[];
  readonly isInput: boolean;
  readonly namedSheet?: string;
}

/**
 * The book: the workbook `--xlsx` names when it exists (unless it is the input itself), else the
 * input workbook, else a new one for `--xlsx`; none without either. One the CLI cannot save
 * without losing parts is refused here, before anything is planned.
 */
async function openBook(xlsx: string | undefined, input: ExcelJS.Workbook | undefined, inputPath: string | undefined): Promise<Checked<Opened | undefined>> {
  let workbook: ExcelJS.Workbook | undefined;
  let isInput = false;
  if (xlsx && existsSync(xlsx) && !(input && inputPath && fileIdentity(inputPath) === fileIdentity(xlsx))) {
    const loaded = await loadWorkbook(xlsx);
    if (isProblems(loaded)) return loaded;
    workbook = loaded;
  } else if (input) {
    workbook = input;
    isInput = true;
  } else if (xlsx) {
    workbook = new ExcelJS.Workbook();
  }
  if (!workbook) return undefined;
  if (xlsx) {
    const lost = partsLostOnSave(workbook);
    if (lost.length > 0) {
      return problems(
        `Arbeidsboken har ${lost.join(", ")}, som lonn ikke kan ta vare på når den skriver .xlsx-filen. ` +
          "Fyll den i Excel med tillegget; lonn kan fortsatt lese den og skrive bilagsfilene (--csv, --gl07) uten --xlsx.",
      );
    }
  }
  const namedSheet = sheetOfName(workbook, RECONCILIATION_NAME);
  return { workbook, snapshots: lazySnapshots(workbook), sheetNames: workbook.worksheets.map((ws) => ws.name), isInput, ...(namedSheet ? { namedSheet } : {}) };
}

/** Who runs the command, for `Logg`. */
function userName(): string {
  try {
    return userInfo().username;
  } catch {
    return "";
  }
}
