/**
 * The first visible sheet of an .xlsx file (ECMA-376: the package's office document, its sheets
 * and their relationships, the shared strings, the worksheet's cells) as a reader's grid, read from
 * the file's bytes, so the pane reads an xlsx export the way the CLI does (src/cli/xlsx/snapshot:
 * from A1 to the last cell holding anything, "" for an empty cell, numbers as numbers, dates as
 * the serial numbers the cells hold, booleans, rich text as its text, an error as its code, a
 * formula as its stored result). Only values are read: no styles, no formulas, no other sheet.
 *
 * What stops it is said naming the file: not a workbook (an old .xls, an encrypted workbook, a
 * text file), a damaged or oversized package, a part that does not inflate to its size and CRC-32.
 */
import { maxOf } from "../../list";
import { Checked, problems } from "../../problem/problem";
import { columnIndex } from "../../sheet/a1";
import { createXmlTokenizer, XmlAttribute } from "../xml/tokenizer";
import { SheetInput } from "../types";
import { inflateRaw } from "./inflate";
import { crc32, isZipRefusal, readZipDirectory, relsOf, resolveTarget, ZipEntry, zipEntryData } from "./zip";
import { megabytesText, wholeNumberText } from "../../text";

/** Far above a payroll journal (a year of a large employer is some 100 000 cells). */
export const XLSX_LIMITS = { partBytes: 100_000_000, cells: 2_000_000, parts: 10_000 } as const;

/** An encrypted workbook, or an .xls of Excel 97–2003: an OLE2 compound file. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

type Cell = string | number | boolean;

class Refused extends Error {}

/** Reads one part's XML, calling `open`, `text` and `close` as elements come; the text of a part that is not well-formed XML is refused. */
function readXml(
  text: string,
  part: string,
  handler: { open?: (local: string, attrs: readonly XmlAttribute[]) => void; text?: (t: string) => void; close?: (local: string) => void },
): void {
  const tokenizer = createXmlTokenizer({
    openElement: (local, _uri, attrs) => handler.open?.(local, attrs),
    text: (t) => handler.text?.(t),
    closeElement: (local) => handler.close?.(local),
  });
  tokenizer.write(text);
  tokenizer.end();
  if (tokenizer.problem) throw new Refused(`delen «${part}» er ikke gyldig XML (linje ${tokenizer.problem.row ?? "?"})`);
}

const attr = (attrs: readonly XmlAttribute[], local: string): string | undefined => attrs.find((a) => a.local === local && a.uri === "")?.value;

class Package {
  private readonly decoder = new TextDecoder("utf-8");
  constructor(
    private readonly bytes: Uint8Array,
    private readonly parts: ReadonlyMap<string, ZipEntry>,
  ) {}

  has(name: string): boolean {
    return this.parts.has(name);
  }

  text(name: string): string {
    const part = this.parts.get(name);
    if (!part) throw new Refused(`delen «${name}» mangler`);
    if (part.size > XLSX_LIMITS.partBytes) throw new Refused(`delen «${name}» er for stor (${megabytesText(part.size)})`);
    const raw = zipEntryData(this.bytes, part);
    const data = part.method === 0 ? raw : inflateRaw(raw, part.size);
    if (data === undefined || crc32(data) !== part.crc) throw new Refused(`delen «${name}» er skadet`);
    return this.decoder.decode(data);
  }

  /** The relationships of `part`: id → { type (its last path segment), target part }. */
  relationships(part: string): Map<string, { readonly type: string; readonly target: string }> {
    const out = new Map<string, { type: string; target: string }>();
    const rels = relsOf(part);
    if (!this.has(rels)) return out;
    readXml(this.text(rels), rels, {
      open: (local, attrs) => {
        if (local !== "Relationship" || attr(attrs, "TargetMode") === "External") return;
        const id = attr(attrs, "Id");
        const target = attr(attrs, "Target");
        if (id && target) out.set(id, { type: (attr(attrs, "Type") ?? "").split("/").pop() ?? "", target: resolveTarget(part, target) });
      },
    });
    return out;
  }
}

/** The shared strings: each `<si>`'s text (its `<t>`, or its runs' `<t>`s; phonetic runs left out). */
function sharedStrings(pkg: Package, part: string | undefined): string[] {
  if (!part || !pkg.has(part)) return [];
  const out: string[] = [];
  let current = "";
  let inText = false;
  let phonetic = 0;
  readXml(pkg.text(part), part, {
    open: (local) => {
      if (local === "si") current = "";
      else if (local === "rPh") phonetic++;
      else if (local === "t" && phonetic === 0) inText = true;
    },
    text: (t) => {
      if (inText) current += t;
    },
    close: (local) => {
      if (local === "t") inText = false;
      else if (local === "rPh") phonetic--;
      else if (local === "si") out.push(current);
    },
  });
  return out;
}

