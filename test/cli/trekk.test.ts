/**
 * `lonn trekk` on the hand-computed scenarios of test/fixtures/trekk. Every expected figure is
 * written here by hand, with the arithmetic beside it; none is taken from the program's output.
 * Kroner, as `--json` prints them.
 */
import ExcelJS from "exceljs";
import { existsSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { SIGN, SIGN_COLUMNS, TREKK_SHEET } from "../../src/core/trekk/sheet/layout";
import { lonnTrekk, lonnTrekkJson, TREKK_2025, TREKK_2026, trekkTempDir } from "./trekk-helpers";

type Json = Record<string, unknown>;
const rows = (j: Json, key: string) => j[key] as Json[];

/** [periode, ib, paalopt, betalt, forventetUb, hovedbokUb, differanse] → the --json row. */
function kontroll(konto: string, [periode, ib, paalopt, betalt, forventetUb, hovedbokUb, differanse]: (string | number)[]) {
  return { konto, periode, ib, paalopt, betalt, forventetUb, hovedbokUb, differanse };
}
const quiet = (konto: string, from: number, to: number, balance: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => kontroll(konto, [`2026-${String(from + i).padStart(2, "0")}`, balance, 0, 0, balance, balance, 0]));

describe("lonn trekk on the hand-computed 2026 scenario (fjordtrekk-2026.json)", () => {
  let j: Json;
  beforeAll(async () => {
    j = await lonnTrekkJson(TREKK_2026);
  });

  test("the roll-forward per account and month: ib − paalopt + betalt = forventetUb; differanse = hovedbokUb − forventetUb", () => {
    const expected = [
      // 2600: IB −148 000 (termin 6 2025). Jan: paid 148 000 (T6 2025) + 152 340 (23.01) = 300 340;
      // −148 000 − 152 340 + 300 340 = 0; ledger −148 000 + 148 000 − 152 340 + 152 340 = 0.
      kontroll("2600", ["2026-01", -148000, 152340, 300340, 0, 0, 0]),
      kontroll("2600", ["2026-02", 0, 149880, 149880, 0, 0, 0]),
      kontroll("2600", ["2026-03", 0, 0, 0, 0, 0, 0]),
      // Apr: 0 − 150 000 + 149 000 = −1 000 (1 000 short); ledger −150 000 + 149 000 = −1 000.
      kontroll("2600", ["2026-04", 0, 150000, 149000, -1000, -1000, 0]),
      kontroll("2600", ["2026-05", -1000, 151000, 151000, -1000, -1000, 0]),
      ...quiet("2600", 6, 11, -1000),
      // Dec: −1 000 − 160 000 + 160 100 = −900; ledger −1 000 − 160 000,50 + 160 100 = −900,50;
      // differanse −0,50: within the tolerance of 1 kr, no flag.
      kontroll("2600", ["2026-12", -1000, 160000, 160100, -900, -900.5, -0.5]),
      // 2770: påløpt = AGA per month. Jan 812 000 × 14,1 % = 114 492; Feb 800 000 × 14,1 % = 112 800
      // + ROUND(100 000,50 × 5,1 %, 2) = ROUND(5 100,0255) = 5 100,03 → 117 900,03.
      kontroll("2770", ["2026-01", -231000, 114492, 231000, -114492, -114492, 0]),
      kontroll("2770", ["2026-02", -114492, 117900.03, 0, -232392.03, -232392.03, 0]),
      kontroll("2770", ["2026-03", -232392.03, 0, 232392.03, 0, 0, 0]),
      // Apr: 805 000 × 14,1 % = 113 505, the ledger booked 113 550: −113 550 − (−113 505) = −45.
      kontroll("2770", ["2026-04", 0, 113505, 0, -113505, -113550, -45]),
      // May: ib is April's ledger UB: −113 550 − 114 210 + 113 505 = −114 255.
      kontroll("2770", ["2026-05", -113550, 114210, 113505, -114255, -114255, 0]),
      kontroll("2770", ["2026-06", -114255, 0, 0, -114255, -114255, 0]),
      kontroll("2770", ["2026-07", -114255, 0, 114210, -45, -45, 0]),
      ...quiet("2770", 8, 11, -45),
      // Dec: 850 000 × 14,1 % = 119 850; −45 − 119 850 = −119 895.
      kontroll("2770", ["2026-12", -45, 119850, 0, -119895, -119895, 0]),
      kontroll("2640", ["2026-01", -4200, 4200, 4200, -4200, -4200, 0]),
      kontroll("2640", ["2026-02", -4200, 4200, 4200, -4200, -4200, 0]),
      kontroll("2640", ["2026-03", -4200, 0, 4200, 0, 0, 0]),
      kontroll("2640", ["2026-04", 0, 4200, 0, -4200, -4200, 0]),
      // May: 4 300 withheld, 4 200 paid (April's invoice): −4 200 − 4 300 + 4 200 = −4 300.
      kontroll("2640", ["2026-05", -4200, 4300, 4200, -4300, -4300, 0]),
      kontroll("2640", ["2026-06", -4300, 0, 4200, -100, -100, 0]),
      ...quiet("2640", 7, 11, -100),
      kontroll("2640", ["2026-12", -100, 4200, 0, -4300, -4300, 0]),
      kontroll("2650", ["2026-01", -1850, 1850, 1850, -1850, -1850, 0]),
      kontroll("2650", ["2026-02", -1850, 1850, 1850, -1850, -1850, 0]),
      kontroll("2650", ["2026-03", -1850, 0, 1850, 0, 0, 0]),
      kontroll("2650", ["2026-04", 0, 1850, 0, -1850, -1850, 0]),
      kontroll("2650", ["2026-05", -1850, 1850, 1850, -1850, -1850, 0]),
      kontroll("2650", ["2026-06", -1850, 0, 1850, 0, 0, 0]),
      ...quiet("2650", 7, 11, 0),
      kontroll("2650", ["2026-12", 0, 1850, 0, -1850, -1850, 0]),
    ];
    expect(rows(j, "kontroller")).toEqual(expected);
  });

  test("forskuddstrekk per pay date: due the first virkedag after the pay date (§ 10-2), days late in calendar days", () => {
    expect(rows(j, "forskuddstrekk")).toEqual([
      // The January 2026 transition: termin 6 of 2025 paid per termin, due 15.01.2026 (a Thursday);
      // owed is the ledger's IB of 2600.
      { utbetalingsdato: null, termin: 6, aar: 2025, trekk: 148000, amelding: null, betalt: 148000, forfall: "2026-01-15", betaltDato: "2026-01-15", dagerForsinket: 0 },
      // Fri 23 Jan → Mon 26 Jan.
      { utbetalingsdato: "2026-01-23", termin: null, aar: 2026, trekk: 152340, amelding: 152340, betalt: 152340, forfall: "2026-01-26", betaltDato: "2026-01-26", dagerForsinket: 0 },
      // Fri 20 Feb → Mon 23 Feb; paid Wed 25 Feb: 2 days late.
      { utbetalingsdato: "2026-02-20", termin: null, aar: 2026, trekk: 149880, amelding: 149880, betalt: 149880, forfall: "2026-02-23", betaltDato: "2026-02-25", dagerForsinket: 2 },
      // Wed 1 Apr → Tue 7 Apr: 2 Apr skjærtorsdag, 3 Apr langfredag, 4–5 Apr weekend (Easter Sunday), 6 Apr 2. påskedag.
      { utbetalingsdato: "2026-04-01", termin: null, aar: 2026, trekk: 150000, amelding: 150000, betalt: 149000, forfall: "2026-04-07", betaltDato: "2026-04-07", dagerForsinket: 0 },
      // Wed 13 May → Fri 15 May: 14 May is Kristi himmelfartsdag (Easter + 39). The a-melding says 151 500.
      { utbetalingsdato: "2026-05-13", termin: null, aar: 2026, trekk: 151000, amelding: 151500, betalt: 151000, forfall: "2026-05-15", betaltDato: "2026-05-15", dagerForsinket: 0 },
      // Thu 24 Dec → Mon 28 Dec: 24 Dec is a virkedag but the deadline is the day AFTER; 25–26 Dec holidays, 27 Dec Sunday.
      { utbetalingsdato: "2026-12-24", termin: null, aar: 2026, trekk: 160000, amelding: 160000, betalt: 160100, forfall: "2026-12-28", betaltDato: "2026-12-28", dagerForsinket: 0 },
    ]);
  });

  test("AGA per termin: beregnet = Σ ROUND(grunnlag × sats, 2) over the termin's months and zones; due the 15th after the termin", () => {
    expect(rows(j, "aga")).toEqual([
      // Termin 6 of 2025: the ledger's IB of 2770, paid 15.01.2026.
      { termin: 6, aar: 2025, beregnet: 231000, amelding: null, betalt: 231000, forfall: "2026-01-15", betaltDato: "2026-01-15", dagerForsinket: 0 },
      // 114 492 + 117 900,03 = 232 392,03; 15 March 2026 is a Sunday → Mon 16 March.
      { termin: 1, aar: 2026, beregnet: 232392.03, amelding: 232392.03, betalt: 232392.03, forfall: "2026-03-16", betaltDato: "2026-03-16", dagerForsinket: 0 },
      // March 0 + April 113 505; the a-melding used 10,6 %: 805 000 × 10,6 % = 85 330. Due Fri 15 May, paid Mon 18 May: 3 days.
      { termin: 2, aar: 2026, beregnet: 113505, amelding: 85330, betalt: 113505, forfall: "2026-05-15", betaltDato: "2026-05-18", dagerForsinket: 3 },
      { termin: 3, aar: 2026, beregnet: 114210, amelding: 114210, betalt: 114210, forfall: "2026-07-15", betaltDato: "2026-07-15", dagerForsinket: 0 },
      // No pay in July–October: nothing owed, nothing paid. 15 Sep 2026 is a Tuesday; 15 Nov a Sunday → Mon 16 Nov.
      { termin: 4, aar: 2026, beregnet: 0, amelding: null, betalt: 0, forfall: "2026-09-15", betaltDato: null, dagerForsinket: null },
      { termin: 5, aar: 2026, beregnet: 0, amelding: null, betalt: 0, forfall: "2026-11-16", betaltDato: null, dagerForsinket: null },
      // Due Fri 15 Jan 2027, after the reconciled months: unpaid, but not yet due, so not flagged.
      { termin: 6, aar: 2026, beregnet: 119850, amelding: 119850, betalt: 0, forfall: "2027-01-15", betaltDato: null, dagerForsinket: null },
    ]);
  });

  test("counterparties: trekk from payroll against the invoice or trekkliste, differanse = fakturert − trekk", () => {
    const m = (konto: string, navn: string, periode: string, trekk: number, fakturert: number) => ({ konto, periode, navn: [navn], trekk, fakturert, differanse: Math.round((fakturert - trekk) * 100) / 100 });
    const trygg = "Forsikringsselskapet Trygg";
    expect(rows(j, "mottakere")).toEqual([
      m("2640", trygg, "2026-01", 4200, 4200),
      m("2640", trygg, "2026-02", 4200, 4200),
      m("2640", trygg, "2026-04", 4200, 4200),
      m("2640", trygg, "2026-05", 4300, 4200), // 4 200 − 4 300 = −100
      m("2640", trygg, "2026-12", 4200, 4200),
      m("2650", "Fagforbundet", "2026-01", 1850, 1850),
      m("2650", "Fagforbundet", "2026-02", 1850, 1850),
      m("2650", "Fagforbundet", "2026-04", 1850, 1850),
      m("2650", "Fagforbundet", "2026-05", 1850, 1850),
      m("2650", "Fagforbundet", "2026-12", 1850, 0), // no trekkliste for December: −1 850
    ]);
  });

  test("exactly the expected flags, each naming the account, where, the amount and what to do", () => {
    const flags = rows(j, "flagg");
    expect(flags.map(({ melding: _m, ...rest }) => rest)).toEqual([
      // Ledger 2770 April: −45 (over the tolerance of 1 kr).
      { konto: "2770", periode: "2026-04", type: "avvikHovedbok", belop: 45 },
      // 20.02 paid 25.02, due 23.02: the whole 149 880 paid late.
      { konto: "2600", dato: "2026-02-20", type: "forsinket", belop: 149880 },
      // 01.04: 150 000 − 149 000 = 1 000 short.
      { konto: "2600", dato: "2026-04-01", type: "underbetalt", belop: 1000 },
      // 13.05: a-melding 151 500 − payroll 151 000 = 500.
      { konto: "2600", dato: "2026-05-13", type: "avvikAmelding", belop: 500 },
      // 24.12: 160 100 − 160 000 = 100 paid too much.
      { konto: "2600", dato: "2026-12-24", type: "overbetalt", belop: 100 },
      // AGA termin 2 paid three days late.
      { konto: "2770", termin: 2, aar: 2026, type: "forsinket", belop: 113505 },
      // 113 505 − 85 330 = 28 175.
      { konto: "2770", termin: 2, aar: 2026, type: "avvikAmelding", belop: 28175 },
      // April's a-melding: zone 1 at 10,6 % where 2026's rate is 14,1 %: 113 505 − 85 330 = 28 175.
      { konto: "2770", periode: "2026-04", type: "feilSats", belop: 28175 },
      // 2640 May: 4 200 invoiced, 4 300 withheld.
      { konto: "2640", periode: "2026-05", type: "avvikFaktura", belop: 100 },
      // 2650 December: 1 850 withheld, nothing on the trekkliste.
      { konto: "2650", periode: "2026-12", type: "avvikFaktura", belop: 1850 },
    ]);
    const text = flags.map((f) => f.melding as string);
    expect(text[0]).toContain("Konto 2770, april 2026");
    expect(text[0]).toContain("-45,00 kr");
    expect(text[1]).toContain("20.02.2026");
    expect(text[1]).toContain("forfalt 23.02.2026");
    expect(text[1]).toContain("2 dager for sent");
    expect(text[2]).toContain("1 000,00 kr mangler");
    expect(text[5]).toContain("termin 2 (mar–apr 2026)");
    expect(text[7]).toContain("bruker 10,6 % for sone I, men satsen for sone I i 2026 er 14,1 %");
    for (const t of text) expect(t).toMatch(/(Betal|Rett|Avklar|Finn|Kontroller|send)/);
  });

  test("the accepted correction: TREKK-2026-2770-04 posts the −45 difference away against 5400, dated 30.04.2026", () => {
    expect(rows(j, "bilag").map((l) => [l.bilagId, l.konto, l.belop, l.dato, l.periode])).toEqual([
      // 2770 gets −differanse = +45 (the liability was credited 45 too much), 5400 −45.
      ["TREKK-2026-2770-04", "2770", 45, "2026-04-30", "202604"],
      ["TREKK-2026-2770-04", "5400", -45, "2026-04-30", "202604"],
    ]);
  });

  test("the text report names the firm, the tables and the flags", async () => {
    const r = await lonnTrekk(TREKK_2026);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Fjordtrekk AS (931245678) 2026");
    expect(r.out).toContain("Forskuddstrekk per utbetalingsdato:");
    expect(r.out).toContain("07.04.2026");
    expect(r.out).toContain("Flagg (10):");
    expect(r.out).toContain("TREKK-2026-2770-04");
  });
});

describe("lonn trekk on the hand-computed 2025 scenario (fjordtrekk-2025.json): per termin, and termin 6 paid in January 2026", () => {
  let j: Json;
  beforeAll(async () => {
    j = await lonnTrekkJson(TREKK_2025);
  });

  test("forskuddstrekk per termin with AGA's due dates", () => {
    const none = (termin: number, forfall: string) => ({ utbetalingsdato: null, termin, aar: 2025, trekk: 0, amelding: null, betalt: 0, forfall, betaltDato: null, dagerForsinket: null });
    expect(rows(j, "forskuddstrekk")).toEqual([
      // Termin 6 of 2024 (IB 2600), due Wed 15 Jan 2025.
      { utbetalingsdato: null, termin: 6, aar: 2024, trekk: 100000, amelding: null, betalt: 100000, forfall: "2025-01-15", betaltDato: "2025-01-15", dagerForsinket: 0 },
      // 60 000 + 60 000; 15 March 2025 is a Saturday → Mon 17 March.
      { utbetalingsdato: null, termin: 1, aar: 2025, trekk: 120000, amelding: 120000, betalt: 120000, forfall: "2025-03-17", betaltDato: "2025-03-17", dagerForsinket: 0 },
      none(2, "2025-05-15"), none(3, "2025-07-15"), none(4, "2025-09-15"),
      // 15 Nov 2025 is a Saturday → Mon 17 Nov.
      none(5, "2025-11-17"),
      // 61 000 + 62 000 = 123 000, due Thu 15 Jan 2026, paid that day (the last termin payment before the skattetrekkskonto is gone).
      { utbetalingsdato: null, termin: 6, aar: 2025, trekk: 123000, amelding: 123000, betalt: 123000, forfall: "2026-01-15", betaltDato: "2026-01-15", dagerForsinket: 0 },
    ]);
  });

  test("AGA per termin and the two late payments", () => {
    const aga = rows(j, "aga");
    // T1: 300 000 × 14,1 % × 2 = 84 600; T6: zone II 310 000 × 10,6 % = 32 860 + 320 000 × 10,6 % = 33 920 → 66 780.
    expect(aga.map((r) => [r.termin, r.aar, r.beregnet, r.amelding, r.betalt, r.forfall, r.betaltDato, r.dagerForsinket])).toEqual([
      [6, 2024, 50000, null, 50000, "2025-01-15", "2025-01-16", 1],
      [1, 2025, 84600, 84600, 84600, "2025-03-17", "2025-03-14", 0],
      [2, 2025, 0, null, 0, "2025-05-15", null, null],
      [3, 2025, 0, null, 0, "2025-07-15", null, null],
      [4, 2025, 0, null, 0, "2025-09-15", null, null],
      [5, 2025, 0, null, 0, "2025-11-17", null, null],
      [6, 2025, 66780, 66780, 66780, "2026-01-15", "2026-01-20", 5],
    ]);
    expect(rows(j, "flagg").map(({ melding: _m, ...rest }) => rest)).toEqual([
      { konto: "2770", termin: 6, aar: 2024, type: "forsinket", belop: 50000 },
      { konto: "2770", termin: 6, aar: 2025, type: "forsinket", belop: 66780 },
    ]);
  });

  test("the roll-forward of 2600: IB −100 000, termin payments, December UB −123 000", () => {
    const k = rows(j, "kontroller").filter((r) => r.konto === "2600");
    expect(k.map((r) => [r.periode, r.ib, r.paalopt, r.betalt, r.forventetUb, r.hovedbokUb, r.differanse])).toEqual([
      ["2025-01", -100000, 60000, 100000, -60000, -60000, 0], // −100 000 − 60 000 + 100 000
      ["2025-02", -60000, 60000, 0, -120000, -120000, 0],
      ["2025-03", -120000, 0, 120000, 0, 0, 0],
      ...[4, 5, 6, 7, 8, 9, 10].map((m) => [`2025-${String(m).padStart(2, "0")}`, 0, 0, 0, 0, 0, 0]),
      ["2025-11", 0, 61000, 0, -61000, -61000, 0],
      ["2025-12", -61000, 62000, 0, -123000, -123000, 0], // paid 15.01.2026, in next year's ledger
    ]);
    expect(rows(j, "mottakere")).toEqual([]);
  });
});

describe("bad input: every problem named by file and field, exit 1, nothing written", () => {
  const dir = trekkTempDir();
  const base = () => JSON.parse(readFileSync(TREKK_2026, "utf8"));
  async function rejected(change: (s: Json) => void): Promise<string> {
    const s = base();
    change(s);
    const file = join(dir, "feil.json");
    writeFileSync(file, JSON.stringify(s));
    const out = join(dir, "ikke-skrevet.xlsx");
    const r = await lonnTrekk(file, "--xlsx", out, "--csv", join(dir, "ikke.csv"));
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(dir, "ikke.csv"))).toBe(false);
    expect(r.err).toContain("Scenarioet ble avvist");
    expect(r.err).toContain("ingenting er skrevet");
    return r.err;
  }

  test("a month twice in the a-melding", async () => {
    const err = await rejected((s) => (s.amelding as Json[]).push({ ...(s.amelding as Json[])[0] }));
    expect(err).toContain("feil.json: amelding[5].kalendermaaned 2026-01 finnes allerede (amelding[0])");
  });

  test("a payment that matches no pay date, and one that matches no termin", async () => {
    const err = await rejected((s) => {
      (s.betalinger as Json[]).push({ dato: "2026-03-23", gjelder: "forskuddstrekk", belop: 1000, utbetalingsdato: "2026-03-20" });
      (s.betalinger as Json[]).push({ dato: "2026-03-23", gjelder: "aga", belop: 1000 });
    });
    expect(err).toContain("feil.json: betalinger[20].utbetalingsdato 2026-03-20 er ingen utbetalingsdato i lønnskjøringene eller a-meldingen");
    expect(err).toContain("feil.json: betalinger[21].termin mangler: hvilken termin betalingen gjør opp.");
  });

  test("a zone code the rules do not know", async () => {
    const err = await rejected((s) => (((s.amelding as Json[])[1].agaGrunnlag as Json[])[1].sone = "6"));
    expect(err).toContain("feil.json: amelding[1].agaGrunnlag[1].sone «6»: «6» er verken en sone (I, Ia, II, III, IV, IVa, V) eller et kommunenummer.");
  });

  test("a ledger account without IB, and a missing amount (never a silent 0)", async () => {
    const err = await rejected((s) => {
      delete (s.hovedbok as Json[])[2].ib;
      delete (s.lonnskjoringer as Json[])[0].forsikringstrekk;
    });
    expect(err).toContain("feil.json: hovedbok[2].ib mangler.");
    expect(err).toContain("feil.json: lonnskjoringer[0].forsikringstrekk mangler.");
  });

  test("an unknown field, with «mente du …?»; a sub-øre amount", async () => {
    const err = await rejected((s) => {
      const run = (s.lonnskjoringer as Json[])[1];
      run.Forskuddstrekk = run.forskuddstrekk;
      delete run.forskuddstrekk;
      (s.betalinger as Json[])[0].belop = 148000.005;
    });
    expect(err).toContain("feil.json: lonnskjoringer[1].Forskuddstrekk er ikke et kjent felt (mente du forskuddstrekk?).");
    expect(err).toContain("feil.json: lonnskjoringer[1].forskuddstrekk mangler.");
    expect(err).toContain("feil.json: betalinger[0].belop (148000,005) har brøkdeler av øre");
  });

  test("an AGA rate in the a-melding that is not the rule's rate is a flag, not a problem", async () => {
    const j = await lonnTrekkJson(TREKK_2026);
    expect(rows(j, "flagg").filter((f) => f.type === "feilSats")).toHaveLength(1);
  });
});

