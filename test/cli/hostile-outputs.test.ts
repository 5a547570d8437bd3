/**
 * Outputs appear together or not at all (finding 5): a rename that fails between the outputs
 * leaves every target as it was; a process killed between the renames is rolled back by the next
 * write to the folder; our stale temporary files of processes that no longer run are removed, and
 * nothing else is touched.
 */
import { spawn, spawnSync } from "child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { cleanUpStale, FileOps, NODE_FILE_OPS, OutputFile, writeFiles } from "../../src/cli/files";
import { isProblems } from "../../src/core/problem/problem";
import { ROOT, tempDir } from "./helpers";

const dir = tempDir("lonn-hostile-out-");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A pid no process can have (above Linux's largest pid_max). */
const DEAD = 4_194_305;

const folder = (name: string): string => {
  const path = join(dir, name);
  mkdirSync(path, { recursive: true });
  return path;
};

const outputs = (where: string, tag: string): OutputFile[] => [
  { type: "xlsx", path: join(where, "bok.xlsx"), content: Buffer.from(`ny bok ${tag}`) },
  { type: "csv", path: join(where, "bilag.csv"), content: Buffer.from(`ny csv ${tag}`) },
  { type: "gl07", path: join(where, "bilag.dat"), content: Buffer.from(`ny gl07 ${tag}`) },
];

const contents = (where: string): Record<string, string> =>
  Object.fromEntries(readdirSync(where).sort().map((n) => [n, readFileSync(join(where, n), "utf8")]));

describe("a failure between the renames", () => {
  test("the second rename fails: the first target is put back, the others untouched; no file of ours is left", () => {
    const where = folder("feil");
    writeFileSync(join(where, "bok.xlsx"), "gammel bok");
    writeFileSync(join(where, "bilag.dat"), "gammel gl07");
    const before = contents(where);
    let targetRenames = 0;
    const failing: FileOps = {
      ...NODE_FILE_OPS,
      renameSync: (from, to) => {
        if (from.endsWith(".lonn-tmp") && !to.endsWith(".journal") && ++targetRenames === 2) {
          throw Object.assign(new Error("EXDEV: cross-device link not permitted"), { code: "EXDEV" });
        }
        NODE_FILE_OPS.renameSync(from, to);
      },
    };
    const r = writeFiles(outputs(where, "1"), failing);
    expect(isProblems(r) && r.message).toBe("Kunne ikke skrive utdata (EXDEV). Ingen filer er endret.");
    expect(contents(where)).toEqual(before);
  });

  test("a rename that fails after all are written, and the roll-back fails too: which files are new is said", () => {
    const where = folder("feil-to");
    writeFileSync(join(where, "bok.xlsx"), "gammel bok");
    let renames = 0;
    const failing: FileOps = {
      ...NODE_FILE_OPS,
      renameSync: (from, to) => {
        if (from.endsWith(".lonn-tmp") && !to.endsWith(".journal")) renames++;
        if (renames === 3 || from.endsWith(".lonn-old")) throw Object.assign(new Error("EIO"), { code: "EIO" });
        NODE_FILE_OPS.renameSync(from, to);
      },
    };
    const r = writeFiles(outputs(where, "2"), failing);
    expect(isProblems(r) && r.message).toBe(
      `Kunne ikke skrive utdata (EIO), og disse er allerede skrevet og kunne ikke settes tilbake: ${join(where, "bok.xlsx")}. De andre utdatafilene er som før.`,
    );
  });
});

describe("a process killed between the renames", () => {
  test("leaves a mix and its journal; the next write to the folder rolls it back first, then writes its own set whole", async () => {
    const build = spawnSync("npm", ["run", "build:cli"], { cwd: ROOT, encoding: "utf8" });
    expect(build.status).toBe(0);
    const where = folder("drept");
    writeFileSync(join(where, "bok.xlsx"), "gammel bok");
    writeFileSync(join(where, "bilag.csv"), "gammel csv");
    writeFileSync(join(where, "egen.lonn-tmp"), "brukerens egen fil");
    // The CLI's own writeFiles in a child that kills itself (SIGKILL) when the second target is renamed.
    const script = `
      const fs = require("fs");
      const rename = fs.renameSync;
      fs.renameSync = (from, to) => {
        if (to === ${JSON.stringify(join(where, "bilag.csv"))}) process.kill(process.pid, "SIGKILL");
        return rename(from, to);
      };
      const { writeFiles } = require(${JSON.stringify(join(ROOT, "lib", "cli", "files.js"))});
      writeFiles(${JSON.stringify(outputs(where, "drept").map((o) => ({ ...o, content: o.content.toString() })))}.map((o) => ({ ...o, content: Buffer.from(o.content) })));
    `;
    const child = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
    expect(child.signal).toBe("SIGKILL");
    const mixed = contents(where);
    expect(mixed["bok.xlsx"]).toBe("ny bok drept");
    expect(mixed["bilag.csv"]).toBe("gammel csv");
    expect(Object.keys(mixed).some((n) => /\.journal$/.test(n))).toBe(true);
    expect(Object.keys(mixed).filter((n) => /\.\d+\.lonn-(tmp|old)$/.test(n)).length).toBeGreaterThan(0);

    // Another run writes one file there: first the killed run is undone (all three old again).
    const r = writeFiles([{ type: "json", path: join(where, "annet.json"), content: Buffer.from("{}") }]);
    expect(isProblems(r)).toBe(false);
    expect(contents(where)).toEqual({
      "annet.json": "{}",
      "bilag.csv": "gammel csv",
      "bok.xlsx": "gammel bok",
      "egen.lonn-tmp": "brukerens egen fil",
    });
  }, 120_000);
});

describe("stale temporary files", () => {
  test("ours of a process that no longer runs are removed at the next write; a running process's and the user's are not", async () => {
    const where = folder("rester");
    const sleeper = spawn("sleep", ["30"]);
    try {
      writeFileSync(join(where, `bilag.csv.${DEAD}.lonn-tmp`), "rest");
      writeFileSync(join(where, `bok.xlsx.${DEAD}.lonn-old`), "rest");
      writeFileSync(join(where, `.lonn-${DEAD}.journal`), "{ avkortet");
      writeFileSync(join(where, `bok.xlsx.${sleeper.pid}.lonn-tmp`), "pågår");
      writeFileSync(join(where, "notat.lonn-tmp"), "brukerens");
      writeFileSync(join(where, "bok.xlsx"), "gammel bok");
      const r = writeFiles(outputs(where, "3"));
      expect(isProblems(r)).toBe(false);
      expect(contents(where)).toEqual({
        "bilag.csv": "ny csv 3",
        "bilag.dat": "ny gl07 3",
        "bok.xlsx": "ny bok 3",
        [`bok.xlsx.${sleeper.pid}.lonn-tmp`]: "pågår",
        "notat.lonn-tmp": "brukerens",
      });
    } finally {
      sleeper.kill();
    }
  });

  test("cleanUpStale alone, on a folder that does not exist, does nothing", () => {
    expect(() => cleanUpStale(join(dir, "finnes-ikke"))).not.toThrow();
    expect(existsSync(join(dir, "finnes-ikke"))).toBe(false);
  });
});
