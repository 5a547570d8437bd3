/**
 * The bundled trekk og AGA samples (assets/samples/trekk/) read back into exactly the figures of
 * the scenario they were made from: scripts/make-trekk-samples.mjs computes both, in whole øre and
 * without src/core, so the readers are checked against an independent computation.
 */
import { execFileSync } from "child_process";
import { join } from "path";
import { readAmeldinger } from "../../../src/core/import/amelding";
import { readSaft } from "../../../src/core/import/saft";
import { readLedgerCsv } from "../../../src/core/import/ledger-csv";
import { readPayrollJournal } from "../../../src/core/import/payroll-journal";
import { readPayments } from "../../../src/core/import/payments";
import { readCounterparties } from "../../../src/core/import/counterparties";
import { ameldingFiles, ok, sampleScenario, sampleSheet, sampleText } from "./trekk-helpers";

const scenario = sampleScenario();
const kontoer = Object.values(scenario.kontoer);

describe("the trekk samples round-trip into the scenario they were made from", () => {
  test("the files are what the script writes (node scripts/make-trekk-samples.mjs --check)", () => {
    execFileSync(process.execPath, [join(__dirname, "..", "..", "..", "scripts", "make-trekk-samples.mjs"), "--check"], { stdio: "pipe" });
  });

  test("the a-melding sample: twelve months, September's replacement standing", () => {
    const files = ameldingFiles();
    expect(files).toHaveLength(13);
    const r = ok(readAmeldinger(files.map((file) => ({ file, text: sampleText(file) })), { aar: 2026, orgnr: scenario.orgnr }));
    expect(r.maaneder).toEqual(scenario.amelding);
    const september = r.meldinger.filter((m) => m.kalendermaaned === "2026-09");
    expect(september.map((m) => [m.file, m.erstattetAv !== undefined])).toEqual([
      ["amelding-2026-09-erstatning.xml", false],
      ["amelding-2026-09.xml", true],
    ]);
    expect(r.notes).toContain(
      `2026-09: amelding-2026-09.xml (meldingsId ${september[1].meldingsId}) er erstattet av amelding-2026-09-erstatning.xml (meldingsId ${september[0].meldingsId}).`,
    );
    // The persons' forskuddstrekk adds up to what each melding reports (no note says otherwise).
    expect(r.notes.filter((n) => n.includes("per inntektsmottaker"))).toEqual([]);
    expect(r.agaKoder.every((k) => k.grunnlagstype === "loennOgGodtgjoerelse" && k.beregningskodeForArbeidsgiveravgift === "generelleNaeringer")).toBe(true);
  });

  test("the SAF-T 1.30 sample: the four accounts' IB and postings", () => {
    const r = ok(readSaft(sampleText("saft-2026.xml"), { file: "saft-2026.xml", kontoer, aar: 2026 }));
    expect(r.hovedbok).toEqual(scenario.hovedbok);
    expect(r.versjon).toBe("1.30");
    expect(r.orgnr).toBe(scenario.orgnr);
    expect(r.utvalg).toEqual({ fra: "2026-01", til: "2026-12" });
    expect(r.summary.linjerLest).toBe(scenario.hovedbok.reduce((s, h) => s + h.posteringer.length, 0));
    expect(r.notes).toEqual([]);
  });

  test("the ledger CSV sample: the same ledger, IB rows as period 00", () => {
    const r = ok(readLedgerCsv(sampleSheet("hovedbok-2026.csv"), { kontoer, aar: 2026 }));
    expect(r.hovedbok).toEqual(scenario.hovedbok);
  });

  test("the payroll journal sample: one run per pay date and virksomhet", () => {
    const r = ok(readPayrollJournal(sampleSheet("lonnsjournal-2026.csv"), { aar: 2026 }));
    expect(r.lonnskjoringer).toEqual(scenario.lonnskjoringer);
    expect(r.summary.ansatte).toBe(16);
  });

  test("the payments sample", () => {
    const r = ok(readPayments(sampleSheet("betalinger-2026.csv"), { aar: 2026 }));
    expect(r.betalinger).toEqual(scenario.betalinger);
  });

  test("the invoices and trekklister sample", () => {
    const r = ok(readCounterparties(sampleSheet("trekklister-2026.csv")));
    expect(r.mottakere).toEqual(scenario.mottakere);
  });
});
