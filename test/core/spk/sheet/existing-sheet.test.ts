import { kroner } from "../../../../src/core/money/ore";
import { isProblems, Problems } from "../../../../src/core/problem/problem";
import { planAvstemming, PlanInput } from "../../../../src/core/spk/sheet/plan";
import { locate } from "../../../../src/core/spk/sheet/locate";
import { readAvstemming } from "../../../../src/core/spk/sheet/read";
import { WritePlan } from "../../../../src/core/workpaper/write-plan";
import { BRUTTO, oppsett, ore, terminFields, terminInput } from "../../../support/fixtures";
import { applyPlan, cellMap, setCell, sheetOf, Workbook } from "../../../support/plan-applier";

function plan(input: PlanInput): WritePlan {
  const p = planAvstemming(input);
  if (isProblems(p)) throw new Error(p.message);
  return p;
}

const HAND = "SPK 2024";

/** A DFØ-style sheet built by hand: its own header labels and termin labels, some formulas, an explanation. */
function handMade() {
  const empty = Array(23).fill("");
  const row = (cells: Record<number, unknown>, label: unknown) => {
    const r: unknown[] = [label, ...empty.slice(1)];
    for (const [c, v] of Object.entries(cells)) r[Number(c)] = v;
    return r;
  };
  return sheetOf(HAND, [
    ["Avstemming av pensjonspremie SPK"],
    ["Virksomhet:", "Testetaten"],
    ["År", 2024, "", "AGA-sats (snitt):", 0.141],
    ["Budsjettering", "Brutto"],
    [],
    ["Termin", "SAP AG-andel", "SAP medlem", "Unit4 utgift", "Unit4 avsetning", "Unit4 medlem", "Diff G", "Diff H", "Diff I", "Forklaring"],
    row({ 7: "=E7-B7" }, "1. termin"),
    row({ 9: "Forklart i notat" }, "2. termin"),
    row({}, "3. termin"),
    row({}, "4. termin"),
    row({}, "5. termin"),
    row({}, "6. termin"),
    row({ 1: "=SUM(B7:B12)" }, "Sum"),
  ]);
}

