import { Avstemming, Budsjettering, Flag } from "../types";
import { BALANCE_COLUMNS, balanceRows } from "./layout";
import { SheetMap } from "./locate";

/**
 * The cell where the user acts on a flag: an unexplained difference is fixed by writing the
 * explanation in J; a material one is looked into from Q; a broken posting rule shows in O or P;
 * a termin changed after sign-off is signed again in V; a year-end balance shows in the balance
 * block's difference (our layout only). Undefined when the sheet has no such cell.
 */
export function flagCell(flag: Flag, map: SheetMap, a: Avstemming, balanceKind: Budsjettering = a.oppsett.budsjettering): string | undefined {
  if (flag.kind === "saldo") {
    if (!map.ours || flag.konto === undefined) return undefined;
    const row = balanceRows(balanceKind).find((b) => a.oppsett.kontoer[b.key] === flag.konto)?.row;
    return row === undefined ? undefined : `${BALANCE_COLUMNS.differanse}${row}`;
  }
  if (flag.termin === null) return undefined;
  const row = map.terminRows.get(flag.termin);
  if (row === undefined) return undefined;
  const col = { uforklart: "J", vesentlig: "Q", endretEtterSignering: "V", posteringsregel: flag.kolonner[0] ?? "O" }[flag.kind];
  return `${col}${row}`;
}
