/**
 * A tiny element tree over fast-xml-parser, for offline checks of manifest.xml
 * (used by test/manifest and test/build).
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

type OrderedNode = Record<string, unknown> & { ":@"?: Record<string, string> };

/** Throws with the parser's message if the XML is not well-formed. */
export function assertWellFormed(xml: string): void {
  const result = XMLValidator.validate(xml);
  if (result !== true) {
    throw new Error(`manifest.xml is not well-formed: ${result.err.msg} (line ${result.err.line}, col ${result.err.col})`);
  }
}

/** Parses XML into a tree of elements (comments and the declaration dropped) and returns the root. */
export function parseXml(xml: string): XmlElement {
  assertWellFormed(xml);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    commentPropName: "#comment",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
  });
  const nodes = parser.parse(xml) as OrderedNode[];
  const elements = convert(nodes);
  if (elements.length !== 1) {
    throw new Error(`expected exactly one root element, found ${elements.length}`);
  }
  return elements[0];
}

function convert(nodes: OrderedNode[]): XmlElement[] {
  const out: XmlElement[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ":@");
    if (!name || name === "#text" || name === "#comment" || name.startsWith("?")) continue;
    const childNodes = node[name] as OrderedNode[];
    const text = childNodes
      .filter((c) => "#text" in c)
      .map((c) => String(c["#text"]))
      .join("");
    out.push({ name, attrs: { ...(node[":@"] ?? {}) }, children: convert(childNodes), text });
  }
  return out;
}

/** Every element below (and including) `root`, depth first, in document order. */
export function allElements(root: XmlElement): XmlElement[] {
  return [root, ...root.children.flatMap(allElements)];
}

/** The single child called `name`; throws if there is none or more than one. */
export function child(parent: XmlElement, name: string): XmlElement {
  const found = parent.children.filter((c) => c.name === name);
  if (found.length !== 1) {
    throw new Error(`<${parent.name}> should have exactly one <${name}>, found ${found.length}`);
  }
  return found[0];
}

/** Follows a path of single children, e.g. path(root, "VersionOverrides", "Hosts", "Host"). */
export function path(root: XmlElement, ...names: string[]): XmlElement {
  return names.reduce(child, root);
}

/**
 * Every URL the manifest points at: DefaultValue/Value attributes and element texts that look like
 * URLs. Namespace declarations (xmlns…) are not URLs the add-in loads, so they are left out.
 */
export function manifestUrls(root: XmlElement): string[] {
  const urls: string[] = [];
  for (const el of allElements(root)) {
    for (const [key, value] of Object.entries(el.attrs)) {
      if (key === "xmlns" || key.startsWith("xmlns:")) continue;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) urls.push(value);
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(el.text)) urls.push(el.text);
  }
  return urls;
}
