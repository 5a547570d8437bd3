/**
 * `lonn trekk SCENARIO.json --xlsx` end to end: the real CLI code path writes the workbook,
 * LibreOffice (not our code) recalculates it, and every formula cell of the `Trekk og AGA` sheet
 * and of the correction voucher sheet must give the core's figure to the øre, with no LONN.* call
 * and no error value anywhere. The expected figures come from core (runTrekk), never from the CLI.
 */
import ExcelJS from "exceljs";
import { readFileSync, rmSync } from "fs";
import { join } from "path";
import { isProblems } from "../../src/core/problem/problem";
import { columnLetter } from "../../src/core/sheet/a1";
import { parseTrekkScenario } from "../../src/core/trekk/scenario";
import {
  ACCOUNT_ORDER, AGA, GRID, GRID_COLUMNS, PARTY, PARTY_COLUMNS, ROLL_COLUMNS, rollBlock, SETTLEMENT_COLUMNS, TREKK_SHEET, TREKK_TABLE,
} from "../../src/core/trekk/sheet/layout";
import { Settlement } from "../../src/core/trekk/result";
import { runTrekk, TREKK_VOUCHER_SHEET, TrekkRun } from "../../src/core/usecase/trekk";
import { voucherColumns } from "../../src/core/workpaper/voucher-sheet";
import { withLibreOffice } from "../support/engines";
import { recalculate } from "../support/libreoffice";
import { lonnTrekk, TREKK_2025, TREKK_2026, trekkTempDir } from "../cli/trekk-helpers";

/** Money in øre, a count of days, or a text ("" for an empty result). */
type Want = { readonly ore: number } | { readonly days: number } | string;

function coreRun(path: string): TrekkRun {
  const s = parseTrekkScenario(JSON.parse(readFileSync(path, "utf8")));
  if (isProblems(s)) throw s;
  const run = runTrekk({ source: path, scenario: s, notes: [] });
  if (isProblems(run)) throw run;
  return run;
}

/** Øre as an integer: the model's are exact, the engine's doubles carry binary noise. */
const ore = (kroner: number): number => Math.round(kroner * 100) + 0;

/** What every formula cell of the trekk sheet must show, in øre ("" for an empty result). */
function trekkExpected(run: TrekkRun): Map<string, Want> {
  const a = run.avstemming;
  const year = a.scenario.aar;
  const m = new Map<string, Want>();
  const money = (address: string, v: number | "") => m.set(address, v === "" ? "" : { ore: v });
  const grid = (month: number) => a.agaGrunnlag.find((g) => g.maaned === month)?.beregnet ?? 0;
  ACCOUNT_ORDER.forEach((g, i) => {
    const b = rollBlock(i);
    const konto = a.kontoer[g];
    let previousUb: number = 0;
    for (let month = 1; month <= 12; month++) {
      const r = b.month(month);
      const k = a.kontroller.find((x) => x.konto === konto && x.maaned === month);
      const ib = month === 1 ? (k?.ib ?? 0) : previousUb;
      if (month > 1) money(`${ROLL_COLUMNS.ib}${r}`, ib);
      const paalopt = g === "aga" ? grid(month) : (k?.paalopt ?? 0);
      if (g === "aga") money(`${ROLL_COLUMNS.paalopt}${r}`, paalopt);
      const forventet = ib - paalopt + (k?.betalt ?? 0);
      // Where the model has the month, the sheet's formula must give the model's own figure.
      if (k) expect(forventet).toBe(k.forventetUb);
      money(`${ROLL_COLUMNS.forventetUb}${r}`, forventet);
      money(`${ROLL_COLUMNS.differanse}${r}`, k ? k.differanse : "");
      previousUb = k ? k.hovedbokUb : 0;
    }
  });
  for (let month = 1; month <= 12; month++) money(`${GRID_COLUMNS.beregnet}${GRID.month(month)}`, grid(month));
  const s = SETTLEMENT_COLUMNS;
  const settlement = (r: number, owed: number, x: (Settlement & { amelding: number | null }) | undefined) => {
    const days = x?.dagerForsinket;
    m.set(`${s.dagerForsinket}${r}`, days === null || days === undefined ? "" : { days });
    money(`${s.avvikAmelding}${r}`, x && x.amelding !== null ? owed - x.amelding : "");
    money(`${s.avvikBetalt}${r}`, (x?.betalt ?? 0) - owed);
  };
  const opening = a.aga.find((x) => x.aar < year);
  settlement(AGA.opening, opening?.beregnet ?? 0, opening);
  for (let t = 1; t <= 6; t++) {
    const x = a.aga.find((y) => y.aar === year && y.termin === t);
    const beregnet = grid(2 * t - 1) + grid(2 * t);
    if (x) expect(beregnet).toBe(x.beregnet);
    money(`${s.owed}${AGA.termin(t)}`, beregnet);
    settlement(AGA.termin(t), beregnet, x);
  }
  (["forsikringstrekk", "fagforeningstrekk"] as const).forEach((g, block) => {
    for (let month = 1; month <= 12; month++) {
      const x = a.mottakere.find((y) => y.konto === a.kontoer[g] && y.maaned === month);
      money(`${PARTY_COLUMNS.differanse}${PARTY.month(block, month)}`, x?.differanse ?? 0);
    }
  });
  a.forskuddstrekk.forEach((x, i) => settlement(TREKK_TABLE.first + i, x.trekk, x));
  return m;
}

