/**
 * `lonn fn` with the date functions and booleans: a date serial prints as YYYY-MM-DD (inside
 * JSON too), and TRUE/FALSE/SANN/USANN on the command line are the booleans Excel passes.
 */
import { parseArg } from "../../src/cli/commands/fn";
import type { CliIO } from "../../src/cli/io";
import { run } from "../../src/cli/main";

async function lonn(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIO = { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) };
  const code = await run(["fn", ...args], io);
  return { code, out: out.trimEnd(), err: err.trimEnd() };
}

describe("date-valued functions print dates", () => {
  test.each([
    [["VIRKEDAG", "2026-01-23"], "2026-01-26"],
    [["VIRKEDAG", "23.01.2026", "0"], "2026-01-23"],
    [["VIRKEDAG", "2026-04-07", "-1"], "2026-04-01"],
    [["VIRKEDAG", "46045"], "2026-01-26"], // an Excel serial in
    [["FORFALL_FORSKUDDSTREKK", "2026-04-01"], "2026-04-07"],
    [["FORFALL_FORSKUDDSTREKK", "2026-05-13"], "2026-05-15"],
    [["FORFALL_FORSKUDDSTREKK", "2026-12-24"], "2026-12-28"],
    [["FORFALL_FORSKUDDSTREKK", "2025-01-24"], "2025-03-17"],
    [["FORFALL_AGA", "1", "2026"], "2026-03-16"],
    [["FORFALL_AGA", "T5", "2026"], "2026-11-16"],
    [["lonn.forfall_aga", "6", "2026"], "2027-01-15"],
  ])("lonn fn %j → %s", async (args, expected) => {
    expect(await lonn(...args)).toEqual({ code: 0, out: expected, err: "" });
  });

  test("inside arrays, with errors as `#CODE: message`", async () => {
    const r = await lonn("FORFALL_AGA", "[[1,2,3,4,5,6]]", "2026");
    expect(r).toEqual({ code: 0, out: '[["2026-03-16","2026-05-15","2026-07-15","2026-09-15","2026-11-16","2027-01-15"]]', err: "" });
    const mixed = await lonn("VIRKEDAG", '[["2026-01-23"],["x"],[null]]');
    expect(mixed.code).toBe(1);
    expect(JSON.parse(mixed.out)).toEqual([
      ["2026-01-26"],
      ["#VALUE!: Datoen «x» er ikke en dato. Skriv f.eks. 2026-01-23 eller 23.01.2026, eller bruk en Excel-dato."],
      ["#VALUE!: Datoen mangler."],
    ]);
    expect((await lonn("VIRKEDAG", "[[46045]]")).out).toBe('[["2026-01-26"]]');
  });

  test("an error prints as itself", async () => {
    expect(await lonn("FORFALL_AGA", "7", "2026")).toEqual({
      code: 1,
      out: "#VALUE!: 7 er ingen termin. Skriv 1–6 (1 = januar–februar … 6 = november–desember), T1 eller jan–feb.",
      err: "",
    });
  });

  test("a function that answers with amounts still prints numbers", async () => {
    expect(await lonn("FERIEPENGER", "500000", "2025")).toEqual({ code: 0, out: "51000", err: "" });
    expect((await lonn("GRUNNBELOP", "2024-06-01")).out).toBe("124028");
    expect((await lonn("FERIEPENGER", "[[500000],[1000000]]", "2025", "0.12", "TRUE")).out).toBe("[[71500],[137962.08]]");
  });
});

describe("boolean words", () => {
  test.each([
    ["TRUE", true], ["true", true], ["True", true], ["SANN", true], ["sann", true], ["Sann", true],
    ["FALSE", false], ["false", false], ["USANN", false], ["usann", false], ["uSaNn", false],
  ])("%s is %p", (word, value) => expect(parseArg(word, 1)).toBe(value));

  test("other words stay text, numbers stay numbers", () => {
    expect(parseArg("ja", 1)).toBe("ja");
    expect(parseArg("TRUEISH", 1)).toBe("TRUEISH");
    expect(parseArg("1", 1)).toBe(1);
    expect(parseArg("constructor", 1)).toBe("constructor");
  });

  test("FERIEPENGER's over_60 from the command line", async () => {
    for (const yes of ["TRUE", "sann", "1"]) expect((await lonn("FERIEPENGER", "1000000", "2025", "", yes)).out).toBe("119962.08");
    for (const no of ["FALSE", "usann", "0", ""]) expect((await lonn("FERIEPENGER", "1000000", "2025", "", no)).out).toBe("102000");
    expect(await lonn("FERIEPENGER", "1000000", "2025", "", "ja")).toEqual({
      code: 1, out: "#VALUE!: Over 60 må være SANN eller USANN (eller 1 eller 0); fikk «ja».", err: "",
    });
  });

  test("a boolean where a number belongs is the function's #VALUE!", async () => {
    expect(await lonn("TRYGDEAVGIFT", "SANN", "2026")).toEqual({
      code: 1, out: "#VALUE!: Inntekten er en sannhetsverdi (SANN), ikke et tall.", err: "",
    });
  });
});
