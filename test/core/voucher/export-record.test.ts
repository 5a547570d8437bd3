import { asOre, Ore } from "../../../src/core/money/ore";
import { ExportedLine, exportedNet, planExport, unbalancedInRecord } from "../../../src/core/voucher/export-record";
import { Bilag } from "../../../src/core/voucher/types";
import { toGl07 } from "../../../src/core/voucher/gl07";
import { isProblems } from "../../../src/core/problem/problem";

const ore = (kroner: number): Ore => asOre(Math.round(kroner * 100));

function voucher(id: string, termin: number, lines: [string, number][]): Bilag {
  return {
    id,
    termin,
    tekst: `Korreksjonsbilag ${id}`,
    dato: `2024-0${termin * 2}-28`,
    periode: `20240${termin * 2}`,
    linjer: lines.map(([konto, kr], i) => ({ termin, linje: i + 1, konto, belop: ore(kr), tekst: `linje ${i + 1}`, dimensjoner: (konto.startsWith("5") ? { 1: "1001" } : {}) as Record<number, string> })),
  };
}

const T1 = voucher("SPK-2024-T1", 1, [["5420", 1000], ["2820", -1000], ["5401", 138.7], ["1986", -138.7]]);
const T2 = voucher("SPK-2024-T2", 2, [["5420", -250], ["2820", 250], ["5401", -34.68], ["1986", 34.68]]);
const meta = (n: number) => ({ eksportert: `2024-0${n + 2}-15T10:00:00`, fil: `bilag-${n}.dat`, batchPrefix: "SPK-2024" });

describe("exports that remember (planExport)", () => {
  test("the first export holds every voucher, numbered from 1, in batch E1", () => {
    const p = planExport([T1], [], meta(1));
    expect(p.vouchers.map((v) => v.id)).toEqual(["SPK-2024-T1"]);
    expect(p.bilagsnumre).toEqual([1]);
    expect(p.batchId).toBe("SPK-2024-E1");
    expect(p.record.map((l) => [l.bilagId, l.sekvens, l.type, l.konto, l.belop])).toEqual([
      ["SPK-2024-T1", 1, "bilag", "5420", 100000], ["SPK-2024-T1", 1, "bilag", "2820", -100000],
      ["SPK-2024-T1", 1, "bilag", "5401", 13870], ["SPK-2024-T1", 1, "bilag", "1986", -13870],
    ]);
  });

  test("the next export holds only the new termin, and continues the numbering", () => {
    const first = planExport([T1], [], meta(1)).record;
    const p = planExport([T1, T2], first, meta(2));
    expect(p.vouchers.map((v) => v.id)).toEqual(["SPK-2024-T2"]);
    expect(p.unchanged).toEqual(["SPK-2024-T1"]);
    expect(p.bilagsnumre).toEqual([2]);
    expect(p.batchId).toBe("SPK-2024-E2");
  });

  test("a changed voucher gives a correction of exactly the difference, balanced", () => {
    const first = planExport([T1], [], meta(1)).record;
    const changed = voucher("SPK-2024-T1", 1, [["5420", 1200], ["2820", -1200], ["5401", 166.44], ["1986", -166.44]]);
    const p = planExport([changed], first, meta(2));
    expect(p.vouchers).toHaveLength(1);
    const k = p.vouchers[0];
    expect(k.id).toBe("SPK-2024-T1-K2");
    expect(k.linjer.map((l) => [l.konto, l.belop])).toEqual([["5420", 20000], ["2820", -20000], ["5401", 2774], ["1986", -2774]]);
    expect(k.linjer.reduce((a, l) => a + l.belop, 0)).toBe(0);
    expect(p.corrected).toEqual([{ bilagId: "SPK-2024-T1", sekvens: 2 }]);
    // After the correction the net exported is the changed voucher; the run after exports nothing.
    const again = planExport([changed], [...first, ...p.record], meta(3));
    expect(again.vouchers).toEqual([]);
    expect(again.unchanged).toEqual(["SPK-2024-T1"]);
  });

  test("a voucher that no longer exists is reversed", () => {
    const first = planExport([T1], [], meta(1)).record;
    const p = planExport([], first, meta(2));
    expect(p.vouchers[0].id).toBe("SPK-2024-T1-K2");
    expect(p.vouchers[0].linjer.map((l) => l.belop)).toEqual([-100000, 100000, -13870, 13870]);
  });

  test("an unchanged run exports nothing", () => {
    const first = planExport([T1, T2], [], meta(1)).record;
    const p = planExport([T1, T2], first, meta(2));
    expect(p.vouchers).toEqual([]);
    expect(p.record).toEqual([]);
    expect(p.unchanged).toEqual(["SPK-2024-T1", "SPK-2024-T2"]);
  });

  test("«alle» exports every voucher again as a copy that never counts", () => {
    const first = planExport([T1], [], meta(1)).record;
    const p = planExport([T1, T2], first, meta(2), true);
    expect(p.copy).toBe(true);
    expect(p.vouchers.map((v) => v.id)).toEqual(["SPK-2024-T1", "SPK-2024-T2"]);
    expect(p.record.every((l) => l.type === "kopi")).toBe(true);
    // Marked as a copy in the file itself: the batch id and every line's text.
    expect(p.batchId).toMatch(/-E2-KOPI$/);
    expect(p.vouchers.flatMap((v) => v.linjer).every((l) => l.tekst.startsWith("KOPI - ikke bokfør: "))).toBe(true);
    // The mark is Latin-1, so a copy can be written as GL07 (a dash would stop every line).
    expect(isProblems(toGl07(p.vouchers, { firma: "72", bilagsart: "KB", batchId: p.batchId }))).toBe(false);
    expect([...exportedNet([...first, ...p.record]).keys()]).toEqual(["SPK-2024-T1"]);
    // T2 is still new for a normal export.
    expect(planExport([T1, T2], [...first, ...p.record], meta(3)).vouchers.map((v) => v.id)).toEqual(["SPK-2024-T2"]);
  });

  test("a record whose lines for a voucher do not sum to 0 was edited", () => {
    const first: ExportedLine[] = planExport([T1], [], meta(1)).record.map((l, i) => (i === 0 ? { ...l, belop: ore(999) } : l));
    expect(unbalancedInRecord(first)).toEqual(["SPK-2024-T1"]);
  });
});
