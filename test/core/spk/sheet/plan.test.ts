import { RuleError } from "../../../../src/core/errors";
import { Ore, oreFromKroner } from "../../../../src/core/money/ore";
import { isProblems, Problems } from "../../../../src/core/problem/problem";
import { reconcile } from "../../../../src/core/spk/reconcile";
import { parseRange } from "../../../../src/core/sheet/a1";
import { planAvstemming, PlanInput } from "../../../../src/core/spk/sheet/plan";
import { LAYOUT_NAMES } from "../../../../src/core/spk/sheet/layout";
import { readAvstemming } from "../../../../src/core/spk/sheet/read";
import { Cell, isFormula, WritePlan } from "../../../../src/core/workpaper/write-plan";
import { BRUTTO, oppsett, ore, terminFields } from "../../../support/fixtures";
import { applyPlan, cellMap, Workbook } from "../../../support/plan-applier";

function plan(input: PlanInput): WritePlan {
  const p = planAvstemming(input);
  if (isProblems(p)) throw new Error(p.message);
  return p;
}

/** Every cell a plan writes on a sheet: "B12" → value. */
function written(p: WritePlan, sheet: string): Map<string, Cell> {
  const out = new Map<string, Cell>();
  for (const w of p.writes.filter((x) => x.sheet === sheet)) {
    const r = parseRange(w.address);
    w.cells.forEach((line, i) =>
      line.forEach((cell, j) => {
        if (cell === null) return;
        const col = String.fromCharCode(65 + r.start.col + j);
        out.set(`${col}${r.start.row + i + 1}`, cell);
      }),
    );
  }
  return out;
}

const formulaAt = (cells: Map<string, Cell>, address: string) => {
  const c = cells.get(address);
  return c !== undefined && c !== null && isFormula(c) ? c.formula : c;
};

const ALLOWED = new Set(["SUM", "ROUND", "IF", "ABS", "AND", "OR", "SUMPRODUCT", "COUNT"]);
function functionsIn(formula: string): string[] {
  const withoutStrings = formula.replace(/"[^"]*"/g, '""');
  return [...withoutStrings.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g)].map((m) => m[1]);
}

const SHEET = "A10 SPK brutto";

