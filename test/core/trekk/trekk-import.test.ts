/**
 * core/usecase/trekk-import: the readers' results put together into the scenario the scenario
 * file holds, run as the scenario form is; the model's problems placed back in the inputs (a
 * payment's cell, a melding's file and element, the ledger's or the lists' item by name).
 */
import { readAmeldinger } from "../../../src/core/import/amelding";
import { readSaft } from "../../../src/core/import/saft";
import { SheetInput } from "../../../src/core/import/types";
import { Checked } from "../../../src/core/problem/problem";
import { parseTrekkScenario } from "../../../src/core/trekk/scenario";
import { parseTrekkOppsett, runTrekkImport, TrekkImportSources, TrekkOppsett, trekkReaderOptions } from "../../../src/core/usecase/trekk-import";
import { runTrekk } from "../../../src/core/usecase/trekk";
import { ok, problemsOf } from "../../support/checked";
import { ameldingFiles, csvSheet, sampleSheet, sampleText } from "../import/trekk-helpers";

const OPPSETT = ok(parseTrekkOppsett(JSON.parse(sampleText("oppsett-2026.json"))));

/** The sample's sources as the task pane hands them over: whole texts, grids; `change` edits one CSV's text. */
function sources(o: TrekkOppsett = OPPSETT, change: Partial<Record<string, (t: string) => string>> = {}): TrekkImportSources {
  const options = trekkReaderOptions(o);
  const sheet = (name: string): Checked<SheetInput> => (change[name] ? csvSheet((change[name] as (t: string) => string)(sampleText(name)), name) : sampleSheet(name));
  const amelding = ameldingFiles().map((file) => ({ file, text: change[file] ? (change[file] as (t: string) => string)(sampleText(file)) : sampleText(file) }));
  return {
    oppsett: { file: "oppsett-2026.json", oppsett: o },
    amelding: readAmeldinger(amelding, options.amelding),
    hovedbok: { kind: "saft", file: "saft-2026.xml", read: readSaft(sampleText("saft-2026.xml"), { file: "saft-2026.xml", ...options.saft }) },
    lonn: sheet("lonnsjournal-2026.csv"),
    betalinger: sheet("betalinger-2026.csv"),
    fakturaer: sheet("trekklister-2026.csv"),
  };
}

describe("the oppsett", () => {
  test("is the scenario without its data; the accounts default to NS 4102", () => {
    expect(OPPSETT).toEqual({ virksomhet: "Nordlys Verksted AS", orgnr: "921734050", aar: 2026, kontoer: { forskuddstrekk: "2600", aga: "2770", forsikringstrekk: "2640", fagforeningstrekk: "2650" }, firma: "NV", bilagsart: "TK" });
    expect(ok(parseTrekkOppsett({ virksomhet: "X AS", aar: 2025 })).kontoer.aga).toBe("2770");
  });

  test("refuses the exports' data and checks each field as the scenario does", () => {
    expect(problemsOf(parseTrekkOppsett({ virksomhet: "X", aar: 2026, hovedbok: [], mottakere: [] })).map((p) => p.path)).toEqual(["hovedbok", "mottakere"]);
    expect(problemsOf(parseTrekkOppsett({ virksomhet: "X", aar: 2026, toleranse: 0.001 })).map((p) => p.path)).toEqual(["toleranse"]);
    expect(problemsOf(parseTrekkOppsett({ virksomhet: "X", aar: 2026, konto: {} }))[0].message).toContain("er ikke et kjent felt");
    expect(problemsOf(parseTrekkOppsett([]))[0].message).toContain("JSON-objekt");
  });

  test("tells the streaming readers the year, the opplysningspliktig and the accounts", () => {
    expect(trekkReaderOptions(OPPSETT)).toEqual({ amelding: { aar: 2026, orgnr: "921734050" }, saft: { kontoer: ["2600", "2770", "2640", "2650"], aar: 2026 } });
  });
});

