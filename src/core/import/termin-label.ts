import { monthsOfTermin } from "../rules/termin";
import { foldNorwegian } from "../text";
import { monthOfName } from "./periods";

/**
 * The termin (1–6) a label names, or undefined when it names none.
 *
 * Used for the termin column of SPK invoice lines and to find the termin rows of an existing
 * reconciliation sheet, so it reads every way people write a termin:
 * - the number itself: `1`, 1 (a number cell), `1.`;
 * - `T1`, `t1`, `T 1`;
 * - `1. termin`, `1 termin`, `1.termin`, `Termin 1`, `termin 1`, `Termin nr. 1`;
 * - the two months: `jan–feb`, `jan-feb`, `Jan/Feb`, `januar–februar`, `jan. – feb.`
 *   (hyphen, en/em dash, minus sign or slash; Norwegian or English names); the months must be
 *   the two of one termin, so `feb–mar` is not a termin;
 * - a number form followed by its months, `1. termin (jan–feb)`, `T1 jan–feb`, `T1: jan-feb`,
 *   where both must agree.
 * Anything else — `7`, `T0`, `1,5`, `termin`, a year — gives undefined.
 */
export function parseTerminLabel(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) && value >= 1 && value <= 6 ? value : undefined;
  if (typeof value !== "string") return undefined;
  // An invoice of 100 000 lines has a handful of termin texts: each is read once.
  if (labels.has(value)) return labels.get(value);
  const termin = labelOf(value);
  if (labels.size >= MEMO_SIZE) labels.clear();
  labels.set(value, termin);
  return termin;
}

/** The termins of label texts read (undefined: no termin). */
const labels = new Map<string, number | undefined>();
const MEMO_SIZE = 10_000;

function labelOf(value: string): number | undefined {
  const text = foldNorwegian(value)
    .replace(/[\u2010-\u2015\u2212/]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
  if (text === "") return undefined;

  const alone = terminNumber(text) ?? terminOfMonths(text);
  if (alone !== undefined) return alone;

  // A number form and its months: "1. termin (jan-feb)", "t1 jan-feb", "t1: jan-feb".
  const paren = text.match(/^(.+?) ?\((.+)\)$/);
  if (paren) return agreeing(paren[1], paren[2]);
  for (let i = 1; i < text.length - 1; i++) {
    if (text[i] !== " " && text[i] !== ":" && text[i] !== ",") continue;
    const termin = agreeing(text.slice(0, i).replace(/[:,]$/, "").trim(), text.slice(i + 1).replace(/^[:,]/, "").trim());
    if (termin !== undefined) return termin;
  }
  return undefined;
}

function agreeing(numberPart: string, monthsPart: string): number | undefined {
  const byNumber = terminNumber(numberPart);
  return byNumber !== undefined && byNumber === terminOfMonths(monthsPart) ? byNumber : undefined;
}

function terminNumber(text: string): number | undefined {
  const m =
    text.match(/^t ?([1-6])$/) ??
    text.match(/^([1-6]) ?\.?$/) ??
    text.match(/^([1-6]) ?\.? ?termin$/) ??
    text.match(/^termin ?(?:nr\.? ?)?([1-6])\.?$/);
  return m ? Number(m[1]) : undefined;
}

function terminOfMonths(text: string): number | undefined {
  const m = text.match(/^([a-z]+)\.? ?- ?([a-z]+)\.?$/);
  if (!m) return undefined;
  const first = monthOfName(m[1]);
  const second = monthOfName(m[2]);
  if (first === undefined || second === undefined || first % 2 === 0) return undefined;
  const termin = (first + 1) / 2;
  return monthsOfTermin(termin)[1] === second ? termin : undefined;
}
