/**
 * The flags of DESIGN.md §8.3 as Norwegian text. Each names the account, the period, pay date or
 * termin, the amount, and what to do. Comparisons of amounts use the workpaper's tolerance
 * (core/workpaper/control.ts): a difference of at most the tolerance is rounding, not a flag.
 */
import { kronerText, percentText } from "../money/format";
import { absOre, minusOre, Ore } from "../money/ore";
import { terminMonthsLabel } from "../rules/termin";
import { capitalized } from "../text";
import { overTolerance } from "../workpaper/control";
import { daysFrom, monthName, norwegianDate } from "./dates";
import { FlagTable, Settlement, TrekkFlag } from "./result";

export const kr = (ore: Ore): string => `${kronerText(ore)} kr`;

/** What a settlement row is, for the flags: where it sits and how it is named in a sentence. */
export interface OwedItem {
  readonly konto: string;
  readonly table: FlagTable;
  /** `forskuddstrekket for utbetalingen 20.02.2026`, `arbeidsgiveravgiften for termin 2 (mar–apr 2026)`. */
  readonly what: string;
  /** The flag's key: dato, or termin with its aar. */
  readonly key: { readonly dato: string } | { readonly termin: number; readonly aar: number };
  /** What was owed. */
  readonly owed: Ore;
  /** Who it is paid to, for "what to do". */
  readonly payee: string;
}

export const payDateWhat = (dato: string): string => `forskuddstrekket for utbetalingen ${norwegianDate(dato)}`;

export function terminWhat(kind: "forskuddstrekket" | "arbeidsgiveravgiften", termin: number, aar: number, year: number): string {
  const which = aar < year ? `fjorårets termin ${termin}` : `termin ${termin}`;
  return `${kind} for ${which} (${terminMonthsLabel(termin)} ${aar})`;
}

/**
 * Late, short and over-payment of one amount owed. Late: the last payment after the due date
 * (what was paid after it is the amount). Short: less than owed by more than the tolerance, when
 * the due date is inside the reconciled months (`sluttdato`); an amount not yet due is not short.
 * Over: more than owed by more than the tolerance.
 */
export function settlementFlags(item: OwedItem, s: Settlement, paid: readonly { dato: string; belop: Ore }[], tolerance: Ore, sluttdato: string): TrekkFlag[] {
  const flags: TrekkFlag[] = [];
  const base = { konto: item.konto, table: item.table, ...item.key };
  if (s.betaltDato !== null && (s.dagerForsinket ?? 0) > 0) {
    const late = paid.filter((p) => p.dato > s.forfall);
    const belop = late.reduce((a, p) => (a + p.belop) as Ore, 0 as Ore);
    const days = daysFrom(s.forfall, s.betaltDato);
    flags.push({
      ...base,
      kind: "forsinket",
      belop,
      melding:
        `Konto ${item.konto}: ${item.what} forfalt ${norwegianDate(s.forfall)}, men ${kr(belop)} ble betalt ` +
        `${late.map((p) => norwegianDate(p.dato)).join(", ")}, ${days} ${days === 1 ? "dag" : "dager"} for sent. ` +
        `Kontroller forsinkelsesrenten fra ${item.payee}, og legg betalingen inn innen fristen neste gang.`,
    });
  }
  const difference = minusOre(s.betalt, item.owed);
  if (overTolerance(difference, tolerance)) {
    if (difference < 0 && s.forfall <= sluttdato) {
      const short = absOre(difference);
      flags.push({
        ...base,
        kind: "underbetalt",
        belop: short,
        melding: s.betalt === 0
          ? `Konto ${item.konto}: ${item.what} (${kr(item.owed)}, forfall ${norwegianDate(s.forfall)}) er ikke betalt. Betal ${kr(short)} til ${item.payee}, eller finn betalingen.`
          : `Konto ${item.konto}: ${item.what} er ${kr(item.owed)} (forfall ${norwegianDate(s.forfall)}), men bare ${kr(s.betalt)} er betalt; ` +
            `${kr(short)} mangler. Betal resten til ${item.payee}.`,
      });
    } else if (difference > 0) {
      flags.push({
        ...base,
        kind: "overbetalt",
        belop: difference,
        melding:
          `Konto ${item.konto}: for ${item.what} er det betalt ${kr(s.betalt)}, ${kr(difference)} mer enn ${kr(item.owed)}. ` +
          `Avklar med ${item.payee} om beløpet skal betales tilbake eller avregnes.`,
      });
    }
  }
  return flags;
}

