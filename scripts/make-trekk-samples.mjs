// Writes the trekk og AGA samples in assets/samples/trekk/ (DESIGN.md §8.4–8.5): a year of a-melding XML,
// a SAF-T Financial 1.30 ledger, the ledger as CSV, the payroll journal, the payments and the insurer's and
// the union's lists, all for one fictitious AS, plus the scenario JSON the same figures make.
//
//   node scripts/make-trekk-samples.mjs           write the files into assets/samples/trekk/
//   node scripts/make-trekk-samples.mjs --check   exit 1 if a file differs from what it would write
//
// As a module, `buildTrekkSamples({ employees, fillerLines })` returns the files and the scenario without
// writing; the benchmark uses it for a large firm (2 000 employees, 200 000 ledger lines).
//
// All arithmetic is in whole øre (integers) and the calendar rules (holidays, due dates) are written out
// here, independent of src/core, so the readers' tests check the engine against figures made another way.
// Every person, number and firm is made up: the organisation numbers have valid check digits but are not
// registered, and the fødselsnumre are synthetic (month + 80, as Skatteetaten's Tenor test data).
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { orgnr, writeOrCheck } from "./sample-files.mjs";

export { orgnr };

const here = dirname(fileURLToPath(import.meta.url));
export const SAMPLE_FOLDER = join(here, "..", "assets", "samples", "trekk");
export const YEAR = 2026;
export const AMELDING_NS = "urn:ske:fastsetting:innsamling:a-meldingen:v2_3";
export const SAFT_NS = "urn:StandardAuditFile-Taxation-Financial:NO";

// ---------------------------------------------------------------------------------------------
// Small helpers: deterministic random numbers, organisation numbers, dates, amounts.
// ---------------------------------------------------------------------------------------------

function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A synthetic fødselsnummer (month + 80) with valid control digits. */
function fodselsnummer(next, birthYear) {
  for (;;) {
    const day = 1 + Math.floor(next() * 28);
    const month = 1 + Math.floor(next() * 12);
    const individ = 500 + Math.floor(next() * 249); // 1940–1999 births use 500–749 with yy 40–99
    const d = `${String(day).padStart(2, "0")}${String(month + 80).padStart(2, "0")}${String(birthYear % 100).padStart(2, "0")}${individ}`;
    const k1w = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    const k2w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    let k1 = 11 - (k1w.reduce((s, w, i) => s + w * Number(d[i]), 0) % 11);
    if (k1 === 11) k1 = 0;
    if (k1 === 10) continue;
    const d10 = d + k1;
    let k2 = 11 - (k2w.reduce((s, w, i) => s + w * Number(d10[i]), 0) % 11);
    if (k2 === 11) k2 = 0;
    if (k2 === 10) continue;
    return d10 + k2;
  }
}

const pad = (n) => String(n).padStart(2, "0");
const iso = (y, m, d) => `${y}-${pad(m)}-${pad(d)}`;
const dateOf = (text) => new Date(`${text}T00:00:00Z`);
const isoOf = (date) => date.toISOString().slice(0, 10);
const addDays = (text, n) => isoOf(new Date(dateOf(text).getTime() + n * 86400000));
const norwegianDate = (text) => `${text.slice(8, 10)}.${text.slice(5, 7)}.${text.slice(0, 4)}`;

/** Helligdager and lovfestede høytidsdager 2025–2027 (Easter 2025: 20 April, 2026: 5 April, 2027: 28 March). */
const HOLIDAYS = new Set([
  "2025-01-01", "2025-04-17", "2025-04-18", "2025-04-20", "2025-04-21", "2025-05-01", "2025-05-17", "2025-05-29", "2025-06-08", "2025-06-09", "2025-12-25", "2025-12-26",
  "2026-01-01", "2026-04-02", "2026-04-03", "2026-04-05", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-17", "2026-05-24", "2026-05-25", "2026-12-25", "2026-12-26",
  "2027-01-01", "2027-03-25", "2027-03-26", "2027-03-28", "2027-03-29", "2027-05-01", "2027-05-06", "2027-05-16", "2027-05-17", "2027-12-25", "2027-12-26",
]);
const isVirkedag = (text) => {
  const day = dateOf(text).getUTCDay();
  return day !== 0 && day !== 6 && !HOLIDAYS.has(text);
};
/** The date itself if a virkedag, else the next one (skattebetalingsloven § 10-2). */
const virkedagFrom = (text) => (isVirkedag(text) ? text : virkedagFrom(addDays(text, 1)));
/** The first virkedag after the date: forskuddstrekk's due date from 2026. */
const nextVirkedag = (text) => virkedagFrom(addDays(text, 1));
/** The date itself, or the last virkedag before it: when a pay date falls on a weekend. */
const virkedagBefore = (text) => (isVirkedag(text) ? text : virkedagBefore(addDays(text, -1)));

/** round(ore × num / den), half away from zero, in integers. */
const share = (ore, num, den) => Math.sign(ore) * Math.floor((2 * Math.abs(ore) * num + den) / (2 * den));

