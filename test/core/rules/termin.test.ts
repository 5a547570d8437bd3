import { RuleError } from "../../../src/core/errors";
import { terminMonthsLabel, terminOfMonth } from "../../../src/core/rules/termin";

const kindOf = (r: unknown) => (r instanceof RuleError ? r.kind : "ok");

describe("SPK termin", () => {
  test.each([[1, 1], [2, 1], [3, 2], [4, 2], [5, 3], [6, 3], [7, 4], [8, 4], [9, 5], [10, 5], [11, 6], [12, 6]])(
    "month %i → termin %i", (m, t) => expect(terminOfMonth(m)).toBe(t),
  );
  test("labels", () => {
    expect(terminMonthsLabel(1)).toBe("jan–feb");
    expect(terminMonthsLabel(6)).toBe("nov–des");
  });
  test("month 13 is #NUM!", () => expect(kindOf(terminOfMonth(13))).toBe("number"));
});
