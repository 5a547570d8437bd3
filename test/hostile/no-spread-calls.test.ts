/**
 * Issue 13, item 13: `list.push(...xs)`, `Math.max(...xs)` and their like pass every element as an
 * argument, and past about 125 000 elements the call overflows the stack (an import with 130 000
 * problems exited 2; LONN.FORDEL over 130 000 weights threw RangeError). Nowhere in src/ is an
 * array spread into such a call: core/list's append, maxOf and minOf work for any length.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import { join, relative } from "path";
import ts from "typescript";

const root = join(__dirname, "..", "..");
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });

/** A spread into push/unshift/splice, Math.max/min or String.fromCharCode/fromCodePoint: every element becomes an argument on the stack. */
const STACK_BOUND = /(\.(push|unshift|splice)|^Math\.(max|min)|^String\.(fromCharCode|fromCodePoint))$/;

function spreadCalls(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && node.arguments.some(ts.isSpreadElement) && STACK_BOUND.test(node.expression.getText())) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${relative(root, path)}:${line + 1}: ${node.getText().slice(0, 80)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("no array spread into a call", () => {
  test("src/ passes no spread arguments (append, maxOf, minOf instead)", () => {
    expect(files(join(root, "src")).flatMap(spreadCalls)).toEqual([]);
  });

  test("the helpers take 300 000 elements, where a spread throws RangeError", async () => {
    const { append, maxOf, minOf } = await import("../../src/core/list");
    const many = Array.from({ length: 300_000 }, (_, i) => i);
    expect(() => Math.max(...many)).toThrow(RangeError);
    expect(append([-1], many)).toHaveLength(300_001);
    expect([maxOf(many), minOf(many)]).toEqual([299_999, 0]);
  });

  test("an amount split over 200 000 weights (LONN.FORDEL over 200 000 cells): whole øre that add up", async () => {
    const { allocateOre, fromNumber } = await import("../../src/core/money");
    const parts = allocateOre(fromNumber(1_000_000.01), Array.from({ length: 200_000 }, (_, i) => fromNumber((i % 3) + 1)));
    expect(parts).toHaveLength(200_000);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(100_000_001);
  });
});
