import fc from "fast-check";
import { isRuleError, RuleError } from "../../../src/core/errors";
import { aga, agaFribelop, agaSats, ekstraAga } from "../../../src/core/rules/aga";
import { agaSone, parseKommunenummer, parseZone } from "../../../src/core/rules/aga-sone";
import { KOMMUNE_SONER } from "../../../src/core/rates/kommune-soner";
import { KOMMUNENUMMER_2024_CHANGES, MAIN_PART_OLD_KOMMUNER } from "../../../src/core/rates/kommune-changes";
import { foldedWords } from "../../../src/core/text";

const YEARS = [2020, 2021, 2022, 2023, 2024, 2025, 2026];
/** rates-and-rules.md §3.1, typed in again: unchanged 2020–2026. */
const ORDINARY: Record<string, number> = { I: 0.141, Ia: 0.106, II: 0.106, III: 0.064, IV: 0.051, IVa: 0.079, V: 0 };
const JORDBRUK: Record<string, number> = { ...ORDINARY, IVa: 0.051 };

const fraction = (r: unknown) => (isRuleError(r) ? r : (r as { fraction: number }).fraction);
const kindOf = (r: unknown) => (r instanceof RuleError ? r.kind : "ok");
const messageOf = (r: unknown) => (r instanceof RuleError ? r.message : "");

describe("AGA rates per zone and year", () => {
  for (const year of YEARS) {
    test.each(Object.keys(ORDINARY))(`${year} zone %s`, (zone) => {
      expect(fraction(agaSats(zone, year))).toBe(ORDINARY[zone]);
      expect(fraction(agaSats(zone, year, "jordbruk"))).toBe(JORDBRUK[zone]);
      expect(fraction(agaSats(zone, year, "sektorunntak"))).toBe(0.141);
    });
  }

  test("zones as people write them", () => {
    for (const [text, zone] of [["Ia", "Ia"], ["1a", "Ia"], ["IA", "Ia"], ["ia", "Ia"], ["sone 1a", "Ia"], ["IVa", "IVa"], ["4a", "IVa"], ["4A", "IVa"], ["V", "V"], ["5", "V"], ["ii", "II"]] as const) {
      expect(parseZone(text)).toBe(zone);
    }
    expect(parseZone(1)).toBe("I");
    expect(parseZone(4)).toBe("IV");
    expect(parseZone(6)).toBeUndefined();
    expect(parseZone("VI")).toBeUndefined();
  });

  test("AGA amount: basis × rate, rounded half away from zero", () => {
    expect(aga(100000, "I", 2024)).toBe(14100);
    expect(aga(1234.55, "I", 2024)).toBe(174.07); // 174,07155
    expect(aga(50.5, "III", 2024)).toBe(3.23); // 3,232
    expect(aga(12.5, "IVa", 2024, "jordbruk")).toBe(0.64); // 0,6375
    expect(aga(-1234.55, "I", 2024)).toBe(-174.07);
    expect(aga(-10, "IV", 2024)).toBe(-0.51); // −0,51 exactly
    expect(aga(1e6, "V", 2024)).toBe(0);
  });

  test("AGA by kommunenummer, number or text", () => {
    expect(aga(100000, 301, 2024)).toBe(14100);
    expect(aga(100000, "0301", 2024)).toBe(14100);
    expect(aga(100000, 5501, 2025)).toBe(7900); // Tromsø IVa
    expect(aga(100000, 5501, 2025, "jordbruk")).toBe(5100);
  });

  test("a year without rates is #N/A", () => {
    expect(kindOf(agaSats("I", 2019))).toBe("notAvailable");
    expect(kindOf(aga(1, "I", 2027))).toBe("notAvailable");
  });

  test("the kommune table is not used for 2020–2021", () => {
    const r = aga(100000, 301, 2021);
    expect(kindOf(r)).toBe("notAvailable");
    expect(messageOf(r)).toMatch(/2022/);
    expect(aga(100000, "I", 2021)).toBe(14100);
  });

  test("unknown næring and nonsense zone are #VALUE!", () => {
    expect(kindOf(agaSats("I", 2024, "bank"))).toBe("value");
    expect(kindOf(agaSats("sone 9", 2024))).toBe("value");
  });
});

