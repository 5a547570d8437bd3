import { isRuleError } from "../errors";
import { foldNorwegian } from "../text";
import { ORE_ZERO, Ore, oreFromKroner } from "../money/ore";
import { DEFAULT_BILAGSART, DEFAULT_FIRMA, DEFAULT_MODUS, KONTO_KEYS } from "./oppsett";
import { isRateFraction } from "../money/rate-fraction";
import { Checked, ProblemList, problems as problemsOf } from "../problem/problem";
import { ReconcileExtras } from "./reconcile";
import { AMOUNT_COLUMNS, AmountField, emptyTermin, SOURCE_NAMES, SOURCES, TEXT_COLUMNS } from "./termin-fields";
import {
  Budsjettering,
  DEFAULT_KONTOER,
  DEFAULT_TOLERANSE,
  DEFAULT_VESENTLIGHETSGRENSE,
  Dimensjon,
  DimensjonsAndel,
  KontoSaldo,
  Kontoer,
  Modus,
  Oppsett,
  Scenario,
  Source,
  TerminInput,
  VirksomhetGrunnlag,
} from "./types";

/**
 * The scenario file of `lonn avstem` (DESIGN.md §7) read from parsed JSON, checked field by field.
 * Every problem is named by its JSON path (`terminer[2].sapArbeidsgiverandel er ikke et tall`) and
 * all of them are reported together. Unknown fields are problems too: a misspelt amount would
 * otherwise silently count as 0.
 */

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

const TOP_FIELDS = [
  "virksomhet", "orgnr", "aar", "budsjettering", "modus", "agaSats", "toleranse", "vesentlighetsgrense", "kontoer",
  "dimensjoner", "bilagsart", "firma", "terminer", "virksomheter", "saldoer", "oppdatertAgaSats", "kommentar",
] as const;
const TERMIN_FIELDS = ["termin", ...AMOUNT_COLUMNS.map((c) => c.field), ...TEXT_COLUMNS.map((c) => c.field)];
const DIMENSJON_FIELDS = ["nummer", "navn", "verdi", "fordeling", "pakrevd"];
const ANDEL_FIELDS = ["verdi", "vekt"];
const VIRKSOMHET_FIELDS = ["virksomhetsnummer", "navn", "sone", "grunnlag"];
const SALDO_FIELDS = ["konto", "ib", "bevegelse"];

/** A reader of one JSON object that records problems under its path. */
class Fields {
  constructor(
    readonly obj: Obj,
    readonly path: string,
    readonly problems: ProblemList,
  ) {}

  at(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }

  onlyKnown(known: readonly string[]): void {
    for (const key of Object.keys(this.obj)) {
      if (known.includes(key)) continue;
      const like = known.find((k) => k.toLowerCase() === key.toLowerCase() || foldNorwegian(k) === foldNorwegian(key));
      this.problems.add({ path: this.at(key), message: `er ikke et kjent felt${like ? ` (mente du ${like}?)` : ""}.` });
    }
  }

  has(key: string): boolean {
    return this.obj[key] !== undefined && this.obj[key] !== null;
  }

