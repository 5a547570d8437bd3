import { parseDateText, toExcelSerial } from "../calendar";
import { kroner } from "../money/ore";
import { Checked, isProblems, problems } from "../problem/problem";
import { columnLetter } from "../sheet/a1";
import { SheetSnapshot } from "../sheet/snapshot";
import { isCostAccount } from "../voucher/export-check";
import { Bilag, Dimensjon } from "../voucher/types";
import { cellList, GeneratedRow, GeneratedTable, planRows, writeTable } from "./generated-table";
import { Cell, NUMBER_FORMATS, WritePlan } from "./write-plan";
import { AMOUNT_COLUMN_WIDTH, PrintHeading, standardPrint } from "./print";

/**
 * A voucher sheet (`Korreksjonsbilag`, `Lønnsbilag`, …): the vouchers, one row per line, and a
 * control row per voucher whose formulas show that it sums to 0 (SUM, ROUND and IF only, so a
 * colleague without the add-in sees the same). Debet and kredit are formulas on the signed
 * amount. Regenerating replaces only our rows (column A holds the voucher id) and keeps the
 * user's own rows and columns.
 */

/** Which vouchers a sheet holds and how it is headed. */
export interface VoucherSheetSpec {
  readonly sheet: string;
  readonly title: string;
  readonly note: string;
  /** The ids this sheet's vouchers have; a row whose column A matches is ours. */
  readonly idPattern: RegExp;
  /** What the sheet is for, in a message refusing a voucher it does not hold. */
  readonly holds: string;
  readonly bilagsart: string;
  readonly dimensjoner: readonly Dimensjon[];
  /** Whose vouchers and which year, for the page header when the sheet is printed. */
  readonly heading: PrintHeading;
  /** Vouchers an export holds back, by id, with what their Status says they wait for. */
  readonly held?: ReadonlyMap<string, string>;
}

/** Dimensions shown as columns: those configured, by Unit4 slot. */
function dimensionColumns(spec: VoucherSheetSpec): Dimensjon[] {
  return [...spec.dimensjoner].sort((a, b) => a.nummer - b.nummer);
}

/**
 * Column indexes (0-based) of the table for N dimension columns. The line number sits next to the
 * voucher id, away from the account, so «1» and «5420» never read as one number.
 */
export function voucherColumns(dimensionCount: number) {
  const n = dimensionCount;
  return { id: 0, linje: 1, dato: 2, periode: 3, termin: 4, konto: 5, dim0: 6, debet: 6 + n, kredit: 7 + n, belop: 8 + n, tekst: 9 + n, bilagsart: 10 + n, status: 11 + n, width: 12 + n };
}

export function voucherTable(spec: VoucherSheetSpec): GeneratedTable {
  const dims = dimensionColumns(spec);
  const k = voucherColumns(dims.length);
  const headings = [
    "Bilag-ID", "Linje", "Dato", "Periode", "Termin", "Konto",
    ...dims.map((d) => `${d.navn.trim() || "Dimensjon"} (dim_${d.nummer})`),
    "Debet", "Kredit", "Beløp", "Tekst", "Bilagsart", "Status",
  ];
  const columnFormats: (string | undefined)[] = Array(k.width).fill(NUMBER_FORMATS.text);
  columnFormats[k.dato] = NUMBER_FORMATS.date;
  columnFormats[k.periode] = NUMBER_FORMATS.integer;
  columnFormats[k.linje] = NUMBER_FORMATS.integer;
  for (const c of [k.debet, k.kredit, k.belop]) columnFormats[c] = NUMBER_FORMATS.amount;
  return {
    sheet: spec.sheet,
    title: spec.title,
    note: spec.note,
    headings,
    isGenerated: (a) => spec.idPattern.test(a),
    keyOf: (cells) => `${cells[k.id]}#${cells[k.linje]}`,
    columnFormats,
    goneColumn: k.tekst,
  };
}

function terminText(b: Bilag): string {
  if (b.termin !== null) return `T${b.termin}`;
  return "År";
}

function excelDate(iso: string): number | string {
  const d = parseDateText(iso);
  return d && d.day !== undefined ? toExcelSerial({ year: d.year, month: d.month, day: d.day }) : iso;
}