/** Øre as XML writes kroner: `52300.00`, `-17022.00`. */
const xmlKr = (ore) => `${ore < 0 ? "-" : ""}${Math.floor(Math.abs(ore) / 100)}.${pad(Math.abs(ore) % 100)}`;
/** Whole kroner as an XML integer (the a-melding's sums). */
const xmlInt = (ore) => {
  if (ore % 100 !== 0) throw new Error(`not whole kroner: ${ore}`);
  return String(ore / 100);
};
/** Øre as a Norwegian amount: `52 300,00`, `-1 250,00`. */
const nok = (ore) => {
  const abs = Math.abs(ore);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${ore < 0 ? "-" : ""}${whole},${pad(abs % 100)}`;
};
/** Øre as the scenario's kroner number. */
const kroner = (ore) => ore / 100 + 0;
const esc = (text) => String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const csv = (rows) => "\ufeff" + rows.map((r) => r.join(";")).join("\r\n") + "\r\n";

function uuid(next) {
  const hex = () => Math.floor(next() * 16).toString(16);
  const part = (n) => Array.from({ length: n }, hex).join("");
  return `${part(8)}-${part(4)}-4${part(3)}-${"89ab"[Math.floor(next() * 4)]}${part(3)}-${part(12)}`;
}

// ---------------------------------------------------------------------------------------------
// The firm: Nordlys Verksted AS, two virksomheter in different AGA zones.
// ---------------------------------------------------------------------------------------------

export const FIRMA = { navn: "Nordlys Verksted AS", orgnr: orgnr("92173405") };
export const VIRKSOMHETER = [
  { key: "oslo", navn: "Nordlys Verksted AS avd. Oslo", nr: orgnr("97315202"), kommune: "0301", sone: "1", romersk: "I", sats: 141, prosent: "14.1" },
  { key: "bodo", navn: "Nordlys Verksted AS avd. Bodø", nr: orgnr("97315288"), kommune: "1804", sone: "4a", romersk: "IVa", sats: 79, prosent: "7.9" },
];
export const FORSIKRING = { navn: "Fjordtrygd Forsikring", konto: "2640" };
export const FAGFORENING = { navn: "Verkstedforbundet avd. 17", konto: "2650" };
export const KONTOER = { forskuddstrekk: "2600", aga: "2770", forsikringstrekk: "2640", fagforeningstrekk: "2650" };

const FIRST = ["Ingrid", "Mats", "Sofie", "Anders", "Emma", "Jonas", "Nora", "Henrik", "Thea", "Ole", "Kari", "Per", "Line", "Erik", "Silje", "Tobias", "Maja", "Sander", "Ida", "Magnus", "Julie", "Kristian", "Hanna", "Even"];
const LAST = ["Haugen", "Berg", "Lunde", "Solberg", "Nilsen", "Dahl", "Bakken", "Moe", "Strand", "Johansen", "Pedersen", "Eriksen", "Olsen", "Hansen", "Andreassen", "Karlsen", "Larsen", "Jakobsen", "Lie", "Halvorsen"];

/**
 * The employees. The small sample is written out so the README can describe it; a large firm is
 * generated from the same pattern.
 */
function employees(count, next) {
  const base = [
    // Oslo
    { v: 0, navn: "Ingrid Haugen", lonn: 68400, sats: 33, forsikring: 410, fagforening: false },
    { v: 0, navn: "Mats Berg", lonn: 59200, sats: 31, forsikring: 0, fagforening: false },
    { v: 0, navn: "Sofie Lunde", lonn: 54800, sats: 30, forsikring: 350, fagforening: false },
    { v: 0, navn: "Anders Solberg", lonn: 72500, sats: 35, forsikring: 0, fagforening: false },
    { v: 0, navn: "Emma Nilsen", lonn: 48300, sats: 28, forsikring: 350, fagforening: false },
    { v: 0, navn: "Jonas Dahl", lonn: 51900, sats: 29, forsikring: 0, fagforening: false },
    { v: 0, navn: "Nora Bakken", lonn: 63700, sats: 32, forsikring: 0, fagforening: false },
    { v: 0, navn: "Henrik Moe", lonn: 45600, sats: 27, forsikring: 0, fagforening: false, slutt: "2026-08-31" },
    { v: 0, navn: "Thea Strand", lonn: 57100, sats: 30, forsikring: 290, fagforening: false },
    // Bodø
    { v: 1, navn: "Ole Johansen", lonn: 49800, sats: 28, forsikring: 0, fagforening: true },
    { v: 1, navn: "Kari Pedersen", lonn: 52400, sats: 29, forsikring: 350, fagforening: true },
    { v: 1, navn: "Per Eriksen", lonn: 47900, sats: 27, forsikring: 0, fagforening: true },
    { v: 1, navn: "Line Olsen", lonn: 55300, sats: 30, forsikring: 0, fagforening: false },
    { v: 1, navn: "Erik Hansen", lonn: 46200, sats: 27, forsikring: 0, fagforening: true },
    { v: 1, navn: "Silje Andreassen", lonn: 50700, sats: 28, forsikring: 0, fagforening: false },
    { v: 1, navn: "Tobias Karlsen", lonn: 44900, sats: 26, forsikring: 350, fagforening: true, start: "2026-05-01", forsikretFra: "2026-06" },
  ];
  const list = base.slice(0, Math.min(count, base.length));
  for (let i = list.length; i < count; i++) {
    list.push({
      v: next() < 0.6 ? 0 : 1,
      navn: `${FIRST[Math.floor(next() * FIRST.length)]} ${LAST[Math.floor(next() * LAST.length)]}`,
      lonn: 100 * Math.round(380 + next() * 420),
      sats: 24 + Math.floor(next() * 14),
      forsikring: next() < 0.3 ? [290, 350, 410][Math.floor(next() * 3)] : 0,
      fagforening: next() < 0.4,
    });
  }
  return list.map((e, i) => ({
    ...e,
    ansattnr: String(1001 + i),
    fnr: fodselsnummer(next, 1960 + Math.floor(next() * 40)),
    start: e.start ?? iso(2010 + Math.floor(next() * 15), 1 + Math.floor(next() * 12), 1),
    yrke: e.v === 0 ? "2149101" : "7233101",
  }));
}

// ---------------------------------------------------------------------------------------------
// The year's payroll: pay runs, per employee, in øre.
// ---------------------------------------------------------------------------------------------

function payRuns(staff) {
  const runs = [];
  for (let m = 1; m <= 12; m++) {
    const dato = virkedagBefore(iso(YEAR, m, 20));
    const month = `${YEAR}-${pad(m)}`;
    const lines = [];
    for (const e of staff) {
      if (e.start > `${month}-31` || (e.slutt && e.slutt < `${month}-01`)) continue;
      const raise = m >= 7 ? 1032 : 1000; // lønnsoppgjøret from July: 3,2 %
      const brutto = 100 * Math.round((e.lonn * raise) / 1000 / 100) * 100;
      // Tabelltrekk as a whole-kroner percentage; December has halv skatt.
      let trekk = Math.floor((brutto / 100) * e.sats / 100) * 100;
      if (m === 12) trekk = Math.floor(trekk / 200) * 100;
      const forsikring = e.forsikring * 100;
      const fagforening = e.fagforening ? Math.round((brutto / 100) * 0.014) * 100 : 0;
      lines.push({ e, brutto, trekk, forsikring, fagforening, inntekt: [{ beskrivelse: "fastloenn", belop: brutto }] });
    }
    runs.push({ dato, month, kind: "ordinær", tekst: `Lønn ${MONTH_NAMES[m - 1]} ${YEAR}`, lines });
    if (m === 3) {
      // A bonus run for Oslo early in March.
      const bonus = { 0: 2500000, 3: 4000000, 6: 1500000 };
      const extra = staff
        .map((e, i) => ({ e, i }))
        .filter(({ e, i }) => e.v === 0 && (bonus[i] !== undefined || (staff.length > 16 && i % 7 === 0)))
        .map(({ e, i }) => {
          const amount = bonus[i] ?? 1000000;
          return { e, brutto: amount, trekk: Math.floor((amount / 100) * (e.sats + 12) / 100) * 100, forsikring: 0, fagforening: 0, inntekt: [{ beskrivelse: "bonus", belop: amount }] };
        });
      runs.push({ dato: iso(YEAR, 3, 6), month, kind: "bonus", tekst: `Bonus ${YEAR - 1} utbetalt mars ${YEAR}`, lines: extra });
    }
    if (m === 12) {
      // An extra run in early December: overtime settled for Bodø.
      const extra = staff
        .filter((e) => e.v === 1 && e.start <= `${month}-01`)
        .map((e) => ({ e, brutto: 300000, trekk: Math.floor(3000 * e.sats / 100) * 100, forsikring: 0, fagforening: 0, inntekt: [{ beskrivelse: "overtidsgodtgjoerelse", belop: 300000 }] }));
      runs.push({ dato: iso(YEAR, 12, 4), month, kind: "ekstra", tekst: `Overtid høst ${YEAR}, ekstra kjøring`, lines: extra });
    }
  }
  runs.sort((a, b) => (a.dato < b.dato ? -1 : a.dato > b.dato ? 1 : 0));
  for (const run of runs) {
    run.perVirksomhet = VIRKSOMHETER.map((v, index) => {
      const lines = run.lines.filter((l) => l.e.v === index);
      const sum = (k) => lines.reduce((s, l) => s + l[k], 0);
      const grunnlag = sum("brutto");
      return { v, index, lines, brutto: grunnlag, trekk: sum("trekk"), forsikring: sum("forsikring"), fagforening: sum("fagforening"), grunnlag, aga: share(grunnlag, v.sats, 1000) };
    }).filter((p) => p.lines.length > 0);
    run.trekk = run.perVirksomhet.reduce((s, p) => s + p.trekk, 0);
  }
  return runs;
}

const MONTH_NAMES = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];

// ---------------------------------------------------------------------------------------------
// The a-melding: one melding per month; September is sent twice (the first with Bodø in zone 1).
// ---------------------------------------------------------------------------------------------

function ameldinger(runs, staff, next) {
  const out = [];
  for (let m = 1; m <= 12; m++) {
    const month = `${YEAR}-${pad(m)}`;
    const monthRuns = runs.filter((r) => r.month === month);
    const build = (opts) => {
      const virksomheter = VIRKSOMHETER.map((v, index) => {
        const persons = new Map();
        for (const run of monthRuns) {
          for (const l of run.lines) {
            if (l.e.v !== index) continue;
            const p = persons.get(l.e) ?? { e: l.e, inntekt: [], trekk: 0 };
            p.inntekt.push(...l.inntekt);
            p.trekk += l.trekk;
            persons.set(l.e, p);
          }
        }
        const grunnlag = monthRuns.reduce((s, r) => s + (r.perVirksomhet.find((p) => p.index === index)?.grunnlag ?? 0), 0);
        const zone = opts.wrongZone && index === 1 ? VIRKSOMHETER[0] : v;
        return { v, persons: [...persons.values()], grunnlag, sone: zone.sone, sats: zone.sats, prosent: zone.prosent };
      }).filter((x) => x.persons.length > 0);
      // AGA in the a-melding: whole kroner, rounded half up, of Σ grunnlag × rate.
      const agaThousandths = virksomheter.reduce((s, x) => s + x.grunnlag * x.sats, 0);
      const sumAga = Math.floor((agaThousandths + 50000) / 100000) * 100;
      const perDato = monthRuns.map((r) => ({ dato: r.dato, belop: r.trekk }));
      return { month, virksomheter, sumAga, perDato, ...opts };
    };
    const sent = addDays(`${YEAR}-${pad(m)}-01`, 31 + 2).slice(0, 8) + "03";
    if (m === 9) {
      const first = { ...build({ wrongZone: true }), meldingsId: uuid(next), sendt: `${sent}T09:12:41` };
      const second = { ...build({}), meldingsId: uuid(next), erstatter: first.meldingsId, sendt: `${sent.slice(0, 8)}09T14:03:17` };
      out.push({ file: `amelding-${month}.xml`, ...first });
      out.push({ file: `amelding-${month}-erstatning.xml`, ...second });
    } else {
      out.push({ file: `amelding-${month}.xml`, ...build({}), meldingsId: uuid(next), sendt: `${sent}T08:45:02` });
    }
  }
  return out.map((a) => ({ ...a, xml: ameldingXml(a) }));
}

function ameldingXml(a) {
  const x = [];
  x.push('<?xml version="1.0" encoding="UTF-8"?>');
  x.push(`<melding xmlns="${AMELDING_NS}">`);
  x.push("  <Leveranse>");
  const summer = Number(a.sendt.slice(5, 7)) >= 4 && Number(a.sendt.slice(5, 7)) <= 10; // sommertid, roughly
  x.push(`    <leveringstidspunkt>${a.sendt}.000${summer ? "+02:00" : "+01:00"}</leveringstidspunkt>`);
  x.push(`    <kalendermaaned>${a.month}</kalendermaaned>`);
  x.push("    <kildesystem>Nordlys Lønn 4.2</kildesystem>");
  if (a.erstatter) x.push(`    <erstatterMeldingsId>${a.erstatter}</erstatterMeldingsId>`);
  x.push(`    <meldingsId>${a.meldingsId}</meldingsId>`);
  x.push("    <opplysningspliktig>");
  x.push(`      <norskIdentifikator>${FIRMA.orgnr}</norskIdentifikator>`);
  x.push("    </opplysningspliktig>");
  x.push("    <oppgave>");
  x.push("      <betalingsinformasjon>");
  x.push(`        <sumArbeidsgiveravgift>${xmlInt(a.sumAga)}</sumArbeidsgiveravgift>`);
  for (const p of a.perDato) {
    x.push("        <sumForskuddstrekkPerLoennsutbetalingsdato>");
    x.push(`          <loennsutbetalingsdato>${p.dato}</loennsutbetalingsdato>`);
    x.push(`          <beloep>${xmlInt(p.belop)}</beloep>`);
    x.push("        </sumForskuddstrekkPerLoennsutbetalingsdato>");
  }
  x.push("      </betalingsinformasjon>");
  for (const v of a.virksomheter) {
    x.push("      <virksomhet>");
    x.push(`        <norskIdentifikator>${v.v.nr}</norskIdentifikator>`);
    for (const p of v.persons) {
      const e = p.e;
      x.push("        <inntektsmottaker>");
      x.push(`          <norskIdentifikator>${e.fnr}</norskIdentifikator>`);
      x.push("          <arbeidsforhold>");
      x.push(`            <arbeidsforholdId>A-${e.ansattnr}</arbeidsforholdId>`);
      x.push("            <typeArbeidsforhold>ordinaertArbeidsforhold</typeArbeidsforhold>");
      x.push(`            <startdato>${e.start}</startdato>`);
      if (e.slutt) x.push(`            <sluttdato>${e.slutt}</sluttdato>`);
      x.push("            <antallTimerPerUkeSomEnFullStillingTilsvarer>37.5</antallTimerPerUkeSomEnFullStillingTilsvarer>");
      x.push("            <avloenningstype>fastloennet</avloenningstype>");
      x.push(`            <yrke>${e.yrke}</yrke>`);
      x.push("            <arbeidstidsordning>ikkeSkift</arbeidstidsordning>");
      x.push("            <stillingsprosent>100.0</stillingsprosent>");
      x.push(`            <sisteLoennsendringsdato>${a.month >= `${YEAR}-07` ? `${YEAR}-07-01` : e.start}</sisteLoennsendringsdato>`);
      if (e.slutt) x.push("            <aarsakTilSluttdato>arbeidstakerHarSagtOppSelv</aarsakTilSluttdato>");
      x.push("            <formForAnsettelse>fast</formForAnsettelse>");
      x.push("          </arbeidsforhold>");
      x.push("          <forskuddstrekk>");
      x.push(`            <beloep>${xmlInt(-p.trekk)}</beloep>`);
      x.push("          </forskuddstrekk>");
      for (const i of p.inntekt) {
        x.push("          <inntekt>");
        x.push("            <fordel>kontantytelse</fordel>");
        x.push("            <utloeserArbeidsgiveravgift>true</utloeserArbeidsgiveravgift>");
        x.push("            <inngaarIGrunnlagForTrekk>true</inngaarIGrunnlagForTrekk>");
        x.push(`            <beloep>${xmlKr(i.belop)}</beloep>`);
        x.push(`            <arbeidsforholdId>A-${e.ansattnr}</arbeidsforholdId>`);
        x.push("            <loennsinntekt>");
        x.push(`              <beskrivelse>${i.beskrivelse}</beskrivelse>`);
        x.push("            </loennsinntekt>");
        x.push("          </inntekt>");
      }
      x.push("        </inntektsmottaker>");
    }
    x.push("        <arbeidsgiveravgift>");
    x.push("          <loennOgGodtgjoerelse>");
    x.push("            <beregningskodeForArbeidsgiveravgift>generelleNaeringer</beregningskodeForArbeidsgiveravgift>");
    x.push(`            <sone>${v.sone}</sone>`);
    x.push(`            <avgiftsgrunnlagBeloep>${xmlKr(v.grunnlag)}</avgiftsgrunnlagBeloep>`);
    x.push(`            <prosentsatsForAvgiftsberegning>${v.prosent}</prosentsatsForAvgiftsberegning>`);
    x.push("          </loennOgGodtgjoerelse>");
    x.push("        </arbeidsgiveravgift>");
    x.push("      </virksomhet>");
  }
  x.push("    </oppgave>");
  x.push("    <spraakForTilbakemelding>bokmaal</spraakForTilbakemelding>");
  x.push("  </Leveranse>");
  x.push("</melding>");
  return x.join("\n") + "\n";
}

// ---------------------------------------------------------------------------------------------
// Payments, the insurer's invoices and the union's lists.
// ---------------------------------------------------------------------------------------------

/** Last year's closing balances that 2026 starts from (paid in January from the old skattetrekkskonto). */
function openingBalances(runs) {
  const jan = runs.find((r) => r.month === `${YEAR}-01`);
  const sum = (k) => jan.perVirksomhet.reduce((s, p) => s + p[k], 0);
  // Termin 6 of 2025 (November and December): forskuddstrekk and AGA, about two Januaries' worth.
  const trekk = 2 * sum("trekk") - 1870000;
  const aga = 2 * jan.perVirksomhet.reduce((s, p) => s + p.aga, 0) - 936400;
  return {
    forskuddstrekk: -(trekk - (trekk % 100)),
    aga: -(aga - (aga % 100)),
    forsikringstrekk: -(sum("forsikring") - 35000),
    fagforeningstrekk: -sum("fagforening"),
  };
}

function payments(runs, meldinger, ib, invoices) {
  const list = [];
  // Termin 6 of 2025, due 15 January 2026, paid from the skattetrekkskonto and the bank.
  list.push({ dato: "2026-01-15", gjelder: "forskuddstrekk", belop: -ib.forskuddstrekk, termin: 6, aar: YEAR - 1, tekst: "Forskuddstrekk 6. termin 2025 (skattetrekkskonto)" });
  list.push({ dato: "2026-01-15", gjelder: "aga", belop: -ib.aga, termin: 6, aar: YEAR - 1, tekst: "Arbeidsgiveravgift 6. termin 2025" });
  list.push({ dato: virkedagFrom("2026-01-10"), gjelder: "forsikringstrekk", belop: -ib.forsikringstrekk, periode: `${YEAR - 1}-12`, tekst: `${FORSIKRING.navn} faktura desember ${YEAR - 1}` });
  list.push({ dato: virkedagFrom("2026-01-10"), gjelder: "fagforeningstrekk", belop: -ib.fagforeningstrekk, periode: `${YEAR - 1}-12`, tekst: `${FAGFORENING.navn} trekkliste desember ${YEAR - 1}` });
  // Forskuddstrekk: one payment per pay run, the first virkedag after the pay date. The June run is paid two days late.
  for (const run of runs) {
    const due = nextVirkedag(run.dato);
    const dato = run.dato === `${YEAR}-06-19` ? addDays(due, 2) : due;
    list.push({ dato, gjelder: "forskuddstrekk", belop: run.trekk, utbetalingsdato: run.dato, tekst: `Forskuddstrekk lønn ${norwegianDate(run.dato)}` });
  }
  // AGA per termin: what the a-meldinger reported, on the due date. Termin 3 is paid 1 000 kr short; termin 6 falls in 2027.
  const standing = meldinger.filter((a) => !meldinger.some((b) => b.erstatter === a.meldingsId));
  for (let t = 1; t <= 5; t++) {
    const months = [`${YEAR}-${pad(2 * t - 1)}`, `${YEAR}-${pad(2 * t)}`];
    const amount = standing.filter((a) => months.includes(a.month)).reduce((s, a) => s + a.sumAga, 0);
    const due = virkedagFrom(iso(YEAR, 2 * t + 1, 15));
    list.push({ dato: due, gjelder: "aga", belop: t === 3 ? amount - 100000 : amount, termin: t, tekst: `Arbeidsgiveravgift ${t}. termin ${YEAR}` });
  }
  // The insurer's invoices and the union's lists, each paid on the 10th (or the next virkedag) of the month after.
  for (let m = 1; m <= 11; m++) {
    const periode = `${YEAR}-${pad(m)}`;
    const dato = virkedagFrom(iso(YEAR, m + 1, 10));
    const insured = invoices.filter((i) => i.konto === FORSIKRING.konto && i.periode === periode).reduce((s, i) => s + i.belop, 0);
    const union = invoices.filter((i) => i.konto === FAGFORENING.konto && i.periode === periode).reduce((s, i) => s + i.belop, 0);
    if (insured > 0) list.push({ dato, gjelder: "forsikringstrekk", belop: insured, periode, tekst: `${FORSIKRING.navn} faktura ${MONTH_NAMES[m - 1]}` });
    if (union > 0) list.push({ dato, gjelder: "fagforeningstrekk", belop: union, periode, tekst: `${FAGFORENING.navn} trekkliste ${MONTH_NAMES[m - 1]}` });
  }
  list.sort((a, b) => (a.dato < b.dato ? -1 : a.dato > b.dato ? 1 : 0));
  return list;
}

/** Invoice and trekkliste lines per employee and month. The insurer bills the new employee from June, with May on the June invoice. */
function invoiceLines(runs) {
  const out = [];
  let invoiceNo = 4471;
  for (let m = 1; m <= 12; m++) {
    const periode = `${YEAR}-${pad(m)}`;
    const ordinary = runs.find((r) => r.month === periode && r.kind === "ordinær");
    const fakturanr = String(invoiceNo++);
    for (const l of ordinary.lines) {
      if (l.forsikring > 0) {
        const from = l.e.forsikretFra;
        if (from && periode < from) continue;
        const months = from && periode === from ? 2 : 1; // the missed month comes on the first invoice
        out.push({ mottaker: FORSIKRING.navn, konto: FORSIKRING.konto, periode, fakturanr, e: l.e, belop: months * l.forsikring });
      }
    }
    for (const l of ordinary.lines) {
      if (l.fagforening > 0) out.push({ mottaker: FAGFORENING.navn, konto: FAGFORENING.konto, periode, fakturanr: "", e: l.e, belop: l.fagforening });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The ledger: vouchers for the pay runs and the payments, plus the firm's other business.
// ---------------------------------------------------------------------------------------------

const ACCOUNTS = [
  ["1500", "Kundefordringer", "balanseverdiForOmloepsmiddel", "1500"],
  ["1920", "Bankinnskudd", "balanseverdiForOmloepsmiddel", "1920"],
  ["1950", "Bankinnskudd for skattetrekk", "balanseverdiForOmloepsmiddel", "1950"],
  ["2050", "Annen egenkapital", "egenkapital", "2050"],
  ["2400", "Leverandørgjeld", "kortsiktigGjeld", "2400"],
  ["2600", "Forskuddstrekk", "kortsiktigGjeld", "2600"],
  ["2640", "Forsikringstrekk", "kortsiktigGjeld", "2600"],
  ["2650", "Trukket fagforeningskontingent", "kortsiktigGjeld", "2600"],
  ["2700", "Utgående merverdiavgift, høy sats", "kortsiktigGjeld", "2740"],
  ["2710", "Inngående merverdiavgift, høy sats", "kortsiktigGjeld", "2740"],
  ["2770", "Skyldig arbeidsgiveravgift", "kortsiktigGjeld", "2770"],
  ["3000", "Salgsinntekt, avgiftspliktig", "salgsinntekt", "3000"],
  ["4000", "Innkjøp av råvarer og halvfabrikata", "varekostnad", "4005"],
  ["5000", "Lønn til ansatte", "loennskostnad", "5000"],
  ["5400", "Arbeidsgiveravgift", "loennskostnad", "5400"],
  ["6300", "Leie lokale", "annenDriftskostnad", "6300"],
];

function ledger(runs, pays, ib, fillerLines, next) {
  const tx = [];
  const add = (journal, dato, tekst, lines, voucherType) => tx.push({ journal, dato, tekst, lines, voucherType });
  for (const run of runs) {
    const lines = [];
    for (const p of run.perVirksomhet) lines.push(["5000", p.brutto, `${run.tekst}, ${p.v.navn.replace("Nordlys Verksted AS ", "")}`]);
    const sum = (k) => run.perVirksomhet.reduce((s, p) => s + p[k], 0);
    lines.push(["2600", -sum("trekk"), `Forskuddstrekk ${norwegianDate(run.dato)}`]);
    if (sum("forsikring") > 0) lines.push(["2640", -sum("forsikring"), `Forsikringstrekk ${MONTH_NAMES[Number(run.month.slice(5)) - 1]}`]);
    if (sum("fagforening") > 0) lines.push(["2650", -sum("fagforening"), `Fagforeningstrekk ${MONTH_NAMES[Number(run.month.slice(5)) - 1]}`]);
    lines.push(["1920", -(sum("brutto") - sum("trekk") - sum("forsikring") - sum("fagforening")), `Nettolønn ${norwegianDate(run.dato)}`]);
    for (const p of run.perVirksomhet) {
      lines.push(["5400", p.aga, `AGA sone ${p.v.romersk} ${norwegianDate(run.dato)}`]);
      lines.push(["2770", -p.aga, `AGA sone ${p.v.romersk} ${norwegianDate(run.dato)}`]);
    }
    add("L", run.dato, run.tekst, lines, "Lønn");
  }
  const accountOf = { forskuddstrekk: "2600", aga: "2770", forsikringstrekk: "2640", fagforeningstrekk: "2650" };
  for (const p of pays) {
    const bank = p.gjelder === "forskuddstrekk" && p.aar === YEAR - 1 ? "1950" : "1920";
    add("B", p.dato, p.tekst, [[accountOf[p.gjelder], p.belop, p.tekst], [bank, -p.belop, p.tekst]], "Bank");
  }
  // The rest of the business: sales and purchases, so the ledger is a ledger (the readers skip these lines).
  let customers = 0;
  for (let n = 0; n * 3 < fillerLines; n++) {
    const day = 1 + Math.floor(next() * 364);
    const dato = addDays(`${YEAR}-01-01`, day - 1);
    const net = 100 * Math.round(2000 + next() * 180000);
    const vat = share(net, 25, 100);
    if (next() < 0.55) {
      customers++;
      add("S", dato, `Faktura ${20260000 + customers}`, [["1500", net + vat, "Salg verkstedtjenester"], ["3000", -net, "Salg verkstedtjenester"], ["2700", -vat, "Utgående mva 25 %"]], "Salg");
    } else if (next() < 0.9) {
      add("I", dato, "Innkjøp deler", [["4000", net, "Deler og materiell"], ["2710", vat, "Inngående mva 25 %"], ["2400", -(net + vat), "Leverandørgjeld"]], "Inngående");
    } else {
      add("I", dato, "Husleie", [["6300", net, "Husleie verksted"], ["2400", -net, "Leverandørgjeld"]], "Inngående");
    }
  }
  tx.sort((a, b) => (a.dato < b.dato ? -1 : a.dato > b.dato ? 1 : 0));
  tx.forEach((t, i) => (t.id = `${t.journal}${String(i + 1).padStart(6, "0")}`));

  const opening = new Map(ACCOUNTS.map(([id]) => [id, 0]));
  opening.set("2600", ib.forskuddstrekk);
  opening.set("2770", ib.aga);
  opening.set("2640", ib.forsikringstrekk);
  opening.set("2650", ib.fagforeningstrekk);
  opening.set("1950", -ib.forskuddstrekk);
  opening.set("1500", 41275000);
  opening.set("2400", -18733150);
  opening.set("1920", 312450000);
  const others = [...opening.entries()].filter(([id]) => id !== "2050").reduce((s, [, v]) => s + v, 0);
  opening.set("2050", -others);
  const closing = new Map(opening);
  for (const t of tx) for (const [acc, amount] of t.lines) closing.set(acc, closing.get(acc) + amount);
  return { tx, opening, closing };
}

function saftXml({ tx, opening, closing }, version = "1.30") {
  const x = [];
  let debit = 0;
  let credit = 0;
  for (const t of tx) for (const [, a] of t.lines) if (a >= 0) debit += a; else credit -= a;
  x.push('<?xml version="1.0" encoding="UTF-8"?>');
  x.push(`<AuditFile xmlns="${SAFT_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`);
  x.push("  <Header>");
  x.push(`    <AuditFileVersion>${version}</AuditFileVersion>`);
  x.push("    <AuditFileCountry>NO</AuditFileCountry>");
  x.push(`    <AuditFileDateCreated>${YEAR + 1}-01-22</AuditFileDateCreated>`);
  x.push("    <SoftwareCompanyName>Eksempel Programvare AS</SoftwareCompanyName>");
  x.push("    <SoftwareID>Nordlys Regnskap</SoftwareID>");
  x.push("    <SoftwareVersion>8.2.1</SoftwareVersion>");
  x.push("    <Company>");
  x.push(`      <RegistrationNumber>${FIRMA.orgnr}</RegistrationNumber>`);
  x.push(`      <Name>${FIRMA.navn}</Name>`);
  x.push("      <Address>");
  x.push("        <StreetName>Verkstedveien</StreetName>");
  x.push("        <Number>12</Number>");
  x.push("        <City>Oslo</City>");
  x.push("        <PostalCode>0581</PostalCode>");
  x.push("        <Country>NO</Country>");
  x.push("      </Address>");
  x.push("      <Contact>");
  x.push("        <ContactPerson>");
  x.push("          <FirstName>Ingrid</FirstName>");
  x.push("          <LastName>Haugen</LastName>");
  x.push("        </ContactPerson>");
  x.push("        <Telephone>22000000</Telephone>");
  x.push("      </Contact>");
  x.push("      <TaxRegistration>");
  x.push(`        <TaxRegistrationNumber>${FIRMA.orgnr}MVA</TaxRegistrationNumber>`);
  x.push("        <TaxAuthority>Skatteetaten</TaxAuthority>");
  x.push("      </TaxRegistration>");
  x.push("    </Company>");
  x.push("    <DefaultCurrencyCode>NOK</DefaultCurrencyCode>");
  x.push("    <SelectionCriteria>");
  x.push("      <PeriodStart>1</PeriodStart>");
  x.push(`      <PeriodStartYear>${YEAR}</PeriodStartYear>`);
  x.push("      <PeriodEnd>12</PeriodEnd>");
  x.push(`      <PeriodEndYear>${YEAR}</PeriodEndYear>`);
  x.push("    </SelectionCriteria>");
  x.push("    <HeaderComment>Hovedbok og kontoplan for regnskapsåret; eksempeldata.</HeaderComment>");
  x.push("    <TaxAccountingBasis>A</TaxAccountingBasis>");
  x.push("  </Header>");
  x.push("  <MasterFiles>");
  x.push("    <GeneralLedgerAccounts>");
  const balance = (tag, amount) => (amount < 0 ? `<${tag}CreditBalance>${xmlKr(-amount)}</${tag}CreditBalance>` : `<${tag}DebitBalance>${xmlKr(amount)}</${tag}DebitBalance>`);
  for (const [id, name, category, code] of ACCOUNTS) {
    x.push("      <Account>");
    x.push(`        <AccountID>${id}</AccountID>`);
    x.push(`        <AccountDescription>${esc(name)}</AccountDescription>`);
    x.push(`        <GroupingCategory>${category}</GroupingCategory>`);
    x.push(`        <GroupingCode>${code}</GroupingCode>`);
    x.push("        <AccountType>GL</AccountType>");
    x.push(`        ${balance("Opening", opening.get(id))}`);
    x.push(`        ${balance("Closing", closing.get(id))}`);
    x.push("      </Account>");
  }
  x.push("    </GeneralLedgerAccounts>");
  x.push("  </MasterFiles>");
  x.push("  <GeneralLedgerEntries>");
  x.push(`    <NumberOfEntries>${tx.length}</NumberOfEntries>`);
  x.push(`    <TotalDebit>${xmlKr(debit)}</TotalDebit>`);
  x.push(`    <TotalCredit>${xmlKr(credit)}</TotalCredit>`);
  const journals = [["L", "Lønnsbilag", "L"], ["B", "Bank", "B"], ["S", "Salgsfakturaer", "S"], ["I", "Inngående fakturaer", "I"]];
  for (const [jid, desc, type] of journals) {
    const list = tx.filter((t) => t.journal === jid);
    if (list.length === 0) continue;
    x.push("    <Journal>");
    x.push(`      <JournalID>${jid}</JournalID>`);
    x.push(`      <Description>${desc}</Description>`);
    x.push(`      <Type>${type}</Type>`);
    for (const t of list) {
      x.push("      <Transaction>");
      x.push(`        <TransactionID>${t.id}</TransactionID>`);
      x.push(`        <Period>${Number(t.dato.slice(5, 7))}</Period>`);
      x.push(`        <PeriodYear>${t.dato.slice(0, 4)}</PeriodYear>`);
      x.push(`        <TransactionDate>${t.dato}</TransactionDate>`);
      x.push(`        <VoucherType>${t.voucherType}</VoucherType>`);
      x.push(`        <Description>${esc(t.tekst)}</Description>`);
      x.push(`        <SystemEntryDate>${t.dato}</SystemEntryDate>`);
      x.push(`        <GLPostingDate>${t.dato}</GLPostingDate>`);
      t.lines.forEach(([acc, amount, tekst], i) => {
        x.push("        <Line>");
        x.push(`          <RecordID>${i + 1}</RecordID>`);
        x.push(`          <AccountID>${acc}</AccountID>`);
        x.push(`          <Description>${esc(tekst)}</Description>`);
        x.push(amount >= 0 ? `          <DebitAmount><Amount>${xmlKr(amount)}</Amount></DebitAmount>` : `          <CreditAmount><Amount>${xmlKr(-amount)}</Amount></CreditAmount>`);
        x.push("        </Line>");
      });
      x.push("      </Transaction>");
    }
    x.push("    </Journal>");
  }
  x.push("  </GeneralLedgerEntries>");
  x.push("</AuditFile>");
  return x.join("\n") + "\n";
}

