/**
 * Offline structural checks of manifest.xml (office-addins.md §4.1). Microsoft's validator is an
 * online service and no XSD ships on npm, so the documented rules are checked here instead.
 */
import * as fs from "fs";
import * as nodePath from "path";
import { allElements, assertWellFormed, child, manifestUrls, parseXml, path, XmlElement } from "./manifestXml";
import { RIBBON_BUTTON } from "../../src/taskpane/app";

const ROOT = nodePath.resolve(__dirname, "..", "..");
const xml = fs.readFileSync(nodePath.join(ROOT, "manifest.xml"), "utf8");
const DEV_ORIGIN = "https://localhost:3000";

/** OfficeApp children in the order the schema demands (docs/develop/manifest-element-ordering.md). */
const OFFICEAPP_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
  "ExtendedOverrides",
];

/** Which resource collection each resid-bearing element must point into. */
const RESID_KIND: Record<string, string> = {
  "bt:Image": "bt:Images",
  SourceLocation: "bt:Urls",
  FunctionFile: "bt:Urls",
  Runtime: "bt:Urls",
  LearnMoreUrl: "bt:Urls",
  Label: "bt:ShortStrings",
  Title: "bt:ShortStrings",
  Namespace: "bt:ShortStrings",
  Description: "bt:LongStrings",
};

const MAX_RESID = 32;
const MAX_SHORT = 125;
const MAX_LONG = 250;

function assertInOrder(actual: string[], order: string[], where: string): void {
  const unknown = actual.filter((n) => !order.includes(n));
  expect({ where, unknown }).toEqual({ where, unknown: [] });
  const positions = actual.map((n) => order.indexOf(n));
  const sorted = [...positions].sort((a, b) => a - b);
  expect({ where, order: actual }).toEqual({ where, order: sorted.map((i) => order[i]) });
}

