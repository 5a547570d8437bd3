import { fromExcelSerial, parseDateText, YearMonth } from "../calendar";
import { Result, valueError } from "../errors";
import { foldNorwegian } from "../text";

/**
 * Periods and dates in export cells, as a month (with the day when the cell is a date).
 *
 * Numbers: six digits are YYYYMM (Unit4 exports periods as the number 202401); other whole
 * numbers below 100 000 are Excel date serials (1900 system; 100 000 is the year 2173, so the
 * two never meet). Dates from a spreadsheet library (`Date`) are read by their UTC day, which is
 * how such libraries hand over a date without a time zone.
 *
 * Text: everything `parseDateText` reads (`31.01.2024`, `2024-01-31`, `2024-01`, `202401`,
 * `01.2024`, `1.2024`, `01/2024`), plus `2024/01`, `2024.01`, `01-2024`, `012024` (SAP's MMYYYY;
 * never a valid YYYYMM, since a month ≤ 12 as a year is before 1900), ISO date-times
 * (`2024-01-31T00:00:00`, `2024-01-31 00:00`), and month names (`januar 2024`, `jan. 2024`,
 * `Jan 2024`).
 */
export function parsePeriod(value: unknown): Result<YearMonth | null> {
  if (typeof value !== "string") return parsePeriodOf(value);
  // An export repeats a few dozen period cells over a million lines: each text is parsed once.
  const hit = parsedTexts.get(value);
  if (hit !== undefined) return hit;
  const result = parsePeriodOf(value);
  if (parsedTexts.size >= MEMO_SIZE) parsedTexts.clear();
  parsedTexts.set(value, result);
  return result;
}

/** The periods of texts parsed, so that a text seen before is not parsed again (results are never changed). */
const parsedTexts = new Map<string, Result<YearMonth | null>>();
const MEMO_SIZE = 10_000;

function parsePeriodOf(value: unknown): Result<YearMonth | null> {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return periodFromNumber(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return valueError("Datoen er ugyldig.");
    return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
  }
  if (typeof value === "string") {
    const text = value.trim();
    if (text === "") return null;
    if (/^(0?[1-9]|1[0-2])$/.test(text)) return missingYear(text);
    return periodFromText(text) ?? valueError(`«${text}» er ikke en periode eller dato.`);
  }
  return valueError(`«${String(value)}» er ikke en periode eller dato.`);
}

/** A bare month number would need the year guessed; say how to write it instead. */
function missingYear(text: string) {
  const mm = text.padStart(2, "0");
  return valueError(`«${text}» mangler år; skriv perioden som for eksempel 2024${mm} eller ${mm}.2024.`);
}

function periodFromNumber(n: number): Result<YearMonth> {
  const notPeriod = valueError(`«${String(n).replace(".", ",")}» er ikke en periode eller dato.`);
  if (!Number.isFinite(n) || n <= 0) return notPeriod;
  if (Number.isInteger(n) && n <= 12) return missingYear(String(n));
  if (Number.isInteger(n) && n >= 100000 && n <= 999999) {
    const year = Math.floor(n / 100);
    const month = n % 100;
    return year >= 1900 && month >= 1 && month <= 12 ? { year, month } : notPeriod;
  }
  if (n < 100000) {
    const date = fromExcelSerial(n);
    if (date) return date;
  }
  return notPeriod;
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, januar: 1, january: 1,
  feb: 2, februar: 2, february: 2,
  mar: 3, mars: 3, march: 3,
  apr: 4, april: 4,
  mai: 5, may: 5,
  jun: 6, juni: 6, june: 6,
  jul: 7, juli: 7, july: 7,
  aug: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  okt: 10, oktober: 10, oct: 10, october: 10,
  nov: 11, november: 11,
  des: 12, desember: 12, dec: 12, december: 12,
};

/** The month number of a (folded) Norwegian or English month name or abbreviation. */
export function monthOfName(folded: string): number | undefined {
  return Object.prototype.hasOwnProperty.call(MONTHS, folded) ? MONTHS[folded] : undefined;
}

function periodFromText(text: string): YearMonth | undefined {
  const direct = parseDateText(text);
  if (direct) return direct;
  let m: RegExpMatchArray | null;
  if ((m = text.match(/^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/))) return parseDateText(`${m[1]}-${m[2]}-${m[3]}`);
  if ((m = text.match(/^(\d{4})[./](\d{1,2})$/))) return yearMonth(+m[1], +m[2]);
  if ((m = text.match(/^(\d{1,2})-(\d{4})$/))) return yearMonth(+m[2], +m[1]);
  if ((m = text.match(/^(0[1-9]|1[0-2])(\d{4})$/))) return yearMonth(+m[2], +m[1]);
  if ((m = foldNorwegian(text).match(/^([a-z]+)\.?\s*(\d{4})$/))) {
    const month = monthOfName(m[1]);
    return month === undefined ? undefined : yearMonth(+m[2], month);
  }
  return undefined;
}

function yearMonth(year: number, month: number): YearMonth | undefined {
  return year >= 1900 && year <= 9999 && month >= 1 && month <= 12 ? { year, month } : undefined;
}
