#!/usr/bin/env node
/**
 * The SPK reconciliation's export readers on a large employer (issue 12: "a 720 000-line SAP
 * wage-type export (20 000 employees, a year, three wage types; 40 MB) took about 11 s and 690 MB
 * through `lonn avstem --sap …`, eight times the time and 3,5 times the memory of simply reading the
 * file, splitting the lines and parsing the amounts"), each against that floor measured in the same run.
 *
 *   npm run build:cli && node bench/exports.bench.js [--rounds N] [--keep]
 *
 * Generated in a temporary folder: SAP (720 000 lines: 20 000 employees × 12 months × 3 wage types,
 * with the employee number, so no two lines are copies), Unit4 (720 000 postings on 5420, 2810, 2630) and the SPK
 * invoice (120 000 lines: 20 000 members × 6 termins, with «Sum n. termin» lines that add up).
 * Each case runs in its own Node process (its peak memory, maxRSS, is its own):
 *   floor-X   read the file, split it into lines and fields and parse every amount (parseFloat of the
 *             cleaned text; the last field of a SAP or Unit4 line, the four amount fields of an SPK line)
 *   X         what `lonn avstem --sap/--unit4/--spk` does with it: the CLI's CSV reader (streamed
 *             decoder and parser, src/cli/files readCsvFile) and core's reader (readSap, readUnit4, readSpk)
 * Ratios X / floor-X for time (cpu, which counts the garbage collector's threads too, and wall) and
 * peak memory; the bar is ≤ 2. Timing varies with the machine,
 * so going over prints a warning; a wrong total (the reader's figures against the generator's) exits 1.
 */
"use strict";

const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const LIB = path.join(ROOT, "lib");
const BAR = 2;
const EMPLOYEES = 20_000;
const AAR = 2024;

function argument(name, fallback) {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
}

