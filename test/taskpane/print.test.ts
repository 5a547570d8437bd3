/**
 * The pane's writes set the print setup of the sheets they make, through the real Office.js shell
 * on the strict fake host: A10, Logg and Korreksjonsbilag print on A4 landscape, one page wide,
 * with their header rows and a header naming virksomhet and year, in the same one write sync as
 * everything else; the very hidden _lonn keeps Excel's default. (A-melding fordeling's plan:
 * test/core/workpaper/print-plans.test.ts.)
 */
import { Checked, isProblems } from "../../src/core/problem/problem";
import { AMELDING_SHEET } from "../../src/core/spk/sheet/amelding-sheet";
import { KORREKSJONSBILAG_SHEET } from "../../src/core/spk/sheet/korreksjonsbilag-sheet";
import { SHEET_NAMES } from "../../src/core/spk/sheet/layout";
import { LOG_SHEET, Timestamp } from "../../src/core/workpaper/logg";
import { saveOppsett, writeBilag } from "../../src/taskpane/plans";
import { write } from "../../src/taskpane/workbook";
import { FakeExcelHost } from "../fake-excel";
import { installed } from "../excel/support";
import { OPPSETT } from "./samples";

const ARK = SHEET_NAMES.brutto;
const TID: Timestamp = { year: 2025, month: 1, day: 20, hour: 9, minute: 30, second: 0 };

const ok = <T>(r: Checked<T>): T => {
  if (isProblems(r)) throw new Error(r.message);
  return r;
};

const header = { leftHeader: "Eksempeletaten", centerHeader: "&A", rightHeader: "År 2024", leftFooter: "Skrevet ut &D", centerFooter: "Side &P av &N", rightFooter: "" };
const standard = (titles: string) => ({
  orientation: "Landscape",
  paperSize: "A4",
  zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
  printTitleRows: titles,
  headersFooters: header,
});

test("Oppsett and Bilag: every sheet they make prints the standard way, in the action's one write sync", async () => {
  // ExcelApi 1.13, so the shell can check merged cells too (without it every action adds a notice).
  const host = new FakeExcelHost({ requirementSets: { ExcelApi: "1.13", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.3" } }).seed("Ark1");
  const oppsett = ok((await installed(host, () => write(saveOppsett(ARK, OPPSETT, { time: TID, who: "" })))).report);
  expect(oppsett.syncs).toBe(2);
  expect(host.sheet(ARK).pageLayout).toEqual(standard("$1:$11"));
  expect(host.sheet(LOG_SHEET).pageLayout).toEqual(standard("$1:$1"));
  expect(host.sheet("_lonn").pageLayout.orientation).toBe("Portrait");

  const bilag = ok((await installed(host, () => write(writeBilag(ARK, {}, { time: TID, who: "" })))).report);
  expect(bilag.syncs).toBe(2);
  expect(host.sheet(KORREKSJONSBILAG_SHEET).pageLayout).toEqual(standard("$3:$3"));
  expect(host.hasSheet(AMELDING_SHEET)).toBe(false);
  expect(bilag.notices).toEqual([]);
});
