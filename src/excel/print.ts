/**
 * A sheet's print setup (`SheetSpec.print`) through `worksheet.pageLayout` (ExcelApi 1.9): the
 * Office.js counterpart of src/cli/xlsx/print.ts, queued with the plan's other writes, so it costs
 * no sync of its own.
 *
 * - orientation "Landscape"/"Portrait" and paperSize "A4" (Excel.PaperType);
 * - zoom, set as one object as the API requires: { horizontalFitToPages: 1, verticalFitToPages: 0 }
 *   to fit the columns on one page, as many pages tall as needed (what the .xlsx stores as
 *   fitToWidth 1, fitToHeight 0), or { scale: 100 };
 * - setPrintTitleRows("$1:$11") for the title rows;
 * - headersFooters.defaultForAllPages: all six sections, "" where the plan has none, so an older
 *   header does not linger. The codes (&P, &N, &A, …) are Excel's own, as in the .xlsx.
 *
 * Known from the issue tracker, not reproducible here: on some Excel builds a zoom with
 * fit-to-pages set through the API did not take until the Page Layout tab had been opened
 * (OfficeDev/office-js#1860).
 */
import { PrintSpec } from "../core/workpaper/write-plan";

export function queuePrint(sheet: Excel.Worksheet, print: PrintSpec): void {
  const layout = sheet.pageLayout;
  layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = print.paper;
  layout.zoom = print.fitToWidth ? { horizontalFitToPages: 1, verticalFitToPages: 0 } : { scale: 100 };
  if (print.titleRows) layout.setPrintTitleRows(`$${print.titleRows.first}:$${print.titleRows.last}`);
  const page = layout.headersFooters.defaultForAllPages;
  page.leftHeader = print.header?.left ?? "";
  page.centerHeader = print.header?.center ?? "";
  page.rightHeader = print.header?.right ?? "";
  page.leftFooter = print.footer?.left ?? "";
  page.centerFooter = print.footer?.center ?? "";
  page.rightFooter = print.footer?.right ?? "";
}

/** What the user is told when the host cannot set print setup (ExcelApi 1.9 missing). */
export const PRINT_SKIPPED =
  "Utskriftsoppsettet (A4 liggende, én side bred, topp- og bunntekst) er ikke satt: denne Excel-versjonen har ikke " +
  "ExcelApi 1.9. Sett det under Sideoppsett.";
