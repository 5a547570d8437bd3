/**
 * A tiny zip reader and writer for tests that build or damage .xlsx packages part by part
 * (APPNOTE.TXT: local headers, central directory, end record; deflate or stored, CRC-32 from
 * Node's zlib). Entries keep their order, so a package can be read, changed and written back.
 */
import { crc32, deflateRawSync, inflateRawSync } from "zlib";

export interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
  /** 8 (deflate, default) or 0 (stored). */
  readonly method?: 0 | 8;
}

/** Every entry of a zip, in directory order (stored or deflated only). */
export function readZip(zip: Buffer): ZipEntry[] {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("ikke en zip-fil");
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const extra = zip.readUInt16LE(p + 30);
    const comment = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString("utf8", p + 46, p + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + compressed);
    out.push({ name, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw), method: method === 8 ? 8 : 0 });
    p += 46 + nameLength + extra + comment;
  }
  return out;
}

export interface WriteOptions {
  /** Change the stored bytes of one entry after its CRC is computed (a damaged part). */
  readonly damage?: { readonly name: string; readonly at: (compressed: Buffer) => void };
  /** Claim other sizes in the directory than the data has (a lying package). */
  readonly claimedSize?: Readonly<Record<string, number>>;
}

/** A zip of the entries (deflated unless stored), with a correct CRC-32 and sizes unless told otherwise. */
export function writeZip(entries: readonly ZipEntry[], options: WriteOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const method = e.method ?? 8;
    const body = method === 8 ? deflateRawSync(e.data) : Buffer.from(e.data);
    if (options.damage?.name === e.name) options.damage.at(body);
    const crc = crc32(e.data) >>> 0;
    const size = options.claimedSize?.[e.name] ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0, 10); // time and date
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The entries as a map by name (text of XML parts is `map.get(name)!.toString()`). */
export const zipMap = (zip: Buffer): Map<string, Buffer> => new Map(readZip(zip).map((e) => [e.name, e.data]));

/** A package with some parts replaced or added (`null` removes one); order kept, new parts last. */
export function withParts(zip: Buffer, parts: Readonly<Record<string, string | Buffer | null>>): Buffer {
  const entries = readZip(zip);
  const out: ZipEntry[] = [];
  for (const e of entries) {
    if (!(e.name in parts)) out.push(e);
    else if (parts[e.name] !== null) out.push({ name: e.name, data: Buffer.from(parts[e.name] as string | Buffer) });
  }
  for (const [name, data] of Object.entries(parts)) {
    if (data !== null && !entries.some((e) => e.name === name)) out.push({ name, data: Buffer.from(data) });
  }
  return writeZip(out);
}
