/**
 * The Avstem step as data: per termin the difference to post (R) and its AGA (T), the sums, and
 * every flag with the cell to fix. Figures and messages are core's (`avstem`).
 */
import { Avstemming, FlagKind } from "../../core/spk/types";
import { FLAG_LABELS } from "../../core/spk/flags";
import { flagCell } from "../../core/spk/sheet/flag-cell";
import { SheetMap } from "../../core/spk/sheet/locate";
import { kr } from "./format";
import { Place } from "./messages";

export interface TerminRow {
  readonly termin: string;
  readonly R: string;
  readonly T: string;
  readonly flags: number;
}

export interface FlagView {
  readonly type: string;
  readonly kind: FlagKind;
  readonly message: string;
  readonly place?: Place;
  /** `Gå til J13`. */
  readonly button?: string;
}

export interface ReconcileView {
  readonly rows: readonly TerminRow[];
  readonly sum: { readonly R: string; readonly T: string };
  /** The AGA the year's vouchers post (ΣT terminvis, ROUND(ΣR × S; 2) årsslutt). */
  readonly aarsAga: string;
  readonly flags: readonly FlagView[];
  /** `2 flagg: 1 uforklart, 1 vesentlig` or `Ingen flagg`. */
  readonly summary: string;
}


const SUMMARY_WORDS: Readonly<Record<FlagKind, string>> = {
  uforklart: "uforklart",
  vesentlig: "vesentlig",
  posteringsregel: "brudd på posteringsregelen",
  saldo: "saldo ved årsslutt",
  endretEtterSignering: "endret etter signering",
};

export function reconcileView(a: Avstemming, map: SheetMap): ReconcileView {
  const flags = a.flags.map((f) => {
    const address = flagCell(f, map, a);
    const place = address ? { sheet: map.sheet, address } : undefined;
    return { type: FLAG_LABELS[f.kind], kind: f.kind, message: f.melding, ...(place ? { place, button: `Gå til ${place.address}` } : {}) };
  });
  const count = (k: FlagKind) => a.flags.filter((f) => f.kind === k).length;
  const parts = (Object.keys(SUMMARY_WORDS) as FlagKind[]).filter((k) => count(k) > 0).map((k) => `${count(k)} ${SUMMARY_WORDS[k]}`);
  return {
    rows: a.terminer.map((t) => ({
      termin: `T${t.termin}`,
      R: t.avstemt ? kr(t.R) : NOT_RECONCILED,
      T: t.avstemt ? kr(t.T) : NOT_RECONCILED,
      flags: t.flags.length,
    })),
    sum: { R: kr(a.sum.R), T: kr(a.sum.T) },
    aarsAga: kr(a.aarsAga ?? a.sum.T),
    flags,
    summary: flags.length === 0 ? "Ingen flagg: alle differanser er forklart eller innenfor toleransen." : `${flags.length} flagg: ${parts.join(", ")}.`,
  };
}

/** What R and T show for a termin without SAP or the invoice. */
export const NOT_RECONCILED = "ikke avstemt";
