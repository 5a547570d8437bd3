import { kroner, negateOre, Ore, ORE_ZERO, sumOre } from "../../money/ore";
import { FormulaResult } from "../../workpaper/write-plan";
import { Avstemming, Budsjettering, Summer, TerminResult } from "../types";
import { VoucherColumn } from "./formulas";
import { ADJUST_CELLS, BALANCE_COLUMNS, balanceRows, FORMULA_COLUMNS, ROWS, SUM_COLUMNS, VOUCHER_COLUMNS, voucherRow } from "./layout";
import { SheetMap } from "./locate";

/**
 * What every formula of the reconciliation sheet computes, from core's model of the same figures:
 * the CLI stores these as the formulas' cached results, so a preview (mail, Teams, a phone) or a
 * reader that does not recalculate shows the figures, not empty cells. Excel and LibreOffice
 * recalculate anyway. Each value mirrors its formula in formulas.ts; the LibreOffice test checks
 * that they agree.
 */

type Value = number | string;
const amount = (x: Ore): number => kroner(x);

/** A termin row's computed columns; R and T are empty when the termin is not reconciled. */
function terminValues(t: TerminResult): Record<(typeof FORMULA_COLUMNS)[number], Value> {
  const missing = t.input.mangler ?? [];
  const sapUnit4 = !missing.includes("sap") && !missing.includes("unit4");
  const shown = (ok: boolean, x: Ore): Value => (ok ? amount(x) : "");
  return {
    G: shown(sapUnit4, t.G), H: shown(sapUnit4, t.H), I: shown(sapUnit4, t.I),
    O: shown(t.avstemt, t.O), P: shown(t.avstemt, t.P), Q: shown(t.avstemt, t.Q), R: shown(t.avstemt, t.R),
    S: t.S,
    T: shown(t.avstemt, t.T),
  };
}

/** One row of the voucher block, as voucherFormula computes it from R, O, P and T. */
function voucherValues(brutto: boolean, f: { R: Ore; O: Ore; P: Ore; T: Ore; S: number } | undefined, S: number): Record<VoucherColumn, Value> {
  if (!f) {
    const empty: Record<VoucherColumn, Value> = {
      R: "", S, T: "", differanse: "", fakturadifferanse: "", avsetningNetto: "", medlemsinnskudd: "", agaKostnad: "", agaMotkontoBrutto: "", agaMotkontoNetto: "", kontroll: "",
    };
    return empty;
  }
  const lines = {
    differanse: f.R,
    fakturadifferanse: brutto ? negateOre(f.R) : ORE_ZERO,
    avsetningNetto: brutto ? ORE_ZERO : negateOre(f.O),
    medlemsinnskudd: brutto ? ORE_ZERO : negateOre(f.P),
    agaKostnad: f.T,
    agaMotkontoBrutto: brutto ? negateOre(f.T) : ORE_ZERO,
    agaMotkontoNetto: brutto ? ORE_ZERO : negateOre(f.T),
  };
  return {
    R: amount(f.R),
    S: f.S,
    T: amount(f.T),
    ...(Object.fromEntries(Object.entries(lines).map(([k, v]) => [k, amount(v)])) as Record<keyof typeof lines, number>),
    kontroll: amount(sumOre(Object.values(lines))),
  };
}

const sumValue = (sum: Summer, col: (typeof SUM_COLUMNS)[number]): number => amount(sum[col]);

/** The cached results of every formula cell of the sheet `map` describes, for the model `a`. */
export function reconciliationResults(map: SheetMap, a: Avstemming, balanceKind: Budsjettering = a.oppsett.budsjettering): FormulaResult[] {
  const out: FormulaResult[] = [];
  const put = (address: string, value: Value) => out.push({ sheet: map.sheet, address, value });
  for (const t of a.terminer) {
    const r = map.terminRows.get(t.termin);
    if (r === undefined) continue;
    const values = terminValues(t);
    for (const col of FORMULA_COLUMNS) put(`${col}${r}`, values[col]);
  }
  if (map.sumRow !== undefined) for (const col of SUM_COLUMNS) put(`${col}${map.sumRow}`, sumValue(a.sum, col));
  if (!map.ours) return out;

  const { oppsett } = a;
  const brutto = oppsett.budsjettering === "brutto";
  const v = VOUCHER_COLUMNS;
  const accounts: Partial<Record<VoucherColumn, string>> = {
    differanse: oppsett.kontoer.differanse,
    fakturadifferanse: oppsett.kontoer.fakturadifferanse,
    avsetningNetto: oppsett.kontoer.avsetningNetto,
    medlemsinnskudd: oppsett.kontoer.medlemsinnskudd,
    agaKostnad: oppsett.kontoer.agaKostnad,
    agaMotkontoBrutto: oppsett.kontoer.agaMotkontoBrutto,
    agaMotkontoNetto: oppsett.kontoer.agaMotkontoNetto,
  };
  for (const [key, account] of Object.entries(accounts)) put(`${v[key as VoucherColumn]}${ROWS.voucherAccounts}`, account ?? "");
  const voucherCols = Object.keys(v).filter((k) => k !== "label") as VoucherColumn[];
  for (let termin = 1; termin <= 6; termin++) {
    const t = a.terminer.find((x) => x.termin === termin);
    const values = voucherValues(brutto, t?.avstemt ? { R: t.R, O: t.O, P: t.P, T: t.T, S: t.S } : undefined, t?.S ?? oppsett.agaSats);
    for (const key of voucherCols) put(`${v[key]}${voucherRow(termin)}`, values[key]);
  }
  const yearAga = a.aarsAga ?? a.sum.T;
  const year = voucherValues(brutto, { R: a.sum.R, O: a.sum.O, P: a.sum.P, T: yearAga, S: oppsett.agaSats }, oppsett.agaSats);
  for (const key of voucherCols) put(`${v[key]}${ROWS.voucherYear}`, year[key]);

  const b = BALANCE_COLUMNS;
  for (const { key, row } of balanceRows(balanceKind)) {
    const konto = oppsett.kontoer[key];
    const s = a.saldokontroll.find((k) => k.konto === konto);
    put(`${b.konto}${row}`, konto);
    put(`${b.ub}${row}`, s ? amount(s.ub) : 0);
    put(`${b.differanse}${row}`, s ? amount(s.differanse) : 0);
  }

  const adj = a.agaJustering;
  put(ADJUST_CELLS.sumR, amount(a.sum.R));
  put(ADJUST_CELLS.bokfort, amount(yearAga));
  put(ADJUST_CELLS.nyAga, adj ? amount(adj.nyAga) : "");
  put(ADJUST_CELLS.justering, adj ? amount(adj.justering) : "");
  return out;
}
