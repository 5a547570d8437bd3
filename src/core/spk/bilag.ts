import { inContext, isRuleError, numberError, Result, RuleError, valueError } from "../errors";
import { agaPaDifferanse } from "./aga-differanse";
import { balanseFeil } from "./bilag-balanse";
import { DimensjonsPlan, delerSummererTil, fordelKostnad, lesDimensjoner } from "./bilag-dimensjoner";
import { aarSlutt, bilagId, Bokforingsdato, kronerAv, oreAv, prosentTekst, terminSlutt } from "./bilag-format";
import { AgaJustering, Avstemming, Bilag, Bilagslinje, Oppsett, TerminResultat } from "./types";

/**
 * The korreksjonsbilag of DESIGN.md §3.2: the difference between provision and SPK invoice is
 * posted (resultatført) with a computed AGA on it.
 *
 *   line          brutto        netto
 *   difference    5420 +R       5420 +R
 *   counter       2820 −R       2961 −O, 2630 −P
 *   AGA           5401 +T       5401 +T
 *   AGA counter   1986 −T       2771 −T
 *
 * Amounts are signed, debit positive; a negative difference reverses every line by its sign
 * alone. Zero lines are left out. Accounts come from `oppsett.kontoer`.
 */

/** One posting before it is spread over dimensions. */
interface Postering {
  readonly konto: string;
  readonly ore: number;
  readonly tekst: string;
  /** Cost lines (5420, 5401) may be spread over dimension values; balance lines never are. */
  readonly kostnad: boolean;
}

interface BilagHode extends Bokforingsdato {
  readonly id: string;
  readonly termin: number | null;
  readonly tekst: string;
}

/** The figures one voucher posts, in øre: R and T always; O and P for netto. */
interface Differanse {
  readonly R: number;
  readonly O: number;
  readonly P: number;
  readonly T: number;
}

function konto(value: string, hva: string): Result<string> {
  const k = (value ?? "").trim();
  return k ? k : valueError(`Kontoen for ${hva} mangler i oppsettet.`);
}

function budsjetteringTekst(oppsett: Oppsett): string {
  return `${oppsett.budsjettering}budsjettert, ${oppsett.modus === "terminvis" ? "terminvis" : "årsslutt"}`;
}

/** The four (brutto) or five (netto) postings of DESIGN.md §3.2 for one difference. */
function posteringer(oppsett: Oppsett, prefiks: string, d: Differanse, sats: number): Result<Postering[]> {
  const k = oppsett.kontoer;
  const differanse = konto(k.differanse, "resultatføring av differansen");
  const agaKostnad = konto(k.agaKostnad, "beregnet AGA");
  if (isRuleError(differanse)) return differanse;
  if (isRuleError(agaKostnad)) return agaKostnad;
  const aga = { konto: agaKostnad, ore: d.T, tekst: `${prefiks}: beregnet AGA (snittsats ${prosentTekst(sats)})`, kostnad: true };

  if (oppsett.budsjettering === "brutto") {
    const motpost = konto(k.fakturadifferanse, "fakturadifferansen (brutto)");
    const agaMotpost = konto(k.agaMotkontoBrutto, "motpost AGA (brutto)");
    if (isRuleError(motpost)) return motpost;
    if (isRuleError(agaMotpost)) return agaMotpost;
    return [
      { konto: differanse, ore: d.R, tekst: `${prefiks}: resultatføring differanse`, kostnad: true },
      { konto: motpost, ore: -d.R, tekst: `${prefiks}: nullstilling ${motpost}`, kostnad: false },
      aga,
      { konto: agaMotpost, ore: -d.T, tekst: `${prefiks}: motpost AGA ${agaMotpost}`, kostnad: false },
    ];
  }
  const avsetning = konto(k.avsetningNetto, "avsetningen (netto)");
  const medlem = konto(k.medlemsinnskudd, "medlemsinnskuddet");
  const agaMotpost = konto(k.agaMotkontoNetto, "motpost AGA (netto)");
  if (isRuleError(avsetning)) return avsetning;
  if (isRuleError(medlem)) return medlem;
  if (isRuleError(agaMotpost)) return agaMotpost;
  return [
    { konto: differanse, ore: d.R, tekst: `${prefiks}: resultatføring differanse`, kostnad: true },
    { konto: avsetning, ore: -d.O, tekst: `${prefiks}: avregning arbeidsgiverandel ${avsetning}`, kostnad: false },
    { konto: medlem, ore: -d.P, tekst: `${prefiks}: avregning medlemsandel ${medlem}`, kostnad: false },
    aga,
    { konto: agaMotpost, ore: -d.T, tekst: `${prefiks}: motpost AGA ${agaMotpost}`, kostnad: false },
  ];
}

