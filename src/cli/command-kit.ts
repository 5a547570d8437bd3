/**
 * What the commands that read, build and write (`lonn trekk`, `lonn lonnsbilag`, `lonn rf1022`)
 * do alike: the command line parsed with `--help` answered and a bad one refused with the usage
 * (exit 2); a failed run's problems on stderr (exit 1), saying nothing was written; the files
 * written all or nothing; and what the user hears about cells left alone and vouchers exported.
 */
import { existsSync } from "fs";
import ExcelJS from "exceljs";
import { DUPLICATE_ROW } from "../core/import/row-checks";
import { Checked, Problems } from "../core/problem/problem";
import { ExportPlan } from "../core/voucher/export-record";
import { LeftAlone } from "../core/workpaper/write-plan";
import { OptionKind, parseArgs, ParsedArgs } from "./args";
import { OutputFile, writeFiles } from "./files";
import type { CliIO } from "./io";
import { loadWorkbook } from "./xlsx/workbook";
import { append } from "../core/list";

export interface CommandLine<K extends string> {
  readonly parsed: ParsedArgs;
  readonly value: (key: K) => string | undefined;
  /** The lines and the usage on stderr; exit 2. */
  readonly usage: (lines: readonly string[]) => number;
  /** `--desimaltegn`, when given and `,` or `.`. */
  readonly desimaltegn?: "," | ".";
}

/** The parsed command line, or the exit code when it was `--help` (0) or wrong (2). */
export function commandLine<S extends Readonly<Record<string, OptionKind>>>(args: readonly string[], spec: S, usageText: string, io: CliIO): CommandLine<keyof S & string> | number {
  const parsed = parseArgs(args, spec);
  const usage = (lines: readonly string[]) => {
    io.err([...lines, "", usageText].join("\n"));
    return 2;
  };
  if (parsed.problems.length > 0) return usage(parsed.problems);
  if (parsed.flags.has("help")) {
    io.out(usageText);
    return 0;
  }
  const desimaltegn = "desimaltegn" in spec ? parsed.values.get("desimaltegn") : undefined;
  if (desimaltegn !== undefined && desimaltegn !== "," && desimaltegn !== ".") return usage([`--desimaltegn må være «,» eller «.» (fikk «${desimaltegn}»).`]);
  return { parsed, value: (key) => parsed.values.get(key), usage, ...(desimaltegn ? { desimaltegn } : {}) };
}

/** A message that says the export stopped for want of firma or bilagsart. */
export const isMissingSetup = (lines: readonly string[]): boolean => lines.some((l) => /(Firmakoden|Bilagsarten) .*mangler i oppsettet/.test(l));

/** How to count rows that are copies of each other, when a reader refused one. */
export function duplicateHint(lines: readonly string[]): string[] {
  return lines.some((l) => l.includes(DUPLICATE_ROW))
    ? ["Står like rader der med vilje (to ulike poster med like celler), les inn med --godta-like-rader (lonn avstem og lonn trekk: eller «godtaLikeRader»: true i oppsettfilen); begge telles da, og merknadene sier hvilke."]
    : [];
}

/** The problems on stderr, then `hints` and the hint about copied rows, then «Ingenting er skrevet.» when files were asked for and the problems did not say it; exit 1. */
export function failed(io: CliIO, error: Problems, outputsAsked: boolean, hints: readonly string[] = []): number {
  const lines = error.lines;
  const said = lines.some((l) => /ingenting er skrevet/i.test(l));
  io.err([...lines, ...hints, ...duplicateHint(lines), ...(outputsAsked && !said ? ["Ingenting er skrevet."] : [])].join("\n"));
  return 1;
}

/** Every file written (or none), with the paths they went to; or the problem. */
export function writeOutputs(files: readonly OutputFile[]): { type: string; path: string }[] | Problems {
  const written = writeFiles(files);
  return written instanceof Problems ? written : files.map((f, i) => ({ type: f.type, path: written[i] }));
}

/** A warning on stderr naming every cell a plan did not write. */
export function warnLeftAlone(io: CliIO, leftAlone: readonly LeftAlone[]): void {
  if (leftAlone.length === 0) return;
  io.err([
    `Advarsel: ${leftAlone.length} celle(r) i arbeidsboken er ikke skrevet; arket kan avvike fra kjøringen:`,
    ...leftAlone.map((l) => `  ${l.sheet}!${l.address}: ${l.reason}`),
  ].join("\n"));
}

export interface ExportedSummary {
  readonly batchId: string;
  readonly bilag: readonly string[];
  readonly unchanged: readonly string[];
}

/** What an export held, as `--json` reports it. */
export const exportedSummary = (e: ExportPlan): ExportedSummary => ({ batchId: e.batchId, bilag: e.vouchers.map((b) => b.id), unchanged: e.unchanged });

/** The lines the text report ends with: what was exported, and the files written. */
export function closingLines(exported: ExportedSummary | undefined, files: readonly { type: string; path: string }[]): string[] {
  const out: string[] = [];
  if (exported) {
    const same = exported.unchanged.join(", ");
    out.push("", exported.bilag.length > 0
      ? `Eksportert (${exported.batchId}): ${exported.bilag.join(", ")}${same ? `; uendret siden forrige eksport: ${same}` : ""}.`
      : `Ingen nye bilag å eksportere${same ? ` (uendret siden forrige eksport: ${same})` : ""}.`);
  }
  if (files.length > 0) append(out, ["", "Skrevet:", ...files.map((f) => `  ${f.type.padEnd(5)} ${f.path}`)]);
  return out;
}

/** The `--xlsx` workbook: the file when it exists, else a new one. */
export const existingOrNew = (path: string | undefined) => async (): Promise<Checked<ExcelJS.Workbook>> =>
  path && existsSync(path) ? loadWorkbook(path) : new ExcelJS.Workbook();

/** Local wall-clock time, ISO without zone: when an export happened, as the record keeps it. */
export function localNow(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** The output options of a command line with `--xlsx`, `--csv`, `--gl07` and `--desimaltegn`, the clock read now. */
export function outputOptions(cl: CommandLine<"xlsx" | "csv" | "gl07">) {
  const xlsx = cl.value("xlsx");
  return {
    xlsx, csv: cl.value("csv"), gl07: cl.value("gl07"),
    ...(cl.desimaltegn ? { desimaltegn: cl.desimaltegn } : {}),
    workbook: existingOrNew(xlsx),
    now: localNow(),
  };
}

/** The built files written (all or none), the cells left alone warned about, what was exported summed up. */
export function writeAndWarn(
  io: CliIO,
  built: { readonly files: readonly OutputFile[]; readonly sheet?: { readonly leftAlone: readonly LeftAlone[] }; readonly exported?: ExportPlan },
): Problems | { files: { type: string; path: string }[]; exported?: ExportedSummary } {
  const files = writeOutputs(built.files);
  if (files instanceof Problems) return files;
  warnLeftAlone(io, built.sheet?.leftAlone ?? []);
  return { files, ...(built.exported ? { exported: exportedSummary(built.exported) } : {}) };
}
