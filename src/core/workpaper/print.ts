/**
 * A document an auditor can file: how every generated sheet prints, and how wide an amount column
 * must be so that no figure prints as `###`.
 *
 * The standard print setup is A4 landscape, scaled to one page wide (any number of pages tall),
 * with the sheet's header rows repeated on every page, a page header naming the virksomhet, the
 * sheet and the year, and a footer with the print date and «Side 1 av 3». Both shells apply it
 * from the plan's `SheetSpec.print` (write-plan.ts).
 */
import { kronerText } from "../money/format";
import { HeaderFooterSections, PrintSpec, RowSpan } from "./write-plan";

/** What a page header names besides the sheet: whose reconciliation, and which year. */
export interface PrintHeading {
  readonly virksomhet: string;
  readonly aar: number;
}

/** Excel's limit on one header or footer, all three sections and their codes together. */
export const HEADER_FOOTER_MAX = 255;

/** A virksomhet name longer than this is shortened in the page header (Excel's limit is on the whole header). */
const HEADING_NAME_MAX = 100;

/** User text as a header shows it: "&" doubled (else Excel reads it as a code), line breaks and runs of blanks as one space. */
export function headerFooterLiteral(text: string): string {
  return text.replace(/\s+/g, " ").trim().replace(/&/g, "&&");
}

/** One header or footer as an .xlsx stores it (`&Lleft&Ccenter&Rright`), empty sections left out. */
export function headerFooterText(sections: HeaderFooterSections | undefined): string {
  const parts: [string, string | undefined][] = [["&L", sections?.left], ["&C", sections?.center], ["&R", sections?.right]];
  return parts.map(([code, text]) => (text ? `${code}${text}` : "")).join("");
}

/**
 * The print setup of a generated sheet. `titleRows` are the rows repeated on every page (the
 * column headings, or the header block down to them); without a heading the page header names
 * only the sheet. The sheet is named by `&A`, its tab name, so a renamed sheet prints its new name.
 */
export function standardPrint(heading: PrintHeading | undefined, titleRows?: RowSpan): PrintSpec {
  const name = heading ? heading.virksomhet.replace(/\s+/g, " ").trim() : "";
  const shortName = name.length > HEADING_NAME_MAX ? `${name.slice(0, HEADING_NAME_MAX - 1)}…` : name;
  return {
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    ...(titleRows ? { titleRows } : {}),
    header: {
      ...(shortName ? { left: headerFooterLiteral(shortName) } : {}),
      center: "&A",
      ...(heading ? { right: `År ${heading.aar}` } : {}),
    },
    footer: { left: "Skrevet ut &D", center: "Side &P av &N" },
  };
}

/**
 * How wide one character prints, in digit widths of the regular face (Excel's column width unit is
 * the width of the default font's digit). The widest of the fonts the sheets are shown in: Excel's
 * Calibri (digit 0,507 em, comma 0,25 em, hyphen 0,306 em) and, where LibreOffice has neither
 * Calibri nor Carlito, its fallback DejaVu Sans, whose bold face (sum rows) is the widest of all:
 * digit 0,6958 em, comma and period 0,3799 em, space 0,3481 em, hyphen 0,4150 em, over the regular
 * digit's 0,6362 em (the fonts' advance widths). A thousands separator prints as a space
 * (Norwegian) or a comma (English), so both count as the wider, the comma.
 */
const CHARACTER_WIDTH: Readonly<Record<string, number>> = {
  digit: 0.6958 / 0.6362,
  "-": 0.415 / 0.6362,
  ",": 0.3799 / 0.6362,
  ".": 0.3799 / 0.6362,
  " ": 0.3799 / 0.6362,
  "\u00a0": 0.3799 / 0.6362,
};
/** Any other character: as wide as a wide capital, so a width is never too small. */
const OTHER_CHARACTER = 1.3;
/**
 * Room the cell itself takes (its margins and grid line), in digit widths. LibreOffice shows
 * `-9,999,999,999.99` in bold DejaVu Sans at width 16.5 and `###` at 16.0, for 16.2 digit widths
 * of text; Excel's padding is 5 px of a 7 px digit.
 */
const CELL_MARGIN = 0.5;

/** The column width (Excel's unit, whole characters) at which `text` prints whole, bold, in every font above. */
export function columnWidthFor(text: string): number {
  let width = CELL_MARGIN;
  for (const ch of text) width += /\d/.test(ch) ? CHARACTER_WIDTH.digit : (CHARACTER_WIDTH[ch] ?? OTHER_CHARACTER);
  return Math.ceil(width);
}

/** The largest amount a sheet must show whole: -9 999 999 999,99 kr (NUMBER_FORMATS.amount). */
export const LARGEST_AMOUNT_TEXT = kronerText(-999_999_999_999);

/** The width of every amount column, so 9 999 999 999,99 kr of either sign never prints as `###` (17). */
export const AMOUNT_COLUMN_WIDTH = columnWidthFor(LARGEST_AMOUNT_TEXT);

/** `widths` with every column in `amountColumns` at least AMOUNT_COLUMN_WIDTH wide. */
export function withAmountWidths(widths: Readonly<Record<string, number>>, amountColumns: readonly string[]): Record<string, number> {
  const out: Record<string, number> = { ...widths };
  for (const col of amountColumns) out[col] = Math.max(out[col] ?? 0, AMOUNT_COLUMN_WIDTH);
  return out;
}
