/** Reading inputs and writing outputs: all outputs or none. */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "fs";
import { basename, dirname, extname, join, resolve } from "path";
import { isRuleError, Result, valueError } from "../core/errors";
import type { Fil } from "./pipeline";

/**
 * Writes every file, or none: each goes to a temporary file next to its target first, and only
 * when all of them are written are they renamed into place. A failure on the way removes the
 * temporary files and leaves the targets as they were.
 */
export function skrivFiler(filer: readonly Fil[]): Result<string[]> {
  const targets = filer.map((f) => resolve(f.sti));
  const dupe = targets.find((t, i) => targets.indexOf(t) !== i);
  if (dupe) return valueError(`Flere utdata skal skrives til samme fil: ${dupe}`);
  const temps: string[] = [];
  try {
    filer.forEach((f, i) => {
      mkdirSync(dirname(targets[i]), { recursive: true });
      const temp = `${targets[i]}.${process.pid}.lonn-tmp`;
      temps.push(temp);
      writeFileSync(temp, f.innhold);
    });
    temps.forEach((temp, i) => renameSync(temp, targets[i]));
  } catch (e) {
    for (const temp of temps) rmSync(temp, { force: true });
    return valueError(`Kunne ikke skrive utdata: ${(e as Error).message}. Ingen filer er endret.`);
  }
  return targets;
}

/** A file's bytes, or a Norwegian message naming the file. */
export function lesFil(path: string): Result<Buffer> {
  if (!existsSync(path)) return valueError(`Fant ikke filen «${path}».`);
  try {
    return readFileSync(path);
  } catch (e) {
    return valueError(`Kunne ikke lese «${path}»: ${(e as Error).message}`);
  }
}

/** A text file; UTF-8 unless it is not valid UTF-8, then Windows' Latin-1 (what older exports use). */
export function lesTekst(path: string): Result<string> {
  const data = lesFil(path);
  if (isRuleError(data)) return data;
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
export function utvidInndata(paths: readonly string[]): string[] {
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

export const filnavn = (path: string): string => basename(path);