describe("a new A10 sheet", () => {
  const p = plan({ oppsett: oppsett(), terminer: BRUTTO, saldoer: [{ konto: "2820", ib: ore(0), bevegelse: ore(12.34) }], oppdatertAgaSats: 0.1412 });
  const cells = written(p, SHEET);

  test("sheets: the reconciliation with frozen header rows, and a very hidden _lonn", () => {
    expect(p.sheets).toEqual([
      expect.objectContaining({ name: SHEET, visibility: "visible", freezeRows: 11 }),
      expect.objectContaining({ name: "_lonn", visibility: "veryHidden" }),
    ]);
    expect(p.sheets[0].columnWidths?.J).toBeGreaterThan(p.sheets[0].columnWidths?.B ?? 0);
  });

  test("every formula uses only SUM, ROUND, IF, ABS, AND, OR, SUMPRODUCT and never LONN.", () => {
    const formulas = [
      ...[...cells.values()].filter((c): c is { formula: string } => c !== null && isFormula(c)).map((c) => c.formula),
      ...p.conditionalFormats.map((c) => c.formula),
    ];
    expect(formulas.length).toBeGreaterThan(150);
    for (const f of formulas) {
      expect(f).not.toMatch(/LONN\./i);
      for (const fn of functionsIn(f)) expect(ALLOWED).toContain(fn);
    }
    for (const c of cells.values()) if (c !== null && isFormula(c)) expect(c.formula.startsWith("=")).toBe(true);
  });

  test("every name a formula uses is defined, and names point at the header cells", () => {
    const defined = new Map(p.names.map((n) => [n.name, `${n.sheet}!${n.address}`]));
    const used = new Set<string>();
    for (const c of cells.values()) if (c !== null && isFormula(c)) for (const n of c.formula.match(/LONN_[A-Z0-9_]+/g) ?? []) used.add(n);
    for (const c of p.conditionalFormats) for (const n of c.formula.match(/LONN_[A-Z0-9_]+/g) ?? []) used.add(n);
    for (const n of used) expect(defined.has(n)).toBe(true);
    expect(Object.fromEntries(defined)).toMatchObject({
      LONN_VIRKSOMHET: `${SHEET}!B2`, LONN_AAR: `${SHEET}!A4`, LONN_BUDSJETTERING: `${SHEET}!B4`, LONN_MODUS: `${SHEET}!C4`,
      LONN_AGA_SATS: `${SHEET}!D4`, LONN_TOLERANSE: `${SHEET}!E4`, LONN_VESENTLIGHET: `${SHEET}!F4`,
      LONN_KONTO_DIFFERANSE: `${SHEET}!B6`, LONN_KONTO_AVSETNING_BRUTTO: `${SHEET}!C6`, LONN_KONTO_FAKTURADIFFERANSE: `${SHEET}!D6`,
      LONN_KONTO_AVSETNING_NETTO: `${SHEET}!E6`, LONN_KONTO_MEDLEMSINNSKUDD: `${SHEET}!F6`, LONN_KONTO_AGA: `${SHEET}!G6`,
      LONN_KONTO_AGA_MOT_BRUTTO: `${SHEET}!H6`, LONN_KONTO_AGA_MOT_NETTO: `${SHEET}!I6`,
      LONN_DIM1_NAVN: `${SHEET}!B7`, LONN_DIM7_VERDI: `${SHEET}!H8`,
      LONN_AGA_AAR: `${SHEET}!D29`, LONN_AGA_SATS_NY: `${SHEET}!A39`, LONN_AGA_JUSTERING: `${SHEET}!E39`,
    });
    expect(p.names).toHaveLength(LAYOUT_NAMES.length);
  });

  test("the header holds the Oppsett", () => {
    expect(["B2", "A4", "B4", "C4", "D4", "E4", "F4"].map((a) => cells.get(a))).toEqual(["Eksempeletaten", 2024, "Brutto", "Terminvis", 0.1387, 1, 0.05]);
    expect(["B6", "C6", "D6", "E6", "F6", "G6", "H6", "I6"].map((a) => cells.get(a))).toEqual(["5420", "2810", "2820", "2961", "2630", "5401", "1986", "2771"]);
  });

  test("termin rows: labels, inputs, and the formulas of DESIGN.md §3.1", () => {
    expect(["A12", "A17", "A18"].map((a) => cells.get(a))).toEqual(["T1", "T6", "Sum"]);
    expect(["B12", "C12", "D12", "E12", "F12", "L12", "M12", "N12", "K12", "U12", "V12", "W12"].map((a) => cells.get(a))).toEqual([
      100000, 20000, 100000, 100000, 20000, 100000, 1500.5, 20000, "2024-0117", "A", "KN", "15.03.2024",
    ]);
    expect(cells.get("J15")).toBe("Lønnsoppgjør etterbetalt");
    expect(cells.has("J12")).toBe(false);
    const row = (r: number) => ["G", "H", "I", "O", "P", "Q", "R", "S", "T"].map((c) => formulaAt(cells, `${c}${r}`));
    expect(row(12)).toEqual([
      '=IF(AND(COUNT(B12:C12)>0,COUNT(D12:F12)>0),B12-D12,"")', '=IF(AND(COUNT(B12:C12)>0,COUNT(D12:F12)>0),B12-E12,"")', '=IF(AND(COUNT(B12:C12)>0,COUNT(D12:F12)>0),C12-F12,"")',
      '=IF(AND(COUNT(B12:C12)>0,COUNT(L12:N12)>0),L12-B12,"")', '=IF(AND(COUNT(B12:C12)>0,COUNT(L12:N12)>0),N12-C12,"")', '=IF(AND(COUNT(B12:C12)>0,COUNT(L12:N12)>0),(L12+M12+N12)-(B12+C12),"")',
      // Missing is not zero: R (and T) stay empty until SAP, Unit4 and the invoice all have figures.
      '=IF(AND(COUNT(B12:C12)>0,COUNT(L12:N12)>0),IF(LONN_BUDSJETTERING="Brutto",M12,Q12),"")', "=LONN_AGA_SATS", '=IF(R12="","",ROUND(R12*S12,2))',
    ]);
    expect(row(17)).toEqual([
      '=IF(AND(COUNT(B17:C17)>0,COUNT(D17:F17)>0),B17-D17,"")', '=IF(AND(COUNT(B17:C17)>0,COUNT(D17:F17)>0),B17-E17,"")', '=IF(AND(COUNT(B17:C17)>0,COUNT(D17:F17)>0),C17-F17,"")',
      '=IF(AND(COUNT(B17:C17)>0,COUNT(L17:N17)>0),L17-B17,"")', '=IF(AND(COUNT(B17:C17)>0,COUNT(L17:N17)>0),N17-C17,"")', '=IF(AND(COUNT(B17:C17)>0,COUNT(L17:N17)>0),(L17+M17+N17)-(B17+C17),"")',
      '=IF(AND(COUNT(B17:C17)>0,COUNT(L17:N17)>0),IF(LONN_BUDSJETTERING="Brutto",M17,Q17),"")', "=LONN_AGA_SATS", '=IF(R17="","",ROUND(R17*S17,2))',
    ]);
    for (const col of ["B", "C", "D", "E", "F", "G", "H", "I", "L", "M", "N", "O", "P", "Q", "R", "T"]) {
      expect(formulaAt(cells, `${col}18`)).toBe(`=SUM(${col}12:${col}17)`);
    }
    for (const col of ["J", "K", "S", "U", "V", "W"]) expect(cells.has(`${col}18`)).toBe(false);
  });

  test("the Termin-/årsavstemming block: amounts per account, per termin and for the year", () => {
    expect(["E22", "F22", "G22", "H22", "I22", "J22", "K22"].map((a) => formulaAt(cells, a))).toEqual([
      "=LONN_KONTO_DIFFERANSE", "=LONN_KONTO_FAKTURADIFFERANSE", "=LONN_KONTO_AVSETNING_NETTO", "=LONN_KONTO_MEDLEMSINNSKUDD",
      "=LONN_KONTO_AGA", "=LONN_KONTO_AGA_MOT_BRUTTO", "=LONN_KONTO_AGA_MOT_NETTO",
    ]);
    const row = (r: number) => ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"].map((c) => formulaAt(cells, `${c}${r}`));
    // T2 is in table row 13 and block row 24.
    expect(row(24)).toEqual([
      // A termin not reconciled (R empty) leaves its voucher row empty.
      "T2", "=R13", "=S13", "=T13", '=IF(B24="","",B24)', '=IF(B24="","",IF(LONN_BUDSJETTERING="Brutto",-B24,0))', '=IF(B24="","",IF(LONN_BUDSJETTERING="Brutto",0,-O13))',
      '=IF(B24="","",IF(LONN_BUDSJETTERING="Brutto",0,-P13))', '=IF(B24="","",D24)', '=IF(B24="","",IF(LONN_BUDSJETTERING="Brutto",-D24,0))',
      '=IF(B24="","",IF(LONN_BUDSJETTERING="Brutto",0,-D24))', '=IF(B24="","",SUM(E24:K24))',
    ]);
    expect(row(29)).toEqual([
      "År", "=R18", "=LONN_AGA_SATS", '=IF(OR(LONN_MODUS="Årsslutt",LONN_MODUS="Arsslutt"),ROUND(R18*LONN_AGA_SATS,2),T18)', "=B29",
      '=IF(LONN_BUDSJETTERING="Brutto",-B29,0)', '=IF(LONN_BUDSJETTERING="Brutto",0,-O18)', '=IF(LONN_BUDSJETTERING="Brutto",0,-P18)',
      "=D29", '=IF(LONN_BUDSJETTERING="Brutto",-D29,0)', '=IF(LONN_BUDSJETTERING="Brutto",0,-D29)', "=SUM(E29:K29)",
    ]);
  });

  test("balance control (brutto: 2630, 2810, 2820) and the AGA adjustment", () => {
    const row = (r: number) => ["A", "B", "C", "D", "E", "F"].map((c) => formulaAt(cells, `${c}${r}`));
    expect(row(33)).toEqual(["=LONN_KONTO_MEDLEMSINNSKUDD", undefined, undefined, "=B33+C33", 0, "=D33-E33"]);
    expect(row(34)[0]).toBe("=LONN_KONTO_AVSETNING_BRUTTO");
    expect(row(35)).toEqual(["=LONN_KONTO_FAKTURADIFFERANSE", 0, 12.34, "=B35+C35", 0, "=D35-E35"]);
    expect(["A39", "B39", "C39", "D39", "E39"].map((a) => formulaAt(cells, a))).toEqual([
      0.1412, "=R18", "=D29", '=IF(A39="","",ROUND(B39*A39,2))', '=IF(A39="","",ROUND(D39-C39,2))',
    ]);
  });

  test("conditional formats for the three flags use the header's names", () => {
    expect(p.conditionalFormats.slice(0, 3)).toEqual([
      {
        sheet: SHEET, address: "G12:J17", style: "flag",
        // Only where SAP and Unit4 both have figures, as the model's flag.
        formula: 'AND(COUNT($B12:$C12)>0,COUNT($D12:$F12)>0,OR(ABS(ROUND($G12,2))>LONN_TOLERANSE,ABS(ROUND($H12,2))>LONN_TOLERANSE,ABS(ROUND($I12,2))>LONN_TOLERANSE),$J12="")',
      },
      // Material only above the tolerance, and only with SAP and the invoice.
      { sheet: SHEET, address: "Q12:Q17", style: "warning", formula: "AND(COUNT($B12:$C12)>0,COUNT($L12:$N12)>0,ABS(ROUND($Q12,2))>LONN_TOLERANSE,ABS(ROUND($Q12,2))>ROUND(LONN_VESENTLIGHET*ABS($B12+$C12),7))" },
      { sheet: SHEET, address: "O12:P17", style: "flag", formula: 'AND(LONN_BUDSJETTERING="Brutto",COUNT($B12:$C12)>0,COUNT($L12:$N12)>0,OR(ROUND($O12,2)<>0,ROUND($P12,2)<>0))' },
    ]);
  });

  test("styles: inputs yellow, formulas grey, headers, the sum row", () => {
    const styleOf = (address: string) => {
      const { row, col } = parseRange(address).start;
      let found: string | undefined;
      for (const f of p.formats.filter((x) => x.sheet === SHEET && x.style)) {
        const r = parseRange(f.address);
        if (row >= r.start.row && row <= r.end.row && col >= r.start.col && col <= r.end.col) found = f.style;
      }
      return found;
    };
    for (const [address, cell] of cells) {
      const style = styleOf(address);
      if (cell !== null && isFormula(cell)) expect([address, ["formula", "sum"].includes(style ?? "")]).toEqual([address, true]);
    }
    for (const a of ["B12", "F17", "J12", "K12", "L12", "N17", "U12", "W17", "A4", "D4", "B6", "B7", "H8", "B33", "C35", "A39"]) {
      expect([a, styleOf(a)]).toEqual([a, "input"]);
    }
    expect(styleOf("A11")).toBe("header");
    expect(styleOf("T18")).toBe("sum");
    expect(p.formats.find((f) => f.address === "B12:F17")?.numberFormat).toBe("#,##0.00;[Red]-#,##0.00");
    expect(p.formats.find((f) => f.address === "S12:S17")?.numberFormat).toBe("0.0000%");
  });

  test("few rectangular writes, not one per cell", () => {
    const sheetWrites = p.writes.filter((w) => w.sheet === SHEET);
    // X is the sign-off state the tool keeps beside DFØ's columns.
    expect(sheetWrites.map((w) => w.address)).toEqual(["A1:J8", "A10:X18", "A20:L29", "A31:F35", "A37:E39"]);
  });

  test("a second fill against the result changes nothing and reports nothing", () => {
    const book = applyPlan(p, {});
    const again = plan({
      oppsett: oppsett(), terminer: BRUTTO, saldoer: [{ konto: "2820", ib: ore(0), bevegelse: ore(12.34) }], oppdatertAgaSats: 0.1412,
      existing: book[SHEET], settings: book._lonn,
    });
    expect(again.writes).toEqual([]);
    expect(again.leftAlone).toEqual([]);
    expect(again.notices).toEqual([]);
    expect(again.formats).toEqual([]);
    expect(again.conditionalFormats).toEqual([]);
    const twice = applyPlan(again, book);
    expect(cellMap(twice[SHEET])).toEqual(cellMap(book[SHEET]));
    expect(cellMap(twice._lonn)).toEqual(cellMap(book._lonn));
  });

  test("read back, the sheet gives the same Oppsett, termins and reconciliation", () => {
    const book: Workbook = applyPlan(p, {});
    const r = readAvstemming(book[SHEET], book._lonn);
    if (isProblems(r)) throw new Error(r.message);
    expect(r.oppsett).toEqual(oppsett());
    expect(r.terminer).toEqual(BRUTTO);
    expect(r.saldoer).toEqual([{ konto: "2820", ib: ore(0), bevegelse: ore(12.34) }]);
    expect(r.oppdatertAgaSats).toBe(0.1412);
    expect(reconcile(r.oppsett, r.terminer, r)).toEqual(reconcile(oppsett(), BRUTTO, { saldoer: [{ konto: "2820", ib: ore(0), bevegelse: ore(12.34) }], oppdatertAgaSats: 0.1412 }));
  });
});