  text(key: string, required: boolean, numbersToo = false): string | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null) {
      if (required) this.problems.add({ path: this.at(key), message: `mangler.` });
      return undefined;
    }
    if (typeof v === "string") return v;
    if (numbersToo && typeof v === "number" && Number.isFinite(v)) return String(v);
    this.problems.add({ path: this.at(key), message: `er ikke en tekst.` });
    return undefined;
  }

  number(key: string, required: boolean): number | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null) {
      if (required) this.problems.add({ path: this.at(key), message: `mangler.` });
      return undefined;
    }
    if (typeof v !== "number" || !Number.isFinite(v)) {
      this.problems.add({ path: this.at(key), message: `er ikke et tall.` });
      return undefined;
    }
    return v;
  }

  /** Kroner with whole øre, as øre; missing is 0. */
  amount(key: string): Ore {
    const v = this.number(key, false);
    if (v === undefined) return ORE_ZERO;
    const checked = oreFromKroner(v, this.at(key));
    if (isRuleError(checked)) {
      this.problems.add({ path: this.at(key), message: checked.message.slice(this.at(key).length + 1) });
      return ORE_ZERO;
    }
    return checked;
  }

  integer(key: string, required: boolean, min: number, max: number): number | undefined {
    const v = this.number(key, required);
    if (v === undefined) return undefined;
    if (!Number.isInteger(v) || v < min || v > max) {
      this.problems.add({ path: this.at(key), message: `må være et heltall fra ${min} til ${max} (fikk ${v}).` });
      return undefined;
    }
    return v;
  }

  rate(key: string, required: boolean): number | undefined {
    const v = this.number(key, required);
    if (v === undefined) return undefined;
    if (!isRateFraction(v)) {
      this.problems.add({ path: this.at(key), message: `må være en brøk fra og med 0 til 1, f.eks. 0.1387 for 13,87 % (fikk ${v}).` });
      return undefined;
    }
    return v;
  }

  array(key: string): unknown[] | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v)) {
      this.problems.add({ path: this.at(key), message: `er ikke en liste.` });
      return undefined;
    }
    return v;
  }

  /** Each element of a list that is an object, as Fields; other elements are problems. */
  objects(key: string, known: readonly string[]): Fields[] {
    const list = this.array(key) ?? [];
    const out: Fields[] = [];
    list.forEach((item, i) => {
      const path = `${this.at(key)}[${i}]`;
      if (!isObj(item)) {
        this.problems.add({ path, message: "er ikke et objekt." });
        return;
      }
      const f = new Fields(item, path, this.problems);
      f.onlyKnown(known);
      out.push(f);
    });
    return out;
  }
}

export function parseBudsjettering(text: string): Budsjettering | undefined {
  const f = foldNorwegian(text);
  return f === "brutto" ? "brutto" : f === "netto" ? "netto" : undefined;
}

export function parseModus(text: string): Modus | undefined {
  const f = foldNorwegian(text);
  if (f === "terminvis") return "terminvis";
  if (f === "arsslutt" || f === "aarsslutt") return "arsslutt";
  return undefined;
}

/**
 * A termin's eight amounts, by source (SAP B–C, Unit4 D–F, the invoice L–N). A source with none of
 * its fields (or all of them null: the invoice for termin 6 has not come) is missing, and the
 * termin is not reconciled; it is said so in every report. A source with only some of its fields
 * is a problem: a missing amount would otherwise count as 0 without a word.
 */
function readAmounts(f: Fields, budsjettering: Budsjettering | undefined): { amounts: Record<AmountField, Ore>; mangler: Source[] } {
  const amounts = {} as Record<AmountField, Ore>;
  const mangler: Source[] = [];
  for (const source of SOURCES) {
    const columns = AMOUNT_COLUMNS.filter((c) => c.source === source);
    const given = columns.filter((c) => f.obj[c.field] !== undefined && f.obj[c.field] !== null);
    for (const c of columns) amounts[c.field] = ORE_ZERO;
    if (given.length === 0) {
      mangler.push(source);
      continue;
    }
    // Netto has no 2820: the invoice's M is 0 there and may be left out.
    const absent = columns.filter((c) => !given.includes(c) && !(budsjettering === "netto" && c.field === "fakturaDifferanse"));
    if (absent.length > 0) {
      f.problems.add({
        path: f.path,
        message:
          `har tall fra ${SOURCE_NAMES[source]}, men mangler ${absent.map((c) => c.field).join(", ")}. ` +
          `Oppgi alle feltene for ${SOURCE_NAMES[source]} (0 der beløpet er 0), eller null i alle når tallene ikke finnes ennå.`,
      });
    }
    for (const c of given) amounts[c.field] = f.amount(c.field);
  }
  return { amounts, mangler };
}

function readTermin(f: Fields, seen: Map<number, string>, budsjettering: Budsjettering | undefined): TerminInput | undefined {
  const termin = f.integer("termin", true, 1, 6);
  const { amounts, mangler } = readAmounts(f, budsjettering);
  const texts: Record<string, string> = {};
  for (const c of TEXT_COLUMNS) {
    const t = f.text(c.field, false, c.field !== "forklaring");
    if (t !== undefined) texts[c.field] = t;
  }
  if (termin === undefined) return undefined;
  const earlier = seen.get(termin);
  if (earlier !== undefined) {
    f.problems.add({ path: f.path, message: `har termin ${termin}, som finnes allerede (${earlier}).` });
    return undefined;
  }
  seen.set(termin, f.path);
  return { termin, ...amounts, ...texts, ...(mangler.length > 0 ? { mangler } : {}) };
}

