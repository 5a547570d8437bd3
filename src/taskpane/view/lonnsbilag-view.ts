/**
 * The «Lønnsbilag» flow as data: what the import read, each pay run's voucher (its lines and
 * balance through bilag-view), its AGA per zone, ekstra AGA, the feriepenger and their AGA per
 * zone, as `lonn lonnsbilag` reports them; the Logg texts and control totals. Every figure is
 * core's (usecase/lonnsbilag); this only picks and formats.
 */
import { kronerText } from "../../core/money/format";
import { AgaPerSone } from "../../core/payroll/lonnsbilag";
import { LonnsbilagRun } from "../../core/usecase/lonnsbilag";
import { bilagView, BilagView } from "./bilag-view";
import { count, dateText, kr, percent } from "./format";

export const LONNSBILAG_ACTIONS = {
  write: "Lønnsbilag skrevet",
  export: "Lønnsbilag eksportert",
} as const;

/** One zone's AGA as the preview lists it. */
export interface ZoneView {
  /** `Sone I`. */
  readonly sone: string;
  readonly grunnlag: string;
  readonly sats: string;
  readonly aga: string;
}

/** One pay run: its voucher, and the figures `lonn lonnsbilag` reports with it. */
export interface PayRunView {
  readonly bilag: BilagView;
  /** `11 lønnsmottakere`. */
  readonly mottakere: string;
  readonly agaPerSone: readonly ZoneView[];
  /** Empty when the run has none. */
  readonly ekstraAga: string;
  readonly sumAga: string;
  /** Empty when the journal has no feriepengegrunnlag. */
  readonly feriepenger: string;
  readonly agaFeriepengerPerSone: readonly ZoneView[];
}

const zoneViews = (list: readonly AgaPerSone[]): ZoneView[] =>
  list.map((z) => ({ sone: `Sone ${z.sone}`, grunnlag: kr(z.grunnlag), sats: percent(z.sats), aga: kr(z.aga) }));

export function payRunViews(run: LonnsbilagRun): PayRunView[] {
  const vouchers = bilagView(run.bilag, run.inputs.journal.dimensjoner ?? []);
  return run.lonnsbilag.map((l, i) => ({
    bilag: vouchers[i],
    mottakere: count(l.nettolonn.length, "lønnsmottaker", "lønnsmottakere"),
    agaPerSone: zoneViews(l.agaPerSone),
    ekstraAga: l.ekstraAga !== 0 ? kr(l.ekstraAga) : "",
    sumAga: kr(l.sumAga),
    feriepenger: l.feriepenger !== 0 ? kr(l.feriepenger) : "",
    agaFeriepengerPerSone: zoneViews(l.agaFeriepengerPerSone),
  }));
}

/** What the import read: the journal (and oppsett), the readers' notes, the vouchers it gives. */
export function lonnsbilagReadLines(run: LonnsbilagRun): string[] {
  const j = run.inputs.journal;
  const vouchers = payRunViews(run).map((v) => v.bilag);
  const balanced = vouchers.every((v) => v.balanced);
  return [
    `Lest fra ${run.inputs.source}${j.virksomhet ? ` (${j.virksomhet})` : ""}.`,
    ...run.inputs.notes,
    `${count(vouchers.length, "lønnsbilag", "lønnsbilag")}, ett per utbetalingsdato: ${run.bilag.map((b) => `${b.id} (${dateText(b.dato)})`).join(", ")}; ${balanced ? "alle i balanse" : "IKKE alle i balanse"}.`,
  ];
}

/** Whose vouchers and which year, for the Logg sheet's print header. */
export function lonnsbilagOwner(run: LonnsbilagRun): { readonly virksomhet: string; readonly aar: number } {
  return { virksomhet: run.inputs.journal.virksomhet ?? "", aar: Number(run.bilag[0]?.dato.slice(0, 4) ?? 0) };
}

/** The Logg row's control totals (plain spaces, as a cell holds them): each voucher with its AGA and feriepenger, as core computed them. */
export function lonnsbilagTotals(run: LonnsbilagRun): string {
  const who = run.inputs.journal.virksomhet ? `${run.inputs.journal.virksomhet}: ` : "";
  const each = run.lonnsbilag.map((l) => `${l.bilag.id} ${count(l.bilag.linjer.length, "linje", "linjer")}, AGA ${kronerText(l.sumAga)}${l.feriepenger !== 0 ? `, feriepenger ${kronerText(l.feriepenger)}` : ""}`);
  return `${who}${count(run.bilag.length, "lønnsbilag", "lønnsbilag")} fra ${run.inputs.source} (${each.join("; ")})`;
}
