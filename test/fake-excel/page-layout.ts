/**
 * `Worksheet.pageLayout` (ExcelApi 1.9): of what Office.js offers, exactly what the add-in sets —
 * `orientation`, `paperSize`, `zoom` (set as a whole object, as documented), `setPrintTitleRows`
 * and `headersFooters.defaultForAllPages` with its six sections. Every other member of these
 * objects throws when it is read or written, so code that starts using one must add it here (and
 * check it against the documentation) first. On a host without ExcelApi 1.9 a sync that uses the
 * page layout fails with `ApiNotFound`.
 */
import type { FakeRequestContext } from "./context";
import { FakeOfficeError, invalidArgument } from "./errors";
import type { SheetState } from "./model";
import { FakeObject } from "./proxy";

/** What the zoom can hold (Excel.PageLayoutZoomOptions). */
export interface ZoomState {
  readonly scale?: number;
  readonly horizontalFitToPages?: number;
  readonly verticalFitToPages?: number;
}

export const HEADER_FOOTER_SECTIONS = ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"] as const;
export type HeaderFooterSection = (typeof HEADER_FOOTER_SECTIONS)[number];

/** A sheet's print setup; a new sheet's is Excel's default (Letter, portrait, 100 %, no titles, no header). */
export interface PageLayoutState {
  orientation: "Portrait" | "Landscape";
  paperSize: string;
  zoom: ZoomState;
  /** As given to setPrintTitleRows, normalised to "$1:$11"; undefined when none. */
  printTitleRows?: string;
  /** defaultForAllPages. */
  headersFooters: Record<HeaderFooterSection, string>;
}

export function defaultPageLayout(): PageLayoutState {
  return {
    orientation: "Portrait",
    paperSize: "Letter",
    zoom: { scale: 100 },
    headersFooters: { leftHeader: "", centerHeader: "", rightHeader: "", leftFooter: "", centerFooter: "", rightFooter: "" },
  };
}

/** Excel.PaperType. */
const PAPER_TYPES = [
  "Letter", "LetterSmall", "Tabloid", "Ledger", "Legal", "Statement", "Executive", "A3", "A4", "A4Small", "A5", "B4", "B5",
  "Folio", "Quatro", "Paper10x14", "Paper11x17", "Note", "Envelope9", "Envelope10", "Envelope11", "Envelope12", "Envelope14",
  "Csheet", "Dsheet", "Esheet", "EnvelopeDL", "EnvelopeC5", "EnvelopeC3", "EnvelopeC4", "EnvelopeC6", "EnvelopeC65",
  "EnvelopeB4", "EnvelopeB5", "EnvelopeB6", "EnvelopeItaly", "EnvelopeMonarch", "EnvelopePersonal", "FanfoldUS",
  "FanfoldStdGerman", "FanfoldLegalGerman",
];

/**
 * The object itself, behind a guard: reading or writing a member the class does not define throws,
 * where a plain JavaScript object would give `undefined` or quietly take the write.
 */
function strict<T extends object>(target: T, kind: string): T {
  const refuse = (key: string): never => {
    throw new Error(`${kind}.${key} finnes ikke i den falske verten; den har bare det tillegget bruker (test/fake-excel/README.md)`);
  };
  return new Proxy(target, {
    get: (t, key, receiver) => (typeof key === "symbol" || key in t ? Reflect.get(t, key, receiver) : refuse(key)),
    set: (t, key, value, receiver) => (typeof key === "symbol" || key in t ? Reflect.set(t, key, value, receiver) : refuse(key)),
  });
}

/** The sheet, or ApiNotFound on a host without ExcelApi 1.9 (settled during the sync, as Excel fails it). */
function requiringApi19(context: FakeRequestContext, resolver: () => SheetState | null): () => SheetState | null {
  return () => {
    if (!context.host.isSetSupported("ExcelApi", "1.9")) throw new FakeOfficeError("ApiNotFound", "Worksheet.pageLayout krever ExcelApi 1.9");
    return resolver();
  };
}

function checkZoom(value: unknown): ZoomState {
  const where = "PageLayout.zoom";
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw invalidArgument("zoom må settes som et helt objekt: zoom = { … }", where);
  const z = value as Record<string, unknown>;
  const unknown = Object.keys(z).filter((k) => !["scale", "horizontalFitToPages", "verticalFitToPages"].includes(k));
  if (unknown.length > 0) throw invalidArgument(`Ukjent egenskap ${unknown.join(", ")} i zoom`, where);
  const pages = (v: unknown) => v === undefined || v === null || (Number.isInteger(v) && (v as number) >= 0);
  if (!pages(z.horizontalFitToPages) || !pages(z.verticalFitToPages)) throw invalidArgument("Antall sider må være et helt tall ≥ 0", where);
  const fit = z.horizontalFitToPages != null || z.verticalFitToPages != null;
  if (z.scale != null && (typeof z.scale !== "number" || z.scale < 10 || z.scale > 400)) throw invalidArgument("scale må være 10–400", where);
  if (z.scale != null && fit) throw invalidArgument("Enten scale eller tilpasning til sider, ikke begge", where);
  if (z.scale == null && !fit) throw invalidArgument("zoom uten scale eller sider", where);
  return { ...z } as ZoomState;
}

