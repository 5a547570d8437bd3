/**
 * Checks a WritePlan before anything is written, for both shells: Office.js batches are not
 * transactions (a failing operation leaves the ones before it done), and the CLI must not leave
 * a half-written .xlsx, so a plan that would fail halfway is refused here, whole, with every
 * problem named.
 */
import { HEADER_FOOTER_MAX, headerFooterText } from "./print";
import type { HeaderFooterSections, PrintSpec } from "./write-plan";
import { append } from "../list";
import { Problem } from "../problem/problem";
import { cellAddress, parseRange, RangeRef } from "../sheet/a1";
import { SheetSnapshot } from "../sheet/snapshot";
import { Cell, CONDITIONAL_STYLES, STYLES, WritePlan } from "./write-plan";

const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;
/** Excel's limit on the characters in one cell. */
const MAX_TEXT = 32_767;

/** Excel's rules for a sheet name. */
export function sheetNameProblem(name: string): string | undefined {
  if (name.length < 1 || name.length > 31) return `arknavnet «${name}» må ha 1–31 tegn`;
  if (/[:\\/?*[\]]/.test(name)) return `arknavnet «${name}» kan ikke inneholde : \\ / ? * [ ]`;
  if (/^'|'$/.test(name)) return `arknavnet «${name}» kan ikke begynne eller slutte med apostrof`;
  return undefined;
}

/** Excel's rules for a workbook name: letter, "_" or "\" first; no spaces; not a cell reference. */
export function definedNameProblem(name: string): string | undefined {
  const ok =
    name.length <= 255 &&
    /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[Rr]\d*[Cc]\d*$/.test(name) &&
    !/^[RrCc]$/.test(name);
  return ok ? undefined : `«${name}» er ikke et gyldig navn i Excel`;
}

/** A problem at a range of the plan, or with the plan as a whole (no sheet). */
const at = (sheet: string | undefined, address: string | undefined, message: string): Problem => ({
  ...(sheet !== undefined ? { sheet } : {}),
  ...(address !== undefined ? { cell: address } : {}),
  message,
});

function rangeProblem(sheet: string, address: string): { problem?: Problem; range?: RangeRef } {
  try {
    const range = parseRange(address);
    if (range.end.row > MAX_ROW || range.end.col > MAX_COL || range.start.row < 0) return { problem: at(sheet, undefined, `«${address}» er utenfor arket`) };
    if (range.start.row > range.end.row || range.start.col > range.end.col) return { problem: at(sheet, address, "området er snudd") };
    return { range };
  } catch {
    return { problem: at(sheet, undefined, `«${address}» er ikke en A1-adresse`) };
  }
}

function cellProblem(cell: Cell): string | undefined {
  if (cell === null || typeof cell === "boolean") return undefined;
  if (typeof cell === "number") return Number.isFinite(cell) ? undefined : `tallet ${cell} kan ikke skrives`;
  if (typeof cell === "string") return cell.length > MAX_TEXT ? `teksten er lengre enn ${MAX_TEXT} tegn` : undefined;
  if (typeof cell === "object" && typeof cell.formula === "string" && cell.formula.replace(/^=/, "").trim() !== "") return undefined;
  return `ugyldig celleinnhold ${JSON.stringify(cell)}`;
}

function gridProblems(sheet: string, address: string, range: RangeRef, cells: readonly (readonly Cell[])[]): Problem[] {
  const rows = range.end.row - range.start.row + 1;
  const cols = range.end.col - range.start.col + 1;
  if (cells.length !== rows || cells.some((row) => row.length !== cols)) {
    return [at(sheet, address, `tabellen har ikke størrelsen ${rows}×${cols}`)];
  }
  const out: Problem[] = [];
  cells.forEach((row, i) =>
    row.forEach((cell, j) => {
      const p = cellProblem(cell);
      if (p) out.push(at(sheet, cellAddress({ row: range.start.row + i, col: range.start.col + j }), p));
    }),
  );
  return out;
}

/** The header/footer codes `HeaderFooterSections` documents; anything else after "&" is refused. */
const HEADER_FOOTER_CODES = new Set(["P", "N", "A", "D", "T", "F", "Z", "B", "I", "U", "&"]);
const SECTION_NAMES = { left: "venstre", center: "midten", right: "høyre" } as const;

function headerFooterProblems(what: "topptekst" | "bunntekst", sections: HeaderFooterSections | undefined): string[] {
  const out: string[] = [];
  for (const key of ["left", "center", "right"] as const) {
    const text = sections?.[key];
    if (text === undefined) continue;
    if (typeof text !== "string") {
      out.push(`${what} (${SECTION_NAMES[key]}) må være tekst`);
      continue;
    }
    for (let i = 0; i < text.length; i++) {
      if (text[i] !== "&") continue;
      const code = text[i + 1];
      if (code === undefined || !HEADER_FOOTER_CODES.has(code.toUpperCase())) {
        out.push(`${what} (${SECTION_NAMES[key]}) har den ukjente koden «&${code ?? ""}»; skriv && for tegnet &`);
        break;
      }
      i++;
    }
  }
  const length = headerFooterText(sections).length;
  if (length > HEADER_FOOTER_MAX) out.push(`${what} er ${length} tegn med koder; Excel tillater ${HEADER_FOOTER_MAX}`);
  return out;
}

