/** Shared by the trekk readers' tests: the bundled samples, the scenario in øre, unwrapping results. */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { parseCsv } from "../../../src/core/import/csv";
import { SheetInput } from "../../../src/core/import/types";
import { Checked, isProblems, Problem } from "../../../src/core/problem/problem";
import { TrekkScenario } from "../../../src/core/trekk/types";

export const TREKK_SAMPLES = join(__dirname, "..", "..", "..", "assets", "samples", "trekk");

export const sampleText = (name: string): string => readFileSync(join(TREKK_SAMPLES, name), "utf8");

export const ameldingFiles = (): string[] => readdirSync(TREKK_SAMPLES).filter((n) => /^amelding-.*\.xml$/.test(n)).sort();

/** A CSV text as a reader input named like its file. */
export function csvSheet(text: string, sheet: string): SheetInput {
  const parsed = parseCsv(text, { sheet });
  if (isProblems(parsed)) throw new Error(parsed.message);
  return { sheet, values: parsed.values };
}

export const sampleSheet = (name: string): SheetInput => csvSheet(sampleText(name), name);

/** The value, or the test fails with every problem. */
export function ok<T>(result: Checked<T>): T {
  if (isProblems(result)) throw new Error(`Expected a result, got problems:\n${result.message}`);
  return result;
}

/** The problems (the test fails if there were none). */
export function problemsOf<T>(result: Checked<T>): readonly Problem[] {
  if (!isProblems(result)) throw new Error("Expected problems, got a result");
  return result.list;
}

const AMOUNT_KEYS = new Set(["belop", "ib", "grunnlag", "forskuddstrekk", "forsikringstrekk", "fagforeningstrekk", "sumForskuddstrekk", "sumArbeidsgiveravgift"]);

/** The scenario JSON's kroner as øre, the model's unit (only amount keys; `kontoer.forskuddstrekk` is an account). */
function toOre(value: unknown, key = ""): unknown {
  if (Array.isArray(value)) return value.map((v) => toOre(v));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, key === "kontoer" ? v : toOre(v, k)]));
  }
  if (typeof value === "number" && AMOUNT_KEYS.has(key)) return Math.round(value * 100);
  return value;
}

/** The sample's scenario (trekk-scenario-2026.json), amounts in øre. */
export const sampleScenario = (): TrekkScenario => toOre(JSON.parse(sampleText("trekk-scenario-2026.json"))) as TrekkScenario;