describe("kommune → zone (traps of §6)", () => {
  test.each([
    [5001, "I"], // Trondheim is zone I, not II
    [5601, "V"], // Alta
    [5603, "V"], // Hammerfest
    [5501, "IVa"], // Tromsø
    [1804, "IVa"], // Bodø
    [301, "I"], // Oslo
    [1144, "Ia"], // Kvitsøy moved to Ia in 2022
    [1151, "Ia"], // Utsira
  ])("%i → %s", (kommune, zone) => {
    expect(agaSone(kommune)).toBe(zone);
    expect(agaSone(String(kommune).padStart(4, "0"))).toBe(zone);
    expect(agaSone(String(kommune))).toBe(zone);
  });

  test("all of Finnmark (56xx) is zone V", () => {
    const finnmark = [...KOMMUNE_SONER.keys()].filter((k) => k.startsWith("56"));
    expect(finnmark.length).toBeGreaterThan(15);
    for (const k of finnmark) expect(agaSone(k)).toBe("V");
  });

  test("the table has the 357 kommuner and 12 split ones", () => {
    expect(KOMMUNE_SONER.size).toBe(357);
    const split = [...KOMMUNE_SONER.entries()].filter(([, rows]) => rows.length > 1).map(([k]) => k);
    expect(split.sort()).toEqual(["1506", "1508", "1577", "1579", "4225", "4602", "4621", "4640", "4647", "5006", "5057", "5059"]);
  });

  test("Svalbard (2100, 2111, 2121, 2131) and Jan Mayen (2211) are no zone", () => {
    for (const k of [2100, "2111", 2121, 2131, 2211]) {
      const r = agaSone(k);
      expect(kindOf(r)).toBe("notAvailable");
      expect(messageOf(r)).toMatch(/Svalbard.*ikke en arbeidsgiveravgiftssone/);
    }
  });

  test("2311 and 2321 are the continental shelf, not Svalbard: refused, named, zone to be given directly", () => {
    for (const [k, where] of [[2311, "sør"], ["2321", "nord"]] as const) {
      const r = agaSone(k);
      expect(kindOf(r)).toBe("notAvailable");
      expect(messageOf(r)).not.toMatch(/Svalbard/);
      expect(messageOf(r)).toContain(`kontinentalsokkelen ${where} for 62° N`);
      expect(messageOf(r)).toMatch(/oppgi sonen direkte/i);
      const amount = aga(100000, k, 2024);
      expect(kindOf(amount)).toBe("notAvailable");
      expect(messageOf(amount)).toBe(messageOf(r));
    }
    expect(aga(100000, "I", 2024)).toBe(14100);
  });

  test("Molde needs a delområde, and the message names them", () => {
    const r = agaSone(1506);
    expect(kindOf(r)).toBe("notAvailable");
    expect(messageOf(r)).toContain("Gamle Midsund og Nesset");
    expect(messageOf(r)).toContain("øvrige Molde");
    expect(agaSone(1506, "Midsund")).toBe("II");
    expect(agaSone(1506, "gamle Nesset")).toBe("II");
    expect(agaSone(1506, "Molde")).toBe("I");
    expect(agaSone("1506", "øvrige")).toBe("I");
  });

  test.each([
    [4602, "Flora", "Ia"], [4602, "Vågsøy", "II"], [4602, "vagsoy", "II"],
    [4647, "Førde", "Ia"], [4647, "Jølster", "II"], [4647, "Naustdal", "II"],
    [5059, "Agdenes", "II"], [5059, "Meldal", "III"], [5059, "Orkland", "I"],
    [4640, "Leikanger", "II"], [4640, "Sogndal", "Ia"],
    [1579, "Eide", "Ia"], [4225, "Audnedal", "Ia"], [5006, "Verran", "II"], [5057, "Bjugn", "III"],
    [1508, "Sandøy", "II"], [1577, "Hornindal", "II"], [4621, "Granvin", "II"],
  ])("%i %s → %s", (k, part, zone) => {
    expect(agaSone(k, part)).toBe(zone);
  });

  /**
   * Every old kommune (up to 2019) of the twelve split kommuner, from SSB's change table of
   * 1 January 2020 (Klass 131; opisthokonta/kommuneendringer data-raw/changetables.json @75597a8),
   * with the zone Skatteetaten's catalogue gives its part. Snillfjord is only partly in Orkland.
   */
  const OLD_KOMMUNER: [number, string, string][] = [
    [1506, "Molde", "I"], [1506, "Nesset", "II"], [1506, "Midsund", "II"],
    [1508, "Ålesund", "I"], [1508, "Ørskog", "I"], [1508, "Skodje", "I"], [1508, "Sandøy", "II"],
    [1577, "Volda", "I"], [1577, "Hornindal", "II"],
    [1579, "Fræna", "I"], [1579, "Eide", "Ia"],
    [4225, "Lyngdal", "I"], [4225, "Audnedal", "Ia"],
    [4602, "Flora", "Ia"], [4602, "Vågsøy", "II"],
    [4621, "Voss", "I"], [4621, "Granvin", "II"],
    [4640, "Sogndal", "Ia"], [4640, "Balestrand", "II"], [4640, "Leikanger", "II"],
    [4647, "Førde", "Ia"], [4647, "Gaular", "II"], [4647, "Jølster", "II"], [4647, "Naustdal", "II"],
    [5006, "Steinkjer", "I"], [5006, "Verran", "II"],
    [5057, "Ørland", "II"], [5057, "Bjugn", "III"],
    [5059, "Orkdal", "I"], [5059, "Agdenes", "II"], [5059, "Meldal", "III"], [5059, "Snillfjord", "III"],
  ];

  test.each(OLD_KOMMUNER)("%i: the old kommune %s is accepted as delområde → %s", (k, old, zone) => {
    expect(agaSone(k, old)).toBe(zone);
    expect(agaSone(k, `gamle ${old}`)).toBe(zone);
  });

  test("the main part's old kommune by name: Orkdal (Orkland), Fræna (Hustadvika)", () => {
    expect(agaSone(5059, "Orkdal")).toBe("I");
    expect(agaSone(1579, "Fræna")).toBe("I");
    expect(agaSone(1579, "FRÆNA")).toBe("I");
    expect(agaSone(1579, "fraena")).toBe("I");
    expect(messageOf(agaSone(5059))).toContain("«øvrige Orkland (gamle Orkdal)» → sone I");
    expect(messageOf(agaSone(1508))).toContain("«øvrige Ålesund (gamle Ålesund, Ørskog og Skodje)» → sone I");
    // Where the old kommune has the new kommune's name, the label stays short.
    expect(messageOf(agaSone(1506))).toContain("«øvrige Molde» → sone I");
  });

  test("the table of main parts covers exactly the split kommuner that have a main row", () => {
    const withMainRow = [...KOMMUNE_SONER.entries()]
      .filter(([, rows]) => rows.length > 1 && rows.some((r) => r.delomraade === ""))
      .map(([k]) => k);
    expect([...MAIN_PART_OLD_KOMMUNER.keys()].sort()).toEqual(withMainRow.sort());
    expect(withMainRow).toHaveLength(10); // Kinn and Sunnfjord name every part
  });

  test("an unknown or ambiguous delområde is #N/A naming the choices", () => {
    const unknown = agaSone(4602, "Bergen");
    expect(kindOf(unknown)).toBe("notAvailable");
    expect(messageOf(unknown)).toMatch(/Gamle Flora.*Gamle Vågsøy/);
    const ambiguous = agaSone(5059, "gamle"); // only filler words: no part named
    expect(kindOf(ambiguous)).toBe("notAvailable");
    expect(messageOf(ambiguous)).toMatch(/flere soner/);
  });

  test("Voss: zone I is old Voss; zone II is old Granvin and the area taken over from Ullensvang", () => {
    // The catalogue's «Deler av tidligere Ullensvang er grensejustert over til Voss» sits on the
    // receiving kommune's main row, as at Stavanger, Aukra, Indre Fosen and Tvedestrand.
    expect(agaSone(4621, "Ullensvang")).toBe("II");
    expect(agaSone(4621, "Granvin")).toBe("II");
    expect(agaSone(4621, "gamle Granvin")).toBe("II");
    expect(agaSone(4621, "Voss")).toBe("I");
    expect(agaSone(4621, "øvrige")).toBe("I");
    expect(messageOf(agaSone(4621))).toBe(
      "Voss (4621) har flere soner: «Gamle Granvin og Ullensvang» → sone II; «øvrige Voss» → sone I. " +
        "Oppgi delområde (navnet på den gamle kommunen).",
    );
  });

  test("a «… er grensejustert over til …» comment is a note, never a part with its own zone", () => {
    for (const [nummer, rows] of KOMMUNE_SONER) {
      const main = rows.filter((r) => r.delomraade === "");
      expect({ nummer, mainRows: main.length <= 1 }).toEqual({ nummer, mainRows: true });
      for (const r of rows) expect(r.delomraade).not.toMatch(/grensejustert/);
    }
    expect(KOMMUNE_SONER.get("1103")![0].note).toBe("Deler av tidligere Hjelmeland er grensejustert over til Stavanger");
    expect(KOMMUNE_SONER.get("4621")!.map((r) => [r.zone, r.delomraade])).toEqual([["II", "Gamle Granvin og Ullensvang"], ["I", ""]]);
  });

  test("kommunenummer forms", () => {
    expect(parseKommunenummer(301)).toBe("0301");
    expect(parseKommunenummer("301")).toBe("0301");
    expect(parseKommunenummer(" 0301 ")).toBe("0301");
    expect(parseKommunenummer(30.1)).toBeUndefined();
    expect(parseKommunenummer("Oslo")).toBeUndefined();
    expect(kindOf(agaSone("Oslo"))).toBe("value");
    expect(kindOf(agaSone(9999))).toBe("notAvailable");
  });
});

