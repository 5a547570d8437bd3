/**
 * The Oppsett step's form as data: the text of every field, filled from the workbook's Oppsett
 * (or defaults for a new sheet), and read back into an Oppsett with a message per bad field.
 * Core's own checks (`oppsettProblems`) run last, so the form accepts exactly what the sheet does.
 */
import { isValidOrgnr, normalOrgnr } from "../../core/rules/orgnr";
import { KONTO_KEYS, oppsettProblems } from "../../core/spk/oppsett";
import { Budsjettering, DEFAULT_KONTOER, DEFAULT_TOLERANSE, DEFAULT_VESENTLIGHETSGRENSE, Dimensjon, Kontoer, Modus, Oppsett } from "../../core/spk/types";
import { DIMENSION_COUNT } from "../../core/spk/sheet/layout";
import { amountFieldText, parseYearField, parseAmountField, parsePercentField, percentFieldText } from "./input";

export interface DimensjonFields {
  readonly name: string;
  readonly value: string;
  readonly pakrevd: boolean;
}

export interface OppsettForm {
  readonly budsjettering: Budsjettering;
  readonly modus: Modus;
  readonly aar: string;
  readonly virksomhet: string;
  readonly orgnr: string;
  /** Percent as typed: `13,87`. */
  readonly agaSats: string;
  readonly toleranse: string;
  /** Percent as typed: `5`. */
  readonly vesentlighetsgrense: string;
  readonly kontoer: Readonly<Record<keyof Kontoer, string>>;
  /** Unit4 dim_1 … dim_7, in order. */
  readonly dimensjoner: readonly DimensjonFields[];
  readonly bilagsart: string;
  readonly firma: string;
}

/** Field keys, also the suffix of the field's DOM id: `aar`, `konto.differanse`, `dim.1.navn`. */
export type FieldKey = string;
export type FieldProblems = Readonly<Record<FieldKey, string>>;

export type FormResult =
  | { readonly ok: true; readonly oppsett: Oppsett }
  | { readonly ok: false; readonly problems: FieldProblems; readonly others: readonly string[] };

/** The form for a workbook's Oppsett, or the defaults (DFØ's accounts, 1 kr, 5 %) for a new sheet. */
export function formFrom(oppsett: Oppsett | undefined, thisYear: number): OppsettForm {
  const dims: DimensjonFields[] = Array.from({ length: DIMENSION_COUNT }, (_, i) => {
    const d = oppsett?.dimensjoner.find((x) => x.nummer === i + 1);
    return { name: d?.navn ?? "", value: d?.verdi ?? "", pakrevd: d?.pakrevd ?? false };
  });
  return {
    budsjettering: oppsett?.budsjettering ?? "brutto",
    modus: oppsett?.modus ?? "terminvis",
    aar: String(oppsett?.aar ?? thisYear),
    virksomhet: oppsett?.virksomhet ?? "",
    orgnr: oppsett?.orgnr ?? "",
    agaSats: oppsett ? percentFieldText(oppsett.agaSats) : "",
    toleranse: amountFieldText(oppsett?.toleranse ?? DEFAULT_TOLERANSE),
    vesentlighetsgrense: percentFieldText(oppsett?.vesentlighetsgrense ?? DEFAULT_VESENTLIGHETSGRENSE),
    kontoer: { ...(oppsett?.kontoer ?? DEFAULT_KONTOER) },
    dimensjoner: dims,
    bilagsart: oppsett?.bilagsart ?? "",
    firma: oppsett?.firma ?? "",
  };
}

/**
 * The form as an Oppsett. `tidligere` keeps what the form does not show (a dimension's split over
 * several values, stored in `_lonn`). `arkBudsjettering`: the kind of the existing sheet chosen,
 * which the form must not flip (the sheet's balance block is made for one kind).
 */
export function readForm(s: OppsettForm, earlier?: Oppsett, sheetBudsjettering?: Budsjettering): FormResult {
  const problems: Record<string, string> = {};
  const aar = parseYearField(s.aar);
  if (!aar.ok) problems.aar = aar.problem;
  const rate = parsePercentField(s.agaSats, "AGA-snittsats");
  if (!rate.ok) problems.agaSats = rate.problem;
  const toleranse = parseAmountField(s.toleranse, DEFAULT_TOLERANSE);
  if (!toleranse.ok) problems.toleranse = toleranse.problem;
  else if (toleranse.value < 0) problems.toleranse = "Toleransen kan ikke være negativ.";
  const vesentlighet = s.vesentlighetsgrense.trim() === "" ? ({ ok: true, value: DEFAULT_VESENTLIGHETSGRENSE } as const) : parsePercentField(s.vesentlighetsgrense, "vesentlighetsgrense");
  if (!vesentlighet.ok) problems.vesentlighetsgrense = vesentlighet.problem;

  let orgnr: string | undefined;
  if (s.orgnr.trim() !== "") {
    const nr = normalOrgnr(s.orgnr);
    if (nr === undefined) problems.orgnr = "Organisasjonsnummeret må ha ni sifre.";
    else if (!isValidOrgnr(nr)) problems.orgnr = `${nr} har feil kontrollsiffer; sjekk nummeret.`;
    else orgnr = nr;
  }
  if (sheetBudsjettering !== undefined && sheetBudsjettering !== s.budsjettering) {
    problems.budsjettering =
      `Arket er laget for ${sheetBudsjettering}budsjetterte. Velg «Nytt ark» for å lage et eget ark for ${s.budsjettering}, ` +
      `eller behold ${sheetBudsjettering}.`;
  }

  const kontoer = {} as Record<keyof Kontoer, string>;
  for (const key of KONTO_KEYS) {
    const konto = (s.kontoer[key] ?? "").trim();
    if (konto === "") problems[`konto.${key}`] = "Fyll inn kontonummeret.";
    kontoer[key] = konto;
  }

  const dimensjoner: Dimensjon[] = [];
  s.dimensjoner.forEach((d, i) => {
    const number = i + 1;
    const name = d.name.trim();
    const value = d.value.trim();
    const fordeling = earlier?.dimensjoner.find((x) => x.nummer === number)?.fordeling;
    if (name === "" && value === "" && !d.pakrevd && !fordeling) return;
    if (name === "") problems[`dim.${number}.navn`] = "Gi dimensjonen et navn, f.eks. Koststed.";
    dimensjoner.push({
      nummer: number,
      navn: name || `Dimensjon ${number}`,
      ...(value !== "" ? { verdi: value } : {}),
      ...(fordeling ? { fordeling } : {}),
      ...(d.pakrevd ? { pakrevd: true } : {}),
    });
  });

  if (Object.keys(problems).length > 0 || !aar.ok || !rate.ok || !toleranse.ok || !vesentlighet.ok) return { ok: false, problems, others: [] };
  const oppsett: Oppsett = {
    virksomhet: s.virksomhet.trim(),
    ...(orgnr ? { orgnr } : {}),
    aar: aar.value,
    budsjettering: s.budsjettering,
    modus: s.modus,
    agaSats: rate.value,
    toleranse: toleranse.value,
    vesentlighetsgrense: vesentlighet.value,
    kontoer,
    dimensjoner,
    bilagsart: s.bilagsart.trim(),
    firma: s.firma.trim(),
  };
  const others = oppsettProblems(oppsett);
  return others.length > 0 ? { ok: false, problems: {}, others } : { ok: true, oppsett };
}
