import { foldNorwegian } from "../text";
import { ORE_ZERO, Ore } from "../money/ore";
import { DEFAULT_BILAGSART, DEFAULT_FIRMA, DEFAULT_MODUS, KONTO_KEYS } from "./oppsett";
import { Fields, isObj } from "../problem/json-fields";
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

const TOP_FIELDS = [
  "virksomhet", "orgnr", "aar", "budsjettering", "modus", "agaSats", "toleranse", "vesentlighetsgrense", "kontoer",
  "dimensjoner", "bilagsart", "firma", "terminer", "virksomheter", "saldoer", "oppdatertAgaSats", "kommentar", "godtaLikeRader",
] as const;
const TERMIN_FIELDS = ["termin", ...AMOUNT_COLUMNS.map((c) => c.field), ...TEXT_COLUMNS.map((c) => c.field)];
const DIMENSJON_FIELDS = ["nummer", "navn", "verdi", "fordeling", "pakrevd"];
const ANDEL_FIELDS = ["verdi", "vekt"];
const VIRKSOMHET_FIELDS = ["virksomhetsnummer", "navn", "sone", "grunnlag"];
const SALDO_FIELDS = ["konto", "ib", "bevegelse"];

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
    for (const c of given) amounts[c.field] = f.amount(c.field, false) ?? ORE_ZERO;
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
  return top.accounts("kontoer", KONTO_KEYS);
}

function readDimensjoner(top: Fields): Dimensjon[] | undefined {
  if (!top.has("dimensjoner")) return undefined;
  const seen = new Set<number>();
  const out: Dimensjon[] = [];
  for (const f of top.objects("dimensjoner", DIMENSJON_FIELDS, false)) {
    const nummer = f.integer("nummer", true, 1, 7);
    const name = f.text("navn", true);
    const value = f.text("verdi", false, true);
    const pakrevd = f.obj.pakrevd;
    if (pakrevd !== undefined && typeof pakrevd !== "boolean") f.problems.add({ path: f.at("pakrevd"), message: `må være true eller false.` });
    let fordeling: DimensjonsAndel[] | undefined;
    if (f.has("fordeling")) {
      fordeling = [];
      for (const a of f.objects("fordeling", ANDEL_FIELDS, false)) {
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
  for (const f of top.objects(key, VIRKSOMHET_FIELDS, false)) {
    const nr = f.orgnr("virksomhetsnummer", true);
    const name = f.text("navn", false);
    const sone = f.text("sone", true, true);
    const grunnlag = f.number("grunnlag", true) !== undefined ? f.amount("grunnlag", false) ?? ORE_ZERO : undefined;
    if (nr === undefined || sone === undefined || grunnlag === undefined) continue;
    out.push({ virksomhetsnummer: nr, ...(name !== undefined ? { navn: name } : {}), sone, grunnlag });
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
  for (const f of top.objects("saldoer", SALDO_FIELDS, false)) {
    const konto = f.text("konto", true, true);
    const ib = f.number("ib", true);
    const bevegelse = f.number("bevegelse", true);
    const ibOk = ib !== undefined ? f.amount("ib", false) ?? ORE_ZERO : undefined;
    const bevOk = bevegelse !== undefined ? f.amount("bevegelse", false) ?? ORE_ZERO : undefined;
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
  const toleranse = toleranseKroner !== undefined && toleranseKroner >= 0 ? top.amount("toleranse", false) ?? ORE_ZERO : undefined;
  const vesentlighetsgrense = top.number("vesentlighetsgrense", false);
  if (vesentlighetsgrense !== undefined && (vesentlighetsgrense < 0 || vesentlighetsgrense > 1)) {
    problems.add({ path: "vesentlighetsgrense", message: `må være en brøk fra 0 til 1, f.eks. 0.05 for 5 % (fikk ${vesentlighetsgrense}).` });
  }
  const orgnr = top.orgnr("orgnr");
  const bilagsart = top.text("bilagsart", false);
  const firma = top.text("firma", false, true);
  top.text("kommentar", false);
  const kontoer = readKontoer(top);
  const dimensjoner = readDimensjoner(top);

  if (!top.has("terminer")) problems.add({ path: "terminer", message: "mangler (en liste med én post per termin; en tom liste betyr at ingen termin er avstemt ennå)." });
  const seen = new Map<number, string>();
  const terminer = top
    .objects("terminer", TERMIN_FIELDS, false)
    .map((f) => readTermin(f, seen, budsjettering))
    .filter((t): t is TerminInput => t !== undefined);

  const virksomheter = readVirksomheter(top);
  const saldoer = readSaldoer(top);
  const oppdatertAgaSats = top.rate("oppdatertAgaSats", false);
  const acceptCopies = top.flag("godtaLikeRader");

  return problems.result(() => ({
    virksomhet: virksomhet as string,
    aar: aar as number,
    budsjettering: budsjettering as Budsjettering,
    agaSats: agaSats as number,
    ...(modus !== undefined ? { modus } : {}),
    ...(toleranse !== undefined ? { toleranse } : {}),
    ...(vesentlighetsgrense !== undefined ? { vesentlighetsgrense } : {}),
    ...(orgnr !== undefined ? { orgnr } : {}),
    ...(bilagsart !== undefined ? { bilagsart } : {}),
    ...(firma !== undefined ? { firma } : {}),
    ...(kontoer !== undefined ? { kontoer } : {}),
    ...(dimensjoner !== undefined ? { dimensjoner } : {}),
    terminer,
    ...(virksomheter !== undefined ? { virksomheter } : {}),
    ...(saldoer !== undefined ? { saldoer } : {}),
    ...(oppdatertAgaSats !== undefined ? { oppdatertAgaSats } : {}),
    ...(acceptCopies !== undefined ? { acceptCopies } : {}),
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
