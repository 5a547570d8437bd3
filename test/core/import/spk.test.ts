import { isRuleError } from "../../../src/core/errors";
import { ImportResult, postInvoice, readSpk, SpkImport } from "../../../src/core/import";
import { fromText, toText } from "../../../src/core/money";

function ok(r: ImportResult<SpkImport>): SpkImport {
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.cell ?? e.row}: ${e.message}`).join("\n"));
  return r.value;
}
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
    expect([toText(t1.arbeidsgiverandel), toText(t1.administrasjon), toText(t1.arbeidsgiverandelInklAdm), toText(t1.medlemsandel), toText(t1.total)]).toEqual([
      "5962.5", "175", "6137.5", "1000", "7137.5",
    ]);
    expect(t1.fakturanumre).toEqual(["24001"]);
    expect(t1.produkter.map((p) => [p.produkt, toText(p.arbeidsgiverandel), toText(p.medlemsandel), toText(p.administrasjon)])).toEqual([
      ["PEN", "5000", "1000", "175"], ["AFP", "250", "0", "0"], ["TIP", "12.5", "0", "0"], ["YSK", "300", "0", "0"], ["GRU", "400", "0", "0"],
    ]);
    const t3 = v.terminer[2];
    expect([toText(t3.arbeidsgiverandelInklAdm), toText(t3.medlemsandel), t3.rader]).toEqual(["48", "8", 3]);
    expect(t3.fakturanumre).toEqual(["24017", "24018"]);
    expect(v.terminer.filter((t) => t.rader > 0).map((t) => t.termin)).toEqual([1, 3]);
    expect(v.summary.ignored).toEqual([{ reason: "summeringslinjer", count: 1 }]);
    expect(v.summary.emptyRows).toBe(1);
    expect(v.notes).toEqual(["Produktkoder utenom PEN, AFP, TIP, YSK, GRU: XYZ. De er tatt med; arbeidsgiverandel og administrasjon regnes som arbeidsgivers."]);
  });

  test("a period or date column when there is no termin column", () => {
    const values = [["Fakturaperiode", "Arbeidsgiverandel", "Medlemsandel"], ["31.12.2024", "100", "20"], ["2024-11", "1", ""]];
    const v = ok(readSpk({ sheet: "SPK", values }, { aar: 2024 }));
    expect([toText(v.terminer[5].arbeidsgiverandelInklAdm), toText(v.terminer[5].medlemsandel)]).toEqual(["101", "20"]);
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
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.cell ?? `rad ${e.row}`, e.message])).toEqual([
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
    expect(!r.ok && r.errors.map((e) => e.message)).toEqual([
      "Mangler kolonnen «Termin» eller «Periode» i overskriftsraden (rad 1). Lette etter Termin, Terminnr, Termin nr, Premietermin, Fakturatermin; Periode, Fakturaperiode, Premieperiode, Period.",
    ]);
  });

  test("only total lines", () => {
    const r = readSpk({ sheet: "SPK", values: [HEADER, ["", "", "Sum", "1", "1", "", ""]] }, { aar: 2024 });
    expect(!r.ok && r.errors.map((e) => e.message)).toEqual(["Filen har ingen fakturalinjer, bare summeringslinjer."]);
  });
});

describe("posting the invoice (DFØ's rule) → L, M, N", () => {
  const x = (s: string) => fromText(s)!;
  const faktura = { arbeidsgiverandelInklAdm: x("960091.44"), medlemsandel: x("167595.65") };
  const sap = { arbeidsgiverandel: x("959791.29"), medlemsinnskudd: x("167583.25") };
  const lmn = (r: ReturnType<typeof postInvoice>) => (isRuleError(r) ? r.message : [toText(r.L), toText(r.M), toText(r.N)]);

  test("brutto: L = B, N = C, M = invoice total − L − N", () => {
    expect(lmn(postInvoice("brutto", faktura, sap))).toEqual(["959791.29", "312.55", "167583.25"]);
  });
  test("netto: L = invoiced employer share incl. administration, N = invoiced member share, M = 0", () => {
    expect(lmn(postInvoice("netto", faktura, sap))).toEqual(["960091.44", "0", "167595.65"]);
    expect(lmn(postInvoice("netto", faktura, undefined))).toEqual(["960091.44", "0", "167595.65"]);
  });
  test("sub-øre inputs are rounded first, so L + M + N is the invoice total in øre", () => {
    const r = postInvoice("brutto", { arbeidsgiverandelInklAdm: x("100.005"), medlemsandel: x("20.004") }, { arbeidsgiverandel: x("99.995"), medlemsinnskudd: x("19.994") });
    expect(lmn(r)).toEqual(["100", "0.02", "19.99"]); // 100,01 + 20,00 − 100,00 − 19,99
  });
  test("brutto needs the SAP figures", () => {
    expect(lmn(postInvoice("brutto", faktura, undefined))).toEqual(expect.stringContaining("SAP-tallene for terminen må leses inn"));
  });
});
