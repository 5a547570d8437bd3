/**
 * The Importer step as data: where each export is (a sheet, a range, or pasted text), the SAP wage
 * types, how that is stored in `_lonn` (`import.sap`, `import.unit4`, `import.spk`, JSON), and
 * the parsed totals per termin as the preview shows them. Every figure is core's.
 */
import { ImportedTerminer, TerminPreview } from "../../core/import/aggregate";
import { SAMPLE_SAP_LONNSARTER, SapLonnsarter } from "../../core/import/sap";
import { ReadSummary } from "../../core/import/types";
import { Ore } from "../../core/money/ore";
import { count, kr } from "./format";
import { parseCodes } from "./input";

export type Source = "sap" | "unit4" | "spk";
export const SOURCES: readonly Source[] = ["sap", "unit4", "spk"];

export const SOURCE_NAMES: Readonly<Record<Source, string>> = {
  sap: "SAP lønnsartrapport",
  unit4: "Unit4 saldo-/transaksjonsliste",
  spk: "SPK-faktura",
};

/** The sheet names the pane suggests when a workbook has them (case does not matter). */
export const SUGGESTED_SHEETS: Readonly<Record<Source, readonly string[]>> = {
  sap: ["SAP", "SAP lønnsarter", "Lønnsarter"],
  unit4: ["Unit4", "Unit4 saldo", "Saldo"],
  spk: ["SPK", "SPK faktura", "Faktura"],
};

export interface SourceForm {
  /** `SAP`, `'SAP eksport'!A1:F80`; empty when not used. */
  readonly range: string;
  /** Text pasted instead of a range (CSV or tab-separated from Excel); wins over `omrade`. */
  readonly pastedText: string;
}

export interface ImportForm {
  readonly sources: Readonly<Record<Source, SourceForm>>;
  /** Comma-separated wage types for B and C. */
  readonly lonnsarterB: string;
  readonly lonnsarterC: string;
  /** Rows that are exact copies of another row count (default: refused, for a row there twice by mistake would count twice). */
  readonly acceptCopies: boolean;
}

interface Saved {
  readonly range?: string;
  readonly lonnsarter?: SapLonnsarter;
}

function parse(text: string | undefined): Saved {
  if (!text) return {};
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v !== "object" || v === null) return {};
    const o = v as Record<string, unknown>;
    const l = o.lonnsarter as Record<string, unknown> | undefined;
    const list = (x: unknown): string[] | undefined => (Array.isArray(x) && x.every((k) => typeof k === "string") ? (x as string[]) : undefined);
    const ag = list(l?.arbeidsgiverandel);
    const mi = list(l?.medlemsinnskudd);
    return {
      ...(typeof o.omrade === "string" ? { range: o.omrade } : {}),
      ...(ag && mi ? { lonnsarter: { arbeidsgiverandel: ag, medlemsinnskudd: mi } } : {}),
    };
  } catch {
    return {};
  }
}

/**
 * The form as stored in `_lonn` (keys `import.*`), else the workbook's sheets that look like the
 * exports (`SAP`, `Unit4`, `SPK`), else empty. Wage types default to empty: the reader then uses
 * the sample's and says so, rather than the pane pretending to know a customer's SAP.
 */
/** The `_lonn` key of the form's «Godta like rader». */
const COPIES_KEY = "import.likeRader";

export function importFormFrom(others: Readonly<Record<string, string>>, sheetNames: readonly string[]): ImportForm {
  const stored = Object.fromEntries(SOURCES.map((k) => [k, parse(others[`import.${k}`])])) as Record<Source, Saved>;
  const find = (k: Source): string => {
    const saved = stored[k].range;
    if (saved) return saved;
    for (const name of SUGGESTED_SHEETS[k]) {
      const hit = sheetNames.find((a) => a.toLowerCase() === name.toLowerCase());
      if (hit) return hit;
    }
    return "";
  };
  const lonnsarter = stored.sap.lonnsarter;
  return {
    sources: Object.fromEntries(SOURCES.map((k) => [k, { range: find(k), pastedText: "" }])) as Record<Source, SourceForm>,
    lonnsarterB: lonnsarter ? lonnsarter.arbeidsgiverandel.join(", ") : "",
    lonnsarterC: lonnsarter ? lonnsarter.medlemsinnskudd.join(", ") : "",
    acceptCopies: others[COPIES_KEY] === "godta",
  };
}

