/**
 * An .xlsx package (a zip, ECMA-376 Part 2) read and checked before exceljs sees it: exceljs's
 * zip library neither verifies checksums nor bounds what it inflates, and its errors are English
 * internals. So every file the CLI opens as a workbook passes here first, and what is wrong is
 * said in Norwegian, naming the file and the part:
 *
 * - what the file is when it is not a workbook: an encrypted workbook or an old .xls (both OLE2
 *   compound files), an .ods or .xlsb, a zip without a workbook, a text file;
 * - a damaged package: a directory that does not add up (APPNOTE 4.3.12/4.3.16), parts that
 *   overlap, a part whose bytes do not inflate to its size or CRC-32 (a flipped byte once read
 *   as B12 = 10 000 020 000), an encrypted or unknown compression method, a DTD;
 * - a workbook too big to read in reasonable time and memory, found BEFORE anything is inflated
 *   (LIMITS, below): the file's size, the uncompressed sizes from the zip directory (a zip bomb
 *   declares them or is caught lying when inflated, since no part is inflated past its declared
 *   size), and the cells the sheets' `<dimension ref>` promise; then, while the checksums are
 *   verified, the cells the sheets really hold (a dimension can lie).
 */
import { closeSync, fstatSync, openSync, readSync } from "fs";
import { basename } from "path";
import { constants, crc32, inflateRawSync } from "zlib";
import { Checked, problems } from "../../core/problem/problem";
import { parseRange } from "../../core/sheet/a1";
import { megabytesText, wholeNumberText } from "../../core/text";
import { isZipRefusal, readZipDirectory, relsOf, resolveTarget, ZipEntry } from "../../core/import/xlsx/zip";

/**
 * Limits far above any reconciliation workbook: the A10/A11 sheet has about 2 000 cells, a
 * Korreksjonsbilag of 6 000 voucher lines about 72 000, a year's pasted export a few hundred
 * thousand. exceljs needs about 1 GB and 20 s to read and write a million cells, so a workbook
 * over the cell limit is refused with a message instead of taking minutes and gigabytes.
 */
export const LIMITS = {
  /** The .xlsx file itself. */
  fileBytes: 100_000_000,
  /** All parts together, uncompressed (the directory's sizes, verified on inflating). */
  uncompressedBytes: 250_000_000,
  /** Cells in all sheets together (`<dimension ref>`, then the `<c>` elements themselves). */
  cells: 2_000_000,
  /** Parts in the package. */
  parts: 10_000,
} as const;


/** A part as the zip directory places it (core's one directory reader). */
export type PartEntry = ZipEntry;

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** The prefix every refusal of a file shares. */
const cannotRead = (file: string, why: string) => problems(`«${file}» kan ikke leses som en Excel-arbeidsbok (.xlsx): ${why}`);

const DAMAGED_ADVICE = "Åpne en kopi i Excel (som kan prøve å reparere den) og lagre den på nytt, eller hent filen på nytt.";

/** What a file that is not a zip is, from its first bytes. */
function notAZip(file: string, data: Buffer): Checked<never> {
  if (data.length === 0) return cannotRead(file, "filen er tom (0 byte).");
  if (data.subarray(0, 8).equals(CFB_MAGIC)) {
    // An OLE2 compound file: its directory names its streams in UTF-16LE.
    const has = (name: string) => data.includes(Buffer.from(name, "utf16le"));
    if (has("EncryptedPackage") || has("EncryptionInfo")) {
      return cannotRead(
        file,
        "den er kryptert med passord. Åpne den i Excel, fjern passordet (Fil > Info > Beskytt arbeidsbok > Krypter med passord, tøm feltet), lagre, og prøv igjen.",
      );
    }
    if (has("Workbook") || has("Book")) {
      return cannotRead(file, "den er en gammel Excel-fil (.xls, Excel 97–2003). Åpne den i Excel og lagre den som Excel-arbeidsbok (.xlsx), og prøv igjen.");
    }
    return cannotRead(file, "den er et dokument i Offices gamle binærformat, ikke en Excel-arbeidsbok. Lagre den som Excel-arbeidsbok (.xlsx) og prøv igjen.");
  }
  const head = data.subarray(0, 512);
  const text = !head.some((b) => b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d));
  if (text) {
    return cannotRead(
      file,
      "den er en tekstfil (for eksempel CSV, HTML eller XML), ikke en Excel-arbeidsbok. Åpne den i Excel og lagre den som Excel-arbeidsbok (.xlsx), og prøv igjen.",
    );
  }
  return cannotRead(file, "filen er verken en Excel-arbeidsbok eller en annen fil lonn kjenner igjen.");
}

