import { isRuleError, Result } from "../errors";
import { Exact, fromNumber, minus, plus, roundKroner, ZERO } from "../money/exact";
import { agaPaDifferanse } from "./aga-differanse";
import { oreAmount } from "./amounts";
import { isRateFraction, KONTO_NAVN, kontrollKontoer } from "./oppsett";
import { InputProblems, ProblemList } from "./problems";
import { AgaJustering, KontoSaldo, Oppsett, SaldoKontroll } from "./types";

/**
 * The year-end balance control (DESIGN.md §3.4): per control account UB = IB + bevegelse, expected
 * 0, difference UB − 0. Rows come in the order of `kontrollKontoer` for the accounts that have a
 * balance; a balance for any other account, or two for one account, is refused (a mistyped account
 * would otherwise pass as "checked").
 */
export function saldokontroll(oppsett: Oppsett, saldoer: readonly KontoSaldo[]): Result<SaldoKontroll[]> {
  const problems = new ProblemList();
  const keys = kontrollKontoer(oppsett.budsjettering);
  const accounts = keys.map((k) => oppsett.kontoer[k].trim());
  const byAccount = new Map<string, { ib: Exact; bevegelse: Exact }>();
  saldoer.forEach((s, i) => {
    const where = `Saldo ${i + 1} (konto ${s.konto})`;
    const konto = String(s.konto ?? "").trim();
    if (!accounts.includes(konto)) {
      const list = keys.map((k, j) => `${accounts[j]} ${KONTO_NAVN[k]}`).join(", ");
      problems.add(`${where}: kontoen inngår ikke i årskontrollen for ${oppsett.budsjettering}budsjetterte (${list}).`);
      return;
    }
    if (byAccount.has(konto)) {
      problems.add(`${where}: konto ${konto} har allerede en saldo.`);
      return;
    }
    const ib = oreAmount(s.ib, `${where}: IB`);
    const bevegelse = oreAmount(s.bevegelse, `${where}: bevegelse`);
    if (isRuleError(ib)) problems.add(ib.message);
    if (isRuleError(bevegelse)) problems.add(bevegelse.message);
    if (!isRuleError(ib) && !isRuleError(bevegelse)) byAccount.set(konto, { ib, bevegelse });
  });
  return problems.result(() =>
    accounts.flatMap((konto) => {
      const s = byAccount.get(konto);
      if (!s) return [];
      const ub = plus(s.ib, s.bevegelse);
      const forventet = ZERO;
      return [{
        konto,
        ib: roundKroner(s.ib),
        bevegelse: roundKroner(s.bevegelse),
        ub: roundKroner(ub),
        forventet: roundKroner(forventet),
        differanse: roundKroner(minus(ub, forventet)),
      }];
    }),
  );
}

/**
 * The year-end AGA adjustment (DESIGN.md §3.2): with the average rate updated to the actual rate
 * through period 11, round(ΣR × new rate, 2) − the AGA already posted for the year (ΣT terminvis,
 * round(ΣR × S, 2) årsslutt).
 */
export function agaJustering(sumR: number, bokfortAga: number, nySats: number): Result<AgaJustering> {
  if (!isRateFraction(nySats)) {
    return new InputProblems([`Den oppdaterte AGA-satsen må være en brøk fra og med 0 til 1, f.eks. 0,1387 for 13,87 % (fikk ${nySats}).`]);
  }
  const nyAga = agaPaDifferanse(sumR, nySats);
  return {
    nySats,
    sumR,
    sumT: bokfortAga,
    nyAga,
    justering: roundKroner(minus(fromNumber(nyAga), fromNumber(bokfortAga))),
  };
}
