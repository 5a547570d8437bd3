/**
 * The strict proxy behind every fake Excel object. Like Office.js, a proxy only describes an
 * object: property writes and method calls are queued and happen at `context.sync()`, and a
 * property can be read only after it was `load`ed AND a sync has run. Unlike Office.js, reading a
 * property you only wrote also throws: code must never rely on reading back its own writes.
 */
import type { FakeRequestContext } from "./context";
import { FakeOfficeError, invalidArgument } from "./errors";

/** What `load` accepts: "a,b", ["a", "b/c"], { a: true, b: { c: true } } or { select: "a,b" }. */
export type LoadSpec = string | readonly string[] | { readonly [key: string]: unknown };

const NULL_MARK = Symbol("null object");

type Resolution<T> =
  | { readonly state: "pending" }
  | { readonly state: "ok"; readonly target: T }
  | { readonly state: "null" }
  | { readonly state: "error"; readonly error: FakeOfficeError };

function flattenObjectSpec(spec: { readonly [key: string]: unknown }, prefix: string): string[] {
  return Object.entries(spec).flatMap(([key, v]) => {
    if (v === true) return [`${prefix}${key}`];
    if (v && typeof v === "object") return flattenObjectSpec(v as { [key: string]: unknown }, `${prefix}${key}/`);
    return [];
  });
}

export function parseLoadSpec(spec: LoadSpec | undefined, kind: string): string[] {
  if (spec === undefined || spec === "" || (Array.isArray(spec) && spec.length === 0)) {
    throw invalidArgument(`${kind}.load() uten egenskaper støttes ikke: last bare egenskapene du trenger`);
  }
  let paths: string[];
  if (typeof spec === "string") paths = spec.split(",");
  else if (Array.isArray(spec)) paths = [...spec];
  else {
    const o = spec as { readonly [key: string]: unknown };
    paths = typeof o.select === "string" ? o.select.split(",") : flattenObjectSpec(o, "");
  }
  return paths.map((p) => p.trim()).filter((p) => p !== "");
}

/** Deep copy of what a caller hands over, so later changes to its arrays do not leak in. */
export function copyValue<V>(value: V): V {
  return Array.isArray(value) ? (value.map((row) => (Array.isArray(row) ? [...row] : row)) as V) : value;
}

export const payloadBytes = (value: unknown): number => JSON.stringify(value ?? null).length;

export abstract class FakeObject<T> {
  private resolution: Resolution<T> = { state: "pending" };
  private readonly loaded = new Map<string, unknown>();
  private readonly pending = new Set<string>();
  private readonly navCache = new Map<string, FakeObject<unknown>>();

  protected constructor(
    readonly context: FakeRequestContext,
    protected readonly kind: string,
    private readonly resolver: () => T | null,
    /** Created by an *OrNullObject method: its existence is settled where it was queued. */
    orNull = false,
  ) {
    if (orNull) this.queue(`${kind}: finn`, 0, () => void this.target());
  }

  /** Scalar properties `load` accepts. */
  protected abstract readonly loadable: readonly string[];

  /** A loadable property's current value in the workbook. */
  protected abstract read(name: string, target: T): unknown;

  /** Navigation properties (format, fill, …) by name, for `load("format/fill/color")`. */
  protected navigation(_name: string): FakeObject<unknown> | undefined {
    return undefined;
  }

  /** A navigation property's proxy, the same object every time (as in Office.js). */
  protected nav<C extends FakeObject<unknown>>(name: string, make: () => C): C {
    let child = this.navCache.get(name);
    if (!child) {
      child = make();
      this.navCache.set(name, child);
    }
    return child as C;
  }

  get isNullObject(): boolean {
    switch (this.resolution.state) {
      case "pending":
        throw new FakeOfficeError("PropertyNotLoaded", `${this.kind}.isNullObject er ukjent før context.sync()`);
      case "null":
        return true;
      default:
        return false;
    }
  }

  /** The object this proxy stands for, settled on first use during a sync; null for a null object. */
  target(): T | null {
    if (this.resolution.state === "pending") {
      try {
        const t = this.resolver();
        this.resolution = t === null ? { state: "null" } : { state: "ok", target: t };
      } catch (e) {
        if (!(e instanceof FakeOfficeError)) throw e;
        this.resolution = { state: "error", error: e };
      }
    }
    if (this.resolution.state === "error") throw this.resolution.error;
    return this.resolution.state === "ok" ? this.resolution.target : null;
  }

