/**
 * Cells the trekk readers share: dates, debet/kredit pairs, zones, virksomhetsnumre, text. Each
 * reports a bad cell to `errors` with its place (core/import/cells does the same for amounts).
 */
import { isRuleError } from "../errors";
import { isValidDate } from "../calendar";
import { minusOre, Ore } from "../money/ore";
import { Zone } from "../rates/aga";
import { agaSats } from "../rules/aga";
import { parseZone, resolveZone } from "../rules/aga-sone";
import { normalOrgnr, isValidOrgnr } from "../rules/orgnr";
import { displayText, isBlank } from "../sheet/cell";
import { Problem } from "../problem/problem";
import { amountCell } from "./cells";
import { errorAt } from "./grid";
import { parsePeriod } from "./periods";
import { Table } from "./table";

const pad = (n: number) => String(n).padStart(2, "0");

export function report<K extends string>(t: Table<K>, i: number, key: K, message: string, errors: Problem[]): undefined {
  errors.push(errorAt(t.place, i, t.header.columns[key], message, { column: t.header.titles[key], value: t.cell(i, key) }));
  return undefined;
}

/** The last day of a month, ISO. */
export function lastDayOf(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

/** A date cell as ISO text (`2026-01-23`); with `monthEnd`, a month without a day is its last day. Empty: "missing" is a problem, "empty" gives "". */
export function dateCell<K extends string>(
  t: Table<K>,
  i: number,
  key: K,
  errors: Problem[],
  options: { readonly empty: "missing" | "empty"; readonly monthEnd?: boolean; readonly what?: string },
): string | undefined {
  const value = t.cell(i, key);
  const parsed = parsePeriod(value);
  if (isRuleError(parsed)) return report(t, i, key, parsed.message, errors);
  if (parsed === null) {
    return options.empty === "empty" ? "" : report(t, i, key, `Mangler ${options.what ?? "dato"} i kolonnen «${t.header.titles[key]}».`, errors);
  }
  if (parsed.day === undefined) {
    if (options.monthEnd) return lastDayOf(parsed.year, parsed.month);
    return report(t, i, key, `«${displayText(value)}» er en måned, ikke en dato; skriv datoen (f.eks. 20.01.${parsed.year}).`, errors);
  }
  if (!isValidDate(parsed.year, parsed.month, parsed.day)) return report(t, i, key, `«${displayText(value)}» er ikke en dato.`, errors);
  return `${parsed.year}-${pad(parsed.month)}-${pad(parsed.day)}`;
}

/** A month cell as `YYYY-MM` (a date gives its month). Empty gives "". */
export function monthCell<K extends string>(t: Table<K>, i: number, key: K, errors: Problem[]): string | undefined {
  const value = t.cell(i, key);
  const parsed = parsePeriod(value);
  if (isRuleError(parsed)) return report(t, i, key, parsed.message, errors);
  if (parsed === null) return "";
  return `${parsed.year}-${pad(parsed.month)}`;
}

/** Debet − kredit; an empty side is 0, a row with both empty has no amount. */
export function debitMinusCredit<K extends string>(t: Table<K>, i: number, debet: K, kredit: K, errors: Problem[]): Ore | undefined {
  const { titles } = t.header;
  if (isBlank(t.cell(i, debet)) && isBlank(t.cell(i, kredit))) {
    errors.push({ ...errorAt(t.place, i, undefined, `Mangler beløp i kolonnene «${titles[debet]}» og «${titles[kredit]}».`), column: `${titles[debet]}/${titles[kredit]}` });
    return undefined;
  }
  const d = amountCell(t, i, debet, "zero", errors);
  const c = amountCell(t, i, kredit, "zero", errors);
  return d === undefined || c === undefined ? undefined : minusOre(d, c);
}

/** A zone cell (`I`, `1a`, `IVa`, `sone 2`) as the Roman zone, checked for the year. */
export function zoneCell<K extends string>(t: Table<K>, i: number, key: K, aar: number, errors: Problem[]): Zone | undefined {
  const value = t.cell(i, key);
  const text = displayText(value).trim();
  if (text === "") return report(t, i, key, "Mangler sone.", errors);
  const zone = parseZone(typeof value === "number" ? value : text);
  if (zone === undefined) return report(t, i, key, `«${text}» er ikke en AGA-sone (I, Ia, II, III, IV, IVa, V eller 1, 1a … 5).`, errors);
  const rate = agaSats(zone, aar);
  return isRuleError(rate) ? report(t, i, key, rate.message, errors) : zone;
}

/** A kommunenummer cell as the kommune's zone in the year. */
export function kommuneZoneCell<K extends string>(t: Table<K>, i: number, key: K, aar: number, errors: Problem[]): Zone | undefined {
  const value = t.cell(i, key);
  const text = displayText(value).trim();
  if (text === "") return report(t, i, key, "Mangler kommunenummer.", errors);
  const zone = resolveZone(typeof value === "number" ? value : text, aar);
  return isRuleError(zone) ? report(t, i, key, zone.message, errors) : zone;
}

/** A virksomhetsnummer (nine digits, modulus 11); empty gives "". */
export function virksomhetCell<K extends string>(t: Table<K>, i: number, key: K, errors: Problem[]): string | undefined {
  const value = t.cell(i, key);
  if (isBlank(value)) return "";
  const nr = typeof value === "number" || typeof value === "string" ? normalOrgnr(value) : undefined;
  if (nr === undefined) return report(t, i, key, `«${displayText(value)}» er ikke et virksomhetsnummer (ni sifre).`, errors);
  if (!isValidOrgnr(nr)) return report(t, i, key, `Virksomhetsnummeret ${nr} har feil kontrollsiffer (modulus 11).`, errors);
  return nr;
}

/** A text cell, trimmed ("" when empty). */
export const textCell = <K extends string>(t: Table<K>, i: number, key: K): string => displayText(t.cell(i, key)).trim();

/** Sorts by `dato`, keeping the order of equal dates (a ledger's postings, as the readers give them). */
export function byDate<T extends { readonly dato: string }>(list: readonly T[]): T[] {
  return list
    .map((item, index) => ({ item, index }))
    .sort((a, b) => (a.item.dato < b.item.dato ? -1 : a.item.dato > b.item.dato ? 1 : a.index - b.index))
    .map((x) => x.item);
}
