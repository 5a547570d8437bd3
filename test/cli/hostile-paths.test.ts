/**
 * Outputs that name an input (finding 3): `--csv`/`--gl07`/`--xlsx` naming the scenario, an export
 * or the workbook is refused as a command-line problem (exit 2, nothing written), compared as files
 * on disk (another spelling, a symbolic or hard link). `lonn avstem IN.xlsx --xlsx OTHER.xlsx` with
 * an existing OTHER.xlsx used to replace OTHER (and the user's sheet «Mine tall») with IN filled:
 * now refused; a new OTHER.xlsx, or IN.xlsx itself (filling in place), still work.
 */
import ExcelJS from "exceljs";
import { copyFileSync, existsSync, linkSync, readFileSync, rmSync, symlinkSync } from "fs";
import { join, relative } from "path";
import { BRUTTO, cellsOf, lonn, tempDir } from "./helpers";

const dir = tempDir("lonn-hostile-paths-");
afterAll(() => rmSync(dir, { recursive: true, force: true }));
jest.setTimeout(60_000);

async function refused(args: string[], files: string[]): Promise<string> {
  const before = files.map((f) => (existsSync(f) ? readFileSync(f) : undefined));
  const r = await lonn("avstem", ...args);
  expect(r.code).toBe(2);
  expect(r.err).toContain("Bruk:");
  files.forEach((f, i) => expect([f, existsSync(f) ? readFileSync(f) : undefined]).toEqual([f, before[i]]));
  return r.err.split("\n")[0];
}

describe("an output that is an input", () => {
  test("--csv or --gl07 naming the scenario (also spelt another way, or through a link); --xlsx naming the scenario", async () => {
    const scenario = join(dir, "scenario.json");
    copyFileSync(BRUTTO, scenario);
    const csv = join(dir, "ut.csv");
    expect(await refused([scenario, "--csv", scenario], [scenario])).toBe(
      `--csv ${scenario} er samme fil som inndatafilen «${scenario}»; lonn skriver aldri over en inndatafil. Velg et annet filnavn.`,
    );
    const other = join(dir, ".", "..", relative(join(dir, ".."), scenario));
    expect(await refused([scenario, "--gl07", other, "--csv", csv], [scenario, csv])).toMatch(/^--gl07 .* er samme fil som inndatafilen/);
    const link = join(dir, "lenke.json");
    symlinkSync(scenario, link);
    expect(await refused([link, "--csv", scenario], [scenario])).toMatch(/^--csv .* er samme fil som inndatafilen/);
    const hard = join(dir, "hard.json");
    linkSync(scenario, hard);
    expect(await refused([scenario, "--csv", hard], [scenario])).toMatch(/^--csv .* er samme fil som inndatafilen/);
    expect(await refused([scenario, "--xlsx", scenario], [scenario])).toMatch(/^--xlsx .* er samme fil som inndatafilen/);
  });

  test("an export or the oppsett named as an output; two outputs to one file", async () => {
    const sap = join(dir, "sap.csv");
    copyFileSync(BRUTTO, sap); // the content does not matter: nothing is read
    const args = ["--sap", sap, "--unit4", join(dir, "u.csv"), "--spk", join(dir, "s.csv"), "--aar", "2024"];
    expect(await refused([...args, "--csv", sap], [sap])).toBe(`--csv ${sap} er samme fil som --sap «${sap}»; lonn skriver aldri over en inndatafil. Velg et annet filnavn.`);
    const out = join(dir, "samme.dat");
    expect(await refused([BRUTTO, "--csv", out, "--gl07", out], [out])).toBe(`--csv og --gl07 er samme fil («${out}»); hver utdatafil må ha sitt eget navn.`);
  });

  test("a workbook input: --csv naming it is refused; --xlsx naming it fills it in place", async () => {
    const book = join(dir, "bok.xlsx");
    expect((await lonn("avstem", BRUTTO, "--xlsx", book)).code).toBe(0);
    expect(await refused([book, "--csv", book], [book])).toMatch(/^--csv .* er samme fil som arbeidsboken «/);
    expect((await lonn("avstem", book, "--xlsx", book)).code).toBe(0);
  });
});

describe("lonn avstem IN.xlsx --xlsx OTHER.xlsx", () => {
  test("an existing OTHER.xlsx (with the user's «Mine tall») is refused and kept; a new one is IN filled", async () => {
    const input = join(dir, "inn.xlsx");
    expect((await lonn("avstem", BRUTTO, "--xlsx", input)).code).toBe(0);
    const other = join(dir, "annen.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Mine tall").getCell("A1").value = "mitt";
    await wb.xlsx.writeFile(other);
    const first = await refused([input, "--xlsx", other], [other, input]);
    expect(first).toBe(
      `--xlsx ${other} finnes allerede. Med en arbeidsbok som inndata skriver lonn resultatet til en ny fil eller tilbake i ${input}, ` +
        "ikke inn i en annen arbeidsbok (tallene og arket ville blandes med den andre arbeidsbokens). Velg et nytt filnavn, eller oppgi samme fil som inndataene.",
    );
    expect((await cellsOf(other)).get("Mine tall!A1")).toBe("mitt");
    const fresh = join(dir, "ny.xlsx");
    expect((await lonn("avstem", input, "--xlsx", fresh)).code).toBe(0);
    const [a, b] = [await cellsOf(fresh), await cellsOf(input)];
    expect([...a.keys()].filter((k) => k.endsWith("!state"))).toEqual([...b.keys()].filter((k) => k.endsWith("!state")));
    for (const k of ["A10 SPK brutto!B12", "A10 SPK brutto!J13", "A10 SPK brutto!G12"]) expect([k, a.get(k)]).toEqual([k, b.get(k)]);
  });
});