/** The wage types of the form, or undefined when both are empty (the reader's sample default). */
export function lonnsarterFrom(s: ImportForm): SapLonnsarter | { readonly problem: string } | undefined {
  const b = parseCodes(s.lonnsarterB);
  const c = parseCodes(s.lonnsarterC);
  if (b.length === 0 && c.length === 0) return undefined;
  if (b.length === 0 || c.length === 0) return { problem: "Fyll inn lønnsartene for både arbeidsgiverandel (B) og medlemsinnskudd (C), eller la begge stå tomme." };
  return { arbeidsgiverandel: b, medlemsinnskudd: c };
}

/** What the fill stores in `_lonn`: the ranges used (not pasted text) and the wage types. */
export function importSettings(s: ImportForm): Record<string, string> {
  const lonnsarter = lonnsarterFrom(s);
  const out: Record<string, string> = {};
  for (const k of SOURCES) {
    const range = s.sources[k].pastedText.trim() === "" ? s.sources[k].range.trim() : "";
    // The `_lonn` format's field names: `omrade`, `lonnsarter`.
    const stored = {
      ...(range ? { omrade: range } : {}),
      ...(k === "sap" && lonnsarter && !("problem" in lonnsarter) ? { lonnsarter } : {}),
    };
    out[`import.${k}`] = Object.keys(stored).length > 0 ? JSON.stringify(stored) : "";
  }
  out[COPIES_KEY] = s.acceptCopies ? "godta" : "";
  return out;
}

export const SAMPLE_LONNSARTER_TEXT = `${SAMPLE_SAP_LONNSARTER.arbeidsgiverandel.join(", ")} / ${SAMPLE_SAP_LONNSARTER.medlemsinnskudd.join(", ")}`;

/** One line of the preview: DFØ's column letter, what it is, the amount as text. */
export interface PreviewLine {
  readonly column: string;
  readonly name: string;
  readonly value: string;
}

export interface TerminCard {
  readonly termin: number;
  /** `T1 (jan–feb)`. */
  readonly title: string;
  readonly lines: readonly PreviewLine[];
  /** `SAP 7 linjer, Unit4 6, SPK 4`. */
  readonly rows: string;
}

const PREVIEW_FIELDS: readonly (readonly [keyof TerminPreview, string])[] = [
  ["B", "SAP arbeidsgiverandel"],
  ["C", "SAP medlemsinnskudd"],
  ["D", "Unit4 pensjonsutgift"],
  ["E", "Unit4 avsetning arbeidsgiverandel"],
  ["F", "Unit4 medlemsinnskudd"],
  ["K", "Fakturanummer"],
  ["L", "Faktura arbeidsgiverandel"],
  ["M", "Faktura rest (2820)"],
  ["N", "Faktura medlemsinnskudd"],
];

/** The preview, one card per termin; a field the exports have no lines for is left out. */
export function terminCards(imported: ImportedTerminer): TerminCard[] {
  return imported.preview.map((p) => ({
    termin: p.termin,
    title: `${p.label} (${p.maaneder})`,
    lines: PREVIEW_FIELDS.flatMap(([key, name]) => {
      const v = p[key];
      if (v === undefined) return [];
      return [{ column: String(key), name, value: typeof v === "number" ? kr(v as Ore) : String(v) }];
    }),
    rows: `SAP ${count(p.rader.sap, "linje", "linjer")}, Unit4 ${p.rader.unit4}, SPK ${p.rader.spk}`,
  }));
}

/** `SAP: 37 av 50 rader brukt (overskrift i rad 4); utelatt: andre lønnsarter (1000): 12, summeringslinjer: 1.` */
export function summary(s: ReadSummary): string {
  const ignored = s.ignored.map((i) => `${i.reason}: ${i.count}`).join(", ");
  return `${s.sheet}: ${s.usedRows} av ${count(s.dataRows, "rad", "rader")} brukt (overskrift i rad ${s.headerRow})${ignored ? `; utelatt: ${ignored}` : ""}.`;
}
