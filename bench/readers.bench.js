#!/usr/bin/env node
/**
 * The trekk readers on a large firm (issue: "2 000 employees: a year of a-melding XML and a SAF-T
 * file of 200 000 lines read in a few seconds on this 2-core machine, streaming"), against the floor:
 * reading the same files and tokenising them with the same tokenizer, discarding the events.
 *
 *   npm run build:cli && node bench/readers.bench.js [--rounds N] [--keep]
 *
 * The inputs are made by scripts/make-trekk-samples.mjs at a larger size (2 000 employees, 13
 * a-meldinger with one inntektsmottaker per employee, a SAF-T 1.30 ledger of 200 000+ lines) in a
 * temporary folder. Each case runs in its own Node process (so its peak memory, maxRSS, is its
 * own), streaming the files in 1 MiB chunks as the CLI does (src/cli/stream-xml), once to warm up
 * and then measured; rounds alternate the cases, and the medians are compared:
 *   io       read and decode the files only (for reference)
 *   floor    read, decode and tokenise every XML file with our tokenizer, events discarded
 *   readers  the a-melding reader on the 13 files + combining them, and the SAF-T reader (4 accounts)
 *   saxes    the floor with saxes instead of our tokenizer, when saxes is installed (the tokenizer choice)
 *   readers-saxes  the readers on saxes through the XmlTokenizerFactory seam (same figures required)
 *   csv-floor / csv-readers   parsing the CSV files / parsing them and running the four CSV readers
 *   import   the whole import form of `lonn trekk` (src/cli/trekk-import: the oppsett, the 13
 *            a-meldinger and the SAF-T file streamed as the CLI streams them, the four CSV files,
 *            the scenario put together and reconciled by core), against the floor and against
 *            floor + csv-floor (every byte read and tokenised or parsed); its figures must be the
 *            model's on the generator's scenario
 * Ratios are readers/floor for time (CPU and wall) and peak memory; the bar is ≤ 2. Timing varies with
 * the machine and its load, so going over only prints a warning; a wrong result (the readers' figures
 * differ from what the generator computed) exits 1.
 */
"use strict";

const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const LIB = path.join(ROOT, "lib");
const BAR = 2;
const KONTOER = ["2600", "2770", "2640", "2650"];
const EMPLOYEES = 2000;
const FILLER_LINES = 205_000;

function argument(name, fallback) {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
}

/** The reconciliation's figures, to compare the import form's run with the model's on the generator's scenario. */
function modelFigures(a) {
  return { kontroller: a.kontroller, forskuddstrekk: a.forskuddstrekk, aga: a.aga, mottakere: a.mottakere, flags: a.flags };
}

// ---------------------------------------------------------------------------------------------
// Child: one case, timed.
// ---------------------------------------------------------------------------------------------

function streamFile(file, sink) {
  const fd = fs.openSync(file, "r");
  const buf = Buffer.allocUnsafe(1 << 20);
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      const text = decoder.decode(buf.subarray(0, n), { stream: true });
      if (text.length > 0) sink.write(text);
    }
    const rest = decoder.decode();
    if (rest.length > 0) sink.write(rest);
  } finally {
    fs.closeSync(fd);
  }
}