function readKontoer(top: Fields): Partial<Kontoer> | undefined {
  const v = top.obj.kontoer;
  if (v === undefined || v === null) return undefined;
  if (!isObj(v)) {
    top.problems.add({ path: "kontoer", message: "er ikke et objekt." });
    return undefined;
  }
  const f = new Fields(v, "kontoer", top.problems);
  f.onlyKnown(KONTO_KEYS);
  const out: Partial<Record<keyof Kontoer, string>> = {};
  for (const key of KONTO_KEYS) {
    const konto = f.text(key, false, true);
    if (konto === undefined) continue;
    if (konto.trim() === "") f.problems.add({ path: f.at(key), message: `er tom.` });
    else out[key] = konto.trim();
  }
  return out;
}

function readDimensjoner(top: Fields): Dimensjon[] | undefined {
  if (!top.has("dimensjoner")) return undefined;
  const seen = new Set<number>();
  const out: Dimensjon[] = [];
  for (const f of top.objects("dimensjoner", DIMENSJON_FIELDS)) {
    const nummer = f.integer("nummer", true, 1, 7);
    const name = f.text("navn", true);
    const value = f.text("verdi", false, true);
    const pakrevd = f.obj.pakrevd;
    if (pakrevd !== undefined && typeof pakrevd !== "boolean") f.problems.add({ path: f.at("pakrevd"), message: `må være true eller false.` });
    let fordeling: DimensjonsAndel[] | undefined;
    if (f.has("fordeling")) {
      fordeling = [];
      for (const a of f.objects("fordeling", ANDEL_FIELDS)) {
        const v = a.text("verdi", true, true);
        const vekt = a.number("vekt", true);
        if (vekt !== undefined && vekt < 0) a.problems.add({ path: a.at("vekt"), message: `kan ikke være negativ (fikk ${vekt}).` });
        if (v !== undefined && vekt !== undefined) fordeling.push({ verdi: v, vekt });
      }
      if (fordeling.length > 0 && !fordeling.some((a) => a.vekt > 0)) f.problems.add({ path: f.at("fordeling"), message: "må ha minst én vekt større enn 0." });
    }
    if (nummer !== undefined) {
      if (seen.has(nummer)) f.problems.add({ path: f.path, message: `har dimensjon ${nummer}, som finnes allerede.` });
      seen.add(nummer);
    }
    if (nummer === undefined || name === undefined) continue;
    out.push({
      nummer,
      navn: name,
      ...(value !== undefined ? { verdi: value } : {}),
      ...(fordeling ? { fordeling } : {}),
      ...(typeof pakrevd === "boolean" ? { pakrevd } : {}),
    });
  }
  return out;
}

function readVirksomheter(top: Fields, key = "virksomheter"): VirksomhetGrunnlag[] | undefined {
  if (!top.has(key)) return undefined;
  const out: VirksomhetGrunnlag[] = [];
  for (const f of top.objects(key, VIRKSOMHET_FIELDS)) {
    const nr = f.text("virksomhetsnummer", true, true);
    const name = f.text("navn", false);
    const sone = f.text("sone", true, true);
    const grunnlag = f.number("grunnlag", true) !== undefined ? f.amount("grunnlag") : undefined;
    if (nr !== undefined && !/^\d{9}$/.test(nr.replace(/\s/g, ""))) f.problems.add({ path: f.at("virksomhetsnummer"), message: `må ha ni sifre (fikk «${nr}»).` });
    if (nr === undefined || sone === undefined || grunnlag === undefined) continue;
    out.push({ virksomhetsnummer: nr.replace(/\s/g, ""), ...(name !== undefined ? { navn: name } : {}), sone, grunnlag });
  }
  return out;
}

/**
 * A virksomhet list as JSON (what a scenario's `virksomheter` and `_lonn`'s `amelding.virksomheter`
 * hold): every problem under `path`.
 */
export function parseVirksomheter(list: unknown, path = "virksomheter"): Checked<VirksomhetGrunnlag[]> {
  const problems = new ProblemList();
  const top = new Fields({ [path]: list }, "", problems);
  const out = readVirksomheter(top, path) ?? [];
  return problems.result(() => out);
}

