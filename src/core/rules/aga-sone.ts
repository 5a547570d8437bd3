import { isRuleError, notAvailable, Result, valueError } from "../errors";
import { Zone, ZONES } from "../rates/aga";
import { KOMMUNE_SONER, KOMMUNE_SONER_VALID_FROM, KommuneZone } from "../rates/kommune-soner";
import { KOMMUNENUMMER_2024_FROM, MAIN_PART_OLD_KOMMUNER, NEW_IN_2024, RENUMBERED_2024, RenumberedKommune } from "../rates/kommune-changes";
import { AREAS_OUTSIDE_KOMMUNER, OutsideArea } from "../rates/outside-kommuner";
import { foldedWords, foldNorwegian } from "../text";

const ZONE_BY_TEXT = new Map<string, Zone>([
  ...ZONES.map((z) => [foldNorwegian(z), z] as [string, Zone]),
  ["1", "I"], ["1a", "Ia"], ["2", "II"], ["3", "III"], ["4", "IV"], ["4a", "IVa"], ["5", "V"],
]);

/** A zone as written: `Ia`, `1a`, `IA`, `sone IVa`, `4a`, or the number 1–5. */
export function parseZone(input: string | number): Zone | undefined {
  if (typeof input === "number") return Number.isInteger(input) ? ZONE_BY_TEXT.get(String(input)) : undefined;
  return ZONE_BY_TEXT.get(foldNorwegian(input).replace(/^sone\s*/, "").replace(/\s+/g, ""));
}

/** A kommunenummer as a number (301) or text ("0301", "301"), as four digits; undefined if it is not one. */
export function parseKommunenummer(input: string | number): string | undefined {
  if (typeof input === "number") {
    return Number.isInteger(input) && input >= 101 && input <= 9999 ? String(input).padStart(4, "0") : undefined;
  }
  const t = input.trim();
  return /^\d{3,4}$/.test(t) && Number(t) >= 101 ? t.padStart(4, "0") : undefined;
}

const SVALBARD_MESSAGE =
  "Svalbard og Jan Mayen er ikke en arbeidsgiveravgiftssone (heller ikke sone V). " +
  "0 % gjelder etter egne vilkår i avgiftsvedtaket § 3 (arbeidsgiver hjemmehørende der og arbeid utført der, " +
  "eller lønn skattlagt etter svalbardskatteloven).";

/** Svalbard and Jan Mayen are outside the zone system (S12); the shelf codes have no rule in our sources. */
function outsideMessage(nummer: string, area: OutsideArea): string {
  if (area.kind === "svalbard") return SVALBARD_MESSAGE;
  return (
    `${nummer} er koden for ${area.name}, ikke en kommune. Kildene bak kommunetabellen gir ingen ` +
    "arbeidsgiveravgiftssone for sokkelen; oppgi sonen direkte (I, Ia, II, III, IV, IVa eller V)."
  );
}

/** Words that describe a part of a kommune without naming it. */
const FILLER = new Set(["gamle", "gamla", "tidligere", "deler", "del", "av", "og", "er", "over", "til", "grensejustert", "kommune"]);
const REST_WORDS = ["ovrige", "ovrig", "resten", "rest"];

function significantWords(text: string): string[] {
  return foldedWords(text).filter((w) => !FILLER.has(w));
}

/** One part of a kommune with several zones, as the user chooses it. */
interface Part {
  readonly zone: Zone;
  /** What the user sees: the catalogue's comment, or «øvrige X» for the main row. */
  readonly label: string;
  /** The folded words a delområde may use to pick this part. */
  readonly words: ReadonlySet<string>;
}

