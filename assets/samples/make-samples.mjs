// Writes the sample exports in this folder and prints their per-termin totals.
//
//   node assets/samples/make-samples.mjs          write the CSV files, print the totals (Markdown)
//   node assets/samples/make-samples.mjs --check  exit 1 if a file differs from what it would write
//   node assets/samples/make-samples.mjs --json   print the totals as JSON
//   node assets/samples/make-samples.mjs --tables print the totals (Markdown) without writing
//
// All arithmetic is in whole øre (integers), independent of src/core, so the readers' tests check
// the engine against figures computed another way. The premium rates below are invented sample
// rates for fictional agencies, not SPK's.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const YEAR = 2024;
const MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];
const termOf = (month) => Math.ceil(month / 2);
const mm = (m) => String(m).padStart(2, "0");
const lastDay = (m) => new Date(Date.UTC(YEAR, m, 0)).getUTCDate();
/** round(x × num / den) half away from zero, integers only. */
const share = (ore, num, den) => Math.sign(ore) * Math.floor((2 * Math.abs(ore) * num + den) / (2 * den));
const kr = (s) => Math.round(Number(s.replace(/\s/g, "").replace(",", ".")) * 100);

/** Norwegian amount text from øre: group with `sep`, comma decimals, minus in front or behind. */
function fmt(ore, { sep = " ", minus = "lead" } = {}) {
  const abs = Math.abs(ore);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  const text = `${whole},${String(abs % 100).padStart(2, "0")}`;
  if (ore >= 0) return text;
  return minus === "trail" ? `${text}-` : `-${text}`;
}
const csv = (rows, eol = "\n") => rows.map((r) => r.join(";")).join(eol) + eol;
const terminSums = () => Array.from({ length: 6 }, () => 0);

