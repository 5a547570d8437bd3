/**
 * Messages that name a cell become items with a place the pane can select: import errors carry the
 * sheet and cell, and core's sheet messages start with `A10 SPK brutto!C9: …`. Only sheets that
 * exist in the workbook get a place (pasted text has none).
 */
import { formatImportError } from "../../core/import/format";
import { ImportError } from "../../core/import/types";
import { InputProblems } from "../../core/spk/problems";
import { RuleError } from "../../core/errors";

export interface Sted {
  readonly ark: string;
  /** A1 address on the sheet, `C9`. */
  readonly adresse: string;
}

export interface Melding {
  readonly tekst: string;
  readonly sted?: Sted;
}

const finnes = (ark: string, arkListe: readonly string[]): string | undefined => arkListe.find((a) => a.toLowerCase() === ark.toLowerCase());

export function importFeil(errors: readonly ImportError[], arkListe: readonly string[]): Melding[] {
  return errors.map((e) => {
    const ark = finnes(e.sheet, arkListe);
    return { tekst: formatImportError(e), ...(ark && e.cell ? { sted: { ark, adresse: e.cell } } : {}) };
  });
}

/** `'Ark 1'!C9: …` or `A10 SPK brutto!C9: …` (core's `where` does not quote). */
const LEDENDE_STED = /^(.+)!(\$?[A-Z]{1,3}\$?[1-9]\d*)(?::\$?[A-Z]{1,3}\$?[1-9]\d*)?: /;

export function stedI(tekst: string, arkListe: readonly string[]): Sted | undefined {
  const m = tekst.match(LEDENDE_STED);
  if (!m) return undefined;
  let navn = m[1];
  if (navn.startsWith("'") && navn.endsWith("'")) navn = navn.slice(1, -1).replace(/''/g, "'");
  const ark = finnes(navn, arkListe);
  return ark ? { ark, adresse: m[2].replace(/\$/g, "") } : undefined;
}

/** Core's problems one per item (an InputProblems lists them), each with its place if it names one. */
export function regelFeil(error: RuleError, arkListe: readonly string[]): Melding[] {
  const list = error instanceof InputProblems ? error.problems : error.message.split("\n");
  return list.map((tekst) => {
    const sted = stedI(tekst, arkListe);
    return sted ? { tekst, sted } : { tekst };
  });
}
