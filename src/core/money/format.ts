/** Money and rates as Norwegian text, for messages and the pane (the sheet formats its own cells). */
import { rate } from "./exact";
import { Ore } from "./ore";

/** `-1 234,56` for -123456 øre. */
export function kronerText(ore: Ore | number): string {
  const sign = ore < 0 ? "-" : "";
  const abs = Math.abs(ore);
  const kroner = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${sign}${kroner},${String(abs % 100).padStart(2, "0")}`;
}

/** `13,87 %` for 0.1387: the rate as typed, with a decimal comma and no trailing zeros. */
export function percentText(fraction: number): string {
  const percent = rate(fraction).decimal.times(100).toDecimalPlaces(6);
  return `${percent.toFixed().replace(".", ",")} %`;
}

const NBSP = "\u00a0";
const MINUS = "\u2212";

/** `1 234 567,89` with no-break spaces and a real minus sign: for narrow places (the pane, `Logg`) where it must not wrap. */
export const kronerNoBreak = (ore: Ore): string => kronerText(ore).replace(/ /g, NBSP).replace(/^-/, MINUS);

/** `13,87 %` with a no-break space before the sign. */
export const percentNoBreak = (fraction: number): string => percentText(fraction).replace(" ", NBSP);

/** `1 celle`, `3 celler`. */
export const countText = (n: number, singular: string, plural: string): string => `${n} ${n === 1 ? singular : plural}`;
