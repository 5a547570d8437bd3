import { RuleError } from "../../../src/core/errors";
import { grunnbelopOn, gSnitt } from "../../../src/core/rules/grunnbelop";

const kindOf = (r: unknown) => (r instanceof RuleError ? r.kind : "ok");

describe("G (navikt/g)", () => {
  test.each([
    ["2018-05-01", 96883], ["2019-04-30", 96883], ["2019-05-01", 99858], ["2020-06-15", 101351],
    ["2021-05-01", 106399], ["2022-12-31", 111477], ["2023-05-01", 118620], ["2024-04-30", 118620],
    ["2024-05-01", 124028], ["2025-05-01", 130160], ["2026-04-30", 130160], ["2026-05-01", 136549], ["2027-04-30", 136549],
  ])("G on %s is %i (changes on 1 May)", (iso, g) => {
    const [y, m, d] = iso.split("-").map(Number);
    expect(grunnbelopOn({ year: y, month: m, day: d })).toBe(g);
  });
  test("before the table is #N/A", () => {
    expect(kindOf(grunnbelopOn({ year: 2018, month: 4, day: 30 }))).toBe("notAvailable");
  });
  test("after the next 1 May the G is not known yet: #N/A, never the old G", () => {
    expect(kindOf(grunnbelopOn({ year: 2027, month: 5, day: 1 }))).toBe("notAvailable");
    expect(kindOf(grunnbelopOn({ year: 2030, month: 1, day: 1 }))).toBe("notAvailable");
  });
  test.each([[2018, 95800], [2019, 98866], [2020, 100853], [2021, 104716], [2022, 109784], [2023, 116239], [2024, 122225], [2025, 128116], [2026, 134419]])(
    "G-snitt %i is %i", (year, avg) => expect(gSnitt(year)).toBe(avg),
  );
  test("G-snitt is (4 × previous G + 8 × new G) / 12, rounded, where both are known", () => {
    const g = [96883, 99858, 101351, 106399, 111477, 118620, 124028, 130160, 136549];
    for (let i = 1; i < g.length; i++) expect(gSnitt(2018 + i)).toBe(Math.round((4 * g[i - 1] + 8 * g[i]) / 12));
  });
  test("G-snitt for an unknown year is #N/A", () => expect(kindOf(gSnitt(2017))).toBe("notAvailable"));
});
