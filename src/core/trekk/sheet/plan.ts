/**
 * The WritePlan that fills the `Trekk og AGA` sheet (DESIGN.md §8.6) and its `_lonn` keys, as the
 * SPK sheet is filled: plain formulas only (SUM, ROUND, IF, ABS, AND, OR, SUMPRODUCT), inputs in
 * input-styled cells, formulas grey. A new (or blank) sheet gets the whole layout with its styles,
 * number formats, conditional formats and names. An existing sheet of ours is written through
 * core/workpaper/merge.ts: inputs replace values but never a formula, a missing formula goes only
 * into an empty cell, sign-off cells are the user's; every cell left alone is reported.
 *
 * The cells that are ours alone (the flags beside each row, the sign-off status, the due dates)
 * are rewritten every fill, and emptied when the model has nothing for them; an input the model
 * says is empty (a payment date of an unpaid amount) is emptied too, unless it holds a formula.
 */
import { fromExcelSerial, isoDate, toExcelSerial } from "../../calendar";
import { kroner, Ore } from "../../money/ore";
import { ZONES } from "../../rates/aga";
import { Checked, isProblems, problems } from "../../problem/problem";
import { cellAddress, parseCell } from "../../sheet/a1";
import { readText } from "../../workpaper/cell-values";
import { cellAt, cellOf, isBlankSheet, isEmptyCell, SheetSnapshot } from "../../sheet/snapshot";
import { Desired, merge, rectangles } from "../../workpaper/merge";
import { planSettings, readSettings } from "../../workpaper/settings";
import { ConditionalFormat, emptyPlan, FormatWrite, mergePlans, NUMBER_FORMATS, StyleName, WritePlan } from "../../workpaper/write-plan";
import { standardPrint } from "../../workpaper/print";
import { calendarDate, monthOf, periodText, yearOf } from "../dates";
import { TrekkAvstemming, TrekkFlag } from "../result";
import { SignOffReview } from "../sign-off";
import { trekkSheetResults } from "./results";
import {
  ACCOUNT_NAMES,
  ACCOUNT_ORDER,
  AGA,
  COLUMN_WIDTHS,
  GRID,
  GRID_COLUMNS,
  GRID_ZONE_COLUMNS,
  HEADER,
  NAME_TOLERANSE,
  PARTY,
  PARTY_COLUMNS,
  ROLL_COLUMNS,
  rollBlock,
  SETTLEMENT_COLUMNS,
  SIGN,
  SIGN_COLUMNS,
  terminLabel,
  TITLE_PREFIX,
  TREKK_SHEET,
  TREKK_TABLE,
  zoneColumn,
} from "./layout";

export interface TrekkPlanInput {
  readonly avstemming: TrekkAvstemming;
  /** The sheet as it is now, when it exists. */
  readonly existing?: SheetSnapshot;
  /** The `_lonn` sheet as it is now, when it exists. */
  readonly settings?: SheetSnapshot;
  /** The months' sign-off (from reviewSignOff on the existing sheet); without it every month is unsigned. */
  readonly signOff?: SignOffReview;
  /** Other `_lonn` keys to set (the task pane's oppsett and import configuration); every other key is kept. */
  readonly andreInnstillinger?: Readonly<Record<string, string>>;
}

type Value = string | number;

/** What the plan wants, cell by cell. */
class Cells {
  readonly desired = new Map<string, Desired>();
  /** Cells of ours that are rewritten every fill ("" empties them). */
  readonly ours = new Map<string, Value>();
  readonly formats: FormatWrite[] = [];
  readonly conditional: ConditionalFormat[] = [];

  constructor(readonly sheet: string) {}

  fixed(address: string, value: Value): void {
    this.desired.set(address, { kind: "fixed", value });
  }

  formula(address: string, formula: string): void {
    this.desired.set(address, { kind: "formula", formula });
  }

  /** An input: a value, or (undefined) empty. */
  input(address: string, value: Value | undefined, what: string): void {
    if (value === undefined || value === "") this.ours.set(address, "");
    else this.desired.set(address, { kind: "value", value, what });
  }

  own(address: string, value: Value): void {
    this.ours.set(address, value);
  }

