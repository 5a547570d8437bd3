/**
 * An export file as a reader's sheet: CSV (any of Norway's usual flavours: `;`, `,` or tab, UTF-8
 * or Latin-1, a byte-order mark; streamed, and refused unread over the size limit), or the first
 * visible sheet of an .xlsx. Problems name the file.
 */
import { basename, extname } from "path";
import { SheetInput } from "../core/import/types";
import { Checked, isProblems, problems, rejected } from "../core/problem/problem";
import { readCsvFile } from "./files";
import { snapshotsOf } from "./xlsx/snapshot";
import { loadWorkbook } from "./xlsx/workbook";

export async function readSheetFile(path: string): Promise<Checked<SheetInput>> {
  const sheet = basename(path);
  if (extname(path).toLowerCase() === ".xlsx") {
    const wb = await loadWorkbook(path);
    if (isProblems(wb)) return wb;
    const ws = wb.worksheets.find((w) => w.state === "visible") ?? wb.worksheets[0];
    if (!ws) return problems("arbeidsboken har ingen ark.", { file: sheet });
    return { sheet, values: snapshotsOf(wb, [ws.name]).get(ws.name)?.values ?? [] };
  }
  const grid = await readCsvFile(path);
  if (isProblems(grid)) return rejected("Importen", grid.list);
  return { sheet, values: grid.values };
}
