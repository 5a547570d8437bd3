import { Result, valueError } from "../errors";
import { minusOre, ORE_ZERO, Ore, plusOre } from "../money/ore";
import { Budsjettering } from "../spk/types";

/**
 * How DFØ posts an SPK invoice (E1 guide, "Kontering av inngående faktura fra SPK"), as the
 * invoice columns L, M and N of the reconciliation.
 *
 * Brutto (A10): 2630 gets the same amount as the payroll deduction and 2810 the same amount as
 * the provision from SAP, for the invoice's periods; 2820 takes the rest of the invoice total. So
 *   L = B,  N = C,  M = invoice total − L − N,
 * which makes O = L − B and P = N − C zero by construction, and Q = M. (When a user types L, M, N
 * from the ledger instead, a non-zero O or P shows a posting that broke this rule.)
 *
 * Netto (A11): 2961 gets the invoiced employer share including administration and 2630 the
 * invoiced member share; nothing goes to 2820. So
 *   L = invoiced employer share incl. administration,  N = invoiced member share,  M = 0.
 *
 * Amounts are whole øre, so L + M + N is exactly the invoice total.
 */

export interface FakturaBelop {
  /** Employer share of all products incl. administration. */
  readonly arbeidsgiverandelInklAdm: Ore;
  readonly medlemsandel: Ore;
}

export interface SapBelop {
  /** B. */
  readonly arbeidsgiverandel: Ore;
  /** C. */
  readonly medlemsinnskudd: Ore;
}

export interface FakturaPostering {
  /** 2810 (brutto) / 2961 (netto). */
  readonly L: Ore;
  /** 2820 (brutto); 0 netto. */
  readonly M: Ore;
  /** 2630. */
  readonly N: Ore;
}

export function postInvoice(budsjettering: Budsjettering, faktura: FakturaBelop, sap: SapBelop | undefined): Result<FakturaPostering> {
  const employer = faktura.arbeidsgiverandelInklAdm;
  const member = faktura.medlemsandel;
  if (budsjettering === "netto") return { L: employer, M: ORE_ZERO, N: member };
  if (!sap) {
    return valueError("Bruttobudsjettert: fakturaen posteres med SAP-avsetningen (B og C) på 2810 og 2630, så SAP-tallene for terminen må leses inn sammen med fakturaen.");
  }
  const L = sap.arbeidsgiverandel;
  const N = sap.medlemsinnskudd;
  return { L, M: minusOre(plusOre(employer, member), plusOre(L, N)), N };
}
