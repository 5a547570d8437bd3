/**
 * The a-melding (XML, version 2.3) into the trekk reconciliation's `AmeldingMaaned` (DESIGN.md §8.4).
 *
 * One file is one melding: `melding/Leveranse` in the namespace
 * `urn:ske:fastsetting:innsamling:a-meldingen:v2_3`, with
 * - `kalendermaaned`, `meldingsId`, `erstatterMeldingsId` (a melding that replaces an earlier one
 *   for the same month), `opplysningspliktig/norskIdentifikator` (the legal entity);
 * - `oppgave/betalingsinformasjon`: `sumForskuddstrekk`, `sumArbeidsgiveravgift` and the list
 *   `sumForskuddstrekkPerLoennsutbetalingsdato` (`loennsutbetalingsdato`, `beloep`). From 2026 the
 *   per-date list carries the forskuddstrekk and `sumForskuddstrekk` is often left out (Skatteetaten's
 *   own 2026 example has only the list): then `sumForskuddstrekk` is the sum of the list;
 * - `oppgave/virksomhet` (one per underenhet, `norskIdentifikator`) with
 *   `arbeidsgiveravgift/loennOgGodtgjoerelse` (`beregningskodeForArbeidsgiveravgift`, `sone`,
 *   `avgiftsgrunnlagBeloep`, `prosentsatsForAvgiftsberegning`). `tilskuddOgPremieTilPensjon` is
 *   AGA basis too and is read the same way; `fradragIGrunnlagetForSone` (`avgiftsfradragBeloep`)
 *   is a deduction from a zone's basis and becomes a negative line. `agaKoder` says which line is
 *   which, with its beregningskode;
 * - per person (`virksomhet/inntektsmottaker`): `inntekt/beloep` (with `utloeserArbeidsgiveravgift`)
 *   and `forskuddstrekk/beloep` (negative in the a-melding: a deduction from the person's pay). A
 *   large employer has many thousands of these, so they are summed as they stream past, per
 *   virksomhet, never kept; the sums go in the file summary and a note when the persons'
 *   forskuddstrekk does not add up to what the melding reports.
 *
 * Amounts are xs:decimal kroner (`245428.0`, `-17022`) and become whole øre; a fraction of an øre,
 * a number that is not one, a date or month that is not one, a required element that is missing
 * or one that stands twice: each is a problem naming the file, the line and the element path
 * (`Leveranse/oppgave/betalingsinformasjon/sumForskuddstrekk`). Another namespace or root element
 * (an older a-melding version, a tilbakemelding, any other XML) refuses the file at once.
 *
 * Several files (a year: twelve months, corrections) are combined by `combineAmeldinger`: a melding
 * whose `erstatterMeldingsId` names an earlier melding of the same month and opplysningspliktig
 * replaces it; two meldinger for one month where neither replaces the other are refused, naming
 * both files. Every problem of every file is reported at once, and nothing is returned when there
 * is one.
 */
import { AmeldingAgaLinje, AmeldingMaaned } from "../trekk/types";
import { ORE_ZERO, Ore } from "../money/ore";
import { isValidOrgnr } from "../rules/orgnr";
import { Checked, isProblems, Problem, Problems, rejected } from "../problem/problem";
import { createXmlTokenizer, XmlHandler, XmlTokenizerFactory } from "./xml/tokenizer";
import { CappedProblems, ElementPath, StreamReader } from "./xml/stream";
import { detached, xmlAmountProblem, xmlBoolean, xmlDate, xmlDecimal, xmlOre, xmlYearMonth } from "./xml/values";
import { append } from "../list";

export const AMELDING_NS = "urn:ske:fastsetting:innsamling:a-meldingen:v2_3";

/** The a-melding's zone codes. */
export const AMELDING_SONER: readonly string[] = ["1", "1a", "2", "3", "4", "4a", "5"];

/** Which list of `arbeidsgiveravgift` an AGA line came from. */
export type AgaGrunnlagstype = "loennOgGodtgjoerelse" | "tilskuddOgPremieTilPensjon" | "fradragIGrunnlagetForSone";

/** What `AmeldingAgaLinje` leaves out: the list and the beregningskode of line `index` of a month's `agaGrunnlag`. */
export interface AmeldingAgaKode {
  readonly kalendermaaned: string;
  readonly orgnr: string;
  readonly index: number;
  readonly grunnlagstype: AgaGrunnlagstype;
  readonly beregningskodeForArbeidsgiveravgift: string;
  /** Where the line stands in its file: `Leveranse/oppgave/virksomhet[2]/arbeidsgiveravgift/loennOgGodtgjoerelse[1]`, and its line. */
  readonly element: string;
  readonly row: number;
}

