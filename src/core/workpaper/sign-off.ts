/**
 * Sign-off per period (DESIGN.md §1: status, signature, date; issue "sign-off that means
 * something"). Signing stores a fingerprint of the period's inputs; when the inputs later differ
 * from what was signed, the period reads "endret etter signering" everywhere it is shown, as
 * reconciliation tools withdraw a reviewer's sign-off when the balance changes
 * (trekk-og-aga.md §6). The fingerprint is computed by core from the model's inputs, so the pane,
 * the CLI and a colleague's machine agree on it.
 */

export interface SignOff {
  /** DFØ's avstemmingskode or a status word (the sheet's own text). */
  readonly status?: string;
  readonly signatur?: string;
  readonly dato?: string;
}

export type SignOffState = "ikke signert" | "signert" | "endret etter signering";

/** Canonical JSON: object keys sorted, so the same data always give the same text. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const o = value as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(",")}}`;
}

/**
 * A short, stable fingerprint of a period's inputs: FNV-1a over the canonical JSON, 64 bits as
 * 16 hex digits. Not a secret and not a signature: it only tells whether the inputs changed.
 */
export function fingerprint(inputs: unknown): string {
  const text = canonical(inputs);
  // Two 32-bit FNV-1a lanes with different offsets: 64 bits without BigInt in the hot loop.
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000193 ^ 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0");
}

/** A period counts as signed when it has a signature and a date. */
export const isSigned = (s: SignOff): boolean => (s.signatur ?? "").trim() !== "" && (s.dato ?? "").trim() !== "";

/** Where a period stands: not signed; signed and unchanged; or signed and changed since. */
export function signOffState(s: SignOff, signedFingerprint: string | undefined, currentFingerprint: string): SignOffState {
  if (!isSigned(s)) return "ikke signert";
  if (signedFingerprint !== undefined && signedFingerprint !== currentFingerprint) return "endret etter signering";
  return "signert";
}
