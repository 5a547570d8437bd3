import { Problems } from "../../../../src/core/problem/problem";
import { buildKorreksjonsbilag } from "../../../../src/core/spk/bilag";
import { KORREKSJONSBILAG_SHEET, planKorreksjonsbilagSheet } from "../../../../src/core/spk/sheet/korreksjonsbilag-sheet";
import { Bilag, Oppsett } from "../../../../src/core/spk/types";
import { NUMBER_FORMATS, WritePlan } from "../../../../src/core/workpaper/write-plan";
import { avstemming, oppsett, terminResult } from "../../../support/fixtures";
import { SheetInMemory } from "../../../support/plan-applier";
import { ok } from "../../../support/checked";

const o = oppsett();
// T1: R = 12 345,67, T = 1 712,34; T3: R = −2 500,50, T = −346,82 (see bilag.test.ts)
const toBilag = (ts: ReturnType<typeof terminResult>[], opp: Oppsett = o) => ok(buildKorreksjonsbilag(avstemming(opp, ts)));
const bilag = toBilag([terminResult(1, { R: 12345.67, T: 1712.34 }), terminResult(3, { R: -2500.5, T: -346.82 })]);

function write(sheet: SheetInMemory, b: readonly Bilag[], opp: Oppsett = o): WritePlan {
  const plan = ok(planKorreksjonsbilagSheet(b, opp, sheet.snapshot()));
  sheet.apply(plan);
  return plan;
}

const allFormulas = (plan: WritePlan) => plan.writes.flatMap((w) => w.cells.flat()).filter((c): c is { formula: string } => typeof c === "object" && c !== null).map((c) => c.formula);

describe("a new Korreksjonsbilag sheet", () => {
  const sheet = new SheetInMemory(KORREKSJONSBILAG_SHEET);
  const plan = write(sheet, bilag);

  // Linje sits beside the voucher id, not beside Konto: «1» and «5420» side by side read as account 15420.
  test("title, note, header (no dimensions configured: 12 columns)", () => {
    expect(sheet.get(0, 0)).toBe("Korreksjonsbilag – SPK-premie 2024 (Eksempeletaten)");
    expect(String(sheet.get(1, 0))).toMatch(/^Laget av Lønnsavstemming/);
    expect(sheet.row(2)).toEqual(["Bilag-ID", "Linje", "Dato", "Periode", "Termin", "Konto", "Debet", "Kredit", "Beløp", "Tekst", "Bilagsart", "Status"]);
    expect(plan.sheets).toEqual([expect.objectContaining({ name: "Korreksjonsbilag", freezeRows: 3 })]);
  });

  test("one row per line, signed amount, debit/credit formulas, then a control row per voucher", () => {
    // 2024-02-29 is Excel serial 45351
    expect(sheet.row(3)).toEqual(["SPK-2024-T1", 1, 45351, 202402, "T1", "5420", "=IF(I4>0,I4,0)", "=IF(I4<0,-I4,0)", 12345.67, "SPK-premie T1 2024: resultatføring differanse", "KB", "OK"]);
    expect(sheet.row(4).slice(5, 9)).toEqual(["2820", "=IF(I5>0,I5,0)", "=IF(I5<0,-I5,0)", -12345.67]);
    expect(sheet.row(7)).toEqual([
      "SPK-2024-T1", "Sum", 45351, 202402, "T1", "", "=SUM(G4:G7)", "=SUM(H4:H7)", "=ROUND(SUM(I4:I7),2)",
      expect.stringMatching(/^Kontroll: Korreksjonsbilag SPK-premie T1 2024/), "", '=IF(ROUND(SUM(I4:I7),2)=0,"I balanse","Går ikke i null")',
    ]);
    expect(sheet.row(8).slice(0, 6)).toEqual(["SPK-2024-T3", 1, 45473, 202406, "T3", "5420"]);
    expect(sheet.row(12)[8]).toBe("=ROUND(SUM(I9:I12),2)");
    expect(sheet.values.length).toBe(13);
  });

  test("only SUM, ROUND and IF, never LONN.*", () => {
    const names = new Set(allFormulas(plan).flatMap((f) => [...f.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1])));
    expect([...names].sort()).toEqual(["IF", "ROUND", "SUM"]);
  });

  test("number formats from NUMBER_FORMATS", () => {
    expect(sheet.numberFormat("C4")).toBe(NUMBER_FORMATS.date);
    expect(sheet.numberFormat("I4")).toBe(NUMBER_FORMATS.amount);
    expect(sheet.numberFormat("G4")).toBe(NUMBER_FORMATS.amount);
    expect(sheet.numberFormat("F4")).toBe(NUMBER_FORMATS.text);
    expect(sheet.numberFormat("D4")).toBe(NUMBER_FORMATS.integer);
    expect(sheet.numberFormat("B4")).toBe(NUMBER_FORMATS.integer);
  });
});

