import { DEFAULT_KONTOER, Oppsett, TerminInput } from "../../../src/core/spk/types";

export function oppsett(o: Partial<Oppsett> = {}): Oppsett {
  return {
    virksomhet: "Eksempeletaten", aar: 2024, budsjettering: "brutto", modus: "terminvis", agaSats: 0.1387,
    toleranse: 1, vesentlighetsgrense: 0.05, kontoer: DEFAULT_KONTOER, dimensjoner: [], bilagsart: "KB", firma: "72", ...o,
  };
}

type Amounts = [B: number, C: number, D: number, E: number, F: number, L: number, M: number, N: number];
export function termin(t: number, [B, C, D, E, F, L, M, N]: Amounts, extra: Partial<TerminInput> = {}): TerminInput {
  return {
    termin: t, sapArbeidsgiverandel: B, sapMedlemsinnskudd: C, unit4Pensjonsutgift: D, unit4AvsetningArbeidsgiverandel: E,
    unit4Medlemsinnskudd: F, fakturaArbeidsgiverandel: L, fakturaDifferanse: M, fakturaMedlemsinnskudd: N, ...extra,
  };
}

export const BRUTTO: TerminInput[] = [
  termin(1, [100000, 20000, 100000, 100000, 20000, 100000, 1500.5, 20000], { fakturanummer: "2024-0117", status: "A", signatur: "KN", dato: "15.03.2024" }),
  termin(2, [98765.43, 19753.09, 98760.43, 98765.43, 19753.09, 98765.43, -250.75, 19753.09]),
  termin(3, [50000, 10000, 50000, 50000, 10000, 50010, 3000, 10000]),
  termin(4, [10000, 2000, 9999, 9998.99, 2000, 10000, 600, 2000], { forklaring: "Lønnsoppgjør etterbetalt" }),
  termin(5, [10000, 2000, 9999, 10000, 2001.01, 10000, 600.01, 2000]),
  termin(6, [0, 0, 0, 0, 0, 0, -50, 0]),
];
