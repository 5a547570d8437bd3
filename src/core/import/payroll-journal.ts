/**
 * The payroll journal (lønnsjournal) as CSV or a sheet into `Lonnskjoring` (DESIGN.md §8.4): one
 * pay run per utbetalingsdato and virksomhet, with its trekk and its AGA basis per zone.
 *
 * Columns: utbetalingsdato; forskuddstrekk; AGA-grunnlag; forsikringstrekk and fagforeningstrekk
 * (optional, empty is 0); brutto (optional, summed for the summary); sone, or kommunenummer (the
 * kommune's zone in the year); virksomhetsnummer (optional: with it each virksomhet's rows are a
 * run of their own). The rows may be one per run or one per employee (ansattnr, optional): rows
 * with the same pay date and virksomhet are added up, the AGA basis per zone in the order the
 * zones first appear. Zones come out in Roman notation (`I`, `IVa`), as the rules name them.
 */
import { Lonnskjoring, AgaGrunnlagLinje } from "../trekk/types";
import { Zone } from "../rates/aga";
import { parseZone } from "../rules/aga-sone";
import { ORE_ZERO, Ore, plusOre } from "../money/ore";
import { Checked, isProblems, Problem, Problems } from "../problem/problem";
import { amountCell } from "./cells";
import { sheetError, sheetRow } from "./grid";
import { FieldSpec, withSynonyms } from "./headers";
import { IgnoreCounter, isTotalRow, readTable, tableSummary } from "./table";
import { dateCell, kommuneZoneCell, report, textCell, virksomhetCell, zoneCell } from "./trekk-cells";
import { ReadSummary, SheetInput } from "./types";
import { DuplicatePolicy, DuplicateRows, SubtotalCheck } from "./row-checks";

export type PayrollField =
  | "utbetalingsdato"
  | "ansatt"
  | "brutto"
  | "forskuddstrekk"
  | "forsikringstrekk"
  | "fagforeningstrekk"
  | "agaGrunnlag"
  | "sone"
  | "kommunenummer"
  | "virksomhetsnummer";

export const PAYROLL_FIELDS: readonly FieldSpec<PayrollField>[] = [
  { key: "utbetalingsdato", label: "Utbetalingsdato", required: true, synonyms: ["Utbetalingsdato", "Utbetalt", "Lønnsdato", "Lønnsutbetalingsdato", "Utbetalingsdag", "Pay date", "Payment date"] },
  { key: "ansatt", label: "Ansattnr", required: false, synonyms: ["Ansattnr", "Ansattnummer", "Ansatt nr", "Ansatt", "Employee", "Employee number"] },
  { key: "brutto", label: "Brutto", required: false, synonyms: ["Brutto", "Bruttolønn", "Brutto lønn", "Sum brutto", "Gross", "Gross pay"] },
  { key: "forskuddstrekk", label: "Forskuddstrekk", required: true, synonyms: ["Forskuddstrekk", "Skattetrekk", "Trekk skatt", "Skatt", "Tax", "Tax withheld"] },
  { key: "forsikringstrekk", label: "Forsikringstrekk", required: false, synonyms: ["Forsikringstrekk", "Forsikring", "Trekk forsikring", "Insurance"] },
  { key: "fagforeningstrekk", label: "Fagforeningstrekk", required: false, synonyms: ["Fagforeningstrekk", "Fagforening", "Fagforeningskontingent", "Kontingent", "Union dues"] },
  { key: "agaGrunnlag", label: "AGA-grunnlag", required: true, synonyms: ["AGA-grunnlag", "AGA grunnlag", "Grunnlag AGA", "Avgiftsgrunnlag", "Grunnlag arbeidsgiveravgift", "Arbeidsgiveravgiftsgrunnlag"] },
  { key: "sone", label: "Sone", required: false, synonyms: ["Sone", "AGA-sone", "Arbeidsgiveravgiftssone", "Zone"] },
  { key: "kommunenummer", label: "Kommunenummer", required: false, synonyms: ["Kommunenr", "Kommunenr.", "Kommunenummer", "Kommune"] },
  { key: "virksomhetsnummer", label: "Virksomhetsnummer", required: false, synonyms: ["Virksomhetsnr", "Virksomhetsnr.", "Virksomhetsnummer", "Underenhet", "Bedriftsnummer", "Orgnr underenhet"] },
];

export interface PayrollOptions {
  /** The reconciliation year: pay dates must lie in it, and zones are the year's. */
  readonly aar: number;
  /** The zone for every row when the journal has neither a zone nor a kommunenummer column. */
  readonly sone?: string;
  readonly headers?: Partial<Record<PayrollField, readonly string[]>>;
  /** Rows that repeat an earlier row: refused (default), or counted when the user says they are real. */
  readonly duplicates?: DuplicatePolicy;
}

export interface PayrollImport {
  /** By pay date, then virksomhet in the order they first appear. */
  readonly lonnskjoringer: readonly Lonnskjoring[];
  readonly summary: ReadSummary & { readonly ansatte: number; readonly brutto: Ore };
  readonly notes: readonly string[];
}

interface Run {
  utbetalingsdato: string;
  virksomhetsnummer: string;
  forskuddstrekk: Ore;
  forsikringstrekk: Ore;
  fagforeningstrekk: Ore;
  zones: Map<Zone, Ore>;
}

