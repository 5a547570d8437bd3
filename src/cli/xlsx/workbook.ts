/** Opening and saving .xlsx files with exceljs, and finding sheets the way Excel does (case-insensitively). */
import ExcelJS from "exceljs";
import { basename } from "path";
import { Checked, isProblems } from "../../core/problem/problem";
import { splitSheetAddress } from "../../core/sheet/reference";
import { brokenXmlPart, openPackage, readPackageFile, workbookProblem, XlsxPackage } from "./package-parts";
import { lostOnRoundTrip } from "./round-trip";

/** Excel matches sheet names without regard to case; so do we. */
export function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const key = name.toLowerCase();
  return wb.worksheets.find((ws) => ws.name.toLowerCase() === key);
}

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

/** What exceljs would lose writing this (checked) package back: parts, elements, names (round-trip.ts). */
function lostIn(pkg: XlsxPackage): string[] {
  return [...new Set([...lostOnRoundTrip(pkg), ...namesLost(pkg.text("xl/workbook.xml"))])];
}

/** What exceljs would lose writing this package back (nothing said for bytes that are not a package). */
export function lostOnSave(data: Buffer): string[] {
  const pkg = openPackage("arbeidsboken", data);
  return isProblems(pkg) ? [] : lostIn(pkg);
}

/** What writing a loaded workbook back would lose, worked out when first asked (only a fill asks). */
const dropped = new WeakMap<ExcelJS.Workbook, () => readonly string[]>();

const awaitingRecalculation = new WeakSet<ExcelJS.Workbook>();

/**
 * Whether the workbook asks to be recalculated when opened (fullCalcOnLoad): no engine has
 * calculated it since it was written, so a formula without a stored value has none yet.
 */
export const awaitsRecalculation = (wb: ExcelJS.Workbook): boolean => awaitingRecalculation.has(wb);

/** The sheet a workbook name points at (a renamed sheet takes its names along), or undefined. */
export function sheetOfName(wb: ExcelJS.Workbook, name: string): string | undefined {
  const model = wb.definedNames.model as { name: string; ranges: string[] }[];
  const range = model.find((m) => m.name.toLowerCase() === name.toLowerCase())?.ranges[0];
  const sheet = range ? splitSheetAddress(range).sheet : "";
  return sheet !== "" && findSheet(wb, sheet) ? findSheet(wb, sheet)?.name : undefined;
}

/** What writing this workbook back would lose (empty for a workbook exceljs can write whole). */
export function partsLostOnSave(wb: ExcelJS.Workbook): readonly string[] {
  return dropped.get(wb)?.() ?? [];
}

/**
 * A workbook read from disk, or a Norwegian message saying why it could not be: the package is
 * checked first (package-parts.ts: what the file is, its checksums, its size), so exceljs reads
 * only an intact .xlsx within the limits; what exceljs itself cannot read is named by its part.
 */
export async function loadWorkbook(path: string): Promise<Checked<ExcelJS.Workbook>> {
  const file = basename(path);
  const data = readPackageFile(path);
  if (isProblems(data)) return data;
  const pkg = openPackage(file, data);
  if (isProblems(pkg)) return pkg;
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's typings name an older Buffer type than @types/node 20's.
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    const part = brokenXmlPart(pkg);
    const advice = "Åpne filen i Excel (som kan prøve å reparere den) og lagre den på nytt, og prøv igjen.";
    return workbookProblem(file, part ? `${part} har ugyldig XML. ${advice}` : `innholdet kan ikke tolkes (ugyldig eller ukjent XML). ${advice}`);
  }
  let lost: readonly string[] | undefined;
  dropped.set(wb, () => (lost ??= lostIn(pkg)));
  // Written by lonn (or another tool) and not calculated since: Excel and LibreOffice drop the flag when they save.
  if (/<calcPr\b[^>]*\bfullCalcOnLoad="(1|true)"/.test(pkg.text("xl/workbook.xml") ?? "")) awaitingRecalculation.add(wb);
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
