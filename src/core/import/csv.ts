import { cellAddress } from "../sheet/a1";
import { Checked, Problem, Problems } from "../problem/problem";
import { wholeNumberText } from "../text";
import { readWhole, StreamReader } from "./xml/stream";

/**
 * CSV text as a grid of strings, as the readers take it. Handles what Norwegian exports and
 * Excel's "Lagre som CSV" produce: `;` (Norwegian Excel), `,` or tab separators, fields in double
 * quotes (with `""` for a quote and line breaks inside), a UTF-8 byte-order mark, CRLF, LF or CR
 * line ends, and Excel's `sep=;` first line. Every field stays text; the readers parse numbers
 * and dates, so `0810` keeps its zero and `1 234,50` its comma. Row 1 of the grid is the first
 * line after a `sep=` line, as Excel shows the file. Text is normalised to NFC, so a decomposed
 * «Å» (A and a combining ring, as macOS may write it) is the same letter as a composed one.
 *
 * The separator, unless given, is found in the first lines (title lines above the header
 * included): for each of `;`, tab and `,` the number of fields it makes on a line (outside
 * quotes), and how many lines share its commonest count; the separator whose common count times
 * the lines sharing it is largest wins (so a title line with a comma does not make a tab file
 * comma-separated), on a tie `;`, then tab.
 *
 * The text may come in chunks (`createCsvParser`: a file streamed by the CLI); the grid is the
 * same however it is cut. Limits (CSV_LIMITS) stop a file that is not a sensible export before
 * it fills memory.
 */

export type CsvDelimiter = ";" | "," | "\t";

export interface CsvOptions {
  /** Name for messages; default "CSV". */
  readonly sheet?: string;
  readonly delimiter?: CsvDelimiter;
}

export interface CsvGrid {
  readonly values: string[][];
  readonly delimiter: CsvDelimiter;
}

/**
 * The largest CSV file lonn reads. An export is made to be opened in Excel and reconciled there,
 * so no sensible export is larger than an Excel sheet: 1 048 576 rows, 16 384 columns and
 * 32 767 characters a cell. The largest real ones are a year of a big agency's payroll lines
 * (20 000 employees × 12 months × the 3 pension wage types ≈ 720 000 lines of 50–100 bytes) and
 * a year's ledger postings on a few accounts: well under 100 MB. So a file over 100 MB (the
 * workbook limit too) is refused before it is read, and a file with more rows than a sheet, or
 * more fields than 20 full-width columns of a sheet, is refused as soon as the parser gets there.
 * Measured (Node 20, bench in the commit that set them): a million rows of six fields parse in
 * about 4 s into a 220 MB grid, 18 million fields into 410 MB, so the limits stay well inside a
 * 2 GB heap. `cells` bounds a file of nothing but separators (100 MB of `;` would be 100 million
 * fields).
 */
export const CSV_LIMITS = {
  /** The file's size (checked by the shell before reading it). */
  bytes: 100_000_000,
  /** Rows in the grid (Excel's rows per sheet). */
  rows: 1_048_576,
  /** Fields in the whole file. */
  cells: 20_000_000,
  /** Characters in one field (Excel's limit for a cell). */
  fieldChars: 32_767,
} as const;

/** The first lines the separator is guessed from (a title and a selection above the header, and some rows below it). */
const SNIFF_LINES = 30;
/** …or this many characters, whichever comes first. */
const SNIFF_CHARS = 65_536;

/** Values interned (Parser.intern): at most this long, and this many. */
const INTERN_CHARS = 40;
const INTERN_MAX = 2_000;
/** A column is looked up in its first this many values, and after that only if a quarter of them recurred. */
const INTERN_TRIAL = 1_000;

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** Text outside Latin-1 may hold combining marks; only such fields need normalising. */
const BEYOND_LATIN1 = /[\u0100-\uffff]/;
const nfc = (text: string): string => (BEYOND_LATIN1.test(text) ? text.normalize("NFC") : text);

/** CSV text in one piece as a grid; see the module comment. */
export function parseCsv(text: string, options: CsvOptions = {}): Checked<CsvGrid> {
  return readWhole(createCsvParser(options), text);
}

/** A CSV parser fed in chunks; `problem` is set as soon as the text cannot be read (the shell may stop feeding it). */
export interface CsvParser extends StreamReader<CsvGrid> {
  readonly problem: Problem | undefined;
}

export function createCsvParser(options: CsvOptions = {}): CsvParser {
  return new Parser(options.sheet ?? "CSV", options.delimiter);
}

