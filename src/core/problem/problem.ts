/**
 * A problem with an input, and where it is, as data.
 *
 * Every reader, model check, plan check and shell reports what is wrong as a list of Problems, not
 * as text: the task pane turns a problem's sheet and cell into a link to the cell, the CLI prints
 * one line per problem, `--json` gives them as objects, and nothing has to read a place back out
 * of a sentence. All problems are reported at once: an accountant fixing a file wants the whole
 * list. (The custom functions keep their own, smaller error value: `RuleError` in ../errors.ts,
 * one Excel error per cell.)
 */
import { RuleError } from "../errors";
import { quoteSheet } from "../sheet/reference";
import { cutEchoes } from "../text";
import { moreProblems, rejectedHeading } from "./messages";

/** Where a problem is. Every part is optional: the more is known, the sooner the user finds it. */
export interface Place {
  /** The input file, when it is not a sheet of the workbook (`sap.csv`, `scenario.json`). */
  readonly file?: string;
  /** The sheet, or the name an export goes by in messages ("SAP", "A10 SPK brutto"). */
  readonly sheet?: string;
  /** A1 address on the sheet ("C14"). */
  readonly cell?: string;
  /** 1-based row on the sheet, or line of a text file. */
  readonly row?: number;
  /** The column's header as it stands in the export. */
  readonly column?: string;
  /** A JSON path in a scenario or settings file (`terminer[2].sapArbeidsgiverandel`). */
  readonly path?: string;
  /** An XML element (`Leveranse/oppgave/virksomhet[2]/arbeidsgiveravgift`). */
  readonly element?: string;
}

export interface Problem extends Place {
  /**
   * Norwegian, what is wrong and what to do. Without the place, except for a JSON path, which the
   * message continues (`terminer[2].aar` + `er ikke et tall.`).
   */
  readonly message: string;
  /** The offending content as text, when there is one. */
  readonly value?: string;
}

const placeKeys: readonly (keyof Place)[] = ["file", "sheet", "cell", "row", "column", "path", "element"];

/** A problem with its place filled in from `place` where it has none of its own. */
export function placed(problem: Problem, place: Place | undefined): Problem {
  if (!place) return problem;
  const out: Record<string, unknown> = { ...problem };
  for (const key of placeKeys) if (out[key] === undefined && place[key] !== undefined) out[key] = place[key];
  return out as unknown as Problem;
}

/** Where a problem is, as a reader says it: `SAP!C14`, `'Unit4 saldo', rad 3`, `SAP`, `sap.csv`. */
export function placeText(p: Place): string {
  const parts: string[] = [];
  const inFile = p.file !== undefined && p.file !== p.sheet;
  if (inFile) parts.push(p.file as string);
  if (p.sheet !== undefined) {
    if (p.cell !== undefined) parts.push(`${quoteSheet(p.sheet)}!${p.cell}`);
    else if (p.row !== undefined) parts.push(`${p.sheet}, rad ${p.row}`);
    else parts.push(p.sheet);
  } else if (p.row !== undefined) {
    parts.push(`rad ${p.row}`);
  }
  if (p.element !== undefined) parts.push(p.element);
  return parts.join(": ");
}

/** One line: `SAP!C14: «12,3,4» er ikke et beløp.`, `scenario.json: terminer[2].aar er ikke et tall.` */
export function formatProblem(p: Problem): string {
  const where = placeText(p);
  const what = cutEchoes(p.path !== undefined ? `${p.path} ${p.message}` : p.message);
  return where ? `${where}: ${what}` : what;
}

/**
 * The problems of one input or action, as a value a function returns instead of its result (and a
 * shell may throw). `message` is the problems one per line, for callers that only show text. A
 * rejected file carries a `heading` (`Importen ble avvist (3 feil); ingenting er skrevet:`), and its
 * lines are then sorted by place and cut after a hundred, as a report.
 */
