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

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export function sofficePath(): string | undefined {
  for (const candidate of ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice"]) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Opens `xlsxPath` in LibreOffice, recalculates every formula, and saves the result as .xlsx in a
 * new temporary folder. Returns the path of the recalculated file.
 */
export function recalculate(xlsxPath: string): string {
  const soffice = sofficePath();
  if (!soffice) throw new Error("LibreOffice (soffice) er ikke installert; .ci/run installerer libreoffice-calc-nogui.");
  const work = mkdtempSync(join(tmpdir(), "lonn-lo-"));
  const profile = join(work, "profile");
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  const outDir = join(work, "out");
  mkdirSync(outDir);
  execFileSync(
    soffice,
    [
      "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir, xlsxPath,
    ],
    { stdio: "pipe", timeout: 120_000 },
  );
  const result = join(outDir, basename(xlsxPath).replace(/\.[^.]+$/, "") + ".xlsx");
  if (!existsSync(result)) throw new Error(`LibreOffice skrev ingen fil for ${xlsxPath}`);
  rmSync(profile, { recursive: true, force: true });
  return result;
}
