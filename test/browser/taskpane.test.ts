/**
 * The task pane in a real browser: the production build of taskpane.html served on 127.0.0.1,
 * Debian's Chromium through playwright-core, and the strict fake Excel host in place of office.js.
 * It clicks through Oppsett → Importer → Avstem → Bilag → Årsavslutning on the Eksempeletaten
 * sample and checks what lands in the fake workbook, the downloads, the sync counts, that workbook
 * text is shown as text (an `<img onerror>` in a cell runs nothing), that no request leaves the
 * local server and the Office.js CDN, and that axe-core finds nothing serious on any step. A
 * second workbook lives through a year in the pane (termin 1 exported in the spring, the rest
 * later, a correction, an unchanged run), and the page opened outside Office says only where it
 * belongs. Screenshots of every step go to test-artifacts/taskpane/.
 *
 * A second block clicks through the «Trekk og AGA» flow on the exports sample (assets/samples/trekk):
 * the a-meldinger chosen as files, the ledger, payroll, payments and lists as sheets; preview, fill,
 * flags with links, a correction voucher written and exported twice (the second holds nothing new).
 * A third clicks through the «Lønnsbilag» flow on the sample journal (assets/samples/lonnsbilag):
 * a bad cell in a range, the CSV file with its oppsett, the vouchers, the sheet, two exports, the
 * journal as .xlsx.
 *
 * Run alone: npx jest test/browser
 * (LONN_BROWSER_DIST=/tmp/lonn-dist keeps the build there and reuses it on the next run.)
 */
import { withChromium } from "../support/engines";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { isRuleError, Result } from "../../src/core/errors";
import { kroner } from "../../src/core/money/ore";
import { Checked, isProblems } from "../../src/core/problem/problem";
import { parseCsv } from "../../src/core/import/csv";
import { voucherColumns } from "../../src/core/workpaper/voucher-sheet";
import { CSV_COLUMNS, toCsv } from "../../src/core/voucher/csv";
import { spkExportSettings } from "../../src/core/usecase/spk";
import { journalFile, oppsettFile, runLonnsbilagOf } from "../../src/core/usecase/lonnsbilag-import";
import { ExportSettings } from "../../src/core/voucher/export-check";
import { COPY_MARK } from "../../src/core/voucher/export-record";
import { OVERRIDE_LOG } from "../../src/taskpane/plans";
import { GL07_LINE_LENGTH, toGl07 } from "../../src/core/voucher/gl07";
import { readBasesAndRates, readVirksomheter } from "../../src/core/import/virksomheter";
import { agaSnittsats } from "../../src/core/rules/snittsats";
import { buildAmeldingFordeling } from "../../src/core/spk/amelding";
import { buildKorreksjonsbilag } from "../../src/core/spk/bilag";
import { reconcile } from "../../src/core/spk/reconcile";
import { Oppsett, TerminInput } from "../../src/core/spk/types";
import { parsePercentField, percentFieldText } from "../../src/taskpane/view/input";
import { expectedTotals, OPPSETT, ore, orgnr, sampleSheets, sampleSheetsUpTo } from "../taskpane/samples";
import type { Harness, Seed } from "./harness";
import { buildAddin, buildHarness, launch, ROOT, serve, Server } from "./support";

jest.setTimeout(240_000);

const ARTIFACTS = path.join(ROOT, "test-artifacts", "taskpane");
const CDN = "https://appsforoffice.microsoft.com";
const ARK = "A10 SPK brutto";
const XSS = "<img src=x onerror=alert(1)>";
const NB = "\u00a0";

/** The value of a rule's Result (custom-function rules) or of a model's Checked result. */
const ok = <T>(r: Result<T> | Checked<T>): T => {
  if (isRuleError(r) || isProblems(r)) throw new Error(r.message);
  return r;
};

// --- The seeded workbook ----------------------------------------------------------------------
const sheets = sampleSheets("eksempeletaten");
/** The SAP export with one amount replaced by markup: it must come back as text in an error. */
const sapFeil = sheets.SAP.map((row) => [...row]);
const xssRow = sapFeil.findIndex((r) => r[0] === "7300");
sapFeil[xssRow][5] = XSS;
const virksomheter = [
  ["Virksomhetsnummer", "Navn", "Sone", "Grunnlag"],
  [orgnr("97476067"), "Eksempeletaten Oslo", "I", "40 000 000,00"],
  [orgnr("91234568"), "Eksempeletaten Tromsø", "IV", "10 000 000,00"],
];
const SEED: Seed = {
  sheets: [
    { name: "SAP", grid: sheets.SAP },
    { name: "Unit4", grid: sheets.Unit4 },
    { name: "SPK", grid: sheets.SPK },
    { name: "SAP feil", grid: sapFeil },
    { name: "Virksomheter", grid: virksomheter },
  ],
  selection: { sheet: "SAP", address: "A1" },
};

// --- What the model says the pane should produce (core, from the README's figures) -------------
const expected = expectedTotals("eksempeletaten");
const grunnlag = readBasesAndRates({ sheet: "Virksomheter", values: virksomheter }, { aar: 2024 });
if (isProblems(grunnlag)) throw new Error("virksomheter");
const SNITT = ok(agaSnittsats(grunnlag.linjer, 2024));
/** The rate as the pane writes it: the text it puts in the field, read back exactly. */
const AGA = (() => {
  const r = parsePercentField(percentFieldText(SNITT), "AGA-snittsats");
  if (!r.ok) throw new Error(r.problem);
  return r.value;
})();
const oppsett: Oppsett = { ...OPPSETT, agaSats: AGA };
const terminer: TerminInput[] = expected.map((t) => ({
  termin: t.termin, sapArbeidsgiverandel: ore(t.B), sapMedlemsinnskudd: ore(t.C), unit4Pensjonsutgift: ore(t.D), unit4AvsetningArbeidsgiverandel: ore(t.E),
  unit4Medlemsinnskudd: ore(t.F), fakturanummer: t.K, fakturaArbeidsgiverandel: ore(t.L), fakturaDifferanse: ore(t.M), fakturaMedlemsinnskudd: ore(t.N),
}));

// --- The browser -----------------------------------------------------------------------------
interface Opened {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly requests: string[];
  readonly dialogs: string[];
  readonly errors: string[];
}

let out: string;
let keep = false;
let server: Server;
let browser: Browser;
let harnessJs: string;

beforeAll(async () => {
  const dist = process.env.LONN_BROWSER_DIST;
  keep = Boolean(dist);
  out = dist ?? fs.mkdtempSync(path.join(os.tmpdir(), "lonn-browser-"));
  const built = fs.existsSync(path.join(out, "taskpane.html")) && fs.existsSync(path.join(out, "harness.js"));
  if (!(keep && built)) {
    fs.mkdirSync(out, { recursive: true });
    await buildAddin(out);
    await buildHarness(out);
  }
  harnessJs = fs.readFileSync(path.join(out, "harness.js"), "utf8");
  server = await serve(out);
  browser = await launch();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (out && !keep) fs.rmSync(out, { recursive: true, force: true });
});

async function open(seed: Seed): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 320, height: 900 }, deviceScaleFactor: 2, acceptDownloads: true, locale: "nb-NO" });
  const page = await context.newPage();
  const requests: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.route(`${CDN}/**`, (route) => route.fulfill({ status: 200, contentType: "application/javascript", body: harnessJs }));
  await page.addInitScript((s) => {
    (globalThis as { __LONN_SEED__?: unknown }).__LONN_SEED__ = s;
  }, seed);
  await page.goto(`${server.origin}/taskpane.html`);
  return { context, page, requests, dialogs, errors };
}

declare const __lonnTest: Harness;

const values = (page: Page, sheet: string, address: string): Promise<unknown[][]> =>
  page.evaluate(([s, a]) => __lonnTest.host.values(s, a), [sheet, address] as const);
const formula = (page: Page, sheet: string, address: string): Promise<string | null> =>
  page.evaluate(([s, a]) => __lonnTest.host.cell(s, a).formula ?? null, [sheet, address] as const);
const syncs = (page: Page): Promise<number> => page.evaluate(() => __lonnTest.host.syncCount);
const runs = (page: Page): Promise<number> => page.evaluate(() => __lonnTest.host.runs.length);
const state = (page: Page): Promise<string> => page.evaluate(() => JSON.stringify(__lonnTest.host.state()));
const associated = (page: Page): Promise<string[]> => page.evaluate(() => __lonnTest.associated);
const selection = (page: Page) =>
  page.evaluate(() => {
    const sel = __lonnTest.host.workbook.selection;
    return sel ? { sheet: sel.sheet.name, r0: sel.rect.r0, c0: sel.rect.c0 } : null;
  });

