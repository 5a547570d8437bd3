/** Opening and saving .xlsx files with exceljs, and finding sheets the way Excel does (case-insensitively). */
import ExcelJS from "exceljs";
import { basename } from "path";
import { Checked, isProblems, problems } from "../../core/problem/problem";
import { readFile } from "../files";
import { partNames, partText } from "./package-parts";

/** Excel matches sheet names without regard to case; so do we. */
export function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const key = name.toLowerCase();
  return wb.worksheets.find((ws) => ws.name.toLowerCase() === key);
}

/** Parts of an .xlsx that exceljs drops when it writes the file again, by part name. */
const DROPPED_PARTS: readonly [RegExp, string][] = [
  [/^xl\/charts\//, "diagrammer"],
  [/^xl\/pivotTables\//, "pivottabeller"],
  [/^xl\/vbaProject\.bin$/, "makroer"],
  [/^xl\/slicers\//, "slicere"],
  [/^xl\/timelines\//, "tidslinjer"],
  [/^xl\/externalLinks\//, "koblinger til andre arbeidsbøker"],
];

const RANGE = /^(?:(?:'(?:[^']|'')+'|[^'!]+)!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?$/;

const unescapeXml = (t: string): string =>
  t.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/**
 * Workbook names exceljs cannot keep: a name that is a constant or a formula rather than cells
 * (exceljs drops it, and formulas using it turn into #NAME?), and a name that belongs to one sheet
 * (exceljs makes it workbook-wide). Excel's own `_xlnm.` names are left to exceljs.
 */
function namesLost(workbookXml: string | undefined): string[] {
  if (!workbookXml) return [];
  const out: string[] = [];
  for (const m of workbookXml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)) {
    const name = unescapeXml(m[1].match(/\bname="([^"]*)"/)?.[1] ?? "");
    if (name.startsWith("_xlnm.")) continue;
    const text = unescapeXml(m[2]).trim().replace(/^=/, "");
    const ranges = text.split(",").every((r) => RANGE.test(r.trim()));
    if (!ranges) out.push(`navnet ${name} (en verdi eller formel)`);
    else if (/\blocalSheetId="/.test(m[1])) out.push(`navnet ${name} (gjelder bare ett ark)`);
  }
  return out;
}

/** What exceljs would lose writing this package back. */
export function lostOnSave(data: Buffer): string[] {
  const parts = partNames(data);
  return [
    ...DROPPED_PARTS.filter(([re]) => parts.some((p) => re.test(p))).map(([, what]) => what),
    ...namesLost(partText(data, "xl/workbook.xml")),
  ];
}

const dropped = new WeakMap<ExcelJS.Workbook, readonly string[]>();

/** What writing this workbook back would lose (empty for a workbook exceljs can write whole). */
export function partsLostOnSave(wb: ExcelJS.Workbook): readonly string[] {
  return dropped.get(wb) ?? [];
}

/** A workbook read from disk, or a Norwegian message saying why it could not be. */
export async function loadWorkbook(path: string): Promise<Checked<ExcelJS.Workbook>> {
  const data = readFile(path);
  if (isProblems(data)) return data;
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's typings name an older Buffer type than @types/node 20's.
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch (e) {
    return problems(`«${basename(path)}» kan ikke leses som en Excel-arbeidsbok (.xlsx): ${(e as Error).message}`);
  }
  dropped.set(wb, lostOnSave(data));
  return wb;
}

/**
 * The workbook as .xlsx bytes. Excel is asked to recalculate every formula when it opens the
 * file: exceljs stores formulas without results, and the figures must come from the formulas.
 */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  wb.calcProperties = { ...(wb.calcProperties ?? {}), fullCalcOnLoad: true };
  autoPageNumbers(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * exceljs reads a sheet without a first page number ("Auto": the pages run on from the sheet
 * before) as first page number 1, and writes that back as useFirstPageNumber="1", so every sheet
 * of a workbook read and saved again would start at page 1. An explicit 1 cannot be told from
 * Auto after reading; both are saved as Auto, which prints the same for a sheet on its own.
 */
function autoPageNumbers(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    const setup = ws.pageSetup as { firstPageNumber?: number };
    if (setup.firstPageNumber === 1) delete setup.firstPageNumber;
  }
}
