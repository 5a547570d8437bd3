/**
 * What exceljs would lose writing a workbook back: the CLI fills a workbook only when the answer
 * is nothing, and otherwise refuses with the list (DESIGN: a user's workbook is theirs).
 *
 * Why a refusal and not surgical editing of the package (writing only the sheets and names we
 * change, every other part byte for byte): the parts we write are not separable from the rest —
 * styles.xml's indices are shared by every sheet, the shared strings, names and content types are
 * workbook-wide — so editing surgically means writing a second .xlsx writer beside exceljs, and
 * any mistake there corrupts the user's workbook, which is worse than a refusal. A refusal can be
 * made complete by construction instead: everything is checked against what exceljs is known to
 * read AND write (its xlsx.js and xforms, exceljs 4.4), so a part, element or attribute not on
 * those lists counts as lost, whether or not anyone thought of it here.
 *
 * Known to survive: the parts in KEPT; in a sheet the elements in SHEET_ELEMENTS (cells, formulas,
 * styles, merges, data validations, conditional formats, hyperlinks to addresses outside the
 * workbook, print settings, pictures, tables, notes on cells with content); in the workbook its
 * sheets, views, names of cells, calculation settings. Left out on purpose, since Excel rebuilds
 * them and they hold nothing of the user's: the calculation chain (xl/calcChain.xml, a cache; the
 * CLI asks for a full recalculation on open), the thumbnail, docProps/app.xml's derived fields,
 * and Excel's own bookkeeping in workbook.xml (revision pointer, last save path, repair flag).
 */
import { attributes, relationships, relsOf, XlsxPackage } from "./package-parts";
import { append } from "../../core/list";

/** Parts exceljs reads and writes again (the patterns of its xlsx.js reader). */
const KEPT: readonly RegExp[] = [
  /^\[Content_Types\]\.xml$/,
  /^_rels\/\.rels$/,
  /^xl\/workbook\.xml$/,
  /^xl\/_rels\/workbook\.xml\.rels$/,
  /^xl\/styles\.xml$/,
  /^xl\/sharedStrings\.xml$/,
  /^docProps\/(core|app)\.xml$/,
  /^xl\/theme\/[a-zA-Z0-9]+\.xml$/,
  /^xl\/worksheets\/sheet\d+\.xml$/,
  /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/,
  /^xl\/comments\d+\.xml$/,
  /^xl\/drawings\/vmlDrawing\d+\.vml$/,
  /^xl\/drawings\/[a-zA-Z0-9]+\.xml$/,
  /^xl\/drawings\/_rels\/[a-zA-Z0-9]+\.xml\.rels$/,
  /^xl\/media\/[a-zA-Z0-9]+\.[a-zA-Z0-9]{3,4}$/,
  /^xl\/tables\/table\d+\.xml$/,
];

/** Parts exceljs drops that Excel rebuilds from the rest: nothing of the user's is in them. */
const DERIVED: readonly RegExp[] = [/^xl\/calcChain\.xml$/, /^docProps\/thumbnail\.\w+$/];

