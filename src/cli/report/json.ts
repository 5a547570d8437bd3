/**
 * `lonn avstem --json`: DESIGN.md §7's shape, `{ terminer: [{ termin, G, H, I, O, P, Q, R, T, … }],
 * bilag: [{ termin, konto, belop, … }] }`, with the rest of the run under its own keys. Amounts are
 * the model's kroner figures (whole øre) as JSON numbers; nothing is computed here.
 */
import { isRuleError } from "../../core/errors";
import { bilagSumOre } from "../../core/spk/bilag-balanse";
import { kronerAv } from "../../core/spk/bilag-format";
import { AMOUNT_COLUMNS, TEXT_COLUMNS } from "../../core/spk/termin-fields";
import { Flag } from "../../core/spk/types";
import type { Resultat } from "../pipeline";
import type { XlsxApplyReport } from "../xlsx/apply-plan";

const flagg = (f: Flag) => ({ type: f.kind, termin: f.termin, kolonner: f.kolonner, melding: f.melding });

export interface JsonEkstra {
  readonly filer?: readonly { readonly type: string; readonly sti: string }[];
  readonly ark?: XlsxApplyReport;
}

export function resultatJson(res: Resultat, ekstra: JsonEkstra = {}): Record<string, unknown> {
  const { avstemming: a, grunnlag: g } = res;
  const terminer = a.terminer.map((t) => {
    const inputs: Record<string, number | string> = {};
    for (const c of AMOUNT_COLUMNS) inputs[c.col] = t.input[c.field];
    for (const c of TEXT_COLUMNS) {
      const v = t.input[c.field];
      if (v !== undefined && v !== "") inputs[c.col] = v;
    }
    return {
      termin: t.termin,
      G: t.G, H: t.H, I: t.I, O: t.O, P: t.P, Q: t.Q, R: t.R, S: t.S, T: t.T,
      ...inputs,
      flagg: t.flags.map(flagg),
    };
  });
  const bilag = res.bilag.flatMap((b) =>
    b.linjer.map((l) => ({
      termin: l.termin,
      konto: l.konto,
      belop: l.belop,
      bilagId: b.id,
      linje: l.linje,
      tekst: l.tekst,
      dimensjoner: l.dimensjoner,
      dato: b.dato,
      periode: b.periode,
    })),
  );
  const bilagsoversikt = res.bilag.map((b) => {
    const sum = bilagSumOre(b);
    return {
      bilagId: b.id,
      termin: b.termin,
      tekst: b.tekst,
      dato: b.dato,
      periode: b.periode,
      linjer: b.linjer.length,
      sum: isRuleError(sum) ? null : kronerAv(sum),
      iBalanse: !isRuleError(sum) && sum === 0,
    };
  });
  return {
    kilde: g.kilde,
    oppsett: a.oppsett,
    terminer,
    sum: a.sum,
    aarsAga: a.aarsAga ?? null,
    flagg: a.flags.map(flagg),
    saldokontroll: a.saldokontroll,
    agaJustering: a.agaJustering ?? null,
    bilag,
    bilagsoversikt,
    amelding: res.amelding ?? null,
    importmerknader: g.merknader,
    ...(ekstra.filer ? { filer: ekstra.filer } : {}),
    ...(ekstra.ark ? { ark: { ikkeSkrevet: ekstra.ark.leftAlone, merknader: ekstra.ark.notices } } : {}),
  };
}
