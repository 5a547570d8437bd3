/**
 * `lonn avstem --json`: DESIGN.md §7's shape, `{ terminer: [{ termin, G, H, I, O, P, Q, R, T, … }],
 * bilag: [{ termin, konto, belop, … }] }`, with the rest of the run under its own keys. Amounts are
 * the model's figures in kroner as JSON numbers; nothing is computed here.
 */
import { kroner, Ore } from "../../core/money/ore";
import { AmeldingFordeling } from "../../core/spk/amelding";
import { AMOUNT_COLUMNS, SOURCE_NAMES, TEXT_COLUMNS } from "../../core/spk/termin-fields";
import { Flag, Summer } from "../../core/spk/types";
import { SpkRun } from "../../core/usecase/spk";
import { bilagSum } from "../../core/voucher/balance";
import type { XlsxApplyReport } from "../xlsx/apply-plan";

/** The amounts in kroner when `ok`, else null. */
const orNull = (ok: boolean, amounts: Record<string, Ore>): Record<string, number | null> =>
  Object.fromEntries(Object.entries(amounts).map(([k, v]) => [k, ok ? kroner(v) : null]));

const flagJson = (f: Flag) => ({ type: f.kind, termin: f.termin, kolonner: f.kolonner, melding: f.melding });

/** An object's Ore fields as kroner (the JSON keeps the model's field names). */
function kronerFields<T extends object>(o: T, keys: readonly (keyof T)[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(o as Record<string, unknown>) };
  for (const k of keys) out[k as string] = kroner(o[k] as unknown as Ore);
  return out;
}

const SUM_KEYS: readonly (keyof Summer)[] = ["B", "C", "D", "E", "F", "G", "H", "I", "L", "M", "N", "O", "P", "Q", "R", "T"];

function ameldingJson(list: readonly AmeldingFordeling[]) {
  return list.map((f) => ({
    ...kronerFields(f, ["differanse", "sumEndring", "sumAga", "beregnetAga", "avvik"]),
    rader: f.rader.map((r) => kronerFields(r, ["grunnlagLonn", "endringGrunnlag", "aga"])),
  }));
}

export interface JsonExtras {
  readonly files?: readonly { readonly type: string; readonly path: string }[];
  readonly sheet?: XlsxApplyReport;
  /** What the CSV/GL07 export held. */
  readonly exported?: { readonly batchId: string; readonly bilag: readonly string[]; readonly uendret: readonly string[]; readonly kopi: boolean };
}

export function resultJson(run: SpkRun, extras: JsonExtras = {}): Record<string, unknown> {
  const { avstemming: a, inputs } = run;
  const terminer = a.terminer.map((t) => {
    const fields: Record<string, number | string | null> = {};
    // A source the termin has no figures from is null, not 0 (missing is not zero).
    const missing = t.input.mangler ?? [];
    for (const c of AMOUNT_COLUMNS) fields[c.col] = missing.includes(c.source) ? null : kroner(t.input[c.field]);
    for (const c of TEXT_COLUMNS) {
      const v = t.input[c.field];
      if (v !== undefined && v !== "") fields[c.col] = v;
    }
    const signOff = run.signOff?.terminer.find((x) => x.termin === t.termin);
    return {
      termin: t.termin,
      avstemt: t.avstemt,
      ...(missing.length === 0 ? {} : { mangler: missing.map((k) => SOURCE_NAMES[k]) }),
      // A comparison without both its sources is null, as its cell is empty.
      ...orNull(!missing.includes("sap") && !missing.includes("unit4"), { G: t.G, H: t.H, I: t.I }),
      ...orNull(t.avstemt, { O: t.O, P: t.P, Q: t.Q, R: t.R }),
      S: t.S,
      ...orNull(t.avstemt, { T: t.T }),
      ...fields,
      ...(signOff ? { signering: signOff.state } : {}),
      flagg: t.flags.map(flagJson),
    };
  });
  const bilag = run.bilag.flatMap((b) =>
    b.linjer.map((l) => ({
      termin: l.termin,
      konto: l.konto,
      belop: kroner(l.belop),
      bilagId: b.id,
      linje: l.linje,
      tekst: l.tekst,
      dimensjoner: l.dimensjoner,
      dato: b.dato,
      periode: b.periode,
    })),
  );
  const bilagsoversikt = run.bilag.map((b) => {
    const sum = bilagSum(b);
    return { bilagId: b.id, termin: b.termin, tekst: b.tekst, dato: b.dato, periode: b.periode, linjer: b.linjer.length, sum: kroner(sum), iBalanse: sum === 0 };
  });
  return {
    kilde: inputs.source,
    oppsett: { ...a.oppsett, toleranse: kroner(a.oppsett.toleranse) },
    terminer,
    sum: kronerFields(a.sum, SUM_KEYS),
    aarsAga: a.aarsAga === undefined ? null : kroner(a.aarsAga),
    flagg: a.flags.map(flagJson),
    saldokontroll: a.saldokontroll.map((s) => kronerFields(s, ["ib", "bevegelse", "ub", "forventet", "differanse"])),
    agaJustering: a.agaJustering ? kronerFields(a.agaJustering, ["sumR", "sumT", "nyAga", "justering"]) : null,
    bilag,
    bilagsoversikt,
    amelding: run.amelding ? ameldingJson(run.amelding) : null,
    importmerknader: inputs.notes,
    ...(extras.files ? { filer: extras.files.map((f) => ({ type: f.type, sti: f.path })) } : {}),
    ...(extras.sheet ? { ark: { ikkeSkrevet: extras.sheet.leftAlone, merknader: extras.sheet.notices } } : {}),
    ...(extras.exported ? { eksport: extras.exported } : {}),
  };
}
