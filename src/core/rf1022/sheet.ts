/**
 * The `RF-1022` sheet through the WritePlan: the kontrolloppstilling per account group (one row per
 * account, a sum row per group: A + B − C = D as plain formulas), the comparison with the
 * a-meldinger (regnskap − a-melding, status against the tolerance), and the sign-off. Plain
 * formulas only (SUM, IF, ABS), every formula with the core's value beside it.
 *
 * The sheet is derived: every fill writes it whole again from the figures, so a changed group or
 * a new account never leaves an old row behind. What the user writes is kept: the explanation of
 * each comparison (found again by its label in column A), the signature and the date (by the
 * «Signatur» row), and any column right of the table. A sheet by that name that is not ours is
 * refused, never overwritten.
 *
 * Signing stores the fingerprint of the figures in `_lonn` (`signering.RF-1022.<år>`); when the
 * figures change after that, the status reads «endret etter signering» (core/workpaper/sign-off).
 */
import { kroner, Ore } from "../money/ore";
import { Checked, problems } from "../problem/problem";
import { rangeOf } from "../sheet/a1";
import { cellOf, lastUsedRow, SheetSnapshot } from "../sheet/snapshot";
import { readText } from "../workpaper/cell-values";
import { LonnSettings, planSettings } from "../workpaper/settings";
import { standardPrint } from "../workpaper/print";
import { reviewPeriods, SignOff, SignOffState } from "../workpaper/sign-off";
import { Cell, ConditionalFormat, emptyPlan, FormatWrite, mergePlans, NUMBER_FORMATS, StyleName, WritePlan } from "../workpaper/write-plan";
import { Rf1022 } from "./rf1022";

export const RF1022_SHEET = "RF-1022";
/** The text A1 starts with on a sheet of ours. */
export const RF1022_TITLE_PREFIX = "RF-1022 Lønns- og pensjonskostnader";
/** The tolerance cell the status formulas compare with. */
export const RF1022_TOLERANCE_CELL = "H3";
const TOLERANCE_REF = "$H$3";
const SIGNATURE_LABEL = "Signatur";
/** Columns A–I are the table's; a user's columns to the right are never written. */
const WIDTH = 9;
const HEADINGS = ["Gruppe", "Konto", "Linje", "A Bokført kostnad", "B Opptjent/skyldig 1.1.", "C Opptjent/skyldig 31.12.", "D Innberetningspliktig (A + B − C)", "AGA-pliktig", "Merknad"];
const CONTROL_HEADINGS = ["Kontroll mot a-meldingene", "Grupper", "", "Etter regnskapet (D)", "A-meldingene", "Differanse", "Status", "Forklaring", "Flagg"];

/** Where the plan put what the tests and the shells look for (1-based rows). */
export interface Rf1022Layout {
  /** Per group id: its account rows and its sum row. */
  readonly groups: Readonly<Record<string, { readonly lines: readonly number[]; readonly sum: number }>>;
  /** Per control kind: its row. */
  readonly controls: Readonly<Record<string, number>>;
  readonly signature: number;
  readonly lastRow: number;
}

export interface Rf1022SignOff {
  readonly signOff: SignOff;
  readonly state: SignOffState;
  /** The fingerprint of the figures now. */
  readonly current: string;
  /** What `_lonn` holds for the year after this fill ("" removes a stored one). */
  readonly stored: string;
}

export const rf1022SignOffKey = (aar: number): string => `signering.${RF1022_SHEET}.${aar}`;

/** What the sheet shows, as the fingerprint's input: every line's A, B, C and the a-melding totals. */
function figures(r: Rf1022): unknown {
  return {
    aar: r.input.aar,
    grupper: r.grupper.map((g) => ({ id: g.gruppe.id, linjer: g.linjer.map((l) => [l.konto, l.A, l.B, l.C]) })),
    amelding: r.input.amelding,
    toleranse: r.toleranse,
  };
}

/** The rows of an existing sheet of ours by their column-A text (the first of each), from the row labelled `from` on. */
function rowsByLabel(s: SheetSnapshot, from?: string): Map<string, number> {
  const out = new Map<string, number>();
  let started = from === undefined;
  for (let r = 0; r < lastUsedRow(s); r++) {
    const label = readText(cellOf(s, { row: r, col: 0 }).value);
    if (!started) started = label === from;
    else if (label !== undefined && !out.has(label)) out.set(label, r);
  }
  return out;
}

/** A value as typed, to write back where the plan moves it. */
function kept(s: SheetSnapshot | undefined, row: number | undefined, col: number): Cell {
  if (!s || row === undefined) return "";
  const c = cellOf(s, { row, col });
  if (c.formula !== undefined) return { formula: c.formula };
  const v = c.value;
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : "";
}

