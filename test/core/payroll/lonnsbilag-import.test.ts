/**
 * The payroll journal as both shells hand it to core (usecase/lonnsbilag-import): a file's bytes
 * (CSV in UTF-8 or Latin-1, JSON) with the oppsett file's bytes, or a sheet; the same vouchers as
 * the bundled sample's script computes, and every problem placed in its file, row or cell.
 */
import { execFileSync } from "child_process";
import { readFileSync } from "fs";
import { join } from "path";
import { isProblems } from "../../../src/core/problem/problem";
import { decodeText } from "../../../src/core/import/text-file";
import { formatProblem } from "../../../src/core/problem/problem";
import { journalFile, oppsettFile, runLonnsbilagOf } from "../../../src/core/usecase/lonnsbilag-import";
import { ok, problemsOf } from "../../support/checked";

const ROOT = join(__dirname, "..", "..", "..");
const SAMPLE = join(ROOT, "assets", "samples", "lonnsbilag");
const bytes = (file: string): Uint8Array => new Uint8Array(readFileSync(join(SAMPLE, file)));
const latin1 = (text: string): Uint8Array => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

interface ExpectedVoucher {
  readonly id: string;
  readonly linjer: readonly { readonly konto: string; readonly belop: number }[];
}
const expected: ExpectedVoucher[] = JSON.parse(execFileSync(process.execPath, [join(ROOT, "scripts", "make-lonnsbilag-samples.mjs"), "--expected"], { encoding: "utf8" }));
const linesOf = (vouchers: readonly { id: string; linjer: readonly { konto: string; belop: number }[] }[]) => vouchers.map((b) => [b.id, b.linjer.map((l) => [l.konto, l.belop])]);

describe("the sample journal as bytes", () => {
  test("the CSV (UTF-8 with BOM) with the oppsett file gives the script's vouchers, øre for øre", () => {
    const run = ok(runLonnsbilagOf(journalFile("lonnsjournal-2024-11.csv", bytes("lonnsjournal-2024-11.csv")), oppsettFile("oppsett.json", bytes("oppsett.json"))));
    expect(linesOf(run.bilag)).toEqual(linesOf(expected));
    expect(run.inputs.source).toBe("lonnsjournal-2024-11.csv, oppsett.json");
    expect(run.inputs.notes).toEqual(["9 rader, 2 utbetalingsdatoer."]);
    expect([run.inputs.journal.virksomhet, run.inputs.journal.firma, run.inputs.journal.bilagsart]).toEqual(["Polarlys Service AS", "10", "LB"]);
  });

  test("the JSON journal gives the same vouchers; an oppsett file beside it is refused at the oppsett", () => {
    const json = journalFile("lonnsjournal-2024-11.json", bytes("lonnsjournal-2024-11.json"));
    expect(linesOf(ok(runLonnsbilagOf(json, undefined)).bilag)).toEqual(linesOf(expected));
    expect(problemsOf(runLonnsbilagOf(json, oppsettFile("oppsett.json", bytes("oppsett.json")))).map(formatProblem)).toEqual([
      "oppsett.json: I en JSON-journal står oppsettet i journalfilen; ta bort oppsettfilen.",
    ]);
  });
});

describe("reading the bytes", () => {
  test("a Latin-1 CSV (an older export) reads its æøå; UTF-8 reads as UTF-8, without its BOM", () => {
    const text = "Utbetalingsdato;Sone;Navn;Brutto;Forskuddstrekk;AGA-grunnlag\r\n20.03.2026;I;Bjørn Ås;1 000,00;300,00;1 000,00\r\n";
    const fromLatin1 = ok(runLonnsbilagOf(journalFile("lønn.csv", latin1(text)), undefined));
    const fromUtf8 = ok(runLonnsbilagOf(journalFile("lønn.csv", utf8(`\ufeff${text}`)), undefined));
    expect(fromLatin1.lonnsbilag[0].nettolonn).toEqual([{ navn: "Bjørn Ås", netto: 70000 }]);
    expect(fromUtf8.lonnsbilag).toEqual(fromLatin1.lonnsbilag);
    expect(decodeText(utf8("\ufeffæøå"), "a.csv")).toBe("æøå");
    expect(decodeText(Uint8Array.from([0x42, 0xf8, 0x72, 0x6e]), "a.csv")).toBe("Børn");
    // The pane's bytes go through the CLI's decoder: UTF-16 with its mark is read too, and a UTF-8
    // file with one bad byte is refused at its row instead of being read as Latin-1.
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x42, 0x00, 0xf8, 0x00]), "a.csv")).toBe("Bø");
    expect(isProblems(decodeText(Uint8Array.from([...utf8("Bjørn;Ås\r\n"), 0x42, 0xf8, 0x72, 0x6e]), "a.csv"))).toBe(true);
  });

  test("a bad row is named by its cell, a JSON syntax error by line and column, a row without a pay date in its file", () => {
    const csv = "Utbetalingsdato;Sone;Navn;Brutto;Forskuddstrekk;AGA-grunnlag\r\n20.03.2026;I;Kari;1 000,00;300,00;1 000,00\r\n20.03.2026;I;Per;1 000,00;1 200,00;1 000,00\r\n";
    expect(problemsOf(runLonnsbilagOf(journalFile("feil.csv", utf8(csv)), undefined)).map(formatProblem)).toEqual([
      "feil.csv!E3: Ansatt «Per»: forskuddstrekk (1 200,00 kr) er større enn brutto lønn (1 000,00 kr).",
    ]);
    expect(problemsOf(runLonnsbilagOf(journalFile("feil.json", utf8('{\n  "rader": 1,\n}')), undefined)).map(formatProblem)[0]).toMatch(/^feil\.json: ugyldig JSON \(linje 3, kolonne 1\)/);
    const undated = journalFile("udatert.json", utf8(JSON.stringify({ rader: [{ navn: "Kari", bruttoLonn: 1000, agaGrunnlag: 1000, sone: "I" }] })));
    expect(problemsOf(runLonnsbilagOf(undated, undefined)).map(formatProblem)).toEqual([
      "udatert.json: rader[0] «Kari» har ingen utbetalingsdato; oppgi bokføringsdatoen for lønnskjøringen (lonn lonnsbilag --dato, eller «Bokføringsdato» i oppgaveruten).",
    ]);
    expect(ok(runLonnsbilagOf(undated, undefined, { dato: "31.01.2025" })).bilag.map((b) => b.id)).toEqual(["LONN-20250131"]);
  });

  test("an oppsett with rows, and a file that is no journal, are refused naming the file", () => {
    const journal = journalFile("lonnsjournal-2024-11.csv", bytes("lonnsjournal-2024-11.csv"));
    expect(problemsOf(runLonnsbilagOf(journal, oppsettFile("lonnsjournal-2024-11.json", bytes("lonnsjournal-2024-11.json")))).map(formatProblem)).toEqual([
      "lonnsjournal-2024-11.json: radene kommer fra lønnsjournalen; fjern «rader» fra oppsettfilen.",
    ]);
    expect(problemsOf(runLonnsbilagOf(journalFile("lonn.txt", utf8("x")), undefined)).map(formatProblem)).toEqual(["lonn.txt: «lonn.txt» er verken .csv, .xlsx eller .json."]);
  });
});
