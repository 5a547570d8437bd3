/**
 * Whatever Excel (or a user) passes, every function answers with a rectangular array of finite
 * numbers, texts and Excel errors with a message: never an exception, NaN, Infinity, null or
 * undefined. Amounts come out in whole øre, rates as fractions in [0, 1), termins 1–6, dates as
 * whole Excel date serials of real days.
 */
import fc from "fast-check";
import { ErrorCode, StubError } from "./custom-functions-stub";
import { fromExcelSerial } from "../../src/core/calendar";
import * as f from "../../src/functions/functions";

type Fn = (...args: unknown[]) => unknown;
type Kind = "amount" | "rate" | "termin" | "zone" | "date";

const FUNCTIONS: [string, Fn, number, Kind][] = [
  ["TRYGDEAVGIFT", f.trygdeavgift as Fn, 3, "amount"],
  ["TRYGDEAVGIFT_SAMLET", f.trygdeavgiftSamlet as Fn, 4, "amount"],
  ["TRYGDEAVGIFT_SATS", f.trygdeavgiftSats as Fn, 2, "rate"],
  ["AGA_SONE", f.agaSone as Fn, 2, "zone"],
  ["AGA_SATS", f.agaSats as Fn, 3, "rate"],
  ["AGA", f.aga as Fn, 4, "amount"],
  ["AGA_FRIBELOP", f.agaFribelop as Fn, 4, "amount"],
  ["EKSTRA_AGA", f.ekstraAga as Fn, 3, "amount"],
  ["GRUNNBELOP", f.grunnbelop as Fn, 1, "amount"],
  ["G_SNITT", f.gSnitt as Fn, 1, "amount"],
  ["SPK_TERMIN", f.spkTermin as Fn, 1, "termin"],
  ["AGA_SNITTSATS", f.agaSnittsats as Fn, 3, "rate"],
  ["FORDEL", f.fordel as Fn, 2, "amount"],
  ["VIRKEDAG", f.virkedag as Fn, 2, "date"],
  ["FORFALL_FORSKUDDSTREKK", f.forfallForskuddstrekk as Fn, 1, "date"],
  ["FORFALL_AGA", f.forfallAga as Fn, 2, "date"],
  ["FERIEPENGER", f.feriepenger as Fn, 4, "amount"],
];

/**
 * The only error codes a function may give: those Excel shows with their message. Excel drops the
 * custom message on #NUM! (it keeps it on #VALUE! and #N/A), so every error is one of these two.
 */
const CODES = new Set<string>([ErrorCode.invalidValue, ErrorCode.notAvailable]);
const ZONES = new Set(["I", "Ia", "II", "III", "IV", "IVa", "V"]);

/** Values that mean something to some function, so the fuzzing reaches the rules, not only the type checks. */
const meaningful = fc.constantFrom<unknown>(
  0, null, undefined, "", " ", true, false, -0, 1, 12, 13, 2.5, 2019, 2020, 2023, 2024, 2026, 2027, 301, 1506, 5001, 2111, 9999,
  45444, 202403, 20240601, 1e13, 1e14, -1e14, 1e300, 5e-324, 0.005, -0.005, 0.141, 0.051, 99650, 850000, 24_000_000,
  "lønn", "L", "næring", "pensjon", "fiske", "Ia", "1a", "IVa", "sone V", "0301", "2024", "2024-06-01", "01.06.2024",
  "202403", "2024-13", "Midsund", "Molde", "jordbruk", "sektorunntak", "120000", "1 234,50", "NaN", "Infinity",
  "__proto__", "constructor", "toString",
);
const odd = fc.constantFrom<unknown>(
  [[1]], [], {}, { type: "Double", basicValue: 5 }, { type: "Double", basicValue: "x" }, { type: "Error", basicValue: "#DIV/0!" },
  { type: "Empty" }, Symbol.for("x"), () => 1, 10n,
);
const cell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: meaningful },
  { weight: 2, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.integer({ min: -2e9, max: 2e9 }).map((ore) => ore / 100) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: odd },
);

