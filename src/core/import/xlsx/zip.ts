/**
 * The zip container of an .xlsx file (APPNOTE.TXT: the end record, the central directory, the
 * local headers), read from its bytes, once for both shells: the CLI checks every workbook it
 * opens through it (src/cli/xlsx/package-parts, inflating with Node's zlib), the pane reads a
 * journal the user picks through it (./sheet, inflating with ./inflate). Only what Excel,
 * LibreOffice and exceljs write is read: stored or deflated parts, no encryption, no ZIP64 (a
 * workbook is far below 4 GB), one disk. Every entry is checked against the file before a byte is
 * inflated: a directory that does not add up (APPNOTE 4.3.12/4.3.16), a part named twice, a local
 * header elsewhere than the directory says or under another name, parts that overlap (how a small
 * zip inflates to gigabytes), a part running past the directory.
 */

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  /** Where the part's (compressed) bytes start in the file. */
  readonly dataStart: number;
}

/**
 * Why a file's directory cannot be trusted, for the shell to put in its sentence: `not-zip` (the
 * caller says what the file is instead), an empty zip, a damaged one (`what`, a phrase), or one
 * lonn does not read (`why`, a whole clause: ZIP64, several disks, too many parts, encryption, a
 * compression method).
 */
export type ZipRefusal =
  | { readonly kind: "not-zip" }
  | { readonly kind: "empty" }
  | { readonly kind: "damaged"; readonly what: string }
  | { readonly kind: "unreadable"; readonly why: string };

export const isZipRefusal = (r: readonly ZipEntry[] | ZipRefusal): r is ZipRefusal => !Array.isArray(r);

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const u16 = (b: Uint8Array, at: number): number => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number): number => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** The end-of-central-directory record: in the last 22 + 65 535 bytes (its comment is at most 64 KiB). */
function findEnd(zip: Uint8Array): number {
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (u32(zip, i) === EOCD && i + 22 + u16(zip, i + 20) <= zip.length) return i;
  }
  return -1;
}

const damaged = (what: string): ZipRefusal => ({ kind: "damaged", what });
const unreadable = (why: string): ZipRefusal => ({ kind: "unreadable", why });
const ZIP64 = unreadable("pakken er i ZIP64-format, som lonn ikke leser. Åpne den i Excel og lagre den på nytt.");

/** The directory of a zip, every entry checked against the file; or why it cannot be trusted. `maxParts` bounds the work a hostile directory can ask for. */
export function readZipDirectory(zip: Uint8Array, maxParts: number, partsText: (n: number) => string): ZipEntry[] | ZipRefusal {
  if (zip.length < 4 || u32(zip, 0) !== LOCAL) return zip.length >= 22 && u32(zip, 0) === EOCD ? { kind: "empty" } : { kind: "not-zip" };
  const end = findEnd(zip);
  if (end < 0) return damaged("slutten av zip-pakken mangler; filen er trolig avkortet");
  const disk = u16(zip, end + 4);
  const dirDisk = u16(zip, end + 6);
  const onDisk = u16(zip, end + 8);
  const total = u16(zip, end + 10);
  const dirSize = u32(zip, end + 12);
  const dirStart = u32(zip, end + 16);
  if (total === 0xffff || dirStart === 0xffffffff || dirSize === 0xffffffff) return ZIP64;
  if (disk !== 0 || dirDisk !== 0 || onDisk !== total) return unreadable("pakken er delt over flere filer (flerdelt zip).");
  if (total > maxParts) return unreadable(`pakken har ${partsText(total)} deler; lonn leser arbeidsbøker med opptil ${partsText(maxParts)}.`);
  if (dirStart + dirSize > end) return damaged("zip-katalogen peker utenfor filen");

  const decoder = new TextDecoder("utf-8");
  const out: ZipEntry[] = [];
  const seen = new Set<string>();
  let p = dirStart;
  for (let n = 0; n < total; n++) {
    if (p + 46 > end || u32(zip, p) !== CENTRAL) return damaged("zip-katalogen er ufullstendig");
    const flags = u16(zip, p + 8);
    const method = u16(zip, p + 10);
    const crc = u32(zip, p + 16);
    const compressedSize = u32(zip, p + 20);
    const size = u32(zip, p + 24);
    const nameLength = u16(zip, p + 28);
    const extraLength = u16(zip, p + 30);
    const commentLength = u16(zip, p + 32);
    const local = u32(zip, p + 42);
    if (p + 46 + nameLength > end) return damaged("zip-katalogen er ufullstendig");
    const raw = zip.subarray(p + 46, p + 46 + nameLength);
    const name = decoder.decode(raw).replace(/^\//, "");
    p += 46 + nameLength + extraLength + commentLength;
    if (compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) return ZIP64;
    if (seen.has(name.toLowerCase())) return damaged(`delen «${name}» finnes to ganger`);
    seen.add(name.toLowerCase());
    if (flags & 0x1) return unreadable(`delen «${name}» er kryptert i zip-pakken. Åpne filen i Excel og lagre den på nytt uten kryptering.`);
    if (method !== 0 && method !== 8) return unreadable(`delen «${name}» er komprimert på en måte lonn ikke leser (metode ${method}). Åpne filen i Excel og lagre den på nytt.`);
    if (method === 0 && compressedSize !== size) return damaged(`delen «${name}» har to ulike størrelser`);
    if (local + 30 > dirStart || u32(zip, local) !== LOCAL) return damaged(`delen «${name}» finnes ikke der katalogen sier`);
    const localNameLength = u16(zip, local + 26);
    if (!sameBytes(zip.subarray(local + 30, local + 30 + localNameLength), raw)) return damaged(`delen «${name}» har et annet navn i katalogen enn i pakken`);
    const dataStart = local + 30 + localNameLength + u16(zip, local + 28);
    if (dataStart + compressedSize > dirStart) return damaged(`delen «${name}» går utenfor filen`);
    out.push({ name, method, flags, crc, compressedSize, size, dataStart });
  }
  if (p !== dirStart + dirSize) return damaged("zip-katalogen har en annen størrelse enn den oppgir");
  const byStart = [...out].sort((a, b) => a.dataStart - b.dataStart);
  for (let i = 1; i < byStart.length; i++) {
    const before = byStart[i - 1];
    if (before.dataStart + before.compressedSize > byStart[i].dataStart - 30) return damaged(`delene «${before.name}» og «${byStart[i].name}» overlapper`);
  }
  return out;
}

/** A part's stored or compressed bytes, as the directory placed them. */
export const zipEntryData = (zip: Uint8Array, e: ZipEntry): Uint8Array => zip.subarray(e.dataStart, e.dataStart + e.compressedSize);

/** A relationship target as a part name: relative to the folder of the part whose rels it is (OPC, ECMA-376 Part 2 §9.3). */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromPart.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/** The rels part of a part: `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export const relsOf = (part: string): string => {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
};
