/**
 * Dependencies point one way. No module of src/ imports itself round a circle, and the folders
 * of src/core form layers: sheet, problem and money at the bottom, the readers, the workpaper
 * core and the vouchers above them, each reconciliation above those, the use cases on top. A
 * cycle between two folders means a seam in the wrong place (as import/ ↔ template/ once was).
 * The graph is madge's, over the TypeScript sources.
 */
import madge from "madge";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");

let graph: Record<string, string[]>;

beforeAll(async () => {
  const result = await madge(join(ROOT, "src"), {
    fileExtensions: ["ts"],
    tsConfig: join(ROOT, "tsconfig.json"),
    detectiveOptions: { ts: { skipTypeImports: false } },
  });
  graph = result.obj();
}, 60_000);

/** The folder a file of src/ belongs to: `core/spk/sheet` for core/spk/sheet/plan.ts; core's own files count as folders. */
function folderOf(file: string): string {
  const parts = file.replace(/\.ts$/, "").split("/");
  if (parts[0] !== "core") return parts[0];
  return parts.length === 2 ? parts.join("/") : parts.slice(0, -1).join("/");
}

/** Every cycle of a directed graph, each once (Johnson-lite: DFS from each node over larger nodes). */
function cycles(edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const out: string[][] = [];
  const nodes = [...edges.keys()].sort();
  for (const start of nodes) {
    const path: string[] = [start];
    const onPath = new Set(path);
    const walk = (node: string) => {
      for (const next of edges.get(node) ?? []) {
        if (next === start) out.push([...path, start]);
        else if (next > start && !onPath.has(next)) {
          path.push(next);
          onPath.add(next);
          walk(next);
          onPath.delete(next);
          path.pop();
        }
      }
    };
    walk(start);
  }
  return out;
}

describe("import cycles", () => {
  test("madge sees the whole source tree", () => {
    expect(Object.keys(graph).length).toBeGreaterThan(150);
    expect(graph["core/usecase/spk.ts"]).toContain("core/spk/reconcile.ts");
  });

  test("no module of src/ imports itself round a circle (the pane's steps do not import its app)", () => {
    const edges = new Map(Object.entries(graph).map(([f, deps]) => [f, new Set(deps)]));
    expect(cycles(edges).map((c) => c.join(" → "))).toEqual([]);
  });

  test("no cycle between the folders of src/core", () => {
    const edges = new Map<string, Set<string>>();
    for (const [file, deps] of Object.entries(graph)) {
      if (!file.startsWith("core/")) continue;
      const from = folderOf(file);
      for (const dep of deps) {
        const to = folderOf(dep);
        if (to === from) continue;
        if (!edges.has(from)) edges.set(from, new Set());
        (edges.get(from) as Set<string>).add(to);
      }
    }
    expect(edges.size).toBeGreaterThan(8);
    expect(cycles(edges).map((c) => c.join(" → "))).toEqual([]);
  });

  test("core depends on no shell", () => {
    const outward = Object.entries(graph).flatMap(([f, deps]) =>
      f.startsWith("core/") ? deps.filter((d) => !d.startsWith("core/")).map((d) => `${f} → ${d}`) : [],
    );
    expect(outward).toEqual([]);
  });

  test("the cycle finder finds a cycle when there is one", () => {
    const edges = new Map([["a", new Set(["b"])], ["b", new Set(["c"])], ["c", new Set(["a"])], ["d", new Set(["a"])]]);
    expect(cycles(edges)).toEqual([["a", "b", "c", "a"]]);
  });
});
