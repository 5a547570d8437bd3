/**
 * The SPK workbook over a year (issue «re-runs, exports and sign-off that cannot double-book or go
 * stale»): the same workbook through termin 1 → export, termins 1–2 → only termin 2, termin 1's
 * invoice corrected → only the difference, unchanged → nothing; the record in the workbook decides,
 * so a colleague with the same file continues where the last export stopped.
 *
 * Figures (brutto, S = 13,87 %): T1 M = 1 234,56 → T = round(171,233472) = 171,23; T2 M = −50 →
 * T = round(−6,935) = −6,94; T1 corrected to M = 1 334,56 → T = round(185,103472) = 185,10, so the
 * correction is 5420 +100, 2820 −100, 5401 +13,87, 1986 −13,87.
 */
import ExcelJS from "exceljs";
import { existsSync, readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { EXPORT_RECORD_SHEET } from "../../src/core/workpaper/export-record-sheet";
import { GL07_ENCODING, GL07_LINE_LENGTH, GL07_POSITIONS } from "../../src/core/voucher/gl07";
import { lonn, lonnJson, tempDir } from "./helpers";

// Each test runs the CLI on real workbooks several times (exceljs reads and writes them whole).
jest.setTimeout(60_000);

const dir = tempDir("lonn-year-");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Termin = Record<string, number | string>;
const termin = (n: number, M: number, extra: Record<string, string> = {}): Termin => ({
  termin: n,
  sapArbeidsgiverandel: 100000, sapMedlemsinnskudd: 20000,
  unit4Pensjonsutgift: 100000, unit4AvsetningArbeidsgiverandel: 100000, unit4Medlemsinnskudd: 20000,
  fakturaArbeidsgiverandel: 100000, fakturaDifferanse: M, fakturaMedlemsinnskudd: 20000,
  ...extra,
});
const scenario = (name: string, terminer: Termin[], more: Record<string, unknown> = {}): string => {
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify({ virksomhet: "Årsetaten", aar: 2024, budsjettering: "brutto", agaSats: 0.1387, firma: "72", bilagsart: "KB", terminer, ...more }));
  return path;
};

const field = (line: string, name: string): string => {
  const { fra, lengde } = GL07_POSITIONS[name];
  return line.slice(fra - 1, fra - 1 + lengde).trim();
};
/** GL07 lines as [batch_id, voucher_no, ext_ref, account, amount] (GL07's amount is in øre). */
function gl07(path: string): [string, string, string, string, number][] {
  const lines = readFileSync(path).toString(GL07_ENCODING).split("\r\n").filter((l) => l !== "");
  expect(lines.every((l) => l.length === GL07_LINE_LENGTH)).toBe(true);
  return lines.map((l) => [field(l, "batch_id"), field(l, "voucher_no"), field(l, "ext_ref"), field(l, "account"), Number(field(l, "amount"))]);
}