/** One virksomhet of a melding, summed over its inntektsmottakere. */
export interface AmeldingVirksomhet {
  readonly virksomhetsnummer: string;
  readonly inntektsmottakere: number;
  /** Σ inntekt/beloep. */
  readonly inntekt: Ore;
  /** Σ inntekt/beloep where utloeserArbeidsgiveravgift is true. */
  readonly inntektMedAga: Ore;
  /** −Σ forskuddstrekk/beloep: what was withheld, positive. */
  readonly forskuddstrekk: Ore;
}

/** One a-melding file, read. */
export interface AmeldingFile {
  readonly file: string;
  readonly meldingsId: string;
  readonly erstatterMeldingsId?: string;
  readonly kalendermaaned: string;
  /** The opplysningspliktig's norskIdentifikator. */
  readonly orgnr: string;
  /** The melding's figures, as `AmeldingMaaned` (meldingsId and orgnr filled in). */
  readonly maaned: AmeldingMaaned;
  readonly agaKoder: readonly AmeldingAgaKode[];
  readonly virksomheter: readonly AmeldingVirksomhet[];
  /** Lines of `meldingsId` and `erstatterMeldingsId`, for messages about replacements. */
  readonly lines: { readonly meldingsId: number; readonly erstatterMeldingsId?: number };
  readonly notes: readonly string[];
}

/** A melding in the combined result: which one stands for its month. */
export interface AmeldingFileSummary {
  readonly file: string;
  readonly meldingsId: string;
  readonly erstatterMeldingsId?: string;
  readonly kalendermaaned: string;
  readonly orgnr: string;
  /** The meldingsId of the melding that replaced this one; absent for the melding that stands. */
  readonly erstattetAv?: string;
  readonly virksomheter: readonly AmeldingVirksomhet[];
}

export interface AmeldingImport {
  /** One per opplysningspliktig and kalendermaaned, after replacements, by month. */
  readonly maaneder: readonly AmeldingMaaned[];
  readonly agaKoder: readonly AmeldingAgaKode[];
  readonly meldinger: readonly AmeldingFileSummary[];
  readonly notes: readonly string[];
}

export interface AmeldingOptions {
  /** The reconciliation year: a melding for another year is refused. */
  readonly aar?: number;
  /** The opplysningspliktig expected: a melding for another is refused. */
  readonly orgnr?: string;
}

const AGA_KINDS: readonly AgaGrunnlagstype[] = ["loennOgGodtgjoerelse", "tilskuddOgPremieTilPensjon", "fradragIGrunnlagetForSone"];

const REPEATING = new Set([
  "virksomhet",
  "inntektsmottaker",
  "inntekt",
  "forskuddstrekk",
  "sumForskuddstrekkPerLoennsutbetalingsdato",
  "loennOgGodtgjoerelse",
  "tilskuddOgPremieTilPensjon",
  "fradragIGrunnlagetForSone",
  "arbeidsforhold",
  "fradrag",
  "utleggstrekk",
]);

// The leaf elements read, by what they hold.
const enum Field {
  None,
  Kalendermaaned,
  MeldingsId,
  ErstatterMeldingsId,
  Opplysningspliktig,
  SumForskuddstrekk,
  SumArbeidsgiveravgift,
  DatoDato,
  DatoBeloep,
  VirksomhetNr,
  InntektBeloep,
  InntektAga,
  TrekkBeloep,
  AgaKode,
  AgaSone,
  AgaGrunnlag,
  AgaSats,
}

const MAX_TEXT = 10_000;

interface VirksomhetState {
  nr?: string;
  line: number;
  path: string;
  persons: number;
  inntekt: number;
  inntektMedAga: number;
  trekk: number;
}

interface AgaState {
  kind: AgaGrunnlagstype;
  kode?: string;
  sone?: string;
  grunnlag?: Ore;
  sats?: number;
  line: number;
  path: string;
  virksomhet: VirksomhetState;
}

interface DatoState {
  dato?: string;
  belop?: Ore;
  line: number;
  path: string;
}

