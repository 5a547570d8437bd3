/**
 * The help page's sources (src/help): every LONN function has an example, every example shows
 * what `lonn fn` (the very function body Excel runs) gives, and the page is derived, escaped and
 * formatted the Norwegian way. test/build/webpack.test.ts checks the built dist/hjelp.html.
 */
import * as fs from "fs";
import * as nodePath from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import type { CliIO } from "../../src/cli/io";
import { run } from "../../src/cli/main";

const ROOT = nodePath.resolve(__dirname, "..", "..");
const HELP = nodePath.join(ROOT, "src", "help");

type Arg = number | string | { cells: string; values: unknown[][] };
interface Example {
  args: Arg[];
  result: string;
  format?: string;
}
interface ErrorExample extends Example {
  id: string;
}
interface Examples {
  functions: Record<string, Example[]>;
  errors: ErrorExample[];
}
interface Metadata {
  functions: Array<{ id: string; name: string; description?: string; parameters?: Array<{ name: string; optional?: boolean; description?: string }> }>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const render = require(nodePath.join(HELP, "render.js")) as {
  renderPage(template: string, metadata: Metadata, examples: Examples): string;
  display(result: string, format: string): string;
  formulaOf(id: string, args: Arg[]): string;
  cliArgs(args: Arg[]): string[];
  errorName(code: string): string;
  PLACEHOLDERS: string[];
};

const examples = JSON.parse(fs.readFileSync(nodePath.join(HELP, "examples.json"), "utf8")) as Examples;
const template = fs.readFileSync(nodePath.join(HELP, "hjelp.html"), "utf8");
const NBSP = "\u00a0";

async function lonnFn(id: string, args: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  const io: CliIO = { out: (t) => (out += `${t}\n`), err: (t) => (out += `${t}\n`) };
  const code = await run(["fn", id, ...args], io);
  return { code, out: out.trimEnd() };
}

let metadata: Metadata;

beforeAll(async () => {
  // The generator the webpack plugin runs for functions.json.
  const generated = await generateCustomFunctionsMetadata(nodePath.join(ROOT, "src", "functions", "functions.ts"));
  expect(generated.errors).toEqual([]);
  metadata = JSON.parse(generated.metadataJson) as Metadata;
});

describe("the examples table", () => {
  test("every LONN function has an example, and every example names a LONN function", () => {
    const ids = metadata.functions.map((fn) => fn.id);
    expect(ids.length).toBeGreaterThanOrEqual(13);
    expect(ids.filter((id) => !(examples.functions[id]?.length > 0))).toEqual([]);
    const named = [...Object.keys(examples.functions), ...examples.errors.map((e) => e.id)];
    expect(named.filter((id) => !ids.includes(id))).toEqual([]);
  });

  test("every example's result is what `lonn fn` prints for its arguments", async () => {
    const wrong: string[] = [];
    for (const [id, list] of Object.entries(examples.functions)) {
      for (const ex of list) {
        const got = await lonnFn(id, render.cliArgs(ex.args));
        if (got.code !== 0 || got.out !== ex.result) wrong.push(`${render.formulaOf(id, ex.args)}: lonn fn gir ${got.out} (${got.code}), tabellen sier ${ex.result}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test("every error example's message is what `lonn fn` prints, with exit status 1", async () => {
    const wrong: string[] = [];
    for (const ex of examples.errors) {
      const got = await lonnFn(ex.id, render.cliArgs(ex.args));
      if (got.code !== 1 || got.out !== ex.result) wrong.push(`${render.formulaOf(ex.id, ex.args)}: lonn fn gir ${got.out} (${got.code}), tabellen sier ${ex.result}`);
    }
    expect(wrong).toEqual([]);
    // The page explains each of these codes.
    // (#NUM! is never returned: Excel would hide its message, src/functions/errors.ts.)
    expect(new Set(examples.errors.map((e) => e.result.replace(/^\[\["/, "").split(":")[0]))).toEqual(new Set(["#VALUE!", "#N/A"]));
  });

  test("an argument `lonn fn` would not read as text is refused (the formula would show another input)", () => {
    expect(() => render.cliArgs(["0301"])).toThrow(/0301/);
    expect(() => render.cliArgs([""])).toThrow();
    expect(render.cliArgs([120000, "lønn", "2024-06-01", { cells: "A1:B1", values: [[1, null]] }])).toEqual(["120000", "lønn", "2024-06-01", "[[1,null]]"]);
  });
});

describe("formulas and results as the page shows them", () => {
  test("formulas use Norwegian Excel's separator and decimal comma; text in quotes; ranges by address", () => {
    expect(render.formulaOf("TRYGDEAVGIFT", [120000, 2026])).toBe("=LONN.TRYGDEAVGIFT(120000;2026)");
    expect(render.formulaOf("AGA_SONE", [1506, "Midsund"])).toBe('=LONN.AGA_SONE(1506;"Midsund")');
    expect(render.formulaOf("AGA", [-2500.5, 'sa"g', 2024])).toBe('=LONN.AGA(-2500,5;"sa""g";2024)');
    expect(render.formulaOf("FORDEL", [100, { cells: "A1:C1", values: [[1, 1, 1]] }])).toBe("=LONN.FORDEL(100;A1:C1)");
  });

  test("results: kroner with two decimals and grouping, rates also as per cent, ranges cell by cell", () => {
    expect(render.display("5087.5", "kr")).toBe(`5${NBSP}087,50`);
    expect(render.display("-352.5", "kr")).toBe("-352,50");
    expect(render.display("1234567.891", "kr")).toBe(`1${NBSP}234${NBSP}567,89`);
    expect(render.display("0", "kr")).toBe("0,00");
    expect(render.display("0.076", "sats")).toBe(`0,076 (7,6${NBSP}%)`);
    expect(render.display("0.1102", "sats")).toBe(`0,1102 (11,02${NBSP}%)`);
    expect(render.display("0.141", "sats")).toBe(`0,141 (14,1${NBSP}%)`);
    expect(render.display("124028", "heltall")).toBe(`124${NBSP}028`);
    expect(render.display("I", "tekst")).toBe("I");
    expect(render.display("[[33.34,33.33,33.33]]", "kr")).toBe("33,34 | 33,33 | 33,33");
    expect(render.display("[[5087.5],[0]]", "kr")).toBe(`5${NBSP}087,50 / 0,00`);
    expect(() => render.display("5087.5", "heltall")).toThrow();
    expect(() => render.display("1", "prosent")).toThrow(/format/);
  });

  test("error codes get the name a Norwegian Excel shows", () => {
    expect(render.errorName("#VALUE!")).toBe("#VERDI! (#VALUE!)");
    expect(render.errorName("#N/A")).toBe("#I/T (#N/A)");
    expect(render.errorName("#NUM!")).toBe("#TALL! (#NUM!)");
  });
});

describe("renderPage", () => {
  test("lists every function with its signature, arguments, help text and checked examples", () => {
    const html = render.renderPage(template, metadata, examples);
    for (const fn of metadata.functions) {
      const params = (fn.parameters ?? []).map((p) => (p.optional ? `[${p.name}]` : p.name));
      expect(html).toContain(`<section class="funksjon" id="${fn.id}">`);
      expect(html).toContain(`<a href="#${fn.id}">`);
      expect(html).toContain(`LONN.${fn.name}(${params.join("; ")})`);
      for (const p of fn.parameters ?? []) expect(html).toContain(`<dt><code>${p.name}</code>`);
    }
    expect(html).toContain(`<code>=LONN.TRYGDEAVGIFT(120000;2026)</code></td><td class="resultat">5${NBSP}087,50</td>`);
    expect(html).toContain('<code>=LONN.AGA_SONE(5001)</code></td><td class="resultat">I</td>');
    expect(html).toContain("<td><code>#I/T (#N/A)</code></td><td>Molde (1506) har flere soner");
    for (const mark of render.PLACEHOLDERS) expect(html).not.toContain(mark);
  });

  test("help texts are escaped, and a '$' in them stays as written", () => {
    const tricky: Metadata = { functions: [{ id: "FORDEL", name: "FORDEL", description: "<b>a</b> & $& $1 \"q\"", parameters: [{ name: "belop", description: "x<y" }] }] };
    const html = render.renderPage(template, tricky, { functions: { FORDEL: [] }, errors: [] });
    expect(html).toContain("<p>&lt;b&gt;a&lt;/b&gt; &amp; $&amp; $1 &quot;q&quot;</p>");
    expect(html).toContain("<dd>x&lt;y</dd>");
    expect(html).not.toContain("<b>a</b>");
  });

  test("refuses an example of a function that does not exist, and a template without its placeholders", () => {
    expect(() => render.renderPage(template, metadata, { ...examples, functions: { ...examples.functions, FINNES_IKKE: [] } })).toThrow(/FINNES_IKKE/);
    expect(() => render.renderPage("<html></html>", metadata, examples)).toThrow(/lonn:innhold/);
  });

  test("the template is a page without script, under a policy that allows none, with the five steps and the error advice", () => {
    expect(template).not.toMatch(/<script|\son[a-z]+=|javascript:/i);
    const csp = template.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)?.[1] ?? "";
    expect(csp.split(";").map((d) => d.trim())).toEqual(["default-src 'none'", "style-src 'self'", "img-src 'self'", "base-uri 'none'", "form-action 'none'"]);
    for (const step of ["Oppsett", "Importer", "Avstem", "Bilag", "Årsavslutning"]) expect(template).toContain(`<strong>${step}</strong>`);
    for (const text of ["#VERDI!", "#I/T", "#NAVN?", "Excel is not defined", "lonn fn NAVN ARG…", "lonn avstem", "lonn demo"]) {
      expect(template).toContain(text);
    }
    expect([...template.matchAll(/(?:src|href)="([^"#][^"]*)"/g)].map((m) => m[1])).toEqual(["hjelp.css", "assets/icon-32.png"]);
  });
});
