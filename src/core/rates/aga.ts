import type { SourceId } from "./sources";

/** The seven AGA zones in Roman notation, as the add-in shows them. */
export const ZONES = ["I", "Ia", "II", "III", "IV", "IVa", "V"] as const;
export type Zone = (typeof ZONES)[number];

/** The zone code used in the a-melding and Skatteetaten's Kommunekatalog. */
export const ZONE_CODE: Readonly<Record<Zone, string>> = {
  I: "1", Ia: "1a", II: "2", III: "3", IV: "4", IVa: "4a", V: "5",
};

type ZoneRates = Readonly<Record<Zone, string>>;

/**
 * Arbeidsgiveravgift for one year (Stortingets vedtak om avgifter til folketrygden).
 *
 * - `ordinary`: the zone rate. For zone Ia it is the reduced rate that applies until the
 *   fribeløp is used up (then `full`).
 * - `jordbruk`: jordbruk, skogbruk, fiske etc.; differs from `ordinary` only in IVa (5,1 %).
 * - `full`: the zone I rate, paid in every zone by sector-excepted employers (sektorunntak) and
 *   in zone Ia once the fribeløp is used up.
 * - `fribelop`: the largest yearly saving, (full − reduced rate) × basis, for zone Ia and for
 *   sector-excepted employers in zones II–V (S10, S11). Not for jordbruk, skogbruk and fiske in
 *   zone Ia (10,6 % without the cap: `jordbruk`), nor for statsforvaltningen and helseforetak,
 *   which «skal anvende ordinære differensierte satser» (S11).
 * - `ekstra`: the extra 5 % on one employee's yearly basis above a threshold, if the year has it.
 */
export interface AgaYear {
  readonly ordinary: ZoneRates;
  readonly jordbruk: ZoneRates;
  readonly full: string;
  readonly fribelop: number;
  readonly ekstra?: { readonly rate: string; readonly threshold: number; readonly sources: readonly SourceId[] };
  readonly sources: readonly SourceId[];
  readonly note?: string;
}

// The zone rates have been unchanged since 2020 (S1–S6; S33 for the zone list). Each year is
// still its own row: a change next year must be one edit here and nothing else.
const ORDINARY: ZoneRates = { I: "0.141", Ia: "0.106", II: "0.106", III: "0.064", IV: "0.051", IVa: "0.079", V: "0" };
const JORDBRUK: ZoneRates = { I: "0.141", Ia: "0.106", II: "0.106", III: "0.064", IV: "0.051", IVa: "0.051", V: "0" };
const RATE_SOURCES: readonly SourceId[] = ["S1", "S2", "S4", "S5", "S6", "S25", "S26"];

export const AGA: Readonly<Record<number, AgaYear>> = {
  2020: {
    ordinary: ORDINARY, jordbruk: JORDBRUK, full: "0.141", fribelop: 500000, sources: [...RATE_SOURCES, "S33"],
    note:
      "Fribeløp 500 000 kr for 2020 er utledet (kilde for 2021–2022 er S11). Redusert AGA for mai–juni 2020 " +
      "(4 prosentpoeng, § 3a) ble beregnet av Skatteetaten; arbeidsgiver rapporterte ordinære satser.",
  },
  2021: { ordinary: ORDINARY, jordbruk: JORDBRUK, full: "0.141", fribelop: 500000, sources: [...RATE_SOURCES, "S11"] },
  2022: { ordinary: ORDINARY, jordbruk: JORDBRUK, full: "0.141", fribelop: 500000, sources: [...RATE_SOURCES, "S11", "S17", "S18"] },
  2023: {
    ordinary: ORDINARY, jordbruk: JORDBRUK, full: "0.141", fribelop: 500000, sources: [...RATE_SOURCES, "S10"],
    ekstra: { rate: "0.05", threshold: 750000, sources: ["S13", "S15", "S36"] },
  },
  2024: {
    ordinary: ORDINARY, jordbruk: JORDBRUK, full: "0.141", fribelop: 850000, sources: [...RATE_SOURCES, "S10", "S15"],
    ekstra: { rate: "0.05", threshold: 850000, sources: ["S13", "S10"] },
  },
  2025: {
    ordinary: ORDINARY, jordbruk: JORDBRUK, full: "0.141", fribelop: 850000, sources: [...RATE_SOURCES, "S14", "S15"],
    note: "Ekstra arbeidsgiveravgift er avviklet fra 1. januar 2025 (S14, S15). Fribeløp 850 000 kr (S10, videreført).",
  },
  2026: {
    ordinary: ORDINARY, jordbruk: JORDBRUK, full: "0.141", fribelop: 850000, sources: [...RATE_SOURCES, "S25"],
  },
};