describe("a hand-made DFØ sheet", () => {
  const terminer = [BRUTTO[0], { ...BRUTTO[1], forklaring: "Ny forklaring fra importen" }];
  const p = plan({ oppsett: oppsett(), terminer, existing: handMade() });
  const book = applyPlan(p, { [HAND]: handMade() });
  const s = book[HAND];
  const f = (a: string) => {
    const m = a.match(/^([A-Z])(\d+)$/)!;
    return s.formulas[Number(m[2]) - 1]?.[m[1].charCodeAt(0) - 65];
  };

  test("the termin rows are found by their labels and the header cells by theirs", () => {
    const map = locate(handMade());
    if (isProblems(map)) throw new Error(map.message);
    expect(map.ours).toBe(false);
    expect([...map.terminRows]).toEqual([[1, 7], [2, 8], [3, 9], [4, 10], [5, 11], [6, 12]]);
    expect(map.sumRow).toBe(13);
    expect(Object.fromEntries(map.scalars)).toEqual({ virksomhet: "B2", aar: "B3", agaSats: "E3", budsjettering: "B4" });
    expect(p.names).toEqual([
      { name: "LONN_VIRKSOMHET", sheet: HAND, address: "B2" },
      { name: "LONN_AAR", sheet: HAND, address: "B3" },
      { name: "LONN_BUDSJETTERING", sheet: HAND, address: "B4" },
      { name: "LONN_AGA_SATS", sheet: HAND, address: "E3" },
    ]);
  });

  test("input cells are written; the header gets the Oppsett", () => {
    expect(["B7", "C7", "M7", "N7", "K7", "U7", "B8", "M8"].map(f)).toEqual([100000, 20000, 1500.5, 20000, "2024-0117", "A", 98765.43, -250.75]);
    expect(["B2", "E3"].map(f)).toEqual(["Eksempeletaten", 0.1387]);
  });

  test("the user's formula in H and the explanation in J are left alone and reported", () => {
    expect(f("H7")).toBe("=E7-B7");
    expect(f("J8")).toBe("Forklart i notat");
    expect(f("B13")).toBe("=SUM(B7:B12)");
    expect(p.leftAlone).toEqual([
      { sheet: HAND, address: "H7", reason: "Egen formel beholdt: «=E7-B7» (malen har «=IF(AND(COUNT(B7:C7)>0,COUNT(D7:F7)>0),B7-E7,\"\")»)." },
      {
        sheet: HAND, address: "J8",
        reason: "Forklaring for termin 2 er allerede fylt ut («Forklart i notat»); tillegget skriver ikke over den. Ny tekst «Ny forklaring fra importen» er ikke skrevet.",
      },
    ]);
  });

  test("missing formulas are added to empty cells only, and each is reported", () => {
    expect(["G7", "H8", "R7", "S7", "T7", "G13", "T13"].map(f)).toEqual([
      '=IF(AND(COUNT(B7:C7)>0,COUNT(D7:F7)>0),B7-D7,"")', '=IF(AND(COUNT(B8:C8)>0,COUNT(D8:F8)>0),B8-E8,"")', '=IF(AND(COUNT(B7:C7)>0,COUNT(L7:N7)>0),IF(LONN_BUDSJETTERING="Brutto",M7,Q7),"")', "=LONN_AGA_SATS",
      '=IF(R7="","",ROUND(R7*S7,2))', "=SUM(G7:G12)", "=SUM(T7:T12)",
    ]);
    const notices = p.notices ?? [];
    expect(notices.find((n) => n.address === "G7")?.message).toBe("Formel lagt inn i tom celle: «=IF(AND(COUNT(B7:C7)>0,COUNT(D7:F7)>0),B7-D7,\"\")».");
    expect(notices.some((n) => n.address === "H7" || n.address === "B13")).toBe(false);
    // 6 rows × 9 computed columns, one of them the user's; the Sum row without the user's B13
    expect(notices).toHaveLength(6 * 9 - 1 + 16 - 1);
  });

  test("nothing is restyled and no conditional formats are stacked", () => {
    expect(p.formats.filter((x) => x.sheet === HAND)).toEqual([]);
    expect(p.conditionalFormats).toEqual([]);
    expect(p.sheets[0]).toEqual({ name: HAND, visibility: "visible" });
  });

  test("a second fill changes nothing and reports the same cells left alone", () => {
    const again = plan({ oppsett: oppsett(), terminer, existing: s, settings: book._lonn });
    expect(again.writes).toEqual([]);
    expect(again.notices).toEqual([]);
    expect(again.leftAlone).toEqual(p.leftAlone);
    expect(cellMap(applyPlan(again, book)[HAND])).toEqual(cellMap(s));
  });

  test("read back: the hand-made sheet's inputs and header", () => {
    const r = readAvstemming(s, book._lonn);
    if (isProblems(r)) throw new Error(r.message);
    expect(r.oppsett).toEqual(oppsett());
    expect(r.terminer[0]).toEqual(BRUTTO[0]);
    expect(r.terminer[1]).toEqual({ ...BRUTTO[1], forklaring: "Forklart i notat" });
    // An empty row is not reconciled (missing is not zero), not a row of zeros.
    expect(r.terminer[2]).toEqual({ ...terminInput(3, [0, 0, 0, 0, 0, 0, 0, 0]), mangler: ["sap", "unit4", "faktura"] });
    expect(r.saldoer).toEqual([]);
  });
});