/**
 * Postings → voucher lines: cost lines spread over dimension values, zero lines dropped, lines
 * numbered 1…n. undefined when nothing is left to post. An unbalanced result is refused: with
 * exact øre it can only be a bug or inconsistent figures from the model.
 */
export function byggBilag(hode: BilagHode, poster: readonly Postering[], plan: DimensjonsPlan): Result<Bilag | undefined> {
  const linjer: Bilagslinje[] = [];
  for (const p of poster) {
    const andeler = p.kostnad ? fordelKostnad(p.ore, plan) : [{ ore: p.ore, dimensjoner: plan.balanse }];
    const check = delerSummererTil(p.ore, andeler);
    if (isRuleError(check)) return inContext(check, `Bilag ${hode.id}, konto ${p.konto}`);
    for (const a of andeler) {
      if (a.ore === 0) continue;
      linjer.push({
        termin: hode.termin,
        linje: linjer.length + 1,
        konto: p.konto,
        belop: kronerAv(a.ore),
        tekst: p.tekst,
        dimensjoner: { ...a.dimensjoner },
      });
    }
  }
  if (linjer.length === 0) return undefined;
  const bilag: Bilag = { ...hode, linjer };
  const problem = balanseFeil(bilag);
  if (problem) {
    return numberError(`${problem.message} Tallene fra avstemmingen henger ikke sammen (for netto må R = O + P); bilaget er ikke laget.`);
  }
  return bilag;
}

function differanseOre(fields: { R: number; O: number; P: number; T: number }, hvor: string): Result<Differanse> {
  const out: Record<string, number> = {};
  for (const key of ["R", "O", "P", "T"] as const) {
    const ore = oreAv(fields[key], `${hvor}: ${key}`);
    if (isRuleError(ore)) return ore;
    out[key] = ore;
  }
  return out as unknown as Differanse;
}

/**
 * One termin's voucher (modus terminvis), dated the last day of the termin's last month.
 * undefined when there is nothing to post. Besides R ≠ 0 a netto termin with R = 0 but O = −P ≠ 0
 * also gets a voucher: it moves the amount between 2961 and 2630, which must both be 0 at year end.
 */
export function lagTerminbilag(oppsett: Oppsett, t: TerminResultat, plan?: DimensjonsPlan): Result<Bilag | undefined> {
  const dims = plan ?? lesDimensjoner(oppsett.dimensjoner);
  if (isRuleError(dims)) return dims;
  const d = differanseOre(t, `Termin ${t.termin}`);
  if (isRuleError(d)) return d;
  const netto = oppsett.budsjettering === "netto";
  const posted = netto ? { ...d } : { ...d, O: 0, P: 0 };
  const prefiks = `SPK-premie T${t.termin} ${oppsett.aar}`;
  const poster = posteringer(oppsett, prefiks, posted, t.S);
  if (isRuleError(poster)) return poster;
  return byggBilag(
    {
      id: bilagId(oppsett.aar, t.termin),
      termin: t.termin,
      tekst: `Korreksjonsbilag SPK-premie T${t.termin} ${oppsett.aar} (${budsjetteringTekst(oppsett)})`,
      ...terminSlutt(oppsett.aar, t.termin),
    },
    poster,
    dims,
  );
}

/** What the year voucher reads from the reconciliation. */
export type ArsGrunnlag = Pick<Avstemming, "oppsett" | "sum" | "aarsAga">;

/**
 * The year's AGA on ΣR (årsslutt): round(ΣR × S, 2). The model's figure (`aarsAga`) when it is
 * there, else the model's rule (`agaPaDifferanse`): never a second computation of our own.
 */
export function arsAga(a: ArsGrunnlag): number {
  return a.aarsAga ?? agaPaDifferanse(a.sum.R, a.oppsett.agaSats);
}

