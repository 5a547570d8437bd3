/**
 * The scenario file of `lonn trekk` (DESIGN.md §8.5) read from parsed JSON, checked field by field:
 * every problem named by its JSON path, all of them at once; unknown fields refused with «mente du
 * …?»; every amount required (a missing amount is a problem, never a silent 0); amounts as whole
 * øre. What needs more than one field (a payment that settles no pay date, a zone the rules do not
 * know, a month given twice) is checked by check.ts, for every reader's output alike.
 */
import { normalOrgnr } from "../rules/orgnr";
import { Checked, ProblemList, problems as problemsOf } from "../problem/problem";
import { Fields, isObj } from "../problem/json-fields";
import {
  AgaGrunnlagLinje,
  AmeldingAgaLinje,
  AmeldingMaaned,
  Betaling,
  DEFAULT_TREKK_KONTOER,
  Gjelder,
  HovedbokKonto,
  Korreksjon,
  Lonnskjoring,
  Mottaker,
  Postering,
  TrekkKontoer,
  TrekkScenario,
} from "./types";

const TOP_FIELDS = [
  "virksomhet", "orgnr", "aar", "kontoer", "lonnskjoringer", "amelding", "hovedbok", "betalinger", "mottakere",
  "toleranse", "firma", "bilagsart", "korreksjoner", "kommentar", "godtaLikeRader",
];
const KONTO_KEYS: readonly Gjelder[] = ["forskuddstrekk", "aga", "forsikringstrekk", "fagforeningstrekk"];
const RUN_FIELDS = ["utbetalingsdato", "forskuddstrekk", "forsikringstrekk", "fagforeningstrekk", "agaGrunnlag", "virksomhetsnummer"];
const BASIS_FIELDS = ["sone", "grunnlag"];
const AMELDING_FIELDS = [
  "kalendermaaned", "sumForskuddstrekk", "sumArbeidsgiveravgift", "forskuddstrekkPerUtbetalingsdato", "agaGrunnlag", "meldingsId", "orgnr",
];
const PER_DATE_FIELDS = ["dato", "belop"];
const AMELDING_BASIS_FIELDS = ["sone", "grunnlag", "prosentsats", "virksomhetsnummer"];
const LEDGER_FIELDS = ["konto", "ib", "posteringer"];
const POSTING_FIELDS = ["dato", "belop", "tekst"];
const PAYMENT_FIELDS = ["dato", "gjelder", "belop", "utbetalingsdato", "termin", "aar", "periode"];
const COUNTERPARTY_FIELDS = ["konto", "navn", "fakturert"];
const INVOICE_FIELDS = ["periode", "belop"];
const CORRECTION_FIELDS = ["konto", "periode", "motkonto", "tekst"];

function readKontoer(top: Fields): TrekkKontoer {
  return { ...DEFAULT_TREKK_KONTOER, ...top.accounts("kontoer", KONTO_KEYS) };
}

function virksomhetsnummer(f: Fields): string | undefined {
  const nr = f.text("virksomhetsnummer", false, true);
  if (nr === undefined) return undefined;
  const normal = normalOrgnr(nr);
  if (normal === undefined) {
    f.problem("virksomhetsnummer", `må ha ni sifre (fikk «${nr}»).`);
    return undefined;
  }
  return normal;
}

function readBasis(f: Fields): AgaGrunnlagLinje | undefined {
  const sone = f.text("sone", true, true);
  const grunnlag = f.amount("grunnlag", true);
  return sone === undefined || grunnlag === undefined ? undefined : { sone, grunnlag };
}

function readRun(f: Fields): Lonnskjoring | undefined {
  const utbetalingsdato = f.date("utbetalingsdato", true);
  const forskuddstrekk = f.amount("forskuddstrekk", true);
  const forsikringstrekk = f.amount("forsikringstrekk", true);
  const fagforeningstrekk = f.amount("fagforeningstrekk", true);
  const agaGrunnlag = f.objects("agaGrunnlag", BASIS_FIELDS, true).map(readBasis);
  const nr = virksomhetsnummer(f);
  if (utbetalingsdato === undefined || forskuddstrekk === undefined || forsikringstrekk === undefined || fagforeningstrekk === undefined) return undefined;
  if (agaGrunnlag.some((b) => b === undefined)) return undefined;
  return {
    utbetalingsdato, forskuddstrekk, forsikringstrekk, fagforeningstrekk,
    agaGrunnlag: agaGrunnlag as AgaGrunnlagLinje[],
    ...(nr !== undefined ? { virksomhetsnummer: nr } : {}),
  };
}

