import { Budsjettering, Kontoer } from "../types";
import {
  accountField,
  ADJUST_CELLS,
  BALANCE_COLUMNS,
  FormulaColumn,
  nameOf,
  ROWS,
  VOUCHER_COLUMNS,
} from "./layout";

/**
 * The sheet's formulas as text, in Excel's invariant syntax (English function names, `,`), with the
 * leading "=". Only SUM, ROUND, IF, ABS, AND, OR, SUMPRODUCT, COUNT and operators: a colleague without the
 * add-in, and LibreOffice, compute the same figures. Each mirrors one line of the model
 * (src/core/spk/reconcile.ts), which the end-to-end test compares to the øre.
 */

const BRUTTO = `${nameOf("budsjettering")}="Brutto"`;
/** Excel and LibreOffice compare text case-insensitively; both spellings of Årsslutt are accepted. */
const AARSSLUTT = `OR(${nameOf("modus")}="Årsslutt",${nameOf("modus")}="Arsslutt")`;
const SATS = nameOf("agaSats");

/** The names a formula needs to exist in the workbook. */
export function namesIn(formula: string): string[] {
  return [...new Set(formula.match(/\bLONN_[A-Z0-9_]+\b/g) ?? [])];
}

/**
 * A termin row's computed cell (DESIGN.md §3.1). R reads the header's budsjettering, so flipping
 * it re-computes R; `fixedKind` gives a sheet without that header cell the fixed form (=M or =Q).
 */
export function terminFormula(col: FormulaColumn, r: number, fixedKind?: Budsjettering): string {
  switch (col) {
    case "G":
      return `=IF(${sapAndUnit4(r)},B${r}-D${r},"")`;
    case "H":
      return `=IF(${sapAndUnit4(r)},B${r}-E${r},"")`;
    case "I":
      return `=IF(${sapAndUnit4(r)},C${r}-F${r},"")`;
    case "O":
      return `=IF(${sapAndInvoice(r)},L${r}-B${r},"")`;
    case "P":
      return `=IF(${sapAndInvoice(r)},N${r}-C${r},"")`;
    case "Q":
      return `=IF(${sapAndInvoice(r)},(L${r}+M${r}+N${r})-(B${r}+C${r}),"")`;
    case "R": {
      const posted = fixedKind ? (fixedKind === "brutto" ? `M${r}` : `Q${r}`) : `IF(${BRUTTO},M${r},Q${r})`;
      return `=IF(${sapAndInvoice(r)},${posted},"")`;
    }
    case "S":
      return `=${SATS}`;
    case "T":
      return `=IF(R${r}="","",ROUND(R${r}*S${r},2))`;
  }
}

/**
 * Whether a termin row has figures from both sources of a comparison, as the model decides
 * (missing is not zero): SAP (B–C) and Unit4 (D–F) for G, H and I; SAP and the invoice (L–N) for
 * O, P, Q and R. COUNT counts numbers only, so an empty source is missing and the cell stays
 * empty; SUM in the Sum row skips the empty text.
 */
export const sapAndUnit4 = (r: number): string => `AND(COUNT(B${r}:C${r})>0,COUNT(D${r}:F${r})>0)`;
export const sapAndInvoice = (r: number): string => `AND(COUNT(B${r}:C${r})>0,COUNT(L${r}:N${r})>0)`;

/**
 * Formulas earlier versions of the template wrote in a cell, which a fill may replace with the
 * current one (any other formula in the cell is the user's and is kept).
 */
export function previousTerminFormulas(col: FormulaColumn, r: number, fixedKind?: Budsjettering): string[] {
  const first: Record<FormulaColumn, string> = {
    G: `=B${r}-D${r}`, H: `=B${r}-E${r}`, I: `=C${r}-F${r}`, O: `=L${r}-B${r}`, P: `=N${r}-C${r}`, Q: `=(L${r}+M${r}+N${r})-(B${r}+C${r})`,
    R: fixedKind ? (fixedKind === "brutto" ? `=M${r}` : `=Q${r}`) : `=IF(${BRUTTO},M${r},Q${r})`,
    S: `=${SATS}`,
    T: `=ROUND(R${r}*S${r},2)`,
  };
  return col === "S" ? [] : [first[col]];
}

/** The Sum row: one range when the termin rows are contiguous, else the cells one by one. */
export function sumFormula(col: string, rows: readonly number[]): string {
  const sorted = [...rows].sort((a, b) => a - b);
  const contiguous = sorted.every((r, i) => i === 0 || r === sorted[i - 1] + 1);
  if (contiguous && sorted.length > 1) return `=SUM(${col}${sorted[0]}:${col}${sorted[sorted.length - 1]})`;
  return `=SUM(${sorted.map((r) => `${col}${r}`).join(",")})`;
}

