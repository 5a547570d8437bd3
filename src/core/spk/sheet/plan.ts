import { kroner } from "../../money/ore";
import { Checked, isProblems, ProblemList } from "../../problem/problem";
import { balanceControl } from "../control";
import { BUDSJETTERING_TEXT, MODUS_TEXT, oppsettProblems } from "../oppsett";
import { isRateFraction } from "../../money/rate-fraction";
import { AMOUNT_COLUMNS, TEXT_COLUMNS } from "../termin-fields";
import { Avstemming, Budsjettering, Kontoer, KontoSaldo, Oppsett, TerminInput } from "../types";
import { reconciliationResults } from "./results";
import { SpkSignOffReview } from "../sign-off";
import { isBlankSheet, SheetSnapshot } from "../../sheet/snapshot";
import {
accountFormula,
adjustFormula,
balanceFormula,
previousTerminFormulas,
previousVoucherFormulas,
sumFormula,
terminFormula,
VOUCHER_ACCOUNT,
voucherFormula,
VoucherColumn,
} from "./formulas";
import {
ACCOUNT_FIELDS,
ADJUST_CELLS,
BALANCE_COLUMNS,
balanceRows,
COLUMN_TITLES,
COLUMN_WIDTHS,
FORMULA_COLUMNS,
FREEZE_ROWS,
LAYOUT_NAMES,
ROWS,
SCALAR_FIELDS,
ScalarKey,
SHEET_NAMES,
SIGN_OFF_COLUMN,
SIGN_OFF_TITLE,
SUM_COLUMNS,
SUM_LABEL,
TABLE_COLUMNS,
TERMIN_LABELS,
TITLES,
VOUCHER_COLUMNS,
voucherRow,
YEAR_LABEL,
} from "./layout";
import { balanceKindOf, layoutMap, locate, SheetMap } from "./locate";
import { addressOf, Desired, merge, rectangles } from "../../workpaper/merge";
import { planSettings, readSettings } from "../../workpaper/settings";
import { settingsFrom } from "./settings";
import { layoutConditionalFormats, layoutFormats } from "./styles";
import { cellAddress, parseCell, parseRange } from "../../sheet/a1";
import { emptyPlan, FormatWrite, mergePlans, NameSpec, NUMBER_FORMATS, RangeWrite, WritePlan } from "../../workpaper/write-plan";
import { standardPrint } from "../../workpaper/print";

/** What a fill writes: the header's Oppsett, termin figures (from an import or a scenario), year-end inputs. */
export interface PlanInput {
  readonly oppsett: Oppsett;
  /** Only the fields present are written: an import of SAP figures leaves the invoice columns alone. */
  readonly terminer: readonly Partial<TerminInput>[];
  /** IB and movement for the balance control block. */
  readonly saldoer?: readonly KontoSaldo[];
  /** The updated average AGA rate for the adjustment block. */
  readonly oppdatertAgaSats?: number;
  /** The reconciliation sheet as it is now (ours or hand-made), when it exists. */
  readonly existing?: SheetSnapshot;
  /** The `_lonn` sheet as it is now, when it exists. */
  readonly settings?: SheetSnapshot;
  /**
   * Further `_lonn` keys to store with this fill (the task pane's `import.*` configuration);
   * they replace the stored values of the same keys, other keys stay.
   */
  readonly andreInnstillinger?: Readonly<Record<string, string>>;
  /**
   * Core's model of the figures the sheet will hold after the fill: its results become the
   * cached values of the sheet's formulas (WritePlan.results).
   */
  readonly model?: Avstemming;
  /** The termins' sign-off as this run found it: shown in column X (our layout), fingerprints to `_lonn`. */
  readonly signOff?: SpkSignOffReview;
}

type Desires = Map<string, Desired>;

const SCALAR_WHAT: Readonly<Record<ScalarKey, string>> = {
  virksomhet: "Virksomheten",
  aar: "Året",
  budsjettering: "Budsjetteringen",
  modus: "Resultatføringen",
  agaSats: "AGA-snittsatsen",
  toleranse: "Toleransen",
  vesentlighetsgrense: "Vesentlighetsgrensen",
};

