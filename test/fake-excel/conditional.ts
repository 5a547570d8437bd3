/**
 * Conditional formats on a range: `add("Custom")` with a rule formula and a format, `clearAll()`,
 * `getCount()`, `items`. The fake keeps one rectangle per format; `clearAll` on a range that
 * only partly covers a format is refused (Excel would trim the format; the fake cannot).
 */
import { contains, formatRect, intersects } from "./address";
import { addressOf, checkColor, RangeTarget } from "./cells";
import type { FakeRequestContext } from "./context";
import { FakeOfficeError, invalidArgument } from "./errors";
import { checkFormula } from "./input";
import { ConditionalFormatState } from "./model";
import { FakeClientResult } from "./result";
import { FakeObject, LoadSpec, parseLoadSpec } from "./proxy";

const TYPES = ["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"];

export class FakeConditionalFormatCollection extends FakeObject<RangeTarget> {
  protected readonly loadable = [] as const;
  private listed: FakeConditionalFormat[] | undefined;
  private listing = false;

  constructor(context: FakeRequestContext, resolver: () => RangeTarget | null) {
    super(context, "ConditionalFormatCollection", resolver);
  }

  protected read(): unknown {
    return undefined;
  }

  private formatsOn(t: RangeTarget): ConditionalFormatState[] {
    return t.sheet.conditionalFormats.filter((f) => intersects(f.rect, t.rect));
  }

  add(type: string): FakeConditionalFormat {
    let created: ConditionalFormatState | undefined;
    this.act(`add(${type})`, type.length, (t) => {
      if (!TYPES.includes(type)) throw invalidArgument(`Ukjent type betinget formatering «${type}»`, "conditionalFormats.add");
      created = { id: this.context.host.workbook.newId(), rect: t.rect, type };
      t.sheet.conditionalFormats.push(created);
      this.context.host.logWrite(t, "conditionalFormats.add", type);
    });
    return new FakeConditionalFormat(this.context, () => {
      if (!created) throw new FakeOfficeError("InvalidObjectPath", "Den betingede formateringen ble ikke opprettet");
      return { format: created, sheetName: this.require("add").sheet.name };
    });
  }