/** The directory of a zip, every entry checked against the file (core/import/xlsx/zip); or why it cannot be trusted. */
export function readDirectory(file: string, zip: Buffer): Checked<PartEntry[]> {
  const directory = readZipDirectory(zip, LIMITS.parts, wholeNumberText);
  if (!isZipRefusal(directory)) return directory;
  switch (directory.kind) {
    case "not-zip":
      return notAZip(file, zip);
    case "empty":
      return cannotRead(file, "den er en tom zip-fil, uten noen arbeidsbok.");
    case "damaged":
      return cannotRead(file, `filen er skadet (${directory.what}). ${DAMAGED_ADVICE}`);
    case "unreadable":
      return cannotRead(file, directory.why);
  }
}

/** A part's bytes, inflated no further than its declared size; undefined when they do not match it or its CRC-32. */
function inflated(zip: Buffer, e: PartEntry): Buffer | undefined {
  const data = zip.subarray(e.dataStart, e.dataStart + e.compressedSize);
  let out: Buffer;
  try {
    out = e.method === 0 ? data : inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
  } catch {
    return undefined;
  }
  if (out.length !== e.size || crc32(out) >>> 0 !== e.crc >>> 0) return undefined;
  return out;
}

/** The start of a part, inflated as far as its first bytes go (for the sheet's `<dimension>`); "" when it cannot be. */
function head(zip: Buffer, e: PartEntry, bytes = 16_384): string {
  const data = zip.subarray(e.dataStart, e.dataStart + Math.min(e.compressedSize, bytes));
  try {
    const out = e.method === 0 ? data : inflateRawSync(data, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: 4_000_000 });
    return out.toString("utf8");
  } catch {
    return "";
  }
}

const unescapeXml = (t: string): string =>
  t.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** The attributes of one start tag. */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1], unescapeXml(m[2] ?? m[3] ?? ""));
  return out;
}

export { relsOf, resolveTarget };

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The part it points to (resolved), or the URL of an external target. */
  readonly target: string;
  readonly external: boolean;
}

export function relationships(relsXml: string | undefined, fromPart: string): Relationship[] {
  if (!relsXml) return [];
  return [...relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)].map((m) => {
    const a = attributes(m[1]);
    const external = a.get("TargetMode") === "External";
    const target = a.get("Target") ?? "";
    return { id: a.get("Id") ?? "", type: (a.get("Type") ?? "").replace(/.*\//, ""), target: external ? target : resolveTarget(fromPart, target), external };
  });
}

/** A verified package: its parts' names, and the text of the small ones kept for the checks after. */
export interface XlsxPackage {
  readonly file: string;
  readonly entries: readonly PartEntry[];
  /** Sheet name by worksheet part ("xl/worksheets/sheet1.xml" → "A10 SPK brutto"). */
  readonly sheets: ReadonlyMap<string, string>;
  /** Text of the small parts the checks read (workbook, rels, styles, comments, drawings …), kept. */
  readonly texts: ReadonlyMap<string, string>;
  /** Any part's text, inflated again when it was not kept; undefined for a part the package lacks. */
  text(name: string): string | undefined;
  /**
   * Calls `visit` with each worksheet part's bytes, verified, one at a time (sheets can be large;
   * none is kept).
   */
  eachSheet(visit: (part: string, xml: Buffer) => void): void;
}

const isWorksheet = (name: string): boolean => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);
const isKeptAsText = (name: string): boolean =>
  !isWorksheet(name) && !/^xl\/(media|embeddings)\//i.test(name) && name !== "xl/sharedStrings.xml" && !name.endsWith("/") && !/\.(bin|png|jpe?g|gif|emf|wmf|tiff?|bmp|svg|data)$/i.test(name);

/** Sheet names by worksheet part, from the workbook and its relationships. */
function sheetNames(texts: ReadonlyMap<string, string>): Map<string, string> {
  const rels = new Map(relationships(texts.get("xl/_rels/workbook.xml.rels"), "xl/workbook.xml").map((r) => [r.id, r.target]));
  const out = new Map<string, string>();
  for (const m of (texts.get("xl/workbook.xml") ?? "").matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const a = attributes(m[1]);
    const target = rels.get(a.get("r:id") ?? "");
    if (target && a.has("name")) out.set(target, a.get("name") as string);
  }
  return out;
}

const sheetLabel = (sheets: ReadonlyMap<string, string>, part: string): string => (sheets.has(part) ? `arket «${sheets.get(part)}» (${part})` : `delen «${part}»`);