/** The sheet is ours when A1 says so; anything else by that name is the user's. */
export function checkRf1022Sheet(existing: SheetSnapshot | undefined): Checked<true> {
  if (!existing || lastUsedRow(existing) === 0) return true;
  const a1 = readText(cellOf(existing, { row: 0, col: 0 }).value) ?? "";
  if (a1.startsWith(RF1022_TITLE_PREFIX)) return true;
  return problems(`Arket «${RF1022_SHEET}» finnes og er ikke laget av Lønnsavstemming (A1 er «${a1}»); gi det et annet navn, så lages kontrolloppstillingen på et nytt ark.`, { sheet: RF1022_SHEET, cell: "A1" });
}

/** The sign-off as the sheet and `_lonn` hold it now, against this run's figures. */
export function reviewRf1022SignOff(r: Rf1022, existing: SheetSnapshot | undefined, settings: LonnSettings | undefined): Rf1022SignOff {
  const row = existing ? rowsByLabel(existing).get(SIGNATURE_LABEL) : undefined;
  const text = (col: number, isDate = false) => (existing && row !== undefined ? readText(cellOf(existing, { row, col }).value, isDate) : undefined);
  const signatur = text(1);
  const dato = text(3, true);
  const signOff: SignOff = { ...(signatur !== undefined ? { signatur } : {}), ...(dato !== undefined ? { dato } : {}) };
  // The same rule as every workpaper's sign-off (a new date or signature signs the figures of now).
  const key = rf1022SignOffKey(r.input.aar);
  const [p] = reviewPeriods([{ periode: String(r.input.aar), key, signOff, figures: figures(r) }], (k) => settings?.andre[k]).periods;
  return { signOff, state: p.state, current: p.current, stored: p.stored };
}

