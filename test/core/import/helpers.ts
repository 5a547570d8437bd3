import { readFileSync } from "fs";
import { join } from "path";
import { parseCsv, SheetInput } from "../../../src/core/import";

export const SAMPLES = join(__dirname, "..", "..", "..", "assets", "samples");

/** A sample CSV as a reader input, named like the sheet the task pane would paste it into. */
export function sampleSheet(set: "eksempeletaten" | "nettoetaten", file: string, sheet: string): SheetInput {
  const parsed = parseCsv(readFileSync(join(SAMPLES, set, file), "utf8"), { sheet });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return { sheet, values: parsed.value.values };
}

export function sampleSources(set: "eksempeletaten" | "nettoetaten") {
  return {
    sap: sampleSheet(set, "sap-lonnsarter-2024.csv", "SAP"),
    unit4: sampleSheet(set, "unit4-saldo-2024.csv", "Unit4"),
    spk: sampleSheet(set, "spk-faktura-2024.csv", "SPK"),
  };
}

/** Kroner from a Norwegian amount text, for writing expected values the way the README shows them. */
export const kr = (text: string): number => Number(text.replace(/[\s\u00a0]/g, "").replace(",", "."));
