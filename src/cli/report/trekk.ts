/**
 * `lonn trekk`'s report: `--json` in DESIGN.md §8.5's shape (kontroller, forskuddstrekk, aga,
 * mottakere, flagg; kroner as JSON numbers, dates YYYY-MM-DD, betaltDato null when unpaid), with
 * the rest of the run under its own keys; and the Norwegian text without `--json`. Every figure is
 * the model's; nothing is computed here.
 */
import { kroner, Ore } from "../../core/money/ore";
import { ZONES } from "../../core/rates/aga";
import { oneLine } from "../../core/text";
import { monthName } from "../../core/trekk/dates";
import { TrekkFlag } from "../../core/trekk/result";
import { SignOffReview } from "../../core/trekk/sign-off";
import { TrekkRun } from "../../core/usecase/trekk";
import { bilagSum } from "../../core/voucher/balance";
import type { XlsxApplyReport } from "../xlsx/apply-plan";
import { kr, norwegianDate, table } from "./table";
import { append } from "../../core/list";

const orNull = (ore: Ore | null): number | null => (ore === null ? null : kroner(ore));

export function flagJson(f: TrekkFlag): Record<string, unknown> {
  return {
    konto: f.konto === "" ? null : f.konto,
    ...(f.periode !== undefined ? { periode: f.periode } : {}),
    ...(f.dato !== undefined ? { dato: f.dato } : {}),
    ...(f.termin !== undefined ? { termin: f.termin, aar: f.aar } : {}),
    type: f.kind,
    belop: kroner(f.belop),
    melding: f.melding,
  };
}

export interface TrekkJsonExtras {
  readonly files?: readonly { readonly type: string; readonly path: string }[];
  readonly sheet?: XlsxApplyReport;
  readonly signOff?: SignOffReview;
  readonly exported?: { readonly batchId: string; readonly bilag: readonly string[]; readonly unchanged: readonly string[] };
}

export function trekkJson(run: TrekkRun, extras: TrekkJsonExtras = {}): Record<string, unknown> {
  const a = run.avstemming;
  const s = a.scenario;
  return {
    kilde: run.inputs.source,
    virksomhet: s.virksomhet,
    orgnr: s.orgnr ?? null,
    aar: s.aar,
    toleranse: kroner(a.toleranse),
    maaneder: a.maaneder,
    sluttdato: a.sluttdato,
    kontroller: a.kontroller.map((k) => ({
      konto: k.konto, periode: k.periode,
      ib: kroner(k.ib), paalopt: kroner(k.paalopt), betalt: kroner(k.betalt),
      forventetUb: kroner(k.forventetUb), hovedbokUb: kroner(k.hovedbokUb), differanse: kroner(k.differanse),
    })),
    forskuddstrekk: a.forskuddstrekk.map((r) => ({
      utbetalingsdato: r.utbetalingsdato, termin: r.termin, aar: r.aar,
      trekk: kroner(r.trekk), amelding: orNull(r.amelding), betalt: kroner(r.betalt),
      forfall: r.forfall, betaltDato: r.betaltDato, dagerForsinket: r.dagerForsinket,
    })),
    aga: a.aga.map((r) => ({
      termin: r.termin, aar: r.aar,
      beregnet: kroner(r.beregnet), amelding: orNull(r.amelding), betalt: kroner(r.betalt),
      forfall: r.forfall, betaltDato: r.betaltDato, dagerForsinket: r.dagerForsinket,
    })),
    agaGrunnlag: a.agaGrunnlag.map((g) => ({
      periode: g.periode,
      grunnlag: Object.fromEntries(ZONES.filter((z) => g.grunnlag[z] !== 0).map((z) => [z, kroner(g.grunnlag[z])])),
      beregnet: kroner(g.beregnet),
      amelding: orNull(g.amelding),
    })),
    satser: a.satser,
    mottakere: a.mottakere.map((m) => ({
      konto: m.konto, periode: m.periode, navn: m.navn, trekk: kroner(m.trekk), fakturert: kroner(m.fakturert), differanse: kroner(m.differanse),
    })),
    flagg: a.flags.map(flagJson),
    bilag: run.bilag.flatMap((b) =>
      b.linjer.map((l) => ({ bilagId: b.id, konto: l.konto, belop: kroner(l.belop), linje: l.linje, tekst: l.tekst, dato: b.dato, periode: b.periode })),
    ),
    bilagsoversikt: run.bilag.map((b) => ({ bilagId: b.id, tekst: b.tekst, dato: b.dato, periode: b.periode, linjer: b.linjer.length, iBalanse: bilagSum(b) === 0 })),
    merknader: run.inputs.notes,
    ...(extras.signOff ? { signering: extras.signOff.periods.map((p) => ({ periode: p.periode, status: p.state })) } : {}),
    ...(extras.exported ? { eksport: extras.exported } : {}),
    ...(extras.files ? { filer: extras.files.map((f) => ({ type: f.type, sti: f.path })) } : {}),
    ...(extras.sheet ? { ark: { ikkeSkrevet: extras.sheet.leftAlone, merknader: extras.sheet.notices } } : {}),
  };
}

