import type { CliIO } from "../io";

/** Not built yet: see the issue that owns `lonn avstem`. */
export async function avstem(_args: string[], io: CliIO): Promise<number> {
  io.err("lonn avstem er ikke ferdig ennå.");
  return 2;
}
