/**
 * Reading one JSON object field by field, every problem under its JSON path
 * (`lonnskjoringer[2].forskuddstrekk mangler.`), all of them reported together: the one reader of
 * every JSON input (the SPK and trekk scenarios, the payroll journal, `_lonn`'s lists). Unknown
 * fields are refused with «mente du …?»: a misspelt amount would otherwise count as nothing.
 * Whether a missing amount is a problem or 0 is the caller's (`amount(key, required)`): in the SPK
 * scenario an absent amount is an empty DFØ column; in the trekk scenario it is a problem.
 */
import { isValidDate, parseDateText } from "../calendar";
import { isRuleError } from "../errors";
import { Ore, oreFromKroner } from "../money/ore";
import { isRateFraction } from "../money/rate-fraction";
import { ProblemList } from "./problem";
import { isValidOrgnr, normalOrgnr } from "../rules/orgnr";
import { foldNorwegian } from "../text";

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** `2026-01-23` → itself when it is a real date, else undefined. */
export function isoDateText(text: string): string | undefined {
  const m = text.trim().match(/^(\d{4})-(\d{2})-(\d{2})$/);
  return m && isValidDate(+m[1], +m[2], +m[3]) ? m[0] : undefined;
}

/** `2026-01` → itself when it is a month, else undefined. */
export function monthText(text: string): string | undefined {
  const t = text.trim();
  if (!/^\d{4}-\d{2}$/.test(t)) return undefined;
  const d = parseDateText(t);
  return d && d.day === undefined ? t : undefined;
}

export class Fields {
  constructor(
    readonly obj: Obj,
    readonly path: string,
    readonly problems: ProblemList,
  ) {}

  at(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }

  problem(key: string | undefined, message: string): void {
    this.problems.add({ path: key === undefined ? this.path : this.at(key), message });
  }

  onlyKnown(known: readonly string[]): void {
    for (const key of Object.keys(this.obj)) {
      if (known.includes(key)) continue;
      const like = known.find((k) => k.toLowerCase() === key.toLowerCase() || foldNorwegian(k) === foldNorwegian(key));
      this.problem(key, `er ikke et kjent felt${like ? ` (mente du ${like}?)` : ""}.`);
    }
  }

  has(key: string): boolean {
    return this.obj[key] !== undefined && this.obj[key] !== null;
  }

  private missing(key: string, required: boolean): boolean {
    if (this.has(key)) return false;
    if (required) this.problem(key, "mangler.");
    return true;
  }

  text(key: string, required: boolean, numbersToo = false): string | undefined {
    if (this.missing(key, required)) return undefined;
    const v = this.obj[key];
    if (typeof v === "string") {
      if (v.trim() === "" && required) {
        this.problem(key, "er tom.");
        return undefined;
      }
      return v.trim();
    }
    if (numbersToo && typeof v === "number" && Number.isFinite(v)) return String(v);
    this.problem(key, "er ikke en tekst.");
    return undefined;
  }

