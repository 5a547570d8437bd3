/**
 * Every generated sheet's plan says how it prints (A4 landscape, one page wide, its own header
 * rows repeated, a header naming virksomhet and year), the hidden `_lonn` does not, and every
 * column where a plan puts a figure in the amount format is wide enough for -9 999 999 999,99.
 * (A hand-made reconciliation sheet's spec has no print setup, so the user's stays:
 * test/core/spk/sheet/existing-sheet.test.ts, "nothing is restyled".)
 */
import { readFileSync } from "fs";
import { join } from "path";
import { Checked, isProblems } from "../../../src/core/problem/problem";
import { columnLetter, parseRange } from "../../../src/core/sheet/a1";
import { extrasFrom, oppsettFrom, parseScenario, terminerFrom } from "../../../src/core/spk/scenario";
import { FREEZE_ROWS, SHEET_NAMES } from "../../../src/core/spk/sheet/layout";
import { parseTrekkScenario } from "../../../src/core/trekk/scenario";
import { planSpkWorkbook, runSpk } from "../../../src/core/usecase/spk";
import { planTrekkExport, planTrekkWorkbook, runTrekk } from "../../../src/core/usecase/trekk";
import { planLogg } from "../../../src/core/workpaper/logg";
import { planProblems } from "../../../src/core/workpaper/plan-check";
import { AMOUNT_COLUMN_WIDTH, standardPrint } from "../../../src/core/workpaper/print";
import { NUMBER_FORMATS, SheetSpec, WritePlan } from "../../../src/core/workpaper/write-plan";

const ROOT = join(__dirname, "..", "..", "..");
const json = (file: string) => JSON.parse(readFileSync(join(ROOT, "test", "fixtures", file), "utf8"));

function ok<T>(r: Checked<T>): T {
  if (isProblems(r)) throw new Error(r.message);
  return r;
}

function spkPlan(): WritePlan {
  const s = ok(parseScenario(json("avstem/brutto-terminvis.json")));
  const run = ok(runSpk({
    source: "brutto-terminvis.json",
    oppsett: oppsettFrom(s),
    terminer: terminerFrom(s),
    saldoer: s.saldoer ?? [],
    ...extrasFrom(s),
    ...(s.virksomheter ? { virksomheter: s.virksomheter } : {}),
    notes: [],
  }));
  return ok(planSpkWorkbook(run, SHEET_NAMES.brutto, () => undefined));
}

function trekkPlan(): WritePlan {
  const run = ok(runTrekk({ source: "fjordtrekk-2026.json", scenario: ok(parseTrekkScenario(json("trekk/fjordtrekk-2026.json"))), notes: [] }));
  expect(run.bilag.length).toBeGreaterThan(0);
  const exported = planTrekkExport(run, [], { eksportert: "2026-03-01T10:00:00", fil: "trekk.csv" });
  return ok(planTrekkWorkbook(run, () => undefined, undefined, exported.record));
}

