import { agaRates } from "../rules/aga";
import { isRuleError } from "../errors";
import { kronerText } from "../money/format";
import { isRateFraction } from "../money/rate-fraction";
import { RATE_FRACTION_HINT } from "../problem/messages";
import { Budsjettering, Kontoer, Modus, Oppsett } from "./types";

/**
 * Defaults for what a scenario or a sheet leaves out, and the checks every Oppsett must pass
 * before the model computes with it.
 *
 * - modus `terminvis`: DFØ recommends settling per termin for both brutto and netto (E1 guide).
 * - bilagsart and firma `""`: the guide names no voucher type, only that it "påvirker
 *   rapporteringen til statsregnskapet", and the Unit4 company code is the customer's own. A
 *   guessed value would post with a wrong voucher type, so they stay empty until the workbook
 *   says; an export that needs them refuses an empty one.
 * - toleranse 1 kr, vesentlighetsgrense 5 % (types.ts, DESIGN.md §3.1).
 */
export const DEFAULT_MODUS: Modus = "terminvis";
export const DEFAULT_BILAGSART = "";
export const DEFAULT_FIRMA = "";

export const BUDSJETTERINGER: readonly Budsjettering[] = ["brutto", "netto"];
export const MODUSER: readonly Modus[] = ["terminvis", "arsslutt"];

/** Display words, as the sheet's header shows them. */
export const BUDSJETTERING_TEXT: Readonly<Record<Budsjettering, string>> = { brutto: "Brutto", netto: "Netto" };
export const MODUS_TEXT: Readonly<Record<Modus, string>> = { terminvis: "Terminvis", arsslutt: "Årsslutt" };

/** Norwegian names of the accounts, for messages and the sheet's header. */
export const KONTO_NAMES: Readonly<Record<keyof Kontoer, string>> = {
  differanse: "differanse (resultatføres)",
  avsetningBrutto: "avsetning arbeidsgiverandel, brutto",
  fakturadifferanse: "fakturadifferanse, brutto",
  avsetningNetto: "pensjonspremie arbeidsgiverandel, netto",
  medlemsinnskudd: "medlemsinnskudd",
  agaKostnad: "AGA av pensjonspremie",
  agaMotkontoBrutto: "AGA motpost, brutto",
  agaMotkontoNetto: "AGA motpost, netto",
};

export const KONTO_KEYS = Object.keys(KONTO_NAMES) as (keyof Kontoer)[];

/** The problems with an Oppsett's own figures (not its termins), in Norwegian. */
export function oppsettProblems(oppsett: Oppsett): string[] {
  const out: string[] = [];
  if (!BUDSJETTERINGER.includes(oppsett.budsjettering)) out.push(`Budsjettering må være brutto eller netto (fikk «${oppsett.budsjettering}»).`);
  if (!MODUSER.includes(oppsett.modus)) out.push(`Resultatføring må være terminvis eller årsslutt (fikk «${oppsett.modus}»).`);
  if (!Number.isInteger(oppsett.aar) || oppsett.aar < 1990 || oppsett.aar > 2100) out.push(`Året må være et årstall (fikk ${oppsett.aar}).`);
  else {
    // The vouchers post AGA and are dated in the year: a year our rate tables do not cover is refused up front.
    const rates = agaRates(oppsett.aar);
    if (isRuleError(rates)) out.push(`Året ${oppsett.aar} kan ikke avstemmes: ${rates.message}`);
  }
  if (!isRateFraction(oppsett.agaSats)) out.push(`AGA-snittsatsen må være ${RATE_FRACTION_HINT} (fikk ${oppsett.agaSats}).`);
  if (!Number.isSafeInteger(oppsett.toleranse) || oppsett.toleranse < 0) out.push(`Toleransen må være et beløp på 0 eller mer (fikk ${kronerText(oppsett.toleranse)}).`);
  const v = oppsett.vesentlighetsgrense;
  if (!Number.isFinite(v) || v < 0 || v > 1) out.push(`Vesentlighetsgrensen må være en brøk fra 0 til 1, f.eks. 0,05 for 5 % (fikk ${v}).`);
  for (const key of KONTO_KEYS) {
    const konto = oppsett.kontoer?.[key];
    if (typeof konto !== "string" || konto.trim() === "") out.push(`Kontoen for ${KONTO_NAMES[key]} mangler.`);
  }
  return out;
}

/** The accounts that must be 0 at year end (DESIGN.md §3.4): 2630, 2810, 2820 brutto; 2630, 2961 netto. */
export function controlAccounts(budsjettering: Budsjettering): (keyof Kontoer)[] {
  return budsjettering === "brutto"
    ? ["medlemsinnskudd", "avsetningBrutto", "fakturadifferanse"]
    : ["medlemsinnskudd", "avsetningNetto"];
}
