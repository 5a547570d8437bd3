import { Ore } from "../../../src/core/money/ore";
import { isProblems, Problems } from "../../../src/core/problem/problem";
import { buildKorreksjonsbilag } from "../../../src/core/spk/bilag";
import { Bilag } from "../../../src/core/spk/types";
import { spkExportSettings } from "../../../src/core/usecase/spk";
import { amountText, CSV_COLUMNS, csvField, toCsv } from "../../../src/core/voucher/csv";
import { ExportSettings } from "../../../src/core/voucher/export-check";
import { GL07_FIELDS, GL07_LINE_LENGTH, GL07_POSITIONS, toGl07 } from "../../../src/core/voucher/gl07";
import { avstemming, oppsett, ore, terminResult } from "../../support/fixtures";
import { ok } from "../../support/checked";

// Brutto terminvis, T1: R = 12 345,67, T = 1 712,34; T3: R = −2 500,50, T = −346,82 (hand-computed in bilag.test.ts).
// Koststed (dim_1) spread 1:1 on cost lines with 10000 on balance lines; prosjekt (dim_3) single value.
const o = oppsett({
  dimensjoner: [
    { nummer: 1, navn: "Koststed", verdi: "10000", pakrevd: true, fordeling: [{ verdi: "10100", vekt: 1 }, { verdi: "10200", vekt: 1 }] },
    { nummer: 3, navn: "Prosjekt", verdi: "P-77" },
  ],
});
const bilag = ok(buildKorreksjonsbilag(avstemming(o, [terminResult(1, { R: 12345.67, T: 1712.34 }), terminResult(3, { R: -2500.5, T: -346.82 })])));
const eks = spkExportSettings(o);

/** The reference's 1-based From–To (spk-dfo.md §4.1), typed from the table, not computed. */
const REFERENCE: Record<string, [number, number]> = {
  batch_id: [1, 25], interface: [26, 50], voucher_type: [51, 75], trans_type: [76, 77], client: [78, 102],
  account: [103, 127], dim_1: [128, 152], dim_2: [153, 177], dim_3: [178, 202], dim_4: [203, 227], dim_5: [228, 252],
  dim_6: [253, 277], dim_7: [278, 302], tax_code: [303, 327], tax_system: [328, 352], currency: [353, 377],
  dc_flag: [378, 379], cur_amount: [380, 399], amount: [400, 419], number_1: [420, 430], value_1: [431, 450],
  value_2: [451, 470], value_3: [471, 490], description: [491, 745], trans_date: [746, 753], voucher_date: [754, 761],
  voucher_no: [762, 776], period: [777, 782], tax_id: [783, 783], ext_inv_ref: [784, 883], ext_ref: [884, 1138],
  due_date: [1139, 1146], disc_date: [1147, 1154], discount: [1155, 1174], commitment: [1175, 1199],
  order_id: [1200, 1214], kid: [1215, 1241], pay_transfer: [1242, 1243], status: [1244, 1244], apar_type: [1245, 1245],
  apar_id: [1246, 1270], pay_flag: [1271, 1271], voucher_ref: [1272, 1286], sequence_ref: [1287, 1295],
  intrule_id: [1296, 1320], factor_short: [1321, 1345], responsible: [1346, 1370], apar_name: [1371, 1625],
  address: [1626, 1785], province: [1786, 1825], place: [1826, 1865], bank_account: [1866, 1900],
  pay_method: [1901, 1902], vat_reg_no: [1903, 1927], zip_code: [1928, 1942], curr_licence: [1943, 1945],
  account2: [1946, 1970], base_amount: [1971, 1990], base_curr: [1991, 2010], pay_temp_id: [2011, 2014],
  allocation_key: [2015, 2017], period_no: [2018, 2019], clearing_code: [2020, 2032], swift: [2033, 2043],
  arrive_id: [2044, 2058], bank_acc_type: [2059, 2060],
};

/** A field read back by its 1-based reference position, padding stripped. */
const field = (line: string, name: string) => {
  const [from, to] = REFERENCE[name];
  return line.slice(from - 1, to).trimEnd();
};

