/**
 * The `Eksporterte bilag` sheet: the record of every exported voucher line (core/voucher/
 * export-record), in the workbook, so the next export — on any machine, by any colleague — knows
 * what Unit4 already has. One row per line, appended below the last used row in the same write as
 * the export (never `table.rows.add`: co-authors). The user may mark lines as booked in the
 * «Bokført» column and write notes to the right; everything else is ours and is checked when read:
 * a record edited into nonsense is refused with the cell named, and nothing is exported.
 */
import { isRuleError } from "../errors";
import { kroner, Ore } from "../money/ore";
import { Checked, isProblems, Place, ProblemList } from "../problem/problem";
import { rangeOf } from "../sheet/a1";
import { cellOf, isBlankSheet, lastUsedRow, SheetSnapshot } from "../sheet/snapshot";
import { ExportedLine, ExportKind, unbalancedInRecord } from "../voucher/export-record";
import { readAmount, readInteger, readText } from "./cell-values";
import { emptyPlan, NUMBER_FORMATS, WritePlan } from "./write-plan";
import { AMOUNT_COLUMN_WIDTH, PrintHeading, standardPrint } from "./print";

export const EXPORT_RECORD_SHEET = "Eksporterte bilag";

export const EXPORT_RECORD_HEADINGS = [
  "Eksportert", "Fil", "Batch", "Bilagsnr.", "Bilag-ID", "Eksport-ID", "Type", "Sekvens", "Linje", "Konto",
  "Dimensjoner", "Beløp", "Tekst", "Bokført",
] as const;

const COL = {
  eksportert: 0, fil: 1, batchId: 2, bilagsnummer: 3, bilagId: 4, eksportId: 5, type: 6, sekvens: 7, linje: 8, konto: 9,
  dimensjoner: 10, belop: 11, tekst: 12, bokfort: 13,
} as const;
const WIDTH = EXPORT_RECORD_HEADINGS.length;
const TYPES: readonly ExportKind[] = ["bilag", "korreksjon", "kopi"];

const dimsText = (d: Readonly<Record<number, string>>): string =>
  Object.keys(d)
    .map(Number)
    .sort((a, b) => a - b)
    .filter((n) => (d[n] ?? "") !== "")
    .map((n) => `dim_${n}=${d[n]}`)
    .join("; ");

function parseDims(text: string): Record<number, string> | undefined {
  const out: Record<number, string> = {};
  if (text.trim() === "") return out;
  for (const part of text.split(";")) {
    const m = part.trim().match(/^dim_([1-7])=(.+)$/);
    if (!m) return undefined;
    out[Number(m[1])] = m[2].trim();
  }
  return out;
}

/**
 * The plan that appends `lines` to the record (making the sheet with its header when missing or
 * blank; `heading` names whose record it is when printed).
 */
export function planExportRecord(lines: readonly ExportedLine[], snapshot: SheetSnapshot | undefined, heading?: PrintHeading): WritePlan {
  if (lines.length === 0) return emptyPlan();
  const isNew = !snapshot || isBlankSheet(snapshot);
  const first = isNew ? 2 : lastUsedRow(snapshot) + 1;
  const rows = lines.map((l) => {
    const r: (string | number)[] = Array(WIDTH).fill("");
    r[COL.eksportert] = l.eksportert;
    r[COL.fil] = l.fil;
    r[COL.batchId] = l.batchId;
    r[COL.bilagsnummer] = l.bilagsnummer;
    r[COL.bilagId] = l.bilagId;
    r[COL.eksportId] = l.eksportId;
    r[COL.type] = l.type;
    r[COL.sekvens] = l.sekvens;
    r[COL.linje] = l.linje;
    r[COL.konto] = l.konto;
    r[COL.dimensjoner] = dimsText(l.dimensjoner);
    r[COL.belop] = kroner(l.belop);
    r[COL.tekst] = l.tekst;
    return r;
  });
  const plan = emptyPlan();
  return {
    ...plan,
    sheets: [
      isNew
        ? {
            name: EXPORT_RECORD_SHEET,
            visibility: "visible",
            columnWidths: { A: 19, B: 28, C: 14, D: 9, E: 18, F: 20, G: 11, H: 8, I: 6, J: 8, K: 24, L: AMOUNT_COLUMN_WIDTH, M: 60, N: 14 },
            freezeRows: 1,
            print: standardPrint(heading, { first: 1, last: 1 }),
          }
        : { name: EXPORT_RECORD_SHEET, visibility: "visible" },
    ],
    writes: [
      ...(isNew ? [{ sheet: EXPORT_RECORD_SHEET, address: rangeOf({ row: 0, col: 0 }, 1, WIDTH), cells: [[...EXPORT_RECORD_HEADINGS]], numberFormat: NUMBER_FORMATS.text, style: "header" as const }] : []),
      { sheet: EXPORT_RECORD_SHEET, address: rangeOf({ row: first - 1, col: 0 }, rows.length, WIDTH), cells: rows, numberFormat: NUMBER_FORMATS.text },
      { sheet: EXPORT_RECORD_SHEET, address: rangeOf({ row: first - 1, col: COL.belop }, rows.length, 1), cells: rows.map((r) => [r[COL.belop]]), numberFormat: NUMBER_FORMATS.amount },
    ],
  };
}

