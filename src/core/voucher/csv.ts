import { Checked, isProblems } from "../problem/problem";
import { batchIdFor, checkForExport, ExportSettings } from "./export-check";
import { Bilag } from "./types";

/**
 * The vouchers as CSV for people and for import tools: semicolon-separated (what a Norwegian
 * Excel expects), UTF-8 with a byte order mark (so Excel reads æøå right), CRLF line ends, a
 * header row, and the columns in the order of Unit4's batch input table (acrbatchinput / GL07),
 * named as there. Amounts in kroner with a decimal comma by default (option: dot).
 */

export interface CsvOptions {
  /** "," (default) or ".". */
  readonly desimaltegn?: "," | ".";
}

export const CSV_COLUMNS = [
  "batch_id", "interface", "voucher_type", "trans_type", "client", "account",
  "dim_1", "dim_2", "dim_3", "dim_4", "dim_5", "dim_6", "dim_7",
  "tax_code", "currency", "dc_flag", "cur_amount", "amount", "description",
  "trans_date", "voucher_date", "voucher_no", "period", "ext_ref", "sequence_no",
] as const;

const BOM = "\uFEFF";
const SEPARATOR = ";";
const CRLF = "\r\n";

/** A field that is a plain number as we write amounts, ids and dates: safe as it is. */
const PLAIN_NUMBER = /^-?\d+([.,]\d+)?$/;

/**
 * A text a spreadsheet would run as a formula when the CSV is opened (CSV injection, OWASP):
 * it starts with `=`, `+`, `-`, `@`, a tab or a carriage return. Such a field gets a leading
 * apostrophe, which Excel and LibreOffice show as text; numbers (`-1234,56`) stay numbers.
 */
export function neutralised(value: string): string {
  return /^[=+\-@\t\r]/.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** Neutralised (above), then quoted when it holds the separator, a quote, a line break or edge spaces; quotes doubled. */
export function csvField(raw: string): string {
  const value = neutralised(raw);
  return /[;"\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** `-1234,56` from -123456 øre: no thousands separator (import tools choke on it). */
export function amountText(ore: number, desimaltegn: "," | "."): string {
  const sign = ore < 0 ? "-" : "";
  const abs = Math.abs(ore);
  return `${sign}${Math.floor(abs / 100)}${desimaltegn}${String(abs % 100).padStart(2, "0")}`;
}

export function toCsv(bilag: readonly Bilag[], settings: ExportSettings, options: CsvOptions = {}): Checked<string> {
  const ok = checkForExport(bilag, settings);
  if (isProblems(ok)) return ok;
  const desimal = options.desimaltegn ?? ",";
  const batchId = batchIdFor(bilag, settings);
  const rows: string[][] = [[...CSV_COLUMNS]];
  bilag.forEach((b, i) => {
    const voucherNo = String((settings.forsteBilagsnummer ?? 1) + i);
    for (const l of b.linjer) {
      const ore = l.belop;
      const amount = amountText(ore, desimal);
      rows.push([
        batchId, settings.grensesnitt ?? "BI", settings.bilagsart, "GL", settings.firma, l.konto,
        ...[1, 2, 3, 4, 5, 6, 7].map((n) => l.dimensjoner[n] ?? ""),
        "0", "NOK", ore < 0 ? "-1" : "1", amount, amount, l.tekst,
        b.dato, b.dato, voucherNo, b.periode, b.id, String(l.linje),
      ]);
    }
  });
  return BOM + rows.map((r) => r.map(csvField).join(SEPARATOR) + CRLF).join("");
}
