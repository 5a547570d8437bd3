/**
 * GL07 counts characters in fixed-width fields and is written as Latin-1: a decomposed «Å»
 * (A + combining ring, as macOS and some exports give it) counted as two characters and could not
 * be written at all. Text is normalised to NFC first (finding 14), so it is one character, one byte.
 */
import { readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { GL07_LINE_LENGTH, GL07_POSITIONS } from "../../src/core/voucher/gl07";
import { BRUTTO, lonn, tempDir } from "./helpers";

const dir = tempDir("lonn-hostile-gl07-");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("a decomposed «Ås» in a dimension value is written as the two Latin-1 characters «Ås»", async () => {
  const scenario = JSON.parse(readFileSync(BRUTTO, "utf8"));
  const decomposed = "A\u030As 1100";
  expect(decomposed.length).toBe(8);
  scenario.dimensjoner = [{ ...scenario.dimensjoner[0], verdi: decomposed }];
  const path = join(dir, "aas.json");
  writeFileSync(path, JSON.stringify(scenario));
  const out = join(dir, "aas.dat");
  // The fixture's T3 is material and unexplained (not what this test is about).
  const r = await lonn("avstem", path, "--gl07", out, "--eksporter-uforklart");
  expect(r.code).toBe(0);
  const lines = readFileSync(out).toString("latin1").split("\r\n").filter((l) => l !== "");
  expect(lines.every((l) => l.length === GL07_LINE_LENGTH)).toBe(true);
  const { fra, lengde } = GL07_POSITIONS.dim_1;
  const costLines = lines.filter((l) => l.slice(fra - 1, fra - 1 + lengde).trim() !== "");
  expect(costLines.length).toBeGreaterThan(0);
  for (const l of costLines) expect(l.slice(fra - 1, fra - 1 + lengde)).toBe("\u00C5s 1100".padEnd(lengde, " "));
});
