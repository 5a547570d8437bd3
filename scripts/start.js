#!/usr/bin/env node
/**
 * `npm start` / `npm run stop`: sideload the add-in into Excel desktop (Windows, macOS) with
 * office-addin-debugging. Excel desktop does not exist on Linux, so there we only explain how to
 * sideload into Excel on the web, and exit 0.
 *
 *   node scripts/start.js        build (development), start the dev server, sideload into Excel
 *   node scripts/start.js stop   stop debugging and unregister the add-in
 */
"use strict";

const { spawnSync } = require("child_process");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = "manifest.xml";
const command = process.argv[2] === "stop" ? "stop" : "start";

function linuxHelp() {
  const text = `
Lønnsavstemming – ${command === "start" ? "start" : "stopp"}

NORSK
  Excel for skrivebordet finnes ikke for Linux, så tillegget kan ikke sidelastes automatisk her.
  Bruk Excel på nettet i stedet:
    1. Kjør  npm run dev-server   (https://localhost:3000/, la den gå).
    2. Åpne en arbeidsbok på https://www.office.com/ (Excel på nettet) i en nettleser på denne maskinen.
    3. Hjem → Tillegg → Flere tillegg → Last opp mitt tillegg → velg manifest.xml i prosjektmappen.
  Eller publiser: kjør  ADDIN_PUBLIC_URL=https://din.server/sti/ npm run build , legg innholdet i dist/
  ut på den adressen, og last opp dist/manifest.xml på samme måte.
  Stopp: avslutt dev-serveren med Ctrl+C; fjern tillegget under Hjem → Tillegg → Mine tillegg.

ENGLISH
  Excel desktop does not exist on Linux, so the add-in cannot be sideloaded automatically here.
  Use Excel on the web instead:
    1. Run  npm run dev-server   (https://localhost:3000/, keep it running).
    2. Open a workbook on https://www.office.com/ (Excel on the web) in a browser on this machine.
    3. Home → Add-ins → More add-ins → Upload My Add-in → choose manifest.xml in the project folder.
  Or deploy: run  ADDIN_PUBLIC_URL=https://your.server/path/ npm run build , publish the contents
  of dist/ at that URL, and upload dist/manifest.xml the same way.
  To stop: end the dev server with Ctrl+C; remove the add-in under Home → Add-ins → My add-ins.
`;
  process.stdout.write(text);
}

/** Runs a Node CLI from node_modules with the current Node binary (no shell, works on Windows). */
function runNode(scriptPath, args) {
  const result = spawnSync(process.execPath, [scriptPath, ...args], { cwd: ROOT, stdio: "inherit" });
  if (result.error) {
    console.error(result.error.message);
    return 1;
  }
  return result.status === null ? 1 : result.status;
}

function main() {
  if (process.platform !== "win32" && process.platform !== "darwin") {
    linuxHelp();
    return 0;
  }
  const debugging = require.resolve("office-addin-debugging/cli.js", { paths: [ROOT] });
  if (command === "stop") {
    return runNode(debugging, ["stop", MANIFEST, "desktop"]);
  }
  const webpackCli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const built = runNode(webpackCli, ["--mode", "development"]);
  if (built !== 0) return built;
  return runNode(debugging, ["start", MANIFEST, "desktop", "--app", "excel", "--dev-server-port", "3000"]);
}

process.exitCode = main();
