/**
 * A small streaming XML tokenizer for the data files we read (the a-melding, SAF-T Financial).
 *
 * Text goes in as chunks (`write`), events come out to a handler as soon as each token is
 * complete, so a file of any size is read with memory for one token and the open elements only.
 * What it does:
 * - elements (start, end and empty-element tags), attributes, character data, CDATA sections;
 *   comments and processing instructions are skipped; the XML declaration is allowed at the start;
 * - the five predefined entities and numeric character references (`&#229;`, `&#xE5;`); line
 *   ends normalised to `\n` (CRLF and a lone CR), attribute values normalised as XML says;
 * - namespaces: every element and attribute name resolved to (local name, namespace URI);
 *   an undeclared prefix is an error;
 * - line numbers (`line()`: the line where the token being reported starts), for messages;
 * - well-formedness errors and limits as one Problem (row = line, element = the open elements):
 *   mismatched or unclosed tags, text or a second element outside the root, a bad name, a bad or
 *   unknown entity reference, a character XML forbids, a duplicate attribute, `--` in a comment,
 *   `]]>` in text, a token or an element nesting beyond the limits.
 * The first such problem stops the tokenizer (XML's errors are fatal); later input is ignored.
 *
 * Deliberately not supported: DTDs (`<!DOCTYPE …>` is refused: no entity declarations, so no
 * entity expansion and no external fetches), encodings (the shell decodes bytes to text; a
 * byte-order mark at the start is skipped), and validation against a schema (the readers check
 * what they read). Lines are counted by `\n`, so a file with CR-only line ends is all line 1.
 *
 * Robust on hostile input: every scan is linear and resumes where it stopped when a token spans
 * chunks; a token (tag, comment, PI, CDATA section) longer than `maxTokenLength`, more than
 * `maxAttributes` attributes or nesting deeper than `maxDepth` is an error, so memory stays
 * bounded whatever the input.
 */
import { Problem } from "../../problem/problem";

export interface XmlAttribute {
  /** As written: `xsi:schemaLocation`. */
  readonly name: string;
  readonly local: string;
  /** "" when the attribute has no prefix (unprefixed attributes are in no namespace). */
  readonly uri: string;
  readonly value: string;
}

/** What a reader gets from the tokenizer; the tiny interface another XML parser could feed too. */
export interface XmlHandler {
  /** A start tag (an empty-element tag gives an open and a close). `uri` is "" outside any namespace. */
  openElement(local: string, uri: string, attributes: readonly XmlAttribute[]): void;
  /** Character data inside the root element, decoded; one text node may come in several pieces. */
  text(text: string): void;
  closeElement(local: string, uri: string): void;
}

export interface XmlLimits {
  /** Deepest element nesting allowed. */
  readonly maxDepth: number;
  /** Longest single tag, comment, PI or CDATA section, in characters. */
  readonly maxTokenLength: number;
  readonly maxAttributes: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = { maxDepth: 256, maxTokenLength: 1 << 20, maxAttributes: 512 };

/** A push tokenizer: write chunks, then end. */
export interface XmlTokenizer {
  write(chunk: string): void;
  end(): void;
  /** Stops reading (a reader that has seen enough, e.g. the wrong root element); later input is ignored. */
  stop(): void;
  /** 1-based line where the token being reported starts (the `<` of a tag; the start of a text piece). */
  line(): number;
  /** The fatal problem, once one was met. */
  readonly problem: Problem | undefined;
}

export type XmlTokenizerFactory = (handler: XmlHandler, limits?: Partial<XmlLimits>) => XmlTokenizer;

const XML_NS = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NS = "http://www.w3.org/2000/xmlns/";
const NO_ATTRIBUTES: readonly XmlAttribute[] = Object.freeze([]);

const LT = 60, GT = 62, SLASH = 47, QUESTION = 63, BANG = 33, EQ = 61, AMP = 38, RSQB = 93, QUOT = 34, APOS = 39;
const SPACE = 32, TAB = 9, LF = 10, CR = 13, COLON = 58;

/** Characters XML 1.0 forbids anywhere (C0 controls except tab, LF, CR; U+FFFE, U+FFFF; lone surrogates are not checked). */
// eslint-disable-next-line no-control-regex -- finding the control characters is the point
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const isSpace = (c: number) => c === SPACE || c === LF || c === TAB || c === CR;

/** Name characters as a 128-entry table for ASCII; everything from U+0080 up is accepted (XML 1.0 5th ed. allows nearly all). */
const NAME_START = new Uint8Array(128);
const NAME_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === COLON;
  NAME_START[c] = letter ? 1 : 0;
  NAME_CHAR[c] = letter || (c >= 48 && c <= 57) || c === 45 || c === 46 ? 1 : 0;
}
const nameStart = (c: number) => (c < 128 ? NAME_START[c] === 1 : true);
const nameChar = (c: number) => (c < 128 ? NAME_CHAR[c] === 1 : true);

