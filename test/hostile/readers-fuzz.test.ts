/**
 * Issue 13, fuzz: random and mutated inputs to every reader (SAP, Unit4, SPK invoice, ledger CSV,
 * payroll journal and payroll rows, payments, invoices, virksomheter, a-melding XML, SAF-T, the SPK
 * and trekk scenario JSON, and broken .xlsx workbooks through the CLI) give a result or problems
 * that are Norwegian and carry their place; never an exception, never a hang (each run is bounded
 * by jest's timeout), and the CLI writes nothing. fast-check with a fixed seed, so a failure repeats.
 */
import { readdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import fc from "fast-check";
import JSZip from "jszip";
import { readSap, readSpk, readUnit4 } from "../../src/core/import";
import { readAmeldingFile } from "../../src/core/import/amelding";
import { readCounterparties } from "../../src/core/import/counterparties";
import { parseCsv } from "../../src/core/import/csv";
import { readLedgerCsv } from "../../src/core/import/ledger-csv";
import { readPayments } from "../../src/core/import/payments";
import { readPayrollJournal } from "../../src/core/import/payroll-journal";
import { readPayrollRows } from "../../src/core/import/payroll-rows";
import { readSaft } from "../../src/core/import/saft";
import { readVirksomheter } from "../../src/core/import/virksomheter";
import { Checked, isProblems, Problem } from "../../src/core/problem/problem";
import { parseScenario } from "../../src/core/spk/scenario";
import { parseTrekkScenario } from "../../src/core/trekk/scenario";
import { lonn, ROOT, tempDir } from "../cli/helpers";

jest.setTimeout(180_000);
const SEED = 1313;
const samples = join(ROOT, "assets", "samples");
const text = (...p: string[]) => readFileSync(join(samples, ...p), "utf8");

/** Norwegian letters or words, so an English runtime message (TypeError: …) is caught. */
const NORWEGIAN = /[æøåÆØÅ]|\b(er|ikke|mangler|har|kan|må|rad|raden|kolonnen|filen|beløp|linje|linjen)\b/i;

function judged<T>(r: Checked<T>, where: (p: Problem) => boolean): void {
  if (!isProblems(r)) return;
  for (const p of r.list) {
    if (!where(p)) throw new Error(`problem without its place: ${JSON.stringify(p)}`);
    if (!NORWEGIAN.test(p.message)) throw new Error(`not Norwegian: ${p.message}`);
  }
}
const inSheet = (p: Problem) => p.sheet !== undefined || p.file !== undefined;
const inJson = (p: Problem) => p.path !== undefined || p.file !== undefined || p.sheet !== undefined || /JSON|scenario|oppsett/i.test(p.message);

/** A text mutated: characters replaced, removed or doubled, lines doubled, cut short. */
const mutated = (base: string) =>
  fc.array(fc.tuple(fc.nat(base.length), fc.constantFrom("del", "dup", "char", "line", "cut"), fc.constantFrom(";", ",", '"', "\n", "-", "0", "9", " ", "\u00a0", "Sum", "<", ">", "&", "=", "1,005", "\u0000")), { maxLength: 8 }).map((edits) => {
    let s = base;
    for (const [at, kind, c] of edits) {
      const i = Math.min(at, s.length);
      if (kind === "del") s = s.slice(0, i) + s.slice(i + 1);
      else if (kind === "dup") s = s.slice(0, i) + s.slice(i, i + 40) + s.slice(i);
      else if (kind === "char") s = s.slice(0, i) + c + s.slice(i + 1);
      else if (kind === "cut") s = s.slice(0, Math.max(i, 1));
      else {
        const start = s.lastIndexOf("\n", i) + 1;
        const end = s.indexOf("\n", i);
        s = s.slice(0, end === -1 ? s.length : end) + "\n" + s.slice(start, end === -1 ? s.length : end) + s.slice(end === -1 ? s.length : end);
      }
    }
    return s;
  });

const csvReaders: [string, string, (values: unknown[][]) => Checked<unknown>][] = [
  ["SAP", text("eksempeletaten", "sap-lonnsarter-2024.csv"), (v) => readSap({ sheet: "SAP", values: v }, { aar: 2024 })],
  ["Unit4", text("eksempeletaten", "unit4-saldo-2024.csv"), (v) => readUnit4({ sheet: "Unit4", values: v }, { aar: 2024, budsjettering: "brutto" })],
  ["SPK", text("eksempeletaten", "spk-faktura-2024.csv"), (v) => readSpk({ sheet: "SPK", values: v }, { aar: 2024 })],
  ["hovedbok", text("trekk", "hovedbok-2026.csv"), (v) => readLedgerCsv({ sheet: "hovedbok", values: v }, { kontoer: ["2600", "2770"], aar: 2026 })],
  ["lonn", text("trekk", "lonnsjournal-2026.csv"), (v) => readPayrollJournal({ sheet: "lonn", values: v }, { aar: 2026 })],
  ["lonnsbilag", text("lonnsbilag", "lonnsjournal-2024-11.csv"), (v) => readPayrollRows({ sheet: "lonnsbilag", values: v })],
  ["betalinger", text("trekk", "betalinger-2026.csv"), (v) => readPayments({ sheet: "betalinger", values: v }, { aar: 2026 })],
  ["fakturaer", text("trekk", "trekklister-2026.csv"), (v) => readCounterparties({ sheet: "fakturaer", values: v })],
  ["virksomheter", "Virksomhetsnummer;Navn;Sone;Grunnlag\n912300021;Oslo;0301;45 000 000\n912300048;Bodø;1804;5 100 000", (v) => readVirksomheter({ sheet: "virksomheter", values: v }, { aar: 2024 })],
];

describe("every reader on hostile input: a result or placed Norwegian problems", () => {
  test.each(csvReaders)("%s: mutated sample CSV and random grids", (_name, sample, read) => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.double(), fc.integer(), fc.constant(null), fc.constantFrom("Sum", "Totalt", "1 234,567", "01.2024", "7300", "5420", "2600", "-", "(5)", "NaN"));
    fc.assert(
      fc.property(fc.oneof(mutated(sample).map((s) => ({ csv: s })), fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 30 }).map((g) => ({ grid: g }))), (input) => {
        if ("csv" in input) {
          const grid = parseCsv(input.csv, { sheet: "x" });
          judged(grid, inSheet);
          if (!isProblems(grid)) judged(read(grid.values as unknown[][]), inSheet);
        } else judged(read(input.grid), inSheet);
      }),
      { numRuns: 150, seed: SEED },
    );
  });

  test("a-melding XML and SAF-T: mutated files", () => {
    const melding = text("trekk", readdirSync(join(samples, "trekk")).filter((n) => /^amelding-.*\.xml$/.test(n)).sort()[0]);
    const saft = text("trekk", readdirSync(join(samples, "trekk")).find((n) => /^saft-.*\.xml$/.test(n)) as string);
    fc.assert(fc.property(mutated(melding), (s) => judged(readAmeldingFile("a.xml", s), (p) => p.file !== undefined || p.element !== undefined)), { numRuns: 150, seed: SEED });
    fc.assert(fc.property(mutated(saft.slice(0, 200_000)), (s) => judged(readSaft(s, { file: "s.xml", kontoer: ["2600", "2770"], aar: 2026 }), (p) => p.file !== undefined || p.element !== undefined)), { numRuns: 60, seed: SEED });
  });

  test("the SPK and trekk scenario JSON: mutated files and random JSON", () => {
    const spk = readFileSync(join(ROOT, "test", "fixtures", "avstem", "brutto-terminvis.json"), "utf8");
    const trekk = readFileSync(join(ROOT, "test", "fixtures", "trekk", "fjordtrekk-2026.json"), "utf8");
    const parsed = (s: string): unknown => {
      try {
        return JSON.parse(s);
      } catch {
        return undefined;
      }
    };
    fc.assert(
      fc.property(fc.oneof(mutated(spk).map(parsed), mutated(trekk).map(parsed), fc.jsonValue()), (json) => {
        judged(parseScenario(json), inJson);
        judged(parseTrekkScenario(json), inJson);
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  test("broken .xlsx workbooks given as exports: exit 1, problems named by the file, nothing written", async () => {
    const sap = join(samples, "eksempeletaten", "sap-lonnsarter-2024.csv");
    const good = new JSZip();
    good.file("[Content_Types].xml", "<Types/>");
    good.file("xl/workbook.xml", "<workbook><sheets><sheet name='A' r:id='x'/></sheets></workbook>");
    good.file("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r='1'><c r='A1' t='s'><v>99</v></c></row></sheetData></worksheet>");
    const zip = await good.generateAsync({ type: "nodebuffer" });
    const cases = await fc.sample(fc.tuple(fc.nat(zip.length - 1), fc.integer({ min: 0, max: 255 }), fc.nat(zip.length)), { numRuns: 6, seed: SEED });
    for (const [at, byte, cut] of [[0, 0, zip.length] as [number, number, number], ...cases]) {
      const dir = tempDir("lonn-fuzz-");
      const bytes = Buffer.from(zip.subarray(0, Math.max(cut, 4)));
      bytes[at % bytes.length] = byte;
      const book = join(dir, "unit4.xlsx");
      writeFileSync(book, bytes);
      const out = join(dir, "ut.csv");
      const r = await lonn("avstem", "--sap", sap, "--unit4", book, "--spk", book, "--aar", "2024", "--budsjettering", "brutto", "--virksomhet", "X", "--aga-sats", "0,141", "--csv", out);
      expect([r.code, r.err]).toEqual([1, expect.stringMatching(/unit4\.xlsx/)]);
      expect(readdirSync(dir).sort()).toEqual(["unit4.xlsx"]);
    }
  });
});
