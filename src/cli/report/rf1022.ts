/**
 * `lonn rf1022`'s report: `--json` (kroner as JSON numbers, the model's field names) and the
 * Norwegian text without it. Every figure is the model's; nothing is computed here.
 */
import { kroner } from "../../core/money/ore";
import { Rf1022SignOff } from "../../core/rf1022/sheet";
import { oneLine } from "../../core/text";
import { Rf1022Run } from "../../core/usecase/rf1022";
import { kr, table } from "./table";
import { append } from "../../core/list";

export interface Rf1022JsonExtras {
  readonly files?: readonly { readonly type: string; readonly path: string }[];
  readonly signOff?: Rf1022SignOff;
}

export function rf1022Json(run: Rf1022Run, extras: Rf1022JsonExtras = {}): Record<string, unknown> {
  const r = run.rf1022;
  const i = r.input;
  return {
    kilde: run.inputs.source,
    virksomhet: i.virksomhet ?? null,
    orgnr: i.orgnr ?? null,
    aar: i.aar,
    toleranse: kroner(r.toleranse),
    grupper: r.grupper.map((g) => ({
      id: g.gruppe.id, navn: g.gruppe.navn, type: g.gruppe.type, agaPliktig: g.gruppe.agaPliktig,
      A: kroner(g.A), B: kroner(g.B), C: kroner(g.C), D: kroner(g.D),
      linjer: g.linjer.map((l) => ({ konto: l.konto, rolle: l.rolle, iHovedbok: l.iHovedbok, A: kroner(l.A), B: kroner(l.B), C: kroner(l.C), D: kroner(l.D) })),
    })),
    amelding: { maaneder: i.amelding.maaneder, inntekt: kroner(i.amelding.inntekt), agaGrunnlag: kroner(i.amelding.agaGrunnlag), arbeidsgiveravgift: kroner(i.amelding.arbeidsgiveravgift) },
    kontroller: r.kontroller.map((c) => ({ type: c.kind, navn: c.navn, grupper: c.grupper, regnskap: kroner(c.regnskap), amelding: kroner(c.amelding), differanse: kroner(c.differanse) })),
    flagg: r.flags.map((f) => ({ kontroll: f.kontroll, grupper: f.grupper, belop: kroner(f.belop), melding: f.melding })),
    merknader: run.inputs.notes,
    ...(extras.signOff ? { signering: { status: extras.signOff.state, ...extras.signOff.signOff } } : {}),
    ...(extras.files ? { filer: extras.files.map((f) => ({ type: f.type, sti: f.path })) } : {}),
  };
}

export function rf1022Text(run: Rf1022Run, signOff?: Rf1022SignOff): string[] {
  const r = run.rf1022;
  const i = r.input;
  const out = [`RF-1022 kontrolloppstilling ${i.aar}${i.virksomhet ? ` – ${oneLine(i.virksomhet)}` : ""}${i.orgnr ? ` (${i.orgnr})` : ""}`, ""];
  append(out, table([["Gruppe", "A bokført", "B 1.1.", "C 31.12.", "D innberetningspliktig"], ...r.grupper.map((g) => [g.gruppe.navn, kr(g.A), kr(g.B), kr(g.C), kr(g.D)])]));
  append(out, ["", ...table([["Mot a-meldingene", "Regnskapet", "A-meldingene", "Differanse"], ...r.kontroller.map((c) => [c.navn, kr(c.regnskap), kr(c.amelding), kr(c.differanse)])])]);
  append(out, ["", r.flags.length === 0 ? `Ingen avvik over toleransen (${kr(r.toleranse)} kr).` : `${r.flags.length} avvik:`, ...r.flags.map((f) => `  ${f.melding}`)]);
  if (signOff) out.push("", `Signering: ${signOff.state}.`);
  if (run.inputs.notes.length > 0) append(out, ["", ...run.inputs.notes.map((n) => `Merknad: ${n}`)]);
  return out;
}
