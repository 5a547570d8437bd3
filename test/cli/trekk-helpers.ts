/** Running `lonn trekk` in process, for the trekk tests (independent of the SPK tests' helpers). */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import type { CliIO } from "../../src/cli/io";
import { run } from "../../src/cli/main";

export const ROOT = resolve(__dirname, "..", "..");
export const TREKK_FIXTURES = join(ROOT, "test", "fixtures", "trekk");
/** The hand-computed 2026 scenario (pay dates; the January transition; a correction). */
export const TREKK_2026 = join(TREKK_FIXTURES, "fjordtrekk-2026.json");
/** The hand-computed 2025 scenario (forskuddstrekk per termin; termin 6 paid in January 2026). */
export const TREKK_2025 = join(TREKK_FIXTURES, "fjordtrekk-2025.json");

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function lonn(...args: string[]): Promise<CliRun> {
  let out = "";
  let err = "";
  const io: CliIO = { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) };
  const code = await run(args, io);
  return { code, out, err };
}

export const lonnTrekk = (...args: string[]): Promise<CliRun> => lonn("trekk", ...args);

/** `lonn trekk … --json` parsed; fails with stderr when the command failed. */
export async function lonnTrekkJson(...args: string[]): Promise<Record<string, unknown>> {
  const r = await lonnTrekk(...args, "--json");
  if (r.code !== 0) throw new Error(`lonn trekk ${args.join(" ")} → ${r.code}\n${r.err}`);
  return JSON.parse(r.out);
}

export const trekkTempDir = (): string => mkdtempSync(join(tmpdir(), "lonn-trekk-"));
