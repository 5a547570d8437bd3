/**
 * What the user types into the pane's fields, read the way core reads the same in a sheet:
 * Norwegian amounts (`1 234,50`), percentages (`13,87`), years, dates. Each returns the value or a
 * short Norwegian message for the field; no figure is computed here.
 */
import { isValidDate, parseDateText } from "../../core/calendar";
import { isRuleError } from "../../core/errors";
import { kronerText, percentText } from "../../core/money/format";
import { Ore, wholeOre } from "../../core/money/ore";
import { parseAmountText } from "../../core/money/parse";
import { readRate } from "../../core/workpaper/cell-values";

/** A field as typed, read: its value, or the one problem to show under the field. */
export type FieldReading<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

const ok = <T>(value: T): FieldReading<T> => ({ ok: true, value });
const refused = <T>(problem: string): FieldReading<T> => ({ ok: false, problem });

/** A Norwegian amount in kroner with at most two decimals, as øre; empty gives `empty`. */
export function parseAmountField(text: string, empty?: Ore): FieldReading<Ore> {
  const parsed = parseAmountText(text);
  if (isRuleError(parsed)) return refused(parsed.message);
  if (parsed === null) return empty === undefined ? refused("Fyll inn et beløp.") : ok(empty);
  const whole = wholeOre(parsed, `«${text.trim()}»`);
  return isRuleError(whole) ? refused(whole.message) : ok(whole);
}

/**
 * A percentage as a fraction: `13,87`, `13,87 %` and `13.87` all give 0.1387 (exactly, through
 * core's decimal arithmetic). The field says "%", so a bare number is percent.
 */
export function parsePercentField(text: string, what: string): FieldReading<number> {
  const t = text.trim();
  if (t === "") return refused(`Fyll inn ${what} i prosent, f.eks. 13,87.`);
  const r = readRate(t.endsWith("%") ? t : `${t} %`, what);
  if (isRuleError(r) || r === undefined) return refused(`«${t}» er ikke en gyldig ${what}: skriv prosent fra 0 til under 100, f.eks. 13,87.`);
  return ok(r);
}

/** A four-digit year. */
export function parseYearField(text: string): FieldReading<number> {
  const t = text.trim();
  if (!/^\d{4}$/.test(t)) return refused("Skriv året med fire sifre, f.eks. 2024.");
  const n = Number(t);
  return n >= 1990 && n <= 2100 ? ok(n) : refused(`${n} er ikke et rimelig regnskapsår.`);
}

/** A date as `dd.mm.åååå` (or ISO); empty is allowed and gives "". Returned as typed, normalised to dd.mm.åååå. */
export function parseDateField(text: string): FieldReading<string> {
  const t = text.trim();
  if (t === "") return ok("");
  const d = parseDateText(t);
  if (!d || d.day === undefined || !isValidDate(d.year, d.month, d.day)) return refused(`«${t}» er ikke en dato; skriv f.eks. 15.03.2025.`);
  const pad = (n: number) => String(n).padStart(2, "0");
  return ok(`${pad(d.day)}.${pad(d.month)}.${d.year}`);
}

/** Codes separated by commas, semicolons or spaces: `7300, 7301` → ["7300", "7301"]. */
export function parseCodes(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((k) => k.trim())
    .filter((k) => k !== "");
}

/** The percentage as the user types it back: `13,87` for 0.1387 (core's text, without the sign). */
export function percentFieldText(fraction: number): string {
  return percentText(fraction).replace(/\s*%$/, "");
}

/** An amount as the user types it back: `1 234,50` (core's text; ordinary spaces). */
export function amountFieldText(ore: Ore): string {
  return kronerText(ore);
}
