/** Unwrapping core's `Checked<T>` results in tests: the value, or the problems, or a failed test. */
import { Checked, formatProblem, isProblems, Problem } from "../../src/core/problem/problem";

/** The value; a test that expected one fails with every problem, one per line. */
export function ok<T>(r: Checked<T>): T {
  if (isProblems(r)) throw new Error(r.list.map(formatProblem).join("\n"));
  return r;
}

/** The problems; a test that expected them fails when there are none. */
export function problemsOf<T>(r: Checked<T>): readonly Problem[] {
  if (!isProblems(r)) throw new Error("Ventet problemer, fikk et resultat.");
  return r.list;
}