/** Cells a sheet's XML holds: its `<c>` elements (a start tag "<c" followed by space, "/" or ">"). */
function cellElements(xml: Buffer): number {
  let n = 0;
  for (let i = xml.indexOf("<c"); i >= 0; i = xml.indexOf("<c", i + 2)) {
    const next = xml[i + 2];
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) n++;
  }
  return n;
}

function tooManyCells(file: string, what: string): Checked<never> {
  return cannotRead(
    file,
    `den har for mange celler (${what}); lonn leser arbeidsbøker med opptil ${wholeNumberText(LIMITS.cells)} celler. ` +
      "Slett ubrukte rader og kolonner (også de som bare er formatert), eller flytt store dataark til en egen arbeidsbok, og prøv igjen.",
  );
}

/**
 * Opens and checks a package held in memory (`file` is the name used in messages). Every part is
 * inflated once here, against its size and CRC-32; only the small parts' text is kept.
 */
export function openPackage(file: string, zip: Buffer): Checked<XlsxPackage> {
  const directory = readDirectory(file, zip);
  if (!Array.isArray(directory)) return directory;
  const names = new Set(directory.map((e) => e.name));
  const has = (n: string) => names.has(n);
  if (!has("xl/workbook.xml")) {
    if (has("xl/workbook.bin")) return cannotRead(file, "den er en binær Excel-arbeidsbok (.xlsb). Åpne den i Excel og lagre den som Excel-arbeidsbok (.xlsx), og prøv igjen.");
    const mimetype = directory.find((e) => e.name === "mimetype");
    const kind = mimetype ? (inflated(zip, mimetype)?.toString("utf8") ?? "") : "";
    if (kind.startsWith("application/vnd.oasis.opendocument")) {
      return cannotRead(file, "den er et OpenDocument-regneark (.ods). Åpne det i Excel eller LibreOffice og lagre det som Excel-arbeidsbok (.xlsx), og prøv igjen.");
    }
    if (has("word/document.xml") || has("ppt/presentation.xml")) return cannotRead(file, "den er et Word- eller PowerPoint-dokument, ikke en Excel-arbeidsbok.");
    return cannotRead(file, "den er en zip-fil, men ikke en Excel-arbeidsbok (xl/workbook.xml mangler).");
  }

  // Before inflating anything: what the directory and the sheets' dimensions say.
  const declared = directory.reduce((n, e) => n + e.size, 0);
  if (declared > LIMITS.uncompressedBytes) {
    return cannotRead(file, `den pakker seg ut til ${megabytesText(declared)}; lonn leser arbeidsbøker på opptil ${megabytesText(LIMITS.uncompressedBytes)} utpakket.`);
  }
  const sheetEntries = directory.filter((e) => isWorksheet(e.name));
  let promised = 0;
  let biggest: { part: string; ref: string; cells: number } | undefined;
  for (const e of sheetEntries) {
    const ref = head(zip, e).match(/<(?:\w+:)?dimension\b[^>]*\bref\s*=\s*"([^"]+)"/)?.[1];
    if (!ref) continue;
    try {
      const r = parseRange(ref.split(/\s+/)[0].replace(/\$/g, ""));
      const cells = (r.end.row - r.start.row + 1) * (r.end.col - r.start.col + 1);
      promised += cells;
      if (!biggest || cells > biggest.cells) biggest = { part: e.name, ref, cells };
    } catch {
      // An unreadable dimension says nothing; the cells are counted below.
    }
  }

  // Inflate and verify every part; keep the text of the small ones.
  const bad: string[] = [];
  const texts = new Map<string, string>();
  for (const e of directory) {
    if (isWorksheet(e.name) || e.name.endsWith("/")) continue;
    const data = inflated(zip, e);
    if (!data) bad.push(e.name);
    else if (isKeptAsText(e.name)) texts.set(e.name, data.toString("utf8"));
  }
  const sheets = sheetNames(texts);
  if (promised > LIMITS.cells && biggest) {
    const all = sheetEntries.length > 1 ? `; arkene til sammen ${wholeNumberText(promised)}` : "";
    return tooManyCells(file, `${sheetLabel(sheets, biggest.part)} bruker ${biggest.ref}, ${wholeNumberText(biggest.cells)} celler${all}`);
  }
  // A DTD can only stand before the root element, so the start of a part shows it.
  const doctype = [...texts].filter(([, text]) => /<!DOCTYPE/i.test(text.slice(0, 4096))).map(([name]) => name);
  const strings = directory.find((e) => e.name === "xl/sharedStrings.xml");
  if (strings && /<!DOCTYPE/i.test(head(zip, strings, 4096))) doctype.push(strings.name);
  let cells = 0;
  for (const e of sheetEntries) {
    const data = inflated(zip, e);
    if (!data) {
      bad.push(e.name);
      continue;
    }
    if (data.subarray(0, 4096).includes("<!DOCTYPE")) doctype.push(e.name);
    cells += cellElements(data);
    if (cells > LIMITS.cells) return tooManyCells(file, `over ${wholeNumberText(LIMITS.cells)} i arkene til og med ${sheetLabel(sheets, e.name)}`);
  }
  if (bad.length > 0) {
    const list = bad.map((b) => sheetLabel(sheets, b)).join(", ");
    return cannotRead(file, `filen er skadet: ${list} stemmer ikke med kontrollsummen (CRC-32) eller størrelsen i zip-pakken. ${DAMAGED_ADVICE}`);
  }
  if (doctype.length > 0) {
    return cannotRead(file, `${doctype.map((d) => sheetLabel(sheets, d)).join(", ")} har en DTD (<!DOCTYPE …>), som en .xlsx-fil aldri har. Åpne filen i Excel og lagre den på nytt.`);
  }

  const byName = new Map(directory.map((e) => [e.name, e]));
  return {
    file,
    entries: directory,
    sheets,
    texts,
    text(name) {
      if (texts.has(name)) return texts.get(name);
      const e = byName.get(name);
      return e ? inflated(zip, e)?.toString("utf8") : undefined;
    },
    eachSheet(visit) {
      for (const e of sheetEntries) {
        const data = inflated(zip, e);
        if (data) visit(e.name, data);
      }
    },
  };
}

