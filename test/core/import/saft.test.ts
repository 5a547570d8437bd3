/**
 * The SAF-T Financial reader on hand-made files: what 1.30 and 1.40 give, the checks against the
 * file's own totals and balances, and every problem with its file, line and element path.
 */
import { createSaftReader, readSaft, SAFT_NS } from "../../../src/core/import/saft";
import { Ore } from "../../../src/core/money/ore";
import { ok, problemsOf, sampleScenario, sampleText } from "./trekk-helpers";

const kontoer = ["2600", "2770"];
const ore = (n: number) => n as Ore;

interface Options {
  readonly version?: string;
  readonly accounts?: string;
  readonly totals?: string;
  readonly transactions?: string;
  readonly currency?: string;
}

const account = (id: string, opening: string, closing: string) =>
  `<Account><AccountID>${id}</AccountID><AccountDescription>Konto ${id}</AccountDescription><GroupingCategory>kortsiktigGjeld</GroupingCategory><GroupingCode>${id}</GroupingCode><AccountType>GL</AccountType>${opening}${closing}</Account>`;

const ACCOUNTS = [
  account("1920", "<OpeningDebitBalance>100000.00</OpeningDebitBalance>", "<ClosingDebitBalance>89000.00</ClosingDebitBalance>"),
  account("2600", "<OpeningCreditBalance>5000.00</OpeningCreditBalance>", "<ClosingCreditBalance>6000.00</ClosingCreditBalance>"),
  account("2770", "<OpeningCreditBalance>0</OpeningCreditBalance>", "<ClosingCreditBalance>1410.00</ClosingCreditBalance>"),
  account("5000", "<OpeningDebitBalance>0.00</OpeningDebitBalance>", "<ClosingDebitBalance>10000.00</ClosingDebitBalance>"),
  account("5400", "<OpeningDebitBalance>0.00</OpeningDebitBalance>", "<ClosingDebitBalance>1410.00</ClosingDebitBalance>"),
].join("\n");

const line = (id: number, acc: string, side: "Debit" | "Credit", amount: string, description = `Linje ${id}`, extra = "") =>
  `<Line><RecordID>${id}</RecordID><AccountID>${acc}</AccountID>${description ? `<Description>${description}</Description>` : ""}<${side}Amount><Amount>${amount}</Amount>${extra}</${side}Amount></Line>`;

const TRANSACTIONS = [
  "<Transaction>",
  "<TransactionID>L1</TransactionID><Period>1</Period><PeriodYear>2026</PeriodYear><TransactionDate>2026-01-20</TransactionDate><Description>Lønn januar</Description><SystemEntryDate>2026-01-20</SystemEntryDate><GLPostingDate>2026-01-20</GLPostingDate>",
  line(1, "5000", "Debit", "10000.00"),
  line(2, "2600", "Credit", "3000.00", "Forskuddstrekk"),
  line(3, "1920", "Credit", "7000.00"),
  line(4, "5400", "Debit", "1410.00"),
  line(5, "2770", "Credit", "1410.00", ""),
  "</Transaction>",
  "<Transaction>",
  "<TransactionID>B1</TransactionID><Period>1</Period><PeriodYear>2026</PeriodYear><TransactionDate>2026-01-15</TransactionDate><Description>Betalt trekk</Description><SystemEntryDate>2026-01-15</SystemEntryDate><GLPostingDate>2026-01-15</GLPostingDate>",
  line(1, "2600", "Debit", "2000.00", "Forskuddstrekk desember"),
  line(2, "1920", "Credit", "2000.00"),
  "</Transaction>",
].join("\n");

