/**
 * The «Trekk og AGA» flow's writes (src/taskpane/trekk-plans.ts) against the strict fake Excel
 * host in Node, on the exports sample: one read and one write per action whatever the size, the
 * sheet, `_lonn` and the Logg row in the same write, each flag's cell holding the flag, a second
 * export holding nothing new, and a refused write leaving the workbook as it was. The browser test
 * clicks through the same writes in the real pane.
 */
import { readAmeldinger } from "../../src/core/import/amelding";
import { isProblems } from "../../src/core/problem/problem";
import { TREKK_SHEET } from "../../src/core/trekk/sheet/layout";
import { parseTrekkOppsett, runTrekkImport, trekkReaderOptions } from "../../src/core/usecase/trekk-import";
import { TREKK_VOUCHER_SHEET, TrekkRun } from "../../src/core/usecase/trekk";
import { LOG_SHEET, Timestamp } from "../../src/core/workpaper/logg";
import { readSettings, SETTINGS_SHEET } from "../../src/core/workpaper/settings";
import { EXPORT_RECORD_SHEET } from "../../src/core/workpaper/export-record-sheet";
import { writeTrekk } from "../../src/taskpane/trekk-plans";
import { TREKK_ACTIONS, TREKK_OPPSETT_KEY } from "../../src/taskpane/view/trekk-view";
import { readSheets, write } from "../../src/taskpane/workbook";
import { FakeExcelHost } from "../fake-excel";
import { ok } from "../support/checked";
import { ameldingFiles, csvSheet, sampleSheet, sampleText } from "../core/import/trekk-helpers";

const TID: Timestamp = { year: 2026, month: 12, day: 1, hour: 14, minute: 3, second: 0 };

/** Each test: a new workbook, installed as the global `Excel`. */
let host: FakeExcelHost;
let restore: () => void;
beforeEach(() => {
  host = new FakeExcelHost();
  restore = host.install();
});
afterEach(() => restore());

/** The sample's run; the ledger with the AGA of 20.04 booked 45 kr too high, and with `korreksjoner` that difference accepted against 5400. */
function sampleRun(korreksjoner: boolean, differanse = true): TrekkRun {
  const o = ok(parseTrekkOppsett({ ...JSON.parse(sampleText("oppsett-2026.json")), ...(korreksjoner ? { korreksjoner: [{ konto: "2770", periode: "2026-04", motkonto: "5400" }] } : {}) }));
  const options = trekkReaderOptions(o);
  const ledger = sampleText("hovedbok-2026.csv");
  return ok(
    runTrekkImport({
      oppsett: { file: "oppsettet", oppsett: o },
      amelding: readAmeldinger(ameldingFiles().map((file) => ({ file, text: sampleText(file) })), options.amelding),
      hovedbok: { kind: "sheet", input: csvSheet(differanse ? ledger.replace("AGA sone I 20.04.2026;;73 531,50", "AGA sone I 20.04.2026;;73 576,50") : ledger, "hovedbok-2026.csv") },
      lonn: sampleSheet("lonnsjournal-2026.csv"),
      betalinger: sampleSheet("betalinger-2026.csv"),
      fakturaer: sampleSheet("trekklister-2026.csv"),
    }),
  ).run;
}

const exportOf = (fil: string) => ({ export: { eksportert: "2026-12-01T14:03:00", fil, csv: {}, gl07: true } });