/** Plans the sheet: vouchers → rows, into the rows `planRows` chooses; notes stay with their voucher line. */
export function planVoucherSheet(bilag: readonly Bilag[], spec: VoucherSheetSpec, snapshot?: SheetSnapshot): Checked<WritePlan> {
  // Only ids we recognise on the next run may be written, or a regeneration would leave them behind.
  const foreign = bilag.filter((b) => !spec.idPattern.test(b.id)).map((b) => b.id);
  if (foreign.length > 0) {
    return problems(`Arket «${spec.sheet}» er for ${spec.holds}; ${foreign.join(", ")} hører ikke hjemme der.`, { sheet: spec.sheet });
  }
  const table = voucherTable(spec);
  const dims = dimensionColumns(spec);
  const k = voucherColumns(dims.length);
  const keys = bilag.flatMap((b) => [...b.linjer.map((l) => `${b.id}#${l.linje}`), `${b.id}#Sum`]);
  const plan = planRows(snapshot, table, keys);
  if (isProblems(plan)) return plan;

  const rows: GeneratedRow[] = [];
  let i = 0;
  for (const b of bilag) {
    const lineRows = plan.rows.slice(i, i + b.linjer.length);
    const common = (cells: Cell[]) => {
      cells[k.id] = b.id;
      cells[k.dato] = excelDate(b.dato);
      cells[k.periode] = Number(b.periode);
      cells[k.termin] = terminText(b);
      return cells;
    };
    b.linjer.forEach((l, j) => {
      const r = lineRows[j] + 1;
      const belop = `${columnLetter(k.belop)}${r}`;
      const missing = isCostAccount(l.konto)
        ? dims.filter((d) => d.pakrevd && !(l.dimensjoner[d.nummer] ?? "").trim()).map((d) => `${d.navn || "dimensjon"} (dim_${d.nummer})`)
        : [];
      const cells: Cell[] = Array(k.width).fill("");
      common(cells);
      cells[k.linje] = l.linje;
      cells[k.konto] = l.konto;
      dims.forEach((d, di) => (cells[k.dim0 + di] = l.dimensjoner[d.nummer] ?? ""));
      const amount = kroner(l.belop);
      cells[k.debet] = { formula: `=IF(${belop}>0,${belop},0)`, value: amount > 0 ? amount : 0 };
      cells[k.kredit] = { formula: `=IF(${belop}<0,-${belop},0)`, value: amount < 0 ? -amount : 0 };
      cells[k.belop] = amount;
      cells[k.tekst] = l.tekst;
      cells[k.bilagsart] = spec.bilagsart;
      cells[k.status] = spec.held?.get(b.id) ?? (missing.length > 0 ? `Mangler ${missing.join(", ")}` : "OK");
      rows.push({ key: `${b.id}#${l.linje}`, cells, columnStyles: { [k.debet]: "formula", [k.kredit]: "formula" } });
    });
    const sumOf = (col: number) => `SUM(${cellList(col, lineRows)})`;
    const debit = b.linjer.reduce((a, l) => a + (l.belop > 0 ? l.belop : 0), 0);
    const total = b.linjer.reduce((a, l) => a + l.belop, 0);
    const control: Cell[] = Array(k.width).fill("");
    common(control);
    control[k.linje] = "Sum";
    control[k.debet] = { formula: `=${sumOf(k.debet)}`, value: debit / 100 };
    control[k.kredit] = { formula: `=${sumOf(k.kredit)}`, value: (debit - total) / 100 };
    control[k.belop] = { formula: `=ROUND(${sumOf(k.belop)},2)`, value: total / 100 };
    control[k.tekst] = `Kontroll: ${b.tekst} skal gå i null`;
    control[k.status] = { formula: `=IF(ROUND(${sumOf(k.belop)},2)=0,"I balanse","Går ikke i null")`, value: total === 0 ? "I balanse" : "Går ikke i null" };
    rows.push({ key: `${b.id}#Sum`, cells: control, style: "sum" });
    i += b.linjer.length + 1;
  }

  const writes = writeTable(table, plan, rows);
  const widths: Record<string, number> = { A: 18, B: 6, C: 11, D: 9, E: 7, F: 9 };
  dims.forEach((_, di) => (widths[columnLetter(k.dim0 + di)] = 14));
  // Wide enough for -9 999 999 999,99 kr with its separators, so no amount shows as ###.
  for (const c of [k.debet, k.kredit, k.belop]) widths[columnLetter(c)] = AMOUNT_COLUMN_WIDTH;
  widths[columnLetter(k.tekst)] = 60;
  widths[columnLetter(k.bilagsart)] = 9;
  widths[columnLetter(k.status)] = 24;
  return {
    ...writes,
    sheets: [{
      name: spec.sheet,
      visibility: "visible",
      columnWidths: widths,
      freezeRows: plan.isNew && plan.titleRow === 0 ? plan.headerRow + 1 : undefined,
      print: standardPrint(spec.heading, { first: plan.headerRow + 1, last: plan.headerRow + 1 }),
    }],
  };
}
