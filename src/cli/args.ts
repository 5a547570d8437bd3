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
      positional.push(...argv.slice(i));
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
      const like = Object.keys(spec).find((k) => k.toLowerCase() === name.toLowerCase() || k.replace(/-/g, "") === name.replace(/-/g, ""));
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