class XmlError extends Error {}

function checkName(name: string, what: string): void {
  const bad = () => new XmlError(`«${name.slice(0, 40)}» er ikke et gyldig ${what}.`);
  if (name.length === 0 || !nameStart(name.charCodeAt(0))) throw bad();
  for (let i = 1; i < name.length; i++) if (!nameChar(name.charCodeAt(i))) throw bad();
  const colon = name.indexOf(":");
  if (colon !== -1 && (colon === 0 || colon === name.length - 1 || name.indexOf(":", colon + 1) !== -1)) {
    throw new XmlError(`«${name.slice(0, 40)}» er ikke et gyldig ${what} (kolon).`);
  }
}

const ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Text with its entity and character references replaced; throws XmlError on a bad one. */
function decodeReferences(text: string): string {
  let out = "";
  let from = 0;
  for (let amp = text.indexOf("&"); amp !== -1; amp = text.indexOf("&", from)) {
    const semi = text.indexOf(";", amp + 1);
    if (semi === -1 || semi - amp > 12) throw new XmlError(`«&» må skrives &amp; (fant «${text.slice(amp, amp + 12)}»).`);
    const ref = text.slice(amp + 1, semi);
    let ch: string | undefined;
    if (ref.charCodeAt(0) === 35 /* # */) {
      const hex = ref.charCodeAt(1) === 120; /* x */
      const digits = hex ? ref.slice(2) : ref.slice(1);
      if (!(hex ? /^[0-9a-fA-F]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) throw new XmlError(`«&${ref};» er ikke en gyldig tegnreferanse.`);
      const code = parseInt(digits, hex ? 16 : 10);
      const allowed = code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
      if (!allowed) throw new XmlError(`«&${ref};» viser til et tegn XML ikke tillater.`);
      ch = String.fromCodePoint(code);
    } else {
      ch = Object.prototype.hasOwnProperty.call(ENTITIES, ref) ? ENTITIES[ref] : undefined;
      if (ch === undefined) throw new XmlError(`Ukjent entitet «&${ref};» (XML kjenner bare &lt; &gt; &amp; &quot; &apos; uten DTD).`);
    }
    out += text.slice(from, amp) + ch;
    from = semi + 1;
  }
  return out + text.slice(from);
}

/** Where the next `"` and `'` are, remembered so finding a tag's end costs one indexOf per quote, not per tag. */
const NONE = -2;

/**
 * The tokenizer's state as a class: one shape and one set of methods for every file, so the
 * optimised code of the first file serves the next (closures per tokenizer were re-optimised per file).
 */
class Tokenizer implements XmlTokenizer {
  problem: Problem | undefined;
  private buf = "";
  private pos = 0;
  /** Line of the token being read: counted as tokens are consumed (their newlines added after the handler saw them). */
  private lineNo = 1;
  private stopped = false;
  /** Nothing but a byte-order mark has been read yet (the XML declaration may only come first). */
  private atStart = true;
  /** The last parse stopped inside an incomplete markup token; new chunks wait in `queue` until they at least double the pending text. */
  private waiting = false;
  private readonly queue: string[] = [];
  private queued = 0;
  private rootSeen = false;
  private rootClosed = false;
  // Open elements: qualified names for matching end tags, and the resolved names for closeElement.
  private readonly qnames: string[] = [];
  private readonly locals: string[] = [];
  private readonly uris: string[] = [];
  // Namespace bindings in scope: prefix, uri, and the depth of the element that declared it.
  private readonly bindPrefix: string[] = ["xml"];
  private readonly bindUri: string[] = [XML_NS];
  private readonly bindDepth: number[] = [0];
  private defaultNs = "";
  private nextDq = NONE;
  private nextSq = NONE;

  constructor(
    private readonly handler: XmlHandler,
    private readonly limits: XmlLimits,
  ) {}

  write(chunk: string): void {
    if (this.problem || this.stopped) return;
    try {
      if (this.waiting) {
        // A long token split into many small chunks: parse again only when the text has doubled,
        // so rescanning the pending token stays linear overall.
        this.queue.push(chunk);
        this.queued += chunk.length;
        if (this.queued < this.buf.length - this.pos) return;
        this.flushQueue();
        chunk = "";
      }
      if (this.pos > 0) {
        this.buf = this.buf.slice(this.pos);
        this.nextDq = NONE;
        this.nextSq = NONE;
        this.pos = 0;
      }
      if (chunk.length > 0) this.buf = this.buf.length === 0 ? chunk : this.buf + chunk;
      this.nextDq = NONE;
      this.nextSq = NONE;
      this.parse(false);
    } catch (e) {
      this.caught(e);
    }
  }

  end(): void {
    if (!this.problem && !this.stopped) {
      try {
        this.flushQueue();
        this.parse(true);
        if (this.qnames.length > 0) {
          throw new XmlError(`Filen slutter før <${this.qnames[this.qnames.length - 1]}> er lukket.`);
        }
        if (!this.rootSeen) throw new XmlError("Filen har ikke noe XML-element.");
      } catch (e) {
        this.caught(e);
      }
    }
    this.buf = "";
    this.pos = 0;
  }

  stop(): void {
    this.stopped = true;
  }

  line(): number {
    return this.lineNo;
  }

  private caught(e: unknown): void {
    if (e instanceof XmlError) this.fail(e.message);
    else if (e instanceof RangeError) this.fail("Filen kunne ikke leses (for stor eller for dypt nøstet).");
    else throw e;
  }

  /** Adds the newlines of buf[from, to) to the line count. */
  private countLines(from: number, to: number): void {
    const buf = this.buf;
    let n = this.lineNo;
    for (let i = buf.indexOf("\n", from); i !== -1 && i < to; i = buf.indexOf("\n", i + 1)) n++;
    this.lineNo = n;
  }

  private openPath(): string | undefined {
    const q = this.qnames;
    if (q.length === 0) return undefined;
    return q.length === 1 ? q[0] : q.slice(1).join("/");
  }

  private fail(message: string): void {
    if (this.problem) return;
    this.problem = { row: this.line(), ...(this.qnames.length > 0 ? { element: this.openPath() } : {}), message: `XML-feil: ${message}` };
  }

  private resolve(prefix: string, what: string): string {
    if (prefix === "") return this.defaultNs;
    for (let i = this.bindPrefix.length - 1; i >= 0; i--) if (this.bindPrefix[i] === prefix) return this.bindUri[i];
    throw new XmlError(`Prefikset «${prefix}» i «${what}» er ikke deklarert (mangler xmlns:${prefix}="…").`);
  }

  private recomputeDefault(): void {
    this.defaultNs = "";
    for (let i = this.bindPrefix.length - 1; i >= 0; i--) {
      if (this.bindPrefix[i] === "") {
        this.defaultNs = this.bindUri[i];
        return;
      }
    }
  }

  private flushQueue(): void {
    if (this.queue.length === 0) return;
    this.buf += this.queue.join("");
    this.nextDq = NONE;
    this.nextSq = NONE;
    this.queue.length = 0;
    this.queued = 0;
  }

  /** Stops at an incomplete markup token until more text arrives. */
  private more(first: boolean): void {
    this.waiting = true;
    this.atStart = first;
  }

  private emitText(start: number, end: number): void {
    const buf = this.buf;
    let newlines = 0;
    let special = false;
    for (let i = start; i < end; i++) {
      const c = buf.charCodeAt(i);
      if (c < 0x20) {
        if (c === LF) newlines++;
        else if (c !== TAB) special = true; // CR, or a control character
      } else if (c === AMP || c === RSQB || c >= 0xfffe) special = true;
    }
    if (this.qnames.length === 0) {
      for (let i = start; i < end; i++) {
        if (!isSpace(buf.charCodeAt(i))) throw new XmlError(this.rootClosed ? "Tekst etter rotelementet." : "Tekst før rotelementet.");
      }
      this.lineNo += newlines;
      return;
    }
    let text = buf.slice(start, end);
    if (special) {
      if (FORBIDDEN_CHAR.test(text)) throw new XmlError("Teksten har et kontrolltegn XML ikke tillater.");
      if (text.indexOf("]]>") !== -1) throw new XmlError("«]]>» er ikke tillatt i tekst.");
      if (text.indexOf("\r") !== -1) text = text.replace(/\r\n?/g, "\n");
      if (text.indexOf("&") !== -1) text = decodeReferences(text);
    }
    this.handler.text(text);
    this.lineNo += newlines;
  }

  /** Index of the `>` that ends the start tag beginning at `from` (after `<`), skipping quoted values; -1 if not in the buffer yet. */
  private tagEnd(from: number): number {
    const buf = this.buf;
    const gt = buf.indexOf(">", from);
    if (gt === -1) return -1;
    if (this.nextDq !== -1 && this.nextDq < from) this.nextDq = buf.indexOf('"', from);
    if (this.nextSq !== -1 && this.nextSq < from) this.nextSq = buf.indexOf("'", from);
    const dq = this.nextDq;
    const sq = this.nextSq;
    if ((dq === -1 || dq > gt) && (sq === -1 || sq > gt)) return gt;
    // A quoted value before the first `>`: walk the tag, skipping values.
    const len = buf.length;
    let i = from;
    while (i < len) {
      const c = buf.charCodeAt(i);
      if (c === GT) return i;
      if (c === QUOT || c === APOS) {
        const close = buf.indexOf(c === QUOT ? '"' : "'", i + 1);
        if (close === -1) return -1;
        i = close + 1;
      } else i++;
    }
    return -1;
  }

  private startTag(from: number, end: number): void {
    // buf[from-1] is '<', buf[end] is '>'
    const buf = this.buf;
    let last = end;
    let selfClosing = false;
    if (buf.charCodeAt(end - 1) === SLASH) {
      selfClosing = true;
      last = end - 1;
    }
    // The name: name characters up to a space or the tag's end.
    let i = from;
    const c0 = buf.charCodeAt(i);
    if (!(c0 < 128 ? NAME_START[c0] === 1 : true)) throw new XmlError(`«${buf.slice(from, Math.min(last, from + 40))}» er ikke et gyldig elementnavn.`);
    let colons = 0;
    for (i++; i < last; i++) {
      const c = buf.charCodeAt(i);
      if (c < 128 && NAME_CHAR[c] !== 1) break;
      if (c === COLON) colons++;
    }
    if (i < last && !isSpace(buf.charCodeAt(i))) throw new XmlError(`«${buf.slice(from, Math.min(last, i + 1, from + 40))}» er ikke et gyldig elementnavn.`);
    const qname = buf.slice(from, i);
    const nameEnd = i;
    if (colons > 0) checkName(qname, "elementnavn");
    if (this.rootClosed) throw new XmlError(`Elementet <${qname}> står etter rotelementet; en XML-fil har bare ett rotelement.`);
    const depth = this.qnames.length + 1;
    if (depth > this.limits.maxDepth) throw new XmlError(`Elementene er nøstet dypere enn ${this.limits.maxDepth} nivåer.`);

    let attributes = NO_ATTRIBUTES;
    while (i < last && isSpace(buf.charCodeAt(i))) i++;
    if (i < last) attributes = this.attributes(i, last, qname, depth);

    const colon = colons > 0 ? qname.indexOf(":") : -1;
    const local = colon === -1 ? qname : qname.slice(colon + 1);
    const uri = colon === -1 ? this.defaultNs : this.resolve(qname.slice(0, colon), qname);
    this.rootSeen = true;
    this.qnames.push(qname);
    this.locals.push(local);
    this.uris.push(uri);
    this.handler.openElement(local, uri, attributes);
    if (selfClosing) this.closeTop();
    if (nameEnd < end) this.countLines(nameEnd, end);
  }

  private attributes(start: number, last: number, qname: string, depth: number): readonly XmlAttribute[] {
    const buf = this.buf;
    const rawNames: string[] = [];
    const rawValues: string[] = [];
    let i = start;
    while (i < last) {
      const c = buf.charCodeAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      let j = i;
      while (j < last) {
        const d = buf.charCodeAt(j);
        if (d === EQ || isSpace(d)) break;
        j++;
      }
      const name = buf.slice(i, j);
      checkName(name, "attributtnavn");
      while (j < last && isSpace(buf.charCodeAt(j))) j++;
      if (buf.charCodeAt(j) !== EQ) throw new XmlError(`Attributtet «${name}» i <${qname}> mangler «="…"».`);
      j++;
      while (j < last && isSpace(buf.charCodeAt(j))) j++;
      const q = buf.charCodeAt(j);
      if (q !== QUOT && q !== APOS) throw new XmlError(`Verdien av attributtet «${name}» i <${qname}> står ikke i anførselstegn.`);
      const close = buf.indexOf(q === QUOT ? '"' : "'", j + 1);
      if (close === -1 || close > last) throw new XmlError(`Verdien av attributtet «${name}» i <${qname}> blir ikke avsluttet.`);
      let value = buf.slice(j + 1, close);
      if (value.indexOf("<") !== -1) throw new XmlError(`«<» er ikke tillatt i verdien av attributtet «${name}».`);
      if (FORBIDDEN_CHAR.test(value)) throw new XmlError(`Verdien av attributtet «${name}» har et kontrolltegn XML ikke tillater.`);
      if (value.indexOf("\r") !== -1) value = value.replace(/\r\n?/g, "\n");
      if (/[\t\n]/.test(value)) value = value.replace(/[\t\n]/g, " ");
      if (value.indexOf("&") !== -1) value = decodeReferences(value);
      if (rawNames.length >= this.limits.maxAttributes) throw new XmlError(`<${qname}> har flere enn ${this.limits.maxAttributes} attributter.`);
      rawNames.push(name);
      rawValues.push(value);
      i = close + 1;
      if (i < last && !isSpace(buf.charCodeAt(i))) throw new XmlError(`Mangler mellomrom etter attributtet «${name}» i <${qname}>.`);
    }

    const seen = new Set<string>();
    let declared = false;
    for (let k = 0; k < rawNames.length; k++) {
      const name = rawNames[k];
      if (seen.has(name)) throw new XmlError(`Attributtet «${name}» står to ganger i <${qname}>.`);
      seen.add(name);
      if (name === "xmlns" || name.startsWith("xmlns:")) {
        const prefix = name === "xmlns" ? "" : name.slice(6);
        const uri = rawValues[k];
        if (prefix === "xmlns" || (prefix === "xml" && uri !== XML_NS)) throw new XmlError(`Prefikset «${prefix}» kan ikke deklareres.`);
        if (prefix !== "" && uri === "") throw new XmlError(`xmlns:${prefix} kan ikke være tom.`);
        this.bindPrefix.push(prefix);
        this.bindUri.push(uri);
        this.bindDepth.push(depth);
        declared = true;
      }
    }
    if (declared) this.recomputeDefault();
    const list: XmlAttribute[] = [];
    const expanded = new Set<string>();
    for (let k = 0; k < rawNames.length; k++) {
      const name = rawNames[k];
      const colon = name.indexOf(":");
      const prefix = colon === -1 ? "" : name.slice(0, colon);
      const local = colon === -1 ? name : name.slice(colon + 1);
      const uri = name === "xmlns" || prefix === "xmlns" ? XMLNS_NS : prefix === "" ? "" : this.resolve(prefix, name);
      const key = `${uri}\u0000${local}`;
      if (expanded.has(key)) throw new XmlError(`Attributtet «${local}» i navnerommet «${uri}» står to ganger i <${qname}>.`);
      expanded.add(key);
      list.push({ name, local, uri, value: rawValues[k] });
    }
    return list;
  }

  private closeTop(): void {
    const depth = this.qnames.length;
    this.qnames.pop();
    const local = this.locals.pop() as string;
    const uri = this.uris.pop() as string;
    const bindDepth = this.bindDepth;
    if (bindDepth[bindDepth.length - 1] === depth) {
      while (bindDepth[bindDepth.length - 1] === depth) {
        this.bindPrefix.pop();
        this.bindUri.pop();
        bindDepth.pop();
      }
      this.recomputeDefault();
    }
    if (depth === 1) this.rootClosed = true;
    this.handler.closeElement(local, uri);
  }

  private endTag(from: number, end: number): void {
    const buf = this.buf;
    const open = this.qnames[this.qnames.length - 1];
    // The usual case without a copy: the open element's name, then `>` (or spaces and `>`).
    if (open !== undefined && end - from >= open.length && buf.startsWith(open, from)) {
      const nameEnd = from + open.length;
      let k = nameEnd;
      while (k < end && isSpace(buf.charCodeAt(k))) k++;
      if (k === end) {
        this.closeTop();
        if (nameEnd < end) this.countLines(nameEnd, end);
        return;
      }
    }
    let stop = end;
    while (stop > from && isSpace(buf.charCodeAt(stop - 1))) stop--;
    const qname = buf.slice(from, stop);
    if (open === undefined) throw new XmlError(`Sluttaggen </${qname.slice(0, 40)}> har ikke noe åpent element.`);
    throw new XmlError(`Sluttaggen </${qname.slice(0, 40)}> passer ikke til <${open}>.`);
  }

  private tooLong(what: string): never {
    throw new XmlError(`${what} er lengre enn ${this.limits.maxTokenLength} tegn.`);
  }

  /** Reads as many complete tokens as the buffer holds; with `final`, an incomplete one is an error. */
  private parse(final: boolean): void {
    const buf = this.buf;
    const len = buf.length;
    const maxToken = this.limits.maxTokenLength;
    this.waiting = false;
    let pos = this.pos;
    if (this.atStart && pos === 0 && len > 0 && buf.charCodeAt(0) === 0xfeff) pos = 1;
    try {
      while (pos < len && !this.stopped) {
        const first = this.atStart;
        this.atStart = false;
        const c = buf.charCodeAt(pos);
        if (c !== LT) {
          let lt = buf.indexOf("<", pos);
          if (lt === -1) {
            if (!final) {
              // Emit the text so far, but keep a reference or a CR that the next chunk may complete.
              let cut = len;
              const amp = buf.lastIndexOf("&");
              if (amp >= pos && buf.indexOf(";", amp) === -1) cut = amp;
              if (cut > pos && buf.charCodeAt(cut - 1) === CR) cut--;
              if (cut - pos > 0) this.emitText(pos, cut);
              pos = cut;
              if (len - pos > maxToken) this.tooLong("En tegnreferanse");
              return;
            }
            lt = len;
          }
          this.emitText(pos, lt);
          pos = lt;
          continue;
        }
        if (pos + 1 >= len) {
          if (final) throw new XmlError("Filen slutter midt i en tagg.");
          return this.more(first);
        }
        const c1 = buf.charCodeAt(pos + 1);
        if (c1 === SLASH) {
          const gt = buf.indexOf(">", pos + 2);
          if (gt === -1) {
            if (len - pos > maxToken) this.tooLong("En sluttagg");
            if (final) throw new XmlError("Filen slutter midt i en sluttagg.");
            return this.more(first);
          }
          this.endTag(pos + 2, gt);
          pos = gt + 1;
        } else if (c1 === QUESTION) {
          const close = buf.indexOf("?>", pos + 2);
          if (close === -1) {
            if (len - pos > maxToken) this.tooLong("En prosesseringsinstruksjon");
            if (final) throw new XmlError("Filen slutter midt i en prosesseringsinstruksjon (<?…?>).");
            return this.more(first);
          }
          let t = pos + 2;
          while (t < close && !isSpace(buf.charCodeAt(t))) t++;
          const target = buf.slice(pos + 2, t);
          checkName(target, "navn på en prosesseringsinstruksjon");
          if (target.toLowerCase() === "xml" && (target !== "xml" || !first)) {
            throw new XmlError("XML-deklarasjonen (<?xml …?>) kan bare stå helt først i filen.");
          }
          this.countLines(pos, close);
          pos = close + 2;
        } else if (c1 === BANG) {
          if (len - pos < 9 && !final && !buf.startsWith("<!--", pos)) return this.more(first);
          if (buf.startsWith("<!--", pos)) {
            const close = buf.indexOf("-->", pos + 4);
            if (close === -1) {
              if (len - pos > maxToken) this.tooLong("En kommentar");
              if (final) throw new XmlError("En kommentar (<!-- …) blir aldri avsluttet.");
              return this.more(first);
            }
            const dashes = buf.indexOf("--", pos + 4);
            if (dashes < close || (close > pos + 4 && buf.charCodeAt(close - 1) === 45)) throw new XmlError("«--» er ikke tillatt inne i en kommentar.");
            this.countLines(pos, close);
            pos = close + 3;
          } else if (buf.startsWith("<![CDATA[", pos)) {
            const close = buf.indexOf("]]>", pos + 9);
            if (close === -1) {
              if (len - pos > maxToken) this.tooLong("En CDATA-seksjon");
              if (final) throw new XmlError("En CDATA-seksjon blir aldri avsluttet.");
              return this.more(first);
            }
            if (this.qnames.length === 0) throw new XmlError("CDATA utenfor rotelementet.");
            let text = buf.slice(pos + 9, close);
            if (FORBIDDEN_CHAR.test(text)) throw new XmlError("CDATA-seksjonen har et kontrolltegn XML ikke tillater.");
            if (text.indexOf("\r") !== -1) text = text.replace(/\r\n?/g, "\n");
            if (text.length > 0) this.handler.text(text);
            this.countLines(pos, close);
            pos = close + 3;
          } else if (buf.startsWith("<!DOCTYPE", pos)) {
            throw new XmlError("Filen har en DTD (<!DOCTYPE …>); den leses ikke (ingen entitetsdeklarasjoner eller eksterne oppslag). Eksporter filen uten DOCTYPE.");
          } else {
            throw new XmlError(`«${buf.slice(pos, pos + 12)}» er ikke gyldig markering.`);
          }
        } else {
          const gt = this.tagEnd(pos + 1);
          if (gt === -1) {
            if (len - pos > maxToken) this.tooLong("En starttagg");
            if (final) throw new XmlError("Filen slutter midt i en starttagg.");
            return this.more(first);
          }
          if (gt - pos > maxToken) this.tooLong("En starttagg");
          this.startTag(pos + 1, gt);
          pos = gt + 1;
        }
      }
    } finally {
      this.pos = pos;
    }
  }
}

export const createXmlTokenizer: XmlTokenizerFactory = (handler, limits) => new Tokenizer(handler, { ...DEFAULT_XML_LIMITS, ...limits });
