/**
 * Checks over the rows of an export, so that an accountant never gets a doubled or a missing
 * amount without a word (issue 13, item 8):
 *
 * - DuplicateRows: a row that is an exact copy of an earlier row (every cell the same) would be
 *   summed twice. A copy is a mistake far more often than two real lines that agree in every
 *   column (wage type, period, employee, voucher, text and amount), so it is refused, naming both
 *   rows, unless the user has said that such rows are real (`duplicates: "count"`); then both
 *   are counted and the notes say which.
 * - SubtotalCheck: a total line of the export (`Sum 1. termin`, `Delsum 2810`, `Totalt`) is left
 *   out of the sums, but its figures must be what the lines above it add up to, from the start or
 *   from any earlier total line (so nested subtotals and a grand total all check); one that is
 *   not says that lines are missing or doubled, and is refused at its cell.
 */
import { isRuleError } from "../errors";
import { kronerText } from "../money/format";
import { asWholeOre, Ore, ORE_ZERO, plusOre } from "../money/ore";
import { parseAmount, plainOre } from "../money/parse";
import { displayText, isBlank } from "../sheet/cell";
import { Grid } from "../sheet/snapshot";
import { Problem } from "../problem/problem";
import { errorAt, sheetRow } from "./grid";
import { Table } from "./table";

/** What to do with a row that repeats an earlier one: refuse it (the default), or count both and say so. */
export type DuplicatePolicy = "refuse" | "count";

/** The message's advice on a refused copy; the CLI adds how to accept copies (`--godta-like-rader`). */
export const DUPLICATE_ROW = "er helt lik rad";

/** A cell as the text it compares by. */
const cellText = (v: unknown): string => (typeof v === "string" ? v.trim() : displayText(v));

/** How many cells of the row count: the empty cells at its end do not (a ragged CSV row and a padded sheet row are the same row). */
function cellCount(row: readonly unknown[]): number {
  let n = row.length;
  while (n > 0 && cellText(row[n - 1]) === "") n--;
  return n;
}

/** A 32-bit FNV-1a hash of the row's cells, so a million rows need a million numbers, not a million keys. */
function hashOf(row: readonly unknown[], n: number): number {
  let h = 0x811c9dc5;
  for (let j = 0; j < n; j++) {
    const cell = cellText(row[j]);
    for (let i = 0; i < cell.length; i++) h = Math.imul(h ^ cell.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x1f, 0x01000193);
  }
  return h >>> 0;
}

function sameCells(a: readonly unknown[], b: readonly unknown[]): boolean {
  const n = cellCount(a);
  if (cellCount(b) !== n) return false;
  for (let j = 0; j < n; j++) if (cellText(a[j]) !== cellText(b[j])) return false;
  return true;
}

export class DuplicateRows<K extends string> {
  /** An open-addressing table of the rows counted: each slot a row's hash and its grid row + 1 (0: empty). */
  private hashes = new Uint32Array(1024);
  private slots = new Int32Array(1024);
  private size = 0;
  private readonly counted: { row: number; first: number }[] = [];

  constructor(
    private readonly t: Table<K>,
    private readonly values: Grid,
    private readonly policy: DuplicatePolicy = "refuse",
  ) {}

  /** The first row counted before with the same cells, or undefined (and row `i` is remembered). */
  private firstCopy(i: number): number | undefined {
    const row = this.values[i] ?? [];
    const h = hashOf(row, cellCount(row));
    const mask = this.slots.length - 1;
    let k = h & mask;
    for (; this.slots[k] !== 0; k = (k + 1) & mask) {
      const r = this.slots[k] - 1;
      if (this.hashes[k] === h && sameCells(this.values[r] ?? [], row)) return r;
    }
    this.hashes[k] = h;
    this.slots[k] = i + 1;
    if (++this.size * 2 > this.slots.length) this.grow();
    return undefined;
  }

  private grow(): void {
    const { hashes, slots } = this;
    this.hashes = new Uint32Array(slots.length * 2);
    this.slots = new Int32Array(slots.length * 2);
    const mask = this.slots.length - 1;
    for (let j = 0; j < slots.length; j++) {
      if (slots[j] === 0) continue;
      let k = hashes[j] & mask;
      while (this.slots[k] !== 0) k = (k + 1) & mask;
      this.hashes[k] = hashes[j];
      this.slots[k] = slots[j];
    }
  }

  /**
   * Whether grid row `i`, about to be counted, may be: false (with a problem naming both rows)
   * when it repeats a row counted before and copies are refused.
   */
  check(i: number, errors: Problem[]): boolean {
    const first = this.firstCopy(i);
    if (first === undefined) return true;
    const at = { first: sheetRow(this.t.place, first), row: sheetRow(this.t.place, i) };
    if (this.policy === "count") {
      this.counted.push(at);
      return true;
    }
    errors.push(
      errorAt(
        this.t.place,
        i,
        undefined,
        `Raden ${DUPLICATE_ROW} ${at.first} (hver celle er den samme), så beløpet ville blitt talt med to ganger. ` +
          "Fjern raden hvis den står der to ganger ved en feil; er begge riktige, må like rader godtas når eksporten leses inn.",
      ),
    );
    return false;
  }

  /** What the notes say about copies counted because the user accepted them. */
  notes(): string[] {
    const n = this.counted.length;
    if (n === 0) return [];
    const pairs = this.counted.slice(0, 5).map((c) => `rad ${c.row} = rad ${c.first}`);
    const more = n > 5 ? ` og ${n - 5} til` : "";
    return [`${n === 1 ? "1 rad er helt lik" : `${n} rader er helt like`} en rad over (${pairs.join(", ")}${more}); like rader er godtatt, så begge er talt med.`];
  }
}

