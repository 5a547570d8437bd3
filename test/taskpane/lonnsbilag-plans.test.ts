/**
 * The «Lønnsbilag» flow's reads and writes (src/taskpane/lonnsbilag-plans.ts) against the strict
 * fake Excel host in Node, on the bundled sample journal (assets/samples/lonnsbilag, `npm run
 * demo`'s lønnsbilag part): the journal read from its file's bytes (no sync) or from a range (one
 * read), the `Lønnsbilag` sheet cell for cell what `lonn lonnsbilag --xlsx` writes, with the Logg
 * row and the print setup in one write; the export's CSV and GL07 as the CLI's; a second export
 * holding nothing; a bad row refused with its place, nothing written; the same number of syncs
 * whatever the journal's size. The browser test clicks through the same flow in the real pane.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { join } from "path";
import { buildLonnsbilagOutputs } from "../../src/cli/lonnsbilag-outputs";
import { snapshotsOf } from "../../src/cli/xlsx/snapshot";
import { parseCsv } from "../../src/core/import/csv";
import { formatProblem } from "../../src/core/problem/problem";
import { LONNSBILAG_SHEET, LonnsbilagRun } from "../../src/core/usecase/lonnsbilag";
import { EXPORT_RECORD_SHEET } from "../../src/core/workpaper/export-record-sheet";
import { LOG_SHEET, Timestamp } from "../../src/core/workpaper/logg";
import { voucherColumns } from "../../src/core/workpaper/voucher-sheet";
import { ExportRequest } from "../../src/core/voucher/export-files";
import { ChosenFile, readLonnsbilag, writeLonnsbilag } from "../../src/taskpane/lonnsbilag-plans";
import { WriteMeta } from "../../src/taskpane/plans";
import { LONNSBILAG_ACTIONS } from "../../src/taskpane/view/lonnsbilag-view";
import { problemMessages } from "../../src/taskpane/view/messages";
import { write } from "../../src/taskpane/workbook";
import { FakeExcelHost } from "../fake-excel";
import { freshHostPerTest } from "./fake-host";
import { ok, problemsOf } from "../support/checked";
import { ROOT } from "./samples";

const SAMPLE = join(ROOT, "assets", "samples", "lonnsbilag");
const file = (name: string): ChosenFile => ({ name, bytes: new Uint8Array(readFileSync(join(SAMPLE, name))) });
const JOURNAL = file("lonnsjournal-2024-11.csv");
const OPPSETT = file("oppsett.json");
const TID: Timestamp = { year: 2024, month: 12, day: 2, hour: 10, minute: 15, second: 0 };
/** When, and who the pane says is working. */
const META: WriteMeta = { time: TID, who: "KN" };
const EKSPORTERT = "2024-12-02T10:15:00";
const exportOf = (fil: string): ExportRequest => ({ eksportert: EKSPORTERT, fil, csv: {}, gl07: true });

/** The sample journal as a sheet grid (text, as a user pastes or opens it). */
const journalGrid = (change: (text: string) => string = (t) => t): string[][] => {
  const grid = parseCsv(change(readFileSync(join(SAMPLE, "lonnsjournal-2024-11.csv"), "utf8")), { sheet: "x" });
  if ("list" in grid) throw new Error("csv");
  return grid.values;
};

/** Each test: a new workbook, installed as the global `Excel`. */
const fresh = freshHostPerTest();
let host: FakeExcelHost;
beforeEach(() => (host = fresh()));

const sampleRun = async (): Promise<LonnsbilagRun> => ok(await readLonnsbilag({ journal: { file: JOURNAL }, oppsett: OPPSETT }));