/** A melding file read as a stream: `write` its text in chunks, then `end`. */
export function createAmeldingReader(file: string, tokenizer: XmlTokenizerFactory = createXmlTokenizer): StreamReader<AmeldingFile> {
  const problems = new CappedProblems(file);
  const path = new ElementPath(REPEATING);
  const notes: string[] = [];
  let refused = false;

  let leveranse = 0; // times seen
  let leveranseLine = 0;
  let kalendermaaned: string | undefined;
  let meldingsId: string | undefined;
  let meldingsIdLine = 0;
  let erstatter: string | undefined;
  let erstatterLine: number | undefined;
  let opplysningspliktig = 0;
  let opplysningspliktigLine = 0;
  let orgnr: string | undefined;
  let oppgave = 0;
  let betalingsinformasjon = 0;
  let sumTrekk: Ore | undefined;
  let sumAga: Ore | undefined;
  const perDato: { dato: string; belop: Ore }[] = [];
  const perDatoLines: number[] = [];
  let dato: DatoState | undefined;
  const virksomheter: VirksomhetState[] = [];
  let virksomhet: VirksomhetState | undefined;
  const agaLines: AgaState[] = [];
  let aga: AgaState | undefined;
  const unread = new Set<string>();
  // One person's inntekt / forskuddstrekk being read (never nested, so plain variables).
  let inntektBelop: number | undefined;
  let inntektAga: boolean | undefined;
  let trekkBelop: number | undefined;

  // The leaf being captured.
  let field = Field.None;
  let fieldDepth = 0;
  let fieldLine = 0;
  let text = "";

  const handler: XmlHandler = {
    openElement(local, uri) {
      path.open(local);
      const d = path.depth;
      if (refused) return;
      if (d === 1) {
        checkRoot(local, uri);
        return;
      }
      if (field !== Field.None) {
        problems.add(`Elementet «${path.at(d - 1)}» skal ha en verdi, ikke underelementer.`, tok.line(), path.text(d - 1));
        field = Field.None;
      }
      if (uri !== AMELDING_NS) return;
      const parent = path.at(d - 1);
      switch (d) {
        case 2:
          if (local === "Leveranse") {
            leveranse++;
            leveranseLine = tok.line();
            if (leveranse === 2) problems.add("Elementet «Leveranse» står to ganger; en a-melding har én leveranse.", leveranseLine, "Leveranse");
          }
          return;
        case 3:
          if (parent !== "Leveranse") return;
          if (local === "kalendermaaned") capture(Field.Kalendermaaned, d);
          else if (local === "meldingsId") capture(Field.MeldingsId, d);
          else if (local === "erstatterMeldingsId") capture(Field.ErstatterMeldingsId, d);
          else if (local === "opplysningspliktig") {
            opplysningspliktig++;
            opplysningspliktigLine = tok.line();
          } else if (local === "oppgave") oppgave++;
          return;
        case 4:
          if (parent === "opplysningspliktig") {
            if (local === "norskIdentifikator") capture(Field.Opplysningspliktig, d);
          } else if (parent === "oppgave") {
            if (local === "betalingsinformasjon") {
              betalingsinformasjon++;
              if (betalingsinformasjon === 2) problems.add("Elementet «betalingsinformasjon» står to ganger.", tok.line(), path.text());
            } else if (local === "virksomhet") {
              virksomhet = { line: tok.line(), path: path.text(), persons: 0, inntekt: 0, inntektMedAga: 0, trekk: 0 };
              virksomheter.push(virksomhet);
            } else if (local === "betalingsinformasjonForForenkletOrdning") unread.add(detached(local));
          }
          return;
        case 5:
          if (parent === "betalingsinformasjon") {
            if (local === "sumForskuddstrekk") capture(Field.SumForskuddstrekk, d);
            else if (local === "sumArbeidsgiveravgift") capture(Field.SumArbeidsgiveravgift, d);
            else if (local === "sumForskuddstrekkPerLoennsutbetalingsdato") dato = { line: tok.line(), path: path.text() };
          } else if (parent === "virksomhet") {
            if (local === "norskIdentifikator") capture(Field.VirksomhetNr, d);
            else if (local === "inntektsmottaker" && virksomhet) virksomhet.persons++;
          }
          return;
        case 6:
          if (parent === "sumForskuddstrekkPerLoennsutbetalingsdato") {
            if (local === "loennsutbetalingsdato") capture(Field.DatoDato, d);
            else if (local === "beloep") capture(Field.DatoBeloep, d);
          } else if (parent === "inntektsmottaker") {
            if (local === "inntekt") {
              inntektBelop = undefined;
              inntektAga = undefined;
            } else if (local === "forskuddstrekk") trekkBelop = undefined;
          } else if (parent === "arbeidsgiveravgift" && virksomhet) {
            // The kind as our own constant: `local` is cut from the chunk and would keep it alive in the result.
            const kind = AGA_KINDS.find((k) => k === local);
            if (kind !== undefined) {
              aga = { kind, line: tok.line(), path: path.text(), virksomhet };
              agaLines.push(aga);
            } else if (local.startsWith("utenlandske") || local === "fradragIGrunnlagetForUtenlandsk") unread.add(detached(local));
          }
          return;
        case 7: {
          const grandparent = path.at(d - 2);
          if (grandparent === "inntektsmottaker") {
            if (parent === "inntekt") {
              if (local === "beloep") capture(Field.InntektBeloep, d);
              else if (local === "utloeserArbeidsgiveravgift") capture(Field.InntektAga, d);
            } else if (parent === "forskuddstrekk" && local === "beloep") capture(Field.TrekkBeloep, d);
          } else if (grandparent === "arbeidsgiveravgift" && aga) {
            if (local === "beregningskodeForArbeidsgiveravgift") capture(Field.AgaKode, d);
            else if (local === "sone") capture(Field.AgaSone, d);
            else if (local === (aga.kind === "fradragIGrunnlagetForSone" ? "avgiftsfradragBeloep" : "avgiftsgrunnlagBeloep")) capture(Field.AgaGrunnlag, d);
            else if (local === "prosentsatsForAvgiftsberegning") capture(Field.AgaSats, d);
          }
          return;
        }
        default:
          return;
      }
    },

    text(t) {
      if (field === Field.None) return;
      if (text.length + t.length > MAX_TEXT) {
        problems.add(`Verdien er lengre enn ${MAX_TEXT} tegn.`, fieldLine, path.text());
        field = Field.None;
        return;
      }
      text += t;
    },

    closeElement(local, uri) {
      const d = path.depth;
      if (!refused) {
        if (field !== Field.None && d === fieldDepth) {
          const f = field;
          field = Field.None;
          value(f, text);
        } else if (uri === AMELDING_NS) closed(local, d);
      }
      path.close();
    },
  };

  const tok = tokenizer(handler);

  function capture(f: Field, depth: number): void {
    field = f;
    fieldDepth = depth;
    fieldLine = tok.line();
    text = "";
  }

  function problem(message: string): void {
    problems.add(message, fieldLine, path.text());
  }

  function twice(name: string): void {
    problem(`Elementet «${name}» står to ganger.`);
  }

  function missing(name: string, parentDepth: number, line: number): void {
    problems.add(`Mangler elementet «${name}».`, line, path.text(parentDepth, name));
  }

  function amount(t: string): Ore | undefined {
    const ore = xmlOre(t);
    if (ore === ore) return ore as Ore;
    problem(xmlAmountProblem(t));
    return undefined;
  }

  function checkRoot(local: string, uri: string): void {
    if (local === "melding" && uri === AMELDING_NS) return;
    refused = true;
    const other = /a-meldingen:v(\d+)_(\d+)/.exec(uri);
    let message: string;
    if (other) {
      message = `Filen er en a-melding i versjon ${other[1]}.${other[2]} (navnerommet «${uri}»); bare versjon 2.3 («${AMELDING_NS}») leses. Hent a-meldingen fra lønnssystemet i versjon 2.3.`;
    } else if (local === "melding") {
      message = `Filen er ikke en a-melding i versjon 2.3: rotelementet «melding» har navnerommet «${uri || "(ingen)"}», ventet «${AMELDING_NS}».`;
    } else {
      message = `Filen er ikke en a-melding: rotelementet er «${local}»${uri ? ` i navnerommet «${uri}»` : ""}, ventet «melding» i navnerommet «${AMELDING_NS}».`;
    }
    problems.add(message, tok.line(), local);
    tok.stop();
  }

  function value(f: Field, t: string): void {
    switch (f) {
      case Field.Kalendermaaned: {
        if (kalendermaaned !== undefined) return twice("kalendermaaned");
        const m = xmlYearMonth(t);
        if (m === undefined) problem(`«${t.trim()}» er ikke en kalendermåned (ÅÅÅÅ-MM).`);
        kalendermaaned = m ?? "";
        return;
      }
      case Field.MeldingsId:
        if (meldingsId !== undefined) return twice("meldingsId");
        meldingsId = detached(t.trim());
        meldingsIdLine = fieldLine;
        if (meldingsId === "") problem("meldingsId er tom.");
        return;
      case Field.ErstatterMeldingsId:
        if (erstatter !== undefined) return twice("erstatterMeldingsId");
        erstatter = detached(t.trim());
        erstatterLine = fieldLine;
        if (erstatter === "") problem("erstatterMeldingsId er tom; ta elementet bort, eller oppgi meldingsId-en til meldingen som erstattes.");
        return;
      case Field.Opplysningspliktig: {
        if (orgnr !== undefined) return twice("norskIdentifikator");
        const nr = detached(t.trim());
        orgnr = nr;
        if (/^\d{11}$/.test(nr)) return; // a person (fødselsnummer or d-nummer) as opplysningspliktig
        if (!/^\d{9}$/.test(nr)) problem(`«${nr}» er ikke et organisasjonsnummer (ni sifre) eller fødselsnummer (elleve).`);
        else if (!isValidOrgnr(nr)) problem(`Organisasjonsnummeret ${nr} har feil kontrollsiffer (modulus 11).`);
        return;
      }
      case Field.SumForskuddstrekk:
        if (sumTrekk !== undefined) return twice("sumForskuddstrekk");
        sumTrekk = amount(t) ?? ORE_ZERO;
        return;
      case Field.SumArbeidsgiveravgift:
        if (sumAga !== undefined) return twice("sumArbeidsgiveravgift");
        sumAga = amount(t) ?? ORE_ZERO;
        return;
      case Field.DatoDato:
        if (!dato) return;
        if (dato.dato !== undefined) return twice("loennsutbetalingsdato");
        dato.dato = xmlDate(t) ?? "";
        if (dato.dato === "") problem(`«${t.trim()}» er ikke en dato (ÅÅÅÅ-MM-DD).`);
        return;
      case Field.DatoBeloep:
        if (!dato) return;
        if (dato.belop !== undefined) return twice("beloep");
        dato.belop = amount(t) ?? ORE_ZERO;
        return;
      case Field.VirksomhetNr: {
        if (!virksomhet) return;
        if (virksomhet.nr !== undefined) return twice("norskIdentifikator");
        const nr = detached(t.trim());
        virksomhet.nr = nr;
        if (!/^\d{9}$/.test(nr)) problem(`«${nr}» er ikke et virksomhetsnummer (ni sifre).`);
        else if (!isValidOrgnr(nr)) problem(`Virksomhetsnummeret ${nr} har feil kontrollsiffer (modulus 11).`);
        return;
      }
      case Field.InntektBeloep: {
        if (inntektBelop !== undefined) return twice("beloep");
        const ore = xmlOre(t);
        if (ore === ore) inntektBelop = ore;
        else {
          problem(xmlAmountProblem(t));
          inntektBelop = 0;
        }
        return;
      }
      case Field.InntektAga: {
        const b = xmlBoolean(t);
        if (b === undefined) problem(`«${t.trim()}» er ikke true eller false.`);
        inntektAga = b;
        return;
      }
      case Field.TrekkBeloep: {
        if (trekkBelop !== undefined) return twice("beloep");
        const ore = xmlOre(t);
        if (ore === ore) trekkBelop = ore;
        else {
          problem(xmlAmountProblem(t));
          trekkBelop = 0;
        }
        return;
      }
      case Field.AgaKode:
        if (!aga) return;
        if (aga.kode !== undefined) return twice("beregningskodeForArbeidsgiveravgift");
        aga.kode = detached(t.trim());
        if (aga.kode === "") problem("beregningskodeForArbeidsgiveravgift er tom.");
        return;
      case Field.AgaSone: {
        if (!aga) return;
        if (aga.sone !== undefined) return twice("sone");
        const sone = detached(t.trim().toLowerCase());
        aga.sone = sone;
        if (!AMELDING_SONER.includes(sone)) problem(`«${t.trim()}» er ikke en sone i a-meldingen (1, 1a, 2, 3, 4, 4a eller 5).`);
        return;
      }
      case Field.AgaGrunnlag:
        if (!aga) return;
        if (aga.grunnlag !== undefined) return twice(aga.kind === "fradragIGrunnlagetForSone" ? "avgiftsfradragBeloep" : "avgiftsgrunnlagBeloep");
        aga.grunnlag = amount(t) ?? ORE_ZERO;
        return;
      case Field.AgaSats: {
        if (!aga) return;
        if (aga.sats !== undefined) return twice("prosentsatsForAvgiftsberegning");
        const sats = xmlDecimal(t);
        if (!(sats >= 0 && sats <= 100)) problem(`«${t.trim()}» er ikke en prosentsats (et tall fra 0 til 100, f.eks. 14.1).`);
        aga.sats = sats >= 0 && sats <= 100 ? sats : 0;
        return;
      }
      default:
        return;
    }
  }

  /** An element of the melding closed: check what it must contain. */
  function closed(local: string, d: number): void {
    if (d === 6 && path.at(5) === "inntektsmottaker" && virksomhet) {
      if (local === "inntekt") {
        if (inntektBelop === undefined) missing("beloep", d, tok.line());
        else {
          virksomhet.inntekt += inntektBelop;
          if (inntektAga === true) virksomhet.inntektMedAga += inntektBelop;
        }
      } else if (local === "forskuddstrekk") {
        if (trekkBelop === undefined) missing("beloep", d, tok.line());
        else virksomhet.trekk += trekkBelop;
      }
      return;
    }
    if (d === 7 || d > 7) return;
    if (d === 6 && aga && path.at(5) === "arbeidsgiveravgift" && local === aga.kind) {
      const line = aga.line;
      if (aga.kode === undefined) missing("beregningskodeForArbeidsgiveravgift", d, line);
      if (aga.sone === undefined) missing("sone", d, line);
      if (aga.grunnlag === undefined) missing(aga.kind === "fradragIGrunnlagetForSone" ? "avgiftsfradragBeloep" : "avgiftsgrunnlagBeloep", d, line);
      if (aga.sats === undefined) missing("prosentsatsForAvgiftsberegning", d, line);
      aga = undefined;
      return;
    }
    if (d === 5 && dato && local === "sumForskuddstrekkPerLoennsutbetalingsdato") {
      if (dato.dato === undefined) missing("loennsutbetalingsdato", d, dato.line);
      if (dato.belop === undefined) missing("beloep", d, dato.line);
      if (dato.dato && dato.belop !== undefined) {
        const seen = perDato.findIndex((p) => p.dato === dato?.dato);
        if (seen !== -1) {
          problems.add(`Lønnsutbetalingsdatoen ${dato.dato} står også på linje ${perDatoLines[seen]}; hver dato skal stå én gang.`, dato.line, dato.path);
        } else {
          perDato.push({ dato: dato.dato, belop: dato.belop });
          perDatoLines.push(dato.line);
        }
      }
      dato = undefined;
      return;
    }
    if (d === 4 && local === "virksomhet" && virksomhet) {
      if (virksomhet.nr === undefined) missing("norskIdentifikator", d, virksomhet.line);
      virksomhet = undefined;
      return;
    }
    if (d === 3 && local === "opplysningspliktig") {
      if (orgnr === undefined) missing("norskIdentifikator", d, opplysningspliktigLine);
      return;
    }
    if (d === 2 && local === "Leveranse" && leveranse === 1) {
      if (kalendermaaned === undefined) missing("kalendermaaned", d, leveranseLine);
      if (meldingsId === undefined) missing("meldingsId", d, leveranseLine);
      if (opplysningspliktig === 0) missing("opplysningspliktig", d, leveranseLine);
      if (oppgave === 0) missing("oppgave", d, leveranseLine);
      return;
    }
    if (d === 1 && local === "melding" && leveranse === 0) missing("Leveranse", 1, tok.line());
  }

  function result(): AmeldingFile {
    const month = kalendermaaned as string;
    const nr = orgnr as string;
    const perDateSum = perDato.reduce((s, p) => s + p.belop, 0) as Ore;
    const sumForskuddstrekk = sumTrekk ?? perDateSum;
    if (sumTrekk !== undefined && perDato.length > 0 && sumTrekk !== perDateSum) {
      notes.push(`${month}: sumForskuddstrekk (${kr(sumTrekk)}) er ikke summen av sumForskuddstrekkPerLoennsutbetalingsdato (${kr(perDateSum)}).`);
    }
    for (const p of perDato) {
      if (!p.dato.startsWith(month)) notes.push(`${month}: lønnsutbetalingsdatoen ${p.dato} er ikke i kalendermåneden.`);
    }
    const agaGrunnlag: AmeldingAgaLinje[] = [];
    const agaKoder: AmeldingAgaKode[] = [];
    agaLines.forEach((a, index) => {
      const grunnlag = (a.kind === "fradragIGrunnlagetForSone" ? 0 - (a.grunnlag as number) : (a.grunnlag as number)) as Ore;
      agaGrunnlag.push({ sone: a.sone as string, grunnlag, prosentsats: a.sats as number, virksomhetsnummer: a.virksomhet.nr as string });
      agaKoder.push({ kalendermaaned: month, orgnr: nr, index, grunnlagstype: a.kind, beregningskodeForArbeidsgiveravgift: a.kode as string, element: detached(a.path), row: a.line });
    });
    const personTrekk = 0 - virksomheter.reduce((s, v) => s + v.trekk, 0);
    const persons = virksomheter.reduce((s, v) => s + v.persons, 0);
    if (persons > 0 && personTrekk !== sumForskuddstrekk) {
      notes.push(`${month}: forskuddstrekket per inntektsmottaker er til sammen ${kr(personTrekk as Ore)}, men meldingen oppgir ${kr(sumForskuddstrekk)}.`);
    }
    if (unread.size > 0) notes.push(`${month}: ${[...unread].join(", ")} er ikke lest.`);
    const maaned: AmeldingMaaned = {
      kalendermaaned: month,
      sumForskuddstrekk,
      sumArbeidsgiveravgift: sumAga ?? ORE_ZERO,
      forskuddstrekkPerUtbetalingsdato: perDato,
      agaGrunnlag,
      meldingsId: meldingsId as string,
      orgnr: nr,
    };
    return {
      file,
      meldingsId: meldingsId as string,
      ...(erstatter !== undefined ? { erstatterMeldingsId: erstatter } : {}),
      kalendermaaned: month,
      orgnr: nr,
      maaned,
      agaKoder,
      virksomheter: virksomheter.map((v) => ({
        virksomhetsnummer: v.nr as string,
        inntektsmottakere: v.persons,
        inntekt: (v.inntekt + 0) as Ore,
        inntektMedAga: (v.inntektMedAga + 0) as Ore,
        forskuddstrekk: (0 - v.trekk) as Ore,
      })),
      lines: { meldingsId: meldingsIdLine, ...(erstatterLine !== undefined ? { erstatterMeldingsId: erstatterLine } : {}) },
      notes,
    };
  }

  return {
    write(chunk) {
      tok.write(chunk);
    },
    end() {
      tok.end();
      if (tok.problem) problems.addProblem(tok.problem);
      if (problems.count > 0) return new Problems(problems.all());
      return result();
    },
  };
}