  format(address: string, style?: StyleName, numberFormat?: string): void {
    this.formats.push({ sheet: this.sheet, address, ...(style ? { style } : {}), ...(numberFormat ? { numberFormat } : {}) });
  }

  flag(address: string, formula: string, style: "flag" | "warning" = "flag"): void {
    this.conditional.push({ sheet: this.sheet, address, formula, style });
  }
}

const amount = (ore: Ore | null | undefined): number | undefined => (ore === null || ore === undefined ? undefined : kroner(ore));
const date = (iso: string | null | undefined): number | undefined => (iso ? toExcelSerial(calendarDate(iso)) : undefined);
const flagText = (flags: readonly TrekkFlag[]): string => flags.map((f) => f.melding).join("\n");

/** The header and every title, label and formula of the fixed blocks. */
function template(c: Cells, a: TrekkAvstemming): void {
  const year = a.scenario.aar;
  c.fixed("A1", `${TITLE_PREFIX} – avstemming av trekk- og avgiftskontoene ${year}`);
  c.fixed("A2", "Gule celler fylles ut (eller av tillegget), grå celler er formler. Saldo: debet +, kredit − (en gjeld er negativ); påløpt og betalt er positive beløp.");
  c.fixed(HEADER.virksomhetLabel, "Virksomhet");
  c.fixed(HEADER.orgnrLabel, "Orgnr");
  c.fixed(HEADER.aarLabel, "År");
  c.fixed(HEADER.toleranseLabel, "Toleranse (kr)");
  c.fixed("A5", "Avstemming per konto og måned: IB − påløpt + betalt = forventet UB; differanse = hovedbok UB − forventet UB");
  const rollHeads = ["Måned", "IB", "Påløpt", "Betalt", "Forventet UB", "Hovedbok UB", "Differanse", "Flagg"];
  ACCOUNT_ORDER.forEach((g, i) => {
    const b = rollBlock(i);
    c.fixed(`A${b.title}`, `${a.kontoer[g]} ${ACCOUNT_NAMES[g]}`);
    rollHeads.forEach((h, col) => c.fixed(cellAddress({ row: b.header - 1, col }), h));
    for (let m = 1; m <= 12; m++) {
      const r = b.month(m);
      c.fixed(`A${r}`, periodText(year, m));
      if (m > 1) c.formula(`B${r}`, `=F${r - 1}`);
      if (g === "aga") c.formula(`C${r}`, `=${GRID_COLUMNS.beregnet}${GRID.month(m)}`);
      c.formula(`E${r}`, `=B${r}-C${r}+D${r}`);
      c.formula(`G${r}`, `=IF(F${r}="","",F${r}-E${r})`);
    }
  });

  c.fixed(`A${GRID.title}`, "Grunnlag for arbeidsgiveravgift per måned og sone (fra lønn), og AGA etter satsene: summen av ROUND(grunnlag × sats; 2)");
  c.fixed(`A${GRID.header}`, "Måned");
  ZONES.forEach((z) => c.fixed(`${zoneColumn(z)}${GRID.header}`, `Sone ${z}`));
  c.fixed(`${GRID_COLUMNS.beregnet}${GRID.header}`, "Beregnet AGA");
  c.fixed(`${GRID_COLUMNS.amelding}${GRID.header}`, "AGA i a-meldingen");
  c.fixed(`${GRID_COLUMNS.flagg}${GRID.header}`, "Flagg");
  c.fixed(`A${GRID.rates}`, `Sats ${year}`);
  const [z0, z1] = [GRID_ZONE_COLUMNS[0], GRID_ZONE_COLUMNS[GRID_ZONE_COLUMNS.length - 1]];
  for (let m = 1; m <= 12; m++) {
    const r = GRID.month(m);
    c.fixed(`A${r}`, periodText(year, m));
    c.formula(`${GRID_COLUMNS.beregnet}${r}`, `=SUMPRODUCT(ROUND(${z0}${r}:${z1}${r}*${z0}$${GRID.rates}:${z1}$${GRID.rates},2))`);
  }

  const s = SETTLEMENT_COLUMNS;
  const settlementHeads = (row: number, owed: string, key: string) =>
    [key, owed, "A-melding", "Betalt", "Forfall", "Betalt dato", "Dager forsinket", `${owed} − a-melding`, `Betalt − ${owed.toLowerCase()}`, "Flagg"]
      .forEach((h, col) => c.fixed(cellAddress({ row: row - 1, col }), h));
  const settlementFormulas = (r: number) => {
    c.formula(`${s.dagerForsinket}${r}`, `=IF(${s.betaltDato}${r}="","",IF(${s.betaltDato}${r}>${s.forfall}${r},${s.betaltDato}${r}-${s.forfall}${r},0))`);
    c.formula(`${s.avvikAmelding}${r}`, `=IF(${s.amelding}${r}="","",${s.owed}${r}-${s.amelding}${r})`);
    c.formula(`${s.avvikBetalt}${r}`, `=${s.betalt}${r}-${s.owed}${r}`);
  };
  c.fixed(`A${AGA.title}`, "Arbeidsgiveravgift per termin: forfall den 15. i måneden etter terminen (termin 6: 15. januar), flyttet til neste virkedag");
  settlementHeads(AGA.header, "Beregnet", "Termin");
  c.fixed(`A${AGA.opening}`, terminLabel(6, year - 1, year));
  settlementFormulas(AGA.opening);
  for (let t = 1; t <= 6; t++) {
    const r = AGA.termin(t);
    c.fixed(`A${r}`, terminLabel(t, year, year));
    c.formula(`${s.owed}${r}`, `=${GRID_COLUMNS.beregnet}${GRID.month(2 * t - 1)}+${GRID_COLUMNS.beregnet}${GRID.month(2 * t)}`);
    settlementFormulas(r);
  }

  c.fixed(`A${PARTY.title}`, "Forsikrings- og fagforeningstrekk: trekk i lønn mot faktura eller trekkliste");
  ["Måned", "Konto", "Mottaker", "Trekk (lønn)", "Fakturert", "Differanse (fakturert − trekk)", "Flagg"].forEach((h, col) => c.fixed(cellAddress({ row: PARTY.header - 1, col }), h));
  (["forsikringstrekk", "fagforeningstrekk"] as const).forEach((g, block) => {
    for (let m = 1; m <= 12; m++) {
      const r = PARTY.month(block, m);
      c.fixed(`A${r}`, periodText(year, m));
      c.fixed(`${PARTY_COLUMNS.konto}${r}`, a.kontoer[g]);
      c.formula(`${PARTY_COLUMNS.differanse}${r}`, `=${PARTY_COLUMNS.fakturert}${r}-${PARTY_COLUMNS.trekk}${r}`);
    }
  });

  c.fixed(`A${SIGN.title}`, "Signering per måned: signatur og dato fylles ut av den som har avstemt måneden; status settes av tillegget");
  ["Måned", "Status", "Signatur", "Dato", "Flagg"].forEach((h, col) => c.fixed(cellAddress({ row: SIGN.header - 1, col }), h));
  for (let m = 1; m <= 12; m++) c.fixed(`A${SIGN.month(m)}`, periodText(year, m));

  c.fixed(`A${TREKK_TABLE.title}`, a.forskuddstrekkPerTermin
    ? "Forskuddstrekk per termin (til og med 2025): forfall som arbeidsgiveravgiften"
    : "Forskuddstrekk per utbetalingsdato (fra 2026): forfall første virkedag etter utbetalingen");
  settlementHeads(TREKK_TABLE.header, "Trekk", a.forskuddstrekkPerTermin ? "Termin" : "Utbetalingsdato");
}

