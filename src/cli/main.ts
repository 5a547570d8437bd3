/**
 * The `lonn` command: the same engine as the add-in, without Excel.
 *
 *   lonn fn NAME ARG…                      evaluate a LONN custom function
 *   lonn avstem SCENARIO.json|BOOK.xlsx …  run a reconciliation
 *   lonn trekk SCENARIO.json …             the trekk and AGA reconciliation
 *   lonn lonnsbilag JOURNAL …              the payroll voucher of each pay run
 *   lonn rf1022 --hovedbok F A-MELDING…    the year-end RF-1022 kontrolloppstilling
 *   lonn demo [OUTDIR]                     the whole job on the bundled sample
 *
 * Each command lives in commands/ and returns its exit code.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { CliIO, nodeIO, printableIO } from "./io";

/** The version in package.json (lib/cli/main.js and src/cli/main.ts are both two folders below it). */
export function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { name?: string; version?: string };
    return `${pkg.name ?? "lonn"} ${pkg.version ?? "ukjent versjon"}`;
  } catch {
    return "lonn (ukjent versjon)";
  }
}

export type Command = (args: string[], io: CliIO) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  fn: async () => (await import("./commands/fn")).fnCommand,
  avstem: async () => (await import("./commands/avstem")).avstemCommand,
  trekk: async () => (await import("./commands/trekk")).trekkCommand,
  lonnsbilag: async () => (await import("./commands/lonnsbilag")).lonnsbilagCommand,
  rf1022: async () => (await import("./commands/rf1022")).rf1022Command,
  demo: async () => (await import("./commands/demo")).demoCommand,
};

const USAGE = `Bruk:
  lonn fn NAVN ARG…                          regn ut en LONN-funksjon, f.eks. lonn fn TRYGDEAVGIFT 120000 2026
  lonn avstem SCENARIO.json|BOK.xlsx [--xlsx UT.xlsx] [--csv UT.csv] [--gl07 UT.dat] [--json]
  lonn avstem --sap F --unit4 F --spk F --oppsett OPPSETT.json [utdata]   fra eksportene
  lonn avstem --summary FIL|MAPPE …          én linje per virksomhet (lonn avstem --help: alle valg)
  lonn trekk SCENARIO.json [--xlsx UT.xlsx] [--csv UT.csv] [--gl07 UT.dat] [--json]
                                             trekk og AGA: kontoene 2600, 2770, 2640, 2650 (lonn trekk --help)
  lonn lonnsbilag JOURNAL.csv|.xlsx|.json [--dato D] [--xlsx UT.xlsx] [--csv UT.csv] [--gl07 UT.dat] [--json]
                                             lønnsbilaget per utbetalingsdato, med feriepenger (lonn lonnsbilag --help)
  lonn rf1022 --hovedbok SAFT.xml|HOVEDBOK.csv A-MELDING.xml… [--xlsx UT.xlsx] [--json]
                                             kontrolloppstillingen RF-1022 ved årsslutt (lonn rf1022 --help)
  lonn demo [MAPPE]                          hele jobben på eksempeldataene (standard ./demo-output)
  lonn --version                             versjonen`;

export async function run(argv: string[], rawIO: CliIO = nodeIO): Promise<number> {
  const io = printableIO(rawIO);
  const [name, ...rest] = argv;
  if (!name || name === "-h" || name === "--help" || name === "hjelp") {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  if (name === "--version" || name === "-v" || name === "versjon") {
    io.out(version());
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(`Ukjent kommando «${name}».\n${USAGE}`);
    return 2;
  }
  return (await load())(rest, io);
}
