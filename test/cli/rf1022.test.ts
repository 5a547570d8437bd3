/**
 * `lonn rf1022` on the trekk sample (assets/samples/trekk: SAF-T 2026 and the twelve a-meldinger,
 * September replaced): A + B − C = D per group against the a-meldinger, the figures checked against
 * the sample files read another way (the journal's Brutto column, the meldinger's
 * sumArbeidsgiveravgift); the sheet's sign-off through the CLI; bad command lines and inputs.
 */
import ExcelJS from "exceljs";
import { existsSync, readdirSync, readFileSync, rmSync } from "fs";
import { join } from "path";
import { readSaft } from "../../src/core/import/saft";
import { formatProblem } from "../../src/core/problem/problem";
import { RF1022_SHEET, rf1022SignOffKey } from "../../src/core/rf1022/sheet";
import { ok, problemsOf } from "../support/checked";
import { lonn, ROOT, trekkTempDir } from "./trekk-helpers";

const TREKK = join(ROOT, "assets", "samples", "trekk");
const SAFT = join(TREKK, "saft-2026.xml");
const AMELDINGER = readdirSync(TREKK).filter((f) => f.startsWith("amelding-")).sort().map((f) => join(TREKK, f));

const rf1022 = (...args: string[]) => lonn("rf1022", ...args);
async function json(...args: string[]) {
  const r = await rf1022(...args, "--json");
  if (r.code !== 0) throw new Error(`lonn rf1022 → ${r.code}\n${r.err}`);
  return JSON.parse(r.out);
}

/** Σ of the journal's Brutto column, in øre, read as plain text. */
function journalBrutto(): number {
  const lines = readFileSync(join(TREKK, "lonnsjournal-2026.csv"), "utf8").replace(/^\ufeff/, "").trim().split(/\r\n/);
  const col = lines[0].split(";").indexOf("Brutto");
  return lines.slice(1).reduce((s, l) => s + Math.round(Number(l.split(";")[col].replace(/\s/g, "").replace(",", ".")) * 100), 0);
}
/** Σ sumArbeidsgiveravgift of the meldinger that stand (September's replacement, not the first), in øre. */
function ameldingAga(): number {
  return AMELDINGER.filter((p) => !p.endsWith("amelding-2026-09.xml"))
    .reduce((s, p) => s + Number(/<sumArbeidsgiveravgift>([\d.]+)<\/sumArbeidsgiveravgift>/.exec(readFileSync(p, "utf8"))?.[1]) * 100, 0);
}

describe("lonn rf1022 on the trekk sample", () => {
  test("A + B − C = D per group; pay and AGA basis agree with the a-meldinger; AGA differs by the README's rounding (0,40 kr), not flagged", async () => {
    const r = await json("--hovedbok", SAFT, ...AMELDINGER);
    expect([r.virksomhet, r.orgnr, r.aar, r.amelding.maaneder.length]).toEqual(["Nordlys Verksted AS", "921734050", 2026, 12]);
    const brutto = journalBrutto() / 100;
    expect(brutto).toBe(10324200);
    for (const g of r.grupper) expect(Math.round((g.A + g.B - g.C) * 100)).toBe(Math.round(g.D * 100));
    expect(r.grupper.map((g: { id: string; A: number; B: number; C: number; D: number }) => [g.id, g.A, g.B, g.C, g.D])).toEqual([
      ["LONN", brutto, 0, 0, brutto], ["FERIE", 0, 0, 0, 0], ["STYRE", 0, 0, 0, 0], ["AGA", 1203099.4, 0, 0, 1203099.4],
    ]);
    // The meldinger's AGA, whole kroner per month: T1 0,40 + T2 0,40 + T3 0,60 − T4 0,20 − T5 0,40 − T6 0,40 = 0,40 below the ledger's.
    expect(ameldingAga() / 100).toBe(1203099);
    expect(r.kontroller.map((c: { type: string; regnskap: number; amelding: number; differanse: number }) => [c.type, c.regnskap, c.amelding, c.differanse])).toEqual([
      ["ytelser", brutto, brutto, 0], ["agaGrunnlag", brutto, brutto, 0], ["aga", 1203099.4, 1203099, 0.4],
    ]);
    expect(r.flagg).toEqual([]);
    expect(r.merknader.some((m: string) => /erstattet av .*amelding-2026-09-erstatning\.xml/.test(m))).toBe(true);
  });

  test("with the tolerance at 0 the AGA rounding is a flag naming the group and the amount", async () => {
    const r = await json("--hovedbok", SAFT, ...AMELDINGER, "--toleranse", "0");
    expect(r.flagg).toEqual([{
      kontroll: "aga", grupper: ["Arbeidsgiveravgift"], belop: 0.4,
      melding: expect.stringContaining("Arbeidsgiveravgift (Arbeidsgiveravgift): etter regnskapet (D) 1 203 099,40 kr, i a-meldingene 1 203 099,00 kr; differansen 0,40 kr"),
    }]);
  });

  test("the SAF-T reader leaves out an optional account the chart lacks, and still refuses an asked one", () => {
    const text = readFileSync(SAFT, "utf8");
    expect(ok(readSaft(text, { file: "saft.xml", kontoer: ["5000", "2940"], optional: ["2940"] })).hovedbok.map((k) => k.konto)).toEqual(["5000"]);
    expect(problemsOf(readSaft(text, { file: "saft.xml", kontoer: ["5000", "2940"] })).map(formatProblem)[0]).toMatch(/Kontoen 2940 finnes ikke i MasterFiles/);
  });
});

