import { Budsjettering, DEFAULT_KONTOER, Kontoer } from "../spk/types";
import { minusOre, negateOre, ORE_ZERO, Ore, plusOre } from "../money/ore";
import { codeMatcher, listText } from "./codes";
import { amountCell, leadingCode, periodTermin } from "./cells";
import { errorAt, sheetError, sheetRow } from "./grid";
import { isBlank } from "../sheet/cell";
import { FieldSpec, withSynonyms } from "./headers";
import { IgnoreCounter, isTotalRow, readTable, Table, tableSummary } from "./table";
import { DuplicatePolicy, DuplicateRows, SubtotalCheck } from "./row-checks";
import { Checked, isProblems, Problem, Problems } from "../problem/problem";
import { ReadSummary, SheetInput } from "./types";

/**
 * Unit4 ERP balance or transaction list: account, period, voucher type (bilagsart) and a signed
 * amount (debit positive), or a Debet and a Kredit column (amount = debet − kredit). Only the
 * payroll postings count (DFØ A10: bilagsart B*), so the SPK invoice's own postings on 2810,
 * 2820 and 2630 stay out. Rows are movements: a list of cumulative balances would be summed
 * wrongly, so export the period's movement (or the transactions).
 *
 * Sign rule, so that D, E and F compare with SAP's positive B and C:
 * - D, the pension expense (5420), is a debit: D = Σ amount.
 * - E, the provision for the employer share (2810 brutto / 2961 netto), and F, the withheld
 *   member contribution (2630), are credits in the ledger: E = −Σ amount and F = −Σ amount, so a
 *   normal credit balance shows as a positive figure and a reversal reduces it.
 */

export type Unit4Field = "konto" | "periode" | "bilagsart" | "belop" | "debet" | "kredit";

export const UNIT4_FIELDS: readonly FieldSpec<Unit4Field>[] = [
  { key: "konto", label: "Konto", required: true, synonyms: ["Konto", "Kontonr", "Kontonummer", "Account", "Account number", "Hovedbokskonto"] },
  { key: "periode", label: "Periode", required: true, synonyms: ["Periode", "Period", "Regnskapsperiode", "Bokføringsperiode", "Accounting period"] },
  { key: "bilagsart", label: "Bilagsart", required: true, synonyms: ["Bilagsart", "Bilagstype", "Transaction type", "Trans type", "TT", "Voucher type"] },
  { key: "belop", label: "Beløp", required: false, synonyms: ["Beløp", "Amount", "Saldo", "Bevegelse", "Periodebeløp", "Balance"] },
  { key: "debet", label: "Debet", required: false, synonyms: ["Debet", "Debit"] },
  { key: "kredit", label: "Kredit", required: false, synonyms: ["Kredit", "Credit"] },
];

/** DFØ A10: the pension premium is fetched from Unit4 "med bilagsart B*" (payroll postings). */
export const DEFAULT_BILAGSART_FILTER: readonly string[] = ["B*"];

export interface Unit4Options {
  readonly aar: number;
  readonly budsjettering: Budsjettering;
  /** Accounts of the workbook; E is `avsetningBrutto` or `avsetningNetto`, F `medlemsinnskudd`. */
  readonly kontoer?: Kontoer;
  /** Accounts summed into D; default the workbook's 5420 (`kontoer.differanse`). `*`, `?` allowed. */
  readonly pensjonsutgiftKontoer?: readonly string[];
  /** Voucher types that count; default B*. `null` takes every row (and needs no Bilagsart column). */
  readonly bilagsart?: readonly string[] | null;
  readonly headers?: Partial<Record<Unit4Field, readonly string[]>>;
  /** Rows that repeat an earlier row: refused (default), or counted when the user says they are real. */
  readonly duplicates?: DuplicatePolicy;
}

export interface Unit4Termin {
  readonly termin: number;
  /** D, debit positive. */
  readonly pensjonsutgift: Ore;
  /** E, credit positive. */
  readonly avsetning: Ore;
  /** F, credit positive. */
  readonly medlemsinnskudd: Ore;
  readonly rader: number;
}

export interface Unit4Import {
  readonly kind: "unit4";
  readonly terminer: readonly Unit4Termin[];
  readonly summary: ReadSummary;
  readonly notes: readonly string[];
}

type Target = "D" | "E" | "F";

