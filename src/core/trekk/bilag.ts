/**
 * Correction vouchers for the ledger differences the user accepts (DESIGN.md §8.3): the month's
 * difference on the liability account, hovedbokUb − forventetUb, is posted away against the
 * account the user names. The liability gets −differanse (so its balance becomes the
 * roll-forward's), the counter account +differanse. Through core/voucher like every voucher of the
 * product: zero lines dropped, balance checked; dated the last day of the month.
 */
import { negateOre } from "../money/ore";
import { Checked, isProblems, ProblemList } from "../problem/problem";
import { buildBilag } from "../voucher/build";
import { monthEnd } from "../voucher/dates";
import { planDimensions } from "../voucher/dimensions";
import { Bilag } from "../voucher/types";
import { kr } from "./flags";
import { monthName, monthOf } from "./dates";
import { TrekkAvstemming } from "./result";

/** `TREKK-2026-2600-01`: year, account, month. */
export function trekkBilagId(aar: number, konto: string, maaned: number): string {
  return `TREKK-${aar}-${konto}-${String(maaned).padStart(2, "0")}`;
}

/** Recognises the ids `trekkBilagId` makes (for regenerating the voucher sheet and the export record). */
export const TREKK_BILAG_ID = /^TREKK-\d{4}-[^-\s]+-(0[1-9]|1[0-2])$/;

/** The vouchers for every accepted correction with a difference; every problem at once. */
export function buildTrekkBilag(a: TrekkAvstemming): Checked<Bilag[]> {
  const problems = new ProblemList();
  const plan = planDimensions([]);
  if (isProblems(plan)) return plan;
  const out: Bilag[] = [];
  (a.scenario.korreksjoner ?? []).forEach((k, i) => {
    const row = a.kontroller.find((r) => r.konto === k.konto && r.periode === k.periode);
    if (!row) {
      problems.add({ path: `korreksjoner[${i}].periode`, message: `${k.periode} er etter siste måned i avstemmingen; det finnes ingen differanse å korrigere.` });
      return;
    }
    if (row.differanse === 0) return;
    const what = `${k.tekst ?? `Korreksjon av differanse på konto ${k.konto}`} (${monthName(k.periode)})`;
    const built = buildBilag(
      {
        id: trekkBilagId(a.scenario.aar, k.konto, monthOf(k.periode)),
        termin: null,
        tekst: `Korreksjon konto ${k.konto} ${monthName(k.periode)}: differanse ${kr(row.differanse)} mot avstemmingen`,
        ...monthEnd(a.scenario.aar, row.maaned),
      },
      [
        { konto: k.konto, ore: negateOre(row.differanse), tekst: what, kostnad: false },
        { konto: k.motkonto, ore: row.differanse, tekst: what, kostnad: true },
      ],
      plan,
    );
    if (isProblems(built)) problems.addAll(built, { path: `korreksjoner[${i}]` });
    else if (built) out.push(built);
  });
  return problems.result(() => out);
}
