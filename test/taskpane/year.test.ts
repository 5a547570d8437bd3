/**
 * The SPK workbook over a year, through the pane's actions (src/taskpane/plans.ts) on the strict
 * fake Excel host: the same core use cases as `lonn avstem`, so explanations already in J count
 * in the fill, sign-off is reviewed per termin (column X, flags), `A-melding fordeling` follows the
 * current vouchers, exports remember what they held, and every write's Logg row says who made it.
 */
import { ORE_ZERO } from "../../src/core/money/ore";
import { isProblems } from "../../src/core/problem/problem";
import { ACTIONS } from "../../src/core/spk/log-text";
import { flagCell } from "../../src/core/spk/sheet/flag-cell";
import { AMELDING_SHEET } from "../../src/core/spk/sheet/amelding-sheet";
import { KORREKSJONSBILAG_SHEET } from "../../src/core/spk/sheet/korreksjonsbilag-sheet";
import { spkExportFileSettings } from "../../src/core/usecase/spk";
import { bilagSum } from "../../src/core/voucher/balance";
import { toCsv } from "../../src/core/voucher/csv";
import { COPY_MARK } from "../../src/core/voucher/export-record";
import { toGl07 } from "../../src/core/voucher/gl07";
import { EXPORT_RECORD_SHEET } from "../../src/core/workpaper/export-record-sheet";
import { LOG_SHEET } from "../../src/core/workpaper/logg";
import { readSettings, SETTINGS_SHEET } from "../../src/core/workpaper/settings";
import { exportBilag, ExportOptions, fillFromImport, OVERRIDE_LOG, readReconciliation, saveOppsett, saveYearEnd, writeBilag } from "../../src/taskpane/plans";
import { readRanges, readSheets, write } from "../../src/taskpane/workbook";
import { readVirksomheter } from "../../src/core/import/virksomheter";
import { FakeExcelHost } from "../fake-excel";
import { ARK, edit, filled, importert, inHost, META, ok, seeded, upTo } from "./pane-host";
import { OPPSETT } from "./samples";

async function exportNow(host: FakeExcelHost, options: Partial<ExportOptions> = {}) {
  const action = exportBilag(ARK, { all: false, override: false, ...options }, META);
  const { report } = await inHost(host, () => write(action));
  return { report, outcome: action.outcome() };
}

/** The last used row of a sheet's column A, as the fake holds it. */
const lastRow = (host: FakeExcelHost, sheet: string): number => {
  const col = host.values(sheet, "A1:A200").map((r) => r[0]);
  return col.reduce<number>((last, v, i) => (v !== "" && v !== null ? i + 1 : last), 0);
};
const logRow = (host: FakeExcelHost): unknown[] => host.values(LOG_SHEET, `A${lastRow(host, LOG_SHEET)}:E${lastRow(host, LOG_SHEET)}`)[0];
/** The record's lines: bilag-ID (E), type (G), konto (J), beløp (L), batch (C), fil (B). */
const recordLines = (host: FakeExcelHost) =>
  host.values(EXPORT_RECORD_SHEET, `A2:N${lastRow(host, EXPORT_RECORD_SHEET)}`).map((r) => ({ batch: r[2], id: r[4], eksportId: r[5], type: r[6], konto: r[9], belop: r[11], fil: r[1] }));

async function virksomheter(host: FakeExcelHost) {
  const read = await inHost(host, () => readRanges({ v: "Virksomheter" }));
  return ok(readVirksomheter({ sheet: "Virksomheter", values: read.v!.values }, { aar: 2024 })).virksomheter;
}

