import { isRuleError } from "../errors";
import { compare } from "../money/exact";
import { exactOf, ORE_ZERO, Ore, plusOre, sumOre } from "../money/ore";
import { amountCell, leadingCode, periodTermin } from "./cells";
import { displayText, isBlank } from "../sheet/cell";
import { errorAt, sheetError, sheetRow } from "./grid";
import { FieldSpec, withSynonyms } from "./headers";
import { parseAmount, plainOre } from "../money/parse";
import { IgnoreCounter, isTotalRow, readTable, Table, tableSummary } from "./table";
import { DuplicatePolicy, DuplicateRows, SubtotalCheck } from "./row-checks";
import { terminCell } from "./termin-cell";
import { Checked, isProblems, Problem, Problems } from "../problem/problem";
import { ReadSummary, SheetInput } from "./types";

/**
 * SPK invoice lines: per termin and product (PEN pension, AFP, TIP tilleggspremie, YSK
 * yrkesskade, GRU gruppeliv) the member share, the employer share and the administration fee.
 *
 * Everything but the member share is paid by the employer: the employer share and
 * administration of every product (and AFP, TIP, YSK and GRU, which have no member share) make up
 * the invoiced employer share that DFØ posts on 2810 / 2961 ("arbeidsgiverandel, AFP,
 * administrasjon, tilleggspremie"); the member shares make up what is posted on 2630.
 *
 * The termin comes from a Termin column (`1`, `T1`, `1. termin`, `jan–feb`, with or without the
 * year, or a full date) or, when there is none, from a period or date column. Empty amount cells
 * are 0 (YSK and GRU lines have no member share), but a line needs at least one amount.
 */

export type SpkField = "termin" | "periode" | "produkt" | "arbeidsgiverandel" | "medlemsandel" | "administrasjon" | "total" | "fakturanr";

export const SPK_FIELDS: readonly FieldSpec<SpkField>[] = [
  { key: "termin", label: "Termin", required: false, synonyms: ["Termin", "Terminnr", "Termin nr", "Premietermin", "Fakturatermin"] },
  { key: "periode", label: "Periode", required: false, synonyms: ["Periode", "Fakturaperiode", "Premieperiode", "Period"] },
  { key: "produkt", label: "Produkt", required: false, synonyms: ["Produkt", "Produktkode", "Product"] },
  {
    key: "arbeidsgiverandel",
    label: "Arbeidsgiverandel",
    required: true,
    synonyms: ["Arbeidsgiverandel", "Arbeidsgiverdel", "AG-andel", "Arbeidsgiverandel premie", "Employer share"],
  },
  { key: "medlemsandel", label: "Medlemsandel", required: true, synonyms: ["Medlemsandel", "Medlemsdel", "Medlemsinnskudd", "Member share"] },
  {
    key: "administrasjon",
    label: "Administrasjon",
    required: false,
    synonyms: ["Administrasjon", "Adm.gebyr", "Administrasjonsgebyr", "Administrasjonspremie", "Adm.", "Administration fee"],
  },
  { key: "total", label: "Totalt", required: false, synonyms: ["Totalt", "Total", "Sum", "Totalbeløp", "Beløp totalt"] },
  { key: "fakturanr", label: "Fakturanr", required: false, synonyms: ["Fakturanr", "Fakturanummer", "Faktura nr", "Invoice number", "Invoice no"] },
];

/** The product codes in SPK's billing; others are read too and named in the notes. */
export const SPK_PRODUKTER = ["PEN", "AFP", "TIP", "YSK", "GRU"] as const;

export interface SpkOptions {
  readonly aar: number;
  readonly headers?: Partial<Record<SpkField, readonly string[]>>;
  /** Rows that repeat an earlier row: refused (default), or counted when the user says they are real. */
  readonly duplicates?: DuplicatePolicy;
}