/** The styles, number formats and conditional formats of a new sheet. */
function looks(c: Cells, trekkRows: number): void {
  const A = NUMBER_FORMATS.amount;
  c.format("A1", "title");
  c.format("A2", "note");
  for (const l of [HEADER.virksomhetLabel, HEADER.orgnrLabel, HEADER.aarLabel, HEADER.toleranseLabel]) c.format(l, "header");
  c.format(HEADER.virksomhet, "input");
  c.format(HEADER.orgnr, "input", NUMBER_FORMATS.text);
  c.format(HEADER.aar, "input", NUMBER_FORMATS.integer);
  c.format(HEADER.toleranse, "input", A);
  for (const title of ["A5", `A${GRID.title}`, `A${AGA.title}`, `A${PARTY.title}`, `A${SIGN.title}`, `A${TREKK_TABLE.title}`]) c.format(title, "title");
  ACCOUNT_ORDER.forEach((_, i) => {
    const b = rollBlock(i);
    const [r1, r12] = [b.month(1), b.month(12)];
    c.format(`A${b.title}`, "label");
    c.format(`A${b.header}:H${b.header}`, "header");
    c.format(`B${r1}:D${r12}`, "input", A);
    c.format(`B${b.month(2)}:B${r12}`, "formula");
    c.format(`E${r1}:E${r12}`, "formula", A);
    c.format(`F${r1}:F${r12}`, "input", A);
    c.format(`G${r1}:G${r12}`, "formula", A);
    c.format(`H${r1}:H${r12}`, "note");
    c.flag(`G${r1}:G${r12}`, `IF($G${r1}="",FALSE,ABS(ROUND($G${r1},2))>${NAME_TOLERANSE})`);
  });
  const aga = rollBlock(ACCOUNT_ORDER.indexOf("aga"));
  c.format(`C${aga.month(1)}:C${aga.month(12)}`, "formula");
  const [g1, g12] = [GRID.month(1), GRID.month(12)];
  c.format(`A${GRID.header}:K${GRID.header}`, "header");
  c.format(`A${GRID.rates}`, "label");
  c.format(`B${GRID.rates}:H${GRID.rates}`, "formula", NUMBER_FORMATS.rateFine);
  c.format(`B${g1}:H${g12}`, "input", A);
  c.format(`I${g1}:I${g12}`, "formula", A);
  c.format(`J${g1}:J${g12}`, "input", A);
  c.format(`K${g1}:K${g12}`, "note");
  const settlement = (header: number, first: number, last: number, owedIsFormula: boolean) => {
    const s = SETTLEMENT_COLUMNS;
    c.format(`A${header}:J${header}`, "header");
    c.format(`${s.owed}${first}:${s.owed}${last}`, owedIsFormula ? "formula" : "input", A);
    c.format(`${s.amelding}${first}:${s.betalt}${last}`, "input", A);
    c.format(`${s.forfall}${first}:${s.forfall}${last}`, "formula", NUMBER_FORMATS.date);
    c.format(`${s.betaltDato}${first}:${s.betaltDato}${last}`, "input", NUMBER_FORMATS.date);
    c.format(`${s.dagerForsinket}${first}:${s.dagerForsinket}${last}`, "formula", NUMBER_FORMATS.integer);
    c.format(`${s.avvikAmelding}${first}:${s.avvikBetalt}${last}`, "formula", A);
    c.format(`${s.flagg}${first}:${s.flagg}${last}`, "note");
    c.flag(`${s.dagerForsinket}${first}:${s.dagerForsinket}${last}`, `IF($${s.dagerForsinket}${first}="",FALSE,$${s.dagerForsinket}${first}>0)`, "warning");
    c.flag(`${s.avvikAmelding}${first}:${s.avvikAmelding}${last}`, `IF($${s.avvikAmelding}${first}="",FALSE,ABS(ROUND($${s.avvikAmelding}${first},2))>${NAME_TOLERANSE})`);
    c.flag(`${s.avvikBetalt}${first}:${s.avvikBetalt}${last}`, `ABS(ROUND($${s.avvikBetalt}${first},2))>${NAME_TOLERANSE}`, "warning");
  };
  settlement(AGA.header, AGA.opening, AGA.termin(6), true);
  c.format(`${SETTLEMENT_COLUMNS.owed}${AGA.opening}`, "input", A);
  const p1 = PARTY.month(0, 1);
  const p24 = PARTY.month(1, 12);
  c.format(`A${PARTY.header}:G${PARTY.header}`, "header");
  c.format(`B${p1}:C${p24}`, "formula", NUMBER_FORMATS.text);
  c.format(`D${p1}:E${p24}`, "input", A);
  c.format(`F${p1}:F${p24}`, "formula", A);
  c.format(`G${p1}:G${p24}`, "note");
  c.flag(`F${p1}:F${p24}`, `ABS(ROUND($F${p1},2))>${NAME_TOLERANSE}`);
  const [s1, s12] = [SIGN.month(1), SIGN.month(12)];
  c.format(`A${SIGN.header}:E${SIGN.header}`, "header");
  c.format(`B${s1}:B${s12}`, "formula", NUMBER_FORMATS.text);
  c.format(`C${s1}:C${s12}`, "input", NUMBER_FORMATS.text);
  c.format(`D${s1}:D${s12}`, "input", NUMBER_FORMATS.date);
  c.format(`E${s1}:E${s12}`, "note");
  c.flag(`B${s1}:B${s12}`, `$B${s1}="endret etter signering"`);
  const t1 = TREKK_TABLE.first;
  const tn = Math.max(t1, t1 + trekkRows - 1);
  settlement(TREKK_TABLE.header, t1, tn, false);
  c.format(`A${t1}:A${tn}`, "label", NUMBER_FORMATS.date);
}