function readSaldoer(top: Fields): KontoSaldo[] | undefined {
  if (!top.has("saldoer")) return undefined;
  const out: KontoSaldo[] = [];
  for (const f of top.objects("saldoer", SALDO_FIELDS)) {
    const konto = f.text("konto", true, true);
    const ib = f.number("ib", true);
    const bevegelse = f.number("bevegelse", true);
    const ibOk = ib !== undefined ? f.amount("ib") : undefined;
    const bevOk = bevegelse !== undefined ? f.amount("bevegelse") : undefined;
    if (konto === undefined || ibOk === undefined || bevOk === undefined) continue;
    out.push({ konto: konto.trim(), ib: ibOk, bevegelse: bevOk });
  }
  return out;
}

/** The scenario JSON (already parsed) as a checked Scenario, or every problem with it. */
export function parseScenario(json: unknown): Checked<Scenario> {
  const problems = new ProblemList();
  if (!isObj(json)) {
    return problemsOf("Scenarioet må være et JSON-objekt med virksomhet, aar, budsjettering, agaSats og terminer.");
  }
  const top = new Fields(json, "", problems);
  top.onlyKnown(TOP_FIELDS);

  const virksomhet = top.text("virksomhet", true);
  const aar = top.integer("aar", true, 1990, 2100);
  const budsjetteringText = top.text("budsjettering", true);
  const budsjettering = budsjetteringText === undefined ? undefined : parseBudsjettering(budsjetteringText);
  if (budsjetteringText !== undefined && budsjettering === undefined) problems.add({ path: "budsjettering", message: `må være «brutto» eller «netto» (fikk «${budsjetteringText}»).` });
  const modusText = top.text("modus", false);
  const modus = modusText === undefined ? undefined : parseModus(modusText);
  if (modusText !== undefined && modus === undefined) problems.add({ path: "modus", message: `må være «terminvis» eller «arsslutt» (fikk «${modusText}»).` });
  const agaSats = top.rate("agaSats", true);
  const toleranseKroner = top.number("toleranse", false);
  if (toleranseKroner !== undefined && toleranseKroner < 0) problems.add({ path: "toleranse", message: `kan ikke være negativ (fikk ${toleranseKroner}).` });
  const toleranse = toleranseKroner !== undefined && toleranseKroner >= 0 ? top.amount("toleranse") : undefined;
  const vesentlighetsgrense = top.number("vesentlighetsgrense", false);
  if (vesentlighetsgrense !== undefined && (vesentlighetsgrense < 0 || vesentlighetsgrense > 1)) {
    problems.add({ path: "vesentlighetsgrense", message: `må være en brøk fra 0 til 1, f.eks. 0.05 for 5 % (fikk ${vesentlighetsgrense}).` });
  }
  const orgnr = top.text("orgnr", false, true);
  if (orgnr !== undefined && !/^\d{9}$/.test(orgnr.replace(/\s/g, ""))) problems.add({ path: "orgnr", message: `må ha ni sifre (fikk «${orgnr}»).` });
  const bilagsart = top.text("bilagsart", false);
  const firma = top.text("firma", false, true);
  top.text("kommentar", false);
  const kontoer = readKontoer(top);
  const dimensjoner = readDimensjoner(top);

  if (!top.has("terminer")) problems.add({ path: "terminer", message: "mangler (en liste med én post per termin; en tom liste betyr at ingen termin er avstemt ennå)." });
  const seen = new Map<number, string>();
  const terminer = top
    .objects("terminer", TERMIN_FIELDS)
    .map((f) => readTermin(f, seen, budsjettering))
    .filter((t): t is TerminInput => t !== undefined);

  const virksomheter = readVirksomheter(top);
  const saldoer = readSaldoer(top);
  const oppdatertAgaSats = top.rate("oppdatertAgaSats", false);

  return problems.result(() => ({
    virksomhet: virksomhet as string,
    aar: aar as number,
    budsjettering: budsjettering as Budsjettering,
    agaSats: agaSats as number,
    ...(modus !== undefined ? { modus } : {}),
    ...(toleranse !== undefined ? { toleranse } : {}),
    ...(vesentlighetsgrense !== undefined ? { vesentlighetsgrense } : {}),
    ...(orgnr !== undefined ? { orgnr: orgnr.replace(/\s/g, "") } : {}),
    ...(bilagsart !== undefined ? { bilagsart } : {}),
    ...(firma !== undefined ? { firma } : {}),
    ...(kontoer !== undefined ? { kontoer } : {}),
    ...(dimensjoner !== undefined ? { dimensjoner } : {}),
    terminer,
    ...(virksomheter !== undefined ? { virksomheter } : {}),
    ...(saldoer !== undefined ? { saldoer } : {}),
    ...(oppdatertAgaSats !== undefined ? { oppdatertAgaSats } : {}),
  }));
}

