/** What the SPK reconciliation keeps in `_lonn`: besides the header, orgnr, bilagsart, firma and each dimension's split. */
import { DimensjonsInnstilling, LonnSettings, SETTINGS_SCHEMA_VERSION } from "../../workpaper/settings";
import { Oppsett } from "../types";

/** The settings an Oppsett implies, on top of what is already stored (import configuration stays). */
export function settingsFrom(oppsett: Oppsett, avstemmingsark: string, base?: LonnSettings): LonnSettings {
  const dimensjoner: Record<number, DimensjonsInnstilling> = {};
  for (const d of oppsett.dimensjoner) {
    if (d.fordeling || d.pakrevd !== undefined) {
      dimensjoner[d.nummer] = { ...(d.fordeling ? { fordeling: d.fordeling } : {}), ...(d.pakrevd !== undefined ? { pakrevd: d.pakrevd } : {}) };
    }
  }
  return {
    skjemaversjon: SETTINGS_SCHEMA_VERSION,
    avstemmingsark,
    ...(oppsett.orgnr ? { orgnr: oppsett.orgnr } : {}),
    bilagsart: oppsett.bilagsart,
    firma: oppsett.firma,
    dimensjoner,
    andre: base?.andre ?? {},
  };
}