type TrekkRows = readonly { readonly row: number; readonly key: string }[];

/**
 * The cell a flag is written in: the flag column beside the row it concerns (the account's month,
 * the month's AGA basis, the AGA termin, the pay date or termin, the counterparty's month, the
 * month's sign-off). Undefined for a flag with no row on the sheet.
 */
function flagAddress(f: TrekkFlag, a: TrekkAvstemming, rows: TrekkRows): string | undefined {
  const year = a.scenario.aar;
  const month = f.periode !== undefined && yearOf(f.periode) === year ? monthOf(f.periode) : undefined;
  const s = SETTLEMENT_COLUMNS;
  switch (f.table) {
    case "kontroll": {
      const i = ACCOUNT_ORDER.findIndex((g) => a.kontoer[g] === f.konto);
      return i === -1 || month === undefined ? undefined : `${ROLL_COLUMNS.flagg}${rollBlock(i).month(month)}`;
    }
    case "agaGrunnlag":
      return month === undefined ? undefined : `${GRID_COLUMNS.flagg}${GRID.month(month)}`;
    case "aga":
      if (f.termin === undefined) return undefined;
      if (f.aar === year - 1 && f.termin === 6) return `${s.flagg}${AGA.opening}`;
      return f.aar === year ? `${s.flagg}${AGA.termin(f.termin)}` : undefined;
    case "forskuddstrekk": {
      const i = a.forskuddstrekk.findIndex((x) => (x.utbetalingsdato ? f.dato === x.utbetalingsdato : f.termin === x.termin && f.aar === x.aar));
      return i === -1 || rows[i] === undefined ? undefined : `${s.flagg}${rows[i].row}`;
    }
    case "mottaker": {
      const block = f.konto === a.kontoer.forsikringstrekk ? 0 : f.konto === a.kontoer.fagforeningstrekk ? 1 : -1;
      return block === -1 || month === undefined ? undefined : `${PARTY_COLUMNS.flagg}${PARTY.month(block, month)}`;
    }
    case "signering":
      return month === undefined ? undefined : `${SIGN_COLUMNS.flagg}${SIGN.month(month)}`;
    default:
      return undefined;
  }
}

