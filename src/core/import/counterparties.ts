/**
 * Invoices and trekklister (the insurer's premium invoice, the union's list of dues) as CSV or a
 * sheet into `Mottaker` (DESIGN.md §8.4): per counterparty and account, what it claims per month.
 *
 * Columns: mottaker (the insurer or union); konto (2640, 2650 …); periode (the month the claim is
 * for: `2026-01`, `202601`, `januar 2026`); beløp. A list per member or employee (ansattnr, navn,
 * fødselsnummer: not read) is added up per mottaker, konto and month. A file from one counterparty
 * may leave out the mottaker and konto columns when the caller names them (`mottaker`, `konto`).
 * A credit note is a negative amount.
 */
import { Mottaker } from "../trekk/types";
import { ORE_ZERO, Ore, plusOre } from "../money/ore";
import { Checked, isProblems, Problem, Problems } from "../problem/problem";
import { amountCell, leadingCode } from "./cells";
import { errorAt, sheetError, sheetRow } from "./grid";
import { FieldSpec, withSynonyms } from "./headers";
import { IgnoreCounter, isTotalRow, readTable, tableSummary } from "./table";
import { monthCell, report, textCell } from "./trekk-cells";
import { ReadSummary, SheetInput } from "./types";
import { DuplicatePolicy, DuplicateRows, SubtotalCheck } from "./row-checks";

export type CounterpartyField = "mottaker" | "konto" | "periode" | "belop";

export const COUNTERPARTY_FIELDS: readonly FieldSpec<CounterpartyField>[] = [
  { key: "mottaker", label: "Mottaker", required: false, synonyms: ["Mottaker", "Leverandør", "Kreditor", "Forsikringsselskap", "Fagforening", "Mottakernavn", "Counterparty", "Supplier"] },
  { key: "konto", label: "Konto", required: false, synonyms: ["Konto", "Kontonr", "Kontonummer", "Trekkonto", "Account"] },
  { key: "periode", label: "Periode", required: true, synonyms: ["Periode", "Måned", "Gjelder periode", "Fakturaperiode", "Trekkperiode", "Period"] },
  { key: "belop", label: "Beløp", required: true, synonyms: ["Beløp", "Fakturert", "Fakturert beløp", "Premie", "Kontingent", "Trekk", "Amount"] },
];

export interface CounterpartyOptions {
  /** The counterparty of every row, when the file has no Mottaker column. */
  readonly mottaker?: string;
  /** The account of every row, when the file has no Konto column. */
  readonly konto?: string;
  readonly headers?: Partial<Record<CounterpartyField, readonly string[]>>;
  /** Rows that repeat an earlier row: refused (default), or counted when the user says they are real. */
  readonly duplicates?: DuplicatePolicy;
}

export interface CounterpartyImport {
  /** In the order each counterparty first appears; months likewise. */
  readonly mottakere: readonly Mottaker[];
  readonly summary: ReadSummary;
  readonly notes: readonly string[];
}

export function readCounterparties(input: SheetInput, options: CounterpartyOptions = {}): Checked<CounterpartyImport> {
  const table = readTable(input, withSynonyms(COUNTERPARTY_FIELDS, options.headers));
  if (isProblems(table)) return table;
  const t = table;
  const { columns } = t.header;
  const row = sheetRow(t.place, t.header.row);
  const missing = [
    ...(columns.mottaker === undefined && !options.mottaker ? ["«Mottaker»"] : []),
    ...(columns.konto === undefined && !options.konto ? ["«Konto»"] : []),
  ];
  if (missing.length > 0) {
    return new Problems([{ sheet: t.place.sheet, row, message: `Mangler kolonnen ${missing.join(" og ")} i overskriftsraden (rad ${row}), og oppsettet sier ikke hvem listen er fra.` }]);
  }

  const errors: Problem[] = [];
  const ignored = new IgnoreCounter();
  const parties = new Map<string, { konto: string; navn: string; months: Map<string, Ore> }>();
  let used = 0;
  const totals = new SubtotalCheck<CounterpartyField>(t, ["belop"]);
  const copies = new DuplicateRows(t, input.values, options.duplicates);
  for (const i of t.rows) {
    if (isTotalRow(input.values[i], t.cell(i, columns.mottaker !== undefined ? "mottaker" : "periode"))) {
      ignored.add("summeringslinjer");
      totals.total(i);
      continue;
    }
    const name = columns.mottaker !== undefined && textCell(t, i, "mottaker") !== "" ? textCell(t, i, "mottaker") : (options.mottaker ?? "");
    if (name === "") errors.push(errorAt(t.place, i, columns.mottaker, "Mangler mottaker.", { column: t.header.titles.mottaker }));
    const konto = columns.konto !== undefined && leadingCode(t.cell(i, "konto")) !== "" ? leadingCode(t.cell(i, "konto")) : (options.konto ?? "");
    if (konto === "") errors.push(errorAt(t.place, i, columns.konto, "Mangler konto.", { column: t.header.titles.konto }));
    const periode = monthCell(t, i, "periode", errors);
    if (periode === "") report(t, i, "periode", "Mangler periode.", errors);
    const belop = amountCell(t, i, "belop", "missing", errors);
    if (name === "" || konto === "" || periode === undefined || periode === "" || belop === undefined || !copies.check(i, errors)) continue;
    const key = `${konto}\u0000${name}`;
    let party = parties.get(key);
    if (!party) {
      party = { konto, navn: name, months: new Map() };
      parties.set(key, party);
    }
    party.months.set(periode, plusOre(party.months.get(periode) ?? ORE_ZERO, belop));
    used++;
  }
  totals.verify(errors);
  if (errors.length === 0 && parties.size === 0) errors.push(sheetError(t.place.sheet, "Filen har ingen fakturalinjer."));
  if (errors.length > 0) return new Problems(errors);
  return {
    mottakere: [...parties.values()].map((p) => ({ konto: p.konto, navn: p.navn, fakturert: [...p.months].map(([periode, belop]) => ({ periode, belop })) })),
    summary: tableSummary(t, used, ignored.list()),
    notes: copies.notes(),
  };
}
