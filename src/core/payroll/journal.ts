/**
 * The payroll journal of `lonn lonnsbilag`, normalised: what the JSON file holds and what the CSV
 * and sheet reader (core/import/payroll-rows.ts) gives. Rows in whole øre, each with its place
 * (JSON path, or sheet row and cell) so the voucher's checks name it.
 *
 * The JSON form (issue 11):
 *   { "virksomhet", "orgnr", "dato", "rader": [ { "navn", "bruttoLonn", "forskuddstrekk",
 *     "forsikringstrekk", "fagforeningstrekk", "andreTrekk", "agaGrunnlag", "sone" } ] }
 * with, optionally, per row `feriepengegrunnlag`, `grunnlagHittilIAr` (2023–2024), `gjelder`
 * ("ansatt" | "virksomhet"), `ekstraAgaGrunnlag` (summary rows, 2023–2024) and `dato` (a journal of
 * several pay runs); and at the top `firma` and `bilagsart` (Unit4, for the export), `dimensjoner`
 * (as the SPK scenario's), `kontoer`, `feriepengesats`, `tidligereGrunnlagSoneIa`, `kommentar`.
 * Amounts are kroner with at most two decimals; `andreTrekk` is an amount (account 2690) or a list
 * of `{ navn, belop, konto }`.
 */
import { Checked, ProblemList, problems as problemsOf } from "../problem/problem";
import { Fields, isObj } from "../problem/json-fields";
import { Ore } from "../money/ore";
import { Dimensjon, DimensjonsAndel } from "../voucher/types";
import { LonnsKontoer, NS4102_LONNSKONTOER } from "./kontoer";
import { AnnetTrekk, PayrollRow, PayrollRowField } from "./lonnsbilag";

/** A journal row: a payroll row, and its pay date when the journal holds several runs. */
export interface JournalRow extends PayrollRow {
  /** ISO pay date. */
  readonly dato?: string;
}

export interface LonnsJournal {
  readonly virksomhet?: string;
  readonly orgnr?: string;
  /** ISO pay date of rows without their own. */
  readonly dato?: string;
  readonly rader: readonly JournalRow[];
  /** Unit4 company code and voucher type, for the CSV and GL07 export. */
  readonly firma?: string;
  readonly bilagsart?: string;
  readonly dimensjoner?: readonly Dimensjon[];
  readonly kontoer?: Partial<LonnsKontoer>;
  /** The feriepenger rate as a fraction (default 10,2 %). */
  readonly feriepengesats?: number;
  /** The zone Ia basis earlier in the year, before the journal's first run. */
  readonly tidligereGrunnlagSoneIa?: Ore;
}

const TOP_FIELDS = [
  "virksomhet", "orgnr", "dato", "rader", "firma", "bilagsart", "dimensjoner", "kontoer", "feriepengesats", "tidligereGrunnlagSoneIa", "kommentar",
];
const ROW_AMOUNTS = [
  "bruttoLonn", "forskuddstrekk", "forsikringstrekk", "fagforeningstrekk", "agaGrunnlag", "feriepengegrunnlag", "grunnlagHittilIAr", "ekstraAgaGrunnlag",
] as const;
const ROW_FIELDS = ["navn", "gjelder", "dato", "sone", "andreTrekk", ...ROW_AMOUNTS];
const TREKK_FIELDS = ["navn", "belop", "konto"];
const DIMENSJON_FIELDS = ["nummer", "navn", "verdi", "fordeling", "pakrevd"];
const ANDEL_FIELDS = ["verdi", "vekt"];
const KONTO_KEYS = Object.keys(NS4102_LONNSKONTOER) as (keyof LonnsKontoer)[];

function readOtherDeductions(f: Fields): AnnetTrekk[] | undefined {
  const value = f.obj.andreTrekk;
  if (value === undefined || value === null) return undefined;
  if (typeof value === "number") {
    const belop = f.amount("andreTrekk", true);
    return belop === undefined ? undefined : [{ navn: "Andre trekk", belop, place: { path: f.at("andreTrekk") } }];
  }
  const out: AnnetTrekk[] = [];
  for (const t of f.objects("andreTrekk", TREKK_FIELDS, true)) {
    const name = t.text("navn", true);
    const belop = t.amount("belop", true);
    const konto = t.text("konto", false, true);
    if (name !== undefined && belop !== undefined) out.push({ navn: name, belop, ...(konto !== undefined ? { konto } : {}), place: { path: t.path } });
  }
  return out;
}

