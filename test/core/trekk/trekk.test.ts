/**
 * core/trekk without the CLI: the scenario reader's rules, the model's edges (tolerance, not yet
 * due, a month without a-melding, zone Ia's full rate), the sheet's plan on an existing sheet
 * (a user's formula and sign-off kept; flags emptied when gone), and the sign-off review.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { Ore } from "../../../src/core/money/ore";
import { isProblems } from "../../../src/core/problem/problem";
import { SheetSnapshot } from "../../../src/core/sheet/snapshot";
import { buildTrekkBilag, TREKK_BILAG_ID, trekkBilagId } from "../../../src/core/trekk/bilag";
import { reconcileTrekk } from "../../../src/core/trekk/reconcile";
import { TrekkAvstemming } from "../../../src/core/trekk/result";
import { parseTrekkScenario } from "../../../src/core/trekk/scenario";
import { reviewSignOff } from "../../../src/core/trekk/sign-off";
import { signOffKey } from "../../../src/core/workpaper/sign-off";
import { AGA, rollBlock, SETTLEMENT_COLUMNS, SIGN, TREKK_SHEET, TREKK_TABLE } from "../../../src/core/trekk/sheet/layout";
import { planTrekkSheet, trekkFlagCells } from "../../../src/core/trekk/sheet/plan";
import { TrekkScenario } from "../../../src/core/trekk/types";
import { Cell, WritePlan } from "../../../src/core/workpaper/write-plan";
import { parseCell } from "../../../src/core/sheet/a1";

const FIXTURE = join(__dirname, "..", "..", "fixtures", "trekk", "fjordtrekk-2026.json");
const json = () => JSON.parse(readFileSync(FIXTURE, "utf8"));

function scenario(change: (s: Record<string, unknown>) => void = () => undefined): TrekkScenario {
  const j = json();
  change(j);
  const s = parseTrekkScenario(j);
  if (isProblems(s)) throw s;
  return s;
}

function model(s: TrekkScenario): TrekkAvstemming {
  const a = reconcileTrekk(s);
  if (isProblems(a)) throw a;
  return a;
}

/** A plan's writes as a sheet grid (values and formulas as Office.js would read them back). */
function apply(plan: WritePlan, sheet: string, base?: SheetSnapshot): SheetSnapshot {
  const values: unknown[][] = (base?.values ?? []).map((r) => [...r]);
  const formulas: unknown[][] = (base?.formulas ?? []).map((r) => [...r]);
  for (const w of plan.writes) {
    if (w.sheet !== sheet) continue;
    const start = parseCell(w.address.split(":")[0]);
    w.cells.forEach((row, i) =>
      row.forEach((cell: Cell, j) => {
        if (cell === null) return;
        const r = start.row + i;
        const c = start.col + j;
        values[r] ??= [];
        formulas[r] ??= [];
        if (typeof cell === "object") {
          formulas[r][c] = cell.formula;
          values[r][c] = 0;
        } else {
          values[r][c] = cell;
          formulas[r][c] = cell;
        }
      }),
    );
  }
  let width = 0;
  for (let r = 0; r < values.length; r++) width = Math.max(width, values[r]?.length ?? 0);
  const pad = (g: unknown[][]) => Array.from({ length: g.length }, (_, r) => Array.from({ length: width }, (_, c) => g[r]?.[c] ?? ""));
  return { name: sheet, values: pad(values), formulas: pad(formulas) };
}

const written = (plan: WritePlan, sheet: string, address: string): Cell | undefined => {
  const want = parseCell(address);
  for (const w of plan.writes) {
    if (w.sheet !== sheet) continue;
    const start = parseCell(w.address.split(":")[0]);
    const cell = w.cells[want.row - start.row]?.[want.col - start.col];
    if (cell !== undefined && cell !== null) return cell;
  }
  return undefined;
};

