/**
 * `lonn avstem SCENARIO.json --xlsx` end to end: the real CLI code path writes the workbook,
 * LibreOffice (not our code) recalculates it, and every formula must give the core's figure to the
 * øre, with no LONN.* call and no error value anywhere.
 */
import { readFileSync, rmSync } from "fs";
import { join } from "path";
import { Checked, isProblems } from "../../src/core/problem/problem";
import { buildAmeldingFordeling } from "../../src/core/spk/amelding";
import { buildKorreksjonsbilag } from "../../src/core/spk/bilag";
import { reconcile } from "../../src/core/spk/reconcile";
import { extrasFrom, oppsettFrom, parseScenario, terminerFrom } from "../../src/core/spk/scenario";
import { BRUTTO, lonn, lonnJson, NETTO, tempDir } from "../cli/helpers";
import { withLibreOffice } from "../support/engines";
import { checkWorkbookWithLibreOffice, Expected } from "./workbook-check";

function ok<T>(r: Checked<T>): T {
  if (isProblems(r)) throw new Error(r.message);
  return r;
}

/** The core's figures for a scenario file, straight from core. */
export function coreFigures(path: string): Expected {
  const scenario = ok(parseScenario(JSON.parse(readFileSync(path, "utf8"))));
  const avstemming = ok(reconcile(oppsettFrom(scenario), terminerFrom(scenario), extrasFrom(scenario)));
  const bilag = ok(buildKorreksjonsbilag(avstemming));
  const amelding = scenario.virksomheter ? ok(buildAmeldingFordeling(avstemming, scenario.virksomheter)) : undefined;
  return { avstemming, bilag, ...(amelding ? { amelding } : {}) };
}

const maybe = withLibreOffice.describe;

maybe("lonn avstem --xlsx, recalculated by LibreOffice", () => {
  const dir = tempDir("lonn-e2e-");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each([
    ["brutto, terminvis (R = −50: ROUND half away from zero; balances; new AGA rate; A-melding)", BRUTTO, "brutto.xlsx"],
    ["netto, årsslutt (year AGA ≠ ΣT; AGA account 2772)", NETTO, "netto.xlsx"],
  ])("%s", async (_name, scenario, file) => {
    const out = join(dir, file);
    const r = await lonnJson("avstem", scenario, "--xlsx", out);
    const saved = await checkWorkbookWithLibreOffice(out, coreFigures(scenario));
    // The workbook as another spreadsheet program saved it reads back into the same run.
    const back = await lonnJson("avstem", saved);
    const essence = (j: Record<string, unknown>) => {
      const rest = { ...j };
      for (const k of ["kilde", "filer", "ark", "amelding"]) delete rest[k];
      return rest;
    };
    expect(essence(back)).toEqual(essence(r));
  }, 180_000);

  test("a workbook filled twice (the second time into the existing file) still recalculates to the core's figures", async () => {
    const out = join(dir, "to-ganger.xlsx");
    expect((await lonn("avstem", BRUTTO, "--xlsx", out)).code).toBe(0);
    expect((await lonn("avstem", out, "--xlsx", out)).code).toBe(0);
    await checkWorkbookWithLibreOffice(out, coreFigures(BRUTTO));
  }, 180_000);
});