/** The model's flags by the cell they are written in. */
function flagsByCell(a: TrekkAvstemming, rows: TrekkRows): Map<string, TrekkFlag[]> {
  const out = new Map<string, TrekkFlag[]>();
  for (const f of a.flags) {
    const address = flagAddress(f, a, rows);
    if (address === undefined) continue;
    const list = out.get(address);
    if (list) list.push(f);
    else out.set(address, [f]);
  }
  return out;
}

/** The key in column A of a forskuddstrekk row: a pay date (ISO) or a termin label. */
function rowKey(value: unknown): string | undefined {
  if (typeof value === "number") {
    const d = fromExcelSerial(value);
    return d ? isoDate(d) : undefined;
  }
  const t = readText(value);
  return t === undefined || t === "" ? undefined : t;
}

/**
 * The rows of the forskuddstrekk table: rows already on the sheet keep their place (found by the
 * pay date or termin in column A); new keys go below the last one.
 */
function trekkRowsOf(a: TrekkAvstemming, snapshot: SheetSnapshot | undefined): Checked<TrekkRows> {
  const year = a.scenario.aar;
  const keys = a.forskuddstrekk.map((r) => (r.utbetalingsdato ?? terminLabel(r.termin as number, r.aar, year)));
  const existing = new Map<string, number>();
  let next = TREKK_TABLE.first;
  if (snapshot) {
    for (let r = TREKK_TABLE.first; ; r++) {
      const key = rowKey(cellOf(snapshot, { row: r - 1, col: 0 }).value);
      if (key === undefined) break;
      existing.set(key, r);
      next = r + 1;
    }
  }
  const out: { row: number; key: string }[] = [];
  for (const key of keys) {
    const row = existing.get(key);
    if (row !== undefined) {
      out.push({ row, key });
      continue;
    }
    if (snapshot) {
      for (let col = 0; col < 10; col++) {
        if (!isEmptyCell(cellOf(snapshot, { row: next - 1, col }))) {
          return problems(
            `Forskuddstrekktabellen trenger rad ${next} til ${key}, men cellen ${cellAddress({ row: next - 1, col })} er i bruk. Flytt innholdet under tabellen og fyll på nytt.`,
            { sheet: snapshot.name, cell: cellAddress({ row: next - 1, col }) },
          );
        }
      }
    }
    out.push({ row: next, key });
    next++;
  }
  return out;
}

