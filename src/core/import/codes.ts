/**
 * Matching codes (wage types, accounts, voucher types) against configured lists.
 * A pattern may use `*` (any run of characters) and `?` (one character), as in DFØ's
 * "bilagsart B*". Case does not matter. A code of digits only matches regardless of leading
 * zeros, because Excel turns the text `0810` into the number 810.
 */

function normalize(code: string): string {
  const t = code.trim().toUpperCase();
  return /^\d+$/.test(t) ? t.replace(/^0+(?=\d)/, "") : t;
}

/** How many different codes a matcher remembers its answer for. */
const MEMO_SIZE = 10_000;

export function codeMatcher(patterns: readonly string[]): (code: string) => boolean {
  const literal = new Set<string>();
  const wild: RegExp[] = [];
  for (const p of patterns) {
    const t = p.trim().toUpperCase();
    if (t === "") continue;
    if (/[*?]/.test(t)) {
      const source = t.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
      wild.push(new RegExp(`^${source}$`));
    } else literal.add(normalize(t));
  }
  const test = (code: string): boolean => {
    const c = code.trim().toUpperCase();
    return c !== "" && (literal.has(normalize(c)) || wild.some((re) => re.test(c)));
  };
  // An export of a million lines has a few dozen codes: each is tested once.
  const known = new Map<string, boolean>();
  return (code) => {
    const hit = known.get(code);
    if (hit !== undefined) return hit;
    const result = test(code);
    if (known.size < MEMO_SIZE) known.set(code, result);
    return result;
  };
}

/** `B*`, `5420 og 5421` for messages. */
export function listText(patterns: readonly string[]): string {
  if (patterns.length <= 1) return patterns.join("");
  return `${patterns.slice(0, -1).join(", ")} og ${patterns[patterns.length - 1]}`;
}
