/**
 * A ledger export as CSV or a sheet (any bookkeeping system's transaction list, Unit4's included)
 * into `HovedbokKonto` for the accounts asked for (DESIGN.md §8.4).
 *
 * Columns, found by their headers: konto; dato or periode (or both); beløp (signed, debit
 * positive) or debet and kredit; tekst (optional). A posting's date is the `dato` cell, else the
 * last day of the `periode` month (a ledger exported per period has no day).
 *
 * The opening balance (IB) comes from rows that say they are one, in any of these conventions:
 * - a period `00`, `0`, `IB` or `YYYY00` (Unit4, Visma and others export the opening balance as
 *   period 0: `202600`);
 * - a voucher type (`Bilagsart`, `Type`) of `IB`;
 * - an empty date with the text `IB`, `Inngående balanse`, `Inngående saldo`, `Åpningsbalanse` or
 *   `Opening balance`;
 * - a separate `IB` column: a row with a value there is an IB row (and must have no posting amount).
 * Several IB rows of one account are added up (an export may give the IB per department). An
 * asked account without any IB row is a problem (the reconciliation needs the IB), unless the
 * caller says a missing IB is 0 (`missingIb: "zero"`). Other accounts are counted and left out.
 *
 * Like every reader here: the header row is found by synonyms, every bad cell is named, and a file
 * with one bad row gives nothing but its problems.
 */
import { HovedbokKonto, Postering } from "../trekk/types";
import { foldNorwegian } from "../text";
import { isBlank } from "../sheet/cell";
import { ORE_ZERO, Ore, plusOre } from "../money/ore";
import { Checked, isProblems, Problem, Problems } from "../problem/problem";
import { amountCell, leadingCode } from "./cells";
import { codeMatcher, listText } from "./codes";
import { errorAt, sheetError, sheetRow } from "./grid";
import { FieldSpec, withSynonyms } from "./headers";
import { IgnoreCounter, isTotalRow, readTable, Table, tableSummary } from "./table";
import { byDate, dateCell, debitMinusCredit, report, textCell } from "./trekk-cells";
import { ReadSummary, SheetInput } from "./types";
import { DuplicatePolicy, DuplicateRows, SubtotalCheck } from "./row-checks";

export type LedgerField = "konto" | "dato" | "periode" | "belop" | "debet" | "kredit" | "tekst" | "ib" | "bilagsart";

export const LEDGER_FIELDS: readonly FieldSpec<LedgerField>[] = [
  { key: "konto", label: "Konto", required: true, synonyms: ["Konto", "Kontonr", "Kontonummer", "Account", "Account number", "AccountID", "Hovedbokskonto"] },
  { key: "dato", label: "Dato", required: false, synonyms: ["Dato", "Bilagsdato", "Posteringsdato", "Bokføringsdato", "Transaksjonsdato", "Date", "Voucher date", "Transaction date", "TransactionDate"] },
  { key: "periode", label: "Periode", required: false, synonyms: ["Periode", "Period", "Regnskapsperiode", "Bokføringsperiode", "Accounting period"] },
  { key: "belop", label: "Beløp", required: false, synonyms: ["Beløp", "Amount", "Bevegelse", "Periodebeløp", "Beløp (debet +)"] },
  { key: "debet", label: "Debet", required: false, synonyms: ["Debet", "Debit", "Debetbeløp"] },
  { key: "kredit", label: "Kredit", required: false, synonyms: ["Kredit", "Credit", "Kreditbeløp"] },
  { key: "tekst", label: "Tekst", required: false, synonyms: ["Tekst", "Bilagstekst", "Posteringstekst", "Beskrivelse", "Description", "Text"] },
  { key: "ib", label: "IB", required: false, synonyms: ["IB", "Inngående balanse", "Inngående saldo", "Åpningsbalanse", "Opening balance"] },
  { key: "bilagsart", label: "Bilagsart", required: false, synonyms: ["Bilagsart", "Bilagstype", "Voucher type", "Transaction type", "TT", "Type"] },
];

