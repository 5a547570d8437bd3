/**
 * The Avstem step as data: per termin the difference to post (R) and its AGA (T), the sums, and
 * every flag with the cell to fix. Figures and messages are core's (`avstem`).
 */
import { Avstemming, Flag, FlagKind } from "../../core/spk/types";
import { SheetMap } from "../../core/spk/sheet/locate";
import { kr } from "./format";
import { Sted } from "./steder";

export interface TerminRad {
  readonly termin: string;
  readonly R: string;
  readonly T: string;
  readonly flagg: number;
}

export interface FlaggVisning {
  readonly type: string;
  readonly kind: FlagKind;
  readonly melding: string;
  readonly sted?: Sted;
  /** `Gå til J13`. */
  readonly knapp?: string;
}

export interface AvstemVisning {
  readonly rader: readonly TerminRad[];
  readonly sum: { readonly R: string; readonly T: string };
  /** The AGA the year's vouchers post (ΣT terminvis, ROUND(ΣR × S; 2) årsslutt). */
  readonly aarsAga: string;
  readonly flagg: readonly FlaggVisning[];
  /** `2 flagg: 1 uforklart, 1 vesentlig` or `Ingen flagg`. */
  readonly oppsummering: string;
}

export const FLAGG_TYPE: Readonly<Record<FlagKind, string>> = {
  uforklart: "Uforklart differanse",
  vesentlig: "Vesentlig differanse",
  posteringsregel: "Brudd på posteringsregelen",
};

/**
 * The cell to go to: where the user acts. An unexplained difference is fixed by writing the
 * explanation in J; a material one is looked into from Q; a broken posting rule shows in O or P.
 */
export function flaggSted(flag: Flag, map: SheetMap): Sted | undefined {
  if (flag.termin === null) return undefined;
  const row = map.terminRows.get(flag.termin);
  if (row === undefined) return undefined;
  const col = flag.kind === "uforklart" ? "J" : flag.kind === "vesentlig" ? "Q" : flag.kolonner[0] ?? "Q";
  return { ark: map.sheet, adresse: `${col}${row}` };
}

export function avstemVisning(a: Avstemming, map: SheetMap): AvstemVisning {
  const flagg = a.flags.map((f) => {
    const sted = flaggSted(f, map);
    return { type: FLAGG_TYPE[f.kind], kind: f.kind, melding: f.melding, ...(sted ? { sted, knapp: `Gå til ${sted.adresse}` } : {}) };
  });
  const count = (k: FlagKind) => a.flags.filter((f) => f.kind === k).length;
  const deler = (["uforklart", "vesentlig", "posteringsregel"] as const).filter((k) => count(k) > 0).map((k) => `${count(k)} ${k === "posteringsregel" ? "brudd på posteringsregelen" : k}`);
  return {
    rader: a.terminer.map((t) => ({ termin: `T${t.termin}`, R: kr(t.R), T: kr(t.T), flagg: t.flags.length })),
    sum: { R: kr(a.sum.R), T: kr(a.sum.T) },
    aarsAga: kr(a.aarsAga ?? a.sum.T),
    flagg,
    oppsummering: flagg.length === 0 ? "Ingen flagg: alle differanser er forklart eller innenfor toleransen." : `${flagg.length} flagg: ${deler.join(", ")}.`,
  };
}