describe("a new A11 sheet", () => {
  const o = oppsett({ budsjettering: "netto", modus: "arsslutt", dimensjoner: [{ nummer: 1, navn: "Koststed", verdi: "1001" }, { nummer: 3, navn: "Prosjekt", fordeling: [{ verdi: "P1", vekt: 2 }, { verdi: "P2", vekt: 1 }], pakrevd: true }] });
  const p = plan({ oppsett: o, terminer: [terminFields({ termin: 2, sapArbeidsgiverandel: 1000, fakturaArbeidsgiverandel: 1100 })] });
  const cells = written(p, "A11 SPK netto");

  test("named A11 SPK netto, Netto/Årsslutt in the header, balance rows 2630 and 2961", () => {
    expect(p.sheets[0].name).toBe("A11 SPK netto");
    expect(cells.get("A1")).toBe("A11 Avstemming av pensjonspremie til Statens pensjonskasse – nettobudsjetterte virksomheter");
    expect([cells.get("B4"), cells.get("C4")]).toEqual(["Netto", "Årsslutt"]);
    expect([formulaAt(cells, "A33"), formulaAt(cells, "A34"), cells.get("A35")]).toEqual(["=LONN_KONTO_MEDLEMSINNSKUDD", "=LONN_KONTO_AVSETNING_NETTO", undefined]);
  });

  test("only the fields given are written", () => {
    expect([cells.get("B13"), cells.get("L13")]).toEqual([1000, 1100]);
    for (const a of ["C13", "D13", "M13", "B12", "B14"]) expect(cells.has(a)).toBe(false);
  });

  test("dimensions: names and values in the header, splits in _lonn; read back whole", () => {
    expect([cells.get("B7"), cells.get("B8"), cells.get("D7"), cells.has("D8")]).toEqual(["Koststed", "1001", "Prosjekt", false]);
    const book = applyPlan(p, {});
    const r = readAvstemming(book["A11 SPK netto"], book._lonn);
    if (isProblems(r)) throw new Error(r.message);
    expect(r.oppsett).toEqual(o);
  });
});