class Parser implements CsvParser {
  private readonly rows: string[][] = [];
  private row: string[] = [];
  /** The current field's text before the unread part of the chunk. */
  private field = "";
  private quoted = false;
  /** A quote ended the last chunk inside a quoted field: the next character says whether it was `""`. */
  private quoteAtEnd = false;
  /** A CR ended the last chunk: a LF starting the next one belongs to it. */
  private crAtEnd = false;
  private quoteStart = { row: 0, col: 0 };
  private cells = 0;
  private started = false;
  /** Until the first lines are here: the separator (and a `sep=` line) is not known yet. */
  private sniffing = true;
  /** Text held back while sniffing. */
  private head = "";
  private failure: Problem | undefined;
  private readonly strings = new Map<string, string>();
  /** Per column: values looked up among the first INTERN_TRIAL, and how many were there already. */
  private readonly internTried: number[] = [];
  private readonly internHits: number[] = [];

  constructor(
    private readonly sheet: string,
    private delimiter: CsvDelimiter | undefined,
  ) {}

  get problem(): Problem | undefined {
    return this.failure;
  }

  write(chunk: string): void {
    if (this.failure || chunk === "") return;
    let text = chunk;
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (!this.sniffing) {
      this.consume(text);
      return;
    }
    this.head += text;
    if (this.head.length >= SNIFF_CHARS || lineBreaks(this.head, SNIFF_LINES + 1) > SNIFF_LINES) this.start(false);
  }

  end(): Checked<CsvGrid> {
    if (this.sniffing && !this.failure) this.start(true);
    if (this.failure) return new Problems([this.failure]);
    if (this.quoteAtEnd) {
      this.quoteAtEnd = false;
      this.quoted = false;
    }
    if (this.quoted) {
      return new Problems([
        { sheet: this.sheet, cell: cellAddress(this.quoteStart), row: this.quoteStart.row + 1, message: "Anførselstegnet som begynner feltet, blir aldri avsluttet." },
      ]);
    }
    if (this.field !== "" || this.row.length > 0) {
      this.endField("", 0, 0);
      this.endRow();
    }
    if (this.failure) return new Problems([this.failure]);
    return { values: this.rows, delimiter: this.delimiter ?? ";" };
  }

  /** The held-back text: Excel's `sep=` line, the separator, then the text itself. */
  private start(final: boolean): void {
    let body = this.head;
    this.head = "";
    this.sniffing = false;
    const hint = body.match(/^sep=([;,\t])[ \t]*(\r\n|\n|\r|$)/i);
    if (hint && (final || hint[2] !== "")) {
      this.delimiter ??= hint[1] as CsvDelimiter;
      body = body.slice(hint[0].length);
      // `sep=;\r` at the end of the held-back text: its LF may start the next chunk.
      if (hint[2] === "\r" && body === "" && !final) this.crAtEnd = true;
    }
    this.delimiter ??= detectDelimiter(body);
    this.consume(body);
  }

  private consume(s: string): void {
    const n = s.length;
    const d = (this.delimiter as CsvDelimiter).charCodeAt(0);
    let i = 0;
    if (this.crAtEnd) {
      this.crAtEnd = false;
      if (s.charCodeAt(0) === LF) i = 1;
    }
    if (this.quoteAtEnd) {
      this.quoteAtEnd = false;
      if (s.charCodeAt(0) === QUOTE) {
        this.field += '"';
        i = 1;
      } else this.quoted = false;
    }
    let from = i;
    while (i < n) {
      if (this.quoted) {
        const q = s.indexOf('"', i);
        if (q === -1) break;
        this.field += s.slice(from, q);
        if (q + 1 === n) {
          this.quoteAtEnd = true;
          from = n;
          break;
        }
        if (s.charCodeAt(q + 1) === QUOTE) {
          this.field += '"';
          i = from = q + 2;
        } else {
          this.quoted = false;
          i = from = q + 1;
        }
        if (this.field.length > CSV_LIMITS.fieldChars) return this.tooLong();
        continue;
      }
      if (i === from && this.field === "" && s.charCodeAt(i) === QUOTE) {
        this.quoted = true;
        this.quoteStart = { row: this.rows.length, col: this.row.length };
        i = from = i + 1;
        continue;
      }
      let c = 0;
      while (i < n) {
        c = s.charCodeAt(i);
        if (c === d || c === CR || c === LF) break;
        i++;
      }
      if (i === n) break;
      this.endField(s, from, i);
      i++;
      if (c !== d) {
        this.endRow();
        if (c === CR) {
          if (i === n) this.crAtEnd = true;
          else if (s.charCodeAt(i) === LF) i++;
        }
      }
      from = i;
      if (this.failure) return;
    }
    if (from < n) this.field += s.slice(from, n);
    if (this.field.length > CSV_LIMITS.fieldChars) this.tooLong();
  }

