/**
 * What a trekk scenario must satisfy beyond its single fields, whichever reader produced it: dates
 * inside the year, zones the rules know, each month and account once, every payment settling
 * something (a pay date, a termin, a month), and a ledger account for every liability in use.
 * Every problem is placed by the scenario's JSON path (`betalinger[3].utbetalingsdato`), which for
 * the scenario file is the field itself.
 */
import { isRuleError } from "../errors";
import { FIRST_YEAR_PER_PAY_DATE } from "../rules/due-dates";
import { agaRates } from "../rules/aga";
import { resolveZone } from "../rules/aga-sone";
import { ProblemList } from "../problem/problem";
import { yearOf } from "./dates";
import { Gjelder, TrekkScenario } from "./types";

const GJELDER_TEXT: Readonly<Record<Gjelder, string>> = {
  forskuddstrekk: "forskuddstrekk",
  aga: "arbeidsgiveravgift",
  forsikringstrekk: "forsikringstrekk",
  fagforeningstrekk: "fagforeningstrekk",
};

export const gjelderText = (g: Gjelder): string => GJELDER_TEXT[g];

const GJELDER_KEYS: readonly Gjelder[] = ["forskuddstrekk", "aga", "forsikringstrekk", "fagforeningstrekk"];

/** The liability a ledger account is, by the scenario's kontoer. */
export function gjelderOf(s: TrekkScenario, konto: string): Gjelder | undefined {
  return GJELDER_KEYS.find((g) => s.kontoer[g] === konto);
}

/** Every pay date of the scenario: payroll's and the a-melding's, sorted. */
export function payDates(s: TrekkScenario): string[] {
  const dates = new Set<string>(s.lonnskjoringer.map((r) => r.utbetalingsdato));
  for (const m of s.amelding) for (const d of m.forskuddstrekkPerUtbetalingsdato) dates.add(d.dato);
  return [...dates].sort();
}

function checkZones(s: TrekkScenario, problems: ProblemList): void {
  const zone = (sone: string, path: string) => {
    const z = resolveZone(sone, s.aar);
    if (isRuleError(z)) problems.add({ path, message: `«${sone}»: ${z.message}` });
  };
  s.lonnskjoringer.forEach((r, i) => r.agaGrunnlag.forEach((b, j) => zone(b.sone, `lonnskjoringer[${i}].agaGrunnlag[${j}].sone`)));
  s.amelding.forEach((m, i) => m.agaGrunnlag.forEach((b, j) => zone(b.sone, `amelding[${i}].agaGrunnlag[${j}].sone`)));
}

