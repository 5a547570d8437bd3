import { minusOre, Ore, ORE_ZERO, plusOre, sumOre } from "../money/ore";
import { RATE_FRACTION_HINT } from "../problem/messages";
import { Checked, isProblems, ProblemList } from "../problem/problem";
import { agaOnDifference } from "./aga-differanse";
import { agaAdjustment, balanceControl } from "./control";
import { saldoFlags, terminFlags } from "./flags";
import { oppsettProblems } from "./oppsett";
import { isRateFraction } from "../money/rate-fraction";
import { AMOUNT_COLUMNS, emptyTermin, hasSource } from "./termin-fields";
import { AgaJustering, Avstemming, KontoSaldo, Oppsett, SaldoKontroll, Summer, TerminInput, TerminResult } from "./types";

/** What the year-end parts of the reconciliation need besides the termins. */
export interface ReconcileExtras {
  /** IB and movement of the control accounts (DESIGN.md §3.4). */
  readonly saldoer?: readonly KontoSaldo[];
  /** The actual average AGA rate through period 11, for the year-end AGA adjustment. */
  readonly oppdatertAgaSats?: number;
}

/** The input amounts of one termin, checked: whole øre (the edges guarantee it), and no netto M. */
function checkInputs(oppsett: Oppsett, input: TerminInput, problems: ProblemList): void {
  for (const c of AMOUNT_COLUMNS) {
    const v = input[c.field];
    if (!Number.isSafeInteger(v)) problems.add(`Termin ${input.termin}, ${c.col} (${c.navn}): «${String(v)}» er ikke et beløp i hele øre.`);
  }
  // Netto has no 2820: the netto voucher posts 5420 +R against 2961 −O and 2630 −P, which only
  // balances when R = O + P, i.e. M = 0. A netto M is therefore an input error, not a flag: a
  // voucher that does not balance, or one that silently drops M, is worse than no voucher.
  if (oppsett.budsjettering === "netto" && input.fakturaDifferanse !== 0) {
    problems.add(
      `Termin ${input.termin}, M (faktura differanse 2820): skal være tom for nettobudsjetterte virksomheter ` +
        `(fikk ${input.fakturaDifferanse / 100}); konto 2820 brukes bare i brutto. Før beløpet i L eller N.`,
    );
  }
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

function computeTermin(oppsett: Oppsett, input: TerminInput): TerminResult {
  const B = input.sapArbeidsgiverandel;
  const C = input.sapMedlemsinnskudd;
  const D = input.unit4Pensjonsutgift;
  const E = input.unit4AvsetningArbeidsgiverandel;
  const F = input.unit4Medlemsinnskudd;
  const L = input.fakturaArbeidsgiverandel;
  const M = input.fakturaDifferanse;
  const N = input.fakturaMedlemsinnskudd;
  // A comparison needs both its sources: SAP against Unit4 (G, H, I), the invoice against SAP
  // (O, P, Q and the difference to post, R). What lacks one is 0 here and empty in the sheet.
  const sources = { sapUnit4: hasSource(input, "sap") && hasSource(input, "unit4"), sapFaktura: hasSource(input, "sap") && hasSource(input, "faktura") };
  const when = (ok: boolean, x: Ore): Ore => (ok ? x : ORE_ZERO);
  const G = when(sources.sapUnit4, minusOre(B, D));
  const H = when(sources.sapUnit4, minusOre(B, E));
  const I = when(sources.sapUnit4, minusOre(C, F));
  const O = when(sources.sapFaktura, minusOre(L, B));
  const P = when(sources.sapFaktura, minusOre(N, C));
  const Q = when(sources.sapFaktura, minusOre(sumOre([L, M, N]), plusOre(B, C)));
  const avstemt = sources.sapFaktura;
  const R = avstemt ? (oppsett.budsjettering === "brutto" ? M : Q) : ORE_ZERO;
  const S = oppsett.agaSats;
  const T = agaOnDifference(R, S);
  const flags = terminFlags(oppsett, input.termin, { B, C, G, H, I, O, P, Q }, input.forklaring, sources);
  return { termin: input.termin, input, avstemt, G, H, I, O, P, Q, R, S, T, flags };
}

function summer(rows: readonly TerminResult[]): Summer {
  const input = (key: keyof TerminInput) => sumOre(rows.map((r) => r.input[key] as Ore));
  const computed = (key: "G" | "H" | "I" | "O" | "P" | "Q" | "R" | "T") => sumOre(rows.map((r) => r[key]));
  return {
    B: input("sapArbeidsgiverandel"), C: input("sapMedlemsinnskudd"), D: input("unit4Pensjonsutgift"),
    E: input("unit4AvsetningArbeidsgiverandel"), F: input("unit4Medlemsinnskudd"),
    G: computed("G"), H: computed("H"), I: computed("I"),
    L: input("fakturaArbeidsgiverandel"), M: input("fakturaDifferanse"), N: input("fakturaMedlemsinnskudd"),
    O: computed("O"), P: computed("P"), Q: computed("Q"), R: computed("R"), T: computed("T"),
  };
}

/**
 * The reconciliation of DESIGN.md §3.1 for one year: per termin G = B − D, H = B − E, I = C − F,
 * O = L − B, P = N − C, Q = (L + M + N) − (B + C), R = M (brutto) or Q (netto), S = the header's
 * rate, T = round(R × S, 2); exact sums; the flags; and, when given, the year-end balance control
 * and AGA adjustment.
 *
 * Always six termins in order. A termin missing from `terminer`, or lacking SAP or the invoice,
 * is not reconciled: no O, P, Q, R and T, no voucher, no flag about them (missing is not zero);
 * without Unit4 (or SAP) G, H and I are not computed and not flagged. `aarsAga` is the AGA the year's vouchers post: ΣT terminvis,
 * round(ΣR × S, 2) årsslutt (T per termin is still shown).
 *
 * Every problem with the input is reported at once; nothing is computed then.
 */
export function reconcile(oppsett: Oppsett, terminer: readonly TerminInput[], extras: ReconcileExtras = {}): Checked<Avstemming> {
  const problems = new ProblemList();
  const setupProblems = oppsettProblems(oppsett);
  for (const p of setupProblems) problems.add(p);
  const rows = byTermin(terminer, problems);
  // Every termin given is checked, duplicates too; with a broken oppsett the figures are not
  // (budsjettering decides whether M may be set).
  if (setupProblems.length === 0) for (const t of terminer) checkInputs(oppsett, t, problems);

  let saldo: SaldoKontroll[] = [];
  if (setupProblems.length === 0 && extras.saldoer && extras.saldoer.length > 0) {
    const s = balanceControl(oppsett, extras.saldoer);
    if (isProblems(s)) problems.addAll(s);
    else saldo = s;
  }
  const newRate = extras.oppdatertAgaSats;
  if (newRate !== undefined && !isRateFraction(newRate)) {
    problems.add(`Den oppdaterte AGA-satsen må være ${RATE_FRACTION_HINT} (fikk ${newRate}).`);
  }
  const invalid = problems.error();
  if (invalid) return invalid;

  const results = rows.map((t) => computeTermin(oppsett, t));
  const sumRow = summer(results);
  const aarsAga = oppsett.modus === "arsslutt" ? agaOnDifference(sumRow.R, oppsett.agaSats) : sumRow.T;

  let justering: AgaJustering | undefined;
  if (extras.oppdatertAgaSats !== undefined) {
    const j = agaAdjustment(sumRow.R, aarsAga, extras.oppdatertAgaSats);
    if (isProblems(j)) return j;
    justering = j;
  }

  return {
    oppsett,
    terminer: results,
    sum: sumRow,
    flags: [...results.flatMap((t) => t.flags), ...saldoFlags(saldo)],
    saldokontroll: saldo,
    ...(justering ? { agaJustering: justering } : {}),
    aarsAga,
  };
}