/** The CLI's `--xlsx` workbook (and files) for the run, built in memory, with the sheet as the CLI shell reads it back. */
async function cliWorkbook(run: LonnsbilagRun, exported: boolean) {
  const built = ok(await buildLonnsbilagOutputs(run, { xlsx: "lonn.xlsx", ...(exported ? { csv: "lonn.csv", gl07: "lonn.dat" } : {}), now: EKSPORTERT }));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((built.files.find((f) => f.type === "xlsx") as { content: Buffer }).content as unknown as ArrayBuffer);
  return { built, snapshots: snapshotsOf(wb, [LONNSBILAG_SHEET, EXPORT_RECORD_SHEET]) };
}

describe("the sample journal, read and written", () => {
  test("read from its file's bytes in the pane: no sync; the vouchers the CLI tests hand-check", async () => {
    host.resetLog();
    const run = await sampleRun();
    expect(host.runs).toEqual([]);
    expect(run.bilag.map((b) => b.id)).toEqual(["LONN-20241105", "LONN-20241120"]);
    const lines = run.bilag.flatMap((b) => b.linjer.map((l) => ({ ...l, id: b.id })));
    // As test/cli/lonnsbilag.test.ts: 2640 and 2650 of the 20.11 run, and its ekstra AGA (53 750 × 5 % + 60 000 × 5 % = 5 687,50).
    expect(lines.filter((l) => l.konto === "2640" || l.konto === "2650").map((l) => [l.konto, l.belop])).toEqual([["2640", -97250], ["2650", -220356]]);
    expect(lines.find((l) => l.id === "LONN-20241120" && l.konto === "5400" && /ekstra/i.test(l.tekst))?.belop).toBe(568750);
    expect(run.lonnsbilag[1].agaPerSone.map((z) => [z.sone, z.aga])).toEqual([["I", 3004005], ["IVa", 783954], ["V", 0]]);
    expect(run.lonnsbilag[1].sumAga).toBe(4356709);
  });

  test("the sheet: cell for cell what lonn lonnsbilag --xlsx writes, with the Logg row and the print setup, in one read and one write", async () => {
    const run = await sampleRun();
    host.resetLog();
    const action = writeLonnsbilag(run, undefined, LONNSBILAG_ACTIONS.write, META);
    const report = ok((await write(action)).report);
    expect(host.runs.map((r) => r.syncs)).toEqual([2]);
    expect(report.sheetsCreated).toEqual([LONNSBILAG_SHEET, LOG_SHEET]);

    const cli = (await cliWorkbook(run, false)).snapshots.get(LONNSBILAG_SHEET);
    if (!cli) throw new Error("no sheet");
    const rows = cli.formulas.length;
    const width = Math.max(...cli.formulas.map((r) => r.length));
    const address = `A1:${String.fromCharCode(64 + width)}${rows}`;
    expect(rows).toBeGreaterThan(25);
    expect(host.formulas(LONNSBILAG_SHEET, address)).toEqual(cli.formulas.map((r) => [...r, ...Array(width - r.length).fill("")]));
    // The amounts the sheet holds are the model's, øre for øre.
    const k = voucherColumns(1);
    const amounts = host.values(LONNSBILAG_SHEET, address).filter((r) => r[k.id] === "LONN-20241120" && typeof r[k.linje] === "number").map((r) => [r[k.konto], r[k.belop]]);
    expect(amounts).toEqual(run.bilag[1].linjer.map((l) => [l.konto, l.belop / 100]));
    expect(amounts.filter(([konto]) => konto === "2640" || konto === "2650")).toEqual([["2640", -972.5], ["2650", -2203.56]]);

    expect(host.values(LOG_SHEET, "E2")).toEqual([["KN"]]);
    expect(host.values(LOG_SHEET, "B2:D2")).toEqual([[LONNSBILAG_ACTIONS.write, "nye ark: Lønnsbilag; Lønnsbilag: 438 celler", expect.stringMatching(/^Polarlys Service AS: 2 lønnsbilag fra lonnsjournal-2024-11\.csv, oppsett\.json \(LONN-20241105 \d+ linjer, AGA [\d ]+,\d\d, feriepenger [\d ]+,\d\d; LONN-20241120 \d+ linjer, AGA 43 567,09/)]]);
    const print = { orientation: "Landscape", paperSize: "A4", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } };
    expect(host.sheet(LONNSBILAG_SHEET).pageLayout).toMatchObject({ ...print, printTitleRows: "$3:$3", headersFooters: { leftHeader: "Polarlys Service AS", centerHeader: "&A", rightHeader: "År 2024" } });
    expect(host.sheet(LOG_SHEET).pageLayout).toMatchObject({ ...print, headersFooters: { leftHeader: "Polarlys Service AS", rightHeader: "År 2024" } });

    // The same write again changes nothing on the sheet.
    const again = ok((await write(writeLonnsbilag(run, undefined, LONNSBILAG_ACTIONS.write, META))).report);
    expect(again.written.filter((w) => w.sheet === LONNSBILAG_SHEET)).toEqual([]);
  });

  test("export: the CLI's CSV and GL07 and record lines; the second export holds nothing new and offers no file", async () => {
    const run = await sampleRun();
    ok((await write(writeLonnsbilag(run, undefined, LONNSBILAG_ACTIONS.write, META))).report);
    host.resetLog();
    const first = writeLonnsbilag(run, exportOf("lonn.csv, lonn.dat"), LONNSBILAG_ACTIONS.export, META);
    ok((await write(first)).report);
    // Read; the user's fill colours of the existing cells it styles (kept); write.
    expect(host.runs.map((r) => r.syncs)).toEqual([3]);
    const made = first.written();
    expect(made?.exported).toMatchObject({ batchId: "LONN-2024-E1", unchanged: [] });
    expect(made?.exported?.vouchers.map((b) => b.id)).toEqual(["LONN-20241105", "LONN-20241120"]);

    const { built, snapshots } = await cliWorkbook(run, true);
    expect(made?.csv).toBe((built.files.find((f) => f.type === "csv") as { content: Buffer }).content.toString("utf8"));
    expect(made?.gl07).toBe((built.files.find((f) => f.type === "gl07") as { content: Buffer }).content.toString("latin1"));
    const record = snapshots.get(EXPORT_RECORD_SHEET);
    if (!record) throw new Error("no record");
    const width = Math.max(...record.formulas.map((r) => r.length));
    expect(host.formulas(EXPORT_RECORD_SHEET, `A1:${String.fromCharCode(64 + width)}${record.formulas.length}`)).toEqual(record.formulas.map((r) => [...r, ...Array(width - r.length).fill("")]));
    const lineCount = run.bilag.reduce((n, b) => n + b.linjer.length, 0);
    expect((host.values(EXPORT_RECORD_SHEET, "E1:E60").flat() as unknown[]).filter((v) => typeof v === "string" && v.startsWith("LONN-2024")).length).toBe(lineCount);

    const second = writeLonnsbilag(run, exportOf("lonn2.csv"), LONNSBILAG_ACTIONS.export, META);
    ok((await write(second)).report);
    expect(second.written()?.exported).toMatchObject({ vouchers: [], unchanged: ["LONN-20241105", "LONN-20241120"] });
    expect((host.values(EXPORT_RECORD_SHEET, "E1:E60").flat() as unknown[]).filter((v) => typeof v === "string" && v.startsWith("LONN-2024")).length).toBe(lineCount);
    expect(host.values(LOG_SHEET, "B2:B4").map((r) => r[0])).toEqual([LONNSBILAG_ACTIONS.write, LONNSBILAG_ACTIONS.export, LONNSBILAG_ACTIONS.export]);
  });

  test("the same syncs whatever the size: a journal of 20 pay runs reads from its range in two syncs, writes its 20 vouchers in one read and one write", async () => {
    const grid = journalGrid();
    const [header, ...rows] = grid;
    // The 20.11 run repeated on every working day from 1 July: 20 pay runs, 140 rows (1 833 cells: one block of the range reader).
    const days = Array.from({ length: 20 }, (_, i) => new Date(Date.UTC(2024, 6, 1 + Math.floor(i / 5) * 7 + (i % 5))));
    const big = [header, ...days.flatMap((d) => rows.filter((r) => r[0] === "20.11.2024").map((r) => [`${String(d.getUTCDate()).padStart(2, "0")}.${String(d.getUTCMonth() + 1).padStart(2, "0")}.2024`, ...r.slice(1)]))];
    host.seed("Lønnsjournal", big);
    host.resetLog();
    const run = ok(await readLonnsbilag({ journal: { range: "Lønnsjournal" }, oppsett: OPPSETT }));
    expect(host.runs.map((r) => r.syncs)).toEqual([2]);
    expect(run.bilag).toHaveLength(20);
    host.resetLog();
    ok((await write(writeLonnsbilag(run, undefined, LONNSBILAG_ACTIONS.write, META))).report);
    ok((await write(writeLonnsbilag(run, exportOf("stor.csv"), LONNSBILAG_ACTIONS.export, META))).report);
    expect(host.runs.map((r) => r.syncs)).toEqual([2, 3]);
    expect(host.values(LONNSBILAG_SHEET, "A1:A600").flat().filter((v) => typeof v === "string" && /^LONN-\d{8}$/.test(v)).length).toBeGreaterThan(20 * 10);
  });
});

