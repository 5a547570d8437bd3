/**
 * A text file's bytes as the readers take them, the same for both shells (the CLI reads a path,
 * the pane a file the user chose): the text (UTF-8, else Latin-1, what older Norwegian exports
 * use), a JSON file parsed with the place of a syntax error, a CSV file as a reader's sheet. Each
 * problem names the file.
 */
import { Checked, isProblems, problems, rejected } from "../problem/problem";
import { parseCsv } from "./csv";
import { SheetInput } from "./types";

/** UTF-8 (a byte-order mark dropped) unless the bytes are not valid UTF-8, then Latin-1 (ISO 8859-1), byte for byte. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    let text = "";
    const CHUNK = 0x8000;
    for (let i = 0; i < bytes.length; i += CHUNK) text += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
    return text;
  }
}

/** JSON with the position of a syntax error as line and column. */
export function parseJsonFile(text: string, file: string): Checked<unknown> {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const message = (e as Error).message;
    const pos = message.match(/position (\d+)/);
    let where = "";
    if (pos) {
      const before = text.slice(0, Number(pos[1]));
      const row = before.split("\n").length;
      const col = Number(pos[1]) - before.lastIndexOf("\n");
      where = ` (linje ${row}, kolonne ${col})`;
    }
    return problems(`ugyldig JSON${where}: ${message}`, { file });
  }
}

/** A CSV file as a reader's sheet, named by the file's name (`lonnsjournal.csv!E4`). */
export function csvSheetInput(text: string, sheet: string): Checked<SheetInput> {
  const grid = parseCsv(text, { sheet });
  if (isProblems(grid)) return rejected("Importen", grid.list);
  return { sheet, values: grid.values };
}
