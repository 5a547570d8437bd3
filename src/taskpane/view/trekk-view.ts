/**
 * The «Trekk og AGA» flow as data: the import form (the oppsett's fields and where each export
 * is), how it is kept in `_lonn` (`trekk.oppsett` holds the oppsett as the CLI's --oppsett file
 * has it; `trekk.import.*` where each export was read from), the preview per account and month,
 * the flags with their cells, the ledger differences a user may accept, and the Logg texts. Every
 * figure and message is core's; this only picks and formats.
 */
import { ReadSummary } from "../../core/import/types";
import { kroner, Ore } from "../../core/money/ore";
import { isProblems, Problem } from "../../core/problem/problem";
import { capitalized } from "../../core/text";
import { monthName } from "../../core/trekk/dates";
import { TrekkAvstemming, TrekkFlagKind } from "../../core/trekk/result";
import { ACCOUNT_NAMES, ACCOUNT_ORDER } from "../../core/trekk/sheet/layout";
import { DEFAULT_TREKK_KONTOER, Gjelder, Korreksjon } from "../../core/trekk/types";
import { DEFAULT_TREKK_TOLERANSE } from "../../core/trekk/reconcile";
import { parseTrekkOppsett, TrekkImportRun, TrekkOppsett } from "../../core/usecase/trekk-import";
import { TrekkRun } from "../../core/usecase/trekk";
import { count, kr } from "./format";
import { amountFieldText, parseAmountField, parseYearField } from "./input";
import { Place } from "./messages";

/** The exports read from a sheet or range (or pasted): the ledger when it is not SAF-T, payroll, payments, invoices. */
export type TrekkSource = "hovedbok" | "lonn" | "betalinger" | "fakturaer";
export const TREKK_SOURCES: readonly TrekkSource[] = ["hovedbok", "lonn", "betalinger", "fakturaer"];

export const TREKK_SOURCE_NAMES: Readonly<Record<TrekkSource, string>> = {
  hovedbok: "Hovedbok (transaksjonsliste)",
  lonn: "Lønnsjournal",
  betalinger: "Betalinger",
  fakturaer: "Fakturaer og trekklister (valgfritt)",
};

/** What a pasted export is called in messages. */
export const TREKK_SHORT_NAMES: Readonly<Record<TrekkSource, string>> = { hovedbok: "Hovedbok", lonn: "Lønnsjournal", betalinger: "Betalinger", fakturaer: "Fakturaer" };

/** Sheet names the pane suggests when the workbook has them (case does not matter). */
const SUGGESTED: Readonly<Record<TrekkSource, readonly string[]>> = {
  hovedbok: ["Hovedbok", "Hovedbok trekk", "Transaksjoner"],
  lonn: ["Lønnsjournal", "Lonnsjournal", "Lønn"],
  betalinger: ["Betalinger", "Betalinger trekk"],
  fakturaer: ["Trekklister", "Fakturaer", "Fakturaer og trekklister"],
};

export const TREKK_OPPSETT_KEY = "trekk.oppsett";
export const trekkSourceKey = (k: TrekkSource): string => `trekk.import.${k}`;

/** The form's text, field by field. */
export interface TrekkForm {
  readonly aar: string;
  readonly virksomhet: string;
  readonly orgnr: string;
  /** Kroner as typed: `1,00`. */
  readonly toleranse: string;
  readonly kontoer: Readonly<Record<Gjelder, string>>;
  readonly firma: string;
  readonly bilagsart: string;
  /** Sheet or range per export. */
  readonly ranges: Readonly<Record<TrekkSource, string>>;
  /** Accepted corrections, as the oppsett keeps them. */
  readonly korreksjoner: readonly Korreksjon[];
}

function storedOppsett(andre: Readonly<Record<string, string>>): TrekkOppsett | undefined {
  const text = andre[TREKK_OPPSETT_KEY];
  if (!text) return undefined;
  try {
    const o = parseTrekkOppsett(JSON.parse(text));
    return isProblems(o) ? undefined : o;
  } catch {
    return undefined;
  }
}

