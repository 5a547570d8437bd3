/** Test support for src/excel: the fake host as the global Excel, and synthetic plans. */
import { FakeExcelHost } from "../fake-excel";
import { asOre, Ore } from "../../src/core/money/ore";
import { Cell, WritePlan } from "../../src/core/workpaper/write-plan";

/** An amount in kroner (as the sheet holds it) as the model's øre. */
export const ore = (kroner: number): Ore => asOre(Math.round(kroner * 100));

/** Runs `f` with `host` installed as the global `Excel`/`Office`, through the add-in's typed API. */
export async function withExcel<R>(host: FakeExcelHost, f: (context: Excel.RequestContext) => Promise<R>): Promise<R> {
  const restore = host.install();
  try {
    return await Excel.run(f);
  } finally {
    restore();
  }
}

/** Installs `host` around `f` (for code that calls Excel.run itself). */
export async function installed<R>(host: FakeExcelHost, f: () => Promise<R>): Promise<R> {
  const restore = host.install();
  try {
    return await f();
  } finally {
    restore();
  }
}

export const SHEET = "A10 SPK brutto";
export const FIRST_ROW = 7;

const f = (formula: string): Cell => ({ formula });

/**
 * A DFØ-shaped plan with `rows` termin-like data rows: labels and inputs as constants, G–I and
 * O–T as formulas, J (explanation) and U–W (sign-off) left alone (null), a settings sheet, names,
 * formats and conditional formats. Synthetic: the real template lives in src/core/template.
 */
export function dfoLikePlan(rows: number, opts: { title?: string; agaCell?: string } = {}): WritePlan {
  const last = FIRST_ROW + rows - 1;
  const data: Cell[][] = Array.from({ length: rows }, (_, i) => {
    const r = FIRST_ROW + i;
    const amount = (k: number): number => (i + 1) * 1000 * k + 0.25;
    return [
      `T${i + 1}`, amount(3), amount(1), amount(3), amount(3), amount(1),
      f(`B${r}-D${r}`), f(`B${r}-E${r}`), f(`C${r}-F${r}`),
      null,
      `F-${1000 + i}`, amount(3), 0, amount(1),
      f(`L${r}-B${r}`), f(`N${r}-C${r}`), f(`(L${r}+M${r}+N${r})-(B${r}+C${r})`), f(`M${r}`), f("LONN_AGA_SATS"), f(`ROUND(R${r}*S${r},2)`),
      null, null, null,
    ];
  });
  return {
    sheets: [
      { name: SHEET, visibility: "visible", columnWidths: { A: 12, J: 40 }, freezeRows: 6 },
      { name: "_lonn", visibility: "veryHidden" },
    ],
    writes: [
      { sheet: SHEET, address: "A1", cells: [[opts.title ?? "Avstemming av pensjonspremie til SPK"]], style: "title" },
      { sheet: SHEET, address: "A3:B5", cells: [["Virksomhet", "Eksempeletaten"], ["År", 2024], ["AGA-snittsats", 0.1]], style: "label" },
      { sheet: SHEET, address: "B5", cells: [[0.1]], numberFormat: "0.00%", style: "input" },
      { sheet: SHEET, address: `A${FIRST_ROW}:W${last}`, cells: data, numberFormat: "#,##0.00;[Red]-#,##0.00", style: "input" },
      {
        sheet: SHEET,
        address: `A${last + 1}:C${last + 1}`,
        cells: [["Sum", f(`SUM(B${FIRST_ROW}:B${last})`), f(`SUM(C${FIRST_ROW}:C${last})`)]],
        style: "sum",
      },
      { sheet: "_lonn", address: "A1:B3", cells: [["nøkkel", "verdi"], ["budsjettering", "brutto"], ["toleranse", 1]] },
    ],
    formats: [{ sheet: SHEET, address: "A6:W6", style: "header" }],
    names: [
      { name: "LONN_AAR", sheet: SHEET, address: "B4" },
      { name: "LONN_AGA_SATS", sheet: SHEET, address: opts.agaCell ?? "B5" },
    ],
    conditionalFormats: [
      { sheet: SHEET, address: `G${FIRST_ROW}:I${last}`, formula: `AND(ABS(G${FIRST_ROW})>1,$J${FIRST_ROW}="")`, style: "flag" },
      { sheet: SHEET, address: `Q${FIRST_ROW}:Q${last}`, formula: `ABS($Q${FIRST_ROW})>0.05*($B${FIRST_ROW}+$C${FIRST_ROW})`, style: "warning" },
    ],
    leftAlone: [{ sheet: SHEET, address: `J${FIRST_ROW}`, reason: "forklaring finnes" }],
  };
}