function readAmeldingBasis(f: Fields): AmeldingAgaLinje | undefined {
  const sone = f.text("sone", true, true);
  const grunnlag = f.amount("grunnlag", true);
  const prosentsats = f.number("prosentsats", true);
  if (prosentsats !== undefined && (prosentsats < 0 || prosentsats > 100)) {
    f.problem("prosentsats", `må være en prosent fra 0 til 100, slik a-meldingen skriver den (14.1 for 14,1 %; fikk ${prosentsats}).`);
    return undefined;
  }
  const nr = virksomhetsnummer(f);
  if (sone === undefined || grunnlag === undefined || prosentsats === undefined) return undefined;
  return { sone, grunnlag, prosentsats, ...(nr !== undefined ? { virksomhetsnummer: nr } : {}) };
}

function readAmelding(f: Fields): AmeldingMaaned | undefined {
  const kalendermaaned = f.month("kalendermaaned", true);
  const sumForskuddstrekk = f.amount("sumForskuddstrekk", true);
  const sumArbeidsgiveravgift = f.amount("sumArbeidsgiveravgift", true);
  const perDate = f.objects("forskuddstrekkPerUtbetalingsdato", PER_DATE_FIELDS, false).map((d) => {
    const dato = d.date("dato", true);
    const belop = d.amount("belop", true);
    return dato === undefined || belop === undefined ? undefined : { dato, belop };
  });
  const agaGrunnlag = f.objects("agaGrunnlag", AMELDING_BASIS_FIELDS, true).map(readAmeldingBasis);
  const meldingsId = f.text("meldingsId", false, true);
  const orgnr = f.text("orgnr", false, true);
  if (kalendermaaned === undefined || sumForskuddstrekk === undefined || sumArbeidsgiveravgift === undefined) return undefined;
  if (perDate.some((d) => d === undefined) || agaGrunnlag.some((b) => b === undefined)) return undefined;
  return {
    kalendermaaned, sumForskuddstrekk, sumArbeidsgiveravgift,
    forskuddstrekkPerUtbetalingsdato: perDate as { dato: string; belop: AmeldingMaaned["sumForskuddstrekk"] }[],
    agaGrunnlag: agaGrunnlag as AmeldingAgaLinje[],
    ...(meldingsId !== undefined ? { meldingsId } : {}),
    ...(orgnr !== undefined ? { orgnr } : {}),
  };
}

function readPosting(f: Fields): Postering | undefined {
  const dato = f.date("dato", true);
  const belop = f.amount("belop", true);
  const text = f.text("tekst", false, true);
  if (dato === undefined || belop === undefined) return undefined;
  return { dato, belop, ...(text !== undefined ? { tekst: text } : {}) };
}

function readLedger(f: Fields): HovedbokKonto | undefined {
  const konto = f.text("konto", true, true);
  const ib = f.amount("ib", true);
  const posteringer = f.objects("posteringer", POSTING_FIELDS, true).map(readPosting);
  if (konto === undefined || ib === undefined || posteringer.some((p) => p === undefined)) return undefined;
  return { konto, ib, posteringer: posteringer as Postering[] };
}

