/**
 * Issue 13, items 9 and 11 on the command line: a sub-øre amount in a CSV export is refused naming
 * its cell, as the scenario reader refuses one; a termin the SPK invoice lacks is said to be missing,
 * not reconciled against zeros (no «vesentlig» flag for it).
 */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { lonn, lonnJson, ROOT, tempDir } from "../cli/helpers";

const sample = join(ROOT, "assets", "samples", "eksempeletaten");
const exportsWith = (spk: string, sap = join(sample, "sap-lonnsarter-2024.csv")) => ["--sap", sap, "--unit4", join(sample, "unit4-saldo-2024.csv"), "--spk", spk, "--oppsett", join(sample, "oppsett.json")];

test("1 234,567 in the SPK invoice CSV: refused at its cell; in the scenario too", async () => {
  const dir = tempDir();
  const spk = join(dir, "spk.csv");
  writeFileSync(spk, readFileSync(join(sample, "spk-faktura-2024.csv"), "utf8").replace("41 895,81;;41 895,81", "1 234,567;;1 234,567"));
  const r = await lonn("avstem", ...exportsWith(spk));
  expect(r.code).toBe(1);
  expect(r.err).toContain("spk.csv!F3: «1 234,567» har brøkdeler av øre; beløp kan ha høyst to desimaler.");
  const scenario = join(dir, "s.json");
  const json = JSON.parse(readFileSync(join(ROOT, "test", "fixtures", "avstem", "brutto-terminvis.json"), "utf8"));
  json.terminer[0].sapArbeidsgiverandel = 1234.567;
  writeFileSync(scenario, JSON.stringify(json));
  const s = await lonn("avstem", scenario);
  expect([s.code, s.err]).toEqual([1, expect.stringMatching(/1234,567\) har brøkdeler av øre/)]);
});

test("an invoice without termin 3: «mangler tall fra SPK-fakturaen», no R or voucher, no flag for it", async () => {
  const dir = tempDir();
  const spk = join(dir, "spk.csv");
  writeFileSync(spk, readFileSync(join(sample, "spk-faktura-2024.csv"), "utf8").split("\n").filter((l) => !l.includes("3. termin")).join("\n"));
  const text = await lonn("avstem", ...exportsWith(spk));
  expect(text.out).toContain("T3: ikke avstemt – mangler tall fra SPK-fakturaen; ingen R, T eller bilag.");
  const j = await lonnJson("avstem", ...exportsWith(spk));
  expect((j.flagg as { termin: number }[]).filter((f) => f.termin === 3)).toEqual([]);
  expect((j.bilag as { id: string }[]).map((b) => b.id)).not.toContain("SPK-2024-T3");
});
