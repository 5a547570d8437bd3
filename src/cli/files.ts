/** Reading inputs and writing outputs: all outputs or none. */
import * as fs from "fs";
import { createReadStream, existsSync, readdirSync, readFileSync, realpathSync, statSync } from "fs";
import { basename, dirname, extname, join, resolve } from "path";
import { createCsvParser, CSV_LIMITS, CsvGrid } from "../core/import/csv";
import { createTextBytesDecoder } from "../core/import/text-bytes";
import { append } from "../core/list";
import { Checked, isProblems, Problems, problems } from "../core/problem/problem";
import { megabytesText } from "../core/text";

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

/** A path's size, or why it cannot be read as an input file (missing, a folder, unreadable). */
function inputFileSize(path: string): Checked<number> {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return problems(`«${path}» er en mappe, ikke en fil.`);
    return stat.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return problems(code === "ENOENT" ? `Fant ikke filen «${path}».` : `Kunne ikke lese «${path}» (${code ?? "ukjent feil"}).`);
  }
}

/**
 * A text file larger than CSV_LIMITS.bytes is refused before a byte of it is read: no export,
 * scenario or oppsett of one virksomhet and year is that large (core/import/csv.ts).
 */
function tooLarge(path: string, size: number): Problems | undefined {
  if (size <= CSV_LIMITS.bytes) return undefined;
  return problems(
    `Filen er ${megabytesText(size)}; lonn leser tekstfiler (CSV, JSON) på opptil ${megabytesText(CSV_LIMITS.bytes)}, mer enn den største eksporten for én virksomhet og ett år. ` +
      "Ta ut eksporten for en kortere periode, eller bare lønnsartene og kontoene avstemmingen bruker.",
    { sheet: basename(path) },
  );
}

/**
 * A text file (JSON) whole, decoded as core's decoder decides (UTF-8, UTF-16, Windows-1252; a
 * UTF-8 file with a bad byte is a problem naming its line), refused unread when it is too large.
 */
export function readTextFile(path: string): Checked<string> {
  const size = inputFileSize(path);
  if (isProblems(size)) return size;
  const big = tooLarge(path, size);
  if (big) return big;
  const data = readFile(path);
  if (isProblems(data)) return data;
  const decoder = createTextBytesDecoder(basename(path), "JSON");
  const text = decoder.write(data);
  if (isProblems(text)) return text;
  const rest = decoder.end();
  return isProblems(rest) ? rest : text + rest;
}

/** Bytes read at a time from an input file. */
export const CHUNK_SIZE = 1 << 20;

/**
 * A file's bytes, chunk by chunk, into `take`, which may stop the reading by returning a problem;
 * a problem naming the file when it cannot be read.
 */
export async function streamBytes(path: string, take: (bytes: Buffer) => Problems | undefined, options: { readonly chunkSize?: number; readonly file?: string } = {}): Promise<Checked<void>> {
  try {
    const stream = createReadStream(path, { highWaterMark: options.chunkSize ?? CHUNK_SIZE });
    for await (const data of stream as AsyncIterable<Buffer>) {
      const stop = take(data);
      if (stop) {
        stream.destroy();
        return stop;
      }
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const file = options.file ?? path;
    if (code === "EISDIR") return problems(`«${path}» er en mappe, ikke en fil.`, { file });
    return problems(code === "ENOENT" ? `Fant ikke filen «${path}».` : `Kunne ikke lese «${path}»: ${(e as Error).message}`, { file });
  }
  return undefined;
}

/**
 * A CSV export as a grid, streamed: the file is refused unread when it is larger than
 * CSV_LIMITS.bytes, decoded and parsed chunk by chunk (core's decoder and parser), and the
 * reading stops at the first problem (a bad byte, a limit), so neither a huge file nor its text
 * is ever held whole. Problems name the file as the grid's sheet.
 */
export async function readCsvFile(path: string, options: { readonly chunkSize?: number } = {}): Promise<Checked<CsvGrid>> {
  const sheet = basename(path);
  const size = inputFileSize(path);
  if (isProblems(size)) return size;
  const big = tooLarge(path, size);
  if (big) return big;
  const decoder = createTextBytesDecoder(sheet, "CSV");
  const parser = createCsvParser({ sheet });
  const feed = (text: Checked<string>): Problems | undefined => {
    if (isProblems(text)) return text;
    parser.write(text);
    return parser.problem ? new Problems([parser.problem]) : undefined;
  };
  const read = await streamBytes(path, (bytes) => feed(decoder.write(bytes)), { ...options, file: sheet });
  if (isProblems(read)) return read;
  const last = feed(decoder.end());
  return last ?? parser.end();
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
    append(out, names.map((n) => join(p, n)));
  }
  return out;
}

export const fileName = (path: string): string => basename(path);
