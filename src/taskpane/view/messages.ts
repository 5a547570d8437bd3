/**
 * Problems become items the pane lists, each with a link to its cell when it has one: core's
 * problems carry their sheet and cell as data. Only sheets that exist in the workbook get a link
 * (pasted text has none).
 */
import { formatProblem, Problem, Problems } from "../../core/problem/problem";

export interface Place {
  readonly sheet: string;
  /** A1 address on the sheet, `C9`. */
  readonly address: string;
}

export interface Message {
  readonly text: string;
  readonly place?: Place;
}

const existing = (sheet: string, sheetNames: readonly string[]): string | undefined => sheetNames.find((a) => a.toLowerCase() === sheet.toLowerCase());

/** A problem as an item: its text, and its cell (the first of a range, `$` dropped) when the sheet exists. */
export function message(p: Problem, sheetNames: readonly string[]): Message {
  const sheet = p.sheet !== undefined ? existing(p.sheet, sheetNames) : undefined;
  const address = p.cell?.split(":")[0].replace(/\$/g, "");
  return { text: formatProblem(p), ...(sheet && address ? { place: { sheet, address } } : {}) };
}

/** Every problem one item, in the order core reported them. */
export function problemMessages(problems: Problems, sheetNames: readonly string[]): Message[] {
  return problems.list.map((p) => message(p, sheetNames));
}
