/** `Excel.RangeAreas` as `Range.getMergedAreasOrNullObject()` gives it: the areas' address and count. */
import { formatAddress, Rect } from "./address";
import type { FakeRequestContext } from "./context";
import { SheetState } from "./model";
import { FakeObject } from "./proxy";

/** The documented limit of getMergedAreasOrNullObject ("more than 512 … will fail"). */
export const MAX_MERGED_AREAS = 512;

export interface AreasTarget {
  readonly sheet: SheetState;
  readonly areas: readonly Rect[];
}

export class FakeRangeAreas extends FakeObject<AreasTarget> {
  protected readonly loadable = ["address", "areaCount", "cellCount"] as const;

  constructor(context: FakeRequestContext, resolver: () => AreasTarget | null) {
    super(context, "RangeAreas", resolver, true);
  }

  /** "'A10 SPK brutto'!J12:J13, 'A10 SPK brutto'!B12:C12", as the API reference shows it. */
  protected read(name: string, t: AreasTarget): unknown {
    if (name === "address") return t.areas.map((r) => formatAddress(t.sheet.name, r)).join(", ");
    if (name === "areaCount") return t.areas.length;
    return t.areas.reduce((n, r) => n + (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1), 0);
  }

  get address(): string { return this.get("address"); }
  get areaCount(): number { return this.get("areaCount"); }
  get cellCount(): number { return this.get("cellCount"); }
}
