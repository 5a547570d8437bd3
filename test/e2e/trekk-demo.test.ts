/**
 * `lonn demo` runs the trekk samples too: the scenario (assets/samples/trekk-scenario) and the import
 * form on the exports (assets/samples/trekk); their files are written with the SPK sets', and their
 * JSON is `lonn trekk`'s.
 */
import { existsSync, readFileSync, rmSync } from "fs";
import { join } from "path";
import { DEMO_TREKK, demoTrekkImportFiles, SAMPLES } from "../../src/cli/commands/demo";
import { lonn, lonnTrekkJson, trekkTempDir } from "../cli/trekk-helpers";

test("lonn demo writes the trekk workbook, vouchers and JSON of assets/samples/trekk-scenario", async () => {
  const dir = trekkTempDir();
  try {
    const r = await lonn("demo", dir);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Eksempel Trekk AS 2026 – trekk og arbeidsgiveravgift");
    for (const f of ["trekk-2026.xlsx", "trekk-2026-bilag.csv", "trekk-2026-bilag-gl07.dat", "trekk-2026.json"]) expect(existsSync(join(dir, f))).toBe(true);
    const demo = JSON.parse(readFileSync(join(dir, "trekk-2026.json"), "utf8"));
    const direct = await lonnTrekkJson(join(SAMPLES, DEMO_TREKK.file));
    for (const key of ["kontroller", "forskuddstrekk", "aga", "mottakere", "flagg", "bilag"]) expect(demo[key]).toEqual(direct[key]);
    expect(demo.orgnr).toBe("928765431");

    // The import form on the exports sample: what `lonn trekk --amelding … --oppsett …` gives, which is what its scenario gives.
    for (const f of ["trekk-import-2026.xlsx", "trekk-import-2026-bilag.csv", "trekk-import-2026-bilag-gl07.dat", "trekk-import-2026.json"]) expect(existsSync(join(dir, f))).toBe(true);
    const imported = JSON.parse(readFileSync(join(dir, "trekk-import-2026.json"), "utf8"));
    const files = demoTrekkImportFiles();
    const fromExports = await lonnTrekkJson("--amelding", ...files.amelding, "--hovedbok", files.hovedbok, "--lonn", files.lonn, "--betalinger", files.betalinger, "--fakturaer", files.fakturaer as string, "--oppsett", files.oppsett);
    const fromScenario = await lonnTrekkJson(join(SAMPLES, "trekk", "trekk-scenario-2026.json"));
    for (const key of ["kontroller", "forskuddstrekk", "aga", "mottakere", "flagg", "bilag"]) {
      expect(imported[key]).toEqual(fromExports[key]);
      expect(imported[key]).toEqual(fromScenario[key]);
    }
    expect(r.out).toContain("Nordlys Verksted AS 2026 – trekk og arbeidsgiveravgift");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
