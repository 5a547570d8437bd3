/**
 * Payments (to Skatteetaten, the insurer, the union) as CSV or a sheet into `Betaling`
 * (DESIGN.md §8.4): the date paid, what it pays (`gjelder`), the amount, and what it settles.
 *
 * Columns: dato (paid); gjelder (`Forskuddstrekk`/`Skattetrekk`, `Arbeidsgiveravgift`/`AGA`,
 * `Forsikringstrekk`/`Forsikring`, `Fagforeningstrekk`/`Fagforening`/`Kontingent`, or the
 * account number of one of the reconciled accounts) or konto; beløp (paid, positive); and at least
 * one of utbetalingsdato (forskuddstrekk from 2026: the pay run it settles), termin (AGA, and
 * forskuddstrekk up to 2025: `T3`, `3`, `3. termin`, `mai–jun`, with a year for the previous
 * year's termin 6: `T6 2025`; or a separate År column) and periode (insurance and union trekk:
 * `2026-01`, `202601`, `januar 2026`). A payment that names none of them is a problem naming its
 * row: the reconciliation could only guess what it settles.
 */
import { Betaling, DEFAULT_TREKK_KONTOER, Gjelder, TrekkKontoer } from "../trekk/types";
import { foldNorwegian } from "../text";
import { displayText, isBlank } from "../sheet/cell";
import { Checked, isProblems, Problem, Problems } from "../problem/problem";
import { amountCell, leadingCode } from "./cells";
import { codeMatcher } from "./codes";
import { errorAt, sheetCell, sheetError, sheetRow } from "./grid";
import { FieldSpec, withSynonyms } from "./headers";
import { IgnoreCounter, isTotalRow, readTable, Table, tableSummary } from "./table";
import { parseTerminLabel } from "./termin-label";
import { dateCell, monthCell, report, textCell } from "./trekk-cells";
import { ReadSummary, SheetInput } from "./types";
import { DuplicatePolicy, DuplicateRows, SubtotalCheck } from "./row-checks";

export type PaymentField = "dato" | "gjelder" | "konto" | "belop" | "utbetalingsdato" | "termin" | "aar" | "periode" | "tekst";

export const PAYMENT_FIELDS: readonly FieldSpec<PaymentField>[] = [
  { key: "dato", label: "Dato", required: true, synonyms: ["Betalt dato", "Betalingsdato", "Betalt", "Dato", "Bokført dato", "Valutadato", "Date", "Payment date"] },
  { key: "gjelder", label: "Gjelder", required: false, synonyms: ["Gjelder", "Betaling for", "Type", "Art", "Betalingstype"] },
  { key: "konto", label: "Konto", required: false, synonyms: ["Konto", "Kontonr", "Kontonummer", "Account"] },
  { key: "belop", label: "Beløp", required: true, synonyms: ["Beløp", "Betalt beløp", "Amount"] },
  { key: "utbetalingsdato", label: "Utbetalingsdato", required: false, synonyms: ["Utbetalingsdato", "Lønnsdato", "Lønnsutbetalingsdato", "Gjelder utbetalingsdato", "Pay date"] },
  { key: "termin", label: "Termin", required: false, synonyms: ["Termin", "AGA-termin", "Gjelder termin"] },
  { key: "aar", label: "År", required: false, synonyms: ["År", "Termin år", "Terminår", "Year"] },
  { key: "periode", label: "Periode", required: false, synonyms: ["Periode", "Gjelder periode", "Måned", "Period"] },
  { key: "tekst", label: "Tekst", required: false, synonyms: ["Tekst", "Beskrivelse", "Melding", "Description"] },
];

export interface PaymentOptions {
  /** The reconciliation year: a termin of another year gets `aar`. */
  readonly aar: number;
  /** The accounts, so that a gjelder or konto cell may name an account (default NS 4102). */
  readonly kontoer?: TrekkKontoer;
  readonly headers?: Partial<Record<PaymentField, readonly string[]>>;
  /** Rows that repeat an earlier row: refused (default), or counted when the user says they are real. */
  readonly duplicates?: DuplicatePolicy;
}

