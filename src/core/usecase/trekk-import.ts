/**
 * The import form of the trekk reconciliation (DESIGN.md §8.5): an oppsett, the a-melding XML, the
 * ledger (SAF-T Financial, or a ledger CSV or sheet), the payroll journal, the payments and the
 * insurers' and unions' lists, read by core/import's readers and put together into exactly the
 * TrekkScenario a scenario file holds; then the same run as the scenario form (usecase/trekk.ts).
 *
 * Pure. A shell reads the oppsett, streams the XML with the readers `trekkReaderOptions` asks for
 * (the CLI from files, the task pane from the text of a chosen file), reads the CSV files or the
 * sheets into grids, and hands the results here. Every problem of every input comes back at once,
 * each named by its file and its cell, row or XML element: the model's checks, which speak of
 * scenario paths (`betalinger[3].utbetalingsdato`), are placed back where the reader found the
 * item (`betalinger.csv!D5`). An a-melding AGA rate that is not the rules' rate for the zone and
 * year is refused here (issue 14, «Bad input»), naming the melding and its element; the scenario
 * form, whose author has typed the rate, keeps it as a flag.
 */
import { AmeldingFileSummary, AmeldingImport, AmeldingOptions } from "../import/amelding";
import { readCounterparties } from "../import/counterparties";
import { readLedgerCsv } from "../import/ledger-csv";
import { readPayments, PaymentField, PaymentPlace } from "../import/payments";
import { readPayrollJournal } from "../import/payroll-journal";
import { DuplicatePolicy } from "../import/row-checks";
import { append } from "../list";
import { SaftImport, SaftOptions } from "../import/saft";
import { ReadSummary, SheetInput } from "../import/types";
import { percentText } from "../money/format";
import { Checked, isProblems, placed, Problem, Problems, problems as problemsOf, rejected } from "../problem/problem";
import { normalOrgnr } from "../rules/orgnr";
import { capitalized } from "../text";
import { norwegianDate, monthName } from "../trekk/dates";
import { kr } from "../trekk/flags";
import { rateMismatches } from "../trekk/reconcile";
import { parseTrekkScenario } from "../trekk/scenario";
import { TrekkScenario } from "../trekk/types";
import { isObj } from "../problem/json-fields";
import { runTrekk, TrekkInputs, TrekkRun } from "./trekk";

/** The scenario's fields the exports do not hold: who, which year, the accounts, the export and the accepted corrections. */
export type TrekkOppsett = Omit<TrekkScenario, "lonnskjoringer" | "amelding" | "hovedbok" | "betalinger" | "mottakere">;

/** What comes from the exports, never from the oppsett. */
const FROM_EXPORTS = ["lonnskjoringer", "amelding", "hovedbok", "betalinger", "mottakere"] as const;

/**
 * The oppsett file (JSON): the scenario file without its data (virksomhet, orgnr, aar, kontoer,
 * toleranse, firma, bilagsart, korreksjoner), checked field by field as the scenario is.
 */
export function parseTrekkOppsett(json: unknown): Checked<TrekkOppsett> {
  if (!isObj(json)) return problemsOf("Oppsettet må være et JSON-objekt med virksomhet og aar (og gjerne orgnr, kontoer, toleranse, firma, bilagsart, korreksjoner).");
  const data = FROM_EXPORTS.filter((k) => json[k] !== undefined);
  if (data.length > 0) {
    return new Problems(data.map((k) => ({ path: k, message: "kommer fra eksportfilene; fjern feltet fra oppsettfilen (eller bruk filen som scenario: lonn trekk SCENARIO.json)." })));
  }
  const scenario = parseTrekkScenario({ ...json, lonnskjoringer: [], amelding: [], hovedbok: [], betalinger: [] });
  if (isProblems(scenario)) return scenario;
  const { lonnskjoringer: _l, amelding: _a, hovedbok: _h, betalinger: _b, mottakere: _m, ...oppsett } = scenario;
  return oppsett;
}

/** What the streaming readers need to know before they read: the year, the opplysningspliktig, the accounts. */
export function trekkReaderOptions(o: TrekkOppsett): { readonly amelding: AmeldingOptions; readonly saft: Omit<SaftOptions, "file"> } {
  return {
    amelding: { aar: o.aar, ...(o.orgnr !== undefined ? { orgnr: o.orgnr } : {}) },
    saft: { kontoer: Object.values(o.kontoer), aar: o.aar },
  };
}

/** The ledger: a SAF-T file read by the streaming reader, or a ledger CSV or sheet. */
export type TrekkLedgerSource =
  | { readonly kind: "saft"; readonly file: string; readonly read: Checked<SaftImport> }
  | { readonly kind: "sheet"; readonly input: Checked<SheetInput> };