/** What is wrong with a sheet's print setup, in Norwegian; empty when Excel and LibreOffice can use it. */
export function printProblems(print: PrintSpec, visibility: "visible" | "veryHidden"): string[] {
  const out: string[] = [];
  if (visibility !== "visible") out.push("et skjult ark skrives ikke ut, så det skal ikke ha utskriftsoppsett");
  if (print.orientation !== "landscape" && print.orientation !== "portrait") out.push(`ukjent papirretning «${String(print.orientation)}»`);
  if (print.paper !== "A4") out.push(`ukjent papirstørrelse «${String(print.paper)}»`);
  if (typeof print.fitToWidth !== "boolean") out.push("tilpasning til sidebredden må være av eller på");
  const t = print.titleRows;
  if (t !== undefined) {
    const row = (n: unknown) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= MAX_ROW + 1;
    if (!row(t.first) || !row(t.last)) {
      out.push(`ugyldige utskriftstitler (rad ${String(t.first)}–${String(t.last)}): radene må være hele tall fra 1 til ${MAX_ROW + 1}`);
    } else if (t.first > t.last) {
      out.push(`ugyldige utskriftstitler: første rad (${t.first}) kommer etter siste rad (${t.last})`);
    }
  }
  return [...out, ...headerFooterProblems("topptekst", print.header), ...headerFooterProblems("bunntekst", print.footer)];
}

/** Every problem with the plan, in Norwegian, each with its sheet and cell; empty when it can be applied. */
export function planProblems(plan: WritePlan): Problem[] {
  const out: Problem[] = [];
  const seen = new Map<string, string>();
  for (const s of plan.sheets) {
    const p = sheetNameProblem(s.name);
    if (p) out.push(at(undefined, undefined, p));
    const before = seen.get(s.name.toLowerCase());
    if (before !== undefined && before !== s.visibility) out.push(at(s.name, undefined, "arket er oppgitt med to ulike synligheter"));
    seen.set(s.name.toLowerCase(), s.visibility);
    for (const [col, w] of Object.entries(s.columnWidths ?? {})) {
      if (!/^[A-Z]{1,3}$/.test(col) || !(w > 0 && w <= 255)) out.push(at(s.name, undefined, `ugyldig kolonnebredde ${col}=${w}`));
    }
    if (s.freezeRows !== undefined && !(Number.isInteger(s.freezeRows) && s.freezeRows >= 0)) {
      out.push(at(s.name, undefined, `ugyldig antall frosne rader ${s.freezeRows}`));
    }
    for (const p of s.print ? printProblems(s.print, s.visibility) : []) out.push(at(s.name, undefined, `utskrift: ${p}`));
  }
  for (const w of plan.writes) {
    const { problem, range } = rangeProblem(w.sheet, w.address);
    if (problem || !range) out.push(problem ?? at(w.sheet, w.address, "ugyldig område"));
    else append(out, gridProblems(w.sheet, w.address, range, w.cells));
    if (w.style !== undefined && !(w.style in STYLES)) out.push(at(w.sheet, w.address, `ukjent stil «${w.style}»`));
  }
  for (const f of plan.formats) {
    const { problem } = rangeProblem(f.sheet, f.address);
    if (problem) out.push(problem);
    if (f.style !== undefined && !(f.style in STYLES)) out.push(at(f.sheet, f.address, `ukjent stil «${f.style}»`));
  }
  for (const n of plan.names) {
    const p = definedNameProblem(n.name);
    if (p) out.push(at(n.sheet, undefined, p));
    else {
      const r = rangeProblem(n.sheet, n.address).problem;
      if (r) out.push({ ...r, message: `navnet ${n.name}: ${r.message}` });
    }
  }
  for (const c of plan.conditionalFormats) {
    const { problem } = rangeProblem(c.sheet, c.address);
    if (problem) out.push(problem);
    if (c.formula.replace(/^=/, "").trim() === "") out.push(at(c.sheet, c.address, "betinget formatering uten formel"));
    if (!(c.style in CONDITIONAL_STYLES)) out.push(at(c.sheet, c.address, `ukjent stil «${c.style}»`));
  }
  return out;
}

/**
 * Writes to a sheet that neither exists (`existingSheets`, any case) nor is among the plan's
 * sheets: the shells refuse such a plan whole, before writing.
 */
