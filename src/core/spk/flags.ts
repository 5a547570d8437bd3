import { kronerText, percentText } from "../money/format";
import { Ore, plusOre } from "../money/ore";
import { isMaterial, overTolerance } from "../workpaper/control";
import { Flag, FlagKind, Oppsett, SaldoKontroll } from "./types";

/** One termin's figures the flags look at. */
export interface FlagFigures {
  readonly B: Ore;
  readonly C: Ore;
  readonly G: Ore;
  readonly H: Ore;
  readonly I: Ore;
  readonly O: Ore;
  readonly P: Ore;
  readonly Q: Ore;
}

/** What each kind of flag is called where flags are listed (the pane, reports). */
export const FLAG_LABELS: Readonly<Record<FlagKind, string>> = {
  uforklart: "Uforklart differanse",
  vesentlig: "Vesentlig differanse",
  posteringsregel: "Brudd på posteringsregelen",
  saldo: "Saldo ved årsslutt",
  endretEtterSignering: "Endret etter signering",
};

const kr = (x: Ore): string => `${kronerText(x)} kr`;

const SAP_UNIT4: Readonly<Record<"G" | "H" | "I", string>> = {
  G: "utgift, B − D",
  H: "avsetning, B − E",
  I: "medlemsinnskudd, C − F",
};

/**
 * The flags of DESIGN.md §3.1 for one termin (core/workpaper/control: the comparisons are exact
 * and strict; a difference of exactly the tolerance is within it).
 *
 * - uforklart: |G|, |H| or |I| above the tolerance and J empty (blank text counts as empty: it
 *   explains nothing). Only when SAP and Unit4 are both there.
 * - vesentlig: |Q| above the tolerance and > vesentlighetsgrense × |B + C| (within the tolerance a
 *   difference is rounding, never material). With B + C = 0 any Q above the tolerance is material.
 *   Only when SAP and the invoice are both there.
 * - posteringsregel (brutto only): L must equal B and N must equal C, so O and P must be 0.
 */
export function terminFlags(
  oppsett: Oppsett,
  termin: number,
  f: FlagFigures,
  forklaring: string | undefined,
  sources: { readonly sapUnit4: boolean; readonly sapFaktura: boolean } = { sapUnit4: true, sapFaktura: true },
): Flag[] {
  const flags: Flag[] = [];
  const toleranse = oppsett.toleranse;
  const thresholds = { tolerance: toleranse, materiality: oppsett.vesentlighetsgrense };

  const over = sources.sapUnit4 ? (["G", "H", "I"] as const).filter((col) => overTolerance(f[col], toleranse)) : [];
  if (over.length > 0 && (forklaring ?? "").trim() === "") {
    const list = over.map((col) => `${col} (${SAP_UNIT4[col]}) = ${kr(f[col])}`).join(", ");
    flags.push({
      kind: "uforklart",
      termin,
      kolonner: [...over, "J"],
      melding: `Termin ${termin}: differanse mellom SAP og Unit4 over toleransen på ${kr(toleranse)} uten forklaring i J: ${list}.`,
    });
  }

  const grunnlag = plusOre(f.B, f.C);
  if (sources.sapFaktura && isMaterial(f.Q, grunnlag, thresholds)) {
    const hvorfor = grunnlag === 0
      ? "avsetningen fra SAP (B + C) er 0"
      : `over ${percentText(oppsett.vesentlighetsgrense)} av avsetningen fra SAP (B + C = ${kr(grunnlag)})`;
    flags.push({
      kind: "vesentlig",
      termin,
      kolonner: ["Q"],
      melding: `Termin ${termin}: differansen mellom faktura og avsetning (Q = ${kr(f.Q)}) er vesentlig: ${hvorfor}. Følg opp mot SAP og SPK.`,
    });
  }

  if (oppsett.budsjettering === "brutto" && sources.sapFaktura) {
    const brudd = (["O", "P"] as const).filter((col) => f[col] !== 0);
    if (brudd.length > 0) {
      const text = { O: "O = L − B", P: "P = N − C" };
      const list = brudd.map((col) => `${text[col]} = ${kr(f[col])}`).join(", ");
      flags.push({
        kind: "posteringsregel",
        termin,
        kolonner: brudd,
        melding:
          `Termin ${termin}: fakturaen er ikke kontert etter DFØs regel for bruttobudsjetterte ` +
          `(2810 = avsetningen fra SAP, 2630 = trekket i lønn): ${list}, skal være 0.`,
      });
    }
  }
  return flags;
}

/** Year end (DESIGN.md §3.4): every control account whose balance is not 0 is a flag. */
export function saldoFlags(kontroll: readonly SaldoKontroll[]): Flag[] {
  return kontroll
    .filter((s) => s.differanse !== 0)
    .map((s) => ({
      kind: "saldo" as const,
      termin: null,
      konto: s.konto,
      kolonner: ["F"],
      melding: `Årsavslutning: konto ${s.konto} har saldo ${kr(s.ub)} ved årets slutt; den skal være 0. Finn posteringen som mangler (eller er ført to ganger) og korriger den før årsregnskapet.`,
    }));
}
