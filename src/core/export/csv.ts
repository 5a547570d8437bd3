import { isRuleError, Result } from "../errors";
import { Bilag } from "../spk/types";
import { batchIdFor, EksportOppsett, kontrollerForEksport, linjeOre } from "./kontroll";

/**
 * The vouchers as CSV for people and for import tools: semicolon-separated (what a Norwegian
 * Excel expects), UTF-8 with a byte order mark (so Excel reads æøå right), CRLF line ends, a
 * header row, and the columns in the order of Unit4's batch input table (acrbatchinput / GL07),
 * named as there. Amounts in kroner with a decimal comma by default (option: dot).
 */

export interface CsvValg {
  /** "," (default) or ".". */
  readonly desimaltegn?: "," | ".";
}

export const CSV_KOLONNER = [
  "batch_id", "interface", "voucher_type", "trans_type", "client", "account",
  "dim_1", "dim_2", "dim_3", "dim_4", "dim_5", "dim_6", "dim_7",
  "tax_code", "currency", "dc_flag", "cur_amount", "amount", "description",
  "trans_date", "voucher_date", "voucher_no", "period", "ext_ref", "sequence_no",
] as const;

const BOM = "\uFEFF";
const SEPARATOR = ";";
const CRLF = "\r\n";

/** Quoted when it holds the separator, a quote, a line break or edge spaces; quotes doubled. */
export function csvFelt(value: string): string {
  return /[;"\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** `-1234,56` from -123456 øre: no thousands separator (import tools choke on it). */
export function belopTekst(ore: number, desimaltegn: "," | "."): string {
  const sign = ore < 0 ? "-" : "";
  const abs = Math.abs(ore);
  return `${sign}${Math.floor(abs / 100)}${desimaltegn}${String(abs % 100).padStart(2, "0")}`;
}

export function tilCsv(bilag: readonly Bilag[], oppsett: EksportOppsett, valg: CsvValg = {}): Result<string> {
  const ok = kontrollerForEksport(bilag, oppsett);
  if (isRuleError(ok)) return ok;
  const desimal = valg.desimaltegn ?? ",";
  const batchId = batchIdFor(bilag, oppsett);
  const rows: string[][] = [[...CSV_KOLONNER]];
  bilag.forEach((b, i) => {
    const voucherNo = String((oppsett.forsteBilagsnummer ?? 1) + i);
    for (const l of b.linjer) {
      const ore = linjeOre(l.belop);
      const amount = belopTekst(ore, desimal);
      rows.push([
        batchId, oppsett.grensesnitt ?? "BI", oppsett.bilagsart, "GL", oppsett.firma, l.konto,
        ...[1, 2, 3, 4, 5, 6, 7].map((n) => l.dimensjoner[n] ?? ""),
        "0", "NOK", ore < 0 ? "-1" : "1", amount, amount, l.tekst,
        b.dato, b.dato, voucherNo, b.periode, b.id, String(l.linje),
      ]);
    }
  });
  return BOM + rows.map((r) => r.map(csvFelt).join(SEPARATOR) + CRLF).join("");
}
