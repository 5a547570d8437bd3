/**
 * What the SPK reconciliation keeps in `_lonn`: besides the header, orgnr, bilagsart, firma, each
 * dimension's split, and the virksomhet list of the A-melding split (so every later run, on any
 * machine, regenerates the split from the current vouchers).
 */
import { kroner } from "../../money/ore";
import { Checked, isProblems, Problems, problems } from "../../problem/problem";
import { DimensjonsInnstilling, LonnSettings, SETTINGS_SCHEMA_VERSION, SETTINGS_SHEET } from "../../workpaper/settings";
import { parseVirksomheter } from "../scenario";
import { Oppsett, VirksomhetGrunnlag } from "../types";

/** The `_lonn` key of the A-melding split's virksomhet list (JSON, grunnlag in kroner). */
export const VIRKSOMHETER_KEY = "amelding.virksomheter";

/** The list as `_lonn` stores it. */
export const virksomheterSetting = (list: readonly VirksomhetGrunnlag[]): Record<string, string> => ({
  [VIRKSOMHETER_KEY]: JSON.stringify(list.map((v) => ({ virksomhetsnummer: v.virksomhetsnummer, ...(v.navn ? { navn: v.navn } : {}), sone: v.sone, grunnlag: kroner(v.grunnlag) }))),
});

/** The stored virksomhet list, undefined when there is none; a list edited into nonsense is refused. */
export function storedVirksomheter(settings: LonnSettings | undefined): Checked<VirksomhetGrunnlag[] | undefined> {
  const text = settings?.andre[VIRKSOMHETER_KEY];
  if (text === undefined || text.trim() === "") return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return problems(`Nøkkelen ${VIRKSOMHETER_KEY} er ikke gyldig JSON; lagre virksomhetslisten på nytt (A-melding i tillegget, eller --virksomheter).`, { sheet: SETTINGS_SHEET });
  }
  const list = parseVirksomheter(json, VIRKSOMHETER_KEY);
  return isProblems(list) ? new Problems(list.list.map((p) => ({ ...p, sheet: SETTINGS_SHEET }))) : list;
}

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