describe("the command line", () => {
  test("a bad option is exit 2", async () => {
    const r = await lonnTrekk(TREKK_2026, "--xlxs", "ut.xlsx");
    expect(r.code).toBe(2);
    expect(r.err).toContain("Ukjent valg «--xlxs» (mente du --xlsx?)");
  });

  test("--summary: one line per firm, a bad file on its own line, exit 1 when one failed", async () => {
    const dir = trekkTempDir();
    const bad = join(dir, "zz-feil.json");
    writeFileSync(bad, JSON.stringify({ virksomhet: "Feil AS", aar: 2026 }));
    const r = await lonnTrekk("--summary", TREKK_2025, TREKK_2026, bad);
    expect(r.code).toBe(1);
    const lines = r.out.trim().split("\n");
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^Fjordtrekk AS\s+2025\s+0\s+2\s/);
    expect(lines[2]).toMatch(/^Fjordtrekk AS\s+2026\s+2\s+10\s/);
    expect(lines[3]).toContain("FEIL  zz-feil.json: lonnskjoringer mangler.");
    expect(lines[4]).toBe("3 filer, 1 med feil.");
  });
});

describe("the workbook: exports that remember, and sign-off per month", () => {
  test("a second export from the same workbook holds nothing new; the record is in «Eksporterte bilag»", async () => {
    const dir = trekkTempDir();
    const xlsx = join(dir, "trekk.xlsx");
    const first = await lonnTrekkJson(TREKK_2026, "--xlsx", xlsx, "--csv", join(dir, "1.csv"), "--gl07", join(dir, "1.dat"));
    expect(first.eksport).toEqual({ batchId: "TREKK-2026-E1", bilag: ["TREKK-2026-2770-04"], unchanged: [] });
    const csv = readFileSync(join(dir, "1.csv"), "utf8").split("\r\n");
    expect(csv[1]).toContain(";2770;");
    expect(csv[1]).toContain(";45,00;45,00;");
    const second = await lonnTrekkJson(TREKK_2026, "--xlsx", xlsx, "--csv", join(dir, "2.csv"));
    expect(second.eksport).toEqual({ batchId: "TREKK-2026-E2", bilag: [], unchanged: ["TREKK-2026-2770-04"] });
    expect(readFileSync(join(dir, "2.csv"), "utf8").trim().split("\r\n")).toHaveLength(1);
  }, 60_000);

  test("a signed month gets its fingerprint in _lonn; changed figures afterwards read «endret etter signering» and are flagged", async () => {
    const dir = trekkTempDir();
    const xlsx = join(dir, "signert.xlsx");
    expect((await lonnTrekk(TREKK_2026, "--xlsx", xlsx)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet(TREKK_SHEET) as ExcelJS.Worksheet;
    ws.getCell(`${SIGN_COLUMNS.signatur}${SIGN.month(1)}`).value = "KN";
    ws.getCell(`${SIGN_COLUMNS.dato}${SIGN.month(1)}`).value = "05.02.2026";
    await wb.xlsx.writeFile(xlsx);

    const signed = await lonnTrekkJson(TREKK_2026, "--xlsx", xlsx);
    expect((signed.signering as Json[])[0]).toEqual({ periode: "2026-01", status: "signert" });
    expect(rows(signed, "flagg").some((f) => f.type === "endretEtterSignering")).toBe(false);
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(xlsx);
    const lonn = after.getWorksheet("_lonn") as ExcelJS.Worksheet;
    const stored = new Map<string, string>();
    lonn.eachRow((row) => stored.set(String(row.getCell(1).value), String(row.getCell(2).value)));
    expect(JSON.parse(stored.get("signering.Trekk og AGA.2026-01") ?? "{}").fingerprint).toMatch(/^[0-9a-f]{16}$/);

    // January's insurance invoice corrected after signing: January's figures change.
    const s = JSON.parse(readFileSync(TREKK_2026, "utf8"));
    s.mottakere[0].fakturert[0].belop = 4250;
    const changed = join(dir, "endret.json");
    writeFileSync(changed, JSON.stringify(s));
    const j = await lonnTrekkJson(changed, "--xlsx", xlsx);
    expect((j.signering as Json[])[0]).toEqual({ periode: "2026-01", status: "endret etter signering" });
    expect(rows(j, "flagg").filter((f) => f.type === "endretEtterSignering").map(({ melding: _m, ...rest }) => rest)).toEqual([
      { konto: null, periode: "2026-01", type: "endretEtterSignering", belop: 0 },
    ]);
    const sheet = new ExcelJS.Workbook();
    await sheet.xlsx.readFile(xlsx);
    const t = sheet.getWorksheet(TREKK_SHEET) as ExcelJS.Worksheet;
    expect(t.getCell(`${SIGN_COLUMNS.status}${SIGN.month(1)}`).value).toBe("endret etter signering");
    // The user's sign-off is never overwritten.
    expect(t.getCell(`${SIGN_COLUMNS.signatur}${SIGN.month(1)}`).value).toBe("KN");
  }, 60_000);
});
