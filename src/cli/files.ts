/** Reading inputs and writing outputs: all outputs or none. */
import * as fs from "fs";
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "fs";
import { basename, dirname, extname, join, resolve } from "path";
import { decodeText } from "../core/import/text-file";
import { Checked, isProblems, problems } from "../core/problem/problem";

/** One output file, ready to be written. */
export interface OutputFile {
  readonly type: "xlsx" | "csv" | "gl07" | "json";
  readonly path: string;
  readonly content: Buffer;
}

/** The file operations writeFiles uses; tests pass their own to make one fail. */
export interface FileOps {
  writeFileSync(path: string, data: Buffer | string): void;
  renameSync(from: string, to: string): void;
  linkSync(existing: string, link: string): void;
  copyFileSync(from: string, to: string): void;
  rmSync(path: string, options: { force: true }): void;
  mkdirSync(path: string, options: { recursive: true }): void;
  fsyncFile(path: string): void;
}

export const NODE_FILE_OPS: FileOps = {
  writeFileSync: (path, data) => fs.writeFileSync(path, data),
  renameSync: (from, to) => fs.renameSync(from, to),
  linkSync: (existing, link) => fs.linkSync(existing, link),
  copyFileSync: (from, to) => fs.copyFileSync(from, to),
  rmSync: (path, options) => fs.rmSync(path, options),
  mkdirSync: (path, options) => void fs.mkdirSync(path, options),
  fsyncFile: (path) => {
    const fd = fs.openSync(path, "r+");
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  },
};

/** Our temporary files: `UT.csv.1234.lonn-tmp` (new content), `UT.csv.1234.lonn-old` (the file it replaces). */
const OURS = /^(.+)\.(\d+)\.lonn-(tmp|old)$/;
/** The record of one write in progress, in every folder it writes to: `.lonn-1234.journal`. */
const JOURNAL = /^\.lonn-(\d+)\.journal$/;

interface JournalEntry {
  readonly target: string;
  readonly temp: string;
  /** The backup of the file it replaces, when there was one. */
  readonly backup?: string;
  /** The temp file's inode: the target is ours (and may be rolled back) only while it has it. */
  readonly ino: number;
}

/** Whether a process runs (a process of another user answers EPERM: it runs). */
function running(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

const inodeOf = (path: string): number | undefined => {
  try {
    return statSync(path).ino;
  } catch {
    return undefined;
  }
};

/**
 * Undoes a write that did not finish: every target that got its new file gets its old one back
 * (or is removed, when it did not exist before), every temporary file and backup goes. A target
 * changed since (not the file we renamed there) is left as it is. Returns the targets it could
 * not restore.
 */
function rollBack(entries: readonly JournalEntry[], ops: FileOps): string[] {
  const failed: string[] = [];
  for (const e of entries) {
    try {
      if (existsSync(e.temp)) ops.rmSync(e.temp, { force: true });
      else if (inodeOf(e.target) === e.ino) {
        if (e.backup && existsSync(e.backup)) ops.renameSync(e.backup, e.target);
        else if (!e.backup) ops.rmSync(e.target, { force: true });
      }
      if (e.backup) ops.rmSync(e.backup, { force: true });
    } catch {
      failed.push(e.target);
    }
  }
  return failed;
}

/**
 * Our leftovers in `folder` from processes that no longer run (killed between writing and
 * renaming): an unfinished write's journal is rolled back, so its outputs are all old again;
 * temporary files and backups with no journal are removed. Files of a running process, and
 * files not named as ours, are never touched.
 */
export function cleanUpStale(folder: string, ops: FileOps = NODE_FILE_OPS): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const m = name.match(JOURNAL);
    if (!m || running(Number(m[1]))) continue;
    const path = join(folder, name);
    let entries: JournalEntry[] = [];
    try {
      entries = (JSON.parse(readFileSync(path, "utf8")) as { entries: JournalEntry[] }).entries;
    } catch {
      // A journal cut short was written before any backup or rename: its temporary files go below.
    }
    if (rollBack(entries, ops).length === 0) {
      for (const folderOf of new Set(entries.map((e) => dirname(e.target)))) ops.rmSync(join(folderOf, name), { force: true });
      ops.rmSync(path, { force: true });
    }
  }
  for (const name of names) {
    const m = name.match(OURS);
    // A journal that is still there (its roll-back failed) keeps its files for the next try.
    if (m && !running(Number(m[2])) && !existsSync(join(folder, `.lonn-${m[2]}.journal`))) ops.rmSync(join(folder, name), { force: true });
  }
}

