/**
 * The task pane in a real browser: the production build of taskpane.html served on 127.0.0.1,
 * Debian's Chromium through playwright-core, and the strict fake Excel host in place of office.js.
 * It clicks through Oppsett → Importer → Avstem → Bilag → Årsavslutning on the Eksempeletaten
 * sample and checks what lands in the fake workbook, the downloads, the sync counts, that workbook
 * text is shown as text (an `<img onerror>` in a cell runs nothing), that no request leaves the
 * local server and the Office.js CDN, and that axe-core finds nothing serious on any step.
 * Screenshots of every step go to test-artifacts/taskpane/.
 *
 * A second block clicks through the «Trekk og AGA» flow on the exports sample (assets/samples/trekk):
 * the a-meldinger chosen as files, the ledger, payroll, payments and lists as sheets; preview, fill,
 * flags with links, a correction voucher written and exported twice (the second holds nothing new).
 *
 * Run alone: npx jest test/browser
 * (LONN_BROWSER_DIST=/tmp/lonn-dist keeps the build there and reuses it on the next run.)
 */
import { withChromium } from "../support/engines";
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
import { GL07_LINE_LENGTH, toGl07 } from "../../src/core/voucher/gl07";
import { readBasesAndRates, readVirksomheter } from "../../src/core/import/virksomheter";
import { agaSnittsats } from "../../src/core/rules/snittsats";
import { buildAmeldingFordeling } from "../../src/core/spk/amelding";
import { buildKorreksjonsbilag } from "../../src/core/spk/bilag";
import { reconcile } from "../../src/core/spk/reconcile";
import { Oppsett, TerminInput } from "../../src/core/spk/types";
import { parsePercentField, percentFieldText } from "../../src/taskpane/view/input";
import { expectedTotals, OPPSETT, ore, orgnr, sampleSheets } from "../taskpane/samples";
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
  await page.evaluate(() => ((document.getElementById("status") as HTMLElement).style.position = "static"));
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
  await page.evaluate(() => ((document.getElementById("status") as HTMLElement).style.position = ""));
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
    await accessible(page, "Oppsett");
    await screenshot(page, "1-oppsett");

    expect(await syncsOf(page, () => click(page, "oppsett-lagre"))).toBe(3);
    expect(await page.locator("#oppsett-resultat").innerText()).toContain("Oppsett lagret i «A10 SPK brutto».");
    expect(await values(page, ARK, "A4:F4")).toEqual([[2024, "Brutto", "Terminvis", AGA, 1, 0.05]]);
    expect(await values(page, ARK, "B2")).toEqual([["Eksempeletaten"]]);
    expect(await values(page, ARK, "B7:B8")).toEqual([["Koststed"], ["1001"]]);
    expect(await values(page, "Logg", "B2")).toEqual([["Oppsett lagret"]]);
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
      expect(await formula(page, ARK, `G${r}`)).toBe(`=B${r}-D${r}`);
      expect(await formula(page, ARK, `T${r}`)).toBe(`=ROUND(R${r}*S${r},2)`);
    }
    expect(await values(page, "Logg", "B3")).toEqual([["Avstemmingsarket fylt fra import"]]);
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

    const model = ok(reconcile(oppsett, terminer));
    const bilag = ok(buildKorreksjonsbilag(model));
    const virk = ok(readVirksomheter({ sheet: "Virksomheter", values: virksomheter }, { aar: 2024 }));
    const fordelinger = ok(buildAmeldingFordeling(model, virk.virksomheter));

    const captions = await page.locator("#bilag-resultat table caption").allTextContents();
    expect(captions.slice(0, 6)).toEqual(bilag.map((b) => `${b.id} · ${b.dato.split("-").reverse().join(".")} · periode ${b.periode}`));
    expect(await page.locator("#bilag-resultat .merke.ok").count()).toBe(6);
    await accessible(page, "Bilag");
    await screenshot(page, "4-bilag");

    expect(await syncsOf(page, () => click(page, "bilag-skriv"))).toBe(2);
    // One row per voucher line, our id in A and the signed amount in "Beløp", then the control row.
    const rows = (await values(page, "Korreksjonsbilag", "A4:K40")).filter((r) => String(r[0]).startsWith("SPK-"));
    const lines = rows.filter((r) => typeof r[4] === "number");
    expect(lines.map((r) => [r[0], r[5], r[6], r[9]])).toEqual(bilag.flatMap((b) => b.linjer.map((l) => [b.id, l.konto, l.dimensjoner[1] ?? "", kroner(l.belop)])));
    expect(rows.filter((r) => r[4] === "Sum").length).toBe(6);
    const amelding = (await values(page, "A-melding fordeling", "A4:J60")).filter((r) => /^\d{9}$/.test(String(r[3])));
    expect(amelding.map((r) => [r[0], r[3], r[7], r[9]])).toEqual(fordelinger.flatMap((f) => f.rader.map((r) => [f.bilagId, r.virksomhetsnummer, kroner(r.endringGrunnlag), kroner(r.aga)])));
    expect(await values(page, "Logg", "B4")).toEqual([["Korreksjonsbilag og A-melding skrevet"]]);

    const download = async (id: string): Promise<Buffer> => {
      const [d] = await Promise.all([page.waitForEvent("download"), page.locator(`#${id}`).click()]);
      return fs.readFileSync(await d.path());
    };
    const eo = spkExportSettings(oppsett);
    const csv = await download("bilag-csv");
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString("utf8").slice(1).split("\r\n")[0]).toBe(CSV_COLUMNS.join(";"));
    expect(csv.toString("utf8")).toBe(ok(toCsv(bilag, eo)));
    const gl07 = await download("bilag-gl07");
    const gl07Lines = gl07.toString("latin1").split("\r\n").filter((l) => l !== "");
    expect(gl07Lines.length).toBe(bilag.reduce((n, b) => n + b.linjer.length, 0));
    for (const l of gl07Lines) expect(l.length).toBe(GL07_LINE_LENGTH);
    expect(gl07.equals(Buffer.from(ok(toGl07(bilag, eo)), "latin1"))).toBe(true);
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
    expect(await syncsOf(page, () => click(page, "aars-lagre"))).toBe(3);
    expect(await values(page, ARK, "U12:W12")).toEqual([["A", "KN", "15.03.2024"]]);
    expect(await values(page, ARK, "B33:C35")).toEqual([[0, 0], [0, 0], [0, 53160.35]]);
    expect(await values(page, ARK, "A39")).toEqual([[0.14]]);
    expect(await values(page, "Logg", "B5")).toEqual([["Årsavslutning lagret"]]);
    expect(await page.locator("#aars-justering").innerText()).toContain("Justering");
    expect(await page.locator("#aars-saldo").innerText()).toContain("Ikke 0");
    expect(await page.locator("#aars-sign-1-signatur").getAttribute("readonly")).not.toBeNull();
    await accessible(page, "Årsavslutning");
    await screenshot(page, "5-aarsavslutning");

    await page.locator("#aars-til-bilag").click();
    await click(page, "bilag-vis");
    await click(page, "bilag-skriv");
    const ids = (await values(page, "Korreksjonsbilag", "A4:A60")).map((r) => r[0]).filter((v) => v !== "");
    expect(new Set(ids)).toEqual(new Set([1, 2, 3, 4, 5, 6].map((t) => `SPK-2024-T${t}`).concat("SPK-2024-AGAJUST")));
    expect((await values(page, "Logg", "B2:B7")).map((r) => r[0])).toEqual([
      "Oppsett lagret",
      "Avstemmingsarket fylt fra import",
      "Korreksjonsbilag og A-melding skrevet",
      "Årsavslutning lagret",
      "Korreksjonsbilag og A-melding skrevet",
      "",
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
    expect(await statusText(page)).toBe("Eksportert (TREKK-2026-E1): TREKK-2026-2770-04.");

    expect(await syncsOf(page, () => click(page, "trekk-eksport"))).toBe(2);
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
