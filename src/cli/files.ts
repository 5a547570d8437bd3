/** Reading inputs and writing outputs: all outputs or none. */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "fs";
import { basename, dirname, extname, join, resolve } from "path";
import { Checked, isProblems, problems } from "../core/problem/problem";

/** One output file, ready to be written. */
export interface OutputFile {
  readonly type: "xlsx" | "csv" | "gl07" | "json";
  readonly path: string;
  readonly content: Buffer;
}

/**
 * Writes every file, or none: each goes to a temporary file next to its target first, and only
 * when all of them are written are they renamed into place. A failure on the way removes the
 * temporary files and leaves the targets as they were.
 */
export function writeFiles(files: readonly OutputFile[]): Checked<string[]> {
  const targets = files.map((f) => resolve(f.path));
  const dupe = targets.find((t, i) => targets.indexOf(t) !== i);
  if (dupe) return problems(`Flere utdata skal skrives til samme fil: ${dupe}`);
  const temps: string[] = [];
  try {
    files.forEach((f, i) => {
      mkdirSync(dirname(targets[i]), { recursive: true });
      const temp = `${targets[i]}.${process.pid}.lonn-tmp`;
      temps.push(temp);
      writeFileSync(temp, f.content);
    });
    temps.forEach((temp, i) => renameSync(temp, targets[i]));
  } catch (e) {
    for (const temp of temps) rmSync(temp, { force: true });
    return problems(`Kunne ikke skrive utdata: ${(e as Error).message}. Ingen filer er endret.`);
  }
  return targets;
}

/** A file's bytes, or a Norwegian message naming the file. */
export function readFile(path: string): Checked<Buffer> {
  if (!existsSync(path)) return problems(`Fant ikke filen «${path}».`);
  try {
    return readFileSync(path);
  } catch (e) {
    return problems(`Kunne ikke lese «${path}»: ${(e as Error).message}`);
  }
}

/** A text file; UTF-8 unless it is not valid UTF-8, then Windows' Latin-1 (what older exports use). */
export function readTextFile(path: string): Checked<string> {
  const data = readFile(path);
  if (isProblems(data)) return data;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    return data.toString("latin1");
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Input files of `--summary`: the files given, and the .json and .xlsx files in each folder given (sorted by name). */
export function expandInputs(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (!isDirectory(p)) {
      out.push(p);
      continue;
    }
    const names = readdirSync(p)
      .filter((n) => !n.startsWith(".") && !n.startsWith("~$") && [".json", ".xlsx"].includes(extname(n).toLowerCase()))
      .sort((a, b) => a.localeCompare(b, "nb"));
    out.push(...names.map((n) => join(p, n)));
  }
  return out;
}

export const fileName = (path: string): string => basename(path);
