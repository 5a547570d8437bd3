import type { CliIO } from "../io";

/** Not built yet: see the issue that owns `lonn demo`. */
export async function demo(_args: string[], io: CliIO): Promise<number> {
  io.err("lonn demo er ikke ferdig ennå.");
  return 2;
}