/** No violation of impact serious or critical (axe-core, loaded from our own origin under the CSP). */
async function accessible(page: Page, step: string): Promise<void> {
  const loaded = await page.evaluate("typeof globalThis.axe !== 'undefined'");
  if (!loaded) await page.addScriptTag({ url: `${server.origin}/__test__/axe.min.js` });
  const violations = (await page.evaluate(
    "axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) })))",
  )) as { id: string; impact: string; nodes: string[] }[];
  expect({ step, violations: violations.filter((v) => v.impact === "serious" || v.impact === "critical") }).toEqual({ step, violations: [] });
}

/** The whole step; the sticky status line is laid out in place for the shot (it would float mid-page). */
async function screenshot(page: Page, name: string): Promise<void> {
  const place = (position: string) => page.evaluate((p) => document.getElementById("status")?.style.setProperty("position", p), position);
  await place("static");
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
  await place("");
}

/**
 * Waits until the running action is done (the pane clears aria-busy). Polled from here: the
 * page's CSP forbids the eval that waitForFunction's own polling needs once an action takes a while.
 */
async function idle(page: Page): Promise<void> {
  const until = Date.now() + 60_000;
  while (await page.evaluate(() => (document.getElementById("app") as HTMLElement).hasAttribute("aria-busy"))) {
    if (Date.now() > until) throw new Error("The pane is still busy after 60 s.");
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function click(page: Page, id: string): Promise<void> {
  await page.locator(`#${id}`).click();
  await idle(page);
}

/** How many syncs the action started by `act` took. */
async function syncsOf(page: Page, act: () => Promise<void>): Promise<number> {
  const before = await syncs(page);
  await act();
  return (await syncs(page)) - before;
}

const heading = (page: Page) => page.locator("#steg-tittel").innerText();
const statusText = (page: Page) => page.locator("#status").innerText();

/** A co-author's edit between the pane's actions (straight into the workbook, as Excel would). */
const edit = (page: Page, sheet: string, address: string, cells: unknown[][]): Promise<void> =>
  page.evaluate(
    ([s, a, v]) =>
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(s).getRange(a).values = v as Excel.Range["values"];
        await ctx.sync();
      }),
    [sheet, address, cells] as const,
  );

/** Clicks a download button and reads the file it gives (its suggested name too). */
async function downloaded(page: Page, id: string): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent("download"), page.locator(`#${id}`).click()]);
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(await d.path()) };
}

/** The export files' settings for a batch (voucher numbers from `first`). */
const fileSettings = (o: Oppsett, batchId: string, first = 1): ExportSettings => ({ ...spkExportSettings(o), batchId, forsteBilagsnummer: first });

/** The rows of `Logg` from row 2: handling (B) and who (E). */
async function logRows(page: Page): Promise<{ handling: unknown; summer: unknown; hvem: unknown }[]> {
  const rows = await values(page, "Logg", "A2:E40");
  return rows.filter((r) => r[1] !== "").map((r) => ({ handling: r[1], summer: r[3], hvem: r[4] }));
}

/** The pane opened on `seed`, once it shows its first step. */
async function openReady(seed: Seed): Promise<Opened> {
  const o = await open(seed);
  await o.page.waitForSelector("#oppsett-lagre");
  return o;
}

/** No request left the local server and the Office.js CDN (which was asked); no dialog, no error. */
function expectNothingElse(o: Opened): void {
  const allowed = new Set([server.origin, CDN]);
  expect(o.requests.filter((u) => !allowed.has(new URL(u.startsWith("blob:") ? u.slice(5) : u).origin))).toEqual([]);
  expect(o.requests.some((u) => u.startsWith(CDN))).toBe(true);
  expect(o.dialogs).toEqual([]);
  expect(o.errors).toEqual([]);
}

