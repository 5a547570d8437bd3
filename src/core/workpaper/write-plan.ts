/**
 * A WritePlan is everything one user action writes to a workbook, as data. The core produces it
 * once; `excel/` applies it with Office.js and `cli/` with exceljs, so what LibreOffice
 * recalculates in the tests is exactly what Excel receives (DESIGN.md §1).
 *
 * Addresses are A1 ranges on one sheet without the sheet name ("B7:F12"). Formulas are in
 * Excel's invariant (English) syntax with `,` separators, and use only functions Excel and
 * LibreOffice both have: SUM, ROUND, IF, ABS, AND, OR, SUMPRODUCT. Never LONN.*.
 */

/** A formula cell; kept apart from text so a text that starts with "=" is never run as a formula. */
export interface Formula {
  /** With the leading "=", as Office.js `range.formulas` takes it: `=B12-D12`. (exceljs wants it without.) */
  readonly formula: string;
  /**
   * The formula's result as core computed it, when core knows it. The CLI stores it in the .xlsx
   * next to the formula, so previews (mail, Teams, mobile) and readers that do not recalculate
   * show the figure; Excel recalculates anyway. "" for an empty result.
   */
  readonly value?: number | string | boolean;
}

/** What one cell gets: a constant, a formula, or null to leave the cell exactly as it is. */
export type Cell = string | number | boolean | Formula | null;

export function isFormula(cell: Cell): cell is Formula {
  return typeof cell === "object" && cell !== null;
}

/**
 * How a cell looks. Each shell maps these to fills and fonts from `STYLES`, so Excel and the
 * .xlsx the CLI writes look the same.
 */
export type StyleName =
  | "title"
  | "header"
  | "label"
  /** A cell the user (or an import) fills in. */
  | "input"
  /** A computed cell: never typed over. */
  | "formula"
  | "sum"
  | "note";

export interface StyleSpec {
  /** Fill colour, #RRGGBB. */
  readonly fill?: string;
  readonly fontColor?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly wrap?: boolean;
}

/** One palette for both shells; input cells are visibly different from computed ones. */
export const STYLES: Readonly<Record<StyleName, StyleSpec>> = {
  title: { bold: true, fontColor: "#1F4E3D" },
  header: { bold: true, fill: "#D9E7E1", wrap: true },
  label: { bold: true },
  input: { fill: "#FFF7D6" },
  formula: { fill: "#F2F2F2" },
  sum: { bold: true, fill: "#E7EFEA" },
  note: { italic: true, fontColor: "#595959", wrap: true },
};

/** Number formats in Excel's invariant codes; a Norwegian Excel shows "1 234,56". */
export const NUMBER_FORMATS = {
  amount: "#,##0.00;[Red]-#,##0.00",
  rate: "0.00%",
  rateFine: "0.0000%",
  integer: "0",
  text: "@",
  date: "dd.mm.yyyy",
} as const;

export interface RangeWrite {
  readonly sheet: string;
  /** A1 range; its size equals the size of `cells`. */
  readonly address: string;
  /** Rows of columns. */
  readonly cells: readonly (readonly Cell[])[];
  /** One number format for the whole range, if any. */
  readonly numberFormat?: string;
  /** One style for the whole range, if any. */
  readonly style?: StyleName;
}

/** A format-only write (no values): styles, number formats, column widths. */
export interface FormatWrite {
  readonly sheet: string;
  readonly address: string;
  readonly numberFormat?: string;
  readonly style?: StyleName;
}

export interface ConditionalFormat {
  readonly sheet: string;
  readonly address: string;
  /**
   * A formula relative to the top-left cell of `address`, true where the flag applies,
   * e.g. `AND(ABS($G7)>LONN_TOLERANSE,$J7="")`.
   */
  readonly formula: string;
  readonly style: "flag" | "warning";
}

export const CONDITIONAL_STYLES: Readonly<Record<ConditionalFormat["style"], StyleSpec>> = {
  flag: { fill: "#F8D7DA", fontColor: "#8B1A1A" },
  warning: { fill: "#FFE8B3", fontColor: "#7A4B00" },
};

/** Sheet rows, 1-based and inclusive as Excel numbers them: `{ first: 1, last: 11 }` is rows 1–11. */
export interface RowSpan {
  readonly first: number;
  readonly last: number;
}

/**
 * The three sections of a page header or footer, each in Excel's header/footer codes: `&P` the
 * page, `&N` the number of pages, `&A` the sheet's tab name, `&D` the date, `&T` the time, `&F`
 * the file name, `&Z` its folder, `&B`/`&I`/`&U` bold/italic/underline on and off, and `&&` for a
 * literal "&" (`headerFooterLiteral` in print.ts escapes user text). Other codes are refused by
 * the plan check: fonts, sizes and pictures differ between Excel and LibreOffice.
 */
export interface HeaderFooterSections {
  readonly left?: string;
  readonly center?: string;
  readonly right?: string;
}

