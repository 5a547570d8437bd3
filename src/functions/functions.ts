/**
 * The LONN custom functions, as Excel sees them: ids, parameters and Norwegian help texts.
 *
 * Only declarations live here. The metadata plugin reads the JSDoc into functions.json and
 * appends `CustomFunctions.associate(ID, function)` for each declaration below, so nothing else
 * may import this file (the task pane would register the functions twice). The bodies are in the
 * sibling files; the `lonn fn` command calls these same exports.
 *
 * Ids are stored in saved workbooks: never change one. Every argument takes one cell or a range;
 * ranges give a result of the same shape (one cell is used for every row). Parameters are
 * `unknown[][]` because Excel passes numbers, text, booleans and empty cells alike and the
 * wrappers check them.
 */
import { agaCells, agaFribelopCells, agaSatsCells, agaSnittsatsCells, agaSoneCells, ekstraAgaCells } from "./aga";
import { feriepengerCells } from "./feriepenger";
import { fordelCells } from "./fordel";
import { grunnbelopCells, gSnittCells, spkTerminCells } from "./grunnbelop";
import { trygdeavgiftCells, trygdeavgiftSamletCells, trygdeavgiftSatsCells } from "./trygdeavgift";
import { dueDateAgaCells, dueDateForskuddstrekkCells, virkedagCells } from "./virkedag";

/**
 * Trygdeavgift av én inntektstype: 0 opp til nedre grense, deretter satsen av hele inntekten, men aldri mer enn 25 % av inntekten over grensen. Ingen øvre grense.
 * @customfunction TRYGDEAVGIFT TRYGDEAVGIFT
 * @param inntekt Personinntekten i kroner (tall, celle eller område).
 * @param aar Inntektsåret, f.eks. 2026 (satsene finnes for 2020–2026).
 * @param [inntektstype] lønn (standard), næring eller pensjon; også L, N, P, fiske (mellomsats) og jordbruk (høy sats).
 * @returns Trygdeavgiften i kroner, avrundet til øre.
 */
export function trygdeavgift(inntekt: unknown[][], aar: unknown[][], inntektstype?: unknown[][]): unknown[][] {
  return trygdeavgiftCells(inntekt, aar, inntektstype);
}

/**
 * Samlet trygdeavgift for én person med flere inntektstyper: én felles nedre grense og 25 %-regel på summen, hver type med sin sats.
 * @customfunction TRYGDEAVGIFT_SAMLET TRYGDEAVGIFT_SAMLET
 * @param lonn Lønnsinntekt i kroner (mellomsats).
 * @param naering Næringsinntekt i kroner (høy sats).
 * @param pensjon Pensjonsinntekt i kroner (lav sats).
 * @param aar Inntektsåret, f.eks. 2026.
 * @returns Trygdeavgiften i kroner, avrundet til øre.
 */
export function trygdeavgiftSamlet(lonn: unknown[][], naering: unknown[][], pensjon: unknown[][], aar: unknown[][]): unknown[][] {
  return trygdeavgiftSamletCells(lonn, naering, pensjon, aar);
}

/**
 * Trygdeavgiftssatsen for et år og en inntektstype, som brøk (0,076 = 7,6 %).
 * @customfunction TRYGDEAVGIFT_SATS TRYGDEAVGIFT_SATS
 * @param aar Inntektsåret, f.eks. 2026.
 * @param [inntektstype] lønn (standard), næring eller pensjon; også L, N, P, fiske og jordbruk.
 * @returns Satsen som brøk.
 */
export function trygdeavgiftSats(aar: unknown[][], inntektstype?: unknown[][]): unknown[][] {
  return trygdeavgiftSatsCells(aar, inntektstype);
}

/**
 * Arbeidsgiveravgiftssonen for en kommune: I, Ia, II, III, IV, IVa eller V (soneinndelingen fra 2022). Tar kommunenummer fra 2024 og de fra 2020–2023 (3001 Halden gir sonen til 3101); uten år, siden ingen nummer betyr to steder. For 2020–2021 gjaldt andre soner.
 * @customfunction AGA_SONE AGA_SONE
 * @param kommunenummer Kommunenummeret som tall (301) eller tekst ("0301"), fra 2024 eller 2020–2023. Svalbard og Jan Mayen (2100–2211) og kontinentalsokkelen (2311, 2321) har ingen sone: #N/A, oppgi sonen direkte.
 * @param [delomraade] For kommuner med flere soner: navnet på den gamle kommunen, f.eks. Midsund, Orkdal eller Fræna.
 * @returns Sonen med romertall.
 */
export function agaSone(kommunenummer: unknown[][], delomraade?: unknown[][]): unknown[][] {
  return agaSoneCells(kommunenummer, delomraade);
}