export interface SpkProduktSum {
  readonly produkt: string;
  readonly arbeidsgiverandel: Ore;
  readonly medlemsandel: Ore;
  readonly administrasjon: Ore;
}

export interface SpkTermin {
  readonly termin: number;
  /** Employer share of all products, without administration. */
  readonly arbeidsgiverandel: Ore;
  readonly administrasjon: Ore;
  /** arbeidsgiverandel + administrasjon: what the employer pays (2810 / 2961). */
  readonly arbeidsgiverandelInklAdm: Ore;
  /** Member share (2630). */
  readonly medlemsandel: Ore;
  /** The invoice total: arbeidsgiverandelInklAdm + medlemsandel. */
  readonly total: Ore;
  /** Distinct invoice numbers in the order they appear. */
  readonly fakturanumre: readonly string[];
  readonly produkter: readonly SpkProduktSum[];
  readonly rader: number;
}

export interface SpkImport {
  readonly kind: "spk";
  readonly terminer: readonly SpkTermin[];
  readonly summary: ReadSummary;
  readonly notes: readonly string[];
}

interface Acc {
  ag: Ore;
  adm: Ore;
  med: Ore;
  invoices: string[];
  products: Map<string, { ag: Ore; med: Ore; adm: Ore }>;
  rows: number;
}

export function readSpk(input: SheetInput, options: SpkOptions): Checked<SpkImport> {
  const table = readTable(input, withSynonyms(SPK_FIELDS, options.headers));
  if (isProblems(table)) return table;
  const t = table;
  const { columns } = t.header;
  const terminKey = columns.termin !== undefined ? "termin" : columns.periode !== undefined ? "periode" : undefined;
  if (terminKey === undefined) {
    const looked = SPK_FIELDS.filter((f) => f.key === "termin" || f.key === "periode").map((f) => f.synonyms.join(", "));
    return new Problems([
      {
        sheet: t.place.sheet,
        row: sheetRow(t.place, t.header.row),
        message: `Mangler kolonnen «Termin» eller «Periode» i overskriftsraden (rad ${sheetRow(t.place, t.header.row)}). Lette etter ${looked.join("; ")}.`,
      },
    ]);
  }

  const acc: Acc[] = Array.from({ length: 6 }, () => ({ ag: ORE_ZERO, adm: ORE_ZERO, med: ORE_ZERO, invoices: [], products: new Map(), rows: 0 }));
  const errors: Problem[] = [];
  const ignored = new IgnoreCounter();
  const unknownProducts = new Set<string>();
  const keyField = columns.produkt !== undefined ? "produkt" : terminKey;
  const totals = new SubtotalCheck<SpkField>(t, ["arbeidsgiverandel", "medlemsandel", "administrasjon", "total"], {
    total: ["arbeidsgiverandel", "medlemsandel", "administrasjon"],
  });
  const copies = new DuplicateRows(t, input.values, options.duplicates);

  for (const i of t.rows) {
    if (isTotalRow(input.values[i], t.cell(i, keyField))) {
      ignored.add("summeringslinjer");
      totals.total(i);
      continue;
    }
    const before = errors.length;
    const termin = terminKey === "termin" ? terminOf(t, i, options.aar, errors) : periodTermin(t, i, "periode", options.aar, errors);
    const amounts = lineAmounts(t, i, errors);
    if (termin === undefined || amounts === undefined || errors.length > before || !copies.check(i, errors)) continue;

    const a = acc[termin - 1];
    a.ag = plusOre(a.ag, amounts.ag);
    a.adm = plusOre(a.adm, amounts.adm);
    a.med = plusOre(a.med, amounts.med);
    a.rows++;
    const invoice = displayText(t.cell(i, "fakturanr"));
    if (invoice !== "" && !a.invoices.includes(invoice)) a.invoices.push(invoice);
    const produkt = leadingCode(t.cell(i, "produkt"));
    if (produkt !== "" && !(SPK_PRODUKTER as readonly string[]).includes(produkt)) unknownProducts.add(produkt);
    const p = a.products.get(produkt) ?? { ag: ORE_ZERO, med: ORE_ZERO, adm: ORE_ZERO };
    a.products.set(produkt, { ag: plusOre(p.ag, amounts.ag), med: plusOre(p.med, amounts.med), adm: plusOre(p.adm, amounts.adm) });
  }

  totals.verify(errors);
  const used = acc.reduce((n, a) => n + a.rows, 0);
  if (errors.length === 0 && used === 0) errors.push(sheetError(t.place.sheet, "Filen har ingen fakturalinjer, bare summeringslinjer."));
  if (errors.length > 0) return new Problems(errors);

  const notes = [
    ...(unknownProducts.size > 0
      ? [`Produktkoder utenom ${SPK_PRODUKTER.join(", ")}: ${[...unknownProducts].join(", ")}. De er tatt med; arbeidsgiverandel og administrasjon regnes som arbeidsgivers.`]
      : []),
    ...copies.notes(),
  ];
  return ({
    kind: "spk",
    terminer: acc.map((a, k) => {
      const inklAdm = plusOre(a.ag, a.adm);
      return {
        termin: k + 1,
        arbeidsgiverandel: a.ag,
        administrasjon: a.adm,
        arbeidsgiverandelInklAdm: inklAdm,
        medlemsandel: a.med,
        total: plusOre(inklAdm, a.med),
        fakturanumre: a.invoices,
        produkter: [...a.products].map(([produkt, p]) => ({ produkt, arbeidsgiverandel: p.ag, medlemsandel: p.med, administrasjon: p.adm })),
        rader: a.rows,
      };
    }),
    summary: tableSummary(t, used, ignored.list()),
    notes,
  });
}

