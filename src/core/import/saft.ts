/**
 * SAF-T Financial (Norwegian, schema 1.30 and 1.40) as the ledger of the trekk reconciliation:
 * `HovedbokKonto` for the accounts asked for (DESIGN.md §8.4).
 *
 * What is read, in the namespace `urn:StandardAuditFile-Taxation-Financial:NO` (root `AuditFile`):
 * - `Header/AuditFileVersion` (1.30 or 1.40), `Header/Company/RegistrationNumber` and `Name`,
 *   `Header/DefaultCurrencyCode` (must be NOK: every amount read is in it), `Header/SelectionCriteria`
 *   (the period the file covers: `PeriodStart`/`PeriodStartYear`… or `SelectionStartDate`/…);
 * - `MasterFiles/GeneralLedgerAccounts/Account`: `AccountID`, `OpeningDebitBalance` or
 *   `OpeningCreditBalance` (the balance at the start of the selection; signed, debit positive),
 *   `ClosingDebitBalance` or `ClosingCreditBalance` (checked against IB + the lines);
 * - `GeneralLedgerEntries`: `NumberOfEntries`, `TotalDebit`, `TotalCredit` (checked against the
 *   transactions and lines in the file), and `Journal/Transaction` (`TransactionID`,
 *   `TransactionDate`, `Description`) with its `Line`s (`AccountID`, `Description`, `DebitAmount/Amount`
 *   or `CreditAmount/Amount`, in the default currency).
 * A posting's date is its transaction's `TransactionDate`, its text the line's `Description` (the
 * transaction's when the line has none), its amount debit positive. Postings come in date order
 * (journals are written one after the other), the file's order kept within a day.
 *
 * 1.30 and 1.40 differ, for this reader, only in the amount structure: 1.40 allows up to 18
 * decimals in `CurrencyAmount` and `ExchangeRate` and adds `VirtualCurrencyType` and `Country`;
 * none of them is read (`Amount` is always the default currency, two decimals at most), so both
 * versions read the same. Other versions (1.0–1.20) are refused with a message.
 *
 * Streaming: only the lines of the accounts asked for are kept; every other line is summed for the
 * totals check and dropped, so a year of a large firm's ledger (hundreds of thousands of lines)
 * reads in constant memory apart from those accounts. An asked account without an opening balance
 * (not in the master files, or without `OpeningDebitBalance`/`OpeningCreditBalance`) is a problem:
 * the reconciliation needs its IB; one marked optional that the master files lack is left out.
 */
import { HovedbokKonto, Postering } from "../trekk/types";
import { Ore } from "../money/ore";
import { Checked, Problems } from "../problem/problem";
import { createXmlTokenizer, XmlHandler, XmlTokenizerFactory } from "./xml/tokenizer";
import { CappedProblems, ElementPath, StreamReader } from "./xml/stream";
import { detached, xmlAmountProblem, xmlCount, xmlDate, xmlOre } from "./xml/values";
import { byDate } from "./trekk-cells";

export const SAFT_NS = "urn:StandardAuditFile-Taxation-Financial:NO";
export const SAFT_VERSIONS: readonly string[] = ["1.30", "1.40"];

export interface SaftOptions {
  /** The file's name for messages. */
  readonly file: string;
  /** The accounts to read (`2600`, `2770` …); their order is the result's order. */
  readonly kontoer: readonly string[];
  /**
   * Of `kontoer`, those the chart may lack: one not in the master files is left out of `hovedbok`
   * without a problem (the RF-1022 groups list the standard accounts; a chart uses some of them).
   */
  readonly optional?: readonly string[];
  /** The reconciliation year: a posting on an asked account dated outside it is a problem. */
  readonly aar?: number;
}

export interface SaftImport {
  /** One per asked account, in the order asked. */
  readonly hovedbok: readonly HovedbokKonto[];
  /** `1.30` or `1.40`. */
  readonly versjon: string;
  readonly orgnr?: string;
  readonly firma?: string;
  /** The selection the file covers, as the header says it (`2026-01`–`2026-12`, or dates). */
  readonly utvalg?: { readonly fra: string; readonly til: string };
  readonly summary: {
    readonly transaksjoner: number;
    readonly linjer: number;
    /** Lines on the asked accounts. */
    readonly linjerLest: number;
    readonly totalDebet: Ore;
    readonly totalKredit: Ore;
  };
  readonly notes: readonly string[];
}