/**
 * Arbeidsgiveravgiftssatsen for en sone eller kommune, som brøk (formater cellen som prosent).
 * @customfunction AGA_SATS AGA_SATS
 * @param sone_eller_kommunenummer Sonen (I, Ia, 1a, II, …, V) eller et kommunenummer med én sone, slik nummeret var det året: 2022–2023 nummeret fra 2020–2023 (3001), fra 2024 det nye (3101).
 * @param aar Året, f.eks. 2026.
 * @param [naering] ordinær (standard), jordbruk (egen sats i IVa) eller sektorunntak (sone I-satsen i alle soner).
 * @returns Satsen som brøk.
 */
export function agaSats(sone_eller_kommunenummer: unknown[][], aar: unknown[][], naering?: unknown[][]): unknown[][] {
  return agaSatsCells(sone_eller_kommunenummer, aar, naering);
}

/**
 * Arbeidsgiveravgift: grunnlag × sonens sats, avrundet til øre. Negativt grunnlag (korreksjon) gir negativ avgift.
 * @customfunction AGA AGA
 * @param grunnlag Avgiftsgrunnlaget i kroner.
 * @param sone_eller_kommunenummer Sonen (I, Ia, II, …, V) eller et kommunenummer med én sone, slik nummeret var det året (2022–2023: 3001; fra 2024: 3101).
 * @param aar Året, f.eks. 2026.
 * @param [naering] ordinær (standard), jordbruk eller sektorunntak.
 * @returns Arbeidsgiveravgiften i kroner.
 */
export function aga(grunnlag: unknown[][], sone_eller_kommunenummer: unknown[][], aar: unknown[][], naering?: unknown[][]): unknown[][] {
  return agaCells(grunnlag, sone_eller_kommunenummer, aar, naering);
}

/**
 * Arbeidsgiveravgift med fribeløp (sone Ia, og sektorunntak i II–V): redusert sats til årets innsparing når fribeløpet, deretter full sats (sone I). Jordbruk, skogbruk og fiske i sone Ia betaler 10,6 % uten tak (bruk AGA med næring jordbruk). Statsforvaltningen og helseforetak har ikke fribeløp; de bruker de ordinære differensierte satsene (bruk AGA).
 * @customfunction AGA_FRIBELOP AGA_FRIBELOP
 * @param grunnlag Avgiftsgrunnlaget i perioden, i kroner.
 * @param tidligere_grunnlag_i_aar Grunnlaget tidligere i året (før perioden), i kroner.
 * @param sone Sonen (Ia, II, III, IV, IVa, V) eller et kommunenummer, slik nummeret var det året.
 * @param aar Året, f.eks. 2026.
 * @returns Arbeidsgiveravgiften for perioden i kroner.
 */
export function agaFribelop(grunnlag: unknown[][], tidligere_grunnlag_i_aar: unknown[][], sone: unknown[][], aar: unknown[][]): unknown[][] {
  return agaFribelopCells(grunnlag, tidligere_grunnlag_i_aar, sone, aar);
}

/**
 * Ekstra arbeidsgiveravgift (5 %) på den delen av én ansatts grunnlag hittil i år som går over innslagspunktet (2023 og 2024); 0 i andre år.
 * @customfunction EKSTRA_AGA EKSTRA_AGA
 * @param grunnlag Den ansattes grunnlag i perioden, i kroner (uten pensjonspremier).
 * @param aar Året, f.eks. 2024.
 * @param [tidligere_grunnlag_i_aar] Den ansattes grunnlag tidligere i året, i kroner (tom = 0).
 * @returns Ekstra arbeidsgiveravgift for perioden i kroner.
 */
export function ekstraAga(grunnlag: unknown[][], aar: unknown[][], tidligere_grunnlag_i_aar?: unknown[][]): unknown[][] {
  return ekstraAgaCells(grunnlag, aar, tidligere_grunnlag_i_aar);
}

/**
 * Grunnbeløpet (G) som gjelder på en dato; G endres 1. mai.
 * @customfunction GRUNNBELOP GRUNNBELOP
 * @param dato En dato (Excel-dato, 2024-06-01 eller 01.06.2024) eller en måned (2024-06, 202406).
 * @returns G i kroner.
 */
export function grunnbelop(dato: unknown[][]): unknown[][] {
  return grunnbelopCells(dato);
}

/**
 * Gjennomsnittlig grunnbeløp (G-snitt) for et kalenderår, som NAV publiserer det.
 * @customfunction G_SNITT G_SNITT
 * @param aar Året, f.eks. 2025.
 * @returns G-snitt i kroner.
 */
export function gSnitt(aar: unknown[][]): unknown[][] {
  return gSnittCells(aar);
}

/**
 * SPK-terminen (1–6) for en måned eller dato: januar–februar er termin 1, november–desember termin 6.
 * @customfunction SPK_TERMIN SPK_TERMIN
 * @param dato_eller_maaned Måned 1–12, en dato (Excel-dato, 2024-03-15, 15.03.2024) eller en periode (2024-03, 202403).
 * @returns Terminen 1–6.
 */
