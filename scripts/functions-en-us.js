#!/usr/bin/env node
// Writes src/functions/functions.en-US.json, the English metadata Excel uses in an en-US UI
// (manifest.xml points the en-US locale at it). It is the metadata generated from the Norwegian
// JSDoc in src/functions/functions.ts with only the descriptions replaced from the table below:
// ids, function names (LONN.TRYGDEAVGIFT is the same formula text in every locale), parameter
// names, order, types and flags stay exactly as generated.
//
//   node scripts/functions-en-us.js          rewrite the file
//   node scripts/functions-en-us.js --check  exit 1 if the committed file is stale
//
// test/functions/metadata.test.ts fails when the committed file differs from what this writes.
"use strict";

const fs = require("fs");
const path = require("path");
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");

const ROOT = path.resolve(__dirname, "..");
const SOURCE = path.join(ROOT, "src", "functions", "functions.ts");
const TARGET = path.join(ROOT, "src", "functions", "functions.en-US.json");

/** English help texts, keyed by function id and parameter name. */
const ENGLISH = {
  TRYGDEAVGIFT: {
    description:
      "Norwegian social security contribution (trygdeavgift) on one income type: 0 up to the lower limit, then the rate on the whole income, but never more than 25 % of the income above the limit. No upper cap.",
    parameters: {
      inntekt: "Personal income in NOK (number, cell or range).",
      aar: "The income year, e.g. 2026 (rates exist for 2020–2026).",
      inntektstype: "lønn (wages, default), næring (business) or pensjon (pension); also L, N, P, fiske (middle rate) and jordbruk (high rate).",
    },
  },
  TRYGDEAVGIFT_SAMLET: {
    description:
      "Total social security contribution for one person with several income types: one common lower limit and 25 % rule on the sum, each type at its own rate.",
    parameters: {
      lonn: "Wage income in NOK (middle rate).",
      naering: "Business income in NOK (high rate).",
      pensjon: "Pension income in NOK (low rate).",
      aar: "The income year, e.g. 2026.",
    },
  },
  TRYGDEAVGIFT_SATS: {
    description: "The social security contribution rate for a year and income type, as a fraction (0.076 = 7.6 %).",
    parameters: {
      aar: "The income year, e.g. 2026.",
      inntektstype: "lønn (wages, default), næring (business) or pensjon (pension); also L, N, P, fiske and jordbruk.",
    },
  },
  AGA_SONE: {
    description:
      "The employer's contribution (AGA) zone of a municipality: I, Ia, II, III, IV, IVa or V (zones from 2022). Takes municipality numbers from 2024 and those of 2020–2023 (3001 Halden gives the zone of 3101); no year, since no number means two places. 2020–2021 had other zones.",
    parameters: {
      kommunenummer:
        "The municipality number as a number (301) or text (\"0301\"), from 2024 or 2020–2023. Svalbard and Jan Mayen (2100–2211) and the continental shelf (2311, 2321) have no zone: #N/A, give the zone directly.",
      delomraade: "For municipalities with several zones: the name of the former municipality, e.g. Midsund, Orkdal or Fræna.",
    },
  },
  AGA_SATS: {
    description: "The employer's contribution rate for a zone or municipality, as a fraction (format the cell as a percentage).",
    parameters: {
      sone_eller_kommunenummer:
        "The zone (I, Ia, 1a, II, …, V) or a municipality number with a single zone, as numbered that year: 2022–2023 the number of 2020–2023 (3001), from 2024 the new one (3101).",
      aar: "The year, e.g. 2026.",
      naering: "ordinær (ordinary, default), jordbruk (agriculture: its own rate in IVa) or sektorunntak (sector exception: the zone I rate in every zone).",
    },
  },
  AGA: {
    description: "Employer's contribution: basis × the zone's rate, rounded to øre. A negative basis (a correction) gives a negative contribution.",
    parameters: {
      grunnlag: "The contribution basis in NOK.",
      sone_eller_kommunenummer: "The zone (I, Ia, II, …, V) or a municipality number with a single zone, as numbered that year (2022–2023: 3001; from 2024: 3101).",
      aar: "The year, e.g. 2026.",
      naering: "ordinær (ordinary, default), jordbruk (agriculture) or sektorunntak (sector exception).",
    },
  },
  AGA_FRIBELOP: {
    description:
      "Employer's contribution with the allowance (zone Ia, and sector exceptions in II–V): the reduced rate until the year's saving reaches the allowance, then the full zone I rate. Agriculture, forestry and fishing in zone Ia pay 10.6 % without the cap (use AGA with næring jordbruk). The state administration and health trusts have no allowance; they use the ordinary differentiated rates (use AGA).",
    parameters: {
      grunnlag: "The contribution basis for the period, in NOK.",
      tidligere_grunnlag_i_aar: "The basis earlier in the year (before the period), in NOK.",
      sone: "The zone (Ia, II, III, IV, IVa, V) or a municipality number, as numbered that year.",
      aar: "The year, e.g. 2026.",
    },
  },
  EKSTRA_AGA: {
    description:
      "Extra employer's contribution (5 %) on the part of one employee's year-to-date basis above the threshold (2023 and 2024); 0 in other years.",
    parameters: {
      grunnlag: "The employee's basis for the period, in NOK (excluding pension premiums).",
      aar: "The year, e.g. 2024.",
      tidligere_grunnlag_i_aar: "The employee's basis earlier in the year, in NOK (empty = 0).",
    },
  },
  GRUNNBELOP: {
    description: "The basic amount of the National Insurance (G) in force on a date; G changes on 1 May.",
    parameters: {
      dato: "A date (Excel date, 2024-06-01 or 01.06.2024) or a month (2024-06, 202406).",
    },
  },
  G_SNITT: {
    description: "The average basic amount (G) for a calendar year, as published by NAV.",
    parameters: {
      aar: "The year, e.g. 2025.",
    },
  },
  SPK_TERMIN: {
    description: "The SPK invoicing period (termin 1–6) of a month or date: January–February is termin 1, November–December termin 6.",
    parameters: {
      dato_eller_maaned: "A month 1–12, a date (Excel date, 2024-03-15, 15.03.2024) or a period (2024-03, 202403).",
    },
  },
  AGA_SNITTSATS: {
    description: "The basis-weighted average employer's contribution rate: Σ(basis × rate) / Σ basis.",
    parameters: {
      grunnlag: "The bases in NOK (a range).",
      satser_eller_soner: "The rates as fractions (0.141), or zones/municipality numbers, in a range of the same size.",
      aar: "The year; needed when the range holds zones or municipality numbers.",
    },
  },
  FORDEL: {
    description:
      "Splits an amount by weights, in whole øre, so the parts add up exactly to the amount (largest remainder; equal remainders go to the earlier position).",
    parameters: {
      belop: "The amount to split, in NOK (one cell).",
      vekter: "The weights (a range of numbers ≥ 0); the result has the same shape.",
    },
  },
  VIRKEDAG: {
    description:
      "The working day a number of working days from a date, like WORKDAY with the Norwegian holidays: Saturdays, Sundays, public holidays and 1 and 17 May are not working days (Tax Payment Act § 10-2); 24 and 31 December are.",
    parameters: {
      dato: "The date to count from (Excel date, 2026-01-23 or 23.01.2026).",
      dager: "Working days after the date (empty = 1); 0 gives the date itself if it is a working day, else the next one; a negative number counts back.",
    },
  },
  FORFALL_FORSKUDDSTREKK: {
    description:
      "The payment deadline for tax withheld (forskuddstrekk) from one pay run: from 2026 the first working day after the pay date; up to 2025 the period's deadline (the 15th of the month after the two-month period, moved to the next working day).",
    parameters: {
      utbetalingsdato: "The pay date (Excel date, 2026-01-23 or 23.01.2026).",
    },
  },
  FORFALL_AGA: {
    description:
      "The payment deadline for employer's contribution (AGA) for a two-month period (termin): the 15th of the month after it (termin 6: 15 January of the next year), moved to the next working day when it falls on a Saturday, Sunday or public holiday.",
    parameters: {
      termin: "The period 1–6 (1 = January–February … 6 = November–December), also T1 or jan–feb.",
      aar: "The year of the period, e.g. 2026.",
    },
  },
  FERIEPENGER: {
    description:
      "Holiday pay (feriepenger): basis × rate, and for employees over 60 an extra 2.3 % of the basis up to 6 G (the G in force on 31 December of the earning year), rounded to øre. A negative basis (a correction) gives negative holiday pay.",
    parameters: {
      grunnlag: "The holiday pay basis in NOK, earned in the earning year.",
      opptjeningsaar: "The earning year (the year before the holiday year), e.g. 2025.",
      sats: "The rate as a fraction: empty = 0.102 (10.2 %, the Holidays Act); 0.12 by agreement and in the state.",
      over_60: "TRUE (or 1) for an employee who turns 60 in the holiday year at the latest; empty = FALSE.",
    },
  },
};

