/**
 * Decoding an export's bytes (issue 13, item 14): UTF-8, Windows-1252 and UTF-16 (LE/BE, with and
 * without a byte-order mark) give the same text; a UTF-8 file with one bad byte is a problem naming
 * its row, never Windows-1252 with garbled letters; a file that is not text says what it is.
 */
import { createTextBytesDecoder } from "../../../src/core/import/text-bytes";
import { Checked, isProblems } from "../../../src/core/problem/problem";
import { ok, problemsOf } from "../../support/checked";

const TEXT = "Lønnsart;Beløp;Tekst\r\n7300;1 234,50;Blåbær – €\r\n";

/** The decoded text of `bytes` fed in pieces cut at `cuts`. */
function decode(bytes: Uint8Array, cuts: readonly number[] = []): Checked<string> {
  const d = createTextBytesDecoder("fil.csv");
  let text = "";
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    const part = d.write(bytes.subarray(from, cut));
    if (isProblems(part)) return part;
    text += part;
    from = cut;
  }
  const rest = d.end();
  return isProblems(rest) ? rest : text + rest;
}

const utf16be = (text: string) => Buffer.from(text, "utf16le").swap16();
const cp1252 = (text: string) => Buffer.from([...text].map((c) => (c === "€" ? 0x80 : c === "–" ? 0x96 : c.charCodeAt(0))));

describe("the encodings exports come in", () => {
  const cases: [string, Buffer][] = [
    ["UTF-8", Buffer.from(TEXT, "utf8")],
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, "utf8")])],
    ["UTF-16LE with BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, "utf16le")])],
    ["UTF-16BE with BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)])],
    ["UTF-16LE without BOM", Buffer.from(TEXT, "utf16le")],
    ["UTF-16BE without BOM", utf16be(TEXT)],
    ["Windows-1252", cp1252(TEXT)],
  ];
  test.each(cases)("%s gives the text, however the bytes are cut", (_, bytes) => {
    expect(ok(decode(bytes))).toBe(TEXT);
    for (let cut = 0; cut <= bytes.length; cut++) expect(ok(decode(bytes, [cut, Math.min(bytes.length, cut + 1)]))).toBe(TEXT);
  });

  test("Windows-1252 whose first non-ASCII byte comes after the first kilobyte", () => {
    const text = `${"Konto;Beløp\n".replace("ø", "o").repeat(200)}Lønn;5\n`;
    expect(ok(decode(cp1252(text), [700, 1500]))).toBe(text);
  });
});

describe("bytes that are not what they seem", () => {
  test("a UTF-8 file with one bad byte: the row is named, nothing is decoded as Windows-1252", () => {
    const bytes = Buffer.concat([Buffer.from("Lønnsart;For-periode;Beløp\n7300;01.2024;5\n7350;01.2024;6 L", "utf8"), Buffer.from([0xf8]), Buffer.from("nn\n", "utf8")]);
    expect(problemsOf(decode(bytes))).toEqual([
      {
        sheet: "fil.csv",
        row: 3,
        message:
          "Raden har en byte (0xF8) som ikke er gyldig UTF-8, mens resten av filen er UTF-8; filen kan være skadet eller satt sammen av filer med ulike tegnsett. " +
          "Rett tegnet på raden, eller lagre filen på nytt som UTF-8 (i Excel: «CSV UTF-8»).",
      },
    ]);
  });

  test("a bad byte before the first UTF-8 letter, with UTF-8 letters after it, is refused at the bad byte's row", () => {
    const bytes = Buffer.concat([Buffer.from("Konto;Belop\n5420;5 ", "utf8"), Buffer.from([0xe6]), Buffer.from("\n2810;6 Blåbær\n", "utf8")]);
    for (const cuts of [[], [17], [22], [23]]) {
      expect(problemsOf(decode(bytes, cuts))).toEqual([{ sheet: "fil.csv", row: 2, message: expect.stringMatching(/^Raden har en byte \(0xE6\) som ikke er gyldig UTF-8, men filen har UTF-8-tegn lenger ned/) }]);
    }
  });

  test("a UTF-8 file with a BOM and a bad byte is refused even before any letter", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Konto\n", "utf8"), Buffer.from([0xc3, 0x41])]);
    expect(problemsOf(decode(bytes))).toEqual([{ sheet: "fil.csv", row: 2, message: expect.stringMatching(/^Raden har en byte \(0xC3\)/) }]);
  });

  test("a UTF-16 file cut in the middle of a character", () => {
    expect(problemsOf(decode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Konto\n5", "utf16le"), Buffer.from([0x35])])))[0].message).toMatch(/^Filen er UTF-16LE, men slutter midt i et tegn/);
  });

  test("a workbook, an old .xls and a binary file are named for what they are", () => {
    const said = (bytes: number[]) => problemsOf(decode(Buffer.from([...bytes, ...Buffer.from("x".repeat(2000))])))[0].message;
    expect(said([0x50, 0x4b, 0x03, 0x04])).toMatch(/^Filen er en zip-pakke \(trolig en Excel-arbeidsbok, \.xlsx\), ikke en CSV-fil/);
    expect(said([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])).toMatch(/^Filen er en gammel Excel-fil \(\.xls\) eller en passordbeskyttet arbeidsbok/);
    expect(said([0x00, 0x00, 0x00, 0x01, 0x02])).toMatch(/^Filen har NUL-byte og er ikke en tekstfil \(CSV\)/);
  });
});