describe("GL07 fixed width", () => {
  const text = ok(toGl07(bilag, eks));
  const lines = text.split("\r\n");

  test("the field table matches the reference positions, 66 fields, 2060 characters", () => {
    expect(GL07_FIELDS).toHaveLength(66);
    expect(Object.keys(REFERENCE)).toHaveLength(66);
    for (const [name, [from, to]] of Object.entries(REFERENCE)) expect([name, GL07_POSITIONS[name].fra, GL07_POSITIONS[name].fra + GL07_POSITIONS[name].lengde - 1]).toEqual([name, from, to]);
    expect(GL07_FIELDS.reduce((a, [, w]) => a + w, 0)).toBe(GL07_LINE_LENGTH);
  });

  test("one CRLF-terminated line per voucher line, each exactly 2060 characters", () => {
    expect(text.endsWith("\r\n")).toBe(true);
    expect(lines.pop()).toBe("");
    expect(lines).toHaveLength(bilag.reduce((a, b) => a + b.linjer.length, 0));
    expect(lines).toHaveLength(12);
    for (const l of lines) expect(l.length).toBe(2060);
  });

  test("fields read back by position: account, dims, amounts in signed øre, dates, period", () => {
    const read = lines.map((l) => ["account", "dim_1", "dim_3", "dc_flag", "cur_amount", "amount", "trans_date", "voucher_date", "voucher_no", "period", "ext_ref"].map((f) => field(l, f)));
    expect(read).toEqual([
      // T1: 12 345,67 by 1:1 → 6 172,84 / 6 172,83 (tie to the first); 1 712,34 → 856,17 / 856,17
      ["5420", "10100", "P-77", "1", "617284", "617284", "20240229", "20240229", "1", "202402", "SPK-2024-T1"],
      ["5420", "10200", "P-77", "1", "617283", "617283", "20240229", "20240229", "1", "202402", "SPK-2024-T1"],
      ["2820", "10000", "P-77", "-1", "-1234567", "-1234567", "20240229", "20240229", "1", "202402", "SPK-2024-T1"],
      ["5401", "10100", "P-77", "1", "85617", "85617", "20240229", "20240229", "1", "202402", "SPK-2024-T1"],
      ["5401", "10200", "P-77", "1", "85617", "85617", "20240229", "20240229", "1", "202402", "SPK-2024-T1"],
      ["1986", "10000", "P-77", "-1", "-171234", "-171234", "20240229", "20240229", "1", "202402", "SPK-2024-T1"],
      // T3: −2 500,50 → −1 250,25 each; −346,82 → −173,41 each
      ["5420", "10100", "P-77", "-1", "-125025", "-125025", "20240630", "20240630", "2", "202406", "SPK-2024-T3"],
      ["5420", "10200", "P-77", "-1", "-125025", "-125025", "20240630", "20240630", "2", "202406", "SPK-2024-T3"],
      ["2820", "10000", "P-77", "1", "250050", "250050", "20240630", "20240630", "2", "202406", "SPK-2024-T3"],
      ["5401", "10100", "P-77", "-1", "-17341", "-17341", "20240630", "20240630", "2", "202406", "SPK-2024-T3"],
      ["5401", "10200", "P-77", "-1", "-17341", "-17341", "20240630", "20240630", "2", "202406", "SPK-2024-T3"],
      ["1986", "10000", "P-77", "1", "34682", "34682", "20240630", "20240630", "2", "202406", "SPK-2024-T3"],
    ]);
  });

  test("fixed fields: batch, interface, bilagsart, GL, client, tax code 0, NOK, description; the rest blank", () => {
    const l = lines[0];
    expect(["batch_id", "interface", "voucher_type", "trans_type", "client", "tax_code", "currency"].map((f) => field(l, f)))
      .toEqual(["SPK-2024", "BI", "KB", "GL", "72", "0", "NOK"]);
    expect(field(l, "description")).toBe("SPK-premie T1 2024: resultatføring differanse");
    expect(field(l, "dim_2") + field(l, "dim_4") + field(l, "tax_system") + field(l, "apar_id") + field(l, "bank_acc_type")).toBe("");
    // left-aligned, space-padded, as the reference library
    expect(l.slice(379, 399)).toBe("617284              ");
  });

  test("amounts sum to 0 per voucher", () => {
    const byVoucher = new Map<string, number>();
    for (const l of lines) byVoucher.set(field(l, "voucher_no"), (byVoucher.get(field(l, "voucher_no")) ?? 0) + Number(field(l, "amount")));
    expect([...byVoucher.entries()]).toEqual([["1", 0], ["2", 0]]);
  });

  test("LF line ends on request; voucher numbers can start elsewhere", () => {
    const t = ok(toGl07(bilag, { ...eks, forsteBilagsnummer: 5000 }, { linjeskift: "\n" }));
    const ls = t.split("\n").slice(0, -1);
    expect(ls.every((l) => l.length === 2060)).toBe(true);
    expect(ls.map((l) => field(l, "voucher_no"))).toEqual([...Array(6).fill("5000"), ...Array(6).fill("5001")]);
  });
});

/** A voucher typed by hand: [konto, beløp in kroner, dimensions, text] per line. */
function handmade(linjer: [string, number, Record<number, string>?, string?][]): Bilag {
  return withLines(linjer.map(([konto, kroner, dimensjoner, tekst]) => [konto, ore(kroner), dimensjoner, tekst]));
}

/** The same with each line's amount as the øre the model would hold. */
function withLines(linjer: [string, Ore, Record<number, string>?, string?][]): Bilag {
  return {
    id: "SPK-2024-T2", termin: 2, tekst: "t", dato: "2024-04-30", periode: "202404",
    linjer: linjer.map(([konto, belop, dimensjoner = {}, tekst = "tekst"], i) => ({ termin: 2, linje: i + 1, konto, belop, tekst, dimensjoner })),
  };
}