function scalarValue(oppsett: Oppsett, key: ScalarKey): string | number {
  switch (key) {
    case "budsjettering":
      return BUDSJETTERING_TEXT[oppsett.budsjettering];
    case "modus":
      return MODUS_TEXT[oppsett.modus];
    case "toleranse":
      // The model holds øre; the cell holds kroner as the user types them.
      return kroner(oppsett.toleranse);
    default:
      return oppsett[key];
  }
}

/** Validates the fill's inputs, all problems at once: nothing is half-written. */
function validate(input: PlanInput, map: SheetMap | undefined, balanceKind: Budsjettering): ProblemList {
  const problems = new ProblemList();
  const { oppsett } = input;
  for (const p of oppsettProblems(oppsett)) problems.add(p);
  const seen = new Set<number>();
  input.terminer.forEach((t, i) => {
    const n = t.termin;
    if (n === undefined || !Number.isInteger(n) || n < 1 || n > 6) {
      problems.add(`Termin nr. ${i + 1} i listen: terminen må være 1–6 (fikk ${n}).`);
      return;
    }
    if (seen.has(n)) problems.add(`Termin ${n} finnes to ganger.`);
    seen.add(n);
    let hasValue = false;
    for (const c of AMOUNT_COLUMNS) {
      const v = t[c.field];
      if (v === undefined) continue;
      hasValue = true;
      if (!Number.isSafeInteger(v)) problems.add(`Termin ${n}, ${c.col} (${c.navn}): «${String(v)}» er ikke et beløp i hele øre.`);
    }
    for (const c of TEXT_COLUMNS) {
      const v = t[c.field];
      if (v === undefined) continue;
      hasValue = true;
      if (typeof v !== "string") problems.add(`Termin ${n}, ${c.col} (${c.navn}): ${c.navn} må være tekst.`);
    }
    if (oppsett.budsjettering === "netto" && typeof t.fakturaDifferanse === "number" && t.fakturaDifferanse !== 0) {
      problems.add(`Termin ${n}, M (faktura differanse 2820): skal være tom for nettobudsjetterte virksomheter (fikk ${kroner(t.fakturaDifferanse)}).`);
    }
    if (hasValue && map && !map.terminRows.has(n)) {
      problems.add(`Fant ingen rad for termin ${n} i kolonne A på arket «${map.sheet}»; ingenting er skrevet.`);
    }
  });
  if (input.saldoer && input.saldoer.length > 0) {
    if (map && !map.ours) {
      problems.add(`Arket «${map.sheet}» har ikke tilleggets saldokontroll; saldoene kan ikke skrives der.`);
    } else if (balanceKind !== oppsett.budsjettering) {
      problems.add(`Saldokontrollen på arket er laget for ${balanceKind}budsjetterte; lag et eget ark for ${oppsett.budsjettering}.`);
    } else if (problems.count === 0) {
      const s = balanceControl(oppsett, input.saldoer);
      if (isProblems(s)) problems.addAll(s);
    }
  }
  if (input.oppdatertAgaSats !== undefined) {
    if (!isRateFraction(input.oppdatertAgaSats)) {
      problems.add(`Den oppdaterte AGA-satsen må være en brøk fra og med 0 til 1 (fikk ${input.oppdatertAgaSats}).`);
    } else if (map && !map.ours) {
      problems.add(`Arket «${map.sheet}» har ikke tilleggets AGA-justering; den oppdaterte satsen kan ikke skrives der.`);
    }
  }
  return problems;
}

