/**
 * docs/glossary.md in force: the identifiers we declare in src/ speak English, with Norwegian only
 * for the domain nouns, one transliteration of æ, ø, å, and no Norwegian verbs, prepositions or
 * UI words. Property names are not checked: they are the file formats' field names (the scenario
 * JSON, `--json`, `_lonn`), which keep the formats' own words.
 */
import { readdirSync, readFileSync } from "fs";
import { join, relative } from "path";
import ts from "typescript";

const ROOT = join(__dirname, "..", "..");
const SRC = join(ROOT, "src");

/**
 * Words that are Norwegian verbs, prepositions, adjectives or UI and plumbing words, with the
 * English the glossary says instead. A word matches a whole camelCase or snake_case part.
 */
const NOT_ENGLISH: Readonly<Record<string, string>> = {
  // verbs
  lag: "build", lage: "build", les: "read", lese: "read", skriv: "write", skrive: "write", hent: "get", hente: "get",
  vis: "show", vise: "show", finn: "find", finne: "find", bygg: "build", bygge: "build", sjekk: "check", sjekke: "check",
  kontroller: "check", kontrollere: "check", beregn: "compute", beregne: "compute", valider: "check", validere: "check",
  fyll: "fill", fylle: "fill", lagre: "save", oppdater: "update", oppdatere: "update", slett: "delete", legg: "add",
  kjor: "run", kjore: "run", ga: "go", gaa: "go", sett: "set", velg: "choose", tell: "count", oppsummer: "summarize",
  utvid: "expand", planlegg: "plan", beskriv: "describe", erstatt: "replace", endre: "change", flytt: "move",
  // prepositions and conjunctions
  til: "to", fra: "from", med: "with", uten: "without", som: "as", og: "and", eller: "or", etter: "after", mot: "against",
  // adjectives and participles
  ny: "new", nye: "new", gammel: "old", tom: "empty", tomme: "empty", ferdig: "done", opptatt: "busy", gjeldende: "current",
  eksisterende: "existing", lest: "read", skrevet: "written", gyldig: "valid", aktiv: "active",
  // UI and plumbing nouns
  ark: "sheet", celle: "cell", celler: "cells", rad: "row", rader: "rows", kolonne: "column", kolonner: "columns",
  felt: "field", knapp: "button", knapper: "buttons", steg: "step", tilstand: "state", meldinger: "messages", feil: "problem",
  sted: "place", steder: "places", visning: "view", skjema: "form", boks: "box", liste: "list", tittel: "title",
  overskrift: "heading", overskrifter: "headings", innhold: "content", handling: "action", rapport: "report", resultat: "result",
  utfall: "outcome", fil: "file", filer: "files", mappe: "folder", utdata: "output", inndata: "input", bredde: "width",
  antall: "count", lenke: "link", avtrykk: "fingerprint", fingeravtrykk: "fingerprint", forhandsvisning: "preview",
  kilde: "source", kilder: "sources", omrade: "range", omrader: "ranges", adresse: "address", tidspunkt: "timestamp",
  signering: "signOff", signeringer: "signOffs", oppsummering: "summary", sammendrag: "summary", valg: "options",
  melding: "message", tekst: "text", navn: "name", verdi: "value", arbeidsbok: "workbook", arbeidsboken: "workbook",
  innstillinger: "settings", undertekst: "subtitle", oversikt: "overview", hjelp: "help", klar: "ready", visuelt: "visually",
  skjult: "hidden", lenker: "links", nokkel: "key", forslag: "suggestion", foreslatte: "suggested", kort: "card",
  // one transliteration: å → aa
  ar: "aar", ars: "aars", arsslutt: "aarsslutt",
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.ts$/.test(e.name) ? [p] : [];
  });
}

/** `lagKorreksjonsbilag` → lag, korreksjonsbilag; `LOGG_ARK` → logg, ark. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[\s_$]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

interface Declared {
  readonly where: string;
  readonly name: string;
}

/**
 * The shells' own objects (the pane's state, Office.js plumbing) carry no file format, so their
 * property names are held to the rules too; core's and the CLI's mirror the formats.
 */
const PROPERTIES_CHECKED = /^src\/(taskpane|excel)\//;

/**
 * Names this file declares: functions, classes, methods, variables, parameters, types; in the
 * shells also properties. The custom functions' parameters are the names Excel shows (DESIGN.md §2).
 */
function declared(path: string): Declared[] {
  const rel = relative(ROOT, path);
  const properties = PROPERTIES_CHECKED.test(rel);
  const excelParameters = rel === join("src", "functions", "functions.ts");
  const source = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
  const out: Declared[] = [];
  const add = (id: ts.Node | undefined) => {
    if (id && ts.isIdentifier(id)) {
      const { line } = source.getLineAndCharacterOfPosition(id.getStart(source));
      out.push({ where: `${relative(ROOT, path)}:${line + 1}`, name: id.text });
    }
  };
  const visit = (node: ts.Node): void => {
    if (
      ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isMethodDeclaration(node) ||
      ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isEnumDeclaration(node)
    ) {
      add(node.name);
    } else if (ts.isVariableDeclaration(node) || (ts.isParameter(node) && !excelParameters)) {
      if (ts.isIdentifier(node.name)) add(node.name);
      else node.name.elements.forEach((e) => ts.isBindingElement(e) && !e.propertyName && add(e.name));
    } else if (properties && (ts.isPropertySignature(node) || ts.isPropertyDeclaration(node) || ts.isGetAccessor(node))) {
      add(node.name);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe("the vocabulary of docs/glossary.md", () => {
  const all = files(SRC).flatMap(declared);

  test("the declarations are found (the check looks at real code)", () => {
    expect(all.length).toBeGreaterThan(1000);
    expect(all.some((d) => d.name === "buildKorreksjonsbilag")).toBe(true);
  });

  test("no Norwegian verbs, prepositions or UI words in declared identifiers", () => {
    const offending = all
      .map((d) => ({ ...d, bad: words(d.name).filter((w) => w in NOT_ENGLISH) }))
      .filter((d) => d.bad.length > 0)
      .map((d) => `${d.where} ${d.name}: ${d.bad.map((w) => `${w} → ${NOT_ENGLISH[w]}`).join(", ")}`);
    expect(offending).toEqual([]);
  });

  test("æ, ø and å are transliterated in identifiers (ae, o, aa)", () => {
    expect(all.filter((d) => /[æøåÆØÅ]/.test(d.name)).map((d) => `${d.where} ${d.name}`)).toEqual([]);
  });

  test("file names follow the same rules", () => {
    const bad = files(SRC)
      .map((p) => relative(SRC, p))
      .filter((p) => p.split(/[/.-]/).some((w) => w in NOT_ENGLISH));
    expect(bad).toEqual([]);
  });

  test("the word splitter reads camelCase and SNAKE_CASE", () => {
    expect(words("lagKorreksjonsbilag")).toEqual(["lag", "korreksjonsbilag"]);
    expect(words("LOGG_ARK")).toEqual(["logg", "ark"]);
    expect(words("aarsAga")).toEqual(["aars", "aga"]);
    expect(words("GL07Options")).toEqual(["gl07", "options"]);
  });
});
