import { isRuleError, Result } from "../../errors";
import { ORE_ZERO, Ore } from "../../money/ore";
import { Checked, isProblems, ProblemList } from "../../problem/problem";
import { DEFAULT_MODUS, KONTO_KEYS, KONTO_NAMES } from "../oppsett";
import { AMOUNT_COLUMNS, AmountField, completeTermin, TEXT_COLUMNS } from "../termin-fields";
import {
Budsjettering,
DEFAULT_KONTOER,
DEFAULT_TOLERANSE,
DEFAULT_VESENTLIGHETSGRENSE,
Dimensjon,
Kontoer,
KontoSaldo,
Modus,
Oppsett,
TerminInput,
} from "../types";
import { cellAt, SheetSnapshot } from "../../sheet/snapshot";
import { readAmount, readInteger, readRate, readText } from "../../workpaper/cell-values";
import { ADJUST_CELLS, BALANCE_COLUMNS, balanceRows, scalarField, ScalarKey } from "./layout";
import { balanceKindOf, locate, SheetMap } from "./locate";
import { LonnSettings, readSettings } from "../../workpaper/settings";

/** A filled reconciliation sheet read back into the model's inputs. */
export interface AvstemmingFromSheet {
  readonly oppsett: Oppsett;
  /** The termins that have a row on the sheet, in sheet order; an empty amount is 0. */
  readonly terminer: readonly TerminInput[];
  /** Balance control rows with an IB or a movement (our layout only). */
  readonly saldoer: readonly KontoSaldo[];
  /** The updated AGA rate of the adjustment block, when entered (our layout only). */
  readonly oppdatertAgaSats?: number;
  /** Where things were found, for the shells (which rows to highlight, which sheet it was). */
  readonly map: SheetMap;
}

/** A hand-made sheet without a budsjettering cell: DFØ's tab names say which. */
function kindFromSheetName(name: string): Budsjettering | undefined {
  const n = name.toLowerCase();
  if (/brutto|\ba10\b/.test(n)) return "brutto";
  if (/netto|\ba11\b/.test(n)) return "netto";
  return undefined;
}

/**
 * The header's Brutto/Netto and Terminvis/Årsslutt exactly as the sheet's formulas read them
 * (`LONN_BUDSJETTERING="Brutto"`, `OR(LONN_MODUS="Årsslutt",LONN_MODUS="Arsslutt")`: case does
 * not matter, spaces and other spellings do). A looser reading here could make the model post
 * brutto while the sheet computes netto.
 */
function sheetBudsjettering(value: unknown): Budsjettering | undefined {
  const v = typeof value === "string" ? value.toLowerCase() : "";
  return v === "brutto" ? "brutto" : v === "netto" ? "netto" : undefined;
}

function sheetModus(value: unknown): Modus | undefined {
  const v = typeof value === "string" ? value.toLowerCase() : "";
  return v === "terminvis" ? "terminvis" : v === "årsslutt" || v === "arsslutt" ? "arsslutt" : undefined;
}

class SheetReader {
  constructor(
    readonly snapshot: SheetSnapshot,
    readonly map: SheetMap,
    readonly problems: ProblemList,
  ) {}

  /** A problem at a cell of this sheet. */
  add(address: string, message: string): void {
    this.problems.add(message, { sheet: this.snapshot.name, cell: address });
  }

  value(address: string): unknown {
    return cellAt(this.snapshot, address).value;
  }

  /** The value read from `address`, or undefined with the problem at that cell. */
  ok<T>(address: string, r: Result<T>): T | undefined {
    if (isRuleError(r)) {
      this.add(address, r.message);
      return undefined;
    }
    return r;
  }

  /** The header cell of a scalar, or a problem naming the label to add when the sheet has none. */
  scalarCell(key: ScalarKey, required: boolean): string | undefined {
    const address = this.map.scalars.get(key);
    if (address === undefined && required) {
      const f = scalarField(key);
      const label = f.label.replace(/ \(.*\)$/, "");
      this.problems.add(`Fant ikke ${label} på arket «${this.snapshot.name}»: skriv «${label}» i en celle over terminradene og verdien i cellen til høyre.`, {
        sheet: this.snapshot.name,
      });
    }
    return address;
  }

