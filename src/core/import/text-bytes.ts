/**
 * The bytes of a text export (CSV) as text, decoded chunk by chunk as a shell streams the file.
 *
 * Exports come in every encoding Norwegian systems write, and a wrong guess loses a letter (and
 * with it a column: «Lønnsart» read as «LÃ¸nnsart» is not found), so:
 * - a byte-order mark wins: UTF-8, UTF-16LE or UTF-16BE;
 * - without one, UTF-16 is recognised by its NUL bytes (every other byte of ASCII text is 0), LE
 *   or BE by where they stand;
 * - else the text is UTF-8 as long as it is valid UTF-8. At the first byte that is not: if the
 *   file had no UTF-8 letters before it, it is read as Windows-1252 (what older Norwegian
 *   exports and Excel's plain «CSV» write), unless UTF-8 letters turn up after it; a file that is
 *   UTF-8 with a bad byte is refused naming the line, never read as Windows-1252 with its
 *   letters garbled;
 * - a file that is not text at all (a workbook, an old .xls, a zip) is named for what it is.
 *
 * Only web-standard TextDecoder is used, so core stays pure.
 */
import { Checked, Problem, Problems } from "../problem/problem";

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/** A byte-order mark at the start of `head`: its encoding and length. */
export function byteOrderMark(head: Uint8Array): { readonly encoding: "utf-8" | "utf-16le" | "utf-16be"; readonly length: number } | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return undefined;
}

/** Bytes looked at before choosing (a byte-order mark, UTF-16's NUL bytes, a file signature). */
const HEAD_BYTES = 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);

export interface TextBytesDecoder {
  /** The text of `bytes` (some bytes may wait for the next chunk), or the problem that stops reading. */
  write(bytes: Uint8Array): Checked<string>;
  /** The rest of the text. */
  end(): Checked<string>;
  /** The encoding chosen (once there were enough bytes to choose). */
  readonly encoding: TextEncoding | undefined;
}

/** A decoder for one file; `sheet` names the file in messages, `kind` says what it should be. */
export function createTextBytesDecoder(sheet: string, kind: "CSV" | "JSON" = "CSV"): TextBytesDecoder {
  return new BytesDecoder(sheet, kind);
}

/** What to do about a file in the wrong encoding. */
const SAVE_AS_UTF8 = "lagre filen på nytt som UTF-8 (i Excel: «CSV UTF-8»)";