/** Width and height from a PNG's IHDR chunk (after checking the signature). */
function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(signature) || buf.toString("ascii", 12, 16) !== "IHDR") {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** All values of a resource: its DefaultValue and every Override Value. */
function resourceValues(el: XmlElement): string[] {
  return [el.attrs.DefaultValue, ...el.children.filter((c) => c.name === "bt:Override").map((c) => c.attrs.Value)];
}

describe("manifest.xml", () => {
  const root = parseXml(xml);
  const resources = path(root, "VersionOverrides", "Resources");
  const resourceById = new Map<string, { kind: string; el: XmlElement }>();
  for (const collection of resources.children) {
    for (const el of collection.children) {
      resourceById.set(el.attrs.id, { kind: collection.name, el });
    }
  }
  const resourceValue = (id: string): string => {
    const found = resourceById.get(id);
    if (!found) throw new Error(`no resource ${id}`);
    return found.el.attrs.DefaultValue;
  };
  const host = path(root, "VersionOverrides", "Hosts", "Host");

  test("is well-formed XML with an OfficeApp TaskPaneApp root", () => {
    expect(() => assertWellFormed(xml)).not.toThrow();
    expect(root.name).toBe("OfficeApp");
    expect(root.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(root.attrs.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
  });

  test("OfficeApp children follow the schema order", () => {
    assertInOrder(
      root.children.map((c) => c.name),
      OFFICEAPP_ORDER,
      "OfficeApp",
    );
    for (const required of ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "Hosts", "DefaultSettings", "Permissions", "VersionOverrides"]) {
      expect(() => child(root, required)).not.toThrow();
    }
  });

  test("the Workbook host lists Runtimes, AllFormFactors, DesktopFormFactor in that order", () => {
    expect(host.attrs["xsi:type"]).toBe("Workbook");
    expect(host.children.map((c) => c.name)).toEqual(["Runtimes", "AllFormFactors", "DesktopFormFactor"]);
    expect(child(child(root, "Hosts"), "Host").attrs.Name).toBe("Workbook");
  });

  test("Id is the stable GUID and Version is n.n.n.n", () => {
    const id = child(root, "Id").text;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(id).toBe("7f3c2a9e-5b1d-4e8a-9c61-2d4f8b0a6e13");
    expect(child(root, "Version").text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  test("identity: provider, Norwegian default locale, en-US overrides, permissions", () => {
    expect(child(root, "ProviderName").text).toBe("Lønnsavstemming");
    expect(child(root, "DefaultLocale").text).toBe("nb-NO");
    for (const name of ["DisplayName", "Description"]) {
      const el = child(root, name);
      expect(el.children.map((c) => [c.name, c.attrs.Locale])).toEqual([["Override", "en-US"]]);
    }
    expect(child(root, "DisplayName").attrs.DefaultValue.length).toBeLessThanOrEqual(MAX_SHORT);
    for (const v of [child(root, "Description").attrs.DefaultValue, child(child(root, "Description"), "Override").attrs.Value]) {
      expect(v.length).toBeLessThanOrEqual(MAX_LONG);
    }
    expect(child(root, "Permissions").text).toBe("ReadWriteDocument");
  });

  test("requirement sets: SharedRuntime 1.1, CustomFunctionsRuntime 1.3, ExcelApi 1.9", () => {
    const sets = path(root, "Requirements", "Sets").children.map((s) => [s.attrs.Name, s.attrs.MinVersion]);
    expect(sets).toEqual(
      expect.arrayContaining([
        ["SharedRuntime", "1.1"],
        ["CustomFunctionsRuntime", "1.3"],
        ["ExcelApi", "1.9"],
      ]),
    );
  });

  test("every resource id is unique and at most 32 characters", () => {
    const ids = resources.children.flatMap((c) => c.children.map((el) => el.attrs.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect({ id, length: id.length <= MAX_RESID }).toEqual({ id, length: true });
  });

  test("every resid resolves to a resource of the right kind, and every resource is used", () => {
    const used = new Set<string>();
    for (const el of allElements(root)) {
      const resid = el.attrs.resid;
      if (resid === undefined) continue;
      used.add(resid);
      expect({ resid, length: resid.length <= MAX_RESID }).toEqual({ resid, length: true });
      const found = resourceById.get(resid);
      expect({ element: el.name, resid, kind: found?.kind }).toEqual({ element: el.name, resid, kind: RESID_KIND[el.name] });
    }
    expect([...resourceById.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  test("ShortStrings are at most 125 and LongStrings at most 250 characters", () => {
    for (const el of child(resources, "bt:ShortStrings").children) {
      for (const v of resourceValues(el)) expect({ id: el.attrs.id, ok: v.length > 0 && v.length <= MAX_SHORT }).toEqual({ id: el.attrs.id, ok: true });
    }
    for (const el of child(resources, "bt:LongStrings").children) {
      for (const v of resourceValues(el)) expect({ id: el.attrs.id, ok: v.length > 0 && v.length <= MAX_LONG }).toEqual({ id: el.attrs.id, ok: true });
    }
  });

  test("overrides: at most one per locale, and only en-US besides the default", () => {
    for (const el of allElements(root)) {
      const locales = el.children.filter((c) => c.name === "Override" || c.name === "bt:Override").map((c) => c.attrs.Locale);
      expect(new Set(locales).size).toBe(locales.length);
      for (const locale of locales) expect(locale).toBe("en-US");
    }
  });

  test("all URLs are https on one origin (the dev server)", () => {
    const urls = manifestUrls(root);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      expect(url).toMatch(/^https:\/\//);
      expect(new URL(url).origin).toBe(DEV_ORIGIN);
    }
    expect(path(root, "DefaultSettings", "SourceLocation").attrs.DefaultValue).toBe(resourceValue("Taskpane.Url"));
  });

  test("shared runtime: Runtime, Page and FunctionFile use the same resid (the task pane)", () => {
    const runtime = path(host, "Runtimes", "Runtime");
    expect(runtime.attrs.lifetime).toBe("long");
    const cf = child(host, "AllFormFactors").children.find((c) => c.attrs["xsi:type"] === "CustomFunctions");
    expect(cf).toBeDefined();
    const page = path(cf as XmlElement, "Page", "SourceLocation");
    const functionFile = path(host, "DesktopFormFactor", "FunctionFile");
    expect(page.attrs.resid).toBe(runtime.attrs.resid);
    expect(functionFile.attrs.resid).toBe(runtime.attrs.resid);
    expect(resourceValue(runtime.attrs.resid)).toBe(`${DEV_ORIGIN}/taskpane.html`);
  });

  test("custom functions: script, metadata (with en-US override) and namespace LONN", () => {
    const cf = child(host, "AllFormFactors").children.find((c) => c.attrs["xsi:type"] === "CustomFunctions") as XmlElement;
    expect(cf.children.map((c) => c.name)).toEqual(["Script", "Page", "Metadata", "Namespace"]);
    expect(resourceValue(path(cf, "Script", "SourceLocation").attrs.resid)).toBe(`${DEV_ORIGIN}/functions.js`);
    const metadataId = path(cf, "Metadata", "SourceLocation").attrs.resid;
    expect(resourceValue(metadataId)).toBe(`${DEV_ORIGIN}/functions.json`);
    const metadata = resourceById.get(metadataId)?.el as XmlElement;
    expect(metadata.children.map((c) => [c.name, c.attrs.Locale, c.attrs.Value])).toEqual([
      ["bt:Override", "en-US", `${DEV_ORIGIN}/functions.en-US.json`],
    ]);
    const namespace = child(cf, "Namespace");
    expect(namespace.attrs.resid).toBe("Functions.Namespace");
    expect(resourceValue(namespace.attrs.resid)).toBe("LONN");
  });

  test("ribbon: a Home-tab button 'Avstem lønn' in group 'Lønnsavstemming' shows the task pane", () => {
    const surface = child(host, "DesktopFormFactor").children.find((c) => c.attrs["xsi:type"] === "PrimaryCommandSurface") as XmlElement;
    const tab = child(surface, "OfficeTab");
    expect(tab.attrs.id).toBe("TabHome");
    const group = child(tab, "Group");
    expect(resourceValue(child(group, "Label").attrs.resid)).toBe("Lønnsavstemming");
    const button = child(group, "Control");
    expect(button.attrs["xsi:type"]).toBe("Button");
    expect(resourceValue(child(button, "Label").attrs.resid)).toBe("Avstem lønn");
    const action = child(button, "Action");
    expect(action.attrs["xsi:type"]).toBe("ShowTaskpane");
    expect(child(action, "SourceLocation").attrs.resid).toBe("Taskpane.Url");
    const getStarted = path(host, "DesktopFormFactor", "GetStarted");
    expect(getStarted.children.map((c) => c.name)).toEqual(["Title", "Description", "LearnMoreUrl"]);
  });

  test("the pane, the README, the help page and «Get started» name the button as the manifest labels it", () => {
    const group = path(host, "DesktopFormFactor").children.find((c) => c.attrs["xsi:type"] === "PrimaryCommandSurface") as XmlElement;
    const label = resourceValue(child(child(child(group, "OfficeTab"), "Group"), "Control").children.find((c) => c.name === "Label")?.attrs.resid as string);
    expect(RIBBON_BUTTON).toBe(`Hjem → ${label}`);
    const readme = fs.readFileSync(nodePath.join(ROOT, "README.md"), "utf8");
    const help = fs.readFileSync(nodePath.join(ROOT, "src", "help", "hjelp.html"), "utf8");
    expect(readme).toContain(`Home → ${label}`);
    expect(help).toContain(`Hjem → ${label}`);
    expect(resourceValue("GetStarted.Description")).toContain(`Hjem → ${label}`);
    // Nowhere the old wording, which named the group as if it were the button.
    for (const text of [readme, help]) expect(text).not.toMatch(/(Home|Hjem) → Lønnsavstemming/);
  });

  test("SupportUrl (required by the store) is the help page: https, on the one origin, after the icons", () => {
    const names = root.children.map((c) => c.name);
    expect(names.indexOf("SupportUrl")).toBe(names.indexOf("HighResolutionIconUrl") + 1);
    const support = child(root, "SupportUrl").attrs.DefaultValue;
    expect(support).toBe(`${DEV_ORIGIN}/hjelp.html`);
    expect(new URL(support).protocol).toBe("https:");
  });

  test("Learn more (GetStarted.LearnMoreUrl) resolves to the help page, not the task pane", () => {
    const resid = path(host, "DesktopFormFactor", "GetStarted", "LearnMoreUrl").attrs.resid;
    expect(resid.length).toBeLessThanOrEqual(MAX_RESID);
    expect(resourceById.get(resid)?.kind).toBe("bt:Urls");
    const learnMore = resourceValue(resid);
    expect(learnMore).toBe(`${DEV_ORIGIN}/hjelp.html`);
    expect(learnMore).not.toBe(resourceValue("Taskpane.Url"));
    expect(new URL(learnMore).origin).toBe(new URL(child(root, "SupportUrl").attrs.DefaultValue).origin);
  });

  test("icons exist in assets/ as PNGs of the declared pixel size", () => {
    const iconFile = (url: string): string => {
      const rel = new URL(url).pathname.replace(/^\//, "");
      expect(rel).toMatch(/^assets\/[\w.-]+\.png$/);
      return nodePath.join(ROOT, rel);
    };
    const expectations: Array<[string, number]> = [
      [child(root, "IconUrl").attrs.DefaultValue, 32],
      [child(root, "HighResolutionIconUrl").attrs.DefaultValue, 64],
    ];
    for (const el of child(resources, "bt:Images").children) {
      const size = Number(/(\d+)x\1$/.exec(el.attrs.id)?.[1]);
      expectations.push([el.attrs.DefaultValue, size]);
    }
    // Every <bt:Image size="n"> in the ribbon points at an image of that size.
    for (const el of allElements(host).filter((e) => e.name === "bt:Image")) {
      expectations.push([resourceValue(el.attrs.resid), Number(el.attrs.size)]);
    }
    const sizes = new Set<number>();
    for (const [url, size] of expectations) {
      const file = iconFile(url);
      expect(fs.existsSync(file)).toBe(true);
      expect({ file: nodePath.basename(file), ...pngSize(file) }).toEqual({ file: nodePath.basename(file), width: size, height: size });
      sizes.add(size);
    }
    expect([...sizes].sort((a, b) => a - b)).toEqual([16, 32, 64, 80]);
  });
});