/** «Ålesund, Ørskog og Skodje». */
function listNames(names: readonly string[]): string {
  return names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} og ${names[names.length - 1]}`;
}

/**
 * A row of the catalogue as a part. A row without a comment is the main part: the rest of the
 * kommune, picked by the kommune's name, «øvrige», or the name of an old kommune in it
 * (MAIN_PART_OLD_KOMMUNER: Orkdal in Orkland, Fræna in Hustadvika).
 */
function partOf(row: KommuneZone): Part {
  if (row.delomraade) return { zone: row.zone, label: row.delomraade, words: new Set(foldedWords(row.delomraade)) };
  const old = (MAIN_PART_OLD_KOMMUNER.get(row.kommunenummer) ?? []).map((k) => k.kommunenavn);
  const sameName = old.every((n) => foldNorwegian(n) === foldNorwegian(row.kommunenavn));
  return {
    zone: row.zone,
    label: sameName ? `øvrige ${row.kommunenavn}` : `øvrige ${row.kommunenavn} (gamle ${listNames(old)})`,
    words: new Set([...foldedWords(row.kommunenavn), ...REST_WORDS, ...old.flatMap(foldedWords)]),
  };
}

function describeChoices(parts: readonly Part[]): string {
  return parts.map((p) => `«${p.label}» → sone ${p.zone}`).join("; ");
}

/** The part of a kommune with several zones that `delomraade` names, or #N/A naming the choices. */
function pickPart(name: string, parts: readonly Part[], delomraade: string | undefined): Result<Zone> {
  const wanted = delomraade === undefined ? [] : significantWords(delomraade);
  if (wanted.length === 0) {
    return notAvailable(`${name} har flere soner: ${describeChoices(parts)}. Oppgi delområde (navnet på den gamle kommunen).`);
  }
  const matches = parts.filter((part) => wanted.every((w) => part.words.has(w)));
  const zones = new Set(matches.map((p) => p.zone));
  if (zones.size === 1) return matches[0].zone;
  if (matches.length === 0) {
    return notAvailable(`Fant ikke delområdet «${delomraade}» i ${name}. Valg: ${describeChoices(parts)}.`);
  }
  return notAvailable(`Delområdet «${delomraade}» passer på flere soner i ${name}: ${describeChoices(matches)}.`);
}

/** A kommune as the lookup sees it: its name for messages and its parts (one for most kommuner). */
interface ZoneKommune {
  readonly name: string;
  readonly parts: readonly Part[];
}

function kommune2024(nummer: string): ZoneKommune | undefined {
  const rows = KOMMUNE_SONER.get(nummer);
  return rows && { name: `${rows[0].kommunenavn} (${nummer})`, parts: rows.map(partOf) };
}

/**
 * A 2020–2023 kommunenummer that changed in 2024, with the zones of what it became (the zones are
 * those of 2022 on). A kommune that became several (1507 Ålesund → 1508 Ålesund and 1580 Haram)
 * has their parts: a kommune with one zone is one part, named by its name («Haram»).
 */
function kommune2023(nummer: string, renumbered: RenumberedKommune): ZoneKommune {
  const parts = renumbered.after.flatMap((after) => {
    const rows = KOMMUNE_SONER.get(after) ?? [];
    if (rows.length !== 1 || renumbered.after.length === 1) return rows.map(partOf);
    const part = partOf(rows[0]);
    return [{ ...part, label: rows[0].kommunenavn, words: new Set([...part.words].filter((w) => !REST_WORDS.includes(w))) }];
  });
  return { name: `${renumbered.kommunenavn} (${nummer})`, parts };
}

const LAST_YEAR_BEFORE_2024 = KOMMUNENUMMER_2024_FROM - 1;

function named(nummer: string): string {
  const renumbered = RENUMBERED_2024.get(nummer);
  return `${nummer} ${renumbered ? renumbered.kommunenavn : (KOMMUNE_SONER.get(nummer)?.[0].kommunenavn ?? "")}`.trim();
}

/**
 * The kommune a kommunenummer names in a year's numbering: up to 2023 the numbers of 2020–2023,
 * from 2024 the numbers of 2024 (SSB's change table, kommune-changes.ts). Without a year, either:
 * no number means one thing in one numbering and another in the other.
 */
function findKommune(nummer: string, year: number | undefined): Result<ZoneKommune> {
  const outside = AREAS_OUTSIDE_KOMMUNER.get(nummer);
  if (outside) return notAvailable(outsideMessage(nummer, outside));
  const renumbered = RENUMBERED_2024.get(nummer);
  if (renumbered) {
    if (year !== undefined && year >= KOMMUNENUMMER_2024_FROM) {
      const now = renumbered.after.length === 1 ? renumbered.after[0] : renumbered.after.map(named).join(" eller ");
      return notAvailable(
        `${named(nummer)} er kommunenummeret til og med ${LAST_YEAR_BEFORE_2024}; fra ${KOMMUNENUMMER_2024_FROM} er det ${now}.`,
      );
    }
    return kommune2023(nummer, renumbered);
  }
  const kommune = kommune2024(nummer);
  if (!kommune) {
    return notAvailable(
      `Kommunenummer ${nummer} finnes ikke i kommunekatalogen (kommunenumrene fra ${KOMMUNENUMMER_2024_FROM} eller for 2020–${LAST_YEAR_BEFORE_2024}).`,
    );
  }
  const before = NEW_IN_2024.get(nummer);
  if (before && year !== undefined && year < KOMMUNENUMMER_2024_FROM) {
    const split = before.length === 1 && (RENUMBERED_2024.get(before[0])?.after.length ?? 0) > 1;
    const then = split ? `var det en del av ${named(before[0])}` : `er det ${before.join(" og ")}`;
    return notAvailable(`${named(nummer)} er kommunenummeret fra ${KOMMUNENUMMER_2024_FROM}; til og med ${LAST_YEAR_BEFORE_2024} ${then}.`);
  }
  return kommune;
}

function zoneOf(nummer: string, delomraade: string | undefined, year: number | undefined): Result<Zone> {
  const kommune = findKommune(nummer, year);
  if (isRuleError(kommune)) return kommune;
  if (kommune.parts.length === 1) return kommune.parts[0].zone;
  return pickPart(kommune.name, kommune.parts, delomraade);
}

/**
 * The zone of a kommune (Skatteetaten's Kommunekatalog: the zones from 2022, the kommunenummer
 * from 2024). A kommunenummer of 2020–2023 that changed in 2024 (3001 Halden, 5401 Tromsø) gives
 * the zone of what it became: no year is needed, since no number names two places.
 * For the kommuner with several zones, `delomraade` picks the part by the old kommune's name
 * (`Midsund`, `gamle Flora`, `Orkdal`); the kommune's own name picks the rest.
 */
export function agaSone(kommune: string | number, delomraade?: string): Result<Zone> {
  const nummer = parseKommunenummer(kommune);
  if (nummer === undefined) return valueError(`«${kommune}» er ikke et kommunenummer (fire sifre, f.eks. 0301 eller 301).`);
  return zoneOf(nummer, delomraade, undefined);
}

/**
 * A zone written as a zone, or a kommunenummer whose zone is looked up (one zone only) in the
 * year's numbering: 2022–2023 the kommunenummer of 2020–2023, from 2024 those of 2024. Before 2022
 * the zones were others, and a kommunenummer is refused.
 */
export function resolveZone(input: string | number, year: number): Result<Zone> {
  const zone = parseZone(input);
  if (zone) return zone;
  const nummer = parseKommunenummer(input);
  if (nummer === undefined) {
    return valueError(`«${input}» er verken en sone (I, Ia, II, III, IV, IVa, V) eller et kommunenummer.`);
  }
  if (year < KOMMUNE_SONER_VALID_FROM) {
    return notAvailable(
      `Kommunetabellen gjelder soneinndelingen fra ${KOMMUNE_SONER_VALID_FROM}; for ${year} må sonen oppgis direkte.`,
    );
  }
  return zoneOf(nummer, undefined, year);
}