/**
 * How a sheet prints. A shell sets every part of it, so a sheet printed twice from two machines
 * looks the same: exceljs writes <pageSetup>, <pageSetUpPr fitToPage>, _xlnm.Print_Titles and
 * <headerFooter>; Office.js sets `worksheet.pageLayout` (ExcelApi 1.9). `standardPrint` in
 * print.ts builds the one every generated sheet uses.
 */
export interface PrintSpec {
  readonly orientation: "landscape" | "portrait";
  readonly paper: "A4";
  /**
   * true: scaled to one page wide and as many pages tall as it takes (Excel's "Fit All Columns on
   * One Page": fitToWidth 1, fitToHeight 0); false: printed at 100 %.
   */
  readonly fitToWidth: boolean;
  /** Rows repeated at the top of every page (print titles). Absent: the sheet's setting stays. */
  readonly titleRows?: RowSpan;
  /** Absent sections are written empty, so an older header never lingers beside a new one. */
  readonly header?: HeaderFooterSections;
  readonly footer?: HeaderFooterSections;
}

export interface SheetSpec {
  readonly name: string;
  /** `veryHidden` for the `_lonn` settings sheet: not even listed under Unhide. */
  readonly visibility: "visible" | "veryHidden";
  /** Column widths in characters, by column letter. */
  readonly columnWidths?: Readonly<Record<string, number>>;
  /** Rows to freeze at the top. */
  readonly freezeRows?: number;
  /** How the sheet prints. Absent: its print setup is left as it is (a hand-made sheet keeps the user's). */
  readonly print?: PrintSpec;
}

/** A workbook-scoped name pointing at one cell or range (`LONN_AGA_SATS` → header cell). */
export interface NameSpec {
  readonly name: string;
  readonly sheet: string;
  readonly address: string;
}

/** A cell the plan deliberately did not write, and why; shown to the user after a fill. */
export interface LeftAlone {
  readonly sheet: string;
  readonly address: string;
  readonly reason: string;
}

/**
 * Something a plan did to an existing sheet that the user should hear about, e.g. a formula added
 * to an empty cell of a hand-made sheet. Shown with `leftAlone` after a fill.
 */
export interface PlanNotice {
  readonly sheet: string;
  readonly address: string;
  readonly message: string;
}

export interface WritePlan {
  /** Sheets the plan needs; a shell creates those that do not exist and leaves the others. */
  readonly sheets: readonly SheetSpec[];
  readonly writes: readonly RangeWrite[];
  readonly formats: readonly FormatWrite[];
  readonly names: readonly NameSpec[];
  readonly conditionalFormats: readonly ConditionalFormat[];
  readonly leftAlone: readonly LeftAlone[];
  /** Optional so older plans stay valid; `mergePlans` keeps them. */
  readonly notices?: readonly PlanNotice[];
  /**
   * What core computed for formula cells the plan may not write (a template formula already in
   * place). The CLI stores them as the cached results of the formulas in those cells, so readers
   * that do not recalculate see current figures; the Office.js shell ignores them (Excel computes).
   */
  readonly results?: readonly FormulaResult[];
}

/** The computed value of the formula in one cell ("" for an empty result). */
export interface FormulaResult {
  readonly sheet: string;
  readonly address: string;
  readonly value: number | string | boolean;
}

export function emptyPlan(): WritePlan {
  return { sheets: [], writes: [], formats: [], names: [], conditionalFormats: [], leftAlone: [], notices: [] };
}

/** Several plans as one, applied in one batch. Later writes win where they overlap. */
export function mergePlans(...plans: readonly WritePlan[]): WritePlan {
  const sheets = new Map<string, SheetSpec>();
  for (const p of plans) for (const s of p.sheets) sheets.set(s.name, s);
  return {
    sheets: [...sheets.values()],
    writes: plans.flatMap((p) => p.writes),
    formats: plans.flatMap((p) => p.formats),
    names: plans.flatMap((p) => p.names),
    conditionalFormats: plans.flatMap((p) => p.conditionalFormats),
    leftAlone: plans.flatMap((p) => p.leftAlone),
    notices: plans.flatMap((p) => p.notices ?? []),
    results: plans.flatMap((p) => p.results ?? []),
  };
}

/** What applying a plan did, as both shells (Office.js and exceljs) report it to the user. */
export interface AppliedPlan {
  readonly sheetsCreated: readonly string[];
  readonly cellsWritten: number;
  /** Cells inside the written ranges that the plan left null: untouched, content and format. */
  readonly cellsLeftAlone: number;
  readonly namesAdded: readonly string[];
  readonly namesUpdated: readonly string[];
  readonly conditionalFormats: number;
  /** The plan's own account of cells it did not write, and why. */
  readonly leftAlone: readonly LeftAlone[];
  /** What the plan did to an existing sheet that the user should hear about. */
  readonly notices: readonly PlanNotice[];
}
