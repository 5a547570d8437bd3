/**
 * The Årsavslutning step as data: the balance control's inputs (IB and movement per control
 * account), the updated AGA rate, status code / signature / date per termin, read into what
 * `planAvstemming` writes; and core's balance control and AGA adjustment as text.
 */
import { ORE_ZERO } from "../../core/money/ore";
import { controlAccounts, KONTO_NAMES } from "../../core/spk/oppsett";
import { AgaJustering, Kontoer, KontoSaldo, Oppsett, SaldoKontroll, TerminInput } from "../../core/spk/types";
import { AvstemmingFromSheet } from "../../core/spk/sheet/read";
import { kr, percent } from "./format";
import { amountFieldText, parseAmountField, parseDateField, parsePercentField, percentFieldText } from "./input";

export interface SaldoField {
  readonly key: keyof Kontoer;
  readonly konto: string;
  /** `2630 medlemsinnskudd`. */
  readonly name: string;
  readonly ib: string;
  readonly bevegelse: string;
}

export interface SignOffField {
  readonly termin: number;
  readonly status: string;
  readonly signatur: string;
  readonly dato: string;
  /** Already signed on the sheet: the sheet keeps what is there (sign-off cells are written only while empty). */
  readonly signed: boolean;
}

export interface YearEndForm {
  readonly saldoer: readonly SaldoField[];
  readonly newRate: string;
  readonly signOffs: readonly SignOffField[];
}

export function yearEndFormFrom(fromSheet: AvstemmingFromSheet): YearEndForm {
  const { oppsett } = fromSheet;
  return {
    saldoer: controlAccounts(oppsett.budsjettering).map((key) => {
      const konto = oppsett.kontoer[key];
      const s = fromSheet.saldoer.find((x) => x.konto === konto);
      return { key, konto, name: `${konto} ${KONTO_NAMES[key]}`, ib: s ? amountFieldText(s.ib) : "", bevegelse: s ? amountFieldText(s.bevegelse) : "" };
    }),
    newRate: fromSheet.oppdatertAgaSats !== undefined ? percentFieldText(fromSheet.oppdatertAgaSats) : "",
    signOffs: [1, 2, 3, 4, 5, 6].map((termin) => {
      const t = fromSheet.terminer.find((x) => x.termin === termin);
      const status = t?.status ?? "";
      const signatur = t?.signatur ?? "";
      const dato = t?.dato ?? "";
      return { termin, status, signatur, dato, signed: status !== "" || signatur !== "" || dato !== "" };
    }),
  };
}

export interface YearEndInput {
  readonly saldoer: readonly KontoSaldo[];
  readonly oppdatertAgaSats?: number;
  /** Only termins with something new to sign; texts only. */
  readonly signOffs: readonly Partial<TerminInput>[];
}

export type YearEndResult = { readonly ok: true; readonly input: YearEndInput } | { readonly ok: false; readonly problems: Readonly<Record<string, string>> };

/** Field keys: `saldo.<key>.ib`, `saldo.<key>.bevegelse`, `nySats`, `sign.<termin>.dato`. */
export function readYearEndForm(s: YearEndForm): YearEndResult {
  const problems: Record<string, string> = {};
  const saldoer: KontoSaldo[] = [];
  for (const f of s.saldoer) {
    if (f.ib.trim() === "" && f.bevegelse.trim() === "") continue;
    const ib = parseAmountField(f.ib, ORE_ZERO);
    const bevegelse = parseAmountField(f.bevegelse, ORE_ZERO);
    if (!ib.ok) problems[`saldo.${f.key}.ib`] = ib.problem;
    if (!bevegelse.ok) problems[`saldo.${f.key}.bevegelse`] = bevegelse.problem;
    if (ib.ok && bevegelse.ok) saldoer.push({ konto: f.konto, ib: ib.value, bevegelse: bevegelse.value });
  }
  let oppdatertAgaSats: number | undefined;
  if (s.newRate.trim() !== "") {
    const r = parsePercentField(s.newRate, "AGA-sats");
    if (r.ok) oppdatertAgaSats = r.value;
    else problems.nySats = r.problem;
  }
  const signOffs: Partial<TerminInput>[] = [];
  for (const t of s.signOffs) {
    if (t.signed) continue;
    const dato = parseDateField(t.dato);
    if (!dato.ok) problems[`sign.${t.termin}.dato`] = dato.problem;
    const status = t.status.trim();
    const signatur = t.signatur.trim();
    if (status === "" && signatur === "" && (!dato.ok || dato.value === "")) continue;
    if (signatur === "") problems[`sign.${t.termin}.signatur`] = "Den som avstemmer signerer: fyll inn signatur.";
    if (dato.ok && dato.value === "") problems[`sign.${t.termin}.dato`] = "Fyll inn datoen for avstemmingen.";
    if (dato.ok) signOffs.push({ termin: t.termin, ...(status ? { status } : {}), ...(signatur ? { signatur } : {}), ...(dato.value ? { dato: dato.value } : {}) });
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, input: { saldoer, ...(oppdatertAgaSats !== undefined ? { oppdatertAgaSats } : {}), signOffs } };
}

export interface SaldoRow {
  readonly konto: string;
  readonly ub: string;
  readonly differanse: string;
  readonly ok: boolean;
}

export function saldoView(control: readonly SaldoKontroll[], oppsett: Oppsett): SaldoRow[] {
  return control.map((s) => {
    const key = controlAccounts(oppsett.budsjettering).find((k) => oppsett.kontoer[k] === s.konto);
    return {
      konto: key ? `${s.konto} ${KONTO_NAMES[key]}` : s.konto,
      ub: kr(s.ub),
      differanse: kr(s.differanse),
      ok: s.differanse === 0,
    };
  });
}

export interface AdjustmentView {
  readonly lines: readonly { readonly name: string; readonly value: string }[];
}

export function adjustmentView(j: AgaJustering): AdjustmentView {
  return {
    lines: [
      { name: "Oppdatert AGA-sats", value: percent(j.nySats) },
      { name: "Sum differanse (ΣR)", value: kr(j.sumR) },
      { name: "AGA bokført for året", value: kr(j.sumT) },
      { name: "AGA med oppdatert sats", value: kr(j.nyAga) },
      { name: "Justering", value: kr(j.justering) },
    ],
  };
}
