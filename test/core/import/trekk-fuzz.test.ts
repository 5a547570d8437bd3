/**
 * Fuzzing the trekk readers (fast-check, fixed seed): mutated and random XML in random chunks, and
 * random sheets, give a result or problems that each have a place; never an exception, never a hang.
 */
import fc from "fast-check";
import { createAmeldingReader } from "../../../src/core/import/amelding";
import { createSaftReader } from "../../../src/core/import/saft";
import { createXmlTokenizer } from "../../../src/core/import/xml/tokenizer";
import { readLedgerCsv } from "../../../src/core/import/ledger-csv";
import { readPayrollJournal } from "../../../src/core/import/payroll-journal";
import { readPayments } from "../../../src/core/import/payments";
import { readCounterparties } from "../../../src/core/import/counterparties";
import { parseCsv } from "../../../src/core/import/csv";
import { isProblems, Problem } from "../../../src/core/problem/problem";
import { StreamReader } from "../../../src/core/import/xml/stream";
import { sampleText } from "./trekk-helpers";

jest.setTimeout(120_000);
const SEED = 20260101;

const AMELDING = sampleText("amelding-2026-03.xml");
const SAFT = [
  '<?xml version="1.0"?><AuditFile xmlns="urn:StandardAuditFile-Taxation-Financial:NO"><Header><AuditFileVersion>1.30</AuditFileVersion><DefaultCurrencyCode>NOK</DefaultCurrencyCode></Header>',
  "<MasterFiles><GeneralLedgerAccounts><Account><AccountID>2600</AccountID><OpeningCreditBalance>10.00</OpeningCreditBalance><ClosingCreditBalance>5.00</ClosingCreditBalance></Account></GeneralLedgerAccounts></MasterFiles>",
  "<GeneralLedgerEntries><NumberOfEntries>1</NumberOfEntries><TotalDebit>5.00</TotalDebit><TotalCredit>5.00</TotalCredit><Journal><JournalID>A</JournalID>",
  "<Transaction><TransactionID>1</TransactionID><TransactionDate>2026-01-20</TransactionDate><Description>x &amp; y</Description>",
  "<Line><AccountID>2600</AccountID><Description><![CDATA[a <b>]]></Description><DebitAmount><Amount>5.00</Amount></DebitAmount></Line>",
  "<Line><AccountID>1920</AccountID><Description>&#229;</Description><CreditAmount><Amount>5.00</Amount></CreditAmount></Line>",
  "</Transaction></Journal></GeneralLedgerEntries></AuditFile>",
].join("\n");

const PIECES = ["<", ">", "</", "/>", "&", ";", "&amp;", "&#x0;", "&#xD800;", "&#65;", '"', "'", "=", "<!--", "-->", "<![CDATA[", "]]>", "<?x ?>", "<!DOCTYPE a>", "\u0000", "\r", "\n", " ", "x:", "xmlns:x='u'", "beloep", "-", ".", "1", "9".repeat(30), "\ufeff", "ø"];

/** Mutations: cut a slice out, insert XML-ish pieces, duplicate a slice, truncate. */
const mutation = (length: number) =>
  fc.oneof(
    fc.record({ kind: fc.constant("cut" as const), at: fc.nat(length), size: fc.nat(200) }),
    fc.record({ kind: fc.constant("insert" as const), at: fc.nat(length), text: fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 5 }).map((a) => a.join("")) }),
    fc.record({ kind: fc.constant("copy" as const), at: fc.nat(length), size: fc.nat(300) }),
    fc.record({ kind: fc.constant("truncate" as const), at: fc.nat(length), size: fc.constant(0) }),
  );

type Mutation = { kind: "cut" | "copy" | "truncate"; at: number; size: number } | { kind: "insert"; at: number; text: string };

function mutate(text: string, list: readonly Mutation[]): string {
  let t = text;
  for (const m of list) {
    const at = Math.min(m.at, t.length);
    if (m.kind === "cut") t = t.slice(0, at) + t.slice(at + m.size);
    else if (m.kind === "insert") t = t.slice(0, at) + m.text + t.slice(at);
    else if (m.kind === "copy") t = t.slice(0, at) + t.slice(at, at + m.size) + t.slice(at);
    else t = t.slice(0, at);
  }
  return t;
}

function chunks(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const p of points) {
    out.push(text.slice(from, p));
    from = p;
  }
  out.push(text.slice(from));
  return out;
}

/** Every problem says where: its file, and a line or an element (the capped list's last line excepted). */
function placed(list: readonly Problem[]): boolean {
  return list.every((p) => p.file !== undefined && (p.row !== undefined || p.element !== undefined || p.message.startsWith("…")));
}

function feed<T>(reader: StreamReader<T>, parts: readonly string[]) {
  for (const p of parts) reader.write(p);
  return reader.end();
}