// ---------------------------------------------------------------------------------------------
// Eksempeletaten, brutto. SAP provisions 10,9 % (7300) + 0,6 % AFP/adm. (7301) employer share and
// withholds 2 % (7350) member contribution of the monthly pensjonsgrunnlag.
// ---------------------------------------------------------------------------------------------
function eksempeletaten() {
  const grunnlag = [
    "4 182 350,00", "4 196 812,50", "4 205 118,00", "4 213 904,75", "4 388 260,40", "4 402 117,80",
    "3 912 455,00", "4 391 870,25", "4 420 006,60", "4 428 530,10", "4 436 218,45", "4 447 902,35",
  ].map(kr);
  const pen = grunnlag.map((g) => share(g, 109, 1000));
  const afp = grunnlag.map((g) => share(g, 6, 1000));
  const member = grunnlag.map((g) => share(g, 2, 100));
  /** A retroactive correction for February found in the March payroll (SAP's trailing minus). */
  const retro = { month: 3, forMonth: 2, ore: -381240 };

  const B = terminSums(), C = terminSums();
  const sap = [
    ["Lønnsartrapport CUS&OPAL34 / CUS&OPAL75 – Eksempeletaten"],
    [`Utvalg: For-periode 01.${YEAR}–12.${YEAR}, firma 1001`],
    [],
    ["Lønnsart", "Lønnsarttekst", "For-periode", "I-periode", "Antall", "Beløp"],
  ];
  let all = 0;
  for (let m = 1; m <= 12; m++) {
    const p = `${mm(m)}.${YEAR}`;
    const lines = [
      ["1000", "Fastlønn", grunnlag[m - 1], 212 + (m % 3)],
      ["7300", "SPK arbeidsgiverandel", pen[m - 1], 208],
      ["7301", "SPK AFP/adm. arbeidsgiver", afp[m - 1], 208],
      ["7350", "SPK medlemsinnskudd 2 %", member[m - 1], 208],
    ];
    for (const [code, text, ore, count] of lines) {
      sap.push([code, text, p, p, String(count), fmt(ore, { minus: "trail" })]);
      all += ore;
    }
    if (m === retro.month) {
      sap.push(["7300", "SPK arbeidsgiverandel", `${mm(retro.forMonth)}.${YEAR}`, p, "1", fmt(retro.ore, { minus: "trail" })]);
      all += retro.ore;
    }
    B[termOf(m) - 1] += pen[m - 1] + afp[m - 1];
    C[termOf(m) - 1] += member[m - 1];
  }
  B[termOf(retro.forMonth) - 1] += retro.ore;
  sap.push(["Sum", "", "", "", "", fmt(all, { minus: "trail" })]);

  // Unit4: payroll postings (B1) per month; a manual payroll voucher (B2) in April that SAP does
  // not know (G −1 250,00 in T2); in August 2810/2630 were split 0,40 differently from SAP (H +0,40,
  // I −0,40 in T4); the SPK invoice postings (IF) on 2810/2820/2630 must be filtered out.
  const D = terminSums(), E = terminSums(), F = terminSums();
  const unit4 = [["Konto", "Kontonavn", "Periode", "Bilagsart", "Bilagsnr", "Tekst", "Beløp"]];
  const post = (konto, navn, m, art, nr, tekst, ore) => unit4.push([konto, navn, `${YEAR}${mm(m)}`, art, nr, tekst, fmt(ore)]);
  let voucher = 240001;
  const invoice = invoiceLines();
  for (let m = 1; m <= 12; m++) {
    const t = termOf(m) - 1;
    const provision = pen[m - 1] + afp[m - 1] + (m === retro.forMonth ? retro.ore : 0);
    const rounding = m === 8 ? 40 : 0;
    const nr = String(voucher++);
    post("5000", "Lønn", m, "B1", nr, `Lønn ${MONTHS[m - 1]}`, grunnlag[m - 1]);
    post("5420", "Pensjonspremie", m, "B1", nr, `Avsatt pensjonspremie ${MONTHS[m - 1]}`, provision);
    post("2810", "Pensjonspremie – arbeidsgiverandel", m, "B1", nr, `Avsatt arbeidsgiverandel ${MONTHS[m - 1]}`, -(provision - rounding));
    post("2630", "Pensjonspremie – medlemsandel", m, "B1", nr, `Trekk medlemsinnskudd ${MONTHS[m - 1]}`, -(member[m - 1] + rounding));
    D[t] += provision;
    E[t] += provision - rounding;
    F[t] += member[m - 1] + rounding;
    if (m === 4) {
      const nr2 = String(voucher++);
      post("5420", "Pensjonspremie", m, "B2", nr2, "Manuell korreksjon pensjon (ikke i SAP)", 125000);
      post("2400", "Leverandørgjeld", m, "B2", nr2, "Manuell korreksjon pensjon (ikke i SAP)", -125000);
      D[t] += 125000;
    }
    if (m % 2 === 0) {
      const inv = invoice[t];
      const nr3 = String(inv.nr);
      post("2810", "Pensjonspremie – arbeidsgiverandel", m, "IF", nr3, `SPK faktura ${t + 1}. termin`, B[t]);
      post("2820", "Pensjonspremie – differanse", m, "IF", nr3, `SPK faktura ${t + 1}. termin`, inv.total - B[t] - C[t]);
      post("2630", "Pensjonspremie – medlemsandel", m, "IF", nr3, `SPK faktura ${t + 1}. termin`, C[t]);
      post("2400", "Leverandørgjeld", m, "IF", nr3, `SPK faktura ${t + 1}. termin`, -inv.total);
    }
  }

  // SPK invoice per termin: the difference to the SAP provision (Q = total − (B + C)) is near zero
  // except in T3 (material: G-regulering billed as endringspremie) and T5 (negative).
  function invoiceLines() {
    const Q = [31255, -9610, 7148030, 14820, -1864275, -4185];
    const dMember = [1240, 0, 31800, 0, 0, 0];
    return Q.map((q, t) => {
      const g = grunnlag[2 * t] + grunnlag[2 * t + 1];
      const adm = share(g, 35, 10000);
      const afpInv = share(g, 5, 1000);
      const ysk = 1840000, gru = 2135000, tip = t === 5 ? 481200 : 0;
      const med = C[t] + dMember[t];
      const employer = B[t] + q - dMember[t];
      const penAg = employer - adm - afpInv - ysk - gru - tip;
      return { nr: 2400117 + t * 1013, q, med, employer, adm, total: employer + med, lines: { penAg, afpInv, ysk, gru, tip } };
    });
  }

  const spk = [["Fakturanr", "Termin", "Produkt", "Beskrivelse", "Medlemsandel", "Arbeidsgiverandel", "Adm.gebyr", "Totalt"]];
  for (const [t, inv] of invoice.entries()) {
    const term = `${t + 1}. termin`;
    const nr = String(inv.nr);
    const { penAg, afpInv, ysk, gru, tip } = inv.lines;
    spk.push([nr, term, "PEN", "Pensjon", fmt(inv.med), fmt(penAg), fmt(inv.adm), fmt(inv.med + penAg + inv.adm)]);
    spk.push([nr, term, "AFP", "Avtalefestet pensjon", "", fmt(afpInv), "", fmt(afpInv)]);
    if (tip) spk.push([nr, term, "TIP", "Tilleggspremie", "", fmt(tip), "", fmt(tip)]);
    spk.push([nr, term, "YSK", "Yrkesskadeforsikring", "", fmt(ysk), "", fmt(ysk)]);
    spk.push([nr, term, "GRU", "Gruppeliv", "", fmt(gru), "", fmt(gru)]);
    spk.push([nr, term, `Sum ${term}`, "", fmt(inv.med), fmt(inv.employer - inv.adm), fmt(inv.adm), fmt(inv.total)]);
  }

  return {
    name: "Eksempeletaten",
    budsjettering: "brutto",
    files: {
      "eksempeletaten/sap-lonnsarter-2024.csv": csv(sap, "\r\n"),
      "eksempeletaten/unit4-saldo-2024.csv": "\ufeff" + csv(unit4),
      "eksempeletaten/spk-faktura-2024.csv": csv(spk),
    },
    totals: terminTotals({ B, C, D, E, F, invoice, brutto: true }),
  };
}

