/**
 * Hostile and damaged workbook files (issue «Nothing lost, nothing injected», findings 10, 12, 14):
 * each gets a Norwegian message saying what the file is and what to do, before exceljs reads a
 * byte; never an English internal, a crash, a hang or a silently wrong number.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from "fs";
import { join } from "path";
const LIMITS = { cells: 2_000_000, fileBytes: 100_000_000 };
import { sofficePath } from "../support/libreoffice";
import { readZip, withParts, writeZip, zipMap } from "../support/zip";
import { BRUTTO, lonn, lonnJson, tempDir } from "./helpers";

const dir = tempDir("lonn-hostile-pkg-");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let book: Buffer;
beforeAll(async () => {
  const path = join(dir, "mal.xlsx");
  expect((await lonn("avstem", BRUTTO, "--xlsx", path)).code).toBe(0);
  book = readFileSync(path);
});

const put = (name: string, data: Buffer | string): string => {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
};

/** The first line of stderr, and that no English internals (exceljs, jszip, zlib) leaked into it. */
async function refused(path: string, ...more: string[]): Promise<string> {
  const r = await lonn("avstem", path, ...more);
  expect(r.code).toBe(1);
  expect(r.err).not.toMatch(/Error|undefined|jszip|exceljs|zlib|Corrupted|invalid|End of data|signature/);
  return r.err.trim();
}

const SHEET = "xl/worksheets/sheet1.xml";

