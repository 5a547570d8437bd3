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