/** Where a run of lines may start: the sums before it, and the position in `t.rows` of its first line. */
interface RunStart {
  readonly sums: readonly Ore[];
  readonly at: number;
}

/** At most this many places a run may start from (a hostile file with a million total lines must not make the check quadratic). */
const MAX_STARTS = 100;

export class SubtotalCheck<K extends string> {
  private readonly totals = new Set<number>();
  private readonly openings = new Set<number>();

  constructor(
    private readonly t: Table<K>,
    /** The amount columns a total line sums (those the export has). */
    private readonly keys: readonly K[],
    /** A column whose blank cell on a line is the sum of other columns of that line (SPK's «Totalt»). */
    private readonly blankIsSumOf: Partial<Record<K, readonly K[]>> = {},
  ) {}

  /** Grid row `i` is a total line (the reader leaves it out of its sums). */
  total(i: number): void {
    this.totals.add(i);
  }

  /** Grid row `i` is a line after which a total may start (an opening balance, which a «Sum bevegelse» leaves out). */
  opening(i: number): void {
    this.openings.add(i);
  }

  /** A line's figures as whole øre; undefined when one is not. */
  private line(i: number, keys: readonly K[]): Ore[] | undefined {
    const out: Ore[] = [];
    for (const k of keys) {
      const parts = this.blankIsSumOf[k];
      const cell = this.t.cell(i, k);
      const v = parts && isBlank(cell) ? sumOf(parts.map((p) => oreOf(this.t.cell(i, p)))) : oreOf(cell);
      if (v === undefined || v === null) return undefined;
      out.push(v);
    }
    return out;
  }

  /**
   * Every total line checked against the lines above it; a problem at the cell of each figure that
   * is the sum of no run of lines ending at the total and starting after an earlier total line (or
   * at the top). A line whose amount is not an amount breaks the runs across it: those are not
   * checked (the line is refused by the reader, or is a line it does not read).
   */
  verify(errors: Problem[]): void {
    const t = this.t;
    if (this.totals.size === 0 || this.totals.size === t.rows.length) return;
    const keys = this.keys.filter((k) => t.header.columns[k] !== undefined);
    if (keys.length === 0) return;
    const zero = (): Ore[] => keys.map(() => ORE_ZERO);
    let running = zero();
    let starts: RunStart[] = [{ sums: zero(), at: 0 }];
    t.rows.forEach((i, p) => {
      if (!this.totals.has(i)) {
        const line = this.line(i, keys);
        if (line === undefined) {
          starts = [];
          running = zero();
        } else running = running.map((s, k) => plusOre(s, line[k]));
        if (this.openings.has(i) && line !== undefined) starts.push({ sums: running, at: p + 1 });
        return;
      }
      const stated = keys.map((k) => oreOf(t.cell(i, k), true));
      if (starts.length > 0 && starts[0].at < p && stated.every((v) => v !== undefined) && stated.some((v) => v !== null)) {
        const fits = (s: RunStart) => keys.every((_, k) => stated[k] === null || running[k] - s.sums[k] === stated[k]);
        if (!starts.some(fits)) this.report(p, keys, stated, running, starts, errors);
      }
      starts.push({ sums: running, at: p + 1 });
      if (starts.length > MAX_STARTS) starts.splice(1, starts.length - MAX_STARTS);
    });
  }

  private report(p: number, keys: readonly K[], stated: readonly (Ore | null | undefined)[], running: readonly Ore[], starts: readonly RunStart[], errors: Problem[]): void {
    const t = this.t;
    const i = t.rows[p];
    const last = starts[starts.length - 1];
    const first = starts[0];
    keys.forEach((k, n) => {
      const s = stated[n];
      if (s === null || s === undefined) return;
      const sinceLast = running[n] - last.sums[n];
      const all = running[n] - first.sums[n];
      if (s === sinceLast || s === all) return;
      const above = sheetRow(t.place, t.rows[p - 1]);
      const run =
        last.at === p
          ? `ingen linjer står mellom den og rad ${above}`
          : `radene ${sheetRow(t.place, t.rows[last.at])}–${above} summerer seg til ${kronerText(sinceLast as Ore)}`;
      const whole = last === first ? "" : `, og alle radene fra ${sheetRow(t.place, t.rows[first.at])} til ${kronerText(all as Ore)}`;
      errors.push(
        errorAt(
          t.place,
          i,
          t.header.columns[k],
          `Summeringslinjen sier ${kronerText(s)} i kolonnen «${t.header.titles[k]}», men ${run}${whole}. Mangler det linjer i eksporten, eller står en linje to ganger?`,
          { column: t.header.titles[k], value: t.cell(i, k) },
        ),
      );
    });
  }
}

/** The sum of whole-øre figures (blank = 0); undefined when one is not an amount. */
function sumOf(parts: readonly (Ore | null | undefined)[]): Ore | undefined {
  let sum = ORE_ZERO;
  for (const v of parts) {
    if (v === undefined || v === null) return undefined;
    sum = plusOre(sum, v);
  }
  return sum;
}

/** A cell as whole øre (empty = 0, or null with `emptyIsNull`); undefined when it is not an amount in whole øre. */
function oreOf(value: unknown, emptyIsNull = false): Ore | null | undefined {
  const plain = typeof value === "string" ? plainOre(value) : undefined;
  if (plain !== undefined) return plain as Ore;
  const parsed = parseAmount(value);
  if (isRuleError(parsed)) return undefined;
  if (parsed === null) return emptyIsNull ? null : (0 as Ore);
  return asWholeOre(parsed);
}