withChromium.describe("the task pane on the Eksempeletaten sample (brutto 2024)", () => {
  let o: Opened;
  beforeAll(async () => (o = await openReady(SEED)));
  afterAll(async () => o?.context.close());

  test("starts on Oppsett in an empty workbook, with both bundles loaded", async () => {
    const { page } = o;
    expect(await heading(page)).toBe("Steg 1 av 5: Oppsett");
    expect(await page.locator("#arbeidsbok").innerText()).toBe("Ingen avstemming i arbeidsboken ennå.");
    expect(await page.locator('#steg-oppsett[aria-current="step"]').count()).toBe(1);
    expect(await page.locator("#steg-importer").isDisabled()).toBe(true);
    // The functions bundle shares the page and registered its functions.
    expect((await associated(page)).length).toBeGreaterThan(10);
    // Keyboard: Tab reaches the controls, and the focus ring is visible.
    await page.keyboard.press("Tab");
    const focus = await page.evaluate("(() => { const e = document.activeElement; const s = getComputedStyle(e); return { id: e.id, outline: s.outlineStyle, width: s.outlineWidth }; })()");
    expect(focus).toEqual({ id: "les-pa-nytt", outline: "solid", width: "2px" });
  });

  test("Oppsett: the average AGA rate from a range, then the A10 sheet with its header, _lonn and the first Logg row", async () => {
    const { page } = o;
    await page.getByLabel("År", { exact: true }).fill("2024");
    await page.getByLabel("Virksomhet", { exact: true }).fill("Eksempeletaten");
    await page.locator("#oppsett-snitt summary").click();
    await page.getByLabel("Område med grunnlag og sats eller sone").fill("Virksomheter");
    expect(await syncsOf(page, () => click(page, "oppsett-beregn-snitt"))).toBe(2);
    expect(await page.getByLabel("AGA-snittsats (%)").inputValue()).toBe(percentFieldText(SNITT));
    await page.getByLabel("Bilagsart (Unit4)").fill("KB");
    await page.getByLabel("Firmakode (Unit4)").fill("72");
    await page.locator("summary", { hasText: "Dimensjoner i Unit4" }).click();
    await page.locator("#oppsett-dim-1-navn").fill("Koststed");
    await page.locator("#oppsett-dim-1-verdi").fill("1001");
    // The initials are the user's: remembered in this browser, not written to the workbook's settings.
    await page.getByLabel("Initialer", { exact: true }).fill("KN");
    expect(await page.evaluate(() => localStorage.getItem("lonnsavstemming.initialer"))).toBe("KN");
    await accessible(page, "Oppsett");
    await screenshot(page, "1-oppsett");

    expect(await syncsOf(page, () => click(page, "oppsett-lagre"))).toBe(3);
    expect(await page.locator("#oppsett-resultat").innerText()).toContain("Oppsett lagret i «A10 SPK brutto».");
    expect(await values(page, ARK, "A4:F4")).toEqual([[2024, "Brutto", "Terminvis", AGA, 1, 0.05]]);
    expect(await values(page, ARK, "B2")).toEqual([["Eksempeletaten"]]);
    expect(await values(page, ARK, "B7:B8")).toEqual([["Koststed"], ["1001"]]);
    expect(await values(page, "Logg", "B2")).toEqual([["Oppsett lagret"]]);
    expect(await values(page, "Logg", "E2")).toEqual([["KN"]]);
    expect(JSON.stringify(await values(page, "_lonn", "A1:B40"))).not.toContain("KN");
    expect(await page.locator("#arbeidsbok").innerText()).toBe(`${ARK} · Eksempeletaten · 2024`);
    expect(await page.locator("#steg-importer").isDisabled()).toBe(false);
  });

  test("Importer: a bad cell is listed with its sheet and cell, shown as text (nothing runs), a click selects it, nothing is written", async () => {
    const { page } = o;
    await page.getByRole("button", { name: "Gå videre til Importer" }).click();
    expect(await heading(page)).toBe("Steg 2 av 5: Importer");
    expect(await page.getByLabel("SAP lønnsartrapport: ark eller område").inputValue()).toBe("SAP");
    expect(await page.getByLabel("Unit4 saldo-/transaksjonsliste: ark eller område").inputValue()).toBe("Unit4");
    expect(await page.getByLabel("SPK-faktura: ark eller område").inputValue()).toBe("SPK");

    await page.getByLabel("SAP lønnsartrapport: ark eller område").fill("SAP feil");
    const before = await state(page);
    expect(await syncsOf(page, () => click(page, "import-les"))).toBe(6);
    const box = page.locator("#importer-resultat [role=alert]");
    const cell = `F${xssRow + 1}`;
    expect(await box.innerText()).toContain(`'SAP feil'!${cell}: «${XSS}» er ikke et beløp`);
    expect(await page.locator("img").count()).toBe(0);
    expect(o.dialogs).toEqual([]);
    expect(await state(page)).toBe(before);
    await accessible(page, "Importer (feil)");
    await screenshot(page, "2-importer-feil");

    await page.getByRole("button", { name: `Gå til ${cell} i SAP feil` }).click();
    await idle(page);
    expect(await selection(page)).toEqual({ sheet: "SAP feil", r0: xssRow, c0: 5 });

    // Excel refuses (a co-author deleted the sheet): a Norwegian message saying what to do.
    await page.evaluate(() => Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("SAP feil").delete();
      await ctx.sync();
    }));
    await page.getByRole("button", { name: `Gå til ${cell} i SAP feil` }).click();
    await idle(page);
    expect(await statusText(page)).toMatch(/^Fant ikke arket eller området\. Sjekk at navnet .* Arbeidsboken er ikke endret\.$/);
  });

  test("Importer: the sample's totals per termin, as the samples' README gives them, before anything is written", async () => {
    const { page } = o;
    await page.getByLabel("SAP lønnsartrapport: ark eller område").fill("SAP");
    const before = await state(page);
    expect(await syncsOf(page, () => click(page, "import-les"))).toBe(6);
    expect(await state(page)).toBe(before);
    const cards = await page.$$eval("table.kort-tabell", (tables) =>
      tables.map((t) => ({
        caption: t.querySelector("caption")?.textContent ?? "",
        rows: Object.fromEntries(Array.from(t.querySelectorAll("tbody tr")).map((r) => [r.querySelector("th")?.textContent?.split(" ")[0], r.querySelector("td")?.textContent])),
      })),
    );
    expect(cards.map((c) => c.caption)).toEqual(["T1 (jan–feb)", "T2 (mar–apr)", "T3 (mai–jun)", "T4 (jul–aug)", "T5 (sep–okt)", "T6 (nov–des)"]);
    cards.forEach((c, i) => {
      const shown = Object.fromEntries(Object.entries(c.rows).map(([k, v]) => [k, String(v).replace(/\u00a0/g, " ").replace("\u2212", "-")]));
      expect(shown).toEqual({ ...expected[i].tekst, K: expected[i].K });
    });
    expect(await page.locator("#importer-resultat").innerText()).toContain("SAP: 37 av 50 rader brukt (overskrift i rad 4)");
    expect(await statusText(page)).toBe("Leste SAP, Unit4, SPK. Se over tallene per termin; ingenting er skrevet ennå.");
    await accessible(page, "Importer");
    await screenshot(page, "2-importer");
  });

  test("Avstem: the sheet is filled from the import (B–F, K–N = the README's totals, formulas kept), the flags link to their cells", async () => {
    const { page } = o;
    await page.locator("#import-videre").click();
    expect(await heading(page)).toBe("Steg 3 av 5: Avstem");
    expect(await syncsOf(page, () => click(page, "avstem-fyll"))).toBe(3);
    for (const t of expected) {
      const r = 11 + t.termin;
      expect(await values(page, ARK, `B${r}:F${r}`)).toEqual([[t.B, t.C, t.D, t.E, t.F]]);
      expect(await values(page, ARK, `K${r}:N${r}`)).toEqual([[t.K, t.L, t.M, t.N]]);
      expect(await formula(page, ARK, `G${r}`)).toBe(`=IF(AND(COUNT(B${r}:C${r})>0,COUNT(D${r}:F${r})>0),B${r}-D${r},"")`);
      expect(await formula(page, ARK, `T${r}`)).toBe(`=IF(R${r}="","",ROUND(R${r}*S${r},2))`);
    }
    expect(await values(page, "Logg", "B3:E3")).toEqual([["Avstemmingsarket fylt fra import", expect.stringContaining("nye ark: Korreksjonsbilag"), expect.any(String), "KN"]]);
    // The vouchers come with the figures: the fill regenerates Korreksjonsbilag from the same run.
    expect(await values(page, "Korreksjonsbilag", "A4:B4")).toEqual([["SPK-2024-T1", 1]]);
    const settings = (await values(page, "_lonn", "A1:B40")).find((r) => r[0] === "import.sap");
    expect(settings?.[1]).toBe(JSON.stringify({ omrade: "SAP" }));

    const flags = page.locator("ul.flagg li");
    expect(await flags.count()).toBe(2);
    expect(await flags.nth(0).innerText()).toContain("Uforklart differanse");
    expect(await flags.nth(0).innerText()).toContain(`G (utgift, B − D) = -1 250,00 kr`);
    expect(await flags.nth(1).innerText()).toContain("Vesentlig differanse");
    expect(await page.locator("#avstem-tabell tfoot").innerText()).toContain(`53${NB}160,35`);
    await accessible(page, "Avstem");
    await screenshot(page, "3-avstem");

    expect(await syncsOf(page, () => page.getByRole("button", { name: "Gå til J13: Uforklart differanse" }).click().then(() => idle(page)))).toBe(1);
    expect(await selection(page)).toEqual({ sheet: ARK, r0: 12, c0: 9 });
  });

  test("a long action cannot be started twice: a double click reads once", async () => {
    const { page } = o;
    const [r0, s0] = [await runs(page), await syncs(page)];
    await page.evaluate("(() => { const b = document.getElementById('avstem-les'); b.click(); b.click(); })()");
    await idle(page);
    expect([(await runs(page)) - r0, (await syncs(page)) - s0]).toEqual([1, 1]);
    expect(await statusText(page)).toBe("Avstemt på nytt: 2 flagg.");
  });

  test("Bilag: vouchers and the A-melding split previewed, written once, downloaded as CSV (BOM) and GL07 (2060 a line)", async () => {
    const { page } = o;
    await page.locator("#avstem-videre").click();
    expect(await heading(page)).toBe("Steg 4 av 5: Bilag");
    expect(await page.getByLabel("Virksomheter for A-melding (ark eller område, valgfritt)").inputValue()).toBe("Virksomheter");
    expect(await syncsOf(page, () => click(page, "bilag-vis"))).toBe(3);
    expect(await page.locator("#bilag-oppsummering").innerText()).toContain("Bilagsdato: hver termins siste dag (årsbilag 31.12).");

    const model = ok(reconcile(oppsett, terminer));
    const bilag = ok(buildKorreksjonsbilag(model));
    const virk = ok(readVirksomheter({ sheet: "Virksomheter", values: virksomheter }, { aar: 2024 }));
    const fordelinger = ok(buildAmeldingFordeling(model, virk.virksomheter));

    const captions = await page.locator("#bilag-resultat table caption").allTextContents();
    expect(captions.slice(0, 6)).toEqual(bilag.map((b) => `${b.id} · ${b.dato.split("-").reverse().join(".")} · periode ${b.periode}`));
    expect(await page.locator("#bilag-resultat .merke.ok").count()).toBe(6);
    await accessible(page, "Bilag");
    await screenshot(page, "4-bilag");

    // Read, the user's fills on Korreksjonsbilag (the fill made it), write.
    expect(await syncsOf(page, () => click(page, "bilag-skriv"))).toBe(3);
    // Bilag-ID, Linje, Dato, Periode, Termin, Konto, Koststed, Debet, Kredit, Beløp …: one row per line, then the Sum row.
    expect((await values(page, "Korreksjonsbilag", "A3:J3"))[0]).toEqual(["Bilag-ID", "Linje", "Dato", "Periode", "Termin", "Konto", "Koststed (dim_1)", "Debet", "Kredit", "Beløp"]);
    const rows = (await values(page, "Korreksjonsbilag", "A4:K40")).filter((r) => String(r[0]).startsWith("SPK-"));
    const lines = rows.filter((r) => typeof r[1] === "number");
    expect(lines.map((r) => [r[0], r[3], r[5], r[6], r[9]])).toEqual(bilag.flatMap((b) => b.linjer.map((l) => [b.id, Number(b.periode), l.konto, l.dimensjoner[1] ?? "", kroner(l.belop)])));
    expect(rows.filter((r) => r[1] === "Sum").length).toBe(6);
    const amelding = (await values(page, "A-melding fordeling", "A4:J60")).filter((r) => /^\d{9}$/.test(String(r[3])));
    expect(amelding.map((r) => [r[0], r[3], r[7], r[9]])).toEqual(fordelinger.flatMap((f) => f.rader.map((r) => [f.bilagId, r.virksomhetsnummer, kroner(r.endringGrunnlag), kroner(r.aga)])));
    expect(await values(page, "Logg", "B4")).toEqual([["Korreksjonsbilag og A-melding skrevet"]]);
    // The list is kept in the workbook, so later writes split the current vouchers without it.
    expect((await values(page, "_lonn", "A1:A40")).map((r) => r[0])).toContain("amelding.virksomheter");
  });

  test("Bilag: T3's material difference has no explanation, so the export stops with a link to J14; «Eksporter likevel» exports, records and logs it; then the files", async () => {
    const { page } = o;
    expect(await page.locator("#bilag-uforklart").isVisible()).toBe(false);
    const before = await state(page);
    // One read: the plan stops before anything is written.
    expect(await syncsOf(page, () => click(page, "bilag-eksporter"))).toBe(1);
    expect(await state(page)).toBe(before);
    const box = page.locator("#bilag-eksportert [role=alert]");
    expect(await box.innerText()).toMatch(/Termin 3: differansen Q = 71 480,30 kr er vesentlig og ikke forklart, så SPK-2024-T3 eksporteres ikke\. Skriv forklaringen i J14 og eksporter på nytt\./);
    expect(await statusText(page)).toBe("Eksporten venter på en forklaring; se meldingen.");
    expect(await page.locator("#bilag-csv").count()).toBe(0);
    await accessible(page, "Bilag (eksport stoppet)");
    await page.getByRole("button", { name: `Gå til J14 i ${ARK}` }).click();
    await idle(page);
    expect(await selection(page)).toEqual({ sheet: ARK, r0: 13, c0: 9 });

    await page.getByLabel("Eksporter likevel, selv om en vesentlig differanse ikke er forklart (føres i Logg)").check();
    expect(await syncsOf(page, () => click(page, "bilag-eksporter"))).toBe(3);
    const model = ok(reconcile(oppsett, terminer));
    const bilag = ok(buildKorreksjonsbilag(model));
    expect(await page.locator("#bilag-eksportert").innerText()).toContain(`Eksportert SPK-2024-E1: ${bilag.map((b) => b.id).join(", ")}`);
    const record = (await values(page, "Eksporterte bilag", "A2:N40")).filter((r) => r[0] !== "");
    expect(record.map((r) => [r[2], r[4], r[6], r[9], r[11]])).toEqual(bilag.flatMap((b) => b.linjer.map((l) => ["SPK-2024-E1", b.id, "bilag", l.konto, kroner(l.belop)])));
    expect(await values(page, "Logg", "B5:E5")).toEqual([["Bilag eksportert", expect.stringContaining("nye ark: Eksporterte bilag"), expect.stringContaining(`eksportert SPK-2024-E1: SPK-2024-T1`), "KN"]]);
    expect(String((await values(page, "Logg", "D5"))[0][0])).toContain(`med vesentlig, uforklart differanse (${OVERRIDE_LOG})`);
    // The box is ticked for this export only.
    expect(await page.locator("#bilag-uforklart").isVisible()).toBe(false);

    // The buttons say what they do: they start a download of the file named.
    expect(await page.locator("#bilag-csv").innerText()).toBe("Last ned SPK-2024-E1.csv");
    const eo = fileSettings(oppsett, "SPK-2024-E1");
    const csv = await downloaded(page, "bilag-csv");
    expect(csv.name).toBe("SPK-2024-E1.csv");
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.bytes.toString("utf8").slice(1).split("\r\n")[0]).toBe(CSV_COLUMNS.join(";"));
    expect(csv.bytes.toString("utf8")).toBe(ok(toCsv(bilag, eo)));
    expect(await statusText(page)).toBe("SPK-2024-E1.csv er sendt til nedlasting. Finner du ikke filen, kopier teksten under «Starter ikke nedlastingen?».");
    const gl07 = await downloaded(page, "bilag-gl07");
    expect(gl07.name).toBe("SPK-2024-E1.gl07.txt");
    const gl07Lines = gl07.bytes.toString("latin1").split("\r\n").filter((l) => l !== "");
    expect(gl07Lines.length).toBe(bilag.reduce((n, b) => n + b.linjer.length, 0));
    for (const l of gl07Lines) expect(l.length).toBe(GL07_LINE_LENGTH);
    expect(gl07.bytes.equals(Buffer.from(ok(toGl07(bilag, eo)), "latin1"))).toBe(true);
    await accessible(page, "Bilag (eksportert)");
    await screenshot(page, "4-bilag-eksport");
  });

  test("Bilag: an unchanged run exports nothing: «Ingen nye bilag å eksportere», no file, the workbook as it was", async () => {
    const { page } = o;
    const before = await state(page);
    await click(page, "bilag-eksporter");
    expect(await page.locator("#bilag-eksportert").innerText()).toContain("Ingen nye bilag å eksportere");
    expect(await page.locator("#bilag-eksportert").innerText()).toContain("Uendret siden forrige eksport: SPK-2024-T1");
    expect(await statusText(page)).toBe("Ingen nye bilag å eksportere.");
    expect(await page.locator("#bilag-csv, #bilag-gl07").count()).toBe(0);
    expect(await state(page)).toBe(before);
  });

  test("Bilag: «Eksporter alle på nytt (merket KOPI)» gives a marked copy (batch …-KOPI, every line «KOPI - ikke bokfør»)", async () => {
    const { page } = o;
    // A colleague explains T3 meanwhile: the copy is not stopped (and neither is anything later).
    await edit(page, ARK, "J14", [["Etterberegnet tilleggspremie, avklart med SPK"]]);
    await page.getByLabel("Eksporter alle på nytt (merket KOPI)").check();
    expect(await page.locator("#bilag-eksporter").innerText()).toBe("Eksporter alle bilag som KOPI (CSV og GL07)");
    await click(page, "bilag-eksporter");
    expect(await page.locator("#bilag-eksportert").innerText()).toContain("Eksportert som KOPI (SPK-2024-E2-KOPI)");
    const csv = await downloaded(page, "bilag-csv");
    expect(csv.name).toBe("SPK-2024-E2-KOPI.csv");
    const texts = csv.bytes.toString("utf8").split("\r\n").slice(1).filter((l) => l !== "");
    expect(texts.length).toBe(24);
    for (const l of texts) expect(l).toContain(COPY_MARK);
    expect((await downloaded(page, "bilag-gl07")).name).toBe("SPK-2024-E2-KOPI.gl07.txt");
    expect(String((await values(page, "Logg", "D6"))[0][0])).toContain("eksportert SPK-2024-E2-KOPI (kopi, alle bilag)");
    await page.getByLabel("Eksporter alle på nytt (merket KOPI)").uncheck();
  });

  test("Årsavslutning: balances, the updated rate and a sign-off saved; the AGA adjustment voucher then written under Bilag", async () => {
    const { page } = o;
    await page.locator("#steg-aars").click();
    expect(await heading(page)).toBe("Steg 5 av 5: Årsavslutning");
    for (const k of ["medlemsinnskudd", "avsetningBrutto"]) {
      await page.locator(`#aars-saldo-${k}-ib`).fill("0");
      await page.locator(`#aars-saldo-${k}-bevegelse`).fill("0");
    }
    await page.locator("#aars-saldo-fakturadifferanse-ib").fill("0");
    await page.locator("#aars-saldo-fakturadifferanse-bevegelse").fill("53 160,35");
    await page.getByLabel("Oppdatert AGA-sats (%)").fill("14");
    await page.locator("#aars-sign-1-status").fill("A");
    await page.locator("#aars-sign-1-signatur").fill("KN");
    await page.locator("#aars-sign-1-dato").fill("15.3.2024");
    // Read, the user's fills on the derived sheets, write; then the sheet read again.
    expect(await syncsOf(page, () => click(page, "aars-lagre"))).toBe(4);
    expect(await values(page, ARK, "U12:X12")).toEqual([["A", "KN", "15.03.2024", "signert"]]);
    expect(await values(page, ARK, "B33:C35")).toEqual([[0, 0], [0, 0], [0, 53160.35]]);
    expect(await values(page, ARK, "A39")).toEqual([[0.14]]);
    expect(await values(page, "Logg", "B7")).toEqual([["Årsavslutning lagret"]]);
    expect(await page.locator("#aars-justering").innerText()).toContain("Justering");
    expect(await page.locator("#aars-saldo").innerText()).toContain("Ikke 0");
    expect(await page.locator("#aars-sign-1-signatur").getAttribute("readonly")).not.toBeNull();
    await accessible(page, "Årsavslutning");
    await screenshot(page, "5-aarsavslutning");

    // The same write regenerated the vouchers: the adjustment is in Korreksjonsbilag already.
    const ids = (await values(page, "Korreksjonsbilag", "A4:A60")).map((r) => r[0]).filter((v) => v !== "");
    expect(new Set(ids)).toEqual(new Set([1, 2, 3, 4, 5, 6].map((t) => `SPK-2024-T${t}`).concat("SPK-2024-AGAJUST")));
  });

  test("T1 changed after its sign-off: «Endret etter signering» under Avstem with a link to V12; the next Bilag write says so in X and splits the new amount in A-melding fordeling", async () => {
    const { page } = o;
    await edit(page, ARK, "M12", [[400]]);
    await page.locator("#steg-avstem").click();
    await click(page, "avstem-les");
    const flag = page.locator("ul.flagg li", { hasText: "Endret etter signering" });
    expect(await flag.innerText()).toContain("Termin 1: tallene er endret etter at terminen ble signert.");
    await page.getByRole("button", { name: "Gå til V12: Endret etter signering" }).click();
    await idle(page);
    expect(await selection(page)).toEqual({ sheet: ARK, r0: 11, c0: 21 });
    await accessible(page, "Avstem (endret etter signering)");

    await page.locator("#avstem-videre").click();
    // No list this time: the one the workbook keeps.
    await page.getByLabel("Virksomheter for A-melding (ark eller område, valgfritt)").fill("");
    await click(page, "bilag-vis");
    await click(page, "bilag-skriv");
    expect(await values(page, ARK, "X12")).toEqual([["endret etter signering"]]);
    const t1 = (await values(page, "A-melding fordeling", "A4:J80")).filter((r) => r[0] === "SPK-2024-T1" && /^\d{9}$/.test(String(r[3])));
    expect(t1.reduce((sum, r) => sum + Math.round(Number(r[7]) * 100), 0)).toBe(40000);

    // The export holds only what is new: T1's correction and the year's AGA adjustment.
    await click(page, "bilag-eksporter");
    expect(await page.locator("#bilag-eksportert").innerText()).toContain("Eksportert SPK-2024-E3: SPK-2024-T1-K2, SPK-2024-AGAJUST");
    const csv = (await downloaded(page, "bilag-csv")).bytes.toString("utf8");
    expect(new Set(csv.split("\r\n").slice(1).filter((l) => l !== "").map((l) => l.split(";")[CSV_COLUMNS.indexOf("ext_ref")]))).toEqual(new Set(["SPK-2024-T1-K2", "SPK-2024-AGAJUST"]));

    expect((await logRows(page)).map((r) => [r.handling, r.hvem])).toEqual([
      ["Oppsett lagret", "KN"],
      ["Avstemmingsarket fylt fra import", "KN"],
      ["Korreksjonsbilag og A-melding skrevet", "KN"],
      ["Bilag eksportert", "KN"],
      ["Bilag eksportert", "KN"],
      ["Årsavslutning lagret", "KN"],
      ["Korreksjonsbilag og A-melding skrevet", "KN"],
      ["Bilag eksportert", "KN"],
    ]);
  });

  test("no request went anywhere but the local server and the Office.js CDN; nothing ran that should not", async () => {
    expectNothingElse(o);
  });
});

