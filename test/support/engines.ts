/**
 * The end-to-end tests need real engines from Debian: LibreOffice (recalculates the .xlsx we
 * write, and prints it to PDF, which poppler-utils reads back) and Chromium (runs the task pane).
 * `.ci/run` installs them and sets LONN_E2E=required,
 * so in CI a missing engine FAILS the run. On a developer machine without them those tests are
 * skipped with a notice saying how to get them, and the rest of `npm test` still runs.
 */
import { existsSync } from "fs";
import { sofficePath } from "./libreoffice";
import { pdftotextPath } from "./pdf";

export const CHROMIUM_PATH = process.env.LONN_CHROMIUM ?? "/usr/bin/chromium";

const INSTALL = "sudo apt-get install -y --no-install-recommends libreoffice-calc-nogui poppler-utils chromium fonts-liberation (som .ci/run gjør)";

function gate(available: boolean, engine: string): { describe: jest.Describe; test: jest.It } {
  if (available) return { describe, test };
  if (process.env.LONN_E2E === "required") {
    const fail = (name: string) => test(name, () => {
      throw new Error(`${engine} mangler, og LONN_E2E=required: ${INSTALL}`);
    });
    const failingDescribe = ((name: string) => describe(name, () => fail(`${engine} er installert`))) as unknown as jest.Describe;
    return { describe: failingDescribe, test: ((name: string) => fail(name)) as unknown as jest.It };
  }
  console.warn(`[lonn] ${engine} er ikke installert; ende-til-ende-testene som trenger det hoppes over. Installer: ${INSTALL}`);
  return { describe: describe.skip, test: test.skip };
}

/** describe/test that need LibreOffice. */
export const withLibreOffice = gate(sofficePath() !== undefined, "LibreOffice");
/** describe/test that print with LibreOffice and read the PDF with poppler-utils (pdftotext, pdfinfo). */
export const withLibreOfficePdf = gate(sofficePath() !== undefined && pdftotextPath() !== undefined, "LibreOffice med poppler-utils (pdftotext)");
/** describe/test that need Chromium. */
export const withChromium = gate(existsSync(CHROMIUM_PATH), "Chromium");
