/**
 * The payroll journal (lønnsjournal) as CSV or a sheet into the rows of the payroll voucher
 * (core/payroll/journal.ts): one row per employee (or per virksomhet) and pay run, each with its
 * sheet row and the cell of every field, so the voucher's checks (a deduction larger than the
 * gross, a negative net pay, a zone the rules do not know) name the cell.
 *
 * The columns are the trekk reader's (payroll-journal.ts, the same synonyms), with brutto required
 * and the pay date optional (`lonn lonnsbilag --dato` gives it), plus: navn; feriepengegrunnlag
 * (with it the voucher accrues feriepenger); andre trekk (account 2690); grunnlag hittil i år (the
 * employee's AGA basis before the run, needed for ekstra AGA in 2023–2024). The zone is the `Sone`
 * cell, else the `Kommunenummer` cell, kept as written: the voucher resolves it for its year.
 * Here a cell is only read (a number, a date); an empty amount cell of an optional column is
 * absent, and an empty AGA-grunnlag cell is a row without AGA basis, which the voucher refuses.
 */
import { Ore } from "../money/ore";
import { JournalRow } from "../payroll/journal";
import { AnnetTrekk, PayrollRowField } from "../payroll/lonnsbilag";
import { Checked, isProblems, Place, Problem, Problems } from "../problem/problem";
import { isBlank } from "../sheet/cell";
import { amountCell } from "./cells";
import { sheetCell, sheetError, sheetRow } from "./grid";
import { FieldSpec, withSynonyms } from "./headers";
import { PAYROLL_FIELDS, PayrollField } from "./payroll-journal";
import { IgnoreCounter, isTotalRow, readTable, Table, tableSummary } from "./table";
import { dateCell, textCell } from "./trekk-cells";
import { ReadSummary, SheetInput } from "./types";
import { DuplicatePolicy, DuplicateRows, SubtotalCheck } from "./row-checks";

export type PayrollRowsField = PayrollField | "navn" | "feriepengegrunnlag" | "andreTrekk" | "grunnlagHittilIAr";

const OWN_FIELDS: readonly FieldSpec<PayrollRowsField>[] = [
  { key: "navn", label: "Navn", required: false, synonyms: ["Navn", "Ansattnavn", "Ansatt navn", "Name", "Employee name", "Virksomhet"] },
  { key: "feriepengegrunnlag", label: "Feriepengegrunnlag", required: false, synonyms: ["Feriepengegrunnlag", "Grunnlag feriepenger", "Feriepengegrunnlag hittil", "FP-grunnlag", "Holiday pay basis"] },
  { key: "andreTrekk", label: "Andre trekk", required: false, synonyms: ["Andre trekk", "Øvrige trekk", "Annet trekk", "Other deductions"] },
  { key: "grunnlagHittilIAr", label: "Grunnlag hittil i år", required: false, synonyms: ["Grunnlag hittil i år", "AGA-grunnlag hittil i år", "Hittil i år", "Grunnlag hittil"] },
];

/** The trekk reader's columns (brutto required here, the pay date not), and ours. */
export const PAYROLL_ROW_FIELDS: readonly FieldSpec<PayrollRowsField>[] = [
  ...PAYROLL_FIELDS.map((f) => (f.key === "brutto" ? { ...f, required: true } : f.key === "utbetalingsdato" ? { ...f, required: false } : f)),
  ...OWN_FIELDS,
];

export interface PayrollRowsOptions {
  readonly headers?: Partial<Record<PayrollRowsField, readonly string[]>>;
  /** Rows that repeat an earlier row: refused (default), or counted when the user says they are real. */
  readonly duplicates?: DuplicatePolicy;
}

export interface PayrollRowsImport {
  readonly rader: readonly JournalRow[];
  readonly summary: ReadSummary;
  readonly notes: readonly string[];
}

/** Which row field each column feeds. */
const ROW_FIELD: Partial<Record<PayrollRowsField, PayrollRowField>> = {
  navn: "navn",
  brutto: "bruttoLonn",
  forskuddstrekk: "forskuddstrekk",
  forsikringstrekk: "forsikringstrekk",
  fagforeningstrekk: "fagforeningstrekk",
  agaGrunnlag: "agaGrunnlag",
  feriepengegrunnlag: "feriepengegrunnlag",
  andreTrekk: "andreTrekk",
  grunnlagHittilIAr: "grunnlagHittilIAr",
};

const OPTIONAL_AMOUNTS = ["forsikringstrekk", "fagforeningstrekk", "feriepengegrunnlag", "andreTrekk", "grunnlagHittilIAr", "agaGrunnlag"] as const;

