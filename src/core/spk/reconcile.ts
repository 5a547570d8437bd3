import { isRuleError, Result } from "../errors";
import { Exact, fromNumber, isZero, minus, plus, roundKroner, sum } from "../money/exact";
import { agaPaDifferanse } from "./aga-differanse";
import { oreAmount } from "./amounts";
import { agaJustering, saldokontroll } from "./control";
import { terminFlags } from "./flags";
import { isRateFraction, oppsettProblems } from "./oppsett";
import { ProblemList } from "./problems";
import { AMOUNT_COLUMNS, AmountField, emptyTermin } from "./termin-fields";
import { AgaJustering, Avstemming, KontoSaldo, Oppsett, SaldoKontroll, Summer, TerminInput, TerminResultat } from "./types";

export { agaPaDifferanse } from "./aga-differanse";

/** What the year-end parts of the reconciliation need besides the termins. */
export interface AvstemExtras {
  /** IB and movement of the control accounts (DESIGN.md §3.4). */
  readonly saldoer?: readonly KontoSaldo[];
  /** The actual average AGA rate through period 11, for the year-end AGA adjustment. */
  readonly oppdatertAgaSats?: number;
}

type Inputs = Readonly<Record<AmountField, Exact>>;

/** The input amounts of one termin as exact whole øre; problems named by termin and column. */
function exactInputs(oppsett: Oppsett, input: TerminInput, problems: ProblemList): Inputs | undefined {
  const out: Partial<Record<AmountField, Exact>> = {};
  let ok = true;
  for (const c of AMOUNT_COLUMNS) {
    const raw = input[c.field] ?? 0;
    const value = typeof raw === "number" ? oreAmount(raw, `Termin ${input.termin}, ${c.col} (${c.navn})`) : undefined;
    if (value === undefined) {
      problems.add(`Termin ${input.termin}, ${c.col} (${c.navn}): «${String(raw)}» er ikke et tall.`);
      ok = false;
    } else if (isRuleError(value)) {
      problems.add(value.message);
      ok = false;
    } else {
      out[c.field] = value;
    }
  }
  // Netto has no 2820: the netto voucher posts 5420 +R against 2961 −O and 2630 −P, which only
  // balances when R = O + P, i.e. M = 0. A netto M is therefore an input error, not a flag: a
  // voucher that does not balance, or one that silently drops M, is worse than no voucher.
  if (ok && oppsett.budsjettering === "netto" && !isZero(out.fakturaDifferanse as Exact)) {
    problems.add(
      `Termin ${input.termin}, M (faktura differanse 2820): skal være tom for nettobudsjetterte virksomheter ` +
        `(fikk ${input.fakturaDifferanse}); konto 2820 brukes bare i brutto. Før beløpet i L eller N.`,
    );
    ok = false;
  }
  return ok ? (out as Inputs) : undefined;
}

/** Termin inputs by termin number 1–6; a missing termin is an all-zero row. */
function byTermin(terminer: readonly TerminInput[], problems: ProblemList): TerminInput[] {
  const seen = new Map<number, TerminInput>();
  terminer.forEach((t, i) => {
    if (!Number.isInteger(t.termin) || t.termin < 1 || t.termin > 6) {
      problems.add(`Termin nr. ${i + 1} i listen: terminen må være 1–6 (fikk ${t.termin}).`);
    } else if (seen.has(t.termin)) {
      problems.add(`Termin ${t.termin} finnes to ganger.`);
    } else {
      seen.set(t.termin, t);
    }
  });
  return [1, 2, 3, 4, 5, 6].map((n) => seen.get(n) ?? emptyTermin(n));
}

interface Computed {
  readonly result: TerminResultat;
  readonly exact: Readonly<Record<"B" | "C" | "D" | "E" | "F" | "G" | "H" | "I" | "L" | "M" | "N" | "O" | "P" | "Q" | "R" | "T", Exact>>;
}

