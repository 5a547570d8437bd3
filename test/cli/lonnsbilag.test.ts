/**
 * `lonn lonnsbilag` on the bundled sample journal (assets/samples/lonnsbilag/, written by
 * scripts/make-lonnsbilag-samples.mjs, whose own whole-øre arithmetic gives the vouchers the journal
 * must produce) and on bad journals: exit codes, all-or-nothing writing, the GL07 file, exports that
 * remember.
 */
import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import { existsSync, readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { DEMO_LONNSBILAG, lonnsbilagDemo } from "../../src/cli/commands/demo";
import { isProblems } from "../../src/core/problem/problem";
import { GL07_ENCODING, GL07_LINE_LENGTH, GL07_POSITIONS } from "../../src/core/voucher/gl07";
import { lonn, ROOT, trekkTempDir } from "./trekk-helpers";

const SAMPLE = join(ROOT, "assets", "samples", "lonnsbilag");
const JOURNAL_JSON = join(SAMPLE, "lonnsjournal-2024-11.json");
const JOURNAL_CSV = join(SAMPLE, "lonnsjournal-2024-11.csv");
const OPPSETT = join(SAMPLE, "oppsett.json");
const SCRIPT = join(ROOT, "scripts", "make-lonnsbilag-samples.mjs");

interface ExpectedVoucher {
  readonly id: string;
  readonly dato: string;
  readonly linjer: readonly { linje: number; konto: string; belop: number; tekst: string; dimensjoner: Record<string, string> }[];
}
const expected: ExpectedVoucher[] = JSON.parse(execFileSync(process.execPath, [SCRIPT, "--expected"], { encoding: "utf8" }));

const lonnsbilag = (...args: string[]) => lonn("lonnsbilag", ...args);
async function json(...args: string[]): Promise<{ bilag: { bilagId: string; linje: number; konto: string; belop: number; tekst: string; dimensjoner: Record<string, string> }[]; [k: string]: unknown }> {
  const r = await lonnsbilag(...args, "--json");
  if (r.code !== 0) throw new Error(`lonn lonnsbilag ${args.join(" ")} → ${r.code}\n${r.err}`);
  return JSON.parse(r.out);
}
/** [bilagId, linje, konto, øre, tekst] of every voucher line. */
const linesOf = (bilag: Awaited<ReturnType<typeof json>>["bilag"]) => bilag.map((l) => [l.bilagId, l.linje, l.konto, Math.round(l.belop * 100), l.tekst, l.dimensjoner]);
const expectedLines = () => expected.flatMap((b) => b.linjer.map((l) => [b.id, l.linje, l.konto, l.belop, l.tekst, l.dimensjoner]));

const field = (line: string, name: string): string => {
  const { fra, lengde } = GL07_POSITIONS[name];
  return line.slice(fra - 1, fra - 1 + lengde).trim();
};

describe("the bundled sample journal", () => {
  test("the files are what the script writes (node scripts/make-lonnsbilag-samples.mjs --check)", () => {
    execFileSync(process.execPath, [SCRIPT, "--check"], { stdio: "pipe" });
  });

  test("the JSON journal gives the script's vouchers, line by line, to the øre", async () => {
    const r = await json(JOURNAL_JSON);
    expect(expected.map((b) => b.id)).toEqual(["LONN-20241105", "LONN-20241120"]);
    expect(linesOf(r.bilag)).toEqual(expectedLines());
    // The 20.11 voucher, as the script computes it: ekstra AGA for Per Hansen (807 500 + 96 250 − 850 000 = 53 750 × 5 %
    // = 2 687,50) and Anders Eriksen in zone V (820 000 + 90 000 − 850 000 = 60 000 × 5 % = 3 000): 5 687,50.
    const ekstra = r.bilag.find((l) => l.bilagId === "LONN-20241120" && /ekstra/.test(l.tekst) && l.konto === "5400");
    expect(ekstra?.belop).toBe(5687.5);
    expect(r.bilag.filter((l) => l.konto === "2640" || l.konto === "2650").map((l) => [l.konto, l.belop])).toEqual([["2640", -972.5], ["2650", -2203.56]]);
  });

  test("the CSV journal with its oppsett gives the same vouchers", async () => {
    expect(linesOf((await json(JOURNAL_CSV, "--oppsett", OPPSETT)).bilag)).toEqual(expectedLines());
  });

  test("the same journal as the first sheet of an .xlsx (numbers as numbers, dates as text) gives the same vouchers", async () => {
    const dir = trekkTempDir();
    try {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Lønnsjournal");
      const rows = readFileSync(JOURNAL_CSV, "utf8").replace(/^\ufeff/, "").trimEnd().split("\r\n").map((l) => l.split(";"));
      const amount = (t: string) => (t === "" ? null : Number(t.replace(/\s/g, "").replace(",", ".")));
      rows.forEach((r, i) => ws.addRow(i === 0 ? r : r.map((c, j) => (j >= 5 ? amount(c) : c))));
      const xlsx = join(dir, "lonnsjournal.xlsx");
      await wb.xlsx.writeFile(xlsx);
      expect(linesOf((await json(xlsx, "--oppsett", OPPSETT)).bilag)).toEqual(expectedLines());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the text names each voucher, its balance and its AGA per zone", async () => {
    const r = await lonnsbilag(JOURNAL_CSV, "--oppsett", OPPSETT);
    expect(r.code).toBe(0);
    expect(r.out).toContain("LONN-20241120  20.11.2024  Lønn 20.11.2024  (i balanse)");
    expect(r.out).toMatch(/AGA 43 567,09: sone I 14,1 % 30 040,05; sone IVa 7,9 % 7 839,54; sone V 0 % 0,00; ekstra AGA 5 687,50\./);
  });
});

describe("writing: GL07, CSV, the workbook, exports that remember", () => {
  const dir = trekkTempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("GL07: every line 2060 characters, each voucher sums to 0 øre; CSV balances too", async () => {
    const gl07 = join(dir, "bilag.dat");
    const csv = join(dir, "bilag.csv");
    const r = await lonnsbilag(JOURNAL_JSON, "--gl07", gl07, "--csv", csv);
    expect([r.code, r.err]).toEqual([0, ""]);
    const lines = readFileSync(gl07).toString(GL07_ENCODING).split("\r\n");
    expect(lines.pop()).toBe("");
    expect(lines.every((l) => l.length === GL07_LINE_LENGTH)).toBe(true);
    expect(lines).toHaveLength(expected.reduce((n, b) => n + b.linjer.length, 0));
    const sums = new Map<string, number>();
    for (const l of lines) sums.set(field(l, "ext_ref"), (sums.get(field(l, "ext_ref")) ?? 0) + Number(field(l, "amount")));
    expect([...sums]).toEqual([["LONN-20241105", 0], ["LONN-20241120", 0]]);
    expect(lines.map((l) => [field(l, "account"), Number(field(l, "amount")), field(l, "dim_1"), field(l, "client"), field(l, "voucher_type")]))
      .toEqual(expected.flatMap((b) => b.linjer.map((x) => [x.konto, x.belop, "4000", "10", "LB"])));
    expect(lines.map((l) => field(l, "voucher_no"))).toEqual(expected.flatMap((b, i) => b.linjer.map(() => String(i + 1))));
    const rows = readFileSync(csv, "utf8").slice(1).trimEnd().split("\r\n").map((x) => x.split(";"));
    const amount = rows[0].indexOf("amount");
    expect(rows.slice(1).reduce((s, x) => s + Math.round(Number(x[amount].replace(",", ".")) * 100), 0)).toBe(0);
  });

  test("the same journal exported twice into the same workbook exports nothing the second time", async () => {
    const xlsx = join(dir, "lonn.xlsx");
    const first = await json(JOURNAL_JSON, "--xlsx", xlsx, "--gl07", join(dir, "1.dat"));
    expect(first.eksportert).toEqual({ batchId: "LONN-2024-E1", bilag: ["LONN-20241105", "LONN-20241120"], unchanged: [] });
    const second = await lonnsbilag(JOURNAL_JSON, "--xlsx", xlsx, "--gl07", join(dir, "2.dat"));
    expect(second.code).toBe(0);
    expect(second.out).toContain("Ingen nye bilag å eksportere (uendret siden forrige eksport: LONN-20241105, LONN-20241120).");
    expect(readFileSync(join(dir, "2.dat"), "latin1")).toBe("");
  });
});

describe("bad input: Norwegian messages naming the row or cell; nothing written", () => {
  const dir = trekkTempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const header = "Utbetalingsdato;Kommunenr;Navn;Brutto;Forskuddstrekk;Forsikringstrekk;Fagforeningstrekk;AGA-grunnlag";

  test("negative net pay, a deduction larger than gross, an unknown zone, a row without AGA basis", async () => {
    const journal = join(dir, "feil.csv");
    writeFileSync(journal, [
      header,
      "20.03.2026;0301;Kari;40 000,00;12 000,00;;;40 000,00",
      "20.03.2026;0301;Ola;10 000,00;8 000,00;1 500,00;800,00;10 000,00",
      "20.03.2026;0301;Per;10 000,00;12 000,00;;;10 000,00",
      "20.03.2026;9999;Siri;30 000,00;9 000,00;;;30 000,00",
      "20.03.2026;1804;Ingrid;25 000,00;7 000,00;;;",
    ].join("\r\n"));
    const xlsx = join(dir, "ut.xlsx");
    const gl07 = join(dir, "ut.dat");
    const r = await lonnsbilag(journal, "--xlsx", xlsx, "--gl07", gl07);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    const lines = r.err.trimEnd().split("\n");
    expect(lines[0]).toBe("Lønnsjournalen ble avvist (4 feil); ingenting er skrevet:");
    expect(lines.slice(1)).toEqual([
      "feil.csv, rad 3: Ansatt «Ola»: trekkene (10 300,00 kr) er større enn brutto lønn (10 000,00 kr); negativ nettolønn bokføres ikke.",
      "feil.csv!E4: Ansatt «Per»: forskuddstrekk (12 000,00 kr) er større enn brutto lønn (10 000,00 kr).",
      expect.stringMatching(/^feil\.csv!B5: Ansatt «Siri»: .*9999/),
      "feil.csv!H6: Ansatt «Ingrid»: mangler AGA-grunnlag (skriv 0 når lønnen ikke utløser arbeidsgiveravgift).",
    ]);
    expect([existsSync(xlsx), existsSync(gl07)]).toEqual([false, false]);
  });

  test("a JSON journal: problems under their JSON path", async () => {
    const journal = join(dir, "feil.json");
    writeFileSync(journal, JSON.stringify({
      virksomhet: "Feil AS", dato: "2026-03-20",
      rader: [
        { navn: "Kari", bruttoLonn: 1000, forskuddstrekk: 300.123, agaGrunnlag: 1000, sone: "I" },
        { navn: "Ola", bruttoLonn: 1000, forskuddstrekk: 1200, agaGrunnlag: 1000, sone: "I" },
        { navn: "Per", bruttoLonn: 1000, agaGrunnlag: 1000, sone: "Atlantis", bonus: 5 },
      ],
    }));
    const r = await lonnsbilag(journal, "--csv", join(dir, "ut.csv"));
    expect(r.code).toBe(1);
    expect(r.err).toContain("feil.json: rader[0].forskuddstrekk (300,123) har brøkdeler av øre");
    expect(r.err).toContain("feil.json: rader[2].bonus er ikke et kjent felt.");
    const missing = await lonnsbilag(join(dir, "finnes-ikke.json"));
    expect([missing.code, missing.err]).toEqual([1, expect.stringContaining("Fant ikke filen")]);
    writeFileSync(journal, JSON.stringify({ dato: "2026-03-20", rader: [{ navn: "Ola", bruttoLonn: 1000, forskuddstrekk: 1200, agaGrunnlag: 1000, sone: "Atlantis" }] }));
    const third = await lonnsbilag(journal);
    expect(third.err).toContain("feil.json: rader[0].forskuddstrekk Ansatt «Ola»: forskuddstrekk (1 200,00 kr) er større enn brutto lønn (1 000,00 kr).");
    expect(third.err).toMatch(/feil\.json: rader\[0\]\.sone Ansatt «Ola»: «Atlantis»/);
    expect(existsSync(join(dir, "ut.csv"))).toBe(false);
  });

  test("--dato: a journal without pay dates needs it; one for several pay dates is refused", async () => {
    const undated = join(dir, "udatert.json");
    writeFileSync(undated, JSON.stringify({ rader: [{ navn: "Kari", bruttoLonn: 1000, agaGrunnlag: 1000, sone: "I" }] }));
    const r = await lonnsbilag(undated);
    expect([r.code, r.err]).toEqual([1, expect.stringContaining("rader[0] «Kari» har ingen utbetalingsdato")]);
    const dated = await json(undated, "--dato", "31.01.2025");
    expect(dated.bilag.map((l) => [l.bilagId, l.konto, l.belop])).toEqual([["LONN-20250131", "5000", 1000], ["LONN-20250131", "2930", -1000], ["LONN-20250131", "5400", 141], ["LONN-20250131", "2770", -141]]);
    const two = await lonnsbilag(JOURNAL_JSON, "--dato", "2024-11-30");
    expect(two.code).toBe(1);
    expect(two.err).toContain("Lønnsjournalen har 2 utbetalingsdatoer (05.11.2024, 20.11.2024)");
  });

  test("GL07 without firma and bilagsart says where to set them", async () => {
    const r = await lonnsbilag(JOURNAL_CSV, "--gl07", join(dir, "x.dat"));
    expect(r.code).toBe(1);
    expect(r.err).toContain("Sett «firma» og «bilagsart» i oppsettfilen (--oppsett).");
    expect(existsSync(join(dir, "x.dat"))).toBe(false);
  });

  test("the command line: exit 2 with the usage", async () => {
    for (const args of [[], ["a.txt"], [JOURNAL_JSON, "--oppsett", OPPSETT], [JOURNAL_JSON, "--desimaltegn", ";"], [JOURNAL_JSON, "--xlsxx", "a"]]) {
      const r = await lonnsbilag(...args);
      expect([args, r.code]).toEqual([args, 2]);
      expect(r.err).toContain("lonn lonnsbilag JOURNAL.csv|.xlsx|.json");
    }
    const help = await lonnsbilag("--help");
    expect([help.code, help.out]).toEqual([0, expect.stringContaining("5092/2940 feriepenger")]);
    expect((await lonn("--help")).out).toContain("lonn lonnsbilag JOURNAL.csv|.xlsx|.json");
  });
});

describe("lonn demo's payroll voucher part", () => {
  test("the sample CSV journal's workbook, CSV, GL07 and JSON, built before anything is written; the JSON is lonn lonnsbilag's", async () => {
    const dir = trekkTempDir();
    try {
      const built = await lonnsbilagDemo(dir);
      if (isProblems(built)) throw built;
      expect(built.files.map((f) => f.path.slice(dir.length + 1)).sort()).toEqual([
        "lonnsbilag-2024-11-bilag-gl07.dat", "lonnsbilag-2024-11-bilag.csv", "lonnsbilag-2024-11.json", "lonnsbilag-2024-11.xlsx",
      ]);
      expect(built.files.every((f) => !existsSync(f.path))).toBe(true);
      const demo = JSON.parse(built.files.find((f) => f.type === "json")?.content.toString("utf8") ?? "{}");
      expect(linesOf(demo.bilag)).toEqual(expectedLines());
      expect(built.lines[0]).toBe(`Polarlys Service AS – lønnsbilag fra lønnsjournalen (${DEMO_LONNSBILAG.journal}): 2 bilag, ett per utbetalingsdato, alle går i null:`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
