import { compare, rate, times } from "../money/exact";
import { kronerText, percentText } from "../money/format";
import { absOre, exactOf, Ore, plusOre } from "../money/ore";
import { Flag, Oppsett } from "./types";

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

const kr = (x: Ore): string => `${kronerText(x)} kr`;

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
  const toleranse = oppsett.toleranse;

  const over = (["G", "H", "I"] as const).filter((col) => absOre(f[col]) > toleranse);
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
  const grense = times(exactOf(absOre(grunnlag)), rate(oppsett.vesentlighetsgrense));
  if (compare(exactOf(absOre(f.Q)), grense) > 0) {
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

  if (oppsett.budsjettering === "brutto") {
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
