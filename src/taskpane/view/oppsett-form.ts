/**
 * The Oppsett step's form as data: the text of every field, filled from the workbook's Oppsett
 * (or defaults for a new sheet), and read back into an Oppsett with a message per bad field.
 * Core's own checks (`oppsettProblems`) run last, so the form accepts exactly what the sheet does.
 */
import { isValidOrgnr, normalOrgnr } from "../../core/rules/orgnr";
import { KONTO_KEYS, oppsettProblems } from "../../core/spk/oppsett";
import { Budsjettering, DEFAULT_KONTOER, DEFAULT_TOLERANSE, DEFAULT_VESENTLIGHETSGRENSE, Dimensjon, Kontoer, Modus, Oppsett } from "../../core/spk/types";
import { DIMENSION_COUNT } from "../../core/spk/sheet/layout";
import { belopFelt, lesAar, lesBelop, lesProsent, prosentFelt } from "./input";

export interface DimensjonFelt {
  readonly navn: string;
  readonly verdi: string;
  readonly pakrevd: boolean;
}

export interface OppsettSkjema {
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
  readonly dimensjoner: readonly DimensjonFelt[];
  readonly bilagsart: string;
  readonly firma: string;
}

/** Field keys, also the suffix of the field's DOM id: `aar`, `konto.differanse`, `dim.1.navn`. */
export type FeltNokkel = string;
export type Feltfeil = Readonly<Record<FeltNokkel, string>>;

export type SkjemaResultat =
  | { readonly ok: true; readonly oppsett: Oppsett }
  | { readonly ok: false; readonly feil: Feltfeil; readonly andre: readonly string[] };

/** The form for a workbook's Oppsett, or the defaults (DFØ's accounts, 1 kr, 5 %) for a new sheet. */
export function skjemaFra(oppsett: Oppsett | undefined, iAar: number): OppsettSkjema {
  const dims: DimensjonFelt[] = Array.from({ length: DIMENSION_COUNT }, (_, i) => {
    const d = oppsett?.dimensjoner.find((x) => x.nummer === i + 1);
    return { navn: d?.navn ?? "", verdi: d?.verdi ?? "", pakrevd: d?.pakrevd ?? false };
  });
  return {
    budsjettering: oppsett?.budsjettering ?? "brutto",
    modus: oppsett?.modus ?? "terminvis",
    aar: String(oppsett?.aar ?? iAar),
    virksomhet: oppsett?.virksomhet ?? "",
    orgnr: oppsett?.orgnr ?? "",
    agaSats: oppsett ? prosentFelt(oppsett.agaSats) : "",
    toleranse: belopFelt(oppsett?.toleranse ?? DEFAULT_TOLERANSE),
    vesentlighetsgrense: prosentFelt(oppsett?.vesentlighetsgrense ?? DEFAULT_VESENTLIGHETSGRENSE),
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
export function lesSkjema(s: OppsettSkjema, tidligere?: Oppsett, arkBudsjettering?: Budsjettering): SkjemaResultat {
  const feil: Record<string, string> = {};
  const aar = lesAar(s.aar);
  if (!aar.ok) feil.aar = aar.feil;
  const sats = lesProsent(s.agaSats, "AGA-snittsats");
  if (!sats.ok) feil.agaSats = sats.feil;
  const toleranse = lesBelop(s.toleranse, DEFAULT_TOLERANSE);
  if (!toleranse.ok) feil.toleranse = toleranse.feil;
  else if (toleranse.verdi < 0) feil.toleranse = "Toleransen kan ikke være negativ.";
  const vesentlighet = s.vesentlighetsgrense.trim() === "" ? ({ ok: true, verdi: DEFAULT_VESENTLIGHETSGRENSE } as const) : lesProsent(s.vesentlighetsgrense, "vesentlighetsgrense");
  if (!vesentlighet.ok) feil.vesentlighetsgrense = vesentlighet.feil;

  let orgnr: string | undefined;
  if (s.orgnr.trim() !== "") {
    const nr = normalOrgnr(s.orgnr);
    if (nr === undefined) feil.orgnr = "Organisasjonsnummeret må ha ni sifre.";
    else if (!isValidOrgnr(nr)) feil.orgnr = `${nr} har feil kontrollsiffer; sjekk nummeret.`;
    else orgnr = nr;
  }
  if (arkBudsjettering !== undefined && arkBudsjettering !== s.budsjettering) {
    feil.budsjettering =
      `Arket er laget for ${arkBudsjettering}budsjetterte. Velg «Nytt ark» for å lage et eget ark for ${s.budsjettering}, ` +
      `eller behold ${arkBudsjettering}.`;
  }

  const kontoer = {} as Record<keyof Kontoer, string>;
  for (const key of KONTO_KEYS) {
    const konto = (s.kontoer[key] ?? "").trim();
    if (konto === "") feil[`konto.${key}`] = "Fyll inn kontonummeret.";
    kontoer[key] = konto;
  }

  const dimensjoner: Dimensjon[] = [];
  s.dimensjoner.forEach((d, i) => {
    const nummer = i + 1;
    const navn = d.navn.trim();
    const verdi = d.verdi.trim();
    const fordeling = tidligere?.dimensjoner.find((x) => x.nummer === nummer)?.fordeling;
    if (navn === "" && verdi === "" && !d.pakrevd && !fordeling) return;
    if (navn === "") feil[`dim.${nummer}.navn`] = "Gi dimensjonen et navn, f.eks. Koststed.";
    dimensjoner.push({
      nummer,
      navn: navn || `Dimensjon ${nummer}`,
      ...(verdi !== "" ? { verdi } : {}),
      ...(fordeling ? { fordeling } : {}),
      ...(d.pakrevd ? { pakrevd: true } : {}),
    });
  });

  if (Object.keys(feil).length > 0 || !aar.ok || !sats.ok || !toleranse.ok || !vesentlighet.ok) return { ok: false, feil, andre: [] };
  const oppsett: Oppsett = {
    virksomhet: s.virksomhet.trim(),
    ...(orgnr ? { orgnr } : {}),
    aar: aar.verdi,
    budsjettering: s.budsjettering,
    modus: s.modus,
    agaSats: sats.verdi,
    toleranse: toleranse.verdi,
    vesentlighetsgrense: vesentlighet.verdi,
    kontoer,
    dimensjoner,
    bilagsart: s.bilagsart.trim(),
    firma: s.firma.trim(),
  };
  const andre = oppsettProblems(oppsett);
  return andre.length > 0 ? { ok: false, feil: {}, andre } : { ok: true, oppsett };
}
