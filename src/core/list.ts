/**
 * Array helpers that work for any length. `Math.max(...xs)` and `list.push(...xs)` pass every
 * element as a call argument, and past about 125 000 elements that overflows the stack: a
 * FORDEL over a long column, or an export with that many bad rows, would crash instead of
 * answering.
 */

/** Appends `items` to `target` one by one. */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of `values`, or `start` when there are none (or all are smaller). */
export function maxOf(values: Iterable<number>, start = -Infinity): number {
  let m = start;
  for (const v of values) if (v > m) m = v;
  return m;
}

/** The smallest of `values`, or `start` when there are none (or all are larger). */
export function minOf(values: Iterable<number>, start = Infinity): number {
  let m = start;
  for (const v of values) if (v < m) m = v;
  return m;
}
