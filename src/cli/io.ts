import { printable } from "../core/text";

/** Where the CLI prints; tests pass their own to capture the output. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

export const nodeIO: CliIO = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
};

/**
 * What every command prints goes through this: a virksomhet name, a cell or a file name from a
 * hostile workbook could otherwise carry escape sequences that rewrite the terminal or write to
 * its clipboard (OSC 52).
 */
export function printableIO(io: CliIO): CliIO {
  return { out: (text) => io.out(printable(text)), err: (text) => io.err(printable(text)) };
}