export interface LedgerOptions {
  /** The accounts to read; the result has one `HovedbokKonto` per account, in this order. */
  readonly kontoer: readonly string[];
  /** The reconciliation year: a posting dated outside it is a problem (IB rows are not dated). */
  readonly aar?: number;
  /** What an asked account without an IB row means: a problem (default) or an IB of 0. */
  readonly missingIb?: "problem" | "zero";
  readonly headers?: Partial<Record<LedgerField, readonly string[]>>;
  /** Rows that repeat an earlier row: refused (default), or counted when the user says they are real. */
  readonly duplicates?: DuplicatePolicy;
}

export interface LedgerImport {
  readonly hovedbok: readonly HovedbokKonto[];
  readonly summary: ReadSummary;
  readonly notes: readonly string[];
}

const IB_TEXTS = new Set(["ib", "inngaende balanse", "inngaende saldo", "apningsbalanse", "opening balance", "inngaende balanse (ib)"]);
const IB_PERIOD = /^(ib|0{1,2}|\d{4}[-./]?0{2})$/i;

/** An IB row by the conventions above. */
function isIbRow(t: Table<LedgerField>, i: number): boolean {
  const periode = t.cell(i, "periode");
  const periodeText = typeof periode === "number" ? String(periode) : typeof periode === "string" ? periode.trim() : "";
  if (periodeText !== "" && IB_PERIOD.test(periodeText)) return true;
  const type = t.cell(i, "bilagsart");
  if (typeof type === "string" && IB_TEXTS.has(foldNorwegian(type))) return true;
  const text = t.cell(i, "tekst");
  return isBlank(t.cell(i, "dato")) && typeof text === "string" && IB_TEXTS.has(foldNorwegian(text).replace(/\s+/g, " "));
}

