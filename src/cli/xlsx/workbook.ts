/** Opening and saving .xlsx files with exceljs, and finding sheets the way Excel does (case-insensitively). */
import ExcelJS from "exceljs";
import { existsSync, readFileSync } from "fs";
import { basename } from "path";
import { Result, valueError } from "../../core/errors";

/** Excel matches sheet names without regard to case; so do we. */
export function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const key = name.toLowerCase();
  return wb.worksheets.find((ws) => ws.name.toLowerCase() === key);
}

/**
 * Parts of an .xlsx that exceljs drops when it writes the file again. Their names are in the zip's
 * directory, which is not compressed, so a look at the bytes finds them.
 */
const DROPPED_PARTS: readonly [RegExp, string][] = [
  [/xl\/charts\//, "diagrammer"],
  [/xl\/pivotTables\//, "pivottabeller"],
  [/xl\/vbaProject\.bin/, "makroer"],
  [/xl\/slicers\//, "slicere"],
  [/xl\/timelines\//, "tidslinjer"],
  [/xl\/externalLinks\//, "koblinger til andre arbeidsbøker"],
];

const dropped = new WeakMap<ExcelJS.Workbook, readonly string[]>();

/** What writing this workbook back would lose (empty for a workbook exceljs can write whole). */
export function partsLostOnSave(wb: ExcelJS.Workbook): readonly string[] {
  return dropped.get(wb) ?? [];
}

/** A workbook read from disk, or a Norwegian message saying why it could not be. */
export async function loadWorkbook(path: string): Promise<Result<ExcelJS.Workbook>> {
  if (!existsSync(path)) return valueError(`Fant ikke filen «${path}».`);
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (e) {
    return valueError(`Kunne ikke lese «${path}»: ${(e as Error).message}`);
  }
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's typings name an older Buffer type than @types/node 20's.
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch (e) {
    return valueError(`«${basename(path)}» kan ikke leses som en Excel-arbeidsbok (.xlsx): ${(e as Error).message}`);
  }
  const text = data.toString("latin1");
  dropped.set(wb, DROPPED_PARTS.filter(([re]) => re.test(text)).map(([, what]) => what));
  return wb;
}

/**
 * The workbook as .xlsx bytes. Excel is asked to recalculate every formula when it opens the
 * file: exceljs stores formulas without results, and the figures must come from the formulas.
 */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  wb.calcProperties = { ...(wb.calcProperties ?? {}), fullCalcOnLoad: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