describe("refusals (both exports), naming voucher and line", () => {
  const both = (b: Bilag[], e: ExportSettings = eks) => [toCsv(b, e), toGl07(b, e)].map((r) => (r as Problems).message);

  test("an unbalanced voucher", () => {
    for (const m of both([handmade([["5420", 100, { 1: "1" }], ["2820", -99.99]])])) {
      expect(m).toBe("Eksporten er stoppet: Bilag SPK-2024-T2 går ikke i null: summen av linjene er 0,01 kr.");
    }
  });
  test("a cost line without a required dimension (balance lines need none)", () => {
    for (const m of both([handmade([["5420", 100], ["2820", -100]])])) {
      expect(m).toBe("Eksporten er stoppet: Bilag SPK-2024-T2, linje 1 (konto 5420): mangler Koststed (dim_1), som er påkrevd.");
    }
  });
  test("fractions of an øre, missing firma", () => {
    // 100,001 kr is 10 000,1 øre: a line the model cannot hold, and an export must not write.
    expect(both([withLines([["5420", 10000.1 as Ore, { 1: "1" }], ["2820", -10000.1 as Ore]])])[0]).toMatch(/linje 1: beløpet \(100.001\) har brøkdeler av øre/);
    expect(both(bilag, { ...eks, firma: "" })[1]).toMatch(/Firmakoden/);
  });
  test("GL07: an over-long value is refused, not cut", () => {
    const long = "K".repeat(26);
    const m = (toGl07([handmade([["5420", 1, { 1: long }], ["2820", -1]])], eks) as Problems).message;
    expect(m).toBe(`GL07-eksporten er stoppet: Bilag SPK-2024-T2, linje 1, feltet dim_1: «${long}» er 26 tegn; plass til 25.`);
    const ok25 = toGl07([handmade([["5420", 1, { 1: "K".repeat(25) }], ["2820", -1]])], eks);
    expect(isProblems(ok25)).toBe(false);
  });
  test("GL07: characters outside Latin-1 or line breaks are refused (æøå are fine)", () => {
    expect((toGl07([handmade([["5420", 1, { 1: "1" }, "fra 13 % → 14 %"], ["2820", -1]])], eks) as Problems).message)
      .toMatch(/linje 1, feltet description: .* har tegn som ikke kan skrives/);
    expect(isProblems(toGl07([handmade([["5420", 1, { 1: "1" }, "a\r\nb"], ["2820", -1]])], eks))).toBe(true);
    expect(isProblems(toGl07([handmade([["5420", 1, { 1: "1" }, "Lønn, særtrekk, å"], ["2820", -1]])], eks))).toBe(false);
  });
});

describe("CSV", () => {
  const text = ok(toCsv(bilag, eks));

  test("UTF-8 BOM, header row, semicolons, CRLF", () => {
    expect(text.startsWith("\uFEFF")).toBe(true);
    const rows = text.slice(1).split("\r\n");
    expect(rows.pop()).toBe("");
    expect(rows[0]).toBe(CSV_COLUMNS.join(";"));
    expect(rows).toHaveLength(13);
    expect(text.replace(/\r\n/g, "").includes("\n")).toBe(false);
  });

  test("a line in acrbatchinput order, decimal comma, signed amounts", () => {
    const rows = text.slice(1).split("\r\n");
    expect(rows[1]).toBe("SPK-2024;BI;KB;GL;72;5420;10100;;P-77;;;;;0;NOK;1;6172,84;6172,84;SPK-premie T1 2024: resultatføring differanse;2024-02-29;2024-02-29;1;202402;SPK-2024-T1;1");
    expect(rows[3].split(";").slice(15, 18)).toEqual(["-1", "-12345,67", "-12345,67"]);
  });

  test("decimal dot on request", () => {
    const rows = ok(toCsv(bilag, eks, { desimaltegn: "." })).slice(1).split("\r\n");
    expect(rows[3].split(";").slice(16, 18)).toEqual(["-12345.67", "-12345.67"]);
  });

  test("quoting: separator, quotes, line breaks and edge spaces", () => {
    expect(csvField("a;b")).toBe('"a;b"');
    expect(csvField('si "hei"')).toBe('"si ""hei"""');
    expect(csvField("a\nb")).toBe('"a\nb"');
    expect(csvField(" x")).toBe('" x"');
    expect(csvField("Lønn 2024")).toBe("Lønn 2024");
    const t = ok(toCsv([handmade([["5420", 1, { 1: "1" }, 'Trekk; "kantine"'], ["2820", -1]])], eks));
    expect(t.split("\r\n")[1]).toContain(';"Trekk; ""kantine""";');
  });

  test("amount text", () => {
    expect(amountText(-5, ",")).toBe("-0,05");
    expect(amountText(123456789, ",")).toBe("1234567,89");
    expect(amountText(0, ".")).toBe("0.00");
  });
});