describe("2022–2023: the zones of 2022 with the kommunenummer of 2020–2023", () => {
  test("the required results: 5401 Tromsø in 2023 is IVa, 3101 Halden in 2024 is I", () => {
    expect(aga(100000, 5401, 2023)).toBe(7900);
    expect(aga(100000, 3101, 2024)).toBe(14100);
    expect(aga(100000, 3001, 2023)).toBe(14100);
    expect(aga(100000, "3001", 2022)).toBe(14100);
    expect(aga(100000, 5444, 2023)).toBe(0); // Sør-Varanger, zone V
    expect(fraction(agaSats(5401, 2023, "jordbruk"))).toBe(0.051);
    expect(fraction(agaSats(3820, 2023))).toBe(0.106); // Seljord → 4022, zone II
  });

  test("a 2020–2023 number from 2024 on, and a 2024 number before 2024, are refused naming the right number", () => {
    const old = aga(100000, 3001, 2024);
    expect(kindOf(old)).toBe("notAvailable");
    expect(messageOf(old)).toBe("3001 Halden er kommunenummeret til og med 2023; fra 2024 er det 3101.");
    expect(messageOf(agaSats(5401, 2025))).toBe("5401 Tromsø er kommunenummeret til og med 2023; fra 2024 er det 5501.");
    const renumbered = aga(100000, 3101, 2023);
    expect(kindOf(renumbered)).toBe("notAvailable");
    expect(messageOf(renumbered)).toBe("3101 Halden er kommunenummeret fra 2024; til og med 2023 er det 3001.");
    expect(messageOf(agaSats("5501", 2022))).toBe("5501 Tromsø er kommunenummeret fra 2024; til og med 2023 er det 5401.");
  });

  test("1507 Ålesund (2020–2023) became 1508 Ålesund and 1580 Haram: in 2022–2023 it needs the delområde", () => {
    const r = agaSats(1507, 2023);
    expect(kindOf(r)).toBe("notAvailable");
    expect(messageOf(r)).toBe(
      "Ålesund (1507) har flere soner: «Sandøy» → sone II; «øvrige Ålesund (gamle Ålesund, Ørskog og Skodje)» → sone I; " +
        "«Haram» → sone Ia. Oppgi delområde (navnet på den gamle kommunen).",
    );
    expect(agaSone(1507, "Haram")).toBe("Ia");
    expect(agaSone(1507, "Sandøy")).toBe("II");
    expect(agaSone(1507, "Skodje")).toBe("I");
    expect(agaSone(1507, "Ålesund")).toBe("I");
    expect(messageOf(aga(1, 1507, 2024))).toBe("1507 Ålesund er kommunenummeret til og med 2023; fra 2024 er det 1508 Ålesund eller 1580 Haram.");
    expect(messageOf(aga(1, 1580, 2023))).toBe("1580 Haram er kommunenummeret fra 2024; til og med 2023 var det en del av 1507 Ålesund.");
    expect(messageOf(aga(1, 1508, 2023))).toBe("1508 Ålesund er kommunenummeret fra 2024; til og med 2023 var det en del av 1507 Ålesund.");
    expect(aga(100000, 1580, 2024)).toBe(10600);
  });

  test("2020–2021 stay refused for every kommunenummer (other zones then)", () => {
    for (const k of [3001, 3101, 5401, 301]) {
      const r = aga(100000, k, 2021);
      expect(kindOf(r)).toBe("notAvailable");
      expect(messageOf(r)).toMatch(/soneinndelingen fra 2022; for 2021 må sonen oppgis direkte/);
    }
  });

  test("AGA_SONE has no year: a number of either structure names one place, with its zone from 2022", () => {
    expect(agaSone(3001)).toBe("I");
    expect(agaSone(5401)).toBe("IVa");
    expect(agaSone(3101)).toBe("I");
    expect(agaSone(5501)).toBe("IVa");
    expect(agaSone(3820)).toBe("II");
  });

  test("the change table: every 2020–2023 number gives its 2024 kommune's zone", () => {
    const old = new Set(KOMMUNENUMMER_2024_CHANGES.map((c) => c.before));
    const renumbered = new Set(KOMMUNENUMMER_2024_CHANGES.map((c) => c.after));
    // Viken 51, Vestfold og Telemark 23, Troms og Finnmark 39, and 1507 Ålesund.
    expect([...old].filter((k) => k.startsWith("30"))).toHaveLength(51);
    expect([...old].filter((k) => k.startsWith("38"))).toHaveLength(23);
    expect([...old].filter((k) => k.startsWith("54"))).toHaveLength(39);
    expect(old.size).toBe(114);
    expect(renumbered.size).toBe(115);
    // 357 kommuner from 2024; 356 in 2020–2023.
    expect(KOMMUNE_SONER.size - renumbered.size + old.size).toBe(356);
    for (const c of KOMMUNENUMMER_2024_CHANGES) {
      expect({ c, oldOnly: !KOMMUNE_SONER.has(c.before), newExists: KOMMUNE_SONER.has(c.after), notBoth: !old.has(c.after) })
        .toEqual({ c, oldOnly: true, newExists: true, notBoth: true });
      if (c.before === "1507") continue;
      // A typo in a number would show as a different name.
      const newWords = new Set(foldedWords(KOMMUNE_SONER.get(c.after)![0].kommunenavn));
      expect({ c, sameName: foldedWords(c.beforeName).some((w) => newWords.has(w)) }).toEqual({ c, sameName: true });
      expect(agaSone(c.before)).toBe(agaSone(c.after));
      expect(fraction(agaSats(c.before, 2023))).toBe(fraction(agaSats(c.after, 2024)));
    }
  });
});