describe("the scenario reader", () => {
  test("the fixture reads, amounts in whole øre, kontoer defaulted when left out", () => {
    const s = scenario((j) => delete j.kontoer);
    expect(s.kontoer).toEqual({ forskuddstrekk: "2600", aga: "2770", forsikringstrekk: "2640", fagforeningstrekk: "2650" });
    expect(s.lonnskjoringer[1].agaGrunnlag[1].grunnlag).toBe(10000050);
    expect(s.hovedbok[0].posteringer[9].belop).toBe(-16000050);
  });

  test("every problem at once, by JSON path", () => {
    const r = parseTrekkScenario({ virksomhet: "X", aar: 2026, orgnr: "931245679", lonnskjoringer: [{ utbetalingsdato: "2026-02-30" }], amelding: [], hovedbok: [], betalinger: [{ dato: "2026-01-01", gjelder: "skatt", belop: -1 }] });
    expect(isProblems(r) && r.lines).toEqual([
      "orgnr 931245679 har feil kontrollsiffer (modulus 11).",
      "lonnskjoringer[0].utbetalingsdato «2026-02-30» er ikke en dato på formen ÅÅÅÅ-MM-DD.",
      "lonnskjoringer[0].forskuddstrekk mangler.",
      "lonnskjoringer[0].forsikringstrekk mangler.",
      "lonnskjoringer[0].fagforeningstrekk mangler.",
      "lonnskjoringer[0].agaGrunnlag mangler.",
      "betalinger[0].gjelder må være «forskuddstrekk», «aga», «forsikringstrekk», «fagforeningstrekk» (fikk «skatt»).",
      "betalinger[0].belop kan ikke være negativt (fikk -1); beløpene i lønn og betalinger er positive.",
    ]);
  });

  test("up to 2025 forskuddstrekk is paid per termin: a payment per pay date is refused", () => {
    const s = scenario((j) => {
      j.aar = 2025;
      j.lonnskjoringer = [];
      j.amelding = [];
      j.hovedbok = [{ konto: "2600", ib: 0, posteringer: [] }];
      j.betalinger = [{ dato: "2025-02-01", gjelder: "forskuddstrekk", belop: 10, utbetalingsdato: "2025-01-25" }];
      j.mottakere = [];
      delete j.korreksjoner;
    });
    const r = reconcileTrekk(s);
    expect(isProblems(r) && r.lines).toEqual(["betalinger[0].utbetalingsdato til og med 2025 ble forskuddstrekk betalt per termin; oppgi termin i stedet for utbetalingsdato."]);
  });

  test("a liability in use needs its ledger account", () => {
    const r = reconcileTrekk(scenario((j) => (j.hovedbok as unknown[]).splice(3, 1)));
    expect(isProblems(r) && r.lines).toEqual(["hovedbok mangler konto 2650 (fagforeningstrekk), men lønnskjøringene har fagforeningstrekk."]);
  });
});

describe("the model's edges", () => {
  test("the tolerance: exactly 1 kr is rounding, 1,01 kr is flagged", () => {
    const at = (belop: number) =>
      model(scenario((j) => (((j.betalinger as Record<string, unknown>[])[5]).belop = belop))).flags.filter((f) => f.dato === "2026-04-01");
    // 01.04: 150 000 owed.
    expect(at(149999)).toEqual([]);
    expect(at(149998.99).map((f) => [f.kind, f.belop])).toEqual([["underbetalt", 101 as Ore]]);
  });

  test("nothing paid and due inside the months reconciled: underbetalt with the whole amount; not yet due: no flag", () => {
    const a = model(scenario((j) => (j.betalinger as unknown[]).splice(5, 1)));
    const row = a.forskuddstrekk.find((r) => r.utbetalingsdato === "2026-04-01");
    expect(row).toMatchObject({ betalt: 0, betaltDato: null, dagerForsinket: null });
    expect(a.flags.filter((f) => f.dato === "2026-04-01").map((f) => [f.kind, f.belop])).toEqual([["underbetalt", 15000000]]);
    // AGA termin 6 2026 is due 15.01.2027, after December: unpaid but not flagged.
    expect(a.flags.filter((f) => f.table === "aga" && f.termin === 6 && f.aar === 2026)).toEqual([]);
  });

  test("a month with pay and no a-melding is flagged; amelding is null for it", () => {
    const a = model(scenario((j) => (j.amelding as unknown[]).splice(4, 1)));
    expect(a.forskuddstrekk.find((r) => r.utbetalingsdato === "2026-12-24")?.amelding).toBeNull();
    const missing = a.flags.filter((f) => f.table === "agaGrunnlag" && f.kind === "avvikAmelding");
    expect(missing.map((f) => [f.konto, f.periode, f.belop])).toEqual([["2600", "2026-12", 16000000]]);
    expect(missing[0].melding).toContain("ingen a-melding for måneden");
  });

  test("zones as kommunenummer resolve by the rules; zone Ia may report the full rate once the fribeløp is used", () => {
    const a = model(scenario((j) => {
      const runs = j.lonnskjoringer as Record<string, unknown>[];
      runs[0].agaGrunnlag = [{ sone: "0301", grunnlag: 812000 }];
      const melding = (j.amelding as Record<string, unknown>[])[0];
      melding.agaGrunnlag = [{ sone: "1", grunnlag: 400000, prosentsats: 14.1 }, { sone: "1a", grunnlag: 412000, prosentsats: 14.1 }];
    }));
    // 0301 Oslo is zone I: January still 812 000 × 14,1 % = 114 492.
    expect(a.agaGrunnlag[0].beregnet).toBe(11449200);
    expect(a.flags.filter((f) => f.kind === "feilSats").map((f) => f.periode)).toEqual(["2026-04"]);
  });

  test("correction vouchers: ids TREKK-<år>-<konto>-<måned>, balanced; a month without difference gives none", () => {
    expect(trekkBilagId(2026, "2600", 1)).toBe("TREKK-2026-2600-01");
    expect(TREKK_BILAG_ID.test("TREKK-2026-2600-01")).toBe(true);
    expect(TREKK_BILAG_ID.test("SPK-2026-T1")).toBe(false);
    const a = model(scenario((j) => (j.korreksjoner = [{ konto: "2600", periode: "2026-03", motkonto: "1920" }, { konto: "2770", periode: "2026-04", motkonto: "5400" }])));
    const bilag = buildTrekkBilag(a);
    expect(!isProblems(bilag) && bilag.map((b) => [b.id, b.linjer.map((l) => [l.konto, l.belop])])).toEqual([
      ["TREKK-2026-2770-04", [["2770", 4500], ["5400", -4500]]],
    ]);
  });
});