/** "$1:$11" or "1:11": whole rows, first ≤ last, as setPrintTitleRows wants them. */
function checkTitleRows(rows: unknown): string {
  const where = "PageLayout.setPrintTitleRows";
  if (typeof rows !== "string") throw invalidArgument("Den falske verten tar bare en adresse (tekst) for utskriftstitler", where);
  const m = rows.match(/^\$?(\d+):\$?(\d+)$/);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2]) || Number(m[2]) > 1_048_576) {
    throw invalidArgument(`«${rows}» er ikke hele rader («$1:$11»)`, where);
  }
  return `$${m[1]}:$${m[2]}`;
}

export class FakePageLayout extends FakeObject<SheetState> {
  protected readonly loadable = ["orientation", "paperSize", "zoom"] as const;

  constructor(context: FakeRequestContext, resolver: () => SheetState | null) {
    super(context, "PageLayout", requiringApi19(context, resolver));
    return strict(this, "PageLayout");
  }

  protected read(name: string, s: SheetState): unknown {
    const p = s.pageLayout;
    return name === "zoom" ? { ...p.zoom } : name === "orientation" ? p.orientation : p.paperSize;
  }

  protected override navigation(name: string): FakeObject<unknown> | undefined {
    return name === "headersFooters" ? this.headersFooters : undefined;
  }

  get orientation(): string { return this.get("orientation"); }
  set orientation(v: string) {
    this.set("orientation", v, (s, value) => {
      if (value !== "Portrait" && value !== "Landscape") throw invalidArgument(`Ugyldig retning ${JSON.stringify(value)}`, "PageLayout.orientation");
      s.pageLayout.orientation = value;
      this.context.host.logSheet(s, "pageLayout.orientation", value);
    });
  }

  get paperSize(): string { return this.get("paperSize"); }
  set paperSize(v: string) {
    this.set("paperSize", v, (s, value) => {
      if (!PAPER_TYPES.includes(value)) throw invalidArgument(`Ugyldig papirstørrelse ${JSON.stringify(value)}`, "PageLayout.paperSize");
      s.pageLayout.paperSize = value;
      this.context.host.logSheet(s, "pageLayout.paperSize", value);
    });
  }

  get zoom(): ZoomState { return this.get("zoom"); }
  set zoom(v: ZoomState) {
    this.set("zoom", v, (s, value) => {
      s.pageLayout.zoom = checkZoom(value);
      this.context.host.logSheet(s, "pageLayout.zoom", { ...s.pageLayout.zoom });
    });
  }

  setPrintTitleRows(rows: string): void {
    this.act(`setPrintTitleRows(${JSON.stringify(rows)})`, JSON.stringify(rows).length, (s) => {
      s.pageLayout.printTitleRows = checkTitleRows(rows);
      this.context.host.logSheet(s, "pageLayout.setPrintTitleRows", s.pageLayout.printTitleRows);
    });
  }

  get headersFooters(): FakeHeaderFooterGroup {
    return this.nav("headersFooters", () => new FakeHeaderFooterGroup(this.context, this.derive((s) => s)));
  }
}

export class FakeHeaderFooterGroup extends FakeObject<SheetState> {
  protected readonly loadable = [] as const;

  constructor(context: FakeRequestContext, resolver: () => SheetState | null) {
    super(context, "HeaderFooterGroup", resolver);
    return strict(this, "HeaderFooterGroup");
  }

  protected read(): unknown {
    return undefined;
  }

  protected override navigation(name: string): FakeObject<unknown> | undefined {
    return name === "defaultForAllPages" ? this.defaultForAllPages : undefined;
  }

  /** Used on every page unless first, odd or even pages have their own (the add-in never sets those). */
  get defaultForAllPages(): FakeHeaderFooter {
    return this.nav("defaultForAllPages", () => new FakeHeaderFooter(this.context, this.derive((s) => s)));
  }
}

export class FakeHeaderFooter extends FakeObject<SheetState> {
  protected readonly loadable = HEADER_FOOTER_SECTIONS;
  // The six sections' accessors are defined below, one per name: get after load, set queued.
  declare leftHeader: string;
  declare centerHeader: string;
  declare rightHeader: string;
  declare leftFooter: string;
  declare centerFooter: string;
  declare rightFooter: string;

  constructor(context: FakeRequestContext, resolver: () => SheetState | null) {
    super(context, "HeaderFooter", resolver);
    return strict(this, "HeaderFooter");
  }

  protected read(name: string, s: SheetState): unknown {
    return s.pageLayout.headersFooters[name as HeaderFooterSection];
  }

  section(name: HeaderFooterSection): string {
    return this.get(name);
  }

  setSection(name: HeaderFooterSection, v: string): void {
    this.set(name, v, (s, value) => {
      if (typeof value !== "string") throw invalidArgument(`${name} må være tekst`, `HeaderFooter.${name}`);
      s.pageLayout.headersFooters[name] = value;
      this.context.host.logSheet(s, `headerFooter.${name}`, value);
    });
  }
}

for (const name of HEADER_FOOTER_SECTIONS) {
  Object.defineProperty(FakeHeaderFooter.prototype, name, {
    get(this: FakeHeaderFooter) {
      return this.section(name);
    },
    set(this: FakeHeaderFooter, v: string) {
      this.setSection(name, v);
    },
  });
}