/** The place of field `key` in grid row `i`: sheet, cell, row, column heading. */
function placeOf(t: Table<PayrollRowsField>, i: number, key: PayrollRowsField): Place {
  const col = t.header.columns[key];
  return { sheet: t.place.sheet, ...(col !== undefined ? { cell: sheetCell(t.place, i, col) } : {}), row: sheetRow(t.place, i), ...(col !== undefined ? { column: t.header.titles[key] } : {}) };
}

export function readPayrollRows(input: SheetInput, options: PayrollRowsOptions = {}): Checked<PayrollRowsImport> {
  const table = readTable(input, withSynonyms(PAYROLL_ROW_FIELDS, options.headers));
  if (isProblems(table)) return table;
  const t = table;
  const { columns } = t.header;
  const errors: Problem[] = [];
  const ignored = new IgnoreCounter();
  const rows: JournalRow[] = [];
  const totals = new SubtotalCheck<PayrollRowsField>(t, ["brutto", "forskuddstrekk", ...OPTIONAL_AMOUNTS]);
  const copies = new DuplicateRows(t, input.values, options.duplicates);
  for (const i of t.rows) {
    if (isTotalRow(input.values[i], t.cell(i, columns.navn !== undefined ? "navn" : "brutto"))) {
      ignored.add("summeringslinjer");
      totals.total(i);
      continue;
    }
    const before = errors.length;
    const dato = columns.utbetalingsdato === undefined ? "" : dateCell(t, i, "utbetalingsdato", errors, { empty: "empty", what: "utbetalingsdato" });
    const brutto = amountCell(t, i, "brutto", "missing", errors);
    const forskudd = amountCell(t, i, "forskuddstrekk", "zero", errors);
    const optional: Partial<Record<(typeof OPTIONAL_AMOUNTS)[number], Ore>> = {};
    for (const key of OPTIONAL_AMOUNTS) {
      if (columns[key] === undefined || isBlank(t.cell(i, key))) continue;
      const v = amountCell(t, i, key, "zero", errors);
      if (v !== undefined) optional[key] = v;
    }
    if (errors.length > before || brutto === undefined || forskudd === undefined || dato === undefined || !copies.check(i, errors)) continue;

    const soneKey: PayrollRowsField | undefined =
      columns.sone !== undefined && (columns.kommunenummer === undefined || textCell(t, i, "sone") !== "") ? "sone" : columns.kommunenummer !== undefined ? "kommunenummer" : undefined;
    const sone = soneKey === undefined ? "" : textCell(t, i, soneKey);
    const ansatt = columns.ansatt === undefined ? "" : textCell(t, i, "ansatt");
    const name = (columns.navn === undefined ? "" : textCell(t, i, "navn")) || (ansatt ? `ansatt ${ansatt}` : "");
    const cells: Partial<Record<PayrollRowField, Place>> = {};
    for (const [key, field] of Object.entries(ROW_FIELD) as [PayrollRowsField, PayrollRowField][]) {
      if (columns[key] !== undefined) cells[field] = placeOf(t, i, key);
    }
    if (soneKey !== undefined) cells.sone = placeOf(t, i, soneKey);
    const { andreTrekk, ...amounts } = optional;
    const other: AnnetTrekk[] | undefined = andreTrekk === undefined ? undefined : [{ navn: "Andre trekk", belop: andreTrekk, place: cells.andreTrekk }];
    const rowPlace: Place = { sheet: t.place.sheet, row: sheetRow(t.place, i) };
    rows.push({
      navn: name,
      bruttoLonn: brutto,
      forskuddstrekk: forskudd,
      ...amounts,
      ...(other ? { andreTrekk: other } : {}),
      ...(sone !== "" ? { sone } : {}),
      ...(dato !== "" ? { dato } : {}),
      place: rowPlace,
      cells,
    });
  }
  totals.verify(errors);
  if (errors.length === 0 && rows.length === 0) errors.push(sheetError(t.place.sheet, "Lønnsjournalen har ingen rader med lønn."));
  if (errors.length > 0) return new Problems(errors);
  const dates = new Set(rows.map((r) => r.dato ?? ""));
  const notes = [...copies.notes(), `${rows.length} rader${dates.size > 1 || !dates.has("") ? `, ${[...dates].filter((d) => d !== "").length} utbetalingsdatoer` : ""}.`];
  return { rader: rows, summary: tableSummary(t, rows.length, ignored.list()), notes };
}