/** What a part holds, in the user's words, by its name (first match wins). */
const PART_KINDS: readonly [RegExp, string][] = [
  [/^xl\/(charts|chartsheets)\//, "diagrammer"],
  [/^xl\/(pivotTables|pivotCache)\//, "pivottabeller"],
  [/^xl\/vbaProject\.bin$/, "makroer"],
  [/^xl\/(slicers|slicerCaches)\//, "slicere"],
  [/^xl\/(timelines|timelineCaches)\//, "tidslinjer"],
  [/^xl\/externalLinks\//, "koblinger til andre arbeidsbøker"],
  [/^xl\/(threadedComments|persons)\//, "kommentartråder (moderne kommentarer)"],
  [/^xl\/(connections\.xml$|queryTables\/)/, "datatilkoblinger (til Power Query eller eksterne data)"],
  [/^xl\/ctrlProps\//, "skjemakontroller (avmerkingsbokser, knapper, lister)"],
  [/^xl\/activeX\//, "ActiveX-kontroller"],
  [/^xl\/embeddings\//, "innebygde objekter"],
  [/^xl\/model\//, "en datamodell (Power Pivot)"],
  [/^xl\/metadata\.xml$/, "dynamiske matriseformler eller datatyper (xl/metadata.xml)"],
  [/^xl\/richData\//, "bilder i celler eller datatyper"],
  [/^xl\/printerSettings\//, "skriverinnstillinger"],
  [/^xl\/webextensions\//, "tillegg lagret i arbeidsboken"],
  [/^xl\/(macrosheets|dialogsheets)\//, "makroark eller dialogark"],
  [/^xl\/(customData|featurePropertyBag)\//, "utvidede egenskaper (featurePropertyBag)"],
  [/^xl\/revisions\//, "delt arbeidsbok med endringslogg"],
  [/^docProps\/custom\.xml$/, "egendefinerte dokumentegenskaper (for eksempel en følsomhetsetikett)"],
  [/^docMetadata\//, "en følsomhetsetikett"],
];

/** Children of <worksheet> its xform reads and writes (worksheet-xform.js). */
const SHEET_ELEMENTS = new Set([
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "autoFilter", "mergeCells", "rowBreaks",
  "hyperlinks", "pageMargins", "dataValidations", "pageSetup", "headerFooter", "printOptions", "picture", "drawing",
  "legacyDrawing", "sheetProtection", "tableParts", "conditionalFormatting", "extLst",
  // Recalculation on open (the CLI asks for a full one anyway).
  "sheetCalcPr",
]);

const SHEET_ELEMENT_KINDS: Readonly<Record<string, string>> = {
  protectedRanges: "områder med eget passord (Tillat redigering av områder)",
  scenarios: "scenarioer",
  sortState: "sorteringsinnstillinger",
  dataConsolidate: "konsolidering",
  customSheetViews: "egendefinerte visninger",
  colBreaks: "sideskift mellom kolonner",
  cellWatches: "overvåkede celler",
  ignoredErrors: "ignorerte feilmarkeringer (grønne trekanter)",
  smartTags: "smartkoder",
  legacyDrawingHF: "bilder i topp- eller bunntekst",
  drawingHF: "bilder i topp- eller bunntekst",
  oleObjects: "innebygde objekter",
  controls: "skjemakontroller (avmerkingsbokser, knapper, lister)",
  webPublishItems: "publiseringsinnstillinger for web",
  phoneticPr: "innstillinger for fonetisk veiledning",
  AlternateContent: "skjemakontroller eller innebygde objekter",
};

/** Extensions of a sheet's <extLst> exceljs keeps: conditional formats (ext-lst-xform.js). */
const SHEET_EXTENSIONS_KEPT = new Set(["{78C0D931-6437-407d-A8EE-F0AAD7539E65}"]);

const SHEET_EXTENSION_KINDS: Readonly<Record<string, string>> = {
  "{05C60535-1F16-4fd2-B633-F4F36F0B64E0}": "minidiagrammer (sparklines)",
  "{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}": "datavalidering med lister fra andre ark",
  "{A8765BA9-456A-4dab-B4F3-ACF838C121DE}": "slicere",
  "{3A4CF648-6AED-40f4-86FF-DC5316D8AED3}": "slicere",
  "{7E03D99C-DC04-49d9-9315-930204A7B6E9}": "tidslinjer",
  "{F7C9EE02-42E1-4005-9D12-6889AFFD525C}": "tillegg lagret i arket",
  "{876F7934-8845-4945-9796-88D515C7AA90}": "pivottabeller",
};

/** Children of <workbook> exceljs keeps (workbook-xform.js), and Excel's bookkeeping that may go. */
const WORKBOOK_ELEMENTS = new Set([
  "fileVersion", "workbookPr", "bookViews", "sheets", "definedNames", "calcPr",
  "fileRecoveryPr", "revisionPtr", "AlternateContent",
]);

const WORKBOOK_ELEMENT_KINDS: Readonly<Record<string, string>> = {
  workbookProtection: "beskyttelse av arbeidsbokstrukturen",
  fileSharing: "passord for å endre filen eller «skrivebeskyttet anbefales»",
  externalReferences: "koblinger til andre arbeidsbøker",
  pivotCaches: "pivottabeller",
  customWorkbookViews: "egendefinerte visninger",
  smartTagPr: "smartkoder",
  smartTagTypes: "smartkoder",
  webPublishing: "publiseringsinnstillinger for web",
  webPublishObjects: "publiseringsinnstillinger for web",
  functionGroups: "egne funksjonsgrupper",
  oleSize: "størrelse for innebygging",
};

/** Extensions of the workbook's <extLst> that hold only Excel's defaults (rebuilt on save). */
const WORKBOOK_EXTENSIONS_DERIVED = new Set([
  "{140A7094-0E35-4892-8432-C4D2E57EDEB5}", // x15:workbookPr chartTrackingRefBase
  "{B58B0392-4F1F-4190-BB64-5DF3571DCE5F}", // xcalcf:calcFeatures
  "{79F54976-1DA5-4618-B147-4CDE4B953A38}", // x14:workbookPr
  "{7626C862-2A13-11E5-B345-FEFF819CDC9F}", // LibreOffice's loext:extCalcPr (reference syntax)
]);

/** Excel's default colour palette (indexed colours 0–63), as rrggbb. */
const DEFAULT_PALETTE = (
  "000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF 000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF " +
  "800000 008000 000080 808000 800080 008080 C0C0C0 808080 9999FF 993366 FFFFCC CCFFFF 660066 FF8080 0066CC CCCCFF " +
  "000080 FF00FF FFFF00 00FFFF 800080 800000 008080 0000FF 00CCFF CCFFFF CCFFCC FFFF99 99CCFF FF99CC CC99FF FFCC99 " +
  "3366FF 33CCCC 99CC00 FFCC00 FF9900 FF6600 666699 969696 003366 339966 003300 333300 993300 993366 333399 333333"
).split(" ");

/**
 * Whether the styles use an indexed colour that the workbook's own palette gives another colour
 * than Excel's default (exceljs drops the palette, so such a colour would change).
 */
function paletteMatters(styles: string): boolean {
  const palette = styles.match(/<(?:\w+:)?indexedColors\b[\s\S]*?<\/(?:\w+:)?indexedColors>/)?.[0];
  if (!palette) return false;
  const own = [...palette.matchAll(/<(?:\w+:)?rgbColor\b([^>]*)>/g)].map((m) => (attributes(m[1]).get("rgb") ?? "").slice(-6).toUpperCase());
  const used = new Set([...styles.matchAll(/\bindexed\s*=\s*"(\d+)"/g)].map((m) => Number(m[1])).filter((i) => i < 64));
  return [...used].some((i) => own[i] !== undefined && own[i] !== DEFAULT_PALETTE[i]);
}

const WORKBOOK_EXTENSION_KINDS: Readonly<Record<string, string>> = {
  "{BBE1A952-AA13-448e-AADC-164F8A28A991}": "slicere",
  "{46BE6895-7355-4a93-B00E-2C351335B9C9}": "slicere",
  "{D0CA8CA8-9F24-4464-BF8E-62219DCF47F9}": "tidslinjer",
  "{FCE2AD5D-F65C-4FA6-A056-5C36A1767C68}": "en datamodell (Power Pivot)",
  "{876F7934-8845-4945-9796-88D515C7AA90}": "pivottabeller",
  "{841E416B-1EF1-43b6-AB56-02D37102CBD5}": "pivottabeller",
};

const localName = (qname: string): string => qname.replace(/^.*:/, "");

/** The direct children of the root element: local name and start tag. Comments, PIs and CDATA are skipped. */
function topLevel(xml: string): { name: string; tag: string; inner: string }[] {
  const out: { name: string; tag: string; inner: string }[] = [];
  const re = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
  let depth = 0;
  let open: { name: string; tag: string; start: number } | undefined;
  for (const m of xml.matchAll(re)) {
    if (m[2] === undefined) continue;
    const at = m.index ?? 0;
    if (m[1] === "/") {
      depth--;
      if (depth === 1 && open) {
        out.push({ name: open.name, tag: open.tag, inner: xml.slice(open.start, at) });
        open = undefined;
      }
    } else if (m[4] === "/") {
      if (depth === 1) out.push({ name: localName(m[2]), tag: m[0], inner: "" });
    } else {
      if (depth === 1) open = { name: localName(m[2]), tag: m[0], start: at + m[0].length };
      depth++;
    }
  }
  return out;
}

/** The extension URIs inside an <extLst>. */
const extensionUris = (inner: string): string[] => [...inner.matchAll(/<(?:\w+:)?ext\b([^>]*)>/g)].map((m) => attributes(m[1]).get("uri") ?? "");

/** A sheet's XML without its rows: the part that is not cells (small, even for a big sheet). */
function withoutSheetData(xml: Buffer): string {
  const start = xml.indexOf("<sheetData");
  if (start < 0) return xml.toString("utf8");
  const close = xml.lastIndexOf("</sheetData>");
  const end = close >= 0 ? close + "</sheetData>".length : xml.indexOf(">", start) + 1;
  return xml.subarray(0, start).toString("utf8") + "<sheetData/>" + xml.subarray(end).toString("utf8");
}

/**
 * Whether the cell at `ref` has a value or formula, or a style (exceljs keeps such a cell and
 * its note; a note on a cell with neither is dropped).
 */
function cellKeeps(xml: Buffer, ref: string): boolean {
  const at = xml.indexOf(` r="${ref}"`);
  if (at < 0) return false;
  const start = xml.lastIndexOf("<c", at);
  const tagEnd = xml.indexOf(">", at);
  if (start < 0 || tagEnd < 0) return false;
  const tag = xml.subarray(start, tagEnd + 1).toString("utf8");
  const style = attributes(tag).get("s");
  if (style !== undefined && style !== "0") return true;
  if (tag.endsWith("/>")) return false;
  const end = xml.indexOf("</c>", tagEnd);
  const inner = xml.subarray(tagEnd + 1, end < 0 ? tagEnd + 1 : end).toString("utf8");
  return /<(?:\w+:)?(v|f|is)\b/.test(inner);
}

/** The kind of each part exceljs does not keep, in the user's words, or the part's name. */
function lostParts(pkg: XlsxPackage): string[] {
  const out: string[] = [];
  for (const e of pkg.entries) {
    const name = e.name;
    if (name.endsWith("/") || KEPT.some((re) => re.test(name)) || DERIVED.some((re) => re.test(name))) continue;
    // An empty set of custom properties (LibreOffice writes one) holds nothing.
    if (name === "docProps/custom.xml" && !/<(?:\w+:)?property\b/.test(pkg.text(name) ?? "")) continue;
    if (/^customXml\//.test(name)) {
      const text = pkg.text(name) ?? "";
      if (/^customXml\/item\d+\.xml$/.test(name)) out.push(/DataMashup/.test(text) ? "Power Query-spørringer" : "egendefinerte XML-deler (for eksempel SharePoint-egenskaper)");
      continue;
    }
    const kind = PART_KINDS.find(([re]) => re.test(name))?.[1];
    out.push(kind ?? `delen «${name}»`);
  }
  return out;
}

/** What a sheet holds that exceljs drops, "på arket «X»". */
function lostInSheet(pkg: XlsxPackage, part: string, xml: Buffer, notes: readonly string[]): string[] {
  const sheet = pkg.sheets.get(part) ?? part;
  const on = (what: string) => `${what} på arket «${sheet}»`;
  const out: string[] = [];
  const rels = new Map(relationships(pkg.text(relsOf(part)), part).map((r) => [r.id, r]));
  for (const el of topLevel(withoutSheetData(xml))) {
    const tag = attributes(el.tag);
    if (!SHEET_ELEMENTS.has(el.name)) {
      out.push(on(SHEET_ELEMENT_KINDS[el.name] ?? `«${el.name}»`));
      continue;
    }
    if (el.name === "sheetProtection" && tag.has("password")) out.push(on("arkbeskyttelse med passord (passordet ville falle bort)"));
    if (el.name === "hyperlinks" && /<(?:\w+:)?hyperlink\b(?![^>]*\br:id=)[^>]*>/.test(el.inner)) out.push(on("lenker til steder i arbeidsboken"));
    if (el.name === "extLst") {
      for (const uri of extensionUris(el.inner)) if (!SHEET_EXTENSIONS_KEPT.has(uri)) out.push(on(SHEET_EXTENSION_KINDS[uri] ?? `utvidelsen ${uri}`));
    }
    if (el.name === "legacyDrawing") {
      const target = rels.get(tag.get("r:id") ?? "")?.target;
      const vml = target ? (pkg.text(target) ?? "") : "";
      const kinds = [...vml.matchAll(/ObjectType\s*=\s*"([^"]*)"/g)].map((m) => m[1]);
      if (kinds.some((k) => k !== "Note")) out.push(on("skjemakontroller (avmerkingsbokser, knapper, lister)"));
    }
    if (el.name === "drawing") {
      const target = rels.get(tag.get("r:id") ?? "")?.target;
      const drawing = target ? (pkg.text(target) ?? "") : "";
      if (/<(?:\w+:)?(sp|grpSp|cxnSp|graphicFrame|contentPart)\b/.test(drawing) || /<(?:\w+:)?AlternateContent\b/.test(drawing)) {
        out.push(on("figurer, tekstbokser eller andre tegneobjekter"));
      }
    }
  }
  const dropped = notes.filter((ref) => !cellKeeps(xml, ref));
  if (dropped.length > 0) out.push(on(`merknader på tomme celler (${dropped.slice(0, 5).join(", ")}${dropped.length > 5 ? " …" : ""})`));
  return out;
}

/** What the workbook part and the styles hold that exceljs drops. */
function lostInWorkbook(pkg: XlsxPackage): string[] {
  const out: string[] = [];
  for (const el of topLevel(pkg.text("xl/workbook.xml") ?? "")) {
    if (el.name === "extLst") {
      for (const uri of extensionUris(el.inner)) {
        if (!WORKBOOK_EXTENSIONS_DERIVED.has(uri)) out.push(WORKBOOK_EXTENSION_KINDS[uri] ?? `utvidelsen ${uri} i arbeidsboken`);
      }
    } else if (el.name === "workbookProtection") {
      // An element with nothing switched on protects nothing (LibreOffice writes one).
      const on = [...attributes(el.tag).values()].some((v) => !["0", "false", ""].includes(v));
      if (on) out.push(WORKBOOK_ELEMENT_KINDS.workbookProtection);
    } else if (!WORKBOOK_ELEMENTS.has(el.name)) {
      out.push(WORKBOOK_ELEMENT_KINDS[el.name] ?? `«${el.name}» i arbeidsboken`);
    } else if (el.name === "definedNames") {
      for (const m of el.inner.matchAll(/<(?:\w+:)?definedName\b([^>]*)>/g)) {
        const a = attributes(m[1]);
        const name = a.get("name") ?? "";
        if (name.startsWith("_xlnm.")) continue;
        if (a.get("hidden") === "1" || a.get("hidden") === "true") out.push(`navnet ${name} (skjult; ville bli synlig)`);
        else if (a.has("comment")) out.push(`kommentaren til navnet ${name}`);
      }
    }
  }
  const styles = pkg.text("xl/styles.xml") ?? "";
  const custom = [...styles.matchAll(/<(?:\w+:)?cellStyle\b([^>]*)>/g)].map((m) => attributes(m[1])).filter((a) => !a.has("builtinId"));
  if (custom.length > 0) out.push(`egne cellestiler (${custom.map((a) => `«${a.get("name") ?? ""}»`).join(", ")})`);
  if (paletteMatters(styles)) out.push("en egen fargepalett");
  if (/<(?:\w+:)?tableStyle\b/.test(styles)) out.push("egne tabellstiler");
  return out;
}

/** Notes (legacy comments) by sheet part: the cell of each. */
function notesBySheet(pkg: XlsxPackage): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of pkg.sheets.keys()) {
    for (const r of relationships(pkg.text(relsOf(part)), part)) {
      if (r.type !== "comments") continue;
      const refs = [...(pkg.text(r.target) ?? "").matchAll(/<(?:\w+:)?comment\b([^>]*)>/g)].map((m) => (attributes(m[1]).get("ref") ?? "").toUpperCase());
      out.set(part, [...(out.get(part) ?? []), ...refs]);
    }
  }
  return out;
}

/** Everything exceljs would lose writing this package back, each said once, in the order found. */
export function lostOnRoundTrip(pkg: XlsxPackage): string[] {
  const out = [...lostParts(pkg), ...lostInWorkbook(pkg)];
  const notes = notesBySheet(pkg);
  pkg.eachSheet((part, xml) => append(out, lostInSheet(pkg, part, xml, notes.get(part) ?? [])));
  // "X på arket «Y»" says more than a bare "X" found by its part.
  return [...new Set(out)].filter((what, _, all) => !all.some((other) => other.startsWith(`${what} på arket «`)));
}
