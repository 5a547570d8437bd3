/**
 * A strict fake of the Excel JavaScript API subset the add-in uses; see README.md for the surface.
 *
 *   const host = new FakeExcelHost().seed("Ark1", [["T1", 100]]);
 *   const restore = host.install();           // globalThis.Excel / Office
 *   await Excel.run(async (ctx) => { … });     // the add-in's own code
 *   expect(host.syncCount).toBe(2);
 */
export { FakeExcelHost, DEFAULT_OPTIONS } from "./host";
export type { FakeHostOptions, WriteRecord, RunRecord, SeedCell } from "./host";
export type { SyncRecord } from "./context";
export { FakeRequestContext } from "./context";
export { FakeOfficeError } from "./errors";
export type { FakeErrorCode } from "./errors";
export type { CellState, Scalar, Visibility, WorkbookDescription, NameState, ConditionalFormatState } from "./model";
export { formatAddress, parseLocal, quoteSheet, splitSheet, contains } from "./address";
export type { Rect } from "./address";
