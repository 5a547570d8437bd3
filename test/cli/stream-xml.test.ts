/**
 * The CLI's XML shell: files streamed in chunks into core's readers give what the readers give
 * on the whole text, whatever the encoding; an unreadable file is a problem naming it.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readAmeldingFiles, readSaftFile, readXmlFile, streamTextFile } from "../../src/cli/stream-xml";
import { readAmeldinger } from "../../src/core/import/amelding";
import { readSaft } from "../../src/core/import/saft";
import { createAmeldingReader } from "../../src/core/import/amelding";
import { isProblems } from "../../src/core/problem/problem";
import { ameldingFiles, ok, problemsOf, sampleScenario, sampleText, TREKK_SAMPLES } from "../core/import/trekk-helpers";

const kontoer = ["2600", "2770", "2640", "2650"];
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "lonn-stream-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const collect = async (path: string, chunkSize?: number) => {
  const parts: string[] = [];
  const r = await streamTextFile(path, { write: (c) => parts.push(c) }, { chunkSize });
  return isProblems(r) ? r : parts.join("");
};

describe("streaming XML files into core's readers", () => {
  test("the year of a-meldinger, streamed in 4 KiB chunks, reads as the whole texts do", async () => {
    const files = ameldingFiles();
    const streamed = ok(await readAmeldingFiles(files.map((f) => join(TREKK_SAMPLES, f)), { aar: 2026, chunkSize: 4096 }));
    const whole = ok(readAmeldinger(files.map((f) => ({ file: join(TREKK_SAMPLES, f), text: sampleText(f) })), { aar: 2026 }));
    expect(streamed).toEqual(whole);
    expect(streamed.maaneder).toEqual(sampleScenario().amelding);
  });

  test("the SAF-T file in odd-sized chunks (split inside tags, entities and multi-byte characters)", async () => {
    const path = join(TREKK_SAMPLES, "saft-2026.xml");
    const streamed = ok(await readSaftFile(path, { kontoer, aar: 2026, chunkSize: 1237 }));
    expect(streamed).toEqual(ok(readSaft(sampleText("saft-2026.xml"), { file: path, kontoer, aar: 2026 })));
    expect(streamed.hovedbok).toEqual(sampleScenario().hovedbok);
  });

  test("encodings: UTF-8 with and without BOM, UTF-16LE and UTF-16BE with BOM, ISO-8859-1 and Windows-1252 by declaration", async () => {
    const body = "<a>Blåbærsyltetøy – €</a>";
    const cases: [string, Buffer, string][] = [
      ["utf8.xml", Buffer.from(`<?xml version="1.0"?>${body}`, "utf8"), `<?xml version="1.0"?>${body}`],
      ["bom.xml", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, "utf8")]), body],
      ["utf16le.xml", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, "utf16le")]), body],
      ["utf16be.xml", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(body, "utf16le").swap16()]), body],
      ["latin1.xml", Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?><a>Blåbær</a>`, "latin1"), `<?xml version="1.0" encoding="ISO-8859-1"?><a>Blåbær</a>`],
      ["cp1252.xml", Buffer.from([...Buffer.from(`<?xml version="1.0" encoding="windows-1252"?><a>`, "latin1"), 0x80, ...Buffer.from("</a>")]), `<?xml version="1.0" encoding="windows-1252"?><a>€</a>`],
    ];
    for (const [name, bytes, text] of cases) {
      writeFileSync(join(dir, name), bytes);
      expect(await collect(join(dir, name), 3)).toBe(text);
    }
  });

  test("a file that cannot be read or decoded is a problem naming it", async () => {
    writeFileSync(join(dir, "bad.xml"), Buffer.from([0x3c, 0x61, 0x3e, 0xff, 0xfe, 0x3c, 0x2f, 0x61, 0x3e]));
    writeFileSync(join(dir, "ebcdic.xml"), Buffer.from('<?xml version="1.0" encoding="EBCDIC-NO"?><a/>', "latin1"));
    const missing = join(dir, "nope.xml");
    expect(problemsOf(await readXmlFile(join(dir, "bad.xml"), createAmeldingReader("bad.xml")))).toEqual([
      { file: join(dir, "bad.xml"), message: "Filen er ikke gyldig UTF-8 (feil i byte 1–9); lagre den som UTF-8, eller oppgi tegnsettet i XML-deklarasjonen." },
    ]);
    expect(problemsOf(await readXmlFile(join(dir, "ebcdic.xml"), createAmeldingReader("ebcdic.xml")))[0].message).toBe(
      "Tegnsettet «EBCDIC-NO» i XML-deklarasjonen leses ikke; lagre filen som UTF-8.",
    );
    expect(problemsOf(await readAmeldingFiles([missing]))).toEqual([{ file: missing, message: `Fant ikke filen «${missing}».` }]);
  });

  test("problems of several files come together, each naming its file and line", async () => {
    writeFileSync(join(dir, "a.xml"), "<melding xmlns='urn:ske:fastsetting:innsamling:a-meldingen:v2_3'>\n<Leveranse>\n</melding>");
    writeFileSync(join(dir, "b.xml"), "<melding xmlns='urn:ske:fastsetting:innsamling:a-meldingen:v2_2'/>");
    const list = problemsOf(await readAmeldingFiles([join(dir, "a.xml"), join(dir, "b.xml")]));
    expect(list.map((p) => [p.file, p.row, p.element])).toEqual([
      [join(dir, "a.xml"), 3, "Leveranse"],
      [join(dir, "b.xml"), 1, "melding"],
    ]);
  });
});
