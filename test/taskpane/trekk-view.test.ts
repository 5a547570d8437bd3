/**
 * The «Trekk og AGA» flow's views as data (src/taskpane/view/trekk-view.ts): the form from `_lonn`
 * and back into the --oppsett file's JSON (core's parser, each problem at its field), the `_lonn`
 * keys a fill stores, the preview per account and month, the flags with their cells, and the
 * ledger differences offered for correction.
 */
import { Ore } from "../../src/core/money/ore";
import { Checked, isProblems } from "../../src/core/problem/problem";
import { reconcileTrekk } from "../../src/core/trekk/reconcile";
import { parseTrekkScenario } from "../../src/core/trekk/scenario";
import { TrekkAvstemming } from "../../src/core/trekk/result";
import { trekkFlagCells } from "../../src/core/trekk/sheet/plan";
import { accountPreview, correctionChoices, readTrekkForm, TREKK_OPPSETT_KEY, trekkFlagSummary, trekkFlagViews, trekkFormFrom, trekkSettings } from "../../src/taskpane/view/trekk-view";
import { readFileSync } from "fs";
import { join } from "path";

const ok = <T>(r: Checked<T>): T => {
  if (isProblems(r)) throw new Error(r.message);
  return r;
};

const fixture = (): TrekkAvstemming => ok(reconcileTrekk(ok(parseTrekkScenario(JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "trekk", "fjordtrekk-2026.json"), "utf8"))))));

describe("the form", () => {
  test("a new workbook: this year, NS 4102's accounts, 1 kr, and the sheets that look like the exports", () => {
    const f = trekkFormFrom({}, ["Ark1", "hovedbok", "Lønnsjournal", "Betalinger"], 2026);
    expect(f).toMatchObject({ aar: "2026", toleranse: "1,00", kontoer: { forskuddstrekk: "2600", aga: "2770", forsikringstrekk: "2640", fagforeningstrekk: "2650" } });
    expect(f.ranges).toEqual({ hovedbok: "hovedbok", lonn: "Lønnsjournal", betalinger: "Betalinger", fakturaer: "" });
  });

  test("read back as the --oppsett file's JSON, stored in _lonn, and read again as it was", () => {
    const f = { ...trekkFormFrom({}, [], 2026), virksomhet: " Nordlys Verksted AS ", orgnr: "921734050", toleranse: "2,50", firma: "NV", bilagsart: "TK" };
    const r = readTrekkForm(f, [{ konto: "2770", periode: "2026-04", motkonto: "5400" }]);
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.json).toEqual({
      virksomhet: "Nordlys Verksted AS", orgnr: "921734050", aar: 2026,
      kontoer: { forskuddstrekk: "2600", aga: "2770", forsikringstrekk: "2640", fagforeningstrekk: "2650" },
      toleranse: 2.5, firma: "NV", bilagsart: "TK", korreksjoner: [{ konto: "2770", periode: "2026-04", motkonto: "5400" }],
    });
    expect(r.oppsett.toleranse).toBe(250);
    const stored = trekkSettings(r.json, { hovedbok: "'Hovedbok eksport'!A1:H900", lonn: "" });
    expect(stored).toEqual({
      [TREKK_OPPSETT_KEY]: JSON.stringify(r.json),
      "trekk.import.hovedbok": JSON.stringify({ omrade: "'Hovedbok eksport'!A1:H900" }),
      "trekk.import.lonn": "", "trekk.import.betalinger": "", "trekk.import.fakturaer": "",
    });
    const again = trekkFormFrom(stored, [], 2030);
    expect(again).toMatchObject({ aar: "2026", virksomhet: "Nordlys Verksted AS", toleranse: "2,50", firma: "NV", ranges: { hovedbok: "'Hovedbok eksport'!A1:H900" } });
    expect(again.korreksjoner).toEqual([{ konto: "2770", periode: "2026-04", motkonto: "5400" }]);
  });

  test("each problem at its field: the pane's own reading first, then core's", () => {
    const base = trekkFormFrom({}, [], 2026);
    const first = readTrekkForm({ ...base, aar: "26", toleranse: "x", virksomhet: "" });
    expect(first.ok === false && Object.keys(first.problems)).toEqual(["aar", "toleranse", "virksomhet"]);
    const core = readTrekkForm({ ...base, virksomhet: "X", orgnr: "123", kontoer: { ...base.kontoer, aga: "2600" } });
    expect(core.ok === false && core.problems).toEqual({ orgnr: "Må ha ni sifre (fikk «123»)." });
    expect(core.ok === false && core.others.map((p) => p.path)).toEqual([]);
  });
});

describe("what the steps show", () => {
  const a = fixture();

  test("the roll-forward per account and month, the months off the ledger marked", () => {
    const p = accountPreview(a);
    expect(p.map((x) => [x.title, x.rows.length, x.summary])).toEqual([
      ["2600 Forskuddstrekk", 12, "Ingen differanse mot hovedboken"],
      ["2770 Skyldig arbeidsgiveravgift", 12, "1 måned med differanse mot hovedboken"],
      ["2640 Forsikringstrekk", 12, "Ingen differanse mot hovedboken"],
      ["2650 Trukket fagforeningskontingent", 12, "Ingen differanse mot hovedboken"],
    ]);
    expect(p[1].rows[3]).toMatchObject({ maaned: "april 2026", differanse: "\u221245,00", avvik: true });
  });

  test("every flag with its type and a link to the cell it is written in", () => {
    const cells = ok(trekkFlagCells(a));
    const views = trekkFlagViews(a, cells, "Trekk og AGA");
    expect(views).toHaveLength(a.flags.length);
    expect(views.every((v) => v.place?.sheet === "Trekk og AGA" && v.button === `Gå til ${v.place.address}`)).toBe(true);
    expect(trekkFlagSummary(a)).toMatch(/^\d+ flagg: /);
  });

  test("the ledger differences offered for correction: the accepted one checked, 5400 suggested for AGA", () => {
    expect(correctionChoices(a, [])).toEqual([
      { konto: "2770", periode: "2026-04", label: "2770 april 2026: differanse \u221245,00", differanse: -4500 as Ore, chosen: false, motkonto: "5400" },
    ]);
    expect(correctionChoices(a, [{ konto: "2770", periode: "2026-04", motkonto: "5401" }])[0]).toMatchObject({ chosen: true, motkonto: "5401" });
  });
});
