/**
 * Exports that remember. A workbook lives for a year: termin 1 is exported and booked in March,
 * termin 2 in May, an invoice is corrected in June. Each export is recorded in the workbook, line by
 * line, so a later export holds only what is new: a voucher never exported before, or, for one
 * exported before whose lines changed, a correction of exactly the difference. An unchanged run
 * exports nothing. The record travels in the workbook, so a colleague on another machine continues
 * where the last export stopped.
 *
 * What counts is the net of what was exported per voucher, account and dimensions: corrections
 * add to it, so the net always equals what Unit4 was given. A copy exported with "alle" is recorded
 * as a copy and never counts (booking it would book the vouchers twice, and it says so).
 */
import { minusOre, negateOre, ORE_ZERO, Ore, plusOre } from "../money/ore";
import { Bilag, Bilagslinje } from "./types";
import { append } from "../list";

export type ExportKind = "bilag" | "korreksjon" | "kopi";

/** One exported voucher line as the record keeps it. */
export interface ExportedLine {
  /** The model's voucher, e.g. `SPK-2024-T1`. */
  readonly bilagId: string;
  /** 1 for the first export of the voucher, 2, 3 … for its corrections; copies repeat the last. */
  readonly sekvens: number;
  readonly type: ExportKind;
  /** The id the export file carries (GL07 ext_ref, CSV ext_ref): `SPK-2024-T1` or `SPK-2024-T1-K2`. */
  readonly eksportId: string;
  readonly linje: number;
  readonly konto: string;
  readonly dimensjoner: Readonly<Record<number, string>>;
  readonly belop: Ore;
  readonly tekst: string;
  /** ISO date and time of the export (local wall clock, from the shell). */
  readonly eksportert: string;
  /** The file(s) it went to. */
  readonly fil: string;
  readonly batchId: string;
  /** GL07 voucher_no of its voucher in that file. */
  readonly bilagsnummer: number;
  /** What the user wrote in the record's "Bokført" column (a date, «ja»), or undefined. */
  readonly bokfort?: string;
}

/** What an export holds, and what it adds to the record. */
export interface ExportPlan {
  /** The vouchers to write to the file: new vouchers under their own id, corrections under `…-K<n>`. */
  readonly vouchers: readonly Bilag[];
  /** GL07 voucher_no for each of `vouchers`, in order. */
  readonly bilagsnumre: readonly number[];
  readonly batchId: string;
  /** Lines to append to the record, in file order. */
  readonly record: readonly ExportedLine[];
  /** Vouchers exported before and unchanged since. */
  readonly unchanged: readonly string[];
  /** Vouchers corrected in this export, with the sequence number of the correction. */
  readonly corrected: readonly { readonly bilagId: string; readonly sekvens: number }[];
  /** True when everything was exported again as a copy (`--alle`). */
  readonly copy: boolean;
}

export interface ExportMeta {
  /** ISO date and time of this export. */
  readonly eksportert: string;
  readonly fil: string;
  /** Prefix of the batch id, e.g. `SPK-2024`: the export's number is appended (`SPK-2024-E3`). */
  readonly batchPrefix: string;
  /**
   * The posting date and period of a correction: the period it is booked in now, not the closed
   * period of the voucher it corrects. Default: the corrected voucher's own date.
   */
  readonly correctionDate?: { readonly dato: string; readonly periode: string };
}

const dimsKey = (d: Readonly<Record<number, string>>): string =>
  Object.keys(d)
    .map(Number)
    .sort((a, b) => a - b)
    .filter((n) => (d[n] ?? "") !== "")
    .map((n) => `${n}=${d[n]}`)
    .join("|");

const lineKey = (konto: string, d: Readonly<Record<number, string>>): string => `${konto}\u0000${dimsKey(d)}`;

interface Net {
  readonly konto: string;
  readonly dimensjoner: Readonly<Record<number, string>>;
  belop: Ore;
  tekst: string;
}

/** The net exported per account and dimensions, for each voucher (copies do not count). */
export function exportedNet(record: readonly ExportedLine[]): Map<string, Map<string, Net>> {
  const out = new Map<string, Map<string, Net>>();
  for (const l of record) {
    if (l.type === "kopi") continue;
    const byKey = out.get(l.bilagId) ?? new Map<string, Net>();
    const key = lineKey(l.konto, l.dimensjoner);
    const net = byKey.get(key) ?? { konto: l.konto, dimensjoner: l.dimensjoner, belop: ORE_ZERO, tekst: l.tekst };
    net.belop = plusOre(net.belop, l.belop);
    byKey.set(key, net);
    out.set(l.bilagId, byKey);
  }
  return out;
}

/** The highest sequence number recorded per voucher (copies included: they reuse the last). */
function lastSequence(record: readonly ExportedLine[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of record) out.set(l.bilagId, Math.max(out.get(l.bilagId) ?? 0, l.sekvens));
  return out;
}

/** The number of this export: one more than the exports recorded (their distinct batch ids). */
const exportNumber = (record: readonly ExportedLine[]): number => new Set(record.map((l) => l.batchId)).size + 1;

const nextVoucherNo = (record: readonly ExportedLine[]): number => record.reduce((m, l) => Math.max(m, l.bilagsnummer), 0) + 1;

