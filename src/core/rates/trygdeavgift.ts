import type { SourceId } from "./sources";

/**
 * Trygdeavgift per income year (folketrygdloven § 23-3; Stortingets vedtak om avgifter til
 * folketrygden). Rates are fractions written as decimal text so they are exact.
 *
 * - `lav`: pensjon mv. (also lønn and næring for persons under 17 or over 69)
 * - `mellom`: lønn; also fiske, fangst and barnepass in the carer's own home
 * - `hoy`: annen næringsinntekt, including jordbruk, skogbruk, reindrift and pelsdyr
 * - `nedreGrense`: no trygdeavgift when personinntekt is at most this (kroner)
 * - `opptrapping`: trygdeavgift never exceeds this share of the income above `nedreGrense`
 *
 * There is no upper limit and no G-based cap (S7, S8).
 */
export interface TrygdeavgiftYear {
  readonly lav: string;
  readonly mellom: string;
  readonly hoy: string;
  readonly nedreGrense: number;
  readonly opptrapping: string;
  readonly sources: readonly SourceId[];
  readonly note?: string;
}

export const TRYGDEAVGIFT: Readonly<Record<number, TrygdeavgiftYear>> = {
  2020: { lav: "0.051", mellom: "0.082", hoy: "0.114", nedreGrense: 54650, opptrapping: "0.25", sources: ["S1", "S7"] },
  2021: { lav: "0.051", mellom: "0.082", hoy: "0.114", nedreGrense: 59650, opptrapping: "0.25", sources: ["S2", "S7"] },
  2022: {
    lav: "0.051", mellom: "0.080", hoy: "0.112", nedreGrense: 64650, opptrapping: "0.25", sources: ["S2", "S7"],
    note: "Vedtatte satser. Regjeringens forslag (8,2 % / 11,4 % / 61 450 kr) ble ikke vedtatt.",
  },
  2023: { lav: "0.051", mellom: "0.079", hoy: "0.111", nedreGrense: 69650, opptrapping: "0.25", sources: ["S3", "S4"] },
  2024: {
    lav: "0.051", mellom: "0.078", hoy: "0.110", nedreGrense: 69650, opptrapping: "0.25", sources: ["S4", "S5", "S7"],
    note: "Høy sats er 11,0 % i 2024 og 10,9 % i 2025 (efactas kopi har dem byttet om).",
  },
  2025: { lav: "0.051", mellom: "0.077", hoy: "0.109", nedreGrense: 99650, opptrapping: "0.25", sources: ["S5", "S6", "S7"] },
  2026: { lav: "0.051", mellom: "0.076", hoy: "0.108", nedreGrense: 99650, opptrapping: "0.25", sources: ["S6", "S7"] },
};
