import { kroner } from "../../money/ore";
import { Checked, isProblems } from "../../problem/problem";
import { SPK_BILAG_ID } from "../bilag-id";
import { AmeldingFordeling } from "../amelding";
import { Oppsett } from "../types";
import { columnLetter } from "../../sheet/a1";
import { celleliste, GeneratedRow, GenerertTabell, planRows, writeTable } from "../../workpaper/generated-table";
import { Cell, NUMBER_FORMATS, WritePlan } from "../../workpaper/write-plan";
import { SheetSnapshot } from "../../sheet/snapshot";

/**
 * The `A-melding fordeling` sheet: per voucher, the posted difference split over the
 * virksomhetsnumre (endring i avgiftsgrunnlaget), each part's zone rate and AGA, the sums, the
 * voucher's AGA at the average rate and the residual between them, shown rather than hidden.
 * The split and the AGA figures come from core (`buildAmeldingFordeling`); the sheet's formulas only
 * add them up (SUM, ROUND, IF). Regenerating replaces our rows only, as on `Korreksjonsbilag`.
 */

export const AMELDING_SHEET = "A-melding fordeling";

export const AMELDING_COLUMNS = {
  id: 0, periode: 1, termin: 2, virksomhetsnummer: 3, navn: 4, sone: 5, grunnlag: 6, endring: 7, sats: 8, aga: 9, kontroll: 10, bredde: 11,
} as const;

export function ameldingTabell(oppsett: Oppsett): GenerertTabell {
  const k = AMELDING_COLUMNS;
  const kolonneformat: (string | undefined)[] = Array(k.bredde).fill(NUMBER_FORMATS.text);
  kolonneformat[k.periode] = NUMBER_FORMATS.integer;
  for (const c of [k.grunnlag, k.endring, k.aga]) kolonneformat[c] = NUMBER_FORMATS.amount;
  kolonneformat[k.sats] = NUMBER_FORMATS.rate;
  return {
    ark: AMELDING_SHEET,
    tittel: `A-melding: fordeling av endret AGA-grunnlag, SPK-premie ${oppsett.aar} (${oppsett.virksomhet})`,
    merknad:
      "Differansen som bokføres rapporteres som endring i avgiftsgrunnlaget per virksomhetsnummer, fordelt etter " +
      "virksomhetenes avgiftsgrunnlag på lønn (DFØ E1), i øre og med eksakt sum. Hver del får sin sones sats, så summen " +
      "avviker litt fra bilagets AGA med snittsats; avviket vises. Negative endringer: avklar rapporteringen med lønn.",
    overskrifter: [
      "Bilag-ID", "Periode", "Termin", "Virksomhetsnummer", "Navn", "Sone", "Grunnlag lønn", "Endring i grunnlag", "Sats", "AGA", "Kontroll",
    ],
    erGenerert: (a) => SPK_BILAG_ID.test(a),
    kolonneformat,
  };
}

export function planAmeldingSheet(fordelinger: readonly AmeldingFordeling[], oppsett: Oppsett, snapshot?: SheetSnapshot): Checked<WritePlan> {
  const tabell = ameldingTabell(oppsett);
  const k = AMELDING_COLUMNS;
  const count = fordelinger.reduce((a, f) => a + f.rader.length + 3, 0);
  const plan = planRows(snapshot, tabell, count);
  if (isProblems(plan)) return plan;

  const generated: GeneratedRow[] = [];
  let i = 0;
  for (const f of fordelinger) {
    const partRows = plan.plasser.slice(i, i + f.rader.length);
    const [sumRow, voucherRow] = [plan.plasser[i + f.rader.length], plan.plasser[i + f.rader.length + 1]];
    const felles = (): Cell[] => {
      const c: Cell[] = Array(k.bredde).fill("");
      c[k.id] = f.bilagId;
      c[k.periode] = Number(f.periode);
      c[k.termin] = f.termin === null ? "År" : `T${f.termin}`;
      return c;
    };
    for (const r of f.rader) {
      const c = felles();
      c[k.virksomhetsnummer] = r.virksomhetsnummer;
      c[k.navn] = r.navn;
      c[k.sone] = r.sone;
      c[k.grunnlag] = kroner(r.grunnlagLonn);
      c[k.endring] = kroner(r.endringGrunnlag);
      c[k.sats] = r.sats;
      c[k.aga] = kroner(r.aga);
      generated.push({ celler: c });
    }
    const sum = felles();
    const sumOf = (col: number) => `SUM(${celleliste(col, partRows)})`;
    sum[k.navn] = "Sum";
    sum[k.grunnlag] = { formula: `=${sumOf(k.grunnlag)}` };
    sum[k.endring] = { formula: `=${sumOf(k.endring)}` };
    sum[k.aga] = { formula: `=${sumOf(k.aga)}` };
    // The parts must add up to exactly the posted difference (FORDEL's rule).
    sum[k.kontroll] = { formula: `=IF(ROUND(${sumOf(k.endring)},2)=${kroner(f.differanse)},"Lik differansen","Ulik differansen")` };
    generated.push({ celler: sum, stil: "sum" });

    const voucher = felles();
    voucher[k.navn] = "AGA i korreksjonsbilaget (snittsats)";
    voucher[k.endring] = kroner(f.differanse);
    voucher[k.aga] = kroner(f.beregnetAga);
    generated.push({ celler: voucher });

    const avvik = felles();
    const L = columnLetter(k.aga);
    avvik[k.navn] = "Avvik: sum per sone − bilagets AGA";
    avvik[k.aga] = { formula: `=ROUND(${L}${sumRow + 1}-${L}${voucherRow + 1},2)` };
    generated.push({ celler: avvik, kolonnestil: { [k.aga]: "formula" } });
    i += f.rader.length + 3;
  }

  const writes = writeTable(tabell, plan, generated);
  return {
    ...writes,
    sheets: [{
      name: AMELDING_SHEET,
      visibility: "visible",
      columnWidths: { A: 18, B: 9, C: 7, D: 18, E: 36, F: 6, G: 16, H: 16, I: 8, J: 14, K: 16 },
      freezeRows: plan.ny && plan.tittelrad === 0 ? plan.overskriftsrad + 1 : undefined,
    }],
  };
}
