import { parseDateText, toExcelSerial } from "../calendar";
import { kroner } from "../money/ore";
import { Checked, isProblems, problems } from "../problem/problem";
import { columnLetter } from "../sheet/a1";
import { SheetSnapshot } from "../sheet/snapshot";
import { isCostAccount } from "../voucher/export-check";
import { Bilag, Dimensjon } from "../voucher/types";
import { celleliste, GeneratedRow, GenerertTabell, planRows, writeTable } from "./generated-table";
import { Cell, NUMBER_FORMATS, WritePlan } from "./write-plan";

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
}

/** Dimensions shown as columns: those configured, by Unit4 slot. */
function dimensionColumns(spec: VoucherSheetSpec): Dimensjon[] {
  return [...spec.dimensjoner].sort((a, b) => a.nummer - b.nummer);
}

/** Column indexes (0-based) of the table for N dimension columns. */
export function voucherColumns(dimensionCount: number) {
  const n = dimensionCount;
  return { id: 0, dato: 1, periode: 2, termin: 3, linje: 4, konto: 5, dim0: 6, debet: 6 + n, kredit: 7 + n, belop: 8 + n, tekst: 9 + n, bilagsart: 10 + n, status: 11 + n, bredde: 12 + n };
}

export function voucherTable(spec: VoucherSheetSpec): GenerertTabell {
  const dims = dimensionColumns(spec);
  const k = voucherColumns(dims.length);
  const headings = [
    "Bilag-ID", "Dato", "Periode", "Termin", "Linje", "Konto",
    ...dims.map((d) => `${d.navn.trim() || "Dimensjon"} (dim_${d.nummer})`),
    "Debet", "Kredit", "Beløp", "Tekst", "Bilagsart", "Status",
  ];
  const kolonneformat: (string | undefined)[] = Array(k.bredde).fill(NUMBER_FORMATS.text);
  kolonneformat[k.dato] = NUMBER_FORMATS.date;
  kolonneformat[k.periode] = NUMBER_FORMATS.integer;
  kolonneformat[k.linje] = NUMBER_FORMATS.integer;
  for (const c of [k.debet, k.kredit, k.belop]) kolonneformat[c] = NUMBER_FORMATS.amount;
  return {
    ark: spec.sheet,
    tittel: spec.title,
    merknad: spec.note,
    overskrifter: headings,
    erGenerert: (a) => spec.idPattern.test(a),
    kolonneformat,
  };
}

function terminText(b: Bilag): string {
  if (b.termin !== null) return `T${b.termin}`;
  return "År";
}

function excelDato(iso: string): number | string {
  const d = parseDateText(iso);
  return d && d.day !== undefined ? toExcelSerial({ year: d.year, month: d.month, day: d.day }) : iso;
}

/** Plans the sheet: vouchers → rows, into the rows `planleggRader` chooses. */
export function planVoucherSheet(bilag: readonly Bilag[], spec: VoucherSheetSpec, snapshot?: SheetSnapshot): Checked<WritePlan> {
  // Only ids we recognise on the next run may be written, or a regeneration would leave them behind.
  const foreign = bilag.filter((b) => !spec.idPattern.test(b.id)).map((b) => b.id);
  if (foreign.length > 0) {
    return problems(`Arket «${spec.sheet}» er for ${spec.holds}; ${foreign.join(", ")} hører ikke hjemme der.`, { sheet: spec.sheet });
  }
  const tabell = voucherTable(spec);
  const dims = dimensionColumns(spec);
  const k = voucherColumns(dims.length);
  const count = bilag.reduce((a, b) => a + b.linjer.length + 1, 0);
  const plan = planRows(snapshot, tabell, count);
  if (isProblems(plan)) return plan;

  const rows: GeneratedRow[] = [];
  let i = 0;
  for (const b of bilag) {
    const lineRows = plan.plasser.slice(i, i + b.linjer.length);
    const felles = (cells: Cell[]) => {
      cells[k.id] = b.id;
      cells[k.dato] = excelDato(b.dato);
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
      const cells: Cell[] = Array(k.bredde).fill("");
      felles(cells);
      cells[k.linje] = l.linje;
      cells[k.konto] = l.konto;
      dims.forEach((d, di) => (cells[k.dim0 + di] = l.dimensjoner[d.nummer] ?? ""));
      cells[k.debet] = { formula: `=IF(${belop}>0,${belop},0)` };
      cells[k.kredit] = { formula: `=IF(${belop}<0,-${belop},0)` };
      cells[k.belop] = kroner(l.belop);
      cells[k.tekst] = l.tekst;
      cells[k.bilagsart] = spec.bilagsart;
      cells[k.status] = missing.length > 0 ? `Mangler ${missing.join(", ")}` : "OK";
      rows.push({ celler: cells, kolonnestil: { [k.debet]: "formula", [k.kredit]: "formula" } });
    });
    const sumOf = (col: number) => `SUM(${celleliste(col, lineRows)})`;
    const kontroll: Cell[] = Array(k.bredde).fill("");
    felles(kontroll);
    kontroll[k.linje] = "Sum";
    kontroll[k.debet] = { formula: `=${sumOf(k.debet)}` };
    kontroll[k.kredit] = { formula: `=${sumOf(k.kredit)}` };
    kontroll[k.belop] = { formula: `=ROUND(${sumOf(k.belop)},2)` };
    kontroll[k.tekst] = `Kontroll: ${b.tekst} skal gå i null`;
    kontroll[k.status] = { formula: `=IF(ROUND(${sumOf(k.belop)},2)=0,"I balanse","Går ikke i null")` };
    rows.push({ celler: kontroll, stil: "sum" });
    i += b.linjer.length + 1;
  }

  const writes = writeTable(tabell, plan, rows);
  const widths: Record<string, number> = { A: 18, B: 11, C: 9, D: 7, E: 6, F: 8 };
  dims.forEach((_, di) => (widths[columnLetter(k.dim0 + di)] = 14));
  for (const c of [k.debet, k.kredit, k.belop]) widths[columnLetter(c)] = 14;
  widths[columnLetter(k.tekst)] = 60;
  widths[columnLetter(k.bilagsart)] = 9;
  widths[columnLetter(k.status)] = 16;
  return {
    ...writes,
    sheets: [{ name: spec.sheet, visibility: "visible", columnWidths: widths, freezeRows: plan.ny && plan.tittelrad === 0 ? plan.overskriftsrad + 1 : undefined }],
  };
}
