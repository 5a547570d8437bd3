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
 * - line numbers, counted lazily (`line()`), for messages;
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

const LT = 60, GT = 62, SLASH = 47, QUESTION = 63, BANG = 33, EQ = 61, QUOT = 34, APOS = 39;
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

export const createXmlTokenizer: XmlTokenizerFactory = (handler, limitOverrides) => {
  const limits: XmlLimits = { ...DEFAULT_XML_LIMITS, ...limitOverrides };
  let buf = "";
  let pos = 0;
  /** Line number at buffer index `countedTo`. */
  let lineNo = 1;
  let countedTo = 0;
  let tokenStart = 0;
  let problem: Problem | undefined;
  let stopped = false;
  /** Nothing but a byte-order mark has been read yet (the XML declaration may only come first). */
  let atStart = true;
  /** The last parse stopped inside an incomplete markup token; new chunks wait in `queue` until they at least double the pending text. */
  let waiting = false;
  const queue: string[] = [];
  let queued = 0;
  let rootSeen = false;
  let rootClosed = false;
  // Open elements: qualified names for matching end tags, and the resolved names for closeElement.
  const qnames: string[] = [];
  const locals: string[] = [];
  const uris: string[] = [];
  // Namespace bindings in scope: prefix, uri, and the depth of the element that declared it.
  const bindPrefix: string[] = ["xml"];
  const bindUri: string[] = [XML_NS];
  const bindDepth: number[] = [0];
  let defaultNs = "";

  function countLines(to: number): void {
    let n = lineNo;
    for (let i = buf.indexOf("\n", countedTo); i !== -1 && i < to; i = buf.indexOf("\n", i + 1)) n++;
    lineNo = n;
    countedTo = to;
  }

  function line(): number {
    if (tokenStart > countedTo) countLines(tokenStart);
    return lineNo;
  }

  function openPath(): string | undefined {
    if (qnames.length === 0) return undefined;
    return qnames.length === 1 ? qnames[0] : qnames.slice(1).join("/");
  }

  function fail(message: string): void {
    if (problem) return;
    problem = { row: line(), ...(qnames.length > 0 ? { element: openPath() } : {}), message: `XML-feil: ${message}` };
  }

  function resolve(prefix: string, what: string): string {
    if (prefix === "") return defaultNs;
    for (let i = bindPrefix.length - 1; i >= 0; i--) if (bindPrefix[i] === prefix) return bindUri[i];
    throw new XmlError(`Prefikset «${prefix}» i «${what}» er ikke deklarert (mangler xmlns:${prefix}="…").`);
  }

  function recomputeDefault(): void {
    defaultNs = "";
    for (let i = bindPrefix.length - 1; i >= 0; i--) {
      if (bindPrefix[i] === "") {
        defaultNs = bindUri[i];
        return;
      }
    }
  }

  function checkName(name: string, what: string): void {
    if (name.length === 0 || !nameStart(name.charCodeAt(0))) throw new XmlError(`«${name.slice(0, 40)}» er ikke et gyldig ${what}.`);
    for (let i = 1; i < name.length; i++) if (!nameChar(name.charCodeAt(i))) throw new XmlError(`«${name.slice(0, 40)}» er ikke et gyldig ${what}.`);
    const colon = name.indexOf(":");
    if (colon !== -1 && (colon === 0 || colon === name.length - 1 || name.indexOf(":", colon + 1) !== -1)) {
      throw new XmlError(`«${name.slice(0, 40)}» er ikke et gyldig ${what} (kolon).`);
    }
  }

  function emitText(start: number, end: number): void {
    tokenStart = start;
    let text = buf.slice(start, end);
    if (qnames.length === 0) {
      for (let i = 0; i < text.length; i++) {
        if (!isSpace(text.charCodeAt(i))) {
          throw new XmlError(rootClosed ? "Tekst etter rotelementet." : "Tekst før rotelementet.");
        }
      }
      return;
    }
    if (FORBIDDEN_CHAR.test(text)) throw new XmlError("Teksten har et kontrolltegn XML ikke tillater.");
    if (text.indexOf("]]>") !== -1) throw new XmlError("«]]>» er ikke tillatt i tekst.");
    if (text.indexOf("\r") !== -1) text = text.replace(/\r\n?/g, "\n");
    if (text.indexOf("&") !== -1) text = decodeReferences(text);
    handler.text(text);
  }

  /** Index of the `>` that ends the start tag beginning at `from` (after `<`), skipping quoted values; -1 if not in the buffer yet. */
  function tagEnd(from: number): number {
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

  function startTag(from: number, end: number): void {
    // buf[from-1] is '<', buf[end] is '>'
    let selfClosing = false;
    let last = end;
    if (buf.charCodeAt(end - 1) === SLASH) {
      selfClosing = true;
      last = end - 1;
    }
    let i = from;
    while (i < last && !isSpace(buf.charCodeAt(i))) i++;
    const qname = buf.slice(from, i);
    checkName(qname, "elementnavn");
    if (rootClosed) throw new XmlError(`Elementet <${qname}> står etter rotelementet; en XML-fil har bare ett rotelement.`);

    let rawNames: string[] | undefined;
    let rawValues: string[] | undefined;
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
      rawNames ??= [];
      rawValues ??= [];
      if (rawNames.length >= limits.maxAttributes) throw new XmlError(`<${qname}> har flere enn ${limits.maxAttributes} attributter.`);
      rawNames.push(name);
      rawValues.push(value);
      i = close + 1;
      if (i < last && !isSpace(buf.charCodeAt(i))) throw new XmlError(`Mangler mellomrom etter attributtet «${name}» i <${qname}>.`);
    }

    const depth = qnames.length + 1;
    if (depth > limits.maxDepth) throw new XmlError(`Elementene er nøstet dypere enn ${limits.maxDepth} nivåer.`);
    let attributes = NO_ATTRIBUTES;
    if (rawNames && rawValues) {
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
          bindPrefix.push(prefix);
          bindUri.push(uri);
          bindDepth.push(depth);
          declared = true;
        }
      }
      if (declared) recomputeDefault();
      const list: XmlAttribute[] = [];
      const expanded = new Set<string>();
      for (let k = 0; k < rawNames.length; k++) {
        const name = rawNames[k];
        const colon = name.indexOf(":");
        const prefix = colon === -1 ? "" : name.slice(0, colon);
        const local = colon === -1 ? name : name.slice(colon + 1);
        const uri = name === "xmlns" || prefix === "xmlns" ? XMLNS_NS : prefix === "" ? "" : resolve(prefix, name);
        const key = `${uri}\u0000${local}`;
        if (expanded.has(key)) throw new XmlError(`Attributtet «${local}» i navnerommet «${uri}» står to ganger i <${qname}>.`);
        expanded.add(key);
        list.push({ name, local, uri, value: rawValues[k] });
      }
      attributes = list;
    }

    const colon = qname.indexOf(":");
    const local = colon === -1 ? qname : qname.slice(colon + 1);
    const uri = colon === -1 ? defaultNs : resolve(qname.slice(0, colon), qname);
    tokenStart = from - 1;
    rootSeen = true;
    qnames.push(qname);
    locals.push(local);
    uris.push(uri);
    handler.openElement(local, uri, attributes);
    if (selfClosing) closeTop();
  }

  function closeTop(): void {
    const depth = qnames.length;
    qnames.pop();
    const local = locals.pop() as string;
    const uri = uris.pop() as string;
    if (bindDepth[bindDepth.length - 1] === depth) {
      while (bindDepth[bindDepth.length - 1] === depth) {
        bindPrefix.pop();
        bindUri.pop();
        bindDepth.pop();
      }
      recomputeDefault();
    }
    if (depth === 1) rootClosed = true;
    handler.closeElement(local, uri);
  }

  function endTag(from: number, end: number): void {
    tokenStart = from - 2;
    let stop = end;
    while (stop > from && isSpace(buf.charCodeAt(stop - 1))) stop--;
    const qname = buf.slice(from, stop);
    const open = qnames[qnames.length - 1];
    if (open === undefined) throw new XmlError(`Sluttaggen </${qname.slice(0, 40)}> har ikke noe åpent element.`);
    if (qname !== open) throw new XmlError(`Sluttaggen </${qname.slice(0, 40)}> passer ikke til <${open}>.`);
    closeTop();
  }

  function tooLong(what: string): never {
    throw new XmlError(`${what} er lengre enn ${limits.maxTokenLength} tegn.`);
  }

  /** Reads as many complete tokens as the buffer holds; with `final`, an incomplete one is an error. */
  function parse(final: boolean): void {
    const len = buf.length;
    waiting = false;
    if (atStart && pos === 0 && len > 0 && buf.charCodeAt(0) === 0xfeff) pos = 1;
    while (pos < len && !stopped) {
      const first = atStart;
      atStart = false;
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
            if (cut - pos > 0) emitText(pos, cut);
            pos = cut;
            if (len - pos > limits.maxTokenLength) tooLong("En tegnreferanse");
            return;
          }
          lt = len;
        }
        emitText(pos, lt);
        pos = lt;
        continue;
      }
      if (pos + 1 >= len) {
        if (final) throw new XmlError("Filen slutter midt i en tagg.");
        return more(first);
      }
      const c1 = buf.charCodeAt(pos + 1);
      tokenStart = pos;
      if (c1 === SLASH) {
        const gt = buf.indexOf(">", pos + 2);
        if (gt === -1) {
          if (len - pos > limits.maxTokenLength) tooLong("En sluttagg");
          if (final) throw new XmlError("Filen slutter midt i en sluttagg.");
          return more(first);
        }
        endTag(pos + 2, gt);
        pos = gt + 1;
      } else if (c1 === QUESTION) {
        const close = buf.indexOf("?>", pos + 2);
        if (close === -1) {
          if (len - pos > limits.maxTokenLength) tooLong("En prosesseringsinstruksjon");
          if (final) throw new XmlError("Filen slutter midt i en prosesseringsinstruksjon (<?…?>).");
          return more(first);
        }
        let t = pos + 2;
        while (t < close && !isSpace(buf.charCodeAt(t))) t++;
        const target = buf.slice(pos + 2, t);
        checkName(target, "navn på en prosesseringsinstruksjon");
        if (target.toLowerCase() === "xml" && (target !== "xml" || !first)) {
          throw new XmlError("XML-deklarasjonen (<?xml …?>) kan bare stå helt først i filen.");
        }
        pos = close + 2;
      } else if (c1 === BANG) {
        if (len - pos < 9 && !final && !buf.startsWith("<!--", pos)) return more(first);
        if (buf.startsWith("<!--", pos)) {
          const close = buf.indexOf("-->", pos + 4);
          if (close === -1) {
            if (len - pos > limits.maxTokenLength) tooLong("En kommentar");
            if (final) throw new XmlError("En kommentar (<!-- …) blir aldri avsluttet.");
            return more(first);
          }
          const dashes = buf.indexOf("--", pos + 4);
          if (dashes < close || (close > pos + 4 && buf.charCodeAt(close - 1) === 45)) throw new XmlError("«--» er ikke tillatt inne i en kommentar.");
          pos = close + 3;
        } else if (buf.startsWith("<![CDATA[", pos)) {
          const close = buf.indexOf("]]>", pos + 9);
          if (close === -1) {
            if (len - pos > limits.maxTokenLength) tooLong("En CDATA-seksjon");
            if (final) throw new XmlError("En CDATA-seksjon blir aldri avsluttet.");
            return more(first);
          }
          if (qnames.length === 0) throw new XmlError("CDATA utenfor rotelementet.");
          tokenStart = pos;
          let text = buf.slice(pos + 9, close);
          if (FORBIDDEN_CHAR.test(text)) throw new XmlError("CDATA-seksjonen har et kontrolltegn XML ikke tillater.");
          if (text.indexOf("\r") !== -1) text = text.replace(/\r\n?/g, "\n");
          if (text.length > 0) handler.text(text);
          pos = close + 3;
        } else if (buf.startsWith("<!DOCTYPE", pos)) {
          throw new XmlError("Filen har en DTD (<!DOCTYPE …>); den leses ikke (ingen entitetsdeklarasjoner eller eksterne oppslag). Eksporter filen uten DOCTYPE.");
        } else {
          throw new XmlError(`«${buf.slice(pos, pos + 12)}» er ikke gyldig markering.`);
        }
      } else {
        const gt = tagEnd(pos + 1);
        if (gt === -1) {
          if (len - pos > limits.maxTokenLength) tooLong("En starttagg");
          if (final) throw new XmlError("Filen slutter midt i en starttagg.");
          return more(first);
        }
        if (gt - pos > limits.maxTokenLength) tooLong("En starttagg");
        startTag(pos + 1, gt);
        pos = gt + 1;
      }
    }
  }

  /** Stops at an incomplete markup token until more text arrives. */
  function more(first: boolean): void {
    waiting = true;
    atStart = first;
  }

  function flushQueue(): void {
    if (queue.length === 0) return;
    buf += queue.join("");
    queue.length = 0;
    queued = 0;
  }

  function guarded(step: () => void): void {
    if (problem || stopped) return;
    try {
      step();
    } catch (e) {
      if (e instanceof XmlError) fail(e.message);
      else if (e instanceof RangeError) fail("Filen kunne ikke leses (for stor eller for dypt nøstet).");
      else throw e;
    }
  }

  return {
    write(chunk: string): void {
      guarded(() => {
        if (waiting) {
          // A long token split into many small chunks: parse again only when the text has doubled,
          // so rescanning the pending token stays linear overall.
          queue.push(chunk);
          queued += chunk.length;
          if (queued < buf.length - pos) return;
          flushQueue();
          chunk = "";
        }
        if (pos > 0) {
          countLines(pos);
          buf = buf.slice(pos);
          countedTo -= pos;
          tokenStart -= pos;
          pos = 0;
        }
        if (chunk.length > 0) buf = buf.length === 0 ? chunk : buf + chunk;
        parse(false);
      });
    },
    end(): void {
      guarded(() => {
        flushQueue();
        parse(true);
        if (qnames.length > 0) {
          tokenStart = buf.length;
          throw new XmlError(`Filen slutter før <${qnames[qnames.length - 1]}> er lukket.`);
        }
        if (!rootSeen) throw new XmlError("Filen har ikke noe XML-element.");
      });
      buf = "";
      pos = 0;
      countedTo = 0;
    },
    stop(): void {
      stopped = true;
    },
    line,
    get problem() {
      return problem;
    },
  };
};
