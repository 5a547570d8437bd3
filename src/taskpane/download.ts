/**
 * Downloads made in the pane: a Blob and an `<a download>` click. CSV is UTF-8 (core puts the BOM
 * first, so Excel reads æøå right); GL07 is Latin-1, so its bytes are built here from the text,
 * whose characters core has already limited to Latin-1.
 */
import { h } from "./dom";

interface Reporter {
  message(text: string): void;
}

/** The text as Latin-1 bytes; refuses a character outside Latin-1 rather than writing a wrong byte. */
export function latin1(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) throw new Error(`Tegnet «${text[i]}» kan ikke skrives i Latin-1 (posisjon ${i + 1}).`);
    bytes[i] = c;
  }
  return bytes;
}

export function download(fileName: string, text: string, encoding: "utf-8" | "latin1", reporter: Reporter): void {
  const blob =
    encoding === "latin1"
      ? new Blob([latin1(text) as BlobPart], { type: "text/plain;charset=iso-8859-1" })
      : new Blob([text], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const a = h("a", { attrs: { href: url, download: fileName } });
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Some hosts read the Blob after the click returns; keep it a while.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  // The pane cannot know whether the host let the download through (some Excel versions stop it),
  // so it says what it did, not that the file arrived.
  reporter.message(`${fileName} er sendt til nedlasting. Finner du ikke filen, kopier teksten under «Starter ikke nedlastingen?».`);
}
