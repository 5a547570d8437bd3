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
