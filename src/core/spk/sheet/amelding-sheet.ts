import { kroner } from "../../money/ore";
import { Checked, isProblems } from "../../problem/problem";
import { columnLetter } from "../../sheet/a1";
import { sheetAddress } from "../../sheet/reference";
import { SheetSnapshot } from "../../sheet/snapshot";
import { cellList, GeneratedRow, GeneratedTable, planRows, writeTable } from "../../workpaper/generated-table";
import { Cell, NUMBER_FORMATS, WritePlan } from "../../workpaper/write-plan";
import { standardPrint, withAmountWidths } from "../../workpaper/print";
import { AmeldingFordeling } from "../amelding";
import { SPK_BILAG_ID } from "../bilag-id";
import { Oppsett } from "../types";
import { NAME_AGA_AAR } from "./layout";
import { SheetMap } from "./locate";

/**
 * The `A-melding fordeling` sheet: per voucher, the posted difference split over the
 * virksomhetsnumre (endring i avgiftsgrunnlaget), each part's zone rate and AGA, the sums, the
 * voucher's AGA at the average rate and the residual between them, shown rather than hidden.
 * The split and the AGA figures come from core (`buildAmeldingFordeling`); the sheet's formulas
 * add them up and check them against the reconciliation sheet itself — the difference and the
 * voucher's AGA are references to its R and T cells, never copied amounts, so the check cannot
 * agree with an old figure. Regenerating replaces our rows only, as on `Korreksjonsbilag`.
 */

export const AMELDING_SHEET = "A-melding fordeling";

export const AMELDING_COLUMNS = {
  id: 0, periode: 1, termin: 2, virksomhetsnummer: 3, navn: 4, sone: 5, grunnlag: 6, endring: 7, sats: 8, aga: 9, kontroll: 10, width: 11,
} as const;

/** Where the reconciliation's figures for a split are: its sheet and the row of the termin (or the Sum row). */
export interface ReconciliationCells {
  readonly sheet: string;
  /** The sheet row (1-based) of a termin's R and T; for the year (termin null) the Sum row. */
  readonly rowOf: (termin: number | null) => number | undefined;
}

export function ameldingTable(oppsett: Oppsett): GeneratedTable {
  const k = AMELDING_COLUMNS;
  const columnFormats: (string | undefined)[] = Array(k.width).fill(NUMBER_FORMATS.text);
  columnFormats[k.periode] = NUMBER_FORMATS.integer;
  for (const c of [k.grunnlag, k.endring, k.aga]) columnFormats[c] = NUMBER_FORMATS.amount;
  columnFormats[k.sats] = NUMBER_FORMATS.rate;
  return {
    sheet: AMELDING_SHEET,
    title: `A-melding: fordeling av endret AGA-grunnlag, SPK-premie ${oppsett.aar} (${oppsett.virksomhet})`,
    note:
      "Differansen som bokføres rapporteres som endring i avgiftsgrunnlaget per virksomhetsnummer, fordelt etter " +
      "virksomhetenes avgiftsgrunnlag på lønn (DFØ E1), i øre og med eksakt sum. Hver del får sin sones sats, så summen " +
      "avviker litt fra bilagets AGA med snittsats; avviket vises. Negative endringer: avklar rapporteringen med lønn.",
    headings: [
      "Bilag-ID", "Periode", "Termin", "Virksomhetsnummer", "Navn", "Sone", "Grunnlag lønn", "Endring i grunnlag", "Sats", "AGA", "Kontroll",
    ],
    isGenerated: (a) => SPK_BILAG_ID.test(a),
    keyOf: (cells) => `${cells[k.id]}#${cells[k.virksomhetsnummer] || cells[k.navn]}`,
    columnFormats,
    goneColumn: k.navn,
  };
}

