/**
 * The formula cells of an .xlsx package as its sheet XML stores them: each formula's type
 * attribute and cached value, read from the parts themselves. exceljs cannot tell them apart
 * (it reads a cached 0, a cached "" and no cached value alike, as no result), and a reader that
 * does not recalculate (a mail or Teams preview, a phone) shows exactly what is stored here.
 */
import { zipMap } from "./zip";

/** One formula cell: its `t` attribute, and its `<v>` (undefined: none stored). */
export interface StoredFormula {
  readonly type: string | undefined;
  readonly value: string | undefined;
}

const unescape = (s: string): string =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

const attribute = (tag: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

/** Each sheet's name and its XML, in the workbook's order. */
export function sheetParts(xlsx: Buffer): Map<string, string> {
  const parts = zipMap(xlsx);
  const text = (name: string) => (parts.get(name) ?? Buffer.alloc(0)).toString("utf8");
  const rels = [...text("xl/_rels/workbook.xml.rels").matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]);
  const out = new Map<string, string>();
  for (const [tag] of text("xl/workbook.xml").matchAll(/<sheet\b[^>]*>/g)) {
    const rel = rels.find((r) => attribute(r, "Id") === attribute(tag, "r:id"));
    const target = rel ? attribute(rel, "Target") : undefined;
    if (!target) throw new Error(`no part for the sheet ${tag}`);
    out.set(unescape(attribute(tag, "name") ?? ""), text(target.startsWith("/") ? target.slice(1) : `xl/${target}`));
  }
  return out;
}

/** The formula cells of a sheet's XML, by address. */
export function storedFormulas(sheetXml: string): Map<string, StoredFormula> {
  const out = new Map<string, StoredFormula>();
  for (const m of sheetXml.matchAll(/<c\b([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)) {
    const body = m[2] ?? "";
    if (!/<f\b/.test(body)) continue;
    const v = /<v>(.*?)<\/v>|<v\/>/s.exec(body);
    out.set(attribute(m[1], "r") as string, { type: attribute(m[1], "t"), value: v ? unescape(v[1] ?? "") : undefined });
  }
  return out;
}