function storedRange(text: string | undefined): string {
  if (!text) return "";
  try {
    const v: unknown = JSON.parse(text);
    // The `_lonn` format's field name, as the SPK import's: `omrade`.
    const range = typeof v === "object" && v !== null ? (v as Record<string, unknown>)["omrade"] : undefined;
    return typeof range === "string" ? range : "";
  } catch {
    return "";
  }
}

/** The form as `_lonn` keeps it, else the workbook's sheets that look like the exports, else empty. */
export function trekkFormFrom(andre: Readonly<Record<string, string>>, sheetNames: readonly string[], thisYear: number): TrekkForm {
  const o = storedOppsett(andre);
  const range = (k: TrekkSource): string => {
    const saved = storedRange(andre[trekkSourceKey(k)]);
    if (saved) return saved;
    for (const name of SUGGESTED[k]) {
      const hit = sheetNames.find((a) => a.toLowerCase() === name.toLowerCase());
      if (hit) return hit;
    }
    return "";
  };
  return {
    aar: String(o?.aar ?? thisYear),
    virksomhet: o?.virksomhet ?? "",
    orgnr: o?.orgnr ?? "",
    toleranse: amountFieldText(o?.toleranse ?? DEFAULT_TREKK_TOLERANSE),
    kontoer: { ...(o?.kontoer ?? DEFAULT_TREKK_KONTOER) },
    firma: o?.firma ?? "",
    bilagsart: o?.bilagsart ?? "",
    ranges: Object.fromEntries(TREKK_SOURCES.map((k) => [k, range(k)])) as Record<TrekkSource, string>,
    korreksjoner: o?.korreksjoner ?? [],
  };
}

/** Field keys (the suffix of the field's DOM id `trekk-…`): `aar`, `konto-aga`. */
export type TrekkFieldKey = string;

export type TrekkFormResult =
  | { readonly ok: true; readonly oppsett: TrekkOppsett; readonly json: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly problems: Readonly<Record<TrekkFieldKey, string>>; readonly others: readonly Problem[] };

const FIELD_OF_PATH: Readonly<Record<string, TrekkFieldKey>> = {
  aar: "aar", virksomhet: "virksomhet", orgnr: "orgnr", toleranse: "toleranse", firma: "firma", bilagsart: "bilagsart",
  ...Object.fromEntries(ACCOUNT_ORDER.map((g) => [`kontoer.${g}`, `konto-${g}`])),
};

/**
 * The form read as the oppsett the CLI's --oppsett file holds (the same JSON, checked by the same
 * core parser), or a message per bad field. `korreksjoner` replaces the form's accepted corrections.
 */
export function readTrekkForm(f: TrekkForm, korreksjoner: readonly Korreksjon[] = f.korreksjoner): TrekkFormResult {
  const problems: Record<TrekkFieldKey, string> = {};
  const aar = parseYearField(f.aar);
  if (!aar.ok) problems.aar = aar.problem;
  const toleranse = parseAmountField(f.toleranse, DEFAULT_TREKK_TOLERANSE);
  if (!toleranse.ok) problems.toleranse = toleranse.problem;
  if (f.virksomhet.trim() === "") problems.virksomhet = "Fyll inn virksomhetens navn.";
  if (!aar.ok || !toleranse.ok || Object.keys(problems).length > 0) return { ok: false, problems, others: [] };
  // The oppsett file's field names.
  const json: Record<string, unknown> = {
    virksomhet: f.virksomhet.trim(),
    ...(f.orgnr.trim() !== "" ? { orgnr: f.orgnr.trim() } : {}),
    aar: aar.value,
    kontoer: Object.fromEntries(ACCOUNT_ORDER.map((g) => [g, f.kontoer[g].trim()])),
    toleranse: kroner(toleranse.value),
    ...(f.firma.trim() !== "" ? { firma: f.firma.trim() } : {}),
    ...(f.bilagsart.trim() !== "" ? { bilagsart: f.bilagsart.trim() } : {}),
    ...(korreksjoner.length > 0 ? { korreksjoner: korreksjoner.map((k) => ({ konto: k.konto, periode: k.periode, motkonto: k.motkonto, ...(k.tekst ? { tekst: k.tekst } : {}) })) } : {}),
  };
  const parsed = parseTrekkOppsett(json);
  if (isProblems(parsed)) {
    const others: Problem[] = [];
    for (const p of parsed.list) {
      const key = p.path !== undefined ? FIELD_OF_PATH[p.path] : undefined;
      if (key !== undefined && problems[key] === undefined) problems[key] = capitalized(p.message);
      else others.push(p);
    }
    return { ok: false, problems, others };
  }
  return { ok: true, oppsett: parsed, json };
}

