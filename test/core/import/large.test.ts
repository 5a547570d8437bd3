import { parseCsv, readSap, readUnit4 } from "../../../src/core/import";
import { ok } from "../../support/checked";

/** A deterministic pseudo-random sequence (xorshift32), so the file is the same every run. */
function random(seed: number) {
  let s = seed >>> 0 || 1;
  return (n: number) => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s % n;
  };
}

/** Øre as Norwegian text in one of the formats the readers accept. */
function text(ore: number, style: number): string {
  const abs = Math.abs(ore);
  const whole = Math.floor(abs / 100);
  const dec = String(abs % 100).padStart(2, "0");
  const spaced = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, style === 1 ? "\u00a0" : " ");
  const dotted = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const body = [`${spaced},${dec}`, `${spaced},${dec}`, `${dotted},${dec}`, `${whole}.${dec}`][style];
  if (ore >= 0) return body;
  return style === 2 ? `${body}-` : style === 3 ? `(${body})` : `-${body}`;
}

describe("a 10 000-row export", () => {
  test("SAP: every line is read and the sums per termin are exact", () => {
    const next = random(20240101);
    const expected = { B: Array(6).fill(0), C: Array(6).fill(0) };
    const lines = ["Lønnsart;Lønnsarttekst;For-periode;Ansattnr;Beløp"];
    for (let i = 0; i < 10_000; i++) {
      const month = 1 + next(12);
      const code = ["7300", "7301", "7350", "1000"][next(4)];
      const ore = next(5_000_000) - (next(10) === 0 ? 6_000_000 : 0);
      const period = [`${String(month).padStart(2, "0")}.2024`, `2024${String(month).padStart(2, "0")}`, `15.${month}.2024`][next(3)];
      lines.push(`${code};Tekst;${period};${100000 + i};"${text(ore, next(4))}"`);
      const t = Math.ceil(month / 2) - 1;
      if (code === "7350") expected.C[t] += ore;
      else if (code !== "1000") expected.B[t] += ore;
    }
    const csv = ok(parseCsv(lines.join("\r\n"), { sheet: "SAP" }));
    expect(csv.values.length).toBe(10_001);
    const r = ok(readSap({ sheet: "SAP", values: csv.values }, { aar: 2024, lonnsarter: { arbeidsgiverandel: ["7300", "7301"], medlemsinnskudd: ["7350"] } }));
    // The sums are øre already (they were exact kroner, rounded to øre here).
    expect(r.terminer.map((t) => t.arbeidsgiverandel + 0)).toEqual(expected.B);
    expect(r.terminer.map((t) => t.medlemsinnskudd + 0)).toEqual(expected.C);
    expect(r.summary.dataRows).toBe(10_000);
    expect(r.summary.ignored).toEqual([{ reason: "andre lønnsarter (1000)", count: 10_000 - r.summary.usedRows }]);
    expect(r.summary.usedRows).toBeGreaterThan(7_000);
  });

  test("Unit4: 10 000 number cells as Office.js gives them", () => {
    const next = random(42);
    const expected = { D: Array(6).fill(0), E: Array(6).fill(0), F: Array(6).fill(0) };
    const values: unknown[][] = [["Konto", "Periode", "Bilagsart", "Beløp"]];
    for (let i = 0; i < 10_000; i++) {
      const month = 1 + next(12);
      const konto = ["5420", "2810", "2630", "5000"][next(4)];
      const bilagsart = ["B1", "B2", "IF"][next(3)];
      const ore = next(2_000_000) - 1_000_000;
      values.push([Number(konto), 202400 + month, bilagsart, ore / 100]);
      if (bilagsart === "IF" || konto === "5000") continue;
      const t = Math.ceil(month / 2) - 1;
      if (konto === "5420") expected.D[t] += ore;
      else if (konto === "2810") expected.E[t] -= ore;
      else expected.F[t] -= ore;
    }
    const r = ok(readUnit4({ sheet: "Unit4", values }, { aar: 2024, budsjettering: "brutto" }));
    expect(r.terminer.map((t) => t.pensjonsutgift + 0)).toEqual(expected.D);
    expect(r.terminer.map((t) => t.avsetning + 0)).toEqual(expected.E);
    expect(r.terminer.map((t) => t.medlemsinnskudd + 0)).toEqual(expected.F);
  });
});