describe("one workbook through the year", () => {
  const book = join(dir, "BOK.xlsx");
  const run = (input: string, n: number) => lonn("avstem", input, "--xlsx", book, "--gl07", join(dir, `e${n}.dat`), "--csv", join(dir, `e${n}.csv`));

  test("termin 1 only: the export holds termin 1; the other termins are not reconciled and post nothing", async () => {
    const r = await run(scenario("t1", [termin(1, 1234.56)]), 1);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toContain("Eksportert (SPK-2024-E1): SPK-2024-T1.");
    expect(r.out).toContain("T2: ikke avstemt – mangler tall fra SAP, Unit4, SPK-fakturaen; ingen R, T eller bilag.");
    expect(gl07(join(dir, "e1.dat"))).toEqual([
      ["SPK-2024-E1", "1", "SPK-2024-T1", "5420", 123456], ["SPK-2024-E1", "1", "SPK-2024-T1", "2820", -123456],
      ["SPK-2024-E1", "1", "SPK-2024-T1", "5401", 17123], ["SPK-2024-E1", "1", "SPK-2024-T1", "1986", -17123],
    ]);
  });

  test("termins 1–2: the export holds termin 2 alone, with the next batch and voucher number", async () => {
    const r = await run(scenario("t12", [termin(1, 1234.56), termin(2, -50)]), 2);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Eksportert (SPK-2024-E2): SPK-2024-T2 (uendret siden forrige eksport: SPK-2024-T1).");
    expect(gl07(join(dir, "e2.dat"))).toEqual([
      ["SPK-2024-E2", "2", "SPK-2024-T2", "5420", -5000], ["SPK-2024-E2", "2", "SPK-2024-T2", "2820", 5000],
      ["SPK-2024-E2", "2", "SPK-2024-T2", "5401", -694], ["SPK-2024-E2", "2", "SPK-2024-T2", "1986", 694],
    ]);
  });

  test("termin 1's invoice corrected: the export holds only termin 1's change, balanced", async () => {
    const r = await run(scenario("t1-endret", [termin(1, 1334.56), termin(2, -50)]), 3);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Eksportert (SPK-2024-E3): SPK-2024-T1-K2 (uendret siden forrige eksport: SPK-2024-T2).");
    const lines = gl07(join(dir, "e3.dat"));
    expect(lines).toEqual([
      ["SPK-2024-E3", "3", "SPK-2024-T1-K2", "5420", 10000], ["SPK-2024-E3", "3", "SPK-2024-T1-K2", "2820", -10000],
      ["SPK-2024-E3", "3", "SPK-2024-T1-K2", "5401", 1387], ["SPK-2024-E3", "3", "SPK-2024-T1-K2", "1986", -1387],
    ]);
    expect(lines.reduce((s, l) => s + l[4], 0)).toBe(0);
    // The CSV holds the same correction, with its text saying what it corrects.
    const csv = readFileSync(join(dir, "e3.csv"), "utf8");
    expect(csv).toContain("Korreksjon 1 av SPK-2024-T1: SPK-premie T1 2024: resultatføring differanse");
  });

  test("no change: nothing is exported, and it says so", async () => {
    const r = await run(scenario("t1-endret", [termin(1, 1334.56), termin(2, -50)]), 4);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Ingen nye bilag å eksportere (uendret siden forrige eksport: SPK-2024-T1, SPK-2024-T2); filene har bare overskrifter.");
    expect(gl07(join(dir, "e4.dat"))).toEqual([]);
  });

  test("the record travels in the workbook: net exported per voucher equals the vouchers now", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    const ws = wb.getWorksheet(EXPORT_RECORD_SHEET)!;
    const net = new Map<string, number>();
    ws.eachRow((row, r) => {
      if (r === 1) return;
      const key = `${row.getCell(5).value}|${row.getCell(10).value}`;
      net.set(key, (net.get(key) ?? 0) + Math.round(Number(row.getCell(12).value) * 100));
    });
    expect(Object.fromEntries(net)).toEqual({
      "SPK-2024-T1|5420": 133456, "SPK-2024-T1|2820": -133456, "SPK-2024-T1|5401": 18510, "SPK-2024-T1|1986": -18510,
      "SPK-2024-T2|5420": -5000, "SPK-2024-T2|2820": 5000, "SPK-2024-T2|5401": -694, "SPK-2024-T2|1986": 694,
    });
    // Every write is in Logg, with who ran it.
    const logg = wb.getWorksheet("Logg")!;
    expect(logg.getCell("E1").value).toBe("Hvem");
    expect(String(logg.getCell("D2").value)).toContain("eksportert SPK-2024-E1: SPK-2024-T1");
  });

  test("--alle exports everything again as a marked copy that the record never counts", async () => {
    const r = await lonn("avstem", join(dir, "t1-endret.json"), "--xlsx", book, "--gl07", join(dir, "kopi.dat"), "--alle");
    expect(r.code).toBe(0);
    // E4: the export that held nothing recorded no batch.
    expect(r.out).toContain("Eksportert som KOPI (SPK-2024-E4-KOPI): SPK-2024-T1, SPK-2024-T2. Bilagene er eksportert før; ikke bokfør kopien.");
    const text = readFileSync(join(dir, "kopi.dat")).toString(GL07_ENCODING);
    expect(text).toContain("KOPI - ikke bokfør: SPK-premie T1 2024");
    // The next normal export still has nothing new.
    const again = await lonn("avstem", join(dir, "t1-endret.json"), "--xlsx", book, "--gl07", join(dir, "e6.dat"));
    expect(again.out).toContain("Ingen nye bilag å eksportere");
  });
});

