import { cellAddress } from "../sheet/a1";
import { Checked, Problems } from "../problem/problem";

/**
 * CSV text as a grid of strings, as the readers take it. Handles what Norwegian exports and
 * Excel's "Lagre som CSV" produce: `;` (Norwegian Excel), `,` or tab separators, fields in double
 * quotes (with `""` for a quote and line breaks inside), a UTF-8 byte-order mark, CRLF, LF or CR
 * line ends, and Excel's `sep=;` first line. Every field stays text; the readers parse numbers
 * and dates, so `0810` keeps its zero and `1 234,50` its comma. Row 1 of the grid is the first
 * line after a `sep=` line, as Excel shows the file.
 *
 * The separator, unless given, is the one of `;`, tab and `,` that occurs most often (outside
 * quotes) in the first non-empty line; on a tie `;` wins, then tab.
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

export function parseCsv(text: string, options: CsvOptions = {}): Checked<CsvGrid> {
  const sheet = options.sheet ?? "CSV";
  let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let delimiter = options.delimiter;
  const hint = body.match(/^sep=([;,\t])[ \t]*(\r\n|\n|\r|$)/i);
  if (hint) {
    delimiter ??= hint[1] as CsvDelimiter;
    body = body.slice(hint[0].length);
  }
  delimiter ??= detectDelimiter(body);

  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let quoteStart = { row: 0, col: 0 };
  let i = 0;
  const endField = () => {
    row.push(field);
    field = "";
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < body.length) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "") {
      quoted = true;
      quoteStart = { row: rows.length, col: row.length };
    } else if (ch === delimiter) endField();
    else if (ch === "\r" || ch === "\n") {
      endRow();
      if (ch === "\r" && body[i + 1] === "\n") i++;
    } else field += ch;
    i++;
  }
  if (quoted) {
    const at = cellAddress(quoteStart);
    return new Problems([
      { sheet, cell: at, row: quoteStart.row + 1, message: "Anførselstegnet som begynner feltet, blir aldri avsluttet." },
    ]);
  }
  if (field !== "" || row.length > 0) endRow();
  return ({ values: rows, delimiter });
}

function detectDelimiter(body: string): CsvDelimiter {
  const firstLine = body.split(/\r\n|\n|\r/).find((line) => line.trim() !== "") ?? "";
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, "");
  const count = (d: string) => outsideQuotes.split(d).length - 1;
  const candidates: CsvDelimiter[] = [";", "\t", ","];
  return candidates.reduce((best, d) => (count(d) > count(best) ? d : best), ";" as CsvDelimiter);
}
