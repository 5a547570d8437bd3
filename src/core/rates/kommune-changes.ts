/**
 * The kommune changes the zone lookup needs, from SSB's change tables for the Standard for
 * kommuneinndeling (Klass classification 131).
 *
 * Source: SSB Klass API `classifications/131/changes.json?from=1977-01-01&to=2024-01-02`, as
 * stored in GitHub opisthokonta/kommuneendringer, `data-raw/changetables.json` at commit
 * 75597a8db1b239c906151218c30225d7ae635830 (downloaded by that repository's
 * `data-raw/01 - get data.R`). Only the rows below were taken; names as SSB writes them.
 */

/** An old kommune as it was up to 31 December 2019 (before the 2020 mergers). */
export interface OldKommune {
  readonly kommunenummer: string;
  readonly kommunenavn: string;
}

/**
 * The old kommuner that make up the main part (Skatteetaten's row without a comment, «øvrige …»)
 * of each kommune with several zones, so the old name is accepted as delområde
 * (`AGA_SONE(5059; "Orkdal")`).
 *
 * Read from the change table of 1 January 2020 (each split kommune's old kommuner) minus the old
 * kommuner that the catalogue's other rows name (the delområde comments). Kinn (4602: gamle Flora,
 * gamle Vågsøy) and Sunnfjord (4647: gamle Førde; gamle Gaular, Jølster og Naustdal) have no main
 * row: every old kommune is named there. For 1508 Ålesund: 1507 Ålesund (2020–2023) was 1504
 * Ålesund, 1523 Ørskog, 1529 Skodje, 1534 Haram and 1546 Sandøy; Haram became 1580 Haram on
 * 1 January 2024 and Sandøy is the catalogue's own row.
 */
export const MAIN_PART_OLD_KOMMUNER: ReadonlyMap<string, readonly OldKommune[]> = new Map([
  ["1506", [{ kommunenummer: "1502", kommunenavn: "Molde" }]],
  ["1508", [
    { kommunenummer: "1504", kommunenavn: "Ålesund" },
    { kommunenummer: "1523", kommunenavn: "Ørskog" },
    { kommunenummer: "1529", kommunenavn: "Skodje" },
  ]],
  ["1577", [{ kommunenummer: "1519", kommunenavn: "Volda" }]],
  ["1579", [{ kommunenummer: "1548", kommunenavn: "Fræna" }]],
  ["4225", [{ kommunenummer: "1032", kommunenavn: "Lyngdal" }]],
  ["4621", [{ kommunenummer: "1235", kommunenavn: "Voss" }]],
  ["4640", [{ kommunenummer: "1420", kommunenavn: "Sogndal" }]],
  ["5006", [{ kommunenummer: "5004", kommunenavn: "Steinkjer" }]],
  ["5057", [{ kommunenummer: "5015", kommunenavn: "Ørland" }]],
  ["5059", [{ kommunenummer: "5024", kommunenavn: "Orkdal" }]],
]);

/** The first year of the kommunenummer in the zone table (kommune-soner.data.ts). */
export const KOMMUNENUMMER_2024_FROM = 2024;

/**
 * 1 January 2024: kommunenummer of 2020–2023 → kommunenummer from 2024 (the code changes of that
 * date in the change table; its name-only changes, 1833 Rana, 1845 Sørfold and 5037 Levanger,
 * keep their number and are left out). Viken (30xx) split into Østfold (31xx), Akershus (32xx) and
 * Buskerud (33xx); Vestfold og Telemark (38xx) into Vestfold (39xx) and Telemark (40xx); Troms og
 * Finnmark (54xx) into Troms (55xx) and Finnmark (56xx); 1507 Ålesund into 1508 Ålesund and 1580
 * Haram (two rows). Every other kommunenummer of 2020–2023 is the same kommune from 2024.
 */