function computeTermin(oppsett: Oppsett, input: TerminInput, x: Inputs): Computed {
  const B = x.sapArbeidsgiverandel;
  const C = x.sapMedlemsinnskudd;
  const D = x.unit4Pensjonsutgift;
  const E = x.unit4AvsetningArbeidsgiverandel;
  const F = x.unit4Medlemsinnskudd;
  const L = x.fakturaArbeidsgiverandel;
  const M = x.fakturaDifferanse;
  const N = x.fakturaMedlemsinnskudd;
  const G = minus(B, D);
  const H = minus(B, E);
  const I = minus(C, F);
  const O = minus(L, B);
  const P = minus(N, C);
  const Q = minus(sum([L, M, N]), plus(B, C));
  const R = oppsett.budsjettering === "brutto" ? M : Q;
  const S = oppsett.agaSats;
  const T = agaPaDifferanse(roundKroner(R), S);
  const flags = terminFlags(oppsett, input.termin, { B, C, G, H, I, O, P, Q }, input.forklaring);
  const k = roundKroner;
  return {
    result: { termin: input.termin, input, G: k(G), H: k(H), I: k(I), O: k(O), P: k(P), Q: k(Q), R: k(R), S, T, flags },
    exact: { B, C, D, E, F, G, H, I, L, M, N, O, P, Q, R, T: fromNumber(T) },
  };
}

function summer(rows: readonly Computed[]): Summer {
  const col = (key: keyof Computed["exact"]): number => roundKroner(sum(rows.map((r) => r.exact[key])));
  return {
    B: col("B"), C: col("C"), D: col("D"), E: col("E"), F: col("F"),
    G: col("G"), H: col("H"), I: col("I"),
    L: col("L"), M: col("M"), N: col("N"),
    O: col("O"), P: col("P"), Q: col("Q"), R: col("R"), T: col("T"),
  };
}

/**
 * The reconciliation of DESIGN.md §3.1 for one year: per termin G = B − D, H = B − E, I = C − F,
 * O = L − B, P = N − C, Q = (L + M + N) − (B + C), R = M (brutto) or Q (netto), S = the header's
 * rate, T = round(R × S, 2); exact sums; the flags; and, when given, the year-end balance control
 * and AGA adjustment.
 *
 * Always six termins in order: a termin missing from `terminer` is an all-zero row, as an empty
 * row of the sheet is. `aarsAga` is the AGA the year's vouchers post: ΣT terminvis,
 * round(ΣR × S, 2) årsslutt (T per termin is still shown).
 *
 * Every problem with the input is reported at once (an InputProblems); nothing is computed then.
 */
export function avstem(oppsett: Oppsett, terminer: readonly TerminInput[], extras: AvstemExtras = {}): Result<Avstemming> {
  const problems = new ProblemList();
  const oppsettFeil = oppsettProblems(oppsett);
  for (const p of oppsettFeil) problems.add(p);
  const rows = byTermin(terminer, problems);
  // Every termin given is checked, duplicates too; with a broken oppsett the figures are not
  // (budsjettering decides whether M may be set).
  if (oppsettFeil.length === 0) for (const t of terminer) exactInputs(oppsett, t, problems);

  let saldo: SaldoKontroll[] = [];
  if (oppsettFeil.length === 0 && extras.saldoer && extras.saldoer.length > 0) {
    const s = saldokontroll(oppsett, extras.saldoer);
    if (isRuleError(s)) problems.addError(s);
    else saldo = s;
  }
  const nySats = extras.oppdatertAgaSats;
  if (nySats !== undefined && !isRateFraction(nySats)) {
    problems.add(`Den oppdaterte AGA-satsen må være en brøk fra og med 0 til 1, f.eks. 0,1387 for 13,87 % (fikk ${nySats}).`);
  }
  const invalid = problems.error();
  if (invalid) return invalid;

  const computed = rows.map((t) => computeTermin(oppsett, t, exactInputs(oppsett, t, new ProblemList()) as Inputs));
  const sumRow = summer(computed);
  const aarsAga = oppsett.modus === "arsslutt" ? agaPaDifferanse(sumRow.R, oppsett.agaSats) : sumRow.T;

  let justering: AgaJustering | undefined;
  if (extras.oppdatertAgaSats !== undefined) {
    const j = agaJustering(sumRow.R, aarsAga, extras.oppdatertAgaSats);
    if (isRuleError(j)) return j;
    justering = j;
  }

  const terminResults = computed.map((c) => c.result);
  return {
    oppsett,
    terminer: terminResults,
    sum: sumRow,
    flags: terminResults.flatMap((t) => t.flags),
    saldokontroll: saldo,
    ...(justering ? { agaJustering: justering } : {}),
    aarsAga,
  };
}
