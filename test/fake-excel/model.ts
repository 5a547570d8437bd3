/**
 * The workbook the fake host holds: plain data, changed only by queued operations at `sync()`
 * and read directly by tests for their assertions.
 */
import { colLetters, formatRect, MAX_COLS, Rect } from "./address";
import { defaultPageLayout, PageLayoutState } from "./page-layout";

export type Scalar = string | number | boolean;
export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export const GENERAL = "General";
/** Excel's default column width: 8.43 characters = 64 px = 48 pt. */
export const DEFAULT_COLUMN_WIDTH = 48;

export interface CellState {
  /** The constant, or a formula cell's last value (the fake never calculates). "" when empty. */
  value: Scalar;
  /** Formula text with its leading "=", only for formula cells. */
  formula?: string;
  /** The text was entered with a leading apostrophe (Excel keeps it as text, shows no apostrophe). */
  quotePrefix?: boolean;
  numberFormat: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  wrap?: boolean;
}

export interface ConditionalFormatState {
  readonly id: string;
  rect: Rect;
  readonly type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
}

export interface NameState {
  name: string;
  formula: string;
  comment: string;
  visible: boolean;
}

const emptyCell = (): CellState => ({ value: "", numberFormat: GENERAL });

export function cellHasContent(cell: CellState): boolean {
  return cell.formula !== undefined || cell.value !== "";
}

function cellHasFormat(cell: CellState): boolean {
  return (
    cell.numberFormat !== GENERAL ||
    cell.fill !== undefined ||
    cell.fontColor !== undefined ||
    cell.bold === true ||
    cell.italic === true ||
    cell.wrap === true
  );
}

export class SheetState {
  visibility: Visibility = "Visible";
  frozenRows = 0;
  /** Worksheet.pageLayout: print setup, header and footer. */
  readonly pageLayout: PageLayoutState = defaultPageLayout();
  readonly columnWidths = new Map<number, number>();
  readonly conditionalFormats: ConditionalFormatState[] = [];
  /** Merged areas (each at least two cells, none overlapping); writes do not unmerge them. */
  readonly merges: Rect[] = [];
  private readonly cells = new Map<number, CellState>();

  constructor(public name: string) {}

  /** A copy of the cell's state (an empty cell when never touched). */
  cell(row: number, col: number): CellState {
    const c = this.cells.get(row * MAX_COLS + col);
    return c ? { ...c } : emptyCell();
  }

  /** The stored cell, created on first write. */
  edit(row: number, col: number): CellState {
    const key = row * MAX_COLS + col;
    let c = this.cells.get(key);
    if (!c) {
      c = emptyCell();
      this.cells.set(key, c);
    }
    return c;
  }

  /** Every touched cell with its position. */
  *entries(): IterableIterator<[number, number, CellState]> {
    for (const [key, cell] of this.cells) yield [Math.floor(key / MAX_COLS), key % MAX_COLS, cell];
  }

  /** Excel's used range: cells with content (and, unless valuesOnly, with formatting); null when none. */
  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
    for (const [r, c, cell] of this.entries()) {
      if (!cellHasContent(cell) && (valuesOnly || !cellHasFormat(cell))) continue;
      r0 = Math.min(r0, r); c0 = Math.min(c0, c);
      r1 = Math.max(r1, r); c1 = Math.max(c1, c);
    }
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }

  columnWidth(col: number): number {
    return this.columnWidths.get(col) ?? DEFAULT_COLUMN_WIDTH;
  }
}

export class WorkbookState {
  readonly sheets: SheetState[] = [];
  readonly names: NameState[] = [];
  activeSheet: SheetState | undefined;
  selection: { sheet: SheetState; rect: Rect } | undefined;
  private nextId = 1;

  /** Sheet names are case-insensitive in Excel. */
  findSheet(name: string): SheetState | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  findName(name: string): NameState | undefined {
    const key = name.toLowerCase();
    return this.names.find((n) => n.name.toLowerCase() === key);
  }

  newId(): string {
    return `{${this.nextId++}}`;
  }
}

/** The whole workbook as plain JSON, for "nothing changed" comparisons. */
export interface WorkbookDescription {
  readonly sheets: readonly {
    readonly name: string;
    readonly visibility: Visibility;
    readonly frozenRows: number;
    /** Only for a sheet whose print setup is not Excel's default. */
    readonly pageLayout?: PageLayoutState;
    readonly columnWidths: Readonly<Record<string, number>>;
    readonly cells: Readonly<Record<string, CellState>>;
    readonly conditionalFormats: readonly (Omit<ConditionalFormatState, "rect" | "id"> & { address: string })[];
    /** Only for a sheet with merged areas. */
    readonly merges?: readonly string[];
  }[];
  readonly names: readonly NameState[];
}

export function describeWorkbook(wb: WorkbookState): WorkbookDescription {
  return {
    sheets: wb.sheets.map((s) => {
      const touched = [...s.entries()].filter(([, , c]) => cellHasContent(c) || cellHasFormat(c) || c.quotePrefix);
      touched.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      return {
        name: s.name,
        visibility: s.visibility,
        frozenRows: s.frozenRows,
        ...(JSON.stringify(s.pageLayout) !== JSON.stringify(defaultPageLayout()) ? { pageLayout: JSON.parse(JSON.stringify(s.pageLayout)) } : {}),
        columnWidths: Object.fromEntries([...s.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [colLetters(c), w])),
        cells: Object.fromEntries(touched.map(([r, c, cell]) => [`${colLetters(c)}${r + 1}`, { ...cell }])),
        conditionalFormats: s.conditionalFormats.map(({ rect, id: _id, ...rest }) => ({ address: formatRect(rect), ...rest })),
        ...(s.merges.length > 0 ? { merges: s.merges.map(formatRect) } : {}),
      };
    }),
    names: wb.names.map((n) => ({ ...n })),
  };
}
