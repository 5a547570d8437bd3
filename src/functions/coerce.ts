import { Result, RuleError, valueError } from "../core/errors";
import { checkedAmount, Exact, ZERO } from "../core/money";

/**
 * Cell values as Excel hands them to `any` parameters, read the way the rules need them.
 *
 * - Empty cells arrive as 0 (Excel for Windows/Mac) or null (Excel on the web); a formula
 *   returning "" gives empty text. For amounts all of these are 0. For years and codes they are
 *   "missing": 0 is never a year, income type or kommunenummer, so reading it as an empty cell
 *   loses nothing.
 * - Text in an amount is #VALUE!, naming the text. Excel passes typed numbers as numbers, so a
 *   number that arrives as text sits in a cell formatted as text (often an import), and guessing
 *   whether "1.234" means 1,234 or 1 234 would risk a silently wrong figure.
 * - Booleans are #VALUE! everywhere: TRUE is not 1 krone.
 * - Rich values (Excel.CellValue objects, which `allowCustomDataForDataTypeAny` may let through)
 *   are read by their basic value; other objects and nested arrays are #VALUE!.
 */

const BASIC_TYPES = new Set(["Double", "String", "Boolean", "FormattedNumber", "Empty"]);

/** A rich cell value reduced to its plain value; anything else unchanged. */
function plain(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const rich = value as { type?: unknown; basicValue?: unknown };
  if (typeof rich.type === "string" && BASIC_TYPES.has(rich.type)) return rich.type === "Empty" ? null : rich.basicValue;
  return value;
}

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

const MAX_SHOWN = 40;

/** A value as a message shows it: text in «», booleans as Excel's Norwegian SANN/USANN. */
export function describe(value: unknown): string {
  if (typeof value === "string") return `«${value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value}»`;
  if (typeof value === "boolean") return value ? "SANN" : "USANN";
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return "et område inne i en celle";
  if (typeof value === "object" && value !== null) {
    const type = (value as { type?: unknown }).type;
    return typeof type === "string" ? `en verdi av typen ${type.slice(0, MAX_SHOWN)}` : "et objekt";
  }
  return `en verdi av typen ${typeof value}`;
}

function notANumber(value: unknown, what: string): RuleError {
  if (typeof value === "string") {
    return valueError(
      `${what} ${describe(value)} er tekst, ikke et tall. Tekst regnes ikke om til tall; ` +
        "skriv tallet i en tallcelle (sjekk om cellen er formatert som tekst).",
    );
  }
  if (typeof value === "boolean") return valueError(`${what} er en sannhetsverdi (${describe(value)}), ikke et tall.`);
  return valueError(`${what} er ikke et tall (fikk ${describe(value)}).`);
}

/** An amount in kroner as an exact value: a number, or 0 for an empty cell. */
export function amountOf(value: unknown, what: string): Result<Exact> {
  if (typeof value === "number") return checkedAmount(value, what);
  const v = plain(value);
  if (typeof v === "number") return checkedAmount(v, what);
  if (isBlank(v)) return ZERO;
  return notANumber(v, what);
}

/** An amount as a number, for core functions that check amounts themselves; 0 for an empty cell. */
export function amountNumberOf(value: unknown, what: string): Result<number> {
  const v = plain(value);
  if (typeof v === "number") return v;
  if (isBlank(v)) return 0;
  return notANumber(v, what);
}

/** A number that has a default when missing (blank); text and booleans are #VALUE!. */
export function optionalNumberOf(value: unknown, what: string): Result<number | undefined> {
  const v = plain(value);
  if (typeof v === "number") return v;
  if (isBlank(v)) return undefined;
  return notANumber(v, what);
}

/**
 * A yes/no: Excel's TRUE/FALSE (SANN/USANN), or 1/0 as people also write it; blank is no.
 * Other numbers and text are #VALUE!: guessing that 2 or «ja» means yes could be wrong.
 */
export function flagOf(value: unknown, what: string): Result<boolean> {
  const v = plain(value);
  if (typeof v === "boolean") return v;
  if (v === 1) return true;
  if (v === 0 || isBlank(v)) return false;
  return valueError(`${what} må være SANN eller USANN (eller 1 eller 0); fikk ${describe(v)}.`);
}

/** A year: a number (checked by the rules: whole, in the tables) or four digits as text; undefined when missing. */
export function optionalYearOf(value: unknown): Result<number | undefined> {
  const v = plain(value);
  if (typeof v === "number") return v === 0 ? undefined : v;
  if (isBlank(v)) return undefined;
  if (typeof v === "string" && /^\s*\d{4}\s*$/.test(v)) return Number(v);
  if (typeof v === "boolean") return valueError(`Året er en sannhetsverdi (${describe(v)}), ikke et årstall.`);
  return valueError(`${describe(v)} er ikke et årstall.`);
}

export function yearOf(value: unknown): Result<number> {
  const year = optionalYearOf(value);
  return year === undefined ? valueError("Året mangler.") : year;
}

/** A word such as an income type or næring; undefined when missing (blank or 0). */
export function optionalTextOf(value: unknown, what: string): Result<string | undefined> {
  const v = plain(value);
  if (typeof v === "string") return isBlank(v) ? undefined : v;
  if (v === 0 || isBlank(v)) return undefined;
  if (typeof v === "boolean") return valueError(`${what} er en sannhetsverdi (${describe(v)}), ikke tekst.`);
  return valueError(`${what} må være tekst (fikk ${describe(v)}).`);
}

/** A code that may be a number or text (zone, kommunenummer, date); undefined when missing (blank or 0). */
export function optionalCodeOf(value: unknown, what: string): Result<string | number | undefined> {
  const v = plain(value);
  if (typeof v === "number") return v === 0 ? undefined : v;
  if (typeof v === "string") return isBlank(v) ? undefined : v;
  if (isBlank(v)) return undefined;
  if (typeof v === "boolean") return valueError(`${what} er en sannhetsverdi (${describe(v)}).`);
  return valueError(`${what} er verken tall eller tekst (fikk ${describe(v)}).`);
}

export function codeOf(value: unknown, what: string): Result<string | number> {
  const code = optionalCodeOf(value, what);
  return code === undefined ? valueError(`${what} mangler.`) : code;
}

/**
 * Memoises a resolution per distinct cell value within one call: a column of 100 000 rows with
 * seven zones resolves seven zones. Keys are the raw values (Map compares primitives by value).
 */
export class Memo<T> {
  private readonly values = new Map<unknown, T>();

  constructor(private readonly resolve: (value: unknown) => T) {}

  get(value: unknown): T {
    let result = this.values.get(value);
    if (result === undefined) {
      result = this.resolve(value);
      this.values.set(value, result);
    }
    return result;
  }
}

/** Memo over two values (e.g. kommunenummer and delområde, or zone and year). */
export class Memo2<T> {
  private readonly values = new Map<unknown, Map<unknown, T>>();

  constructor(private readonly resolve: (a: unknown, b: unknown) => T) {}

  get(a: unknown, b: unknown): T {
    let inner = this.values.get(a);
    if (inner === undefined) {
      inner = new Map<unknown, T>();
      this.values.set(a, inner);
    }
    let result = inner.get(b);
    if (result === undefined) {
      result = this.resolve(a, b);
      inner.set(b, result);
    }
    return result;
  }
}
