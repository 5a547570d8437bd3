/**
 * Feeding an XML file to one of core's streaming readers (the a-melding, SAF-T): the file is read
 * in chunks and decoded as it goes, so a year of a large firm's ledger never sits in memory whole.
 *
 * Decoding: a byte-order mark (UTF-8, UTF-16LE, UTF-16BE) wins; else the XML declaration's
 * `encoding` (UTF-8, ISO-8859-1/Latin-1, Windows-1252, US-ASCII); else UTF-8, as XML says. UTF-8
 * that is not valid UTF-8 is a problem naming the file, not replacement characters in a name.
 */
import { AmeldingFile, AmeldingImport, AmeldingOptions, combineAmeldinger, createAmeldingReader } from "../core/import/amelding";
import { createSaftReader, SaftImport, SaftOptions } from "../core/import/saft";
import { StreamReader } from "../core/import/xml/stream";
import { Checked, isProblems, Problems, problems } from "../core/problem/problem";
import { byteOrderMark } from "../core/import/text-bytes";
import { streamBytes } from "./files";

/** Bytes read before the encoding is chosen (a byte-order mark or the XML declaration). */
const HEAD_BYTES = 512;

/** Something that takes text in chunks. */
export interface TextSink {
  write(chunk: string): void;
}

const ENCODINGS: Readonly<Record<string, string>> = {
  "utf-8": "utf-8",
  utf8: "utf-8",
  "us-ascii": "utf-8",
  ascii: "utf-8",
  "iso-8859-1": "latin1",
  "iso8859-1": "latin1",
  latin1: "latin1",
  "latin-1": "latin1",
  "windows-1252": "windows-1252",
  cp1252: "windows-1252",
  "utf-16": "utf-16le",
  "utf-16le": "utf-16le",
  "utf-16be": "utf-16be",
};

/** The decoder for a file starting with `head`, and how many bytes of byte-order mark to skip; or a problem. */
function decoderFor(file: string, head: Buffer): { decoder: TextDecoder; skip: number } | Problems {
  const mark = byteOrderMark(head);
  if (mark) return { decoder: new TextDecoder(mark.encoding, { fatal: true }), skip: mark.length };
  const declaration = head.subarray(0, 512).toString("latin1").match(/^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/);
  const name = declaration ? declaration[1].toLowerCase() : "utf-8";
  const encoding = ENCODINGS[name];
  if (encoding === undefined) return problems(`Tegnsettet «${declaration?.[1]}» i XML-deklarasjonen leses ikke; lagre filen som UTF-8.`, { file });
  return { decoder: new TextDecoder(encoding, { fatal: encoding === "utf-8" }), skip: 0 };
}

/** The file's text, chunk by chunk, into `sink`; a problem when the file cannot be read or decoded. */
export async function streamTextFile(path: string, sink: TextSink, options: { readonly chunkSize?: number; readonly file?: string } = {}): Promise<Checked<void>> {
  const file = options.file ?? path;
  let decoder: TextDecoder | undefined;
  let head: Buffer[] = [];
  let headLength = 0;
  let offset = 0;
  const decode = (bytes: Buffer, final: boolean): Problems | undefined => {
    try {
      const text = (decoder as TextDecoder).decode(bytes, { stream: !final });
      if (text.length > 0) sink.write(text);
    } catch {
      return problems(`Filen er ikke gyldig UTF-8 (feil i byte ${offset + 1}–${offset + bytes.length}); lagre den som UTF-8, eller oppgi tegnsettet i XML-deklarasjonen.`, { file });
    }
    offset += bytes.length;
    return undefined;
  };
  /** The first bytes decide the encoding: wait for enough of them to hold the XML declaration. */
  const start = (): Problems | undefined => {
    const bytes = Buffer.concat(head);
    head = [];
    const chosen = decoderFor(file, bytes);
    if (isProblems(chosen)) return chosen;
    decoder = chosen.decoder;
    offset = chosen.skip;
    return decode(bytes.subarray(chosen.skip), false);
  };
  const read = await streamBytes(
    path,
    (data) => {
      if (decoder) return decode(data, false);
      head.push(data);
      headLength += data.length;
      return headLength >= HEAD_BYTES ? start() : undefined;
    },
    { ...options, file },
  );
  if (isProblems(read)) return read;
  return (!decoder && headLength > 0 ? start() : undefined) ?? (decoder ? decode(Buffer.alloc(0), true) : undefined);
}

/** A file through a streaming reader: the reader's result, or the file's problem. */
export async function readXmlFile<T>(path: string, reader: StreamReader<T>, options: { readonly chunkSize?: number; readonly file?: string } = {}): Promise<Checked<T>> {
  const read = await streamTextFile(path, reader, options);
  if (isProblems(read)) return read;
  return reader.end();
}

/** Problems name a file by its path as the user gave it, or by what `fileName` makes of the path. */
export interface XmlFileOptions {
  readonly chunkSize?: number;
  readonly fileName?: (path: string) => string;
}

/** The a-melding files of a year, each streamed, then combined (replacements applied); every problem of every file at once. */
export async function readAmeldingFiles(paths: readonly string[], options: AmeldingOptions & XmlFileOptions = {}): Promise<Checked<AmeldingImport>> {
  const files: Checked<AmeldingFile>[] = [];
  for (const path of paths) {
    const file = options.fileName ? options.fileName(path) : path;
    files.push(await readXmlFile(path, createAmeldingReader(file), { ...options, file }));
  }
  return combineAmeldinger(files, options);
}

/** A SAF-T Financial file, streamed; only the asked accounts' lines are kept. */
export async function readSaftFile(path: string, options: Omit<SaftOptions, "file"> & XmlFileOptions): Promise<Checked<SaftImport>> {
  const file = options.fileName ? options.fileName(path) : path;
  return readXmlFile(path, createSaftReader({ ...options, file }), { ...options, file });
}
