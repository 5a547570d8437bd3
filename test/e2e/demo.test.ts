/**
 * `lonn demo` end to end: the files it writes, the workbooks recalculated by LibreOffice against
 * the core's figures for the sample exports, and the GL07 and CSV files line by line. Then
 * `npm run demo` in a throw-away copy of the project (its own lib/ compiled by tsc, as `npm install`
 * does), which must write the same files.
 */
import { execFileSync } from "child_process";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, symlinkSync } from "fs";
import { join } from "path";
import { DEMO_FOLDER } from "../../src/cli/commands/demo";
import { GL07_ENCODING, GL07_LINE_LENGTH, GL07_POSITIONS } from "../../src/core/voucher/gl07";
import { importExports, parseCsv } from "../../src/core/import";
import { kroner } from "../../src/core/money/ore";
import { Checked, isProblems } from "../../src/core/problem/problem";
import { buildAmeldingFordeling } from "../../src/core/spk/amelding";
import { buildKorreksjonsbilag } from "../../src/core/spk/bilag";
import { reconcile } from "../../src/core/spk/reconcile";
import { oppsettFrom, parseScenario } from "../../src/core/spk/scenario";
import { completeTermin } from "../../src/core/spk/termin-fields";
import { TerminInput } from "../../src/core/spk/types";
import { cellsOf, lonn, ROOT, tempDir } from "../cli/helpers";
import { withLibreOffice } from "../support/engines";
import { checkWorkbookWithLibreOffice, Expected } from "./workbook-check";

const SAMPLES = join(ROOT, "assets", "samples");

function ok<T>(r: Checked<T>): T {
  if (isProblems(r)) throw new Error(r.message);
  return r;
}

/** The core's figures for a sample agency: its exports through core's readers, its oppsett, the model. */
function sampleFigures(set: "eksempeletaten" | "nettoetaten"): Expected {
  const dir = join(SAMPLES, set);
  const sheet = (file: string, name: string) => {
    const grid = parseCsv(readFileSync(join(dir, file), "utf8"), { sheet: name });
    if (isProblems(grid)) throw new Error(JSON.stringify(grid.list));
    return { sheet: name, values: grid.values };
  };
  const scenario = ok(parseScenario(JSON.parse(readFileSync(join(dir, "oppsett.json"), "utf8"))));
  const oppsett = oppsettFrom(scenario);
  const imported = importExports(
    { sap: sheet("sap-lonnsarter-2024.csv", "SAP"), unit4: sheet("unit4-saldo-2024.csv", "Unit4"), spk: sheet("spk-faktura-2024.csv", "SPK") },
    { aar: oppsett.aar, budsjettering: oppsett.budsjettering, kontoer: oppsett.kontoer },
  );
  if (isProblems(imported)) throw new Error(JSON.stringify(imported.list));
  const terminer: TerminInput[] = imported.terminer.map((t) => completeTermin({ ...t, termin: t.termin as number }));
  const avstemming = ok(reconcile(oppsett, terminer, { ...(scenario.oppdatertAgaSats !== undefined ? { oppdatertAgaSats: scenario.oppdatertAgaSats } : {}) }));
  return {
    avstemming,
    bilag: ok(buildKorreksjonsbilag(avstemming)),
    amelding: ok(buildAmeldingFordeling(avstemming, scenario.virksomheter ?? [])),
  };
}

const FILES = [
  "eksempeletaten-2024-bilag-gl07.dat", "eksempeletaten-2024-bilag.csv", "eksempeletaten-2024.json", "eksempeletaten-2024.xlsx",
  "nettoetaten-2024-bilag-gl07.dat", "nettoetaten-2024-bilag.csv", "nettoetaten-2024.json", "nettoetaten-2024.xlsx",
  "trekk-2026-bilag-gl07.dat", "trekk-2026-bilag.csv", "trekk-2026.json", "trekk-2026.xlsx",
  "trekk-import-2026-bilag-gl07.dat", "trekk-import-2026-bilag.csv", "trekk-import-2026.json", "trekk-import-2026.xlsx",
  "lonnsbilag-2024-11-bilag-gl07.dat", "lonnsbilag-2024-11-bilag.csv", "lonnsbilag-2024-11.json", "lonnsbilag-2024-11.xlsx",
].sort();

/** The cells without the times the runs happened at (Logg, the export record): the rest must be the same. */
const timeless = (cells: Map<string, unknown>): Map<string, unknown> =>
  new Map([...cells].map(([k, v]) => [k, /^(Logg|Eksporterte bilag)!A\d+$/.test(k) && !/!A1$/.test(k) ? "<tid>" : v]));

const field = (line: string, name: string): string => {
  const { fra, lengde } = GL07_POSITIONS[name];
  return line.slice(fra - 1, fra - 1 + lengde).trim();
};

