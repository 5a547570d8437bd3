/**
 * A sheet's print setup (`SheetSpec.print`) on an exceljs worksheet, as the .xlsx stores it:
 * <pageSetup paperSize orientation fitToWidth fitToHeight>, <sheetPr><pageSetUpPr fitToPage>,
 * the workbook name _xlnm.Print_Titles for the title rows, and <headerFooter><oddHeader>/<oddFooter>
 * (one header and footer for every page). exceljs reads all of it back, so a re-run keeps it.
 */
import type ExcelJS from "exceljs";
import { headerFooterText } from "../../core/workpaper/print";
import { PlanNotice, PrintSpec } from "../../core/workpaper/write-plan";

/** Paper sizes as the .xlsx numbers them (ECMA-376 Part 1 §18.3.1.64, paperSize). */
const PAPER_SIZE: Readonly<Record<PrintSpec["paper"], number>> = { A4: 9 };

/**
 * Sets `print` on the sheet. Returns what it could not set: exceljs writes the print titles' name
 * as `'name'!$1:$2` without doubling an apostrophe in the sheet's name, which Excel would refuse
 * as a damaged file, so on such a sheet the title rows are left out and the user is told.
 */
export function applyPrint(ws: ExcelJS.Worksheet, print: PrintSpec): PlanNotice[] {
  const notices: PlanNotice[] = [];
  const setup = ws.pageSetup;
  setup.paperSize = PAPER_SIZE[print.paper] as ExcelJS.PaperSize;
  // Page numbers run on from the sheet before ("Auto"); see autoPageNumbers in workbook.ts.
  delete (setup as { firstPageNumber?: number }).firstPageNumber;
  setup.orientation = print.orientation;
  if (print.fitToWidth) {
    // fitToHeight 0: as many pages tall as it takes (Excel's "Fit All Columns on One Page").
    setup.fitToPage = true;
    setup.fitToWidth = 1;
    setup.fitToHeight = 0;
  } else {
    setup.fitToPage = false;
    setup.scale = 100;
  }
  const rows = print.titleRows;
  if (rows && ws.name.includes("'")) {
    notices.push({
      sheet: ws.name,
      address: "A1",
      message:
        `Utskriftstitlene (rad ${rows.first}–${rows.last}) er ikke satt, fordi arknavnet har en apostrof. ` +
        "Gi arket et navn uten apostrof, eller sett dem under Sideoppsett > Utskriftstitler.",
    });
  } else if (rows) {
    setup.printTitlesRow = `${rows.first}:${rows.last}`;
  }
  ws.headerFooter = {
    ...ws.headerFooter,
    differentFirst: false,
    differentOddEven: false,
    oddHeader: headerFooterText(print.header),
    oddFooter: headerFooterText(print.footer),
  };
  return notices;
}
