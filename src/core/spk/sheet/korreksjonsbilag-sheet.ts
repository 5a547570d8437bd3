/** The SPK reconciliation's voucher sheet, `Korreksjonsbilag`: the generic voucher sheet for SPK-… vouchers. */
import { Checked } from "../../problem/problem";
import { SheetSnapshot } from "../../sheet/snapshot";
import { planVoucherSheet, VoucherSheetSpec } from "../../workpaper/voucher-sheet";
import { WritePlan } from "../../workpaper/write-plan";
import { SPK_BILAG_ID } from "../bilag-id";
import { Bilag, Oppsett } from "../types";

export const KORREKSJONSBILAG_SHEET = "Korreksjonsbilag";

export function korreksjonsbilagSheetSpec(oppsett: Oppsett): VoucherSheetSpec {
  return {
    sheet: KORREKSJONSBILAG_SHEET,
    title: `Korreksjonsbilag – SPK-premie ${oppsett.aar} (${oppsett.virksomhet})`,
    note:
      "Laget av Lønnsavstemming fra avstemmingen. Rader med bilag-ID (SPK-…) i kolonne A lages på nytt hver gang; " +
      "egne rader og kolonner til høyre for Status blir stående. Beløp: debet positiv, kredit negativ.",
    idPattern: SPK_BILAG_ID,
    holds: "SPK-korreksjonsbilag",
    bilagsart: oppsett.bilagsart,
    dimensjoner: oppsett.dimensjoner,
    heading: { virksomhet: oppsett.virksomhet, aar: oppsett.aar },
  };
}

/** `held`: the Status of vouchers an export holds back (voucher id → what they wait for). */
export function planKorreksjonsbilagSheet(bilag: readonly Bilag[], oppsett: Oppsett, snapshot?: SheetSnapshot, held: ReadonlyMap<string, string> = new Map()): Checked<WritePlan> {
  return planVoucherSheet(bilag, { ...korreksjonsbilagSheetSpec(oppsett), held }, snapshot);
}
