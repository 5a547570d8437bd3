/**
 * RF-1022's use cases (trekk-og-aga.md §5), as both shells run them: the `lonn rf1022` command
 * now, the pane later. A shell reads the ledger (SAF-T or a ledger CSV, only the groups' accounts)
 * and the year's a-meldinger with core's readers, and snapshots of the workbook; these make the
 * kontrolloppstilling and plan its sheet.
 *
 *   ledger + a-meldinger → A + B − C = D per group → against the a-meldinger → sign-off → the `RF-1022` sheet
 */
import { AmeldingImport } from "../import/amelding";
import { Ore } from "../money/ore";
import { Checked, isProblems } from "../problem/problem";
import { rf1022Amelding } from "../rf1022/amelding";
import { buildRf1022, NS4102_RF1022_GRUPPER, Rf1022, Rf1022Gruppe, Rf1022Input, rf1022Kontoer } from "../rf1022/rf1022";
import { planRf1022Sheet, reviewRf1022SignOff, RF1022_SHEET, Rf1022Layout, Rf1022SignOff } from "../rf1022/sheet";
import { HovedbokKonto } from "../trekk/types";
import { readSettings, SETTINGS_SHEET } from "../workpaper/settings";
import { WritePlan } from "../workpaper/write-plan";
import type { Snapshots } from "./trekk";

export interface Rf1022Inputs {
  /** The files it came from, for messages. */
  readonly source: string;
  readonly input: Rf1022Input;
  /** Things the readers want the user to know that do not stop the run. */
  readonly notes: readonly string[];
}

export interface Rf1022Run {
  readonly inputs: Rf1022Inputs;
  readonly rf1022: Rf1022;
}

/** The accounts a reader must fetch for the groups; all of them optional (a chart has only some). */
export const rf1022Accounts = (grupper: readonly Rf1022Gruppe[] = NS4102_RF1022_GRUPPER): string[] => rf1022Kontoer(grupper);

/** What the readers gave, as the kontrolloppstilling's input. */
export function rf1022InputsOf(read: {
  readonly source: string;
  readonly aar: number;
  readonly hovedbok: readonly HovedbokKonto[];
  readonly amelding: AmeldingImport;
  readonly virksomhet?: string;
  readonly orgnr?: string;
  readonly grupper?: readonly Rf1022Gruppe[];
  readonly toleranse?: Ore;
  readonly notes?: readonly string[];
}): Rf1022Inputs {
  const { amelding, notes } = rf1022Amelding(read.amelding, read.aar);
  return {
    source: read.source,
    input: {
      aar: read.aar,
      grupper: read.grupper ?? NS4102_RF1022_GRUPPER,
      hovedbok: read.hovedbok,
      amelding,
      ...(read.virksomhet !== undefined ? { virksomhet: read.virksomhet } : {}),
      ...(read.orgnr !== undefined ? { orgnr: read.orgnr } : {}),
      ...(read.toleranse !== undefined ? { toleranse: read.toleranse } : {}),
    },
    notes: [...(read.notes ?? []), ...read.amelding.notes, ...notes],
  };
}

export function runRf1022(inputs: Rf1022Inputs): Checked<Rf1022Run> {
  const rf1022 = buildRf1022(inputs.input);
  return isProblems(rf1022) ? rf1022 : { inputs, rf1022 };
}

export const rf1022SheetsToRead = (): string[] => [RF1022_SHEET, SETTINGS_SHEET];

export interface Rf1022WorkbookPlan {
  readonly plan: WritePlan;
  readonly layout: Rf1022Layout;
  readonly signOff: Rf1022SignOff;
}

/** The `RF-1022` sheet (new, or ours written again with the user's explanations and signature kept) and its `_lonn` key. */
export function planRf1022Workbook(run: Rf1022Run, snapshots: Snapshots): Checked<Rf1022WorkbookPlan> {
  const settingsSheet = snapshots(SETTINGS_SHEET);
  const settings = settingsSheet ? readSettings(settingsSheet) : undefined;
  if (settings && isProblems(settings)) return settings;
  const existing = snapshots(RF1022_SHEET);
  const signOff = reviewRf1022SignOff(run.rf1022, existing, settings);
  const planned = planRf1022Sheet(run.rf1022, existing, settingsSheet, settings, signOff);
  return isProblems(planned) ? planned : { ...planned, signOff };
}