/** What a fill stores in `_lonn`: the oppsett (JSON, as the --oppsett file) and the ranges used (not pasted text). */
export function trekkSettings(json: Readonly<Record<string, unknown>>, ranges: Readonly<Partial<Record<TrekkSource, string>>>): Record<string, string> {
  const out: Record<string, string> = { [TREKK_OPPSETT_KEY]: JSON.stringify(json) };
  for (const k of TREKK_SOURCES) {
    const range = ranges[k]?.trim() ?? "";
    out[trekkSourceKey(k)] = range ? JSON.stringify({ omrade: range }) : "";
  }
  return out;
}

/** One month of an account in the preview. */
export interface MonthRow {
  readonly maaned: string;
  readonly ib: string;
  readonly paalopt: string;
  readonly betalt: string;
  readonly hovedbokUb: string;
  readonly differanse: string;
  readonly avvik: boolean;
}

export interface AccountPreview {
  readonly konto: string;
  /** `2600 Forskuddstrekk`. */
  readonly title: string;
  readonly rows: readonly MonthRow[];
  /** `Ingen differanse mot hovedboken` or `2 måneder med differanse`. */
  readonly summary: string;
}

/** The roll-forward per account and month, as the preview shows it. */
export function accountPreview(a: TrekkAvstemming): AccountPreview[] {
  return ACCOUNT_ORDER.map((g) => {
    const konto = a.kontoer[g];
    const rows = a.kontroller.filter((k) => k.konto === konto).map((k) => ({
      maaned: monthName(k.periode),
      ib: kr(k.ib),
      paalopt: kr(k.paalopt),
      betalt: kr(k.betalt),
      hovedbokUb: kr(k.hovedbokUb),
      differanse: kr(k.differanse),
      avvik: a.flags.some((f) => f.kind === "avvikHovedbok" && f.konto === konto && f.periode === k.periode),
    }));
    const off = rows.filter((r) => r.avvik).length;
    return { konto, title: `${konto} ${ACCOUNT_NAMES[g]}`, rows, summary: off === 0 ? "Ingen differanse mot hovedboken" : `${count(off, "måned", "måneder")} med differanse mot hovedboken` };
  });
}

/** `lonnsjournal.csv: 452 av 452 rader brukt …` per sheet, and the a-meldinger and SAF-T file. */
export function readLines(r: TrekkImportRun, sheetLine: (s: ReadSummary) => string): string[] {
  const replaced = r.meldinger.filter((m) => m.erstattetAv !== undefined).length;
  return [
    `A-meldinger: ${count(r.meldinger.length, "fil", "filer")}${replaced > 0 ? `, ${count(replaced, "erstattet", "erstattet")} av en senere melding` : ""}.`,
    ...(r.saft ? [`${r.saft.file}: SAF-T ${r.saft.versjon}, ${r.saft.linjerLest} av ${r.saft.linjer} linjer på kontoene.`] : []),
    ...r.sheets.map(sheetLine),
  ];
}

export const TREKK_FLAG_TYPES: Readonly<Record<TrekkFlagKind, string>> = {
  forsinket: "Betalt for sent",
  underbetalt: "Betalt for lite",
  overbetalt: "Betalt for mye",
  avvikAmelding: "Lønn og a-melding er ulike",
  avvikFaktura: "Lønn og faktura er ulike",
  avvikHovedbok: "Hovedboken avviker fra avstemmingen",
  feilSats: "Feil AGA-sats i a-meldingen",
  endretEtterSignering: "Endret etter signering",
};

