/**
 * The year's a-melding totals for RF-1022, from the a-melding reader's result (after
 * replacements): Σ inntekt over the meldinger that stand, Σ AGA basis and Σ sumArbeidsgiveravgift
 * over the months. A month of the year without a melding, or a melding of another year, is said
 * in a note: the comparison is only as whole as the meldinger given.
 */
import { AmeldingImport } from "../import/amelding";
import { ORE_ZERO, Ore, plusOre, sumOre } from "../money/ore";
import { Rf1022Amelding } from "./rf1022";

const pad = (n: number) => String(n).padStart(2, "0");

export function rf1022Amelding(a: AmeldingImport, aar: number): { readonly amelding: Rf1022Amelding; readonly notes: readonly string[] } {
  const inYear = (month: string) => month.startsWith(`${aar}-`);
  const months = a.maaneder.filter((m) => inYear(m.kalendermaaned));
  const standing = a.meldinger.filter((m) => m.erstattetAv === undefined && inYear(m.kalendermaaned));
  let agaGrunnlag: Ore = ORE_ZERO;
  for (const m of months) for (const l of m.agaGrunnlag) agaGrunnlag = plusOre(agaGrunnlag, l.grunnlag);
  const maaneder = [...new Set(months.map((m) => m.kalendermaaned))].sort();
  const notes: string[] = [];
  const missing = Array.from({ length: 12 }, (_, i) => `${aar}-${pad(i + 1)}`).filter((m) => !maaneder.includes(m));
  if (missing.length > 0) notes.push(`Ingen a-melding for ${missing.join(", ")}; sammenligningen gjelder bare månedene som er lest.`);
  const other = [...new Set(a.maaneder.map((m) => m.kalendermaaned).filter((m) => !inYear(m)))];
  if (other.length > 0) notes.push(`A-meldingene for ${other.join(", ")} er ikke fra ${aar} og er holdt utenfor.`);
  return {
    amelding: {
      maaneder,
      inntekt: sumOre(standing.flatMap((m) => m.virksomheter.map((v) => v.inntekt))),
      agaGrunnlag,
      arbeidsgiveravgift: sumOre(months.map((m) => m.sumArbeidsgiveravgift)),
    },
    notes,
  };
}