// --- The «Trekk og AGA» flow on the exports sample (assets/samples/trekk) ---------------------
const TREKK_DIR = path.join(ROOT, "assets", "samples", "trekk");
const trekkGrid = (file: string, change: (text: string) => string = (t) => t): string[][] => {
  const parsed = parseCsv(change(fs.readFileSync(path.join(TREKK_DIR, file), "utf8")), { sheet: file });
  if (isProblems(parsed)) throw new Error(parsed.message);
  return parsed.values;
};
/** The ledger with the AGA of 20.04.2026 booked 45 kr too high: a ledger difference to accept and post away. */
const hovedbok = trekkGrid("hovedbok-2026.csv", (t) => t.replace("AGA sone I 20.04.2026;;73 531,50", "AGA sone I 20.04.2026;;73 576,50"));
const betalinger = trekkGrid("betalinger-2026.csv");
/** A payment of 20.02's forskuddstrekk naming a pay date that is none. */
const betalingerFeil = betalinger.map((r) => [...r]);
const feilRad = betalingerFeil.findIndex((r) => r[1] === "Forskuddstrekk" && r[3] === "20.02.2026");
betalingerFeil[feilRad][3] = "19.02.2026";
const TREKK_SEED: Seed = {
  sheets: [
    { name: "Hovedbok", grid: hovedbok },
    { name: "Lønnsjournal", grid: trekkGrid("lonnsjournal-2026.csv") },
    { name: "Betalinger", grid: betalinger },
    { name: "Betalinger feil", grid: betalingerFeil },
    { name: "Trekklister", grid: trekkGrid("trekklister-2026.csv") },
  ],
  selection: { sheet: "Hovedbok", address: "A1" },
};
const AMELDINGER = fs.readdirSync(TREKK_DIR).filter((n) => n.startsWith("amelding-")).sort().map((n) => path.join(TREKK_DIR, n));
const TREKK = "Trekk og AGA";

