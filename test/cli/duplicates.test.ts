/**
 * Issue 13, item 8, on the command line: an SPK invoice line that stands twice is refused with the
 * line and the invoice's own «Sum 1. termin» named, and how to accept real copies; accepted with
 * --godta-like-rader or «godtaLikeRader» in the oppsett file, both lines count and the notes say so.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { lonn, lonnJson, ROOT, tempDir } from "./helpers";

const sample = join(ROOT, "assets", "samples", "eksempeletaten");
const oppsett = join(sample, "oppsett.json");
type Json = Record<string, unknown>;

/** The sample invoice with its first line (PEN, termin 1) twice; with the termin's sum line made to count it when `sumBoth`. */
function invoiceWithCopy(dir: string, sumBoth: boolean): string {
  const lines = readFileSync(join(sample, "spk-faktura-2024.csv"), "utf8").split("\n");
  const sum = "2400117;1. termin;Sum 1. termin;;335 191,30;1 779 882,93;58 654,14;2 173 728,37";
  const out = [lines[0], lines[1], lines[1], ...lines.slice(2).map((l) => (sumBoth && l.includes("Sum 1. termin") ? sum : l))];
  const path = join(dir, "spk-faktura-2024.csv");
  writeFileSync(path, out.join("\n"));
  return path;
}

const exportsWith = (spk: string) => ["--sap", join(sample, "sap-lonnsarter-2024.csv"), "--unit4", join(sample, "unit4-saldo-2024.csv"), "--spk", spk];

describe("a line that stands twice in an export", () => {
  test("refused: the copy, the sum line it breaks, and how to accept real copies; nothing written", async () => {
    const dir = tempDir();
    const out = join(dir, "bilag.csv");
    const r = await lonn("avstem", ...exportsWith(invoiceWithCopy(dir, false)), "--oppsett", oppsett, "--csv", out);
    expect(r.code).toBe(1);
    const err = r.err.trim().split("\n");
    expect(err).toContain(
      "spk-faktura-2024.csv, rad 3: Raden er helt lik rad 2 (hver celle er den samme), så beløpet ville blitt talt med to ganger. " +
        "Fjern raden hvis den står der to ganger ved en feil; er begge riktige, må like rader godtas når eksporten leses inn.",
    );
    expect(err).toContain(
      "'spk-faktura-2024.csv'!F7: Summeringslinjen sier 930 764,37 i kolonnen «Arbeidsgiverandel», men radene 2–6 summerer seg til 1 779 882,93. Mangler det linjer i eksporten, eller står en linje to ganger?",
    );
    expect(err).toContainEqual(expect.stringMatching(/^Står like rader der med vilje .*--godta-like-rader/));
    expect(existsSync(out)).toBe(false);
  });

  test("--godta-like-rader, the sum line counting both: both count (Q for termin 1 is then the issue's 1 046 353,83 = 312,55 + the line's 1 046 041,28) and the notes say which rows", async () => {
    const dir = tempDir();
    const j = await lonnJson("avstem", ...exportsWith(invoiceWithCopy(dir, true)), "--oppsett", oppsett, "--godta-like-rader");
    expect(((j.terminer as Json[])[0] as Json).Q).toBe(1046353.83);
    expect(j.importmerknader).toContain("spk-faktura-2024.csv: 1 rad er helt lik en rad over (rad 3 = rad 2); like rader er godtatt, så begge er talt med.");
  });

  test("«godtaLikeRader»: true in the oppsett file does the same; the flag is refused without the exports", async () => {
    const dir = tempDir();
    const withSetting = join(dir, "oppsett.json");
    writeFileSync(withSetting, JSON.stringify({ ...JSON.parse(readFileSync(oppsett, "utf8")), godtaLikeRader: true }));
    const j = await lonnJson("avstem", ...exportsWith(invoiceWithCopy(dir, true)), "--oppsett", withSetting);
    expect(((j.terminer as Json[])[0] as Json).Q).toBe(1046353.83);
    const r = await lonn("avstem", join(ROOT, "test", "fixtures", "avstem", "brutto-terminvis.json"), "--godta-like-rader");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--godta-like-rader brukes bare sammen med --sap, --unit4 og --spk.");
  });
});

describe("lonn trekk and lonn lonnsbilag: the same rule", () => {
  const trekk = join(ROOT, "assets", "samples", "trekk");
  /** The sample folder copied, the first payment standing twice. */
  function withPaymentCopy(): string {
    const dir = tempDir();
    for (const n of readdirSync(trekk)) copyFileSync(join(trekk, n), join(dir, n));
    const lines = readFileSync(join(trekk, "betalinger-2026.csv"), "utf8").split("\n");
    writeFileSync(join(dir, "betalinger-2026.csv"), [lines[0], lines[1], ...lines.slice(1)].join("\n"));
    return dir;
  }
  const trekkArgs = (dir: string) => {
    const meldinger = readdirSync(dir).filter((n) => n.startsWith("amelding-")).sort().map((n) => join(dir, n));
    return ["trekk", "--amelding", ...meldinger, "--hovedbok", join(dir, "saft-2026.xml"), "--lonn", join(dir, "lonnsjournal-2026.csv"),
      "--betalinger", join(dir, "betalinger-2026.csv"), "--fakturaer", join(dir, "trekklister-2026.csv"), "--oppsett", join(dir, "oppsett-2026.json")];
  };

  test("trekk: a payment twice is refused at its row; --godta-like-rader counts both and says so", async () => {
    const dir = withPaymentCopy();
    const r = await lonn(...trekkArgs(dir));
    expect(r.code).toBe(1);
    expect(r.err).toContain("betalinger-2026.csv, rad 3: Raden er helt lik rad 2 (hver celle er den samme)");
    expect(r.err).toContain("--godta-like-rader");
    const j = await lonnJson(...trekkArgs(dir), "--godta-like-rader");
    expect(j.merknader).toContainEqual(expect.stringContaining("1 rad er helt lik en rad over (rad 3 = rad 2); like rader er godtatt"));
  });

  test("lonnsbilag: an employee's line twice is refused; --godta-like-rader counts both", async () => {
    const dir = tempDir();
    const lines = readFileSync(join(ROOT, "assets", "samples", "lonnsbilag", "lonnsjournal-2024-11.csv"), "utf8").split("\n");
    const journal = join(dir, "journal.csv");
    writeFileSync(journal, [lines[0], lines[1], ...lines.slice(1)].join("\n"));
    const oppsett = join(ROOT, "assets", "samples", "lonnsbilag", "oppsett.json");
    const r = await lonn("lonnsbilag", journal, "--oppsett", oppsett);
    expect(r.code).toBe(1);
    expect(r.err).toContain("journal.csv, rad 3: Raden er helt lik rad 2");
    const ok = await lonn("lonnsbilag", journal, "--oppsett", oppsett, "--godta-like-rader");
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("Merknad: 1 rad er helt lik en rad over (rad 3 = rad 2)");
  });
});