export function readPayrollJournal(input: SheetInput, options: PayrollOptions): Checked<PayrollImport> {
  const table = readTable(input, withSynonyms(PAYROLL_FIELDS, options.headers));
  if (isProblems(table)) return table;
  const t = table;
  const { columns } = t.header;
  const fixedZone = options.sone === undefined ? undefined : parseZone(options.sone);
  if (columns.sone === undefined && columns.kommunenummer === undefined && fixedZone === undefined) {
    const row = sheetRow(t.place, t.header.row);
    return new Problems([
      {
        sheet: t.place.sheet,
        row,
        message: `Mangler kolonnen «Sone» eller «Kommunenummer» i overskriftsraden (rad ${row})${options.sone !== undefined ? `, og «${options.sone}» er ikke en sone` : ""}; AGA-grunnlaget må ha en sone.`,
      },
    ]);
  }

  const errors: Problem[] = [];
  const ignored = new IgnoreCounter();
  const runs = new Map<string, Run>();
  const employees = new Set<string>();
  let brutto = 0;
  let used = 0;
  const totals = new SubtotalCheck<PayrollField>(t, ["brutto", "forskuddstrekk", "forsikringstrekk", "fagforeningstrekk", "agaGrunnlag"]);
  const copies = new DuplicateRows(t, input.values, options.duplicates);
  for (const i of t.rows) {
    if (isTotalRow(input.values[i], t.cell(i, "utbetalingsdato"))) {
      ignored.add("summeringslinjer");
      totals.total(i);
      continue;
    }
    const dato = dateCell(t, i, "utbetalingsdato", errors, { empty: "missing", what: "utbetalingsdato" });
    if (dato !== undefined && Number(dato.slice(0, 4)) !== options.aar) {
      report(t, i, "utbetalingsdato", `Utbetalingsdatoen ${dato} er ikke i regnskapsåret ${options.aar}.`, errors);
    }
    const trekk = amountCell(t, i, "forskuddstrekk", "zero", errors);
    const forsikring = columns.forsikringstrekk === undefined ? ORE_ZERO : amountCell(t, i, "forsikringstrekk", "zero", errors);
    const fagforening = columns.fagforeningstrekk === undefined ? ORE_ZERO : amountCell(t, i, "fagforeningstrekk", "zero", errors);
    const grunnlag = amountCell(t, i, "agaGrunnlag", "zero", errors);
    const gross = columns.brutto === undefined ? ORE_ZERO : amountCell(t, i, "brutto", "zero", errors);
    let zone: Zone | undefined = fixedZone;
    if (columns.sone !== undefined && (columns.kommunenummer === undefined || textCell(t, i, "sone") !== "")) zone = zoneCell(t, i, "sone", options.aar, errors);
    else if (columns.kommunenummer !== undefined) zone = kommuneZoneCell(t, i, "kommunenummer", options.aar, errors);
    const virksomhet = columns.virksomhetsnummer === undefined ? "" : virksomhetCell(t, i, "virksomhetsnummer", errors);
    if (
      dato === undefined || trekk === undefined || forsikring === undefined || fagforening === undefined ||
      grunnlag === undefined || gross === undefined || zone === undefined || virksomhet === undefined
    ) {
      continue;
    }
    if (Number(dato.slice(0, 4)) !== options.aar || !copies.check(i, errors)) continue;
    const key = `${dato} ${virksomhet}`;
    let run = runs.get(key);
    if (!run) {
      run = { utbetalingsdato: dato, virksomhetsnummer: virksomhet, forskuddstrekk: ORE_ZERO, forsikringstrekk: ORE_ZERO, fagforeningstrekk: ORE_ZERO, zones: new Map() };
      runs.set(key, run);
    }
    run.forskuddstrekk = plusOre(run.forskuddstrekk, trekk);
    run.forsikringstrekk = plusOre(run.forsikringstrekk, forsikring);
    run.fagforeningstrekk = plusOre(run.fagforeningstrekk, fagforening);
    run.zones.set(zone, plusOre(run.zones.get(zone) ?? ORE_ZERO, grunnlag));
    brutto += gross;
    if (columns.ansatt !== undefined && textCell(t, i, "ansatt") !== "") employees.add(textCell(t, i, "ansatt"));
    used++;
  }
  totals.verify(errors);
  if (errors.length === 0 && runs.size === 0) errors.push(sheetError(t.place.sheet, "Lønnsjournalen har ingen rader med utbetalinger."));
  if (errors.length > 0) return new Problems(errors);

  const list = [...runs.values()]
    .map((r, order) => ({ r, order }))
    .sort((a, b) => (a.r.utbetalingsdato < b.r.utbetalingsdato ? -1 : a.r.utbetalingsdato > b.r.utbetalingsdato ? 1 : a.order - b.order))
    .map(({ r }): Lonnskjoring => {
      const agaGrunnlag: AgaGrunnlagLinje[] = [...r.zones].map(([sone, grunnlag]) => ({ sone, grunnlag }));
      return {
        utbetalingsdato: r.utbetalingsdato,
        forskuddstrekk: r.forskuddstrekk,
        forsikringstrekk: r.forsikringstrekk,
        fagforeningstrekk: r.fagforeningstrekk,
        agaGrunnlag,
        ...(r.virksomhetsnummer !== "" ? { virksomhetsnummer: r.virksomhetsnummer } : {}),
      };
    });
  const notes: string[] = copies.notes();
  const dates = new Set(list.map((r) => r.utbetalingsdato));
  notes.push(`${dates.size} utbetalingsdatoer${employees.size > 0 ? `, ${employees.size} ansatte` : ""}.`);
  return {
    lonnskjoringer: list,
    summary: { ...tableSummary(t, used, ignored.list()), ansatte: employees.size, brutto: (brutto + 0) as Ore },
    notes,
  };
}