function checkPayments(s: TrekkScenario, problems: ProblemList): void {
  const year = s.aar;
  const dates = new Set(payDates(s));
  const perPayDate = year >= FIRST_YEAR_PER_PAY_DATE;
  s.betalinger.forEach((b, i) => {
    const at = (key: string) => `betalinger[${i}]${key ? `.${key}` : ""}`;
    if (yearOf(b.dato) < year) {
      problems.add({ path: at("dato"), message: `${b.dato} er før ${year}; en betaling fra i fjor hører til fjorårets avstemming.` });
    }
    const terminYear = b.aar ?? year;
    const previousTermin6 = b.termin === 6 && terminYear === year - 1;
    if (b.termin !== undefined && terminYear !== year && !previousTermin6) {
      problems.add({ path: at("aar"), message: `må være ${year}, eller ${year - 1} for fjorårets termin 6 (fikk ${terminYear} for termin ${b.termin}).` });
    }
    const extra = (keys: readonly ("utbetalingsdato" | "termin" | "periode")[], why: string) => {
      for (const k of keys) if (b[k] !== undefined) problems.add({ path: at(k), message: `brukes ikke for ${gjelderText(b.gjelder)}: ${why}` });
    };
    switch (b.gjelder) {
      case "forskuddstrekk": {
        extra(["periode"], "forskuddstrekk gjøres opp per utbetalingsdato (fra 2026) eller per termin (til og med 2025).");
        const terminOk = !perPayDate || previousTermin6;
        if (b.utbetalingsdato !== undefined && b.termin !== undefined) {
          problems.add({ path: at("termin"), message: "en betaling gjør opp enten en utbetalingsdato eller en termin, ikke begge." });
        } else if (b.utbetalingsdato !== undefined) {
          if (!perPayDate) {
            problems.add({ path: at("utbetalingsdato"), message: `til og med 2025 ble forskuddstrekk betalt per termin; oppgi termin i stedet for utbetalingsdato.` });
          } else if (!dates.has(b.utbetalingsdato)) {
            problems.add({ path: at("utbetalingsdato"), message: `${b.utbetalingsdato} er ingen utbetalingsdato i lønnskjøringene eller a-meldingen; betalingen gjør ikke opp noe trekk.` });
          }
        } else if (b.termin !== undefined) {
          if (!terminOk) {
            problems.add({ path: at("termin"), message: `fra ${FIRST_YEAR_PER_PAY_DATE} betales forskuddstrekk per utbetalingsdato; oppgi utbetalingsdato (bare fjorårets termin 6 betales per termin, med "aar": ${year - 1}).` });
          }
        } else {
          problems.add({ path: at(perPayDate ? "utbetalingsdato" : "termin"), message: `mangler: ${perPayDate ? "hvilken utbetalingsdato" : "hvilken termin"} betalingen gjør opp.` });
        }
        break;
      }
      case "aga":
        extra(["utbetalingsdato", "periode"], "arbeidsgiveravgift betales per termin.");
        if (b.termin === undefined) problems.add({ path: at("termin"), message: "mangler: hvilken termin betalingen gjør opp." });
        break;
      default:
        extra(["utbetalingsdato", "termin"], "trekk til forsikringsselskap og fagforening gjøres opp per måned (periode).");
        if (b.periode === undefined) problems.add({ path: at("periode"), message: "mangler: hvilken måned betalingen gjør opp." });
        else if (yearOf(b.periode) !== year && yearOf(b.periode) !== year - 1) {
          problems.add({ path: at("periode"), message: `${b.periode} er verken i ${year} eller i fjor.` });
        }
    }
  });
}

function checkLedger(s: TrekkScenario, problems: ProblemList): void {
  const seen = new Map<string, number>();
  s.hovedbok.forEach((k, i) => {
    const g = gjelderOf(s, k.konto);
    if (g === undefined) {
      const list = GJELDER_KEYS.map((key) => `${s.kontoer[key]} ${gjelderText(key)}`).join(", ");
      problems.add({ path: `hovedbok[${i}].konto`, message: `${k.konto} inngår ikke i avstemmingen (${list}); fjern kontoen eller sett den under kontoer.` });
    }
    const earlier = seen.get(k.konto);
    if (earlier !== undefined) problems.add({ path: `hovedbok[${i}].konto`, message: `${k.konto} finnes allerede (hovedbok[${earlier}]).` });
    else seen.set(k.konto, i);
    k.posteringer.forEach((p, j) => {
      if (yearOf(p.dato) !== s.aar) problems.add({ path: `hovedbok[${i}].posteringer[${j}].dato`, message: `${p.dato} er ikke i ${s.aar}.` });
    });
  });
  // A liability in use needs its ledger account, or there is nothing to reconcile it against.
  const used = new Map<Gjelder, string>();
  if (s.lonnskjoringer.some((r) => r.forskuddstrekk !== 0)) used.set("forskuddstrekk", "lønnskjøringene har forskuddstrekk");
  if (s.lonnskjoringer.some((r) => r.agaGrunnlag.some((b) => b.grunnlag !== 0))) used.set("aga", "lønnskjøringene har grunnlag for arbeidsgiveravgift");
  if (s.lonnskjoringer.some((r) => r.forsikringstrekk !== 0)) used.set("forsikringstrekk", "lønnskjøringene har forsikringstrekk");
  if (s.lonnskjoringer.some((r) => r.fagforeningstrekk !== 0)) used.set("fagforeningstrekk", "lønnskjøringene har fagforeningstrekk");
  for (const b of s.betalinger) if (!used.has(b.gjelder)) used.set(b.gjelder, `betalingene har ${gjelderText(b.gjelder)}`);
  for (const [g, why] of used) {
    const konto = s.kontoer[g];
    if (!seen.has(konto)) problems.add({ path: "hovedbok", message: `mangler konto ${konto} (${gjelderText(g)}), men ${why}.` });
  }
}

