/**
 * `lonn fn NAME ARG…`: evaluates a LONN custom function with the very function Excel calls
 * (src/functions/functions.ts), so a figure on the command line is the figure in the cell.
 *
 * Arguments, one per function parameter:
 *   - starting with `[`: JSON, a range as rows of columns, e.g. `[[120000],[80000]]` (null = empty cell)
 *   - a plain decimal number (`120000`, `-1234.5`, `1e6`): a number
 *   - `TRUE`/`FALSE` or `SANN`/`USANN`, in any case: the boolean Excel passes for them
 *   - an empty string `""`: an empty cell
 *   - anything else: text, as typed (`lønn`, `0301`, `2024-06-01`)
 *
 * Output: a single value plainly (`5087.5`, text as is); a range result (or any range argument)
 * as one line of JSON. A function that answers with a date (an Excel date serial in the cell)
 * prints it as `YYYY-MM-DD`, inside JSON too. An error prints as `#N/A: message` (inside JSON,
 * as that string).
 * Exit status: 0 when every value is fine, 1 when the result is or contains an error, 2 for a
 * usage error (unknown function, wrong number of arguments, bad JSON).
 */
import { fromExcelSerial, isoDate } from "../../core/calendar";
import * as declared from "../../functions/functions";
import { installCustomFunctionsShim, isFunctionError } from "../custom-functions-shim";
import type { CliIO } from "../io";

type Declared = (...args: unknown[]) => unknown;

interface Entry {
  readonly fn: Declared;
  /** Parameter names as in the metadata; optional ones in brackets. */
  readonly params: readonly string[];
  /** The function answers with dates (Excel date serials), which the command prints as dates. */
  readonly dates?: true;
}

const entry = (fn: Declared, params: string): Entry => ({ fn, params: params.split(" ") });
const dateEntry = (fn: Declared, params: string): Entry => ({ ...entry(fn, params), dates: true });

/** Id → the declared function and its parameters (checked against the generated metadata by a test). */
export const FUNCTIONS: Readonly<Record<string, Entry>> = {
  TRYGDEAVGIFT: entry(declared.trygdeavgift as Declared, "inntekt aar [inntektstype]"),
  TRYGDEAVGIFT_SAMLET: entry(declared.trygdeavgiftSamlet as Declared, "lonn naering pensjon aar"),
  TRYGDEAVGIFT_SATS: entry(declared.trygdeavgiftSats as Declared, "aar [inntektstype]"),
  AGA_SONE: entry(declared.agaSone as Declared, "kommunenummer [delomraade]"),
  AGA_SATS: entry(declared.agaSats as Declared, "sone_eller_kommunenummer aar [naering]"),
  AGA: entry(declared.aga as Declared, "grunnlag sone_eller_kommunenummer aar [naering]"),
  AGA_FRIBELOP: entry(declared.agaFribelop as Declared, "grunnlag tidligere_grunnlag_i_aar sone aar"),
  EKSTRA_AGA: entry(declared.ekstraAga as Declared, "grunnlag aar [tidligere_grunnlag_i_aar]"),
  GRUNNBELOP: entry(declared.grunnbelop as Declared, "dato"),
  G_SNITT: entry(declared.gSnitt as Declared, "aar"),
  SPK_TERMIN: entry(declared.spkTermin as Declared, "dato_eller_maaned"),
  AGA_SNITTSATS: entry(declared.agaSnittsats as Declared, "grunnlag satser_eller_soner [aar]"),
  FORDEL: entry(declared.fordel as Declared, "belop vekter"),
  VIRKEDAG: dateEntry(declared.virkedag as Declared, "dato [dager]"),
  FORFALL_FORSKUDDSTREKK: dateEntry(declared.forfallForskuddstrekk as Declared, "utbetalingsdato"),
  FORFALL_AGA: dateEntry(declared.forfallAga as Declared, "termin aar"),
  FERIEPENGER: entry(declared.feriepenger as Declared, "grunnlag opptjeningsaar [sats] [over_60]"),
};

const signature = (id: string, e: Entry): string => `${id}(${e.params.join("; ")})`;