const byDate = (list) => [...list].sort((a, b) => (a.dato < b.dato ? -1 : a.dato > b.dato ? 1 : 0));

/** The journal (payroll) postings in the order the SAF-T file holds them: journal by journal, by date. */
function saftOrder(tx) {
  const order = ["L", "B", "S", "I"];
  return order.flatMap((j) => tx.filter((t) => t.journal === j));
}

// ---------------------------------------------------------------------------------------------
// Putting it together.
// ---------------------------------------------------------------------------------------------

export function buildTrekkSamples({ employees: count = 16, fillerLines = 900, seed = 20260101 } = {}) {
  const next = random(seed);
  const staff = employees(count, next);
  const runs = payRuns(staff);
  const meldinger = ameldinger(runs, staff, next);
  const ib = openingBalances(runs);
  const invoices = invoiceLines(runs);
  const pays = payments(runs, meldinger, ib, invoices);
  const book = ledger(runs, pays, ib, fillerLines, next);
  const files = {};
  for (const a of meldinger) files[a.file] = a.xml;
  files[`saft-${YEAR}.xml`] = saftXml(book);

  const ledgerAccounts = Object.values(KONTOER);
  const hovedbok = ledgerAccounts.map((konto) => ({
    konto,
    ib: book.opening.get(konto),
    // In date order (the readers sort a ledger's postings by date, keeping the file's order within a day).
    posteringer: byDate(saftOrder(book.tx).flatMap((t) => t.lines.filter(([a]) => a === konto).map(([, belop, tekst]) => ({ dato: t.dato, belop, tekst })))),
  }));

  // The ledger as a CSV export (konto; dato; periode; bilag; tekst; debet; kredit), IB as period 00 rows.
  const ledgerRows = [["Konto", "Kontonavn", "Dato", "Periode", "Bilag", "Tekst", "Debet", "Kredit"]];
  for (const konto of ledgerAccounts) {
    const name = ACCOUNTS.find(([id]) => id === konto)[1];
    const ibOre = book.opening.get(konto);
    ledgerRows.push([konto, name, "", `${YEAR}00`, "", "Inngående balanse", ibOre > 0 ? nok(ibOre) : "", ibOre < 0 ? nok(-ibOre) : ""]);
  }
  for (const t of byDate(saftOrder(book.tx))) {
    for (const [konto, belop, tekst] of t.lines) {
      if (!ledgerAccounts.includes(konto)) continue;
      const name = ACCOUNTS.find(([id]) => id === konto)[1];
      ledgerRows.push([konto, name, norwegianDate(t.dato), t.dato.slice(0, 7).replace("-", ""), t.id, tekst, belop > 0 ? nok(belop) : "", belop < 0 ? nok(-belop) : ""]);
    }
  }
  files[`hovedbok-${YEAR}.csv`] = csv(ledgerRows);

  // The payroll journal, one row per employee and pay run.
  const journal = [["Utbetalingsdato", "Lønnskjøring", "Virksomhetsnr", "Kommunenr", "Ansattnr", "Navn", "Brutto", "Forskuddstrekk", "Forsikringstrekk", "Fagforeningstrekk", "AGA-grunnlag"]];
  for (const run of runs) {
    for (const p of run.perVirksomhet) {
      for (const l of p.lines) {
        journal.push([norwegianDate(run.dato), run.kind, p.v.nr, p.v.kommune, l.e.ansattnr, l.e.navn, nok(l.brutto), nok(l.trekk), l.forsikring ? nok(l.forsikring) : "", l.fagforening ? nok(l.fagforening) : "", nok(l.brutto)]);
      }
    }
  }
  files[`lonnsjournal-${YEAR}.csv`] = csv(journal);

  const gjelderText = { forskuddstrekk: "Forskuddstrekk", aga: "Arbeidsgiveravgift", forsikringstrekk: "Forsikringstrekk", fagforeningstrekk: "Fagforeningstrekk" };
  const paymentRows = [["Betalt dato", "Gjelder", "Beløp", "Utbetalingsdato", "Termin", "Periode", "Tekst"]];
  for (const p of pays) {
    paymentRows.push([norwegianDate(p.dato), gjelderText[p.gjelder], nok(p.belop), p.utbetalingsdato ? norwegianDate(p.utbetalingsdato) : "", p.termin ? (p.aar ? `T${p.termin} ${p.aar}` : `T${p.termin}`) : "", p.periode ?? "", p.tekst]);
  }
  files[`betalinger-${YEAR}.csv`] = csv(paymentRows);

  const invoiceRows = [["Mottaker", "Konto", "Periode", "Fakturanr", "Ansattnr", "Navn", "Beløp"]];
  for (const i of invoices) invoiceRows.push([i.mottaker, i.konto, i.periode.replace("-", ""), i.fakturanr, i.e.ansattnr, i.e.navn, nok(i.belop)]);
  files[`trekklister-${YEAR}.csv`] = csv(invoiceRows);

  const standing = meldinger.filter((a) => !meldinger.some((b) => b.erstatter === a.meldingsId));
  const scenario = {
    virksomhet: FIRMA.navn,
    orgnr: FIRMA.orgnr,
    aar: YEAR,
    kontoer: KONTOER,
    lonnskjoringer: runs.flatMap((run) =>
      run.perVirksomhet.map((p) => ({
        utbetalingsdato: run.dato,
        forskuddstrekk: kroner(p.trekk),
        forsikringstrekk: kroner(p.forsikring),
        fagforeningstrekk: kroner(p.fagforening),
        agaGrunnlag: [{ sone: p.v.romersk, grunnlag: kroner(p.grunnlag) }],
        virksomhetsnummer: p.v.nr,
      })),
    ),
    amelding: standing.map((a) => ({
      kalendermaaned: a.month,
      sumForskuddstrekk: kroner(a.perDato.reduce((s, p) => s + p.belop, 0)),
      sumArbeidsgiveravgift: kroner(a.sumAga),
      forskuddstrekkPerUtbetalingsdato: a.perDato.map((p) => ({ dato: p.dato, belop: kroner(p.belop) })),
      agaGrunnlag: a.virksomheter.map((v) => ({ sone: v.sone, grunnlag: kroner(v.grunnlag), prosentsats: Number(v.prosent), virksomhetsnummer: v.v.nr })),
      meldingsId: a.meldingsId,
      orgnr: FIRMA.orgnr,
    })),
    hovedbok: hovedbok.map((h) => ({ konto: h.konto, ib: kroner(h.ib), posteringer: h.posteringer.map((p) => ({ dato: p.dato, belop: kroner(p.belop), tekst: p.tekst })) })),
    betalinger: pays.map((p) => ({
      dato: p.dato,
      gjelder: p.gjelder,
      belop: kroner(p.belop),
      ...(p.utbetalingsdato ? { utbetalingsdato: p.utbetalingsdato } : {}),
      ...(p.termin ? { termin: p.termin } : {}),
      ...(p.aar ? { aar: p.aar } : {}),
      ...(p.periode ? { periode: p.periode } : {}),
    })),
    mottakere: [FORSIKRING, FAGFORENING].map((m) => {
      const periods = [...new Set(invoices.filter((i) => i.konto === m.konto).map((i) => i.periode))];
      return {
        konto: m.konto,
        navn: m.navn,
        fakturert: periods.map((periode) => ({ periode, belop: kroner(invoices.filter((i) => i.konto === m.konto && i.periode === periode).reduce((s, i) => s + i.belop, 0)) })),
      };
    }),
  };
  files[`trekk-scenario-${YEAR}.json`] = JSON.stringify(scenario, null, 2) + "\n";
  // The import form's oppsett (lonn trekk --oppsett): the scenario's fields that no export holds, and
  // the Unit4 company code and voucher type for the correction vouchers' export.
  const oppsett = { virksomhet: scenario.virksomhet, orgnr: scenario.orgnr, aar: scenario.aar, kontoer: scenario.kontoer, firma: "NV", bilagsart: "TK" };
  files[`oppsett-${YEAR}.json`] = JSON.stringify(oppsett, null, 2) + "\n";
  return { files, scenario, staff, runs, meldinger, payments: pays };
}

/** The SAF-T file of the sample as 1.40 (for tests of the version difference). */
export function saftVersion140(text) {
  return text.replace("<AuditFileVersion>1.30</AuditFileVersion>", "<AuditFileVersion>1.40</AuditFileVersion>");
}

function main() {
  const { files } = buildTrekkSamples();
  writeOrCheck(SAMPLE_FOLDER, files, "make-trekk-samples.mjs");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