function checkMonths(s: TrekkScenario, problems: ProblemList): void {
  const year = s.aar;
  s.lonnskjoringer.forEach((r, i) => {
    if (yearOf(r.utbetalingsdato) !== year) problems.add({ path: `lonnskjoringer[${i}].utbetalingsdato`, message: `${r.utbetalingsdato} er ikke i ${year}.` });
  });
  const months = new Map<string, number>();
  s.amelding.forEach((m, i) => {
    const at = `amelding[${i}].kalendermaaned`;
    if (yearOf(m.kalendermaaned) !== year) problems.add({ path: at, message: `${m.kalendermaaned} er ikke i ${year}.` });
    const earlier = months.get(m.kalendermaaned);
    if (earlier !== undefined) {
      problems.add({ path: at, message: `${m.kalendermaaned} finnes allerede (amelding[${earlier}]); en erstattet a-melding skal bare stå med den siste.` });
    } else months.set(m.kalendermaaned, i);
    const dates = new Set<string>();
    m.forskuddstrekkPerUtbetalingsdato.forEach((d, j) => {
      const path = `amelding[${i}].forskuddstrekkPerUtbetalingsdato[${j}].dato`;
      if (d.dato.slice(0, 7) !== m.kalendermaaned) problems.add({ path, message: `${d.dato} er ikke i kalendermåneden ${m.kalendermaaned}.` });
      if (dates.has(d.dato)) problems.add({ path, message: `${d.dato} står to ganger i samme a-melding.` });
      dates.add(d.dato);
    });
  });
  const counterpartyAccounts = [s.kontoer.forsikringstrekk, s.kontoer.fagforeningstrekk];
  s.mottakere.forEach((m, i) => {
    if (!counterpartyAccounts.includes(m.konto)) {
      problems.add({ path: `mottakere[${i}].konto`, message: `${m.konto} er verken forsikringstrekk (${s.kontoer.forsikringstrekk}) eller fagforeningstrekk (${s.kontoer.fagforeningstrekk}).` });
    }
    const periods = new Map<string, number>();
    m.fakturert.forEach((f, j) => {
      const path = `mottakere[${i}].fakturert[${j}].periode`;
      if (yearOf(f.periode) !== year) problems.add({ path, message: `${f.periode} er ikke i ${year}.` });
      const earlier = periods.get(f.periode);
      if (earlier !== undefined) problems.add({ path, message: `${f.periode} finnes allerede (mottakere[${i}].fakturert[${earlier}]).` });
      else periods.set(f.periode, j);
    });
  });
  const corrections = new Set<string>();
  (s.korreksjoner ?? []).forEach((k, i) => {
    const at = (key: string) => `korreksjoner[${i}].${key}`;
    if (!s.hovedbok.some((h) => h.konto === k.konto)) problems.add({ path: at("konto"), message: `${k.konto} er ingen konto i hovedboken.` });
    if (yearOf(k.periode) !== year) problems.add({ path: at("periode"), message: `${k.periode} er ikke i ${year}.` });
    const key = `${k.konto} ${k.periode}`;
    if (corrections.has(key)) problems.add({ path: at("periode"), message: `konto ${k.konto} har allerede en korreksjon for ${k.periode}.` });
    corrections.add(key);
  });
}

/** Every problem with the scenario's contents; none means the model can be computed. */
export function scenarioProblems(s: TrekkScenario): ProblemList {
  const problems = new ProblemList();
  const rates = agaRates(s.aar);
  if (isRuleError(rates)) {
    problems.add({ path: "aar", message: rates.message });
    return problems;
  }
  const accounts = Object.values(s.kontoer);
  if (new Set(accounts).size !== accounts.length) problems.add({ path: "kontoer", message: `har samme konto for flere trekk (${accounts.join(", ")}).` });
  if (s.toleranse !== undefined && s.toleranse < 0) problems.add({ path: "toleranse", message: "kan ikke være negativ." });
  checkMonths(s, problems);
  checkZones(s, problems);
  checkLedger(s, problems);
  checkPayments(s, problems);
  return problems;
}