describe("hand-made sheets with other labels and fewer header cells", () => {
  const sheet = sheetOf("A11 SPK netto (egen)", [
    ["Pensjonspremie"],
    ["Regnskapsår:", 2024],
    ["Termin"],
    ["T1"],
    [2],
    ["Termin 3"],
    ["jul–aug"],
    ["5. termin"],
    ["nov-des"],
  ]);

  test("labels T1, 2, Termin 3, jul–aug, 5. termin and nov-des are termins 1–6", () => {
    const map = locate(sheet);
    if (isProblems(map)) throw new Error(map.message);
    expect([...map.terminRows]).toEqual([[1, 4], [2, 5], [3, 6], [4, 7], [5, 8], [6, 9]]);
    expect(map.sumRow).toBeUndefined();
  });

  test("without an AGA-rate cell, S and T are not added and that is reported; R uses the sheet's kind", () => {
    const o = oppsett({ budsjettering: "netto" });
    const p = plan({ oppsett: o, terminer: [terminInput(1, [1000, 200, 1000, 1000, 200, 1100, 0, 200])], existing: sheet });
    const s = applyPlan(p, { [sheet.name]: sheet })[sheet.name];
    expect([s.formulas[3][17], s.formulas[3][18] ?? "", s.formulas[3][19] ?? ""]).toEqual(['=IF(AND(COUNT(B4:C4)>0,COUNT(L4:N4)>0),Q4,"")', "", ""]);
    expect(p.leftAlone.filter((l) => l.address === "S4" || l.address === "T4")).toEqual([
      { sheet: sheet.name, address: "S4", reason: "Formelen «=LONN_AGA_SATS» er ikke lagt inn: arket mangler en celle merket «AGA-snittsats» over terminradene." },
      { sheet: sheet.name, address: "T4", reason: "Formelen «=IF(R4=\"\",\"\",ROUND(R4*S4,2))» er ikke lagt inn: AGA-snittsatsen i kolonne S mangler." },
    ]);
    // The reader takes netto from the sheet's name and asks for the missing rate.
    // The problem carries its sheet as its place; the message is the same words.
    const r = readAvstemming(s);
    expect((r as Problems).list).toEqual([{
      sheet: "A11 SPK netto (egen)",
      message: "Fant ikke AGA-snittsats på arket «A11 SPK netto (egen)»: skriv «AGA-snittsats» i en celle over terminradene og verdien i cellen til høyre.",
    }]);
  });

  test("a termin with figures but no row is refused, nothing written", () => {
    const short = sheetOf("Egen", [["1. termin"], ["2. termin"]]);
    const r = planAvstemming({ oppsett: oppsett(), terminer: [terminFields({ termin: 1, sapArbeidsgiverandel: 5 }), terminFields({ termin: 4, sapArbeidsgiverandel: 7 })], existing: short });
    expect((r as Problems).lines).toEqual(["Fant ingen rad for termin 4 i kolonne A på arket «Egen»; ingenting er skrevet."]);
  });

  test("a sheet without termin rows", () => {
    const r = planAvstemming({ oppsett: oppsett(), terminer: [], existing: sheetOf("Notater", [["Hei"], ["Sum", 5]]) });
    // The problem carries its sheet as its place; the message is the same words.
    expect(isProblems(r) && r.list).toEqual([{
      sheet: "Notater",
      message: "Fant ingen terminrader på arket «Notater»: kolonne A må ha T1–T6, 1–6, «1. termin», «Termin 1» eller «jan–feb».",
    }]);
  });
});