/** Every input of the import form, as the shell read it (a source that could not be read is its problems). */
export interface TrekkImportSources {
  readonly oppsett: { readonly file: string; readonly oppsett: TrekkOppsett };
  /** The a-meldinger, combined (replacements applied); `files` for the run's source line. */
  readonly amelding: Checked<AmeldingImport>;
  readonly hovedbok: TrekkLedgerSource;
  readonly lonn: Checked<SheetInput>;
  readonly betalinger: Checked<SheetInput>;
  readonly fakturaer?: Checked<SheetInput>;
  /** Rows that are exact copies: counted (`--godta-like-rader`) or refused; default the oppsett's `godtaLikeRader`, else refused. */
  readonly duplicates?: DuplicatePolicy;
}

/** The run, and what each reader did (for a preview). */
export interface TrekkImportRun {
  readonly run: TrekkRun;
  /** The exports read, by name (`13 a-meldinger`, `saft-2026.xml`, `lonnsjournal.csv` …); the run's source is the oppsett's file and these. */
  readonly exports: readonly string[];
  /** The CSV files or sheets: rows used, header row, what was left out. */
  readonly sheets: readonly ReadSummary[];
  readonly meldinger: readonly AmeldingFileSummary[];
  readonly saft?: { readonly file: string; readonly versjon: string; readonly linjer: number; readonly linjerLest: number };
}

/** Where the scenario's items came from, for placing the model's problems back in the inputs. */
interface Origins {
  readonly scenario: TrekkScenario;
  readonly oppsettFile: string;
  readonly ledger: { readonly file?: string; readonly sheet?: string };
  readonly lonn: string;
  readonly betalinger: string;
  readonly places: readonly PaymentPlace[];
  readonly fakturaer?: string;
  readonly amelding: AmeldingImport;
}

const PAYMENT_FIELD: Readonly<Record<string, PaymentField>> = {
  dato: "dato", gjelder: "gjelder", belop: "belop", utbetalingsdato: "utbetalingsdato", termin: "termin", aar: "aar", periode: "periode",
};

/** The a-melding element a scenario field of `amelding[i]` came from. */
function ameldingElement(rest: string, agaElement: (line: number) => string | undefined): string {
  const perDate = rest.match(/^forskuddstrekkPerUtbetalingsdato\[(\d+)\](?:\.(\w+))?/);
  if (perDate) {
    const base = `Leveranse/oppgave/betalingsinformasjon/sumForskuddstrekkPerLoennsutbetalingsdato[${Number(perDate[1]) + 1}]`;
    return perDate[2] === "belop" ? `${base}/beloep` : perDate[2] === "dato" ? `${base}/loennsutbetalingsdato` : base;
  }
  const aga = rest.match(/^agaGrunnlag\[(\d+)\](?:\.(\w+))?/);
  if (aga) {
    const base = agaElement(Number(aga[1])) ?? "Leveranse/oppgave/virksomhet/arbeidsgiveravgift";
    const child: Readonly<Record<string, string>> = { sone: "sone", grunnlag: "avgiftsgrunnlagBeloep", prosentsats: "prosentsatsForAvgiftsberegning" };
    return aga[2] && child[aga[2]] ? `${base}/${child[aga[2]]}` : base;
  }
  if (rest.startsWith("kalendermaaned")) return "Leveranse/kalendermaaned";
  if (rest.startsWith("sumForskuddstrekk")) return "Leveranse/oppgave/betalingsinformasjon/sumForskuddstrekk";
  if (rest.startsWith("sumArbeidsgiveravgift")) return "Leveranse/oppgave/betalingsinformasjon/sumArbeidsgiveravgift";
  return "Leveranse";
}

/** The melding that stands for month `i` of the scenario, and its AGA lines' elements. */
function standingAmelding(o: Origins, i: number): { file?: string; agaElement: (line: number) => string | undefined } {
  const m = o.scenario.amelding[i];
  const standing = m && o.amelding.meldinger.find((x) => x.kalendermaaned === m.kalendermaaned && x.orgnr === m.orgnr && x.erstattetAv === undefined);
  return {
    ...(standing ? { file: standing.file } : {}),
    agaElement: (line) => o.amelding.agaKoder.find((k) => k.kalendermaaned === m?.kalendermaaned && k.orgnr === m?.orgnr && k.index === line)?.element,
  };
}

/**
 * A problem of the model or its checks (placed by a scenario path) placed in the input it came
 * from: a payment's cell, an a-melding's file and element, the ledger's or payroll's file with the
 * item named; the oppsett's own fields keep their path in the oppsett file.
 */