export type VoucherColumn = Exclude<keyof typeof VOUCHER_COLUMNS, "label">;

/**
 * The Termin-/årsavstemming block: per termin (source = the termin's table row) and for the year
 * (source = the Sum row), the amount to post on each account, signed, debit positive:
 * 5420 +R; brutto 2820 −R; netto 2961 −O and 2630 −P; 5401 +T; 1986 (brutto) or 2771 (netto) −T.
 * The year's AGA is ΣT terminvis and ROUND(ΣR×S,2) årsslutt, as the model's `aarsAga`.
 * `kontroll` sums the lines and is 0 whenever the voucher balances.
 */
export function voucherFormula(col: VoucherColumn, row: number, source: number, year: boolean): string {
  const v = VOUCHER_COLUMNS;
  const line = voucherLine(col, row, source, year);
  // A termin that is not reconciled has an empty R: its voucher row stays empty too.
  return year || col === "R" || col === "S" || col === "T" ? `=${line}` : `=IF(${v.R}${row}="","",${line})`;
}

/** Voucher rows as the first template wrote them (before a termin could be unreconciled). */
export function previousVoucherFormulas(col: VoucherColumn, row: number, source: number, year: boolean): string[] {
  return year || col === "R" || col === "S" || col === "T" ? [] : [`=${voucherLine(col, row, source, year)}`];
}

function voucherLine(col: VoucherColumn, row: number, source: number, year: boolean): string {
  const v = VOUCHER_COLUMNS;
  switch (col) {
    case "R":
      return `R${source}`;
    case "S":
      return year ? SATS : `S${source}`;
    case "T":
      return year ? `IF(${AARSSLUTT},ROUND(R${source}*${SATS},2),T${source})` : `T${source}`;
    case "differanse":
      return `${v.R}${row}`;
    case "fakturadifferanse":
      return `IF(${BRUTTO},-${v.R}${row},0)`;
    case "avsetningNetto":
      return `IF(${BRUTTO},0,-O${source})`;
    case "medlemsinnskudd":
      return `IF(${BRUTTO},0,-P${source})`;
    case "agaKostnad":
      return `${v.T}${row}`;
    case "agaMotkontoBrutto":
      return `IF(${BRUTTO},-${v.T}${row},0)`;
    case "agaMotkontoNetto":
      return `IF(${BRUTTO},0,-${v.T}${row})`;
    case "kontroll":
      return `SUM(${v.differanse}${row}:${v.agaMotkontoNetto}${row})`;
  }
}

/** The account number a voucher column posts on, from the header's account names. */
export const VOUCHER_ACCOUNT: Readonly<Partial<Record<VoucherColumn, keyof Kontoer>>> = {
  differanse: "differanse",
  fakturadifferanse: "fakturadifferanse",
  avsetningNetto: "avsetningNetto",
  medlemsinnskudd: "medlemsinnskudd",
  agaKostnad: "agaKostnad",
  agaMotkontoBrutto: "agaMotkontoBrutto",
  agaMotkontoNetto: "agaMotkontoNetto",
};

export const accountFormula = (key: keyof Kontoer): string => `=${accountField(key).name}`;

/** The balance control row: UB = IB + movement; difference = UB − expected. */
export function balanceFormula(col: "ub" | "differanse", r: number): string {
  const c = BALANCE_COLUMNS;
  return col === "ub" ? `=${c.ib}${r}+${c.bevegelse}${r}` : `=${c.ub}${r}-${c.forventet}${r}`;
}

/**
 * The AGA adjustment: ROUND(ΣR × new rate, 2) − the AGA posted for the year; empty while no new
 * rate is entered (a 0 there would read as "no adjustment needed").
 */
export function adjustFormula(cell: "sumR" | "bokfort" | "nyAga" | "justering"): string {
  const a = ADJUST_CELLS;
  switch (cell) {
    case "sumR":
      return `=R${ROWS.sum}`;
    case "bokfort":
      return `=${VOUCHER_COLUMNS.T}${ROWS.voucherYear}`;
    case "nyAga":
      return `=IF(${a.nySats}="","",ROUND(${a.sumR}*${a.nySats},2))`;
    case "justering":
      return `=IF(${a.nySats}="","",ROUND(${a.nyAga}-${a.bokfort},2))`;
  }
}
