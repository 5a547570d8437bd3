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

export type Lest<T> = { readonly ok: true; readonly verdi: T } | { readonly ok: false; readonly feil: string };

const ok = <T>(verdi: T): Lest<T> => ({ ok: true, verdi });
const feil = <T>(melding: string): Lest<T> => ({ ok: false, feil: melding });

/** A Norwegian amount in kroner with at most two decimals; empty gives `tom`. */
export function lesBelop(tekst: string, tom?: Ore): Lest<Ore> {
  const parsed = parseAmountText(tekst);
  if (isRuleError(parsed)) return feil(parsed.message);
  if (parsed === null) return tom === undefined ? feil("Fyll inn et beløp.") : ok(tom);
  const whole = wholeOre(parsed, `«${tekst.trim()}»`);
  return isRuleError(whole) ? feil(whole.message) : ok(whole);
}

/**
 * A percentage as a fraction: `13,87`, `13,87 %` and `13.87` all give 0.1387 (exactly, through
 * core's decimal arithmetic). The field says "%", so a bare number is percent.
 */
export function lesProsent(tekst: string, hva: string): Lest<number> {
  const t = tekst.trim();
  if (t === "") return feil(`Fyll inn ${hva} i prosent, f.eks. 13,87.`);
  const r = readRate(t.endsWith("%") ? t : `${t} %`, hva);
  if (isRuleError(r) || r === undefined) return feil(`«${t}» er ikke en gyldig ${hva}: skriv prosent fra 0 til under 100, f.eks. 13,87.`);
  return ok(r);
}

/** A four-digit year. */
export function lesAar(tekst: string): Lest<number> {
  const t = tekst.trim();
  if (!/^\d{4}$/.test(t)) return feil("Skriv året med fire sifre, f.eks. 2024.");
  const n = Number(t);
  return n >= 1990 && n <= 2100 ? ok(n) : feil(`${n} er ikke et rimelig regnskapsår.`);
}

/** A date as `dd.mm.åååå` (or ISO); empty is allowed and gives "". Returned as typed, normalised to dd.mm.åååå. */
export function lesDato(tekst: string): Lest<string> {
  const t = tekst.trim();
  if (t === "") return ok("");
  const d = parseDateText(t);
  if (!d || d.day === undefined || !isValidDate(d.year, d.month, d.day)) return feil(`«${t}» er ikke en dato; skriv f.eks. 15.03.2025.`);
  const pad = (n: number) => String(n).padStart(2, "0");
  return ok(`${pad(d.day)}.${pad(d.month)}.${d.year}`);
}

/** Codes separated by commas, semicolons or spaces: `7300, 7301` → ["7300", "7301"]. */
export function lesKoder(tekst: string): string[] {
  return tekst
    .split(/[\s,;]+/)
    .map((k) => k.trim())
    .filter((k) => k !== "");
}

/** The percentage as the user types it back: `13,87` for 0.1387 (core's text, without the sign). */
export function prosentFelt(fraction: number): string {
  return percentText(fraction).replace(/\s*%$/, "");
}

/** An amount as the user types it back: `1 234,50` (core's text; ordinary spaces). */
export function belopFelt(ore: Ore): string {
  return kronerText(ore);
}