  number(key: string, required: boolean): number | undefined {
    if (this.missing(key, required)) return undefined;
    const v = this.obj[key];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      this.problem(key, "er ikke et tall.");
      return undefined;
    }
    return v;
  }

  /** true or false; anything else is named. */
  flag(key: string): boolean | undefined {
    if (this.missing(key, false)) return undefined;
    const v = this.obj[key];
    if (typeof v === "boolean") return v;
    this.problem(key, `må være true eller false (fikk ${JSON.stringify(v)}).`);
    return undefined;
  }

  integer(key: string, required: boolean, min: number, max: number): number | undefined {
    const v = this.number(key, required);
    if (v === undefined) return undefined;
    if (!Number.isInteger(v) || v < min || v > max) {
      this.problem(key, `må være et heltall fra ${min} til ${max} (fikk ${v}).`);
      return undefined;
    }
    return v;
  }

  /** A rate as a fraction from 0 to 1 (`0.141` for 14,1 %). */
  rate(key: string, required: boolean): number | undefined {
    const v = this.number(key, required);
    if (v === undefined) return undefined;
    if (!isRateFraction(v)) {
      this.problem(key, `må være en brøk fra og med 0 til 1, f.eks. 0.1387 for 13,87 % (fikk ${v}).`);
      return undefined;
    }
    return v;
  }

  /** Kroner with at most two decimals, as øre. `positive`: 0 or more. */
  amount(key: string, required: boolean, positive = false): Ore | undefined {
    const v = this.number(key, required);
    if (v === undefined) return undefined;
    const checked = oreFromKroner(v, this.at(key));
    if (isRuleError(checked)) {
      this.problem(key, checked.message.slice(this.at(key).length + 1));
      return undefined;
    }
    if (positive && checked < 0) {
      this.problem(key, `kan ikke være negativt (fikk ${v}); beløpene i lønn og betalinger er positive.`);
      return undefined;
    }
    return checked;
  }

  date(key: string, required: boolean): string | undefined {
    const t = this.text(key, required);
    if (t === undefined) return undefined;
    const d = isoDateText(t);
    if (d === undefined) this.problem(key, `«${t}» er ikke en dato på formen ÅÅÅÅ-MM-DD.`);
    return d;
  }

  month(key: string, required: boolean): string | undefined {
    const t = this.text(key, required);
    if (t === undefined) return undefined;
    const m = monthText(t);
    if (m === undefined) this.problem(key, `«${t}» er ikke en måned på formen ÅÅÅÅ-MM.`);
    return m;
  }

  /** A list; missing is an empty list when not required. */
  array(key: string, required: boolean): unknown[] {
    if (this.missing(key, required)) return [];
    const v = this.obj[key];
    if (!Array.isArray(v)) {
      this.problem(key, "er ikke en liste.");
      return [];
    }
    return v;
  }

  /** Each element of a list that is an object, as Fields; other elements are problems. */
  objects(key: string, known: readonly string[], required: boolean): Fields[] {
    const out: Fields[] = [];
    this.array(key, required).forEach((item, i) => {
      const path = `${this.at(key)}[${i}]`;
      if (!isObj(item)) {
        this.problems.add({ path, message: "er ikke et objekt." });
        return;
      }
      const f = new Fields(item, path, this.problems);
      f.onlyKnown(known);
      out.push(f);
    });
    return out;
  }

  /** An organisation number: nine digits (spaces allowed) with a valid modulus-11 check digit. */
  orgnr(key: string, required = false): string | undefined {
    const text = this.text(key, required, true);
    if (text === undefined) return undefined;
    const nr = normalOrgnr(text);
    if (nr === undefined) this.problem(key, `må ha ni sifre (fikk «${text}»).`);
    else if (!isValidOrgnr(nr)) this.problem(key, `${nr} har feil kontrollsiffer (modulus 11).`);
    else return nr;
    return undefined;
  }

  /** An object of account numbers by `keys` (`"kontoer": { "forskuddstrekk": "2600" }`), each non-empty; undefined when absent. */
  accounts<K extends string>(key: string, keys: readonly K[]): Partial<Record<K, string>> | undefined {
    const f = this.object(key, keys, false);
    if (!f) return undefined;
    const out: Partial<Record<K, string>> = {};
    for (const k of keys) {
      const konto = f.text(k, false, true);
      if (konto === undefined) continue;
      if (konto === "") f.problem(k, "er tom.");
      else out[k] = konto;
    }
    return out;
  }

  /** A nested object, or undefined (a problem when it is not an object). */
  object(key: string, known: readonly string[], required: boolean): Fields | undefined {
    if (this.missing(key, required)) return undefined;
    const v = this.obj[key];
    if (!isObj(v)) {
      this.problem(key, "er ikke et objekt.");
      return undefined;
    }
    const f = new Fields(v, this.at(key), this.problems);
    f.onlyKnown(known);
    return f;
  }
}
