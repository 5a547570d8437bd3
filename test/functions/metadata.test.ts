/**
 * The metadata Excel reads: the ids and parameters of DESIGN.md §2 exactly (ids and parameter
 * lists are stored in workbooks and must never drift), the Norwegian (default) and English files
 * alike, the committed English file up to date, and `lonn fn` knowing the same functions.
 */
import * as fs from "fs";
import * as nodePath from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as declared from "../../src/functions/functions";
import { FUNCTIONS } from "../../src/cli/commands/fn";

const ROOT = nodePath.resolve(__dirname, "..", "..");
const SOURCE = nodePath.join(ROOT, "src", "functions", "functions.ts");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const enUs = require(nodePath.join(ROOT, "scripts", "functions-en-us.js")) as { buildEnUs(): Promise<string>; TARGET: string };

interface Parameter {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result: { dimensionality?: string };
}
interface Metadata {
  functions: FunctionMetadata[];
}

/** DESIGN.md §2 and §8.2, with ASCII parameter names; `?` marks optional, `~` a single-cell (scalar) parameter. */
const CONTRACT: Record<string, string[]> = {
  TRYGDEAVGIFT: ["inntekt", "aar", "inntektstype?"],
  TRYGDEAVGIFT_SAMLET: ["lonn", "naering", "pensjon", "aar"],
  TRYGDEAVGIFT_SATS: ["aar", "inntektstype?"],
  AGA_SONE: ["kommunenummer", "delomraade?"],
  AGA_SATS: ["sone_eller_kommunenummer", "aar", "naering?"],
  AGA: ["grunnlag", "sone_eller_kommunenummer", "aar", "naering?"],
  AGA_FRIBELOP: ["grunnlag", "tidligere_grunnlag_i_aar", "sone", "aar"],
  EKSTRA_AGA: ["grunnlag", "aar", "tidligere_grunnlag_i_aar?"],
  GRUNNBELOP: ["dato"],
  G_SNITT: ["aar"],
  SPK_TERMIN: ["dato_eller_maaned"],
  AGA_SNITTSATS: ["grunnlag", "satser_eller_soner", "aar?~"],
  FORDEL: ["belop", "vekter"],
  VIRKEDAG: ["dato", "dager?"],
  FORFALL_FORSKUDDSTREKK: ["utbetalingsdato"],
  FORFALL_AGA: ["termin", "aar"],
  FERIEPENGER: ["grunnlag", "opptjeningsaar", "sats?", "over_60?"],
};

const describeParameter = (p: Parameter): string => `${p.name}${p.optional ? "?" : ""}${p.dimensionality === "matrix" ? "" : "~"}`;

let generated: Metadata;
let associations: { id: string; functionName: string }[];
let english: Metadata;

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(SOURCE);
  expect(result.errors).toEqual([]);
  generated = JSON.parse(result.metadataJson) as Metadata;
  associations = result.associate;
  english = JSON.parse(fs.readFileSync(nodePath.join(ROOT, "src", "functions", "functions.en-US.json"), "utf8")) as Metadata;
}, 60_000);

describe("generated metadata (functions.json, Norwegian)", () => {
  test("exactly the ids of DESIGN.md §2 and §8.2, each named as its id", () => {
    expect(generated.functions.map((fn) => fn.id).sort()).toEqual(Object.keys(CONTRACT).sort());
    for (const fn of generated.functions) expect(fn.name).toBe(fn.id);
  });

  test.each(Object.keys(CONTRACT))("%s: parameter names, order, optional flags and dimensionality", (id) => {
    const fn = generated.functions.find((x) => x.id === id)!;
    expect(fn.parameters.map(describeParameter)).toEqual(CONTRACT[id]);
    for (const p of fn.parameters) expect(p.type).toBe("any");
    // Every function answers with an array (one cell for single values), so errors can sit in cells.
    expect(fn.result.dimensionality).toBe("matrix");
  });

  test("each id is bound to the declared function of that name", () => {
    const exported = declared as unknown as Record<string, unknown>;
    for (const { id, functionName } of associations) {
      expect(typeof exported[functionName]).toBe("function");
      expect(FUNCTIONS[id].fn).toBe(exported[functionName]);
    }
  });
});

describe("help texts that carry a rule", () => {
  const help = (m: Metadata, id: string) => m.functions.find((fn) => fn.id === id)!;

  test("AGA_FRIBELOP: jordbruk etc. in Ia pay 10,6 % without the cap; statsforvaltningen and helseforetak have no fribeløp", () => {
    const nb = help(generated, "AGA_FRIBELOP").description!;
    expect(nb).toMatch(/[Jj]ordbruk, skogbruk og fiske i sone Ia betaler 10,6 % uten tak/);
    expect(nb).toMatch(/[Ss]tatsforvaltningen og helseforetak har ikke fribeløp/);
    const en = help(english, "AGA_FRIBELOP").description!;
    expect(en).toMatch(/10\.6 % without the cap/);
    expect(en).toMatch(/state administration and health trusts have no allowance/);
  });

  test("AGA_SONE says which kommunenummer it takes without a year, and what it refuses", () => {
    const nb = help(generated, "AGA_SONE");
    expect(nb.description).toMatch(/2020–2023/);
    expect(nb.parameters[0].description).toMatch(/kontinentalsokkelen \(2311, 2321\) har ingen sone/);
  });
});

describe("nb (default) and en-US metadata", () => {
  test("same ids, names, parameters, order and flags; only the texts differ", () => {
    const strip = (m: Metadata) =>
      m.functions.map((fn) => ({ ...fn, description: undefined, parameters: fn.parameters.map((p) => ({ ...p, description: undefined })) }));
    expect(strip(english)).toEqual(strip(generated));
  });

  test("no empty or missing text in either language, and English is really translated", () => {
    for (const [m, language] of [[generated, "nb"], [english, "en"]] as const) {
      for (const fn of m.functions) {
        expect({ language, id: fn.id, ok: (fn.description ?? "").trim().length > 10 }).toEqual({ language, id: fn.id, ok: true });
        for (const p of fn.parameters) {
          expect({ language, id: fn.id, p: p.name, ok: (p.description ?? "").trim().length > 3 }).toEqual({ language, id: fn.id, p: p.name, ok: true });
        }
      }
    }
    for (const fn of english.functions) {
      const nb = generated.functions.find((x) => x.id === fn.id)!;
      expect(fn.description).not.toBe(nb.description);
    }
  });

  test("the committed functions.en-US.json is what scripts/functions-en-us.js writes", async () => {
    const expected = await enUs.buildEnUs();
    const committed = fs.readFileSync(enUs.TARGET, "utf8");
    if (committed !== expected) throw new Error("src/functions/functions.en-US.json er utdatert; kjør: node scripts/functions-en-us.js");
  }, 60_000);
});

describe("lonn fn knows the same functions", () => {
  test("ids and parameters as in the metadata", () => {
    expect(Object.keys(FUNCTIONS).sort()).toEqual(generated.functions.map((fn) => fn.id).sort());
    for (const fn of generated.functions) {
      expect(FUNCTIONS[fn.id].params).toEqual(fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)));
    }
  });
});
