// Writes the payroll voucher samples in assets/samples/lonnsbilag/ (issue 11): November 2024 of a made-up AS
// with three virksomheter in AGA zones I (Oslo), IVa (Tromsø) and V (Alta), as the payroll journal `lonn
// lonnsbilag` reads, in both forms: a CSV export (with oppsett.json beside it) and the JSON journal.
//
//   node scripts/make-lonnsbilag-samples.mjs             write the files into assets/samples/lonnsbilag/
//   node scripts/make-lonnsbilag-samples.mjs --check     exit 1 if a file differs from what it would write
//   node scripts/make-lonnsbilag-samples.mjs --expected  print the vouchers the journal must give, as JSON (øre)
//
// Two pay runs: overtime on Tuesday 5 November, ordinary pay on Wednesday 20 November. 2024 has ekstra AGA
// (5 % above 850 000 kr year to date, every zone), so the journal carries each employee's AGA basis earlier in
// the year; it carries the feriepengegrunnlag too (10,2 %), so the vouchers accrue feriepenger and their AGA.
//
// All arithmetic is whole øre (integers), with the rates written out here, independent of src/core: the test
// of `lonn lonnsbilag` on these files checks the engine against vouchers computed another way. Every person,
// number and firm is made up; the organisation numbers have valid check digits but are not registered.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { orgnr, writeOrCheck } from "./sample-files.mjs";

const here = dirname(fileURLToPath(import.meta.url));
export const SAMPLE_FOLDER = join(here, "..", "assets", "samples", "lonnsbilag");


