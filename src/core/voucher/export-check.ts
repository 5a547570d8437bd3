/** What every voucher export checks and needs besides the vouchers. */
import { SUB_ORE } from "../money/ore";
import { Checked, Problem, Problems } from "../problem/problem";
import { balanceProblem } from "./balance";
import { Bilag, Dimensjon } from "./types";

export interface ExportSettings {
  /** Unit4 company code (firmakode): GL07 `client`. */
  readonly firma: string;
  /** Unit4 voucher type (bilagsart): GL07 `voucher_type`. */
  readonly bilagsart: string;
  /** GL07 `batch_id`; default `LONN-` + the first voucher's period. */
  readonly batchId?: string;
  /** GL07 `interface`; default "BI" (DFØ's Unit4 setup, spk-dfo.md §4.2). */
  readonly grensesnitt?: string;
  /** The workbook's dimensions: those marked `pakrevd` must have a value on every cost line. */
  readonly dimensjoner?: readonly Dimensjon[];
  /** Voucher number of the first voucher (GL07 `voucher_no`); the next get +1. Default 1. */
  readonly forsteBilagsnummer?: number;
}

/**
 * A cost line: a result account (kontoklasse 3–8, both in NS 4102 and the state's chart of
 * accounts). Unit4 account rules ask for koststed and the like on those; balance-sheet lines
 * (classes 1–2: 2820, 2961, 2630, 1986, 2771, …) normally carry none.
 */
export function isCostAccount(konto: string): boolean {
  return /^[3-8]/.test(konto.trim());
}

/**
 * Checks the vouchers before anything is written: each sums to exactly 0, and each cost line has
 * a value for every required dimension. Every problem is named by voucher and line; nothing is
 * exported.
 */
export function checkForExport(bilag: readonly Bilag[], settings: ExportSettings): Checked<true> {
  const required = (settings.dimensjoner ?? []).filter((d) => d.pakrevd);
  const problems: Problem[] = [];
  const add = (message: string) => problems.push({ message });
  const ids = new Set<string>();
  for (const b of bilag) {
    if (ids.has(b.id)) add(`Bilag ${b.id} står to ganger.`);
    ids.add(b.id);
    const balance = balanceProblem(b);
    if (balance) problems.push(balance);
    for (const l of b.linjer) {
      if (!l.konto.trim()) add(`Bilag ${b.id}, linje ${l.linje}: kontoen mangler.`);
      // The type says whole øre; a voucher built by hand (or read from a file) is checked anyway.
      if (!Number.isSafeInteger(l.belop)) add(`Bilag ${b.id}, linje ${l.linje}: beløpet (${String(l.belop / 100).replace(".", ",")}) ${SUB_ORE}`);
      if (!isCostAccount(l.konto)) continue;
      for (const d of required) {
        if (!(l.dimensjoner[d.nummer] ?? "").trim()) {
          add(`Bilag ${b.id}, linje ${l.linje} (konto ${l.konto}): mangler ${d.navn || "dimensjon"} (dim_${d.nummer}), som er påkrevd.`);
        }
      }
    }
  }
  if (!settings.firma.trim()) add("Firmakoden (Unit4 client) mangler i oppsettet.");
  if (!settings.bilagsart.trim()) add("Bilagsarten mangler i oppsettet.");
  const first = settings.forsteBilagsnummer ?? 1;
  if (!Number.isSafeInteger(first) || first < 0) add(`Første bilagsnummer må være et helt tall ≥ 0 (fikk ${first}).`);
  return problems.length > 0 ? new Problems(problems.map((p) => ({ ...p, message: `Eksporten er stoppet: ${p.message}` }))) : true;
}

/** The batch id: as configured, else from the first voucher's period. */
export function batchIdFor(bilag: readonly Bilag[], settings: ExportSettings): string {
  return settings.batchId?.trim() || `LONN-${bilag[0]?.periode ?? ""}`;
}