function readPayment(f: Fields): Betaling | undefined {
  const dato = f.date("dato", true);
  const gjelderText = f.text("gjelder", true);
  const gjelder = KONTO_KEYS.find((k) => k === gjelderText);
  if (gjelderText !== undefined && gjelder === undefined) {
    f.problem("gjelder", `må være ${KONTO_KEYS.map((k) => `«${k}»`).join(", ")} (fikk «${gjelderText}»).`);
  }
  const belop = f.amount("belop", true, true);
  const utbetalingsdato = f.date("utbetalingsdato", false);
  const termin = f.integer("termin", false, 1, 6);
  const aar = f.integer("aar", false, 1990, 2100);
  const periode = f.month("periode", false);
  if (f.has("aar") && !f.has("termin")) f.problem("aar", "brukes bare sammen med termin (en betaling for fjorårets termin 6).");
  if (dato === undefined || gjelder === undefined || belop === undefined) return undefined;
  return {
    dato, gjelder, belop,
    ...(utbetalingsdato !== undefined ? { utbetalingsdato } : {}),
    ...(termin !== undefined ? { termin } : {}),
    ...(aar !== undefined ? { aar } : {}),
    ...(periode !== undefined ? { periode } : {}),
  };
}

function readCounterparty(f: Fields): Mottaker | undefined {
  const konto = f.text("konto", true, true);
  const name = f.text("navn", true);
  const fakturert = f.objects("fakturert", INVOICE_FIELDS, true).map((i) => {
    const periode = i.month("periode", true);
    const belop = i.amount("belop", true);
    return periode === undefined || belop === undefined ? undefined : { periode, belop };
  });
  if (konto === undefined || name === undefined || fakturert.some((i) => i === undefined)) return undefined;
  return { konto, navn: name, fakturert: fakturert as Mottaker["fakturert"] };
}

function readCorrection(f: Fields): Korreksjon | undefined {
  const konto = f.text("konto", true, true);
  const periode = f.month("periode", true);
  const motkonto = f.text("motkonto", true, true);
  const text = f.text("tekst", false);
  if (konto === undefined || periode === undefined || motkonto === undefined) return undefined;
  return { konto, periode, motkonto, ...(text !== undefined ? { tekst: text } : {}) };
}

function all<T>(list: readonly (T | undefined)[]): T[] {
  return list.filter((x): x is T => x !== undefined);
}

/** The scenario JSON (already parsed) as a TrekkScenario, or every problem with it. */
export function parseTrekkScenario(json: unknown): Checked<TrekkScenario> {
  if (!isObj(json)) {
    return problemsOf("Scenarioet må være et JSON-objekt med virksomhet, aar, lonnskjoringer, amelding, hovedbok og betalinger.");
  }
  const problems = new ProblemList();
  const top = new Fields(json, "", problems);
  top.onlyKnown(TOP_FIELDS);

  const virksomhet = top.text("virksomhet", true);
  const aar = top.integer("aar", true, 1990, 2100);
  const orgnr = top.orgnr("orgnr");
  const kontoer = readKontoer(top);
  const lonnskjoringer = all(top.objects("lonnskjoringer", RUN_FIELDS, true).map(readRun));
  const amelding = all(top.objects("amelding", AMELDING_FIELDS, true).map(readAmelding));
  const hovedbok = all(top.objects("hovedbok", LEDGER_FIELDS, true).map(readLedger));
  const betalinger = all(top.objects("betalinger", PAYMENT_FIELDS, true).map(readPayment));
  const mottakere = all(top.objects("mottakere", COUNTERPARTY_FIELDS, false).map(readCounterparty));
  const korreksjoner = all(top.objects("korreksjoner", CORRECTION_FIELDS, false).map(readCorrection));
  const toleranse = top.amount("toleranse", false, true);
  const firma = top.text("firma", false, true);
  const bilagsart = top.text("bilagsart", false, true);
  const acceptCopies = top.flag("godtaLikeRader");
  top.text("kommentar", false);

  return problems.result(() => ({
    virksomhet: virksomhet as string,
    ...(orgnr !== undefined ? { orgnr } : {}),
    aar: aar as number,
    kontoer,
    lonnskjoringer,
    amelding,
    hovedbok,
    betalinger,
    mottakere,
    ...(toleranse !== undefined ? { toleranse } : {}),
    ...(firma !== undefined ? { firma } : {}),
    ...(bilagsart !== undefined ? { bilagsart } : {}),
    ...(korreksjoner.length > 0 ? { korreksjoner } : {}),
    ...(acceptCopies !== undefined ? { acceptCopies } : {}),
  }));
}