describe("fuzzing the XML readers", () => {
  test("mutated a-meldinger in random chunks: a result or placed problems", () => {
    fc.assert(
      fc.property(fc.array(mutation(AMELDING.length), { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 12 }), (list, cuts) => {
        const text = mutate(AMELDING, list);
        const r = feed(createAmeldingReader("fuzz.xml"), chunks(text, cuts));
        return !isProblems(r) || placed(r.list);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  test("mutated SAF-T files in random chunks: a result or placed problems", () => {
    fc.assert(
      fc.property(fc.array(mutation(SAFT.length), { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 12 }), (list, cuts) => {
        const text = mutate(SAFT, list);
        const r = feed(createSaftReader({ file: "fuzz.xml", kontoer: ["2600", "2770"] }), chunks(text, cuts));
        return !isProblems(r) || placed(r.list);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  test("random XML-ish text: the tokenizer ends with no problem or one placed problem, whatever the chunks", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES, "a", "b", "<a>", "</a>", "<a/>", "<a b='c'>"), { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 8 }), (pieces, cuts) => {
        const text = pieces.join("");
        const tok = createXmlTokenizer({ openElement() {}, text() {}, closeElement() {} });
        for (const c of chunks(text, cuts)) tok.write(c);
        tok.end();
        const p = tok.problem;
        return p === undefined || (typeof p.row === "number" && p.row >= 1 && p.message.startsWith("XML-feil: "));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  test("hostile sizes: a huge text, a long comment, deep nesting, many attributes, many references end quickly", () => {
    const root = (inner: string) => `<AuditFile xmlns="urn:StandardAuditFile-Taxation-Financial:NO"><Header><AuditFileVersion>1.30</AuditFileVersion></Header>${inner}</AuditFile>`;
    const cases: [string, string | undefined][] = [
      [root(`<Description>${"x".repeat(3_000_000)}</Description>`), undefined],
      [root(`<!--${"-x".repeat(600_000)}`), "XML-feil: En kommentar er lengre enn 1048576 tegn."],
      [root("<a>".repeat(100_000)), "XML-feil: Elementene er nøstet dypere enn 256 nivåer."],
      [root(`<a ${Array.from({ length: 5000 }, (_, i) => `b${i}="1"`).join(" ")}/>`), "XML-feil: <a> har flere enn 512 attributter."],
      [root(`<a>${"&amp;".repeat(200_000)}</a><b>${"<c/>".repeat(300_000)}</b>`), undefined],
      [root(`<a b="${"x".repeat(2_000_000)}"/>`), "XML-feil: En starttagg er lengre enn 1048576 tegn."],
    ];
    for (const [text, tokenizerProblem] of cases) {
      const started = Date.now();
      const tok = createXmlTokenizer({ openElement() {}, text() {}, closeElement() {} });
      for (const c of chunks(text, [1, 7, 65536, 1 << 20])) tok.write(c);
      tok.end();
      expect(tok.problem?.message).toBe(tokenizerProblem);
      const r = feed(createSaftReader({ file: "big.xml", kontoer: ["2600"] }), chunks(text, [1, 7, 65536, 1 << 20]));
      expect(isProblems(r) && placed(r.list)).toBe(true);
      expect(Date.now() - started).toBeLessThan(30_000); // a hang guard only
    }
  });
});

const HEADERS = ["Konto", "Dato", "Periode", "Beløp", "Debet", "Kredit", "Tekst", "IB", "Utbetalingsdato", "Forskuddstrekk", "AGA-grunnlag", "Sone", "Kommunenr", "Virksomhetsnr", "Gjelder", "Termin", "År", "Mottaker", "Forsikringstrekk", "Sum"];
const CELLS = ["", "2600", "2770", "0301", "1804", "973152025", "20.01.2026", "2026-01", "202600", "IB", "T6 2025", "1 234,50", "(12)", "1,234", "x", "-5", "Ia", "Forskuddstrekk", "AGA", "Totalt", "\u00a0"];

describe("fuzzing the CSV readers", () => {
  test("random sheets: a result or problems naming the sheet; never an exception", () => {
    const cell = fc.oneof(fc.constantFrom(...HEADERS, ...CELLS), fc.string({ maxLength: 8 }));
    const grid = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 });
    fc.assert(
      fc.property(grid, (values) => {
        const input = { sheet: "fuzz.csv", values };
        const results = [
          readLedgerCsv(input, { kontoer: ["2600", "2770"], aar: 2026 }),
          readPayrollJournal(input, { aar: 2026 }),
          readPayments(input, { aar: 2026 }),
          readCounterparties(input),
        ];
        return results.every((r) => !isProblems(r) || r.list.every((p) => p.sheet === "fuzz.csv"));
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });

  test("random CSV text through the CSV parser and the readers", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...HEADERS, ...CELLS, ";", "\n", "\r\n", '"', ",", "\t")), { maxLength: 80 }), (pieces) => {
        const grid = parseCsv(pieces.join(""), { sheet: "fuzz.csv" });
        if (isProblems(grid)) return grid.list.every((p) => p.sheet === "fuzz.csv");
        const r = readPayments({ sheet: "fuzz.csv", values: grid.values }, { aar: 2026 });
        return !isProblems(r) || r.list.every((p) => p.sheet === "fuzz.csv");
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});