  missing(address: string, what: string): void {
    this.add(address, `${what} mangler.`);
  }
}

function readOppsett(r: SheetReader, settings: LonnSettings | undefined): Oppsett | undefined {
  const problems = r.problems;
  const before = problems.count;

  const virksomhetCell = r.scalarCell("virksomhet", false);
  const virksomhet = virksomhetCell ? readText(r.value(virksomhetCell)) ?? "" : "";

  const aarCell = r.scalarCell("aar", true);
  let aar: number | undefined;
  if (aarCell) {
    aar = r.ok(aarCell, readInteger(r.value(aarCell), "et årstall"));
    if (aar === undefined && readText(r.value(aarCell)) === undefined) r.missing(aarCell, "Året");
    else if (aar !== undefined && (aar < 1990 || aar > 2100)) r.add(aarCell, `${aar} er ikke et rimelig årstall.`);
  }

  let budsjettering: Budsjettering | undefined;
  const budCell = r.scalarCell("budsjettering", false);
  if (budCell) {
    const raw = r.value(budCell);
    budsjettering = sheetBudsjettering(raw);
    if (readText(raw) === undefined) r.missing(budCell, "Budsjetteringen (Brutto eller Netto)");
    else if (budsjettering === undefined) r.add(budCell, `«${String(raw)}» må være Brutto eller Netto, uten mellomrom rundt.`);
  } else {
    budsjettering = kindFromSheetName(r.snapshot.name);
    if (!budsjettering) {
      problems.add(`Fant ikke budsjetteringen på arket «${r.snapshot.name}»: skriv «Budsjettering» over terminradene og Brutto eller Netto til høyre.`, {
        sheet: r.snapshot.name,
      });
    }
  }

  let modus: Modus = DEFAULT_MODUS;
  const modusCell = r.scalarCell("modus", false);
  const modusRaw = modusCell ? r.value(modusCell) : undefined;
  if (modusCell && readText(modusRaw) !== undefined) {
    const m = sheetModus(modusRaw);
    if (m) modus = m;
    else r.add(modusCell, `«${String(modusRaw)}» må være Terminvis eller Årsslutt, uten mellomrom rundt.`);
  }

  const satsCell = r.scalarCell("agaSats", true);
  let agaSats: number | undefined;
  if (satsCell) {
    agaSats = r.ok(satsCell, readRate(r.value(satsCell), "AGA-snittsats"));
    if (agaSats === undefined && readText(r.value(satsCell)) === undefined) r.missing(satsCell, "AGA-snittsatsen");
  }

  let toleranse = DEFAULT_TOLERANSE;
  const tolCell = r.scalarCell("toleranse", false);
  if (tolCell) {
    const t = r.ok(tolCell, readAmount(r.value(tolCell)));
    if (t !== undefined && t < 0) r.add(tolCell, "toleransen kan ikke være negativ.");
    else if (t !== undefined) toleranse = t;
  }

  let vesentlighetsgrense = DEFAULT_VESENTLIGHETSGRENSE;
  const vesCell = r.scalarCell("vesentlighetsgrense", false);
  if (vesCell) {
    const v = r.ok(vesCell, readRate(r.value(vesCell), "vesentlighetsgrense"));
    if (v !== undefined) vesentlighetsgrense = v;
  }

  const kontoer: Record<keyof Kontoer, string> = { ...DEFAULT_KONTOER };
  for (const key of KONTO_KEYS) {
    const address = r.map.accounts.get(key);
    if (!address) continue;
    const konto = readText(r.value(address));
    if (konto === undefined) r.add(address, `kontoen for ${KONTO_NAMES[key]} mangler.`);
    else kontoer[key] = konto;
  }

  const dimensjoner: Dimensjon[] = [];
  for (const d of r.map.dimensions) {
    const name = readText(r.value(d.nameCell));
    const value = readText(r.value(d.valueCell));
    const s = settings?.dimensjoner[d.nummer];
    if (name === undefined && value === undefined && !s) continue;
    dimensjoner.push({
      nummer: d.nummer,
      navn: name ?? `Dimensjon ${d.nummer}`,
      ...(value !== undefined ? { verdi: value } : {}),
      ...(s?.fordeling ? { fordeling: s.fordeling } : {}),
      ...(s?.pakrevd !== undefined ? { pakrevd: s.pakrevd } : {}),
    });
  }

  if (problems.count > before || aar === undefined || budsjettering === undefined || agaSats === undefined) return undefined;
  return {
    virksomhet,
    ...(settings?.orgnr ? { orgnr: settings.orgnr } : {}),
    aar,
    budsjettering,
    modus,
    agaSats,
    toleranse,
    vesentlighetsgrense,
    kontoer,
    dimensjoner,
    bilagsart: settings?.bilagsart ?? "",
    firma: settings?.firma ?? "",
  };
}

