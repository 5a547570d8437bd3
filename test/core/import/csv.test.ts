import { parseCsv } from "../../../src/core/import";
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
