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
import { fingerprint, SignOff, SignOffState, signOffState } from "../workpaper/sign-off";
import { monthsOfTermin } from "../rules/termin";
import { changedAfterSignOffFlag } from "./flags";
import { TrekkAvstemming, TrekkFlag } from "./result";
import { periodText } from "./dates";

/** The `_lonn` key of a month's signed fingerprint. */
export const signOffKey = (sheet: string, periode: string): string => `signering.${sheet}.${periode}`;

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

export interface PeriodSignOff {
  readonly periode: string;
  readonly maaned: number;
  readonly signOff: SignOff;
  readonly state: SignOffState;
  /** The fingerprint of the month's figures now. */
  readonly current: string;
  /** What `_lonn` must hold for the month after this fill ("" removes a stored one). */
  readonly stored: string;
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
  const periods: PeriodSignOff[] = [];
  const flags: TrekkFlag[] = [];
  const settings: Record<string, string> = {};
  for (let m = 1; m <= 12; m++) {
    const periode = periodText(a.scenario.aar, m);
    const key = signOffKey(sheet, periode);
    const signOff = signOffs(m);
    const current = fingerprint(periodFigures(a, m));
    const before = stored(key);
    const signedBefore = before !== undefined && before !== "" ? before : undefined;
    const state = signOffState(signOff, signedBefore, current);
    let keep = signedBefore ?? "";
    if (state === "ikke signert") keep = "";
    else if (signedBefore === undefined) keep = current;
    if (keep !== (before ?? "")) settings[key] = keep;
    if (state === "endret etter signering") flags.push(changedAfterSignOffFlag(periode));
    periods.push({ periode, maaned: m, signOff, state, current, stored: keep });
  }
  return { periods, flags, settings };
}