describe("exports that remember, in the pane", () => {
  test("termin 1 → export; termins 1–2 → the export holds termin 2 alone; T1's invoice changed → only its correction, balanced; no change → nothing", async () => {
    const host = await filled(1);
    const reconciled = ok(readReconciliation(await inHost(host, () => readSheets([ARK, SETTINGS_SHEET])), ARK));
    expect(reconciled.avstemming.terminer.map((t) => t.avstemt)).toEqual([true, false, false, false, false, false]);

    const first = await exportNow(host);
    const e1 = ok(first.report) && first.outcome!.exported!;
    expect([e1.batchId, e1.vouchers.map((b) => b.id)]).toEqual(["SPK-2024-E1", ["SPK-2024-T1"]]);
    // The files offered are the record's: named after the batch, numbered from the record.
    expect(first.outcome!.files.map((f) => [f.name, f.encoding])).toEqual([["SPK-2024-E1.csv", "utf-8"], ["SPK-2024-E1.gl07.txt", "latin1"]]);
    const settings = spkExportFileSettings(OPPSETT, e1);
    expect(first.outcome!.files[0].text).toBe(ok(toCsv(e1.vouchers, settings)));
    expect(first.outcome!.files[1].text).toBe(ok(toGl07(e1.vouchers, settings)));
    expect(recordLines(host).map((l) => [l.batch, l.id, l.type, l.fil])).toEqual(
      e1.vouchers[0].linjer.map(() => ["SPK-2024-E1", "SPK-2024-T1", "bilag", "SPK-2024-E1.csv, SPK-2024-E1.gl07.txt"]),
    );
    expect(logRow(host).slice(1)).toEqual([ACTIONS.export, expect.stringContaining(EXPORT_RECORD_SHEET), expect.stringContaining("eksportert SPK-2024-E1: SPK-2024-T1"), "KN"]);

    const imp = await importert(host);
    ok((await inHost(host, () => write(fillFromImport(ARK, upTo(imp, 2), OPPSETT, {}, META)))).report);
    const second = await exportNow(host);
    const e2 = ok(second.report) && second.outcome!.exported!;
    expect([e2.batchId, e2.vouchers.map((b) => b.id), e2.unchanged]).toEqual(["SPK-2024-E2", ["SPK-2024-T2"], ["SPK-2024-T1"]]);
    // GL07 voucher numbers go on from the record's.
    expect(e2.bilagsnumre).toEqual([2]);

    // T1's invoice is corrected (M 312,55 → 400,00): only the difference goes, as T1's correction.
    await edit(host, ARK, "M12", [[400]]);
    const third = await exportNow(host);
    const e3 = ok(third.report) && third.outcome!.exported!;
    expect([e3.batchId, e3.vouchers.map((b) => b.id), e3.corrected]).toEqual(["SPK-2024-E3", ["SPK-2024-T1-K2"], [{ bilagId: "SPK-2024-T1", sekvens: 2 }]]);
    expect(bilagSum(e3.vouchers[0])).toBe(ORE_ZERO);
    expect(e3.vouchers[0].linjer.find((l) => l.konto === "5420")?.belop).toBe(8745);

    // Nothing changed since: nothing to export, no file, and the workbook is left exactly as it was.
    const before = host.state();
    const fourth = await exportNow(host);
    expect(ok(fourth.report).cellsWritten).toBe(0);
    expect([fourth.outcome!.exported!.vouchers, fourth.outcome!.files]).toEqual([[], []]);
    expect(host.state()).toEqual(before);
  });

  test("an unexplained material difference stops the export with the cell to write in; «Eksporter likevel» exports and the Logg row says so", async () => {
    const host = await filled();
    const before = host.state();
    const stopped = await exportNow(host);
    expect(isProblems(stopped.report) && stopped.report.list).toEqual([
      expect.objectContaining({ sheet: ARK, cell: "J14", message: expect.stringMatching(/^Termin 3: differansen Q = 71.480,30 kr er vesentlig og ikke forklart, så SPK-2024-T3 eksporteres ikke\. Skriv forklaringen i J14/) }),
    ]);
    expect(stopped.outcome).toEqual({ files: [], blocked: true });
    expect(host.state()).toEqual(before);

    const anyway = await exportNow(host, { override: true });
    expect(ok(anyway.report) && anyway.outcome!.exported!.vouchers.map((b) => b.id)).toEqual([1, 2, 3, 4, 5, 6].map((t) => `SPK-2024-T${t}`));
    expect(String(logRow(host)[3])).toContain(`– med vesentlig, uforklart differanse (${OVERRIDE_LOG})`);
    expect(logRow(host)[4]).toBe("KN");
  });

  test("«alle på nytt» is a marked copy the record never counts; the next export still holds nothing new", async () => {
    const host = await filled(2);
    ok((await exportNow(host)).report);
    const copy = await exportNow(host, { all: true });
    const e = ok(copy.report) && copy.outcome!.exported!;
    expect([e.batchId, e.copy, e.vouchers.map((b) => b.id)]).toEqual(["SPK-2024-E2-KOPI", true, ["SPK-2024-T1", "SPK-2024-T2"]]);
    expect(copy.outcome!.files.map((f) => f.name)).toEqual(["SPK-2024-E2-KOPI.csv", "SPK-2024-E2-KOPI.gl07.txt"]);
    expect(copy.outcome!.files[0].text).toContain(COPY_MARK);
    expect(recordLines(host).filter((l) => l.type === "kopi").length).toBe(e.record.length);
    const after = await exportNow(host);
    expect(ok(after.report) && after.outcome!.exported!.vouchers).toEqual([]);
  });

  test("a record edited into nonsense is refused with its cell named, and nothing is written", async () => {
    const host = await filled(1);
    ok((await exportNow(host)).report);
    await edit(host, EXPORT_RECORD_SHEET, "L2", [["mye"]]);
    const before = host.state();
    const r = await exportNow(host);
    expect(isProblems(r.report) && r.report.list.map((p) => [p.sheet, p.cell])).toEqual([[EXPORT_RECORD_SHEET, "L2"]]);
    expect(r.outcome).toBeUndefined();
    expect(host.state()).toEqual(before);
  });
});