describe("the RF-1022 sheet through lonn rf1022 --xlsx: signed, kept, withdrawn", () => {
  const dir = trekkTempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("into the lonn trekk workbook beside «Trekk og AGA»; the signature kept; figures changed after signing withdraw it", async () => {
    const xlsx = join(dir, "aarsavslutning.xlsx");
    expect((await lonn("trekk", join(TREKK, "trekk-scenario-2026.json"), "--xlsx", xlsx)).code).toBe(0);
    const first = await rf1022("--hovedbok", SAFT, ...AMELDINGER, "--xlsx", xlsx);
    expect([first.code, first.err]).toEqual([0, ""]);
    expect(first.out).toContain("Signering: ikke signert.");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["Trekk og AGA", RF1022_SHEET]));
    const ws = wb.getWorksheet(RF1022_SHEET) as ExcelJS.Worksheet;
    let sig = 0;
    ws.eachRow((row, r) => {
      if (row.getCell(1).value === "Signatur") sig = r;
    });
    ws.getCell(`B${sig}`).value = "Ingrid Haugen";
    ws.getCell(`D${sig}`).value = "15.02.2027";
    await wb.xlsx.writeFile(xlsx);

    const signed = await json("--hovedbok", SAFT, ...AMELDINGER, "--xlsx", xlsx);
    expect(signed.signering).toEqual({ status: "signert", signatur: "Ingrid Haugen", dato: "15.02.2027" });
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(xlsx);
    let stored = "";
    after.getWorksheet("_lonn")?.eachRow((row) => {
      if (row.getCell(1).value === rf1022SignOffKey(2026)) stored = String(row.getCell(2).value);
    });
    expect(JSON.parse(stored)).toEqual({ fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/), signatur: "Ingrid Haugen", dato: "15.02.2027" });
    expect(after.getWorksheet(RF1022_SHEET)?.getCell(`B${sig}`).value).toBe("Ingrid Haugen");

    const changed = await json("--hovedbok", SAFT, ...AMELDINGER, "--xlsx", xlsx, "--toleranse", "0");
    expect(changed.signering.status).toBe("endret etter signering");
  });

  test("bad command lines exit 2; unreadable inputs exit 1 and write nothing", async () => {
    for (const args of [[], ["--hovedbok", SAFT], [AMELDINGER[0]], ["--hovedbok", SAFT, "a.csv"], ["--hovedbok", SAFT, AMELDINGER[0], "--aar", "tjue"]]) {
      const r = await rf1022(...args);
      expect([args, r.code]).toEqual([args, 2]);
    }
    const xlsx = join(dir, "ny.xlsx");
    const r = await rf1022("--hovedbok", join(dir, "finnes-ikke.xml"), ...AMELDINGER, "--xlsx", xlsx);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Fant ikke filen/);
    expect(existsSync(xlsx)).toBe(false);
    expect((await rf1022("--help")).out).toContain("A bokført kostnad");
  });
});
