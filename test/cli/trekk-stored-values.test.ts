/**
 * `lonn trekk … --xlsx` stores a value with every formula of every sheet it writes (issue 10:
 * "Formula cells are written with their computed values"), so a mail or Teams preview, a phone or
 * any reader that does not recalculate shows the figures. Read from the package's XML: exceljs
 * reads a stored 0 or "" as no value. That the values are what an engine computes is
 * test/core/trekk/sheet-results-libreoffice.test.ts.
 */
import { readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { PARTY, PARTY_COLUMNS, TREKK_SHEET } from "../../src/core/trekk/sheet/layout";
import { TREKK_VOUCHER_SHEET } from "../../src/core/usecase/trekk";
import { EXPORT_RECORD_SHEET } from "../../src/core/workpaper/export-record-sheet";
import { sheetParts, StoredFormula, storedFormulas } from "../support/stored-formulas";
import { lonnTrekk, TREKK_2025, TREKK_2026, trekkTempDir } from "./trekk-helpers";

/** Per sheet, its formula cells, and those of them without a stored value. */
function formulasOf(path: string): Map<string, { all: Map<string, StoredFormula>; missing: string[] }> {
  const out = new Map<string, { all: Map<string, StoredFormula>; missing: string[] }>();
  for (const [sheet, xml] of sheetParts(readFileSync(path))) {
    const all = storedFormulas(xml);
    out.set(sheet, { all, missing: [...all].filter(([, c]) => c.value === undefined).map(([a]) => a) });
  }
  return out;
}

const missingValues = (path: string): Record<string, string[]> =>
  Object.fromEntries([...formulasOf(path)].filter(([, s]) => s.missing.length > 0).map(([sheet, s]) => [sheet, s.missing]));

describe("lonn trekk --xlsx: a stored value for every formula, in every sheet", () => {
  const dir = trekkTempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each([
    ["2026 (pay dates, a correction voucher, exported: the export record too)", TREKK_2026, "2026.xlsx", ["--csv", "2026.csv"]],
    ["2025 (per termin)", TREKK_2025, "2025.xlsx", []],
  ])("%s", async (_name, scenario, file, more) => {
    const xlsx = join(dir, file);
    const r = await lonnTrekk(scenario, "--xlsx", xlsx, ...more.map((m) => (m.endsWith(".csv") ? join(dir, m) : m)));
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const sheets = formulasOf(xlsx);
    expect(sheets.get(TREKK_SHEET)?.all.size).toBeGreaterThan(200);
    if (more.length > 0) expect([...sheets.keys()]).toContain(EXPORT_RECORD_SHEET);
    expect(missingValues(xlsx)).toEqual({});
  }, 60_000);

  test("filled again into the same file with a changed figure: the stored values are the new ones", async () => {
    const xlsx = join(dir, "igjen.xlsx");
    expect((await lonnTrekk(TREKK_2026, "--xlsx", xlsx)).code).toBe(0);
    const january = `${PARTY_COLUMNS.differanse}${PARTY.month(0, 1)}`;
    const stored = () => formulasOf(xlsx).get(TREKK_SHEET)?.all.get(january);
    // January's insurance: trekk 4 200, invoiced 4 200.
    expect(stored()).toEqual({ type: undefined, value: "0" });

    // The invoice corrected to 4 250: fakturert − trekk = 50.
    const s = JSON.parse(readFileSync(TREKK_2026, "utf8"));
    s.mottakere[0].fakturert[0].belop = 4250;
    const changed = join(dir, "endret.json");
    writeFileSync(changed, JSON.stringify(s));
    const r = await lonnTrekk(changed, "--xlsx", xlsx);
    expect(r.code).toBe(0);
    expect(stored()).toEqual({ type: undefined, value: "50" });
    expect(missingValues(xlsx)).toEqual({});
    expect(formulasOf(xlsx).get(TREKK_VOUCHER_SHEET)?.all.size).toBeGreaterThan(0);
  }, 60_000);
});
