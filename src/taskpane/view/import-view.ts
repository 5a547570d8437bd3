/**
 * The Importer step as data: where each export is (a sheet, a range, or pasted text), the SAP wage
 * types, how that is stored in `_lonn` (`import.sap`, `import.unit4`, `import.spk`, JSON), and
 * the parsed totals per termin as the preview shows them. Every figure is core's.
 */
import { ImportedTerminer, TerminPreview } from "../../core/import/aggregate";
import { SAMPLE_SAP_LONNSARTER, SapLonnsarter } from "../../core/import/sap";
import { ReadSummary } from "../../core/import/types";
import { Ore } from "../../core/money/ore";
import { antall, kr } from "./format";
import { lesKoder } from "./input";

export type Kilde = "sap" | "unit4" | "spk";
export const KILDER: readonly Kilde[] = ["sap", "unit4", "spk"];

export const KILDE_NAVN: Readonly<Record<Kilde, string>> = {
  sap: "SAP lønnsartrapport",
  unit4: "Unit4 saldo-/transaksjonsliste",
  spk: "SPK-faktura",
};

/** The sheet names the pane suggests when a workbook has them (case does not matter). */
export const FORESLATTE_ARK: Readonly<Record<Kilde, readonly string[]>> = {
  sap: ["SAP", "SAP lønnsarter", "Lønnsarter"],
  unit4: ["Unit4", "Unit4 saldo", "Saldo"],
  spk: ["SPK", "SPK faktura", "Faktura"],
};

export interface KildeSkjema {
  /** `SAP`, `'SAP eksport'!A1:F80`; empty when not used. */
  readonly omrade: string;
  /** Text pasted instead of a range (CSV or tab-separated from Excel); wins over `omrade`. */
  readonly limtInn: string;
}

export interface ImportSkjema {
  readonly kilder: Readonly<Record<Kilde, KildeSkjema>>;
  /** Comma-separated wage types for B and C. */
  readonly lonnsarterB: string;
  readonly lonnsarterC: string;
}

interface Lagret {
  readonly omrade?: string;
  readonly lonnsarter?: SapLonnsarter;
}

function parse(text: string | undefined): Lagret {
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
      ...(typeof o.omrade === "string" ? { omrade: o.omrade } : {}),
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
export function importSkjemaFra(andre: Readonly<Record<string, string>>, ark: readonly string[]): ImportSkjema {
  const stored = Object.fromEntries(KILDER.map((k) => [k, parse(andre[`import.${k}`])])) as Record<Kilde, Lagret>;
  const finn = (k: Kilde): string => {
    const lagret = stored[k].omrade;
    if (lagret) return lagret;
    for (const navn of FORESLATTE_ARK[k]) {
      const hit = ark.find((a) => a.toLowerCase() === navn.toLowerCase());
      if (hit) return hit;
    }
    return "";
  };
  const lonnsarter = stored.sap.lonnsarter;
  return {
    kilder: Object.fromEntries(KILDER.map((k) => [k, { omrade: finn(k), limtInn: "" }])) as Record<Kilde, KildeSkjema>,
    lonnsarterB: lonnsarter ? lonnsarter.arbeidsgiverandel.join(", ") : "",
    lonnsarterC: lonnsarter ? lonnsarter.medlemsinnskudd.join(", ") : "",
  };
}

/** The wage types of the form, or undefined when both are empty (the reader's sample default). */
export function lonnsarterFra(s: ImportSkjema): SapLonnsarter | { readonly feil: string } | undefined {
  const b = lesKoder(s.lonnsarterB);
  const c = lesKoder(s.lonnsarterC);
  if (b.length === 0 && c.length === 0) return undefined;
  if (b.length === 0 || c.length === 0) return { feil: "Fyll inn lønnsartene for både arbeidsgiverandel (B) og medlemsinnskudd (C), eller la begge stå tomme." };
  return { arbeidsgiverandel: b, medlemsinnskudd: c };
}

/** What the fill stores in `_lonn`: the ranges used (not pasted text) and the wage types. */
export function importInnstillinger(s: ImportSkjema): Record<string, string> {
  const lonnsarter = lonnsarterFra(s);
  const out: Record<string, string> = {};
  for (const k of KILDER) {
    const omrade = s.kilder[k].limtInn.trim() === "" ? s.kilder[k].omrade.trim() : "";
    const lagret: Lagret = {
      ...(omrade ? { omrade } : {}),
      ...(k === "sap" && lonnsarter && !("feil" in lonnsarter) ? { lonnsarter } : {}),
    };
    out[`import.${k}`] = Object.keys(lagret).length > 0 ? JSON.stringify(lagret) : "";
  }
  return out;
}

export const SAMPLE_LONNSARTER_TEKST = `${SAMPLE_SAP_LONNSARTER.arbeidsgiverandel.join(", ")} / ${SAMPLE_SAP_LONNSARTER.medlemsinnskudd.join(", ")}`;

/** One line of the preview: DFØ's column letter, what it is, the amount as text. */
export interface PreviewLinje {
  readonly kolonne: string;
  readonly navn: string;
  readonly verdi: string;
}

export interface TerminKort {
  readonly termin: number;
  /** `T1 (jan–feb)`. */
  readonly tittel: string;
  readonly linjer: readonly PreviewLinje[];
  /** `SAP 7 linjer, Unit4 6, SPK 4`. */
  readonly rader: string;
}

const PREVIEW_FELT: readonly (readonly [keyof TerminPreview, string])[] = [
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
export function terminKort(imported: ImportedTerminer): TerminKort[] {
  return imported.preview.map((p) => ({
    termin: p.termin,
    tittel: `${p.label} (${p.maaneder})`,
    linjer: PREVIEW_FELT.flatMap(([key, navn]) => {
      const v = p[key];
      if (v === undefined) return [];
      return [{ kolonne: String(key), navn, verdi: typeof v === "number" ? kr(v as Ore) : String(v) }];
    }),
    rader: `SAP ${antall(p.rader.sap, "linje", "linjer")}, Unit4 ${p.rader.unit4}, SPK ${p.rader.spk}`,
  }));
}

/** `SAP: 37 av 50 rader brukt (overskrift i rad 4); utelatt: andre lønnsarter (1000): 12, summeringslinjer: 1.` */
export function sammendrag(s: ReadSummary): string {
  const ignored = s.ignored.map((i) => `${i.reason}: ${i.count}`).join(", ");
  return `${s.sheet}: ${s.usedRows} av ${antall(s.dataRows, "rad", "rader")} brukt (overskrift i rad ${s.headerRow})${ignored ? `; utelatt: ${ignored}` : ""}.`;
}