/** The inputs and the cells of ours, from the model. */
function values(c: Cells, a: TrekkAvstemming, rows: TrekkRows, review: SignOffReview | undefined): void {
  const year = a.scenario.aar;
  const byCell = flagsByCell(a, rows);
  /** The flags of the cell, as its text ("" when none). */
  const flagsAt = (address: string) => flagText(byCell.get(address) ?? []);
  c.input(HEADER.virksomhet, a.scenario.virksomhet, "Virksomheten");
  c.input(HEADER.orgnr, a.scenario.orgnr, "Organisasjonsnummeret");
  c.input(HEADER.aar, year, "Året");
  c.input(HEADER.toleranse, kroner(a.toleranse), "Toleransen");

  ACCOUNT_ORDER.forEach((g, i) => {
    const b = rollBlock(i);
    const konto = a.kontoer[g];
    for (let m = 1; m <= 12; m++) {
      const r = b.month(m);
      const k = a.kontroller.find((x) => x.konto === konto && x.maaned === m);
      const what = `Konto ${konto} ${periodText(year, m)}`;
      if (m === 1) c.input(`B${r}`, amount(k?.ib), `${what}, IB`);
      if (g !== "aga") c.input(`C${r}`, amount(k?.paalopt), `${what}, påløpt`);
      c.input(`D${r}`, amount(k?.betalt), `${what}, betalt`);
      c.input(`F${r}`, amount(k?.hovedbokUb), `${what}, hovedbok UB`);
      c.own(`${ROLL_COLUMNS.flagg}${r}`, flagsAt(`${ROLL_COLUMNS.flagg}${r}`));
    }
  });

  ZONES.forEach((z) => c.own(`${zoneColumn(z)}${GRID.rates}`, a.satser[z]));
  for (let m = 1; m <= 12; m++) {
    const r = GRID.month(m);
    const g = a.agaGrunnlag.find((x) => x.maaned === m);
    ZONES.forEach((z) => c.input(`${zoneColumn(z)}${r}`, g ? kroner(g.grunnlag[z]) : undefined, `AGA-grunnlaget ${periodText(year, m)} sone ${z}`));
    c.input(`${GRID_COLUMNS.amelding}${r}`, amount(g?.amelding), `AGA i a-meldingen ${periodText(year, m)}`);
    c.own(`${GRID_COLUMNS.flagg}${r}`, flagsAt(`${GRID_COLUMNS.flagg}${r}`));
  }

  const s = SETTLEMENT_COLUMNS;
  const settlement = (r: number, what: string, x: { amelding: Ore | null; betalt: Ore; forfall: string; betaltDato: string | null } | undefined) => {
    c.input(`${s.amelding}${r}`, amount(x?.amelding), `${what}, a-melding`);
    c.input(`${s.betalt}${r}`, amount(x?.betalt), `${what}, betalt`);
    c.own(`${s.forfall}${r}`, date(x?.forfall) ?? "");
    c.input(`${s.betaltDato}${r}`, date(x?.betaltDato), `${what}, betalt dato`);
  };
  const opening = a.aga.find((x) => x.aar < year);
  c.input(`${s.owed}${AGA.opening}`, amount(opening?.beregnet), "AGA for fjorårets termin 6 (IB)");
  settlement(AGA.opening, "AGA for fjorårets termin 6", opening);
  c.own(`${s.flagg}${AGA.opening}`, flagsAt(`${s.flagg}${AGA.opening}`));
  for (let t = 1; t <= 6; t++) {
    const x = a.aga.find((y) => y.aar === year && y.termin === t);
    settlement(AGA.termin(t), `AGA termin ${t}`, x);
    c.own(`${s.flagg}${AGA.termin(t)}`, flagsAt(`${s.flagg}${AGA.termin(t)}`));
  }

  (["forsikringstrekk", "fagforeningstrekk"] as const).forEach((g, block) => {
    const konto = a.kontoer[g];
    for (let m = 1; m <= 12; m++) {
      const r = PARTY.month(block, m);
      const x = a.mottakere.find((y) => y.konto === konto && y.maaned === m);
      const names = a.mottakere.find((y) => y.konto === konto)?.navn ?? [];
      c.own(`${PARTY_COLUMNS.navn}${r}`, names.join(", "));
      c.input(`${PARTY_COLUMNS.trekk}${r}`, amount(x?.trekk), `Konto ${konto} ${periodText(year, m)}, trekk`);
      c.input(`${PARTY_COLUMNS.fakturert}${r}`, amount(x?.fakturert), `Konto ${konto} ${periodText(year, m)}, fakturert`);
      c.own(`${PARTY_COLUMNS.flagg}${r}`, flagsAt(`${PARTY_COLUMNS.flagg}${r}`));
    }
  });

  for (let m = 1; m <= 12; m++) {
    const r = SIGN.month(m);
    const p = review?.periods.find((x) => x.maaned === m);
    c.own(`${SIGN_COLUMNS.status}${r}`, p?.state ?? "ikke signert");
    c.own(`${SIGN_COLUMNS.flagg}${r}`, flagsAt(`${SIGN_COLUMNS.flagg}${r}`));
  }

  a.forskuddstrekk.forEach((x, i) => {
    const { row: r, key } = rows[i];
    const what = x.utbetalingsdato ? `Forskuddstrekk ${x.utbetalingsdato}` : `Forskuddstrekk ${key}`;
    if (x.utbetalingsdato) c.input(`A${r}`, date(x.utbetalingsdato), "Utbetalingsdatoen");
    else c.fixed(`A${r}`, key);
    c.input(`${s.owed}${r}`, amount(x.trekk), `${what}, trekk`);
    settlement(r, what, x);
    c.formula(`${s.dagerForsinket}${r}`, `=IF(${s.betaltDato}${r}="","",IF(${s.betaltDato}${r}>${s.forfall}${r},${s.betaltDato}${r}-${s.forfall}${r},0))`);
    c.formula(`${s.avvikAmelding}${r}`, `=IF(${s.amelding}${r}="","",${s.owed}${r}-${s.amelding}${r})`);
    c.formula(`${s.avvikBetalt}${r}`, `=${s.betalt}${r}-${s.owed}${r}`);
    c.own(`${s.flagg}${r}`, flagsAt(`${s.flagg}${r}`));
  });
}