const concat = (a: Uint8Array, b: Uint8Array): Uint8Array => {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
};

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, "0")}`;

class BytesDecoder implements TextBytesDecoder {
  encoding: TextEncoding | undefined;
  private head: Uint8Array = new Uint8Array(0);
  /** A byte-order mark said UTF-8: a bad byte is never Windows-1252. */
  private markedUtf8 = false;
  private decoder: TextDecoder | undefined;
  /** UTF-8: the bytes of a character cut by the chunk's end. */
  private pending: Uint8Array = new Uint8Array(0);
  /** UTF-8 letters seen so far (a multi-byte sequence that is valid). */
  private utf8Seen = false;
  /** Line feeds before the bytes now being looked at. */
  private lines = 0;
  /** Windows-1252 chosen at this line's bad byte (for the message if UTF-8 turns up later). */
  private fallbackAt: { line: number; byte: number } | undefined;
  private failure: Problems | undefined;

  constructor(
    private readonly sheet: string,
    private readonly kind: "CSV" | "JSON",
  ) {}

  write(bytes: Uint8Array): Checked<string> {
    if (this.failure) return this.failure;
    if (this.encoding === undefined) {
      this.head = concat(this.head, bytes);
      if (this.head.length < HEAD_BYTES) return "";
      const chosen = this.choose();
      if (chosen !== undefined) return chosen;
      const head = this.head;
      this.head = new Uint8Array(0);
      return this.take(head);
    }
    return this.take(bytes);
  }

  end(): Checked<string> {
    if (this.failure) return this.failure;
    let text = "";
    if (this.encoding === undefined) {
      const chosen = this.choose();
      if (chosen !== undefined) return chosen;
      const head = this.head;
      this.head = new Uint8Array(0);
      const first = this.take(head);
      if (typeof first !== "string") return first;
      text = first;
    }
    if (this.encoding === "utf-8" && this.pending.length > 0) {
      // A character cut off by the end of the file.
      const rest = this.pending;
      this.pending = new Uint8Array(0);
      const bad = this.badUtf8(rest, 0);
      if (bad) return bad;
      text += windows1252(rest);
    }
    try {
      return text + (this.decoder?.decode() ?? "");
    } catch {
      return this.fail(this.lines + 1, `Filen er ${this.encoding === "utf-16be" ? "UTF-16BE" : "UTF-16LE"}, men slutter midt i et tegn; ${SAVE_AS_UTF8}.`);
    }
  }

  /** The encoding, from the head; a problem when the file is not text. */
  private choose(): Problems | undefined {
    const head = this.head;
    const mark = byteOrderMark(head);
    if (mark) {
      this.use(mark.encoding);
      this.markedUtf8 = mark.encoding === "utf-8";
      this.head = head.subarray(mark.length);
      return undefined;
    }
    if (startsWith(head, ZIP)) {
      const hint = this.kind === "CSV" ? " Gi den endelsen .xlsx hvis den er en arbeidsbok, eller åpne den i Excel og lagre den som «CSV UTF-8»." : "";
      return this.fail(undefined, `Filen er en zip-pakke (trolig en Excel-arbeidsbok, .xlsx), ikke en ${this.kind}-fil.${hint}`);
    }
    if (startsWith(head, OLE2)) {
      const hint = this.kind === "CSV" ? " Åpne den i Excel og lagre den som «CSV UTF-8» eller som Excel-arbeidsbok (.xlsx)." : "";
      return this.fail(undefined, `Filen er en gammel Excel-fil (.xls) eller en passordbeskyttet arbeidsbok, ikke en ${this.kind}-fil.${hint}`);
    }
    let even = 0;
    let odd = 0;
    for (let i = 0; i < head.length; i++) {
      if (head[i] !== 0) continue;
      if (i % 2 === 0) even++;
      else odd++;
    }
    if (even + odd > 0) {
      const pairs = Math.floor(head.length / 2);
      if (odd >= pairs / 4 && even === 0) this.use("utf-16le");
      else if (even >= pairs / 4 && odd === 0) this.use("utf-16be");
      else return this.fail(undefined, `Filen har NUL-byte og er ikke en tekstfil (${this.kind}); ${SAVE_AS_UTF8}.`);
      return undefined;
    }
    this.use("utf-8");
    return undefined;
  }

  private use(encoding: TextEncoding): void {
    this.encoding = encoding;
    // UTF-8 is checked byte by byte here (to name the line), Windows-1252 needs no state; UTF-16 by the decoder.
    this.decoder = encoding === "utf-16le" || encoding === "utf-16be" ? new TextDecoder(encoding, { fatal: true }) : undefined;
  }

  private take(bytes: Uint8Array): Checked<string> {
    if (this.encoding === "utf-8") return this.takeUtf8(bytes);
    if (this.encoding === "windows-1252") {
      const ahead = this.utf8After(bytes);
      if (ahead) return ahead;
      return windows1252(bytes);
    }
    try {
      const text = (this.decoder as TextDecoder).decode(bytes, { stream: true });
      this.lines += countLines(text);
      return text;
    } catch {
      const name = this.encoding === "utf-16be" ? "UTF-16BE" : "UTF-16LE";
      return this.fail(this.lines + 1, `Filen er ${name}, men har et ugyldig tegn på denne raden eller like etter; ${SAVE_AS_UTF8}.`);
    }
  }

  /** Valid UTF-8 as text; a character cut by the chunk's end waits for the next chunk. */
  private takeUtf8(chunk: Uint8Array): Checked<string> {
    const bytes = concat(this.pending, chunk);
    this.pending = new Uint8Array(0);
    const n = bytes.length;
    let i = 0;
    while (i < n) {
      const b = bytes[i];
      if (b < 0x80) {
        if (b === 0x0a) this.lines++;
        i++;
        continue;
      }
      const length = sequenceLength(bytes, i);
      if (length === 0) {
        // Cut by the end of the chunk: keep it for the next one.
        this.pending = bytes.slice(i);
        break;
      }
      if (length < 0) {
        const bad = this.badUtf8(bytes, i);
        if (bad) return bad;
        // Windows-1252 from here on; what came before was ASCII, which reads the same.
        this.use("windows-1252");
        const rest = bytes.subarray(i);
        const ahead = this.utf8After(rest);
        if (ahead) return ahead;
        const text = new TextDecoder("utf-8").decode(bytes.subarray(0, i)) + windows1252(rest);
        return text;
      }
      this.utf8Seen = true;
      i += length;
    }
    return new TextDecoder("utf-8").decode(this.pending.length > 0 ? bytes.subarray(0, n - this.pending.length) : bytes);
  }

  /**
   * The problem of a byte at `bytes[i]` that is not UTF-8, when the file is UTF-8 (its mark says
   * so, or it had UTF-8 letters before); undefined when Windows-1252 may be read instead.
   */
  private badUtf8(bytes: Uint8Array, i: number): Problems | undefined {
    if (!this.markedUtf8 && !this.utf8Seen) {
      this.fallbackAt = { line: this.lines + 1, byte: bytes[i] };
      return undefined;
    }
    return this.fail(
      this.lines + 1,
      `Raden har en byte (${hex(bytes[i])}) som ikke er gyldig UTF-8, mens resten av filen er UTF-8; filen kan være skadet eller satt sammen av filer med ulike tegnsett. ` +
        `Rett tegnet på raden, eller ${SAVE_AS_UTF8}.`,
    );
  }

  /** Windows-1252 text that holds a UTF-8 letter is a UTF-8 file with a bad byte: the problem, naming the first bad byte's line. */
  private utf8After(bytes: Uint8Array): Problems | undefined {
    const at = this.fallbackAt as { line: number; byte: number };
    // The last bytes of the chunk before may start a sequence that this chunk ends.
    const scan = concat(this.pending, bytes);
    for (let i = 0; i < scan.length; i++) {
      if (scan[i] >= 0xc2 && sequenceLength(scan, i) > 0) {
        return this.fail(
          at.line,
          `Raden har en byte (${hex(at.byte)}) som ikke er gyldig UTF-8, men filen har UTF-8-tegn lenger ned; filen kan være skadet eller satt sammen av filer med ulike tegnsett. ` +
            `Rett tegnet på raden, eller ${SAVE_AS_UTF8}.`,
        );
      }
    }
    this.pending = scan.slice(Math.max(0, scan.length - 3));
    return undefined;
  }

  private fail(row: number | undefined, message: string): Problems {
    const p: Problem = { sheet: this.sheet, ...(row !== undefined ? { row } : {}), message };
    this.failure = new Problems([p]);
    return this.failure;
  }
}

/**
 * The length of the UTF-8 sequence starting at `bytes[i]` (a byte ≥ 0x80): 2–4 when it is valid,
 * 0 when the bytes end before it does (and it is valid so far), −1 when it is not UTF-8
 * (a stray continuation byte, an overlong form, a surrogate, beyond U+10FFFF).
 */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) length = 2;
  else if (b >= 0xe0 && b <= 0xef) {
    length = 3;
    if (b === 0xe0) low = 0xa0;
    else if (b === 0xed) high = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    length = 4;
    if (b === 0xf0) low = 0x90;
    else if (b === 0xf4) high = 0x8f;
  } else return -1;
  for (let k = 1; k < length; k++) {
    if (i + k >= bytes.length) return 0;
    const c = bytes[i + k];
    if (c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return -1;
  }
  return length;
}

/**
 * Windows-1252 bytes as text. (Node's TextDecoder("windows-1252") decodes a whole buffer as
 * ISO-8859-1, so 0x80 would be a control character instead of «€»; only its streaming mode is
 * right. A stateless single-byte decoder in stream mode is what this is.)
 */
const CP1252 = new TextDecoder("windows-1252");
const windows1252 = (bytes: Uint8Array): string => CP1252.decode(bytes, { stream: true });

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
