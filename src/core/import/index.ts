/** Reading SAP, Unit4 and SPK exports into the reconciliation (DESIGN.md §5), and the trekk og AGA inputs (§8.4). */
export * from "./types";
export * from "../money/parse";
export * from "./periods";
export * from "./termin-label";
export * from "./termin-cell";
export * from "./headers";
export * from "./csv";
export { rejectedReport as importReport } from "../problem/problem";
export * from "./codes";
export * from "./sap";
export * from "./unit4";
export * from "./spk";
export * from "./posting";
export * from "./aggregate";
export { isTotalLabel } from "./table";
// The trekk og AGA reconciliation's readers (DESIGN.md §8.4).
export * from "./amelding";
export * from "./saft";
export * from "./ledger-csv";
export * from "./payroll-journal";
export * from "./payments";
export * from "./counterparties";
export type { StreamReader } from "./xml/stream";
export { readWhole } from "./xml/stream";
export type { XmlAttribute, XmlHandler, XmlLimits, XmlTokenizer, XmlTokenizerFactory } from "./xml/tokenizer";
export { createXmlTokenizer, DEFAULT_XML_LIMITS } from "./xml/tokenizer";