test("an empty virksomhet writes nothing, so a second fill is still empty", () => {
  const first = plan({ oppsett: oppsett({ virksomhet: "" }), terminer: [] });
  expect(written(first, SHEET).has("B2")).toBe(false);
  const book = applyPlan(first, {});
  expect(plan({ oppsett: oppsett({ virksomhet: "" }), terminer: [], existing: book[SHEET], settings: book._lonn }).writes).toEqual([]);
});

describe("inputs are checked before anything is planned", () => {
  test("every problem at once", () => {
    const r = planAvstemming({
      oppsett: oppsett({ budsjettering: "netto" }),
      // The model holds whole øre: 1,001 kr can only reach the plan as 100,1 øre, which it refuses.
      terminer: [{ termin: 7 }, { termin: 2, fakturaDifferanse: ore(5), sapMedlemsinnskudd: 100.1 as Ore }, { termin: 2 }],
      oppdatertAgaSats: 14,
    });
    expect((r as Problems).lines).toEqual([
      "Termin nr. 1 i listen: terminen må være 1–6 (fikk 7).",
      "Termin 2, C (SAP medlemsinnskudd): «100.1» er ikke et beløp i hele øre.",
      "Termin 2, M (faktura differanse 2820): skal være tom for nettobudsjetterte virksomheter (fikk 5).",
      "Termin 2 finnes to ganger.",
      "Den oppdaterte AGA-satsen må være en brøk fra og med 0 til 1 (fikk 14).",
    ]);
    // The kroner figure 1,001 is refused, in the words the user reads, where kroner become øre.
    expect((oreFromKroner(1.001, "Termin 2, C (SAP medlemsinnskudd)") as RuleError).message).toBe(
      "Termin 2, C (SAP medlemsinnskudd) (1,001) har brøkdeler av øre; beløp kan ha høyst to desimaler.",
    );
  });

  test("a balance for an account outside the control", () => {
    const r = planAvstemming({ oppsett: oppsett(), terminer: [], saldoer: [{ konto: "2961", ib: ore(0), bevegelse: ore(0) }] });
    expect((r as Problems).lines).toEqual([
      "Saldo 1 (konto 2961): kontoen inngår ikke i årskontrollen for bruttobudsjetterte (2630 medlemsinnskudd, 2810 avsetning arbeidsgiverandel, brutto, 2820 fakturadifferanse, brutto).",
    ]);
  });
});