function resultOf(cell: ExcelJS.Cell): unknown {
  if (cell.formula) return cell.result ?? "";
  return cell.value;
}

/** Every formula cell against `want` (øre for numbers); no formula cell may go unchecked. */
function compareFormulas(ws: ExcelJS.Worksheet, want: Map<string, Want>): void {
  const got: [string, unknown][] = [];
  const expected: [string, unknown][] = [];
  const seen: string[] = [];
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (!cell.formula) return;
      seen.push(cell.address);
      const w = want.get(cell.address);
      const v = resultOf(cell);
      if (w !== undefined && typeof w === "object" && "ore" in w) got.push([cell.address, typeof v === "number" ? { ore: ore(v) } : v]);
      else if (w !== undefined && typeof w === "object") got.push([cell.address, typeof v === "number" ? { days: v } : v]);
      else got.push([cell.address, typeof v === "number" ? v : String(v ?? "")]);
      expected.push([cell.address, w]);
    }),
  );
  expect(got).toEqual(expected);
  expect(seen.sort()).toEqual([...want.keys()].sort());
}

function voucherExpected(ws: ExcelJS.Worksheet, run: TrekkRun): Map<string, Want> {
  const k = voucherColumns(0);
  const L = (c: number) => columnLetter(c);
  const m = new Map<string, Want>();
  const rows: number[] = [];
  ws.eachRow((row, r) => {
    const id = row.getCell(1).value;
    if (typeof id === "string" && /^TREKK-/.test(id)) rows.push(r);
  });
  let i = 0;
  for (const b of run.bilag) {
    let debet = 0;
    let kredit = 0;
    for (const l of b.linjer) {
      const r = rows[i++];
      m.set(`${L(k.debet)}${r}`, { ore: l.belop > 0 ? l.belop : 0 });
      m.set(`${L(k.kredit)}${r}`, { ore: l.belop < 0 ? -l.belop : 0 });
      if (l.belop > 0) debet += l.belop;
      else kredit -= l.belop;
    }
    const r = rows[i++];
    m.set(`${L(k.debet)}${r}`, { ore: debet });
    m.set(`${L(k.kredit)}${r}`, { ore: kredit });
    m.set(`${L(k.belop)}${r}`, { ore: 0 });
    m.set(`${L(k.status)}${r}`, "I balanse");
  }
  expect(i).toBe(rows.length);
  return m;
}

function checkNoLonnAndNoErrors(wb: ExcelJS.Workbook): void {
  const formulas: string[] = [];
  const errors: string[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.formula) formulas.push(cell.formula);
        const v = resultOf(cell);
        if ((v && typeof v === "object" && "error" in (v as object)) || (typeof v === "string" && /^(#NAME\?|#REF!|#VALUE!|#DIV\/0!|#N\/A|#NUM!|Err:\d+)/.test(v))) {
          errors.push(`${ws.name}!${cell.address}`);
        }
      }),
    );
  }
  expect(formulas.length).toBeGreaterThan(100);
  expect(formulas.filter((f) => /\bLONN\./i.test(f))).toEqual([]);
  expect(errors).toEqual([]);
}

async function check(xlsx: string, run: TrekkRun): Promise<string> {
  const saved = recalculate(xlsx);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  const ws = wb.getWorksheet(TREKK_SHEET) as ExcelJS.Worksheet;
  compareFormulas(ws, trekkExpected(run));
  const vs = wb.getWorksheet(TREKK_VOUCHER_SHEET);
  if (run.bilag.length > 0) compareFormulas(vs as ExcelJS.Worksheet, voucherExpected(vs as ExcelJS.Worksheet, run));
  checkNoLonnAndNoErrors(wb);
  return saved;
}

withLibreOffice.describe("lonn trekk --xlsx, recalculated by LibreOffice", () => {
  const dir = trekkTempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each([
    ["2026: pay dates, AGA per termin, the January transition, a correction voucher", TREKK_2026, "trekk-2026.xlsx"],
    ["2025: forskuddstrekk per termin, termin 6 paid in January 2026", TREKK_2025, "trekk-2025.xlsx"],
  ])("%s: every formula equals the core to the øre", async (_name, scenario, file) => {
    const out = join(dir, file);
    const r = await lonnTrekk(scenario, "--xlsx", out);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    await check(out, coreRun(scenario));
  }, 180_000);

  test("filled twice (the second time into the same file) it still recalculates to the core's figures", async () => {
    const out = join(dir, "to-ganger.xlsx");
    expect((await lonnTrekk(TREKK_2026, "--xlsx", out)).code).toBe(0);
    const second = await lonnTrekk(TREKK_2026, "--xlsx", out);
    expect(second.code).toBe(0);
    expect(second.err).toBe("");
    await check(out, coreRun(TREKK_2026));
  }, 180_000);
});
