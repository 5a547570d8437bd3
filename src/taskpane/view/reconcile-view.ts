/**
 * The Avstem step as data: per termin the difference to post (R) and its AGA (T), the sums, and
 * every flag with the cell to fix. Figures and messages are core's (`avstem`).
 */
import { Avstemming, Flag, FlagKind } from "../../core/spk/types";
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

export const FLAG_TYPES: Readonly<Record<FlagKind, string>> = {
  uforklart: "Uforklart differanse",
  vesentlig: "Vesentlig differanse",
  posteringsregel: "Brudd på posteringsregelen",
  saldo: "Saldo ved årsslutt",
};

/**
 * The cell to go to: where the user acts. An unexplained difference is fixed by writing the
 * explanation in J; a material one is looked into from Q; a broken posting rule shows in O or P.
 */
export function flagPlace(flag: Flag, map: SheetMap): Place | undefined {
  if (flag.termin === null) return undefined;
  const row = map.terminRows.get(flag.termin);
  if (row === undefined) return undefined;
  const col = flag.kind === "uforklart" ? "J" : flag.kind === "vesentlig" ? "Q" : flag.kolonner[0] ?? "Q";
  return { sheet: map.sheet, address: `${col}${row}` };
}

export function reconcileView(a: Avstemming, map: SheetMap): ReconcileView {
  const flags = a.flags.map((f) => {
    const place = flagPlace(f, map);
    return { type: FLAG_TYPES[f.kind], kind: f.kind, message: f.melding, ...(place ? { place, button: `Gå til ${place.address}` } : {}) };
  });
  const count = (k: FlagKind) => a.flags.filter((f) => f.kind === k).length;
  const parts = (["uforklart", "vesentlig", "posteringsregel"] as const).filter((k) => count(k) > 0).map((k) => `${count(k)} ${k === "posteringsregel" ? "brudd på posteringsregelen" : k}`);
  return {
    rows: a.terminer.map((t) => ({ termin: `T${t.termin}`, R: kr(t.R), T: kr(t.T), flags: t.flags.length })),
    sum: { R: kr(a.sum.R), T: kr(a.sum.T) },
    aarsAga: kr(a.aarsAga ?? a.sum.T),
    flags: flags,
    summary: flags.length === 0 ? "Ingen flagg: alle differanser er forklart eller innenfor toleransen." : `${flags.length} flagg: ${parts.join(", ")}.`,
  };
}
