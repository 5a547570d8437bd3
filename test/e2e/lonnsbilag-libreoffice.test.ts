/**
 * `lonn lonnsbilag --xlsx` end to end on the bundled sample journal: the real CLI code path writes
 * the workbook (new, then the same file again), LibreOffice (not our code) recalculates it, and
 * every formula cell of the `Lønnsbilag` sheet must give the core's figure to the øre, with no
 * LONN.* call and no error value anywhere. The expected figures come from core (runLonnsbilag on
 * the parsed journal), never from the CLI.
 */
import ExcelJS from "exceljs";
import { readFileSync, rmSync } from "fs";
import { join } from "path";
import { LONNSBILAG_ID } from "../../src/core/payroll/lonnsbilag";
import { parseLonnsJournal } from "../../src/core/payroll/journal";
import { LONNSBILAG_SHEET, LonnsbilagRun, runLonnsbilag } from "../../src/core/usecase/lonnsbilag";
import { ok } from "../support/checked";
import { withLibreOffice } from "../support/engines";
import { recalculate } from "../support/libreoffice";
import { lonn, ROOT, trekkTempDir } from "../cli/trekk-helpers";
import { compareFormulas, expectNoErrors, expectNoLonnFunctions, read, voucherSheetExpected } from "./workbook-check";

const JOURNAL = join(ROOT, "assets", "samples", "lonnsbilag", "lonnsjournal-2024-11.json");

function coreRun(): LonnsbilagRun {
  const journal = ok(parseLonnsJournal(JSON.parse(readFileSync(JOURNAL, "utf8"))));
  return ok(runLonnsbilag({ source: "lonnsjournal-2024-11.json", journal, notes: [] }));
}

async function check(xlsx: string, run: LonnsbilagRun): Promise<void> {
  expectNoLonnFunctions(await read(xlsx));
  const wb = await read(recalculate(xlsx));
  expectNoErrors(wb);
  expectNoLonnFunctions(wb);
  const ws = wb.getWorksheet(LONNSBILAG_SHEET) as ExcelJS.Worksheet;
  compareFormulas(ws, voucherSheetExpected(ws, run.bilag, LONNSBILAG_ID, 1));
  expect(ws.getCell("G3").value).toBe("Koststed (dim_1)");
}

withLibreOffice.describe("lonn lonnsbilag --xlsx, recalculated by LibreOffice", () => {
  const dir = trekkTempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("the sample journal's two vouchers: every formula equals the core to the øre", async () => {
    const out = join(dir, "lonnsbilag.xlsx");
    const r = await lonn("lonnsbilag", JOURNAL, "--xlsx", out);
    expect([r.code, r.err]).toEqual([0, ""]);
    await check(out, coreRun());
  }, 180_000);

  test("filled twice (the second time into the same file, with an export) it still recalculates to the core's figures", async () => {
    const out = join(dir, "to-ganger.xlsx");
    expect((await lonn("lonnsbilag", JOURNAL, "--xlsx", out)).code).toBe(0);
    const second = await lonn("lonnsbilag", JOURNAL, "--xlsx", out, "--gl07", join(dir, "b.dat"));
    expect([second.code, second.err]).toEqual([0, ""]);
    await check(out, coreRun());
  }, 180_000);
});
