/**
 * One reconciliation run, shell side: the model's inputs in, every figure from core out. The
 * `avstem` command, the `--summary` mode and the demo all go through here, so they cannot drift.
 */
import ExcelJS from "exceljs";
import { isRuleError, Result } from "../core/errors";
import { eksportOppsett } from "../core/export/kontroll";
import { tilCsv } from "../core/export/csv";
import { GL07_TEGNSETT, tilGl07 } from "../core/export/gl07";
import { AmeldingFordeling, lagAmeldingFordeling } from "../core/spk/amelding";
import { lagKorreksjonsbilag } from "../core/spk/bilag";
import { ProblemList } from "../core/spk/problems";
import { avstem } from "../core/spk/reconcile";
import { Avstemming, Bilag, KontoSaldo, Oppsett, TerminInput, VirksomhetGrunnlag } from "../core/spk/types";
import { AMELDING_ARK, planAmeldingArk } from "../core/template/amelding-sheet";
import { planAvstemming } from "../core/template/avstemming-plan";
import { KORREKSJONSBILAG_ARK, planKorreksjonsbilagArk } from "../core/template/korreksjonsbilag-sheet";
import { SETTINGS_SHEET, SHEET_NAMES } from "../core/template/layout";
import { readSettings } from "../core/template/settings";
import { mergePlans, WritePlan } from "../core/template/write-plan";
import { SheetSnapshot } from "../core/sheet/snapshot";
import { PlanError } from "../core/template/plan-check";
import { applyPlanToWorkbook, XlsxApplyReport } from "./xlsx/apply-plan";
import { snapshotsOf } from "./xlsx/snapshot";
import { findSheet, partsLostOnSave, workbookBytes } from "./xlsx/workbook";

/** What a reconciliation is run on, from a scenario file, a filled workbook or the exports. */
export interface Grunnlag {
  /** The file(s) it came from, for messages. */
  readonly kilde: string;
  readonly oppsett: Oppsett;
  readonly terminer: readonly TerminInput[];
  readonly saldoer: readonly KontoSaldo[];
  readonly oppdatertAgaSats?: number;
  /** For the A-melding split; without them there is none. */
  readonly virksomheter?: readonly VirksomhetGrunnlag[];
  /** The reconciliation sheet it was read from (workbook input). */
  readonly ark?: string;
  /** Things the readers want the user to know that do not stop the run (import notes). */
  readonly merknader: readonly string[];
}

export interface Resultat {
  readonly grunnlag: Grunnlag;
  readonly avstemming: Avstemming;
  readonly bilag: readonly Bilag[];
  readonly amelding?: readonly AmeldingFordeling[];
}

/** The model, the vouchers and (with virksomheter) the A-melding split; every problem at once. */
export function kjor(grunnlag: Grunnlag): Result<Resultat> {
  const avstemming = avstem(grunnlag.oppsett, grunnlag.terminer, {
    saldoer: grunnlag.saldoer,
    ...(grunnlag.oppdatertAgaSats !== undefined ? { oppdatertAgaSats: grunnlag.oppdatertAgaSats } : {}),
  });
  if (isRuleError(avstemming)) return avstemming;
  const problems = new ProblemList();
  const bilag = lagKorreksjonsbilag(avstemming);
  if (isRuleError(bilag)) problems.addError(bilag, "Korreksjonsbilag");
  let amelding: AmeldingFordeling[] | undefined;
  if (grunnlag.virksomheter) {
    const a = lagAmeldingFordeling(avstemming, grunnlag.virksomheter);
    if (isRuleError(a)) problems.addError(a, "A-melding");
    else amelding = a;
  }
  return problems.result(() => ({ grunnlag, avstemming, bilag: bilag as Bilag[], ...(amelding ? { amelding } : {}) }));
}

/** The reconciliation sheet of a workbook: the one `_lonn` names, else DFØ's tab name for the kind. */
export function avstemmingsarkI(wb: ExcelJS.Workbook, budsjettering: Oppsett["budsjettering"]): string | undefined {
  const lonn = findSheet(wb, SETTINGS_SHEET);
  if (lonn) {
    const settings = readSettings(snapshotsOf(wb, [SETTINGS_SHEET]).get(SETTINGS_SHEET));
    const named = !isRuleError(settings) ? settings.avstemmingsark : undefined;
    const ws = named ? findSheet(wb, named) : undefined;
    if (ws) return ws.name;
  }
  return findSheet(wb, SHEET_NAMES[budsjettering])?.name;
}

/**
 * The WritePlan that puts a run into a workbook: the A10/A11 sheet (new, or the existing one with
 * only its input cells written), `_lonn`, Korreksjonsbilag and, with virksomheter, A-melding
 * fordeling. Each part is planned by core against what the workbook holds now.
 */
