import { execFileSync } from "child_process";
import { readFileSync } from "fs";
import { join } from "path";
import { importExports } from "../../../src/core/import";
import { Ore } from "../../../src/core/money/ore";
import { ok } from "../../support/checked";
import { inKroner, kr, oreOfText, SAMPLES, sampleSources } from "../../support/fixtures";

/**
 * The bundled sample exports, read end to end. The expected figures are the ones in
 * assets/samples/README.md; make-samples.mjs computes them in whole øre without src/core.
 */

const T = (
  termin: number, B: string, C: string, D: string, E: string, F: string, K: string, L: string, M: string, N: string,
) => ({
  termin,
  sapArbeidsgiverandel: oreOfText(B), sapMedlemsinnskudd: oreOfText(C),
  unit4Pensjonsutgift: oreOfText(D), unit4AvsetningArbeidsgiverandel: oreOfText(E), unit4Medlemsinnskudd: oreOfText(F),
  fakturanummer: K,
  fakturaArbeidsgiverandel: oreOfText(L), fakturaDifferanse: oreOfText(M), fakturaMedlemsinnskudd: oreOfText(N),
});

const EKSEMPELETATEN = [
  T(1, "959 791,29", "167 583,25", "959 791,29", "959 791,29", "167 583,25", "2400117", "959 791,29", "312,55", "167 583,25"),
  T(2, "968 187,62", "168 380,46", "969 437,62", "968 187,62", "168 380,46", "2401130", "968 187,62", "-96,10", "168 380,46"),
  T(3, "1 010 893,49", "175 807,57", "1 010 893,49", "1 010 893,49", "175 807,57", "2402143", "1 010 893,49", "71 480,30", "175 807,57"),
  T(4, "954 997,41", "166 086,51", "954 997,41", "954 997,01", "166 086,91", "2403156", "954 997,41", "148,20", "166 086,51"),
  T(5, "1 017 581,72", "176 970,73", "1 017 581,72", "1 017 581,72", "176 970,73", "2404169", "1 017 581,72", "-18 642,75", "176 970,73"),
  T(6, "1 021 673,89", "177 682,42", "1 021 673,89", "1 021 673,89", "177 682,42", "2405182", "1 021 673,89", "-41,85", "177 682,42"),
];

const NETTOETATEN = [
  T(1, "578 978,61", "104 320,47", "578 978,61", "578 978,61", "104 320,47", "SPK-2024-10442", "579 189,01", "0,00", "104 320,47"),
  T(2, "579 321,78", "104 382,31", "579 321,78", "579 321,78", "104 382,31", "SPK-2024-20442", "638 226,88", "0,00", "105 602,31"),
  T(3, "600 753,93", "108 243,95", "600 753,93", "600 753,93", "108 148,95", "SPK-2024-30442", "600 718,73", "0,00", "108 243,95"),
  T(4, "567 721,75", "102 292,21", "567 721,75", "567 721,75", "102 292,21", "SPK-2024-40442", "555 303,15", "0,00", "101 982,21"),
  T(5, "605 674,65", "109 130,57", "607 674,65", "607 674,65", "109 130,57", "SPK-2024-50442", "605 762,80", "0,00", "109 130,57"),
  T(6, "609 118,80", "109 751,13", "609 118,80", "609 118,80", "109 751,13", "SPK-2024-60442", "609 114,05", "0,00", "109 751,13"),
];

function imported(set: "eksempeletaten" | "nettoetaten", budsjettering: "brutto" | "netto") {
  return ok(importExports(sampleSources(set), { aar: 2024, budsjettering }));
}

