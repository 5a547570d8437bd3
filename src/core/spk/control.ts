import { minusOre, ORE_ZERO, Ore, plusOre } from "../money/ore";
import { RATE_FRACTION_HINT } from "../problem/messages";
import { Checked, ProblemList, problems } from "../problem/problem";
import { agaOnDifference } from "./aga-differanse";
import { KONTO_NAMES, controlAccounts } from "./oppsett";
import { isRateFraction } from "../money/rate-fraction";
import { AgaJustering, KontoSaldo, Oppsett, SaldoKontroll } from "./types";

/**
 * The year-end balance control (DESIGN.md §3.4): per control account UB = IB + bevegelse, expected
 * 0, difference UB − 0. Rows come in the order of `controlAccounts` for the accounts that have a
 * balance; a balance for any other account, or two for one account, is refused (a mistyped account
 * would otherwise pass as "checked").
 */
export function balanceControl(oppsett: Oppsett, saldoer: readonly KontoSaldo[]): Checked<SaldoKontroll[]> {
  const list = new ProblemList();
  const keys = controlAccounts(oppsett.budsjettering);
  const accounts = keys.map((k) => oppsett.kontoer[k].trim());
  const byAccount = new Map<string, { ib: Ore; bevegelse: Ore }>();
  saldoer.forEach((s, i) => {
    const where = `Saldo ${i + 1} (konto ${s.konto})`;
    const konto = String(s.konto ?? "").trim();
    if (!accounts.includes(konto)) {
      const names = keys.map((k, j) => `${accounts[j]} ${KONTO_NAMES[k]}`).join(", ");
      list.add(`${where}: kontoen inngår ikke i årskontrollen for ${oppsett.budsjettering}budsjetterte (${names}).`);
      return;
    }
    if (byAccount.has(konto)) {
      list.add(`${where}: konto ${konto} har allerede en saldo.`);
      return;
    }
    byAccount.set(konto, { ib: s.ib, bevegelse: s.bevegelse });
  });
  return list.result(() =>
    accounts.flatMap((konto) => {
      const s = byAccount.get(konto);
      if (!s) return [];
      const ub = plusOre(s.ib, s.bevegelse);
      return [{ konto, ib: s.ib, bevegelse: s.bevegelse, ub, forventet: ORE_ZERO, differanse: minusOre(ub, ORE_ZERO) }];
    }),
  );
}

/**
 * The year-end AGA adjustment (DESIGN.md §3.2): with the average rate updated to the actual rate
 * through period 11, round(ΣR × new rate, 2) − the AGA already posted for the year (ΣT terminvis,
 * round(ΣR × S, 2) årsslutt).
 */
export function agaAdjustment(sumR: Ore, bokfortAga: Ore, newRate: number): Checked<AgaJustering> {
  if (!isRateFraction(newRate)) return problems(`Den oppdaterte AGA-satsen må være ${RATE_FRACTION_HINT} (fikk ${newRate}).`);
  const newAga = agaOnDifference(sumR, newRate);
  return { nySats: newRate, sumR, sumT: bokfortAga, nyAga: newAga, justering: minusOre(newAga, bokfortAga) };
}