/** Titles, labels and every formula of our layout. */
function templateCells(d: Desires, kind: Budsjettering, balanceKind: Budsjettering): void {
  const fixed = (address: string, value: string | number) => d.set(address, { kind: "fixed", value });
  const formula = (address: string, f: string, previous: readonly string[] = []) => d.set(address, { kind: "formula", formula: f, previous });

  fixed("A1", TITLES[kind]);
  fixed("J2", "Gule celler fylles ut (eller av tillegget); grå celler er formler. Kolonnebokstavene er DFØs (veileder E1, A10/A11).");
  for (const s of SCALAR_FIELDS) fixed(s.labelCell, s.label);
  fixed(`A${ROWS.accountLabels}`, "Kontoer");
  for (const a of ACCOUNT_FIELDS) fixed(a.labelCell, a.label);
  fixed(`A${ROWS.dimensionNames}`, "Dimensjon 1–7 (navn)");
  fixed(`A${ROWS.dimensionValues}`, "Dimensjon 1–7 (verdi)");

  TABLE_COLUMNS.forEach((letter, col) => {
    fixed(addressOf(ROWS.letters, col), letter);
    fixed(addressOf(ROWS.titles, col), COLUMN_TITLES[letter]);
  });
  fixed(`${SIGN_OFF_COLUMN}${ROWS.letters}`, SIGN_OFF_COLUMN);
  fixed(`${SIGN_OFF_COLUMN}${ROWS.titles}`, SIGN_OFF_TITLE);
  const rows = TERMIN_LABELS.map((_, i) => ROWS.firstTermin + i);
  rows.forEach((r, i) => {
    fixed(`A${r}`, TERMIN_LABELS[i]);
    for (const col of FORMULA_COLUMNS) formula(`${col}${r}`, terminFormula(col, r), previousTerminFormulas(col, r));
  });
  fixed(`A${ROWS.sum}`, SUM_LABEL);
  for (const col of SUM_COLUMNS) formula(`${col}${ROWS.sum}`, sumFormula(col, rows));

  // Termin-/årsavstemming.
  const v = VOUCHER_COLUMNS;
  fixed(`A${ROWS.voucherTitle}`, "Termin-/årsavstemming: beløp per konto til korreksjonsbilaget (debet +, kredit −)");
  const voucherTitles: Record<keyof typeof VOUCHER_COLUMNS, string> = {
    label: "Termin",
    R: "Differanse (R)",
    S: "AGA-sats (S)",
    T: "Beregnet AGA (T)",
    differanse: "Differanse (+R)",
    fakturadifferanse: "Fakturadifferanse, brutto (−R)",
    avsetningNetto: "Pensjonspremie, netto (−O)",
    medlemsinnskudd: "Medlemsinnskudd, netto (−P)",
    agaKostnad: "AGA av pensjonspremie (+T)",
    agaMotkontoBrutto: "AGA motpost, brutto (−T)",
    agaMotkontoNetto: "AGA motpost, netto (−T)",
    kontroll: "Kontroll (skal være 0)",
  };
  for (const [key, col] of Object.entries(v)) fixed(`${col}${ROWS.voucherHeader}`, voucherTitles[key as keyof typeof v]);
  fixed(`A${ROWS.voucherAccounts}`, "Konto");
  for (const [key, account] of Object.entries(VOUCHER_ACCOUNT)) {
    formula(`${v[key as VoucherColumn]}${ROWS.voucherAccounts}`, accountFormula(account as keyof Kontoer));
  }
  const voucherCols = Object.keys(v).filter((k) => k !== "label") as VoucherColumn[];
  for (let t = 1; t <= 6; t++) {
    const row = voucherRow(t);
    fixed(`A${row}`, TERMIN_LABELS[t - 1]);
    const source = ROWS.firstTermin + t - 1;
    for (const key of voucherCols) formula(`${v[key]}${row}`, voucherFormula(key, row, source, false), previousVoucherFormulas(key, row, source, false));
  }
  fixed(`A${ROWS.voucherYear}`, YEAR_LABEL);
  for (const key of voucherCols) formula(`${v[key]}${ROWS.voucherYear}`, voucherFormula(key, ROWS.voucherYear, ROWS.sum, true));

  // Balance control.
  const b = BALANCE_COLUMNS;
  fixed(`A${ROWS.balanceTitle}`, "Årsavstemming: saldokontroll (saldo skal være 0 ved årets slutt)");
  const balanceTitles: Record<keyof typeof BALANCE_COLUMNS, string> = {
    konto: "Konto", ib: "IB 01.01", bevegelse: "Bevegelse i år", ub: "UB", forventet: "Forventet UB", differanse: "Differanse",
  };
  for (const [key, col] of Object.entries(b)) fixed(`${col}${ROWS.balanceHeader}`, balanceTitles[key as keyof typeof b]);
  for (const { key, row } of balanceRows(balanceKind)) {
    formula(`${b.konto}${row}`, accountFormula(key));
    fixed(`${b.forventet}${row}`, 0);
    formula(`${b.ub}${row}`, balanceFormula("ub", row));
    formula(`${b.differanse}${row}`, balanceFormula("differanse", row));
  }

  // AGA adjustment.
  fixed(`A${ROWS.adjustTitle}`, "Justering av AGA for året (oppdatert snittsats t.o.m. periode 11)");
  const a = ADJUST_CELLS;
  const adjustTitles: Record<keyof typeof ADJUST_CELLS, string> = {
    nySats: "Oppdatert AGA-sats", sumR: "Sum differanse (ΣR)", bokfort: "AGA bokført for året", nyAga: "AGA med oppdatert sats", justering: "Justering",
  };
  for (const [key, address] of Object.entries(a)) {
    fixed(address.replace(String(ROWS.adjustValues), String(ROWS.adjustLabels)), adjustTitles[key as keyof typeof a]);
  }
  formula(a.sumR, adjustFormula("sumR"));
  formula(a.bokfort, adjustFormula("bokfort"));
  formula(a.nyAga, adjustFormula("nyAga"));
  formula(a.justering, adjustFormula("justering"));
}

