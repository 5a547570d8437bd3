import { Result, valueError } from "../errors";
import { balanseFeil } from "../spk/bilag-balanse";
import { tilOre } from "../spk/bilag-format";
import { Bilag, Dimensjon, Oppsett } from "../spk/types";

/** What every voucher export needs besides the vouchers. */
export interface EksportOppsett {
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

/** The export settings of a reconciliation workbook. */
export function eksportOppsett(oppsett: Oppsett): EksportOppsett {
  return { firma: oppsett.firma, bilagsart: oppsett.bilagsart, batchId: `SPK-${oppsett.aar}`, dimensjoner: oppsett.dimensjoner };
}

/**
 * A cost line: a result account (kontoklasse 3–8, both in NS 4102 and the state's chart of
 * accounts). Unit4 account rules ask for koststed and the like on those; balance-sheet lines
 * (classes 1–2: 2820, 2961, 2630, 1986, 2771, …) normally carry none.
 */
export function erKostnadslinje(konto: string): boolean {
  return /^[3-8]/.test(konto.trim());
}

/**
 * Checks the vouchers before anything is written: each sums to exactly 0 (whole øre), and each
 * cost line has a value for every required dimension. The first problem is named by voucher and
 * line; nothing is exported.
 */
export function kontrollerForEksport(bilag: readonly Bilag[], oppsett: EksportOppsett): Result<true> {
  const required = (oppsett.dimensjoner ?? []).filter((d) => d.pakrevd);
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const b of bilag) {
    if (ids.has(b.id)) problems.push(`Bilag ${b.id} står to ganger.`);
    ids.add(b.id);
    const balance = balanseFeil(b);
    if (balance) problems.push(balance.message);
    for (const l of b.linjer) {
      if (!l.konto.trim()) problems.push(`Bilag ${b.id}, linje ${l.linje}: kontoen mangler.`);
      if (!erKostnadslinje(l.konto)) continue;
      for (const d of required) {
        if (!(l.dimensjoner[d.nummer] ?? "").trim()) {
          problems.push(`Bilag ${b.id}, linje ${l.linje} (konto ${l.konto}): mangler ${d.navn || "dimensjon"} (dim_${d.nummer}), som er påkrevd.`);
        }
      }
    }
  }
  if (!oppsett.firma.trim()) problems.push("Firmakoden (Unit4 client) mangler i oppsettet.");
  if (!oppsett.bilagsart.trim()) problems.push("Bilagsarten mangler i oppsettet.");
  const first = oppsett.forsteBilagsnummer ?? 1;
  if (!Number.isSafeInteger(first) || first < 0) problems.push(`Første bilagsnummer må være et helt tall ≥ 0 (fikk ${first}).`);
  return problems.length > 0 ? valueError(`Eksporten er stoppet: ${problems.join(" ")}`) : true;
}

/** The batch id: as configured, else from the first voucher's period. */
export function batchIdFor(bilag: readonly Bilag[], oppsett: EksportOppsett): string {
  return oppsett.batchId?.trim() || `LONN-${bilag[0]?.periode ?? ""}`;
}

/** Integer øre of a line (the control has proved it is whole øre). */
export const linjeOre = tilOre;