const errorCode = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/**
 * Writes every file, or none. Each goes to a temporary file next to its target first; when all
 * are written (and flushed to disk), a journal in each target folder lists them, each existing
 * target gets a backup (a hard link, so the old file stays whole), and only then are they renamed
 * into place, one by one. A failure on the way puts every target back as it was. A process killed
 * between the renames leaves the journal: the next write to that folder (of any lonn) rolls it
 * back first, so a set of outputs appears together or not at all; and it removes our stale
 * temporary files of processes that no longer run.
 */
export function writeFiles(files: readonly OutputFile[], ops: FileOps = NODE_FILE_OPS): Checked<string[]> {
  const targets = files.map((f) => resolve(f.path));
  const ids = targets.map((t) => fileIdentity(t));
  const dupe = targets.find((_, i) => ids.indexOf(ids[i]) !== i);
  if (dupe) return problems(`Flere utdata skal skrives til samme fil: ${dupe}`);
  const folders = [...new Set(targets.map((t) => dirname(t)))];
  const journal = `.lonn-${process.pid}.journal`;
  const entries: JournalEntry[] = [];
  const written: string[] = [];
  const temps: string[] = [];
  let journaled = false;
  try {
    for (const folder of folders) {
      ops.mkdirSync(folder, { recursive: true });
      cleanUpStale(folder, ops);
    }
    files.forEach((f, i) => {
      const temp = `${targets[i]}.${process.pid}.lonn-tmp`;
      temps.push(temp);
      ops.writeFileSync(temp, f.content);
      ops.fsyncFile(temp);
    });
    targets.forEach((target, i) => {
      entries.push({ target, temp: temps[i], ino: inodeOf(temps[i]) ?? -1, ...(existsSync(target) ? { backup: `${target}.${process.pid}.lonn-old` } : {}) });
    });
    const record = JSON.stringify({ pid: process.pid, entries }, null, 1);
    for (const folder of folders) {
      ops.writeFileSync(join(folder, `${journal}.${process.pid}.lonn-tmp`), record);
      ops.renameSync(join(folder, `${journal}.${process.pid}.lonn-tmp`), join(folder, journal));
    }
    journaled = true;
    for (const e of entries) {
      if (!e.backup) continue;
      try {
        ops.linkSync(e.target, e.backup);
      } catch {
        ops.copyFileSync(e.target, e.backup);
      }
    }
    for (const e of entries) {
      ops.renameSync(e.temp, e.target);
      written.push(e.target);
    }
  } catch (e) {
    const failed = rollBack(entries.length > 0 ? entries : temps.map((temp, i) => ({ target: targets[i], temp, ino: -1 })), ops);
    if (journaled && failed.length === 0) for (const folder of folders) ops.rmSync(join(folder, journal), { force: true });
    for (const folder of folders) ops.rmSync(join(folder, `${journal}.${process.pid}.lonn-tmp`), { force: true });
    if (failed.length > 0) {
      const kept = written.filter((w) => failed.includes(w));
      return problems(
        `Kunne ikke skrive utdata (${errorCode(e)}), og ${kept.length > 0 ? `disse er allerede skrevet og kunne ikke settes tilbake: ${kept.join(", ")}` : `disse kunne ikke ryddes: ${failed.join(", ")}`}. ` +
          "De andre utdatafilene er som før.",
      );
    }
    return problems(`Kunne ikke skrive utdata (${errorCode(e)}). Ingen filer er endret.`);
  }
  // Every output is in place: the journal goes first (the write is done), then the backups.
  for (const folder of folders) ops.rmSync(join(folder, journal), { force: true });
  for (const e of entries) if (e.backup) ops.rmSync(e.backup, { force: true });
  return targets;
}

/**
 * What a path names on disk, for telling whether two paths are the same file: the device and
 * inode of an existing file (symbolic links and hard links included), else the real path of its
 * folder with its name (a file still to be written).
 */
export function fileIdentity(path: string): string {
  try {
    const s = statSync(path);
    return `inode:${s.dev}:${s.ino}`;
  } catch {
    try {
      return `path:${join(realpathSync.native(dirname(resolve(path))), basename(path))}`;
    } catch {
      return `path:${resolve(path)}`;
    }
  }
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
  return isProblems(data) ? data : decodeText(data);
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