function readRow(f: Fields): JournalRow | undefined {
  const name = f.text("navn", true);
  const gjelder = f.text("gjelder", false);
  if (gjelder !== undefined && gjelder !== "ansatt" && gjelder !== "virksomhet") f.problem("gjelder", `må være «ansatt» eller «virksomhet» (fikk «${gjelder}»).`);
  const dato = f.date("dato", false);
  const sone = f.text("sone", false, true);
  const amounts: Partial<Record<(typeof ROW_AMOUNTS)[number], Ore>> = {};
  for (const key of ROW_AMOUNTS) {
    const v = f.amount(key, key === "bruttoLonn");
    if (v !== undefined) amounts[key] = v;
  }
  const before = f.problems.count;
  const andreTrekk = readOtherDeductions(f);
  if (name === undefined || amounts.bruttoLonn === undefined || f.problems.count > before) return undefined;
  const cells: Partial<Record<PayrollRowField, { path: string }>> = {};
  for (const key of [...ROW_AMOUNTS, "navn", "sone", "andreTrekk"] as const) cells[key] = { path: f.at(key) };
  return {
    navn: name,
    ...(gjelder === "virksomhet" || gjelder === "ansatt" ? { gjelder } : {}),
    ...(dato !== undefined ? { dato } : {}),
    ...(sone !== undefined ? { sone } : {}),
    ...amounts,
    bruttoLonn: amounts.bruttoLonn,
    ...(andreTrekk ? { andreTrekk } : {}),
    place: { path: f.path },
    cells,
  };
}

/** Dimensions in the SPK scenario's form: `{ nummer, navn, verdi | fordeling, pakrevd }`. */
function readDimensjoner(top: Fields): Dimensjon[] | undefined {
  if (!top.has("dimensjoner")) return undefined;
  const out: Dimensjon[] = [];
  for (const f of top.objects("dimensjoner", DIMENSJON_FIELDS, true)) {
    const nummer = f.integer("nummer", true, 1, 7);
    const name = f.text("navn", true);
    const value = f.text("verdi", false, true);
    const pakrevd = f.obj.pakrevd;
    if (pakrevd !== undefined && typeof pakrevd !== "boolean") f.problem("pakrevd", "må være true eller false.");
    const fordeling: DimensjonsAndel[] = [];
    for (const a of f.objects("fordeling", ANDEL_FIELDS, false)) {
      const v = a.text("verdi", true, true);
      const vekt = a.number("vekt", true);
      if (v !== undefined && vekt !== undefined) fordeling.push({ verdi: v, vekt });
    }
    if (nummer === undefined || name === undefined) continue;
    out.push({
      nummer,
      navn: name,
      ...(value !== undefined ? { verdi: value } : {}),
      ...(fordeling.length > 0 ? { fordeling } : {}),
      ...(typeof pakrevd === "boolean" ? { pakrevd } : {}),
    });
  }
  return out;
}

/** The journal JSON (already parsed), or every problem with it under its JSON path. */
export function parseLonnsJournal(json: unknown): Checked<LonnsJournal> {
  if (!isObj(json)) return problemsOf("Lønnsjournalen må være et JSON-objekt med virksomhet, dato og rader.");
  const problems = new ProblemList();
  const top = new Fields(json, "", problems);
  top.onlyKnown(TOP_FIELDS);
  const virksomhet = top.text("virksomhet", false);
  const orgnr = top.orgnr("orgnr");
  const dato = top.date("dato", false);
  const rows = top.objects("rader", ROW_FIELDS, true).map(readRow).filter((r): r is JournalRow => r !== undefined);
  const firma = top.text("firma", false, true);
  const bilagsart = top.text("bilagsart", false, true);
  const dimensjoner = readDimensjoner(top);
  const kontoer = top.accounts("kontoer", KONTO_KEYS);
  const feriepengesats = top.number("feriepengesats", false);
  const tidligereGrunnlagSoneIa = top.amount("tidligereGrunnlagSoneIa", false, true);
  top.text("kommentar", false);
  return problems.result(() => ({
    ...(virksomhet !== undefined ? { virksomhet } : {}),
    ...(orgnr !== undefined ? { orgnr } : {}),
    ...(dato !== undefined ? { dato } : {}),
    rader: rows,
    ...(firma !== undefined ? { firma } : {}),
    ...(bilagsart !== undefined ? { bilagsart } : {}),
    ...(dimensjoner !== undefined ? { dimensjoner } : {}),
    ...(kontoer !== undefined ? { kontoer } : {}),
    ...(feriepengesats !== undefined ? { feriepengesats } : {}),
    ...(tidligereGrunnlagSoneIa !== undefined ? { tidligereGrunnlagSoneIa } : {}),
  }));
}
