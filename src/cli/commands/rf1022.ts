/**
 * `lonn rf1022`: the year-end kontrolloppstilling RF-1022 «Lønns- og pensjonskostnader»
 * (trekk-og-aga.md §5) from the ledger and the year's a-meldinger.
 *
 *   lonn rf1022 --hovedbok SAFT.xml|HOVEDBOK.csv A-MELDING.xml… [--aar ÅÅÅÅ] [--toleranse KR] [--xlsx UT.xlsx] [--json]
 *
 * A command of its own, not part of `lonn trekk`: RF-1022 needs the cost accounts (5000, 5092,
 * 5400 …) and the a-meldinger's income, which the trekk scenario does not carry (its ledger is the
 * four liability accounts), and it is a job for the year's end, not the month's. `--xlsx` may name
 * the workbook `lonn trekk` fills: the `RF-1022` sheet goes in beside `Trekk og AGA`.
 *
 * Everything is read and checked first, then built in memory, then written (all or nothing).
 * Exit status: 0 done (differences are findings, flagged, not failures), 1 a problem with the
 * input (nothing written), 2 a problem with the command line.
 */
import { basename, extname } from "path";
import { readLedgerCsv } from "../../core/import/ledger-csv";
import { isRuleError } from "../../core/errors";
import { oreFromKroner } from "../../core/money/ore";
import { Checked, isProblems, Problems, problems, rejected } from "../../core/problem/problem";
import { HovedbokKonto } from "../../core/trekk/types";
import { rf1022Accounts, rf1022InputsOf, Rf1022Run, runRf1022, planRf1022Workbook, rf1022SheetsToRead } from "../../core/usecase/rf1022";
import { Rf1022SignOff } from "../../core/rf1022/sheet";
import { closingLines, commandLine, existingOrNew, failed, writeOutputs } from "../command-kit";
import type { CliIO } from "../io";
import { filledWorkbook, workbookToFill } from "../output-parts";
import { rf1022Json, rf1022Text } from "../report/rf1022";
import { readSheetFile } from "../sheet-file";
import { readAmeldingFiles, readSaftFile } from "../stream-xml";
import { snapshotsOf } from "../xlsx/snapshot";

export const RF1022_USAGE = `Bruk:
  lonn rf1022 --hovedbok SAFT.xml|HOVEDBOK.csv A-MELDING.xml… [--aar ÅÅÅÅ] [--toleranse KR] [--xlsx UT.xlsx] [--json]

Kontrolloppstillingen RF-1022 «Lønns- og pensjonskostnader» for året: per kontogruppe A bokført kostnad
+ B opptjent/skyldig 1.1. − C opptjent/skyldig 31.12. = D innberetningspliktig, mot a-meldingene
(inntekt, grunnlag for arbeidsgiveravgift, arbeidsgiveravgift). Gruppene (NS 4102): lønn 5000, 5090 / 2930;
feriepenger 5092 / 2940; styrehonorar 5330; arbeidsgiveravgift 5400, 5405 / 2780, 2781.

Valg:
  --hovedbok F          SAF-T Financial (XML, 1.30/1.40) eller en hovedbok-CSV (konto; dato/periode; beløp)
  A-MELDING.xml…        årets a-meldinger (v2_3); en erstatning (erstatterMeldingsId) erstatter den gamle
  --aar ÅÅÅÅ            året (standard: SAF-T-filens utvalg, ellers a-meldingenes år)
  --toleranse KR        avvik opp til dette er avrunding (standard 1 kr)
  --xlsx UT.xlsx        skriv arket «RF-1022» (formler); finnes filen, fylles den, og forklaringer og signatur beholdes
  --json                skriv resultatet som JSON

Eksempel: lonn rf1022 --hovedbok assets/samples/trekk/saft-2026.xml assets/samples/trekk/amelding-2026-*.xml --xlsx rf1022.xlsx

Utfall: 0 ferdig (avvik er flagg), 1 feil i inndata (ingenting skrevet), 2 feil i kommandolinjen.`;

const SPEC = { json: "flag", help: "flag", hovedbok: "value", aar: "value", toleranse: "value", xlsx: "value" } as const;

interface Ledger {
  readonly hovedbok: readonly HovedbokKonto[];
  readonly aar?: number;
  readonly virksomhet?: string;
  readonly orgnr?: string;
  readonly notes: readonly string[];
}

/** The groups' accounts from SAF-T (those the chart has) or a ledger CSV (those with an IB or a posting). */
async function readLedger(path: string, aar: number | undefined): Promise<Checked<Ledger>> {
  const kontoer = rf1022Accounts();
  if (extname(path).toLowerCase() === ".xml") {
    const saft = await readSaftFile(path, { kontoer, optional: kontoer, ...(aar !== undefined ? { aar } : {}) });
    if (isProblems(saft)) return rejected("SAF-T-filen", saft.list);
    const year = saft.utvalg ? Number(saft.utvalg.fra.slice(0, 4)) : undefined;
    return { hovedbok: saft.hovedbok, ...(year ? { aar: year } : {}), ...(saft.firma ? { virksomhet: saft.firma } : {}), ...(saft.orgnr ? { orgnr: saft.orgnr } : {}), notes: saft.notes };
  }
  const sheet = await readSheetFile(path);
  if (isProblems(sheet)) return sheet;
  const ledger = readLedgerCsv(sheet, { kontoer, missingIb: "zero", ...(aar !== undefined ? { aar } : {}) });
  if (isProblems(ledger)) return rejected("Hovedboken", ledger.list);
  return { hovedbok: ledger.hovedbok.filter((k) => k.ib !== 0 || k.posteringer.length > 0), notes: [] };
}

