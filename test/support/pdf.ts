/**
 * Reading a PDF the way a person reads the printout, with Debian's poppler-utils: the text of each
 * page as laid out (pdftotext -layout), and each page's MediaBox (pdfinfo -box).
 *
 * Why poppler and not LibreOffice's own text or HTML export: `###` exists only where a sheet is
 * rendered onto a page of a given width. An export to text or HTML writes each cell's formatted
 * value whatever the column width, so it can never show `###`, nor pages, nor the page header.
 * Only the PDF has them, and pdftotext is the standard, maintained way to read one (a PDF's text is
 * compressed and font-encoded; a reader of our own would be a second thing to test).
 */
import { execFileSync } from "child_process";
import { existsSync } from "fs";

export function pdftotextPath(): string | undefined {
  return ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].find((p) => existsSync(p));
}

const pdfinfo = (): string => (pdftotextPath() ?? "/usr/bin/pdftotext").replace(/pdftotext$/, "pdfinfo");

/** The text of every page, in order, laid out in lines as printed. */
export function pdfPages(pdfPath: string): string[] {
  const text = execFileSync(pdftotextPath() ?? "pdftotext", ["-layout", "-enc", "UTF-8", pdfPath, "-"], { encoding: "utf8", timeout: 60_000 });
  const pages = text.split("\f");
  if (pages[pages.length - 1].trim() === "") pages.pop();
  return pages;
}

/** Each page's MediaBox in points: [x0, y0, x1, y1]. */
export function mediaBoxes(pdfPath: string): number[][] {
  const info = execFileSync(pdfinfo(), [pdfPath], { encoding: "utf8", timeout: 60_000 });
  const pages = Number(info.match(/^Pages:\s+(\d+)/m)?.[1] ?? 0);
  const boxes = execFileSync(pdfinfo(), ["-f", "1", "-l", String(pages), "-box", pdfPath], { encoding: "utf8", timeout: 60_000 });
  return [...boxes.matchAll(/^Page\s+\d+\s+MediaBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/gm)].map((m) => m.slice(1, 5).map(Number));
}