describe("regenerating keeps the user's rows and columns", () => {
  function withUserContent(): SheetInMemory {
    const sheet = new SheetInMemory(KORREKSJONSBILAG_SHEET);
    write(sheet, bilag);
    sheet.set(2, 12, "Merknad");              // the user's note column M, right of Status
    sheet.set(3, 12, "sjekket av KN");
    sheet.set(9, 12, "spør lønn");
    sheet.set(14, 0, "Egen rad: manuell omføring");  // a row of the user's below, after one blank row
    sheet.set(14, 8, 999);
    return sheet;
  }

  test("writing twice gives the same sheet", () => {
    const sheet = withUserContent();
    const before = JSON.stringify(sheet.snapshot());
    const plan = write(sheet, bilag);
    expect(JSON.stringify(sheet.snapshot())).toBe(before);
    // the plan never addresses column M or the user's row 15
    for (const w of plan.writes) expect(w.address).not.toMatch(/M|15/);
  });

  test("a longer set fills the blank row, skips the user's row and continues below it", () => {
    const sheet = withUserContent();
    const longer = toBilag([terminResult(1, { R: 12345.67, T: 1712.34 }), terminResult(3, { R: -2500.5, T: -346.82 }), terminResult(5, { R: 10, T: 1.39 })]);
    write(sheet, longer);
    expect(sheet.row(14)).toEqual(["Egen rad: manuell omføring", "", "", "", "", "", "", "", 999]);
    expect(sheet.get(3, 12)).toBe("sjekket av KN");
    expect(sheet.get(9, 12)).toBe("spør lønn");
    // T5: line 1 in row 14 (the blank one), lines 2–4 in rows 16–18, control in row 19
    expect([sheet.get(13, 0), sheet.get(13, 5), sheet.get(15, 0), sheet.get(17, 5)]).toEqual(["SPK-2024-T5", "5420", "SPK-2024-T5", "1986"]);
    expect(sheet.get(18, 8)).toBe("=ROUND(SUM(I14,I16:I18),2)");
    expect(sheet.get(18, 1)).toBe("Sum");
    // and again: the same
    const before = JSON.stringify(sheet.snapshot());
    write(sheet, longer);
    expect(JSON.stringify(sheet.snapshot())).toBe(before);
  });

  test("a shorter set clears our leftover rows with \"\"; a note on one stays there, with what it was about", () => {
    const sheet = withUserContent();
    const plan = write(sheet, toBilag([terminResult(1, { R: 12345.67, T: 1712.34 })]));
    const gone = "SPK-2024-T3: raden finnes ikke lenger (bilaget er endret eller borte); merknaden til høyre er beholdt.";
    for (let r = 8; r <= 12; r++) {
      expect(sheet.row(r)).toEqual(r === 9 ? ["", "", "", "", "", "", "", "", "", gone, "", "", "spør lønn"] : []);
    }
    expect(sheet.row(14)[0]).toBe("Egen rad: manuell omføring");
    expect(plan.writes.find((w) => w.address === "A9:L9")?.cells.flat().every((c) => c === "")).toBe(true);
    expect(plan.writes.find((w) => w.address === "A11:L13")?.cells.flat().every((c) => c === "")).toBe(true);
    // From now on the row is the user's (no voucher id in A): never written again, never reused.
    const again = write(sheet, toBilag([terminResult(1, { R: 12345.67, T: 1712.34 }), terminResult(5, { R: 10, T: 1.39 })]));
    expect(sheet.row(9)).toEqual(["", "", "", "", "", "", "", "", "", gone, "", "", "spør lønn"]);
    for (const w of again.writes) expect(w.address).not.toMatch(/^[A-Z]+10(:|$)/);
  });

  test("an empty set (nothing to post) clears all of our rows; notes stay", () => {
    const sheet = withUserContent();
    write(sheet, []);
    for (let r = 3; r <= 12; r++) expect(sheet.row(r).slice(0, 12).filter((c) => c !== "").every((c) => String(c).includes("finnes ikke lenger"))).toBe(true);
    expect([sheet.get(3, 12), sheet.get(9, 12)]).toEqual(["sjekket av KN", "spør lønn"]);
    expect(sheet.row(2)[0]).toBe("Bilag-ID");
  });

  test("vouchers with other ids (a lønnsbilag) are refused: they would never be replaced", () => {
    const r = planKorreksjonsbilagSheet([{ ...bilag[0], id: "LONN-202406" }], o);
    // The problem carries its sheet as its place; the message is the same words.
    expect((r as Problems).list).toEqual([{ sheet: "Korreksjonsbilag", message: "Arket «Korreksjonsbilag» er for SPK-korreksjonsbilag; LONN-202406 hører ikke hjemme der." }]);
  });

  test("a sheet with the user's own content above: our table goes below it", () => {
    const sheet = new SheetInMemory(KORREKSJONSBILAG_SHEET, [["Mine notater"], ["linje 2"]]);
    write(sheet, bilag);
    expect(sheet.get(0, 0)).toBe("Mine notater");
    expect(sheet.get(3, 0)).toMatch(/^Korreksjonsbilag – SPK-premie/);
    expect(sheet.get(5, 0)).toBe("Bilag-ID");
    expect(sheet.get(6, 0)).toBe("SPK-2024-T1");
  });
});