function placeInInputs(p: Problem, o: Origins): Problem {
  if (p.path === undefined) return placed(p, { file: o.oppsettFile });
  const m = p.path.match(/^(\w+)(?:\[(\d+)\])?(?:\.(.*))?$/);
  const section = m?.[1] ?? "";
  const index = m?.[2] === undefined ? undefined : Number(m[2]);
  const rest = m?.[3] ?? "";
  const { path: _path, ...rid } = p;
  const message = capitalized(p.message);
  switch (section) {
    case "betalinger": {
      const at = index === undefined ? undefined : o.places[index];
      const field = PAYMENT_FIELD[rest.split(".")[0]];
      // A year given in the termin cell (`T6 2025`) has no column of its own.
      const cell = at && field ? (at.cells[field] ?? (field === "aar" ? at.cells.termin : undefined)) : undefined;
      return { ...rid, sheet: o.betalinger, ...(at ? { row: at.row } : {}), ...(cell ? { cell } : {}), message };
    }
    case "amelding": {
      const standing = index === undefined ? { agaElement: () => undefined } : standingAmelding(o, index);
      const file = "file" in standing && standing.file ? standing.file : undefined;
      return { ...rid, ...(file ? { file } : {}), element: ameldingElement(rest, standing.agaElement), message: file ? message : `A-meldingene: ${p.message}` };
    }
    case "lonnskjoringer": {
      const run = index === undefined ? undefined : o.scenario.lonnskjoringer[index];
      const what = run ? `Lønnskjøringen ${norwegianDate(run.utbetalingsdato)}${run.virksomhetsnummer ? ` (virksomhet ${run.virksomhetsnummer})` : ""}: ` : "";
      return { ...rid, sheet: o.lonn, message: what ? `${what}${p.message}` : message };
    }
    case "hovedbok": {
      const konto = index === undefined ? undefined : o.scenario.hovedbok[index];
      const posting = rest.match(/^posteringer\[(\d+)\]/);
      const p2 = konto && posting ? konto.posteringer[Number(posting[1])] : undefined;
      const what = konto ? `Konto ${konto.konto}${p2 ? `, posteringen ${norwegianDate(p2.dato)} (${kr(p2.belop)})` : ""}: ` : "";
      return { ...rid, ...o.ledger, message: what ? `${what}${p.message}` : `Hovedboken ${p.message}` };
    }
    case "mottakere": {
      const party = index === undefined ? undefined : o.scenario.mottakere[index];
      const month = rest.match(/^fakturert\[(\d+)\]/);
      const f = party && month ? party.fakturert[Number(month[1])] : undefined;
      const what = party ? `${party.navn} (konto ${party.konto})${f ? `, ${monthName(f.periode)}` : ""}: ` : "";
      return { ...rid, ...(o.fakturaer ? { sheet: o.fakturaer } : {}), message: what ? `${what}${p.message}` : message };
    }
    default:
      return placed(p, { file: o.oppsettFile });
  }
}

/** A rate the rules do not give, refused at its element: the melding must be replaced. */
function rateProblems(o: Origins): Problem[] {
  return rateMismatches(o.scenario).map((x) => {
    const m = o.scenario.amelding[x.maaned];
    const line = m.agaGrunnlag[x.line];
    const standing = standingAmelding(o, x.maaned);
    const kode = o.amelding.agaKoder.find((k) => k.kalendermaaned === m.kalendermaaned && k.orgnr === m.orgnr && k.index === x.line);
    return {
      ...(standing.file ? { file: standing.file } : {}),
      ...(kode ? { row: kode.row } : {}),
      element: `${kode?.element ?? "Leveranse/oppgave/virksomhet/arbeidsgiveravgift"}/prosentsatsForAvgiftsberegning`,
      value: String(line.prosentsats),
      message:
        `A-meldingen for ${monthName(m.kalendermaaned)} bruker ${percentText(x.reported)} for sone ${line.sone} (${x.zone})${line.virksomhetsnummer ? ` i virksomhet ${line.virksomhetsnummer}` : ""}, ` +
        `men satsen for sonen i ${m.kalendermaaned.slice(0, 4)} er ${percentText(x.rule)} (${kr(x.belop)} i avgift på grunnlaget ${kr(line.grunnlag)}). ` +
        "Send en erstatning for meldingen (erstatterMeldingsId) med riktig sats og legg den ved, eller rett sonen.",
    };
  });
}

const sheetName = (s: Checked<SheetInput> | undefined): string => (s === undefined || isProblems(s) ? "" : s.sheet);