withChromium.describe("the Trekk og AGA flow on the exports sample (Nordlys Verksted AS 2026)", () => {
  let o: Opened;
  beforeAll(async () => (o = await openReady(TREKK_SEED)));
  afterAll(async () => o?.context.close());

  test("the second flow sits beside the SPK flow: its own three steps, locked until an import is read", async () => {
    const { page } = o;
    expect(await page.locator("#flyt-spk").getAttribute("aria-pressed")).toBe("true");
    await page.locator("#flyt-trekk").click();
    expect(await heading(page)).toBe("Trekk og AGA – Steg 1 av 3: Importer");
    expect(await page.locator("#flyt-trekk").getAttribute("aria-pressed")).toBe("true");
    expect(await page.locator("#steg-trekk-avstem").isDisabled()).toBe(true);
    expect(await page.locator("#steg-oppsett").isVisible()).toBe(false);
    // The sheets that look like the exports are suggested.
    expect(await page.getByLabel("Hovedbok (transaksjonsliste): ark eller område").inputValue()).toBe("Hovedbok");
    expect(await page.getByLabel("Lønnsjournal: ark eller område").inputValue()).toBe("Lønnsjournal");
    expect(await page.getByLabel("Fakturaer og trekklister (valgfritt): ark eller område").inputValue()).toBe("Trekklister");
  });

  test("Importer: a payment that settles no pay date is listed with its cell (a link), nothing is written", async () => {
    const { page } = o;
    await page.getByLabel("År", { exact: true }).fill("2026");
    await page.getByLabel("Virksomhet", { exact: true }).fill("Nordlys Verksted AS");
    await page.getByLabel("Org.nr. (valgfritt)").fill("921734050");
    await page.locator("summary", { hasText: "Eksport til Unit4" }).click();
    await page.getByLabel("Firmakode (Unit4)").fill("NV");
    await page.getByLabel("Bilagsart (Unit4)").fill("TK");
    await page.locator("#trekk-amelding-filer").setInputFiles(AMELDINGER);
    await page.getByLabel("Betalinger: ark eller område").fill("Betalinger feil");
    const before = await state(page);
    // src/excel's range reads: two syncs for a range of up to 2 000 cells (the ledger, the payments,
    // the lists), four for the payroll journal's 2 200 (its size, then blocks sized to stay under
    // Excel on the web's 5 MB). The files are read in the pane; nothing else goes to Excel.
    expect(await syncsOf(page, () => click(page, "trekk-les"))).toBe(10);
    const box = page.locator("#trekk-importer-resultat [role=alert]");
    const cell = `D${feilRad + 1}`;
    expect(await box.innerText()).toContain(`'Betalinger feil'!${cell}: 2026-02-19 er ingen utbetalingsdato i lønnskjøringene eller a-meldingen`);
    expect(await state(page)).toBe(before);
    await accessible(page, "Trekk: Importer (feil)");
    await page.getByRole("button", { name: `Gå til ${cell} i Betalinger feil` }).click();
    await idle(page);
    expect(await selection(page)).toEqual({ sheet: "Betalinger feil", r0: feilRad, c0: 3 });
  });

  test("Importer: the roll-forward per account and month before anything is written", async () => {
    const { page } = o;
    await page.getByLabel("Betalinger: ark eller område").fill("Betalinger");
    const before = await state(page);
    expect(await syncsOf(page, () => click(page, "trekk-les"))).toBe(10);
    expect(await state(page)).toBe(before);
    const result = page.locator("#trekk-importer-resultat");
    expect(await result.innerText()).toContain("A-meldinger: 13 filer, 1 erstattet av en senere melding.");
    expect(await result.innerText()).toContain("2026-09: amelding-2026-09.xml");
    const summaries = await page.locator("#trekk-importer-resultat details.termin > summary").allTextContents();
    expect(summaries).toEqual([
      "2600 Forskuddstrekk · Ingen differanse mot hovedboken",
      "2770 Skyldig arbeidsgiveravgift · 1 måned med differanse mot hovedboken",
      "2640 Forsikringstrekk · Ingen differanse mot hovedboken",
      "2650 Trukket fagforeningskontingent · Ingen differanse mot hovedboken",
    ]);
    const first = await page.$$eval("#trekk-importer-resultat table", (t) => Array.from(t[0].querySelectorAll("tbody tr")).map((r) => r.textContent?.replace(/\u00a0/g, " ")));
    expect(first).toHaveLength(12);
    expect(first[0]).toBe("januar 2026\u2212474 246,00246 473,00720 719,000,000,00");
    expect(await page.locator("tr.avvik").count()).toBe(1);
    expect(await statusText(page)).toBe("Leste 13 a-meldinger, Hovedbok, Lønnsjournal, Betalinger, Trekklister. Se over tallene per konto og måned; ingenting er skrevet ennå.");
    await accessible(page, "Trekk: Importer");
    await screenshot(page, "trekk-1-importer");
  });

  test("Avstem: the sheet filled in one write; every flag with a link to its cell", async () => {
    const { page } = o;
    await page.locator("#trekk-import-videre").click();
    expect(await heading(page)).toBe("Trekk og AGA – Steg 2 av 3: Avstem");
    expect(await syncsOf(page, () => click(page, "trekk-fyll"))).toBe(2);
    expect(String((await values(page, TREKK, "A1"))[0][0])).toBe("Trekk og arbeidsgiveravgift – avstemming av trekk- og avgiftskontoene 2026");
    expect(await values(page, TREKK, "B3")).toEqual([["Nordlys Verksted AS"]]);
    expect(await values(page, "Logg", "B2")).toEqual([["Trekk og AGA fylt fra import"]]);
    const settings = (await values(page, "_lonn", "A1:B40")).find((r) => r[0] === "trekk.oppsett");
    expect(JSON.parse(String(settings?.[1]))).toMatchObject({ virksomhet: "Nordlys Verksted AS", orgnr: "921734050", aar: 2026, firma: "NV", bilagsart: "TK" });

    const flags = page.locator("ul.flagg li");
    expect(await flags.count()).toBe(5);
    expect(await page.locator("#trekk-avstem-resultat").innerText()).toContain("5 flagg: 1 hovedboken avviker fra avstemmingen, 1 betalt for sent, 1 betalt for lite, 2 lønn og faktura er ulike.");
    const ledger = flags.filter({ hasText: "Hovedboken avviker fra avstemmingen" });
    expect(await ledger.innerText()).toContain("Konto 2770, april 2026");
    const link = ledger.getByRole("button");
    const address = String(await link.innerText()).replace("Gå til ", "");
    expect(String((await values(page, TREKK, address))[0][0])).toContain("Konto 2770, april 2026");
    await accessible(page, "Trekk: Avstem");
    await screenshot(page, "trekk-2-avstem");
    expect(await syncsOf(page, () => link.click().then(() => idle(page)))).toBe(1);
    const at = await selection(page);
    expect(at?.sheet).toBe(TREKK);
  });

  test("Bilag: the accepted difference becomes a voucher, written, exported (CSV with BOM, GL07 2060 a line); a second export holds nothing new", async () => {
    const { page } = o;
    await page.locator("#trekk-avstem-videre").click();
    expect(await heading(page)).toBe("Trekk og AGA – Steg 3 av 3: Bilag");
    await page.getByLabel(/^Korriger 2770 april 2026/).check();
    expect(await page.getByLabel("Motkonto").inputValue()).toBe("5400");
    await click(page, "trekk-bilag-vis");
    expect(await page.locator("#trekk-bilag-resultat details.bilag > summary").allTextContents()).toEqual(["TREKK-2026-2770-04 · 30.04.2026 · periode 202604"]);
    expect(await page.locator("#trekk-bilag-resultat .merke.ok").count()).toBe(1);
    await accessible(page, "Trekk: Bilag");
    await screenshot(page, "trekk-3-bilag");

    expect(await syncsOf(page, () => click(page, "trekk-bilag-skriv"))).toBe(2);
    const k = voucherColumns(0);
    const rows = (await values(page, "Korreksjonsbilag trekk", "A1:L20")).filter((r) => r[k.id] === "TREKK-2026-2770-04" && typeof r[k.linje] === "number");
    expect(rows.map((r) => [r[k.konto], r[k.belop]])).toEqual([["2770", 45], ["5400", -45]]);
    const oppsett = JSON.parse(String((await values(page, "_lonn", "A1:B40")).find((r) => r[0] === "trekk.oppsett")?.[1]));
    expect(oppsett.korreksjoner).toEqual([{ konto: "2770", periode: "2026-04", motkonto: "5400" }]);

    const downloads: { name: string; bytes: Buffer }[] = [];
    const listener = async (d: import("playwright-core").Download) => downloads.push({ name: d.suggestedFilename(), bytes: fs.readFileSync(await d.path()) });
    page.on("download", listener);
    // Read; the user's fill colours of the existing cells it styles (kept, issue 13); write.
    expect(await syncsOf(page, () => click(page, "trekk-eksport"))).toBe(3);
    for (let i = 0; i < 200 && downloads.length < 2; i++) await new Promise((r) => setTimeout(r, 25));
    expect(downloads).toHaveLength(2);
    page.off("download", listener);
    const csv = downloads.find((d) => d.name.endsWith(".csv")) as { name: string; bytes: Buffer };
    expect(csv.name).toBe("Trekk-korreksjonsbilag-TREKK-2026-E1.csv");
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.bytes.toString("utf8").slice(1).split("\r\n")[0]).toBe(CSV_COLUMNS.join(";"));
    expect(csv.bytes.toString("utf8")).toContain("TREKK-2026-2770-04");
    const gl07 = (downloads.find((d) => d.name.endsWith(".gl07.txt")) as { bytes: Buffer }).bytes.toString("latin1").split("\r\n").filter((l) => l !== "");
    expect(gl07.map((l) => l.length)).toEqual([GL07_LINE_LENGTH, GL07_LINE_LENGTH]);
    expect((await values(page, "Eksporterte bilag", "E1:E10")).flat().filter((v) => v === "TREKK-2026-2770-04")).toHaveLength(2);
    expect(await statusText(page)).toBe("Eksportert (TREKK-2026-E1): TREKK-2026-2770-04. Trekk-korreksjonsbilag-TREKK-2026-E1.csv og Trekk-korreksjonsbilag-TREKK-2026-E1.gl07.txt er sendt til nedlasting.");
    // A host that blocks downloads: the files' text is there to copy (a text field's lines end in LF).
    expect(await page.locator("#trekk-eksport-csv-tekst").inputValue()).toBe(csv.bytes.toString("utf8").replace(/\r\n/g, "\n"));

    // Nothing new, in the same three syncs: the sheets it styles exist now as they did the first time.
    expect(await syncsOf(page, () => click(page, "trekk-eksport"))).toBe(3);
    expect(await statusText(page)).toBe("Ingen nye bilag å eksportere (uendret siden forrige eksport: TREKK-2026-2770-04).");
    expect(downloads).toHaveLength(2);
    expect((await values(page, "Logg", "B2:B5")).map((r) => r[0])).toEqual([
      "Trekk og AGA fylt fra import",
      "Korreksjonsbilag for trekk skrevet",
      "Korreksjonsbilag for trekk eksportert",
      "Korreksjonsbilag for trekk eksportert",
    ]);
  });

  test("the SPK flow is where it was; nothing went anywhere but the local server and the CDN", async () => {
    const { page } = o;
    await page.locator("#flyt-spk").click();
    expect(await heading(page)).toBe("Steg 1 av 5: Oppsett");
    await page.locator("#flyt-trekk").click();
    expect(await heading(page)).toBe("Trekk og AGA – Steg 3 av 3: Bilag");
    expectNothingElse(o);
  });

  test("Importer again with the ledger as a SAF-T file: streamed in the pane, the sample's own ledger (no difference)", async () => {
    const { page } = o;
    await page.locator("#steg-trekk-importer").click();
    await page.locator("#trekk-saft-fil").setInputFiles(path.join(TREKK_DIR, "saft-2026.xml"));
    expect(await syncsOf(page, () => click(page, "trekk-les"))).toBe(8);
    expect(await page.locator("#trekk-importer-resultat").innerText()).toMatch(/saft-2026\.xml: SAF-T 1\.30, 109 av \d+ linjer på kontoene\./);
    expect(await page.locator("tr.avvik").count()).toBe(0);
    expect(await page.locator("#steg-trekk-avstem").isDisabled()).toBe(false);
    expect(o.errors).toEqual([]);
  });
});

