/**
 * A look inside an .xlsx package (a zip) without a zip library: the names of its parts and the text
 * of one part. Used only to find what exceljs would lose when it writes a workbook back, before
 * anything is written (ECMA-376 Part 2; the zip format's central directory, APPNOTE 4.3.12/4.3.16).
 */
import { inflateRawSync } from "zlib";

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly localHeader: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function entries(zip: Buffer): Entry[] {
  // The end-of-central-directory record is in the last 22 + 65 535 bytes (its comment is at most 64 KiB).
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return [];
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const out: Entry[] = [];
  for (let n = 0; n < count && p + 46 <= zip.length && zip.readUInt32LE(p) === CENTRAL; n++) {
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    out.push({
      name: zip.toString("utf8", p + 46, p + 46 + nameLength),
      method: zip.readUInt16LE(p + 10),
      compressedSize: zip.readUInt32LE(p + 20),
      localHeader: zip.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

/** The part names of the package; empty when it is not a zip this reader understands. */
export function partNames(zip: Buffer): string[] {
  try {
    return entries(zip).map((e) => e.name);
  } catch {
    return [];
  }
}

/** The text of one part (stored or deflated), or undefined. */
export function partText(zip: Buffer, name: string): string | undefined {
  try {
    const e = entries(zip).find((x) => x.name === name);
    if (!e || zip.readUInt32LE(e.localHeader) !== LOCAL) return undefined;
    const start = e.localHeader + 30 + zip.readUInt16LE(e.localHeader + 26) + zip.readUInt16LE(e.localHeader + 28);
    const data = zip.subarray(start, start + e.compressedSize);
    if (e.method === 0) return data.toString("utf8");
    if (e.method === 8) return inflateRawSync(data).toString("utf8");
    return undefined;
  } catch {
    return undefined;
  }
}