describe("a journal with bad rows", () => {
  test("a negative net pay and a deduction over the gross, in a range: refused naming the row and the cell (a link), nothing written", async () => {
    const grid = journalGrid((t) =>
      t
        // Ole Olsen 20.11: forsikringstrekk 40 000 on 51 234,57 gross with 15 370 withheld: net pay negative.
        .replace("20.11.2024;974203553;5501;2002;Ole Olsen;51 234,57;15 370,00;210,00;", "20.11.2024;974203553;5501;2002;Ole Olsen;51 234,57;15 370,00;40 000,00;")
        // Per Hansen 05.11: forskuddstrekk over the gross.
        .replace("05.11.2024;974203111;0301;1002;Per Hansen;7 500,00;3 750,00;", "05.11.2024;974203111;0301;1002;Per Hansen;7 500,00;8 000,00;"),
    );
    host.seed("Lønn november", grid);
    const before = JSON.stringify(host.state());
    host.resetLog();
    const refused = await readLonnsbilag({ journal: { range: "'Lønn november'!A1:M10" }, oppsett: OPPSETT });
    expect(host.runs.map((r) => r.syncs)).toEqual([2]);
    expect(problemsOf(refused).map(formatProblem)).toEqual([
      "'Lønn november'!G2: Ansatt «Per Hansen»: forskuddstrekk (8 000,00 kr) er større enn brutto lønn (7 500,00 kr).",
      "Lønn november, rad 8: Ansatt «Ole Olsen»: trekkene (55 370,00 kr) er større enn brutto lønn (51 234,57 kr); negativ nettolønn bokføres ikke.",
    ]);
    expect(problemMessages(refused as never, ["Lønn november"]).map((m) => m.place)).toEqual([{ sheet: "Lønn november", address: "G2" }, undefined]);
    expect(JSON.stringify(host.state())).toBe(before);
  });

  test("a refused export (firma and bilagsart missing) leaves the workbook as it was", async () => {
    const run = ok(await readLonnsbilag({ journal: { file: JOURNAL } }));
    const before = JSON.stringify(host.state());
    const { report } = await write(writeLonnsbilag(run, exportOf("x.csv"), LONNSBILAG_ACTIONS.export, META));
    expect([...new Set(problemsOf(report).map((p) => p.file))]).toEqual(["CSV", "GL07"]);
    expect(JSON.stringify(host.state())).toBe(before);
  });
});
