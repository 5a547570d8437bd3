/** Where the CLI prints; tests pass their own to capture the output. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

export const nodeIO: CliIO = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
};