export function readUnit4(input: SheetInput, options: Unit4Options): Checked<Unit4Import> {
  const kontoer = options.kontoer ?? DEFAULT_KONTOER;
  const filter = options.bilagsart === undefined ? DEFAULT_BILAGSART_FILTER : options.bilagsart;
  const fields = withSynonyms(UNIT4_FIELDS, options.headers).map((f) => (f.key === "bilagsart" ? { ...f, required: filter !== null } : f));
  const table = readTable(input, fields);
  if (isProblems(table)) return table;
  const t = table;
  const { columns, titles } = t.header;

  const hasAmount = columns.belop !== undefined;
  if (!hasAmount && (columns.debet === undefined || columns.kredit === undefined)) {
    const missing = columns.debet === undefined && columns.kredit === undefined ? "«Beløp» eller «Debet» og «Kredit»" : columns.debet === undefined ? "«Debet» (ved siden av «Kredit»)" : "«Kredit» (ved siden av «Debet»)";
    const looked = fields.filter((f) => ["belop", "debet", "kredit"].includes(f.key)).map((f) => `${f.label}: ${f.synonyms.join(", ")}`);
    return new Problems([
      {
        sheet: t.place.sheet,
        row: sheetRow(t.place, t.header.row),
        message: `Mangler kolonnen ${missing} i overskriftsraden (rad ${sheetRow(t.place, t.header.row)}). Lette etter ${looked.join("; ")}.`,
      },
    ]);
  }

  const expenseAccounts = options.pensjonsutgiftKontoer ?? [kontoer.differanse];
  const provisionAccount = options.budsjettering === "brutto" ? kontoer.avsetningBrutto : kontoer.avsetningNetto;
  const targets: [Target, (code: string) => boolean][] = [
    ["D", codeMatcher(expenseAccounts)],
    ["E", codeMatcher([provisionAccount])],
    ["F", codeMatcher([kontoer.medlemsinnskudd])],
  ];
  const inFilter = filter === null ? () => true : codeMatcher(filter);

  const sums: Record<Target, Ore[]> = { D: Array(6).fill(ORE_ZERO), E: Array(6).fill(ORE_ZERO), F: Array(6).fill(ORE_ZERO) };
  const rows: number[] = Array(6).fill(0);
  const errors: Problem[] = [];
  const ignored = new IgnoreCounter();
  const otherAccounts = new Set<string>();
  const otherTypes = new Set<string>();
  let otherAccountRows = 0;
  let otherTypeRows = 0;
  const totals = new SubtotalCheck<Unit4Field>(t, hasAmount ? ["belop"] : ["debet", "kredit"]);
  const copies = new DuplicateRows(t, input.values, options.duplicates);

  for (const i of t.rows) {
    const kontoCell = t.cell(i, "konto");
    if (isTotalRow(input.values[i], kontoCell)) {
      ignored.add("summeringslinjer");
      totals.total(i);
      continue;
    }
    const konto = leadingCode(kontoCell);
    if (konto === "") {
      errors.push(errorAt(t.place, i, columns.konto, "Mangler konto.", { column: titles.konto, value: kontoCell }));
      continue;
    }
    const target = targets.find(([, matches]) => matches(konto))?.[0];
    if (!target) {
      otherAccounts.add(konto);
      otherAccountRows++;
      continue;
    }
    const bilagsart = leadingCode(t.cell(i, "bilagsart"));
    if (!inFilter(bilagsart)) {
      otherTypes.add(bilagsart === "" ? "(tom)" : bilagsart);
      otherTypeRows++;
      continue;
    }
    const termin = periodTermin(t, i, "periode", options.aar, errors);
    const amount = hasAmount ? amountCell(t, i, "belop", "missing", errors) : debitMinusCredit(t, i, errors);
    if (termin === undefined || amount === undefined || !copies.check(i, errors)) continue;
    const signed = target === "D" ? amount : negateOre(amount);
    sums[target][termin - 1] = plusOre(sums[target][termin - 1], signed);
    rows[termin - 1]++;
  }

  totals.verify(errors);
  const used = rows.reduce((a, b) => a + b, 0);
  const accountsText = listText([...expenseAccounts, provisionAccount, kontoer.medlemsinnskudd]);
  const filterText = filter === null ? "" : ` med bilagsart ${listText(filter)}`;
  if (errors.length === 0 && used === 0) {
    errors.push(sheetError(t.place.sheet, `Ingen linjer på kontoene ${accountsText}${filterText}; sjekk kontoene og bilagsartene i oppsettet.`));
  }
  if (errors.length > 0) return new Problems(errors);

  const ignoredList = [
    ...(otherAccountRows > 0 ? [{ reason: `andre kontoer (${listText([...otherAccounts].slice(0, 20))})`, count: otherAccountRows }] : []),
    ...(otherTypeRows > 0 ? [{ reason: `bilagsart utenfor ${listText(filter ?? [])} (${listText([...otherTypes].slice(0, 20))})`, count: otherTypeRows }] : []),
    ...ignored.list(),
  ];
  return ({
    kind: "unit4",
    terminer: rows.map((n, k) => ({ termin: k + 1, pensjonsutgift: sums.D[k], avsetning: sums.E[k], medlemsinnskudd: sums.F[k], rader: n })),
    summary: tableSummary(t, used, ignoredList),
    notes: [...(filter === null ? ["Alle bilagsarter er tatt med (uten filter); fakturaens egne føringer kan da være med i E og F."] : []), ...copies.notes()],
  });
}

/** Debet − Kredit; an empty side is 0, but a row with both empty has no amount. */
function debitMinusCredit(t: Table<Unit4Field>, i: number, errors: Problem[]): Ore | undefined {
  const { titles } = t.header;
  if (isBlank(t.cell(i, "debet")) && isBlank(t.cell(i, "kredit"))) {
    errors.push({ ...errorAt(t.place, i, undefined, `Mangler beløp i kolonnene «${titles.debet}» og «${titles.kredit}».`), column: `${titles.debet}/${titles.kredit}` });
    return undefined;
  }
  const debit = amountCell(t, i, "debet", "zero", errors);
  const credit = amountCell(t, i, "kredit", "zero", errors);
  return debit === undefined || credit === undefined ? undefined : minusOre(debit, credit);
}
