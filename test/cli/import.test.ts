/**
 * `lonn avstem --sap … --unit4 … --spk … --oppsett …`: the sample exports through core's readers.
 * Expected figures are the sample README's (assets/samples/README.md, computed by make-samples.mjs
 * without src/core), and AGA worked out by hand.
 */
import { join } from "path";
import { lonn, lonnJson, ROOT } from "./helpers";

const dir = (set: string) => join(ROOT, "assets", "samples", set);
const eksporter = (set: string) => [
  "--sap", join(dir(set), "sap-lonnsarter-2024.csv"),
  "--unit4", join(dir(set), "unit4-saldo-2024.csv"),
  "--spk", join(dir(set), "spk-faktura-2024.csv"),
];
type Json = Record<string, unknown>;
const cols = (j: Json, keys: string[]) => (j.terminer as Json[]).map((t) => keys.map((k) => t[k]));

describe("lonn avstem from the exports", () => {
  test("Eksempeletaten (brutto): B–F, L–N and G, H, I, O, P, Q per termin as in the sample README", async () => {
    const j = await lonnJson("avstem", ...eksporter("eksempeletaten"), "--oppsett", join(dir("eksempeletaten"), "oppsett.json"));
    expect(cols(j, ["B", "C", "D", "E", "F", "K", "L", "M", "N"])).toEqual([
      [959791.29, 167583.25, 959791.29, 959791.29, 167583.25, "2400117", 959791.29, 312.55, 167583.25],
      [968187.62, 168380.46, 969437.62, 968187.62, 168380.46, "2401130", 968187.62, -96.1, 168380.46],
      [1010893.49, 175807.57, 1010893.49, 1010893.49, 175807.57, "2402143", 1010893.49, 71480.3, 175807.57],
      [954997.41, 166086.51, 954997.41, 954997.01, 166086.91, "2403156", 954997.41, 148.2, 166086.51],
      [1017581.72, 176970.73, 1017581.72, 1017581.72, 176970.73, "2404169", 1017581.72, -18642.75, 176970.73],
      [1021673.89, 177682.42, 1021673.89, 1021673.89, 177682.42, "2405182", 1021673.89, -41.85, 177682.42],
    ]);
    expect(cols(j, ["G", "H", "I", "O", "P", "Q", "R"])).toEqual([
      [0, 0, 0, 0, 0, 312.55, 312.55],
      [-1250, 0, 0, 0, 0, -96.1, -96.1],
      [0, 0, 0, 0, 0, 71480.3, 71480.3],
      [0, 0.4, -0.4, 0, 0, 148.2, 148.2],
      [0, 0, 0, 0, 0, -18642.75, -18642.75],
      [0, 0, 0, 0, 0, -41.85, -41.85],
    ]);
    // T3 is material (71 480,30 > 59 335,05) and T2's G needs an explanation (README).
    expect((j.flagg as Json[]).map((f) => [f.type, f.termin])).toEqual([["uforklart", 2], ["vesentlig", 3]]);
    expect(j.importmerknader).toEqual([expect.stringMatching(/^sap-lonnsarter-2024\.csv: Lønnsartene er eksempelverdier/)]);
  });

  test("flags override the oppsett file: --aga-sats 0,1387 gives T1 = round(312,55 × 0,1387) = round(43,350685) = 43,35", async () => {
    const j = await lonnJson(
      "avstem", ...eksporter("eksempeletaten"), "--oppsett", join(dir("eksempeletaten"), "oppsett.json"), "--aga-sats", "0,1387", "--virksomhet", "Annen etat",
    );
    expect(((j.terminer as Json[])[0] as Json).T).toBe(43.35);
    expect((j.oppsett as Json).virksomhet).toBe("Annen etat");
  });

  test("without an oppsett file the flags are the oppsett; a missing one is named", async () => {
    const r = await lonn("avstem", ...eksporter("nettoetaten"), "--aar", "2024", "--budsjettering", "netto");
    expect(r.code).toBe(1);
    expect(r.err.trim().split("\n")).toEqual(["oppsettet: virksomhet mangler.", "oppsettet: agaSats mangler."]);
    const j = await lonnJson("avstem", ...eksporter("nettoetaten"), "--aar", "2024", "--budsjettering", "netto", "--virksomhet", "Nettoetaten", "--aga-sats", "0.1286");
    // README: T2 Q = 60 125,10 = O 58 905,10 + P 1 220,00; netto R = Q.
    expect(cols(j, ["O", "P", "Q", "R"])[1]).toEqual([58905.1, 1220, 60125.1, 60125.1]);
  });

  test("the wrong year: every line of every export is refused, named by file and row; exit 1", async () => {
    const r = await lonn("avstem", ...eksporter("eksempeletaten"), "--oppsett", join(dir("eksempeletaten"), "oppsett.json"), "--aar", "2023", "--csv", "/tmp/ikke-skrevet.csv");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^Importen ble avvist \(\d+ feil\); ingenting er skrevet:\n/);
    expect(r.err).toMatch(/sap-lonnsarter-2024\.csv/);
    expect(r.err.match(/ingenting er skrevet/gi)).toHaveLength(1);
  });

  test("all three exports are needed", async () => {
    const r = await lonn("avstem", "--sap", "a.csv", "--spk", "c.csv");
    expect([r.code, r.err.split("\n")[0]]).toEqual([2, "Importen trenger alle tre eksportene; mangler --unit4."]);
  });

  test("--help prints the usage", async () => {
    const r = await lonn("avstem", "--help");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Bruk:\n {2}lonn avstem SCENARIO\.json\|BOK\.xlsx/);
  });
});