/**
 * The record as the sheet holds it. An empty or missing sheet is an empty record. Every cell of
 * ours is checked; a row that is not a record line (a user's note below) is refused too, since a
 * half-understood record would export twice.
 */
export function readExportRecord(snapshot: SheetSnapshot | undefined): Checked<ExportedLine[]> {
  const out: ExportedLine[] = [];
  if (!snapshot || isBlankSheet(snapshot)) return out;
  const problems = new ProblemList();
  const sheet = snapshot.name;
  const header = EXPORT_RECORD_HEADINGS.map((_, c) => readText(cellOf(snapshot, { row: 0, col: c }).value) ?? "");
  if (header.some((h, i) => h !== EXPORT_RECORD_HEADINGS[i])) {
    problems.add(`Overskriftsraden er endret; tillegget kjenner ikke igjen eksportloggen. Sett tilbake overskriftene (${EXPORT_RECORD_HEADINGS.join(", ")}).`, { sheet, row: 1 });
    return problems.result(() => out);
  }
  const last = lastUsedRow(snapshot);
  for (let r = 1; r < last; r++) {
    const at = (col: number): Place => ({ sheet, cell: rangeOf({ row: r, col }, 1, 1), row: r + 1 });
    const value = (col: number) => cellOf(snapshot, { row: r, col }).value;
    const text = (col: number) => readText(value(col)) ?? "";
    if (EXPORT_RECORD_HEADINGS.every((_, c) => c === COL.bokfort || text(c) === "")) continue;
    const before = problems.count;
    const need = (col: number, what: string): string => {
      const t = text(col);
      if (t === "") problems.add(`${what} mangler i eksportloggen.`, at(col));
      return t;
    };
    const integer = (col: number, what: string): number => {
      const n = readInteger(value(col), what);
      if (isRuleError(n) || n === undefined || n < 0) {
        problems.add(`«${text(col)}» er ikke ${what}.`, at(col));
        return 0;
      }
      return n;
    };
    const type = need(COL.type, "Typen") as ExportKind;
    if (type && !TYPES.includes(type)) problems.add(`«${type}» er ikke en type i eksportloggen (bilag, korreksjon eller kopi).`, at(COL.type));
    const dims = parseDims(text(COL.dimensjoner));
    if (!dims) problems.add(`«${text(COL.dimensjoner)}» er ikke dimensjoner slik eksportloggen skriver dem (dim_1=1001; dim_2=…).`, at(COL.dimensjoner));
    const belop = readAmount(value(COL.belop));
    if (isRuleError(belop) || belop === undefined) problems.add(isRuleError(belop) ? belop.message : "Beløpet mangler i eksportloggen.", at(COL.belop));
    const line: ExportedLine = {
      eksportert: need(COL.eksportert, "Tidspunktet"),
      fil: text(COL.fil),
      batchId: need(COL.batchId, "Batch-ID-en"),
      bilagsnummer: integer(COL.bilagsnummer, "et bilagsnummer"),
      bilagId: need(COL.bilagId, "Bilag-ID-en"),
      eksportId: need(COL.eksportId, "Eksport-ID-en"),
      type,
      sekvens: integer(COL.sekvens, "et sekvensnummer"),
      linje: integer(COL.linje, "et linjenummer"),
      konto: need(COL.konto, "Kontoen"),
      dimensjoner: dims ?? {},
      belop: (isRuleError(belop) || belop === undefined ? 0 : belop) as Ore,
      tekst: text(COL.tekst),
      ...(text(COL.bokfort) ? { bokfort: text(COL.bokfort) } : {}),
    };
    if (problems.count === before) out.push(line);
  }
  if (problems.count === 0) {
    for (const id of unbalancedInRecord(out)) {
      problems.add(`Linjene for ${id} i eksportloggen går ikke i null; loggen er endret for hånd. Sett den tilbake, ellers kan ikke neste eksport vite hva Unit4 har fått.`, { sheet });
    }
  }
  return problems.result(() => out);
}

/** The record's lines of one kind of voucher, by its id pattern (a workbook may hold several reconciliations' exports). */
export function readExportRecordOf(snapshot: SheetSnapshot | undefined, idPattern: RegExp): Checked<ExportedLine[]> {
  const record = readExportRecord(snapshot);
  return isProblems(record) ? record : record.filter((l) => idPattern.test(l.bilagId));
}
