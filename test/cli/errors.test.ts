/**
 * `lonn avstem` refusing bad input: the message names every problem, the exit status says what
 * kind (1 input, 2 command line), and nothing is written.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { BRUTTO, lonn, tempDir } from "./helpers";

const scenario = () => JSON.parse(readFileSync(BRUTTO, "utf8"));

function file(dir: string, name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return path;
}

describe("errors", () => {
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const outputs = (base: string) => ["--xlsx", join(dir, `${base}.xlsx`), "--csv", join(dir, `${base}.csv`), "--gl07", join(dir, `${base}.dat`)];
  const nothingWritten = (base: string) => ["xlsx", "csv", "dat"].every((e) => !existsSync(join(dir, `${base}.${e}`)));

  test("bad JSON: the file, line and column; exit 1; nothing written", async () => {
    const path = file(dir, "ødelagt.json", '{\n  "virksomhet": "X",\n  "aar": 2024,\n  "budsjettering": "brutto"\n  "agaSats": 0.14\n}\n');
    const r = await lonn("avstem", path, ...outputs("a"));
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/^ødelagt\.json: ugyldig JSON \(linje 5, kolonne 3\)/);
    expect(r.err).toMatch(/Ingenting er skrevet\./);
    expect(nothingWritten("a")).toBe(true);
  });

  test("missing and wrong fields: every one named by its path, all at once", async () => {
    const s = scenario();
    delete s.virksomhet;
    s.agaSats = 14.1;
    s.terminer[0].sapArbeidsgiverandel = "100 000";
    s.terminer[2].fakturaDifferanse = 10.005;
    const path = file(dir, "mangler.json", s);
    const r = await lonn("avstem", path, ...outputs("b"));
    expect(r.code).toBe(1);
    const lines = r.err.trim().split("\n");
    expect(lines).toEqual([
      "mangler.json: virksomhet mangler.",
      "mangler.json: agaSats må være en brøk fra og med 0 til 1, f.eks. 0.1387 for 13,87 % (fikk 14.1).",
      "mangler.json: terminer[0].sapArbeidsgiverandel er ikke et tall.",
      expect.stringMatching(/^mangler\.json: terminer\[2\]\.fakturaDifferanse.*øre/),
      "Ingenting er skrevet.",
    ]);
    expect(nothingWritten("b")).toBe(true);
  });

  test("a misspelt field is not silently 0", async () => {
    const s = scenario();
    s.terminer[0].sapArbeidsgiverAndel = s.terminer[0].sapArbeidsgiverandel;
    delete s.terminer[0].sapArbeidsgiverandel;
    const r = await lonn("avstem", file(dir, "stavefeil.json", s));
    expect(r.code).toBe(1);
    expect(r.err).toContain("terminer[0].sapArbeidsgiverAndel er ikke et kjent felt (mente du sapArbeidsgiverandel?)");
  });

  test("unknown option, missing value, two inputs: exit 2 with the usage", async () => {
    const unknown = await lonn("avstem", BRUTTO, "--jsn");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^Ukjent valg «--jsn» \(mente du --json\?\)\./);
    expect(unknown.err).toContain("Bruk:");
    const noValue = await lonn("avstem", BRUTTO, "--xlsx");
    expect([noValue.code, noValue.err.split("\n")[0]]).toEqual([2, "--xlsx mangler en verdi."]);
    const two = await lonn("avstem", BRUTTO, BRUTTO);
    expect([two.code, two.err.split("\n")[0]]).toEqual([2, "Én inndatafil om gangen (fikk 2); bruk --summary for flere."]);
    const mixed = await lonn("avstem", BRUTTO, "--aar", "2024");
    expect(mixed.code).toBe(2);
    expect(mixed.err).toMatch(/^--aar brukes bare sammen med --sap, --unit4 og --spk\./);
  });

  test("no file, unknown file type, an .xlsx that is not a workbook", async () => {
    const missing = await lonn("avstem", join(dir, "finnes-ikke.json"));
    expect([missing.code, missing.err.trim()]).toEqual([1, `Fant ikke filen «${join(dir, "finnes-ikke.json")}».`]);
    const txt = await lonn("avstem", file(dir, "scenario.txt", "{}"));
    expect([txt.code, txt.err.trim()]).toEqual([1, "«scenario.txt» er verken en scenariofil (.json) eller en arbeidsbok (.xlsx)."]);
    const fake = await lonn("avstem", file(dir, "falsk.xlsx", "dette er ikke en arbeidsbok"));
    expect(fake.code).toBe(1);
    expect(fake.err).toMatch(/^«falsk\.xlsx» kan ikke leses som en Excel-arbeidsbok \(\.xlsx\)/);
  });

  test("an export without firma and bilagsart is refused, with where to set them; the workbook is not written either", async () => {
    const s = scenario();
    delete s.firma;
    delete s.bilagsart;
    const r = await lonn("avstem", file(dir, "uten-firma.json", s), ...outputs("c"));
    expect(r.code).toBe(1);
    expect(r.err).toContain("CSV: Eksporten er stoppet: Firmakoden (Unit4 client) mangler i oppsettet.\nCSV: Eksporten er stoppet: Bilagsarten mangler i oppsettet.");
    expect(r.err).toContain("GL07: Eksporten er stoppet:");
    expect(r.err).toContain("Sett «firma» og «bilagsart» i scenariofilen.");
    expect(nothingWritten("c")).toBe(true);
    // Without export files the same scenario runs.
    expect((await lonn("avstem", file(dir, "uten-firma.json", s), "--xlsx", join(dir, "c.xlsx"))).code).toBe(0);
    expect(existsSync(join(dir, "c.xlsx"))).toBe(true);
  });

  test("netto with an amount in M (2820 is brutto only) is an input error naming the cell", async () => {
    const s = JSON.parse(readFileSync(BRUTTO, "utf8"));
    s.budsjettering = "netto";
    const r = await lonn("avstem", file(dir, "netto-m.json", s));
    expect(r.code).toBe(1);
    expect(r.err).toContain("Termin 1, M (faktura differanse 2820): skal være tom for nettobudsjetterte virksomheter (fikk 1234.56)");
  });
});
