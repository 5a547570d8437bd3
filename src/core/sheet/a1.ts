/** A1 addresses: column letters, cells and rectangular ranges on one sheet. */

export interface CellRef {
  /** 0-based. */
  readonly row: number;
  /** 0-based. */
  readonly col: number;
}

export interface RangeRef {
  readonly start: CellRef;
  readonly end: CellRef;
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(col: number): string {
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A → 0, AA → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellAddress(ref: CellRef): string {
  return `${columnLetter(ref.col)}${ref.row + 1}`;
}

export function rangeAddress(range: RangeRef): string {
  const a = cellAddress(range.start);
  const b = cellAddress(range.end);
  return a === b ? a : `${a}:${b}`;
}

/** "B7" → {row: 6, col: 1}; accepts $ anchors. */
export function parseCell(address: string): CellRef {
  const m = address.replace(/\$/g, "").match(/^([A-Za-z]{1,3})(\d+)$/);
  if (!m) throw new Error(`Ugyldig celleadresse «${address}»`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** "B7:F12" or "B7"; a sheet prefix ("Ark1!B7") is dropped. */
export function parseRange(address: string): RangeRef {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b = a] = local.split(":");
  return { start: parseCell(a), end: parseCell(b) };
}

/** The range of a grid of `rows` × `cols` whose top-left cell is `start`. */
export function rangeOf(start: CellRef, rows: number, cols: number): string {
  return rangeAddress({ start, end: { row: start.row + rows - 1, col: start.col + cols - 1 } });
}

/** "B5:C7" → "$B$5:$C$7", as workbook names hold their cells. */
export function absoluteAddress(address: string): string {
  const range = parseRange(address);
  const anchor = (ref: CellRef): string => `$${columnLetter(ref.col)}$${ref.row + 1}`;
  const start = anchor(range.start);
  const end = anchor(range.end);
  return start === end ? start : `${start}:${end}`;
}
