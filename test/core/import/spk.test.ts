import { isRuleError } from "../../../src/core/errors";
import { postInvoice, readSpk } from "../../../src/core/import";
import { fromOre, fromText, toText } from "../../../src/core/money";
import { Ore, roundedOre } from "../../../src/core/money/ore";
import { isProblems } from "../../../src/core/problem/problem";
import { ok, problemsOf } from "../../support/checked";

/** Øre as the exact kroner text ("5962.5"). */
const amount = (ore: number) => toText(fromOre(ore));
const HEADER = ["Fakturanr", "Termin", "Produkt", "Medlemsandel", "Arbeidsgiverandel", "Adm.gebyr", "Totalt"];

describe("SPK invoice lines", () => {
  test("per termin: employer share incl. administration of every product, member share, invoice numbers", () => {
    const values = [
      HEADER,
      ["24001", "1. termin", "PEN", "1 000,00", "5 000,00", "175,00", "6 175,00"],
      ["24001", "1. termin", "AFP", "", "250,00", "", "250,00"],
      ["24001", "1. termin", "TIP", "", "12,50", "", ""],
      ["24001", "1. termin", "YSK", "", "300,00", "", "300,00"],
      ["24001", "1. termin", "GRU", "", "400,00", "", "400,00"],
      ["24001", "1. termin", "Sum 1. termin", "1 000,00", "5 962,50", "175,00", "7 137,50"],
      [],
      [24017, "T3", "PEN", "10", "50", "1", ""],
      ["24018", "mai–jun", "PEN", "-2", "-8", "", ""],
      ["24017", 3, "XYZ", "", "5", "", ""],
    ];
    const v = ok(readSpk({ sheet: "SPK", values }, { aar: 2024 }));
    const t1 = v.terminer[0];
    expect([amount(t1.arbeidsgiverandel), amount(t1.administrasjon), amount(t1.arbeidsgiverandelInklAdm), amount(t1.medlemsandel), amount(t1.total)]).toEqual([
      "5962.5", "175", "6137.5", "1000", "7137.5",
    ]);
    expect(t1.fakturanumre).toEqual(["24001"]);
    expect(t1.produkter.map((p) => [p.produkt, amount(p.arbeidsgiverandel), amount(p.medlemsandel), amount(p.administrasjon)])).toEqual([
      ["PEN", "5000", "1000", "175"], ["AFP", "250", "0", "0"], ["TIP", "12.5", "0", "0"], ["YSK", "300", "0", "0"], ["GRU", "400", "0", "0"],
    ]);
    const t3 = v.terminer[2];
    expect([amount(t3.arbeidsgiverandelInklAdm), amount(t3.medlemsandel), t3.rader]).toEqual(["48", "8", 3]);
    expect(t3.fakturanumre).toEqual(["24017", "24018"]);
    expect(v.terminer.filter((t) => t.rader > 0).map((t) => t.termin)).toEqual([1, 3]);
    expect(v.summary.ignored).toEqual([{ reason: "summeringslinjer", count: 1 }]);
    expect(v.summary.emptyRows).toBe(1);
    expect(v.notes).toEqual(["Produktkoder utenom PEN, AFP, TIP, YSK, GRU: XYZ. De er tatt med; arbeidsgiverandel og administrasjon regnes som arbeidsgivers."]);
  });

  test("a period or date column when there is no termin column", () => {
    const values = [["Fakturaperiode", "Arbeidsgiverandel", "Medlemsandel"], ["31.12.2024", "100", "20"], ["2024-11", "1", ""]];
    const v = ok(readSpk({ sheet: "SPK", values }, { aar: 2024 }));
    expect([amount(v.terminer[5].arbeidsgiverandelInklAdm), amount(v.terminer[5].medlemsandel)]).toEqual(["101", "20"]);
  });

  test("every bad cell is named and no data is returned", () => {
    const values = [
      HEADER,
      ["1", "T7", "PEN", "1", "1", "", ""],
      ["1", "T1 2023", "PEN", "1", "1", "", ""],
      ["1", "2/2024", "PEN", "1", "1", "", ""],
      ["1", "T1", "PEN", "1 000", "12,3,4", "", ""],
      ["1", "T1", "PEN", "1", "1", "1", "4,00"],
      ["1", "T1", "PEN", "", "", "", "5"],
      ["1", "", "PEN", "1", "", "", ""],
    ];
    const r = readSpk({ sheet: "SPK", values }, { aar: 2024 });
    expect(isProblems(r)).toBe(true);
    if (!isProblems(r)) return;
    expect(r.list.map((e) => [e.cell ?? `rad ${e.row}`, e.message])).toEqual([
      ["B2", "«T7» er ikke en termin (1–6, T1–T6, «1. termin», «jan–feb») eller en dato."],
      ["B3", "«T1 2023» er i 2023, ikke i regnskapsåret 2024."],
      ["B4", "«2/2024» er tvetydig: termin 2 eller måned 2 (termin 1)? Skriv terminen som T2 2024 eller perioden som 2024-02."],
      ["E5", "«12,3,4» er ikke et beløp."],
      ["G6", "Totalen «4,00» er ikke summen av arbeidsgiverandel, medlemsandel og administrasjon på linjen."],
      ["rad 7", "Linjen har ingen beløp (arbeidsgiverandel, medlemsandel eller administrasjon)."],
      ["B8", "Mangler termin."],
    ]);
  });

  test("without a termin or period column", () => {
    const r = readSpk({ sheet: "SPK", values: [["Produkt", "Arbeidsgiverandel", "Medlemsandel"], ["PEN", "1", "1"]] }, { aar: 2024 });
    expect(problemsOf(r).map((e) => e.message)).toEqual([
      "Mangler kolonnen «Termin» eller «Periode» i overskriftsraden (rad 1). Lette etter Termin, Terminnr, Termin nr, Premietermin, Fakturatermin; Periode, Fakturaperiode, Premieperiode, Period.",
    ]);
  });

  test("only total lines", () => {
    const r = readSpk({ sheet: "SPK", values: [HEADER, ["", "", "Sum", "1", "1", "", ""]] }, { aar: 2024 });
    expect(problemsOf(r).map((e) => e.message)).toEqual(["Filen har ingen fakturalinjer, bare summeringslinjer."]);
  });
});