describe("an unexplained material difference", () => {
  // T1: M = 8 000 > 5 % × (B + C) = 6 000 and above the tolerance: material.
  const material = [termin(1, 8000)];

  test("stops the export with what to write where; the Status says so; nothing is written", async () => {
    const book = join(dir, "vesentlig.xlsx");
    expect((await lonn("avstem", scenario("vesentlig", material), "--xlsx", book)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    expect(wb.getWorksheet("Korreksjonsbilag")!.getCell("L4").value).toBe("Venter: forklar T1 (J12)");
    const before = readFileSync(book);
    const r = await lonn("avstem", scenario("vesentlig", material), "--xlsx", book, "--gl07", join(dir, "v.dat"));
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      "'A10 SPK brutto'!J12: Termin 1: differansen Q = 8 000,00 kr er vesentlig og ikke forklart, så SPK-2024-T1 eksporteres ikke. Skriv forklaringen i J12 og eksporter på nytt.\n" +
        "Eller eksporter likevel med --eksporter-uforklart (det logges i arkfanen Logg).\nIngenting er skrevet.\n",
    );
    expect(existsSync(join(dir, "v.dat"))).toBe(false);
    expect(readFileSync(book)).toEqual(before);
  });

  test("an explanation in the workbook lets it through", async () => {
    const book = join(dir, "vesentlig.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    wb.getWorksheet("A10 SPK brutto")!.getCell("J12").value = "Etterbetaling avtalt med SPK";
    await wb.xlsx.writeFile(book);
    const r = await lonn("avstem", scenario("vesentlig", material), "--xlsx", book, "--gl07", join(dir, "v.dat"));
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toContain("Eksportert (SPK-2024-E1): SPK-2024-T1.");
  });

  test("the override exports and is logged", async () => {
    const book = join(dir, "overstyrt.xlsx");
    const r = await lonn("avstem", scenario("vesentlig", material), "--xlsx", book, "--gl07", join(dir, "o.dat"), "--eksporter-uforklart");
    expect(r.code).toBe(0);
    expect(r.err).toContain("Advarsel: eksportert med vesentlig, uforklart differanse (--eksporter-uforklart); det står i arkfanen Logg.");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    expect(String(wb.getWorksheet("Logg")!.getCell("D2").value)).toContain("eksportert SPK-2024-E1: SPK-2024-T1 – med vesentlig, uforklart differanse (--eksporter-uforklart)");
  });
});

describe("sign-off that means something", () => {
  const book = join(dir, "signert.xlsx");

  test("a signed termin whose figures change is «endret etter signering» in the sheet and the report, until signed again", async () => {
    expect((await lonn("avstem", scenario("s1", [termin(1, 1234.56)]), "--xlsx", book)).code).toBe(0);
    const sign = async (dato: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(book);
      const ws = wb.getWorksheet("A10 SPK brutto")!;
      ws.getCell("V12").value = "KN";
      ws.getCell("W12").value = dato;
      await wb.xlsx.writeFile(book);
    };
    const x12 = async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(book);
      return wb.getWorksheet("A10 SPK brutto")!.getCell("X12").value;
    };
    await sign("15.03.2024");
    const signed = await lonnJson("avstem", scenario("s1", [termin(1, 1234.56)]), "--xlsx", book);
    expect((signed.terminer as Record<string, unknown>[])[0].signering).toBe("signert");
    expect(await x12()).toBe("signert");

    const changed = await lonnJson("avstem", scenario("s2", [termin(1, 1334.56)]), "--xlsx", book);
    expect((changed.terminer as Record<string, unknown>[])[0].signering).toBe("endret etter signering");
    expect((changed.flagg as { type: string; termin: number }[]).map((f) => [f.type, f.termin])).toEqual([["endretEtterSignering", 1]]);
    expect(await x12()).toBe("endret etter signering");
    const text = await lonn("avstem", book);
    expect(text.out).toContain("Termin 1: tallene er endret etter at terminen ble signert.");

    await sign("20.05.2024");
    const resigned = await lonnJson("avstem", scenario("s2", [termin(1, 1334.56)]), "--xlsx", book);
    expect((resigned.terminer as Record<string, unknown>[])[0].signering).toBe("signert");
    expect(resigned.flagg).toEqual([]);
    expect(await x12()).toBe("signert");
  });
});

describe("the A-melding split never goes stale", () => {
  test("after an edit in the workbook, a re-run without the list regenerates the split from the current voucher", async () => {
    const book = join(dir, "amelding.xlsx");
    const virksomheter = join(dir, "virksomheter.json");
    writeFileSync(virksomheter, JSON.stringify([
      { virksomhetsnummer: "974760673", navn: "Oslo", sone: "I", grunnlag: 900000 },
      { virksomhetsnummer: "123456785", navn: "Trysil", sone: "III", grunnlag: 100000 },
    ]));
    expect((await lonn("avstem", scenario("a1", [termin(1, 1000)]), "--virksomheter", virksomheter, "--xlsx", book)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    wb.getWorksheet("A10 SPK brutto")!.getCell("M12").value = 2000;
    await wb.xlsx.writeFile(book);

    const j = await lonnJson("avstem", book, "--xlsx", book);
    const split = (j.amelding as { bilagId: string; differanse: number; rader: { endringGrunnlag: number }[] }[])[0];
    // 2 000 split 9 : 1 → 1 800 and 200.
    expect([split.bilagId, split.differanse, split.rader.map((r) => r.endringGrunnlag)]).toEqual(["SPK-2024-T1", 2000, [1800, 200]]);
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(book);
    const am = after.getWorksheet("A-melding fordeling")!;
    expect([am.getCell("H4").value, am.getCell("H5").value]).toEqual([1800, 200]);
    // The check refers to the reconciliation's R, and its stored value agrees.
    expect(am.getCell("H7").value).toEqual({ formula: "'A10 SPK brutto'!R12", result: 2000 });
    expect((am.getCell("K6").value as { result: unknown }).result).toBe("Lik differansen");
  });
});

describe("small ones", () => {
  test("lonn --version", async () => {
    const r = await lonn("--version");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^lonnsavstemming \d+\.\d+\.\d+\n$/);
  });

  test("a year outside the rate tables is refused up front with one message", async () => {
    const r = await lonn("avstem", scenario("2019", [termin(1, 100)], { aar: 2019 }));
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe("Året 2019 kan ikke avstemmes: Ingen satser for arbeidsgiveravgift for 2019; tabellene dekker 2020–2026.");
  });

  test("--dato posts every voucher on the chosen date; a date outside the year and the next is refused", async () => {
    const s = scenario("dato", [termin(1, 100)]);
    const j = await lonnJson("avstem", s, "--dato", "15.01.2025");
    expect((j.bilag as { dato: string; periode: string }[]).every((l) => l.dato === "2025-01-15" && l.periode === "202501")).toBe(true);
    const bad = await lonn("avstem", s, "--dato", "1999-12-31");
    expect(bad.code).toBe(2);
    expect(bad.err.split("\n")[0]).toBe("--dato: Bilagsdatoen 1999-12-31 er utenfor 2024 og 2025; bilagene for 2024 føres i 2024 (eller i 2025 ved sen korreksjon).");
  });

  test("an export record edited into nonsense is refused with the cell named, and nothing is exported", async () => {
    const book = join(dir, "logg-feil.xlsx");
    expect((await lonn("avstem", scenario("lf", [termin(1, 100)]), "--xlsx", book, "--csv", join(dir, "lf1.csv"))).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    wb.getWorksheet(EXPORT_RECORD_SHEET)!.getCell("L2").value = 999;
    await wb.xlsx.writeFile(book);
    const r = await lonn("avstem", scenario("lf", [termin(1, 100)]), "--xlsx", book, "--csv", join(dir, "lf2.csv"));
    expect(r.code).toBe(1);
    expect(r.err).toContain("Eksporterte bilag: Linjene for SPK-2024-T1 i eksportloggen går ikke i null; loggen er endret for hånd.");
    expect(existsSync(join(dir, "lf2.csv"))).toBe(false);
  });

  test("--summary over the demo's own output folder: one line for each file that is not a reconciliation", async () => {
    const out = join(dir, "demo");
    expect((await lonn("demo", out)).code).toBe(0);
    const r = await lonn("avstem", "--summary", out);
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split("\n");
    const none = "arbeidsboken har ingen SPK-avstemming (verken A10, A11 eller et avstemmingsark i _lonn)";
    expect(lines.filter((l) => l.startsWith("HOPPET OVER"))).toEqual([
      "HOPPET OVER  eksempeletaten-2024.json: utdata fra lonn avstem --json, ikke en scenariofil",
      "HOPPET OVER  lonnsbilag-2024-11.json: utdata fra lonn lonnsbilag --json",
      `HOPPET OVER  lonnsbilag-2024-11.xlsx: ${none}`,
      "HOPPET OVER  nettoetaten-2024.json: utdata fra lonn avstem --json, ikke en scenariofil",
      "HOPPET OVER  trekk-2026.json: utdata fra lonn trekk --json",
      `HOPPET OVER  trekk-2026.xlsx: ${none}`,
      "HOPPET OVER  trekk-import-2026.json: utdata fra lonn trekk --json",
      `HOPPET OVER  trekk-import-2026.xlsx: ${none}`,
    ]);
    expect(lines.some((l) => l.startsWith("Eksempeletaten") && l.endsWith("eksempeletaten-2024.xlsx"))).toBe(true);
    expect(lines[lines.length - 1]).toBe("10 filer, 0 med feil, 8 hoppet over (ikke en SPK-avstemming).");
  });
});

describe("the workbook as colleagues leave it", () => {
  test("an A10 sheet renamed in Excel (its names follow it) is found again: no second A10, no name repointed", async () => {
    const book = join(dir, "omdoept.xlsx");
    expect((await lonn("avstem", scenario("r1", [termin(1, 1234.56)]), "--xlsx", book)).code).toBe(0);
    // Excel renames the sheet and every defined name with it; `_lonn` still says the old name.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    wb.getWorksheet("A10 SPK brutto")!.name = "Pensjon 2024";
    const model = wb.definedNames.model as { name: string; ranges: string[] }[];
    wb.definedNames.model = model.map((m) => ({ ...m, ranges: m.ranges.map((r) => r.replace("'A10 SPK brutto'!", "'Pensjon 2024'!")) }));
    await wb.xlsx.writeFile(book);

    const r = await lonnJson("avstem", scenario("r2", [termin(1, 1234.56), termin(2, -50)]), "--xlsx", book);
    expect((r.terminer as { R: number | null }[]).map((t) => t.R)).toEqual([1234.56, -50, null, null, null, null]);
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(book);
    expect(after.worksheets.map((ws) => ws.name)).not.toContain("A10 SPK brutto");
    expect(after.getWorksheet("Pensjon 2024")!.getCell("M13").value).toBe(-50);
    const names = after.definedNames.model as { name: string; ranges: string[] }[];
    expect(names.filter((n) => n.name.startsWith("LONN_")).every((n) => n.ranges.every((x) => x.startsWith("'Pensjon 2024'!")))).toBe(true);
    // `_lonn` now names the sheet as it is called.
    const settings = new Map<string, unknown>();
    after.getWorksheet("_lonn")!.eachRow((row) => settings.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(settings.get("avstemmingsark")).toBe("Pensjon 2024");
    // Read back by itself, the renamed sheet is the reconciliation too.
    expect((await lonn("avstem", book)).code).toBe(0);
  });

  test("a workbook set up by a newer version of the add-in is refused, not written back in the old form", async () => {
    const book = join(dir, "nyere.xlsx");
    expect((await lonn("avstem", scenario("n1", [termin(1, 100)]), "--xlsx", book)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    const lonnSheet = wb.getWorksheet("_lonn")!;
    lonnSheet.eachRow((row) => {
      if (row.getCell(1).value === "skjemaversjon") row.getCell(2).value = "2";
    });
    await wb.xlsx.writeFile(book);
    const before = readFileSync(book);
    const r = await lonn("avstem", scenario("n1", [termin(1, 100)]), "--xlsx", book);
    expect(r.code).toBe(1);
    expect(r.err).toContain("_lonn!B2: oppsettet er laget av en nyere versjon av tillegget (skjemaversjon 2); oppdater tillegget.");
    expect(readFileSync(book)).toEqual(before);
  });
});