async function child(kind, dir) {
  const { createXmlTokenizer } = require(path.join(LIB, "core", "import", "xml", "tokenizer.js"));
  const { createAmeldingReader, combineAmeldinger } = require(path.join(LIB, "core", "import", "amelding.js"));
  const { createSaftReader } = require(path.join(LIB, "core", "import", "saft.js"));
  const { parseCsv } = require(path.join(LIB, "core", "import", "csv.js"));
  const { readLedgerCsv } = require(path.join(LIB, "core", "import", "ledger-csv.js"));
  const { readPayrollJournal } = require(path.join(LIB, "core", "import", "payroll-journal.js"));
  const { readPayments } = require(path.join(LIB, "core", "import", "payments.js"));
  const { readCounterparties } = require(path.join(LIB, "core", "import", "counterparties.js"));
  const { isProblems } = require(path.join(LIB, "core", "problem", "problem.js"));

  const names = fs.readdirSync(dir).sort();
  const xml = names.filter((n) => n.endsWith(".xml")).map((n) => path.join(dir, n));
  const ameldinger = xml.filter((f) => path.basename(f).startsWith("amelding-"));
  const saft = xml.find((f) => path.basename(f).startsWith("saft-"));
  const csvText = (n) => fs.readFileSync(path.join(dir, n), "utf8");
  const noop = { openElement() {}, text() {}, closeElement() {} };
  const must = (r) => {
    if (isProblems(r)) throw new Error(r.message);
    return r;
  };

  const cases = {
    io: () => {
      for (const f of xml) streamFile(f, { write() {} });
    },
    floor: () => {
      for (const f of xml) {
        const tok = createXmlTokenizer(noop);
        streamFile(f, tok);
        tok.end();
        if (tok.problem) throw new Error(JSON.stringify(tok.problem));
      }
    },
    saxes: () => {
      const { SaxesParser } = require("saxes");
      for (const f of xml) {
        const p = new SaxesParser({ xmlns: true, position: true });
        p.on("error", (e) => {
          throw e;
        });
        p.on("opentag", () => {});
        p.on("text", () => {});
        p.on("closetag", () => {});
        streamFile(f, p);
        p.close();
      }
    },
    readers: (tokenizer) => {
      const files = ameldinger.map((f) => {
        const r = createAmeldingReader(path.basename(f), tokenizer);
        streamFile(f, r);
        return r.end();
      });
      const amelding = must(combineAmeldinger(files, { aar: 2026 }));
      const reader = createSaftReader({ file: path.basename(saft), kontoer: KONTOER, aar: 2026 }, tokenizer);
      streamFile(saft, reader);
      const ledger = must(reader.end());
      return { amelding: amelding.maaneder, hovedbok: ledger.hovedbok, lines: ledger.summary.linjer };
    },
    // The same readers on saxes, through the XmlTokenizerFactory seam: what swapping the tokenizer would give.
    "readers-saxes": () => cases.readers(saxesTokenizer),
    "csv-floor": () => {
      for (const n of names.filter((x) => x.endsWith(".csv"))) must(parseCsv(csvText(n), { sheet: n }));
    },
    "csv-readers": () => {
      const sheet = (n) => ({ sheet: n, values: must(parseCsv(csvText(n), { sheet: n })).values });
      return {
        hovedbok: must(readLedgerCsv(sheet("hovedbok-2026.csv"), { kontoer: KONTOER, aar: 2026 })).hovedbok,
        lonnskjoringer: must(readPayrollJournal(sheet("lonnsjournal-2026.csv"), { aar: 2026 })).lonnskjoringer,
        betalinger: must(readPayments(sheet("betalinger-2026.csv"), { aar: 2026 })).betalinger,
        mottakere: must(readCounterparties(sheet("trekklister-2026.csv"))).mottakere,
      };
    },
    import: async () => {
      const { readTrekkImport } = require(path.join(LIB, "cli", "trekk-import.js"));
      const at = (n) => path.join(dir, n);
      const read = must(
        await readTrekkImport({
          amelding: ameldinger,
          hovedbok: saft,
          lonn: at("lonnsjournal-2026.csv"),
          betalinger: at("betalinger-2026.csv"),
          fakturaer: at("trekklister-2026.csv"),
          oppsett: at("oppsett-2026.json"),
        }),
      );
      return modelFigures(read.run.avstemming);
    },
  };
  /** saxes behind our tokenizer interface (xmlns on; its first error becomes the problem). */
  function saxesTokenizer(handler) {
    const { SaxesParser } = require("saxes");
    const p = new SaxesParser({ xmlns: true, position: true });
    let problem;
    let stopped = false;
    p.on("error", (e) => {
      problem ??= { row: p.line, message: `XML-feil: ${e.message}` };
    });
    p.on("opentag", (tag) => {
      if (stopped || problem) return;
      const attributes = Object.values(tag.attributes).map((a) => ({ name: a.name, local: a.local, uri: a.uri, value: a.value }));
      handler.openElement(tag.local, tag.uri, attributes);
    });
    p.on("text", (t) => !stopped && !problem && handler.text(t));
    p.on("cdata", (t) => !stopped && !problem && handler.text(t));
    p.on("closetag", (tag) => !stopped && !problem && handler.closeElement(tag.local, tag.uri));
    return {
      write: (chunk) => !stopped && !problem && p.write(chunk),
      end: () => !stopped && !problem && p.close(),
      stop: () => (stopped = true),
      line: () => p.line,
      get problem() {
        return problem;
      },
    };
  }
  const run = cases[kind];
  const runs = Number(argument("--runs", "2"));
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
  const best = (k) => Math.min(...times.map((t) => t[k]));
  process.stdout.write(JSON.stringify({ kind, wall: best("wall"), cpu: best("cpu"), maxRss: process.resourceUsage().maxRSS * 1024, result }));
}

