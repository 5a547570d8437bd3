import { isRuleError } from "../../../src/core/errors";
import { readBasesAndRates, readVirksomheter } from "../../../src/core/import/virksomheter";
import { kroner } from "../../../src/core/money/ore";
import { isProblems } from "../../../src/core/problem/problem";
import { agaSats } from "../../../src/core/rules/aga";
import { agaSnittsats } from "../../../src/core/rules/snittsats";
import { buildAmeldingFordeling, checkVirksomheter } from "../../../src/core/spk/amelding";
import { ok } from "../../support/checked";
import { inKroner, ore, orgnr } from "../../support/fixtures";

const A = orgnr("97476067"); // 974760673
const B = orgnr("91234568");

describe("readVirksomheter", () => {
  const grid = [
    ["Virksomheter for A-melding"],
    [],
    ["Virksomhetsnummer", "Navn", "Kommunenummer", "Grunnlag lønn"],
    [A, "Hovedkontoret", "0301", "1 000 000,00"],
    [Number(B), "Avdeling Tromsø", 5501, 250000],
    ["Sum", "", "", 1250000],
  ];

  test("finds the header below a title, reads every row, skips the total line", () => {
    const read = ok(readVirksomheter({ sheet: "Virksomheter", values: grid }, { aar: 2024 }));
    expect(read.virksomheter.map((v) => inKroner(v))).toEqual([
      { virksomhetsnummer: A, navn: "Hovedkontoret", sone: "0301", grunnlag: 1000000 },
      { virksomhetsnummer: B, navn: "Avdeling Tromsø", sone: "5501", grunnlag: 250000 },
    ]);
    expect(read.summary).toMatchObject({ sheet: "Virksomheter", headerRow: 3, dataRows: 3, usedRows: 2, ignored: [{ reason: "summeringslinjer", count: 1 }] });
    // What the reader gives is what the A-melding split accepts.
    expect(isProblems(checkVirksomheter(read.virksomheter, 2024))).toBe(false);
  });

  test("names every bad cell, at its sheet address, and gives nothing else", () => {
    const bad = [
      ["Orgnr", "Navn", "Sone", "Grunnlag"],
      ["97476067", "for kort", "I", 1],
      [`${A.slice(0, 8)}${(Number(A[8]) + 1) % 10}`, "feil kontrollsiffer", "I", 1],
      [A, "ok", "I", 1],
      [A, "to ganger", "I", 1],
      [B, "ukjent sone", "VI", 1],
      [orgnr("98765432"), "negativt", "II", -5],
      [orgnr("92345678"), "tekst", "III", "<img src=x onerror=alert(1)>"],
    ];
    const r = readVirksomheter({ sheet: "Virk", values: bad, origin: "B2" }, { aar: 2024 });
    expect(isProblems(r)).toBe(true);
    if (!isProblems(r)) return;
    expect(r.list.map((e) => e.cell)).toEqual(["B3", "B4", "B6", "D7", "E8", "E9"]);
    expect(r.list[0].message).toMatch(/ni sifre/);
    expect(r.list[1].message).toMatch(/kontrollsiffer/);
    expect(r.list[2].message).toMatch(/står også i B5/);
    expect(r.list[4].message).toMatch(/negativt/);
    expect(r.list[5].value).toBe("<img src=x onerror=alert(1)>");
  });

  test("a list without a virksomhetsnummer or zone column is refused with what to add", () => {
    const r = readVirksomheter({ sheet: "V", values: [["Navn", "Grunnlag"], ["x", 1]] }, { aar: 2024 });
    expect(isProblems(r) ? r.list[0].message : "").toMatch(/Mangler kolonnen «Virksomhetsnummer» og «Sone» \(eller «Kommunenummer»\) i overskriftsraden \(rad 1\)/);
  });

  test("the split it feeds sums exactly to the difference", () => {
    const read = ok(readVirksomheter({ sheet: "Virksomheter", values: grid }, { aar: 2024 }));
    const oppsett = {
      virksomhet: "X", aar: 2024, budsjettering: "brutto" as const, modus: "arsslutt" as const, agaSats: 0.1,
      toleranse: ore(1), vesentlighetsgrense: 0.05, kontoer: {} as never, dimensjoner: [], bilagsart: "", firma: "",
    };
    const avstemming = { oppsett, terminer: [], sum: { R: ore(1000.01) } as never, flags: [], saldokontroll: [], aarsAga: ore(100) };
    const f = ok(buildAmeldingFordeling(avstemming, read.virksomheter));
    expect(f[0].rader.map((r) => kroner(r.endringGrunnlag))).toEqual([800.01, 200]);
    expect(kroner(f[0].sumEndring)).toBe(1000.01);
  });
});

