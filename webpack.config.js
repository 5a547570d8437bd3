/**
 * Webpack build for the add-in (shared runtime: one page, taskpane.html, carries both bundles).
 *
 *   npm run build       production build into dist/ (needs ADDIN_PUBLIC_URL; manifest URLs rewritten to it; no source maps)
 *   npm run build:dev   development build into dist/ (manifest unchanged, https://localhost:3000/)
 *   npm run dev-server  https://localhost:3000/ with office-addin-dev-certs certificates
 *
 * Output (dist/): taskpane.html, taskpane.css, taskpane.js, functions.js, functions.json (generated from the
 * JSDoc in src/functions/functions.ts), functions.en-US.json (if it exists), hjelp.html and hjelp.css
 * (the help page, built from functions.json: src/help/), assets/icon-*.png, manifest.xml.
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HelpPagePlugin = require("./src/help/plugin");

/** The URL every manifest.xml URL starts with during development. */
const DEV_URL = "https://localhost:3000/";
const DEV_SERVER_PORT = 3000;

const FUNCTIONS_FILE = "./src/functions/functions.ts";

/**
 * Reads and checks ADDIN_PUBLIC_URL (production builds only). Without it there is no address to
 * put in dist/manifest.xml, and a manifest full of placeholder URLs would install an add-in that
 * cannot load: so the build stops and says how to fix it.
 */
function publicUrl() {
  const fromEnv = process.env.ADDIN_PUBLIC_URL;
  if (!fromEnv) {
    throw new Error(
      "ADDIN_PUBLIC_URL er ikke satt: produksjonsbygget trenger adressen der dist/ skal publiseres, " +
        "f.eks. ADDIN_PUBLIC_URL=https://lonn.example.no/tillegg/ npm run build " +
        "(ADDIN_PUBLIC_URL is not set: the production build needs the address dist/ will be published at, " +
        "e.g. ADDIN_PUBLIC_URL=https://lonn.example.no/addin/ npm run build; for a local build use npm run build:dev)",
    );
  }
  if (!/^https:\/\/[^/]+\/(.*\/)?$/.test(fromEnv)) {
    throw new Error(
      `ADDIN_PUBLIC_URL må være en https-adresse som slutter med "/" ` +
        `(must be an https URL ending with "/"), e.g. https://lonn.example.no/addin/ – got "${fromEnv}"`,
    );
  }
  return fromEnv;
}

/** Replaces EVERY dev URL in the manifest (global regex), not only the first. */
function rewriteManifest(content, url) {
  const devUrlPattern = new RegExp(DEV_URL.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"), "g");
  return content.toString().replace(devUrlPattern, url);
}

/**
 * HTTPS options for `webpack serve` from office-addin-dev-certs (it generates a dev CA and a
 * localhost certificate in ~/.office-addin-dev-certs and installs the CA as trusted).
 * On Linux the CA install needs sudo. If it fails we explain, and still serve with the generated
 * certificate (trust ca.crt by hand), or with webpack's own self-signed one if none was generated.
 */
async function devServerHttps() {
  const devCerts = require("office-addin-dev-certs");
  try {
    const { ca, key, cert } = await devCerts.getHttpsServerOptions();
    return { type: "https", options: { ca, key, cert } };
  } catch (err) {
    const reason = err && err.message ? err.message.split("\n")[0] : String(err);
    const dir = path.join(os.homedir(), ".office-addin-dev-certs");
    const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
    const generated = Object.values(files).every((f) => fs.existsSync(path.join(dir, f)));
    console.warn(
      [
        "",
        "[lonn] Kunne ikke installere utviklersertifikatet (office-addin-dev-certs) som klarert.",
        "[lonn] Could not install the development CA certificate (office-addin-dev-certs) as trusted.",
        `[lonn]   ${reason}`,
        "[lonn] På Linux trengs sudo / On Linux this needs sudo:  sudo npx office-addin-dev-certs install",
        ...(generated
          ? [
              `[lonn] Bruker likevel sertifikatet i ${dir}; importer ca.crt som klarert rotsertifikat i nettleseren.`,
              `[lonn] Serving with the certificate in ${dir} anyway; import ca.crt as a trusted root in your browser.`,
            ]
          : [
              "[lonn] Bruker et selvsignert sertifikat; åpne https://localhost:3000/taskpane.html og godta det først.",
              "[lonn] Serving with a self-signed certificate; open https://localhost:3000/taskpane.html and accept it first.",
            ]),
        "",
      ].join("\n"),
    );
    if (!generated) return { type: "https" };
    const read = (f) => fs.readFileSync(path.join(dir, f));
    return { type: "https", options: { ca: read(files.ca), cert: read(files.cert), key: read(files.key) } };
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const manifestUrl = dev ? DEV_URL : publicUrl();

  return {
    mode: dev ? "development" : "production",
    // Development: separate .map files, never eval-based (the task pane's CSP forbids 'unsafe-eval').
    // Production: no maps at all, so dist/ does not publish the TypeScript sources next to the add-in.
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/taskpane.ts",
      functions: FUNCTIONS_FILE,
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".js"],
    },
    module: {
      rules: [
        {
          // decimal.js's 1 025-digit LN10 and PI serve only methods we never call (see the loader).
          test: /[\\/]decimal\.js[\\/]decimal\.mjs$/,
          use: path.resolve(__dirname, "scripts/trim-decimal-constants.js"),
        },
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: path.resolve(__dirname, "tsconfig.build.json"),
              // Report type errors only for files that end up in a bundle
              // (src/cli and the tests are checked by `npm run typecheck`).
              onlyCompileBundledFiles: true,
            },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: FUNCTIONS_FILE,
      }),
      // hjelp.html: the manifest's SupportUrl and LearnMoreUrl, rendered from the functions.json above.
      new HelpPagePlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the one page runs the task pane and the custom functions.
        chunks: ["taskpane", "functions"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          // The task pane's stylesheet, linked from taskpane.html (no CSS loader needed).
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : rewriteManifest(content, manifestUrl)),
          },
          {
            from: "src/functions/functions.en-US.json",
            to: "functions.en-US.json",
            noErrorOnMissing: true,
          },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      port: DEV_SERVER_PORT,
      headers: { "Access-Control-Allow-Origin": "*" },
      // Only `webpack serve` needs certificates; `webpack build` never asks for them.
      server: serving ? await devServerHttps() : "https",
      static: false, // everything is served from the webpack build
      hot: false, // live reload is enough; keeps the HMR runtime out of functions.js
      client: { overlay: { warnings: false } },
    },
  };
};

module.exports.DEV_URL = DEV_URL;
module.exports.rewriteManifest = rewriteManifest;