// --- The «Lønnsbilag» flow on the sample journal (assets/samples/lonnsbilag) -------------------
const LB_DIR = path.join(ROOT, "assets", "samples", "lonnsbilag");
const LB_JOURNAL = path.join(LB_DIR, "lonnsjournal-2024-11.csv");
const LB_OPPSETT = path.join(LB_DIR, "oppsett.json");
const lbGrid = (change: (text: string) => string = (t) => t): string[][] => ok(parseCsv(change(fs.readFileSync(LB_JOURNAL, "utf8")), { sheet: "x" })).values;
/** The journal with Per Hansen's forskuddstrekk of 05.11 over his gross pay. */
const LB_SEED: Seed = {
  sheets: [
    { name: "Lønnsjournal", grid: lbGrid() },
    { name: "Lønnsjournal feil", grid: lbGrid((t) => t.replace("05.11.2024;974203111;0301;1002;Per Hansen;7 500,00;3 750,00;", "05.11.2024;974203111;0301;1002;Per Hansen;7 500,00;8 000,00;")) },
  ],
  selection: { sheet: "Lønnsjournal", address: "A1" },
};
/** What core makes of the sample (as lonn lonnsbilag does): the vouchers the pane must write. */
const lbRun = ok(runLonnsbilagOf(journalFile("lonnsjournal-2024-11.csv", new Uint8Array(fs.readFileSync(LB_JOURNAL))), oppsettFile("oppsett.json", new Uint8Array(fs.readFileSync(LB_OPPSETT)))));