export function planArbeidsbok(res: Resultat, wb: ExcelJS.Workbook): Result<WritePlan> {
  const { grunnlag, bilag, amelding } = res;
  const { oppsett } = grunnlag;
  const ark = grunnlag.ark ?? avstemmingsarkI(wb, oppsett.budsjettering);
  const snaps = snapshotsOf(wb, [ark ?? SHEET_NAMES[oppsett.budsjettering], SETTINGS_SHEET, KORREKSJONSBILAG_ARK, AMELDING_ARK]);
  const get = (name: string | undefined): SheetSnapshot | undefined => (name ? snaps.get(name) : undefined);
  const problems = new ProblemList();
  const plans: WritePlan[] = [];
  const take = (plan: Result<WritePlan>, where: string) => {
    if (isRuleError(plan)) problems.addError(plan, where);
    else plans.push(plan);
  };
  const existing = get(ark);
  const settings = get(SETTINGS_SHEET);
  take(
    planAvstemming({
      oppsett,
      terminer: grunnlag.terminer,
      saldoer: grunnlag.saldoer,
      ...(grunnlag.oppdatertAgaSats !== undefined ? { oppdatertAgaSats: grunnlag.oppdatertAgaSats } : {}),
      ...(existing ? { existing } : {}),
      ...(settings ? { settings } : {}),
    }),
    `Arket «${ark ?? SHEET_NAMES[oppsett.budsjettering]}»`,
  );
  take(planKorreksjonsbilagArk(bilag, oppsett, get(KORREKSJONSBILAG_ARK)), `Arket «${KORREKSJONSBILAG_ARK}»`);
  if (amelding) take(planAmeldingArk(amelding, oppsett, get(AMELDING_ARK)), `Arket «${AMELDING_ARK}»`);
  return problems.result(() => mergePlans(...plans));
}

/** One output file, ready to be written. */
export interface Fil {
  readonly type: "xlsx" | "csv" | "gl07" | "json";
  readonly sti: string;
  readonly innhold: Buffer;
}

export interface UtdataValg {
  readonly xlsx?: string;
  readonly csv?: string;
  readonly gl07?: string;
  readonly desimaltegn?: "," | ".";
  /** The workbook to fill for `xlsx`: the input workbook or an existing file; default a new one. */
  readonly arbeidsbok?: () => Promise<Result<ExcelJS.Workbook>>;
}

export interface Utdata {
  readonly filer: readonly Fil[];
  /** What applying the plan did to the workbook (with `xlsx`). */
  readonly ark?: XlsxApplyReport;
}

/**
 * Every requested output as bytes, or every problem with them; nothing is written here. The CSV
 * is UTF-8 (its text carries the byte-order mark); GL07 is single-byte Latin-1, as Unit4 reads it.
 */
export async function lagUtdata(res: Resultat, valg: UtdataValg): Promise<Result<Utdata>> {
  const problems = new ProblemList();
  const filer: Fil[] = [];
  const eks = eksportOppsett(res.grunnlag.oppsett);
  if (valg.csv) {
    const csv = tilCsv(res.bilag, eks, valg.desimaltegn ? { desimaltegn: valg.desimaltegn } : {});
    if (isRuleError(csv)) problems.addError(csv, "CSV");
    else filer.push({ type: "csv", sti: valg.csv, innhold: Buffer.from(csv, "utf8") });
  }
  if (valg.gl07) {
    const gl07 = tilGl07(res.bilag, eks);
    if (isRuleError(gl07)) problems.addError(gl07, "GL07");
    else filer.push({ type: "gl07", sti: valg.gl07, innhold: Buffer.from(gl07, GL07_TEGNSETT) });
  }
  let ark: XlsxApplyReport | undefined;
  if (valg.xlsx) {
    const wb = valg.arbeidsbok ? await valg.arbeidsbok() : new ExcelJS.Workbook();
    const lost = isRuleError(wb) ? [] : partsLostOnSave(wb);
    if (isRuleError(wb)) problems.addError(wb);
    else if (lost.length > 0) {
      problems.add(
        `Arbeidsboken har ${lost.join(", ")}, som lonn ikke kan ta vare på når den skriver .xlsx-filen. ` +
          "Fyll den i Excel med tillegget; lonn kan fortsatt lese den og skrive bilagsfilene (--csv, --gl07) uten --xlsx.",
      );
    } else {
      const plan = planArbeidsbok(res, wb);
      if (isRuleError(plan)) problems.addError(plan);
      else {
        try {
          ark = applyPlanToWorkbook(wb, plan);
          filer.push({ type: "xlsx", sti: valg.xlsx, innhold: await workbookBytes(wb) });
        } catch (e) {
          if (!(e instanceof PlanError)) throw e;
          for (const p of e.problems) problems.add(p);
        }
      }
    }
  }
  return problems.result(() => ({ filer, ...(ark ? { ark } : {}) }));
}
