#!/usr/bin/env node
/**
 * `npm run bench`: how fast the LONN functions are on one 100 000-row range, against plain
 * JavaScript float arithmetic on the same data in the same process.
 *
 * It runs the compiled function bodies in lib/ (built by `npm run build:cli`), i.e. the very
 * functions Excel calls, with the CLI's CustomFunctions stand-in. Each case is one call over the
 * whole range, as one spilled formula in Excel would be. Baselines build the same 2-D result shape:
 *   TRYGDEAVGIFT   Math.min(r * x, 0.25 * (x - N))
 *   AGA            x * r            (one zone)     /   x * RATE[zone]   (zone column)
 * Timing: warm-up runs, then the median of interleaved runs; "best" is the ratio of the fastest
 * runs. `npm run bench` starts node with a young generation large enough to hold one call's
 * 100 000 result rows (--max-semi-space-size=64) and without allocation-site pretenuring: with
 * V8's defaults, whether it happens to scavenge in the middle of a call and whether it decides
 * to pretenure the row arrays set the figure (the same float loop took 1 ms in one process and
 * 5 ms in the next; ours 2.8 or 5.4 ms), so the ratio measured GC luck, not the work done.
 * No forced GC between runs: a full GC clears type feedback and costs the next run a
 * deoptimisation that a real workbook would not see. Plain `node bench/functions.bench.js`
 * (after `npm run build:cli`) runs with V8's defaults.
 *
 * The bar is ours/baseline ≤ 3. Timing varies between machines and runs, so going over only
 * prints a warning; a wrong or failed result (an exception, an error cell, a figure off by more
 * than an øre from the float formula) exits 1.
 */
"use strict";

const path = require("path");

const LIB = path.resolve(__dirname, "..", "lib");
const { installCustomFunctionsShim, isFunctionError } = require(path.join(LIB, "cli", "custom-functions-shim.js"));
installCustomFunctionsShim();
const functions = require(path.join(LIB, "functions", "functions.js"));
const { TRYGDEAVGIFT } = require(path.join(LIB, "core", "rates", "trygdeavgift.js"));
const { AGA, ZONES } = require(path.join(LIB, "core", "rates", "aga.js"));

const ROWS = 100_000;
const DISTINCT = 3_000;
const WARMUP = 10;
const RUNS = 31;
const YEAR = 2026;
const BAR = 3;

/** Deterministic pseudo-random numbers (so every run benchmarks the same data). */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Monthly amounts 20 000–150 000 kr in whole øre, a few thousand distinct values, one per row. */
function amounts() {
  const next = random(20260601);
  const distinct = Array.from({ length: DISTINCT }, () => Math.round((20_000 + next() * 130_000) * 100) / 100);
  return Array.from({ length: ROWS }, () => [distinct[Math.floor(next() * DISTINCT)]]);
}

function zoneColumn() {
  const next = random(4711);
  return Array.from({ length: ROWS }, () => [ZONES[Math.floor(next() * ZONES.length)]]);
}

const data = amounts();
const zones = zoneColumn();
const trygd = TRYGDEAVGIFT[YEAR];
const lonnRate = Number(trygd.mellom);
const limit = trygd.nedreGrense;
const ramp = Number(trygd.opptrapping);
const RATE = Object.fromEntries(ZONES.map((z) => [z, Number(AGA[YEAR].ordinary[z])]));

const cases = [
  {
    name: "TRYGDEAVGIFT, one year and type",
    ours: () => functions.trygdeavgift(data, [[YEAR]], null),
    baseline: () => {
      const out = new Array(data.length);
      for (let i = 0; i < data.length; i++) {
        const x = data[i][0];
        out[i] = [Math.min(lonnRate * x, ramp * (x - limit))];
      }
      return out;
    },
    // The float formula has no lower-limit test; every amount here is above it... or 0.
    reference: (i) => (data[i][0] <= limit ? 0 : Math.min(lonnRate * data[i][0], ramp * (data[i][0] - limit))),
  },
  {
    name: "AGA, one zone (II)",
    ours: () => functions.aga(data, [["II"]], [[YEAR]], null),
    baseline: () => {
      const r = RATE.II;
      const out = new Array(data.length);
      for (let i = 0; i < data.length; i++) out[i] = [data[i][0] * r];
      return out;
    },
    reference: (i) => data[i][0] * RATE.II,
  },
  {
    name: "AGA, zone column (7 zones)",
    ours: () => functions.aga(data, zones, [[YEAR]], null),
    baseline: () => {
      const out = new Array(data.length);
      for (let i = 0; i < data.length; i++) out[i] = [data[i][0] * RATE[zones[i][0]]];
      return out;
    },
    reference: (i) => data[i][0] * RATE[zones[i][0]],
  },
];

/** A wrong result is a real error: the benchmark fails. */
function verify(c, result) {
  if (!Array.isArray(result) || result.length !== ROWS) throw new Error(`${c.name}: expected ${ROWS} rows, got ${result && result.length}`);
  for (let i = 0; i < ROWS; i++) {
    const row = result[i];
    if (!Array.isArray(row) || row.length !== 1) throw new Error(`${c.name}: row ${i + 1} is not one cell`);
    const value = row[0];
    if (isFunctionError(value)) throw new Error(`${c.name}: row ${i + 1} is ${value.code} ${value.message || ""}`);
    if (typeof value !== "number" || !Number.isFinite(value)) throw new Error(`${c.name}: row ${i + 1} is ${String(value)}`);
    if (Math.abs(value - c.reference(i)) > 0.0051) throw new Error(`${c.name}: row ${i + 1} is ${value}, float formula ${c.reference(i)}`);
  }
}

function time(fn) {
  const start = process.hrtime.bigint();
  const result = fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, result };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const perSecond = (ms) => `${((ROWS / ms) * 1000 / 1e6).toFixed(1)} M`;
const pad = (text, width) => String(text).padStart(width);

function main() {
  console.log(
    `LONN functions, one call over ${ROWS.toLocaleString("en-US")} rows (${DISTINCT} distinct amounts), year ${YEAR}; ` +
      `median of ${RUNS} runs after ${WARMUP} warm-up runs; node ${process.version}`,
  );
  console.log(`${"case".padEnd(34)}${pad("ours ms", 9)}${pad("rows/s", 9)}${pad("float ms", 10)}${pad("rows/s", 9)}${pad("ratio", 8)}${pad("best", 7)}`);
  let over = 0;
  for (const c of cases) {
    verify(c, c.ours());
    for (let k = 0; k < WARMUP; k++) {
      c.ours();
      c.baseline();
    }
    const ours = [];
    const base = [];
    for (let k = 0; k < RUNS; k++) {
      ours.push(time(c.ours).ms);
      base.push(time(c.baseline).ms);
    }
    const o = median(ours);
    const b = median(base);
    const ratio = o / b;
    const best = Math.min(...ours) / Math.min(...base);
    if (ratio > BAR) over++;
    console.log(
      `${c.name.padEnd(34)}${pad(o.toFixed(2), 9)}${pad(perSecond(o), 9)}${pad(b.toFixed(2), 10)}${pad(perSecond(b), 9)}` +
        `${pad(ratio.toFixed(2), 8)}${pad(best.toFixed(2), 7)}${ratio > BAR ? "  over the bar" : ""}`,
    );
  }
  console.log(over === 0 ? `All ratios ≤ ${BAR}.` : `Warning: ${over} case(s) over the bar of ${BAR} on this machine and run.`);
}

try {
  main();
} catch (err) {
  console.error(err && err.stack ? err.stack : String(err));
  process.exit(1);
}
