/** Stable voucher ids of the SPK reconciliation: `SPK-2024-T1` … `SPK-2024-T6`, `SPK-2024-AAR`, `SPK-2024-AGAJUST`. */
export function bilagId(aar: number, termin: number | null | "agajustering"): string {
  if (termin === "agajustering") return `SPK-${aar}-AGAJUST`;
  return termin === null ? `SPK-${aar}-AAR` : `SPK-${aar}-T${termin}`;
}

/** Recognises the ids `bilagId` makes (for regenerating the voucher sheet). */
export const SPK_BILAG_ID = /^SPK-\d{4}-(T[1-6]|AAR|AGAJUST)$/;