export class Problems extends Error {
  constructor(
    readonly list: readonly Problem[],
    readonly heading?: string,
  ) {
    super((heading ? problemReport(heading, list) : list.map(formatProblem)).join("\n"));
    this.name = "Problems";
  }

  /** One line per problem (after the heading, when there is one). */
  get lines(): string[] {
    return this.message.split("\n");
  }
}

/** A rejected input: its problems under `Importen ble avvist (n feil); ingenting er skrevet:`. */
export const rejected = (subject: string, list: readonly Problem[]): Problems => new Problems(list, rejectedHeading(subject, list.length));

/** A result, or every problem that stopped it. */
export type Checked<T> = T | Problems;

export function isProblems(value: unknown): value is Problems {
  return value instanceof Problems;
}

/** Problems from a plain message, optionally with a place. */
export const problems = (message: string, place?: Place): Problems => new Problems([{ ...place, message }]);

/** A rule error (one Excel error) as a problem at `place`. */
export const fromRuleError = (error: RuleError, place?: Place): Problem => ({ ...place, message: error.message });

/** Collects problems while validating; `result` gives the value only when there were none. */
export class ProblemList {
  private readonly list: Problem[] = [];

  /** A problem, or a message with an optional place. */
  add(problem: Problem | string, place?: Place): void {
    this.list.push(typeof problem === "string" ? { ...place, message: problem } : placed(problem, place));
  }

  /** Every problem of a failed step, with `place` filled in where they have none (a RuleError is one problem). */
  addAll(error: Problems | RuleError | readonly Problem[], place?: Place): void {
    const list = error instanceof Problems ? error.list : error instanceof RuleError ? [fromRuleError(error)] : error;
    for (const p of list) this.list.push(placed(p, place));
  }

  get count(): number {
    return this.list.length;
  }

  get all(): readonly Problem[] {
    return this.list;
  }

  /** The problems so far, or undefined when there are none. */
  error(): Problems | undefined {
    return this.list.length > 0 ? new Problems([...this.list]) : undefined;
  }

  result<T>(value: () => T): Checked<T> {
    return this.list.length > 0 ? new Problems([...this.list]) : value();
  }
}

function compareProblems(order: ReadonlyMap<string, number>) {
  const columnOf = (cell: string | undefined) => (cell ?? "").replace(/\d+$/, "");
  return (a: Problem, b: Problem): number =>
    (order.get(a.file ?? a.sheet ?? "") ?? 0) - (order.get(b.file ?? b.sheet ?? "") ?? 0) ||
    (a.row ?? 0) - (b.row ?? 0) ||
    columnOf(a.cell).length - columnOf(b.cell).length ||
    columnOf(a.cell).localeCompare(columnOf(b.cell));
}

/**
 * The problems as the CLI prints them and the pane lists them: in file/sheet order (as they first
 * appear), then top to bottom and left to right, cut after `max` lines with a count of the rest.
 * Sorting never reorders the problems of one row and column among themselves.
 */
export function sortedProblems(list: readonly Problem[]): Problem[] {
  const order = new Map<string, number>();
  for (const p of list) {
    const key = p.file ?? p.sheet ?? "";
    if (!order.has(key)) order.set(key, order.size);
  }
  return [...list].sort(compareProblems(order));
}

/** `heading`, then one line per problem in sheet and row order, cut after `max` with a count of the rest. */
export function problemReport(heading: string, list: readonly Problem[], max = 100): string[] {
  if (list.length === 0) return [];
  const shown = sortedProblems(list).slice(0, Math.max(0, max)).map(formatProblem);
  const rest = list.length - shown.length;
  return rest > 0 ? [heading, ...shown, moreProblems(rest)] : [heading, ...shown];
}

/** A rejected input's problem list: `Importen ble avvist (2 feil); ingenting er skrevet:` and the problems. */
export function rejectedReport(subject: string, list: readonly Problem[], max = 100): string[] {
  return problemReport(rejectedHeading(subject, list.length), list, max);
}