/** The run of the files: read, checked, the kontrolloppstilling made. */
export async function runRf1022Files(ledgerPath: string, ameldinger: readonly string[], flags: { readonly aar?: number; readonly toleranse?: number } = {}): Promise<Checked<Rf1022Run>> {
  const ledger = await readLedger(ledgerPath, flags.aar);
  const amelding = await readAmeldingFiles(ameldinger, { ...(flags.aar !== undefined ? { aar: flags.aar } : {}), ...(!isProblems(ledger) && ledger.orgnr ? { orgnr: ledger.orgnr } : {}) });
  if (isProblems(ledger) || isProblems(amelding)) {
    return rejected("Inndataene", [...(isProblems(ledger) ? ledger.list : []), ...(isProblems(amelding) ? amelding.list : [])]);
  }
  const years = [...new Set(amelding.maaneder.map((m) => Number(m.kalendermaaned.slice(0, 4))))];
  const aar = flags.aar ?? ledger.aar ?? (years.length === 1 ? years[0] : undefined);
  if (aar === undefined) return problems(`Vet ikke hvilket år oppstillingen gjelder (a-meldingene er fra ${years.join(", ") || "ingen måneder"}); oppgi det med --aar.`);
  let toleranse;
  if (flags.toleranse !== undefined) {
    const t = oreFromKroner(flags.toleranse, "Toleransen");
    if (isRuleError(t) || t < 0) return problems(`Toleransen må være et beløp i kroner, 0 eller mer (fikk ${flags.toleranse}).`);
    toleranse = t;
  }
  const inputs = rf1022InputsOf({
    source: [ledgerPath, ...ameldinger].map((p) => basename(p)).join(", "),
    aar,
    hovedbok: ledger.hovedbok,
    amelding,
    ...(ledger.virksomhet ? { virksomhet: ledger.virksomhet } : {}),
    ...(ledger.orgnr ? { orgnr: ledger.orgnr } : {}),
    ...(toleranse !== undefined ? { toleranse } : {}),
    notes: ledger.notes,
  });
  return runRf1022(inputs);
}

export async function rf1022Command(args: string[], io: CliIO): Promise<number> {
  const cl = commandLine(args, SPEC, RF1022_USAGE, io);
  if (typeof cl === "number") return cl;
  const { parsed, value: v, usage } = cl;
  const ledgerPath = v("hovedbok");
  if (ledgerPath === undefined) return usage(["Oppgi hovedboken med --hovedbok (SAF-T-fil eller hovedbok-CSV)."]);
  if (parsed.positional.length === 0) return usage(["Oppgi årets a-meldinger (XML-filer)."]);
  const wrong = parsed.positional.filter((p) => extname(p).toLowerCase() !== ".xml");
  if (wrong.length > 0) return usage([`A-meldingene er XML-filer; ${wrong.map((p) => `«${basename(p)}»`).join(", ")} er ikke det.`]);
  const aarText = v("aar");
  const aar = aarText === undefined ? undefined : Number(aarText);
  if (aar !== undefined && (!Number.isInteger(aar) || aar < 2000 || aar > 2100)) return usage([`--aar må være et årstall (fikk «${aarText}»).`]);
  const tolText = v("toleranse");
  const toleranse = tolText === undefined ? undefined : Number(tolText.replace(",", "."));
  if (toleranse !== undefined && !Number.isFinite(toleranse)) return usage([`--toleranse må være et beløp i kroner (fikk «${tolText}»).`]);

  const xlsx = v("xlsx");
  const fail = (error: Problems) => failed(io, error, xlsx !== undefined);
  const run = await runRf1022Files(ledgerPath, parsed.positional, { ...(aar !== undefined ? { aar } : {}), ...(toleranse !== undefined ? { toleranse } : {}) });
  if (isProblems(run)) return fail(run);

  let signOff: Rf1022SignOff | undefined;
  let files: { type: string; path: string }[] = [];
  if (xlsx) {
    const wb = await workbookToFill(existingOrNew(xlsx));
    if (isProblems(wb)) return fail(wb);
    const snaps = snapshotsOf(wb, rf1022SheetsToRead());
    const planned = planRf1022Workbook(run, (s) => snaps.get(s));
    if (isProblems(planned)) return fail(planned);
    signOff = planned.signOff;
    const filled = await filledWorkbook(wb, planned.plan, xlsx);
    if (isProblems(filled)) return fail(filled);
    const written = writeOutputs([filled.file]);
    if (isProblems(written)) return fail(written);
    files = written;
  }
  if (parsed.flags.has("json")) {
    io.out(JSON.stringify(rf1022Json(run, { files, ...(signOff ? { signOff } : {}) }), null, 2));
    return 0;
  }
  io.out([...rf1022Text(run, signOff), ...closingLines(undefined, files)].join("\n"));
  return 0;
}