/** The plan of the sheet and its `_lonn` key; where it put the rows. */
export function planRf1022Sheet(
  r: Rf1022,
  existing: SheetSnapshot | undefined,
  settingsSheet: SheetSnapshot | undefined,
  settings: LonnSettings | undefined,
  review: Rf1022SignOff,
): Checked<{ plan: WritePlan; layout: Rf1022Layout }> {
  const ours = checkRf1022Sheet(existing);
  if (ours !== true) return ours;
  const old = existing && lastUsedRow(existing) > 0 ? rowsByLabel(existing) : new Map<string, number>();
  // Explanations belong to the comparison rows, below their header (a group may have a comparison's name).
  const explained = existing && lastUsedRow(existing) > 0 ? rowsByLabel(existing, CONTROL_HEADINGS[0]) : new Map<string, number>();
  const sheet = RF1022_SHEET;
  const rows: Cell[][] = [];
  const formats: FormatWrite[] = [];
  const conditional: ConditionalFormat[] = [];
  const at = (row: number, col: number, rowsCount = 1, cols = 1) => rangeOf({ row: row - 1, col }, rowsCount, cols);
  const format = (row: number, col: number, cols: number, style?: StyleName, numberFormat?: string) =>
    formats.push({ sheet, address: at(row, col, 1, cols), ...(style ? { style } : {}), ...(numberFormat ? { numberFormat } : {}) });
  /** Adds a row (A–I); returns its 1-based number. */
  const add = (cells: Cell[]): number => {
    rows.push([...cells, ...Array<Cell>(Math.max(0, WIDTH - cells.length)).fill("")].slice(0, WIDTH));
    return rows.length;
  };
  const money = (ore: Ore) => kroner(ore);
  const f = (formula: string, value: number | string): Cell => ({ formula, value });
  const { input } = r;

  add([`${RF1022_TITLE_PREFIX} – kontrolloppstilling ${input.aar}`]);
  add(["Per kontogruppe: A bokført kostnad + B opptjent/skyldig ved årets begynnelse − C opptjent/skyldig ved årets slutt = D innberetningspliktig, mot a-meldingene (A07). Grå celler er formler, gule fylles ut. Forklar hvert avvik, og signer."]);
  add(["Virksomhet", input.virksomhet ?? "", "Orgnr", input.orgnr ?? "", "År", input.aar, "Toleranse (kr)", money(r.toleranse)]);
  add([]);
  const header = add(HEADINGS);
  format(1, 0, 1, "title");
  format(2, 0, 1, "note");
  format(3, 0, 1, "label");
  format(header, 0, WIDTH, "header");

  const groups: Record<string, { lines: number[]; sum: number }> = {};
  for (const g of r.grupper) {
    const lines: number[] = [];
    for (const l of g.linjer) {
      const row = rows.length + 1;
      const role = l.rolle === "kostnad" ? "kostnad" : "opptjent/skyldig";
      add([
        g.gruppe.navn, l.konto, l.iHovedbok ? role : `${role} (ikke i hovedboken)`,
        l.rolle === "kostnad" ? money(l.A) : "", l.rolle === "kostnad" ? "" : money(l.B), l.rolle === "kostnad" ? "" : money(l.C),
        f(`=D${row}+E${row}-F${row}`, money(l.D)), g.gruppe.type === "aga" ? "" : g.gruppe.agaPliktig ? "ja" : "nei",
      ]);
      lines.push(row);
    }
    const row = rows.length + 1;
    const sum = (col: string) => (lines.length > 0 ? `=SUM(${col}${lines[0]}:${col}${lines[lines.length - 1]})` : "=0");
    add([`Sum ${g.gruppe.navn}`, "", "", f(sum("D"), money(g.A)), f(sum("E"), money(g.B)), f(sum("F"), money(g.C)), f(`=D${row}+E${row}-F${row}`, money(g.D)), "", ""]);
    format(row, 0, WIDTH, "sum");
    groups[g.gruppe.id] = { lines, sum: row };
    if (lines.length > 0) {
      formats.push({ sheet, address: at(lines[0], 3, lines.length, 4), numberFormat: NUMBER_FORMATS.amount });
      formats.push({ sheet, address: at(lines[0], 3, lines.length, 3), style: "input" });
      formats.push({ sheet, address: at(lines[0], 6, lines.length, 1), style: "formula" });
    }
    format(row, 3, 4, undefined, NUMBER_FORMATS.amount);
  }

  add([]);
  const controlHeader = add(CONTROL_HEADINGS);
  format(controlHeader, 0, WIDTH, "header");
  const controls: Record<string, number> = {};
  const names = (ids: readonly string[]) => ids.map((id) => r.grupper.find((g) => g.gruppe.id === id)?.gruppe.navn ?? id).join(", ");
  for (const c of r.kontroller) {
    const row = rows.length + 1;
    const members = c.grupper.map((id) => `G${groups[id].sum}`);
    const status = Math.abs(c.differanse) <= r.toleranse ? "OK" : "Avvik";
    const flag = r.flags.find((x) => x.kontroll === c.kind);
    add([
      c.navn, names(c.grupper), "",
      f(members.length > 0 ? `=${members.join("+")}` : "=0", money(c.regnskap)), money(c.amelding),
      f(`=D${row}-E${row}`, money(c.differanse)),
      f(`=IF(ABS(F${row})<=${TOLERANCE_REF},"OK","Avvik")`, status),
      kept(existing, explained.get(c.navn), 7), flag?.melding ?? "",
    ]);
    controls[c.kind] = row;
    format(row, 3, 3, undefined, NUMBER_FORMATS.amount);
    format(row, 3, 1, "formula");
    format(row, 5, 2, "formula");
    format(row, 7, 1, "input");
    format(row, 8, 1, "note");
    conditional.push({ sheet, address: at(row, 6), formula: `$G${row}="Avvik"`, style: "flag" });
  }
  add(["A-meldingene", `${input.amelding.maaneder.length} måneder${input.amelding.maaneder.length > 0 ? `: ${input.amelding.maaneder[0]} – ${input.amelding.maaneder[input.amelding.maaneder.length - 1]}` : ""}`]);

  add([]);
  const signatureRow = old.get(SIGNATURE_LABEL);
  const stateText = review.state === "endret etter signering" ? "endret etter signering: tallene er endret siden oppstillingen ble signert; kontroller og signer på nytt" : review.state;
  const signature = add([SIGNATURE_LABEL, kept(existing, signatureRow, 1), "Dato", kept(existing, signatureRow, 3), "Status", stateText, "Signeres av den som har utarbeidet oppstillingen (og revisor) når avvikene er forklart."]);
  format(signature, 0, 1, "label");
  format(signature, 1, 1, "input");
  format(signature, 3, 1, "input", NUMBER_FORMATS.date);
  format(signature, 6, 1, "note");
  if (review.state === "endret etter signering") conditional.push({ sheet, address: at(signature, 5), formula: "TRUE", style: "flag" });

  // Everything of ours again, and "" over what an earlier, longer fill left below.
  const height = Math.max(rows.length, existing ? lastUsedRow(existing) : 0);
  while (rows.length < height) rows.push(Array<Cell>(WIDTH).fill(""));
  const plan: WritePlan = {
    ...emptyPlan(),
    sheets: [{
      name: sheet,
      visibility: "visible",
      columnWidths: { A: 34, B: 30, C: 26, D: 18, E: 18, F: 18, G: 22, H: 40, I: 60 },
      freezeRows: header,
      print: standardPrint({ virksomhet: input.virksomhet ?? "", aar: input.aar }, { first: 1, last: header }),
    }],
    writes: [{ sheet, address: rangeOf({ row: 0, col: 0 }, rows.length, WIDTH), cells: rows }],
    formats,
    names: [],
    conditionalFormats: conditional,
    leftAlone: [],
    notices: [],
  };
  const base = settings ?? { skjemaversjon: 1, dimensjoner: {}, andre: {} };
  const key = rf1022SignOffKey(input.aar);
  const keys = (base.andre[key] ?? "") === review.stored ? {} : { [key]: review.stored };
  const layout: Rf1022Layout = { groups, controls, signature, lastRow: rows.length };
  return { plan: Object.keys(keys).length > 0 ? mergePlans(plan, planSettings({ ...base, andre: { ...base.andre, ...keys } }, settingsSheet)) : plan, layout };
}
