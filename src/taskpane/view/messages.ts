/**
 * Problems become items the pane lists, each with a link to its cell when it has one: core's
 * problems carry their sheet and cell as data. Only sheets that exist in the workbook get a link
 * (pasted text has none).
 */
import { formatProblem, Problem, Problems } from "../../core/problem/problem";

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

/** A problem as an item: its text, and its cell when the sheet exists. */
export function melding(p: Problem, arkListe: readonly string[]): Melding {
  const ark = p.sheet !== undefined ? finnes(p.sheet, arkListe) : undefined;
  const adresse = p.cell?.split(":")[0];
  return { tekst: formatProblem(p), ...(ark && adresse ? { sted: { ark, adresse } } : {}) };
}

/** Every problem one item, in the order core reported them. */
export function regelFeil(error: Problems, arkListe: readonly string[]): Melding[] {
  return error.list.map((p) => melding(p, arkListe));
}
