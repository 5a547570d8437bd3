/**
 * The Årsavslutning step as data: the balance control's inputs (IB and movement per control
 * account), the updated AGA rate, status code / signature / date per termin, read into what
 * `planAvstemming` writes; and core's balance control and AGA adjustment as text.
 */
import { ORE_ZERO } from "../../core/money/ore";
import { controlAccounts, KONTO_NAVN } from "../../core/spk/oppsett";
import { AgaJustering, Kontoer, KontoSaldo, Oppsett, SaldoKontroll, TerminInput } from "../../core/spk/types";
import { AvstemmingFraArk } from "../../core/spk/sheet/read";
import { kr, prosent } from "./format";
import { belopFelt, lesBelop, lesDato, lesProsent, prosentFelt } from "./input";

export interface SaldoFelt {
  readonly key: keyof Kontoer;
  readonly konto: string;
  /** `2630 medlemsinnskudd`. */
  readonly navn: string;
  readonly ib: string;
  readonly bevegelse: string;
}

export interface SigneringFelt {
  readonly termin: number;
  readonly status: string;
  readonly signatur: string;
  readonly dato: string;
  /** Already signed on the sheet: the sheet keeps what is there (sign-off cells are written only while empty). */
  readonly last: boolean;
}

export interface AarsSkjema {
  readonly saldoer: readonly SaldoFelt[];
  readonly nySats: string;
  readonly signeringer: readonly SigneringFelt[];
}

export function aarsSkjemaFra(fra: AvstemmingFraArk): AarsSkjema {
  const { oppsett } = fra;
  return {
    saldoer: controlAccounts(oppsett.budsjettering).map((key) => {
      const konto = oppsett.kontoer[key];
      const s = fra.saldoer.find((x) => x.konto === konto);
      return { key, konto, navn: `${konto} ${KONTO_NAVN[key]}`, ib: s ? belopFelt(s.ib) : "", bevegelse: s ? belopFelt(s.bevegelse) : "" };
    }),
    nySats: fra.oppdatertAgaSats !== undefined ? prosentFelt(fra.oppdatertAgaSats) : "",
    signeringer: [1, 2, 3, 4, 5, 6].map((termin) => {
      const t = fra.terminer.find((x) => x.termin === termin);
      const status = t?.status ?? "";
      const signatur = t?.signatur ?? "";
      const dato = t?.dato ?? "";
      return { termin, status, signatur, dato, last: status !== "" || signatur !== "" || dato !== "" };
    }),
  };
}

export interface AarsInput {
  readonly saldoer: readonly KontoSaldo[];
  readonly oppdatertAgaSats?: number;
  /** Only termins with something new to sign; texts only. */
  readonly signeringer: readonly Partial<TerminInput>[];
}

export type AarsResultat = { readonly ok: true; readonly input: AarsInput } | { readonly ok: false; readonly feil: Readonly<Record<string, string>> };

/** Field keys: `saldo.<key>.ib`, `saldo.<key>.bevegelse`, `nySats`, `sign.<termin>.dato`. */
export function lesAarsSkjema(s: AarsSkjema): AarsResultat {
  const feil: Record<string, string> = {};
  const saldoer: KontoSaldo[] = [];
  for (const f of s.saldoer) {
    if (f.ib.trim() === "" && f.bevegelse.trim() === "") continue;
    const ib = lesBelop(f.ib, ORE_ZERO);
    const bevegelse = lesBelop(f.bevegelse, ORE_ZERO);
    if (!ib.ok) feil[`saldo.${f.key}.ib`] = ib.feil;
    if (!bevegelse.ok) feil[`saldo.${f.key}.bevegelse`] = bevegelse.feil;
    if (ib.ok && bevegelse.ok) saldoer.push({ konto: f.konto, ib: ib.verdi, bevegelse: bevegelse.verdi });
  }
  let oppdatertAgaSats: number | undefined;
  if (s.nySats.trim() !== "") {
    const r = lesProsent(s.nySats, "AGA-sats");
    if (r.ok) oppdatertAgaSats = r.verdi;
    else feil.nySats = r.feil;
  }
  const signeringer: Partial<TerminInput>[] = [];
  for (const t of s.signeringer) {
    if (t.last) continue;
    const dato = lesDato(t.dato);
    if (!dato.ok) feil[`sign.${t.termin}.dato`] = dato.feil;
    const status = t.status.trim();
    const signatur = t.signatur.trim();
    if (status === "" && signatur === "" && (!dato.ok || dato.verdi === "")) continue;
    if (signatur === "") feil[`sign.${t.termin}.signatur`] = "Den som avstemmer signerer: fyll inn signatur.";
    if (dato.ok && dato.verdi === "") feil[`sign.${t.termin}.dato`] = "Fyll inn datoen for avstemmingen.";
    if (dato.ok) signeringer.push({ termin: t.termin, ...(status ? { status } : {}), ...(signatur ? { signatur } : {}), ...(dato.verdi ? { dato: dato.verdi } : {}) });
  }
  if (Object.keys(feil).length > 0) return { ok: false, feil };
  return { ok: true, input: { saldoer, ...(oppdatertAgaSats !== undefined ? { oppdatertAgaSats } : {}), signeringer } };
}

export interface SaldoRad {
  readonly konto: string;
  readonly ub: string;
  readonly differanse: string;
  readonly ok: boolean;
}

export function saldoVisning(kontroll: readonly SaldoKontroll[], oppsett: Oppsett): SaldoRad[] {
  return kontroll.map((s) => {
    const key = controlAccounts(oppsett.budsjettering).find((k) => oppsett.kontoer[k] === s.konto);
    return {
      konto: key ? `${s.konto} ${KONTO_NAVN[key]}` : s.konto,
      ub: kr(s.ub),
      differanse: kr(s.differanse),
      ok: s.differanse === 0,
    };
  });
}

export interface JusteringVisning {
  readonly linjer: readonly { readonly navn: string; readonly verdi: string }[];
}

export function justeringVisning(j: AgaJustering): JusteringVisning {
  return {
    linjer: [
      { navn: "Oppdatert AGA-sats", verdi: prosent(j.nySats) },
      { navn: "Sum differanse (ΣR)", verdi: kr(j.sumR) },
      { navn: "AGA bokført for året", verdi: kr(j.sumT) },
      { navn: "AGA med oppdatert sats", verdi: kr(j.nyAga) },
      { navn: "Justering", verdi: kr(j.justering) },
    ],
  };
}
