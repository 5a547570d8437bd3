/**
 * The pane's actions (src/taskpane/plans.ts and workbook.ts) on the sample exports, against the
 * strict fake Excel host in Node: what each writes, that it writes once with its Logg row, and
 * that a refused action leaves the workbook exactly as it was. The browser test clicks through the
 * same actions in the real pane.
 */
import { readVirksomheter } from "../../src/core/import/virksomheter";
import { kroner } from "../../src/core/money/ore";
import { isProblems } from "../../src/core/problem/problem";
import { AMELDING_SHEET } from "../../src/core/spk/sheet/amelding-sheet";
import { KORREKSJONSBILAG_SHEET } from "../../src/core/spk/sheet/korreksjonsbilag-sheet";
import { LOG_SHEET } from "../../src/core/workpaper/logg";
import { readSettings, SETTINGS_SHEET } from "../../src/core/workpaper/settings";
import { fingerprint, fillFromImport, buildBilagResult, saveYearEnd, saveOppsett, readReconciliation, writeBilag } from "../../src/taskpane/plans";
import { ACTIONS } from "../../src/core/spk/log-text";
import { goToCell, readWorkbook, readSheets, readRanges, write } from "../../src/taskpane/workbook";
import { FakeExcelHost } from "../fake-excel";
import { ARK, edit, filled, importert, inHost, META, ok, seeded } from "./pane-host";
import { expectedTotals, OPPSETT, ore } from "./samples";