/**
 * A workbook file's bytes, read only when the file is within LIMITS.fileBytes (so a huge file is
 * refused before it is read), with the file named in every message.
 */
export function readPackageFile(path: string): Checked<Buffer> {
  const file = basename(path);
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return problems(`Fant ikke filen «${path}».`);
    if (code === "EISDIR") return problems(`«${path}» er en mappe, ikke en fil.`);
    return problems(`Kunne ikke lese «${path}» (${code ?? "ukjent feil"}).`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return problems(`«${path}» er en mappe, ikke en fil.`);
    if (stat.size > LIMITS.fileBytes) return cannotRead(file, `filen er ${megabytesText(stat.size)}; lonn leser arbeidsbøker på opptil ${megabytesText(LIMITS.fileBytes)}.`);
    const data = Buffer.alloc(stat.size);
    let read = 0;
    while (read < data.length) {
      const n = readSync(fd, data, read, data.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return data.subarray(0, read);
  } catch (e) {
    return problems(`Kunne ikke lese «${path}» (${(e as NodeJS.ErrnoException).code ?? "ukjent feil"}).`);
  } finally {
    closeSync(fd);
  }
}

/**
 * Which part has XML a parser would refuse (unbalanced or mismatched tags, text outside the root),
 * for naming it when exceljs fails. A small check, not a validating parser: it finds the usual
 * damage (a cut or edited part).
 */
export function brokenXmlPart(pkg: XlsxPackage): string | undefined {
  const broken = (xml: string): boolean => {
    const stack: string[] = [];
    let root = false;
    const re = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<|>/g;
    let last = 0;
    for (const m of xml.matchAll(re)) {
      const between = xml.slice(last, m.index);
      last = (m.index ?? 0) + m[0].length;
      if (stack.length === 0 && root && between.trim() !== "") return true;
      if (m[0] === "<") return true;
      if (m[0] === ">" || m[2] === undefined) continue;
      if (m[1] === "/") {
        if (stack.pop() !== m[2]) return true;
      } else if (m[4] !== "/") {
        if (stack.length === 0 && root) return true;
        stack.push(m[2]);
        root = true;
      } else if (stack.length === 0) {
        if (root) return true;
        root = true;
      }
    }
    return stack.length > 0 || !root;
  };
  // VML is not always well-formed XML (Excel writes some HTML-like markup), so it is left out.
  for (const e of pkg.entries) {
    if (!/\.(xml|rels)$/i.test(e.name) || isWorksheet(e.name)) continue;
    const text = pkg.text(e.name);
    if (text !== undefined && broken(text)) return sheetLabel(pkg.sheets, e.name);
  }
  let found: string | undefined;
  pkg.eachSheet((part, xml) => {
    if (!found && broken(xml.toString("utf8"))) found = sheetLabel(pkg.sheets, part);
  });
  return found;
}

export const workbookProblem = cannotRead;
