import { ZONES, Zone, ZONE_CODE } from "./aga";
import { KOMMUNE_SONER_CSV } from "./kommune-soner.data";

export interface KommuneZone {
  readonly kommunenummer: string;
  readonly kommunenavn: string;
  readonly zone: Zone;
  /** Skatteetaten's comment naming one part of a kommune with several zones; "" for the rest. */
  readonly delomraade: string;
  /** Skatteetaten's comment when it is a note on the row, not the name of a part (a grensejustering). */
  readonly note: string;
}

/**
 * «Deler av tidligere X er grensejustert over til Y», «Røysland er grensejustert over til
 * Tvedestrand»: the catalogue puts such a note on the row of the kommune itself (the receiving
 * one, at Stavanger, Aukra, Indre Fosen, Tvedestrand and Voss; the giving one at Risør), never as
 * the name of a part with its own zone. See kommune-soner.data.ts.
 */
const GRENSEJUSTERING = /\bgrensejustert over til\b/i;

/** The first year the table may be used for (see kommune-soner.data.ts). */
export const KOMMUNE_SONER_VALID_FROM = 2022;

const ZONE_BY_CODE = new Map<string, Zone>(ZONES.map((z) => [ZONE_CODE[z], z]));

/** Splits one CSV line with optional double-quoted fields. */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      fields.push(current);
      current = "";
    } else current += ch;
  }
  fields.push(current);
  return fields;
}

function parseTable(csv: string): ReadonlyMap<string, readonly KommuneZone[]> {
  const byNumber = new Map<string, KommuneZone[]>();
  const [header, ...lines] = csv.trim().split("\n");
  if (header !== "kommunenummer,kommunenavn,sone,gyldig_fra,delomraade") throw new Error("Ukjent kolonneoppsett i sonetabellen");
  for (const line of lines) {
    const [kommunenummer, kommunenavn, code, , comment = ""] = csvFields(line);
    const zone = ZONE_BY_CODE.get(code);
    if (!zone || !/^\d{4}$/.test(kommunenummer)) throw new Error(`Ugyldig rad i sonetabellen: ${line}`);
    const isNote = GRENSEJUSTERING.test(comment);
    const rows = byNumber.get(kommunenummer) ?? [];
    rows.push({ kommunenummer, kommunenavn, zone, delomraade: isNote ? "" : comment, note: isNote ? comment : "" });
    byNumber.set(kommunenummer, rows);
  }
  return byNumber;
}

/** Kommunenummer (four digits) → its zone rows; more than one row for the twelve split kommuner. */
export const KOMMUNE_SONER: ReadonlyMap<string, readonly KommuneZone[]> = parseTable(KOMMUNE_SONER_CSV);
