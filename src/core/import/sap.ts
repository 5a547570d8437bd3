import { append } from "../list";
import { negateOre, ORE_ZERO, Ore, plusOre } from "../money/ore";
import { codeMatcher, listText } from "./codes";
import { amountCell, leadingCode, periodTermin } from "./cells";
import { errorAt, sheetError } from "./grid";
import { FieldSpec, withSynonyms } from "./headers";
import { IgnoreCounter, isTotalRow, readTable, tableSummary } from "./table";
import { DuplicatePolicy, DuplicateRows, SubtotalCheck } from "./row-checks";
import { Checked, isProblems, Problem, Problems } from "../problem/problem";
import { ReadSummary, SheetInput } from "./types";

/**
 * SAP wage-type report (DFØ runs PC00_M99_CWTR with the variants CUS&OPAL34 for the employer
 * share and CUS&OPAL75 for the member contribution): one line per wage type, period and
 * (optionally) employee. Lines of the configured wage types are summed per termin into column B
 * (arbeidsgiverandel) and C (medlemsinnskudd); other wage types are left out and counted.
 *
 * The period column is the for-period (the months the premium is for). A report that shows both
 * `For-periode` and `I-periode` is read by its `For-periode`; give `headers.periode` to choose
 * otherwise. Amounts are taken with the sign the report shows; `invert` turns a report that
 * shows the member deduction as negative amounts around.
 */

export type SapField = "lonnsart" | "periode" | "belop" | "ansatt" | "tekst";

export const SAP_FIELDS: readonly FieldSpec<SapField>[] = [
  { key: "lonnsart", label: "Lønnsart", required: true, synonyms: ["Lønnsart", "LART", "Lønnsartnr", "Lønnsartnummer", "Wage type", "Wagetype", "WT", "Lohnart"] },
  {
    key: "periode",
    label: "Periode",
    required: true,
    synonyms: ["Periode", "For-periode", "Forperiode", "Lønnsperiode", "Period", "For-period", "For period", "Abrechnungsperiode", "Für-Periode"],
  },
  { key: "belop", label: "Beløp", required: true, synonyms: ["Beløp", "Amount", "Betrag"] },
  { key: "ansatt", label: "Ansatt", required: false, synonyms: ["Ansatt", "Ansattnr", "Ansattnummer", "Personalnr", "Personalnummer", "Pers.nr.", "Employee", "Personnel number", "Pernr"] },
  { key: "tekst", label: "Tekst", required: false, synonyms: ["Tekst", "Lønnsarttekst", "Lønnsartstekst", "Text", "Wage type text", "Lohnartentext"] },
];

export interface SapLonnsarter {
  /** Wage types that make up the employer share (column B); `*` and `?` allowed. */
  readonly arbeidsgiverandel: readonly string[];
  /** Wage types that make up the member contribution (column C). */
  readonly medlemsinnskudd: readonly string[];
}

/**
 * SAMPLE wage types, matching the bundled sample exports only. Every customer's SAP has its own
 * wage-type codes behind CUS&OPAL34 / CUS&OPAL75: set the virksomhet's own in the workbook.
 */
export const SAMPLE_SAP_LONNSARTER: SapLonnsarter = {
  arbeidsgiverandel: ["7300", "7301"],
  medlemsinnskudd: ["7350"],
};

export interface SapOptions {
  /** The reconciliation's year; a line from another year is an error. */
  readonly aar: number;
  /** Defaults to SAMPLE_SAP_LONNSARTER (and the summary says so). */
  readonly lonnsarter?: SapLonnsarter;
  readonly headers?: Partial<Record<SapField, readonly string[]>>;
  /** Turn the sign of a share around, for reports that show deductions as negative amounts. */
  readonly invert?: { readonly arbeidsgiverandel?: boolean; readonly medlemsinnskudd?: boolean };
  /** Rows that repeat an earlier row: refused (default), or counted when the user says they are real. */
  readonly duplicates?: DuplicatePolicy;
}

export interface SapTermin {
  readonly termin: number;
  /** B. */
  readonly arbeidsgiverandel: Ore;
  /** C. */
  readonly medlemsinnskudd: Ore;
  /** Lines that went into B or C. */
  readonly rader: number;
}

export interface SapImport {
  readonly kind: "sap";
  /** Termins 1–6, in order. */
  readonly terminer: readonly SapTermin[];
  readonly summary: ReadSummary;
  /** Things to tell the user that do not stop the import. */
  readonly notes: readonly string[];
}

