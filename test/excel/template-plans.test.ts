/**
 * The real template plans from src/core/template through the Office.js shell and the strict fake
 * host: what the core plans is what the workbook ends up holding, and reading it back gives the
 * same reconciliation.
 */
import { Checked, isProblems } from "../../src/core/problem/problem";
import { Bilag, DEFAULT_KONTOER, Oppsett, TerminInput } from "../../src/core/spk/types";
import { planAvstemming } from "../../src/core/spk/sheet/plan";
import { KORREKSJONSBILAG_SHEET, planKorreksjonsbilagSheet } from "../../src/core/spk/sheet/korreksjonsbilag-sheet";
import { readAvstemming } from "../../src/core/spk/sheet/read";
import { WritePlan } from "../../src/core/workpaper/write-plan";
import { readSnapshots } from "../../src/excel/read";
import { runPlanned, Snapshots } from "../../src/excel/run";
import { SETTINGS_SHEET } from "../../src/excel/settings";
import { contains, FakeExcelHost, parseLocal, splitSheet } from "../fake-excel";
import { installed, ore, withExcel } from "./support";

const SHEET = "A10 SPK brutto";

const OPPSETT: Oppsett = {
  virksomhet: "Eksempeletaten", aar: 2024, budsjettering: "brutto", modus: "terminvis", agaSats: 0.1387,
  toleranse: ore(1), vesentlighetsgrense: 0.05, kontoer: DEFAULT_KONTOER, dimensjoner: [], bilagsart: "KB", firma: "72",
};

const TERMINER: TerminInput[] = [
  { termin: 1, sapArbeidsgiverandel: ore(100000), sapMedlemsinnskudd: ore(20000), unit4Pensjonsutgift: ore(100000), unit4AvsetningArbeidsgiverandel: ore(100000),
    unit4Medlemsinnskudd: ore(20000), fakturaArbeidsgiverandel: ore(100000), fakturaDifferanse: ore(1500.5), fakturaMedlemsinnskudd: ore(20000),
    fakturanummer: "2024-0117", status: "A", signatur: "KN", dato: "15.03.2024" },
  { termin: 2, sapArbeidsgiverandel: ore(98765.43), sapMedlemsinnskudd: ore(19753.09), unit4Pensjonsutgift: ore(98760.43), unit4AvsetningArbeidsgiverandel: ore(98765.43),
    unit4Medlemsinnskudd: ore(19753.09), fakturaArbeidsgiverandel: ore(98765.43), fakturaDifferanse: ore(-250.75), fakturaMedlemsinnskudd: ore(19753.09),
    forklaring: "Lønnsoppgjør etterbetalt" },
];

const ok = <T>(r: Checked<T>): T => {
  if (isProblems(r)) throw new Error(r.message);
  return r;
};

const avstemmingPlan = (oppsett: Oppsett, terminer: readonly TerminInput[]) => (snaps: Snapshots): Checked<WritePlan> =>
  planAvstemming({ oppsett, terminer, existing: snaps.get(SHEET), settings: snaps.get(SETTINGS_SHEET) });

function fill(host: FakeExcelHost, oppsett = OPPSETT, terminer = TERMINER) {
  return installed(host, () => runPlanned(avstemmingPlan(oppsett, terminer), [SHEET, SETTINGS_SHEET]));
}

