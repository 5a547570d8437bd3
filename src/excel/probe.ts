/**
 * What must be known about the workbook before a plan is applied: which sheets exist (adding one
 * that exists fails the batch) and which names exist (adding one that exists fails too). Loaded
 * through the collections, so it can ride along in the same sync as a read that happens before
 * the plan is known (see run.ts), instead of one `getItemOrNullObject` per sheet and name.
 */

export interface SheetFact {
  /** The name as the workbook spells it (Excel compares names case-insensitively). */
  readonly name: string;
  readonly visibility: string;
}

export interface NameFact {
  readonly name: string;
  /** "='A10 SPK brutto'!$C$3" */
  readonly formula: string;
}

export interface WorkbookFacts {
  /** By lower-case name. */
  readonly sheets: ReadonlyMap<string, SheetFact>;
  /** Workbook-scoped names, by lower-case name. */
  readonly names: ReadonlyMap<string, NameFact>;
}

/** Queues the loads; the returned function reads them after the next `context.sync()`. */
export function queueProbe(context: Excel.RequestContext): () => WorkbookFacts {
  const sheets = context.workbook.worksheets.load("items/name,items/visibility");
  const names = context.workbook.names.load("items/name,items/formula");
  return () => ({
    sheets: new Map(sheets.items.map((s) => [s.name.toLowerCase(), { name: s.name, visibility: String(s.visibility) }])),
    names: new Map(names.items.map((n) => [n.name.toLowerCase(), { name: n.name, formula: String(n.formula) }])),
  });
}

export async function probeWorkbook(context: Excel.RequestContext): Promise<WorkbookFacts> {
  const read = queueProbe(context);
  await context.sync();
  return read();
}
