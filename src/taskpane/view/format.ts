/**
 * How the pane shows figures: Norwegian number text, nothing computed. Amounts come from core as
 * øre; core turns them into text, this only makes the text fit a narrow pane (no-break spaces so
 * `1 234 567,89` never wraps, and a real minus sign).
 */
import { countText, kronerNoBreak, percentNoBreak } from "../../core/money/format";

/** `1 234 567,89` (no-break spaces), `−96,10`. */
export const kr = kronerNoBreak;

/** `13,87 %` for 0.1387 (no-break space before the sign). */
export const percent = percentNoBreak;

/** `29.02.2024` from `2024-02-29`. */
export function dateText(iso: string): string {
  const m = iso.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** `1 celle`, `3 celler`. */
export const count = countText;