export function readLedgerCsv(input: SheetInput, options: LedgerOptions): Checked<LedgerImport> {
  const fields = withSynonyms(LEDGER_FIELDS, options.headers);
  const table = readTable(input, fields);
  if (isProblems(table)) return table;
  const t = table;
  const { columns } = t.header;
  const headerRow = sheetRow(t.place, t.header.row);
  const missing: string[] = [];
  if (columns.dato === undefined && columns.periode === undefined) missing.push("«Dato» eller «Periode»");
  const hasAmount = columns.belop !== undefined;
  if (!hasAmount && (columns.debet === undefined || columns.kredit === undefined)) missing.push("«Beløp» eller «Debet» og «Kredit»");
  if (missing.length > 0) {
    return new Problems([{ sheet: t.place.sheet, row: headerRow, message: `Mangler kolonnen ${missing.join(" og kolonnen ")} i overskriftsraden (rad ${headerRow}).` }]);
  }

  const kontoer = options.kontoer.map((k) => k.trim());
  const matchers = kontoer.map((k) => codeMatcher([k]));
  const ib = new Map<string, Ore>();
  const ibRows = new Map<string, number>();
  const postings = new Map<string, Postering[]>(kontoer.map((k) => [k, []]));
  const errors: Problem[] = [];
  const ignored = new IgnoreCounter();
  const otherAccounts = new Set<string>();
  let otherRows = 0;
  let used = 0;

  const totals = new SubtotalCheck<LedgerField>(t, hasAmount ? ["belop", "ib"] : ["debet", "kredit", "ib"]);
  const copies = new DuplicateRows(t, input.values, options.duplicates);
  const amountOf = (i: number): Ore | undefined => (hasAmount ? amountCell(t, i, "belop", "missing", errors) : debitMinusCredit(t, i, "debet", "kredit", errors));

  for (const i of t.rows) {
    const kontoCell = t.cell(i, "konto");
    if (isTotalRow(input.values[i], kontoCell)) {
      ignored.add("summeringslinjer");
      totals.total(i);
      continue;
    }
    const code = leadingCode(kontoCell);
    if (code === "") {
      errors.push(errorAt(t.place, i, columns.konto, "Mangler konto.", { column: t.header.titles.konto, value: kontoCell }));
      continue;
    }
    const index = matchers.findIndex((m) => m(code));
    if (index === -1) {
      otherAccounts.add(code);
      otherRows++;
      continue;
    }
    const konto = kontoer[index];
    const ibCell = columns.ib === undefined ? undefined : t.cell(i, "ib");
    if (!isBlank(ibCell)) {
      const amount = amountCell(t, i, "ib", "missing", errors);
      const posting = hasAmount ? !isBlank(t.cell(i, "belop")) : !isBlank(t.cell(i, "debet")) || !isBlank(t.cell(i, "kredit"));
      if (posting) {
        report(t, i, "ib", "Raden har både inngående balanse og et posteringsbeløp; en IB-rad har bare IB.", errors);
        continue;
      }
      totals.opening(i);
      if (amount === undefined || !copies.check(i, errors)) continue;
      ib.set(konto, plusOre(ib.get(konto) ?? ORE_ZERO, amount));
      ibRows.set(konto, (ibRows.get(konto) ?? 0) + 1);
      used++;
      continue;
    }
    if (isIbRow(t, i)) {
      const amount = amountOf(i);
      totals.opening(i);
      if (amount === undefined || !copies.check(i, errors)) continue;
      ib.set(konto, plusOre(ib.get(konto) ?? ORE_ZERO, amount));
      ibRows.set(konto, (ibRows.get(konto) ?? 0) + 1);
      used++;
      continue;
    }
    let dato: string | undefined;
    if (columns.dato !== undefined && !isBlank(t.cell(i, "dato"))) dato = dateCell(t, i, "dato", errors, { empty: "missing" });
    else if (columns.periode !== undefined) dato = dateCell(t, i, "periode", errors, { empty: "missing", monthEnd: true, what: columns.dato === undefined ? "periode" : "dato eller periode" });
    else dato = dateCell(t, i, "dato", errors, { empty: "missing" });
    const belop = amountOf(i);
    if (dato === undefined || belop === undefined) continue;
    if (options.aar !== undefined && Number(dato.slice(0, 4)) !== options.aar) {
      const key: LedgerField = columns.dato !== undefined && !isBlank(t.cell(i, "dato")) ? "dato" : "periode";
      report(t, i, key, `Posteringen er datert ${dato}, utenfor regnskapsåret ${options.aar}.`, errors);
      continue;
    }
    if (!copies.check(i, errors)) continue;
    const text = columns.tekst === undefined ? "" : textCell(t, i, "tekst");
    (postings.get(konto) as Postering[]).push({ dato, belop, ...(text !== "" ? { tekst: text } : {}) });
    used++;
  }

  totals.verify(errors);
  const hovedbok: HovedbokKonto[] = [];
  for (const konto of kontoer) {
    const opening = ib.get(konto);
    if (opening === undefined && options.missingIb !== "zero") {
      errors.push(
        sheetError(
          t.place.sheet,
          `Kontoen ${konto} har ingen inngående balanse (IB) i filen. Legg inn en rad for kontoen med periode 00 (f.eks. ${options.aar ?? "2026"}00) eller teksten «Inngående balanse» og saldoen ved årets start, eller en IB-kolonne.`,
        ),
      );
      continue;
    }
    hovedbok.push({ konto, ib: opening ?? ORE_ZERO, posteringer: byDate(postings.get(konto) as Postering[]) });
  }
  if (errors.length > 0) return new Problems(errors);

  const notes: string[] = copies.notes();
  for (const konto of kontoer) {
    if ((ibRows.get(konto) ?? 0) > 1) notes.push(`Konto ${konto}: ${ibRows.get(konto)} IB-rader er lagt sammen.`);
    if (!ib.has(konto)) notes.push(`Konto ${konto} har ingen IB-rad; inngående balanse er satt til 0.`);
  }
  const ignoredList = [
    ...(otherRows > 0 ? [{ reason: `andre kontoer (${listText([...otherAccounts].slice(0, 20))})`, count: otherRows }] : []),
    ...ignored.list(),
  ];
  return { hovedbok, summary: tableSummary(t, used, ignoredList), notes };
}

/**
 * Unit4's transaction list (the GL export the SPK reconciliation reads, DESIGN.md §5) as a ledger:
 * the same reader, as Unit4's headers (Konto, Periode `202601`, Bilagsdato, Tekst, Beløp or
 * Debet/Kredit) are among its synonyms and Unit4 exports the opening balance as period 00. Every
 * voucher type counts here: the liability accounts' balance is all of their postings.
 */
export function readUnit4Ledger(input: SheetInput, options: LedgerOptions): Checked<LedgerImport> {
  return readLedgerCsv(input, options);
}
