import { Checked, Place, ProblemList } from "../problem/problem";
import { isValidOrgnr, normalOrgnr } from "../rules/orgnr";
import { cellAddress, rangeOf } from "../sheet/a1";
import { isBlank } from "../sheet/cell";
import { cellOf, SheetSnapshot } from "../sheet/snapshot";
import { MAX_DIMENSJONER as DIMENSION_COUNT } from "../voucher/dimensions";
import { DimensjonsAndel } from "../voucher/types";
import { maxOf, minOf } from "../list";
import { readText } from "./cell-values";
import { Cell, emptyPlan, RangeWrite, WritePlan } from "./write-plan";

/** The very hidden settings sheet's name. */
export const SETTINGS_SHEET = "_lonn";

/**
 * The very hidden `_lonn` sheet: key/value rows (A key, B value, C what it is) for what the add-in
 * needs besides the visible header. Settings live in workbook content so every co-author, the CLI
 * and LibreOffice see the same configuration (DESIGN.md §4).
 *
 * One value, one place: what DESIGN.md puts in the header (virksomhet, år, budsjettering,
 * resultatføring, AGA-snittsats, toleranse, vesentlighetsgrense, accounts, dimension names and
 * values) lives only in the reconciliation sheet's header. `_lonn` holds the rest: the schema
 * version, which sheet is the reconciliation, orgnr, bilagsart and firma (for the voucher export),
 * each dimension's split and whether it is required, and the task pane's import configuration.
 * Keys the add-in does not know (written by a newer version) are kept as they are.
 */

export const SETTINGS_SCHEMA_VERSION = 1;

export interface DimensjonsInnstilling {
  readonly fordeling?: readonly DimensjonsAndel[];
  readonly pakrevd?: boolean;
}

export interface LonnSettings {
  readonly skjemaversjon: number;
  readonly avstemmingsark?: string;
  readonly orgnr?: string;
  readonly bilagsart?: string;
  readonly firma?: string;
  /** By Unit4 slot 1–7. */
  readonly dimensjoner: Readonly<Record<number, DimensjonsInnstilling>>;
  /** Every other key as stored: `import.*` for the task pane, keys of newer versions. */
  readonly andre: Readonly<Record<string, string>>;
}

export const SETTINGS_KEYS = {
  skjemaversjon: "skjemaversjon",
  avstemmingsark: "avstemmingsark",
  orgnr: "orgnr",
  bilagsart: "bilagsart",
  firma: "firma",
  fordeling: (n: number) => `dimensjon.${n}.fordeling`,
  pakrevd: (n: number) => `dimensjon.${n}.pakrevd`,
} as const;

/** Placeholders the task pane fills with its import configuration (JSON); written empty when missing. */
export const IMPORT_KEYS = ["import.sap", "import.unit4", "import.spk"] as const;

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  skjemaversjon: "Versjon av oppsettet i dette arket",
  avstemmingsark: "Arket med avstemmingen (A10/A11)",
  orgnr: "Virksomhetens organisasjonsnummer",
  bilagsart: "Bilagsart i Unit4 for korreksjonsbilaget",
  firma: "Firmakode (klient) i Unit4",
  "import.sap": "Importoppsett for SAP-lønnsartrapport (JSON, settes av tillegget)",
  "import.unit4": "Importoppsett for Unit4-saldoliste (JSON, settes av tillegget)",
  "import.spk": "Importoppsett for SPK-faktura (JSON, settes av tillegget)",
};

function description(key: string): string {
  const m = key.match(/^dimensjon\.(\d)\.(fordeling|pakrevd)$/);
  if (m) {
    return m[2] === "fordeling"
      ? `Fordeling av kostnadslinjer på dimensjon ${m[1]}: JSON-liste med verdi og vekt`
      : `Dimensjon ${m[1]} må ha verdi på kostnadslinjer (ja/nei)`;
  }
  return DESCRIPTIONS[key] ?? "";
}

export const SETTINGS_HEADER = ["Nøkkel", "Verdi", "Beskrivelse"] as const;

