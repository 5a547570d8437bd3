/**
 * A real spreadsheet engine for the end-to-end tests: LibreOffice headless recalculates an .xlsx
 * the CLI wrote, so the template's formulas are checked by an engine that is not ours.
 *
 * By default LibreOffice keeps the cached values of formula cells in an .xlsx; a fresh profile
 * whose registrymodifications.xcu sets Calc's OOXMLRecalcMode to 0 ("always") makes it recompute
 * every formula on load (toolchain.md). Each run gets its own profile: two soffice processes must
 * not share one.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { basename, join } from "path";
import { pathToFileURL } from "url";

/** A fresh profile's settings: recalculate on load, and (for printing) the locale numbers are shown in. */
const profileSettings = (locale: string | undefined): string => `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
${locale ? `<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>${locale}</value></prop></item>\n` : ""}</oor:items>
`;

export function sofficePath(): string | undefined {
  for (const candidate of ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice"]) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Opens `xlsxPath` in LibreOffice with a fresh profile (every formula recalculated; numbers shown
 * in `locale`, else the machine's), and converts it with `filter` ("xlsx:Calc MS Excel 2007 XML",
 * "pdf:calc_pdf_Export") into a new temporary folder. Returns the path of the result.
 */
function convert(xlsxPath: string, filter: string, extension: string, locale?: string): string {
  const soffice = sofficePath();
  if (!soffice) throw new Error("LibreOffice (soffice) er ikke installert; .ci/run installerer libreoffice-calc-nogui.");
  const work = mkdtempSync(join(tmpdir(), "lonn-lo-"));
  const profile = join(work, "profile");
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(join(profile, "user", "registrymodifications.xcu"), profileSettings(locale));
  const outDir = join(work, "out");
  mkdirSync(outDir);
  execFileSync(
    soffice,
    [
      "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--convert-to", filter, "--outdir", outDir, xlsxPath,
    ],
    { stdio: "pipe", timeout: 120_000 },
  );
  const result = join(outDir, `${basename(xlsxPath).replace(/\.[^.]+$/, "")}.${extension}`);
  if (!existsSync(result)) throw new Error(`LibreOffice skrev ingen fil for ${xlsxPath}`);
  rmSync(profile, { recursive: true, force: true });
  return result;
}

/**
 * Opens `xlsxPath` in LibreOffice, recalculates every formula, and saves the result as .xlsx in a
 * new temporary folder. Returns the path of the recalculated file.
 */
export function recalculate(xlsxPath: string): string {
  return convert(xlsxPath, "xlsx:Calc MS Excel 2007 XML", "xlsx");
}

/**
 * The workbook printed to PDF as LibreOffice prints it (every visible sheet, each with its own
 * page setup), after recalculating, with numbers in `locale` (nb-NO: "-1 000 000 000,00").
 */
export function printToPdf(xlsxPath: string, locale = "nb-NO"): string {
  return convert(xlsxPath, "pdf:calc_pdf_Export", "pdf", locale);
}
