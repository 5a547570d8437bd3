/**
 * What the browser test serves in place of office.js (https://appsforoffice.microsoft.com/…/office.js
 * is routed here): the strict fake Excel host as `Excel` and `Office` (onReady with host "Excel"),
 * and a `CustomFunctions` stub for the functions bundle that shares the page. It runs before the
 * pane's bundles, as office.js would. The test seeds the workbook through `window.__LONN_SEED__`
 * (set by an init script) and inspects it through `window.__lonnTest`.
 */
import { FakeExcelHost, FakeHostOptions, SeedCell } from "../fake-excel";

export interface Seed {
  readonly sheets: readonly { readonly name: string; readonly grid: readonly (readonly SeedCell[])[] }[];
  readonly selection?: { readonly sheet: string; readonly address: string };
  readonly options?: Partial<FakeHostOptions>;
  /**
   * The page opened in a plain browser: office.js's `Office.onReady` answers with no host and
   * there is no `Excel` (reference/office-addins.md §5), as when someone opens taskpane.html directly.
   */
  readonly outsideOffice?: boolean;
}

export interface Harness {
  readonly host: FakeExcelHost;
  /** Custom function ids the functions bundle associated. */
  readonly associated: string[];
}

const g = globalThis as unknown as { __LONN_SEED__?: Seed; __lonnTest?: Harness; CustomFunctions?: unknown };

const seed: Seed = g.__LONN_SEED__ ?? { sheets: [{ name: "Ark1", grid: [] }] };
const host = new FakeExcelHost(seed.options ?? {});
for (const s of seed.sheets) host.seed(s.name, s.grid);
if (seed.selection) host.seedSelection(seed.selection.sheet, seed.selection.address);
if (seed.outsideOffice) {
  const info = { host: null, platform: null };
  (globalThis as unknown as { Office: unknown }).Office = {
    onReady: (callback?: (i: typeof info) => void) => {
      callback?.(info);
      return Promise.resolve(info);
    },
  };
} else {
  host.install();
}

const associated: string[] = [];
class CustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
g.CustomFunctions = {
  associate: (id: string) => void associated.push(id),
  Error: CustomFunctionsError,
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
};

g.__lonnTest = { host, associated };
