import type { SourceId } from "./sources";

/**
 * Grunnbeløpet (G). Adopted after the trygdeoppgjør each year and in force from 1 May.
 * `average` is the calendar-year average, (4 × previous G + 8 × this G) / 12, rounded, as
 * published by NAV. Source for every row: navikt/g `grunnbeløp.json`.
 */
export interface GrunnbelopPeriod {
  /** ISO date the amount is in force from. */
  readonly from: string;
  readonly amount: number;
  readonly perMonth: number;
  /** Average G for the calendar year of `from`. */
  readonly average: number;
}

export const GRUNNBELOP_SOURCE: SourceId = "NAV_G";

/** Oldest first. */
export const GRUNNBELOP: readonly GrunnbelopPeriod[] = [
  { from: "2018-05-01", amount: 96883, perMonth: 8074, average: 95800 },
  { from: "2019-05-01", amount: 99858, perMonth: 8322, average: 98866 },
  { from: "2020-05-01", amount: 101351, perMonth: 8446, average: 100853 },
  { from: "2021-05-01", amount: 106399, perMonth: 8867, average: 104716 },
  { from: "2022-05-01", amount: 111477, perMonth: 9290, average: 109784 },
  { from: "2023-05-01", amount: 118620, perMonth: 9885, average: 116239 },
  { from: "2024-05-01", amount: 124028, perMonth: 10336, average: 122225 },
  { from: "2025-05-01", amount: 130160, perMonth: 10847, average: 128116 },
  { from: "2026-05-01", amount: 136549, perMonth: 11379, average: 134419 },
];
