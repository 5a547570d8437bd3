/**
 * Hostile CSV files through `lonn avstem --sap … --unit4 … --spk …` (issue 13, items 12 and 14),
 * each generated here from the sample exports:
 * - a 200 MB file is refused before it is read (it used to be read whole and crash at 4,3 GB);
 *   a file with more rows than an Excel sheet stops the parser there; a moderate file is streamed
 *   in chunks and reads as the whole text does;
 * - the sample exports in UTF-16LE/BE, with and without a byte-order mark, in Windows-1252, with
 *   tab separators under their title lines, or with decomposed letters read as the UTF-8 ones do;
 * - a UTF-8 export with one bad byte is refused naming its row (it used to be read as Latin-1 and
 *   then lack a «Lønnsart» column it has).
 */
import { readFileSync, rmSync, truncateSync, writeFileSync } from "fs";
import { join } from "path";
import { readCsvFile } from "../../src/cli/files";
import { parseCsv } from "../../src/core/import/csv";
import { ok } from "../support/checked";
import { lonn, ROOT, tempDir } from "./helpers";

jest.setTimeout(120_000);
const dir = tempDir("lonn-hostile-csv-");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SAMPLES = join(ROOT, "assets", "samples", "eksempeletaten");
const sample = (name: string) => readFileSync(join(SAMPLES, name), "utf8").replace(/^\ufeff/, "");
const SAP = sample("sap-lonnsarter-2024.csv");
const UNIT4 = join(SAMPLES, "unit4-saldo-2024.csv");
const SPK = join(SAMPLES, "spk-faktura-2024.csv");
const OPPSETT = join(SAMPLES, "oppsett.json");

const write = (name: string, bytes: Buffer | string): string => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

const avstem = (sap: string, ...more: string[]) => lonn("avstem", "--sap", sap, "--unit4", UNIT4, "--spk", SPK, "--oppsett", OPPSETT, ...more);

/** The reconciliation's figures from `--json`, without the source names. */
async function figures(sap: string): Promise<unknown> {
  const r = await avstem(sap, "--json");
  if (r.code !== 0) throw new Error(r.err);
  const j = JSON.parse(r.out) as Record<string, unknown>;
  return { terminer: j.terminer, flagg: j.flagg };
}

describe("size: refused before reading, or streamed", () => {
  test("a 200 MB CSV (and a 200 MB scenario) is refused at once, by its size, with what to do", async () => {
    const big = join(dir, "stor.csv");
    // A sparse file: 200 MB on paper, nothing on disk, and nothing is read.
    writeFileSync(big, "");
    truncateSync(big, 200_000_000);
    const r = await avstem(big);
    expect(r.code).toBe(1);
    expect(r.err.split("\n").slice(0, 2)).toEqual([
      "Importen ble avvist (1 feil); ingenting er skrevet:",
      "stor.csv: Filen er 200 MB; lonn leser tekstfiler (CSV, JSON) på opptil 100 MB, mer enn den største eksporten for én virksomhet og ett år. " +
        "Ta ut eksporten for en kortere periode, eller bare lønnsartene og kontoene avstemmingen bruker.",
    ]);
    const scenario = join(dir, "stor.json");
    writeFileSync(scenario, "");
    truncateSync(scenario, 200_000_000);
    const s = await lonn("avstem", scenario);
    expect([s.code, s.err]).toEqual([1, expect.stringMatching(/^stor\.json: Filen er 200 MB; lonn leser tekstfiler/)]);
  });

  test("more rows than an Excel sheet holds: refused at row 1 048 577", async () => {
    const path = write("mange.csv", `${SAP}${"7300;x;01.2024;01.2024;1;1,00\n".repeat(1_048_576)}`);
    const r = await avstem(path);
    expect(r.code).toBe(1);
    expect(r.err.split("\n")[1]).toMatch(/^mange\.csv, rad 1048577: Filen har mer enn 1 048 576 rader, flere enn et Excel-ark har plass til/);
  });

  test("a 60 000-line export (5 MB) streamed in odd chunks reads as its whole text, letters cut across chunks included", async () => {
    const lines = [SAP.split("\n").slice(0, 4).join("\n")];
    for (let i = 0; i < 60_000; i++) lines.push(`7300;SPK arbeidsgiverandel – ø;${String(1 + (i % 12)).padStart(2, "0")}.2024;01.2024;${i};"1 234,${String(i % 100).padStart(2, "0")}"`);
    const text = lines.join("\r\n");
    const path = write("stroem.csv", text);
    const whole = JSON.stringify(ok(parseCsv(text, { sheet: "stroem.csv" })));
    for (const chunkSize of [4097, 65_536]) expect(JSON.stringify(ok(await readCsvFile(path, { chunkSize }))) === whole).toBe(true);
  });
});

describe("encodings and separators read as the UTF-8 sample does", () => {
  let expected: unknown;
  beforeAll(async () => {
    expected = await figures(write("sap.csv", SAP));
  });

  const utf16be = (text: string) => Buffer.from(text, "utf16le").swap16();
  const cases: [string, () => Buffer][] = [
    ["UTF-16LE with BOM", () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAP, "utf16le")])],
    ["UTF-16BE with BOM", () => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(SAP)])],
    ["UTF-16LE without BOM", () => Buffer.from(SAP, "utf16le")],
    ["UTF-16BE without BOM", () => utf16be(SAP)],
    ["Windows-1252", () => Buffer.from(SAP.replace(/–/g, "-"), "latin1")],
    ["tab-separated, under title lines with a comma", () => Buffer.from(SAP.replace(/;/g, "\t"), "utf8")],
    ["decomposed letters (NFD)", () => Buffer.from(SAP.normalize("NFD").replace(/ø/g, "o\u0338"), "utf8")],
  ];
  test.each(cases)("%s", async (name, bytes) => {
    const path = write(`sap-${name.replace(/\W+/g, "-")}.csv`, bytes());
    expect(await figures(path)).toEqual(expected);
  });

  test("a UTF-8 export with one bad byte is refused at its row, not read as Latin-1", async () => {
    const lines = SAP.split("\n");
    const at = lines.findIndex((l) => l.startsWith("7350;"));
    const bytes = Buffer.concat([
      Buffer.from(lines.slice(0, at).join("\n") + "\n", "utf8"),
      Buffer.from(lines[at].replace("2 %", "2 "), "utf8"),
      Buffer.from([0x25 + 0x80]),
      Buffer.from("\n" + lines.slice(at + 1).join("\n"), "utf8"),
    ]);
    const r = await avstem(write("sap-skadet.csv", bytes));
    expect(r.code).toBe(1);
    expect(r.err.split("\n").slice(0, 2)).toEqual([
      "Importen ble avvist (1 feil); ingenting er skrevet:",
      `sap-skadet.csv, rad ${at + 1}: Raden har en byte (0xA5) som ikke er gyldig UTF-8, mens resten av filen er UTF-8; filen kan være skadet eller satt sammen av filer med ulike tegnsett. ` +
        "Rett tegnet på raden, eller lagre filen på nytt som UTF-8 (i Excel: «CSV UTF-8»).",
    ]);
  });

  test("an .xlsx or an old .xls given as CSV is named for what it is", async () => {
    const xlsx = write("sap-arbeidsbok.csv", Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 1)]));
    expect((await avstem(xlsx)).err.split("\n")[1]).toMatch(/^sap-arbeidsbok\.csv: Filen er en zip-pakke \(trolig en Excel-arbeidsbok, \.xlsx\), ikke en CSV-fil/);
  });
});
