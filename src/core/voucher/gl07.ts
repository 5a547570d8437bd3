import { Checked, isProblems, Problem, Problems } from "../problem/problem";
import { batchIdFor, checkForExport, ExportSettings } from "./export-check";
import { Bilag } from "./types";

/**
 * Unit4 (Agresso) GL07 batch input, fixed width: one line of exactly 2060 characters per voucher
 * line, the fields and widths of the "Agresso 5.5 format" (spk-dfo.md §4.1, from the public
 * LBHounslow/agresso library). Every value is left-aligned and padded with spaces, numbers too,
 * as that library does; amounts are signed øre ("-123456"); dates YYYYMMDD; period YYYYMM.
 * A value longer than its field is refused (naming voucher, line and field), never cut.
 *
 * voucher_no is a running number per voucher in the file (Unit4 groups lines into vouchers by it
 * and, with vouch_flag=1, gives the real number itself; the field is numeric, 15 digits). Our
 * voucher id (SPK-2024-T1) goes in ext_ref so the posting can be traced back to the workbook.
 *
 * Fixed width counts characters, and Unit4 reads these files as single-byte text: write the
 * result as Latin-1 (`GL07_ENCODING`). Characters outside Latin-1 are refused rather than
 * written as multi-byte UTF-8, which would shift every field after them.
 */

export const GL07_LINE_LENGTH = 2060;
/** Node's name for the single-byte encoding the file must be written in (æ, ø, å are one byte). */
export const GL07_ENCODING = "latin1";

/** Field name and width, in file order (spk-dfo.md §4.1, fields 1–66). */
export const GL07_FIELDS: readonly (readonly [string, number])[] = [
  ["batch_id", 25], ["interface", 25], ["voucher_type", 25], ["trans_type", 2], ["client", 25], ["account", 25],
  ["dim_1", 25], ["dim_2", 25], ["dim_3", 25], ["dim_4", 25], ["dim_5", 25], ["dim_6", 25], ["dim_7", 25],
  ["tax_code", 25], ["tax_system", 25], ["currency", 25], ["dc_flag", 2], ["cur_amount", 20], ["amount", 20],
  ["number_1", 11], ["value_1", 20], ["value_2", 20], ["value_3", 20], ["description", 255],
  ["trans_date", 8], ["voucher_date", 8], ["voucher_no", 15], ["period", 6], ["tax_id", 1],
  ["ext_inv_ref", 100], ["ext_ref", 255], ["due_date", 8], ["disc_date", 8], ["discount", 20],
  ["commitment", 25], ["order_id", 15], ["kid", 27], ["pay_transfer", 2], ["status", 1], ["apar_type", 1],
  ["apar_id", 25], ["pay_flag", 1], ["voucher_ref", 15], ["sequence_ref", 9], ["intrule_id", 25],
  ["factor_short", 25], ["responsible", 25], ["apar_name", 255], ["address", 160], ["province", 40],
  ["place", 40], ["bank_account", 35], ["pay_method", 2], ["vat_reg_no", 25], ["zip_code", 15],
  ["curr_licence", 3], ["account2", 25], ["base_amount", 20], ["base_curr", 20], ["pay_temp_id", 4],
  ["allocation_key", 3], ["period_no", 2], ["clearing_code", 13], ["swift", 11], ["arrive_id", 15],
  ["bank_acc_type", 2],
];

/** 1-based start position of each field, computed from the widths. */
export const GL07_POSITIONS: Readonly<Record<string, { readonly fra: number; readonly lengde: number }>> = (() => {
  const out: Record<string, { fra: number; lengde: number }> = {};
  let pos = 1;
  for (const [name, width] of GL07_FIELDS) {
    out[name] = { fra: pos, lengde: width };
    pos += width;
  }
  return out;
})();

export interface Gl07Options {
  /** Line end; default CRLF (Unit4 runs on Windows). */
  readonly linjeskift?: "\r\n" | "\n";
}

/** Printable Latin-1 only: no control characters (a line break would split the record). */
const LATIN1_PRINTABLE = /^[\u0020-\u007e\u00a0-\u00ff]*$/;

function yyyymmdd(iso: string): string {
  return iso.replace(/-/g, "");
}

export function toGl07(bilag: readonly Bilag[], settings: ExportSettings, options: Gl07Options = {}): Checked<string> {
  const ok = checkForExport(bilag, settings);
  if (isProblems(ok)) return ok;
  const batchId = batchIdFor(bilag, settings);
  const eol = options.linjeskift ?? "\r\n";
  const lines: string[] = [];
  const problems: Problem[] = [];

  bilag.forEach((b, i) => {
    const voucherNo = String((settings.forsteBilagsnummer ?? 1) + i);
    for (const l of b.linjer) {
      const ore = l.belop;
      const values: Record<string, string> = {
        batch_id: batchId,
        interface: settings.grensesnitt ?? "BI",
        voucher_type: settings.bilagsart.trim(),
        trans_type: "GL",
        client: settings.firma.trim(),
        account: l.konto.trim(),
        tax_code: "0",
        currency: "NOK",
        dc_flag: ore < 0 ? "-1" : "1",
        cur_amount: String(ore),
        amount: String(ore),
        description: l.tekst,
        trans_date: yyyymmdd(b.dato),
        voucher_date: yyyymmdd(b.dato),
        voucher_no: voucherNo,
        period: b.periode,
        ext_ref: b.id,
      };
      for (let n = 1; n <= 7; n++) values[`dim_${n}`] = (l.dimensjoner[n] ?? "").trim();

      let line = "";
      for (const [name, width] of GL07_FIELDS) {
        // NFC: a decomposed «Å» (A + ring) is one character in the file, as Latin-1 has it.
        const v = (values[name] ?? "").normalize("NFC");
        const where = `Bilag ${b.id}, linje ${l.linje}, feltet ${name}`;
        if (v.length > width) problems.push({ message: `GL07-eksporten er stoppet: ${where}: «${v}» er ${v.length} tegn; plass til ${width}.` });
        else if (!LATIN1_PRINTABLE.test(v)) {
          problems.push({ message: `GL07-eksporten er stoppet: ${where}: «${v}» har tegn som ikke kan skrives i GL07-filen (bare Latin-1, ingen linjeskift).` });
        }
        line += v.padEnd(width, " ");
      }
      lines.push(line);
    }
  });
  if (problems.length > 0) return new Problems(problems);
  return lines.map((l) => l + eol).join("");
}