const kr = (ore: Ore): string => {
  const sign = ore < 0 ? "−" : "";
  const abs = Math.abs(ore);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  return `${sign}${whole},${String(abs % 100).padStart(2, "0")}\u00a0kr`;
};

/** One file's text in one piece. */
export function readAmeldingFile(file: string, text: string): Checked<AmeldingFile> {
  const reader = createAmeldingReader(file);
  reader.write(text);
  return reader.end();
}

/**
 * The meldinger of a year, combined: replacements applied, one `AmeldingMaaned` per
 * opplysningspliktig and month. Problems of every file and of the combination come together.
 */
export function combineAmeldinger(files: readonly Checked<AmeldingFile>[], options: AmeldingOptions = {}): Checked<AmeldingImport> {
  const list: Problem[] = [];
  const good: AmeldingFile[] = [];
  for (const f of files) {
    if (isProblems(f)) append(list, f.list);
    else good.push(f);
  }
  if (files.length === 0) list.push({ message: "Ingen a-meldinger å lese." });

  for (const f of good) {
    const year = Number(f.kalendermaaned.slice(0, 4));
    if (options.aar !== undefined && year !== options.aar) {
      list.push({ file: f.file, element: "Leveranse/kalendermaaned", message: `Kalendermåneden ${f.kalendermaaned} er ikke i regnskapsåret ${options.aar}.` });
    }
    if (options.orgnr !== undefined && f.orgnr !== options.orgnr) {
      list.push({ file: f.file, element: "Leveranse/opplysningspliktig/norskIdentifikator", message: `Meldingen er for opplysningspliktig ${f.orgnr}, ikke ${options.orgnr}.` });
    }
  }

  const byId = new Map<string, AmeldingFile>();
  for (const f of good) {
    const other = byId.get(f.meldingsId);
    if (other) {
      list.push({
        file: f.file,
        row: f.lines.meldingsId,
        element: "Leveranse/meldingsId",
        message: `meldingsId «${f.meldingsId}» står også i ${other.file}: samme melding er lagt ved to ganger. Ta den ene filen bort.`,
      });
    } else byId.set(f.meldingsId, f);
  }

  const key = (f: AmeldingFile) => `${f.orgnr} ${f.kalendermaaned}`;
  const replacedBy = new Map<string, AmeldingFile>();
  const notes: string[] = [];
  for (const f of good) {
    if (f.erstatterMeldingsId === undefined) continue;
    const target = byId.get(f.erstatterMeldingsId);
    const at = { file: f.file, row: f.lines.erstatterMeldingsId, element: "Leveranse/erstatterMeldingsId" };
    if (!target) {
      notes.push(`${f.file} erstatter meldingsId «${f.erstatterMeldingsId}», som ikke er blant filene; ${f.file} gjelder for ${f.kalendermaaned}.`);
    } else if (target === f) {
      list.push({ ...at, message: "Meldingen erstatter seg selv (erstatterMeldingsId er lik meldingsId)." });
    } else if (key(target) !== key(f)) {
      list.push({
        ...at,
        message: `Meldingen for ${f.kalendermaaned} erstatter «${target.meldingsId}» i ${target.file}, som gjelder ${target.kalendermaaned}${target.orgnr !== f.orgnr ? ` for ${target.orgnr}` : ""}; en erstatning må gjelde samme måned og opplysningspliktig.`,
      });
    } else if (replacedBy.has(target.meldingsId)) {
      const first = replacedBy.get(target.meldingsId) as AmeldingFile;
      list.push({ ...at, message: `Både ${first.file} og ${f.file} erstatter «${target.meldingsId}» (${target.file}); bare én av dem kan gjelde.` });
    } else {
      replacedBy.set(target.meldingsId, f);
    }
  }

  const groups = new Map<string, AmeldingFile[]>();
  for (const f of good) {
    if (byId.get(f.meldingsId) !== f) continue;
    const k = key(f);
    const g = groups.get(k);
    if (g) g.push(f);
    else groups.set(k, [f]);
  }
  const standing: AmeldingFile[] = [];
  for (const g of groups.values()) {
    const current = g.filter((f) => !replacedBy.has(f.meldingsId));
    if (current.length === 1) {
      standing.push(current[0]);
      for (const f of g) {
        const by = replacedBy.get(f.meldingsId);
        if (by) notes.push(`${f.kalendermaaned}: ${f.file} (meldingsId ${f.meldingsId}) er erstattet av ${by.file} (meldingsId ${by.meldingsId}).`);
      }
    } else if (current.length === 0) {
      list.push({ file: g[0].file, element: "Leveranse/erstatterMeldingsId", message: `Meldingene for ${g[0].kalendermaaned} erstatter hverandre i ring (${g.map((f) => f.file).join(", ")}); ingen av dem kan gjelde.` });
    } else {
      const [first, ...rest] = current;
      for (const f of rest) {
        list.push({
          file: f.file,
          row: f.lines.meldingsId,
          element: "Leveranse/meldingsId",
          message:
            `To a-meldinger for ${f.kalendermaaned} (opplysningspliktig ${f.orgnr}) uten at den ene erstatter den andre: ${first.file} (meldingsId ${first.meldingsId}) og ${f.file} (meldingsId ${f.meldingsId}). ` +
            "Legg ved bare den som gjelder, eller en erstatning med erstatterMeldingsId.",
        });
      }
    }
  }
  if (list.length > 0) return rejected("A-meldingene", list);

  standing.sort((a, b) => (a.kalendermaaned < b.kalendermaaned ? -1 : a.kalendermaaned > b.kalendermaaned ? 1 : a.orgnr < b.orgnr ? -1 : a.orgnr > b.orgnr ? 1 : 0));
  for (const f of standing) append(notes, f.notes);
  return {
    maaneder: standing.map((f) => f.maaned),
    agaKoder: standing.flatMap((f) => f.agaKoder),
    meldinger: good.map((f) => {
      const by = replacedBy.get(f.meldingsId);
      return {
        file: f.file,
        meldingsId: f.meldingsId,
        ...(f.erstatterMeldingsId !== undefined ? { erstatterMeldingsId: f.erstatterMeldingsId } : {}),
        kalendermaaned: f.kalendermaaned,
        orgnr: f.orgnr,
        ...(by ? { erstattetAv: by.meldingsId } : {}),
        virksomheter: f.virksomheter,
      };
    }),
    notes,
  };
}

/** Several files given whole (tests, the task pane): each read, then combined. */
export function readAmeldinger(files: readonly { readonly file: string; readonly text: string }[], options: AmeldingOptions = {}): Checked<AmeldingImport> {
  return combineAmeldinger(
    files.map((f) => readAmeldingFile(f.file, f.text)),
    options,
  );
}