/** Where one payment stands: its sheet row, and the cell of each field the file has a column for. */
export interface PaymentPlace {
  readonly row: number;
  readonly cells: Readonly<Partial<Record<PaymentField, string>>>;
}

export interface PaymentImport {
  /** In the order of the file. */
  readonly betalinger: readonly Betaling[];
  /** One per payment, in the same order: where it stands, for problems found after reading (a pay date that is none). */
  readonly places: readonly PaymentPlace[];
  readonly summary: ReadSummary;
  readonly notes: readonly string[];
}

const GJELDER_WORDS: readonly [RegExp, Gjelder][] = [
  [/^(forskuddstrekk|skattetrekk|forskuddsskatt|skatt|trekk skatt|forskotstrekk)\b/, "forskuddstrekk"],
  [/^(aga|arbeidsgiveravgift|arbeidsgjevaravgift)\b/, "aga"],
  [/^(forsikringstrekk|forsikring|forsikringspremie)/, "forsikringstrekk"],
  [/^(fagforeningstrekk|fagforening|fagforeningskontingent|kontingent)/, "fagforeningstrekk"],
];

function gjelderOf(value: unknown, kontoer: TrekkKontoer): Gjelder | undefined {
  const text = foldNorwegian(displayText(value));
  for (const [re, g] of GJELDER_WORDS) if (re.test(text)) return g;
  const code = leadingCode(value);
  for (const g of Object.keys(kontoer) as Gjelder[]) if (codeMatcher([kontoer[g]])(code)) return g;
  return undefined;
}

/** A termin cell: the termin, and the year when the cell names one (`T6 2025`, `2025 T6`, `6/2025`). */
function terminOf<K extends string>(t: Table<K>, i: number, key: K, errors: Problem[]): { termin: number; aar?: number } | undefined {
  const value = t.cell(i, key);
  const alone = parseTerminLabel(value);
  if (alone !== undefined) return { termin: alone };
  const text = displayText(value);
  let label: string | undefined;
  let year: string | undefined;
  let m = text.match(/^(.+?)[\s/-]+(\d{4})$/);
  if (m) [label, year] = [m[1], m[2]];
  else if ((m = text.match(/^(\d{4})[\s/-]+(.+)$/))) [label, year] = [m[2], m[1]];
  if (label !== undefined && year !== undefined) {
    const termin = parseTerminLabel(label.trim());
    if (termin !== undefined) return { termin, aar: Number(year) };
  }
  return report(t, i, key, `«${text}» er ikke en termin (1–6, T1–T6, «1. termin», «jan–feb»; med år for et annet år: «T6 2025»).`, errors);
}

