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