describe("posting the invoice (DFØ's rule) → L, M, N", () => {
  /** Kroner text as the model's øre; a fraction of an øre is rounded half away from zero, as the old reader did. */
  const x = (s: string): Ore => roundedOre(fromText(s)!);
  const faktura = { arbeidsgiverandelInklAdm: x("960091.44"), medlemsandel: x("167595.65") };
  const sap = { arbeidsgiverandel: x("959791.29"), medlemsinnskudd: x("167583.25") };
  const lmn = (r: ReturnType<typeof postInvoice>) => (isRuleError(r) ? r.message : [amount(r.L), amount(r.M), amount(r.N)]);

  test("brutto: L = B, N = C, M = invoice total − L − N", () => {
    expect(lmn(postInvoice("brutto", faktura, sap))).toEqual(["959791.29", "312.55", "167583.25"]);
  });
  test("netto: L = invoiced employer share incl. administration, N = invoiced member share, M = 0", () => {
    expect(lmn(postInvoice("netto", faktura, sap))).toEqual(["960091.44", "0", "167595.65"]);
    expect(lmn(postInvoice("netto", faktura, undefined))).toEqual(["960091.44", "0", "167595.65"]);
  });
  test("sub-øre inputs are rounded first, so L + M + N is the invoice total in øre", () => {
    // The inputs are whole øre now (the readers refuse a fraction of an øre); `x` rounds them as the rule used to.
    const r = postInvoice("brutto", { arbeidsgiverandelInklAdm: x("100.005"), medlemsandel: x("20.004") }, { arbeidsgiverandel: x("99.995"), medlemsinnskudd: x("19.994") });
    expect(lmn(r)).toEqual(["100", "0.02", "19.99"]); // 100,01 + 20,00 − 100,00 − 19,99
    // … and an invoice line with a fraction of an øre is refused by the reader, naming its cell.
    const read = readSpk({ sheet: "SPK", values: [["Termin", "Arbeidsgiverandel", "Medlemsandel"], ["T1", 100.005, "20"]] }, { aar: 2024 });
    expect(problemsOf(read).map((e) => [e.cell, e.message])).toEqual([["B2", expect.stringMatching(/brøkdeler av øre/)]]);
  });
  test("brutto needs the SAP figures", () => {
    expect(lmn(postInvoice("brutto", faktura, undefined))).toEqual(expect.stringContaining("SAP-tallene for terminen må leses inn"));
  });
});