describe("the sheet's plan", () => {
  const a = model(scenario());

  test("a new sheet: plain formulas only, inputs in input cells, the pay dates as dates", () => {
    const plan = planTrekkSheet({ avstemming: a });
    expect(isProblems(plan)).toBe(false);
    const p = plan as WritePlan;
    const formulas = p.writes.flatMap((w) => w.cells.flat()).filter((c): c is { formula: string } => typeof c === "object" && c !== null).map((c) => c.formula);
    expect(formulas.length).toBeGreaterThan(200);
    const functions = new Set(formulas.flatMap((f) => [...f.matchAll(/([A-Z]+)\(/g)].map((m) => m[1])));
    expect([...functions].sort()).toEqual(["IF", "ROUND", "SUMPRODUCT"]);
    // 23.01.2026 is Excel serial 46045; its due date 26.01.2026 is 46048.
    // The first row is termin 6 of 2025; the pay dates follow.
    const first = TREKK_TABLE.first + 1;
    expect(written(p, TREKK_SHEET, `A${first}`)).toBe(46045);
    expect(written(p, TREKK_SHEET, `${SETTLEMENT_COLUMNS.forfall}${first}`)).toBe(46048);
    expect(p.formats.some((f) => f.style === "input")).toBe(true);
    expect(p.conditionalFormats.length).toBeGreaterThan(0);
  });

  test("an existing sheet: a user's formula and sign-off are kept, a flag that is gone is emptied, nothing else changes", () => {
    const first = planTrekkSheet({ avstemming: a }) as WritePlan;
    const sheet = apply(first, TREKK_SHEET);
    // The user types a formula over an input, and signs January.
    const b = rollBlock(0);
    const values = sheet.values.map((r) => [...r]);
    const formulas = sheet.formulas.map((r) => [...r]);
    const d = parseCell(`D${b.month(3)}`);
    formulas[d.row][d.col] = "=1+1";
    values[d.row][d.col] = 2;
    const sig = parseCell(`C${SIGN.month(1)}`);
    values[sig.row][sig.col] = "KN";
    formulas[sig.row][sig.col] = "KN";
    const edited: SheetSnapshot = { name: TREKK_SHEET, values, formulas };

    // Now the April 2770 posting is right: the flag beside it must go.
    const fixed = model(scenario((j) => ((((j.hovedbok as Record<string, unknown>[])[1].posteringer as Record<string, unknown>[])[4]).belop = -113505)));
    const again = planTrekkSheet({ avstemming: fixed, existing: edited });
    expect(isProblems(again)).toBe(false);
    const p = again as WritePlan;
    expect(written(p, TREKK_SHEET, `D${b.month(3)}`)).toBeUndefined();
    expect(written(p, TREKK_SHEET, `C${SIGN.month(1)}`)).toBeUndefined();
    const aga = rollBlock(1);
    expect(written(p, TREKK_SHEET, `H${aga.month(4)}`)).toBe("");
    expect(written(p, TREKK_SHEET, `F${aga.month(4)}`)).toBe(-113505);
    expect(p.formats.filter((f) => f.sheet === TREKK_SHEET)).toEqual([]);
    expect(p.conditionalFormats).toEqual([]);

    // The same figures a second time: the sheet is written with nothing.
    const same = planTrekkSheet({ avstemming: a, existing: sheet }) as WritePlan;
    expect(same.writes.filter((w) => w.sheet === TREKK_SHEET)).toEqual([]);
    expect(same.leftAlone).toEqual([]);
    expect(written(same, TREKK_SHEET, `${SETTLEMENT_COLUMNS.owed}${AGA.opening}`)).toBeUndefined();
  });

  test("each flag's cell (trekkFlagCells, the pane's link) holds the flag's message, on a new sheet and on a filled one with a new pay date", () => {
    const a = model(scenario());
    const cells = trekkFlagCells(a);
    if (isProblems(cells)) throw cells;
    expect(cells.every((c) => c !== undefined)).toBe(true);
    const plan = planTrekkSheet({ avstemming: a });
    if (isProblems(plan)) throw plan;
    a.flags.forEach((f, i) => expect(String(written(plan, TREKK_SHEET, cells[i] as string))).toContain(f.melding));
    // A pay date added later goes below the rows already on the sheet; its flags follow it there.
    const sheet = apply(plan, TREKK_SHEET);
    const later = model(scenario((j) => {
      (j.lonnskjoringer as Record<string, unknown>[]).unshift({ utbetalingsdato: "2026-01-09", forskuddstrekk: 1000, forsikringstrekk: 0, fagforeningstrekk: 0, agaGrunnlag: [] });
    }));
    const again = trekkFlagCells(later, sheet);
    if (isProblems(again)) throw again;
    const replan = planTrekkSheet({ avstemming: later, existing: sheet });
    if (isProblems(replan)) throw replan;
    const i = later.flags.findIndex((f) => f.dato === "2026-01-09");
    expect(i).toBeGreaterThanOrEqual(0);
    expect(Number((again[i] as string).slice(1))).toBeGreaterThan(TREKK_TABLE.first + a.forskuddstrekk.length - 1);
    const after = apply(replan, TREKK_SHEET, sheet);
    later.flags.forEach((f, k) => {
      const at = parseCell(again[k] as string);
      expect(String(after.values[at.row][at.col])).toContain(f.melding);
    });
  });

  test("another sheet by the same name, or one for another year, is refused", () => {
    const foreign = planTrekkSheet({ avstemming: a, existing: { name: TREKK_SHEET, values: [["Mitt ark"]], formulas: [["Mitt ark"]] } });
    expect(isProblems(foreign) && foreign.lines[0]).toContain("er ikke tilleggets trekkark");
    const sheet = apply(planTrekkSheet({ avstemming: a }) as WritePlan, TREKK_SHEET);
    const year = parseCell("F3");
    const values = sheet.values.map((r) => [...r]);
    values[year.row][year.col] = 2025;
    const other = planTrekkSheet({ avstemming: a, existing: { ...sheet, values } });
    expect(isProblems(other) && other.lines[0]).toContain("gjelder 2025, ikke 2026");
  });
});

describe("sign-off per month", () => {
  const a = model(scenario());
  const none = () => ({});

  test("signed the first time: the fingerprint is stored; unchanged: signert; changed: endret etter signering with a flag", () => {
    const signedJan = (m: number) => (m === 1 ? { signatur: "KN", dato: "05.02.2026" } : {});
    const first = reviewSignOff(a, TREKK_SHEET, signedJan, () => undefined);
    const key = signOffKey(TREKK_SHEET, "2026-01");
    expect(key).toBe("signering.Trekk og AGA.2026-01");
    expect(Object.keys(first.settings)).toEqual([key]);
    // The fingerprint with who signed when: signing again (a new date) stores a new one.
    expect(JSON.parse(first.settings[key])).toEqual({ fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/), signatur: "KN", dato: "05.02.2026" });
    expect(first.periods[0].state).toBe("signert");
    expect(first.periods[1].state).toBe("ikke signert");

    const stored = (k: string) => first.settings[k];
    const again = reviewSignOff(a, TREKK_SHEET, signedJan, stored);
    expect(again.settings).toEqual({});
    expect(again.flags).toEqual([]);

    const changed = model(scenario((j) => ((j.lonnskjoringer as Record<string, unknown>[])[0].forskuddstrekk = 152341)));
    const review = reviewSignOff(changed, TREKK_SHEET, signedJan, stored);
    expect(review.periods[0].state).toBe("endret etter signering");
    expect(review.flags.map((f) => [f.kind, f.periode])).toEqual([["endretEtterSignering", "2026-01"]]);
    // February's figures did not change: its (unsigned) state is as before.
    expect(review.periods[1].state).toBe("ikke signert");

    // Signed again with a new date: the changed figures are what is signed now.
    const resigned = reviewSignOff(changed, TREKK_SHEET, (m) => (m === 1 ? { signatur: "KN", dato: "10.03.2026" } : {}), stored);
    expect(resigned.periods[0].state).toBe("signert");
    expect(resigned.flags).toEqual([]);
    expect(JSON.parse(resigned.settings[key]).fingerprint).toBe(resigned.periods[0].current);

    // Unsigned again: the stored fingerprint is removed, so the month can be signed anew.
    const unsigned = reviewSignOff(changed, TREKK_SHEET, none, stored);
    expect(unsigned.settings).toEqual({ [key]: "" });
  });
});
