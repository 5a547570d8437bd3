/**
 * How Excel reads a value written through `range.values` or `range.formulas`: like typed input,
 * parsed the en-US way whatever the user's locale. Documented: `null` leaves the cell alone, ""
 * clears it (excel-add-ins-blank-null-values.md, which also writes '29.96' and '15-Feb' and gets
 * a number and a date); a value starting with "+", "-" or "=" is a formula (Range.values); a
 * locale-shaped date such as "19-8-2025" stays text (Range.values). So a string is parsed: a
 * leading apostrophe makes the rest text and is not stored; "=" starts a formula, and so do "+",
 * "-" and "@" in front of something that is not a number; numbers, percentages, TRUE/FALSE, ISO
 * and m/d/yyyy dates and h:mm times become numbers and booleans. Anything else is text.
 *
 * A cell formatted as text ("@") takes the string as it is, apostrophe included. Excel's help
 * says the Text format "displays the content exactly as you type it"; whether a leading
 * apostrophe survives there is not documented, so the fake assumes the less convenient answer.
 */
import { invalidArgument } from "./errors";
import { Scalar } from "./model";

export type Entry =
  | { readonly kind: "leave" }
  | { readonly kind: "constant"; readonly value: Scalar; readonly quotePrefix: boolean }
  | { readonly kind: "formula"; readonly formula: string };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^[+-]?(\d+\.?\d*|\.\d+)%$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const TIME = /^(\d{1,2}):(\d{2})$/;

/** Days since 1899-12-30, Excel's serial for a date (1900 date system). */
function dateSerial(y: number, m: number, d: number): number | undefined {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return undefined;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** Excel refuses a formula it cannot parse; the fake checks only quotes and parentheses. */
export function checkFormula(formula: string, where: string): string {
  let depth = 0;
  let inText = false;
  for (const ch of formula) {
    if (ch === '"') inText = !inText;
    else if (!inText && ch === "(") depth++;
    else if (!inText && ch === ")" && --depth < 0) break;
  }
  if (inText || depth !== 0 || formula.length < 2) throw invalidArgument(`Ugyldig formel «${formula}»`, where);
  return formula;
}

function dateOf(text: string): number | undefined {
  const iso = text.match(ISO_DATE);
  if (iso) return dateSerial(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const us = text.match(US_DATE);
  if (us) return dateSerial(Number(us[3]), Number(us[1]), Number(us[2]));
  const time = text.match(TIME);
  if (time && Number(time[1]) < 24 && Number(time[2]) < 60) return (Number(time[1]) * 60 + Number(time[2])) / 1440;
  return undefined;
}

function parseText(text: string, numberFormat: string, where: string): Entry {
  if (numberFormat === "@") return { kind: "constant", value: text, quotePrefix: false };
  if (text.startsWith("'")) return { kind: "constant", value: text.slice(1), quotePrefix: true };
  if (text.startsWith("=")) return { kind: "formula", formula: checkFormula(text, where) };
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return { kind: "constant", value: Number(trimmed), quotePrefix: false };
  if (PERCENT.test(trimmed)) return { kind: "constant", value: Number(trimmed.slice(0, -1)) / 100, quotePrefix: false };
  if (/^(true|false)$/i.test(trimmed)) return { kind: "constant", value: trimmed.toLowerCase() === "true", quotePrefix: false };
  const serial = dateOf(trimmed);
  if (serial !== undefined) return { kind: "constant", value: serial, quotePrefix: false };
  if (text.length > 1 && (text.startsWith("+") || text.startsWith("-"))) {
    return { kind: "formula", formula: checkFormula(`=${text}`, where) };
  }
  if (text.length > 1 && text.startsWith("@")) return { kind: "formula", formula: checkFormula(`=${text.slice(1)}`, where) };
  return { kind: "constant", value: text, quotePrefix: false };
}

/**
 * One element of a values/formulas grid, as Excel would store it in a cell with `numberFormat`.
 * A number or boolean entered in a text-formatted cell becomes text, as typed input does there
 * (the fake's conservative reading; the API may keep the number).
 */
export function parseEntry(raw: unknown, numberFormat: string, where: string): Entry {
  if (raw === null) return { kind: "leave" };
  if (typeof raw === "boolean") {
    return { kind: "constant", value: numberFormat === "@" ? (raw ? "TRUE" : "FALSE") : raw, quotePrefix: false };
  }
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) throw invalidArgument(`Tallet ${raw} kan ikke skrives til en celle`, where);
    return { kind: "constant", value: numberFormat === "@" ? String(raw) : raw, quotePrefix: false };
  }
  if (typeof raw === "string") return parseText(raw, numberFormat, where);
  throw invalidArgument(`Verdien ${JSON.stringify(raw) ?? String(raw)} kan ikke skrives til en celle`, where);
}