const REPEATING = new Set(["Account", "Journal", "Transaction", "Line", "Analysis", "TaxInformation"]);
const MAX_TEXT = 10_000;

const enum Field {
  None,
  Version,
  RegistrationNumber,
  CompanyName,
  Currency,
  SelectionPart,
  AccountId,
  Opening,
  Closing,
  NumberOfEntries,
  TotalDebit,
  TotalCredit,
  TransactionId,
  TransactionDate,
  TransactionDescription,
  LineAccount,
  LineDescription,
  LineAmount,
}

interface AccountState {
  id?: string;
  opening?: Ore;
  closing?: Ore;
  openings: number;
  closings: number;
  line: number;
}

interface Kept {
  konto: string;
  belop: Ore;
  tekst: string;
  line: number;
  path: string;
}

/** Account codes compared as the readers compare codes: trimmed, leading zeros of digit codes ignored. */
const accountKey = (code: string): string => {
  const t = code.trim();
  return /^\d+$/.test(t) ? t.replace(/^0+(?=\d)/, "") : t.toUpperCase();
};

/** Norwegian amount text for messages, `12 500,00`. */
const kr = (ore: number): string => {
  const abs = Math.abs(ore);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  return `${ore < 0 ? "−" : ""}${whole},${String(abs % 100).padStart(2, "0")}`;
};