/** The key/value pairs of settings as the sheet stores them. */
function storedPairs(s: LonnSettings): Map<string, string | number> {
  const pairs = new Map<string, string | number>();
  pairs.set(SETTINGS_KEYS.skjemaversjon, s.skjemaversjon);
  pairs.set(SETTINGS_KEYS.avstemmingsark, s.avstemmingsark ?? "");
  pairs.set(SETTINGS_KEYS.orgnr, s.orgnr ?? "");
  pairs.set(SETTINGS_KEYS.bilagsart, s.bilagsart ?? "");
  pairs.set(SETTINGS_KEYS.firma, s.firma ?? "");
  for (let n = 1; n <= DIMENSION_COUNT; n++) {
    const d = s.dimensjoner[n];
    pairs.set(SETTINGS_KEYS.fordeling(n), d?.fordeling ? JSON.stringify(d.fordeling.map((a) => ({ verdi: a.verdi, vekt: a.vekt }))) : "");
    pairs.set(SETTINGS_KEYS.pakrevd(n), d?.pakrevd === undefined ? "" : d.pakrevd ? "ja" : "nei");
  }
  for (const key of IMPORT_KEYS) pairs.set(key, s.andre[key] ?? "");
  for (const [key, value] of Object.entries(s.andre)) pairs.set(key, value);
  return pairs;
}

/** Rows of an existing `_lonn` sheet: key → 1-based row, and the row after the last one used. */
function existingRows(snapshot: SheetSnapshot | undefined): { rows: Map<string, number>; next: number } {
  const rows = new Map<string, number>();
  let last = 1;
  const height = snapshot ? Math.max(snapshot.values.length, snapshot.formulas.length) : 0;
  for (let r = 1; r < height; r++) {
    const key = readText(cellOf(snapshot, { row: r, col: 0 }).value);
    if (key === undefined) continue;
    last = r + 1;
    if (!rows.has(key)) rows.set(key, r + 1);
  }
  return { rows, next: last + 1 };
}

const sameStored = (existing: unknown, wanted: string | number): boolean =>
  (readText(existing) ?? "") === String(wanted);

/**
 * The write plan for the `_lonn` sheet: the header row and every key. Keys already there are
 * updated in place only when their value changes; new keys are appended; keys the add-in does not
 * know are never touched. An empty value is not written as a new row (except the import
 * placeholders, which show the task pane where its configuration goes).
 */
export function planSettings(settings: LonnSettings, existing?: SheetSnapshot): WritePlan {
  const { rows, next } = existingRows(existing);
  const cells = new Map<number, Cell[]>();
  const put = (row: number, col: number, value: Cell) => {
    const line = cells.get(row) ?? [null, null, null];
    line[col] = value;
    cells.set(row, line);
  };
  SETTINGS_HEADER.forEach((h, col) => {
    if (isBlank(cellOf(existing, { row: 0, col }).value)) put(1, col, h);
  });
  let append = next;
  for (const [key, value] of storedPairs(settings)) {
    const row = rows.get(key);
    if (row !== undefined) {
      if (!sameStored(cellOf(existing, { row: row - 1, col: 1 }).value, value)) put(row, 1, value);
      continue;
    }
    if (value === "" && !(IMPORT_KEYS as readonly string[]).includes(key)) continue;
    put(append, 0, key);
    put(append, 1, value);
    put(append, 2, description(key));
    append++;
  }
  const plan = emptyPlan();
  const sheets = [{ name: SETTINGS_SHEET, visibility: "veryHidden" as const, columnWidths: { A: 26, B: 40, C: 60 } }];
  if (cells.size === 0) return { ...plan, sheets };
  const first = minOf(cells.keys());
  const lastRow = maxOf(cells.keys());
  const grid: Cell[][] = [];
  for (let r = first; r <= lastRow; r++) grid.push(cells.get(r) ?? [null, null, null]);
  const write: RangeWrite = { sheet: SETTINGS_SHEET, address: rangeOf({ row: first - 1, col: 0 }, grid.length, 3), cells: grid, numberFormat: "@" };
  const formats = existing ? [] : [{ sheet: SETTINGS_SHEET, address: "A1:C1", style: "header" as const }];
  return { ...plan, sheets, writes: [write], formats };
}

function readFordeling(text: string, at: Place, problems: ProblemList): DimensjonsAndel[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    problems.add('fordelingen er ikke gyldig JSON (ventet f.eks. [{"verdi":"1001","vekt":3}]).', at);
    return undefined;
  }
  const ok =
    Array.isArray(parsed) &&
    parsed.length > 0 &&
    parsed.every((a) => typeof a === "object" && a !== null && typeof a.verdi === "string" && typeof a.vekt === "number" && Number.isFinite(a.vekt) && a.vekt >= 0) &&
    parsed.some((a) => a.vekt > 0);
  if (!ok) {
    problems.add("fordelingen må være en liste med verdi (tekst) og vekt (0 eller mer, minst én over 0).", at);
    return undefined;
  }
  return (parsed as DimensjonsAndel[]).map((a) => ({ verdi: a.verdi, vekt: a.vekt }));
}