/**
 * The Oppsett a scenario describes, defaults filled in: modus terminvis, toleranse 1 kr,
 * vesentlighetsgrense 5 %, DFØ's accounts, no dimensions, bilagsart and firma "" (see oppsett.ts
 * for why those two have no guessed default).
 */
export function oppsettFrom(scenario: Scenario): Oppsett {
  return {
    virksomhet: scenario.virksomhet,
    ...(scenario.orgnr !== undefined ? { orgnr: scenario.orgnr } : {}),
    aar: scenario.aar,
    budsjettering: scenario.budsjettering,
    modus: scenario.modus ?? DEFAULT_MODUS,
    agaSats: scenario.agaSats,
    toleranse: scenario.toleranse ?? DEFAULT_TOLERANSE,
    vesentlighetsgrense: scenario.vesentlighetsgrense ?? DEFAULT_VESENTLIGHETSGRENSE,
    kontoer: { ...DEFAULT_KONTOER, ...(scenario.kontoer ?? {}) },
    dimensjoner: scenario.dimensjoner ?? [],
    bilagsart: scenario.bilagsart ?? DEFAULT_BILAGSART,
    firma: scenario.firma ?? DEFAULT_FIRMA,
  };
}

/** The scenario's six termins in order; a termin it leaves out is an all-zero row. */
export function terminerFrom(scenario: Pick<Scenario, "terminer">): TerminInput[] {
  return [1, 2, 3, 4, 5, 6].map((n) => scenario.terminer.find((t) => t.termin === n) ?? emptyTermin(n));
}

/** The year-end inputs of a scenario, for `avstem`. */
export function extrasFrom(scenario: Scenario): ReconcileExtras {
  return {
    ...(scenario.saldoer ? { saldoer: scenario.saldoer } : {}),
    ...(scenario.oppdatertAgaSats !== undefined ? { oppdatertAgaSats: scenario.oppdatertAgaSats } : {}),
  };
}

/**
 * What a JSON file is, before it is read as a scenario: an SPK scenario, the output of
 * `lonn avstem --json` (it has `kilde` and `bilagsoversikt`), a trekk scenario (`lonnskjoringer`),
 * the output of `lonn trekk` or `lonn lonnsbilag`, or something else. `--summary` over a folder skips what is not a scenario with one line.
 */
export type JsonKind = "scenario" | "avstem-utdata" | "trekk-scenario" | "trekk-utdata" | "lonnsbilag-utdata" | "annet";

export function jsonKind(json: unknown): JsonKind {
  if (!isObj(json)) return "annet";
  if ("lonnskjoringer" in json && "bilag" in json && "kilde" in json) return "lonnsbilag-utdata";
  if ("lonnskjoringer" in json) return "trekk-scenario";
  if ("kontroller" in json && "forskuddstrekk" in json) return "trekk-utdata";
  if ("bilagsoversikt" in json && "kilde" in json) return "avstem-utdata";
  if ("terminer" in json || "virksomhet" in json || "aar" in json) return "scenario";
  return "annet";
}

/** Why a JSON file of this kind is not reconciled by `lonn avstem`. */
export const JSON_KIND_TEXT: Readonly<Record<Exclude<JsonKind, "scenario">, string>> = {
  "avstem-utdata": "utdata fra lonn avstem --json, ikke en scenariofil",
  "trekk-scenario": "en scenariofil for lonn trekk",
  "trekk-utdata": "utdata fra lonn trekk --json",
  "lonnsbilag-utdata": "utdata fra lonn lonnsbilag --json",
  annet: "ikke en scenariofil for SPK-avstemmingen",
};