/** A deterministic generator (xorshift32), so every run reads the same files. */
function random(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

/** Øre as Norwegian text: 1 234 567,89. */
function kr(ore) {
  const neg = ore < 0;
  const a = Math.abs(ore);
  const whole = String(Math.floor(a / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${neg ? "-" : ""}${whole},${String(a % 100).padStart(2, "0")}`;
}

/** The three files and the øre totals per termin a reader must find. */
function makeFiles(dir) {
  const rnd = random(13);
  const termin = (month) => Math.ceil(month / 2);
  const sapAg = new Array(6).fill(0);
  const sapMedlem = new Array(6).fill(0);
  const sap = ["Lønnsartrapport CUS&OPAL34 – Benkeetaten", "", "Ansattnr;Lønnsart;Lønnsarttekst;For-periode;I-periode;Antall;Beløp"];
  const unit4D = new Array(6).fill(0);
  const unit4 = ["Konto;Kontonavn;Periode;Bilagsart;Bilagsnr;Tekst;Beløp"];
  for (let e = 1; e <= EMPLOYEES; e++) {
    for (let m = 1; m <= 12; m++) {
      const period = `${String(m).padStart(2, "0")}.${AAR}`;
      const ag = 200_000 + Math.floor(rnd() * 800_000);
      const afp = 10_000 + Math.floor(rnd() * 40_000);
      const medlem = 50_000 + Math.floor(rnd() * 150_000);
      sap.push(`${e};7300;SPK arbeidsgiverandel;${period};${period};1;${kr(ag)}`);
      sap.push(`${e};7301;SPK AFP;${period};${period};1;${kr(afp)}`);
      sap.push(`${e};7350;SPK medlemsinnskudd;${period};${period};1;${kr(medlem)}-`);
      sapAg[termin(m) - 1] += ag + afp;
      sapMedlem[termin(m) - 1] -= medlem;
      const p = `${AAR}${String(m).padStart(2, "0")}`;
      unit4.push(`5420;Pensjonspremie;${p};B1;${e}${p};Premie ${e};${kr(ag + afp)}`);
      unit4.push(`2810;Avsetning AG;${p};B1;${e}${p};Premie ${e};${kr(-(ag + afp))}`);
      unit4.push(`2630;Medlemsandel;${p};B1;${e}${p};Trekk ${e};${kr(-medlem)}`);
      unit4D[termin(m) - 1] += ag + afp;
    }
  }
  const spkAg = new Array(6).fill(0);
  const spk = ["Ansattnr;Fakturanr;Termin;Produkt;Beskrivelse;Medlemsandel;Arbeidsgiverandel;Adm.gebyr;Totalt"];
  for (let t = 1; t <= 6; t++) {
    const sum = [0, 0, 0];
    for (let e = 1; e <= EMPLOYEES; e++) {
      const med = 100_000 + Math.floor(rnd() * 300_000);
      const ag = 400_000 + Math.floor(rnd() * 1_600_000);
      const adm = 1_000 + Math.floor(rnd() * 5_000);
      spk.push(`${e};24${t}0001;${t}. termin;PEN;Pensjon;${kr(med)};${kr(ag)};${kr(adm)};${kr(med + ag + adm)}`);
      sum[0] += med;
      sum[1] += ag;
      sum[2] += adm;
    }
    spk.push(`;24${t}0001;${t}. termin;Sum ${t}. termin;;${kr(sum[0])};${kr(sum[1])};${kr(sum[2])};${kr(sum[0] + sum[1] + sum[2])}`);
    spkAg[t - 1] = sum[1] + sum[2];
  }
  const files = { sap: path.join(dir, "sap.csv"), unit4: path.join(dir, "unit4.csv"), spk: path.join(dir, "spk.csv") };
  fs.writeFileSync(files.sap, sap.join("\r\n") + "\r\n");
  fs.writeFileSync(files.unit4, unit4.join("\r\n") + "\r\n");
  fs.writeFileSync(files.spk, spk.join("\r\n") + "\r\n");
  return { files, lines: { sap: sap.length - 3, unit4: unit4.length - 1, spk: spk.length - 1 }, expected: { sap: [sapAg, sapMedlem], unit4: unit4D, spk: spkAg } };
}

// ---------------------------------------------------------------------------------------------
// Child: one case, timed.
// ---------------------------------------------------------------------------------------------

async function child(kind, file) {
  const { readCsvFile } = require(path.join(LIB, "cli", "files.js"));
  const { readSap, readUnit4, readSpk } = require(path.join(LIB, "core", "import", "index.js"));
  const { isProblems } = require(path.join(LIB, "core", "problem", "problem.js"));
  const must = (r) => {
    if (isProblems(r)) throw new Error(r.message);
    return r;
  };
  const grid = async () => ({ sheet: path.basename(file), values: must(await readCsvFile(file)).values });
  const lonnsarter = { arbeidsgiverandel: ["7300", "7301"], medlemsinnskudd: ["7350"] };
  const cases = {
    /** Read, split into lines, parse the last amount of each line: the floor the issue names. */
    floor: () => {
      const lines = fs.readFileSync(file, "utf8").split("\n");
      // The amount columns at the end of each line: one in SAP and Unit4, four in the SPK invoice.
      const amounts = path.basename(file).startsWith("spk") ? 4 : 1;
      let sum = 0;
      for (const line of lines) {
        const fields = line.split(";");
        for (let k = fields.length - amounts; k < fields.length; k++) {
          const v = parseFloat((fields[k] ?? "").replace(/[\s\u00a0]/g, "").replace(",", "."));
          if (!Number.isNaN(v)) sum += v;
        }
      }
      return { lines: lines.length, sum };
    },
    sap: async () => must(readSap(await grid(), { aar: AAR, lonnsarter })).terminer.map((t) => [t.arbeidsgiverandel, t.medlemsinnskudd]),
    unit4: async () => must(readUnit4(await grid(), { aar: AAR, budsjettering: "brutto" })).terminer.map((t) => t.pensjonsutgift),
    spk: async () => must(readSpk(await grid(), { aar: AAR })).terminer.map((t) => t.arbeidsgiverandelInklAdm),
  };
  const run = cases[kind];
  const runs = Number(argument("--runs", "1"));
  let result;
  const times = [];
  for (let i = 0; i <= runs; i++) {
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    result = await run();
    const wall = Number(process.hrtime.bigint() - t0) / 1e6;
    const cpu = process.cpuUsage(cpu0);
    if (i > 0) times.push({ wall, cpu: (cpu.user + cpu.system) / 1000 });
  }
  const best = (k) => times.reduce((m, t) => Math.min(m, t[k]), Infinity);
  process.stdout.write(JSON.stringify({ kind, wall: best("wall"), cpu: best("cpu"), maxRss: process.resourceUsage().maxRSS * 1024, result }));
}

// ---------------------------------------------------------------------------------------------
// Parent: make the files, run the cases, compare.
// ---------------------------------------------------------------------------------------------

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes) => `${(bytes / 1048576).toFixed(0)} MB`;

async function parent() {
  if (!fs.existsSync(path.join(LIB, "cli", "files.js"))) {
    console.error("lib/ is missing: run `npm run build:cli` first.");
    process.exit(1);
  }
  const rounds = Number(argument("--rounds", "3"));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lonn-exports-bench-"));
  try {
    const t0 = Date.now();
    const { files, lines, expected } = makeFiles(dir);
    const size = (k) => fs.statSync(files[k]).size;
    console.log(
      `Exports: SAP ${lines.sap} lines (${mb(size("sap"))}), Unit4 ${lines.unit4} (${mb(size("unit4"))}), SPK ${lines.spk} (${mb(size("spk"))}); made in ${((Date.now() - t0) / 1000).toFixed(1)} s in ${dir}`,
    );
    const readers = ["sap", "unit4", "spk"];
    const samples = {};
    for (let r = 0; r < rounds; r++) {
      for (const reader of readers) {
        for (const kind of ["floor", reader]) {
          const key = kind === "floor" ? `floor-${reader}` : reader;
          const out = execFileSync(process.execPath, [__filename, "--child", kind, files[reader]], { maxBuffer: 1 << 26, encoding: "utf8" });
          (samples[key] ??= []).push(JSON.parse(out));
        }
      }
    }
    const wrong = [];
    if (JSON.stringify(samples.sap[0].result) !== JSON.stringify(expected.sap[0].map((ag, k) => [ag, expected.sap[1][k]]))) wrong.push("SAP: the reader's totals differ from the generator's");
    if (JSON.stringify(samples.unit4[0].result) !== JSON.stringify(expected.unit4)) wrong.push("Unit4: the reader's totals differ from the generator's");
    if (JSON.stringify(samples.spk[0].result) !== JSON.stringify(expected.spk)) wrong.push("SPK: the reader's totals differ from the generator's");

    const figure = (k) => ({ wall: median(samples[k].map((s) => s.wall)), cpu: median(samples[k].map((s) => s.cpu)), rss: median(samples[k].map((s) => s.maxRss)) });
    console.log(`\n${"case".padEnd(12)} ${"wall".padStart(9)} ${"cpu".padStart(9)} ${"peak RSS".padStart(10)}`);
    for (const k of Object.keys(samples)) {
      const f = figure(k);
      console.log(`${k.padEnd(12)} ${`${f.wall.toFixed(0)} ms`.padStart(9)} ${`${f.cpu.toFixed(0)} ms`.padStart(9)} ${mb(f.rss).padStart(10)}`);
    }
    console.log("");
    const over = [];
    for (const reader of readers) {
      const r = figure(reader);
      const f = figure(`floor-${reader}`);
      for (const [what, ratio] of [["time (cpu)", r.cpu / f.cpu], ["time (wall)", r.wall / f.wall], ["peak memory", r.rss / f.rss]]) {
        const name = `${reader} / floor, ${what}`;
        console.log(`${name.padEnd(28)} ${ratio.toFixed(2)}`);
        if (ratio > BAR) over.push([name, ratio]);
      }
    }
    for (const [name, ratio] of over) console.warn(`warning: ${name} is ${ratio.toFixed(2)}, over the bar of ${BAR} (timing varies with the machine and its load)`);
    if (wrong.length > 0) {
      for (const w of wrong) console.error(`error: ${w}`);
      process.exitCode = 1;
    }
  } finally {
    if (!process.argv.includes("--keep")) fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--child")
  child(process.argv[3], process.argv[4]).catch((e) => {
    console.error(e);
    process.exit(1);
  });
else
  parent().catch((e) => {
    console.error(e);
    process.exit(1);
  });