// ---------------------------------------------------------------------------------------------
// Parent: make the inputs, run the cases, compare.
// ---------------------------------------------------------------------------------------------

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const mb = (bytes) => `${(bytes / 1048576).toFixed(0)} MB`;

/** The scenario's kroner as øre, like the readers give them. */
function toOre(value, key = "") {
  const AMOUNTS = new Set(["belop", "ib", "grunnlag", "forskuddstrekk", "forsikringstrekk", "fagforeningstrekk", "sumForskuddstrekk", "sumArbeidsgiveravgift"]);
  if (Array.isArray(value)) return value.map((v) => toOre(v));
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, key === "kontoer" ? v : toOre(v, k)]));
  return typeof value === "number" && AMOUNTS.has(key) ? Math.round(value * 100) : value;
}

function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

async function parent() {
  if (!fs.existsSync(path.join(LIB, "core", "import", "amelding.js"))) {
    console.error("lib/ is missing the readers: run `npm run build:cli` first.");
    process.exit(1);
  }
  const rounds = Number(argument("--rounds", "3"));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lonn-readers-bench-"));
  try {
    const { buildTrekkSamples } = await import(path.join(ROOT, "scripts", "make-trekk-samples.mjs"));
    const t0 = Date.now();
    const { files, scenario } = buildTrekkSamples({ employees: EMPLOYEES, fillerLines: FILLER_LINES });
    let bytes = 0;
    for (const [name, content] of Object.entries(files)) {
      if (name.startsWith("trekk-scenario-")) continue;
      fs.writeFileSync(path.join(dir, name), content);
      bytes += Buffer.byteLength(content);
    }
    const expected = toOre(scenario);
    const xmlBytes = Object.entries(files).filter(([n]) => n.endsWith(".xml")).reduce((s, [, c]) => s + Buffer.byteLength(c), 0);
    console.log(`Inputs: ${Object.keys(files).length - 1} files, ${mb(bytes)} (XML ${mb(xmlBytes)}), ${EMPLOYEES} employees, made in ${((Date.now() - t0) / 1000).toFixed(1)} s in ${dir}`);

    let saxes = true;
    try {
      require.resolve("saxes");
    } catch {
      saxes = false;
    }
    const all = ["io", "floor", "readers", ...(saxes ? ["saxes", "readers-saxes"] : []), "csv-floor", "csv-readers", "import"];
    const only = argument("--cases", undefined);
    const kinds = only ? all.filter((k) => ["floor", "readers", "csv-floor", "csv-readers", "import", ...only.split(",")].includes(k)) : all;
    const samples = Object.fromEntries(kinds.map((k) => [k, []]));
    for (let r = 0; r < rounds; r++) {
      for (const kind of kinds) {
        const out = execFileSync(process.execPath, [__filename, "--child", kind, dir], { maxBuffer: 1 << 28, encoding: "utf8" });
        samples[kind].push(JSON.parse(out));
      }
    }

    // A wrong result is a real error.
    const wrong = [];
    const read = samples.readers[0].result;
    if (!same(read.amelding, expected.amelding)) wrong.push("the a-melding reader's months differ from the generator's");
    if (!same(read.hovedbok, expected.hovedbok)) wrong.push("the SAF-T reader's accounts differ from the generator's");
    if (read.lines < 200_000) wrong.push(`the SAF-T file has ${read.lines} lines, fewer than 200 000`);
    const csv = samples["csv-readers"][0].result;
    for (const key of ["hovedbok", "lonnskjoringer", "betalinger", "mottakere"]) if (!same(csv[key], expected[key])) wrong.push(`the CSV readers' ${key} differ from the generator's`);
    // The import form's reconciliation is the model's on the generator's scenario (the scenario form's run).
    const { parseTrekkScenario } = require(path.join(LIB, "core", "trekk", "scenario.js"));
    const { runTrekk } = require(path.join(LIB, "core", "usecase", "trekk.js"));
    const { isProblems } = require(path.join(LIB, "core", "problem", "problem.js"));
    const parsed = parseTrekkScenario(scenario);
    const modelRun = isProblems(parsed) ? parsed : runTrekk({ source: "", scenario: parsed, notes: [] });
    if (isProblems(modelRun)) wrong.push(`the generator's scenario does not run: ${modelRun.message}`);
    else if (!same(samples.import[0].result, modelFigures(modelRun.avstemming))) wrong.push("the import form's reconciliation differs from the scenario form's");

    const figure = (kind) => ({ wall: median(samples[kind].map((s) => s.wall)), cpu: median(samples[kind].map((s) => s.cpu)), rss: median(samples[kind].map((s) => s.maxRss)) });
    const f = Object.fromEntries(kinds.map((k) => [k, figure(k)]));
    console.log(`\n${"case".padEnd(14)} ${"wall".padStart(9)} ${"cpu".padStart(9)} ${"peak RSS".padStart(10)}`);
    for (const k of kinds) console.log(`${k.padEnd(14)} ${`${f[k].wall.toFixed(0)} ms`.padStart(9)} ${`${f[k].cpu.toFixed(0)} ms`.padStart(9)} ${mb(f[k].rss).padStart(10)}`);
    console.log(`\nSAF-T lines: ${read.lines}; a-melding months: ${read.amelding.length}; XML throughput of the readers: ${(xmlBytes / 1048576 / (f.readers.wall / 1000)).toFixed(0)} MB/s (wall)`);
    const ratios = [
      ["readers / floor, time (cpu)", f.readers.cpu / f.floor.cpu],
      ["readers / floor, time (wall)", f.readers.wall / f.floor.wall],
      ["readers / floor, peak memory", f.readers.rss / f.floor.rss],
      ["csv-readers / csv-floor, time (cpu)", f["csv-readers"].cpu / f["csv-floor"].cpu],
      ["import / floor, time (wall)", f.import.wall / f.floor.wall],
      ["import / (floor + csv-floor), time (wall)", f.import.wall / (f.floor.wall + f["csv-floor"].wall)],
      ["import / floor, peak memory", f.import.rss / f.floor.rss],
    ];
    if (kinds.includes("saxes")) ratios.push(["our tokenizer / saxes, time (cpu)", f.floor.cpu / f.saxes.cpu]);
    if (kinds.includes("readers-saxes")) {
      ratios.push(["readers on ours / readers on saxes (cpu)", f.readers.cpu / f["readers-saxes"].cpu]);
      const viaSaxes = samples["readers-saxes"][0].result;
      if (!same(viaSaxes.amelding, expected.amelding) || !same(viaSaxes.hovedbok, expected.hovedbok)) wrong.push("the readers on saxes give other figures");
    }
    console.log("");
    for (const [name, ratio] of ratios) console.log(`${name.padEnd(42)} ${ratio.toFixed(2)}`);
    const over = ratios.slice(0, 3).filter(([, r]) => r > BAR);
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
