import { formatImportError, formatImportErrors, ImportError, parseCsv, sheetReference } from "../../../src/core/import";

const grid = (text: string, delimiter?: ";" | "," | "\t") => {
  const r = parseCsv(text, { delimiter });
  if (!r.ok) throw new Error(r.errors[0].message);
  return r.value;
};

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
    expect(r).toEqual({ ok: false, errors: [{ sheet: "spk.csv", cell: "B2", row: 2, message: "Anførselstegnet som begynner feltet, blir aldri avsluttet." }] });
  });
});

describe("listing import errors", () => {
  const errors: ImportError[] = [
    { sheet: "SAP", cell: "F14", row: 14, column: "Beløp", value: "12,3,4", message: "«12,3,4» er ikke et beløp." },
    { sheet: "Unit4 saldo", row: 3, message: "Mangler kolonnen «Beløp»." },
    { sheet: "SAP", cell: "C14", row: 14, message: "«13.2024» er ikke en periode eller dato." },
    { sheet: "SAP", cell: "AA2", row: 2, message: "x" },
    { sheet: "SAP", message: "Filen har ingen datarader." },
  ];
  test("one error: sheet!cell: message", () => {
    expect(formatImportError(errors[0])).toBe("SAP!F14: «12,3,4» er ikke et beløp.");
    expect(formatImportError(errors[1])).toBe("Unit4 saldo, rad 3: Mangler kolonnen «Beløp».");
    expect(formatImportError(errors[4])).toBe("SAP: Filen har ingen datarader.");
  });
  test("sheet names are quoted as Excel quotes them", () => {
    expect(sheetReference("SAP")).toBe("SAP");
    expect(sheetReference("Lønnsarter")).toBe("Lønnsarter");
    expect(sheetReference("Unit4 saldo")).toBe("'Unit4 saldo'");
    expect(sheetReference("A10")).toBe("'A10'");
    expect(sheetReference("Per's")).toBe("'Per''s'");
    expect(sheetReference("sap-lonnsarter-2024.csv")).toBe("'sap-lonnsarter-2024.csv'");
  });
  test("the list: heading, then sheet by sheet, top to bottom, left to right", () => {
    expect(formatImportErrors(errors)).toEqual([
      "Importen ble avvist (5 feil); ingenting er skrevet:",
      "SAP: Filen har ingen datarader.",
      "SAP!AA2: x",
      "SAP!C14: «13.2024» er ikke en periode eller dato.",
      "SAP!F14: «12,3,4» er ikke et beløp.",
      "Unit4 saldo, rad 3: Mangler kolonnen «Beløp».",
    ]);
  });
  test("cut after max lines, with the rest counted", () => {
    expect(formatImportErrors(errors, 2)).toEqual([
      "Importen ble avvist (5 feil); ingenting er skrevet:",
      "SAP: Filen har ingen datarader.",
      "SAP!AA2: x",
      "… og 3 feil til.",
    ]);
    expect(formatImportErrors([])).toEqual([]);
    expect(formatImportErrors([errors[0]])[0]).toBe("Importen ble avvist (1 feil); ingenting er skrevet:");
  });
});
