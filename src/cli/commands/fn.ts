import type { CliIO } from "../io";

/** Not built yet: see the issue that owns `lonn fn`. */
export async function fn(_args: string[], io: CliIO): Promise<number> {
  io.err("lonn fn er ikke ferdig ennå.");
  return 2;
}