const days = (d: number | null): string => (d === null ? "" : String(d));
const dateText = (iso: string | null, owed: Ore): string => (iso !== null ? norwegianDate(iso) : owed === 0 ? "" : "ikke betalt");
const maybe = (ore: Ore | null): string => (ore === null ? "–" : kr(ore));

/** The run as a readable Norwegian summary. */
export function trekkText(run: TrekkRun, sheet?: XlsxApplyReport): string[] {
  const a = run.avstemming;
  const s = a.scenario;
  const out: string[] = [
    `${oneLine(s.virksomhet) || "(uten navn)"}${s.orgnr ? ` (${s.orgnr})` : ""} ${s.aar} – trekk og arbeidsgiveravgift, januar–${monthName(a.sluttdato.slice(0, 7))} (toleranse ${kr(a.toleranse)} kr)`,
    "",
  ];
  const accounts = [...new Set(a.kontroller.map((k) => k.konto))];
  for (const konto of accounts) {
    out.push(`Konto ${konto}: IB − påløpt + betalt = forventet UB, mot hovedboken`);
    const rows = [["  Måned", "IB", "Påløpt", "Betalt", "Forventet UB", "Hovedbok UB", "Differanse"]];
    for (const k of a.kontroller.filter((x) => x.konto === konto)) {
      rows.push([`  ${k.periode}`, kr(k.ib), kr(k.paalopt), kr(k.betalt), kr(k.forventetUb), kr(k.hovedbokUb), kr(k.differanse)]);
    }
    append(out, [...table(rows), ""]);
  }
  out.push(a.forskuddstrekkPerTermin ? "Forskuddstrekk per termin:" : "Forskuddstrekk per utbetalingsdato:");
  const ft = [["  Utbetalt/termin", "Trekk", "A-melding", "Betalt", "Forfall", "Betalt dato", "Dager for sent"]];
  for (const r of a.forskuddstrekk) {
    const key = r.utbetalingsdato ? norwegianDate(r.utbetalingsdato) : `T${r.termin} ${r.aar}`;
    ft.push([`  ${key}`, kr(r.trekk), maybe(r.amelding), kr(r.betalt), norwegianDate(r.forfall), dateText(r.betaltDato, r.trekk), days(r.dagerForsinket)]);
  }
  append(out, [...table(ft), "", "Arbeidsgiveravgift per termin:"]);
  const aga = [["  Termin", "Beregnet", "A-melding", "Betalt", "Forfall", "Betalt dato", "Dager for sent"]];
  for (const r of a.aga) {
    aga.push([`  T${r.termin} ${r.aar}`, kr(r.beregnet), maybe(r.amelding), kr(r.betalt), norwegianDate(r.forfall), dateText(r.betaltDato, r.beregnet), days(r.dagerForsinket)]);
  }
  append(out, [...table(aga), ""]);
  if (a.mottakere.length > 0) {
    out.push("Forsikrings- og fagforeningstrekk mot faktura/trekkliste:");
    const m = [["  Konto", "Måned", "Trekk", "Fakturert", "Differanse", "Mottaker"]];
    for (const r of a.mottakere) m.push([`  ${r.konto}`, r.periode, kr(r.trekk), kr(r.fakturert), kr(r.differanse), oneLine(r.navn.join(", "))]);
    append(out, [...table(m, [0, 1, 5]), ""]);
  }
  if (run.bilag.length === 0) out.push("Korreksjonsbilag: ingen.", "");
  else {
    out.push(`Korreksjonsbilag: ${run.bilag.length}${run.bilag.every((b) => bilagSum(b) === 0) ? ", alle går i null" : ", IKKE alle går i null"}.`);
    for (const b of run.bilag) {
      out.push(`  ${b.id}  ${norwegianDate(b.dato)}  periode ${b.periode}`);
      append(out, table(b.linjer.map((l) => [`    ${oneLine(l.konto)}`, kr(l.belop), oneLine(l.tekst)]), [0, 2]));
    }
    out.push("");
  }
  if (a.flags.length === 0) out.push("Flagg: ingen.");
  else {
    out.push(`Flagg (${a.flags.length}):`);
    for (const f of a.flags) out.push(`  - ${oneLine(f.melding)}`);
  }
  for (const n of run.inputs.notes) out.push(`Merknad: ${oneLine(n)}`);
  if (sheet) for (const n of sheet.notices) out.push(`Merk: ${n.sheet}!${n.address}: ${n.message}`);
  return out;
}
