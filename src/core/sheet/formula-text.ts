/** Formula texts compared the way a person would: case, spaces and $ anchors do not matter. */
export function sameFormula(a: string, b: string): boolean {
  const norm = (f: string) => f.replace(/^=/, "").replace(/[\s$]/g, "").toUpperCase();
  return norm(a) === norm(b);
}
