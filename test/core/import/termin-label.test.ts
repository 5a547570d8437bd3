import { parseTerminLabel } from "../../../src/core/import";
import { monthsOfTermin, terminMonthsLabel } from "../../../src/core/rules/termin";

const NB_MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];
const NB_SHORT = ["jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"];
const EN_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DASHES = ["-", "–", "—", "\u2212", "/", " - ", " – ", " / "];

describe("parseTerminLabel: every way a termin is written", () => {
  const forms = (t: number): string[] => [
    `${t}`, `${t}.`, ` ${t} `, `T${t}`, `t${t}`, `T ${t}`,
    `${t}. termin`, `${t}.termin`, `${t} termin`, `${t}. Termin`, `${t}. TERMIN`,
    `Termin ${t}`, `termin ${t}`, `TERMIN ${t}`, `Termin ${t}.`, `Termin nr. ${t}`, `termin nr ${t}`,
  ];
  for (let t = 1; t <= 6; t++) {
    test(`termin ${t} by number`, () => {
      for (const f of forms(t)) expect([f, parseTerminLabel(f)]).toEqual([f, t]);
      expect(parseTerminLabel(t)).toBe(t);
    });

    test(`termin ${t} by its months`, () => {
      const [a, b] = monthsOfTermin(t);
      const pairs = [
        [NB_SHORT[a - 1], NB_SHORT[b - 1]],
        [NB_MONTHS[a - 1], NB_MONTHS[b - 1]],
        [EN_SHORT[a - 1], EN_SHORT[b - 1]],
        [NB_SHORT[a - 1] + ".", NB_SHORT[b - 1] + "."],
        [NB_MONTHS[a - 1].toUpperCase(), NB_MONTHS[b - 1].toUpperCase()],
      ];
      for (const [x, y] of pairs) {
        for (const d of DASHES) {
          const label = `${x}${d}${y}`;
          expect([label, parseTerminLabel(label)]).toEqual([label, t]);
        }
      }
      expect(parseTerminLabel(terminMonthsLabel(t))).toBe(t);
    });

    test(`termin ${t} by number and months together`, () => {
      const months = terminMonthsLabel(t);
      for (const label of [`${t}. termin (${months})`, `T${t} (${months})`, `T${t} ${months}`, `T${t}: ${months}`, `Termin ${t}, ${months}`]) {
        expect([label, parseTerminLabel(label)]).toEqual([label, t]);
      }
    });
  }

  test("the examples from the template's brief", () => {
    const cases: [string, number][] = [
      ["T1", 1], ["t1", 1], ["1", 1], ["1.", 1], ["1. termin", 1], ["Termin 1", 1], ["termin 1", 1],
      ["jan–feb", 1], ["jan-feb", 1], ["januar–februar", 1], ["Jan/Feb", 1], ["nov–des", 6], ["mai-juni", 3],
    ];
    for (const [label, t] of cases) expect([label, parseTerminLabel(label)]).toEqual([label, t]);
  });

  test.each([
    ["0"], ["7"], ["10"], ["T0"], ["T7"], ["T12"], ["1,5"], ["1.5"], ["termin"], ["T"], [""], ["   "],
    ["feb–mar"], ["jan–mar"], ["des–jan"], ["jan"], ["jan–"], ["foo–bar"], ["Sum"], ["2024"], ["T1 2024"], ["1/2024"],
    ["T2 (jan–feb)"], ["1. termin (mar–apr)"], ["7. termin"], ["termin 12"],
  ])("%j is no termin", (label) => expect(parseTerminLabel(label)).toBeUndefined());

  test("non-text, non-integer cells are no termin", () => {
    for (const v of [0, 7, 1.5, -1, Number.NaN, true, null, undefined, {}]) expect(parseTerminLabel(v)).toBeUndefined();
  });
});