/**
 * Where each of the model's flags is written on the sheet (`existing`: the sheet as it is, whose
 * forskuddstrekk rows keep their places), in the order of `a.flags`; undefined for a flag without
 * a row. The task pane links a flag to its cell with this.
 */
export function trekkFlagCells(a: TrekkAvstemming, existing?: SheetSnapshot): Checked<(string | undefined)[]> {
  const snapshot = !existing || isBlankSheet(existing) ? undefined : existing;
  const rows = trekkRowsOf(a, snapshot);
  return isProblems(rows) ? rows : a.flags.map((f) => flagAddress(f, a, rows));
}

/** Whether a sheet is ours, and for which year. */
function checkExisting(snapshot: SheetSnapshot, year: number): Checked<true> {
  const title = readText(cellAt(snapshot, "A1").value) ?? "";
  if (!title.startsWith(TITLE_PREFIX)) {
    return problems(`Arket «${snapshot.name}» finnes, men er ikke tilleggets trekkark (A1 er «${title}»). Gi det et annet navn, eller slett det.`, { sheet: snapshot.name, cell: "A1" });
  }
  const aar = cellAt(snapshot, HEADER.aar).value;
  if (aar !== "" && Number(aar) !== year) {
    return problems(`Arket «${snapshot.name}» gjelder ${String(aar)}, ikke ${year}; bruk én arbeidsbok (eller ett ark) per år.`, { sheet: snapshot.name, cell: HEADER.aar });
  }
  return true;
}