/**
 * A hand-made sheet's computed cells: our formulas for the termin rows and the Sum row, added only
 * where a cell is empty. A formula needing a header name the sheet lacks is not added; R then
 * uses the fixed form for the kind (=M brutto, =Q netto).
 */
function foreignFormulas(d: Desires, map: SheetMap, kind: Budsjettering): void {
  const rows = [...map.terminRows.values()];
  const hasName = (key: ScalarKey) => map.scalars.has(key);
  for (const r of rows) {
    for (const col of FORMULA_COLUMNS) {
      const f = terminFormula(col, r, hasName("budsjettering") ? undefined : kind);
      if (col === "S" && !hasName("agaSats")) {
        d.set(`S${r}`, { kind: "formulaUnavailable", formula: f, why: "arket mangler en celle merket «AGA-snittsats» over terminradene." });
      } else if (col === "T" && !hasName("agaSats")) {
        d.set(`T${r}`, { kind: "formulaUnavailable", formula: f, why: "AGA-snittsatsen i kolonne S mangler." });
      } else {
        // A hand-made sheet's own formulas are the user's, even where they match an older template of ours.
        d.set(`${col}${r}`, { kind: "formula", formula: f });
      }
    }
  }
  if (map.sumRow !== undefined) {
    for (const col of SUM_COLUMNS) d.set(`${col}${map.sumRow}`, { kind: "formula", formula: sumFormula(col, rows) });
  }
}