describe("dimension columns", () => {
  const dims: Oppsett = oppsett({
    dimensjoner: [
      { nummer: 4, navn: "Prosjekt", verdi: "P1" },
      { nummer: 1, navn: "Koststed", pakrevd: true, fordeling: [{ verdi: "100", vekt: 1 }, { verdi: "200", vekt: 1 }] },
    ],
  });

  test("dim1…dimN as configured, by slot; required dimension missing on a cost line shows in Status", () => {
    const sheet = new SheetInMemory(KORREKSJONSBILAG_SHEET);
    write(sheet, toBilag([terminResult(1, { R: 100, T: 13.87 })], dims), dims);
    expect(sheet.row(2).slice(5, 9)).toEqual(["Konto", "Koststed (dim_1)", "Prosjekt (dim_4)", "Debet"]);
    expect(sheet.row(3).slice(5, 14)).toEqual(["5420", "100", "P1", "=IF(K4>0,K4,0)", "=IF(K4<0,-K4,0)", 50, "SPK-premie T1 2024: resultatføring differanse", "KB", "OK"]);
    // 2820 is a balance line: no koststed needed
    expect(sheet.row(5).slice(5, 8)).toEqual(["2820", "", "P1"]);
    expect(sheet.row(5)[13]).toBe("OK");
    const hand: Bilag = { ...toBilag([terminResult(1, { R: 100, T: 13.87 })], dims)[0] };
    const missing = { ...hand, linjer: hand.linjer.map((l) => ({ ...l, dimensjoner: { 4: "P1" } })) };
    const s2 = new SheetInMemory(KORREKSJONSBILAG_SHEET);
    write(s2, [missing], dims);
    expect(s2.row(3)[13]).toBe("Mangler Koststed (dim_1)");
  });

  test("more dimensions than before refuse to write into the user's column; nothing is planned", () => {
    const sheet = new SheetInMemory(KORREKSJONSBILAG_SHEET);
    write(sheet, bilag);
    sheet.set(2, 12, "Merknad");
    const r = planKorreksjonsbilagSheet(bilag, oppsett({ dimensjoner: [{ nummer: 1, navn: "Koststed", verdi: "1" }] }), sheet.snapshot());
    // Was «Arket «Korreksjonsbilag»: tabellen trenger kolonne M, men M3 er i bruk («Merknad»). …»: the sheet and cell are the problem's place now.
    expect((r as Problems).list).toEqual([{
      sheet: "Korreksjonsbilag", cell: "M3",
      message: "Tabellen trenger kolonne M, men cellen er i bruk («Merknad»). Flytt innholdet til høyre før bilagene lages på nytt.",
    }]);
    expect((r as Problems).message).toBe("Korreksjonsbilag!M3: Tabellen trenger kolonne M, men cellen er i bruk («Merknad»). Flytt innholdet til høyre før bilagene lages på nytt.");
  });

  test("more dimensions with free columns widen the table; fewer clear the columns given up", () => {
    const sheet = new SheetInMemory(KORREKSJONSBILAG_SHEET);
    write(sheet, bilag);
    const one = oppsett({ dimensjoner: [{ nummer: 1, navn: "Koststed", verdi: "1" }] });
    write(sheet, toBilag([terminResult(1, { R: 12345.67, T: 1712.34 }), terminResult(3, { R: -2500.5, T: -346.82 })], one), one);
    expect(sheet.row(2)[12]).toBe("Status");
    expect(sheet.row(3)[6]).toBe("1");
    write(sheet, bilag);
    expect(sheet.row(2)).toEqual(["Bilag-ID", "Linje", "Dato", "Periode", "Termin", "Konto", "Debet", "Kredit", "Beløp", "Tekst", "Bilagsart", "Status"]);
    expect(sheet.row(3)).toHaveLength(12);
  });
});
