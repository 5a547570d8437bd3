/**
 * Reading a file the user chose (an a-melding, a SAF-T file) into one of core's streaming readers,
 * chunk by chunk as the browser reads it, so a year's SAF-T never sits in the pane as one string.
 * UTF-8 (a byte-order mark is dropped), as the a-melding and SAF-T are written; a file that is not
 * valid UTF-8 is a problem naming it.
 */
import { StreamReader } from "../core/import/xml/stream";
import { Checked, problems } from "../core/problem/problem";

export async function readFileInto<T>(file: File, reader: StreamReader<T>): Promise<Checked<T>> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const chunks = file.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await chunks.read();
      if (done) break;
      const text = decoder.decode(value, { stream: true });
      if (text.length > 0) reader.write(text);
    }
    const rest = decoder.decode();
    if (rest.length > 0) reader.write(rest);
  } catch {
    await chunks.cancel().catch(() => undefined);
    return problems("Filen er ikke gyldig UTF-8; lagre den som UTF-8 og velg den på nytt.", { file: file.name });
  }
  return reader.end();
}