function usage(): string {
  return [
    "Bruk: lonn fn NAVN ARG…   (f.eks. lonn fn TRYGDEAVGIFT 120000 2026)",
    "Argumenter: tall (120000, -1234.5), tekst (lønn, 0301, 2024-06-01), SANN/USANN (TRUE/FALSE), \"\" for tom celle,",
    "eller et område som JSON med rader av kolonner: '[[120000],[80000]]'.",
    "Funksjoner:",
    ...Object.entries(FUNCTIONS).map(([id, e]) => `  ${signature(id, e)}`),
  ].join("\n");
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
/** The words Excel reads as booleans, in English and Norwegian Excel. */
const BOOLEANS: Readonly<Record<string, boolean>> = { TRUE: true, SANN: true, FALSE: false, USANN: false };

class UsageError extends Error {}

/** One command-line argument as the cell value or range Excel would pass. */
export function parseArg(text: string, position: number): unknown {
  if (text.startsWith("[")) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw new UsageError(`Argument ${position} er ikke gyldig JSON: ${(err as Error).message}`);
    }
    if (!Array.isArray(value) || !value.every((row) => Array.isArray(row))) {
      throw new UsageError(`Argument ${position}: et område skrives som rader av kolonner, f.eks. [[1],[2]] eller [[1,2]].`);
    }
    return value;
  }
  if (text === "") return null;
  if (NUMBER.test(text)) return Number(text);
  const word = text.toUpperCase();
  if (Object.prototype.hasOwnProperty.call(BOOLEANS, word)) return BOOLEANS[word];
  return text;
}

/** A number as the CLI prints it: dot decimal, no grouping, no exponent for amounts (String does that below 1e21). */
function formatNumber(value: number): string {
  return Object.is(value, -0) ? "0" : String(value);
}

function errorText(error: { code: string; message?: string }): string {
  return error.message ? `${error.code}: ${error.message}` : error.code;
}

/** A date serial as `YYYY-MM-DD`; a number that is no date serial stays a number (it cannot come from a date function). */
function dateCell(value: unknown): unknown {
  const date = typeof value === "number" ? fromExcelSerial(value) : undefined;
  return date ? isoDate(date) : value;
}

/** A result cell for JSON output: errors become their `#CODE: message` text. */
function jsonCell(value: unknown, dates: boolean): unknown {
  if (isFunctionError(value)) return errorText(value);
  return dates ? dateCell(value) : value;
}

function containsError(result: unknown): boolean {
  if (isFunctionError(result)) return true;
  return Array.isArray(result) && result.some((row) => Array.isArray(row) && row.some(isFunctionError));
}

export async function fnCommand(args: string[], io: CliIO): Promise<number> {
  const [rawName, ...rawArgs] = args;
  if (!rawName || rawName === "-h" || rawName === "--help" || rawName === "hjelp") {
    io.out(usage());
    return rawName ? 0 : 2;
  }
  const id = rawName.toUpperCase().replace(/^LONN\./, "");
  const target = FUNCTIONS[id];
  if (!target) {
    io.err(`Ukjent funksjon «${rawName}».\n${usage()}`);
    return 2;
  }
  const required = target.params.filter((p) => !p.startsWith("[")).length;
  if (rawArgs.length < required || rawArgs.length > target.params.length) {
    const most = target.params.length;
    const count = required === most ? `${most} ${most === 1 ? "argument" : "argumenter"}` : `${required}–${most} argumenter`;
    io.err(`${signature(id, target)} tar ${count}; fikk ${rawArgs.length}.`);
    return 2;
  }
  let values: unknown[];
  try {
    values = rawArgs.map((text, k) => parseArg(text, k + 1));
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(err.message);
      return 2;
    }
    throw err;
  }
  // Excel passes an omitted optional argument as null.
  while (values.length < target.params.length) values.push(null);

  installCustomFunctionsShim();
  const result = target.fn(...values);

  const rangeGiven = values.some((v) => Array.isArray(v));
  const single = Array.isArray(result) && result.length === 1 && Array.isArray(result[0]) && result[0].length === 1;
  if (single && !rangeGiven) {
    const value: unknown = result[0][0];
    if (isFunctionError(value)) {
      io.out(errorText(value));
      return 1;
    }
    const shown = target.dates ? dateCell(value) : value;
    io.out(typeof shown === "number" ? formatNumber(shown) : String(shown));
    return 0;
  }
  const dates = target.dates === true;
  const cell = (value: unknown) => jsonCell(value, dates);
  const rows = Array.isArray(result) ? result.map((row: unknown) => (Array.isArray(row) ? row.map(cell) : cell(row))) : cell(result);
  io.out(JSON.stringify(rows));
  return containsError(result) ? 1 : 0;
}
