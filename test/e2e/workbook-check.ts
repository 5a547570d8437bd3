/**
 * The end-to-end check of a workbook the CLI wrote: LibreOffice recalculates it, and every formula
 * cell of the A10/A11 sheet, the Korreksjonsbilag sheet and the A-melding sheet must equal the
 * core's figure to the øre; no formula may call LONN.*; no cell may hold an error value.
 *
 * The expected figures come from core (reconcile, buildKorreksjonsbilag, buildAmeldingFordeling),
 * called here directly, never from the CLI's output. The model is in øre; the sheets show kroner.
 */
import ExcelJS from "exceljs";
import { kroner, Ore } from "../../src/core/money/ore";
import { columnLetter } from "../../src/core/sheet/a1";
import { AmeldingFordeling } from "../../src/core/spk/amelding";
import { Avstemming, Bilag } from "../../src/core/spk/types";
import { AMELDING_SHEET, AMELDING_COLUMNS } from "../../src/core/spk/sheet/amelding-sheet";
import { KORREKSJONSBILAG_SHEET } from "../../src/core/spk/sheet/korreksjonsbilag-sheet";
import { voucherColumns } from "../../src/core/workpaper/voucher-sheet";
import { ADJUST_CELLS, BALANCE_COLUMNS, balanceRows, ROWS, SHEET_NAMES, SUM_COLUMNS, terminRow, voucherRow, VOUCHER_COLUMNS } from "../../src/core/spk/sheet/layout";
import { recalculate } from "../support/libreoffice";

export interface Expected {
  readonly avstemming: Avstemming;
  readonly bilag: readonly Bilag[];
  readonly amelding?: readonly AmeldingFordeling[];
}

export type Want = number | string | { rate: number };

/** Øre of a kroner figure, as an integer (the engine's doubles carry binary noise; the model's do not). */
const ore = (kroner: number): number => Math.round(kroner * 100) + 0;

/** The computed value of a recalculated cell; a formula that gave "" has no result in exceljs. */
function resultOf(cell: ExcelJS.Cell): unknown {
  if (cell.formula) return cell.result ?? "";
  return cell.value;
}