describe("our own sheet after the user has worked in it", () => {
  const SHEET = "A10 SPK brutto";
  const first = applyPlan(plan({ oppsett: oppsett(), terminer: BRUTTO }), {});
  const edited: Workbook = JSON.parse(JSON.stringify(first));
  const set = (a: string, v: unknown) => setCell(edited, SHEET, a, v);
  set("A1", "Min avstemming 2024");
  set("G13", "=B13-D13+0");
  set("H14", 5);
  set("B15", "=4000+6000");
  set("T17", "");
  set("J13", "Forklart: periodisering");
  const p = plan({ oppsett: oppsett(), terminer: BRUTTO.map((t) => (t.termin === 2 ? { ...t, sapArbeidsgiverandel: ore(98765.44) } : t)), existing: edited[SHEET], settings: edited._lonn });

  test("it is still recognised as ours", () => {
    const map = locate(edited[SHEET]);
    expect(!isProblems(map) && map.ours).toBe(true);
  });

  test("changed text, formulas, values over formulas and formulas over inputs are all kept and reported", () => {
    expect(p.leftAlone).toEqual([
      { sheet: SHEET, address: "A1", reason: "Teksten «Min avstemming 2024» er beholdt (malen har «A10 Avstemming av pensjonspremie til Statens pensjonskasse – bruttobudsjetterte virksomheter»)." },
      { sheet: SHEET, address: "G13", reason: "Egen formel beholdt: «=B13-D13+0» (malen har «=IF(AND(COUNT(B13:C13)>0,COUNT(D13:F13)>0),B13-D13,\"\")»)." },
      { sheet: SHEET, address: "H14", reason: "Cellen har verdien «5» der malen har formelen «=IF(AND(COUNT(B14:C14)>0,COUNT(D14:F14)>0),B14-E14,\"\")»; verdien er beholdt." },
      {
        sheet: SHEET, address: "B15",
        reason: "Cellen har formelen «=4000+6000»; tillegget skriver ikke over formler. Termin 4, SAP arbeidsgiverandel («10000») er ikke skrevet.",
      },
    ]);
  });

  test("the changed import figure is written and the deleted formula restored, with a notice", () => {
    expect(p.writes).toEqual([
      { sheet: SHEET, address: "B13", cells: [[98765.44]] },
      { sheet: SHEET, address: "T17", cells: [[{ formula: '=IF(R17="","",ROUND(R17*S17,2))' }]] },
    ]);
    expect(p.notices).toEqual([{ sheet: SHEET, address: "T17", message: 'Formel lagt inn i tom celle: «=IF(R17="","",ROUND(R17*S17,2))».' }]);
    expect(p.formats).toEqual([]);
    expect(p.conditionalFormats).toEqual([]);
  });
});

describe("our sheet as an earlier version wrote it", () => {
  const SHEET = "A10 SPK brutto";
  // The first template computed every termin row, blank inputs as 0: R =IF(…,M,Q), T =ROUND(R*S,2), G =B-D, voucher rows without IF.
  const current = applyPlan(plan({ oppsett: oppsett(), terminer: BRUTTO }), {});
  const old: Workbook = JSON.parse(JSON.stringify(current));
  for (let r = 12; r <= 17; r++) {
    setCell(old, SHEET, `G${r}`, `=B${r}-D${r}`);
    setCell(old, SHEET, `R${r}`, `=IF(LONN_BUDSJETTERING="Brutto",M${r},Q${r})`);
    setCell(old, SHEET, `T${r}`, `=ROUND(R${r}*S${r},2)`);
  }
  setCell(old, SHEET, "E24", "=B24");
  const p = plan({ oppsett: oppsett(), terminer: BRUTTO, existing: old[SHEET], settings: old._lonn });

  test("the old template formulas are replaced by the current ones, each said; none is reported as the user's", () => {
    expect(p.leftAlone).toEqual([]);
    const after = applyPlan(p, old)[SHEET];
    const f = (a: string) => after.formulas[Number(a.slice(1)) - 1][a.charCodeAt(0) - 65];
    expect(f("R12")).toBe('=IF(AND(COUNT(B12:C12)>0,COUNT(L12:N12)>0),IF(LONN_BUDSJETTERING="Brutto",M12,Q12),"")');
    expect(f("T17")).toBe('=IF(R17="","",ROUND(R17*S17,2))');
    expect(f("G14")).toBe('=IF(AND(COUNT(B14:C14)>0,COUNT(D14:F14)>0),B14-D14,"")');
    expect(f("E24")).toBe('=IF(B24="","",B24)');
    expect((p.notices ?? []).map((n) => n.address)).toEqual([
      "G12", "R12", "T12", "G13", "R13", "T13", "G14", "R14", "T14", "G15", "R15", "T15", "G16", "R16", "T16", "G17", "R17", "T17", "E24",
    ]);
    expect(p.notices?.[0].message).toBe('Malens formel er oppdatert: «=B12-D12» er erstattet med «=IF(AND(COUNT(B12:C12)>0,COUNT(D12:F12)>0),B12-D12,"")».');
  });
});