  /** Ends the field whose text is `this.field` and `s` from `from` to `to`. */
  private endField(s: string, from: number, to: number): void {
    const text = this.field === "" ? s.slice(from, to) : this.field + s.slice(from, to);
    this.field = "";
    if (text.length === 0) this.row.push("");
    else if (text.length > CSV_LIMITS.fieldChars) {
      this.tooLong();
      return;
    } else this.row.push(this.intern(nfc(text), this.row.length));
    if (++this.cells > CSV_LIMITS.cells) {
      this.fail(
        this.rows.length,
        `Filen har mer enn ${wholeNumberText(CSV_LIMITS.cells)} felt; lonn leser eksporter med opptil ${wholeNumberText(CSV_LIMITS.cells)}. ` +
          "Ta med bare kolonnene som trengs (lønnsart, periode, beløp …), eller del filen.",
      );
    }
  }

  /**
   * One string for each short value that recurs (codes, periods, texts): an export of a million
   * lines repeats a few thousand values, and a copy per cell would take most of the grid's memory.
   */
  private intern(text: string, col: number): string {
    if (text.length > INTERN_CHARS) return text;
    // A column of values that do not recur (amounts, voucher numbers, texts) is not looked up after its first rows.
    const tried = this.internTried[col] ?? 0;
    if (tried >= INTERN_TRIAL && (this.internHits[col] ?? 0) * 4 < tried) return text;
    const known = this.strings.get(text);
    if (tried < INTERN_TRIAL) {
      this.internTried[col] = tried + 1;
      if (known !== undefined) this.internHits[col] = (this.internHits[col] ?? 0) + 1;
    }
    if (known !== undefined) return known;
    if (this.strings.size < INTERN_MAX) this.strings.set(text, text);
    return text;
  }

  private endRow(): void {
    if (this.failure) return;
    this.rows.push(this.row);
    this.row = [];
    if (this.rows.length > CSV_LIMITS.rows) {
      this.fail(
        CSV_LIMITS.rows,
        `Filen har mer enn ${wholeNumberText(CSV_LIMITS.rows)} rader, flere enn et Excel-ark har plass til; lonn leser eksporter med opptil ${wholeNumberText(CSV_LIMITS.rows)} rader. ` +
          "Ta ut eksporten for en kortere periode, eller bare lønnsartene og kontoene avstemmingen bruker.",
      );
    }
  }

  /** The current field is too long: an unterminated quote, or a file that is not CSV with this separator. */
  private tooLong(): void {
    const open = this.quoted;
    const at = { row: this.rows.length, col: this.row.length };
    this.fail(
      at.row,
      `Feltet i ${cellAddress(at)} er lengre enn ${wholeNumberText(CSV_LIMITS.fieldChars)} tegn, mer enn en Excel-celle kan holde. ` +
        (open ? "Trolig mangler anførselstegnet som skulle avslutte det." : "Er filen en CSV-fil, med et av skilletegnene ; , eller tabulator?"),
      cellAddress(at),
    );
  }

  private fail(row: number, message: string, cell?: string): void {
    this.failure ??= { sheet: this.sheet, ...(cell ? { cell } : {}), row: row + 1, message };
    // What was read is not needed any more: a file refused for its size should not hold memory.
    this.rows.length = 0;
    this.row = [];
    this.field = "";
  }
}

/** The number of line breaks in `text`, counting no further than `max`. */
function lineBreaks(text: string, max: number): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0 && n < max; i = text.indexOf("\n", i + 1)) n++;
  if (n === 0) for (let i = text.indexOf("\r"); i >= 0 && n < max; i = text.indexOf("\r", i + 1)) n++;
  return n;
}

/** The separator of the first lines (see the module comment). */
function detectDelimiter(body: string): CsvDelimiter {
  const lines = body
    .slice(0, SNIFF_CHARS)
    .split(/\r\n|\n|\r/, SNIFF_LINES + 1)
    .slice(0, SNIFF_LINES)
    .filter((line) => line.trim() !== "")
    .map((line) => line.replace(/"[^"]*"/g, ""));
  const score = (d: string): number => {
    const counts = new Map<number, number>();
    for (const line of lines) {
      const n = line.split(d).length - 1;
      if (n > 0) counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    let best = 0;
    for (const [fields, times] of counts) best = Math.max(best, fields * times);
    return best;
  };
  const candidates: CsvDelimiter[] = [";", "\t", ","];
  const scores = candidates.map(score);
  return candidates[scores.indexOf(Math.max(scores[0], scores[1], scores[2]))];
}
