/**
 * Issue 13, item 12: the CSV files of `lonn trekk` and `lonn lonnsbilag` are read as `lonn avstem`
 * reads its exports (streamed, refused unread over the size limit, a workbook given as CSV named
 * for what it is). They were read whole as JSON text: a workbook given as the payroll journal was
 * «ikke en JSON-fil».
 */
import { copyFileSync, readdirSync, truncateSync, writeFileSync } from "fs";
import { join } from "path";
import { lonn, ROOT, tempDir } from "../cli/helpers";

const TREKK = join(ROOT, "assets", "samples", "trekk");
const ZIP = Buffer.from("PK\u0003\u0004 not really a workbook\u0000\u0000", "latin1");

function trekkArgs(dir: string): string[] {
  const meldinger = readdirSync(dir).filter((n) => n.startsWith("amelding-")).sort().map((n) => join(dir, n));
  return ["trekk", "--amelding", ...meldinger, "--hovedbok", join(dir, "saft-2026.xml"), "--lonn", join(dir, "lonnsjournal-2026.csv"), "--betalinger", join(dir, "betalinger-2026.csv"), "--oppsett", join(dir, "oppsett-2026.json")];
}

test("lonn trekk: a workbook given as the payroll journal is named as one, with what to do", async () => {
  const dir = tempDir();
  for (const n of readdirSync(TREKK)) copyFileSync(join(TREKK, n), join(dir, n));
  writeFileSync(join(dir, "lonnsjournal-2026.csv"), ZIP);
  const r = await lonn(...trekkArgs(dir));
  expect(r.code).toBe(1);
  expect(r.err).toContain("lonnsjournal-2026.csv: Filen er en zip-pakke (trolig en Excel-arbeidsbok, .xlsx), ikke en CSV-fil.");
});

test("lonn trekk and lonn lonnsbilag: a 200 MB CSV is refused by its size, unread", async () => {
  const dir = tempDir();
  for (const n of readdirSync(TREKK)) copyFileSync(join(TREKK, n), join(dir, n));
  const big = join(dir, "betalinger-2026.csv");
  writeFileSync(big, "");
  truncateSync(big, 200_000_000);
  const r = await lonn(...trekkArgs(dir));
  expect(r.code).toBe(1);
  expect(r.err).toMatch(/betalinger-2026\.csv.*100 MB/);
  const l = await lonn("lonnsbilag", big, "--oppsett", join(ROOT, "assets", "samples", "lonnsbilag", "oppsett.json"));
  expect(l.code).toBe(1);
  expect(l.err).toMatch(/betalinger-2026\.csv.*100 MB/);
});