describe("reading a sheet with bad cells", () => {
  const SHEET = "A10 SPK brutto";
  const book = applyPlan(plan({ oppsett: oppsett(), terminer: BRUTTO }), {});
  const set = (a: string, v: unknown) => setCell(book, SHEET, a, v);

  test("every bad cell is named", () => {
    set("C13", "abc");
    set("D14", "12,345");
    set("E15", 100.001);
    set("L16", "1 234,50");
    set("A4", "tjue");
    set("D4", 14.1);
    set("B4", "Brutto ");
    set("B6", "");
    const r = readAvstemming(book[SHEET], book._lonn);
    expect((r as Problems).lines).toEqual([
      "'A10 SPK brutto'!A4: «tjue» er ikke et årstall.",
      "'A10 SPK brutto'!B4: «Brutto » må være Brutto eller Netto, uten mellomrom rundt.",
      "'A10 SPK brutto'!D4: «14,1» er ikke en gyldig AGA-snittsats (skriv f.eks. 13,87 % eller 0,1387).",
      "'A10 SPK brutto'!B6: kontoen for differanse (resultatføres) mangler.",
      "'A10 SPK brutto'!C13: «abc» er ikke et beløp.",
      "'A10 SPK brutto'!D14: «12,345» er tvetydig: det kan være tusenskille eller desimaltegn. Skriv beløpet uten tusenskille (1234) eller med mellomrom (1 234), eller med to desimaler (1,23).",
      "'A10 SPK brutto'!E15: beløpet (100,001) har brøkdeler av øre; beløp kan ha høyst to desimaler.",
    ]);
  });

  test("Norwegian text amounts, percentages, date serials and header words in any case are read", () => {
    const b = applyPlan(plan({ oppsett: oppsett(), terminer: BRUTTO }), {});
    setCell(b, SHEET, "L15", "1 234,50");
    setCell(b, SHEET, "D4", "13,87 %");
    setCell(b, SHEET, "W12", 45366); // a date serial: 15.03.2024
    // Case does not matter to the formulas' text comparison, so not to the reader either.
    setCell(b, SHEET, "B4", "BRUTTO");
    setCell(b, SHEET, "C4", "arsslutt");
    const r = readAvstemming(b[SHEET], b._lonn);
    if (isProblems(r)) throw new Error(r.message);
    expect([r.oppsett.budsjettering, r.oppsett.modus]).toEqual(["brutto", "arsslutt"]);
    expect(kroner(r.terminer[3].fakturaArbeidsgiverandel)).toBe(1234.5);
    expect(r.oppsett.agaSats).toBe(0.1387);
    expect(r.terminer[0].dato).toBe("15.03.2024");
  });
});

describe("text into our own sheet's text cells on a later fill", () => {
  const first = plan({ oppsett: oppsett(), terminer: [] });
  const book = applyPlan(first, {});
  const sheetName = first.sheets[0].name;
  const later = plan({ oppsett: oppsett(), terminer: [terminInput(1, [1, 0, 1, 1, 0, 1, 0, 0], { fakturanummer: "2400117" })], existing: book[sheetName] });

  test("the layout's text format is declared again on exactly the text cells written", () => {
    const textWrites = later.writes.flatMap((w) =>
      w.cells.flatMap((row, i) => row.flatMap((cell, j) => (typeof cell === "string" && cell !== "" ? [{ w, i, j }] : []))),
    );
    expect(textWrites.length).toBeGreaterThan(0);
    const own = later.formats.filter((f) => f.sheet === sheetName);
    expect(own.length).toBeGreaterThan(0);
    for (const f of own) {
      expect(f).toMatchObject({ sheet: sheetName, numberFormat: "@" });
      expect(f.address).not.toContain(":");
    }
    expect(own.map((f) => f.address)).toContain("K12");
  });

  test("no formats are planned when nothing textual is written", () => {
    const numbers = plan({ oppsett: oppsett(), terminer: [terminInput(1, [2, 0, 2, 2, 0, 2, 0, 0])], existing: book[sheetName] });
    expect(numbers.formats.filter((f) => f.sheet === sheetName)).toEqual([]);
  });
});