describe("the pane's actions on the Eksempeletaten sample", () => {
  test("Oppsett: a new workbook gets the A10 sheet, a very hidden _lonn and the first Logg row, in one read and one write", async () => {
    const host = seeded();
    host.resetLog();
    const { report, after } = await inHost(host, () => write(saveOppsett(ARK, OPPSETT, META), [ARK, SETTINGS_SHEET]));
    const r = ok(report);
    expect(r.syncs).toBe(2);
    expect(host.runs.map((x) => x.syncs)).toEqual([2, 1]);
    expect(r.sheetsCreated).toEqual([ARK, SETTINGS_SHEET, LOG_SHEET]);
    expect(host.values(ARK, "A4:F4")).toEqual([[2024, "Brutto", "Terminvis", 0.1387, 1, 0.05]]);
    expect(host.sheet(SETTINGS_SHEET).visibility).toBe("VeryHidden");
    expect(host.values(LOG_SHEET, "B2")).toEqual([[ACTIONS.oppsett]]);
    expect(String(host.cell(LOG_SHEET, "C2").value)).toMatch(/^nye ark: A10 SPK brutto, _lonn; A10 SPK brutto: \d+ celler; _lonn: \d+ celler$/);
    const lest = ok(readReconciliation(after!, ARK));
    expect(lest.fromSheet.oppsett).toEqual(OPPSETT);
  });

  test("at pane start the sheet and settings are recognised, in one sync", async () => {
    const host = seeded();
    ok((await inHost(host, () => write(saveOppsett(ARK, OPPSETT, META)))).report);
    host.resetLog();
    const bok = await inHost(host, () => readWorkbook());
    expect(host.syncCount).toBe(1);
    expect(bok.reconciliationSheet).toBe(ARK);
    expect(bok.sheetNames).toEqual(["SAP", "Unit4", "SPK", "Virksomheter", ARK, LOG_SHEET]);
    expect(ok(readReconciliation(bok.snapshots, ARK)).fromSheet.oppsett.virksomhet).toBe("Eksempeletaten");
  });

  test("Avstem: the imported totals land in B–F and K–N as the samples' README gives them; formulas stay; flags from the sheet", async () => {
    const host = seeded();
    ok((await inHost(host, () => write(saveOppsett(ARK, OPPSETT, META)))).report);
    const imp = await importert(host);
    host.resetLog();
    const andre = { "import.sap": JSON.stringify({ omrade: "SAP" }) };
    const { report, after } = await inHost(host, () => write(fillFromImport(ARK, imp, OPPSETT, andre, META), [ARK, SETTINGS_SHEET]));
    expect(ok(report).syncs).toBe(2);
    // Both the write and the read after it wait while the user edits a cell, instead of failing.
    expect(host.runs.map((x) => [x.syncs, x.options?.delayForCellEdit])).toEqual([[2, true], [1, true]]);
    for (const t of expectedTotals("eksempeletaten")) {
      const r = 11 + t.termin;
      expect(host.values(ARK, `B${r}:F${r}`)).toEqual([[t.B, t.C, t.D, t.E, t.F]]);
      expect(host.values(ARK, `K${r}:N${r}`)).toEqual([[t.K, t.L, t.M, t.N]]);
      expect(host.cell(ARK, `G${r}`).formula).toBe(`=IF(AND(COUNT(B${r}:C${r})>0,COUNT(D${r}:F${r})>0),B${r}-D${r},"")`);
    }
    expect(ok(readSettings(after!.get(SETTINGS_SHEET))).andre["import.sap"]).toBe(JSON.stringify({ omrade: "SAP" }));
    expect(host.values(LOG_SHEET, "B3")).toEqual([[ACTIONS.fill]]);
    // ΣM of the README's table, in øre: 312,55 − 96,10 + 71 480,30 + 148,20 − 18 642,75 − 41,85.
    const sumM = expectedTotals("eksempeletaten").reduce((a, t) => a + Math.round(t.M * 100), 0);
    expect(sumM).toBe(5316035);
    expect(String(host.cell(LOG_SHEET, "D3").value)).toContain("ΣM 53\u00a0160,35, ΣN 1\u00a0032\u00a0510,94, ΣR 53\u00a0160,35");

    const lest = ok(readReconciliation(after!, ARK));
    expect(lest.avstemming.flags.map((f) => [f.kind, f.termin])).toEqual([["uforklart", 2], ["vesentlig", 3]]);
  });

  test("an import read under another year is refused, and nothing is written (not even the log)", async () => {
    const host = await filled();
    const imp = await importert(host);
    const before = host.state();
    const r = (await inHost(host, () => write(fillFromImport(ARK, imp, { ...OPPSETT, aar: 2023 }, {}, META)))).report;
    expect(isProblems(r) && r.message).toMatch(/endret siden eksportene ble lest/);
    expect(host.state()).toEqual(before);
  });

  test("Bilag: one voucher per termin on Korreksjonsbilag, the A-melding split, a Logg row; a changed reconciliation is refused", async () => {
    const host = await filled();
    const snaps = await inHost(host, () => readSheets([ARK, SETTINGS_SHEET]));
    const read = await inHost(host, () => readRanges({ v: "Virksomheter" }));
    const virk = readVirksomheter({ sheet: "Virksomheter", values: read.v!.values }, { aar: 2024 });
    if (isProblems(virk)) throw new Error("virksomheter");
    const preview = ok(buildBilagResult(snaps, ARK, { virksomheter: virk.virksomheter }));
    expect(preview.bilag.map((b) => b.id)).toEqual([1, 2, 3, 4, 5, 6].map((t) => `SPK-2024-T${t}`));
    expect(preview.amelding?.map((f) => kroner(f.sumEndring))).toEqual(expectedTotals("eksempeletaten").map((t) => t.M));

    host.resetLog();
    const r = ok((await inHost(host, () => write(writeBilag(ARK, { virksomheter: virk.virksomheter, expected: fingerprint(preview.bilag) }, META)))).report);
    // Read, the user's fills on Korreksjonsbilag (the fill made it, so its styled rows are checked), write.
    expect(r.syncs).toBe(3);
    expect(host.values(KORREKSJONSBILAG_SHEET, "A4:F4")).toEqual([["SPK-2024-T1", 1, expect.any(Number), 202402, "T1", "5420"]]);
    expect(host.cell(AMELDING_SHEET, "A4").value).toBe("SPK-2024-T1");
    expect(host.values(LOG_SHEET, "B4")).toEqual([[ACTIONS.bilag]]);

    // A co-author changes T1's invoice remainder after the preview: the write is refused whole.
    await edit(host, ARK, "M12", [[400]]);
    const before = host.state();
    const refused = (await inHost(host, () => write(writeBilag(ARK, { virksomheter: virk.virksomheter, expected: fingerprint(preview.bilag) }, META)))).report;
    expect(isProblems(refused) && refused.message).toMatch(/endret siden forhåndsvisningen/);
    expect(host.state()).toEqual(before);
  });

  test("Årsavslutning: balances, the updated rate and sign-offs are written; a filled sign-off is left alone and reported", async () => {
    const host = await filled();
    await edit(host, ARK, "V13", [["PO"]]);
    const input = {
      saldoer: [{ konto: "2630", ib: ore(0), bevegelse: ore(0) }, { konto: "2820", ib: ore(0), bevegelse: ore(53160.35) }],
      oppdatertAgaSats: 0.14,
      signOffs: [{ termin: 1, status: "A", signatur: "KN", dato: "15.03.2024" }, { termin: 2, signatur: "KN", dato: "15.05.2024" }],
    };
    const r = ok((await inHost(host, () => write(saveYearEnd(ARK, input, META)))).report);
    expect(host.values(ARK, "U12:W12")).toEqual([["A", "KN", "15.03.2024"]]);
    expect(host.values(ARK, "V13")).toEqual([["PO"]]);
    expect(r.leftAlone.map((l) => l.address)).toContain("V13");
    expect(host.values(ARK, "A33:C35")).toEqual([[expect.anything(), 0, 0], [expect.anything(), "", ""], [expect.anything(), 0, 53160.35]]);
    expect(host.values(ARK, "A39")).toEqual([[0.14]]);
    expect(String(host.cell(LOG_SHEET, "D4").value)).toMatch(/AGA-justering/);

    const lest = ok(readReconciliation(await inHost(host, () => readSheets([ARK, SETTINGS_SHEET])), ARK));
    expect(lest.avstemming.agaJustering?.nySats).toBe(0.14);
  });

  test("Oppsett again: a changed account is written as text (no apostrophe in the text-formatted cell), with a second Logg row", async () => {
    const host = seeded();
    ok((await inHost(host, () => write(saveOppsett(ARK, OPPSETT, META)))).report);
    const kontoer = { ...OPPSETT.kontoer, differanse: "5421" };
    const r = ok((await inHost(host, () => write(saveOppsett(ARK, { ...OPPSETT, kontoer }, META)))).report);
    expect(host.cell(ARK, "B6")).toMatchObject({ value: "5421", numberFormat: "@" });
    expect(host.cell(ARK, "B6").formula).toBeUndefined();
    expect(r.sheetsCreated).toEqual([]);
    expect(host.values(LOG_SHEET, "B2:B3")).toEqual([[ACTIONS.oppsett], [ACTIONS.oppsett]]);
    expect(String(host.cell(LOG_SHEET, "C3").value)).toBe("A10 SPK brutto: 1 celle");
  });

  test("a hand-made reconciliation sheet named in _lonn is recognised at start (a second sync reads it)", async () => {
    const navn = "SPK-avstemming 2024";
    const host = seeded()
      .seed(navn, [["År", 2024], ["Budsjettering", "Brutto"], ["AGA-snittsats", 0.14], ["Termin"], ["T1"], ["T2"], ["T3"], ["T4"], ["T5"], ["T6"], ["Sum"]])
      .seed(SETTINGS_SHEET, [["Nøkkel", "Verdi"], ["avstemmingsark", navn]]);
    host.resetLog();
    const bok = await inHost(host, () => readWorkbook());
    expect(host.syncCount).toBe(2);
    expect(bok.reconciliationSheet).toBe(navn);
    const lest = ok(readReconciliation(bok.snapshots, navn));
    expect(lest.fromSheet.map.ours).toBe(false);
    expect([lest.fromSheet.oppsett.aar, lest.fromSheet.oppsett.agaSats, lest.fromSheet.map.terminRows.get(1)]).toEqual([2024, 0.14, 5]);
  });

  test("at start in a new workbook, also where Excel refuses calls chained on a missing sheet (nullObjectChains: fail)", async () => {
    for (const nullObjectChains of ["propagate", "fail"] as const) {
      const host = new FakeExcelHost({ nullObjectChains }).seed("Ark1");
      const bok = await inHost(host, () => readWorkbook());
      expect({ nullObjectChains, ark: bok.sheetNames, avstemmingsark: bok.reconciliationSheet, syncs: host.syncCount }).toEqual({
        nullObjectChains, ark: ["Ark1"], avstemmingsark: undefined, syncs: nullObjectChains === "fail" ? 3 : 1,
      });
    }
  });

  test("going to a cell activates its sheet and selects it, in one sync", async () => {
    const host = await filled();
    host.resetLog();
    await inHost(host, () => goToCell(ARK, "J13"));
    expect(host.syncCount).toBe(1);
    expect(host.workbook.selection?.sheet.name).toBe(ARK);
    expect(host.writes.map((w) => w.kind)).toEqual(["worksheet.activate", "select"]);
    expect(host.runs.map((r) => r.options?.delayForCellEdit)).toEqual([true]);
  });
});
