/**
 * Due dates of forskuddstrekk and AGA (reference/trekk-og-aga.md §1): the worked 2026 dates,
 * the termin rule that forskuddstrekk followed up to 2025, and § 10-2's move to a virkedag.
 */
import { CalendarDate, isoDate } from "../../../src/core/calendar";
import { RuleError } from "../../../src/core/errors";
import { dateOf } from "../../../src/core/rules/date-cell";
import { checkTermin, dueDateAga, dueDateForskuddstrekk, dueDateTermin } from "../../../src/core/rules/due-dates";
import { isVirkedag } from "../../../src/core/rules/holidays";

const d = (iso: string): CalendarDate => {
  const [year, month, day] = iso.split("-").map(Number);
  return { year, month, day };
};
const iso = (r: unknown) => (r instanceof RuleError ? `${r.kind}: ${r.message}` : isoDate(r as CalendarDate));

describe("forskuddstrekk from 2026: the first virkedag after the pay date", () => {
  test.each([
    ["2026-01-23", "2026-01-26"], // Friday → Monday
    ["2026-04-01", "2026-04-07"], // 2, 3 and 6 April are holidays
    ["2026-05-13", "2026-05-15"], // 14 May is Kristi himmelfart
    ["2026-12-24", "2026-12-28"], // 25 and 26 December, then the weekend
    ["2026-01-02", "2026-01-05"],
    ["2026-01-24", "2026-01-26"], // a Saturday pay date: the first virkedag after it
    ["2026-04-02", "2026-04-07"], // paid on skjærtorsdag
    ["2026-04-30", "2026-05-04"], // 1 May is a Friday
    ["2026-12-31", "2027-01-04"],
    ["2026-12-30", "2026-12-31"], // nyttårsaften is a virkedag
  ])("pay %s → due %s", (pay, due) => expect(iso(dueDateForskuddstrekk(d(pay)))).toBe(due));
});

describe("forskuddstrekk up to 2025: the termin's due date", () => {
  test.each([
    ["2025-01-24", "2025-03-17"], // termin 1: 15 March 2025 is a Saturday
    ["2025-02-28", "2025-03-17"],
    ["2025-03-10", "2025-05-15"], // termin 2
    ["2025-06-20", "2025-07-15"], // termin 3
    ["2025-11-14", "2026-01-15"], // termin 6: paid from the old skattetrekkskonto by 15 January 2026
    ["2025-12-31", "2026-01-15"],
    ["2024-08-20", "2024-09-16"], // 15 September 2024 is a Sunday
  ])("pay %s → due %s", (pay, due) => expect(iso(dueDateForskuddstrekk(d(pay)))).toBe(due));
  test("a pay date that does not exist is #VALUE!", () => {
    expect(iso(dueDateForskuddstrekk(d("2025-02-30")))).toBe("value: Utbetalingsdatoen 2025-02-30 er ingen dato i 1900–9999.");
    expect(iso(dueDateForskuddstrekk(d("1899-12-29")))).toMatch(/^value: /);
  });
});

describe("AGA per termin: the 15th of the month after, moved to a virkedag", () => {
  test.each([
    [1, 2026, "2026-03-16"], // 15 March 2026 is a Sunday
    [2, 2026, "2026-05-15"],
    [3, 2026, "2026-07-15"],
    [4, 2026, "2026-09-15"],
    [5, 2026, "2026-11-16"], // 15 November 2026 is a Sunday
    [6, 2026, "2027-01-15"],
    [1, 2025, "2025-03-17"],
    [2, 2025, "2025-05-15"],
    [5, 2025, "2025-11-17"],
    [6, 2025, "2026-01-15"],
    [4, 2024, "2024-09-16"],
  ])("termin %i %i → %s", (termin, year, due) => {
    expect(iso(dueDateAga(termin, year))).toBe(due);
    expect(iso(dueDateTermin(termin, year))).toBe(due);
  });
  test("every termin due date is a virkedag, on the 15th or a few days after", () => {
    for (let year = 1900; year <= 2200; year++) {
      for (let termin = 1; termin <= 6; termin++) {
        const due = dueDateAga(termin, year) as CalendarDate;
        expect(isVirkedag(due)).toBe(true);
        expect(due.day).toBeGreaterThanOrEqual(15);
        expect(due.day).toBeLessThanOrEqual(19);
        expect(due.month).toBe(termin === 6 ? 1 : 2 * termin + 1);
      }
    }
  });
  test("a termin other than 1–6, or a year outside the calendar, is #VALUE!", () => {
    expect(iso(dueDateAga(0, 2026))).toBe("value: Terminen må være et helt tall 1–6 (fikk 0).");
    expect(iso(dueDateAga(7, 2026))).toBe("value: Terminen må være et helt tall 1–6 (fikk 7).");
    expect(iso(dueDateAga(1.5, 2026))).toBe("value: Terminen må være et helt tall 1–6 (fikk 1.5).");
    expect(iso(dueDateAga(1, 1899))).toBe("value: Året må være mellom 1900 og 9999 (fikk 1899).");
    expect(iso(dueDateAga(1, 2026.5))).toBe("value: Året må være et helt tall (fikk 2026.5).");
    expect(iso(dueDateAga(6, 9999))).toBe("value: Forfallet for termin 6 9999 havner etter 9999.");
    expect(iso(dueDateAga(5, 9999))).toBe("9999-11-15");
    expect(checkTermin(6)).toBe(6);
  });
});

describe("a day from a cell", () => {
  test.each([
    [46045, "2026-01-23"], // Excel serial
    [46045.75, "2026-01-23"], // with a time of day
    [20260123, "2026-01-23"], // yyyymmdd
    ["2026-01-23", "2026-01-23"],
    ["23.01.2026", "2026-01-23"],
    ["1.4.2026", "2026-04-01"],
    ["2150-06-01", "2150-06-01"], // text reaches past Excel serials of 2099
  ])("%p → %s", (value, expected) => expect(iso(dateOf(value, "Datoen"))).toBe(expected));
  test("a month is no day, and every refusal is #VALUE!", () => {
    const examples = "Skriv f.eks. 2026-01-23 eller 23.01.2026, eller bruk en Excel-dato.";
    expect(iso(dateOf("2026-01", "Datoen"))).toBe(`value: Datoen «2026-01» er en måned, ikke en dato. ${examples}`);
    expect(iso(dateOf(202601, "Datoen"))).toBe(`value: Datoen 202601 er en måned (ååååmm), ikke en dato. ${examples}`);
    expect(iso(dateOf("31.02.2026", "Utbetalingsdatoen"))).toBe(`value: Utbetalingsdatoen «31.02.2026» er ikke en dato. ${examples}`);
    expect(iso(dateOf(60, "Datoen"))).toBe(`value: Datoen: 60 er ikke et gyldig datoserienummer (Excel-dato). ${examples}`);
    for (const bad of [-1, 0.5, 73051, 20260231, Number.NaN, Number.POSITIVE_INFINITY]) expect(iso(dateOf(bad, "Datoen"))).toMatch(/^value: Datoen/);
  });
});