export interface TrekkFlagView {
  readonly kind: TrekkFlagKind;
  readonly type: string;
  readonly message: string;
  readonly place?: Place;
  /** `Gå til H12`. */
  readonly button?: string;
}

/** Every flag with its type and the cell it is written in (core's trekkFlagCells). */
export function trekkFlagViews(a: TrekkAvstemming, cells: readonly (string | undefined)[], sheet: string): TrekkFlagView[] {
  return a.flags.map((f, i) => {
    const address = cells[i];
    return {
      kind: f.kind,
      type: TREKK_FLAG_TYPES[f.kind],
      message: f.melding,
      ...(address ? { place: { sheet, address }, button: `Gå til ${address}` } : {}),
    };
  });
}

/** `4 flagg: 1 betalt for sent, 1 betalt for lite, 2 lønn og faktura er ulike`. */
export function trekkFlagSummary(a: TrekkAvstemming): string {
  if (a.flags.length === 0) return "Ingen flagg: kontoene stemmer med lønn, a-melding, betalinger og hovedbok.";
  const kinds = [...new Set(a.flags.map((f) => f.kind))];
  return `${count(a.flags.length, "flagg", "flagg")}: ${kinds.map((k) => `${a.flags.filter((f) => f.kind === k).length} ${TREKK_FLAG_TYPES[k].toLowerCase()}`).join(", ")}.`;
}

/** A ledger difference the user may accept and post away. */
export interface CorrectionChoice {
  readonly konto: string;
  readonly periode: string;
  /** `2770 april 2026: −45,00`. */
  readonly label: string;
  readonly differanse: Ore;
  /** Accepted already (in the oppsett). */
  readonly chosen: boolean;
  /** The counter account: the accepted one, else 5400 for AGA, else empty (the user says). */
  readonly motkonto: string;
}

/** Every month whose ledger is not the roll-forward's (core's avvikHovedbok flags), with what the oppsett already accepts. */
export function correctionChoices(a: TrekkAvstemming, accepted: readonly Korreksjon[]): CorrectionChoice[] {
  return a.flags
    .filter((f) => f.kind === "avvikHovedbok" && f.periode !== undefined)
    .map((f) => {
      const k = a.kontroller.find((x) => x.konto === f.konto && x.periode === f.periode);
      const chosen = accepted.find((x) => x.konto === f.konto && x.periode === f.periode);
      const differanse = (k?.differanse ?? 0) as Ore;
      return {
        konto: f.konto,
        periode: f.periode as string,
        label: `${f.konto} ${monthName(f.periode as string)}: differanse ${kr(differanse)}`,
        differanse,
        chosen: chosen !== undefined,
        motkonto: chosen?.motkonto ?? (f.konto === a.kontoer.aga ? "5400" : ""),
      };
    });
}

export const TREKK_ACTIONS = {
  fill: "Trekk og AGA fylt fra import",
  bilag: "Korreksjonsbilag for trekk skrevet",
  export: "Korreksjonsbilag for trekk eksportert",
} as const;

/** The Logg row's control totals of a trekk write. */
export function trekkTotals(run: TrekkRun): string {
  const a = run.avstemming;
  const off = a.kontroller.filter((k) => k.differanse !== 0).length;
  return `${a.scenario.virksomhet} ${a.scenario.aar}: ${count(a.kontroller.length, "kontrollrad", "kontrollrader")} (${off} med differanse), ` +
    `${count(a.forskuddstrekk.length, "forskuddstrekk", "forskuddstrekk")}, ${count(a.aga.length, "AGA-termin", "AGA-terminer")}; ` +
    `${count(a.flags.length, "flagg", "flagg")}; ${count(run.bilag.length, "korreksjonsbilag", "korreksjonsbilag")}`;
}