const pad = (n) => String(n).padStart(2, "0");
/** Øre as a Norwegian amount: `52 300,00`. */
const nok = (ore) => {
  const abs = Math.abs(ore);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${ore < 0 ? "-" : ""}${whole},${pad(abs % 100)}`;
};
/** Øre as a JSON kroner number. */
const kroner = (ore) => ore / 100 + 0;
const csv = (rows) => "\ufeff" + rows.map((r) => r.join(";")).join("\r\n") + "\r\n";
/** øre × rate (per mille, or per 10 000 for 10,2 %) rounded half away from zero; amounts here are ≥ 0. */
const times = (ore, numerator, denominator) => Math.floor((ore * numerator * 2 + denominator) / (2 * denominator));

export const FIRMA = { navn: "Polarlys Service AS", orgnr: orgnr("93150207"), firma: "10", bilagsart: "LB" };
const ZONES = {
  oslo: { nr: orgnr("97420311"), kommune: "0301", sone: "I", promille: 141, tekst: "14,1 %" },
  tromso: { nr: orgnr("97420355"), kommune: "5501", sone: "IVa", promille: 79, tekst: "7,9 %" },
  alta: { nr: orgnr("97420399"), kommune: "5601", sone: "V", promille: 0, tekst: "0 %" },
};
const ZONE_ORDER = ["I", "IVa", "V"];
const FERIE = { numerator: 102, denominator: 1000, tekst: "10,2 %" };
const EKSTRA = { threshold: 850_000_00, numerator: 5, denominator: 100 };
const DIMENSJONER = [{ nummer: 1, navn: "Koststed", verdi: "4000", pakrevd: true }];

// [run, place, ansattnr, name, brutto, forskuddstrekk, forsikring, fagforening, andre trekk, AGA basis, feriepengegrunnlag, basis earlier this year], øre
const ROWS = [
  ["2024-11-05", "oslo", "1002", "Per Hansen", 750000, 375000, 0, 0, 0, 750000, 750000, 80000000],
  ["2024-11-05", "tromso", "2002", "Ole Olsen", 432109, 172800, 0, 0, 0, 432109, 432109, 51234570],
  ["2024-11-20", "oslo", "1001", "Kari Nordmann", 6250000, 1937500, 41250, 62500, 0, 6250000, 6250000, 62500000],
  ["2024-11-20", "oslo", "1002", "Per Hansen", 9500000, 3800000, 35000, 0, 0, 9625000, 9500000, 80750000],
  ["2024-11-20", "oslo", "1003", "Lise Berg", 5430000, 1629000, 0, 54300, 150000, 5430000, 5430000, 54300000],
  ["2024-11-20", "tromso", "2001", "Ingrid Johansen", 4800006, 1344000, 0, 48000, 0, 4800006, 4800006, 48000060],
  ["2024-11-20", "tromso", "2002", "Ole Olsen", 5123457, 1537000, 21000, 0, 0, 5123457, 5123457, 51666679],
  ["2024-11-20", "alta", "3001", "Siri Mikkelsen", 5555555, 1666600, 0, 55556, 0, 5555555, 5555555, 55555550],
  ["2024-11-20", "alta", "3002", "Anders Eriksen", 9000000, 3600000, 0, 0, 0, 9000000, 9000000, 82000000],
].map(([dato, place, ansattnr, navn, brutto, trekk, forsikring, fagforening, andre, aga, ferie, hittil]) => ({
  dato, zone: ZONES[place], ansattnr, navn, brutto, trekk, forsikring, fagforening, andre, aga, ferie, hittil,
}));

const norwegianDate = (iso) => iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, "$3.$2.$1");

/** The vouchers the journal must give, line by line in the order the engine writes them (zero lines left out). */
export function expectedVouchers() {
  const dates = [...new Set(ROWS.map((r) => r.dato))].sort();
  return dates.map((dato) => {
    const rows = ROWS.filter((r) => r.dato === dato);
    const text = `Lønn ${norwegianDate(dato)}`;
    const sum = (f) => rows.reduce((s, r) => s + f(r), 0);
    const lines = [
      ["5000", sum((r) => r.brutto), `${text}: brutto lønn`],
      ["2600", -sum((r) => r.trekk), `${text}: forskuddstrekk (inkl. trygdeavgift)`],
      ["2640", -sum((r) => r.forsikring), `${text}: forsikringstrekk`],
      ["2650", -sum((r) => r.fagforening), `${text}: fagforeningstrekk`],
      ["2690", -sum((r) => r.andre), `${text}: andre trekk`],
      ["2930", -sum((r) => r.brutto - r.trekk - r.forsikring - r.fagforening - r.andre), `${text}: skyldig lønn (netto)`],
    ];
    const zones = ZONE_ORDER.map((sone) => Object.values(ZONES).find((z) => z.sone === sone));
    for (const z of zones) {
      const inZone = rows.filter((r) => r.zone === z);
      if (inZone.length === 0) continue;
      const aga = times(inZone.reduce((s, r) => s + r.aga, 0), z.promille, 1000);
      const label = `${text}: arbeidsgiveravgift sone ${z.sone} (${z.tekst})`;
      lines.push(["5400", aga, label], ["2770", -aga, label]);
    }
    const above = (basis) => Math.max(0, basis - EKSTRA.threshold);
    const ekstra = rows.reduce((s, r) => s + times(above(r.hittil + r.aga) - above(r.hittil), EKSTRA.numerator, EKSTRA.denominator), 0);
    const ekstraLabel = `${text}: ekstra arbeidsgiveravgift (5 % over 850 000 kr)`;
    lines.push(["5400", ekstra, ekstraLabel], ["2770", -ekstra, ekstraLabel]);
    const feriepenger = (r) => times(r.ferie, FERIE.numerator, FERIE.denominator);
    const fp = sum(feriepenger);
    const fpLabel = `${text}: feriepenger (${FERIE.tekst} av feriepengegrunnlaget)`;
    lines.push(["5092", fp, fpLabel], ["2940", -fp, fpLabel]);
    for (const z of zones) {
      const inZone = rows.filter((r) => r.zone === z);
      if (inZone.length === 0) continue;
      const aga = times(inZone.reduce((s, r) => s + feriepenger(r), 0), z.promille, 1000);
      const label = `${text}: arbeidsgiveravgift av feriepenger sone ${z.sone} (${z.tekst})`;
      lines.push(["5405", aga, label], ["2781", -aga, label]);
    }
    const linjer = lines.filter(([, ore]) => ore !== 0).map(([konto, belop, tekst], i) => ({ linje: i + 1, konto, belop, tekst, dimensjoner: { 1: "4000" } }));
    return { id: `LONN-${dato.replace(/-/g, "")}`, dato, periode: dato.slice(0, 7).replace("-", ""), tekst: text, linjer };
  });
}

export function buildLonnsbilagSamples() {
  const header = ["Utbetalingsdato", "Virksomhetsnr", "Kommunenr", "Ansattnr", "Navn", "Brutto", "Forskuddstrekk", "Forsikringstrekk", "Fagforeningstrekk", "Andre trekk", "AGA-grunnlag", "Feriepengegrunnlag", "Grunnlag hittil i år"];
  const amount = (ore) => (ore === 0 ? "" : nok(ore));
  const journalCsv = csv([
    header,
    ...ROWS.map((r) => [norwegianDate(r.dato), r.zone.nr, r.zone.kommune, r.ansattnr, r.navn, nok(r.brutto), nok(r.trekk), amount(r.forsikring), amount(r.fagforening), amount(r.andre), nok(r.aga), nok(r.ferie), nok(r.hittil)]),
  ]);
  const setup = {
    kommentar: "Oppsett for lonn lonnsbilag lonnsjournal-2024-11.csv --oppsett oppsett.json: alt unntatt radene, som kommer fra journalen. Oppdiktet: firmaet, virksomhetsnumrene (gyldige etter modulus 11), firmakode og bilagsart.",
    virksomhet: FIRMA.navn,
    orgnr: FIRMA.orgnr,
    firma: FIRMA.firma,
    bilagsart: FIRMA.bilagsart,
    dimensjoner: DIMENSJONER,
  };
  const journal = {
    ...setup,
    kommentar: "Lønnsjournalen for november 2024 som JSON (lonn lonnsbilag lonnsjournal-2024-11.json); samme tall som CSV-filen. Beløp i kroner; sone er kommunenummeret.",
    rader: ROWS.map((r) => ({
      dato: r.dato, navn: r.navn,
      bruttoLonn: kroner(r.brutto), forskuddstrekk: kroner(r.trekk), forsikringstrekk: kroner(r.forsikring), fagforeningstrekk: kroner(r.fagforening),
      andreTrekk: kroner(r.andre), agaGrunnlag: kroner(r.aga), sone: r.zone.kommune, feriepengegrunnlag: kroner(r.ferie), grunnlagHittilIAr: kroner(r.hittil),
    })),
  };
  return {
    "lonnsjournal-2024-11.csv": journalCsv,
    "oppsett.json": JSON.stringify(setup, null, 2) + "\n",
    "lonnsjournal-2024-11.json": JSON.stringify(journal, null, 2) + "\n",
  };
}

function main() {
  if (process.argv.includes("--expected")) {
    process.stdout.write(JSON.stringify(expectedVouchers(), null, 2) + "\n");
    return;
  }
  const files = buildLonnsbilagSamples();
  writeOrCheck(SAMPLE_FOLDER, files, "make-lonnsbilag-samples.mjs");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
