/**
 * The help page (dist/hjelp.html) from its template, the generated custom-functions metadata
 * (functions.json, the same file Excel loads) and the examples table (examples.json).
 *
 * The function list comes from the metadata, so a function, parameter or help text cannot be on
 * the page without being in Excel, or the other way round. Each example gives the arguments as
 * `lonn fn` takes them and the result `lonn fn` prints; test/build/help.test.ts runs every
 * example through `lonn fn`, so no example on the page shows a wrong figure. The formula and the
 * result as the page shows them are derived here, never typed by hand.
 *
 * Examples (examples.json):
 *   "functions": { "<ID>": [ { "args": [...], "result": "<lonn fn output>", "format": "kr" } ] }
 *   "errors": [ { "id": "<ID>", "args": [...], "result": "#CODE: melding" } ]
 * An argument is a number, a text, or a range `{ "cells": "A1:C1", "values": [[1, 1, 1]] }`
 * (null = an empty cell). Formats: kr (two decimals), sats (a fraction, also as per cent),
 * heltall (a whole number), tekst (as is).
 *
 * Plain Node (CommonJS), no dependencies: webpack.config.js and the tests require it.
 */
"use strict";

const NBSP = "\u00a0";
const PLACEHOLDERS = ["<!-- lonn:innhold -->", "<!-- lonn:funksjoner -->", "<!-- lonn:feilmeldinger -->"];

/** Text for HTML element content and attribute values. */
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/** Excel's error values as a Norwegian Excel shows them (the functions' messages name the English code). */
const NORWEGIAN_ERRORS = { "#VALUE!": "#VERDI!", "#N/A": "#I/T", "#NUM!": "#TALL!", "#NAME?": "#NAVN?" };

/** "#VERDI! (#VALUE!)": the name in the cell of a Norwegian Excel, and the code the message starts with. */
function errorName(code) {
  const norwegian = NORWEGIAN_ERRORS[code];
  return norwegian ? `${norwegian} (${code})` : code;
}

const isRange = (arg) => arg !== null && typeof arg === "object" && !Array.isArray(arg);

/** A decimal number string ("-1234.5") with Norwegian digit grouping and decimal comma. */
function norwegianDecimal(text) {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new Error(`Ikke et desimaltall: «${text}»`);
  const grouped = m[2].replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return `${m[1]}${grouped}${m[3] ? `,${m[3]}` : ""}`;
}

/** A fraction string ("0.076") as per cent ("7,6"), by moving the decimal point: no float arithmetic. */
function percentOf(text) {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new Error(`Ikke et desimaltall: «${text}»`);
  const frac = (m[3] || "").padEnd(2, "0");
  const whole = String(Number(m[2] + frac.slice(0, 2)));
  const rest = frac.slice(2).replace(/0+$/, "");
  return `${m[1]}${whole}${rest ? `,${rest}` : ""}`;
}

/** One result value (a number or a text as `lonn fn` prints it) as the page shows it. */
function displayValue(value, format) {
  const text = String(value);
  if (text.startsWith("#")) return text.split(":")[0];
  switch (format) {
    case "kr":
      return norwegianDecimal(Number(text).toFixed(2));
    case "heltall":
      if (!/^-?\d+$/.test(text)) throw new Error(`Ikke et heltall: «${text}»`);
      return norwegianDecimal(text);
    case "sats":
      return `${norwegianDecimal(text)} (${percentOf(text)}${NBSP}%)`;
    case "tekst":
      return text;
    case "dato": {
      // lonn fn prints ISO dates; the cell shows the date as Norwegian Excel formats it.
      const m = text.match(/^(\d{4})-(\d{2})-(\d{2})$/);
      if (!m) throw new Error(`Ikke en dato: «${text}»`);
      return `${m[3]}.${m[2]}.${m[1]}`;
    }
    default:
      throw new Error(`Ukjent format «${format}» (kr, sats, heltall, tekst, dato)`);
  }
}

/** `lonn fn`'s output as rows of cells: a range result is JSON, anything else one cell. */
function resultCells(result) {
  if (result.startsWith("[")) return JSON.parse(result);
  return [[result]];
}

/** The result as the page shows it: one value, or a range's values row by row. */
function display(result, format) {
  return resultCells(result)
    .map((row) => row.map((v) => displayValue(v, format)).join(" | "))
    .join(" / ");
}

