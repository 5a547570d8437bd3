/**
 * Sign-off per termin of the SPK reconciliation (core/workpaper/sign-off.ts): a termin counts as
 * signed when its signatur (V) and dato (W) are filled in. The run that first sees it signed stores
 * the fingerprint of the termin's figures in `_lonn` under `signering.<sheet>.T<n>`; a later run
 * whose figures differ marks the termin «endret etter signering» (sheet, pane, reports) and flags
 * it, until it is signed again with a new date or signature.
 *
 * The fingerprint covers what the termin's reconciliation rests on: the eight amounts and which
 * sources are there, the invoice number and the explanation, and what is posted (R, S, T) — so a
 * changed AGA rate or budsjettering that changes the voucher also withdraws the sign-off.
 */
import { reviewPeriods, ReviewedPeriod, signOffKey } from "../workpaper/sign-off";
import { AMOUNT_COLUMNS } from "./termin-fields";
import { Avstemming, Flag, TerminResult } from "./types";

export const terminPeriode = (termin: number): string => `T${termin}`;

function terminFigures(t: TerminResult): unknown {
  const i = t.input;
  return {
    amounts: AMOUNT_COLUMNS.map((c) => i[c.field]),
    mangler: [...(i.mangler ?? [])].sort(),
    fakturanummer: (i.fakturanummer ?? "").trim(),
    forklaring: (i.forklaring ?? "").trim(),
    R: t.avstemt ? t.R : null,
    S: t.S,
    T: t.avstemt ? t.T : null,
  };
}

export interface TerminSignOff extends ReviewedPeriod {
  readonly termin: number;
}

export interface SpkSignOffReview {
  readonly terminer: readonly TerminSignOff[];
  readonly flags: readonly Flag[];
  /** `_lonn` keys to write with this run. */
  readonly settings: Readonly<Record<string, string>>;
}

export function changedAfterSignOffFlag(termin: number): Flag {
  return {
    kind: "endretEtterSignering",
    termin,
    kolonner: ["U", "V", "W"],
    melding:
      `Termin ${termin}: tallene er endret etter at terminen ble signert. Se over avstemmingen, ` +
      "og signer på nytt med ny dato i W (eller ny signatur i V) når den er godkjent.",
  };
}

/** The termins' sign-off as the sheet (the run's inputs) and `_lonn` (`stored`) hold them now. */
export function reviewSpkSignOff(a: Avstemming, sheet: string, stored: (key: string) => string | undefined): SpkSignOffReview {
  const review = reviewPeriods(
    a.terminer.map((t) => ({
      periode: terminPeriode(t.termin),
      key: signOffKey(sheet, terminPeriode(t.termin)),
      signOff: { status: t.input.status, signatur: t.input.signatur, dato: t.input.dato },
      figures: terminFigures(t),
    })),
    stored,
  );
  const terminer = review.periods.map((p, i) => ({ ...p, termin: a.terminer[i].termin }));
  return {
    terminer,
    flags: terminer.filter((t) => t.state === "endret etter signering").map((t) => changedAfterSignOffFlag(t.termin)),
    settings: review.settings,
  };
}

/** The model with the sign-off flags among its flags (and on their termins). */
export function withSignOffFlags(a: Avstemming, review: SpkSignOffReview): Avstemming {
  if (review.flags.length === 0) return a;
  return {
    ...a,
    terminer: a.terminer.map((t) => {
      const f = review.flags.filter((x) => x.termin === t.termin);
      return f.length > 0 ? { ...t, flags: [...t.flags, ...f] } : t;
    }),
    flags: [...a.flags, ...review.flags],
  };
}
