/**
 * Runs the production webpack build once into a temporary directory and checks what ships:
 * the files exist, the manifest points only at ADDIN_PUBLIC_URL, functions.json is valid metadata,
 * no source maps. A development build next to it keeps its maps; a production build without
 * ADDIN_PUBLIC_URL fails.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as nodePath from "path";
import { promisify } from "util";
import { child, manifestUrls, parseXml, path } from "../manifest/manifestXml";

const ROOT = nodePath.resolve(__dirname, "..", "..");
const PUBLIC_URL = "https://lonn.test.example/tillegg/v1/";
const WEBPACK_CLI = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(nodePath.join(dir, e.name)).map((f) => `${e.name}/${f}`) : [e.name],
  );
}

/** The environment without ADDIN_PUBLIC_URL (a developer may have it exported). */
function envWithoutPublicUrl(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.ADDIN_PUBLIC_URL;
  return env;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require(nodePath.join(ROOT, "webpack.config.js")) as {
  (env: Record<string, unknown>, argv: Record<string, unknown>): Promise<unknown>;
  rewriteManifest(content: string, url: string): string;
};

jest.setTimeout(120_000);

describe("production build (webpack --mode production)", () => {
  let out: string;
  let buildLog: string;
  const read = (file: string): string => fs.readFileSync(nodePath.join(out, file), "utf8");

  beforeAll(async () => {
    out = fs.mkdtempSync(nodePath.join(os.tmpdir(), "lonn-build-"));
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [WEBPACK_CLI, "--mode", "production", "--output-path", out],
      { cwd: ROOT, env: { ...process.env, ADDIN_PUBLIC_URL: PUBLIC_URL }, maxBuffer: 16 * 1024 * 1024 },
    );
    buildLog = stdout + stderr;
  });

  afterAll(() => {
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  test("emits the add-in files", () => {
    for (const file of [
      "manifest.xml",
      "taskpane.html",
      "taskpane.js",
      "functions.js",
      "functions.json",
      "hjelp.html",
      "hjelp.css",
      "assets/icon-16.png",
      "assets/icon-32.png",
      "assets/icon-64.png",
      "assets/icon-80.png",
    ]) {
      expect({ file, exists: fs.existsSync(nodePath.join(out, file)) }).toEqual({ file, exists: true });
    }
    expect(buildLog).toMatch(/compiled successfully/);
  });

  test("the manifest points only at ADDIN_PUBLIC_URL", () => {
    const manifest = read("manifest.xml");
    expect(manifest).not.toMatch(/localhost/i);
    const urls = manifestUrls(parseXml(manifest));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith(PUBLIC_URL)).toBe(true);
    expect(urls).toContain(`${PUBLIC_URL}functions.json`);
    expect(urls).toContain(`${PUBLIC_URL}functions.en-US.json`);
  });

  test("every manifest URL names a file the build wrote; SupportUrl and Learn more are the help page", () => {
    const root = parseXml(read("manifest.xml"));
    const missing = manifestUrls(root)
      .map((url) => url.slice(PUBLIC_URL.length))
      .filter((rel) => !fs.existsSync(nodePath.join(out, rel)));
    expect(missing).toEqual([]);
    expect(child(root, "SupportUrl").attrs.DefaultValue).toBe(`${PUBLIC_URL}hjelp.html`);
    const urlResources = path(root, "VersionOverrides", "Resources", "bt:Urls").children;
    const learnMore = urlResources.find((el) => el.attrs.id === "GetStarted.LearnMoreUrl");
    expect(learnMore?.attrs.DefaultValue).toBe(`${PUBLIC_URL}hjelp.html`);
  });

  test("functions.json is custom-functions metadata", () => {
    const metadata = JSON.parse(read("functions.json")) as { functions: Array<{ id: string; name: string }> };
    expect(Array.isArray(metadata.functions)).toBe(true);
    expect(metadata.functions.length).toBeGreaterThan(0);
    for (const fn of metadata.functions) expect(fn.id).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
  });

  test("functions.js registers the functions; bundles have no eval", () => {
    expect(read("functions.js")).toMatch(/CustomFunctions\.associate\("/);
    for (const file of ["functions.js", "taskpane.js"]) expect(read(file)).not.toMatch(/\beval\(/);
  });

  test("ships no source maps: no .map file and no sourceMappingURL comment in any file", () => {
    const files = filesUnder(out);
    expect(files).toEqual(expect.arrayContaining(["taskpane.js", "functions.js", "taskpane.css"]));
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    const text = files.filter((f) => /\.(js|css|html|json|xml)$/.test(f));
    expect(text.filter((f) => read(f).includes("sourceMappingURL"))).toEqual([]);
  });

  test("hjelp.html lists every function of the functions.json it ships with, with each argument", () => {
    const html = read("hjelp.html");
    const metadata = JSON.parse(read("functions.json")) as { functions: Array<{ name: string; parameters?: Array<{ name: string; optional?: boolean }> }> };
    for (const fn of metadata.functions) {
      const params = (fn.parameters ?? []).map((p) => (p.optional ? `[${p.name}]` : p.name));
      expect(html).toContain(`LONN.${fn.name}(${params.join("; ")})`);
    }
    expect(html).toContain("=LONN.TRYGDEAVGIFT(120000;2026)");
    expect(html).toContain("5\u00a0087,50");
    expect(html).toContain("=LONN.AGA_SONE(5001)");
  });

  test("hjelp.html is plain HTML under a no-script policy, with its stylesheet and nothing from elsewhere", () => {
    const html = read("hjelp.html");
    expect(html).not.toMatch(/<script/i);
    expect(html).toMatch(/Content-Security-Policy"? content="default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'"/);
    const refs = [...html.matchAll(/\s(?:src|href)=("[^"]*"|[^\s>]+)/g)].map((m) => m[1].replace(/"/g, "")).filter((r) => !r.startsWith("#"));
    expect(refs.sort()).toEqual(["assets/icon-32.png", "hjelp.css"]);
    for (const ref of refs) expect(fs.existsSync(nodePath.join(out, ref))).toBe(true);
    expect(read("hjelp.css")).toMatch(/\.eksempler/);
  });

  test("taskpane.html loads office.js from the CDN and both bundles", () => {
    const html = read("taskpane.html");
    expect(html).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(html).toMatch(/src="?taskpane\.js/);
    expect(html).toMatch(/src="?functions\.js/);
    expect(html).toMatch(/Content-Security-Policy/);
    expect(html).not.toMatch(/unsafe-eval/);
  });

  test("the pane frames nothing (office.js's telemetry frame stays blocked) and its body always scrolls (WebView2)", () => {
    const csp = read("taskpane.html").match(/Content-Security-Policy"? content="([^"]+)"/)?.[1] ?? "";
    expect(csp.split(";").map((d) => d.trim())).toContain("frame-src 'none'");
    expect(csp).not.toMatch(/oaspapps|aria\.microsoft|\*/);
    expect(read("taskpane.css")).toMatch(/(^|})body\{[^}]*overflow-y:scroll/);
  });
});

describe("development build (webpack --mode development)", () => {
  let out: string;
  const read = (file: string): string => fs.readFileSync(nodePath.join(out, file), "utf8");

  beforeAll(async () => {
    out = fs.mkdtempSync(nodePath.join(os.tmpdir(), "lonn-build-dev-"));
    await promisify(execFile)(process.execPath, [WEBPACK_CLI, "--mode", "development", "--output-path", out], {
      cwd: ROOT,
      env: envWithoutPublicUrl(),
      maxBuffer: 16 * 1024 * 1024,
    });
  });

  afterAll(() => {
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  test("keeps separate source maps, linked from each bundle, and no eval (the CSP forbids it)", () => {
    for (const bundle of ["taskpane.js", "functions.js"]) {
      const code = read(bundle);
      expect(code.trimEnd().endsWith(`//# sourceMappingURL=${bundle}.map`)).toBe(true);
      expect(code).not.toMatch(/\beval\(|sourceMappingURL=data:/);
      const map = JSON.parse(read(`${bundle}.map`)) as { sources: string[] };
      expect(map.sources.some((s) => s.includes("src/"))).toBe(true);
    }
  });
});

describe("a production build without ADDIN_PUBLIC_URL", () => {
  test("fails, says how to fix it in Norwegian and English, and writes nothing", async () => {
    const out = nodePath.join(fs.mkdtempSync(nodePath.join(os.tmpdir(), "lonn-build-nourl-")), "dist");
    try {
      const result = await promisify(execFile)(process.execPath, [WEBPACK_CLI, "--mode", "production", "--output-path", out], {
        cwd: ROOT,
        env: envWithoutPublicUrl(),
        maxBuffer: 16 * 1024 * 1024,
      }).then(
        () => ({ code: 0, stderr: "" }),
        (err: { code?: number; stderr?: string }) => ({ code: err.code ?? -1, stderr: err.stderr ?? "" }),
      );
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain("ADDIN_PUBLIC_URL er ikke satt");
      expect(result.stderr).toContain("ADDIN_PUBLIC_URL is not set");
      expect(result.stderr).toContain("ADDIN_PUBLIC_URL=https://");
      expect(fs.existsSync(out)).toBe(false);
    } finally {
      fs.rmSync(nodePath.dirname(out), { recursive: true, force: true });
    }
  });
});

describe("webpack.config.js", () => {
  const saved = process.env.ADDIN_PUBLIC_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.ADDIN_PUBLIC_URL;
    else process.env.ADDIN_PUBLIC_URL = saved;
  });

  test("rejects a missing ADDIN_PUBLIC_URL, or one that is not https or lacks the trailing slash", async () => {
    for (const bad of ["", "https://lonn.example.no/addin", "http://lonn.example.no/"]) {
      process.env.ADDIN_PUBLIC_URL = bad;
      await expect(webpackConfig({}, { mode: "production" })).rejects.toThrow(/ADDIN_PUBLIC_URL/);
    }
  });

  test("rewrites every dev URL, not only the first", () => {
    const input = '<a v="https://localhost:3000/x.js"/><b v="https://localhost:3000/y.json"/>';
    expect(webpackConfig.rewriteManifest(input, PUBLIC_URL)).toBe(
      `<a v="${PUBLIC_URL}x.js"/><b v="${PUBLIC_URL}y.json"/>`,
    );
  });
});