export function unknownSheetProblems(plan: WritePlan, existingSheets: Iterable<string>): Problem[] {
  const known = new Set([...plan.sheets.map((s) => s.name), ...existingSheets].map((n) => n.toLowerCase()));
  const touches = [...plan.writes, ...plan.formats, ...plan.conditionalFormats, ...plan.names];
  const reported = new Set<string>();
  const out: Problem[] = [];
  for (const t of touches) {
    const key = t.sheet.toLowerCase();
    if (known.has(key) || reported.has(key)) continue;
    reported.add(key);
    out.push(at(t.sheet, t.address, `arket «${t.sheet}» finnes ikke, og planen oppretter det ikke`));
  }
  return out;
}

/** Every sheet the plan touches, by the name the plan uses. */
export function sheetsTouched(plan: WritePlan): string[] {
  const names = [
    ...plan.sheets.map((s) => s.name),
    ...plan.writes.map((w) => w.sheet),
    ...plan.formats.map((f) => f.sheet),
    ...plan.names.map((n) => n.sheet),
    ...plan.conditionalFormats.map((c) => c.sheet),
  ];
  const byKey = new Map<string, string>();
  for (const n of names) if (!byKey.has(n.toLowerCase())) byKey.set(n.toLowerCase(), n);
  return [...byKey.values()];
}

/** The cells a write gives a value (not null) inside `area`, as A1 addresses. */
function writtenIn(write: WritePlan["writes"][number], origin: RangeRef, area: RangeRef): string[] {
  const out: string[] = [];
  const r0 = Math.max(area.start.row, origin.start.row);
  const r1 = Math.min(area.end.row, origin.end.row);
  const c0 = Math.max(area.start.col, origin.start.col);
  const c1 = Math.min(area.end.col, origin.end.col);
  for (let r = r0; r <= r1; r++) {
    const row = write.cells[r - origin.start.row];
    for (let c = c0; c <= c1; c++) if (row?.[c - origin.start.col] !== null && row?.[c - origin.start.col] !== undefined) out.push(cellAddress({ row: r, col: c }));
  }
  return out;
}

const listed = (cells: readonly string[]): string =>
  cells.length <= 4 ? cells.join(", ").replace(/, ([^,]*)$/, " og $1") : `${cells.slice(0, 3).join(", ")} og ${cells.length - 3} celler til`;

/**
 * A problem per merged area a plan would write a value into, at its sheet and range: a merged
 * area holds one value (its top-left cell's), so a write into it would replace another cell's
 * content (an explanation with another termin's text, an amount, a formula) or vanish. Both shells
 * refuse such a plan before writing. `snapshots` are the sheets as read, with their merges.
 * Only value writes count: a format over a merged area changes its look, not its content.
 */
export function mergeProblems(plan: WritePlan, snapshots: Iterable<SheetSnapshot | undefined>): Problem[] {
  const bySheet = new Map<string, { name: string; areas: { address: string; range: RangeRef }[] }>();
  for (const s of snapshots) {
    if (!s?.merges || s.merges.length === 0) continue;
    const areas: { address: string; range: RangeRef }[] = [];
    for (const address of s.merges) {
      try {
        areas.push({ address: address.replace(/\$/g, "").toUpperCase(), range: parseRange(address.replace(/\$/g, "")) });
      } catch {
        // A merge the shell could not give as an A1 range cannot be checked; none is known.
      }
    }
    bySheet.set(s.name.toLowerCase(), { name: s.name, areas });
  }
  if (bySheet.size === 0) return [];
  const hits = new Map<string, { sheet: string; address: string; range: RangeRef; cells: string[] }>();
  for (const w of plan.writes) {
    const sheet = bySheet.get(w.sheet.toLowerCase());
    if (!sheet) continue;
    let origin: RangeRef;
    try {
      origin = parseRange(w.address);
    } catch {
      continue; // planProblems reports it
    }
    for (const area of sheet.areas) {
      const { start, end } = area.range;
      if (end.row < origin.start.row || start.row > origin.end.row || end.col < origin.start.col || start.col > origin.end.col) continue;
      const cells = writtenIn(w, origin, area.range);
      if (cells.length === 0) continue;
      const key = `${sheet.name.toLowerCase()}!${area.address}`;
      const hit = hits.get(key) ?? { sheet: sheet.name, address: area.address, range: area.range, cells: [] };
      for (const c of cells) if (!hit.cells.includes(c)) hit.cells.push(c);
      hits.set(key, hit);
    }
  }
  // In reading order per sheet, whatever order the shell listed the areas in.
  const ordered = [...hits.values()].sort(
    (a, b) => (a.sheet === b.sheet ? 0 : a.sheet < b.sheet ? -1 : 1) || a.range.start.row - b.range.start.row || a.range.start.col - b.range.start.col,
  );
  return ordered.map((h) =>
    at(
      h.sheet,
      h.address,
      `Cellene ${h.address} er slått sammen; planen skriver i ${listed(h.cells)}, og i sammenslåtte celler ville én verdi erstatte en annen eller forsvinne. ` +
        "Opphev sammenslåingen av cellene (Slå sammen og midtstill) og prøv igjen. Ingenting er skrevet.",
    ),
  );
}
