/** `lonn avstem --summary`: a folder of agencies, one of them broken. */
import { copyFileSync, readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { BRUTTO, lonn, NETTO, tempDir } from "./helpers";

describe("--summary over a folder with one bad file", () => {
  const dir = tempDir("lonn-summary-");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  copyFileSync(BRUTTO, join(dir, "a-brutto.json"));
  const bad = JSON.parse(readFileSync(NETTO, "utf8"));
  bad.agaSats = "13,87 %";
  delete bad.aar;
  writeFileSync(join(dir, "b-feil.json"), JSON.stringify(bad));
  copyFileSync(NETTO, join(dir, "c-netto.json"));
  writeFileSync(join(dir, "notater.txt"), "ikke en avstemming");

  test("one line per file in name order; the bad one names its problems; exit 1 at the end", async () => {
    const r = await lonn("avstem", "--summary", dir);
    expect(r.code).toBe(1);
    expect(r.err).toBe("");
    const lines = r.out.trimEnd().split("\n");
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^Virksomhet\s+År\s+Budsj\.\s+ΣR\s+ΣT\s+AGA år\s+Bilag\s+Balanse\s+Uforklart\s+Vesentlig\s+Postering\s+Fil$/);
    // ΣR and ΣT as worked out in avstem.test.ts; brutto: 5 vouchers, 1 unexplained, 1 material, 1 posting rule.
    expect(lines[1].split(/\s{2,}/)).toEqual(["Testetaten brutto", "2024", "brutto", "6 684,31", "927,11", "927,11", "5", "ja", "1", "1", "1", "a-brutto.json"]);
    expect(lines[2]).toBe("FEIL  b-feil.json: aar mangler. | agaSats er ikke et tall.");
    // Netto: only T3 is material (T5's 0,03 is within the 1 kr tolerance).
    expect(lines[3].split(/\s{2,}/)).toEqual(["Testetaten netto", "2024", "netto", "-3 777,76", "-424,25", "-424,24", "1", "ja", "0", "1", "0", "c-netto.json"]);
    expect(lines[4]).toBe("3 filer, 1 med feil.");
  });

  test("--json gives one JSON object per line", async () => {
    const r = await lonn("avstem", "--summary", "--json", join(dir, "a-brutto.json"), join(dir, "b-feil.json"));
    expect(r.code).toBe(1);
    const [a, b] = r.out.trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(a).toEqual({
      fil: "a-brutto.json", virksomhet: "Testetaten brutto", aar: 2024, budsjettering: "brutto", modus: "terminvis",
      sumR: 6684.31, sumT: 927.11, aarsAga: 927.11, bilag: 5, iBalanse: true, flagg: { uforklart: 1, vesentlig: 1, posteringsregel: 1, saldo: 1, endretEtterSignering: 0 },
    });
    expect(b).toEqual({ fil: "b-feil.json", feil: ["aar mangler.", "agaSats er ikke et tall."] });
  });

  test("all good: exit 0; outputs are refused with --summary", async () => {
    expect((await lonn("avstem", "--summary", join(dir, "a-brutto.json"), join(dir, "c-netto.json"))).code).toBe(0);
    const r = await lonn("avstem", "--summary", dir, "--csv", join(dir, "x.csv"));
    expect(r.code).toBe(2);
    expect(r.err.split("\n")[0]).toBe("--summary skriver ingen filer og leser ikke eksporter; ta bort --csv.");
  });
});
