import { isProblems, Problems } from "../../../src/core/problem/problem";
import { settingsFrom } from "../../../src/core/spk/sheet/settings";
import { planSettings, readSettings, SETTINGS_SCHEMA_VERSION } from "../../../src/core/workpaper/settings";
import { WritePlan } from "../../../src/core/workpaper/write-plan";
import { oppsett } from "../../support/fixtures";
import { applyPlan, cellMap, setCell, sheetOf } from "../../support/plan-applier";

const o = oppsett({
  orgnr: "974760673",
  dimensjoner: [
    { nummer: 1, navn: "Koststed", verdi: "1001" },
    { nummer: 2, navn: "Prosjekt", fordeling: [{ verdi: "P1", vekt: 3 }, { verdi: "P2", vekt: 1 }], pakrevd: true },
  ],
});

const apply = (p: WritePlan, book = {}) => applyPlan(p, book);

describe("the _lonn settings sheet", () => {
  const s = settingsFrom(o, "A10 SPK brutto");
  const book = apply(planSettings(s));
  const sheet = book._lonn;

  test("very hidden, key/value rows with a description; only what the header does not hold", () => {
    const p = planSettings(s);
    expect(p.sheets).toEqual([{ name: "_lonn", visibility: "veryHidden", columnWidths: { A: 26, B: 40, C: 60 } }]);
    expect(p.writes).toHaveLength(1);
    const rows = sheet.values.map((r) => [r[0], r[1]]);
    expect(rows).toEqual([
      ["Nøkkel", "Verdi"],
      ["skjemaversjon", SETTINGS_SCHEMA_VERSION],
      ["avstemmingsark", "A10 SPK brutto"],
      ["orgnr", "974760673"],
      ["bilagsart", "KB"],
      ["firma", "72"],
      ["dimensjon.2.fordeling", '[{"verdi":"P1","vekt":3},{"verdi":"P2","vekt":1}]'],
      ["dimensjon.2.pakrevd", "ja"],
      ["import.sap", ""],
      ["import.unit4", ""],
      ["import.spk", ""],
    ]);
    // budsjettering, AGA rate, accounts … live in the visible header, not here
    expect(rows.map((r) => r[0])).not.toContain("budsjettering");
  });

  test("read back", () => {
    expect(readSettings(sheet)).toEqual({
      skjemaversjon: 1, avstemmingsark: "A10 SPK brutto", orgnr: "974760673", bilagsart: "KB", firma: "72",
      dimensjoner: { 2: { fordeling: [{ verdi: "P1", vekt: 3 }, { verdi: "P2", vekt: 1 }], pakrevd: true } },
      andre: { "import.sap": "", "import.unit4": "", "import.spk": "" },
    });
    expect(readSettings(undefined)).toEqual({ skjemaversjon: 1, dimensjoner: {}, andre: {} });
  });

  test("writing again changes nothing; a change updates only its cell; unknown keys are kept", () => {
    expect(planSettings(s, sheet).writes).toEqual([]);
    const withExtra = apply(planSettings(s), {});
    setCell(withExtra, "_lonn", "A13", "fremtidig.nokkel");
    setCell(withExtra, "_lonn", "B13", "beholdes");
    setCell(withExtra, "_lonn", "B9", '{"kolonner":{"lonnsart":"A"}}');
    const stored = readSettings(withExtra._lonn);
    if (isProblems(stored)) throw new Error(stored.message);
    expect(stored.andre).toEqual({ "import.sap": '{"kolonner":{"lonnsart":"A"}}', "import.unit4": "", "import.spk": "", "fremtidig.nokkel": "beholdes" });
    const changed = settingsFrom({ ...o, bilagsart: "KX", dimensjoner: [] }, "A10 SPK brutto", stored);
    const p = planSettings(changed, withExtra._lonn);
    expect(p.writes).toEqual([{ sheet: "_lonn", address: "A5:C8", numberFormat: "@", cells: [[null, "KX", null], [null, null, null], [null, "", null], [null, "", null]] }]);
    const after = apply(p, withExtra)._lonn;
    expect(cellMap(after).get("12,1")).toBe("beholdes");
    expect(readSettings(after)).toMatchObject({ bilagsart: "KX", dimensjoner: {}, andre: { "import.sap": '{"kolonner":{"lonnsart":"A"}}', "fremtidig.nokkel": "beholdes" } });
  });

  test("bad cells are named; a newer schema is refused", () => {
    const bad = sheetOf("_lonn", [
      ["Nøkkel", "Verdi"],
      ["skjemaversjon", 2],
      ["dimensjon.1.fordeling", "[{verdi:1}]"],
      ["dimensjon.2.fordeling", '[{"verdi":"A","vekt":-1}]'],
      ["dimensjon.3.pakrevd", "kanskje"],
      ["orgnr", "12345"],
    ]);
    expect((readSettings(bad) as Problems).lines).toEqual([
      "_lonn!B2: oppsettet er laget av en nyere versjon av tillegget (skjemaversjon 2); oppdater tillegget.",
      '_lonn!B3: fordelingen er ikke gyldig JSON (ventet f.eks. [{"verdi":"1001","vekt":3}]).',
      "_lonn!B4: fordelingen må være en liste med verdi (tekst) og vekt (0 eller mer, minst én over 0).",
      "_lonn!B5: «kanskje» må være ja eller nei.",
      "_lonn!B6: organisasjonsnummeret «12345» må ha ni sifre.",
    ]);
  });
});
