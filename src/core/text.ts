/**
 * Text as people type it, folded for matching: lower case, trimmed, æ→ae, ø→o, å→a and other
 * diacritics dropped, so `Lønn`, `LØNN` and `lonn` are the same word.
 */
export function foldNorwegian(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/[øö]/g, "o")
    .replace(/[åä]/g, "a")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
}

/** Folded words of a text, for matching names regardless of punctuation. */
export function foldedWords(text: string): string[] {
  return foldNorwegian(text).split(/[^a-z0-9]+/).filter(Boolean);
}

/** A whole number with its thousands grouped by spaces, as Norwegian text writes it: `1 048 576`. */
export const wholeNumberText = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, " ");

/** A size in bytes as Norwegian text, in whole megabytes: `100 MB`. */
export const megabytesText = (bytes: number): string => `${wholeNumberText(bytes / 1_000_000)} MB`;

/** How much of a user's text a message repeats: enough to recognise it, not a whole pasted file. */
export const ECHO_MAX = 80;

/**
 * The message with every «quoted» echo of user text longer than `max` characters cut, saying how
 * long it was: «AAAA…» (100 000 tegn). A cell with a whole file pasted into it must not make a
 * message of that size.
 */
export function cutEchoes(message: string, max = ECHO_MAX): string {
  return message.replace(/«([^«»]*)»/g, (whole, inner: string) =>
    [...inner].length <= max ? whole : `«${[...inner].slice(0, max).join("")}…» (${wholeNumberText([...inner].length)} tegn)`,
  );
}

/** Control characters (C0 but tab and line feed, DEL, C1) and the bidirectional overrides, which can rewrite a terminal or hide text. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** An ANSI/VT escape sequence (CSI … final byte, OSC … BEL/ST, or ESC and one character). */
// eslint-disable-next-line no-control-regex -- matching escape sequences is the point
const ESCAPES = /\u001b(\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(\u0007|\u001b\\)|.)/g;

/** Text safe to print: escape sequences and control characters removed (line breaks and tabs kept). */
export function printable(text: string): string {
  return text.replace(ESCAPES, "").replace(UNPRINTABLE, "");
}

/** A user's text on one line: line breaks and tabs become spaces, then `printable`. */
export const oneLine = (text: string): string => printable(text.replace(/[\r\n\t]+/g, " "));

/** The text with its first letter upper case (`januar 2026 …` → `Januar 2026 …`). */
export const capitalized = (text: string): string => (text === "" ? text : `${text[0].toUpperCase()}${text.slice(1)}`);
