/**
 * How Excel reads a value written through `range.values` or `range.formulas`: like typed input.
 * Documented (excel-add-ins-blank-null-values.md): `null` leaves the cell alone, "" clears it, and
 * `[['Eurasia', '29.96', '0.25', '15-Feb']]` stores numbers and a date, not text. So a string is
 * parsed: a leading apostrophe makes the rest text (and is not stored), "=" starts a formula, and
 * so does "+", "-" or "@" in front of something that is not a number (as when typed); numbers,
 * percentages, TRUE/FALSE and ISO dates become numbers and booleans. A cell formatted as text
 * ("@") keeps what it gets. Anything else is text.
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

function parseText(text: string, numberFormat: string, where: string): Entry {
  if (text.startsWith("'")) return { kind: "constant", value: text.slice(1), quotePrefix: true };
  if (numberFormat === "@") return { kind: "constant", value: text, quotePrefix: false };
  if (text.startsWith("=")) return { kind: "formula", formula: checkFormula(text, where) };
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return { kind: "constant", value: Number(trimmed), quotePrefix: false };
  if (PERCENT.test(trimmed)) return { kind: "constant", value: Number(trimmed.slice(0, -1)) / 100, quotePrefix: false };
  if (/^(true|false)$/i.test(trimmed)) return { kind: "constant", value: trimmed.toLowerCase() === "true", quotePrefix: false };
  const iso = trimmed.match(ISO_DATE);
  const serial = iso ? dateSerial(Number(iso[1]), Number(iso[2]), Number(iso[3])) : undefined;
  if (serial !== undefined) return { kind: "constant", value: serial, quotePrefix: false };
  if (text.length > 1 && (text.startsWith("+") || text.startsWith("-"))) {
    return { kind: "formula", formula: checkFormula(`=${text}`, where) };
  }
  if (text.length > 1 && text.startsWith("@")) return { kind: "formula", formula: checkFormula(`=${text.slice(1)}`, where) };
  return { kind: "constant", value: text, quotePrefix: false };
}

/** One element of a values/formulas grid, as Excel would store it in a cell with `numberFormat`. */
export function parseEntry(raw: unknown, numberFormat: string, where: string): Entry {
  if (raw === null) return { kind: "leave" };
  if (typeof raw === "boolean") return { kind: "constant", value: raw, quotePrefix: false };
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) throw invalidArgument(`Tallet ${raw} kan ikke skrives til en celle`, where);
    return { kind: "constant", value: raw, quotePrefix: false };
  }
  if (typeof raw === "string") return parseText(raw, numberFormat, where);
  throw invalidArgument(`Verdien ${JSON.stringify(raw) ?? String(raw)} kan ikke skrives til en celle`, where);
}
