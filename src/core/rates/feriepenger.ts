/**
 * Feriepenger (lov om ferie, ferieloven, § 10; reference/trekk-og-aga.md §4). Not a year table:
 * the rates are the law's, and the one figure that moves, G, comes from the grunnbeløp table.
 *
 * - `rate`: 10,2 % of the feriepengegrunnlag, the law's rate. Agreements (and the state, by the
 *   Særavtale om ferie for statstjenestemenn) give 12 %; the user passes that rate.
 * - `over60Extra`: 2,3 percentage points more for an employee who turns 60 during the ferieår,
 *   but not on the part of the grunnlag above `over60CapG` × G, with the G in force on
 *   31 December of the opptjeningsår.
 */
export const FERIEPENGER = {
  rate: "0.102",
  over60Extra: "0.023",
  over60CapG: 6,
  source: "Ferieloven § 10 (arbeidstilsynet.no, kopi av lovteksten); lostat.no for statens sats",
} as const;
