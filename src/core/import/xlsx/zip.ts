/**
 * The zip container of an .xlsx file (APPNOTE.TXT: the end record, the central directory, the
 * local headers), read from its bytes: which parts there are, and a part's bytes, inflated and
 * checked against its CRC-32 and declared size. Only what Excel, LibreOffice and exceljs write is
 * read (stored or deflated parts, no encryption, no ZIP64: a payroll journal is far below 4 GB);
 * anything else is a message for the caller to put in a Norwegian sentence.
 */
import { inflateRaw } from "./inflate";

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export interface ZipPart {
  readonly name: string;
  readonly method: number;
  readonly encrypted: boolean;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeader: number;
}

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

/** Every part in the directory by name; or why the bytes are no zip we read (a short Norwegian phrase). */
export function zipParts(bytes: Uint8Array): Map<string, ZipPart> | string {
  let end = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 0xffff; at--) {
    if (u32(bytes, at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) return "filen er ikke en zip-pakke";
  const count = u16(bytes, end + 10);
  const dirStart = u32(bytes, end + 16);
  if (count === 0xffff || dirStart === 0xffffffff) return "pakken er i ZIP64-format";
  const parts = new Map<string, ZipPart>();
  let at = dirStart;
  const decoder = new TextDecoder("utf-8");
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL) return "katalogen i pakken er skadet";
    const nameLength = u16(bytes, at + 28);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    parts.set(name, {
      name,
      encrypted: (u16(bytes, at + 8) & 1) === 1,
      method: u16(bytes, at + 10),
      crc: u32(bytes, at + 16),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      localHeader: u32(bytes, at + 42),
    });
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return parts;
}

/** A part's bytes, inflated, of its declared size and CRC-32; or why not (a short Norwegian phrase naming the part). */
export function zipPartBytes(bytes: Uint8Array, part: ZipPart): Uint8Array | string {
  const damaged = `delen «${part.name}» er skadet`;
  if (part.encrypted) return `delen «${part.name}» er kryptert`;
  const local = part.localHeader;
  if (local + 30 > bytes.length || u32(bytes, local) !== LOCAL) return damaged;
  const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
  if (start + part.compressedSize > bytes.length) return damaged;
  const raw = bytes.subarray(start, start + part.compressedSize);
  const data = part.method === 0 ? (raw.length === part.size ? raw : undefined) : part.method === 8 ? inflateRaw(raw, part.size) : null;
  if (data === null) return `delen «${part.name}» er komprimert på en måte som ikke kan leses (metode ${part.method})`;
  return data !== undefined && crc32(data) === part.crc ? data : damaged;
}
