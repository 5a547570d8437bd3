/**
 * The text of a voucher export, as every reconciliation makes it (SPK, trekk og AGA, lønnsbilag;
 * the CLI and the pane alike): the CSV and Unit4 GL07 files asked for, made from what an export
 * that remembers holds now (core/voucher/export-record's ExportPlan), numbered as that plan says.
 * Every problem of both files at once, each under the file's name ("CSV", "GL07").
 */
import { Checked, isProblems, ProblemList } from "../problem/problem";
import { CsvOptions, toCsv } from "./csv";
import { ExportSettings } from "./export-check";
import { ExportPlan } from "./export-record";
import { toGl07 } from "./gl07";
import { Bilag } from "./types";

/** Which files an export makes. */
export interface ExportFormats {
  /** Make the CSV (with these options). */
  readonly csv?: CsvOptions;
  /** Make the GL07 file. */
  readonly gl07?: boolean;
}

/** An export asked for: when (ISO, the shell's wall clock), the file name(s) the record keeps, which files. */
export interface ExportRequest extends ExportFormats {
  readonly eksportert: string;
  readonly fil: string;
}

export interface ExportTexts {
  readonly csv?: string;
  readonly gl07?: string;
}

/** The settings of an export plan's files: its batch id, and its first voucher's number. */
export const exportSettingsOf = (settings: ExportSettings, exported: ExportPlan): ExportSettings => ({
  ...settings,
  batchId: exported.batchId,
  forsteBilagsnummer: exported.bilagsnumre[0] ?? 1,
});

/** The vouchers as the files asked for; every problem of both, under the file's name. */
export function voucherTexts(vouchers: readonly Bilag[], settings: ExportSettings, formats: ExportFormats): Checked<ExportTexts> {
  const found = new ProblemList();
  let csv: string | undefined;
  let gl07: string | undefined;
  if (formats.csv) {
    const text = toCsv(vouchers, settings, formats.csv);
    if (isProblems(text)) found.addAll(text, { file: "CSV" });
    else csv = text;
  }
  if (formats.gl07) {
    const text = toGl07(vouchers, settings);
    if (isProblems(text)) found.addAll(text, { file: "GL07" });
    else gl07 = text;
  }
  return found.result(() => ({ ...(csv !== undefined ? { csv } : {}), ...(gl07 !== undefined ? { gl07 } : {}) }));
}

/** An export plan's files: what it holds now, numbered and batched as it says. */
export const exportTexts = (exported: ExportPlan, settings: ExportSettings, formats: ExportFormats): Checked<ExportTexts> =>
  voucherTexts(exported.vouchers, exportSettingsOf(settings, exported), formats);