describe("fribeløp", () => {
  test("zone Ia: 10,6 % until the 3,5 % saving reaches the fribeløp, then 14,1 %", () => {
    // 2024: fribeløp 850 000 → reduced rate on 850 000 / 0,035 = 24 285 714,29 kr of basis
    expect(agaFribelop(1_000_000, 0, "Ia", 2024)).toBe(106000);
    expect(agaFribelop(1_000_000, 30_000_000, "Ia", 2024)).toBe(141000);
    // Crossing: 24 000 000 before; 1 000 000 now. Saving left 850 000 − 840 000 = 10 000.
    expect(agaFribelop(1_000_000, 24_000_000, "Ia", 2024)).toBe(131000);
    // 2023: fribeløp 500 000 → 14 285 714,29 kr
    expect(agaFribelop(1_000_000, 14_000_000, "Ia", 2023)).toBe(141000 - 10000);
  });

  test("sector-excepted employer in zone V: 0 % until the fribeløp, then 14,1 %", () => {
    expect(agaFribelop(100_000, 0, "V", 2024)).toBe(0);
    // 6 000 000 × 14,1 % = 846 000 of saving used; 100 000 more saves 4 000 more, then 14,1 %
    expect(agaFribelop(100_000, 6_000_000, "V", 2024)).toBe(141000 / 10 - 4000);
  });

  test("zone I has no reduction", () => {
    expect(agaFribelop(100_000, 0, "I", 2024)).toBe(14100);
  });

  test("a correction gives back exactly what the basis took", () => {
    const up = agaFribelop(1_000_000, 24_000_000, "Ia", 2024) as number;
    const down = agaFribelop(-1_000_000, 25_000_000, "Ia", 2024) as number;
    expect(down).toBe(-up);
    expect(kindOf(agaFribelop(-2, 1, "Ia", 2024))).toBe("number");
    expect(kindOf(agaFribelop(1, -1, "Ia", 2024))).toBe("number");
  });

  test("property: periods add up to the year (split anywhere)", () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 4e9 }), fc.integer({ min: 0, max: 4e9 }), fc.constantFrom("Ia", "II", "V"),
      (aOre, bOre, zone) => {
        const a = aOre / 100, b = bOre / 100;
        const whole = agaFribelop(a + b, 0, zone, 2024) as number;
        const parts = (agaFribelop(a, 0, zone, 2024) as number) + (agaFribelop(b, a, zone, 2024) as number);
        expect(Math.abs(whole - parts)).toBeLessThanOrEqual(0.0100001);
      },
    ));
  });
});