describe("lonn demo", () => {
  const dir = tempDir("lonn-demo-");
  const copy = tempDir("lonn-demo-copy-");
  let out = "";
  afterAll(() => [dir, copy].forEach((d) => rmSync(d, { recursive: true, force: true })));

  beforeAll(async () => {
    const r = await lonn("demo", dir);
    expect([r.code, r.err]).toEqual([0, ""]);
    out = r.out;
  }, 60_000);

  test("writes the two workbooks, both voucher files and the JSON per agency, and says so", () => {
    expect(readdirSync(dir).sort()).toEqual(FILES);
    for (const f of FILES) expect(out).toContain(f);
    expect(out).toMatch(/Eksempeletaten 2024 – brutto, terminvis, AGA-snittsats 13,47 %/);
    expect(out).toMatch(/Nettoetaten 2024 – netto, årsslutt, AGA-snittsats 12,86 %/);
    // The sample README's Q per termin (Eksempeletaten: Q = M).
    expect(out).toMatch(/T3\s+71 480,30\s+71 480,30/);
    expect(out).toMatch(/Korreksjonsbilag: 6 bilag, alle går i null/);
    expect(out).toMatch(/Korreksjonsbilag: 2 bilag, alle går i null/);
  });

  test("GL07: every line 2060 characters, Latin-1, each voucher sums to 0 øre, one line per voucher line", () => {
    for (const set of ["eksempeletaten", "nettoetaten"] as const) {
      const expected = sampleFigures(set);
      const text = readFileSync(join(dir, `${set}-2024-bilag-gl07.dat`)).toString(GL07_ENCODING);
      const lines = text.split("\r\n");
      expect(lines.pop()).toBe("");
      expect(lines.every((l) => l.length === GL07_LINE_LENGTH)).toBe(true);
      expect(lines).toHaveLength(expected.bilag.reduce((n, b) => n + b.linjer.length, 0));
      const sums = new Map<string, number>();
      for (const l of lines) sums.set(field(l, "ext_ref"), (sums.get(field(l, "ext_ref")) ?? 0) + Number(field(l, "amount")));
      expect([...sums.keys()]).toEqual(expected.bilag.map((b) => b.id));
      expect([...sums.values()].every((s) => s === 0)).toBe(true);
      expect(lines.map((l) => Number(field(l, "amount")))).toEqual(expected.bilag.flatMap((b) => b.linjer.map((x) => Math.round(kroner(x.belop) * 100))));
    }
    // Single-byte: the descriptions hold «ø» («resultatføring»), which UTF-8 would write as two bytes.
    const raw = readFileSync(join(dir, "eksempeletaten-2024-bilag-gl07.dat"));
    expect(raw.toString(GL07_ENCODING)).toContain("resultatføring");
    expect(raw.length).toBe((GL07_LINE_LENGTH + 2) * 36);
  });

  test("CSV: BOM, semicolons, decimal comma; each voucher sums to 0", () => {
    const text = readFileSync(join(dir, "eksempeletaten-2024-bilag.csv"), "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = text.slice(1).trimEnd().split("\r\n").map((r) => r.split(";"));
    const head = rows[0];
    const [amount, ref] = [head.indexOf("amount"), head.indexOf("ext_ref")];
    const sums = new Map<string, number>();
    for (const r of rows.slice(1)) sums.set(r[ref], (sums.get(r[ref]) ?? 0) + Math.round(Number(r[amount].replace(",", ".")) * 100));
    expect([...sums.values()]).toEqual([0, 0, 0, 0, 0, 0]);
    expect(rows.slice(1).map((r) => r[amount]).slice(0, 3)).toEqual(["234,41", "78,14", "-312,55"]);
  });

  withLibreOffice.test("LibreOffice opens both workbooks with the core's figures, no LONN.* and no errors", async () => {
    await checkWorkbookWithLibreOffice(join(dir, "eksempeletaten-2024.xlsx"), sampleFigures("eksempeletaten"));
    await checkWorkbookWithLibreOffice(join(dir, "nettoetaten-2024.xlsx"), sampleFigures("nettoetaten"));
  }, 180_000);

  test("npm run demo in a fresh copy of the project writes the same files", () => {
    // What a clone has after `npm install`: the sources, node_modules, and lib/ compiled by the prepare step.
    for (const f of ["package.json", "tsconfig.json", "tsconfig.cli.json"]) cpSync(join(ROOT, f), join(copy, f));
    for (const d of ["bin", "src"]) cpSync(join(ROOT, d), join(copy, d), { recursive: true });
    symlinkSync(join(ROOT, "assets"), join(copy, "assets"));
    symlinkSync(join(ROOT, "node_modules"), join(copy, "node_modules"));
    try {
      execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"], { cwd: copy, stdio: "pipe" });
    } catch {
      // tsc still writes lib/ when a file elsewhere has a type error (the typecheck step reports those).
    }
    expect(existsSync(join(copy, "lib", "cli", "main.js"))).toBe(true);
    const stdout = execFileSync("npm", ["run", "--silent", "demo"], { cwd: copy, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    expect(stdout).toContain(`skrevet til ${join(copy, DEMO_FOLDER)}`);
    expect(stdout).toContain(`xlsx  ${DEMO_FOLDER}/eksempeletaten-2024.xlsx`);
    const written = join(copy, DEMO_FOLDER);
    expect(readdirSync(written).sort()).toEqual(FILES);
    for (const f of FILES.filter((x) => !x.endsWith(".xlsx"))) expect(readFileSync(join(written, f))).toEqual(readFileSync(join(dir, f)));
    return Promise.all(
      FILES.filter((x) => x.endsWith(".xlsx")).map(async (f) => expect(timeless(await cellsOf(join(written, f)))).toEqual(timeless(await cellsOf(join(dir, f))))),
    );
  }, 180_000);
});