const matrixOf = (rows: number, cols: number) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
const anyMatrix = fc.integer({ min: 1, max: 4 }).chain((rows) => fc.integer({ min: 1, max: 4 }).chain((cols) => matrixOf(rows, cols)));
const strange = fc.oneof(
  fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 4 }), // ragged, empty rows
  fc.array(cell, { maxLength: 4 }), // one-dimensional
  fc.constantFrom<unknown>([], [[]], [[], []], [[[1]]]),
);
/** Any argument at all. */
const looseArg: fc.Arbitrary<unknown> = fc.oneof({ weight: 3, arbitrary: cell }, { weight: 3, arbitrary: anyMatrix }, { weight: 1, arbitrary: strange });

/** Arguments that fit together: each one a single value or a range of one common shape. */
const alignedArgs = (arity: number) =>
  fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 3 })).chain(([rows, cols]) =>
    fc.tuple(fc.constant({ rows, cols }), fc.array(fc.oneof(cell, matrixOf(rows, cols)), { minLength: arity, maxLength: arity })),
  );

function checkCell(name: string, kind: Kind, value: unknown): void {
  if (value instanceof StubError) {
    expect(CODES.has(value.code)).toBe(true);
    expect(typeof value.message).toBe("string");
    expect((value.message ?? "").trim().length).toBeGreaterThan(0);
    return;
  }
  if (kind === "zone") {
    expect(ZONES.has(value as string)).toBe(true);
    return;
  }
  expect(typeof value).toBe("number");
  const x = value as number;
  expect(Number.isFinite(x)).toBe(true);
  if (kind === "amount") expect(Math.round(x * 100) / 100).toBe(x);
  if (kind === "rate") expect(x >= 0 && x < 1).toBe(true);
  if (kind === "termin") expect([1, 2, 3, 4, 5, 6]).toContain(x);
  if (kind === "date") expect(Number.isInteger(x) && fromExcelSerial(x) !== undefined).toBe(true);
  if (name && Object.is(x, -0)) throw new Error(`${name} returned -0`);
}

function checkResult(name: string, kind: Kind, result: unknown): { rows: number; cols: number } {
  expect(Array.isArray(result)).toBe(true);
  const m = result as unknown[][];
  expect(m.length).toBeGreaterThan(0);
  const cols = (m[0] ?? []).length;
  expect(cols).toBeGreaterThan(0);
  for (const row of m) {
    expect(Array.isArray(row)).toBe(true);
    expect(row.length).toBe(cols);
    for (const value of row) checkCell(name, kind, value);
  }
  return { rows: m.length, cols };
}

describe.each(FUNCTIONS)("%s", (name, fn, arity, kind) => {
  test("any arguments: a well-formed result and never an exception", () => {
    fc.assert(
      fc.property(fc.array(looseArg, { minLength: 0, maxLength: arity }), (args) => {
        checkResult(name, kind, fn(...args));
      }),
      { numRuns: 400 },
    );
  });

  test("arguments that fit together: the result has their shape (or is one whole-call error)", () => {
    fc.assert(
      fc.property(alignedArgs(arity), ([shape, args]) => {
        const result = fn(...args);
        const got = checkResult(name, kind, result);
        // A 1×1 range is one value (an odd cell such as [[1]] passed bare is exactly that).
        const isRange = (a: unknown) => Array.isArray(a) && !(a.length === 1 && Array.isArray(a[0]) && a[0].length === 1);
        const ranges = args.filter(isRange);
        let expected = ranges.length > 0 ? shape : { rows: 1, cols: 1 };
        if (name === "AGA_SNITTSATS") expected = { rows: 1, cols: 1 };
        if (name === "FORDEL") expected = isRange(args[1]) ? shape : { rows: 1, cols: 1 };
        if (got.rows !== expected.rows || got.cols !== expected.cols) {
          // Only a whole-call error may change the shape: one cell with an error.
          expect(got).toEqual({ rows: 1, cols: 1 });
          expect((result as unknown[][])[0][0]).toBeInstanceOf(StubError);
        }
      }),
      { numRuns: 400 },
    );
  });
});