/** Header values, termin inputs and year-end inputs where the sheet has cells for them. */
function inputCells(d: Desires, map: SheetMap, input: PlanInput, balanceKind: Budsjettering): void {
  const { oppsett } = input;
  for (const s of SCALAR_FIELDS) {
    const address = map.scalars.get(s.key);
    if (address) d.set(address, { kind: "value", value: scalarValue(oppsett, s.key), what: SCALAR_WHAT[s.key] });
  }
  for (const a of ACCOUNT_FIELDS) {
    const address = map.accounts.get(a.key);
    if (address) d.set(address, { kind: "value", value: oppsett.kontoer[a.key], what: `Kontoen for ${a.label.toLowerCase()}` });
  }
  for (const dim of oppsett.dimensjoner) {
    const field = map.dimensions.find((f) => f.nummer === dim.nummer);
    if (!field) continue;
    d.set(field.nameCell, { kind: "value", value: dim.navn, what: `Navnet på dimensjon ${dim.nummer}` });
    if (dim.verdi !== undefined) d.set(field.valueCell, { kind: "value", value: dim.verdi, what: `Verdien for dimensjon ${dim.nummer}` });
  }
  for (const t of input.terminer) {
    const r = map.terminRows.get(t.termin as number);
    if (r === undefined) continue;
    for (const c of AMOUNT_COLUMNS) {
      const v = t[c.field];
      // A source the termin has no figures from stays empty: missing is not zero.
      if (v !== undefined && !(t.mangler ?? []).includes(c.source)) d.set(`${c.col}${r}`, { kind: "value", value: kroner(v), what: `Termin ${t.termin}, ${c.navn}` });
    }
    for (const c of TEXT_COLUMNS) {
      const v = t[c.field];
      if (v === undefined || v.trim() === "") continue;
      const what = `${c.navn[0].toUpperCase()}${c.navn.slice(1)} for termin ${t.termin}`;
      d.set(`${c.col}${r}`, c.onlyWhenEmpty ? { kind: "textIfEmpty", value: v, what, isDate: c.field === "dato" } : { kind: "value", value: v, what });
    }
  }
  if (map.ours && input.signOff) {
    for (const t of input.signOff.terminer) {
      const r = map.terminRows.get(t.termin);
      if (r !== undefined) d.set(`${SIGN_OFF_COLUMN}${r}`, { kind: "owned", value: t.state === "ikke signert" ? "" : t.state });
    }
  }
  if (map.ours) {
    const rows = balanceRows(balanceKind);
    for (const s of input.saldoer ?? []) {
      const row = rows.find((b) => oppsett.kontoer[b.key] === String(s.konto).trim())?.row;
      if (row === undefined) continue;
      d.set(`${BALANCE_COLUMNS.ib}${row}`, { kind: "value", value: kroner(s.ib), what: `IB for konto ${s.konto}` });
      d.set(`${BALANCE_COLUMNS.bevegelse}${row}`, { kind: "value", value: kroner(s.bevegelse), what: `Bevegelsen på konto ${s.konto}` });
    }
    if (input.oppdatertAgaSats !== undefined) {
      d.set(ADJUST_CELLS.nySats, { kind: "value", value: input.oppdatertAgaSats, what: "Den oppdaterte AGA-satsen" });
    }
  }
}

function namesFor(map: SheetMap): NameSpec[] {
  if (map.ours) return LAYOUT_NAMES.map((n) => ({ name: n.name, sheet: map.sheet, address: n.address }));
  return [
    ...SCALAR_FIELDS.filter((s) => map.scalars.has(s.key)).map((s) => ({ name: s.name, sheet: map.sheet, address: map.scalars.get(s.key) as string })),
    ...ACCOUNT_FIELDS.filter((a) => map.accounts.has(a.key)).map((a) => ({ name: a.name, sheet: map.sheet, address: map.accounts.get(a.key) as string })),
  ];
}

/**
 * The WritePlan that fills the reconciliation sheet (and `_lonn`).
 *
 * - No sheet yet (or an empty one): the whole template of layout.ts with the given figures, its
 *   styles, number formats, conditional formats, names, column widths and frozen header rows.
 * - An existing sheet, ours or a DFØ-style one made by hand: termin rows found by their labels in
 *   column A, the Sum row, header cells by their labels. Only input cells are written (B–F, K–N;
 *   J, U, V, W only while empty); a formula is never overwritten; a missing formula is added only
 *   to an empty cell and reported as a notice; every cell left alone is listed with the reason.
 *   Styles and conditional formats are not re-applied, so a second fill changes nothing.
 *
 * All inputs are checked first; with any problem nothing is planned.
 */