describe("the workbook's own texts and sign-off count in every write", () => {
  test("an explanation already in J counts in the fill that writes the figures: no «uforklart» flag, and the export is not stopped", async () => {
    const host = seeded();
    ok((await inHost(host, () => write(saveOppsett(ARK, OPPSETT, META)))).report);
    await edit(host, ARK, "J13:J14", [["Manuelt lønnsbilag i april, ikke i SAP"], ["Etterberegnet tilleggspremie, avklart med SPK"]]);
    const imp = await importert(host);
    ok((await inHost(host, () => write(fillFromImport(ARK, imp, OPPSETT, {}, META)))).report);
    const r = ok(readReconciliation(await inHost(host, () => readSheets([ARK, SETTINGS_SHEET])), ARK));
    expect(r.avstemming.flags.map((f) => [f.kind, f.termin])).toEqual([["vesentlig", 3]]);
    expect(String(host.cell(LOG_SHEET, "D3").value)).toMatch(/; 1 flagg$/);
    expect(ok((await exportNow(host)).report)).toBeTruthy();
  });

  test("signed in Årsavslutning → «signert» in X; changed afterwards → «Endret etter signering» flag at V12, and X says so after the next write", async () => {
    const host = await filled();
    const signOff = { saldoer: [], signOffs: [{ termin: 1, status: "A", signatur: "KN", dato: "15.03.2024" }] };
    ok((await inHost(host, () => write(saveYearEnd(ARK, signOff, META)))).report);
    expect(host.values(ARK, "X12:X13")).toEqual([["signert"], [""]]);
    const stored = ok(readSettings(await inHost(host, () => readSheets([SETTINGS_SHEET])).then((s) => s.get(SETTINGS_SHEET))));
    expect(Object.keys(stored.andre)).toContain(`signering.${ARK}.T1`);

    await edit(host, ARK, "M12", [[400]]);
    const r = ok(readReconciliation(await inHost(host, () => readSheets([ARK, SETTINGS_SHEET])), ARK));
    const flag = r.avstemming.flags.find((f) => f.kind === "endretEtterSignering");
    expect(flag?.termin).toBe(1);
    expect(flagCell(flag!, r.fromSheet.map, r.avstemming)).toBe("V12");

    ok((await inHost(host, () => write(writeBilag(ARK, {}, META)))).report);
    expect(host.values(ARK, "X12")).toEqual([["endret etter signering"]]);
  });

  test("a signature typed in the form where a co-author has signed since is left alone and reported", async () => {
    const host = await filled();
    await edit(host, ARK, "V13", [["PO"]]);
    const r = ok((await inHost(host, () => write(saveYearEnd(ARK, { saldoer: [], signOffs: [{ termin: 2, signatur: "KN", dato: "15.05.2024" }] }, META)))).report);
    expect(host.values(ARK, "V13:W13")).toEqual([["PO", "15.05.2024"]]);
    expect(r.leftAlone.map((l) => l.address)).toEqual(["V13"]);
  });

  test("A-melding fordeling follows the current vouchers: list given once (stored in _lonn), the invoice edited, the next write splits the new amount", async () => {
    const host = await filled();
    const list = await virksomheter(host);
    ok((await inHost(host, () => write(writeBilag(ARK, { virksomheter: list }, META)))).report);
    const t1 = () => host.values(AMELDING_SHEET, "A4:J40").filter((r) => r[0] === "SPK-2024-T1" && /^\d{9}$/.test(String(r[3])));
    const sum = () => t1().reduce((s, r) => s + Math.round(Number(r[7]) * 100), 0);
    expect(sum()).toBe(31255);

    await edit(host, ARK, "M12", [[400]]);
    // No list this time: the one the workbook keeps.
    ok((await inHost(host, () => write(writeBilag(ARK, {}, META)))).report);
    expect(sum()).toBe(40000);
    expect(t1().map((r) => r[3])).toEqual(list.map((v) => v.virksomhetsnummer));
  });

  test("a chosen posting date dates every voucher and its period; every Logg row names who wrote it", async () => {
    const host = await filled(2);
    ok((await inHost(host, () => write(writeBilag(ARK, { bilagsdato: { dato: "2024-12-31", periode: "202412" } }, META)))).report);
    const rows = host.values(KORREKSJONSBILAG_SHEET, "A4:E20").filter((r) => String(r[0]).startsWith("SPK-") && typeof r[1] === "number");
    expect(new Set(rows.map((r) => r[3]))).toEqual(new Set([202412]));
    expect(rows.length).toBeGreaterThan(0);
    const who = host.values(LOG_SHEET, `E2:E${lastRow(host, LOG_SHEET)}`).map((r) => r[0]);
    expect(who).toEqual(who.map(() => "KN"));
    expect(who.length).toBe(3);
  });
});