  clearAll(): void {
    this.act("clearAll()", 0, (t) => {
      const hit = this.formatsOn(t);
      const partial = hit.find((f) => !contains(t.rect, f.rect));
      if (partial) {
        throw new FakeOfficeError("NotImplemented", `clearAll på ${addressOf(t)} dekker bare en del av formateringen på ${formatRect(partial.rect)}`);
      }
      const list = t.sheet.conditionalFormats;
      for (const f of hit) list.splice(list.indexOf(f), 1);
      this.context.host.logWrite(t, "conditionalFormats.clearAll", hit.length);
    });
  }

  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>("ConditionalFormatCollection.getCount()");
    this.queue("ConditionalFormatCollection.getCount()", 0, () => {
      const t = this.target();
      result.settle(t === null ? 0 : this.formatsOn(t).length);
    });
    return result;
  }

  override load(spec?: LoadSpec): this {
    const props = parseLoadSpec(spec, this.kind).map((p) => p.replace(/^items\//, ""));
    this.listing = true;
    this.listed = undefined;
    this.queue("ConditionalFormatCollection.load(items)", 0, () => {
      const t = this.target();
      this.listed = (t === null ? [] : this.formatsOn(t)).map((format) => {
        const item = new FakeConditionalFormat(this.context, () => ({ format, sheetName: t?.sheet.name ?? "" }));
        item.loadDuringSync(props);
        return item;
      });
      this.listing = false;
    });
    return this;
  }

  get items(): FakeConditionalFormat[] {
    if (this.listing || !this.listed) {
      throw new FakeOfficeError("PropertyNotLoaded", "ConditionalFormatCollection.items: kall load(\"items/…\") og context.sync() først");
    }
    return this.listed;
  }
}

interface FormatTarget {
  readonly format: ConditionalFormatState;
  readonly sheetName: string;
}

export class FakeConditionalFormat extends FakeObject<FormatTarget> {
  protected readonly loadable = ["type", "id"] as const;

  constructor(context: FakeRequestContext, resolver: () => FormatTarget | null) {
    super(context, "ConditionalFormat", resolver);
  }

  protected read(name: string, t: FormatTarget): unknown {
    return name === "type" ? t.format.type : t.format.id;
  }

  protected override navigation(name: string): FakeObject<unknown> | undefined {
    return name === "custom" ? this.custom : undefined;
  }

  get type(): string { return this.get("type"); }
  get id(): string { return this.get("id"); }

  get custom(): FakeCustomFormat {
    return this.nav("custom", () => new FakeCustomFormat(this.context, this.derive((t) => {
      if (t.format.type !== "Custom") throw new FakeOfficeError("InvalidOperation", "Formateringen er ikke av typen Custom");
      return t;
    })));
  }

  delete(): void {
    this.act("delete()", 0, (t) => {
      const sheet = this.context.host.workbook.findSheet(t.sheetName);
      const list = sheet?.conditionalFormats ?? [];
      const i = list.indexOf(t.format);
      if (i >= 0) list.splice(i, 1);
    });
  }
}

class FakeCustomFormat extends FakeObject<FormatTarget> {
  protected readonly loadable = [] as const;

  constructor(context: FakeRequestContext, resolver: () => FormatTarget | null) {
    super(context, "ConditionalFormat.custom", resolver);
  }

  protected read(): unknown {
    return undefined;
  }

  protected override navigation(name: string): FakeObject<unknown> | undefined {
    return name === "rule" ? this.rule : name === "format" ? this.format : undefined;
  }

  get rule(): FakeFormatPart {
    return this.nav("rule", () => new FakeFormatPart(this.context, "rule", ["formula"], this.derive((t) => t)));
  }

  get format(): FakeCustomRangeFormat {
    return this.nav("format", () => new FakeCustomRangeFormat(this.context, this.derive((t) => t)));
  }
}

class FakeCustomRangeFormat extends FakeObject<FormatTarget> {
  protected readonly loadable = [] as const;

  constructor(context: FakeRequestContext, resolver: () => FormatTarget | null) {
    super(context, "ConditionalFormat.custom.format", resolver);
  }

  protected read(): unknown {
    return undefined;
  }

  protected override navigation(name: string): FakeObject<unknown> | undefined {
    return name === "fill" ? this.fill : name === "font" ? this.font : undefined;
  }

  get fill(): FakeFormatPart {
    return this.nav("fill", () => new FakeFormatPart(this.context, "fill", ["color"], this.derive((t) => t)));
  }

  get font(): FakeFormatPart {
    return this.nav("font", () => new FakeFormatPart(this.context, "font", ["color", "bold", "italic"], this.derive((t) => t)));
  }
}

type PartKey = "formula" | "fill" | "fontColor" | "bold" | "italic";

/** rule.formula, fill.color, font.{color,bold,italic} of a custom conditional format. */
class FakeFormatPart extends FakeObject<FormatTarget> {
  protected readonly loadable: readonly string[];

  constructor(
    context: FakeRequestContext,
    private readonly part: "rule" | "fill" | "font",
    props: readonly string[],
    resolver: () => FormatTarget | null,
  ) {
    super(context, `ConditionalFormat.custom.${part}`, resolver);
    this.loadable = props;
  }

  private key(name: string): PartKey {
    if (this.part === "rule") return "formula";
    if (this.part === "fill") return "fill";
    return name === "color" ? "fontColor" : (name as "bold" | "italic");
  }

  protected read(name: string, t: FormatTarget): unknown {
    return t.format[this.key(name)] ?? null;
  }

  private put(name: string, value: unknown): void {
    this.set(name, value, (t, v) => {
      const where = `${this.kind}.${name}`;
      const key = this.key(name);
      if (key === "formula") {
        if (typeof v !== "string" || !v.startsWith("=")) throw invalidArgument(`Regelformelen må begynne med «=»: ${JSON.stringify(v)}`, where);
        t.format.formula = checkFormula(v, where);
      } else if (key === "fill" || key === "fontColor") {
        t.format[key] = checkColor(v, where);
      } else {
        if (typeof v !== "boolean") throw invalidArgument(`${where} må være sann/usann`, where);
        t.format[key] = v;
      }
      this.context.host.logWrite({ sheet: this.context.host.sheet(t.sheetName), rect: t.format.rect }, `conditionalFormat.${this.part}.${name}`, v);
    });
  }

  get formula(): string { return this.get("formula"); }
  set formula(v: string) { this.put("formula", v); }
  get color(): string { return this.get("color"); }
  set color(v: string) { this.put("color", v); }
  get bold(): boolean { return this.get("bold"); }
  set bold(v: boolean) { this.put("bold", v); }
  get italic(): boolean { return this.get("italic"); }
  set italic(v: boolean) { this.put("italic", v); }
}
