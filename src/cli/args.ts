import { append } from "../core/list";
/**
 * Command-line options: `--name VALUE`, `--name=VALUE` and `--flag`, with positional arguments
 * anywhere and `--` ending the options. Every problem (an unknown option, a missing value, an
 * option given twice) is collected, so a mistyped command line is answered in one go.
 */

export type OptionKind = "value" | "flag";

export interface ParsedArgs {
  readonly positional: readonly string[];
  readonly values: ReadonlyMap<string, string>;
  readonly flags: ReadonlySet<string>;
  readonly problems: readonly string[];
}

export function parseArgs(argv: readonly string[], spec: Readonly<Record<string, OptionKind>>): ParsedArgs {
  const positional: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const problems: string[] = [];
  let i = 0;
  while (i < argv.length) {
    const arg = argv[i++];
    if (arg === "--") {
      append(positional, argv.slice(i));
      break;
    }
    if (!arg.startsWith("--") || arg === "--") {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const kind = spec[name];
    if (kind === undefined) {
      const like = Object.keys(spec).find((k) => distance(k.replace(/-/g, ""), name.toLowerCase().replace(/-/g, "")) <= 2);
      problems.push(`Ukjent valg «--${name}»${like ? ` (mente du --${like}?)` : ""}.`);
      continue;
    }
    if (kind === "flag") {
      if (eq >= 0) problems.push(`--${name} tar ingen verdi.`);
      flags.add(name);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (i < argv.length && !argv[i].startsWith("--")) value = argv[i++];
    if (value === undefined || value === "") {
      problems.push(`--${name} mangler en verdi.`);
      continue;
    }
    if (values.has(name)) problems.push(`--${name} er oppgitt mer enn én gang.`);
    values.set(name, value);
  }
  return { positional, values, flags, problems };
}

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}