function terminOf(t: Table<SpkField>, i: number, aar: number, errors: Problem[]): number | undefined {
  const value = t.cell(i, "termin");
  const termin = terminCell(value, aar);
  if (!isRuleError(termin)) return termin;
  errors.push(errorAt(t.place, i, t.header.columns.termin, termin.message, { column: t.header.titles.termin, value }));
  return undefined;
}

/** The three amounts of a line (empty = 0), checked against the line's total when there is one. */
function lineAmounts(t: Table<SpkField>, i: number, errors: Problem[]): { ag: Ore; med: Ore; adm: Ore } | undefined {
  const keys = ["arbeidsgiverandel", "medlemsandel", "administrasjon"] as const;
  if (keys.every((k) => isBlank(t.cell(i, k)))) {
    errors.push(errorAt(t.place, i, undefined, "Linjen har ingen beløp (arbeidsgiverandel, medlemsandel eller administrasjon)."));
    return undefined;
  }
  const ag = amountCell(t, i, "arbeidsgiverandel", "zero", errors);
  const member = amountCell(t, i, "medlemsandel", "zero", errors);
  const adm = amountCell(t, i, "administrasjon", "zero", errors);
  if (ag === undefined || member === undefined || adm === undefined) return undefined;

  const totalCell = t.cell(i, "total");
  const lineSum = sumOre([ag, member, adm]);
  const plain = typeof totalCell === "string" ? plainOre(totalCell) : undefined;
  if (plain === lineSum) return { ag, med: member, adm };
  const total = parseAmount(totalCell);
  if (isRuleError(total)) {
    errors.push(errorAt(t.place, i, t.header.columns.total, total.message, { column: t.header.titles.total, value: totalCell }));
    return undefined;
  }
  if (total !== null && compare(total, exactOf(lineSum)) !== 0) {
    errors.push(
      errorAt(
        t.place,
        i,
        t.header.columns.total,
        `Totalen «${displayText(totalCell)}» er ikke summen av arbeidsgiverandel, medlemsandel og administrasjon på linjen.`,
        { column: t.header.titles.total, value: totalCell },
      ),
    );
    return undefined;
  }
  return { ag, med: member, adm };
}
