/**
 * The `Trekk og AGA` sheet's layout as data (DESIGN.md §8.6): where every table, row and column
 * is. Fixed blocks first (roll-forward per account, AGA basis per month and zone, AGA per termin,
 * counterparties, sign-off), and the forskuddstrekk table last, since from 2026 it has one row per
 * pay date and grows through the year.
 */
import { ZONES } from "../../rates/aga";
import { Gjelder } from "../types";
import { withAmountWidths } from "../../workpaper/print";

export const TREKK_SHEET = "Trekk og AGA";

/** The text A1 starts with on a sheet of ours. */
export const TITLE_PREFIX = "Trekk og arbeidsgiveravgift";

export const HEADER = {
  virksomhetLabel: "A3", virksomhet: "B3",
  orgnrLabel: "C3", orgnr: "D3",
  aarLabel: "E3", aar: "F3",
  toleranseLabel: "G3", toleranse: "H3",
} as const;

export const NAME_TOLERANSE = "LONN_TREKK_TOLERANSE";

export const ACCOUNT_ORDER: readonly Gjelder[] = ["forskuddstrekk", "aga", "forsikringstrekk", "fagforeningstrekk"];

export const ACCOUNT_NAMES: Readonly<Record<Gjelder, string>> = {
  forskuddstrekk: "Forskuddstrekk",
  aga: "Skyldig arbeidsgiveravgift",
  forsikringstrekk: "Forsikringstrekk",
  fagforeningstrekk: "Trukket fagforeningskontingent",
};

const ROLL_TITLE = 5;
const BLOCK_HEIGHT = 15;

/** The roll-forward block of an account (0–3 in ACCOUNT_ORDER): its title row, header row and month rows. */
export const rollBlock = (index: number) => {
  const title = ROLL_TITLE + 1 + index * BLOCK_HEIGHT;
  return { title, header: title + 1, month: (m: number) => title + 1 + m };
};

export const ROLL_COLUMNS = { periode: "A", ib: "B", paalopt: "C", betalt: "D", forventetUb: "E", hovedbokUb: "F", differanse: "G", flagg: "H" } as const;

const GRID_TITLE = ROLL_TITLE + 1 + 4 * BLOCK_HEIGHT;
export const GRID = {
  title: GRID_TITLE,
  header: GRID_TITLE + 1,
  rates: GRID_TITLE + 2,
  month: (m: number) => GRID_TITLE + 2 + m,
} as const;
/** Zone columns B…H in ZONES order, then beregnet, a-melding and flags. */
export const GRID_ZONE_COLUMNS: readonly string[] = ["B", "C", "D", "E", "F", "G", "H"];
export const GRID_COLUMNS = { beregnet: "I", amelding: "J", flagg: "K" } as const;
export const zoneColumn = (zone: (typeof ZONES)[number]): string => GRID_ZONE_COLUMNS[ZONES.indexOf(zone)];

const AGA_TITLE = GRID.month(12) + 2;
export const AGA = {
  title: AGA_TITLE,
  header: AGA_TITLE + 1,
  /** The previous year's termin 6, settled in January. */
  opening: AGA_TITLE + 2,
  termin: (t: number) => AGA_TITLE + 2 + t,
} as const;

/** The columns of the AGA and forskuddstrekk settlement tables. */
export const SETTLEMENT_COLUMNS = {
  key: "A", owed: "B", amelding: "C", betalt: "D", forfall: "E", betaltDato: "F", dagerForsinket: "G", avvikAmelding: "H", avvikBetalt: "I", flagg: "J",
} as const;

const PARTY_TITLE = AGA.termin(6) + 2;
export const PARTY = {
  title: PARTY_TITLE,
  header: PARTY_TITLE + 1,
  /** block 0: forsikringstrekk, 1: fagforeningstrekk. */
  month: (block: number, m: number) => PARTY_TITLE + 1 + block * 12 + m,
} as const;
export const PARTY_COLUMNS = { periode: "A", konto: "B", navn: "C", trekk: "D", fakturert: "E", differanse: "F", flagg: "G" } as const;

const SIGN_TITLE = PARTY.month(1, 12) + 2;
export const SIGN = {
  title: SIGN_TITLE,
  header: SIGN_TITLE + 1,
  month: (m: number) => SIGN_TITLE + 1 + m,
} as const;
export const SIGN_COLUMNS = { periode: "A", status: "B", signatur: "C", dato: "D", flagg: "E" } as const;

const TREKK_TITLE = SIGN.month(12) + 2;
export const TREKK_TABLE = {
  title: TREKK_TITLE,
  header: TREKK_TITLE + 1,
  /** The first row: the previous year's termin 6 (up to 2026), then the pay dates or termins. */
  first: TREKK_TITLE + 2,
} as const;

/** Columns B–J hold amounts in some table: at least AMOUNT_COLUMN_WIDTH, so no figure prints as ###. */
export const COLUMN_WIDTHS: Readonly<Record<string, number>> = withAmountWidths(
  { A: 16, H: 24, J: 40, K: 40 },
  ["B", "C", "D", "E", "F", "G", "H", "I", "J"],
);

/** `T6 2025` for the previous year's termin 6, `T1` … for the year's. */
export const terminLabel = (termin: number, aar: number, year: number): string => (aar < year ? `T${termin} ${aar}` : `T${termin}`);
