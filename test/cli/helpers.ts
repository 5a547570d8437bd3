/** Running the CLI in process, and comparing workbooks cell by cell. */
import ExcelJS from "exceljs";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import type { CliIO } from "../../src/cli/io";
import { run } from "../../src/cli/main";

export const ROOT = resolve(__dirname, "..", "..");
export const FIXTURES = join(ROOT, "test", "fixtures", "avstem");
export const BRUTTO = join(FIXTURES, "brutto-terminvis.json");
export const NETTO = join(FIXTURES, "netto-arsslutt.json");

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

/** `lonn … --json` parsed; fails the test with stderr when the command failed. */
export async function lonnJson(...args: string[]): Promise<Record<string, unknown>> {
  const r = await lonn(...args, "--json");
  if (r.code !== 0) throw new Error(`lonn ${args.join(" ")} → ${r.code}\n${r.err}`);
  return JSON.parse(r.out);
}

export const tempDir = (prefix = "lonn-cli-"): string => mkdtempSync(join(tmpdir(), prefix));

/** Every non-empty cell of every sheet: "Sheet!A1" → formula text ("=…") or value. Plus each sheet's state. */
export async function cellsOf(path: string): Promise<Map<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out = new Map<string, unknown>();
  for (const ws of wb.worksheets) {
    out.set(`${ws.name}!state`, ws.state);
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as unknown;
        if (v === null || v === undefined || v === "") return;
        out.set(`${ws.name}!${cell.address}`, cell.formula ? `=${cell.formula}` : v instanceof Date ? v.toISOString() : v);
      }),
    );
  }
  return out;
}