/**
 * On a sheet of ours that exists already the layout's formats are not planned again, but a text
 * that goes into a cell the layout formats as text (an invoice number, an account) must be
 * written as text there: the Office.js shell marks number-like text with Excel's apostrophe
 * unless the plan says the cell is text. So those cells get their text format declared again.
 */
function textFormatsOfWrites(writes: readonly RangeWrite[], layout: readonly FormatWrite[]): FormatWrite[] {
  const textRanges = layout.filter((f) => f.numberFormat === NUMBER_FORMATS.text).map((f) => parseRange(f.address));
  const out: FormatWrite[] = [];
  for (const w of writes) {
    const origin = parseCell(w.address.split(":")[0]);
    w.cells.forEach((row, i) =>
      row.forEach((cell, j) => {
        if (typeof cell !== "string") return;
        const r = origin.row + i;
        const c = origin.col + j;
        if (textRanges.some((t) => t.start.row <= r && r <= t.end.row && t.start.col <= c && c <= t.end.col)) {
          out.push({ sheet: w.sheet, address: cellAddress({ row: r, col: c }), numberFormat: NUMBER_FORMATS.text });
        }
      }),
    );
  }
  return out;
}

export function planAvstemming(input: PlanInput): Checked<WritePlan> {
  const { oppsett } = input;
  const isNew = !input.existing || isBlankSheet(input.existing);
  const sheet = input.existing?.name ?? SHEET_NAMES[oppsett.budsjettering];
  let map: SheetMap;
  if (isNew) {
    map = layoutMap(sheet);
  } else {
    const located = locate(input.existing as SheetSnapshot);
    if (isProblems(located)) return located;
    map = located;
  }
  const snapshot = isNew ? undefined : input.existing;
  const balanceKind = map.ours ? balanceKindOf(snapshot, oppsett.budsjettering) : oppsett.budsjettering;
  const problems = validate(input, map, balanceKind);
  const invalid = problems.error();
  if (invalid) return invalid;

  const desired: Desires = new Map();
  if (map.ours) templateCells(desired, oppsett.budsjettering, balanceKind);
  else foreignFormulas(desired, map, oppsett.budsjettering);
  inputCells(desired, map, input, balanceKind);

  const merged = merge(sheet, snapshot, desired, !isNew);
  const writes = rectangles(sheet, merged.changes);
  const layout = map.ours ? layoutFormats(sheet, balanceKind) : [];

  const plan: WritePlan = {
    ...emptyPlan(),
    sheets: [
      map.ours
        ? { name: sheet, visibility: "visible", columnWidths: COLUMN_WIDTHS, freezeRows: FREEZE_ROWS, print: standardPrint(oppsett, { first: 1, last: FREEZE_ROWS }) }
        : { name: sheet, visibility: "visible" },
    ],
    writes,
    formats: isNew ? layout : textFormatsOfWrites(writes, layout),
    names: namesFor(map),
    conditionalFormats: isNew ? layoutConditionalFormats(sheet, balanceKind) : [],
    leftAlone: merged.leftAlone,
    notices: merged.notices,
    // A cell left alone holds the user's own formula or value: its cached result is Excel's, not ours.
    results: input.model ? reconciliationResults(map, input.model, balanceKind).filter((r) => !merged.leftAlone.some((l) => l.address === r.address)) : [],
  };
  // A `_lonn` this version cannot read (a newer schema, a cell edited into nonsense) is refused,
  // never rewritten in the old form: the settings of a newer add-in would be lost.
  const stored = input.settings ? readSettings(input.settings) : undefined;
  if (stored && isProblems(stored)) return stored;
  const base = settingsFrom(oppsett, sheet, stored);
  const andre = { ...(input.andreInnstillinger ?? {}), ...(input.signOff?.settings ?? {}) };
  const settings = Object.keys(andre).length > 0 ? { ...base, andre: { ...base.andre, ...andre } } : base;
  return mergePlans(plan, planSettings(settings, input.settings));
}
