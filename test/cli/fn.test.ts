/**
 * `lonn fn NAME ARG…`: in-process through run() with a capturing CliIO, and once through the
 * real binary (node bin/lonn.js after npm run build:cli).
 */
import { execFile, execFileSync } from "child_process";
import * as fs from "fs";
import * as nodePath from "path";
import { promisify } from "util";
import { run } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";

const ROOT = nodePath.resolve(__dirname, "..", "..");

async function lonn(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIO = { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) };
  const code = await run(["fn", ...args], io);
  return { code, out: out.trimEnd(), err: err.trimEnd() };
}

const MOLDE =
  "#N/A: Molde (1506) har flere soner: «Gamle Midsund og Nesset» → sone II; «øvrige Molde» → sone I. " +
  "Oppgi delområde (navnet på den gamle kommunen).";

describe("lonn fn (in process)", () => {
  test("the brief's three examples", async () => {
    expect(await lonn("TRYGDEAVGIFT", "120000", "2026")).toEqual({ code: 0, out: "5087.5", err: "" });
    expect(await lonn("AGA_SONE", "5001")).toEqual({ code: 0, out: "I", err: "" });
    expect(await lonn("AGA_SONE", "1506")).toEqual({ code: 1, out: MOLDE, err: "" });
  });

  test("names are case-insensitive, with or without LONN.", async () => {
    for (const name of ["trygdeavgift", "Trygdeavgift", "LONN.TRYGDEAVGIFT", "lonn.trygdeavgift"]) {
      expect((await lonn(name, "120000", "2026")).out).toBe("5087.5");
    }
  });

  test("numbers, text, empty cells", async () => {
    expect((await lonn("TRYGDEAVGIFT", "120000", "2026", "lønn")).out).toBe("5087.5");
    expect((await lonn("TRYGDEAVGIFT", "1.2e5", "2026", "L")).out).toBe("5087.5");
    expect((await lonn("TRYGDEAVGIFT_SATS", "2026")).out).toBe("0.076");
    expect((await lonn("AGA_SONE", "0301")).out).toBe("I");
    expect((await lonn("AGA_SONE", "1506", "Midsund")).out).toBe("II");
    expect((await lonn("AGA", "100000", "5401", "2023")).out).toBe("7900");
    expect((await lonn("AGA", "100000", "3101", "2024")).out).toBe("14100");
    expect(await lonn("AGA", "100000", "3001", "2024")).toEqual({
      code: 1, out: "#N/A: 3001 Halden er kommunenummeret til og med 2023; fra 2024 er det 3101.", err: "",
    });
    expect((await lonn("AGA_SONE", "5059", "Orkdal")).out).toBe("I");
    expect((await lonn("GRUNNBELOP", "2024-06-01")).out).toBe("124028");
    expect((await lonn("SPK_TERMIN", "2024-03")).out).toBe("2");
    expect((await lonn("SPK_TERMIN", "202411")).out).toBe("6");
    expect(await lonn("TRYGDEAVGIFT", "120000", "")).toEqual({ code: 1, out: "#VALUE!: Året mangler.", err: "" });
    expect(await lonn("TRYGDEAVGIFT", "", "2026")).toEqual({ code: 0, out: "0", err: "" });
    // Text that is not plain number syntax stays text, and text is no amount.
    const grouped = await lonn("TRYGDEAVGIFT", "1 234,50", "2026");
    expect(grouped.code).toBe(1);
    expect(grouped.out).toMatch(/^#VALUE!: Inntekten «1 234,50» er tekst, ikke et tall/);
  });

  test("ranges as JSON, printed as JSON; errors inside as `#CODE: message` strings", async () => {
    expect(await lonn("AGA", "[[100000],[50000]]", '[["I"],["Ia"]]', "2024")).toEqual({ code: 0, out: "[[14100],[5300]]", err: "" });
    expect(await lonn("FORDEL", "100", "[[1,1,1]]")).toEqual({ code: 0, out: "[[33.34,33.33,33.33]]", err: "" });
    const mixed = await lonn("AGA_SONE", "[[5001],[1506],[null]]");
    expect(mixed.code).toBe(1);
    expect(JSON.parse(mixed.out)).toEqual([["I"], [MOLDE], ["#VALUE!: Kommunenummeret mangler."]]);
    // A range argument always gives JSON, even for one cell.
    expect((await lonn("TRYGDEAVGIFT", "[[120000]]", "2026")).out).toBe("[[5087.5]]");
  });

  test("errors print their code and message; a number out of range is #VALUE!, as in Excel", async () => {
    const r = await lonn("SPK_TERMIN", "13");
    expect(r).toEqual({ code: 1, out: "#VALUE!: Måneden må være et helt tall 1–12 (fikk 13).", err: "" });
    expect(await lonn("AGA_FRIBELOP", "1", "-1", "Ia", "2024")).toEqual({
      code: 1, out: "#VALUE!: Tidligere grunnlag i år kan ikke være negativt.", err: "",
    });
    expect((await lonn("G_SNITT", "2017")).out).toMatch(/^#N\/A: Ingen G-snitt for 2017/);
  });

  test("usage errors exit 2 on stderr", async () => {
    const unknown = await lonn("SKATT", "1");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^Ukjent funksjon «SKATT»/);
    const few = await lonn("TRYGDEAVGIFT", "1");
    expect(few.code).toBe(2);
    expect(few.err).toBe("TRYGDEAVGIFT(inntekt; aar; [inntektstype]) tar 2–3 argumenter; fikk 1.");
    expect((await lonn("G_SNITT", "2024", "2025")).err).toBe("G_SNITT(aar) tar 1 argument; fikk 2.");
    const json = await lonn("TRYGDEAVGIFT", "[[1]", "2026");
    expect(json.code).toBe(2);
    expect(json.err).toMatch(/^Argument 1 er ikke gyldig JSON/);
    expect((await lonn("TRYGDEAVGIFT", "[1,2]", "2026")).err).toMatch(/^Argument 1: et område skrives som rader av kolonner/);
  });

  test("help lists every function with its parameters", async () => {
    const help = await lonn("--help");
    expect(help.code).toBe(0);
    expect(help.out).toContain("AGA_FRIBELOP(grunnlag; tidligere_grunnlag_i_aar; sone; aar)");
    expect(help.out.match(/^ {2}[A-Z_]+\(/gm)).toHaveLength(17);
    expect((await lonn()).code).toBe(2);
  });
});

describe("the real binary", () => {
  beforeAll(() => {
    // Compile lib/ as `npm install` does. Type errors elsewhere are the typecheck step's business;
    // tsc still writes lib/, and the binary below must work.
    try {
      execFileSync("npm", ["run", "--silent", "build:cli"], { cwd: ROOT, stdio: "pipe" });
    } catch {
      // reported by the assertions below if lib/ is unusable
    }
  }, 120_000);

  test("node bin/lonn.js fn …", async () => {
    expect(fs.existsSync(nodePath.join(ROOT, "lib", "cli", "main.js"))).toBe(true);
    const node = (args: string[]) =>
      promisify(execFile)(process.execPath, [nodePath.join(ROOT, "bin", "lonn.js"), "fn", ...args], { cwd: ROOT }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }),
      );
    expect(await node(["TRYGDEAVGIFT", "120000", "2026"])).toEqual({ code: 0, stdout: "5087.5\n", stderr: "" });
    expect(await node(["AGA_SONE", "5001"])).toEqual({ code: 0, stdout: "I\n", stderr: "" });
    expect(await node(["AGA_SONE", "1506"])).toEqual({ code: 1, stdout: `${MOLDE}\n`, stderr: "" });
  }, 30_000);
});