function readTerminer(r: SheetReader): TerminInput[] {
  const out: TerminInput[] = [];
  for (const [termin, row] of r.map.terminRows) {
    // An empty cell is 0 within a source that has figures in the row; a source whose cells are
    // all empty is missing, and the termin is not reconciled (as the sheet's formulas show it).
    const amounts: Partial<Record<AmountField, Ore>> = {};
    let ok = true;
    for (const c of AMOUNT_COLUMNS) {
      const address = `${c.col}${row}`;
      const v = readAmount(r.value(address));
      if (isRuleError(v)) {
        r.add(address, v.message);
        ok = false;
      } else if (v !== undefined) {
        amounts[c.field] = v;
      }
    }
    const texts: Partial<Record<string, string>> = {};
    for (const c of TEXT_COLUMNS) {
      const text = readText(r.value(`${c.col}${row}`), c.field === "dato");
      if (text !== undefined) texts[c.field] = text;
    }
    if (ok) out.push(completeTermin({ termin, ...amounts, ...texts }));
  }
  return out;
}

function readSaldoer(r: SheetReader, oppsett: Oppsett): KontoSaldo[] {
  const kind = balanceKindOf(r.snapshot, oppsett.budsjettering);
  const out: KontoSaldo[] = [];
  for (const { key, row } of balanceRows(kind)) {
    const ibAt = `${BALANCE_COLUMNS.ib}${row}`;
    const bevAt = `${BALANCE_COLUMNS.bevegelse}${row}`;
    const ib = r.ok(ibAt, readAmount(r.value(ibAt)));
    const bevegelse = r.ok(bevAt, readAmount(r.value(bevAt)));
    if (ib === undefined && bevegelse === undefined) continue;
    if (kind !== oppsett.budsjettering) {
      r.add(ibAt, `saldokontrollen på arket er laget for ${kind}budsjetterte, men budsjetteringen er ${oppsett.budsjettering}; lag et eget ark.`);
      continue;
    }
    out.push({ konto: oppsett.kontoer[key], ib: ib ?? ORE_ZERO, bevegelse: bevegelse ?? ORE_ZERO });
  }
  return out;
}

/**
 * Reads a filled reconciliation sheet (ours, or a DFØ-style sheet made by hand) and its `_lonn`
 * settings back into the model's inputs. Every bad cell is a problem at its cell, all at once. Only input cells are read: the model recomputes every formula column.
 */
export function readAvstemming(snapshot: SheetSnapshot, settingsSnapshot?: SheetSnapshot): Checked<AvstemmingFromSheet> {
  const located = locate(snapshot);
  if (isProblems(located)) return located;
  const problems = new ProblemList();
  const settings = readSettings(settingsSnapshot);
  if (isProblems(settings)) problems.addAll(settings);
  const r = new SheetReader(snapshot, located, problems);
  const oppsett = readOppsett(r, isProblems(settings) ? undefined : settings);
  const terminer = readTerminer(r);
  const saldoer = oppsett && located.ours ? readSaldoer(r, oppsett) : [];
  let oppdatertAgaSats: number | undefined;
  if (located.ours) {
    const v = cellAt(snapshot, ADJUST_CELLS.nySats).value;
    oppdatertAgaSats = r.ok(ADJUST_CELLS.nySats, readRate(v, "oppdatert AGA-sats"));
  }
  return problems.result(() => ({
    oppsett: oppsett as Oppsett,
    terminer,
    saldoer,
    ...(oppdatertAgaSats !== undefined ? { oppdatertAgaSats } : {}),
    map: located,
  }));
}