const ERROR_TEXT = /^(#NAME\?|#REF!|#VALUE!|#DIV\/0!|#N\/A|#NUM!|#NULL!|Err:\d+)/;

function isErrorValue(v: unknown): boolean {
  if (v && typeof v === "object" && "error" in (v as object)) return true;
  return typeof v === "string" && ERROR_TEXT.test(v);
}

/** What every formula cell of the reconciliation sheet must show. */
function avstemmingExpected(a: Avstemming): Map<string, Want> {
  const o = a.oppsett;
  const brutto = o.budsjettering === "brutto";
  const m = new Map<string, Want>();
  for (const t of a.terminer) {
    const r = terminRow(t.termin);
    // Missing is not zero: a comparison without both its sources is an empty cell.
    const missing = t.input.mangler ?? [];
    const sapUnit4 = !missing.includes("sap") && !missing.includes("unit4");
    const cols: [string, Ore, boolean][] = [
      ["G", t.G, sapUnit4], ["H", t.H, sapUnit4], ["I", t.I, sapUnit4],
      ["O", t.O, t.avstemt], ["P", t.P, t.avstemt], ["Q", t.Q, t.avstemt], ["R", t.R, t.avstemt], ["T", t.T, t.avstemt],
    ];
    for (const [c, v, shown] of cols) m.set(`${c}${r}`, shown ? kroner(v) : "");
    m.set(`S${r}`, { rate: t.S });
  }
  for (const c of SUM_COLUMNS) m.set(`${c}${ROWS.sum}`, kroner(a.sum[c]));

  const v = VOUCHER_COLUMNS;
  const k = o.kontoer;
  const accounts: [string, string][] = [
    [v.differanse, k.differanse], [v.fakturadifferanse, k.fakturadifferanse], [v.avsetningNetto, k.avsetningNetto],
    [v.medlemsinnskudd, k.medlemsinnskudd], [v.agaKostnad, k.agaKostnad], [v.agaMotkontoBrutto, k.agaMotkontoBrutto], [v.agaMotkontoNetto, k.agaMotkontoNetto],
  ];
  for (const [c, konto] of accounts) m.set(`${c}${ROWS.voucherAccounts}`, konto);
  const block = (row: number, rOre: Ore, S: number, tOre: Ore, oOre: Ore, pOre: Ore) => {
    const [R, T, O, P] = [rOre, tOre, oOre, pOre].map(kroner);
    m.set(`${v.R}${row}`, R);
    m.set(`${v.S}${row}`, { rate: S });
    m.set(`${v.T}${row}`, T);
    m.set(`${v.differanse}${row}`, R);
    m.set(`${v.fakturadifferanse}${row}`, brutto ? -R : 0);
    m.set(`${v.avsetningNetto}${row}`, brutto ? 0 : -O);
    m.set(`${v.medlemsinnskudd}${row}`, brutto ? 0 : -P);
    m.set(`${v.agaKostnad}${row}`, T);
    m.set(`${v.agaMotkontoBrutto}${row}`, brutto ? -T : 0);
    m.set(`${v.agaMotkontoNetto}${row}`, brutto ? 0 : -T);
    m.set(`${v.kontroll}${row}`, 0);
  };
  for (const t of a.terminer) {
    if (t.avstemt) block(voucherRow(t.termin), t.R, t.S, t.T, t.O, t.P);
    else {
      // Not reconciled: the termin's voucher row is empty but for its rate.
      const row = voucherRow(t.termin);
      for (const c of [v.R, v.T, v.differanse, v.fakturadifferanse, v.avsetningNetto, v.medlemsinnskudd, v.agaKostnad, v.agaMotkontoBrutto, v.agaMotkontoNetto, v.kontroll]) m.set(`${c}${row}`, "");
      m.set(`${v.S}${row}`, { rate: t.S });
    }
  }
  block(ROWS.voucherYear, a.sum.R, o.agaSats, a.aarsAga as Ore, a.sum.O, a.sum.P);

  for (const { key, row } of balanceRows(o.budsjettering)) {
    const konto = k[key];
    const s = a.saldokontroll.find((x) => x.konto === konto);
    m.set(`${BALANCE_COLUMNS.konto}${row}`, konto);
    m.set(`${BALANCE_COLUMNS.ub}${row}`, s ? kroner(s.ub) : 0);
    m.set(`${BALANCE_COLUMNS.differanse}${row}`, s ? kroner(s.differanse) : 0);
  }
  const j = a.agaJustering;
  m.set(ADJUST_CELLS.sumR, kroner(a.sum.R));
  m.set(ADJUST_CELLS.bokfort, kroner(a.aarsAga as Ore));
  m.set(ADJUST_CELLS.nyAga, j ? kroner(j.nyAga) : "");
  m.set(ADJUST_CELLS.justering, j ? kroner(j.justering) : "");
  return m;
}

/** Rows of a generated table by column A (id) and a marker column. */
function rowsOf(ws: ExcelJS.Worksheet, col: number, idPattern: RegExp = /^SPK-\d{4}-/): { row: number; id: string; marker: unknown }[] {
  const out: { row: number; id: string; marker: unknown }[] = [];
  ws.eachRow((row, r) => {
    const id = row.getCell(1).value;
    if (typeof id === "string" && idPattern.test(id)) out.push({ row: r, id, marker: row.getCell(col + 1).value });
  });
  return out;
}

/**
 * What every formula cell of a voucher sheet (core/workpaper/voucher-sheet) must show: debet and
 * kredit per line, the sums and «I balanse» on each voucher's control row. The rows are found by
 * their ids; each line's signed amount (a constant) must be the model's.
 */
export function voucherSheetExpected(ws: ExcelJS.Worksheet, bilag: readonly Bilag[], idPattern: RegExp, dimensionCount: number): Map<string, Want> {
  const k = voucherColumns(dimensionCount);
  const L = (c: number) => columnLetter(c);
  const m = new Map<string, Want>();
  const rows = rowsOf(ws, k.linje, idPattern);
  let i = 0;
  for (const b of bilag) {
    let debet = 0;
    let kredit = 0;
    for (const l of b.linjer) {
      const r = rows[i++];
      const belop = kroner(l.belop);
      expect([r.id, r.marker]).toEqual([b.id, l.linje]);
      expect(ore(ws.getCell(`${L(k.belop)}${r.row}`).value as number)).toBe(ore(belop));
      const o = ore(belop);
      m.set(`${L(k.debet)}${r.row}`, o > 0 ? belop : 0);
      m.set(`${L(k.kredit)}${r.row}`, o < 0 ? -belop : 0);
      if (o > 0) debet += o;
      else kredit -= o;
    }
    const c = rows[i++];
    expect([c.id, c.marker]).toEqual([b.id, "Sum"]);
    m.set(`${L(k.debet)}${c.row}`, debet / 100);
    m.set(`${L(k.kredit)}${c.row}`, kredit / 100);
    m.set(`${L(k.belop)}${c.row}`, 0);
    m.set(`${L(k.status)}${c.row}`, "I balanse");
  }
  expect(i).toBe(rows.length);
  return m;
}

function korreksjonsbilagExpected(ws: ExcelJS.Worksheet, a: Avstemming, bilag: readonly Bilag[]): Map<string, Want> {
  return voucherSheetExpected(ws, bilag, /^SPK-\d{4}-/, a.oppsett.dimensjoner.length);
}

function ameldingExpected(ws: ExcelJS.Worksheet, fordelinger: readonly AmeldingFordeling[]): Map<string, Want> {
  const k = AMELDING_COLUMNS;
  const L = (c: number) => columnLetter(c);
  const m = new Map<string, Want>();
  const rows = rowsOf(ws, k.navn);
  let i = 0;
  for (const f of fordelinger) {
    i += f.rader.length;
    const sum = rows[i++];
    expect([sum.id, sum.marker]).toEqual([f.bilagId, "Sum"]);
    m.set(`${L(k.grunnlag)}${sum.row}`, f.rader.reduce((acc, r) => acc + ore(kroner(r.grunnlagLonn)), 0) / 100);
    m.set(`${L(k.endring)}${sum.row}`, kroner(f.sumEndring));
    m.set(`${L(k.aga)}${sum.row}`, kroner(f.sumAga));
    m.set(`${L(k.kontroll)}${sum.row}`, "Lik differansen");
    // The voucher's row refers to the reconciliation's own R and T (never copied amounts).
    const voucher = rows[i++];
    m.set(`${L(k.endring)}${voucher.row}`, kroner(f.differanse));
    m.set(`${L(k.aga)}${voucher.row}`, kroner(f.beregnetAga));
    const avvik = rows[i++];
    expect(avvik.id).toBe(f.bilagId);
    m.set(`${L(k.aga)}${avvik.row}`, kroner(f.avvik));
  }
  return m;
}

/** Every formula cell of the sheet against `want`; no formula cell may be left unchecked. */
export function compareFormulas(ws: ExcelJS.Worksheet, want: Map<string, Want>): void {
  const seen: string[] = [];
  const got: [string, unknown][] = [];
  const expected: [string, unknown][] = [];
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (!cell.formula) return;
      seen.push(cell.address);
      const w = want.get(cell.address);
      const v = resultOf(cell);
      if (typeof w === "object") {
        got.push([cell.address, typeof v === "number" ? Math.abs(v - w.rate) < 1e-12 : v]);
        expected.push([cell.address, true]);
      } else if (typeof w === "number") {
        got.push([cell.address, typeof v === "number" ? ore(v) : v]);
        expected.push([cell.address, ore(w)]);
      } else {
        got.push([cell.address, typeof v === "number" ? v : String(v ?? "")]);
        expected.push([cell.address, w]);
      }
    }),
  );
  expect(got).toEqual(expected);
  expect(seen.sort()).toEqual([...want.keys()].sort());
}