const sheetOf = (plan: WritePlan, name: string): SheetSpec => {
  const s = plan.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name} in ${plan.sheets.map((x) => x.name).join(", ")}`);
  return s;
};

/** Columns where the plan puts a figure (a number or a formula) into a cell with the amount format, by sheet. */
function amountColumns(plan: WritePlan): Map<string, Set<string>> {
  const formatted = new Set<string>();
  for (const f of [...plan.formats, ...plan.writes]) {
    if (f.numberFormat !== NUMBER_FORMATS.amount) continue;
    const { start, end } = parseRange(f.address);
    for (let r = start.row; r <= end.row; r++) for (let c = start.col; c <= end.col; c++) formatted.add(`${f.sheet}!${r}!${c}`);
  }
  const out = new Map<string, Set<string>>();
  for (const w of plan.writes) {
    const { start } = parseRange(w.address);
    w.cells.forEach((row, i) =>
      row.forEach((cell, j) => {
        const figure = typeof cell === "number" || (typeof cell === "object" && cell !== null);
        if (!figure || !formatted.has(`${w.sheet}!${start.row + i}!${start.col + j}`)) return;
        out.set(w.sheet, (out.get(w.sheet) ?? new Set<string>()).add(columnLetter(start.col + j)));
      }),
    );
  }
  return out;
}

describe("the SPK workbook's sheets", () => {
  const plan = spkPlan();
  const heading = { virksomhet: "Testetaten brutto", aar: 2024 };

  test("A10 repeats its header block down to the column titles, as it freezes them", () => {
    expect(sheetOf(plan, SHEET_NAMES.brutto).print).toEqual(standardPrint(heading, { first: 1, last: FREEZE_ROWS }));
    expect(FREEZE_ROWS).toBe(11);
  });

  test("Korreksjonsbilag and A-melding fordeling repeat their column headings (row 3), _lonn has no print setup", () => {
    expect(sheetOf(plan, "Korreksjonsbilag").print).toEqual(standardPrint(heading, { first: 3, last: 3 }));
    expect(sheetOf(plan, "A-melding fordeling").print).toEqual(standardPrint(heading, { first: 3, last: 3 }));
    expect(sheetOf(plan, "_lonn").print).toBeUndefined();
    expect(planProblems(plan)).toEqual([]);
  });

  test("every amount column is wide enough for -9 999 999 999,99, the SPK sheet's included", () => {
    const amounts = amountColumns(plan);
    expect([...amounts.keys()].sort()).toEqual(["A-melding fordeling", "A10 SPK brutto", "Korreksjonsbilag"]);
    for (const [sheet, cols] of amounts) {
      const widths = sheetOf(plan, sheet).columnWidths ?? {};
      const narrow = [...cols].filter((c) => (widths[c] ?? 0) < AMOUNT_COLUMN_WIDTH);
      expect([sheet, narrow]).toEqual([sheet, []]);
    }
    // The termin table's amounts, the voucher block and the sums (about 312 M kr per termin in the trial).
    expect([..."BCDEFGHIKLMNOPQRT"].map((c) => sheetOf(plan, SHEET_NAMES.brutto).columnWidths?.[c])).toEqual(Array(17).fill(AMOUNT_COLUMN_WIDTH));
  });
});

describe("the trekk workbook's sheets", () => {
  const plan = trekkPlan();
  const heading = { virksomhet: "Fjordtrekk AS", aar: 2026 };

  test("Trekk og AGA repeats rows 1–3; its vouchers and the export record repeat their headings", () => {
    const trekk = sheetOf(plan, "Trekk og AGA").print;
    expect(trekk?.titleRows).toEqual({ first: 1, last: 3 });
    expect(trekk?.header).toEqual(standardPrint(heading).header);
    expect(sheetOf(plan, "Korreksjonsbilag trekk").print).toEqual(standardPrint(heading, { first: 3, last: 3 }));
    expect(sheetOf(plan, "Eksporterte bilag").print).toEqual(standardPrint(heading, { first: 1, last: 1 }));
    expect(planProblems(plan)).toEqual([]);
  });

  test("every amount column is wide enough for -9 999 999 999,99", () => {
    for (const [sheet, cols] of amountColumns(plan)) {
      const widths = sheetOf(plan, sheet).columnWidths ?? {};
      expect([sheet, [...cols].filter((c) => (widths[c] ?? 0) < AMOUNT_COLUMN_WIDTH)]).toEqual([sheet, []]);
    }
  });
});

describe("Logg", () => {
  const tid = { year: 2024, month: 3, day: 14, hour: 9, minute: 30, second: 0 };

  test("a new log prints with its heading row repeated and names whose log it is", () => {
    const p = ok(planLogg({ tid, handling: "Oppsett lagret", endret: "", summer: "" }, undefined, { virksomhet: "Etaten", aar: 2024 }));
    expect(p.sheets[0].print).toEqual(standardPrint({ virksomhet: "Etaten", aar: 2024 }, { first: 1, last: 1 }));
  });

  test("an existing log keeps the setup it has", () => {
    const existing = { name: "Logg", values: [["Tidspunkt", "Handling"], [45000, "Oppsett lagret"]], formulas: [] };
    const p = ok(planLogg({ tid, handling: "Bilag skrevet", endret: "", summer: "" }, existing, { virksomhet: "Etaten", aar: 2024 }));
    expect(p.sheets[0].print).toBeUndefined();
  });
});