export function readSap(input: SheetInput, options: SapOptions): Checked<SapImport> {
  const table = readTable(input, withSynonyms(SAP_FIELDS, options.headers));
  if (isProblems(table)) return table;
  const t = table;
  const lonnsarter = options.lonnsarter ?? SAMPLE_SAP_LONNSARTER;
  const isEmployer = codeMatcher(lonnsarter.arbeidsgiverandel);
  const isMember = codeMatcher(lonnsarter.medlemsinnskudd);

  const employer: Ore[] = Array(6).fill(ORE_ZERO);
  const member: Ore[] = Array(6).fill(ORE_ZERO);
  const rows: number[] = Array(6).fill(0);
  const errors: Problem[] = [];
  const ignored = new IgnoreCounter();
  const otherCodes = new Set<string>();
  let otherCount = 0;
  const totals = new SubtotalCheck(t, ["belop"]);
  const copies = new DuplicateRows(t, input.values, options.duplicates);

  for (const i of t.rows) {
    const codeCell = t.cell(i, "lonnsart");
    if (isTotalRow(input.values[i], codeCell)) {
      ignored.add("summeringslinjer");
      totals.total(i);
      continue;
    }
    const code = leadingCode(codeCell);
    if (code === "") {
      errors.push(errorAt(t.place, i, t.header.columns.lonnsart, "Mangler lønnsart.", { column: t.header.titles.lonnsart, value: codeCell }));
      continue;
    }
    const employerLine = isEmployer(code);
    const memberLine = isMember(code);
    if (employerLine && memberLine) {
      errors.push(
        errorAt(t.place, i, t.header.columns.lonnsart, `Lønnsart ${code} er satt opp både som arbeidsgiverandel og som medlemsinnskudd.`, {
          column: t.header.titles.lonnsart,
          value: codeCell,
        }),
      );
      continue;
    }
    if (!employerLine && !memberLine) {
      otherCodes.add(code);
      otherCount++;
      continue;
    }
    const termin = periodTermin(t, i, "periode", options.aar, errors);
    const amount = amountCell(t, i, "belop", "missing", errors);
    if (termin === undefined || amount === undefined || !copies.check(i, errors)) continue;
    if (employerLine) employer[termin - 1] = plusOre(employer[termin - 1], options.invert?.arbeidsgiverandel ? negateOre(amount) : amount);
    else member[termin - 1] = plusOre(member[termin - 1], options.invert?.medlemsinnskudd ? negateOre(amount) : amount);
    rows[termin - 1]++;
  }

  totals.verify(errors);
  const used = rows.reduce((a, b) => a + b, 0);
  const wanted = `arbeidsgiverandel (${listText(lonnsarter.arbeidsgiverandel)}) eller medlemsinnskudd (${listText(lonnsarter.medlemsinnskudd)})`;
  if (errors.length === 0 && used === 0) {
    const found = otherCodes.size > 0 ? ` Lønnsartene i filen: ${listText([...otherCodes].slice(0, 20))}.` : "";
    errors.push(sheetError(t.place.sheet, `Ingen linjer med lønnsartene for ${wanted}; sjekk lønnsartene i oppsettet.${found}`));
  }
  if (errors.length > 0) return new Problems(errors);

  const notes: string[] = [];
  if (!options.lonnsarter) {
    notes.push(
      `Lønnsartene er eksempelverdier: arbeidsgiverandel ${listText(lonnsarter.arbeidsgiverandel)}, medlemsinnskudd ${listText(lonnsarter.medlemsinnskudd)}. Sett virksomhetens egne lønnsarter i oppsettet.`,
    );
  }
  append(notes, copies.notes());
  member.forEach((c, k) => {
    if (c < 0) notes.push(`Medlemsinnskuddet for termin ${k + 1} er negativt; viser rapporten trekk som negative beløp?`);
  });
  const ignoredList = [
    ...(otherCount > 0 ? [{ reason: `andre lønnsarter (${listText([...otherCodes].slice(0, 20))})`, count: otherCount }] : []),
    ...ignored.list(),
  ];

  return ({
    kind: "sap",
    terminer: employer.map((b, k) => ({ termin: k + 1, arbeidsgiverandel: b, medlemsinnskudd: member[k], rader: rows[k] })),
    summary: tableSummary(t, used, ignoredList),
    notes,
  });
}
