import { append } from "../list";
import { isRuleError } from "../errors";
import { Ore } from "../money/ore";
import { terminMonthsLabel } from "../rules/termin";
import { Budsjettering, Kontoer, TerminInput } from "../spk/types";
import { sheetError } from "./grid";
import { postInvoice } from "./posting";
import { readSap, SapImport, SapOptions } from "./sap";
import { readSpk, SpkImport, SpkOptions } from "./spk";
import { DuplicatePolicy } from "./row-checks";
import { Checked, isProblems, Problem, Problems, rejected } from "../problem/problem";
import { ReadSummary, SheetInput } from "./types";
import { readUnit4, Unit4Import, Unit4Options } from "./unit4";

/**
 * The three exports together: per termin the reconciliation's input columns B–F and K–N, a
 * preview of the parsed totals for the task pane (shown before anything is written), and what
 * each reader did. If any file has a bad row, nothing is returned but the errors of all files.
 *
 * A termin gets a field only when its export has lines for that termin: a SAP report for
 * January–April fills B and C of T1 and T2 and leaves T3–T6 alone rather than writing zeros over
 * figures already in the sheet.
 */

export interface ImportSources {
  readonly sap?: SheetInput;
  readonly unit4?: SheetInput;
  readonly spk?: SheetInput;
}

export interface ImportConfig {
  readonly aar: number;
  readonly budsjettering: Budsjettering;
  readonly kontoer?: Kontoer;
  readonly sap?: Omit<SapOptions, "aar">;
  readonly unit4?: Omit<Unit4Options, "aar" | "budsjettering" | "kontoer">;
  readonly spk?: Omit<SpkOptions, "aar">;
  /** Rows that repeat an earlier row, in every export: refused (default), or counted when the user says they are real. */
  readonly duplicates?: DuplicatePolicy;
}

export interface ImportedParts {
  readonly sap?: SapImport;
  readonly unit4?: Unit4Import;
  readonly spk?: SpkImport;
}

/** One product's share of a termin's invoice, kroner. */
export interface ProduktPreview {
  readonly produkt: string;
  readonly arbeidsgiverandel: Ore;
  readonly medlemsandel: Ore;
  readonly administrasjon: Ore;
}

/** A termin's parsed totals in kroner (whole øre), under DFØ's column letters; absent = no lines. */
export interface TerminPreview {
  readonly termin: number;
  /** `T1`. */
  readonly label: string;
  /** `jan–feb`. */
  readonly maaneder: string;
  readonly B?: Ore;
  readonly C?: Ore;
  readonly D?: Ore;
  readonly E?: Ore;
  readonly F?: Ore;
  readonly K?: string;
  readonly L?: Ore;
  readonly M?: Ore;
  readonly N?: Ore;
  /** The invoice as read, before the posting rule. */
  readonly faktura?: {
    /** Employer share of all products, without administration. */
    readonly arbeidsgiverandel: Ore;
    readonly administrasjon: Ore;
    /** What the employer pays: arbeidsgiverandel + administrasjon. */
    readonly arbeidsgiverandelInklAdm: Ore;
    readonly medlemsandel: Ore;
    readonly total: Ore;
    readonly produkter: readonly ProduktPreview[];
  };
  /** Lines used per export. */
  readonly rader: { readonly sap: number; readonly unit4: number; readonly spk: number };
}

export interface ImportedTerminer {
  /** Termins 1–6 in order; each has `termin` and the fields its exports filled. */
  readonly terminer: readonly Partial<TerminInput>[];
  readonly preview: readonly TerminPreview[];
  /** One per export read, in the order SAP, Unit4, SPK. */
  readonly summaries: readonly ReadSummary[];
  readonly notes: readonly string[];
}

