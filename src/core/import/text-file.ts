/**
 * A text file's bytes as the readers take them, the same for both shells (the CLI reads a path,
 * the pane a file the user chose): the text, a JSON file parsed with the place of a syntax error, a CSV file as a reader's sheet. Each
 * problem names the file.
 */
import { Checked, isProblems, problems, rejected } from "../problem/problem";
import { parseCsv } from "./csv";
import { createTextBytesDecoder } from "./text-bytes";
import { SheetInput } from "./types";

/**
 * A whole file's bytes as text, by the same decoder the CLI streams files through (UTF-8 or UTF-16
 * by their byte-order mark or content, Windows-1252 only for a file that is not UTF-8 at all); a
 * problem naming the file for bytes that are not text of that kind.
 */
export function decodeText(bytes: Uint8Array, file: string, kind: "CSV" | "JSON" = "CSV"): Checked<string> {
  const decoder = createTextBytesDecoder(file, kind);
  const text = decoder.write(bytes);
  if (isProblems(text)) return text;
  const rest = decoder.end();
  return isProblems(rest) ? rest : text + rest;
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
