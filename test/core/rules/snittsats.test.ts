import { RuleError } from "../../../src/core/errors";
import { agaSnittsats } from "../../../src/core/rules/snittsats";

const kindOf = (r: unknown) => (r instanceof RuleError ? r.kind : "ok");

describe("AGA_SNITTSATS", () => {
  test("weighted by basis", () => {
    // 1 000 000 at 14,1 % and 1 000 000 at 5,1 % → 9,6 %
    expect(agaSnittsats([{ grunnlag: 1e6, satsEllerSone: 0.141 }, { grunnlag: 1e6, satsEllerSone: 0.051 }])).toBeCloseTo(0.096, 15);
  });
  test("zones and kommuner need the year", () => {
    expect(agaSnittsats([{ grunnlag: 3e6, satsEllerSone: "I" }, { grunnlag: 1e6, satsEllerSone: 5601 }], 2024)).toBeCloseTo(0.10575, 15);
    expect(kindOf(agaSnittsats([{ grunnlag: 1, satsEllerSone: "I" }]))).toBe("value");
  });
  test("zero total basis is #NUM!; a bad line names its row", () => {
    expect(kindOf(agaSnittsats([{ grunnlag: 0, satsEllerSone: 0.141 }]))).toBe("number");
    const r = agaSnittsats([{ grunnlag: 1, satsEllerSone: 0.141 }, { grunnlag: 1, satsEllerSone: 9999 }], 2024);
    expect(r instanceof RuleError && r.message).toMatch(/^rad 2: /);
  });
});