describe("the trekk flow's writes on the exports sample", () => {
  test("fill: the sheet, _lonn with the oppsett, and the Logg row in one read and one write; each flag's cell holds it", async () => {
    const run = sampleRun(false, false);
    const action = writeTrekk(run, { andre: { [TREKK_OPPSETT_KEY]: JSON.stringify({ virksomhet: "Nordlys Verksted AS", aar: 2026 }) } }, TREKK_ACTIONS.fill, TID);
    host.resetLog();
    const report = ok((await write(action)).report);
    expect(host.runs.map((r) => r.syncs)).toEqual([2]);
    expect(report.sheetsCreated).toEqual([TREKK_SHEET, SETTINGS_SHEET, LOG_SHEET]);
    expect(String(host.cell(TREKK_SHEET, "A1").value)).toBe("Trekk og arbeidsgiveravgift – avstemming av trekk- og avgiftskontoene 2026");
    expect(host.values(LOG_SHEET, "B2")).toEqual([[TREKK_ACTIONS.fill]]);
    const snaps = await readSheets([SETTINGS_SHEET]);
    const settings = ok(readSettings(snaps.get(SETTINGS_SHEET)));
    expect(JSON.parse(settings.andre[TREKK_OPPSETT_KEY])).toEqual({ virksomhet: "Nordlys Verksted AS", aar: 2026 });
    const w = action.written();
    if (!w) throw new Error("no result");
    expect(w.run.avstemming.flags.map((f) => f.kind)).toEqual(["forsinket", "underbetalt", "avvikFaktura", "avvikFaktura"]);
    w.run.avstemming.flags.forEach((f, i) => expect(String(host.cell(TREKK_SHEET, w.flagCells[i] as string).value)).toContain(f.melding));
    // The same write again changes nothing on the sheet.
    const again = writeTrekk(run, {}, TREKK_ACTIONS.fill, TID);
    const second = ok((await write(again)).report);
    expect(second.written.filter((x) => x.sheet === TREKK_SHEET)).toEqual([]);
  });

  test("vouchers and exports: the voucher sheet; the first export holds the voucher and records it, the second holds nothing new", async () => {
    const plain = sampleRun(false);
    expect(plain.avstemming.flags.filter((f) => f.kind === "avvikHovedbok").map((f) => [f.konto, f.periode, f.belop])).toEqual([["2770", "2026-04", 4500]]);
    const run = sampleRun(true);
    expect(run.bilag.map((b) => [b.id, b.linjer.map((l) => [l.konto, l.belop])])).toEqual([["TREKK-2026-2770-04", [["2770", 4500], ["5400", -4500]]]]);
    ok((await write(writeTrekk(run, {}, TREKK_ACTIONS.bilag, TID))).report);
    expect((host.values(TREKK_VOUCHER_SHEET, "A1:A20").flat() as unknown[]).filter((v) => v === "TREKK-2026-2770-04").length).toBeGreaterThan(0);

    host.resetLog();
    const first = writeTrekk(run, exportOf("a.csv, a.gl07.txt"), TREKK_ACTIONS.export, TID);
    ok((await write(first)).report);
    // Read, then the user's fill colours of the existing cells it styles (kept), then write: three, whatever the size.
    expect(host.runs.map((r) => r.syncs)).toEqual([3]);
    const e1 = first.written();
    expect(e1?.exported?.vouchers.map((b) => b.id)).toEqual(["TREKK-2026-2770-04"]);
    expect(e1?.csv).toContain("TREKK-2026-2770-04");
    expect(e1?.gl07?.split("\r\n").filter((l) => l !== "").map((l) => l.length)).toEqual([2060, 2060]);
    expect((host.values(EXPORT_RECORD_SHEET, "E1:E20").flat() as unknown[]).filter((v) => v === "TREKK-2026-2770-04").length).toBe(2);

    const second = writeTrekk(run, exportOf("b.csv"), TREKK_ACTIONS.export, TID);
    ok((await write(second)).report);
    expect(second.written()?.exported).toMatchObject({ vouchers: [], unchanged: ["TREKK-2026-2770-04"] });
  });

  test("a refused write (firma missing for the export) leaves the workbook as it was", async () => {
    const run = sampleRun(true);
    const s = { ...run, inputs: { ...run.inputs, scenario: { ...run.inputs.scenario, firma: undefined } } } as TrekkRun;
    const before = JSON.stringify(host.state());
    const { report } = await write(writeTrekk(s, exportOf("c.csv"), TREKK_ACTIONS.export, TID));
    expect(isProblems(report) && report.list.map((p) => p.file)).toEqual(["CSV", "GL07"]);
    expect(JSON.stringify(host.state())).toBe(before);
  });
});