describe("a damaged part (CRC-32)", () => {
  test("one flipped digit in a stored sheet part is refused, naming the part and its sheet; nothing is written", async () => {
    // Stored (not deflated), a flipped byte changes one digit of B12 and nothing else: exceljs's
    // zip library does not check the CRC, so this read as a different amount.
    const entries = readZip(book).map((e) => (e.name === SHEET ? { ...e, method: 0 as const } : e));
    const xml = entries.find((e) => e.name === SHEET)!.data.toString("utf8");
    const at = xml.indexOf('<c r="B12"');
    const v = xml.indexOf("<v>", at) + 3;
    expect(xml.slice(v, v + 6)).toBe("100000");
    const damaged = writeZip(entries, { damage: { name: SHEET, at: (bytes) => (bytes[v] = "2".charCodeAt(0)) } });
    const path = put("skadet.xlsx", damaged);
    const out = join(dir, "skadet.csv");
    const err = await refused(path, "--csv", out);
    expect(err).toBe(
      "«skadet.xlsx» kan ikke leses som en Excel-arbeidsbok (.xlsx): filen er skadet: arket «A10 SPK brutto» (xl/worksheets/sheet1.xml) " +
        "stemmer ikke med kontrollsummen (CRC-32) eller størrelsen i zip-pakken. Åpne en kopi i Excel (som kan prøve å reparere den) og lagre den på nytt, eller hent filen på nytt.\n" +
        "Ingenting er skrevet.",
    );
    expect(existsSync(out)).toBe(false);
  });

  test("a flipped byte in a deflated part, a cut file, a part that is not where the directory says", async () => {
    const deflated = writeZip(readZip(book), { damage: { name: "xl/styles.xml", at: (bytes) => (bytes[20] ^= 0xff) } });
    expect(await refused(put("skadet2.xlsx", deflated))).toMatch(/^«skadet2\.xlsx» kan ikke leses som en Excel-arbeidsbok \(\.xlsx\): filen er skadet: delen «xl\/styles\.xml» stemmer ikke med kontrollsummen/);
    expect(await refused(put("kort.xlsx", book.subarray(0, Math.floor(book.length / 2))))).toMatch(/^«kort\.xlsx» kan ikke leses .*: filen er skadet \(slutten av zip-pakken mangler; filen er trolig avkortet\)/);
    const moved = Buffer.from(book);
    const end = moved.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    moved.writeUInt32LE(moved.readUInt32LE(end + 16) + 7, end + 16);
    expect(await refused(put("flyttet.xlsx", moved))).toMatch(/filen er skadet \(zip-katalogen/);
  });
});

describe("size limits, checked before anything is inflated", () => {
  test("a sheet whose dimension promises 9.6 million cells is refused at once, naming the sheet and the range", async () => {
    const xml = zipMap(book).get(SHEET)!.toString("utf8").replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:T480000"/>');
    const path = put("stor.xlsx", withParts(book, { [SHEET]: xml }));
    const started = Date.now();
    const err = await refused(path);
    expect(Date.now() - started).toBeLessThan(2000);
    // The other sheets (_lonn, Korreksjonsbilag …) add their few hundred cells to the total.
    expect(err).toMatch(
      new RegExp(
        "^«stor\\.xlsx» kan ikke leses som en Excel-arbeidsbok \\(\\.xlsx\\): den har for mange celler \\(arket «A10 SPK brutto» \\(xl/worksheets/sheet1\\.xml\\) " +
          "bruker A1:T480000, 9 600 000 celler; arkene til sammen 9 600 \\d{3}\\); lonn leser arbeidsbøker med opptil 2 000 000 celler\\. " +
          "Slett ubrukte rader og kolonner \\(også de som bare er formatert\\), eller flytt store dataark til en egen arbeidsbok, og prøv igjen\\.$",
      ),
    );
  });

  test("a dimension that lies: the cells themselves are counted", async () => {
    const cells = `<row r="1">${'<c r="A1"/>'.repeat(LIMITS.cells + 1)}</row>`;
    const xml = zipMap(book).get(SHEET)!.toString("utf8").replace(/<sheetData>.*<\/sheetData>/s, `<sheetData>${cells}</sheetData>`);
    const err = await refused(put("loy.xlsx", withParts(book, { [SHEET]: xml })));
    expect(err).toContain("den har for mange celler (over 2 000 000 i arkene til og med arket «A10 SPK brutto» (xl/worksheets/sheet1.xml))");
  });

  test("a zip bomb: declared too big is refused from the directory; declared small, it is caught inflating past its size", async () => {
    const zeros = Buffer.alloc(300_000_000 / 10);
    const declared = writeZip([...readZip(book), { name: "xl/media/bombe.png", data: zeros }], { claimedSize: { "xl/media/bombe.png": 300_000_000 } });
    expect(await refused(put("bombe.xlsx", declared))).toBe(
      "«bombe.xlsx» kan ikke leses som en Excel-arbeidsbok (.xlsx): den pakker seg ut til 300 MB; lonn leser arbeidsbøker på opptil 250 MB utpakket.",
    );
    const lying = writeZip([...readZip(book), { name: "xl/media/bombe.png", data: zeros }], { claimedSize: { "xl/media/bombe.png": 1000 } });
    expect(await refused(put("bombe2.xlsx", lying))).toMatch(/filen er skadet: delen «xl\/media\/bombe\.png» stemmer ikke med kontrollsummen \(CRC-32\) eller størrelsen/);
  });

  test("a file over 100 MB is refused without being read", async () => {
    const path = join(dir, "enorm.xlsx");
    writeFileSync(path, "");
    truncateSync(path, LIMITS.fileBytes + 1); // sparse: instant
    expect(await refused(path)).toBe("«enorm.xlsx» kan ikke leses som en Excel-arbeidsbok (.xlsx): filen er 100 MB; lonn leser arbeidsbøker på opptil 100 MB.");
  });
});

/** The header sector of an OLE2 compound file and a directory sector naming `streams` (UTF-16LE, 128 bytes each). */
function compoundFile(streams: readonly string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  header.writeUInt16LE(0x003e, 24);
  header.writeUInt16LE(0x0003, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  const directory = Buffer.alloc(512);
  ["Root Entry", ...streams].forEach((name, i) => {
    directory.write(name, i * 128, "utf16le");
    directory.writeUInt16LE((name.length + 1) * 2, i * 128 + 64);
  });
  return Buffer.concat([header, directory]);
}

describe("files that are not .xlsx workbooks say what they are", () => {
  test("a password-protected workbook (an encrypted OLE2 package)", async () => {
    const path = put("passord.xlsx", compoundFile(["\u0006DataSpaces", "EncryptionInfo", "EncryptedPackage"]));
    expect(await refused(path)).toBe(
      "«passord.xlsx» kan ikke leses som en Excel-arbeidsbok (.xlsx): den er kryptert med passord. " +
        "Åpne den i Excel, fjern passordet (Fil > Info > Beskytt arbeidsbok > Krypter med passord, tøm feltet), lagre, og prøv igjen.",
    );
  });

  test("an old .xls (a BIFF workbook in OLE2), also as LibreOffice writes one", async () => {
    const expected = (f: string) =>
      `«${f}» kan ikke leses som en Excel-arbeidsbok (.xlsx): den er en gammel Excel-fil (.xls, Excel 97–2003). Åpne den i Excel og lagre den som Excel-arbeidsbok (.xlsx), og prøv igjen.`;
    expect(await refused(put("gammel.xlsx", compoundFile(["Workbook", "\u0005SummaryInformation"])))).toBe(expected("gammel.xlsx"));
    const soffice = sofficePath();
    if (!soffice) return;
    const out = join(dir, "lo");
    mkdirSync(out, { recursive: true });
    execFileSync(soffice, ["--headless", "--norestore", `-env:UserInstallation=file://${join(dir, "lo-profile")}`, "--convert-to", "xls", "--outdir", out, join(dir, "mal.xlsx")], { stdio: "pipe", timeout: 120_000 });
    const xls = readdirSync(out).find((f) => f.endsWith(".xls"))!;
    const renamed = put("fra-libreoffice.xlsx", readFileSync(join(out, xls)));
    expect(await refused(renamed)).toBe(expected("fra-libreoffice.xlsx"));
  }, 150_000);

  test("text (a CSV saved as .xlsx), an empty file, an .ods, an .xlsb, a zip without a workbook", async () => {
    expect(await refused(put("tekst.xlsx", "Konto;Beløp\r\n5420;100,00\r\n"))).toBe(
      "«tekst.xlsx» kan ikke leses som en Excel-arbeidsbok (.xlsx): den er en tekstfil (for eksempel CSV, HTML eller XML), ikke en Excel-arbeidsbok. " +
        "Åpne den i Excel og lagre den som Excel-arbeidsbok (.xlsx), og prøv igjen.",
    );
    expect(await refused(put("tom.xlsx", ""))).toBe("«tom.xlsx» kan ikke leses som en Excel-arbeidsbok (.xlsx): filen er tom (0 byte).");
    const ods = writeZip([{ name: "mimetype", data: Buffer.from("application/vnd.oasis.opendocument.spreadsheet"), method: 0 }, { name: "content.xml", data: Buffer.from("<x/>") }]);
    expect(await refused(put("regneark.xlsx", ods))).toMatch(/: den er et OpenDocument-regneark \(\.ods\)\. Åpne det i Excel eller LibreOffice og lagre det som Excel-arbeidsbok \(\.xlsx\)/);
    const xlsb = writeZip([{ name: "[Content_Types].xml", data: Buffer.from("<Types/>") }, { name: "xl/workbook.bin", data: Buffer.alloc(10) }]);
    expect(await refused(put("binaer.xlsx", xlsb))).toMatch(/: den er en binær Excel-arbeidsbok \(\.xlsb\)\./);
    const other = writeZip([{ name: "les-meg.txt", data: Buffer.from("hei") }]);
    expect(await refused(put("zip.xlsx", other))).toBe("«zip.xlsx» kan ikke leses som en Excel-arbeidsbok (.xlsx): den er en zip-fil, men ikke en Excel-arbeidsbok (xl/workbook.xml mangler).");
  });

  test("broken sheet XML names the sheet; a DTD is refused before any parser sees it", async () => {
    const xml = zipMap(book).get(SHEET)!.toString("utf8");
    const cut = xml.replace("</sheetData>", "</row></sheetData>");
    expect(await refused(put("xml.xlsx", withParts(book, { [SHEET]: cut })))).toBe(
      "«xml.xlsx» kan ikke leses som en Excel-arbeidsbok (.xlsx): arket «A10 SPK brutto» (xl/worksheets/sheet1.xml) har ugyldig XML. " +
        "Åpne filen i Excel (som kan prøve å reparere den) og lagre den på nytt, og prøv igjen.",
    );
    const dtd = xml.replace("?>", '?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>');
    expect(await refused(put("dtd.xlsx", withParts(book, { [SHEET]: dtd })))).toMatch(/: arket «A10 SPK brutto» \(xl\/worksheets\/sheet1\.xml\) har en DTD \(<!DOCTYPE …>\), som en \.xlsx-fil aldri har\./);
  });

  test("the same checks guard --xlsx OUT.xlsx when OUT exists, and an export read from .xlsx", async () => {
    const out = put("ut-skadet.xlsx", compoundFile(["EncryptionInfo", "EncryptedPackage"]));
    const before = readFileSync(out);
    const r = await lonn("avstem", BRUTTO, "--xlsx", out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^«ut-skadet\.xlsx» kan ikke leses som en Excel-arbeidsbok \(\.xlsx\): den er kryptert med passord\./);
    expect(readFileSync(out)).toEqual(before);
  });

  test("an intact workbook still reads (and is the scenario's run)", async () => {
    const again = await lonnJson("avstem", put("hel.xlsx", book));
    expect((again.terminer as unknown[]).length).toBe(6);
  });
});