export function planAmeldingSheet(
  fordelinger: readonly AmeldingFordeling[],
  oppsett: Oppsett,
  snapshot: SheetSnapshot | undefined,
  reconciliation: ReconciliationCells,
): Checked<WritePlan> {
  const table = ameldingTable(oppsett);
  const k = AMELDING_COLUMNS;
  const keys = fordelinger.flatMap((f) => [...f.rader.map((r) => `${f.bilagId}#${r.virksomhetsnummer}`), `${f.bilagId}#Sum`, `${f.bilagId}#Bilag`, `${f.bilagId}#Avvik`]);
  const plan = planRows(snapshot, table, keys);
  if (isProblems(plan)) return plan;

  const generated: GeneratedRow[] = [];
  let i = 0;
  for (const f of fordelinger) {
    const partRows = plan.rows.slice(i, i + f.rader.length);
    const [sumRow, voucherRow] = [plan.rows[i + f.rader.length], plan.rows[i + f.rader.length + 1]];
    const common = (): Cell[] => {
      const c: Cell[] = Array(k.width).fill("");
      c[k.id] = f.bilagId;
      c[k.periode] = Number(f.periode);
      c[k.termin] = f.termin === null ? "År" : `T${f.termin}`;
      return c;
    };
    for (const r of f.rader) {
      const c = common();
      c[k.virksomhetsnummer] = r.virksomhetsnummer;
      c[k.navn] = r.navn;
      c[k.sone] = r.sone;
      c[k.grunnlag] = kroner(r.grunnlagLonn);
      c[k.endring] = kroner(r.endringGrunnlag);
      c[k.sats] = r.sats;
      c[k.aga] = kroner(r.aga);
      generated.push({ key: `${f.bilagId}#${r.virksomhetsnummer}`, cells: c });
    }
    // The reconciliation's own cells: R (the posted difference) and T (its AGA), or the year's.
    const row = reconciliation.rowOf(f.termin);
    const at = (col: string) => (row === undefined ? undefined : sheetAddress(reconciliation.sheet, `${col}${row}`));
    const differanseRef = at("R");
    const agaRef = f.termin === null ? NAME_AGA_AAR : at("T");
    const E = columnLetter(k.endring);
    const sum = common();
    const sumOf = (col: number) => `SUM(${cellList(col, partRows)})`;
    sum[k.navn] = "Sum";
    sum[k.grunnlag] = { formula: `=${sumOf(k.grunnlag)}`, value: kroner(f.rader.reduce((a, r) => (a + r.grunnlagLonn) as typeof r.grunnlagLonn, 0 as typeof f.differanse)) };
    sum[k.endring] = { formula: `=${sumOf(k.endring)}`, value: kroner(f.sumEndring) };
    sum[k.aga] = { formula: `=${sumOf(k.aga)}`, value: kroner(f.sumAga) };
    // The parts must add up to exactly the posted difference (FORDEL's rule), as the reconciliation holds it now.
    sum[k.kontroll] = differanseRef
      ? { formula: `=IF(ROUND(${E}${sumRow + 1}-${E}${voucherRow + 1},2)=0,"Lik differansen","Ulik differansen")`, value: f.sumEndring === f.differanse ? "Lik differansen" : "Ulik differansen" }
      : "";
    generated.push({ key: `${f.bilagId}#Sum`, cells: sum, style: "sum" });

    const voucher = common();
    voucher[k.navn] = "I avstemmingen: differanse (R) og AGA med snittsats";
    voucher[k.endring] = differanseRef ? { formula: `=${differanseRef}`, value: kroner(f.differanse) } : kroner(f.differanse);
    voucher[k.aga] = agaRef ? { formula: `=${agaRef}`, value: kroner(f.beregnetAga) } : kroner(f.beregnetAga);
    generated.push({ key: `${f.bilagId}#Bilag`, cells: voucher, columnStyles: differanseRef ? { [k.endring]: "formula", [k.aga]: "formula" } : {} });

    const avvik = common();
    const L = columnLetter(k.aga);
    avvik[k.navn] = "Avvik: sum per sone − bilagets AGA";
    avvik[k.aga] = { formula: `=ROUND(${L}${sumRow + 1}-${L}${voucherRow + 1},2)`, value: kroner(f.avvik) };
    generated.push({ key: `${f.bilagId}#Avvik`, cells: avvik, columnStyles: { [k.aga]: "formula" } });
    i += f.rader.length + 3;
  }

  const writes = writeTable(table, plan, generated);
  return {
    ...writes,
    sheets: [{
      name: AMELDING_SHEET,
      visibility: "visible",
      columnWidths: withAmountWidths({ A: 18, B: 9, C: 7, D: 18, E: 36, F: 6, I: 8, K: 16 }, ["G", "H", "J"]),
      freezeRows: plan.isNew && plan.titleRow === 0 ? plan.headerRow + 1 : undefined,
      print: standardPrint(oppsett, { first: plan.headerRow + 1, last: plan.headerRow + 1 }),
    }],
  };
}

/** Where a reconciliation sheet (ours or hand-made) keeps R and T: the termin rows, and the Sum row for the year. */
export const reconciliationCells = (map: SheetMap): ReconciliationCells => ({
  sheet: map.sheet,
  rowOf: (termin) => (termin === null ? map.sumRow : map.terminRows.get(termin)),
});
