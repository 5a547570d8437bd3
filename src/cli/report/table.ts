/** Plain-text tables for the terminal: the first column left-aligned, the rest right-aligned. */
import { kronerText } from "../../core/money/format";
import { Ore } from "../../core/money/ore";

/** A model figure as the user reads it: `-1 234,56`. */
export const kr = (ore: Ore): string => kronerText(ore);

/** `2024-02-29` → `29.02.2024`. */
export const norwegianDate = (iso: string): string => iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, "$3.$2.$1");

export function table(rows: readonly (readonly string[])[], leftColumns: readonly number[] = [0]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (leftColumns.includes(i) ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join("  ")
      .trimEnd(),
  );
}