export const KOMMUNENUMMER_2024_CSV = `kommunenummer_2023,kommunenavn_2023,kommunenummer_2024
1507,Ålesund,1508
1507,Ålesund,1580
3001,Halden,3101
3002,Moss,3103
3003,Sarpsborg,3105
3004,Fredrikstad,3107
3011,Hvaler,3110
3017,Råde,3112
3018,Våler (Viken),3114
3015,Skiptvet,3116
3014,Indre Østfold,3118
3016,Rakkestad,3120
3013,Marker,3122
3012,Aremark,3124
3024,Bærum,3201
3025,Asker,3203
3030,Lillestrøm,3205
3020,Nordre Follo,3207
3033,Ullensaker,3209
3023,Nesodden,3212
3022,Frogn,3214
3019,Vestby,3216
3021,Ås,3218
3028,Enebakk,3220
3029,Lørenskog,3222
3027,Rælingen,3224
3026,Aurskog-Høland,3226
3034,Nes,3228
3032,Gjerdrum,3230
3031,Nittedal,3232
3054,Lunner,3234
3053,Jevnaker,3236
3036,Nannestad,3238
3035,Eidsvoll,3240
3037,Hurdal,3242
3005,Drammen,3301
3006,Kongsberg,3303
3007,Ringerike,3305
3038,Hole,3310
3049,Lier,3312
3048,Øvre Eiker,3314
3047,Modum,3316
3046,Krødsherad,3318
3039,Flå,3320
3040,Nesbyen,3322
3041,Gol,3324
3042,Hemsedal,3326
3043,Ål,3328
3044,Hol,3330
3045,Sigdal,3332
3050,Flesberg,3334
3051,Rollag,3336
3052,Nore og Uvdal,3338
3801,Horten,3901
3802,Holmestrand,3903
3803,Tønsberg,3905
3804,Sandefjord,3907
3805,Larvik,3909
3811,Færder,3911
3806,Porsgrunn,4001
3807,Skien,4003
3808,Notodden,4005
3812,Siljan,4010
3813,Bamble,4012
3814,Kragerø,4014
3815,Drangedal,4016
3816,Nome,4018
3817,Midt-Telemark,4020
3820,Seljord,4022
3819,Hjartdal,4024
3818,Tinn,4026
3821,Kviteseid,4028
3822,Nissedal,4030
3823,Fyresdal,4032
3824,Tokke,4034
3825,Vinje,4036
5401,Tromsø,5501
5402,Harstad - Hárstták,5503
5411,Kvæfjord,5510
5412,Dielddanuorri - Tjeldsund,5512
5413,Ibestad,5514
5414,Gratangen,5516
5415,Loabák - Lavangen,5518
5416,Bardu,5520
5417,Salangen,5522
5418,Målselv,5524
5419,Sørreisa,5526
5420,Dyrøy,5528
5421,Senja,5530
5422,Balsfjord,5532
5423,Karlsøy,5534
5424,Lyngen,5536
5425,Storfjord - Omasvuotna - Omasvuono,5538
5426,Gáivuotna - Kåfjord - Kaivuono,5540
5427,Skjervøy,5542
5428,Nordreisa - Ráisa - Raisi,5544
5429,Kvænangen,5546
5403,Alta,5601
5406,Hammerfest - Hámmerfeasta,5603
5444,Sør-Varanger,5605
5405,Vadsø,5607
5437,Kárášjohka - Karasjok,5610
5430,Guovdageaidnu - Kautokeino,5612
5432,Loppa,5614
5433,Hasvik,5616
5434,Måsøy,5618
5435,Nordkapp,5620
5436,Porsanger - Porsángu - Porsanki,5622
5438,Lebesby,5624
5439,Gamvik,5626
5441,Deatnu - Tana,5628
5440,Berlevåg,5630
5443,Båtsfjord,5632
5404,Vardø,5634
5442,Unjárga - Nesseby,5636
`;

/** One row of the 2024 change table. */
export interface KommunenummerChange {
  readonly before: string;
  readonly beforeName: string;
  readonly after: string;
}

function parseChanges(csv: string): readonly KommunenummerChange[] {
  const [header, ...lines] = csv.trim().split("\n");
  if (header !== "kommunenummer_2023,kommunenavn_2023,kommunenummer_2024") throw new Error("Ukjent kolonneoppsett i endringstabellen");
  return lines.map((line) => {
    const [before, beforeName, after] = line.split(",");
    if (!/^\d{4}$/.test(before) || !/^\d{4}$/.test(after) || !beforeName) throw new Error(`Ugyldig rad i endringstabellen: ${line}`);
    return { before, beforeName, after };
  });
}

export const KOMMUNENUMMER_2024_CHANGES: readonly KommunenummerChange[] = parseChanges(KOMMUNENUMMER_2024_CSV);

/** A kommunenummer of 2020–2023 that changed on 1 January 2024, and what it became (two for 1507 Ålesund). */
export interface RenumberedKommune {
  readonly kommunenavn: string;
  readonly after: readonly string[];
}

function byOldNumber(changes: readonly KommunenummerChange[]): ReadonlyMap<string, RenumberedKommune> {
  const map = new Map<string, { kommunenavn: string; after: string[] }>();
  for (const c of changes) {
    const entry = map.get(c.before) ?? { kommunenavn: c.beforeName, after: [] };
    entry.after.push(c.after);
    map.set(c.before, entry);
  }
  return map;
}

function byNewNumber(changes: readonly KommunenummerChange[]): ReadonlyMap<string, readonly string[]> {
  const map = new Map<string, string[]>();
  for (const c of changes) map.set(c.after, [...(map.get(c.after) ?? []), c.before]);
  return map;
}

/** 2020–2023 kommunenummer → the kommunenummer it became in 2024. */
export const RENUMBERED_2024: ReadonlyMap<string, RenumberedKommune> = byOldNumber(KOMMUNENUMMER_2024_CHANGES);
/** A kommunenummer new in 2024 → the kommunenummer of 2020–2023 it came from. */
export const NEW_IN_2024: ReadonlyMap<string, readonly string[]> = byNewNumber(KOMMUNENUMMER_2024_CHANGES);