/** The generated (Norwegian) metadata as an object. */
async function generatedMetadata() {
  const result = await generateCustomFunctionsMetadata(SOURCE);
  if (result.errors.length > 0) throw new Error(`Metadata errors:\n${result.errors.join("\n")}`);
  return JSON.parse(result.metadataJson);
}

/** The English metadata: the generated metadata with English descriptions. */
function translate(metadata) {
  const functions = metadata.functions.map((fn) => {
    const english = ENGLISH[fn.id];
    if (!english) throw new Error(`No English text for ${fn.id}`);
    const parameters = (fn.parameters || []).map((p) => {
      const text = english.parameters[p.name];
      if (!text) throw new Error(`No English text for ${fn.id}(${p.name})`);
      return { ...p, description: text };
    });
    const extra = Object.keys(english.parameters).filter((name) => !(fn.parameters || []).some((p) => p.name === name));
    if (extra.length > 0) throw new Error(`English texts for parameters ${fn.id} does not have: ${extra.join(", ")}`);
    return { ...fn, description: english.description, parameters };
  });
  const unused = Object.keys(ENGLISH).filter((id) => !metadata.functions.some((fn) => fn.id === id));
  if (unused.length > 0) throw new Error(`English texts for functions that do not exist: ${unused.join(", ")}`);
  return { ...metadata, functions };
}

/** The file's exact text. */
async function buildEnUs() {
  return `${JSON.stringify(translate(await generatedMetadata()), null, 2)}\n`;
}

module.exports = { buildEnUs, generatedMetadata, translate, TARGET, ENGLISH };

if (require.main === module) {
  buildEnUs().then(
    (text) => {
      if (process.argv.includes("--check")) {
        const current = fs.existsSync(TARGET) ? fs.readFileSync(TARGET, "utf8") : "";
        if (current !== text) {
          console.error(`${path.relative(ROOT, TARGET)} er utdatert; kjør: node scripts/functions-en-us.js`);
          process.exit(1);
        }
        console.log(`${path.relative(ROOT, TARGET)} er oppdatert.`);
        return;
      }
      fs.writeFileSync(TARGET, text);
      console.log(`Skrev ${path.relative(ROOT, TARGET)}`);
    },
    (err) => {
      console.error(err && err.stack ? err.stack : String(err));
      process.exit(1);
    },
  );
}