/** No LONN.* in any formula, conditional format or name of the workbook. */
export function expectNoLonnFunctions(wb: ExcelJS.Workbook): void {
  const texts: string[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((row) => row.eachCell((cell) => cell.formula && texts.push(`${ws.name}!${cell.address}: ${cell.formula}`)));
    const cfs = (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings ?? [];
    for (const cf of cfs) for (const r of cf.rules) texts.push(...((r as ExcelJS.ExpressionRuleType).formulae ?? []).map(String));
  }
  for (const n of wb.definedNames.model as { name: string; ranges: string[] }[]) texts.push(...n.ranges);
  expect(texts.length).toBeGreaterThan(0);
  expect(texts.filter((t) => /\bLONN\./i.test(t))).toEqual([]);
}

export function expectNoErrors(wb: ExcelJS.Workbook): void {
  const errors: string[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as unknown;
        if (isErrorValue(v) || (cell.formula && isErrorValue(cell.result))) errors.push(`${ws.name}!${cell.address}`);
      }),
    );
  }
  expect(errors).toEqual([]);
}

export async function read(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** The whole check; returns the path of LibreOffice's recalculated copy for further looks. */
export async function checkWorkbookWithLibreOffice(path: string, expected: Expected): Promise<string> {
  expectNoLonnFunctions(await read(path));
  const recalculated = recalculate(path);
  const wb = await read(recalculated);
  expectNoErrors(wb);
  expectNoLonnFunctions(wb);
  const a = expected.avstemming;
  const sheet = wb.getWorksheet(SHEET_NAMES[a.oppsett.budsjettering]);
  expect(sheet).toBeDefined();
  compareFormulas(sheet as ExcelJS.Worksheet, avstemmingExpected(a));
  const kb = wb.getWorksheet(KORREKSJONSBILAG_SHEET) as ExcelJS.Worksheet;
  compareFormulas(kb, korreksjonsbilagExpected(kb, a, expected.bilag));
  const am = wb.getWorksheet(AMELDING_SHEET);
  if (expected.amelding) compareFormulas(am as ExcelJS.Worksheet, ameldingExpected(am as ExcelJS.Worksheet, expected.amelding));
  else expect(am).toBeUndefined();
  return recalculated;
}
