/**
 * Sign-off per month of the trekk workpaper (core/workpaper/sign-off.ts): a month counts as signed
 * when its signatur and dato cells are filled in. The first fill that finds it signed stores the
 * fingerprint of the month's figures in `_lonn` under `signering.<sheet>.<periode>`; a later fill
 * whose figures give another fingerprint shows «endret etter signering» and flags it. A month
 * whose signature or date is removed loses its stored fingerprint, so it can be signed again.
 *
 * The fingerprint covers what the month shows: every account's roll-forward row, the forskuddstrekk
 * and AGA rows it belongs to (its pay dates, its termin), its AGA basis and its counterparty rows.
 */
import { ReviewedPeriod, reviewPeriods, SignOff, signOffKey } from "../workpaper/sign-off";
import { monthsOfTermin } from "../rules/termin";
import { changedAfterSignOffFlag } from "./flags";
import { TrekkAvstemming, TrekkFlag } from "./result";
import { periodText } from "./dates";


/** What the month shows, as the fingerprint's input. */
export function periodFigures(a: TrekkAvstemming, month: number): unknown {
  const periode = periodText(a.scenario.aar, month);
  const inTermin = (t: number, aar: number) => aar === a.scenario.aar && monthsOfTermin(t).includes(month);
  return {
    periode,
    kontroller: a.kontroller.filter((k) => k.maaned === month),
    forskuddstrekk: a.forskuddstrekk.filter((r) =>
      r.utbetalingsdato !== null ? r.utbetalingsdato.slice(0, 7) === periode : r.termin !== null && inTermin(r.termin, r.aar),
    ),
    aga: a.aga.filter((r) => inTermin(r.termin, r.aar)),
    agaGrunnlag: a.agaGrunnlag.filter((g) => g.maaned === month),
    mottakere: a.mottakere.filter((m) => m.maaned === month),
  };
}

export interface PeriodSignOff extends ReviewedPeriod {
  readonly maaned: number;
}

export interface SignOffReview {
  readonly periods: readonly PeriodSignOff[];
  readonly flags: readonly TrekkFlag[];
  /** `_lonn` keys to write: new fingerprints, and "" for months no longer signed. */
  readonly settings: Readonly<Record<string, string>>;
}

/**
 * The months' sign-off as the sheet and `_lonn` hold them now, against the figures of this run.
 * `signOffs(month)` gives the month's cells; `stored(key)` the `_lonn` value of a key.
 */
export function reviewSignOff(
  a: TrekkAvstemming,
  sheet: string,
  signOffs: (month: number) => SignOff,
  stored: (key: string) => string | undefined,
): SignOffReview {
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  const review = reviewPeriods(
    months.map((m) => {
      const periode = periodText(a.scenario.aar, m);
      return { periode, key: signOffKey(sheet, periode), signOff: signOffs(m), figures: periodFigures(a, m) };
    }),
    stored,
  );
  const periods = review.periods.map((p, i) => ({ ...p, maaned: months[i] }));
  const flags = periods.filter((p) => p.state === "endret etter signering").map((p) => changedAfterSignOffFlag(p.periode));
  return { periods, flags, settings: review.settings };
}
