/**
 * The pane's actions on the strict fake Excel host in Node, as the steps run them: a workbook
 * seeded with the sample exports, the host installed around a call, the exports read and
 * imported, and the steps up to a filled sheet.
 */
import { importExports, ImportedTerminer, SheetInput } from "../../src/core/import";
import { Checked, isProblems } from "../../src/core/problem/problem";
import { DEFAULT_KONTOER } from "../../src/core/spk/types";
import { SHEET_NAMES } from "../../src/core/spk/sheet/layout";
import { Timestamp } from "../../src/core/workpaper/logg";
import { fillFromImport, saveOppsett, WriteMeta } from "../../src/taskpane/plans";
import { readRanges, write } from "../../src/taskpane/workbook";
import { FakeExcelHost } from "../fake-excel";
import { installed } from "../excel/support";
import { OPPSETT, orgnr, sampleSheets } from "./samples";

export const ARK = SHEET_NAMES.brutto;
export const TID: Timestamp = { year: 2025, month: 1, day: 20, hour: 9, minute: 30, second: 0 };
export const META: WriteMeta = { time: TID, who: "KN" };

export const ok = <T>(r: Checked<T>): T => {
  if (isProblems(r)) throw new Error(r.message);
  return r;
};

/** The sample's two virksomheter, as the user keeps them on a sheet. */
export const VIRKSOMHETER = [["Virksomhetsnummer", "Navn", "Sone", "Grunnlag"], [orgnr("97476067"), "Hovedkontor", "I", 40000000], [orgnr("91234568"), "Tromsø", "IV", 10000000]];

export function seeded(): FakeExcelHost {
  const s = sampleSheets("eksempeletaten");
  return new FakeExcelHost().seed("SAP", s.SAP).seed("Unit4", s.Unit4).seed("SPK", s.SPK).seed("Virksomheter", VIRKSOMHETER).seedSelection("SAP", "A1");
}

/** Runs `f` with `host` installed as the global `Excel`/`Office`, as the pane's steps run. */
export const inHost = installed;

export async function importert(host: FakeExcelHost): Promise<ImportedTerminer> {
  const read = await inHost(host, () => readRanges({ sap: "SAP", unit4: "Unit4", spk: "SPK" }));
  const src = (k: "sap" | "unit4" | "spk"): SheetInput => ({ sheet: read[k]!.sheet, values: read[k]!.values, origin: read[k]!.origin });
  const r = importExports({ sap: src("sap"), unit4: src("unit4"), spk: src("spk") }, { aar: 2024, budsjettering: "brutto", kontoer: DEFAULT_KONTOER });
  if (isProblems(r)) throw new Error(JSON.stringify(r.list));
  return r;
}

/** The import with only the termins up to `last` (the exports of a spring, not of the year). */
export const upTo = (imp: ImportedTerminer, last: number): ImportedTerminer => ({ ...imp, terminer: imp.terminer.filter((t) => (t.termin as number) <= last) });

/** Writes cells as a co-author would, between the pane's actions. */
export const edit = (host: FakeExcelHost, sheet: string, address: string, values: unknown[][]): Promise<void> =>
  inHost(host, () =>
    Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(sheet).getRange(address).values = values as Excel.Range["values"];
      await ctx.sync();
    }),
  );

/** The steps up to a filled sheet (the import cut to `last` termins when given). */
export async function filled(last = 6): Promise<FakeExcelHost> {
  const host = seeded();
  ok((await inHost(host, () => write(saveOppsett(ARK, OPPSETT, META)))).report);
  const imp = await importert(host);
  ok((await inHost(host, () => write(fillFromImport(ARK, upTo(imp, last), OPPSETT, {}, META)))).report);
  return host;
}