/**
 * Reads the exports with core's readers, puts the scenario together and runs it (usecase/trekk's
 * runTrekk, as the scenario form). Every problem of every input at once; nothing when there is one.
 */
export function runTrekkImport(sources: TrekkImportSources): Checked<TrekkImportRun> {
  const { oppsett, file: oppsettFile } = { oppsett: sources.oppsett.oppsett, file: sources.oppsett.file };
  const found: Problem[] = [];
  const take = <T>(r: Checked<T>): T | undefined => {
    if (isProblems(r)) {
      append(found, r.list);
      return undefined;
    }
    return r;
  };
  const kontoer = Object.values(oppsett.kontoer);
  const amelding = take(sources.amelding);
  const ledgerSource = sources.hovedbok;
  const saft = ledgerSource.kind === "saft" ? take(ledgerSource.read) : undefined;
  const ledgerInput = ledgerSource.kind === "sheet" ? take(ledgerSource.input) : undefined;
  const duplicates = sources.duplicates ?? (oppsett.acceptCopies ? "count" : "refuse");
  const ledgerCsv = ledgerInput ? take(readLedgerCsv(ledgerInput, { kontoer, aar: oppsett.aar, duplicates })) : undefined;
  const lonnInput = take(sources.lonn);
  const payroll = lonnInput ? take(readPayrollJournal(lonnInput, { aar: oppsett.aar, duplicates })) : undefined;
  const paymentsInput = take(sources.betalinger);
  const payments = paymentsInput ? take(readPayments(paymentsInput, { aar: oppsett.aar, kontoer: oppsett.kontoer, duplicates })) : undefined;
  const invoicesInput = sources.fakturaer === undefined ? undefined : take(sources.fakturaer);
  const invoices = invoicesInput ? take(readCounterparties(invoicesInput, { duplicates })) : undefined;
  if (saft && oppsett.orgnr !== undefined && saft.orgnr !== undefined) {
    const nr = normalOrgnr(saft.orgnr);
    if (nr !== undefined && nr !== oppsett.orgnr) {
      found.push({ file: ledgerSource.kind === "saft" ? ledgerSource.file : "", element: "Header/Company/RegistrationNumber", message: `SAF-T-filen er for organisasjonsnummer ${nr}, men oppsettet gjelder ${oppsett.orgnr}.` });
    }
  }
  if (found.length > 0) return rejected("Importen", found);

  const a = amelding as AmeldingImport;
  const hovedbok = saft ? saft.hovedbok : (ledgerCsv?.hovedbok ?? []);
  const scenario: TrekkScenario = {
    ...oppsett,
    lonnskjoringer: payroll?.lonnskjoringer ?? [],
    amelding: a.maaneder,
    hovedbok,
    betalinger: payments?.betalinger ?? [],
    mottakere: invoices?.mottakere ?? [],
  };
  const ledgerFile = ledgerSource.kind === "saft" ? ledgerSource.file : sheetName(ledgerSource.input);
  const origins: Origins = {
    scenario,
    oppsettFile,
    ledger: ledgerSource.kind === "saft" ? { file: ledgerSource.file } : { sheet: ledgerFile },
    lonn: sheetName(sources.lonn),
    betalinger: sheetName(sources.betalinger),
    places: payments?.places ?? [],
    ...(invoicesInput ? { fakturaer: invoicesInput.sheet } : {}),
    amelding: a,
  };
  const exports = [`${a.meldinger.length} a-meldinger`, ledgerFile, origins.lonn, origins.betalinger, ...(origins.fakturaer ? [origins.fakturaer] : [])];
  const inputs: TrekkInputs = {
    source: [oppsettFile, ...exports].join(", "),
    scenario,
    notes: [...a.notes, ...(saft?.notes ?? []), ...(ledgerCsv?.notes ?? []), ...(payroll?.notes ?? []), ...(payments?.notes ?? []), ...(invoices?.notes ?? [])],
  };
  const run = runTrekk(inputs);
  if (isProblems(run)) return rejected("Importen", run.list.map((p) => placeInInputs(p, origins)));
  const rates = rateProblems(origins);
  if (rates.length > 0) return rejected("Importen", rates);
  return {
    run,
    exports,
    sheets: [ledgerCsv?.summary, payroll?.summary, payments?.summary, invoices?.summary].filter((s): s is ReadSummary => s !== undefined),
    meldinger: a.meldinger,
    ...(saft && ledgerSource.kind === "saft" ? { saft: { file: ledgerSource.file, versjon: saft.versjon, linjer: saft.summary.linjer, linjerLest: saft.summary.linjerLest } } : {}),
  };
}
