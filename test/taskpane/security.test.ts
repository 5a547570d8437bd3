/**
 * The task pane's security rules, checked in the source: a Content-Security-Policy that allows only
 * our origin and the Office.js CDN, no eval (also not in the development build's source maps),
 * workbook text never inserted as HTML, no network calls, and no import of the custom functions
 * file (its injected associate calls would run in the pane's bundle).
 */
import { readdirSync, readFileSync, statSync } from "fs";
import { join, relative } from "path";
import { ROOT } from "./samples";

function files(dir: string, ext = ".ts"): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p, ext) : p.endsWith(ext) ? [p] : [];
  });
}

/** Source without comments, so the checks look at code and strings only. */
const code = (p: string): string => readFileSync(p, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");

const PANE = join(ROOT, "src", "taskpane");

describe("the task pane's Content-Security-Policy", () => {
  const html = readFileSync(join(PANE, "taskpane.html"), "utf8");
  const csp = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)?.[1] ?? "";
  const directives = new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );

  test("only our origin and the Office.js CDN may supply script; requests only to our origin", () => {
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(directives.get("connect-src")).toEqual(["'self'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("base-uri")).toEqual(["'none'"]);
    expect(directives.get("img-src")).toEqual(["'self'", "data:"]);
    // Office.js injects inline styles; inline script and eval stay forbidden.
    expect(directives.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp).not.toMatch(/unsafe-eval|\*/);
  });

  test("the page loads office.js from the CDN and nothing else from outside", () => {
    const external = [...html.matchAll(/(?:src|href)="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(external).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
    expect(html).not.toMatch(/<script>(?!\s*<\/script>)/);
  });
});

describe("the task pane's code", () => {
  const paneFiles = files(PANE);

  test("never parses text as HTML or code", () => {
    const forbidden = /\.(innerHTML|outerHTML)\b|insertAdjacentHTML|document\.write|\beval\s*\(|new\s+Function\s*\(|createContextualFragment|DOMParser/;
    for (const f of paneFiles) {
      const hit = code(f).match(forbidden);
      if (hit) throw new Error(`${relative(ROOT, f)} bruker ${hit[0]}`);
    }
  });

  test("sets no event-handler attribute and no link from data", () => {
    for (const f of paneFiles) {
      const hit = code(f).match(/setAttribute\(\s*["'`]on|attrs:\s*\{[^}]*\bon[a-z]+\s*:/);
      if (hit) throw new Error(`${relative(ROOT, f)}: ${hit[0]}`);
    }
  });

  test("makes no request of its own (Office.js talks to Excel; downloads are local Blobs)", () => {
    for (const f of [...paneFiles, ...files(join(ROOT, "src", "excel"))]) {
      const hit = code(f).match(/\bfetch\s*\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts/);
      if (hit) throw new Error(`${relative(ROOT, f)} bruker ${hit[0]}`);
    }
  });

  test("never imports the custom functions file", () => {
    for (const f of paneFiles) {
      const imports = [...code(f).matchAll(/from\s+["']([^"']+)["']/g)].map((m) => m[1]);
      for (const spec of imports) {
        const target = join(f, "..", spec);
        if (target.startsWith(join(ROOT, "src", "functions"))) throw new Error(`${relative(ROOT, f)} importerer ${spec}`);
      }
    }
  });

  test("no eval-based source maps in either build mode", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require(join(ROOT, "webpack.config.js")) as (env: object, argv: object) => Promise<{ devtool?: string | false }>;
    const saved = process.env.ADDIN_PUBLIC_URL;
    process.env.ADDIN_PUBLIC_URL = "https://lonn.test.example/";
    try {
      for (const mode of ["development", "production"]) {
        const devtool = (await config({}, { mode })).devtool;
        expect({ mode, devtool: String(devtool).includes("eval") }).toEqual({ mode, devtool: false });
      }
    } finally {
      if (saved === undefined) delete process.env.ADDIN_PUBLIC_URL;
      else process.env.ADDIN_PUBLIC_URL = saved;
    }
  });
});