export function readPayments(input: SheetInput, options: PaymentOptions): Checked<PaymentImport> {
  const kontoer = options.kontoer ?? DEFAULT_TREKK_KONTOER;
  const table = readTable(input, withSynonyms(PAYMENT_FIELDS, options.headers));
  if (isProblems(table)) return table;
  const t = table;
  const { columns, titles } = t.header;
  if (columns.gjelder === undefined && columns.konto === undefined) {
    const row = sheetRow(t.place, t.header.row);
    return new Problems([{ sheet: t.place.sheet, row, message: `Mangler kolonnen «Gjelder» eller «Konto» i overskriftsraden (rad ${row}): hver betaling må si hva den gjelder.` }]);
  }

  const errors: Problem[] = [];
  const ignored = new IgnoreCounter();
  const out: Betaling[] = [];
  const totals = new SubtotalCheck<PaymentField>(t, ["belop"]);
  const copies = new DuplicateRows(t, input.values, options.duplicates);
  const places: PaymentPlace[] = [];
  const present = (Object.keys(columns) as PaymentField[]).filter((k) => columns[k] !== undefined);
  for (const i of t.rows) {
    if (isTotalRow(input.values[i], t.cell(i, "dato"))) {
      ignored.add("summeringslinjer");
      totals.total(i);
      continue;
    }
    const dato = dateCell(t, i, "dato", errors, { empty: "missing" });
    const gjelderKey: PaymentField = columns.gjelder !== undefined && !isBlank(t.cell(i, "gjelder")) ? "gjelder" : columns.konto !== undefined ? "konto" : "gjelder";
    let gjelder: Gjelder | undefined;
    if (isBlank(t.cell(i, gjelderKey))) report(t, i, gjelderKey, "Mangler hva betalingen gjelder.", errors);
    else {
      gjelder = gjelderOf(t.cell(i, gjelderKey), kontoer);
      if (gjelder === undefined) {
        report(
          t, i, gjelderKey,
          `«${displayText(t.cell(i, gjelderKey))}» er ikke forskuddstrekk, arbeidsgiveravgift, forsikringstrekk eller fagforeningstrekk (eller kontoene ${Object.values(kontoer).join(", ")}).`,
          errors,
        );
      }
    }
    const belop = amountCell(t, i, "belop", "missing", errors);
    if (belop !== undefined && belop <= 0) report(t, i, "belop", "Et betalt beløp må være positivt; en tilbakebetaling føres som en egen rettelse.", errors);
    const utbetalingsdato = columns.utbetalingsdato === undefined ? "" : dateCell(t, i, "utbetalingsdato", errors, { empty: "empty", what: "utbetalingsdato" });
    const termin = columns.termin === undefined || isBlank(t.cell(i, "termin")) ? null : terminOf(t, i, "termin", errors);
    let aar: number | undefined = termin?.aar;
    if (columns.aar !== undefined && !isBlank(t.cell(i, "aar"))) {
      const text = textCell(t, i, "aar");
      if (!/^\d{4}$/.test(text)) report(t, i, "aar", `«${text}» er ikke et årstall.`, errors);
      else if (aar !== undefined && aar !== Number(text)) report(t, i, "aar", `Året ${text} stemmer ikke med terminen («${displayText(t.cell(i, "termin"))}»).`, errors);
      else aar = Number(text);
    }
    const periode = columns.periode === undefined ? "" : monthCell(t, i, "periode", errors);
    if (dato === undefined || gjelder === undefined || belop === undefined || belop <= 0 || utbetalingsdato === undefined || termin === undefined || periode === undefined) continue;
    if (utbetalingsdato === "" && termin === null && periode === "") {
      const settles = [titles.utbetalingsdato, titles.termin, titles.periode].filter((x): x is string => x !== undefined).join("/");
      errors.push(
        errorAt(t.place, i, undefined, "Betalingen sier ikke hva den gjør opp: oppgi utbetalingsdatoen (forskuddstrekk), terminen (arbeidsgiveravgift) eller perioden (forsikrings- og fagforeningstrekk).", settles ? { column: settles } : {}),
      );
      continue;
    }
    if (!copies.check(i, errors)) continue;
    out.push({
      dato,
      gjelder,
      belop,
      ...(utbetalingsdato !== "" ? { utbetalingsdato } : {}),
      ...(termin ? { termin: termin.termin } : {}),
      ...(termin && aar !== undefined && aar !== options.aar ? { aar } : {}),
      ...(periode !== "" ? { periode } : {}),
    });
    places.push({ row: sheetRow(t.place, i), cells: Object.fromEntries(present.map((k) => [k, sheetCell(t.place, i, columns[k] as number)])) });
  }
  totals.verify(errors);
  if (errors.length === 0 && out.length === 0) errors.push(sheetError(t.place.sheet, "Filen har ingen betalinger."));
  if (errors.length > 0) return new Problems(errors);
  return { betalinger: out, places, summary: tableSummary(t, out.length, ignored.list()), notes: copies.notes() };
}