export function spkTermin(dato_eller_maaned: unknown[][]): unknown[][] {
  return spkTerminCells(dato_eller_maaned);
}

/**
 * Gjennomsnittlig arbeidsgiveravgiftssats vektet med grunnlaget: Σ(grunnlag × sats) / Σ grunnlag.
 * @customfunction AGA_SNITTSATS AGA_SNITTSATS
 * @param grunnlag Grunnlagene i kroner (et område).
 * @param satser_eller_soner Satsene som brøk (0,141), eller soner/kommunenumre, i et like stort område.
 * @param [aar] Året; trengs når det står soner eller kommunenumre.
 * @returns Snittsatsen som brøk (én verdi).
 */
export function agaSnittsats(grunnlag: unknown[][], satser_eller_soner: unknown[][], aar?: unknown): unknown[][] {
  return agaSnittsatsCells(grunnlag, satser_eller_soner, aar);
}

/**
 * Fordeler et beløp etter vekter, i hele øre, slik at delene summerer nøyaktig til beløpet (største rest; like rester går til den første).
 * @customfunction FORDEL FORDEL
 * @param belop Beløpet som skal fordeles, i kroner (én celle).
 * @param vekter Vektene (et område med tall ≥ 0); resultatet får samme form.
 * @returns Delbeløpene i kroner.
 */
export function fordel(belop: unknown[][], vekter: unknown[][]): unknown[][] {
  return fordelCells(belop, vekter);
}

/**
 * Virkedagen et antall virkedager fra en dato, som ARBEIDSDAG med norske helligdager: lørdag, søndag, helligdager og 1. og 17. mai er ikke virkedager (skattebetalingsloven § 10-2); 24. og 31. desember er det.
 * @customfunction VIRKEDAG VIRKEDAG
 * @param dato Datoen det telles fra (Excel-dato, 2026-01-23 eller 23.01.2026).
 * @param [dager] Antall virkedager etter datoen (tom = 1); 0 gir datoen selv hvis den er en virkedag, ellers neste virkedag; negativt tall teller bakover.
 * @returns Datoen som Excel-dato (formater cellen som dato).
 */
export function virkedag(dato: unknown[][], dager?: unknown[][]): unknown[][] {
  return virkedagCells(dato, dager);
}

/**
 * Betalingsfristen for forskuddstrekk fra én lønnsutbetaling: fra 2026 første virkedag etter utbetalingsdatoen; til og med 2025 terminens frist (den 15. i måneden etter terminen, flyttet til neste virkedag).
 * @customfunction FORFALL_FORSKUDDSTREKK FORFALL_FORSKUDDSTREKK
 * @param utbetalingsdato Utbetalingsdatoen (Excel-dato, 2026-01-23 eller 23.01.2026).
 * @returns Forfallsdatoen som Excel-dato (formater cellen som dato).
 */
export function forfallForskuddstrekk(utbetalingsdato: unknown[][]): unknown[][] {
  return dueDateForskuddstrekkCells(utbetalingsdato);
}

/**
 * Betalingsfristen for arbeidsgiveravgift for en termin: den 15. i måneden etter terminen (termin 6: 15. januar året etter), flyttet til neste virkedag når den faller på lørdag, søndag eller helligdag.
 * @customfunction FORFALL_AGA FORFALL_AGA
 * @param termin Terminen 1–6 (1 = januar–februar … 6 = november–desember), også T1 eller jan–feb.
 * @param aar Året terminen hører til, f.eks. 2026.
 * @returns Forfallsdatoen som Excel-dato (formater cellen som dato).
 */
export function forfallAga(termin: unknown[][], aar: unknown[][]): unknown[][] {
  return dueDateAgaCells(termin, aar);
}

/**
 * Feriepenger: grunnlag × sats, for arbeidstakere over 60 med 2,3 % ekstra av grunnlaget opp til 6 G (G per 31. desember i opptjeningsåret), avrundet til øre. Negativt grunnlag (korreksjon) gir negative feriepenger.
 * @customfunction FERIEPENGER FERIEPENGER
 * @param grunnlag Feriepengegrunnlaget i kroner, opptjent i opptjeningsåret.
 * @param opptjeningsaar Opptjeningsåret (året før ferieåret), f.eks. 2025.
 * @param [sats] Satsen som brøk: tom = 0,102 (10,2 %, ferieloven); 0,12 etter avtale og i staten.
 * @param [over_60] SANN (eller 1) for en arbeidstaker som fyller 60 år senest i ferieåret; tom = USANN.
 * @returns Feriepengene i kroner, avrundet til øre.
 */
export function feriepenger(grunnlag: unknown[][], opptjeningsaar: unknown[][], sats?: unknown[][], over_60?: unknown[][]): unknown[][] {
  return feriepengerCells(grunnlag, opptjeningsaar, sats, over_60);
}