describe("Eksempeletaten 2024 (brutto)", () => {
  const v = imported("eksempeletaten", "brutto");

  test("B–F and K–N per termin, exactly", () => expect(v.terminer).toEqual(EKSEMPELETATEN));

  test("brutto posting: O = L − B and P = N − C are 0, Q = M", () => {
    for (const t of v.terminer) {
      expect(t.fakturaArbeidsgiverandel).toBe(t.sapArbeidsgiverandel);
      expect(t.fakturaMedlemsinnskudd).toBe(t.sapMedlemsinnskudd);
    }
  });

  test("the preview shows the invoice as read, per product", () => {
    const t1 = v.preview[0];
    const k1 = inKroner(t1, "termin");
    expect([k1.label, k1.maaneder, k1.B, k1.K, k1.M]).toEqual(["T1", "jan–feb", 959791.29, "2400117", 312.55]);
    const faktura = t1.faktura && { ...inKroner(t1.faktura), produkter: t1.faktura.produkter.map((p) => inKroner(p)) };
    expect(faktura).toEqual({
      arbeidsgiverandel: kr("930 764,37"),
      administrasjon: kr("29 327,07"),
      arbeidsgiverandelInklAdm: kr("960 091,44"),
      medlemsandel: kr("167 595,65"),
      total: kr("1 127 687,09"),
      produkter: [
        { produkt: "PEN", arbeidsgiverandel: kr("849 118,56"), medlemsandel: kr("167 595,65"), administrasjon: kr("29 327,07") },
        { produkt: "AFP", arbeidsgiverandel: kr("41 895,81"), medlemsandel: 0, administrasjon: 0 },
        { produkt: "YSK", arbeidsgiverandel: 18400, medlemsandel: 0, administrasjon: 0 },
        { produkt: "GRU", arbeidsgiverandel: 21350, medlemsandel: 0, administrasjon: 0 },
      ],
    });
    expect(v.preview[5].faktura?.produkter.map((p) => p.produkt)).toEqual(["PEN", "AFP", "TIP", "YSK", "GRU"]);
    expect(v.preview.map((p) => p.rader)).toEqual([
      { sap: 7, unit4: 6, spk: 4 }, { sap: 6, unit4: 7, spk: 4 }, { sap: 6, unit4: 6, spk: 4 },
      { sap: 6, unit4: 6, spk: 4 }, { sap: 6, unit4: 6, spk: 4 }, { sap: 6, unit4: 6, spk: 5 },
    ]);
  });

  test("what each reader did", () => {
    expect(v.summaries.map((s) => [s.sheet, s.headerRow, s.dataRows, s.usedRows, s.ignored, s.emptyRows])).toEqual([
      ["SAP", 4, 50, 37, [{ reason: "andre lønnsarter (1000)", count: 12 }, { reason: "summeringslinjer", count: 1 }], 0],
      ["Unit4", 1, 74, 37, [{ reason: "andre kontoer (5000, 2820 og 2400)", count: 25 }, { reason: "bilagsart utenfor B* (IF)", count: 12 }], 0],
      ["SPK", 1, 31, 25, [{ reason: "summeringslinjer", count: 6 }], 0],
    ]);
    expect(v.notes).toEqual(["SAP: Lønnsartene er eksempelverdier: arbeidsgiverandel 7300 og 7301, medlemsinnskudd 7350. Sett virksomhetens egne lønnsarter i oppsettet."]);
  });
});

describe("Nettoetaten 2024 (netto)", () => {
  const v = imported("nettoetaten", "netto");

  test("B–F and K–N per termin, exactly", () => expect(v.terminer).toEqual(NETTOETATEN));

  test("what each reader did", () => {
    expect(v.summaries.map((s) => [s.sheet, s.headerRow, s.dataRows, s.usedRows, s.ignored, s.emptyRows])).toEqual([
      ["SAP", 3, 48, 36, [{ reason: "andre lønnsarter (8100)", count: 12 }], 0],
      ["Unit4", 1, 63, 38, [{ reason: "andre kontoer (5000)", count: 12 }, { reason: "bilagsart utenfor B* (IF og MV)", count: 13 }], 0],
      ["SPK", 1, 24, 24, [], 6],
    ]);
  });

  test("read as brutto, 2961 is not the provision account, so E stays empty of it", () => {
    const brutto = imported("nettoetaten", "brutto");
    expect(brutto.terminer.map((t) => t.unit4AvsetningArbeidsgiverandel)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe("the sample files and their generator agree", () => {
  const script = join(SAMPLES, "make-samples.mjs");

  test("the files are what make-samples.mjs writes", () => {
    expect(() => execFileSync(process.execPath, [script, "--check"], { stdio: "pipe" })).not.toThrow();
  });

  test("the README shows the generator's tables", () => {
    const readme = readFileSync(join(SAMPLES, "README.md"), "utf8");
    const tables = execFileSync(process.execPath, [script, "--tables"], { encoding: "utf8" });
    const rows = tables.split("\n").filter((line) => line.startsWith("| T"));
    expect(rows.length).toBe(24);
    for (const row of rows) expect(readme).toContain(row);
  });

  test("the generator's own øre totals are the engine's", () => {
    const sets = JSON.parse(execFileSync(process.execPath, [script, "--json"], { encoding: "utf8" })) as {
      name: string;
      totals: { termin: number; B: number; C: number; D: number; E: number; F: number; K: string; L: number; M: number; N: number }[];
    }[];
    const fromGenerator = (i: number) =>
      sets[i].totals.map((t) => ({
        termin: t.termin,
        // The generator's totals are øre, as the model's are now.
        sapArbeidsgiverandel: t.B as Ore, sapMedlemsinnskudd: t.C as Ore,
        unit4Pensjonsutgift: t.D as Ore, unit4AvsetningArbeidsgiverandel: t.E as Ore, unit4Medlemsinnskudd: t.F as Ore,
        fakturanummer: t.K,
        fakturaArbeidsgiverandel: t.L as Ore, fakturaDifferanse: t.M as Ore, fakturaMedlemsinnskudd: t.N as Ore,
      }));
    expect(sets.map((s) => s.name)).toEqual(["Eksempeletaten", "Nettoetaten"]);
    expect(fromGenerator(0)).toEqual(EKSEMPELETATEN);
    expect(fromGenerator(1)).toEqual(NETTOETATEN);
  });
});
