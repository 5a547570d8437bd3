import { parseCsv } from "../../../src/core/import";
import { createCsvParser, CSV_LIMITS } from "../../../src/core/import/csv";
import { ok, problemsOf } from "../../support/checked";

const grid = (text: string, delimiter?: ";" | "," | "\t") => ok(parseCsv(text, { delimiter }));

describe("CSV text to a grid", () => {
  test("semicolons, LF, no trailing empty row", () => {
    expect(grid("a;b\n1;2\n")).toEqual({ values: [["a", "b"], ["1", "2"]], delimiter: ";" });
  });
  test("CRLF and CR line ends, and a BOM", () => {
    expect(grid("\ufeffKonto;Beløp\r\n5420;1 234,50\r\n2810;-5\r").values).toEqual([["Konto", "Beløp"], ["5420", "1 234,50"], ["2810", "-5"]]);
  });
  test("quoted fields: separators, quotes and line breaks inside", () => {
    expect(grid('Tekst;Beløp\n"Lønn; januar";"1 234,50"\n"Han sa ""hei""";2\n"to\nlinjer";3').values).toEqual([
      ["Tekst", "Beløp"],
      ["Lønn; januar", "1 234,50"],
      ['Han sa "hei"', "2"],
      ["to\nlinjer", "3"],
    ]);
  });
  test("comma separated with quoted decimal commas", () => {
    expect(grid('Konto,Beløp\n5420,"1 234,50"\n')).toEqual({ values: [["Konto", "Beløp"], ["5420", "1 234,50"]], delimiter: "," });
  });
  test("tab separated (a paste from a sheet)", () => {
    expect(grid("Konto\tBeløp\n5420\t1 234,50").values).toEqual([["Konto", "Beløp"], ["5420", "1 234,50"]]);
  });
  test("the separator is the commonest in the first non-empty line; ; wins a tie", () => {
    expect(grid("\n\nA;B,C;D\n").delimiter).toBe(";");
    expect(grid("A,B,C;D").delimiter).toBe(",");
    expect(grid("A;B,C").delimiter).toBe(";");
    expect(grid('"x;y",b,c').delimiter).toBe(",");
    expect(grid("Ark uten skilletegn").delimiter).toBe(";");
  });
  test("Excel's sep= line chooses the separator and is not a row", () => {
    expect(grid("sep=,\r\nA;B,C\r\n")).toEqual({ values: [["A;B", "C"]], delimiter: "," });
  });
  test("a given separator wins", () => {
    expect(grid("A;B,C", ",").values).toEqual([["A;B", "C"]]);
  });
  test("empty lines stay as empty rows; ragged rows stay ragged; fields are not trimmed", () => {
    expect(grid("a;b\n\n c ;d;e\n").values).toEqual([["a", "b"], [""], [" c ", "d", "e"]]);
  });
  test("empty text is an empty grid", () => {
    expect(grid("").values).toEqual([]);
    expect(grid("\ufeff").values).toEqual([]);
  });
  test("an unterminated quote is an error naming where it starts", () => {
    const r = parseCsv('a;b\n1;"2\n3;4\n', { sheet: "spk.csv" });
    expect(problemsOf(r)).toEqual([{ sheet: "spk.csv", cell: "B2", row: 2, message: "Anførselstegnet som begynner feltet, blir aldri avsluttet." }]);
  });
});

describe("separators beyond the first line (issue 13, item 14)", () => {
  test("a tab-separated export with title lines (one with a comma) above the header is tab-separated", () => {
    const text = "Lønnsartrapport CUS&OPAL34\nUtvalg: For-periode 01.2024–12.2024, firma 1001\n\nLønnsart\tFor-periode\tBeløp\n7300\t01.2024\t1 234,50\n7350\t01.2024\t200,00\n";
    const g = grid(text);
    expect(g.delimiter).toBe("\t");
    expect(g.values[3]).toEqual(["Lønnsart", "For-periode", "Beløp"]);
    expect(g.values[4]).toEqual(["7300", "01.2024", "1 234,50"]);
  });
  test("a comma-separated export with a title line holding semicolons is comma-separated", () => {
    const g = grid('Rapport; SPK; 2024\nKonto,Periode,Bilagsart,Beløp\n5420,202401,B1,"1 234,50"\n2810,202401,B1,"-1 234,50"\n');
    expect(g.delimiter).toBe(",");
    expect(g.values[1]).toEqual(["Konto", "Periode", "Bilagsart", "Beløp"]);
  });
  test("a semicolon file whose amounts have decimal commas stays semicolon-separated", () => {
    expect(grid("Konto;Beløp\n5420;1 234,50\n2810;-1 234,50\n").delimiter).toBe(";");
  });
});

describe("text normalised to NFC", () => {
  test("a decomposed «Å» (A + combining ring) in a header and a value is the composed letter", () => {
    const g = grid("A\u030apningsbalanse;Mottaker\n1;Fagforbundet A\u030asane\n");
    expect(g.values).toEqual([["Åpningsbalanse", "Mottaker"], ["1", "Fagforbundet Åsane"]]);
  });
});

describe("streamed in chunks", () => {
  const text = 'sep=;\r\nTekst;Beløp\r\n"Lønn; ""januar""";"1 234,50"\r\n"to\r\nlinjer";3\rA\u030a;4\n';
  test("every cut gives the grid of the whole text", () => {
    const whole = ok(parseCsv(text));
    for (let a = 0; a <= text.length; a++) {
      for (const b of [a, a + 1, a + 7]) {
        const p = createCsvParser();
        p.write(text.slice(0, a));
        p.write(text.slice(a, b));
        p.write(text.slice(b));
        expect(ok(p.end())).toEqual(whole);
      }
    }
  });
});

describe("limits: a file that is not a sensible export stops the parser", () => {
  test(`more than ${CSV_LIMITS.rows} rows (an Excel sheet's) is refused at the first row too many`, () => {
    const r = parseCsv("a\n".repeat(CSV_LIMITS.rows + 1), { sheet: "stor.csv" });
    expect(problemsOf(r)).toEqual([{ sheet: "stor.csv", row: CSV_LIMITS.rows + 1, message: expect.stringMatching(/^Filen har mer enn 1 048 576 rader, flere enn et Excel-ark har plass til/) }]);
  });
  test(`more than ${CSV_LIMITS.cells} fields (a file of separators) is refused`, () => {
    const p = createCsvParser({ sheet: "semikolon.csv" });
    const chunk = ";".repeat(1 << 20);
    for (let i = 0; i < 20 && !p.problem; i++) p.write(chunk);
    expect(p.problem?.message).toMatch(/^Filen har mer enn 20 000 000 felt/);
    expect(problemsOf(p.end())).toHaveLength(1);
  });
  test("a field longer than an Excel cell holds: an unterminated quote is said as one, at the field's cell", () => {
    expect(problemsOf(parseCsv(`a;"${"x".repeat(40_000)}`, { sheet: "s.csv" }))).toEqual([
      { sheet: "s.csv", cell: "B1", row: 1, message: "Feltet i B1 er lengre enn 32 767 tegn, mer enn en Excel-celle kan holde. Trolig mangler anførselstegnet som skulle avslutte det." },
    ]);
    expect(problemsOf(parseCsv(`a\n${"x".repeat(40_000)}`, { sheet: "s.csv" }))[0]).toMatchObject({ cell: "A2", message: expect.stringMatching(/skilletegnene ; , eller tabulator/) });
  });
});