export function planTrekkSheet(input: TrekkPlanInput): Checked<WritePlan> {
  const a = input.avstemming;
  const sheet = input.existing?.name ?? TREKK_SHEET;
  const isNew = !input.existing || isBlankSheet(input.existing);
  const snapshot = isNew ? undefined : input.existing;
  if (snapshot) {
    const ok = checkExisting(snapshot, a.scenario.aar);
    if (isProblems(ok)) return ok;
  }
  const rows = trekkRowsOf(a, snapshot);
  if (isProblems(rows)) return rows;
  const stored = input.settings ? readSettings(input.settings) : undefined;
  if (stored && isProblems(stored)) return stored;

  const c = new Cells(sheet);
  template(c, a);
  values(c, a, rows, input.signOff);
  const merged = merge(sheet, snapshot, c.desired, !isNew);
  for (const [address, value] of c.ours) {
    const ref = parseCell(address);
    const existing = cellOf(snapshot, ref);
    if (existing.formula !== undefined) {
      if (value !== "") merged.leftAlone.push({ sheet, address, reason: `Cellen har formelen «${existing.formula}»; tillegget skriver ikke over formler.` });
      continue;
    }
    const same = typeof value === "number" ? existing.value === value : (readText(existing.value) ?? "") === value;
    if (same) continue;
    const line = merged.changes.get(ref.row + 1) ?? new Map();
    line.set(ref.col, value);
    merged.changes.set(ref.row + 1, line);
  }
  if (isNew) looks(c, a.forskuddstrekk.length);
  const plan: WritePlan = {
    ...emptyPlan(),
    sheets: [{ name: sheet, visibility: "visible", columnWidths: COLUMN_WIDTHS, freezeRows: 3, print: standardPrint(a.scenario, { first: 1, last: 3 }) }],
    writes: rectangles(sheet, merged.changes),
    formats: isNew ? c.formats : newRowFormats(c, rows, snapshot),
    names: [{ name: NAME_TOLERANSE, sheet, address: HEADER.toleranse }],
    conditionalFormats: isNew ? c.conditional : [],
    leftAlone: merged.leftAlone,
    notices: merged.notices,
    results: trekkSheetResults({ sheet, avstemming: a, rows, existing: snapshot, leftAlone: merged.leftAlone }),
  };
  const base = stored ?? { skjemaversjon: 1, dimensjoner: {}, andre: {} };
  const settings = planSettings({ ...base, andre: { ...base.andre, ...(input.andreInnstillinger ?? {}), ...(input.signOff?.settings ?? {}) } }, input.settings);
  return mergePlans(plan, settings);
}

/** On an existing sheet, the forskuddstrekk rows added by this fill get the table's formats. */
function newRowFormats(c: Cells, rows: readonly { row: number }[], snapshot: SheetSnapshot | undefined): FormatWrite[] {
  const added = rows.filter((r) => isEmptyCell(cellOf(snapshot, { row: r.row - 1, col: 0 })));
  const s = SETTLEMENT_COLUMNS;
  return added.flatMap(({ row }) => [
    { sheet: c.sheet, address: `A${row}`, style: "label" as const, numberFormat: NUMBER_FORMATS.date },
    { sheet: c.sheet, address: `${s.owed}${row}:${s.betalt}${row}`, style: "input" as const, numberFormat: NUMBER_FORMATS.amount },
    { sheet: c.sheet, address: `${s.forfall}${row}`, style: "formula" as const, numberFormat: NUMBER_FORMATS.date },
    { sheet: c.sheet, address: `${s.betaltDato}${row}`, style: "input" as const, numberFormat: NUMBER_FORMATS.date },
    { sheet: c.sheet, address: `${s.dagerForsinket}${row}`, style: "formula" as const, numberFormat: NUMBER_FORMATS.integer },
    { sheet: c.sheet, address: `${s.avvikAmelding}${row}:${s.avvikBetalt}${row}`, style: "formula" as const, numberFormat: NUMBER_FORMATS.amount },
    { sheet: c.sheet, address: `${s.flagg}${row}`, style: "note" as const },
  ]);
}
