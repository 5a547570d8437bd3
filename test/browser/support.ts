/**
 * Browser-test support: build the add-in (the production webpack build, as shipped) and the
 * harness into a temporary folder, serve that folder on 127.0.0.1, and launch Debian's Chromium
 * through playwright-core (never a downloaded browser).
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as http from "http";
import { AddressInfo } from "net";
import * as path from "path";
import { promisify } from "util";
import type { Browser } from "playwright-core";

export const ROOT = path.resolve(__dirname, "..", "..");
const WEBPACK_CLI = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
import { CHROMIUM_PATH } from "../support/engines";

export const CHROMIUM = CHROMIUM_PATH;

/** toolchain.md's flags for headless Debian Chromium in CI. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** `npm run build`'s production build, into `out`. */
export async function buildAddin(out: string): Promise<void> {
  await promisify(execFile)(process.execPath, [WEBPACK_CLI, "--mode", "production", "--output-path", out], {
    cwd: ROOT,
    env: { ...process.env, ADDIN_PUBLIC_URL: "https://lonn.test.example/" },
    maxBuffer: 16 * 1024 * 1024,
  });
}

/** The harness (fake Excel host + CustomFunctions stub) as one browser script, `harness.js` in `out`. */
export async function buildHarness(out: string): Promise<string> {
  // webpack's Node API, with a config of its own: the add-in's config knows nothing of tests.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require(require.resolve("webpack", { paths: [ROOT] })) as typeof import("webpack");
  const compiler = webpack({
    mode: "production",
    target: "web",
    devtool: false,
    context: ROOT,
    entry: { harness: "./test/browser/harness.ts" },
    output: { path: out, filename: "[name].js" },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: require.resolve("ts-loader", { paths: [ROOT] }), options: { transpileOnly: true, compilerOptions: { module: "ES2020" } } },
        },
      ],
    },
    performance: { hints: false },
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) reject(err);
      else if (stats?.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
      else resolve();
    }),
  );
  return fs.readFileSync(path.join(out, "harness.js"), "utf8");
}

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "application/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".map": "application/json; charset=utf-8",
};

export interface Server {
  readonly origin: string;
  /** Paths the server was asked for, in order. */
  readonly served: string[];
  close(): Promise<void>;
}

/**
 * A static server for `root` on 127.0.0.1 (a free port), plus `/__test__/axe.min.js` from
 * node_modules so the accessibility check loads under the page's own CSP ('self').
 */
export async function serve(root: string): Promise<Server> {
  const served: string[] = [];
  const axe = require.resolve("axe-core/axe.min.js", { paths: [ROOT] });
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    served.push(url.pathname);
    const file = url.pathname === "/__test__/axe.min.js" ? axe : path.join(root, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ""));
    if (!file.startsWith(root) && file !== axe) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" }).end(data);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    served,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function launch(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Fant ikke Chromium på ${CHROMIUM}. Installer Debians pakke: apt-get install -y chromium (det gjør .ci/run).`);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { chromium } = require("playwright-core") as typeof import("playwright-core");
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}