describe("planAvstemming through the shell", () => {
  test("a new workbook: two syncs; the sheet, a very hidden _lonn and the LONN_ names are created", async () => {
    const host = new FakeExcelHost().seed("Ark1");
    const report = ok(await fill(host));
    expect(report.syncs).toBe(2);
    expect(host.syncCount).toBe(2);
    expect(report.sheetsCreated).toEqual([SHEET, SETTINGS_SHEET]);
    expect(host.sheet(SETTINGS_SHEET).visibility).toBe("VeryHidden");
    expect(report.namesAdded.length).toBeGreaterThan(5);
    expect(report.namesAdded.every((n) => n.startsWith("LONN_"))).toBe(true);
  });

  test("reading the filled workbook back gives the same reconciliation inputs", async () => {
    const host = new FakeExcelHost().seed("Ark1");
    ok(await fill(host));
    const snaps = await withExcel(host, (ctx) => readSnapshots(ctx, [SHEET, SETTINGS_SHEET]));
    const back = ok(readAvstemming(snaps.get(SHEET) as NonNullable<ReturnType<typeof snaps.get>>, snaps.get(SETTINGS_SHEET)));
    expect(back.oppsett).toEqual(OPPSETT);
    expect(back.terminer.filter((t) => t.termin <= 2)).toEqual(
      TERMINER.map((t) => expect.objectContaining({ ...t })),
    );
  });

  test("every formula the plan writes is a formula in the workbook, every constant the same constant", async () => {
    const host = new FakeExcelHost().seed("Ark1");
    const plan = ok(avstemmingPlan(OPPSETT, TERMINER)(new Map()));
    ok(await fill(host));
    let checked = 0;
    for (const w of plan.writes) {
      const r = parseLocal(w.address);
      w.cells.forEach((row, i) =>
        row.forEach((cell, j) => {
          if (cell === null) return;
          const c = host.sheet(w.sheet).cell(r.r0 + i, r.c0 + j);
          if (typeof cell === "object") expect(c.formula).toBe(cell.formula);
          else expect([c.formula, c.value]).toEqual([undefined, cell]);
          checked++;
        }),
      );
    }
    expect(checked).toBeGreaterThan(200);
  });

  test("filling again with the same figures changes nothing", async () => {
    const host = new FakeExcelHost().seed("Ark1");
    ok(await fill(host));
    const first = host.state();
    const again = ok(await fill(host));
    expect(host.state()).toEqual(first);
    expect([again.sheetsCreated, again.namesAdded, again.namesUpdated]).toEqual([[], [], []]);
  });

  test("texts that look like formulas or markup are stored as text", async () => {
    const host = new FakeExcelHost().seed("Ark1");
    const sly = '=HYPERLINK("http://x","klikk")';
    const terminer = [{ ...TERMINER[0], forklaring: "<img src=x onerror=alert(1)>", fakturanummer: "+4722000000", signatur: "@kari" }];
    ok(await fill(host, { ...OPPSETT, virksomhet: sly }, terminer));
    const texts = host.workbook.sheets.flatMap((s) => [...s.entries()].map(([, , c]) => c));
    const formulas = texts.filter((c) => c.formula !== undefined).map((c) => c.formula ?? "");
    expect(formulas.some((f) => f.includes("HYPERLINK") || f.includes("kari") || f.includes("4722"))).toBe(false);
    for (const t of [sly, "<img src=x onerror=alert(1)>", "+4722000000", "@kari"]) {
      expect(texts.some((c) => c.value === t && c.formula === undefined)).toBe(true);
    }
  });

  test("every cell write lies inside the plan's own ranges", async () => {
    const host = new FakeExcelHost().seed("Ark1");
    const plan = ok(avstemmingPlan(OPPSETT, TERMINER)(new Map()));
    ok(await fill(host));
    const own = [...plan.writes, ...plan.formats, ...plan.conditionalFormats].map((x) => ({ sheet: x.sheet.toLowerCase(), rect: parseLocal(x.address) }));
    const cellWrites = host.writes.filter((w) => /^(values|formulas|numberFormat|format\.(fill|font|wrapText)|conditional)/.test(w.kind));
    for (const w of cellWrites) {
      const { sheet, local } = splitSheet(w.address);
      const rect = parseLocal(local);
      if (!own.some((o) => o.sheet === sheet?.toLowerCase() && contains(o.rect, rect))) throw new Error(`${w.kind} på ${w.address}`);
    }
  });

  test("a hand-made DFØ sheet keeps its formulas, explanations and sign-offs; what was left alone is reported", async () => {
    const header = ["Termin", "SAP AG", "SAP medl", "U4 utgift", "U4 avs", "U4 medl", "G", "H", "I", "Forklaring", "Faktura", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "Status", "Sign", "Dato"];
    const row = (t: number, r: number) => [
      `T${t}`, null, null, null, null, null,
      { formula: `=B${r}-D${r}`, value: 0 }, { formula: `=B${r}-E${r}`, value: 0 }, { formula: `=C${r}-F${r}`, value: 0 },
      t === 1 ? "Forklart av Kari" : null, null, null, null, null,
      { formula: `=L${r}-B${r}`, value: 0 }, { formula: `=N${r}-C${r}`, value: 0 }, { formula: `=(L${r}+M${r}+N${r})-(B${r}+C${r})`, value: 0 },
      { formula: `=M${r}`, value: 0 }, 0.14, { formula: `=ROUND(R${r}*S${r},2)`, value: 0 },
      t === 1 ? "G" : null, t === 1 ? "PO" : null, null,
    ];
    const host = new FakeExcelHost().seed(SHEET, [["SPK-avstemming brutto 2024"], [], header, ...[1, 2, 3, 4, 5, 6].map((t) => row(t, t + 3))]);
    const before = host.state().sheets[0].cells;
    const report = ok(await fill(host));
    const after = host.state().sheets[0].cells;
    const kept = Object.entries(before).filter(([a, c]) => c.formula !== undefined || (Number(a.slice(1)) > 3 && ["Forklart av Kari", "G", "PO"].includes(String(c.value))));
    expect(kept.length).toBe(6 * 8 + 3);
    for (const [address, cell] of kept) expect([address, after[address]]).toEqual([address, cell]);
    expect(report.leftAlone.length).toBeGreaterThan(0);
    expect(host.cell(SHEET, "B4").value).toBe(100000);
  });
});

describe("planKorreksjonsbilagSheet through the shell", () => {
  function bilag(lines: number): Bilag[] {
    const linjer = Array.from({ length: lines }, (_, i) => ({
      termin: 1, linje: i + 1, konto: i === lines - 1 ? "2820" : "5420", belop: ore(i === lines - 1 ? -(lines - 1) * 10 : 10), tekst: `Linje ${i + 1}`, dimensjoner: {},
    }));
    return [{ id: "SPK-2024-T1", termin: 1, tekst: "Differanse T1", dato: "2024-03-31", periode: "202403", linjer }];
  }

  test("6 and 6 000 voucher lines take the same two syncs; text columns keep their text exactly", async () => {
    for (const lines of [6, 6000]) {
      const host = new FakeExcelHost().seed("Ark1");
      const report = ok(await installed(host, () => runPlanned((s) => planKorreksjonsbilagSheet(bilag(lines), OPPSETT, s.get(KORREKSJONSBILAG_SHEET)), [KORREKSJONSBILAG_SHEET])));
      expect([lines, report.syncs, host.syncCount]).toEqual([lines, 2, 2]);
      const ids = host.workbook.findSheet(KORREKSJONSBILAG_SHEET);
      const found = [...(ids?.entries() ?? [])].filter(([, , c]) => c.value === "SPK-2024-T1");
      expect(found.length).toBe(lines + 1);
      expect(found.every(([, , c]) => c.formula === undefined && c.numberFormat === "@")).toBe(true);
    }
  });
});