withChromium.describe("the Lønnsbilag flow on the sample journal (Polarlys Service AS, November 2024)", () => {
  let o: Opened;
  beforeAll(async () => (o = await openReady(LB_SEED)));
  afterAll(async () => o?.context.close());

  test("a third flow beside the others: two steps, Bilag locked until the journal is read; the journal's sheet suggested", async () => {
    const { page } = o;
    await page.locator("#flyt-lonnsbilag").click();
    expect(await heading(page)).toBe("Lønnsbilag – Steg 1 av 2: Importer");
    expect(await page.locator("#flyt-lonnsbilag").getAttribute("aria-pressed")).toBe("true");
    expect(await page.locator("#steg-lonnsbilag-bilag").isDisabled()).toBe(true);
    expect(await page.getByLabel("Eller lønnsjournalen i arbeidsboken: ark eller område").inputValue()).toBe("Lønnsjournal");
  });

  test("Importer: a bad cell of a range is listed with its cell (a link), nothing is written", async () => {
    const { page } = o;
    await page.getByLabel("Eller lønnsjournalen i arbeidsboken: ark eller område").fill("Lønnsjournal feil");
    await page.locator("#lonnsbilag-oppsett").setInputFiles(LB_OPPSETT);
    const before = await state(page);
    expect(await syncsOf(page, () => click(page, "lonnsbilag-les"))).toBe(2);
    const box = page.locator("#lonnsbilag-importer-resultat [role=alert]");
    expect(await box.innerText()).toContain("Lønnsjournalen ble avvist (1 feil); ingenting er skrevet");
    expect(await box.innerText()).toContain("'Lønnsjournal feil'!G2: Ansatt «Per Hansen»: forskuddstrekk (8 000,00 kr) er større enn brutto lønn (7 500,00 kr).");
    expect(await state(page)).toBe(before);
    expect(await page.locator("#steg-lonnsbilag-bilag").isDisabled()).toBe(true);
    await accessible(page, "Lønnsbilag: Importer (feil)");
    await page.getByRole("button", { name: "Gå til G2 i Lønnsjournal feil" }).click();
    await idle(page);
    expect(await selection(page)).toEqual({ sheet: "Lønnsjournal feil", r0: 1, c0: 6 });
  });

  test("Importer: the CSV file with its oppsett, read in the pane (no sync); Bilag: each voucher with its AGA per zone, before anything is written", async () => {
    const { page } = o;
    await page.locator("#lonnsbilag-fil").setInputFiles(LB_JOURNAL);
    const before = await state(page);
    expect(await syncsOf(page, () => click(page, "lonnsbilag-les"))).toBe(0);
    expect(await state(page)).toBe(before);
    expect(await page.locator("#lonnsbilag-importer-resultat").innerText()).toContain("2 lønnsbilag, ett per utbetalingsdato: LONN-20241105 (05.11.2024), LONN-20241120 (20.11.2024); alle i balanse.");
    await accessible(page, "Lønnsbilag: Importer");
    await screenshot(page, "lonnsbilag-1-importer");
    await page.locator("#lonnsbilag-import-videre").click();
    expect(await heading(page)).toBe("Lønnsbilag – Steg 2 av 2: Bilag");
    expect(await page.locator("#lonnsbilag-bilag details.bilag > summary").allTextContents()).toEqual(["LONN-20241105 · 05.11.2024 · periode 202411", "LONN-20241120 · 20.11.2024 · periode 202411"]);
    expect(await page.locator("#lonnsbilag-bilag .merke.ok").count()).toBe(2);
    const second = (await page.locator("#lonnsbilag-bilag details.bilag").nth(1).innerText()).replace(/\u00a0/g, " ");
    expect(second).toContain("7 lønnsmottakere. AGA 43 567,09, av det ekstra AGA 5 687,50.");
    expect(second).toMatch(/Sone I\s+[\d ]+,\d\d\s+14,1 %\s+30 040,05/);
    expect(second).toMatch(/Sone IVa\s+[\d ]+,\d\d\s+7,9 %\s+7 839,54/);
    expect(second).toContain("Feriepenger avsatt");
    await accessible(page, "Lønnsbilag: Bilag");
    await screenshot(page, "lonnsbilag-2-bilag");
  });

  test("Bilag: the sheet in one write; exported (CSV with BOM, GL07 2060 a line); a second export offers nothing", async () => {
    const { page } = o;
    expect(await syncsOf(page, () => click(page, "lonnsbilag-skriv"))).toBe(2);
    const k = voucherColumns(1);
    const rows = (await values(page, "Lønnsbilag", "A1:M60")).filter((r) => typeof r[k.linje] === "number" && /^LONN-/.test(String(r[k.id])));
    expect(rows.map((r) => [r[k.id], r[k.konto], r[k.belop]])).toEqual(lbRun.bilag.flatMap((b) => b.linjer.map((l) => [b.id, l.konto, kroner(l.belop)])));
    expect(await values(page, "Logg", "B2")).toEqual([["Lønnsbilag skrevet"]]);

    const downloads: { name: string; bytes: Buffer }[] = [];
    const listener = async (d: import("playwright-core").Download) => downloads.push({ name: d.suggestedFilename(), bytes: fs.readFileSync(await d.path()) });
    page.on("download", listener);
    // Read; the fill colours of the sheet's existing cells it styles (kept); write.
    expect(await syncsOf(page, () => click(page, "lonnsbilag-eksport"))).toBe(3);
    for (let i = 0; i < 200 && downloads.length < 2; i++) await new Promise((r) => setTimeout(r, 25));
    expect(downloads.map((d) => d.name).sort()).toEqual(["Lonnsbilag-LONN-2024-E1.csv", "Lonnsbilag-LONN-2024-E1.gl07.txt"]);
    const csv = downloads.find((d) => d.name.endsWith(".csv")) as { bytes: Buffer };
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.bytes.toString("utf8").slice(1).split("\r\n")[0]).toBe(CSV_COLUMNS.join(";"));
    const gl07 = (downloads.find((d) => d.name.endsWith(".gl07.txt")) as { bytes: Buffer }).bytes.toString("latin1").split("\r\n").filter((l) => l !== "");
    expect(gl07.map((l) => l.length)).toEqual(lbRun.bilag.flatMap((b) => b.linjer.map(() => GL07_LINE_LENGTH)));
    const status = await statusText(page);
    expect(status).toBe("Eksportert (LONN-2024-E1): LONN-20241105, LONN-20241120. Lonnsbilag-LONN-2024-E1.csv og Lonnsbilag-LONN-2024-E1.gl07.txt er sendt til nedlasting.");
    expect(status).not.toMatch(/lastet ned/i);
    await screenshot(page, "lonnsbilag-3-eksport");

    // Nothing new, the same three syncs: read, the fill colours of the sheet's existing cells, write.
    expect(await syncsOf(page, () => click(page, "lonnsbilag-eksport"))).toBe(3);
    expect(await statusText(page)).toBe("Ingen nye bilag å eksportere (uendret siden forrige eksport: LONN-20241105, LONN-20241120).");
    await new Promise((r) => setTimeout(r, 200));
    expect(downloads).toHaveLength(2);
    page.off("download", listener);
    expect((await values(page, "Logg", "B2:B4")).map((r) => r[0])).toEqual(["Lønnsbilag skrevet", "Lønnsbilag eksportert", "Lønnsbilag eksportert"]);
  });

  test("Importer again from the journal as .xlsx: the same vouchers; nothing went anywhere but the local server and the CDN", async () => {
    const { page } = o;
    await page.locator("#steg-lonnsbilag-importer").click();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Lønnsjournal");
    lbGrid().forEach((r, i) => ws.addRow(i === 0 ? r : r.map((c, j) => (j >= 5 && c !== "" ? Number(c.replace(/\s/g, "").replace(",", ".")) : c))));
    await page.locator("#lonnsbilag-fil").setInputFiles({ name: "lonnsjournal.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(await wb.xlsx.writeBuffer()) });
    expect(await syncsOf(page, () => click(page, "lonnsbilag-les"))).toBe(0);
    expect(await page.locator("#lonnsbilag-importer-resultat").innerText()).toContain("Lest fra lonnsjournal.xlsx, oppsett.json (Polarlys Service AS).");
    expect(await page.locator("#steg-lonnsbilag-bilag").isDisabled()).toBe(false);
    expectNothingElse(o);
  });
});

withChromium.describe("a workbook over a year in the pane: termin 1 in the spring, the rest later, a correction, an unchanged run", () => {
  let o: Opened;
  const spring = sampleSheetsUpTo("eksempeletaten", 1);
  const ids = (text: string) => new Set(text.split("\r\n").slice(1).filter((l) => l !== "").map((l) => l.split(";")[CSV_COLUMNS.indexOf("ext_ref")]));

  beforeAll(async () => {
    o = await openReady({
      sheets: [
        { name: "SAP vår", grid: spring.SAP },
        { name: "Unit4 vår", grid: spring.Unit4 },
        { name: "SPK vår", grid: spring.SPK },
        { name: "SAP", grid: sheets.SAP },
        { name: "Unit4", grid: sheets.Unit4 },
        { name: "SPK", grid: sheets.SPK },
      ],
    });
  });
  afterAll(async () => o?.context.close());

  async function importFrom(page: Page, suffix: string): Promise<void> {
    await page.locator("#steg-importer").click();
    await page.getByLabel("SAP lønnsartrapport: ark eller område").fill(`SAP${suffix}`);
    await page.getByLabel("Unit4 saldo-/transaksjonsliste: ark eller område").fill(`Unit4${suffix}`);
    await page.getByLabel("SPK-faktura: ark eller område").fill(`SPK${suffix}`);
    await click(page, "import-les");
    await page.locator("#import-videre").click();
    await click(page, "avstem-fyll");
  }

  test("spring: only termin 1 has figures; the others read «ikke avstemt»; its export holds T1 on the date chosen", async () => {
    const { page } = o;
    await page.getByLabel("År", { exact: true }).fill("2024");
    await page.getByLabel("Virksomhet", { exact: true }).fill("Eksempeletaten");
    await page.getByLabel("AGA-snittsats (%)").fill("13,87");
    await page.getByLabel("Bilagsart (Unit4)").fill("KB");
    await page.getByLabel("Firmakode (Unit4)").fill("72");
    await click(page, "oppsett-lagre");
    await importFrom(page, " vår");
    const rows = await page.$$eval("#avstem-tabell tbody tr", (trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent)));
    expect(rows.map((r) => [r[0], r[1]])).toEqual([["T1", `312,55`], ...[2, 3, 4, 5, 6].map((t) => [`T${t}`, "ikke avstemt"])]);

    await page.locator("#avstem-videre").click();
    // A posting date outside the year and the next is refused at the field, before anything is read.
    await page.getByLabel("Bilagsdato (valgfritt)").fill("31.12.1999");
    await click(page, "bilag-vis");
    expect(await page.locator("#bilag-dato-feil").innerText()).toBe("Bilagsdatoen 1999-12-31 er utenfor 2024 og 2025; bilagene for 2024 føres i 2024 (eller i 2025 ved sen korreksjon).");
    expect(await page.locator("#bilag-dato").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#bilag-eksporter").count()).toBe(0);
    await page.getByLabel("Bilagsdato (valgfritt)").fill("15.03.2024");
    await click(page, "bilag-vis");
    expect(await page.locator("#bilag-oppsummering").innerText()).toContain("Bilagsdato: 15.03.2024 (periode 202403) for alle bilag.");
    expect(await syncsOf(page, () => click(page, "bilag-eksporter"))).toBe(3);
    expect(await page.locator("#bilag-eksportert").innerText()).toContain("Eksportert SPK-2024-E1: SPK-2024-T1");
    const csv = (await downloaded(page, "bilag-csv")).bytes.toString("utf8");
    expect(ids(csv)).toEqual(new Set(["SPK-2024-T1"]));
    expect(new Set(csv.split("\r\n").slice(1).filter((l) => l !== "").map((l) => l.split(";")[CSV_COLUMNS.indexOf("period")]))).toEqual(new Set(["202403"]));
    expect((await values(page, "Korreksjonsbilag", "D4"))[0][0]).toBe(202403);
    await page.getByLabel("Bilagsdato (valgfritt)").fill("");
    await page.getByLabel("Bilagsdato (valgfritt)").dispatchEvent("change");
    expect(await page.locator("#bilag-eksporter").count()).toBe(0);
  });

  test("later: explanations a colleague wrote in J count in the fill; the export holds T2–T6 alone; again, nothing", async () => {
    const { page } = o;
    await edit(page, ARK, "J13:J14", [["Manuelt lønnsbilag i april, ikke i SAP"], ["Etterberegnet tilleggspremie, avklart med SPK"]]);
    await importFrom(page, "");
    const flags = page.locator("ul.flagg li");
    expect(await flags.count()).toBe(1);
    expect(await flags.nth(0).innerText()).toContain("Vesentlig differanse");

    await page.locator("#avstem-videre").click();
    await click(page, "bilag-vis");
    await click(page, "bilag-eksporter");
    const result = await page.locator("#bilag-eksportert").innerText();
    expect(result).toContain(`Eksportert SPK-2024-E2: ${[2, 3, 4, 5, 6].map((t) => `SPK-2024-T${t}`).join(", ")}`);
    expect(result).toContain("Uendret siden forrige eksport: SPK-2024-T1.");
    expect(ids((await downloaded(page, "bilag-csv")).bytes.toString("utf8"))).toEqual(new Set([2, 3, 4, 5, 6].map((t) => `SPK-2024-T${t}`)));

    const before = await state(page);
    await click(page, "bilag-eksporter");
    expect(await page.locator("#bilag-eksportert").innerText()).toContain("Ingen nye bilag å eksportere");
    expect(await page.locator("#bilag-csv").count()).toBe(0);
    expect(await state(page)).toBe(before);
  });

  test("T1's invoice corrected: the export holds only T1's correction, in balance", async () => {
    const { page } = o;
    await edit(page, ARK, "M12", [[400]]);
    await click(page, "bilag-vis");
    await click(page, "bilag-eksporter");
    expect(await page.locator("#bilag-eksportert").innerText()).toContain("Eksportert SPK-2024-E3: SPK-2024-T1-K2");
    expect(await page.locator("#bilag-eksportert").innerText()).toContain("Korreksjoner av det som er eksportert før: SPK-2024-T1 (nr. 1).");
    const csv = (await downloaded(page, "bilag-csv")).bytes.toString("utf8");
    const lines = csv.split("\r\n").slice(1).filter((l) => l !== "").map((l) => l.split(";"));
    expect(ids(csv)).toEqual(new Set(["SPK-2024-T1-K2"]));
    const amount = (l: string[]) => Math.round(Number(l[CSV_COLUMNS.indexOf("amount")].replace(",", ".")) * 100);
    expect(lines.reduce((sum, l) => sum + amount(l), 0)).toBe(0);
    expect(lines.map((l) => [l[CSV_COLUMNS.indexOf("account")], amount(l)])).toContainEqual(["5420", 8745]);
    expectNothingElse(o);
  });
});

withChromium.describe("the page opened in a plain browser, outside Office", () => {
  test("shows only where the pane belongs (the ribbon button by its name), no action that would need Excel", async () => {
    const opened = await open({ sheets: [], outsideOffice: true });
    try {
      const { page } = opened;
      await page.waitForSelector("#utenfor-excel");
      expect(await page.locator("#app h1, #app p").allInnerTexts()).toEqual([
        "Lønnsavstemming",
        "Åpne Lønnsavstemming fra Excel: Hjem → Avstem lønn.",
        "Denne siden er oppgaveruten til Excel-tillegget. I en vanlig nettleser kan den ikke lese eller skrive noen arbeidsbok.",
      ]);
      expect(await page.locator("button, input, select, textarea, nav").count()).toBe(0);
      await accessible(page, "Utenfor Excel");
      await screenshot(page, "0-utenfor-excel");
      expectNothingElse(opened);
    } finally {
      await opened.context.close();
    }
  });
});
