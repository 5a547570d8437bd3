import { percentText } from "../money/format";
import { negateOre, ORE_ZERO, Ore } from "../money/ore";
import { Checked, isProblems, ProblemList } from "../problem/problem";
import { BilagHode, buildBilag, Postering } from "../voucher/build";
import { terminEnd, yearEnd } from "../voucher/dates";
import { DimensionPlan, planDimensions } from "../voucher/dimensions";
import { agaOnDifference } from "./aga-differanse";
import { bilagId } from "./bilag-id";
import { AgaJustering, Avstemming, Bilag, Oppsett, TerminResult } from "./types";

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

/** The figures one voucher posts: R and T always; O and P for netto. */
interface Differanse {
  readonly R: Ore;
  readonly O: Ore;
  readonly P: Ore;
  readonly T: Ore;
}

const UNBALANCED = "Tallene fra avstemmingen henger ikke sammen (for netto må R = O + P); bilaget er ikke laget.";

function konto(value: string, hva: string, list: ProblemList): string {
  const k = (value ?? "").trim();
  if (!k) list.add(`Kontoen for ${hva} mangler i oppsettet.`);
  return k;
}

function budsjetteringText(oppsett: Oppsett): string {
  return `${oppsett.budsjettering}budsjettert, ${oppsett.modus === "terminvis" ? "terminvis" : "årsslutt"}`;
}

/** The four (brutto) or five (netto) postings of DESIGN.md §3.2 for one difference. */
function postings(oppsett: Oppsett, prefix: string, d: Differanse, sats: number): Checked<Postering[]> {
  const k = oppsett.kontoer;
  const list = new ProblemList();
  const differanse = konto(k.differanse, "resultatføring av differansen", list);
  const agaKostnad = konto(k.agaKostnad, "beregnet AGA", list);
  const aga = { konto: agaKostnad, ore: d.T, tekst: `${prefix}: beregnet AGA (snittsats ${percentText(sats)})`, kostnad: true };

  if (oppsett.budsjettering === "brutto") {
    const motpost = konto(k.fakturadifferanse, "fakturadifferansen (brutto)", list);
    const agaMotpost = konto(k.agaMotkontoBrutto, "motpost AGA (brutto)", list);
    return list.result(() => [
      { konto: differanse, ore: d.R, tekst: `${prefix}: resultatføring differanse`, kostnad: true },
      { konto: motpost, ore: negateOre(d.R), tekst: `${prefix}: nullstilling ${motpost}`, kostnad: false },
      aga,
      { konto: agaMotpost, ore: negateOre(d.T), tekst: `${prefix}: motpost AGA ${agaMotpost}`, kostnad: false },
    ]);
  }
  const avsetning = konto(k.avsetningNetto, "avsetningen (netto)", list);
  const medlem = konto(k.medlemsinnskudd, "medlemsinnskuddet", list);
  const agaMotpost = konto(k.agaMotkontoNetto, "motpost AGA (netto)", list);
  return list.result(() => [
    { konto: differanse, ore: d.R, tekst: `${prefix}: resultatføring differanse`, kostnad: true },
    { konto: avsetning, ore: negateOre(d.O), tekst: `${prefix}: avregning arbeidsgiverandel ${avsetning}`, kostnad: false },
    { konto: medlem, ore: negateOre(d.P), tekst: `${prefix}: avregning medlemsandel ${medlem}`, kostnad: false },
    aga,
    { konto: agaMotpost, ore: negateOre(d.T), tekst: `${prefix}: motpost AGA ${agaMotpost}`, kostnad: false },
  ]);
}

function build(hode: BilagHode, poster: Checked<Postering[]>, plan: DimensionPlan): Checked<Bilag | undefined> {
  return isProblems(poster) ? poster : buildBilag(hode, poster, plan, UNBALANCED);
}

/**
 * One termin's voucher (modus terminvis), dated the last day of the termin's last month.
 * undefined when there is nothing to post. Besides R ≠ 0 a netto termin with R = 0 but O = −P ≠ 0
 * also gets a voucher: it moves the amount between 2961 and 2630, which must both be 0 at year end.
 */
export function buildTerminBilag(oppsett: Oppsett, t: TerminResult, plan?: DimensionPlan): Checked<Bilag | undefined> {
  const dims = plan ?? planDimensions(oppsett.dimensjoner);
  if (isProblems(dims)) return dims;
  const netto = oppsett.budsjettering === "netto";
  const d = { R: t.R, O: netto ? t.O : ORE_ZERO, P: netto ? t.P : ORE_ZERO, T: t.T };
  const prefix = `SPK-premie T${t.termin} ${oppsett.aar}`;
  return build(
    {
      id: bilagId(oppsett.aar, t.termin),
      termin: t.termin,
      tekst: `Korreksjonsbilag SPK-premie T${t.termin} ${oppsett.aar} (${budsjetteringText(oppsett)})`,
      ...terminEnd(oppsett.aar, t.termin),
    },
    postings(oppsett, prefix, d, t.S),
    dims,
  );
}

