import { ZONES, Zone, ZONE_CODE } from "./aga";
import { KOMMUNE_SONER_CSV } from "./kommune-soner.data";

export interface KommuneZone {
  readonly kommunenummer: string;
  readonly kommunenavn: string;
  readonly zone: Zone;
  /** Skatteetaten's comment for one part of a kommune with several zones; "" for the rest. */
  readonly delomraade: string;
}

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
    const [kommunenummer, kommunenavn, code, , delomraade = ""] = csvFields(line);
    const zone = ZONE_BY_CODE.get(code);
    if (!zone || !/^\d{4}$/.test(kommunenummer)) throw new Error(`Ugyldig rad i sonetabellen: ${line}`);
    const rows = byNumber.get(kommunenummer) ?? [];
    rows.push({ kommunenummer, kommunenavn, zone, delomraade });
    byNumber.set(kommunenummer, rows);
  }
  return byNumber;
}

/** Kommunenummer (four digits) → its zone rows; more than one row for the twelve split kommuner. */
export const KOMMUNE_SONER: ReadonlyMap<string, readonly KommuneZone[]> = parseTable(KOMMUNE_SONER_CSV);