/** Reads every export given and combines them; all errors of all files, or all of the data. */
export function importExports(sources: ImportSources, config: ImportConfig): Checked<ImportedTerminer> {
  if (!sources.sap && !sources.unit4 && !sources.spk) return new Problems([sheetError("Import", "Ingen filer å lese.")]);
  const errors: Problem[] = [];
  const take = <T>(result: Checked<T> | undefined): T | undefined => {
    if (!result) return undefined;
    if (!isProblems(result)) return result;
    append(errors, result.list);
    return undefined;
  };
  const duplicates = config.duplicates === undefined ? {} : { duplicates: config.duplicates };
  const sap = take(sources.sap && readSap(sources.sap, { ...duplicates, ...config.sap, aar: config.aar }));
  const unit4 = take(
    sources.unit4 && readUnit4(sources.unit4, { ...duplicates, ...config.unit4, aar: config.aar, budsjettering: config.budsjettering, kontoer: config.kontoer }),
  );
  const spk = take(sources.spk && readSpk(sources.spk, { ...duplicates, ...config.spk, aar: config.aar }));
  if (errors.length > 0) return rejected("Importen", errors);
  return combineImports({ sap, unit4, spk }, config.budsjettering);
}

export function combineImports(parts: ImportedParts, budsjettering: Budsjettering): Checked<ImportedTerminer> {
  const { sap, unit4, spk } = parts;
  const errors: Problem[] = [];
  const terminer: Partial<TerminInput>[] = [];
  const preview: TerminPreview[] = [];

  for (let k = 0; k < 6; k++) {
    const termin = k + 1;
    const s = sap?.terminer[k];
    const u = unit4?.terminer[k];
    const f = spk?.terminer[k];
    const hasSap = s !== undefined && s.rader > 0;
    const hasUnit4 = u !== undefined && u.rader > 0;
    const hasInvoice = f !== undefined && f.rader > 0;

    let posting: { L: Ore; M: Ore; N: Ore } | undefined;
    if (hasInvoice) {
      const posted = postInvoice(budsjettering, f, hasSap ? s : undefined);
      if (isRuleError(posted)) {
        const why = sap ? `SAP-filen har ingen linjer for termin ${termin}` : "SAP-filen er ikke lest inn";
        errors.push(sheetError(spk?.summary.sheet ?? "SPK", `Termin ${termin}: ${posted.message} (${why}.)`));
      } else posting = posted;
    }

    const input: Partial<TerminInput> = {
      termin,
      ...(hasSap ? { sapArbeidsgiverandel: s.arbeidsgiverandel, sapMedlemsinnskudd: s.medlemsinnskudd } : {}),
      ...(hasUnit4
        ? { unit4Pensjonsutgift: u.pensjonsutgift, unit4AvsetningArbeidsgiverandel: u.avsetning, unit4Medlemsinnskudd: u.medlemsinnskudd }
        : {}),
      ...(hasInvoice && f.fakturanumre.length > 0 ? { fakturanummer: f.fakturanumre.join(", ") } : {}),
      ...(posting ? { fakturaArbeidsgiverandel: posting.L, fakturaDifferanse: posting.M, fakturaMedlemsinnskudd: posting.N } : {}),
    };
    terminer.push(input);
    preview.push({
      termin,
      label: `T${termin}`,
      maaneder: terminMonthsLabel(termin),
      ...(hasSap ? { B: input.sapArbeidsgiverandel, C: input.sapMedlemsinnskudd } : {}),
      ...(hasUnit4 ? { D: input.unit4Pensjonsutgift, E: input.unit4AvsetningArbeidsgiverandel, F: input.unit4Medlemsinnskudd } : {}),
      ...(input.fakturanummer !== undefined ? { K: input.fakturanummer } : {}),
      ...(posting ?? {}),
      ...(hasInvoice
        ? {
            faktura: {
              arbeidsgiverandel: f.arbeidsgiverandel,
              administrasjon: f.administrasjon,
              arbeidsgiverandelInklAdm: f.arbeidsgiverandelInklAdm,
              medlemsandel: f.medlemsandel,
              total: f.total,
              produkter: f.produkter.map((p) => ({
                produkt: p.produkt,
                arbeidsgiverandel: p.arbeidsgiverandel,
                medlemsandel: p.medlemsandel,
                administrasjon: p.administrasjon,
              })),
            },
          }
        : {}),
      rader: { sap: s?.rader ?? 0, unit4: u?.rader ?? 0, spk: f?.rader ?? 0 },
    });
  }
  if (errors.length > 0) return rejected("Importen", errors);

  const read = [sap, unit4, spk].filter((p): p is SapImport | Unit4Import | SpkImport => p !== undefined);
  return ({
    terminer,
    preview,
    summaries: read.map((p) => p.summary),
    notes: read.flatMap((p) => p.notes.map((n) => `${p.summary.sheet}: ${n}`)),
  });
}
