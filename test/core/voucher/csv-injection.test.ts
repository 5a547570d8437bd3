import { asOre } from "../../../src/core/money/ore";
import { csvField, neutralised, toCsv } from "../../../src/core/voucher/csv";
import { Bilag } from "../../../src/core/voucher/types";

describe("CSV formula injection (OWASP): a text never becomes a formula", () => {
  test.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ["+SUM(1)", "'+SUM(1)"],
    ["@SUM(1)", "'@SUM(1)"],
    ["-2+3", "'-2+3"],
    ["\tTAB", "'\tTAB"],
    ["\rCR", "'\rCR"],
  ])("%j is neutralised", (text, safe) => {
    expect(neutralised(text)).toBe(safe);
  });

  test.each(["-1234,56", "-1234.56", "1234", "-1", "SPK-2024-T1", "Koststed 1001"])("%j stays as it is", (text) => {
    expect(neutralised(text)).toBe(text);
  });

  test("quoting still applies after neutralising", () => {
    expect(csvField('=HYPERLINK("x";"y")')).toBe(`"'=HYPERLINK(""x"";""y"")"`);
  });

  test("hostile dimension, firma and bilagsart values in a whole export", () => {
    const bilag: Bilag = {
      id: "SPK-2024-T1",
      termin: 1,
      tekst: "t",
      dato: "2024-02-29",
      periode: "202402",
      linjer: [
        { termin: 1, linje: 1, konto: "5420", belop: asOre(10000), tekst: "@SUM(1)", dimensjoner: { 1: "=cmd|' /C calc'!A0" } },
        { termin: 1, linje: 2, konto: "2820", belop: asOre(-10000), tekst: "-2+3", dimensjoner: {} },
      ],
    };
    const csv = toCsv([bilag], { firma: "+SUM(1)", bilagsart: "\tB1" });
    if (typeof csv !== "string") throw csv;
    const fields = csv.slice(1).split("\r\n").slice(1, -1).flatMap((l) => l.split(";"));
    const dangerous = fields.filter((f) => /^[=+\-@\t\r]/.test(f) && !/^-?\d+([.,]\d+)?$/.test(f));
    expect(dangerous).toEqual([]);
    expect(csv).toContain(";'+SUM(1);");
    expect(csv).toContain(";-100,00;-100,00;");
  });
});