/** The SAF-T file as a stream: `write` its text in chunks, then `end`. */
export function createSaftReader(options: SaftOptions, tokenizer: XmlTokenizerFactory = createXmlTokenizer): StreamReader<SaftImport> {
  const { file } = options;
  const problems = new CappedProblems(file);
  const path = new ElementPath(REPEATING);
  const notes: string[] = [];
  const asked = new Map<string, string>();
  for (const k of options.kontoer) asked.set(accountKey(k), k.trim());
  const optional = new Set((options.optional ?? []).map(accountKey));
  const accounts = new Map<string, AccountState & { id: string }>();
  const postings = new Map<string, Postering[]>();
  for (const k of asked.values()) postings.set(k, []);

  let refused = false;
  let version: string | undefined;
  let orgnr: string | undefined;
  let company: string | undefined;
  let currency: string | undefined;
  const selection: Record<string, string> = {};
  let headerSeen = false;

  let account: AccountState | undefined;
  let entriesSeen = false;
  let numberOfEntries: { value: number; line: number } | undefined;
  let totalDebitGiven: { value: Ore; line: number } | undefined;
  let totalCreditGiven: { value: Ore; line: number } | undefined;
  let transactions = 0;
  let lines = 0;
  let keptLines = 0;
  let totalDebit = 0;
  let totalCredit = 0;
  let unbalanced = 0;
  let firstUnbalanced: string | undefined;
  /** Problems met before the totals were checked: with any, a difference in the balances is their echo, not news. */
  let problemsBeforeTotals: number | undefined;

  // The transaction being read.
  let trId: string | undefined;
  let trDate: string | undefined;
  let trDescription: string | undefined;
  let trLine = 0;
  let trDebit = 0;
  let trCredit = 0;
  const trKept: Kept[] = [];
  // The line being read.
  let lnAccount: string | undefined;
  let lnDescription: string | undefined;
  let lnDebit: number | undefined;
  let lnCredit: number | undefined;
  let lnAmounts = 0;
  let lnAmountSeen = false;
  let lnBad = false;
  let lnLine = 0;
  let amountSide = 0; // 1 debit, -1 credit: the DebitAmount/CreditAmount being read

  let field = Field.None;
  let fieldDepth = 0;
  let fieldLine = 0;
  let fieldName = "";
  let text = "";

  const handler: XmlHandler = {
    openElement(local, uri) {
      path.open(local);
      const d = path.depth;
      if (refused) return;
      if (d === 1) {
        checkRoot(local, uri);
        return;
      }
      if (field !== Field.None) {
        problems.add(`Elementet «${path.at(d - 1)}» skal ha en verdi, ikke underelementer.`, tok.line(), path.text(d - 1));
        field = Field.None;
      }
      if (uri !== SAFT_NS) return;
      const parent = path.at(d - 1);
      switch (d) {
        case 2:
          if (local === "Header") headerSeen = true;
          else if (local === "GeneralLedgerEntries") {
            if (entriesSeen) problems.add("Elementet «GeneralLedgerEntries» står to ganger.", tok.line(), local);
            entriesSeen = true;
          }
          return;
        case 3:
          if (parent === "Header") {
            if (local === "AuditFileVersion") capture(Field.Version, d, local);
            else if (local === "DefaultCurrencyCode") capture(Field.Currency, d, local);
          } else if (parent === "GeneralLedgerEntries") {
            if (local === "NumberOfEntries") capture(Field.NumberOfEntries, d, local);
            else if (local === "TotalDebit") capture(Field.TotalDebit, d, local);
            else if (local === "TotalCredit") capture(Field.TotalCredit, d, local);
          }
          return;
        case 4:
          if (parent === "Company" && path.at(2) === "Header") {
            if (local === "RegistrationNumber") capture(Field.RegistrationNumber, d, local);
            else if (local === "Name") capture(Field.CompanyName, d, local);
          } else if (parent === "SelectionCriteria") {
            if (local === "PeriodStart" || local === "PeriodStartYear" || local === "PeriodEnd" || local === "PeriodEndYear" || local === "SelectionStartDate" || local === "SelectionEndDate") {
              capture(Field.SelectionPart, d, local);
            }
          } else if (parent === "GeneralLedgerAccounts" && local === "Account") {
            account = { openings: 0, closings: 0, line: tok.line() };
          } else if (parent === "Journal" && local === "Transaction") {
            transactions++;
            trId = undefined;
            trDate = undefined;
            trDescription = undefined;
            trLine = tok.line();
            trDebit = 0;
            trCredit = 0;
            trKept.length = 0;
          }
          return;
        case 5:
          if (parent === "Account" && account) {
            if (local === "AccountID") capture(Field.AccountId, d, local);
            else if (local === "OpeningDebitBalance" || local === "OpeningCreditBalance") capture(Field.Opening, d, local);
            else if (local === "ClosingDebitBalance" || local === "ClosingCreditBalance") capture(Field.Closing, d, local);
          } else if (parent === "Transaction") {
            if (local === "TransactionID") capture(Field.TransactionId, d, local);
            else if (local === "TransactionDate") capture(Field.TransactionDate, d, local);
            else if (local === "Description") capture(Field.TransactionDescription, d, local);
            else if (local === "Line") {
              lines++;
              lnAccount = undefined;
              lnDescription = undefined;
              lnDebit = undefined;
              lnCredit = undefined;
              lnAmounts = 0;
              lnAmountSeen = false;
              lnBad = false;
              lnLine = tok.line();
            }
          }
          return;
        case 6:
          if (parent === "Line") {
            if (local === "AccountID") capture(Field.LineAccount, d, local);
            else if (local === "Description") capture(Field.LineDescription, d, local);
            else if (local === "DebitAmount") {
              amountSide = 1;
              lnAmounts++;
            } else if (local === "CreditAmount") {
              amountSide = -1;
              lnAmounts++;
            }
          }
          return;
        case 7:
          if (local === "Amount" && (parent === "DebitAmount" || parent === "CreditAmount") && path.at(5) === "Line") capture(Field.LineAmount, d, local);
          return;
        default:
          return;
      }
    },

    text(t) {
      if (field === Field.None) return;
      if (text.length + t.length > MAX_TEXT) {
        problems.add(`Verdien er lengre enn ${MAX_TEXT} tegn.`, fieldLine, path.text());
        field = Field.None;
        return;
      }
      text += t;
    },

    closeElement(local, uri) {
      const d = path.depth;
      if (!refused) {
        if (field !== Field.None && d === fieldDepth) {
          const f = field;
          field = Field.None;
          value(f, text);
        } else if (uri === SAFT_NS) closed(local, d);
      }
      path.close();
    },
  };

  const tok = tokenizer(handler);

  function capture(f: Field, depth: number, name: string): void {
    field = f;
    fieldDepth = depth;
    fieldLine = tok.line();
    fieldName = name;
    text = "";
  }

  function problem(message: string): void {
    problems.add(message, fieldLine, path.text());
  }

  function amount(t: string): Ore | undefined {
    const ore = xmlOre(t);
    if (ore === ore) return ore as Ore;
    problem(xmlAmountProblem(t));
    return undefined;
  }

  function checkRoot(local: string, uri: string): void {
    if (local === "AuditFile" && uri === SAFT_NS) return;
    refused = true;
    const message =
      local === "AuditFile" && /StandardAuditFile-Taxation-CashRegister/.test(uri)
        ? `Filen er SAF-T Kasse (navnerommet «${uri}»), ikke SAF-T Financial (regnskap). Eksporter hovedboken som SAF-T Financial.`
        : local === "AuditFile"
          ? `Filen er ikke norsk SAF-T Financial: rotelementet «AuditFile» har navnerommet «${uri || "(ingen)"}», ventet «${SAFT_NS}».`
          : `Filen er ikke SAF-T Financial: rotelementet er «${local}»${uri ? ` i navnerommet «${uri}»` : ""}, ventet «AuditFile» i navnerommet «${SAFT_NS}».`;
    problems.add(message, tok.line(), local);
    tok.stop();
  }

  function value(f: Field, t: string): void {
    switch (f) {
      case Field.Version: {
        version = detached(t.trim());
        const normal = /^1\.[34]$/.test(version) ? `${version}0` : version;
        if (!SAFT_VERSIONS.includes(normal)) {
          problem(`SAF-T-versjon «${version}» leses ikke; eksporter filen som SAF-T Financial 1.30 eller 1.40.`);
        } else version = normal;
        return;
      }
      case Field.RegistrationNumber:
        orgnr = detached(t.trim());
        return;
      case Field.CompanyName:
        company = detached(t.trim());
        return;
      case Field.Currency:
        currency = t.trim();
        if (currency !== "NOK") problem(`Standardvalutaen er «${currency}», ikke NOK; avstemmingen leser beløp i kroner.`);
        return;
      case Field.SelectionPart:
        selection[fieldName] = detached(t.trim());
        return;
      case Field.AccountId:
        if (!account) return;
        if (account.id !== undefined) return problem("Elementet «AccountID» står to ganger.");
        account.id = detached(t.trim());
        return;
      case Field.Opening: {
        if (!account) return;
        account.openings++;
        const ore = amount(t);
        if (ore !== undefined) account.opening = (fieldName === "OpeningCreditBalance" ? 0 - ore : ore + 0) as Ore;
        return;
      }
      case Field.Closing: {
        if (!account) return;
        account.closings++;
        const ore = amount(t);
        if (ore !== undefined) account.closing = (fieldName === "ClosingCreditBalance" ? 0 - ore : ore + 0) as Ore;
        return;
      }
      case Field.NumberOfEntries: {
        const n = xmlCount(t);
        if (n !== n) problem(`«${t.trim()}» er ikke et antall.`);
        else numberOfEntries = { value: n, line: fieldLine };
        return;
      }
      case Field.TotalDebit: {
        const ore = amount(t);
        if (ore !== undefined) totalDebitGiven = { value: ore, line: fieldLine };
        return;
      }
      case Field.TotalCredit: {
        const ore = amount(t);
        if (ore !== undefined) totalCreditGiven = { value: ore, line: fieldLine };
        return;
      }
      case Field.TransactionId:
        trId = detached(t.trim());
        return;
      case Field.TransactionDate: {
        const date = xmlDate(t);
        if (date === undefined) problem(`«${t.trim()}» er ikke en dato (ÅÅÅÅ-MM-DD).`);
        trDate = date ?? "";
        return;
      }
      case Field.TransactionDescription:
        trDescription = t.trim();
        return;
      case Field.LineAccount:
        if (lnAccount !== undefined) return problem("Elementet «AccountID» står to ganger.");
        lnAccount = t.trim();
        return;
      case Field.LineDescription:
        lnDescription = t.trim();
        return;
      case Field.LineAmount: {
        lnAmountSeen = true;
        const ore = xmlOre(t);
        if (ore !== ore) {
          problem(xmlAmountProblem(t));
          lnBad = true;
          return;
        }
        if (amountSide === 1) lnDebit = (lnDebit ?? 0) + ore;
        else lnCredit = (lnCredit ?? 0) + ore;
        return;
      }
      default:
        return;
    }
  }

  function closed(local: string, d: number): void {
    if (d === 5 && local === "Line") {
      if (lnAccount === undefined || lnAccount === "") problems.add("Linjen mangler AccountID.", lnLine, path.text());
      if (lnAmounts !== 1) {
        problems.add(
          lnAmounts === 0 ? "Linjen mangler beløp (DebitAmount eller CreditAmount)." : "Linjen har både DebitAmount og CreditAmount; en linje har ett av dem.",
          lnLine,
          path.text(),
        );
        return;
      }
      if (lnBad) return;
      if (!lnAmountSeen) {
        problems.add(`Linjen mangler ${amountSide === 1 ? "DebitAmount" : "CreditAmount"}/Amount.`, lnLine, path.text());
        return;
      }
      const debit = lnDebit ?? 0;
      const credit = lnCredit ?? 0;
      totalDebit += debit;
      totalCredit += credit;
      trDebit += debit;
      trCredit += credit;
      if (lnAccount === undefined) return;
      const konto = asked.get(accountKey(lnAccount));
      if (konto === undefined) return;
      keptLines++;
      trKept.push({ konto, belop: (debit - credit + 0) as Ore, tekst: lnDescription ?? "", line: lnLine, path: path.text() });
      return;
    }
    if (d === 4 && local === "Transaction") {
      if (trDate === undefined) problems.add("Transaksjonen mangler TransactionDate.", trLine, path.text());
      if (trDebit !== trCredit) {
        unbalanced++;
        firstUnbalanced ??= trId ?? `linje ${trLine}`;
      }
      for (const k of trKept) {
        const dato = trDate ?? "";
        if (options.aar !== undefined && dato !== "" && Number(dato.slice(0, 4)) !== options.aar) {
          problems.add(`Posteringen på konto ${k.konto} er datert ${dato}, utenfor regnskapsåret ${options.aar}.`, k.line, k.path);
          continue;
        }
        const text = detached(k.tekst !== "" ? k.tekst : (trDescription ?? ""));
        (postings.get(k.konto) as Postering[]).push({ dato, belop: k.belop, ...(text !== "" ? { tekst: text } : {}) });
      }
      trKept.length = 0;
      return;
    }
    if (d === 4 && local === "Account" && account) {
      const a = account;
      account = undefined;
      if (a.id === undefined || a.id === "") {
        problems.add("Kontoen mangler AccountID.", a.line, path.text());
        return;
      }
      if (a.openings > 1) problems.add(`Kontoen ${a.id} har flere inngående balanser (OpeningDebitBalance/OpeningCreditBalance); den skal ha én.`, a.line, path.text());
      if (a.closings > 1) problems.add(`Kontoen ${a.id} har flere utgående balanser (ClosingDebitBalance/ClosingCreditBalance); den skal ha én.`, a.line, path.text());
      const key = accountKey(a.id);
      if (!asked.has(key)) return;
      if (accounts.has(key)) {
        problems.add(`Kontoen ${a.id} står to ganger i GeneralLedgerAccounts (også på linje ${accounts.get(key)?.line}).`, a.line, path.text());
        return;
      }
      accounts.set(key, { ...a, id: a.id });
      return;
    }
    if (d === 2 && local === "GeneralLedgerEntries") {
      problemsBeforeTotals = problems.count;
      if (numberOfEntries && numberOfEntries.value !== transactions) {
        problems.add(
          `NumberOfEntries sier ${numberOfEntries.value} transaksjoner, men filen har ${transactions}. Filen er ufullstendig eller feil; eksporter den på nytt.`,
          numberOfEntries.line,
          "GeneralLedgerEntries/NumberOfEntries",
        );
      }
      if (totalDebitGiven && totalDebitGiven.value !== totalDebit) {
        problems.add(`TotalDebit sier ${kr(totalDebitGiven.value)}, men linjenes debetbeløp er til sammen ${kr(totalDebit)}. Filen er ufullstendig eller feil; eksporter den på nytt.`, totalDebitGiven.line, "GeneralLedgerEntries/TotalDebit");
      }
      if (totalCreditGiven && totalCreditGiven.value !== totalCredit) {
        problems.add(`TotalCredit sier ${kr(totalCreditGiven.value)}, men linjenes kreditbeløp er til sammen ${kr(totalCredit)}. Filen er ufullstendig eller feil; eksporter den på nytt.`, totalCreditGiven.line, "GeneralLedgerEntries/TotalCredit");
      }
      return;
    }
    if (d === 2 && local === "Header") {
      if (version === undefined) problems.add("Mangler elementet «AuditFileVersion».", tok.line(), "Header/AuditFileVersion");
      return;
    }
  }

  function period(): { fra: string; til: string } | undefined {
    const s = selection;
    const mm = (p: string) => String(p).padStart(2, "0");
    if (s.SelectionStartDate && s.SelectionEndDate) return { fra: s.SelectionStartDate, til: s.SelectionEndDate };
    if (s.PeriodStart && s.PeriodStartYear && s.PeriodEnd && s.PeriodEndYear) {
      return { fra: `${s.PeriodStartYear}-${mm(s.PeriodStart)}`, til: `${s.PeriodEndYear}-${mm(s.PeriodEnd)}` };
    }
    return undefined;
  }

  function finish(): Checked<SaftImport> {
    if (!headerSeen) problems.add("Mangler elementet «Header».", undefined, "Header");
    const hovedbok: HovedbokKonto[] = [];
    for (const [key, konto] of asked) {
      const a = accounts.get(key);
      const list = postings.get(konto) as Postering[];
      if (!a && optional.has(key)) continue;
      if (!a) {
        problems.add(
          `Kontoen ${konto} finnes ikke i MasterFiles/GeneralLedgerAccounts, så den inngående balansen mangler. Eksporter SAF-T-filen med kontoplanen (MasterFiles), eller ta kontoen ut av oppsettet om den ikke brukes.`,
          undefined,
          "MasterFiles/GeneralLedgerAccounts",
        );
        continue;
      }
      if (a.opening === undefined) {
        if (a.openings === 0) problems.add(`Kontoen ${konto} mangler inngående balanse (OpeningDebitBalance eller OpeningCreditBalance).`, a.line, "MasterFiles/GeneralLedgerAccounts/Account");
        continue;
      }
      const movement = list.reduce((s, p) => s + p.belop, 0);
      // Only a file read without problems can be held to its closing balances (a refused line would show as a difference).
      if (a.closing !== undefined && a.opening + movement !== a.closing && (problemsBeforeTotals ?? problems.count) === 0) {
        problems.add(
          `Kontoen ${konto}: inngående balanse ${kr(a.opening)} + linjene ${kr(movement)} gir ${kr(a.opening + movement)}, men utgående balanse er ${kr(a.closing)}. Filen mangler linjer eller har feil saldo; eksporter den på nytt.`,
          a.line,
          "MasterFiles/GeneralLedgerAccounts/Account",
        );
      }
      hovedbok.push({ konto, ib: a.opening, posteringer: byDate(list) });
    }
    if (problems.count > 0) return new Problems(problems.all());
    const utvalg = period();
    if (unbalanced > 0) notes.push(`${unbalanced} ${unbalanced === 1 ? "transaksjon går" : "transaksjoner går"} ikke i balanse (debet ≠ kredit), første: ${firstUnbalanced}.`);
    if (utvalg && options.aar !== undefined && utvalg.fra !== `${options.aar}-01` && utvalg.fra !== `${options.aar}-01-01`) {
      notes.push(`Filen begynner ${utvalg.fra}, ikke ved årets start: inngående balanse gjelder ${utvalg.fra}.`);
    }
    return {
      hovedbok,
      versjon: version as string,
      ...(orgnr ? { orgnr } : {}),
      ...(company ? { firma: company } : {}),
      ...(utvalg ? { utvalg } : {}),
      summary: { transaksjoner: transactions, linjer: lines, linjerLest: keptLines, totalDebet: (totalDebit + 0) as Ore, totalKredit: (totalCredit + 0) as Ore },
      notes,
    };
  }

  return {
    write(chunk) {
      tok.write(chunk);
    },
    end() {
      tok.end();
      if (tok.problem) {
        problems.addProblem(tok.problem);
        return new Problems(problems.all());
      }
      if (refused) return new Problems(problems.all());
      return finish();
    },
  };
}

/** A SAF-T file's text in one piece. */
export function readSaft(text: string, options: SaftOptions): Checked<SaftImport> {
  const reader = createSaftReader(options);
  reader.write(text);
  return reader.end();
}

