import { isRuleError, Result, valueError } from "../errors";
import { terminOfMonth } from "../rules/termin";
import { displayText, isBlank } from "../sheet/cell";
import { parsePeriod } from "./periods";
import { parseTerminLabel } from "./termin-label";

/**
 * The termin a Termin cell of an invoice names, in `aar`:
 * - a termin label (`1`, `T1`, `1. termin`, `jan–feb`; see parseTerminLabel);
 * - a label with its year: `T1 2024`, `2024 T1`, `Termin 1 2024`, `T1/2024`, `1 2024`;
 * - a date or a month-with-year: its month's termin (`31.01.2024`, `2024-03`, `202403`).
 * `2/2024` is refused: as a termin it is termin 2, as a month February (termin 1).
 */
export function terminCell(value: unknown, aar: number): Result<number> {
  if (isBlank(value)) return valueError("Mangler termin.");
  const label = parseTerminLabel(value);
  if (label !== undefined) return label;
  const shown = displayText(value);

  if (typeof value === "string") {
    const text = value.trim();
    const withYear =
      text.match(/^(.+?)\s+(\d{4})$/) ??
      text.match(/^(.*[a-zA-Z].*?)\s*[/-]\s*(\d{4})$/) ??
      swap(text.match(/^(\d{4})\s+(.+)$/));
    if (withYear) {
      const termin = parseTerminLabel(withYear[1]);
      if (termin !== undefined) {
        const year = Number(withYear[2]);
        return year === aar ? termin : valueError(`«${shown}» er i ${year}, ikke i regnskapsåret ${aar}.`);
      }
    }
    const both = text.match(/^0?([1-6])[./-](\d{4})$/);
    if (both) {
      const n = Number(both[1]);
      return valueError(
        `«${shown}» er tvetydig: termin ${n} eller måned ${n} (termin ${Math.ceil(n / 2)})? Skriv terminen som T${n} ${both[2]} eller perioden som ${both[2]}-0${n}.`,
      );
    }
  }

  const period = parsePeriod(value);
  if (!isRuleError(period) && period !== null) {
    if (period.year !== aar) return valueError(`«${shown}» er i ${period.year}, ikke i regnskapsåret ${aar}.`);
    return terminOfMonth(period.month);
  }
  return valueError(`«${shown}» er ikke en termin (1–6, T1–T6, «1. termin», «jan–feb») eller en dato.`);
}

function swap(m: RegExpMatchArray | null): [string, string, string] | null {
  return m ? [m[0], m[2], m[1]] : null;
}