  /** The target, or an error when this is a null object (nothing can be changed through it). */
  protected require(action: string): T {
    const t = this.target();
    if (t === null) {
      throw new FakeOfficeError("InvalidObjectPath", `${this.kind} er et null-objekt (isNullObject); ${action} er ikke mulig`);
    }
    return t;
  }

  /** A child proxy's resolver: null parents give null children, or fail, as the host is configured. */
  protected derive<C>(make: (parent: T) => C | null): () => C | null {
    return () => {
      const p = this.target();
      if (p !== null) return make(p);
      if (this.context.host.options.nullObjectChains === "fail") {
        throw new FakeOfficeError("InvalidObjectPath", `Metodekall på null-objektet ${this.kind}`);
      }
      return null;
    };
  }

  protected queue(label: string, requestBytes: number, run: () => void): void {
    this.context.enqueue({ label, requestBytes, run });
  }

  load(spec?: LoadSpec): this {
    const own: string[] = [];
    for (const path of parseLoadSpec(spec, this.kind)) {
      const [head, ...rest] = path.split("/");
      const child = this.navigation(head);
      if (rest.length > 0) {
        if (!child) throw invalidArgument(`${this.kind} har ingen navigasjonsegenskap «${head}»`);
        child.load(rest.join("/"));
      } else if (this.loadable.includes(head)) {
        own.push(head);
      } else if (child) {
        throw invalidArgument(`${this.kind}.load("${head}"): last bladegenskaper som "${head}/…", ikke hele objektet`);
      } else {
        throw invalidArgument(`${this.kind} har ingen egenskap «${head}» som kan lastes`);
      }
    }
    if (own.length > 0) this.queueLoad(own);
    return this;
  }

  private queueLoad(names: readonly string[]): void {
    for (const n of names) {
      this.pending.add(n);
      this.loaded.delete(n);
    }
    this.queue(`${this.kind}.load(${names.join(",")})`, 0, () => {
      const t = this.target();
      for (const n of names) {
        const value = t === null ? NULL_MARK : this.read(n, t);
        if (value !== NULL_MARK) this.context.countResponse(value);
        this.loaded.set(n, value);
        this.pending.delete(n);
      }
    });
  }

  /**
   * For collections, during a sync: an item the collection just listed gets the properties the
   * collection's `load` asked for (e.g. `worksheets.load("items/name")`).
   */
  loadDuringSync(names: readonly string[]): void {
    for (const n of names) {
      if (!this.loadable.includes(n)) throw invalidArgument(`${this.kind} har ingen egenskap «${n}» som kan lastes`);
    }
    const t = this.target();
    for (const n of names) {
      const value = t === null ? NULL_MARK : this.read(n, t);
      if (value !== NULL_MARK) this.context.countResponse(value);
      this.loaded.set(n, value);
    }
  }

  /** A loaded property, or the error Office.js gives when it is not (yet) available. */
  protected get<V>(name: string): V {
    if (this.pending.has(name)) {
      throw new FakeOfficeError("PropertyNotLoaded", `${this.kind}.${name} er lastet, men context.sync() har ikke kjørt ennå`);
    }
    if (!this.loaded.has(name)) {
      throw new FakeOfficeError("PropertyNotLoaded", `${this.kind}.${name} er ikke lastet: kall load("${name}") og context.sync() først`);
    }
    const value = this.loaded.get(name);
    if (value === NULL_MARK) {
      throw new FakeOfficeError("InvalidObjectPath", `${this.kind} er et null-objekt (isNullObject); ${name} kan ikke leses`);
    }
    return value as V;
  }

  /** Queues a property write; the proxy forgets any loaded value of it. */
  protected set<V>(name: string, value: V, apply: (target: T, value: V) => void): void {
    const v = copyValue(value);
    this.loaded.delete(name);
    this.queue(`${this.kind}.${name} =`, payloadBytes(v) + name.length, () => apply(this.require(`å sette ${name}`), v));
  }

  /** Queues a method call that changes the workbook. */
  protected act(label: string, requestBytes: number, run: (target: T) => void): void {
    this.queue(`${this.kind}.${label}`, requestBytes + label.length, () => run(this.require(label)));
  }

  /** Loaded properties, as Office.js's toJSON gives them. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries([...this.loaded].filter(([, v]) => v !== NULL_MARK));
  }

  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }
}