/** A cell's `<v>` (or inline string) by its type `t`. */
function cellValue(type: string | undefined, text: string, strings: readonly string[]): Cell {
  switch (type) {
    case "s": {
      const s = strings[Number(text)];
      return s ?? "";
    }
    case "b":
      return text.trim() === "1" || text.trim().toLowerCase() === "true";
    case "str":
    case "inlineStr":
    case "e":
    case "d":
      return text;
    default: {
      const t = text.trim();
      if (t === "") return "";
      const n = Number(t);
      return Number.isFinite(n) ? n : text;
    }
  }
}

const CELL_REF = /^([A-Z]{1,3})(\d+)$/;

/** The worksheet's cells as a grid from A1 to the last non-empty cell. */
function worksheetGrid(pkg: Package, part: string, strings: readonly string[]): Cell[][] {
  const rows: Cell[][] = [];
  let row = -1;
  let col = -1;
  let type: string | undefined;
  let value = "";
  let reading: "v" | "is" | undefined;
  let inInlineText = false;
  let phonetic = 0;
  let cells = 0;
  let inCell = false;
  readXml(pkg.text(part), part, {
    open: (local, attrs) => {
      if (local === "row") {
        const r = Number(attr(attrs, "r"));
        row = Number.isInteger(r) && r > 0 ? r - 1 : row + 1;
        col = -1;
      } else if (local === "c") {
        const m = (attr(attrs, "r") ?? "").match(CELL_REF);
        if (m) {
          row = Number(m[2]) - 1;
          col = columnIndex(m[1]);
        } else col++;
        type = attr(attrs, "t");
        value = "";
        reading = undefined;
        inCell = true;
        if (++cells > XLSX_LIMITS.cells) throw new Refused(`arket har flere enn ${wholeNumberText(XLSX_LIMITS.cells)} celler`);
      } else if (inCell && local === "v") reading = "v";
      else if (inCell && local === "is") reading = "is";
      else if (reading === "is" && local === "rPh") phonetic++;
      else if (reading === "is" && local === "t" && phonetic === 0) inInlineText = true;
    },
    text: (t) => {
      if (reading === "v" || inInlineText) value += t;
    },
    close: (local) => {
      if (local === "v" && reading === "v") reading = undefined;
      else if (local === "t") inInlineText = false;
      else if (local === "rPh") phonetic--;
      else if (local === "is") reading = undefined;
      else if (local === "c") {
        inCell = false;
        const v = cellValue(type, value, strings);
        if (v === "" || row < 0 || col < 0) return;
        while (rows.length <= row) rows.push([]);
        rows[row][col] = v;
      }
    },
  });
  const width = maxOf(rows.map((r) => r.length), 0);
  return rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
}

/** The part of the workbook's first visible sheet (the first sheet when all are hidden), and the shared strings part. */
function firstSheet(pkg: Package): { readonly sheet: string; readonly strings?: string } {
  const root = [...pkg.relationships("").values()].find((r) => r.type === "officeDocument")?.target ?? "xl/workbook.xml";
  const rels = pkg.relationships(root);
  const sheets: { id: string; visible: boolean }[] = [];
  readXml(pkg.text(root), root, {
    open: (local, attrs) => {
      if (local !== "sheet") return;
      // `r:id`, in the transitional or the strict relationships namespace.
      const id = attrs.find((a) => a.local === "id" && a.uri.endsWith("/relationships"))?.value;
      const state = attr(attrs, "state");
      if (id) sheets.push({ id, visible: state === undefined || state === "visible" });
    },
  });
  const chosen = sheets.find((s) => s.visible) ?? sheets[0];
  const sheet = chosen ? rels.get(chosen.id)?.target : undefined;
  if (!sheet) throw new Refused("arbeidsboken har ingen ark");
  return { sheet, strings: [...rels.values()].find((r) => r.type === "sharedStrings")?.target };
}

/** The first visible sheet of the .xlsx file's bytes, named by the file (`lonnsjournal.xlsx!E4`). */
export function readXlsxSheet(bytes: Uint8Array, file: string): Checked<SheetInput> {
  const refused = (why: string) => problems(`«${file}» kan ikke leses som en Excel-arbeidsbok (.xlsx): ${why}.`, { file });
  if (CFB_MAGIC.every((b, i) => bytes[i] === b)) return refused("filen er en kryptert (passordbeskyttet) arbeidsbok eller en gammel .xls-fil; lagre den som .xlsx uten passord");
  const directory = readZipDirectory(bytes, XLSX_LIMITS.parts, wholeNumberText);
  if (isZipRefusal(directory)) {
    const k = directory.kind;
    return refused(k === "not-zip" ? "filen er ikke en zip-pakke" : k === "empty" ? "filen er en tom zip-pakke" : k === "damaged" ? `filen er skadet (${directory.what})` : directory.why.replace(/\.$/, ""));
  }
  const pkg = new Package(bytes, new Map(directory.map((e) => [e.name, e])));
  try {
    const { sheet, strings } = firstSheet(pkg);
    return { sheet: file, values: worksheetGrid(pkg, sheet, sharedStrings(pkg, strings)) };
  } catch (e) {
    if (e instanceof Refused) return refused(e.message);
    throw e;
  }
}