// ---------------------------------------------------------------------------------------------
// Nettoetaten, netto. SAP provisions 10,6 % + 0,5 % employer share and withholds 2 %.
// ---------------------------------------------------------------------------------------------
function nettoetaten() {
  const grunnlag = [
    "2 604 118,00", "2 611 905,50", "2 598 340,25", "2 620 774,90", "2 702 316,40", "2 709 881,15",
    "2 402 660,00", "2 711 950,35", "2 725 408,80", "2 731 119,60", "2 738 004,05", "2 749 552,70",
  ].map(kr);
  const pen = grunnlag.map((g) => share(g, 106, 1000));
  const afp = grunnlag.map((g) => share(g, 5, 1000));
  const member = grunnlag.map((g) => share(g, 2, 100));
  const B = terminSums(), C = terminSums();
  const sap = [
    ["Wage Type Reporter – Nettoetaten"],
    [],
    ["LART", "Lønnsarttekst", "For-periode", "Beløp"],
  ];
  for (let m = 1; m <= 12; m++) {
    const date = `${lastDay(m)}.${mm(m)}.${YEAR}`;
    for (const [code, text, ore] of [
      ["7300", "SPK arbeidsgiverandel", pen[m - 1]],
      ["7301", "SPK AFP/adm. arbeidsgiver", afp[m - 1]],
      ["7350", "SPK medlemsinnskudd 2 %", member[m - 1]],
      ["8100", "Arbeidsgiveravgift", share(grunnlag[m - 1], 141, 1000)],
    ]) {
      sap.push([code, text, date, fmt(ore, { sep: "." })]);
    }
    B[termOf(m) - 1] += pen[m - 1] + afp[m - 1];
    C[termOf(m) - 1] += member[m - 1];
  }

  // Unit4 with Debet/Kredit and TT (bilagsart). June's member deduction was booked 95,00 short
  // (I +95,00 in T3); an extra provision B3 in October that SAP does not have (G and H −2 000,00
  // in T5); invoice postings (IF) and an SRS accrual (MV) must be left out.
  const D = terminSums(), E = terminSums(), F = terminSums();
  const nb = "\u00a0";
  const unit4 = [["Konto", "Kontotekst", "Periode", "TT", "Debet", "Kredit"]];
  const post = (konto, navn, m, tt, ore) =>
    unit4.push([konto, navn, `${YEAR}${mm(m)}`, tt, ore > 0 ? fmt(ore, { sep: nb }) : "", ore < 0 ? fmt(-ore, { sep: nb }) : ""]);
  const O = [21040, 5890510, -3520, -1241860, 8815, -475];
  const P = [0, 122000, 0, -31000, 0, 0];
  for (let m = 1; m <= 12; m++) {
    const t = termOf(m) - 1;
    const provision = pen[m - 1] + afp[m - 1];
    const short = m === 6 ? 9500 : 0;
    post("5000", "Lønn", m, "B1", grunnlag[m - 1]);
    post("5420", "Pensjonskostnad", m, "B1", provision);
    post("2961", "Pensjonspremie", m, "B1", -provision);
    post("2630", "Medlemsinnskudd SPK", m, "B1", -(member[m - 1] - short));
    D[t] += provision;
    E[t] += provision;
    F[t] += member[m - 1] - short;
    if (m === 10) {
      post("5420", "Pensjonskostnad", m, "B3", 200000);
      post("2961", "Pensjonspremie", m, "B3", -200000);
      D[t] += 200000;
      E[t] += 200000;
    }
    if (m === 12) post("5420", "Pensjonskostnad", m, "MV", 1500000);
    if (m % 2 === 0) {
      post("2961", "Pensjonspremie", m, "IF", B[t] + O[t]);
      post("2630", "Medlemsinnskudd SPK", m, "IF", C[t] + P[t]);
    }
  }

  const invoice = O.map((o, t) => {
    const g = grunnlag[2 * t] + grunnlag[2 * t + 1];
    const adm = share(g, 30, 10000);
    const afpInv = share(g, 5, 1000);
    const gru = 1262500, ysk = 1105000;
    const employer = B[t] + o;
    const med = C[t] + P[t];
    return { nr: `SPK-${YEAR}-${t + 1}0442`, employer, med, adm, total: employer + med, lines: { penAg: employer - adm - afpInv - gru - ysk, afpInv, gru, ysk } };
  });
  const spk = [["Faktura nr", "Termin", "Produktkode", "Tekst", "Arbeidsgiverandel", "Medlemsandel", "Administrasjon"]];
  for (const [t, inv] of invoice.entries()) {
    const term = `T${t + 1} ${YEAR}`;
    const { penAg, afpInv, gru, ysk } = inv.lines;
    spk.push([inv.nr, term, "PEN", "Pensjon", fmt(penAg), fmt(inv.med), fmt(inv.adm)]);
    spk.push([inv.nr, term, "AFP", "AFP", fmt(afpInv), "", ""]);
    spk.push([inv.nr, term, "GRU", "Gruppeliv", fmt(gru), "", ""]);
    spk.push([inv.nr, term, "YSK", "Yrkesskade", fmt(ysk), "", ""]);
    spk.push([]);
  }

  return {
    name: "Nettoetaten",
    budsjettering: "netto",
    files: {
      "nettoetaten/sap-lonnsarter-2024.csv": csv(sap),
      "nettoetaten/unit4-saldo-2024.csv": csv(unit4),
      "nettoetaten/spk-faktura-2024.csv": csv(spk),
    },
    totals: terminTotals({ B, C, D, E, F, invoice, brutto: false }),
  };
}

