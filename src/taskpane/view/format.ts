/**
 * How the pane shows figures: Norwegian number text, nothing computed. Amounts come from core as
 * øre; core turns them into text, this only makes the text fit a narrow pane (no-break spaces so
 * `1 234 567,89` never wraps, and a real minus sign).
 */
import { kronerText, percentText } from "../../core/money/format";
import { Ore } from "../../core/money/ore";

const NBSP = "\u00a0";
const MINUS = "\u2212";

/** `1 234 567,89` (no-break spaces), `−96,10`. */
export function kr(ore: Ore): string {
  return kronerText(ore).replace(/ /g, NBSP).replace(/^-/, MINUS);
}

/** `13,87 %` for 0.1387 (no-break space before the sign). */
export function percent(fraction: number): string {
  return percentText(fraction).replace(" ", NBSP);
}

/** `29.02.2024` from `2024-02-29`. */
export function dateText(iso: string): string {
  const m = iso.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** `1 celle`, `3 celler`. */
export function count(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