/** What the year voucher reads from the reconciliation. */
export type AarsGrunnlag = Pick<Avstemming, "oppsett" | "sum" | "aarsAga">;

/**
 * The year's AGA on ΣR (årsslutt): round(ΣR × S, 2). The model's figure (`aarsAga`) when it is
 * there, else the model's rule (`agaOnDifference`): never a second computation of our own.
 */
export function aarsAga(a: AarsGrunnlag): Ore {
  return a.aarsAga ?? agaOnDifference(a.sum.R, a.oppsett.agaSats);
}

/** The year voucher (modus årsslutt) on ΣR, dated 31.12, with AGA = round(ΣR × S, 2). */
export function buildAarsBilag(a: AarsGrunnlag, plan?: DimensionPlan): Checked<Bilag | undefined> {
  const { oppsett, sum } = a;
  const dims = plan ?? planDimensions(oppsett.dimensjoner);
  if (isProblems(dims)) return dims;
  const netto = oppsett.budsjettering === "netto";
  const d = { R: sum.R, O: netto ? sum.O : ORE_ZERO, P: netto ? sum.P : ORE_ZERO, T: aarsAga(a) };
  const prefix = `SPK-premie ${oppsett.aar} (årsslutt)`;
  return build(
    {
      id: bilagId(oppsett.aar, null),
      termin: null,
      tekst: `Korreksjonsbilag SPK-premie ${oppsett.aar} (${budsjetteringText(oppsett)})`,
      ...yearEnd(oppsett.aar),
    },
    postings(oppsett, prefix, d, oppsett.agaSats),
    dims,
  );
}

/**
 * The year-end AGA adjustment (DESIGN.md §3.2): when the average rate is updated to the actual
 * rate through period 11, 5401 +adj against 1986 (brutto) or 2771 (netto) −adj, where
 * adj = round(ΣR × new rate, 2) − ΣT is the model's figure. undefined when adj is 0.
 */
export function buildAgaAdjustmentBilag(oppsett: Oppsett, j: AgaJustering, plan?: DimensionPlan): Checked<Bilag | undefined> {
  const dims = plan ?? planDimensions(oppsett.dimensjoner);
  if (isProblems(dims)) return dims;
  const list = new ProblemList();
  const agaKostnad = konto(oppsett.kontoer.agaKostnad, "beregnet AGA", list);
  const motkonto = oppsett.budsjettering === "brutto"
    ? konto(oppsett.kontoer.agaMotkontoBrutto, "motpost AGA (brutto)", list)
    : konto(oppsett.kontoer.agaMotkontoNetto, "motpost AGA (netto)", list);
  const prefix = `SPK-premie ${oppsett.aar}`;
  const satser = `snittsats fra ${percentText(oppsett.agaSats)} til ${percentText(j.nySats)}`;
  return build(
    {
      id: bilagId(oppsett.aar, "agajustering"),
      termin: null,
      tekst: `Justering av beregnet AGA på SPK-premie ${oppsett.aar} (${satser})`,
      ...yearEnd(oppsett.aar),
    },
    list.result(() => [
      { konto: agaKostnad, ore: j.justering, tekst: `${prefix}: justering beregnet AGA, ${satser}`, kostnad: true },
      { konto: motkonto, ore: negateOre(j.justering), tekst: `${prefix}: motpost AGA-justering ${motkonto}`, kostnad: false },
    ]),
    dims,
  );
}

/**
 * All vouchers of a reconciliation: per termin (terminvis) or one for the year (årsslutt), then
 * the AGA adjustment if the model proposes one. Validates everything before building anything.
 */
export function buildKorreksjonsbilag(avstemming: Avstemming): Checked<Bilag[]> {
  const { oppsett } = avstemming;
  const plan = planDimensions(oppsett.dimensjoner);
  if (isProblems(plan)) return plan;
  const built: Checked<Bilag | undefined>[] =
    oppsett.modus === "terminvis"
      ? avstemming.terminer.map((t) => buildTerminBilag(oppsett, t, plan))
      : [buildAarsBilag(avstemming, plan)];
  if (avstemming.agaJustering) built.push(buildAgaAdjustmentBilag(oppsett, avstemming.agaJustering, plan));
  const failed = built.find(isProblems);
  if (failed) return failed;
  return built.filter((b): b is Bilag => b !== undefined && !isProblems(b));
}