/** Per termin: the columns B–F and L–N the import fills, in øre, and the differences they give. */
function terminTotals({ B, C, D, E, F, invoice, brutto }) {
  return B.map((_, t) => {
    const inv = invoice[t];
    const L = brutto ? B[t] : inv.employer;
    const N = brutto ? C[t] : inv.med;
    const M = brutto ? inv.total - L - N : 0;
    return {
      termin: t + 1, B: B[t], C: C[t], D: D[t], E: E[t], F: F[t], K: String(inv.nr),
      fakturaArbeidsgiverandelInklAdm: inv.employer, fakturaMedlemsandel: inv.med, fakturaTotal: inv.total,
      L, M, N,
      G: B[t] - D[t], H: B[t] - E[t], I: C[t] - F[t], O: L - B[t], P: N - C[t], Q: L + M + N - B[t] - C[t],
    };
  });
}

const sets = [eksempeletaten(), nettoetaten()];
const mode = process.argv[2];
if (mode === "--check") {
  const stale = sets.flatMap((s) => Object.entries(s.files)).filter(([path, text]) => {
    try {
      return readFileSync(join(here, path), "utf8") !== text;
    } catch {
      return true;
    }
  });
  for (const [path] of stale) console.error(`utdatert: assets/samples/${path}`);
  process.exit(stale.length > 0 ? 1 : 0);
} else if (mode === "--json") {
  console.log(JSON.stringify(sets.map((s) => ({ name: s.name, budsjettering: s.budsjettering, totals: s.totals })), null, 2));
} else {
  if (mode !== "--tables") for (const s of sets) for (const [path, text] of Object.entries(s.files)) writeFileSync(join(here, path), text);
  const money = (ore) => fmt(ore);
  for (const s of sets) {
    console.log(`\n### ${s.name} (${s.budsjettering})\n`);
    console.log("| termin | B | C | D | E | F | K | L | M | N |");
    console.log("|---|--:|--:|--:|--:|--:|---|--:|--:|--:|");
    for (const r of s.totals) {
      console.log(`| T${r.termin} | ${[r.B, r.C, r.D, r.E, r.F].map(money).join(" | ")} | ${r.K} | ${[r.L, r.M, r.N].map(money).join(" | ")} |`);
    }
    console.log("\n| termin | G | H | I | O | P | Q | faktura arbeidsgiver inkl. adm. | faktura medlem | faktura total |");
    console.log("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
    for (const r of s.totals) {
      console.log(`| T${r.termin} | ${[r.G, r.H, r.I, r.O, r.P, r.Q, r.fakturaArbeidsgiverandelInklAdm, r.fakturaMedlemsandel, r.fakturaTotal].map(money).join(" | ")} |`);
    }
  }
}