/** The lines of `current` minus the net exported; zero lines left out. */
function difference(current: Bilag | undefined, net: Map<string, Net> | undefined): { konto: string; dimensjoner: Readonly<Record<number, string>>; belop: Ore; tekst: string }[] {
  const sums = new Map<string, Net>();
  for (const l of current?.linjer ?? []) {
    const key = lineKey(l.konto, l.dimensjoner);
    const s = sums.get(key) ?? { konto: l.konto, dimensjoner: l.dimensjoner, belop: ORE_ZERO, tekst: l.tekst };
    s.belop = plusOre(s.belop, l.belop);
    sums.set(key, s);
  }
  const keys = new Set([...sums.keys(), ...(net?.keys() ?? [])]);
  const out: { konto: string; dimensjoner: Readonly<Record<number, string>>; belop: Ore; tekst: string }[] = [];
  for (const key of keys) {
    const now = sums.get(key);
    const before = net?.get(key);
    const d = minusOre(now?.belop ?? ORE_ZERO, before?.belop ?? ORE_ZERO);
    if (d === 0) continue;
    const base = now ?? (before as Net);
    out.push({ konto: base.konto, dimensjoner: base.dimensjoner, belop: d, tekst: base.tekst });
  }
  return out;
}

/**
 * The start of every line text of a copy: booking it would book the vouchers twice. A plain
 * hyphen, not a dash: GL07 is Latin-1, which has no «–», and would refuse every line of a copy.
 */
export const COPY_MARK = "KOPI - ikke bokfør: ";

const correctionId = (bilagId: string, sekvens: number): string => `${bilagId}-K${sekvens}`;

function recordLines(b: Bilag, meta: ExportMeta, bilagId: string, sekvens: number, type: ExportKind, batchId: string, bilagsnummer: number): ExportedLine[] {
  return b.linjer.map((l) => ({
    bilagId,
    sekvens,
    type,
    eksportId: b.id,
    linje: l.linje,
    konto: l.konto,
    dimensjoner: l.dimensjoner,
    belop: l.belop,
    tekst: l.tekst,
    eksportert: meta.eksportert,
    fil: meta.fil,
    batchId,
    bilagsnummer,
  }));
}

/**
 * What to export now. By default only what is new: vouchers never exported, and for vouchers
 * exported before whose lines differ now (or that no longer exist), a correction of the
 * difference (balanced, since both are). `all` exports every current voucher again as a copy.
 */
export function planExport(current: readonly Bilag[], record: readonly ExportedLine[], meta: ExportMeta, all = false): ExportPlan {
  const batchId = `${meta.batchPrefix}-E${exportNumber(record)}`;
  let voucherNo = nextVoucherNo(record);
  const vouchers: Bilag[] = [];
  const numbers: number[] = [];
  const added: ExportedLine[] = [];
  const unchanged: string[] = [];
  const corrected: { bilagId: string; sekvens: number }[] = [];
  const sequence = lastSequence(record);

  if (all) {
    // A copy says so in the file itself: its batch and every line's text.
    const copyBatch = `${batchId}-KOPI`;
    for (const original of current) {
      const b: Bilag = { ...original, linjer: original.linjer.map((l) => ({ ...l, tekst: `${COPY_MARK}${l.tekst}` })) };
      vouchers.push(b);
      numbers.push(voucherNo);
      append(added, recordLines(b, meta, b.id, Math.max(1, sequence.get(b.id) ?? 1), "kopi", copyBatch, voucherNo));
      voucherNo++;
    }
    return { vouchers, bilagsnumre: numbers, batchId: copyBatch, record: added, unchanged, corrected, copy: true };
  }

  const net = exportedNet(record);
  const ids = [...current.map((b) => b.id), ...[...net.keys()].filter((id) => !current.some((b) => b.id === id))];
  for (const id of ids) {
    const now = current.find((b) => b.id === id);
    const before = net.get(id);
    if (!before) {
      if (!now) continue;
      vouchers.push(now);
      numbers.push(voucherNo);
      append(added, recordLines(now, meta, id, 1, "bilag", batchId, voucherNo));
      voucherNo++;
      continue;
    }
    const diff = difference(now, before);
    if (diff.length === 0) {
      unchanged.push(id);
      continue;
    }
    const sekvens = (sequence.get(id) ?? 1) + 1;
    const date = meta.correctionDate ?? (now ? { dato: now.dato, periode: now.periode } : { dato: meta.eksportert.slice(0, 10), periode: meta.eksportert.slice(0, 7).replace("-", "") });
    const linjer: Bilagslinje[] = diff.map((d, i) => ({
      termin: now?.termin ?? null,
      linje: i + 1,
      konto: d.konto,
      belop: d.belop,
      tekst: `Korreksjon ${sekvens - 1} av ${id}: ${d.tekst}`,
      dimensjoner: d.dimensjoner,
    }));
    const correction: Bilag = {
      id: correctionId(id, sekvens),
      termin: now?.termin ?? null,
      tekst: now ? `Korreksjon av ${id}: differansen mot det som er eksportert før` : `Tilbakeføring av ${id}: bilaget finnes ikke lenger`,
      ...date,
      linjer,
    };
    vouchers.push(correction);
    numbers.push(voucherNo);
    append(added, recordLines(correction, meta, id, sekvens, "korreksjon", batchId, voucherNo));
    corrected.push({ bilagId: id, sekvens });
    voucherNo++;
  }
  return { vouchers, bilagsnumre: numbers, batchId, record: added, unchanged, corrected, copy: false };
}

/** Net exported for a voucher sums to 0 (every exported voucher balanced); a record where it does not was edited. */
export function unbalancedInRecord(record: readonly ExportedLine[]): string[] {
  const sums = new Map<string, Ore>();
  for (const l of record) {
    if (l.type === "kopi") continue;
    sums.set(l.bilagId, plusOre(sums.get(l.bilagId) ?? ORE_ZERO, l.belop));
  }
  return [...sums].filter(([, s]) => s !== 0).map(([id]) => id);
}

/** A voucher's lines reversed (every amount negated), for a shell that must undo a line set. */
export const reversed = (b: Bilag): Bilag => ({ ...b, linjer: b.linjer.map((l) => ({ ...l, belop: negateOre(l.belop) })) });
