/**
 * The sources behind every figure in the year tables, by the ids used in
 * reference/rates-and-rules.md. A figure's `source` names one or more of these.
 */
export const SOURCES = {
  S1: "regjeringen.no, «Skattesatser 2020» (etter Stortingets vedtak 13.12.2019)",
  S2: "regjeringen.no, «Skattesatser 2022», vedtatt versjon (ikke regjeringens forslag)",
  S3: "regnskapskollegiet.no, «Skattesatser 2023» (kopi av regjeringens tabell)",
  S4: "jithomassen.no, «Satser skatt og lønn 2024» (kopi av regjeringens tabell 2023/2024)",
  S5: "regjeringen.no, «Skattesatser 2025»; efacta-kopi av vedtatt tabell 2024/2025",
  S6: "regjeringen.no, «Skattesatser 2026» (vedtatte satser 2025 og forslag 2026; kopi merket «2026-regler»)",
  S7: "Skatteetaten/trekktabell, Konstanter.java per år (trekkrutine2020–2026) og Skatteberegning.beregnTrygdeavgift",
  S8: "Folketrygdloven § 23-3 fjerde ledd (teksten for 2015 lest som § 23-3 nr. 3 tredje ledd i Prop. 1 LS (2014–2015))",
  S10: "Skatteetaten, SKD-melding om arbeidsgiveravgift til folketrygden (2024)",
  S11: "Skatte-ABC 2021–2022, A-14 «Arbeidsgiveravgift – avgiftssatser», pkt. 4.3 «Fribeløpsordningen i sone Ia»",
  S12: "Skatte-ABC (gjeldende), A-14-2.4 «Svalbard»",
  S13: "regjeringen.no, «Starter utfasing av ekstra arbeidsgiveravgift på høye lønninger» (Prop. 1 LS 2023–2024 kap. 5.1)",
  S14: "regjeringen.no, «Avvikling av den midlertidige ekstra arbeidsgiveravgiften» (RNB 2024)",
  S15: "Skatteetaten, «Arbeidsgiveravgift i a-meldingen» (nytt fra 2024 og 2025)",
  S17: "Skatteetaten, SKD 1/2022 «Arbeidsgiveravgift til folketrygden for 2022»",
  S18: "Prop. 1 LS Tillegg 1 (2021–2022) kap. 5 «Differensiert arbeidsgiveravgift»",
  S19: "Skatteetaten, «Arbeidsgiveravgift – soneinndeling» (Kommunekatalog)",
  S25: "Langseth Revisjon, «Avgiftssatser 2026» (sekundærkilde)",
  S26: "kontohjelp.no, «Satser: arbeidsgiveravgift» (sekundærkilde)",
  S33: "Skatteetaten, SKD 2020/1 «Arbeidsgiveravgift til folketrygden for 2020»",
  S36: "Forskrift om ekstra arbeidsgiveravgift § 2 (via kroghrevisjon.no)",
  NAV_G: "navikt/g, grunnbeløp.json (HEAD aff03d3b; 2026 lagt til i f2633256), MIT © NAV",
} as const;

export type SourceId = keyof typeof SOURCES;