function saft(o: Options = {}): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<AuditFile xmlns="${SAFT_NS}">`,
    "<Header>",
    `<AuditFileVersion>${o.version ?? "1.30"}</AuditFileVersion><AuditFileCountry>NO</AuditFileCountry><AuditFileDateCreated>2027-01-20</AuditFileDateCreated>`,
    "<SoftwareCompanyName>X</SoftwareCompanyName><SoftwareID>X</SoftwareID><SoftwareVersion>1</SoftwareVersion>",
    "<Company><RegistrationNumber>921734050</RegistrationNumber><Name>Nordlys Verksted AS</Name></Company>",
    `<DefaultCurrencyCode>${o.currency ?? "NOK"}</DefaultCurrencyCode>`,
    "<SelectionCriteria><PeriodStart>1</PeriodStart><PeriodStartYear>2026</PeriodStartYear><PeriodEnd>12</PeriodEnd><PeriodEndYear>2026</PeriodEndYear></SelectionCriteria>",
    "<TaxAccountingBasis>A</TaxAccountingBasis>",
    "</Header>",
    "<MasterFiles><GeneralLedgerAccounts>",
    o.accounts ?? ACCOUNTS,
    "</GeneralLedgerAccounts></MasterFiles>",
    "<GeneralLedgerEntries>",
    o.totals ?? "<NumberOfEntries>2</NumberOfEntries>\n<TotalDebit>13410.00</TotalDebit>\n<TotalCredit>13410.00</TotalCredit>",
    "<Journal><JournalID>A</JournalID><Description>Alle</Description><Type>A</Type>",
    o.transactions ?? TRANSACTIONS,
    "</Journal>",
    "</GeneralLedgerEntries>",
    "</AuditFile>",
    "",
  ].join("\n");
}

const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;
const read = (text: string, asked = kontoer) => readSaft(text, { file: "saft.xml", kontoer: asked, aar: 2026 });

describe("SAF-T Financial: what is read", () => {
  test("IB signed (debit +), the asked accounts' lines in date order, other accounts left out, the header", () => {
    const r = ok(read(saft()));
    expect(r.hovedbok).toEqual([
      {
        konto: "2600",
        ib: ore(-500000),
        posteringer: [
          { dato: "2026-01-15", belop: ore(200000), tekst: "Forskuddstrekk desember" },
          { dato: "2026-01-20", belop: ore(-300000), tekst: "Forskuddstrekk" },
        ],
      },
      // A line without a Description takes its transaction's.
      { konto: "2770", ib: ore(0), posteringer: [{ dato: "2026-01-20", belop: ore(-141000), tekst: "Lønn januar" }] },
    ]);
    expect(r).toMatchObject({ versjon: "1.30", orgnr: "921734050", firma: "Nordlys Verksted AS", utvalg: { fra: "2026-01", til: "2026-12" } });
    expect(r.summary).toEqual({ transaksjoner: 2, linjer: 7, linjerLest: 3, totalDebet: ore(1341000), totalKredit: ore(1341000) });
    expect(r.notes).toEqual([]);
  });

  test("1.40: the new AmountStructure elements (18-decimal CurrencyAmount and ExchangeRate, VirtualCurrencyType, Country) and NOK tax amounts are read past; Analysis and TaxInformation amounts are not line amounts", () => {
    const extra = "<CurrencyCode>EUR</CurrencyCode><CurrencyAmount>263.123456789012345678</CurrencyAmount><ExchangeRate>11.401234567890123456</ExchangeRate><VirtualCurrencyType>none</VirtualCurrencyType><Country>FI</Country>";
    const tx = TRANSACTIONS.replace(
      line(2, "2600", "Credit", "3000.00", "Forskuddstrekk"),
      `<Line><RecordID>2</RecordID><AccountID>2600</AccountID><Analysis><AnalysisType>A</AnalysisType><AnalysisID>OSLO</AnalysisID><CreditAnalysisAmount><Amount>3000.00</Amount></CreditAnalysisAmount></Analysis><Description>Forskuddstrekk</Description><CreditAmount><Amount>3000.00</Amount>${extra}</CreditAmount><TaxInformation><TaxType>MVA</TaxType><TaxCode>0</TaxCode><CreditTaxAmount><Amount>99.00</Amount></CreditTaxAmount><CreditNOKTaxAmount><NOKAmount>99</NOKAmount></CreditNOKTaxAmount></TaxInformation></Line>`,
    );
    const v140 = ok(read(saft({ version: "1.40", transactions: tx })));
    expect(v140.versjon).toBe("1.40");
    expect(v140.hovedbok).toEqual(ok(read(saft())).hovedbok);
    expect(v140.summary.totalKredit).toBe(1341000);
    // The same content as 1.30 reads the same (the reader does not validate the schema).
    expect(ok(read(saft({ version: "1.30", transactions: tx }))).hovedbok).toEqual(v140.hovedbok);
    expect(ok(read(saft({ version: "1.4" }))).versjon).toBe("1.40");
  });

  test("streamed in chunks of every size, the file reads the same", () => {
    const text = saft();
    const whole = read(text);
    for (const size of [1, 7, 100]) {
      const reader = createSaftReader({ file: "saft.xml", kontoer, aar: 2026 });
      for (let i = 0; i < text.length; i += size) reader.write(text.slice(i, i + size));
      expect(reader.end()).toEqual(whole);
    }
  });

  test("a transaction that does not balance is a note; a file that starts after January says where the IB stands", () => {
    const tx = TRANSACTIONS.replace(line(3, "1920", "Credit", "7000.00"), line(3, "1920", "Credit", "6999.00"));
    const text = saft({ transactions: tx, totals: "<NumberOfEntries>2</NumberOfEntries><TotalDebit>13410.00</TotalDebit><TotalCredit>13409.00</TotalCredit>" })
      .replace("<ClosingDebitBalance>89000.00</ClosingDebitBalance>", "<ClosingDebitBalance>89001.00</ClosingDebitBalance>")
      .replace("<PeriodStart>1</PeriodStart>", "<PeriodStart>3</PeriodStart>");
    expect(ok(read(text)).notes).toEqual(["1 transaksjon går ikke i balanse (debet ≠ kredit), første: L1.", "Filen begynner 2026-03, ikke ved årets start: inngående balanse gjelder 2026-03."]);
  });

  test("the bundled sample as 1.40 reads as the 1.30 file does", () => {
    const text = sampleText("saft-2026.xml").replace("<AuditFileVersion>1.30</AuditFileVersion>", "<AuditFileVersion>1.40</AuditFileVersion>");
    const r = ok(readSaft(text, { file: "saft.xml", kontoer: ["2600", "2770", "2640", "2650"], aar: 2026 }));
    expect(r.hovedbok).toEqual(sampleScenario().hovedbok);
  });
});

describe("SAF-T Financial: refused files", () => {
  test("another version, SAF-T Cash Register, another root, another currency", () => {
    expect(problemsOf(read(saft({ version: "1.10" })))[0]).toEqual({
      file: "saft.xml",
      row: 4,
      element: "Header/AuditFileVersion",
      message: "SAF-T-versjon «1.10» leses ikke; eksporter filen som SAF-T Financial 1.30 eller 1.40.",
    });
    expect(problemsOf(read('<AuditFile xmlns="urn:StandardAuditFile-Taxation-CashRegister:NO"/>'))[0].message).toBe(
      "Filen er SAF-T Kasse (navnerommet «urn:StandardAuditFile-Taxation-CashRegister:NO»), ikke SAF-T Financial (regnskap). Eksporter hovedboken som SAF-T Financial.",
    );
    expect(problemsOf(read(`<melding xmlns="urn:ske:fastsetting:innsamling:a-meldingen:v2_3"/>`))[0].message).toBe(
      `Filen er ikke SAF-T Financial: rotelementet er «melding» i navnerommet «urn:ske:fastsetting:innsamling:a-meldingen:v2_3», ventet «AuditFile» i navnerommet «${SAFT_NS}».`,
    );
    expect(problemsOf(read(saft({ currency: "EUR" })))[0].message).toBe("Standardvalutaen er «EUR», ikke NOK; avstemmingen leser beløp i kroner.");
  });

  test("an asked account without an opening balance: not in the master files, or without OpeningDebit/CreditBalance", () => {
    const noIb = ACCOUNTS.replace("<OpeningCreditBalance>0</OpeningCreditBalance>", "");
    expect(problemsOf(read(saft({ accounts: noIb }))).map((p) => [p.element, p.message])).toEqual([
      ["MasterFiles/GeneralLedgerAccounts/Account", "Kontoen 2770 mangler inngående balanse (OpeningDebitBalance eller OpeningCreditBalance)."],
    ]);
    expect(problemsOf(read(saft(), ["2600", "2650"])).map((p) => p.message)).toEqual([
      "Kontoen 2650 finnes ikke i MasterFiles/GeneralLedgerAccounts, så den inngående balansen mangler. Eksporter SAF-T-filen med kontoplanen (MasterFiles), eller ta kontoen ut av oppsettet om den ikke brukes.",
    ]);
  });

  test("totals and balances that do not agree with the lines", () => {
    const text = saft({ totals: "<NumberOfEntries>3</NumberOfEntries>\n<TotalDebit>13400.00</TotalDebit>\n<TotalCredit>13410.00</TotalCredit>" }).replace(
      "<ClosingCreditBalance>6000.00</ClosingCreditBalance>",
      "<ClosingCreditBalance>6100.00</ClosingCreditBalance>",
    );
    expect(problemsOf(read(text))).toEqual([
      {
        file: "saft.xml",
        row: lineOf(text, "<NumberOfEntries>"),
        element: "GeneralLedgerEntries/NumberOfEntries",
        message: "NumberOfEntries sier 3 transaksjoner, men filen har 2. Filen er ufullstendig eller feil; eksporter den på nytt.",
      },
      {
        file: "saft.xml",
        row: lineOf(text, "<TotalDebit>"),
        element: "GeneralLedgerEntries/TotalDebit",
        message: "TotalDebit sier 13\u00a0400,00, men linjenes debetbeløp er til sammen 13\u00a0410,00. Filen er ufullstendig eller feil; eksporter den på nytt.",
      },
      {
        file: "saft.xml",
        row: lineOf(text, "<AccountID>2600</AccountID>"),
        element: "MasterFiles/GeneralLedgerAccounts/Account",
        message: "Kontoen 2600: inngående balanse −5\u00a0000,00 + linjene −1\u00a0000,00 gir −6\u00a0000,00, men utgående balanse er −6\u00a0100,00. Filen mangler linjer eller har feil saldo; eksporter den på nytt.",
      },
    ]);
  });

  test("bad lines: no amount, both amounts, a bad or sub-øre amount, a bad date, a posting outside the year; each named by line and path", () => {
    const tx = [
      "<Transaction>",
      "<TransactionID>X</TransactionID><Period>1</Period><PeriodYear>2026</PeriodYear>",
      "<TransactionDate>2025-12-31</TransactionDate><Description>D</Description><SystemEntryDate>2026-01-01</SystemEntryDate><GLPostingDate>2026-01-01</GLPostingDate>",
      line(1, "2600", "Credit", "1,000.00"),
      line(2, "2600", "Debit", "0.001"),
      "<Line><RecordID>3</RecordID><AccountID>2600</AccountID><Description>x</Description></Line>",
      "<Line><RecordID>4</RecordID><AccountID>2600</AccountID><Description>x</Description><DebitAmount><Amount>1</Amount></DebitAmount><CreditAmount><Amount>1</Amount></CreditAmount></Line>",
      line(5, "2600", "Debit", "1.00"),
      "</Transaction>",
      "<Transaction><TransactionID>Y</TransactionID><TransactionDate>31.01.2026</TransactionDate><Description>D</Description>",
      line(1, "2770", "Debit", "1.00"),
      "</Transaction>",
    ].join("\n");
    const text = saft({ transactions: tx, totals: "" });
    expect(problemsOf(read(text)).map((p) => [p.row, p.element, p.message])).toEqual([
      [lineOf(text, "1,000.00"), "GeneralLedgerEntries/Journal[1]/Transaction[1]/Line[1]/CreditAmount/Amount", "«1,000.00» er ikke et beløp."],
      [lineOf(text, "0.001"), "GeneralLedgerEntries/Journal[1]/Transaction[1]/Line[2]/DebitAmount/Amount", "«0.001» har brøkdeler av øre; beløp kan ha høyst to desimaler."],
      [lineOf(text, "<RecordID>3</RecordID>"), "GeneralLedgerEntries/Journal[1]/Transaction[1]/Line[3]", "Linjen mangler beløp (DebitAmount eller CreditAmount)."],
      [lineOf(text, "<RecordID>4</RecordID>"), "GeneralLedgerEntries/Journal[1]/Transaction[1]/Line[4]", "Linjen har både DebitAmount og CreditAmount; en linje har ett av dem."],
      [lineOf(text, "<RecordID>5</RecordID>"), "GeneralLedgerEntries/Journal[1]/Transaction[1]/Line[5]", "Posteringen på konto 2600 er datert 2025-12-31, utenfor regnskapsåret 2026."],
      [lineOf(text, "31.01.2026"), "GeneralLedgerEntries/Journal[1]/Transaction[2]/TransactionDate", "«31.01.2026» er ikke en dato (ÅÅÅÅ-MM-DD)."],
    ]);
  });

  test("malformed XML in the middle of a large ledger: its line and path", () => {
    const text = saft().replace("<AccountID>1920</AccountID><Description>Linje 3</Description>", "<AccountID>1920</AccountID><Description>Linje 3 & 4</Description>");
    expect(problemsOf(read(text))).toEqual([
      {
        file: "saft.xml",
        row: lineOf(text, "Linje 3 & 4"),
        element: "GeneralLedgerEntries/Journal/Transaction/Line/Description",
        message: "XML-feil: «&» må skrives &amp; (fant «& 4»).",
      },
    ]);
  });
});
