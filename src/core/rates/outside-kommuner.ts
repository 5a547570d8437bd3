/**
 * The four-digit codes that look like kommunenummer but name areas outside the kommuner, as
 * SSB's and NAV's code lists for kommune give them (the "Kommuner" code list with 2111
 * Spitsbergen, 2121 Bjørnøya, 2131 Hopen, 2211 Jan Mayen, 2311 «Sokkelen sør for 62 grader»,
 * 2321 «Sokkelen nord for 62 grader»; two copies found by exact-string search in public
 * repositories, the repositories not resolved; SSB Klass 131 keeps them as special codes).
 *
 * What the product knows about each, and what it refuses:
 * - `svalbard`: Svalbard and Jan Mayen are outside the zone system; the 0 % rule of
 *   avgiftsvedtaket § 3 første ledd siste strekpunkt has its own conditions (S12). No zone.
 * - `sokkel`: the continental shelf. None of the sources behind these tables (S1–S33) gives the
 *   AGA rule for work on the shelf, so the product gives no zone or rate for it and asks for
 *   the zone to be given directly. A shelf code is not Svalbard.
 */
export type OutsideKind = "svalbard" | "sokkel";

export interface OutsideArea {
  readonly name: string;
  readonly kind: OutsideKind;
}

export const AREAS_OUTSIDE_KOMMUNER: ReadonlyMap<string, OutsideArea> = new Map<string, OutsideArea>([
  ["2100", { name: "Svalbard", kind: "svalbard" }],
  ["2111", { name: "Spitsbergen (Svalbard)", kind: "svalbard" }],
  ["2121", { name: "Bjørnøya (Svalbard)", kind: "svalbard" }],
  ["2131", { name: "Hopen (Svalbard)", kind: "svalbard" }],
  ["2211", { name: "Jan Mayen", kind: "svalbard" }],
  ["2311", { name: "kontinentalsokkelen sør for 62° N", kind: "sokkel" }],
  ["2321", { name: "kontinentalsokkelen nord for 62° N", kind: "sokkel" }],
]);