/** The settings stored on a `_lonn` sheet; every bad cell named. No sheet: version 1, nothing set. */
export function readSettings(snapshot?: SheetSnapshot): Checked<LonnSettings> {
  const problems = new ProblemList();
  const { rows } = existingRows(snapshot);
  const sheet = snapshot?.name ?? SETTINGS_SHEET;
  const value = (key: string): { text: string | undefined; at: Place } => {
    const row = rows.get(key);
    if (row === undefined) return { text: undefined, at: { sheet } };
    const text = readText(cellOf(snapshot, { row: row - 1, col: 1 }).value);
    return { text: text === "" ? undefined : text, at: { sheet, cell: cellAddress({ row: row - 1, col: 1 }), row } };
  };

  let skjemaversjon = SETTINGS_SCHEMA_VERSION;
  const v = value(SETTINGS_KEYS.skjemaversjon);
  if (v.text !== undefined) {
    const n = Number(v.text);
    if (!Number.isInteger(n) || n < 1) problems.add(`«${v.text}» er ikke en skjemaversjon.`, v.at);
    else if (n > SETTINGS_SCHEMA_VERSION) {
      problems.add(`oppsettet er laget av en nyere versjon av tillegget (skjemaversjon ${n}); oppdater tillegget.`, v.at);
    } else skjemaversjon = n;
  }

  const dimensjoner: Record<number, DimensjonsInnstilling> = {};
  for (let n = 1; n <= DIMENSION_COUNT; n++) {
    const f = value(SETTINGS_KEYS.fordeling(n));
    const p = value(SETTINGS_KEYS.pakrevd(n));
    const fordeling = f.text !== undefined ? readFordeling(f.text, f.at, problems) : undefined;
    let pakrevd: boolean | undefined;
    if (p.text !== undefined) {
      const word = p.text.toLowerCase();
      if (["ja", "j", "sann", "true", "1"].includes(word)) pakrevd = true;
      else if (["nei", "n", "usann", "false", "0"].includes(word)) pakrevd = false;
      else problems.add(`«${p.text}» må være ja eller nei.`, p.at);
    }
    if (fordeling || pakrevd !== undefined) {
      dimensjoner[n] = { ...(fordeling ? { fordeling } : {}), ...(pakrevd !== undefined ? { pakrevd } : {}) };
    }
  }

  const known = new Set<string>([
    SETTINGS_KEYS.skjemaversjon, SETTINGS_KEYS.avstemmingsark, SETTINGS_KEYS.orgnr, SETTINGS_KEYS.bilagsart, SETTINGS_KEYS.firma,
    ...[1, 2, 3, 4, 5, 6, 7].flatMap((n) => [SETTINGS_KEYS.fordeling(n), SETTINGS_KEYS.pakrevd(n)]),
  ]);
  const andre: Record<string, string> = {};
  for (const key of rows.keys()) {
    if (known.has(key)) continue;
    andre[key] = value(key).text ?? "";
  }
  const orgnr = value(SETTINGS_KEYS.orgnr);
  if (orgnr.text !== undefined) {
    const nr = normalOrgnr(orgnr.text);
    if (nr === undefined) problems.add(`organisasjonsnummeret «${orgnr.text}» må ha ni sifre.`, orgnr.at);
    else if (!isValidOrgnr(nr)) problems.add(`organisasjonsnummeret ${nr} har feil kontrollsiffer (modulus 11).`, orgnr.at);
  }
  const text = (key: string) => {
    const t = value(key).text;
    return t === undefined ? {} : { [key]: key === SETTINGS_KEYS.orgnr ? t.replace(/\s/g, "") : t };
  };
  return problems.result(() => ({
    skjemaversjon,
    ...text(SETTINGS_KEYS.avstemmingsark),
    ...text(SETTINGS_KEYS.orgnr),
    ...text(SETTINGS_KEYS.bilagsart),
    ...text(SETTINGS_KEYS.firma),
    dimensjoner,
    andre,
  }));
}