/** Payroll against the a-melding for one amount. */
export function ameldingFlag(item: OwedItem, amelding: Ore | null, where: string, tolerance: Ore): TrekkFlag[] {
  if (amelding === null) return [];
  const difference = minusOre(amelding, item.owed);
  if (!overTolerance(difference, tolerance)) return [];
  const more = difference > 0 ? "mer" : "mindre";
  return [{
    konto: item.konto,
    table: item.table,
    ...item.key,
    kind: "avvikAmelding",
    belop: absOre(difference),
    melding:
      `Konto ${item.konto}: ${item.what} er ${kr(item.owed)} etter lønnen, men ${where} oppgir ${kr(amelding)} ` +
      `(${kr(absOre(difference))} ${more}). Rett lønnsgrunnlaget eller send en ny a-melding for måneden.`,
  }];
}

export function ledgerFlag(konto: string, periode: string, hovedbokUb: Ore, forventetUb: Ore, differanse: Ore, tolerance: Ore): TrekkFlag[] {
  if (!overTolerance(differanse, tolerance)) return [];
  return [{
    konto,
    periode,
    table: "kontroll",
    kind: "avvikHovedbok",
    belop: absOre(differanse),
    melding:
      `Konto ${konto}, ${monthName(periode)}: hovedboken viser UB ${kr(hovedbokUb)}, men IB − påløpt + betalt gir ${kr(forventetUb)}; ` +
      `differanse ${kr(differanse)}. Finn posteringen som avviker, eller godta en korreksjon av differansen.`,
  }];
}

export function invoiceFlag(konto: string, periode: string, names: readonly string[], trekk: Ore, fakturert: Ore, tolerance: Ore): TrekkFlag[] {
  const differanse = minusOre(fakturert, trekk);
  if (!overTolerance(differanse, tolerance)) return [];
  const who = names.length > 0 ? ` (${names.join(", ")})` : "";
  return [{
    konto,
    periode,
    table: "mottaker",
    kind: "avvikFaktura",
    belop: absOre(differanse),
    melding:
      `Konto ${konto}, ${monthName(periode)}: trukket i lønn ${kr(trekk)}, fakturert${who} ${kr(fakturert)}; differanse ${kr(differanse)}. ` +
      "Avklar med mottakeren, og rett trekket i lønn eller fakturaen.",
  }];
}

export function rateFlag(konto: string, periode: string, zone: string, reported: number, rule: number, grunnlag: Ore, belop: Ore): TrekkFlag {
  return {
    konto,
    periode,
    table: "agaGrunnlag",
    kind: "feilSats",
    belop,
    melding:
      `Konto ${konto}: a-meldingen for ${monthName(periode)} bruker ${percentText(reported)} for sone ${zone}, men satsen for sone ${zone} ` +
      `i ${periode.slice(0, 4)} er ${percentText(rule)}; på grunnlaget ${kr(grunnlag)} utgjør det ${kr(belop)}. Rett satsen og send en ny a-melding.`,
  };
}

export function missingAmeldingFlag(konto: string, periode: string, trekk: Ore): TrekkFlag {
  return {
    konto,
    periode,
    table: "agaGrunnlag",
    kind: "avvikAmelding",
    belop: trekk,
    melding:
      `Konto ${konto}: det er utbetalt lønn i ${monthName(periode)} (forskuddstrekk ${kr(trekk)}), men det finnes ingen a-melding for måneden. ` +
      "Lever a-meldingen (frist den 5. i måneden etter), eller legg den inn i avstemmingen.",
  };
}

/** A sign-off is per month, not per account: the flag's konto is "". */
export function changedAfterSignOffFlag(periode: string): TrekkFlag {
  return {
    konto: "",
    periode,
    table: "signering",
    kind: "endretEtterSignering",
    belop: 0 as Ore,
    melding:
      `${capitalized(monthName(periode))} er signert, men tallene er endret etter signeringen. ` +
      "Gå gjennom måneden på nytt; fjern signatur eller dato og signer igjen når den er avstemt.",
  };
}