/** The year voucher (modus årsslutt) on ΣR, dated 31.12, with AGA = round(ΣR × S, 2). */
export function lagArsbilag(a: ArsGrunnlag, plan?: DimensjonsPlan): Result<Bilag | undefined> {
  const { oppsett, sum } = a;
  const dims = plan ?? lesDimensjoner(oppsett.dimensjoner);
  if (isRuleError(dims)) return dims;
  const T = arsAga(a);
  const d = differanseOre({ R: sum.R, O: sum.O, P: sum.P, T }, `Året ${oppsett.aar}`);
  if (isRuleError(d)) return d;
  const posted = oppsett.budsjettering === "netto" ? d : { ...d, O: 0, P: 0 };
  const prefiks = `SPK-premie ${oppsett.aar} (årsslutt)`;
  const poster = posteringer(oppsett, prefiks, posted, oppsett.agaSats);
  if (isRuleError(poster)) return poster;
  return byggBilag(
    {
      id: bilagId(oppsett.aar, null),
      termin: null,
      tekst: `Korreksjonsbilag SPK-premie ${oppsett.aar} (${budsjetteringTekst(oppsett)})`,
      ...aarSlutt(oppsett.aar),
    },
    poster,
    dims,
  );
}

/**
 * The year-end AGA adjustment (DESIGN.md §3.2): when the average rate is updated to the actual
 * rate through period 11, 5401 +adj against 1986 (brutto) or 2771 (netto) −adj, where
 * adj = round(ΣR × new rate, 2) − ΣT is the model's figure. undefined when adj is 0.
 */
export function lagAgaJusteringsbilag(oppsett: Oppsett, j: AgaJustering, plan?: DimensjonsPlan): Result<Bilag | undefined> {
  const dims = plan ?? lesDimensjoner(oppsett.dimensjoner);
  if (isRuleError(dims)) return dims;
  const adj = oreAv(j.justering, "AGA-justeringen");
  if (isRuleError(adj)) return adj;
  const agaKostnad = konto(oppsett.kontoer.agaKostnad, "beregnet AGA");
  if (isRuleError(agaKostnad)) return agaKostnad;
  const motkonto = oppsett.budsjettering === "brutto"
    ? konto(oppsett.kontoer.agaMotkontoBrutto, "motpost AGA (brutto)")
    : konto(oppsett.kontoer.agaMotkontoNetto, "motpost AGA (netto)");
  if (isRuleError(motkonto)) return motkonto;
  const prefiks = `SPK-premie ${oppsett.aar}`;
  const satser = `snittsats fra ${prosentTekst(oppsett.agaSats)} til ${prosentTekst(j.nySats)}`;
  return byggBilag(
    {
      id: bilagId(oppsett.aar, "agajustering"),
      termin: null,
      tekst: `Justering av beregnet AGA på SPK-premie ${oppsett.aar} (${satser})`,
      ...aarSlutt(oppsett.aar),
    },
    [
      { konto: agaKostnad, ore: adj, tekst: `${prefiks}: justering beregnet AGA, ${satser}`, kostnad: true },
      { konto: motkonto, ore: -adj, tekst: `${prefiks}: motpost AGA-justering ${motkonto}`, kostnad: false },
    ],
    dims,
  );
}

/**
 * All vouchers of a reconciliation: per termin (terminvis) or one for the year (årsslutt), then
 * the AGA adjustment if the model proposes one. Validates everything before building anything.
 */
export function lagKorreksjonsbilag(avstemming: Avstemming): Result<Bilag[]> {
  const { oppsett } = avstemming;
  const plan = lesDimensjoner(oppsett.dimensjoner);
  if (isRuleError(plan)) return plan;
  const out: Bilag[] = [];
  const add = (b: Result<Bilag | undefined>): RuleError | undefined => {
    if (isRuleError(b)) return b;
    if (b) out.push(b);
    return undefined;
  };
  if (oppsett.modus === "terminvis") {
    for (const t of avstemming.terminer) {
      const err = add(lagTerminbilag(oppsett, t, plan));
      if (err) return err;
    }
  } else {
    const err = add(lagArsbilag(avstemming, plan));
    if (err) return err;
  }
  if (avstemming.agaJustering) {
    const err = add(lagAgaJusteringsbilag(oppsett, avstemming.agaJustering, plan));
    if (err) return err;
  }
  return out;
}
