/**
 * What a step of the pane may use of the pane around it: the state the steps share, the one
 * running action, the status line, going to a cell or to another step, and telling the pane what
 * changed. `App` implements it and hands it to every step; a step never sees the App itself (nor
 * the other steps), so the steps depend on this file and `app.ts` on them, not both ways.
 */
import { ImportedTerminer } from "../core/import/aggregate";
import { Oppsett, VirksomhetGrunnlag } from "../core/spk/types";
import { SheetReconciliation } from "../core/usecase/spk";
import { LonnSettings } from "../core/workpaper/settings";
import { RunReport, Snapshots } from "../excel/run";
import { BilagResult } from "./plans";
import { TrekkImportRun } from "../core/usecase/trekk-import";
import { TrekkRun } from "../core/usecase/trekk";
import { TrekkWritten } from "./trekk-plans";
import { TrekkForm, TrekkSource } from "./view/trekk-view";
import { Message, Place } from "./view/messages";

export type StepId = "oppsett" | "importer" | "avstem" | "bilag" | "aars" | "trekk-importer" | "trekk-avstem" | "trekk-bilag";

export interface Step {
  readonly element: HTMLElement;
  /** Called when the step is shown or the workbook state changed. */
  show(): void;
}

/** What the steps share: the workbook as last read, and what one step hands on to the next. */
export interface StepState {
  sheetNames: readonly string[];
  settings?: LonnSettings;
  /** The reconciliation sheet in use (exists in the workbook). */
  sheet?: string;
  reconciliation?: SheetReconciliation;
  /** Why the sheet could not be read (each with its cell, when it names one). */
  readProblems?: readonly Message[];
  import?: { readonly data: ImportedTerminer; readonly readWith: Oppsett; readonly others: Readonly<Record<string, string>>; readonly sources: string };
  bilag?: { readonly result: BilagResult; readonly fingerprint: string; readonly virksomheter?: readonly VirksomhetGrunnlag[] };
  lastFill?: RunReport;
  /** The «Trekk og AGA» flow's own state. */
  trekk: TrekkState;
}

/** What the trekk steps hand on: the import, the last write of it, the run with the accepted corrections. */
export interface TrekkState {
  imported?: {
    readonly result: TrekkImportRun;
    /** The oppsett as the --oppsett file has it, and where each export was read from: what `_lonn` keeps. */
    readonly settings: Readonly<Record<string, string>>;
    readonly form: TrekkForm;
    /** The sheets or ranges each export was read from (not pasted text, not a file). */
    readonly ranges: Readonly<Partial<Record<TrekkSource, string>>>;
  };
  written?: TrekkWritten;
  /** The Bilag step's run: the import's with the corrections the user accepted, and the `_lonn` keys with them. */
  bilag?: { readonly run: TrekkRun; readonly settings: Readonly<Record<string, string>> };
}

export interface StepContext {
  readonly state: StepState;
  /** An action is running (a second one is not started). */
  readonly isBusy: boolean;
  /**
   * Runs one action: never two at once, its buttons disabled meanwhile, progress in the status
   * line, a failure as a Norwegian message (also in `problemBox`). False when it did not run to the end.
   */
  run(button: HTMLButtonElement | null, progress: string, phase: "read" | "write", work: () => Promise<void>, problemBox?: HTMLElement): Promise<boolean>;
  /** The live status line. */
  message(text: string): void;
  /** Shows a cell in Excel; a function value, handed to message lists as their link. */
  readonly goTo: (place: Place) => void;
  showStep(id: StepId): void;
  /** The step is done (the step list marks it). */
  done(id: StepId): void;
  /** The reconciliation sheet as just read (`sheet` undefined: there is none yet). */
  setReconciliation(sheet: string | undefined, snapshots: Snapshots): void;
  /** Sheets a write created, for the lists of sheets. */
  addSheets(...names: string[]): void;
}