describe("ekstra AGA", () => {
  test("2023: 5 % above 750 000, in every zone", () => {
    expect(ekstraAga(100_000, 2023, 700_000)).toBe(2500);
    expect(ekstraAga(100_000, 2023, 0)).toBe(0);
    expect(ekstraAga(100_000, 2023, 800_000)).toBe(5000);
  });
  test("2024 still has it, above 850 000", () => {
    expect(ekstraAga(100_000, 2024, 800_000)).toBe(2500);
    expect(ekstraAga(1_000_000, 2024)).toBe(7500);
  });
  test("abolished from 2025; not there before 2023", () => {
    for (const y of [2020, 2021, 2022, 2025, 2026]) expect(ekstraAga(1_000_000, y, 1_000_000)).toBe(0);
  });
  test("a correction reverses", () => {
    expect(ekstraAga(-100_000, 2024, 1_000_000)).toBe(-5000);
  });
});

describe("properties", () => {
  test("AGA is linear in the basis within a zone (to the rounding øre)", () => {
    fc.assert(fc.property(
      fc.integer({ min: -1e10, max: 1e10 }), fc.integer({ min: -1e10, max: 1e10 }),
      fc.constantFrom("I", "Ia", "II", "III", "IV", "IVa", "V"), fc.constantFrom(...YEARS),
      (aOre, bOre, zone, year) => {
        const a = aOre / 100, b = bOre / 100;
        const sum = aga((aOre + bOre) / 100, zone, year) as number;
        const parts = (aga(a, zone, year) as number) + (aga(b, zone, year) as number);
        expect(Math.abs(sum - parts)).toBeLessThanOrEqual(0.0100001);
        expect(aga(-a, zone, year)).toBe(-(aga(a, zone, year) as number) + 0);
        expect(aga(2 * a, zone, year) as number).toBeCloseTo(2 * (aga(a, zone, year) as number), 1);
      },
    ), { numRuns: 2000 });
  });
});