describe("the sample's exports give the sample's scenario", () => {
  test("exactly the scenario of trekk-scenario-2026.json, and the same run", () => {
    const imported = ok(runTrekkImport(sources()));
    const file = ok(parseTrekkScenario(JSON.parse(sampleText("trekk-scenario-2026.json"))));
    expect(imported.run.inputs.scenario).toEqual({ ...file, firma: "NV", bilagsart: "TK" });
    const direct = ok(runTrekk({ source: "", scenario: imported.run.inputs.scenario, notes: [] }));
    expect(imported.run.avstemming).toEqual(direct.avstemming);
    expect(imported.run.inputs.source).toBe("oppsett-2026.json, 13 a-meldinger, saft-2026.xml, lonnsjournal-2026.csv, betalinger-2026.csv, trekklister-2026.csv");
  });

  test("what each reader did, for the preview", () => {
    const r = ok(runTrekkImport(sources()));
    expect(r.sheets.map((s) => s.sheet)).toEqual(["lonnsjournal-2026.csv", "betalinger-2026.csv", "trekklister-2026.csv"]);
    expect(r.meldinger).toHaveLength(13);
    expect(r.saft).toMatchObject({ file: "saft-2026.xml", versjon: "1.30", linjerLest: 109 });
  });

  test("without invoices the counterparties have no lists", () => {
    const { fakturaer: _f, ...rest } = sources();
    const r = ok(runTrekkImport(rest));
    expect(r.run.inputs.scenario.mottakere).toEqual([]);
  });
});

describe("the model's problems are placed in the inputs", () => {
  test("every reader's problems at once", () => {
    const list = problemsOf(
      runTrekkImport(
        sources(OPPSETT, {
          "lonnsjournal-2026.csv": (t) => t.replace("68 400,00;22 572,00", "68 400,00;x"),
          "trekklister-2026.csv": (t) => t.replace("202601;4471;1001", "2026-13;4471;1001"),
        }),
      ),
    );
    expect(list.map((p) => [p.sheet, p.cell])).toEqual([
      ["lonnsjournal-2026.csv", "H2"],
      ["trekklister-2026.csv", "C2"],
    ]);
  });

  test("a pay date outside its month: the melding's file and element", () => {
    const list = problemsOf(runTrekkImport(sources(OPPSETT, { "amelding-2026-02.xml": (t) => t.replace("<loennsutbetalingsdato>2026-02-20<", "<loennsutbetalingsdato>2026-03-02<") })));
    expect(list).toContainEqual({
      file: "amelding-2026-02.xml",
      element: "Leveranse/oppgave/betalingsinformasjon/sumForskuddstrekkPerLoennsutbetalingsdato[1]/loennsutbetalingsdato",
      message: "2026-03-02 er ikke i kalendermåneden 2026-02.",
    });
  });

  test("a list on an account that is neither 2640 nor 2650: the list's file, the counterparty named", () => {
    const list = problemsOf(runTrekkImport(sources(OPPSETT, { "trekklister-2026.csv": (t) => t.replace(/;2650;/g, ";2690;") })));
    expect(list).toEqual([{ sheet: "trekklister-2026.csv", message: "Verkstedforbundet avd. 17 (konto 2690): 2690 er verken forsikringstrekk (2640) eller fagforeningstrekk (2650)." }]);
  });

  test("a correction for a month after the last: the oppsett's own path", () => {
    const o = { ...OPPSETT, aar: 2026, korreksjoner: [{ konto: "2600", periode: "2025-12", motkonto: "1920" }] };
    const list = problemsOf(runTrekkImport(sources(o)));
    expect(list).toEqual([{ file: "oppsett-2026.json", path: "korreksjoner[0].periode", message: "2025-12 er ikke i 2026." }]);
  });

  test("SAF-T of another company", () => {
    const o = ok(parseTrekkOppsett({ ...JSON.parse(sampleText("oppsett-2026.json")), orgnr: "973152025" }));
    const s = sources(o);
    // The a-meldinger are the sample firm's too, so they are refused as well; the SAF-T one names its header.
    expect(problemsOf(runTrekkImport(s))).toContainEqual({
      file: "saft-2026.xml",
      element: "Header/Company/RegistrationNumber",
      message: "SAF-T-filen er for organisasjonsnummer 921734050, men oppsettet gjelder 973152025.",
    });
  });
});
