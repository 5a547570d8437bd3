/**
 * The deployment, end to end: a fresh production build served by real nginx with
 * deploy/nginx/addin.conf, fetched over HTTP. Checks what Office needs from the host: every file
 * the manifest names is there; the metadata is JSON with CORS; pages are UTF-8 HTML that the
 * Office hosts may frame (frame-ancestors, never X-Frame-Options); and the site file parses.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildAddin } from "../browser/support";
import { manifestUrls, parseXml } from "../manifest/manifestXml";
import { ADDIN_CONF, get, nginxPath, Response, ROOT, serveWithNginx, Served, withNginx } from "./nginx";

/** The address the test build is made for (buildAddin's); nginx serves it at its own origin. */
const PUBLIC_URL = "https://lonn.test.example/";

/**
 * The hosts that may frame the pane: Microsoft 365's (MicrosoftDocs/msteams-docs,
 * msteams-platform/includes/tabs/content-security-policy-headers.md), Excel on the web's own
 * frame, and SharePoint/OneDrive where the workbook opens (OfficeDev/office-js-docs-pr#4911).
 */
const OFFICE_HOSTS = [
  "https://*.cloud.microsoft",
  "https://*.office.com",
  "https://*.microsoft365.com",
  "https://*.officeapps.live.com",
  "https://*.sharepoint.com",
  "https://onedrive.live.com",
  "https://teams.microsoft.com",
  "https://*.teams.microsoft.com",
];

jest.setTimeout(180_000);

function frameAncestors(res: Response): string[] | undefined {
  const csp = String(res.headers["content-security-policy"] ?? "");
  const directive = csp
    .split(";")
    .map((d) => d.trim().split(/\s+/))
    .find((d) => d[0] === "frame-ancestors");
  return directive?.slice(1);
}

withNginx.describe("the add-in served by nginx with deploy/nginx/addin.conf", () => {
  let dist: string;
  let server: Served;
  const fetched = new Map<string, Response>();
  const fetch = async (file: string): Promise<Response> => {
    const cached = fetched.get(file);
    if (cached) return cached;
    const res = await get(`${server.origin}/${file}`);
    fetched.set(file, res);
    return res;
  };

  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), "lonn-deploy-dist-"));
    await buildAddin(dist);
    server = await serveWithNginx(dist);
  });

  afterAll(async () => {
    if (server) await server.stop();
    if (dist) fs.rmSync(dist, { recursive: true, force: true });
  });

  test("serves every file the manifest names, byte for byte as built", async () => {
    const files = manifestUrls(parseXml(fs.readFileSync(path.join(dist, "manifest.xml"), "utf8"))).map((url) => url.slice(PUBLIC_URL.length));
    expect(files).toEqual(expect.arrayContaining(["taskpane.html", "functions.js", "functions.json", "functions.en-US.json", "hjelp.html"]));
    for (const file of [...new Set([...files, "manifest.xml", "hjelp.css", "taskpane.css"])]) {
      const res = await fetch(file);
      expect({ file, status: res.status }).toEqual({ file, status: 200 });
      expect(res.body.equals(fs.readFileSync(path.join(dist, file)))).toBe(true);
    }
  });

  test("content types: JSON metadata, UTF-8 HTML, a script type for functions.js, XML for the manifest", async () => {
    const type = async (file: string): Promise<string> => String((await fetch(file)).headers["content-type"]);
    expect(await type("functions.json")).toMatch(/^application\/json(; charset=utf-8)?$/);
    expect(await type("functions.en-US.json")).toMatch(/^application\/json(; charset=utf-8)?$/);
    expect(await type("taskpane.html")).toBe("text/html; charset=utf-8");
    expect(await type("hjelp.html")).toBe("text/html; charset=utf-8");
    expect(await type("functions.js")).toMatch(/^(application|text)\/javascript(; charset=utf-8)?$/);
    expect(await type("manifest.xml")).toMatch(/^(application|text)\/xml(; charset=utf-8)?$/);
    expect(await type("hjelp.css")).toBe("text/css; charset=utf-8");
    for (const file of ["functions.json", "taskpane.html", "functions.js"]) expect((await fetch(file)).headers["x-content-type-options"]).toBe("nosniff");
  });

  test("CORS on the custom-functions metadata and script, and only there", async () => {
    for (const file of ["functions.json", "functions.en-US.json", "functions.js"]) {
      expect({ file, cors: (await fetch(file)).headers["access-control-allow-origin"] }).toEqual({ file, cors: "*" });
    }
    for (const file of ["taskpane.html", "hjelp.html", "manifest.xml"]) {
      expect({ file, cors: (await fetch(file)).headers["access-control-allow-origin"] }).toEqual({ file, cors: undefined });
    }
  });

  test("the pages may be framed by the Office hosts, and only by them; no X-Frame-Options", async () => {
    for (const file of ["taskpane.html", "hjelp.html"]) {
      const res = await fetch(file);
      expect({ file, xfo: res.headers["x-frame-options"] }).toEqual({ file, xfo: undefined });
      expect({ file, ancestors: frameAncestors(res)?.sort() }).toEqual({ file, ancestors: [...OFFICE_HOSTS].sort() });
    }
  });

  test("a file that is not there is a 404, not the task pane; releases reach users (no-cache)", async () => {
    const missing = await get(`${server.origin}/finnes-ikke.html`);
    expect(missing.status).toBe(404);
    expect(missing.headers["x-frame-options"]).toBeUndefined();
    expect((await fetch("functions.json")).headers["cache-control"]).toBe("no-cache");
  });
});

withNginx.describe("deploy/nginx/lonnsavstemming.conf (the whole site)", () => {
  test("passes nginx -t with its snippet, a certificate and a root in place", () => {
    const nginx = nginxPath() as string;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lonn-nginx-site-"));
    try {
      const key = path.join(dir, "site.key");
      const cert = path.join(dir, "site.pem");
      const made = spawnSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=lonn.example.no", "-keyout", key, "-out", cert]);
      expect({ openssl: made.status, stderr: made.status === 0 ? "" : String(made.stderr) }).toEqual({ openssl: 0, stderr: "" });
      // The site's own paths, every occurrence, pointed at this machine's.
      const places: Array<[string, string]> = [
        ["/etc/ssl/certs/lonn.example.no.pem", cert],
        ["/etc/ssl/private/lonn.example.no.key", key],
        ["/srv/lonnsavstemming", dir],
        ["/etc/nginx/snippets/lonnsavstemming-addin.conf", ADDIN_CONF],
      ];
      const original = fs.readFileSync(path.join(ROOT, "deploy", "nginx", "lonnsavstemming.conf"), "utf8");
      const site = places.reduce((text, [from, to]) => text.split(from).join(to), original);
      for (const [from] of places) expect({ from, used: original.includes(from) }).toEqual({ from, used: true });
      fs.writeFileSync(path.join(dir, "site.conf"), site);
      const conf = [
        `pid ${path.join(dir, "nginx.pid")};`,
        `error_log ${path.join(dir, "error.log")};`,
        "events {}",
        "http {",
        `  client_body_temp_path ${path.join(dir, "body")};`,
        `  include ${path.join(dir, "site.conf")};`,
        "}",
        "",
      ].join("\n");
      fs.writeFileSync(path.join(dir, "nginx.conf"), conf);
      const checked = spawnSync(nginx, ["-t", "-p", dir, "-c", path.join(dir, "nginx.conf"), "-e", path.join(dir, "error.log")], { encoding: "utf8" });
      expect({ status: checked.status, output: checked.status === 0 ? "" : checked.stderr }).toEqual({ status: 0, output: "" });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
