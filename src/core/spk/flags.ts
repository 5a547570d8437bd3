import { abs, compare, Exact, fromNumber, isZero, plus, rate, roundToOre, times } from "../money/exact";
import { kronerTekst, prosentTekst } from "./bilag-format";
import { Flag, Oppsett } from "./types";

/** One termin's figures the flags look at, exact. */
export interface FlagFigures {
  readonly B: Exact;
  readonly C: Exact;
  readonly G: Exact;
  readonly H: Exact;
  readonly I: Exact;
  readonly O: Exact;
  readonly P: Exact;
  readonly Q: Exact;
}

const kr = (x: Exact): string => `${kronerTekst(roundToOre(x))} kr`;

const SAP_UNIT4: Readonly<Record<"G" | "H" | "I", string>> = {
  G: "utgift, B − D",
  H: "avsetning, B − E",
  I: "medlemsinnskudd, C − F",
};

/**
 * The flags of DESIGN.md §3.1 for one termin. The comparisons are exact and strict: a difference
 * of exactly the tolerance is within it.
 *
 * - uforklart: |G|, |H| or |I| above the tolerance and J empty (blank text counts as empty: it
 *   explains nothing).
 * - vesentlig: |Q| > vesentlighetsgrense × |B + C|. With B + C = 0 any Q ≠ 0 is material, as the
 *   definition gives. The absolute value only matters for a negative provision (a correction
 *   termin), where the limit would otherwise be negative and even Q = 0 "material".
 * - posteringsregel (brutto only): L must equal B and N must equal C, so O and P must be 0.
 */
export function terminFlags(oppsett: Oppsett, termin: number, f: FlagFigures, forklaring: string | undefined): Flag[] {
  const flags: Flag[] = [];
  const toleranse = fromNumber(oppsett.toleranse);

  const over = (["G", "H", "I"] as const).filter((col) => compare(abs(f[col]), toleranse) > 0);
  if (over.length > 0 && (forklaring ?? "").trim() === "") {
    const list = over.map((col) => `${col} (${SAP_UNIT4[col]}) = ${kr(f[col])}`).join(", ");
    flags.push({
      kind: "uforklart",
      termin,
      kolonner: [...over, "J"],
      melding: `Termin ${termin}: differanse mellom SAP og Unit4 over toleransen på ${kr(toleranse)} uten forklaring i J: ${list}.`,
    });
  }

  const grunnlag = plus(f.B, f.C);
  const grense = times(abs(grunnlag), rate(oppsett.vesentlighetsgrense));
  if (compare(abs(f.Q), grense) > 0) {
    const hvorfor = isZero(grunnlag)
      ? "avsetningen fra SAP (B + C) er 0"
      : `over ${prosentTekst(oppsett.vesentlighetsgrense)} av avsetningen fra SAP (B + C = ${kr(grunnlag)})`;
    flags.push({
      kind: "vesentlig",
      termin,
      kolonner: ["Q"],
      melding: `Termin ${termin}: differansen mellom faktura og avsetning (Q = ${kr(f.Q)}) er vesentlig: ${hvorfor}. Følg opp mot SAP og SPK.`,
    });
  }

  if (oppsett.budsjettering === "brutto") {
    const brudd = (["O", "P"] as const).filter((col) => !isZero(f[col]));
    if (brudd.length > 0) {
      const tekst = { O: "O = L − B", P: "P = N − C" };
      const list = brudd.map((col) => `${tekst[col]} = ${kr(f[col])}`).join(", ");
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