/** `lonn fn` reads these command-line texts as a number, an empty cell or a range, not as text. */
const NOT_TEXT_ON_CLI = /^([+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?|\[.*|)$/i;

/**
 * The arguments as `lonn fn` takes them on its command line. A text it would read as something
 * else ("0301" is the number 301 there) is refused: the formula would show a different input
 * than the one checked.
 */
function cliArgs(args) {
  return args.map((arg) => {
    if (isRange(arg)) return JSON.stringify(arg.values);
    if (typeof arg === "boolean") return arg ? "TRUE" : "FALSE";
    if (typeof arg === "string" && NOT_TEXT_ON_CLI.test(arg)) {
      throw new Error(`hjelp: teksten «${arg}» leses som noe annet enn tekst av lonn fn; bruk et område ({ "cells", "values" })`);
    }
    return String(arg);
  });
}

/** One argument as typed in a Norwegian Excel formula: decimal comma, text in quotes, ranges by address. */
function formulaArg(arg) {
  if (isRange(arg)) return arg.cells;
  if (typeof arg === "number") return String(arg).replace(".", ",");
  if (typeof arg === "boolean") return arg ? "SANN" : "USANN";
  return `"${String(arg).replace(/"/g, '""')}"`;
}

/** The formula a user types, with Norwegian Excel's argument separator (;). */
function formulaOf(id, args) {
  return `=LONN.${id}(${args.map(formulaArg).join(";")})`;
}

/** "der A1:C1 inneholder 1 | 1 | 1", for the ranges an example refers to. */
function cellsNote(args) {
  const notes = args.filter(isRange).map((arg) => {
    const values = arg.values.map((row) => row.map((v) => (v === null ? "tom" : String(v).replace(".", ","))).join(" | ")).join(" / ");
    return arg.values.flat().every((v) => v === null) ? `${arg.cells} er tom` : `${arg.cells} inneholder ${values}`;
  });
  return notes.length > 0 ? `der ${notes.join(" og ")}` : "";
}

/** The message part of an error result ("#N/A: …" → "…"), for a range result its first error. */
function errorMessage(result) {
  const first = resultCells(result).flat().find((v) => String(v).startsWith("#"));
  if (first === undefined) throw new Error(`Ikke en feil: ${result}`);
  const text = String(first);
  const colon = text.indexOf(": ");
  return colon < 0 ? { code: text, message: "" } : { code: text.slice(0, colon), message: text.slice(colon + 2) };
}

function signature(fn) {
  const params = (fn.parameters || []).map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `LONN.${fn.name}(${params.join("; ")})`;
}

function exampleRows(id, examples) {
  return examples
    .map((ex) => {
      const note = cellsNote(ex.args);
      return [
        "<tr>",
        `<td><code>${escapeHtml(formulaOf(id, ex.args))}</code>${note ? `<br><span class="merk">${escapeHtml(note)}</span>` : ""}</td>`,
        `<td class="resultat">${escapeHtml(display(ex.result, ex.format))}</td>`,
        "</tr>",
      ].join("");
    })
    .join("\n");
}

function functionSection(fn, examples) {
  const params = (fn.parameters || [])
    .map((p) => `<dt><code>${escapeHtml(p.name)}</code>${p.optional ? " (valgfri)" : ""}</dt><dd>${escapeHtml(p.description || "")}</dd>`)
    .join("\n");
  return [
    `<section class="funksjon" id="${escapeHtml(fn.id)}">`,
    `<h3><code>${escapeHtml(signature(fn))}</code></h3>`,
    `<p>${escapeHtml(fn.description || "")}</p>`,
    params ? `<dl class="argumenter">\n${params}\n</dl>` : "",
    examples.length > 0
      ? `<table class="eksempler"><thead><tr><th scope="col">Formel</th><th scope="col">Resultat</th></tr></thead><tbody>\n${exampleRows(fn.id, examples)}\n</tbody></table>`
      : "",
    "</section>",
  ]
    .filter((part) => part !== "")
    .join("\n");
}

function errorTable(errors) {
  const rows = errors.map((ex) => {
    const { code, message } = errorMessage(ex.result);
    const note = cellsNote(ex.args);
    return [
      "<tr>",
      `<td><code>${escapeHtml(formulaOf(ex.id, ex.args))}</code>${note ? `<br><span class="merk">${escapeHtml(note)}</span>` : ""}</td>`,
      `<td><code>${escapeHtml(errorName(code))}</code></td>`,
      `<td>${escapeHtml(message)}</td>`,
      "</tr>",
    ].join("");
  });
  return [
    '<table class="eksempler"><thead><tr><th scope="col">Formel</th><th scope="col">Feil</th><th scope="col">Meldingen</th></tr></thead><tbody>',
    ...rows,
    "</tbody></table>",
  ].join("\n");
}

/** Every function id an example names must be in the metadata (an example of nothing is drift too). */
function checkExamples(metadata, examples) {
  const ids = new Set(metadata.functions.map((fn) => fn.id));
  const named = [...Object.keys(examples.functions), ...examples.errors.map((e) => e.id)];
  const unknown = named.filter((id) => !ids.has(id));
  if (unknown.length > 0) throw new Error(`hjelp: eksempler for funksjoner som ikke finnes i functions.json: ${[...new Set(unknown)].join(", ")}`);
}

/** The finished page: the template with the table of contents, the functions and the error messages filled in. */
function renderPage(template, metadata, examples) {
  checkExamples(metadata, examples);
  for (const mark of PLACEHOLDERS) {
    if (!template.includes(mark)) throw new Error(`hjelp: malen mangler ${mark}`);
  }
  const toc = metadata.functions.map((fn) => `<li><a href="#${escapeHtml(fn.id)}"><code>LONN.${escapeHtml(fn.name)}</code></a></li>`).join("\n");
  const sections = metadata.functions.map((fn) => functionSection(fn, examples.functions[fn.id] || [])).join("\n\n");
  // Replacer functions, so a "$" in a help text is never read as a replacement pattern.
  return template
    .replace(PLACEHOLDERS[0], () => `<ul class="funksjonsliste">\n${toc}\n</ul>`)
    .replace(PLACEHOLDERS[1], () => sections)
    .replace(PLACEHOLDERS[2], () => errorTable(examples.errors));
}

module.exports = { renderPage, display, formulaOf, cliArgs, escapeHtml, errorMessage, errorName, PLACEHOLDERS };
