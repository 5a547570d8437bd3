/** Reading SAP, Unit4 and SPK exports into the reconciliation (DESIGN.md §5). */
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