describe("readBasesAndRates", () => {
  test("a rate column (fraction or percent text) and zones / kommunenummer give agaSnittsats its lines", () => {
    const grid = [
      ["Grunnlag", "Sats", "Sone"],
      [600000, 0.141, ""],
      ["300 000", "7,9 %", ""],
      [100000, "", "III"],
      [50000, "", 5501],
    ];
    const read = ok(readBasesAndRates({ sheet: "Snitt", values: grid }, { aar: 2024 }));
    expect(read.linjer).toEqual([
      { grunnlag: 600000, satsEllerSone: 0.141 },
      { grunnlag: 300000, satsEllerSone: 0.079 },
      { grunnlag: 100000, satsEllerSone: "III" },
      { grunnlag: 50000, satsEllerSone: 5501 },
    ]);
    expect(read.rader).toEqual([2, 3, 4, 5]);
    const zoneIII = agaSats("III", 2024);
    const zone5501 = agaSats(5501, 2024);
    if (isRuleError(zoneIII) || isRuleError(zone5501)) throw new Error("satser");
    // Σ(grunnlag × sats) / Σ grunnlag, with the year's zone rates for the last two rows.
    const expected = (600000 * 0.141 + 300000 * 0.079 + 100000 * zoneIII.fraction + 50000 * zone5501.fraction) / 1050000;
    const snitt = agaSnittsats(read.linjer, 2024);
    expect(isRuleError(snitt) ? snitt.message : snitt).toBeCloseTo(expected, 12);
  });

  test("the same virksomheter sheet serves both uses", () => {
    const grid = [["Virksomhetsnummer", "Navn", "Sone", "Grunnlag"], [A, "a", "I", 100], [B, "b", "V", 300]];
    const read = ok(readBasesAndRates({ sheet: "V", values: grid }, { aar: 2024 }));
    expect(read.linjer).toEqual([{ grunnlag: 100, satsEllerSone: "I" }, { grunnlag: 300, satsEllerSone: "V" }]);
  });

  test("bad rates and zones are named by cell", () => {
    const grid = [["Grunnlag", "Sats", "Kommunenummer"], [1, "1,5", ""], [1, "", "9999"], [1, "", ""], ["", 0.1, ""]];
    const r = readBasesAndRates({ sheet: "S", values: grid }, { aar: 2024 });
    expect(isProblems(r)).toBe(true);
    if (!isProblems(r)) return;
    expect(r.list.map((e) => [e.cell, e.message.slice(0, 30)])).toEqual([
      ["B2", expect.stringMatching(/^«1,5» er ikke en gyldig AGA-sa/)],
      ["C3", expect.any(String)],
      ["C4", "Mangler sone eller kommunenumm"],
      ["A5", expect.stringMatching(/^Mangler beløp/)],
    ]);
  });

  test("without a rate or zone column: refused", () => {
    const r = readBasesAndRates({ sheet: "S", values: [["Grunnlag", "Navn"], [1, "x"]] }, { aar: 2024 });
    expect(isProblems(r) ? r.list[0].message : "").toMatch(/«Sats» eller «Sone»/);
  });
});
