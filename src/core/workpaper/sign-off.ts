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
/** The state that withdraws a sign-off, as sheets show it (and their conditional formats test for). */
export const CHANGED_AFTER_SIGN_OFF: SignOffState = "endret etter signering";

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

/** The `_lonn` key of a period's signed fingerprint. */
export const signOffKey = (sheet: string, periode: string): string => `signering.${sheet}.${periode}`;

/** One period to review: its `_lonn` key, its sign-off cells, and what it shows now. */
export interface PeriodToReview {
  readonly periode: string;
  readonly key: string;
  readonly signOff: SignOff;
  /** The period's figures, as the fingerprint's input. */
  readonly figures: unknown;
}

export interface ReviewedPeriod {
  readonly periode: string;
  readonly signOff: SignOff;
  readonly state: SignOffState;
  /** The fingerprint of the period's figures now. */
  readonly current: string;
  /** What `_lonn` must hold for the period after this run ("" removes a stored one). */
  readonly stored: string;
}

export interface PeriodReview {
  readonly periods: readonly ReviewedPeriod[];
  /** `_lonn` keys to write: new fingerprints, and "" for periods no longer signed. */
  readonly settings: Readonly<Record<string, string>>;
}

/** What `_lonn` keeps for a signed period: the fingerprint and who signed it when. */
interface StoredSignOff {
  readonly fingerprint: string;
  readonly signatur?: string;
  readonly dato?: string;
}

function parseStored(text: string | undefined): StoredSignOff | undefined {
  if (text === undefined || text.trim() === "") return undefined;
  try {
    const v = JSON.parse(text) as Partial<StoredSignOff>;
    if (v && typeof v.fingerprint === "string") return { fingerprint: v.fingerprint, ...(typeof v.signatur === "string" ? { signatur: v.signatur } : {}), ...(typeof v.dato === "string" ? { dato: v.dato } : {}) };
  } catch {
    // A bare fingerprint (or text someone typed): compared as a fingerprint of any signer.
  }
  return { fingerprint: text.trim() };
}

const storedText = (fp: string, s: SignOff): string => JSON.stringify({ fingerprint: fp, signatur: (s.signatur ?? "").trim(), dato: (s.dato ?? "").trim() });

/**
 * The periods' sign-off against the figures of this run. A run that finds a period signed by
 * someone (signature and date) it has not seen sign it stores the fingerprint of the figures with
 * the signature and date; a later run with other figures reads «endret etter signering» until the
 * period is signed again (a new date or signature). A period whose signature or date is removed
 * loses its stored fingerprint. `stored(key)` is the `_lonn` value of a key.
 */
export function reviewPeriods(periods: readonly PeriodToReview[], stored: (key: string) => string | undefined): PeriodReview {
  const out: ReviewedPeriod[] = [];
  const settings: Record<string, string> = {};
  for (const p of periods) {
    const current = fingerprint(p.figures);
    const before = stored(p.key);
    const signed = parseStored(before);
    const sameSigning =
      signed !== undefined &&
      (signed.signatur === undefined || signed.signatur === (p.signOff.signatur ?? "").trim()) &&
      (signed.dato === undefined || signed.dato === (p.signOff.dato ?? "").trim());
    const state = signOffState(p.signOff, sameSigning ? signed.fingerprint : undefined, current);
    const keep = state === "ikke signert" ? "" : sameSigning ? (before as string) : storedText(current, p.signOff);
    if (keep !== (before ?? "")) settings[p.key] = keep;
    out.push({ periode: p.periode, signOff: p.signOff, state, current, stored: keep });
  }
  return { periods: out, settings };
}
